"""A value merged down over several rows of a filled template: whose is it?

Excel keeps a merged range's value in its first cell and shows it across the range.  A year or
a unit merged down over a block of rows is that year or unit on each of them (read so by
:mod:`kh922core._reports.template_reading`).  A value or an assessment merged down is one figure
shown over several indicators' rows (or years'): which of them it reports is not said, so each
row of the range is refused, naming the range, never given the figure.
"""

from __future__ import annotations

__all__ = ["MERGED", "merged_key", "merged_values"]

#: The start of a metadata key that records a range merged down (its sheet, rows and column).
MERGED = "\x00merged:"
_ONE_FIGURE = ("value", "assessment")


def merged_key(sheet: str, top: int, column: int, bottom: int) -> str:
    """The metadata key of a range merged down (rows ``top`` to ``bottom``, from 1)."""
    return f"{MERGED}{top}:{column}:{bottom}:{sheet}"


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def merged_values(
    meta: dict[str, str],
    sheet: str,
    rows: list[list[str | None]],
    keys: tuple[int, dict[int, str]],
) -> tuple[list[list[str | None]], list[tuple[int, str, str, str]]]:
    """``rows`` without the values and assessments merged down over several rows below the
    headings (``keys``: the row they end on, from 0, and each column's key), and each such
    cell refused: its row (from 1), its column's key, its text and why."""
    refused: list[tuple[int, str, str, str]] = []
    start, columns = keys
    for key in meta:
        if not key.startswith(MERGED):
            continue
        top, column, bottom, title = key.removeprefix(MERGED).split(":", 3)
        first, index, last = max(int(top), start + 2), int(column) - 1, int(bottom)
        if title != sheet or columns.get(index) not in _ONE_FIGURE or first >= last:
            continue  # another sheet or column, or one row of figures (under the headings)
        where = f"{_letters(index + 1)}{first}:{_letters(index + 1)}{last}"
        text = (
            rows[first - 1][index] if first <= len(rows) and index < len(rows[first - 1]) else None
        )
        why = (
            f"is merged over rows {first} to {last} ({where}): one figure for several rows, "
            "whose is not said; unmerge the cells and write each row's own value"
        )
        for number in range(first, min(last, len(rows)) + 1):
            cells = rows[number - 1]
            if index < len(cells):
                cells[index] = None
            refused.append((number, str(columns[index]), text or "", why))
    return rows, refused
