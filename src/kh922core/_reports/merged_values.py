"""A value merged down over several rows of a filled template: whose is it?

Excel keeps a merged range's value in its first cell and shows it across the range.  A year or
a unit merged down over a block of rows is that year or unit on each of them (read so by
:mod:`kh922core._reports.template_reading`).  A value or an assessment merged down (alone, or
with the columns beside it) is one figure shown over several rows: where only one of them is a
row of the template (the others added by hand, with no ``Mã``), it is that row's; where several
are, which of them it reports is not said, so each of them is refused, naming the range, never
given the figure.  An empty range says nothing.
"""

from __future__ import annotations

__all__ = ["MERGED", "merged_key", "merged_values"]

#: The start of a metadata key that records a range merged down (its sheet, rows and columns).
MERGED = "\x00merged:"
_ONE_FIGURE = ("value", "assessment")


def merged_key(sheet: str, top: int, columns: tuple[int, int], bottom: int) -> str:
    """The metadata key of a range merged over rows ``top`` to ``bottom`` and ``columns`` (the
    first and the last, from 1)."""
    return f"{MERGED}{top}:{columns[0]}:{columns[1]}:{bottom}:{sheet}"


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(rows: list[list[str | None]], row: int, index: int) -> str | None:
    cells = rows[row - 1] if 0 < row <= len(rows) else []
    return cells[index] if index < len(cells) else None


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
    named = next((i for i, key in columns.items() if key == "target_id"), None)
    for key in meta:
        if not key.startswith(MERGED):
            continue
        top, left, right, bottom, title = key.removeprefix(MERGED).split(":", 4)
        first, last, corner = max(int(top), start + 2), min(int(bottom), len(rows)), int(left) - 1
        inside = [i for i in range(corner, int(right)) if columns.get(i) in _ONE_FIGURE]
        text = _cell(rows, int(top), corner)
        if title != sheet or corner not in inside or first >= last or not (text and text.strip()):
            continue  # another sheet, no figure in its first cell, one row of figures, or empty
        span = range(first, last + 1)
        owners = [n for n in span if named is not None and _cell(rows, n, named)]
        if not owners:  # rows added by hand only: refused as rows not in the template
            continue
        for number in span:  # the figure copied down: on no row but its owner's
            cells = rows[number - 1]
            for index in inside:
                if index < len(cells):
                    cells[index] = None
        if len(owners) == 1:  # one row of the template: the figure is its own
            cells = rows[owners[0] - 1]
            cells += [None] * (corner + 1 - len(cells))
            cells[corner] = text
            continue
        where = f"{_letters(int(left))}{top}:{_letters(int(right))}{bottom}"
        why = (
            f"is merged over rows {top} to {bottom} ({where}): one figure for several rows, "
            "whose is not said; unmerge the cells and write each row's own value"
        )
        refused += [(number, str(columns[corner]), text, why) for number in owners]
    return rows, refused
