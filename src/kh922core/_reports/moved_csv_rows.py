"""The rows of a CSV template that a separator inside a cell moved: none of their cells is read.

An unquoted decimal comma (``55,5`` in a file whose cells are separated by commas) writes one
cell more than the header has: every cell after it is one column off, the value in the note's
column.  Such a row is refused whole, naming it, never read one column off.
"""

from __future__ import annotations

from collections import Counter

__all__ = ["overflowing"]


def overflowing(rows: list[list[str | None]], start: int) -> dict[int, tuple[str, str]]:
    """The rows of a CSV template (by index) that write more cells than its header, with their
    text and why none of their cells is read (a separator inside a cell moved them)."""
    header = rows[start]
    width = max((i for i, c in enumerate(header) if c and c.strip()), default=-1) + 1
    lengths = Counter(len(row) for row in rows[start + 1 :] if any(row))
    # a trailing separator on every row (never on most: half the rows moved one cell is no
    # layout, "Xếp hạng ở nhóm 30 tỉnh, thành" on each ranked row)
    common = max(lengths) if len(lengths) == 1 else len(header)
    common = max(common, len(header))
    moved: dict[int, tuple[str, str]] = {}
    for index in range(start + 1, len(rows)):
        row = rows[index]
        beyond = any(c and c.strip() for c in row[width:])
        if any(row) and (beyond or len(row) > common):
            text = ",".join(c or "" for c in row)
            moved[index] = (
                text,
                f"has {len(row)} cells where the header has {width}: a separator inside a cell "
                "(a decimal comma?) moved its cells; none is read: put quotes around such a "
                "cell, or save the file with ';' between cells",
            )
    return moved
