"""A task table's schedule by year: a time heading over one column a year, each task's years
marked (``Thời gian thực hiện`` over ``Năm 2025 | Năm 2026 | Năm 2027``, an ``x`` in each year
the task runs).

The task's deadline is the years marked: ``Năm 2026`` for one, ``2025-2027`` for the first to
the last (a period; a column of a period, ``2026-2030``, marks all of it, and a mark merged
across columns marks each).  A cell of the schedule that holds no mark is not read, and is
listed; a row with no mark has no deadline in the table.
"""

from __future__ import annotations

import re

from kh922core._exchange.header_roles import Column, Header

__all__ = ["MARKS", "schedule_columns", "scheduled", "unmarked"]

#: What marks a year of a task in a schedule ("x", a tick, a dot).
MARKS = frozenset({"x", "✓", "✔", "√", "v", "•", "●", "○", "■", "+", "*", "có"})
_YEAR = re.compile(
    r"\b(?:giai\s+đoạn\s*)?(?:năm\s*)?(?:19|20|21)\d{2}(?:\s*[-–]\s*(?:19|20|21)\d{2})?\b",
    re.IGNORECASE,
)
_YEARS = re.compile(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)")


def _stem(heading: str) -> str:
    """A heading without its year: the time heading the year columns share."""
    return " ".join(_YEAR.sub(" ", heading).split()).casefold()


def schedule_columns(header: Header) -> list[Column]:
    """The year columns of a schedule, in order: the deadline column and the columns beside it
    under the same heading, each with a year of its own (at least two); else none."""
    deadline = header.one("deadline")
    by_index = {column.index: column for column in header.columns}
    first = by_index.get(deadline) if deadline is not None else None
    if first is None or first.year is None:
        return []
    stem = _stem(first.heading)
    found = [
        column
        for column in header.columns
        if column.year is not None
        and (column.index == deadline or column.role is None)
        and _stem(column.heading) == stem
    ]
    spans = [tuple(_YEARS.findall(column.heading)) for column in found]
    return found if len(found) >= 2 and len(set(spans)) == len(spans) else []


def _cell(cells: list[str], column: Column, spans: list[tuple[int, int]]) -> tuple[str, bool]:
    """A schedule cell's text (of the cell a merge across columns starts at), and whether it is
    that cell's own (not a merge's later column)."""
    own = next((first for first, last in spans if first <= column.index <= last), column.index)
    return " ".join(cells[own].split()).casefold(), own == column.index


def _years(column: Column) -> list[int]:
    return [int(year) for year in _YEARS.findall(column.heading)]


def scheduled(
    cells: list[str], schedule: list[Column], spans: list[tuple[int, int]]
) -> tuple[str, list[int]]:
    """The deadline a row's marks give (``""``: none marked), and the columns of its cells in
    the schedule that hold something else than a mark (not read).  ``spans``: the row's cells
    merged across columns (first, last), whose mark marks every year they cover; a column of a
    period (``2026-2030``) marks all of it."""
    marked: list[int] = []
    others: list[int] = []
    for column in schedule:
        text, own = _cell(cells, column, spans)
        if text in MARKS:
            marked += _years(column)
        elif text and text not in ("-", "–", "—") and own:
            others.append(column.index)
    if not marked:
        return "", others
    first, last = min(marked), max(marked)
    return (f"Năm {first}" if first == last else f"{first}-{last}"), others


def unmarked(
    cells: list[str], schedule: list[Column], spans: list[tuple[int, int]], deadline: str
) -> list[int]:
    """The years within a deadline of marks (``2025-2027``) that no column of theirs marks (a
    gap, ``2026``): the period covers them, which the note says."""
    years = [int(year) for year in _YEARS.findall(deadline)]
    if len(years) < 2:
        return []
    covered: set[int] = set()
    for column in schedule:
        if _cell(cells, column, spans)[0] in MARKS and (bounds := _years(column)):
            covered |= set(range(min(bounds), max(bounds) + 1))
    return [year for year in range(years[0], years[-1] + 1) if year not in covered]
