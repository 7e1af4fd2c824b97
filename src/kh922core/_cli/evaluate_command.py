"""The ``kh922 evaluate`` subcommand."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kh922core._cli.arguments import date_argument
from kh922core._cli.machine_output import write_csv, write_json_document
from kh922core._cli.tables import (
    Column,
    Labels,
    add_lang_option,
    labels,
    named,
    render,
)
from kh922core._cli.terminal_text import echo
from kh922core.errors import Kh922Error, ObservationError

if TYPE_CHECKING:
    import polars as pl

    from kh922core._plans import Plan

__all__ = ["add_evaluate_command"]

#: Columns of the evaluated rows that are not keys of an observation (the engine's own), and
#: the published figures' long descriptive columns: not shown as keys in the printed table.
_NOT_KEYS = frozenset(
    {
        "indicator",
        "value",
        "unit",
        "assessment",
        "cohort_size",
        "target_id",
        "row",
        "horizon",
        "target_text",
        "value_converted",
        "met",
        "status",
        "shortfall",
        "attainment",
        "computed",
        "published_as",
        "note",
        "source",
    }
)
_IDS = frozenset({"year", "horizon", "group", "row", "quality", "indicator", "lead_agency"})
_COUNTS = (
    "n_targets",
    "n_with_data",
    "coverage",
    "n_met",
    "share_met",
    "status_met",
    "status_exceeded",
    "status_not_met",
    "status_no_data",
    "status_needs_assessment",
)


def _results_table(plan: Plan, result: pl.DataFrame, words: Labels) -> str:
    names = {i.id: i.name for i in plan.indicators}
    keys = [c for c in result.columns if c not in _NOT_KEYS]
    columns = [
        Column("target_id", "id"),
        Column("indicator", "named"),
        *(Column(k, "id" if k in _IDS else "text") for k in keys),
        Column("target_text"),
        Column("value_converted", "number"),
        Column("status", "value"),
        Column("shortfall", "number"),
        Column("attainment", "number"),
    ]
    shown = result.with_columns(named("indicator", "indicator", names))
    return render(shown, [c for c in columns if c.name in shown.columns], words)


def _summary_table(plan: Plan, summary: pl.DataFrame, by: list[str], words: Labels) -> str:
    names = {
        "lead_agency": {a.id: a.name for a in plan.agencies},
        "indicator": {i.id: i.name for i in plan.indicators},
    }
    shown = summary.with_columns(named(k, k, names[k]) for k in by if k in names)
    columns = [Column(k, "named" if k in names else "id" if k in _IDS else "text") for k in by]
    columns += [
        Column(c, "percent" if c in ("coverage", "share_met") else "number") for c in _COUNTS
    ]
    return render(shown, columns, words)


def _evaluate(args: argparse.Namespace) -> int:
    from kh922core._cli.observation_input import in_file_rows, read_with_rows
    from kh922core._engine import evaluate, summarize
    from kh922core._plans import load_plan, published_figures
    from kh922core._tracking import leads_on

    plan = load_plan(args.plan)
    if not args.observations and plan.id != load_plan().id:
        raise Kh922Error(
            f"no observations for plan {plan.id!r}: the shipped published figures belong to "
            f"the built-in plan {load_plan().number}; pass your own with --observations FILE"
        )
    rows = None
    if args.observations:
        observations, rows = read_with_rows(args.observations, plan)
    else:
        observations = published_figures(proxies=args.proxies)
    try:
        result = evaluate(plan, observations.lazy(), cohort_policy=args.cohort_policy).collect()
    except ObservationError as error:  # the rows the official sees in the file
        raise in_file_rows(error, rows) from None
    result = result.sort([c for c in ("target_id", "year", "entity") if c in result.columns])
    by = args.by or (["year", "horizon"] if "year" in result.columns else ["horizon"])
    leads = leads_on(plan, args.as_of) if args.as_of is not None else plan
    summary = summarize(result, by=by, plan=leads)
    if args.format == "csv":
        write_csv(result)
        return 0
    if args.format == "json":
        as_of = args.as_of.isoformat() if args.as_of is not None else None
        fields = {"plan": plan.number, "as_of": as_of}
        write_json_document(fields, {"results": result, "summary": summary})
        return 0
    words = labels(args.lang)
    source = args.observations or words.say("shipped_figures")
    echo(words.say("evaluated", plan=plan.number, count=result.height, source=source))
    if result.height:
        echo(_results_table(plan, result, words))
    echo()
    echo(words.say("summary", by=", ".join(words.column(k) for k in by)))
    if "lead_agency" in by:
        day = words.day(args.as_of) if args.as_of is not None else None
        echo(words.say("leads_on", date=day) if day else words.say("leads_printed"))
    echo(_summary_table(plan, summary, by, words))
    return 0


def add_evaluate_command(commands: Any) -> None:
    """Register ``kh922 evaluate`` on the subparsers object of the main parser."""
    command = commands.add_parser(
        "evaluate",
        help="evaluate observations against the plan's targets",
        description="Evaluate observations (by default the shipped published figures for Bến "
        "Tre) against every target of a plan (by default the built-in Kế hoạch 922/KH-UBND).",
    )
    command.add_argument("--plan", default=None, help="a plan file or id (default: built-in)")
    command.add_argument(
        "--observations",
        default=None,
        metavar="FILE",
        help="a .csv (separated by ; or ,), .xlsx or .parquet file with indicator, value[, "
        "unit, year, assessment, ...], numbers as Vietnamese write them (12.000; 49,5), or a "
        "filled reporting template (default: the shipped published figures)",
    )
    command.add_argument(
        "--proxies",
        action="store_true",
        help="with the published figures, include the proxy rows (flagged quality=proxy)",
    )
    command.add_argument(
        "--by",
        nargs="+",
        default=None,
        metavar="COL",
        help="summary columns: horizon, group, lead_agency, indicator, or any key column "
        "(default: year and horizon)",
    )
    command.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="with --by lead_agency: the agencies that carry each target on this day, after "
        "the successions (default: the lead agencies as printed in the plan)",
    )
    command.add_argument(
        "--cohort-policy",
        default="absolute",
        choices=["absolute", "proportional"],
        help="how rank targets treat a changed cohort (default: absolute)",
    )
    command.add_argument("--format", default="table", choices=["table", "csv", "json"])
    add_lang_option(command)
    command.set_defaults(handler=_evaluate)
