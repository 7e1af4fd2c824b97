"""The indicators a template's agency reports: a row of another one is listed, not read.

An agency's template lists the indicators of the targets it answers for on the template's date
(:func:`kh922core._tracking.agency_duties`).  A row it adds for another indicator, one that
other agencies report, would be credited to it; beside the figure of the agency that reports it,
the two would be in conflict and both left out, that agency's figure lost.  Such a row is
listed, naming who reports the indicator.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.file_readings import Rejection
from kh922core._tracking import agency_duties

__all__ = ["foreign_rows"]


def _day(metadata: dict[str, str], year: int | None) -> date | None:
    """The template's date: the one its hidden sheet keeps, else the end of its year."""
    try:
        return date.fromisoformat(metadata["as_of"])
    except (KeyError, ValueError):
        return date(year, 12, 31) if year is not None else None


def foreign_rows(
    frame: pl.DataFrame,
    reading: tuple[str, str],
    plan: Plan,
    metadata: dict[str, str],
    year: int | None,
) -> tuple[pl.DataFrame, list[Rejection]]:
    """``frame`` (a template's values) without the rows of indicators of the plan that its
    agency does not report, and those rows as cells not used (``reading``: the agency, and the
    file's name)."""
    agency, file = reading
    duties = agency_duties(plan, _day(metadata, year))
    reporters: dict[str, list[str]] = {}
    for reporter, (targets, _) in duties.items():
        for target in targets:
            reporters.setdefault(plan.target(target).indicator, []).append(reporter)
    own = {i for i, names in reporters.items() if agency in names}
    foreign = pl.col("indicator").is_in(sorted(set(reporters) - own))
    rejected = []
    for indicator, sheet, row, value in (
        frame.filter(foreign)
        .select("indicator", "source_sheet", "source_row", pl.col("value").cast(pl.String))
        .iter_rows()
    ):
        names = ", ".join(dict.fromkeys(plan.agency(a).name for a in reporters[indicator]))
        why = (
            f"{indicator!r} is not an indicator {plan.agency(agency).name} reports (its template "
            f"has no row of it): not read, lest it conflict with the figure of {names}, who "
            "report it"
        )
        rejected.append(Rejection(file, sheet, row, "value", value or "", why))
    return frame.filter(~foreign), rejected
