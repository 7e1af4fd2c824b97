"""The ``kh922 tasks`` and ``kh922 calendar`` subcommands
(registered by :mod:`kh922core._cli.command`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

import polars as pl

from kh922core._cli.arguments import date_argument

__all__ = ["add_tracking_commands"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _print(frame: pl.DataFrame, columns: Sequence[str], output: str) -> None:
    rows = [[_cell(v) for v in row] for row in frame.select(columns).iter_rows()]
    if output == "csv":
        cells = {c: [r[i] or None for r in rows] for i, c in enumerate(columns)}
        print(pl.DataFrame(cells, schema=dict.fromkeys(columns, pl.String)).write_csv(), end="")
        return
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _tasks(args: argparse.Namespace) -> int:
    from kh922core._plans import load_plan
    from kh922core._tracking import task_status

    plan = load_plan(args.plan)
    completions = pl.read_csv(args.completions, infer_schema=False) if args.completions else None
    triggers = pl.read_csv(args.triggers, infer_schema=False) if args.triggers else None
    table = task_status(plan, as_of=args.as_of, completions=completions, triggers=triggers)
    if args.agency:
        from kh922core._tracking import resolve_agency

        table = table.filter(pl.col("agency") == resolve_agency(plan, args.agency))
    if args.status:
        table = table.filter(pl.col("status").is_in(args.status))
    columns = ["task_id", "deadline", "due", "agency", "status", "days_left", "completed_on"]
    _print(table, columns, args.format)
    return 0


def _calendar(args: argparse.Namespace) -> int:
    from kh922core._plans import load_plan
    from kh922core._tracking import reporting_calendar

    plan = load_plan(args.plan)
    table = reporting_calendar(plan, args.start, args.end, agency=args.agency)
    columns = ["report_date", "agency", "n_targets", "n_tasks", "targets", "tasks"]
    _print(table, columns, args.format)
    return 0


def add_tracking_commands(commands: Any) -> None:
    """Add ``tasks`` and ``calendar`` to the ``kh922`` subcommands."""
    statuses = ["done", "due", "overdue", "recurring", "waiting_on_trigger"]
    tasks = commands.add_parser(
        "tasks", help="status of the Phụ lục II tasks on a date, per responsible agency"
    )
    tasks.add_argument("--as-of", type=date_argument, required=True, help="the date, YYYY-MM-DD")
    tasks.add_argument("--plan", default=None, help="a plan file or id (default: the built-in)")
    tasks.add_argument(
        "--completions", default=None, help="CSV with task_id, completed_on[, agency]"
    )
    tasks.add_argument(
        "--triggers",
        default=None,
        help="CSV with task_id or trigger, occurred_on[, due_on | due_after_days]",
    )
    tasks.add_argument("--agency", default=None, help="only this agency (id, name or alias)")
    tasks.add_argument(
        "--status", action="append", choices=statuses, help="only these statuses (repeatable)"
    )
    tasks.add_argument("--format", choices=["table", "csv"], default="table")
    tasks.set_defaults(handler=_tasks)

    cal = commands.add_parser(
        "calendar", help="the section IV reporting dates between two dates, per agency"
    )
    cal.add_argument("start", type=date_argument, help="first day, YYYY-MM-DD")
    cal.add_argument("end", type=date_argument, help="last day, YYYY-MM-DD")
    cal.add_argument("--plan", default=None, help="a plan file or id (default: the built-in)")
    cal.add_argument("--agency", default=None, help="only this agency (id, name or alias)")
    cal.add_argument("--format", choices=["table", "csv"], default="table")
    cal.set_defaults(handler=_calendar)
