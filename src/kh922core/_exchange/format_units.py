"""A number whose format shows a unit of another scale than the row's is listed.

A workbook shows ``1.500 lượt`` for the number 1500 formatted ``#,##0 "lượt"``; in a row whose
unit is ``nghìn lượt`` the text reads as 1,5 thousand visits, while the number typed in a row
of thousands is most often 1500 thousand, the format a leftover of a template.  Words a person
typed say what they mean; words of a format may not.  So a number formatted with a unit that
the row's converts to by a factor other than 1 is listed, asking for the cell in the row's unit;
a format that shows the row's own unit (``DN`` of ``doanh nghiệp``), or words that are no unit,
changes nothing.

A number of 2 or more shown as a percentage (95 in a cell formatted ``0%`` shows ``9500%``: a
percentage typed whole after the cell was formatted) is listed as well.

A target cell that holds 0 and shows a dash (Excel's Accounting format, ``0;-0;"-"``) is
listed too: a reader of the page sees no target, the file holds one of 0.
"""

from __future__ import annotations

from kh922core._exchange.grids import Grid
from kh922core._targets import Unit, conversion_factor, parse_unit
from kh922core.errors import Kh922Error

__all__ = ["ZERO_SHOWN_AS_DASH", "format_unit", "own_unit_words"]


#: Why a target cell that holds 0 and shows a dash is listed.
ZERO_SHOWN_AS_DASH = (
    "the cell holds the number 0 and its number format shows a dash (or nothing): a target of "
    "0, or no target? type 0 in a cell formatted General, or delete the cell's content"
)


def _factor(grid: Grid, row: int, column: int, unit: Unit | None) -> tuple[str, float] | None:
    """The words of the cell's number format and the factor from the unit they name to
    ``unit``; ``None`` without words, without ``unit``, or when they name no unit of its
    kind (the grammar says what it can of those)."""
    words = grid.format_words.get((row, column))
    if words is None or unit is None:
        return None
    try:
        return words, conversion_factor(parse_unit(words), unit)
    except Kh922Error:
        return None


def own_unit_words(grid: Grid, row: int, column: int, unit: Unit | None) -> str | None:
    """The words of the cell's number format when they name the row's ``unit`` (``DN`` of
    ``doanh nghiệp``), else ``None``."""
    found = _factor(grid, row, column, unit)
    return found[0] if found is not None and found[1] == 1 else None


def format_unit(grid: Grid, row: int, column: int, unit: Unit | None) -> str | None:
    """Why the number in the cell ``(row, column)`` is not read (its format shows a unit of
    another scale than the row's ``unit``, or a percentage typed whole), or ``None``."""
    if (row, column) in grid.percent_wholes:
        shown = grid.rows[row][column]
        return (
            f"the cell's percentage format shows {shown}: a percentage typed whole in a cell "
            "formatted as one (95 typed there shows 9500%)? type it as 95% (or 0,95), or give "
            "the cell a format that is no percentage"
        )
    found = _factor(grid, row, column, unit)
    if found is None or found[1] == 1 or unit is None:
        return None
    words = found[0]
    return (
        f"the cell's number format shows the unit {words!r}, the row's is {unit.text!r}: is "
        f"the number in {words!r} or in {unit.text!r}? write it in the row's unit with a "
        "number format that adds no unit (or type the unit in the cell as text)"
    )
