"""Rows of a CSV table whose cells have moved, so that a value would land in another column: a
separator inside a cell (``85,5`` unquoted in a comma-separated file), or a cell left out.
Such a row is listed whole, and none of its cells is read."""

from __future__ import annotations

import re
from collections import Counter

from kh922core._exchange.grids import column_name
from kh922core._exchange.import_problems import Sink
from kh922core._exchange.table_walk import Table

__all__ = ["refuse_moved_rows"]

#: A cell of a number alone (``95``, ``85,5``, ``12.000``, ``90%``; not a code, ``01``).
_NUMBER_ALONE = re.compile(r"[1-9][\d.,\s]*%?|0[.,]\d*%?")
#: The head of an agency's name (``Sở …``, ``UBND …``, ``Các sở, ngành``): in a target column,
#: a cell left out moved it there.
_AGENCY_WORDS = re.compile(
    r"\s*(?:Sở|UBND|Ủy\s+ban|Uỷ\s+ban|Ban|Công\s+an|Bộ\s+Chỉ\s+huy|Cục|Chi\s+cục|Đài|Văn\s+phòng"
    r"|Thanh\s+tra|Tỉnh\s+đoàn|Liên\s+đoàn|Hội|Các\s+(?:sở|cơ\s+quan|đơn\s+vị))(?!\w)",
    re.IGNORECASE,
)


def refuse_moved_rows(table: Table, sink: Sink) -> None:
    """Each row of a CSV table whose cells have moved, so that none of them is read: it writes
    more cells than its header (a separator inside a cell, ``3,5`` in a comma-separated file),
    fewer than its header with an agency's name in its last target column (a cell left out),
    or, comma-separated, a number as its lead agency (``85,5`` unquoted and the agency's cell
    left off: the same count of cells)."""
    grid, header = table.grid, table.header
    if not grid.written:
        return
    headings = [
        column
        for row in grid.rows[header.first : header.last + 1]
        for column, text in enumerate(row)
        if text.strip()
    ]
    width = max(headings, default=-1) + 1
    usual = Counter(grid.written[line.index] for line in table.lines).most_common(1)
    common = max([*grid.written[header.first : header.last + 1], *(n for n, _ in usual)])
    targets = [column.index for column in header.of("target")]
    leads = [column.index for column in header.of("lead")]
    kept = []
    for line in table.lines:
        row, written = grid.rows[line.index], grid.written[line.index]
        beyond = any(t.strip() for t in row[width:])
        why = None
        numbered = any(_NUMBER_ALONE.fullmatch(row[c].strip()) for c in leads if c < len(row))
        if beyond and written <= common and not numbered:  # as many cells as the header's line
            column, text = next((c, t) for c, t in enumerate(row) if c >= width and t.strip())
            name = column_name(column, grid.letters)
            why = (
                f"the row has {text.strip()!r} in column {name}, which has "
                f"no heading (the header names {width} columns): a note beside the table, or a "
                f"separator ({grid.separator!r}) inside a cell, such as a decimal comma, that "
                "moved its cells"
            )
        elif beyond or written > common:
            why = (
                f"the row has {written} cells where the header has {width}: a separator "
                f"({grid.separator!r}) inside a cell, such as a decimal comma, moved its cells"
            )
        elif (
            usual
            and written < common
            and written - 1 in targets
            and _AGENCY_WORDS.match(row[written - 1]) is not None
        ):
            why = (  # "2,Tỷ lệ xã có 5G,%,100,Sở …": the agency's name in the 2030 column
                f"the row has {written} cells where the header has {common}, and an agency's "
                "name in its last target column: a cell left out moved the cells after it"
            )
        elif grid.separator == "," and numbered:
            why = (  # "1,Tỷ lệ …,%,85,5,95": 85,5 unquoted, the agency's cell left off
                "the lead agency's cell holds a number: a separator inside a cell, such as a "
                "decimal comma, may have moved its cells"
            )
        if why is None or not any(row):
            kept.append(line)
            continue
        sink.problem(
            grid,
            header,
            line.index,
            None,
            grid.separator.join(row[:written]),
            f"{why}; no cell of it is read: put quotes around a cell that holds the separator, "
            "write an empty cell where there is nothing, give a note's column a heading (Ghi "
            "chú), or save the file with ';' between cells",
        )
    table.lines = kept  # no indicator or task is made of such a row, not even a nameless one
