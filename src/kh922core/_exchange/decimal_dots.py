"""A number written with one dot before three digits (``3.125``), which reads both ways.

A table that writes decimals with a dot, as a sheet saved in an English locale does (``1.5``,
``85.5``, ``2.25``): its ``3.125`` is a decimal to its writer and a thousand and more to the
Vietnamese reading (``12.500`` is twelve thousand five hundred).  Such a cell of targets or
baselines is listed with both readings, never read as one of them in silence.

In a table that writes its decimals with a comma, such a target is listed where its thousands
cannot be meant: in a row of a percentage (``95.125``, ``≥ 95.125``, ``Tối thiểu 75.250``, in
``%`` or ``phần trăm``: 95125 %), and beside the row's other
figures, all under a thousand and one of them with a decimal comma, when it is a hundred times
the largest of them and more (``1,2`` → ``1,5`` → ``2.500`` tỷ USD: 2,5 typed with a dot).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kh922core._exchange.import_problems import Sink
from kh922core._exchange.table_walk import Table
from kh922core._targets import Unit

__all__ = ["doubtful_dot", "refuse_dot_thousands"]

#: A number whose dot can only be a decimal point: one or two decimals, or four and more.
_DECIMAL_DOT = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])")
#: A number whose one dot before three digits reads both ways.
_ONE_GROUP = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")
#: A cell that is such a number alone (a percent sign after it).
_ONE_GROUP_CELL = re.compile(r"^[-−]?(?P<number>[1-9]\d{0,2}\.\d{3})\s*%?$")
#: A cell that is a plain number, its decimals after a comma or none.
_PLAIN = re.compile(r"^[-−]?(?P<number>\d{1,3}(?:,\d+)?)\s*%?$")


def doubtful_dot(text: str, unit: Unit | None, figures: Sequence[str]) -> str | None:
    """Why a target cell ``text`` of one dot before three digits is listed, beside the row's
    other ``figures`` (its baselines and other targets); ``None`` where its thousands read.

    Examples:
        >>> from kh922core import parse_unit
        >>> doubtful_dot("95.125", parse_unit("%"), ["92,5"])[:30]
        "'95.125' in a row of a percent"
        >>> doubtful_dot("2.500", parse_unit("tỷ USD"), ["1,2", "1,5"])[:28]
        "'2.500' beside the row's fig"
        >>> doubtful_dot("2.500", parse_unit("tỷ đồng"), ["1.800", "2.100"]) is None
        True
    """
    percent = unit is not None and (
        unit.text.strip().startswith("%") or "percent" in unit.expression
    )
    found = _ONE_GROUP_CELL.match(text.strip())
    inside = _ONE_GROUP.search(text) if percent else None  # "≥ 95.125", "Tối thiểu 75.250"
    if found is None and inside is None:
        return None
    number = found.group("number") if found is not None else inside.group(0)  # type: ignore[union-attr]
    comma = number.replace(".", ",")
    both = f"{comma} or {number.replace('.', '')}?"
    if percent:
        return (
            f"{number!r} in a row of a percentage: {both} A dot before three digits separates "
            f"thousands; write a decimal with a comma ({comma})"
        )
    plain = [m for f in figures if (m := _PLAIN.match(f.strip())) is not None]
    if not any("," in m.group("number") for m in plain):
        return None
    others = [abs(float(m.group("number").replace(",", "."))) for m in plain]
    if max(others) > 0 and float(number.replace(".", "")) >= 100 * max(others):
        return (
            f"{number!r} beside the row's figures ({', '.join(m.group(0) for m in plain)}), "
            f"written with a decimal comma: {both} Write a decimal with a comma ({comma}); if "
            f"{number.replace('.', '')} is meant, the other figures are in another scale"
        )
    return None


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
