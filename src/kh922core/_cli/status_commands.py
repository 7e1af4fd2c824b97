"""``kh922 progress`` (the Open SDG on-track category of each target) and ``kh922 audit`` (the
findings of a plan), with the outputs of the other commands: a table for people (``--lang``),
CSV or JSON.  ``kh922 audit`` ends with status 1 when it finds an error (or, with
``--strict``, a warning)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from kh922core._cli.arguments import date_argument
from kh922core._cli.machine_output import write_csv, write_json_document
from kh922core._cli.tables import Column, add_lang_option, labels, named, render
from kh922core._cli.terminal_text import echo
from kh922core.errors import Kh922Error, ObservationError

__all__ = ["add_status_commands"]

_PROGRESS = (
    "target_id",
    "indicator",
    "entity",
    "horizon",
    "target_value",
    "current_year",
    "current_value",
    "category",
)


def _progress(args: argparse.Namespace) -> int:
    import polars as pl

    from kh922core._cli.observation_input import in_file_rows, read_with_rows
    from kh922core._engine import is_provenance
    from kh922core._plans import load_plan, published_figures
    from kh922core._tracking import progress

    plan = load_plan(args.plan)
    if not args.observations and plan.id != load_plan().id:
        raise Kh922Error(
            f"no observations for plan {plan.id!r}: pass your own with --observations FILE"
        )
    observations = args.observations
    data, rows = read_with_rows(observations, plan) if observations else (published_figures(), None)
    as_of = args.as_of.year if args.as_of is not None else None
    try:
        table = progress(plan, data, as_of=as_of)
    except ObservationError as error:  # the rows the official sees in the file
        raise in_file_rows(error, rows) from None
    heads = table.columns  # the observations' keys stand between indicator and horizon
    keys = [  # each district's (entity's) row told apart from the others; not provenance
        c
        for c in heads[heads.index("indicator") + 1 : heads.index("horizon")]
        if not is_provenance(c)
    ]
    shown_columns = [c for c in _PROGRESS if c in heads and c not in keys]
    shown_columns[2:2] = keys
    table = table.select(shown_columns).with_columns(pl.col("category").cast(pl.String))
    if args.format == "csv":
        write_csv(table)
        return 0
    if args.format == "json":
        write_json_document({"plan": plan.number, "as_of": as_of}, {"results": table})
        return 0
    words = labels(args.lang)
    names = {i.id: i.name for i in plan.indicators}
    shown = table.with_columns(named("indicator", "indicator", names))
    columns = [
        Column("target_id", "id"),
        Column("indicator", "named"),
        *(Column(key) for key in keys),
        Column("horizon", "id"),
        Column("target_value", "number"),
        Column("current_year", "id"),
        Column("current_value", "number"),
        Column("category", "value"),
    ]
    echo(render(shown, [c for c in columns if c.name in shown.columns], words))
    return 0


def _audit(args: argparse.Namespace) -> int:
    import polars as pl

    from kh922core._plans import Severity, audit, load_plan

    plan = load_plan(args.plan)
    as_of = args.as_of if args.as_of is not None else date.today()
    findings = audit(plan, as_of)
    table = pl.DataFrame(
        [
            {
                "code": f.code,
                "severity": f.severity.value,
                "location": f.location,
                "source": f.source,
                "message": f.message,
            }
            for f in findings
        ],
        schema=dict.fromkeys(("code", "severity", "location", "source", "message"), pl.String),
    )
    if args.format == "csv":
        write_csv(table)
    elif args.format == "json":
        write_json_document({"plan": plan.number, "as_of": as_of.isoformat()}, {"findings": table})
    else:
        words = labels(args.lang)
        echo(words.say("audited", plan=plan.number, date=words.day(as_of), count=len(findings)))
        if table.height:
            columns = [
                Column("code", "id"),
                Column("severity", "value"),
                Column("location", "id"),
                Column("message"),
            ]
            echo(render(table, columns, words))
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    return 1 if errors or (args.strict and warnings) else 0


def add_status_commands(commands: Any) -> None:
    """Register ``progress`` and ``audit``."""
    progress = commands.add_parser(
        "progress",
        help="the Open SDG on-track category of each target",
        description="Whether each target is on track for its horizon (the Open SDG progress "
        "measure), from observations (default: the shipped published figures).",
    )
    progress.add_argument("--plan", default=None, help="a plan file or id (default: built-in)")
    progress.add_argument(
        "--observations", default=None, metavar="FILE", help="a .csv, .xlsx or .parquet file"
    )
    progress.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="measure as of this date's year (default: the latest observation)",
    )
    progress.add_argument("--format", default="table", choices=["table", "csv", "json"])
    add_lang_option(progress)
    progress.set_defaults(handler=_progress)

    auditing = commands.add_parser(
        "audit",
        help="the audit findings of a plan",
        description="Audit a plan (its narrative against its appendices, deadlines, agencies). "
        "Exit status 1 when an error is found (with --strict, also a warning).",
    )
    auditing.add_argument("--plan", default=None, help="a plan file or id (default: built-in)")
    auditing.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="audit as of this day (default: today)",
    )
    auditing.add_argument("--strict", action="store_true", help="a warning also fails")
    auditing.add_argument("--format", default="table", choices=["table", "csv", "json"])
    add_lang_option(auditing)
    auditing.set_defaults(handler=_audit)
