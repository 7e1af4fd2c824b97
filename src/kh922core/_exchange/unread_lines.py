"""Rows of an indicator table that are no row of the plan: a row of totals (``Tổng cộng``), a
note under the table (``Ghi chú: …``, a line of text with no row below it) and a footnote in
the name column alone (``(*) Số liệu theo Cục Thống kê``, ``(1) …``, ``Lưu ý: …``); the
signature block under the table is found by :mod:`kh922core._exchange.table_walk`."""

from __future__ import annotations

import re

from kh922core._exchange.header_roles import years_in
from kh922core._exchange.table_walk import Line

__all__ = ["unread_line"]

#: The name of a row that adds up the rows above it: no indicator.
_TOTALS = re.compile(
    r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+tỉnh|toàn\s+thành\s+phố)\s*[:.]?\s*$", re.I
)
#: A total in the row-number column ("Tổng cộng", "Tổng cộng (I+II)"; not "Toàn tỉnh", which
#: may number the province's own row over its districts').
_SUMMED = re.compile(r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*(?:\([^()]*\))?\s*[:.]?\s*$", re.I)
#: A line under a table that notes something of it: a note, a source, a footnote mark.
_NOTE_LINE = re.compile(
    r"^\s*(?:ghi\s+chú|lưu\s+ý|nguồn(?=\s*:|\s+số\s+liệu)|chú\s+thích|chú\s+giải|\(\*+\)|\*"
    r"|\(\d{1,2}\)(?=\s))",
    re.I,
)


def unread_line(line: Line, rest: list[Line], name_column: int | None) -> str | None:
    """Why a row of an indicator table is no row of the plan (``None``: it is one): a row of
    totals (``Tổng cộng``, with no number, or in the number column with no name), a note under
    the table (``Ghi chú: …``, a line of text with no row below it), the signature block under
    the table."""
    if line.unread is not None:
        return line.unread
    name = line.cells[name_column] if name_column is not None else ""
    totalled = not line.number and _TOTALS.match(name)
    if not line.group and (totalled or (_SUMMED.match(line.number) and not name.strip())):
        return "a row of totals, no indicator: not in the plan"  # "Tổng cộng" in the STT too
    trailing = line.group_id is None and not years_in(line.title) and all(o.group for o in rest)
    note = "a line under the table (a note): a plan file has no place for it; copy it by hand"
    if line.group and (_NOTE_LINE.match(line.title) or trailing):
        return note
    # "(*) Số liệu theo Cục Thống kê" in the name column alone, no number, nothing but such
    # lines below it: a footnote (not "(1) Nhóm chỉ tiêu kinh tế" over the rows of its group)
    below = all(o.group or (_alone(o, name_column) and not o.number) for o in rest)
    if _alone(line, name_column) and not line.number and _NOTE_LINE.match(name) and below:
        return note
    return None


def _alone(line: Line, name_column: int | None) -> bool:
    """Whether a row holds text in its name column only."""
    return all(not text.strip() or c == name_column for c, text in enumerate(line.cells))
