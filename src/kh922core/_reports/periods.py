"""The reporting period of section IV a date falls in: the first half of a year (report due
01/6) or the whole year (due 15/11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kh922core._plans import Plan, Reporting
from kh922core._reports.report_words import Words
from kh922core.errors import Kh922Error

__all__ = ["Period", "reporting_of", "reporting_period"]


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: its report's due date, ``half`` or ``year``, and the year."""

    due: date
    kind: str
    year: int

    def label(self, said: Words) -> str:
        """``6 tháng đầu năm 2025`` or ``năm 2025`` (``first half of 2025``)."""
        return said(self.kind, year=self.year)


def reporting_of(plan: Plan) -> Reporting:
    """The plan's reporting duty (section IV).

    Raises:
        Kh922Error: The plan has none.
    """
    if plan.reporting is None:
        raise Kh922Error(
            f"plan {plan.number} has no reporting duty (section IV): add a 'reporting:' block to "
            "its plan file, with the section's text, its due dates ('due: [{month: 6, day: 1}, "
            "{month: 11, day: 15}]'), the recipient and the reporters (see the built-in plan's)"
        )
    return plan.reporting


def reporting_period(plan: Plan, as_of: date) -> Period:
    """The period whose report is the next one due on or after ``as_of``.

    Examples:
        >>> import kh922core
        >>> plan = kh922core.load_plan()
        >>> reporting_period(plan, date(2025, 5, 20))
        Period(due=datetime.date(2025, 6, 1), kind='half', year=2025)
        >>> reporting_period(plan, date(2025, 6, 2)).kind
        'year'
    """
    dues = sorted((d.month, d.day) for d in reporting_of(plan).due)
    if not dues:
        raise Kh922Error(f"plan {plan.number} sets no reporting dates (section IV)")
    for year in (as_of.year, as_of.year + 1):
        for index, (month, day) in enumerate(dues):
            due = date(year, month, day)
            if due >= as_of:
                kind = "year" if index == len(dues) - 1 and len(dues) > 1 else "half"
                return Period(due, kind, year)
    raise AssertionError("unreachable")  # pragma: no cover
