"""A row's baseline given to its targets: to the row's own indicator's, never to the parts of a
cell split into indicators of their own (``100% cấp tỉnh, 90% cấp xã``), each of which is
noted to need its own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from kh922core._exchange.format_units import format_unit, own_unit_words
from kh922core._exchange.import_problems import Sink
from kh922core._exchange.row_texts import BLANKS, reason_of
from kh922core._exchange.table_walk import Line, Table
from kh922core._targets import Comparison, Operator, Unit, parse_number, parse_target
from kh922core.errors import Kh922Error

__all__ = ["give_baselines", "row_baseline"]

#: One dot before three digits: thousands, or a decimal written with a dot (``12.500``).
_ONE_GROUP = re.compile(r"^[-−]?[1-9]\d{0,2}\.\d{3}\s*%?$")


class RowOwner(Protocol):
    """The row a baseline is of: its indicator and unit."""

    @property
    def indicator(self) -> str: ...

    @property
    def unit_value(self) -> Unit | None: ...


def _doubtful(text: str, unit: Unit | None) -> str | None:
    """Why a baseline cell cannot be read in a row of ``unit`` as it is written, if so."""
    percent = unit is not None and unit.text.strip().startswith("%")
    if text.rstrip().endswith("%") and unit is not None and not percent:
        return (
            f"a percentage in a row in {unit.text}: a baseline is in the row's unit; write "
            "it in that unit"
        )
    if percent and _ONE_GROUP.match(text.strip()):
        return (
            "a dot before three digits in a row of a percentage (12.500 is 12500): write "
            "12,5 with a comma if that is meant"
        )
    return None


def give_baselines(
    table: Table, line: Line, sink: Sink, targets: list[dict[str, Any]], row: RowOwner
) -> None:
    """Give the row's baseline to ``targets`` of the indicator ``own`` (the row's); with none of
    them, each baseline cell is a problem; else each other target (a part) is noted."""
    own = row.indicator
    mine = [t for t in targets if t["indicator"] == own]  # not a split part's
    parts = [] if mine else [t["row"] for t in targets]
    found = row_baseline(table, line, sink, parts, row.unit_value)
    if found is None:
        return
    for target in mine:
        target["baseline"] = {"value": found[0], "year": found[1]}
    for target in (t for t in targets if t["indicator"] != own):
        why = f"the row's baseline ({found[0]:g}) is the whole row's: give this part its own"
        sink.note("targets", target["id"], why)


def _in_unit(text: str, unit: Unit) -> float | None:
    """A baseline written with its unit (``40.000 tỷ đồng``, ``1,2 triệu người``), in the row's
    ``unit``; ``None`` for a number alone, or for words that are no plain level of it."""
    if not re.search(r"\d\s*[^\W\d_]", text):
        return None
    try:
        spec = parse_target(text, unit=unit)
    except Kh922Error:
        return None
    plain = isinstance(spec, Comparison) and spec.operator is Operator.TARGET
    return spec.value if plain and spec.change is None and not spec.note else None  # type: ignore[union-attr]


def row_baseline(
    table: Table, line: Line, sink: Sink, parts: Sequence[str] = (), unit: Unit | None = None
) -> tuple[float, int | None] | None:
    """The row's baseline (value, year): the latest year's of its baseline columns (``Thực hiện
    năm 2024``, ``Ước 2025``); each other one, and one that is no number, is a problem.  A row
    whose cell was split into indicators of their own (``parts``: ``1 (cấp tỉnh)`` …) has none:
    its baseline is the whole row's, not any part's, and each baseline cell is a problem.  A
    percentage in a row of another ``unit`` (``5%`` of ``tỷ đồng``) is one, and so is one dot
    before three digits in a row of a percentage (``12.500``: 12500, or 12,5?)."""
    found: list[tuple[int, int, str, float]] = []
    for column in table.header.of("baseline"):
        text = line.cells[column.index].strip()
        text = text[1:].strip() if text.startswith("'") else text  # "'85": typed as text
        if not text or text in BLANKS:
            continue
        if parts:
            why = f"a baseline of the whole row, not of its parts ({', '.join(parts)}), which are "
            why += "indicators of their own: copy each part's baseline by hand"
            sink.problem(table.grid, table.header, line.index, column.index, text, why)
            continue
        doubt = _doubtful(text, unit) or format_unit(table.grid, line.index, column.index, unit)
        if doubt is not None:
            sink.problem(table.grid, table.header, line.index, column.index, text, doubt)
            continue
        words = own_unit_words(table.grid, line.index, column.index, unit)  # "3000 DN"
        text = text.removesuffix(words).strip() if words else text
        try:
            value = _in_unit(text, unit) if unit is not None else None
            value = parse_number(text.rstrip("% ")) if value is None else value
        except Kh922Error as error:
            sink.problem(
                table.grid,
                table.header,
                line.index,
                column.index,
                text,
                f"a baseline must be a number: {reason_of(error)}",
            )
            continue
        found.append((column.year or 0, column.index, text, float(value)))
    if not found:
        return None
    year, _, _, value = kept = max(found)
    for _, index, text, _ in (other for other in found if other is not kept):
        sink.problem(
            table.grid,
            table.header,
            line.index,
            index,
            text,
            f"a second baseline of the row: a target keeps one, the latest ({year}'s); copy "
            "this one by hand if it is the one to keep",
        )
    return value, year or None
