"""A table that writes decimals with a dot, as a sheet saved in an English locale does
(``1.5``, ``85.5``, ``2.25``): its ``3.125`` is a decimal to its writer and a thousand and
more to the Vietnamese reading (``12.500`` is twelve thousand five hundred).  Such a cell of
targets or baselines is listed with both readings, never read as one of them in silence.
"""

from __future__ import annotations

import re

from kh922core._exchange.import_problems import Sink
from kh922core._exchange.table_walk import Table

__all__ = ["refuse_dot_thousands"]

#: A number whose dot can only be a decimal point: one or two decimals, or four and more.
_DECIMAL_DOT = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])")
#: A number whose one dot before three digits reads both ways.
_ONE_GROUP = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")


def refuse_dot_thousands(sink: Sink, table: Table) -> None:
    """List, and blank, each target or baseline cell of ``table`` that writes ``3.125`` when
    its numbers elsewhere write their decimals with a dot."""
    header, lines = table.header, table.lines
    columns = [c.index for c in header.columns if c.role in ("target", "baseline")]
    cells = [(line, c) for line in lines if not line.group for c in columns if c < len(line.cells)]
    if not any(_DECIMAL_DOT.search(line.cells[c]) for line, c in cells):
        return
    for line, column in cells:
        found = _ONE_GROUP.search(line.cells[column])
        if found is None:
            continue
        number = found.group(0)
        sink.problem(
            table.grid,
            header,
            line.index,
            column,
            line.cells[column],
            f"{number!r} in a table that writes decimals with a dot (as a sheet saved in an "
            f"English locale does): {number.replace('.', ',')} or {number.replace('.', '')}? "
            "Write it with a decimal comma, or without the dot",
        )
        line.cells[column] = ""
