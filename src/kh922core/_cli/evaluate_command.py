"""The ``kh922 evaluate`` subcommand."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import polars as pl

from kh922core.errors import Kh922Error, MissingFileError

__all__ = ["add_evaluate_command"]

_SHOWN = [
    "indicator",
    "year",
    "entity",
    "quality",
    "target_id",
    "target_text",
    "value_converted",
    "status",
    "shortfall",
    "attainment",
]


def _read(path: str) -> pl.LazyFrame:
    if not Path(path).is_file():
        raise MissingFileError(f"no observations file {path!r}", path)
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        return pl.scan_parquet(path)
    if suffix == ".csv":
        return pl.scan_csv(path, comment_prefix="#")
    raise Kh922Error(f"observations must be a .csv or .parquet file, got {path!r}")


def _print_table(frame: pl.DataFrame) -> None:
    with pl.Config(
        tbl_rows=-1,
        tbl_cols=-1,
        tbl_width_chars=160,
        fmt_str_lengths=34,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        float_precision=3,
    ):
        print(frame)


def _evaluate(args: argparse.Namespace) -> int:
    from kh922core._engine import evaluate, summarize
    from kh922core._plans import load_plan, published_figures

    plan = load_plan(args.plan)
    if not args.observations and plan.id != load_plan().id:
        raise Kh922Error(
            f"no observations for plan {plan.id!r}: the shipped published figures belong to "
            f"the built-in plan {load_plan().number}; pass your own with --observations FILE"
        )
    observations = (
        _read(args.observations)
        if args.observations
        else published_figures(proxies=args.proxies).lazy()
    )
    result = evaluate(plan, observations, cohort_policy=args.cohort_policy).collect()
    result = result.sort([c for c in ("target_id", "year", "entity") if c in result.columns])
    by = args.by or (["year", "horizon"] if "year" in result.columns else ["horizon"])
    summary = summarize(result, by=by, plan=plan)
    if args.format == "csv":
        sys.stdout.write(result.write_csv())
        return 0
    if args.format == "json":
        document: dict[str, Any] = {
            "plan": plan.number,
            "results": json.loads(result.write_json()),
            "summary": json.loads(summary.write_json()),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2, default=str))
        return 0
    source = args.observations or "the shipped published figures (kh922core.published_figures())"
    print(f"{plan.number}: {result.height} evaluations of observations from {source}")
    _print_table(result.select([c for c in _SHOWN if c in result.columns]))
    print(f"\nSummary by {', '.join(by)} (every target of the plan counts; no row = no data)")
    _print_table(summary)
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
        help="a .csv or .parquet file with indicator, value[, unit, year, assessment, ...] "
        "(default: the shipped published figures)",
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
        "--cohort-policy",
        default="absolute",
        choices=["absolute", "proportional"],
        help="how rank targets treat a changed cohort (default: absolute)",
    )
    command.add_argument("--format", default="table", choices=["table", "csv", "json"])
    command.set_defaults(handler=_evaluate)
