"""Where a row of a Phụ lục I table takes its unit from: its unit cell, else the unit its name
ends with in brackets (``Tỷ lệ hộ có cáp quang (%)``), else the table's: a unit line above it
(``Đơn vị tính: tỷ đồng``, see :func:`kh922core._exchange.table_walk.table_unit`) or the unit
every target column's heading names (``Năm 2027 (%) | Năm 2030 (%)``).
"""

from __future__ import annotations

import re

from kh922core._exchange.header_roles import Header
from kh922core._exchange.row_texts import BLANKS, reason_of
from kh922core._exchange.table_walk import Table
from kh922core._targets import Unit, conversion_factor, parse_unit
from kh922core.errors import Kh922Error

__all__ = ["heading_unit", "parsed_unit", "row_unit", "unit_in_name"]


#: The name of a share, whose unit is a share (%, ‰), never a count.
_SHARE_NAME = re.compile(r"\s*(?:t[ỷỉ]\s+(?:lệ|trọng)|độ\s+che\s+phủ|mức\s+độ)\b", re.IGNORECASE)
#: A unit in brackets at the end of a name: "Tỷ lệ hộ có cáp quang (%)".
_NAME_UNIT = re.compile(r"\s*\(([^()]{1,40})\)\s*$")


def unit_in_name(name: str) -> tuple[str, str] | None:
    """``Tỷ lệ hộ có cáp quang (%)`` as ``("Tỷ lệ hộ có cáp quang", "%")``: the name and the unit
    it ends with in brackets, where that is a known unit (``(TFP)``, ``(*)``, a footnote's
    ``(1)``, a year are none) and, for a share (``Tỷ lệ …``), a share's unit; else ``None``."""
    found = _NAME_UNIT.search(name)
    text = found.group(1).strip() if found is not None else ""
    lettered = re.search(r"[^\W\d_]|[%‰]", text) is not None and "," not in text
    if found is None or not name[: found.start()].strip() or not lettered:
        return None  # "(1)", "(2025)": a footnote, a year; "(xã, phường)": where, no unit
    try:
        unit = parse_unit(text)
    except Kh922Error:
        return None
    if _SHARE_NAME.match(name) and unit.dimension != "dimensionless":
        return None  # "Tỷ lệ doanh nghiệp … (DN)": what the share counts, no unit of it
    return name[: found.start()].rstrip(), text


def heading_unit(header: Header) -> str | None:
    """The unit every target column's heading names in brackets, the same in each (``Năm 2027
    (%)``, ``Mục tiêu (tỷ đồng) năm 2030``), or the name column's heading (``Chỉ tiêu (%)``):
    the table's unit, as a unit line above it gives; else ``None``."""
    name = header.one("name")
    named = unit_in_name(header.columns[name].heading) if name is not None else None
    if named is not None:
        return named[1]
    units = []
    for column in header.of("target"):
        heading = column.heading
        found = [
            u[1] for m in re.finditer(r"\)", heading) if (u := unit_in_name(heading[: m.end()]))
        ]
        if len(found) != 1:
            return None
        units.append(found[0])
    return units[0] if units and len(set(units)) == 1 else None


def row_unit(cell: str, name: str, table: Table, column: bool) -> tuple[str, str, str | None]:
    """A row's name and unit: its unit cell's (``column``: the table has one), else the unit its
    name ends with in brackets (then cut from it), else the table's (:func:`heading_unit`, or a
    unit line above it); and a note of where a unit not in its cell came from."""
    if cell and cell not in BLANKS:
        return name, cell, None
    named = unit_in_name(name)  # "Tỷ lệ … (%)"
    if named is not None:
        return named[0], named[1], f"unit {named[1]!r} read from the end of its name"
    if table.unit and not _fits(name, table.unit):  # "Tỷ lệ …" under "(tỷ đồng)"
        return name, "", f"no unit: the table's {table.unit!r} is none of a row named so"
    if table.unit and column:  # "Đơn vị tính: tỷ đồng" above, the row's unit cell empty
        return name, table.unit, f"unit {table.unit!r} from above the table: its unit cell is empty"
    return name, table.unit or "", None


#: The name of a count: "Số doanh nghiệp …", "Tổng số hộ …".
_COUNT_NAME = re.compile(r"\s*(?:tổng\s+)?số\s+(?:lượng\s+)?\w", re.IGNORECASE)


def _fits(name: str, text: str) -> bool:
    """Whether the table's unit ``text`` may be the unit of a row named ``name``: a share's is a
    share (``%``), a count's neither a share nor money; any unit of another name."""
    try:
        unit = parse_unit(text)
    except Kh922Error:
        return True  # listed where the row reads it
    if _SHARE_NAME.match(name):
        return unit.dimension == "dimensionless"
    if _COUNT_NAME.match(name):
        return unit.dimension != "dimensionless" and "currency" not in unit.dimension
    return True


_NO_UNIT = (
    "the indicator is imported without a unit (add the unit to a unit_texts file, or write a "
    "known one)"
)


def parsed_unit(text: str, name: str) -> tuple[Unit | None, str | None]:
    """The unit of a row whose unit text is ``text``, and why the indicator is imported without
    one (listed on the unit cell): the text is no unit the library knows, or ``name`` (given
    where the unit came from the unit cell) ends with another unit in brackets (``Thu nhập
    bình quân (USD/người/năm)`` with ``triệu đồng`` in the cell: which?)."""
    if not text:
        return None, None
    try:
        unit = parse_unit(text)
    except Kh922Error as error:
        return None, f"{reason_of(error)}; {_NO_UNIT}"
    named = unit_in_name(name) if name else None
    if named is not None:
        own = parse_unit(named[1])  # known: unit_in_name parsed it
        # "Chỉ số phát triển con người (HDI)" in "Chỉ số": the measure's acronym, no unit
        acronym = named[1].isalpha() and named[1].isupper() and "currency" not in own.dimension
        try:
            same = acronym or conversion_factor(own, unit) == 1
        except Kh922Error:
            same = False
        if not same:
            return None, (
                f"the name ends with the unit {named[1]!r}, the unit cell says {text!r}: which? "
                "The indicator is imported without a unit: correct the name or the unit cell"
            )
    return unit, None
