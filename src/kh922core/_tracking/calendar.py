"""The reporting calendar of section IV: when each agency reports, and on what.

Section IV.1 of the plan: agencies report "định kỳ trước ngày 01/6 và 15/11 hàng năm" to the
provincial People's Committee, through the Department of Science and Technology.  "Trước ngày
01/6" means *before* 1 June: the last day a report can arrive is 31 May, so the calendar's
``report_date`` is the day before the printed date (kept as ``before``).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

import polars as pl

from kh922core._dates import DateLike, as_date
from kh922core._plans import Plan
from kh922core._tracking.duties import (
    agency_duties,
    printed_duties,
    resolve_agency,
    responsible_agencies,
    takeover,
)
from kh922core.errors import DateRangeError

__all__ = ["reporting_calendar", "reporting_dates"]


def _day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _period(start: DateLike, end: DateLike) -> tuple[date, date]:
    """``start`` and ``end`` as dates, the end not before the start."""
    first, last = as_date(start, "start"), as_date(end, "end")
    if last < first:
        raise DateRangeError(first, last, "the calendar")
    return first, last


def reporting_dates(plan: Plan, start: DateLike, end: DateLike) -> list[tuple[date, date]]:
    """The ``(report_date, before)`` pairs of section IV with ``start ≤ report_date ≤ end``.

    ``before`` is the printed day ("trước ngày 01/6": 1 June); ``report_date`` the last day a
    report can arrive (31 May).

    Args:
        plan: The plan.
        start: First day of the period (inclusive): a date, a datetime or ``"YYYY-MM-DD"``.
        end: Last day of the period (inclusive), likewise.

    Raises:
        kh922core.errors.DateRangeError: ``end`` is before ``start``.

    Examples:
        >>> import kh922core
        >>> reporting_dates(kh922core.load_plan(), "2025-01-01", date(2025, 12, 31))
        [(datetime.date(2025, 5, 31), datetime.date(2025, 6, 1)), \
(datetime.date(2025, 11, 14), datetime.date(2025, 11, 15))]
        >>> try:
        ...     reporting_dates(kh922core.load_plan(), "2025-12-31", "2025-01-01")
        ... except DateRangeError as error:
        ...     print(error)
        the calendar ends (2025-01-01) before it starts (2025-12-31)
    """
    first, last = _period(start, end)
    if plan.reporting is None:
        return []
    found = []
    for year in range(first.year, last.year + 2):
        for due in plan.reporting.due:
            before = _day(year, due.month, due.day)
            deadline = before - timedelta(days=1)
            if first <= deadline <= last:
                found.append((deadline, before))
    return sorted(found)


def _duties(
    plan: Plan, deadline: date, wanted: str | None
) -> dict[str, tuple[list[str], list[str]]]:
    """The duties of every agency on ``deadline``; of ``wanted`` only, or of those that carry
    its printed duties when they have passed to others by then."""
    duties = agency_duties(plan, deadline)
    if wanted is None:
        return duties
    moved = takeover(plan, wanted, deadline)
    if moved is None:
        return {wanted: duties[wanted]} if wanted in duties else {}
    targets, tasks = printed_duties(plan, wanted)
    return {carrier: (targets, tasks) for carrier in moved.carriers if targets or tasks}


def reporting_calendar(
    plan: Plan, start: DateLike, end: DateLike, *, agency: str | None = None
) -> pl.DataFrame:
    """The periodic reports due between two dates, per agency, after succession.

    Args:
        plan: The plan.
        start: First day of the period (inclusive): a date, a datetime or ``"YYYY-MM-DD"``.
        end: Last day of the period (inclusive), likewise.
        agency: Only this agency (id, name or alias).  On a date when its duties have passed
            to others (a merged department, an abolished district), the rows of the agencies
            that carry them then, each with only the targets and tasks printed for ``agency``.

    Returns:
        One row per report date and responsible agency, sorted by date then agency, with
        columns ``report_date`` (the last day a report can arrive), ``before`` (the date as
        printed), ``agency``, ``agency_name``, ``targets`` and ``tasks`` (lists of ids the agency
        leads, after the successions in force on ``report_date``), ``n_targets``, ``n_tasks``,
        ``recipient`` and ``via`` (section IV: the provincial committee, through the Department
        of Science and Technology; after succession too).

    Raises:
        kh922core.errors.DateRangeError: ``end`` is before ``start``.
        kh922core.errors.UnknownAgencyError: ``agency`` names no agency.

    Examples:
        >>> import kh922core
        >>> table = reporting_calendar(kh922core.load_plan(), date(2025, 1, 1), "2025-12-31",
        ...                            agency="so-khcn")
        >>> table.select("report_date", "n_targets", "n_tasks").rows()
        [(datetime.date(2025, 5, 31), 21, 31), (datetime.date(2025, 11, 14), 21, 31)]
        >>> table["recipient"].to_list()
        ['ubnd-tinh-ben-tre', 'ubnd-tinh-vinh-long']
        >>> merged = reporting_calendar(kh922core.load_plan(), "2026-01-01", "2026-12-31",
        ...                             agency="so-khdt")
        >>> merged.select("report_date", "agency", "tasks").rows()[0]
        (datetime.date(2026, 5, 31), 'so-tai-chinh', ['task-17', 'task-43', 'task-44'])
    """
    wanted = resolve_agency(plan, agency) if agency is not None else None
    rows: list[dict[str, Any]] = []
    for deadline, before in reporting_dates(plan, start, end):
        assert plan.reporting is not None
        recipient = responsible_agencies(plan, plan.reporting.recipient, deadline)
        via = (
            responsible_agencies(plan, plan.reporting.via, deadline)
            if plan.reporting.via is not None
            else (None,)
        )
        for agency_id, (targets, tasks) in sorted(_duties(plan, deadline, wanted).items()):
            rows.append(
                {
                    "report_date": deadline,
                    "before": before,
                    "agency": agency_id,
                    "agency_name": plan.agency(agency_id).name,
                    "targets": targets,
                    "tasks": tasks,
                    "n_targets": len(targets),
                    "n_tasks": len(tasks),
                    "recipient": ", ".join(recipient),
                    "via": ", ".join(v for v in via if v is not None) or None,
                }
            )
    ids = pl.List(pl.String)
    schema = pl.Schema(
        [
            ("report_date", pl.Date()),
            ("before", pl.Date()),
            ("agency", pl.String()),
            ("agency_name", pl.String()),
            ("targets", ids),
            ("tasks", ids),
            ("n_targets", pl.Int64()),
            ("n_tasks", pl.Int64()),
            ("recipient", pl.String()),
            ("via", pl.String()),
        ]
    )
    return pl.DataFrame(rows, schema=schema)
