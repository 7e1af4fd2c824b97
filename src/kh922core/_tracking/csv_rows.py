"""The rows of a CSV table that do not fit its header, and the lines that are comments.

A row with more cells than its header has a cell beyond the last heading, or a separator inside
a cell: ``85,5`` unquoted in a comma-separated file becomes two cells, and every cell after it
moves one column along, even when nothing lands beyond the header (an empty note).  With ``;``
or a tab, empty cells beyond the header are a trailing separator, nothing.  A line that starts
with ``#`` and no word (``# ghi chú``) is a comment; ``#N/A`` or ``#5G`` is a cell.
"""

from __future__ import annotations

import csv
import io
import re

__all__ = ["COMMENT", "beyond_the_header"]

#: A comment line: ``#`` and no word after it.
COMMENT = re.compile(r"#(?!\w)")


def beyond_the_header(
    body: str, separator: str, first: int
) -> tuple[list[tuple[int, str]], int | None]:
    """The rows (as a spreadsheet numbers them) with cells beyond the header's (any, with a
    comma: "85,5" moves them), their text, and the first such column, from 0 (``None``: no
    row is longer than the header)."""
    records = csv.reader(io.StringIO(body, newline=""), delimiter=separator)
    width = len(next(records, []))
    longer = [(first + 2 + n, row) for n, row in enumerate(records) if len(row) > width]
    if not longer:
        return [], None
    comma = separator == ","  # "85,5" unquoted: nothing beyond, yet every cell moved along
    beyond = [(n, separator.join(r if comma else r[width:])) for n, r in longer]
    keep = [comma or any(r[width:]) for _, r in longer]
    return [b for b, kept in zip(beyond, keep, strict=True) if kept], width
