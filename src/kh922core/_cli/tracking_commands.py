"""The ``kh922 tasks`` and ``kh922 calendar`` subcommands
(registered by :mod:`kh922core._cli.command`).

Asked about an agency whose duties have passed to others on the day (a merged department, an
abolished district), both commands say who took over, and show the duties printed for that
agency as the successors carry them: the tasks with their status, the reports they make.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from kh922core._cli.arguments import date_argument
from kh922core._cli.machine_output import write_csv
from kh922core._cli.tables import (
    Column,
    Labels,
    add_lang_option,
    labels,
    named,
    render,
    takeover_lines,
)
from kh922core._cli.terminal_text import echo

if TYPE_CHECKING:
    import polars as pl

    from kh922core._plans import Plan

__all__ = ["add_tracking_commands"]

#: The columns of the CSV output (machine names), as before the tables for people.
_TASK_CSV = ("task_id", "deadline", "due", "agency", "status", "days_left", "completed_on")
_TASK_TABLE = (
    Column("task_id", "id"),
    Column("task_name"),
    Column("deadline"),
    Column("due", "date"),
    Column("agency", "named"),
    Column("task_status", "value"),
    Column("days_left", "number"),
    Column("completed_on", "date"),
)
_CALENDAR_CSV = ("report_date", "agency", "n_targets", "n_tasks", "targets", "tasks")
_CALENDAR_TABLE = (
    Column("report_date", "date"),
    Column("agency", "named"),
    Column("n_targets", "number"),
    Column("n_tasks", "number"),
    Column("targets", "ids"),
    Column("tasks", "ids"),
)


def _say(lines: list[str], output: str) -> None:
    """Sentences for people: before the table, or on standard error beside a CSV."""
    for line in lines:
        echo(line, file=sys.stderr if output == "csv" else sys.stdout)


def _show(
    plan: Plan, table: pl.DataFrame, columns: tuple[Column, ...], words: Labels, empty: str
) -> None:
    """The table, or ``empty`` when it has no row; a table of one agency names it above and
    leaves its columns out."""
    if table.is_empty():
        echo(empty)
        return
    agencies = table["agency"].unique().to_list()
    if len(agencies) == 1 and agencies[0] is not None:
        echo(words.say("one_agency", agency=words.agency(plan, agencies[0])))
        columns = tuple(c for c in columns if c.name != "agency")
    names = {a.id: a.name for a in plan.agencies}
    echo(render(table.with_columns(named("agency", "agency", names)), columns, words))


def _tasks(args: argparse.Namespace) -> int:
    import polars as pl

    from kh922core._plans import load_plan
    from kh922core._tracking import read_table_text, resolve_agency, takeover, task_status

    plan = load_plan(args.plan)
    completions = read_table_text(args.completions) if args.completions else None
    triggers = read_table_text(args.triggers) if args.triggers else None
    table = task_status(plan, as_of=args.as_of, completions=completions, triggers=triggers)
    words = labels(args.lang)
    empty = words.say("no_tasks")
    if args.agency:
        agency_id = resolve_agency(plan, args.agency)
        moved = takeover(plan, agency_id, args.as_of)
        if moved is None:
            table = table.filter(pl.col("agency") == agency_id)
        else:  # the tasks printed for it, as those who took over carry them
            table = table.filter(pl.col("lead_agencies").list.contains(agency_id))
            _say(takeover_lines(plan, moved, words), args.format)
        if table.is_empty():
            empty = words.say("no_agency_tasks", agency=words.agency(plan, agency_id))
    if args.status:
        table = table.filter(pl.col("status").is_in(args.status))
    if args.format == "csv":
        write_csv(table.select(_TASK_CSV))
        return 0
    shown = table.rename({"name": "task_name", "status": "task_status"})
    _show(plan, shown, _TASK_TABLE, words, empty)
    return 0


def _calendar(args: argparse.Namespace) -> int:
    from kh922core._plans import load_plan
    from kh922core._tracking import reporting_calendar, reporting_dates, resolve_agency, takeover

    plan = load_plan(args.plan)
    table = reporting_calendar(plan, args.start, args.end, agency=args.agency)
    words = labels(args.lang)
    dates = [deadline for deadline, _ in reporting_dates(plan, args.start, args.end)]
    empty = words.say("no_reports", start=words.day(args.start), end=words.day(args.end))
    if args.agency:
        agency_id = resolve_agency(plan, args.agency)
        notes: list[str] = []
        for deadline in dates:
            moved = takeover(plan, agency_id, deadline)
            if moved is not None:
                notes += [n for n in takeover_lines(plan, moved, words) if n not in notes]
        _say(notes, args.format)
        if dates:
            empty = words.say("no_duties", agency=words.agency(plan, agency_id))
    if args.format == "csv":
        write_csv(table.select(_CALENDAR_CSV))
        return 0
    _show(plan, table, _CALENDAR_TABLE, words, empty)
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
        "--completions",
        default=None,
        help="a .csv (separated by ; or ,) or .xlsx file with task_id, completed_on[, agency]",
    )
    tasks.add_argument(
        "--triggers",
        default=None,
        help="a .csv or .xlsx file with task_id or trigger, occurred_on[, due_on | due_after_days]",
    )
    tasks.add_argument(
        "--agency",
        default=None,
        help="only this agency (id, name or alias); for an agency that others took over, the "
        "tasks printed for it, as they carry them",
    )
    tasks.add_argument(
        "--status", action="append", choices=statuses, help="only these statuses (repeatable)"
    )
    tasks.add_argument("--format", choices=["table", "csv"], default="table")
    add_lang_option(tasks)
    tasks.set_defaults(handler=_tasks)

    cal = commands.add_parser(
        "calendar", help="the section IV reporting dates between two dates, per agency"
    )
    cal.add_argument("start", type=date_argument, help="first day, YYYY-MM-DD")
    cal.add_argument("end", type=date_argument, help="last day, YYYY-MM-DD")
    cal.add_argument("--plan", default=None, help="a plan file or id (default: the built-in)")
    cal.add_argument(
        "--agency",
        default=None,
        help="only this agency (id, name or alias); for an agency that others took over, "
        "their reports on the targets and tasks printed for it",
    )
    cal.add_argument("--format", choices=["table", "csv"], default="table")
    add_lang_option(cal)
    cal.set_defaults(handler=_calendar)
