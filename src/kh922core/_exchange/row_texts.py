"""The texts of a Phụ lục I row: its number, its blank cells, the direction a note or a name
says, and a cell's text on one line.

A row's number is kept as printed (``5.1``, ``5.a``, ``A.1``); a row printed with ``a)``, ``-``,
``+`` or no number is numbered under the row it details.  A note that says the direction
(``Chỉ tiêu nghịch``, ``càng thấp càng tốt``) is read as such; the exporter writes it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kh922core._exchange.grids import Grid
from kh922core._exchange.header_roles import Header, heading_key, years_in
from kh922core._exchange.import_problems import Sink
from kh922core._exchange.table_walk import Line, Table, place
from kh922core._targets import DEADLINES, Direction, Unit, parse_target
from kh922core._text import fold, strip_diacritics
from kh922core.errors import Kh922Error

__all__ = [
    "BLANKS",
    "BULLET",
    "NO_HORIZON",
    "NO_TARGET",
    "PLUS",
    "cell_horizon",
    "cell_line",
    "direction_words",
    "is_lettered",
    "lower_name",
    "merged_targets",
    "note_direction",
    "note_merged_down",
    "past_period",
    "past_target",
    "readable_part",
    "reason_of",
    "restarts",
    "row_number",
    "row_year",
    "twice_numbered",
    "under_parent",
]

BLANKS = frozenset({"", "-", "–", "—", "−", "--", "x", "X", "/", "…", "...", "_"})
#: A target cell that says no target is set for that year, as "-" does ("Không giao", "Chưa
#: giao chỉ tiêu", "Không áp dụng", "N/A"); "Không có" is none at all, a target.
NO_TARGET = re.compile(
    r"^\s*(?:(?:không|chưa)\s+(?:giao|đặt|áp\s+dụng|xác\s+định)(?:\s+chỉ\s+tiêu)?|n/a|k/a)\s*\.?\s*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^((?:(?:[A-ZĐ]|[IVXLC]+)\.)?\d+(?:[.,]\d+)*)\.?$")
_SUBLETTER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s*([a-zđ])\)?$")
_LETTER = re.compile(r"^([a-zđ])\s*[.)]?$")
_LAST_LETTER = re.compile(r"(?:^|\.)[a-zđ]$")  # a row numbered by a letter of its own
BULLET = re.compile(r"^[-–—•*·]$")
PLUS = re.compile(r"^\+$")
_LABELLED = re.compile(r"^(\S+)\s+\((.+)\)$")
#: Names whose indicator is better lower, as whole words with their accents ("tai nạn" is no
#: "tài năng", "ô nhiễm" no "số nhiệm vụ", "bỏ học" no "bộ học liệu", "số vụ" no "hồ sơ vụ
#: việc"): compared on the folded name (see :func:`kh922core._text.fold`).
_LOWER_NAMES = re.compile(
    r"(?<!\w)(?:hộ\s+(?:cận\s+)?nghèo|thất\s+nghiệp|tử\s+vong|suy\s+dinh\s+dưỡng|tai\s+nạn|"
    r"ô\s+nhiễm|lạm\s+phát|nợ\s+xấu|bỏ\s+học|tội\s+phạm|phát\s+thải|trễ\s+hạn|quá\s+hạn|"
    r"sinh\s+con\s+thứ\s+(?:ba|3)|thời\s+gian\s+xử\s+lý|chi\s+phí\s+khởi\s+sự|"
    r"mất\s+cân\s+bằng\s+giới\s+tính|t[ỷỉ]\s+số\s+giới\s+tính|t[ỷỉ]\s+lệ\s+nhiễm|số\s+vụ|"
    # sector plans: deaths, malnutrition, cases, addiction, losses, smoking, fires, illiteracy
    r"chết|thấp\s+còi|nhẹ\s+cân|thừa\s+cân|béo\s+phì|(?:ca|số\s+ca|t[ỷỉ]\s+lệ)\s+mắc|mắc\s+mới|"
    r"(?<!cai\s)nghiện(?![^,;()]*\b(?:được|cai)\b)|thất\s+thoát|hút\s+thuốc|tái\s+nghèo|mù\s+chữ|"
    r"(?<!phòng\s)(?<!chữa\s)(?<!chống\s)(?<!phòng,\s)cháy|tảo\s+hôn|tiêu\s+hao\s+năng\s+lượng|"
    r"ùn\s+tắc|sạt\s+lở|"
    # times, costs, losses, backlogs, pollution, breaches, work of low standing, not yet done
    r"thời\s+gian\s+(?:chờ|giải\s+quyết|thông\s+quan)|số\s+ngày\s+(?:chờ|giải\s+quyết|thông\s+quan)|"
    r"chi\s+phí\s+(?:logistics|lô\s+gích|không\s+chính\s+thức|tuân\s+thủ)|chôn\s+lấp|tổn\s+thất|"
    r"tồn\s+đọng|nồng\s+độ\s+(?:bụi|pm\s*(?:2[.,]5|10))|vi\s+phạm|phi\s+chính\s+thức|"
    r"chưa\s+(?:đạt|có|được|hoàn\s+thành))(?!\w)"
)
#: A name that measures what is done against what is better lower: the share of the poor who
#: are helped (``… hộ nghèo được hỗ trợ``, ``… được điều tra làm rõ``), what is done right
#: after the measure's word (``Tỷ lệ thu gom …``, ``Tỷ lệ thu hồi …``), a rate of reduction
#: (``Tỷ lệ giảm …``, ``Mức cắt giảm …``); its group ``done``: the words before the better-lower
#: words that say so (``hài lòng``, ``tham gia``).
_DONE = (
    r"hỗ\s+trợ|điều\s+tra|can\s+thiệp|phát\s+hiện|xử\s+lý|giải\s+quyết|khắc\s+phục|điều\s+trị|"
    r"cai|quản\s+lý|chăm\s+sóc|tư\s+vấn|thu\s+gom|thu\s+hồi|khám|đào\s+tạo|dạy\s+nghề|"
    r"học\s+nghề|cứu|khám\s+phá|làm\s+rõ|tái\s+hòa\s+nhập|bảo\s+trợ|công\s+nhận\s+thoát|"
    r"giúp\s+đỡ|vay|đầu\s+tư|giới\s+thiệu|bố\s+trí|tham\s+gia|kiểm\s+soát|ngăn\s+chặn"
)
_DONE_AGAINST = re.compile(
    rf"^(?:t[ỷỉ]\s+lệ|mức|tốc\s+độ|số)\s+(?:(?:cắt\s+)?giảm|rút\s+ngắn|{_DONE})\b"
    rf"|\b(?:được\s+(?:kịp\s+thời\s+)?(?:{_DONE})|tham\s+gia|hài\s+lòng)\b"
)
#: The same, for a name typed without accents ("Ty le ho ngheo").
__LOWER_NAMES_PLAIN = re.compile(strip_diacritics(_LOWER_NAMES.pattern))
__DONE_AGAINST_PLAIN = re.compile(strip_diacritics(_DONE_AGAINST.pattern))


NO_HORIZON = (
    "no horizon: neither the column heading, a group row above it, the title nor the cell names "
    "a year ('Đến năm 2030')"
)
#: The year a target's cell names as its own: "Năm 2030: 80%", "2030: 80%", "80% vào năm 2030",
#: "hoàn thành trước năm 2027", "trong năm 2025", "vào khoảng năm 2028", "82 (năm 2028)" (not a
#: base: "so với năm 2025").
_CELL_YEAR = re.compile(
    r"^\s*(?:năm\s+)?((?:19|20)\d\d)\s*[:,]|^\s*năm\s+((?:19|20)\d\d)\b(?!\s*[-–])"
    r"|\b(?:đến|vào|trước|tới|chậm\s+nhất|hết|trong|cuối)\s+(?:khoảng\s+)?(?:năm\s+)?((?:19|20)\d\d)\b"
    r"(?!\s*[-–])"
    r"|\(\s*(?:năm\s+)?((?:19|20)\d\d)\s*\)"  # "82 (năm 2028)", "100% (2027)"
    r"|\(\s*(?:giai\s+đoạn\s+)?(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)\s*\)",  # its end
    re.IGNORECASE,
)


def cell_horizon(text: str, horizon: int | None) -> tuple[int | None, str | None]:
    """The horizon of a target cell with no label: the year the cell names as its own where the
    column and the title name none, else theirs; and why not, where the two differ.

    Examples:
        >>> cell_horizon("Năm 2030: 80%", None), cell_horizon("80%", 2030)
        ((2030, None), (2030, None))
        >>> cell_horizon("hoàn thành trước năm 2027", 2030)[1][:30]
        'the cell names the year 2027, '
        >>> cell_horizon("Đến quý II/2026 đạt 100%", 2030)[1][:30]
        'the cell names the year 2026, '
    """
    years = {int(y) for found in _CELL_YEAR.finditer(text) for y in found.groups() if y}
    for deadline in DEADLINES.finditer(text):  # "Đến quý II/2026", "trước 30/6/2026"
        years |= {int(y) for y in re.findall(r"(?:19|20)\d\d", deadline.group(0))}
    if len(years) != 1:
        return horizon, None
    (year,) = years
    if horizon is None or year == horizon:
        return year, None
    return horizon, (
        f"the cell names the year {year}, its column or the title {horizon}: which is the "
        "horizon? Write the target in the column of its year"
    )


def past_target(year: int, plan_year: int | None) -> str | None:
    """Why a target for ``year`` cannot be one in a plan of ``plan_year``: a year before the
    plan's is a result already reached (a column of results read as targets); else ``None``.

    Examples:
        >>> past_target(2030, 2025) is None, past_target(2024, 2025)[:30]
        (True, 'a target for 2024, before the ')
    """
    if plan_year is None or year >= plan_year:
        return None
    return (
        f"a target for {year}, before the year of the plan ({plan_year}): a result already "
        f"reached? A column of results is headed 'Thực hiện năm {year}' (read as the baseline)"
    )


def past_period(heading: str, plan_year: int | None) -> str | None:
    """Why a target column headed by a period that began before the plan's year and ends by it
    is not read: it is the previous period's result (``Giai đoạn 2021-2025``, ``Bình quân
    2021-2025`` in a plan of 2025, not ``Mục tiêu giai đoạn 2021-2025``); else ``None``.

    Examples:
        >>> past_period("Giai đoạn 2026-2030", 2025) is None, past_period("Năm 2030", 2025)
        (True, None)
        >>> past_period("Kết quả 2021-2025", 2025)[:40]
        'a column of the period 2021-2025, which '
    """
    years = years_in(heading)
    planned = re.search(r"\b(?:ke hoach|kh|muc tieu|chi tieu|phan dau)\b", heading_key(heading))
    if plan_year is None or len(years) < 2 or years[0] >= plan_year or years[-1] > plan_year:
        return None  # a period ahead of the plan's year, or going on after it, is planned
    if planned:  # "Mục tiêu giai đoạn 2021-2025": a target, said outright
        return None
    return (
        f"a column of the period {years[0]}-{years[-1]}, which began before the year of the plan "
        f"({plan_year}): the result of the period before? A target column names years from "
        f"{plan_year} on"
    )


def twice_numbered(grid: Grid, first: int, again: int, row: str, horizon: int) -> str:
    """Why a second target of row ``row`` at ``horizon`` is not read: the row has one already,
    and where the two are in different rows, the number is written twice (``2.`` twice, or
    ``1.10`` typed as the number 1.1)."""
    taken = f"row {row} already has a target for {horizon}"
    if first == again:
        return taken
    return (
        f"{taken} (in row {first + grid.first_row} of the table): the row number is written "
        "twice, or a '1.10' was typed as the number 1.1; number the rows apart"
    )


def lower_name(name: str) -> str | None:
    """The words of ``name`` that say its indicator is better lower, or ``None``.

    Examples:
        >>> lower_name("Tỷ lệ hộ nghèo"), lower_name("Số tài năng trẻ")
        ('hộ nghèo', None)
        >>> lower_name("Ty le ho ngheo")
        'ho ngheo'
    """
    folded = fold(name)
    found = (__LOWER_NAMES_PLAIN if folded.isascii() else _LOWER_NAMES).search(folded)
    if found is None:
        return None
    done = _DONE_AGAINST if not folded.isascii() else __DONE_AGAINST_PLAIN
    first = done.match(folded)  # "Tỷ lệ giảm …", "Tỷ lệ thu gom … tồn đọng"
    helped = done.search(folded, found.end())  # "… hộ nghèo được hỗ trợ", "… tham gia BHXH"
    pleased = re.search(r"hài\s+lòng|hai\s+long", folded[: found.start()])  # "… hài lòng về …"
    return None if first or helped or pleased else found.group(0)


#: Notes that state a direction (compared without accents).
_NOTE_DIRECTIONS = {
    Direction.LOWER_IS_BETTER: r"chi tieu nghich|cang thap cang tot|thap hon la tot hon",
    Direction.HIGHER_IS_BETTER: r"chi tieu thuan|cang cao cang tot|cao hon la tot hon",
    Direction.BAND: r"chi tieu khoang|trong khoang la dat",
}


def direction_words(direction: Direction) -> str:
    """The note the exporter writes for a direction (``""`` for higher is better)."""
    return {
        Direction.LOWER_IS_BETTER: "Chỉ tiêu nghịch (càng thấp càng tốt)",
        Direction.BAND: "Chỉ tiêu khoảng (trong khoảng là đạt)",
    }.get(direction, "")


def note_direction(text: str) -> Direction | None:
    key = heading_key(text)
    for direction, pattern in _NOTE_DIRECTIONS.items():
        if re.fullmatch(rf"(?:{pattern})(?: (?:{pattern}))*", key):
            return direction
    return None


def restarts(table: Table) -> bool:
    """Whether the row numbers start again under each group of one horizon (``A``: 1, 2;
    ``B``: 1, 2): the rows are then told apart by their group (``A.1``, ``B.1``)."""
    if any(line.group and years_in(line.title) for line in table.lines):
        return False
    seen: dict[str, str | None] = {}
    group: str | None = None
    for line in table.lines:
        if line.group:
            group = line.group_id
        elif line.number[:1].isdigit():
            if line.number in seen and seen[line.number] != group:
                return True
            seen[line.number] = group
    return False


def cell_line(text: str) -> str:
    """A cell's text on one line: lines that each hold a number are parts (``; ``); so are two
    numbers a tab parts (``1``, a tab, ``500`` shows two numbers, never ``1 500``; a tab after
    ``Năm 2025:`` is a space)."""
    text = re.sub(r"(?<=\d)[ ]*\t[\t ]*(?=\d)", "\n", text)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and all(re.search(r"\d", line) for line in lines):
        return "; ".join(lines)
    return " ".join(lines)


def reason_of(error: Exception) -> str:
    """An error's message on one line (its pointer left out)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and "^" not in line]
    return " ".join(lines[:1] + [line for line in lines[1:] if line.startswith("(")])


def row_number(
    line: Line,
    numbers: dict[tuple[int, int], float],
    column: int | None,
    printed: set[str],
    numbered: str | None,
    bullet: str | None,
    counts: dict[str, int],
) -> tuple[str, str | None]:
    """A data row's number as the plan keeps it, and its parent's: ``5.1`` under ``5``; a row
    printed ``a)``, ``-``, ``+`` or with none numbered under the row it details.  In a table
    with no row-number column (``column`` is ``None``) the rows without a number at the start
    of their name are siblings: 1, 2, 3."""
    text = line.number
    if column is None and not text:
        numbered = bullet = None
    if column is not None and (line.index, column) in numbers:
        value = Decimal(repr(numbers[(line.index, column)])).normalize()
        text = format(value, "f")
    if _NUMBER.match(text):
        row = _NUMBER.match(text).group(1).replace(",", ".")  # type: ignore[union-attr]
        return row, row.rpartition(".")[0] or None
    if (found := _SUBLETTER.match(text)) is not None:
        return f"{found.group(1)}.{found.group(2)}", found.group(1)
    if (found := _LABELLED.match(text)) is not None:
        return text, None
    parent = (bullet or numbered) if PLUS.match(text) else numbered  # "+" with no "-" above
    found = _LETTER.match(text)
    if found is not None and parent is not None and not _LAST_LETTER.search(parent):
        return f"{parent}.{found.group(1)}", parent
    if found is not None:  # under no numbered row ("I | Chính quyền số", then a, b, c): siblings
        return found.group(1), None
    base = parent or ""
    while True:
        counts[base] = counts.get(base, 0) + 1
        row = f"{base}.{counts[base]}" if base else str(counts[base])
        if row not in printed:
            return row, parent


def report_number(sink: Sink, table: Table, line: Line, indicator: str, row: str) -> None:
    """Say how a row whose number is not printed, or not one the importer reads (``�``, a
    sign), was numbered: a note for none, a problem (its cell named) for one it cannot read."""
    text = line.number
    if not text:
        sink.note("indicators", indicator, f"printed without a row number; numbered {row}")
    elif not any(p.match(text) for p in (_NUMBER, _SUBLETTER, _LETTER, BULLET, PLUS, _LABELLED)):
        sink.problem(
            table.grid,
            table.header,
            line.index,
            table.header.one("row"),
            text,
            f"a row number the importer cannot read: numbered {row}, as a row without one "
            "(write a number such as '5', '5.1' or 'a)')",
        )


def note_merged_down(sink: Sink, targets: list[dict[str, Any]]) -> None:
    """Note each target whose cell is merged down over other rows: the one figure is given to
    the indicator of each row it covers (as the table shows it), which a reader checks."""
    for target in targets:
        grid, header, row, column = target["_place"]
        for first, left, last, right in grid.merges:
            if first <= row <= last and left <= column <= right and last > first:
                rows = f"{place(grid, header, first, None)[0]}-{place(grid, header, last, None)[0]}"
                why = f"its cell is merged down over rows {rows}: the same target is each one's"
                sink.note("targets", target["id"], why)


def merged_targets(header: Header, column: int, spans: list[tuple[int, int]]) -> str:
    """The headings of the other target columns that a cell merged across from ``column``
    covers (``""``: none): one text for two horizons is no target of either alone."""
    last = max((b for a, b in spans if a == column), default=column)
    others = [c.heading for c in header.of("target") if column < c.index <= last]
    return ", ".join(repr(" ".join(h.split())) for h in others)


def is_lettered(number: str) -> bool:
    """Whether a row is numbered by a letter (``a)``, ``b.``, ``5.a``): it details the row above
    and numbers no row below it (``b`` after ``a`` is ``2.b``, not ``2.a.b``)."""
    return bool(_LETTER.match(number) or _SUBLETTER.match(number))


def twice_in_cell(found: list[dict[str, Any]], horizon: int | None, row: str) -> str | None:
    """Why a part of a cell is not read when another part of it (``found``) is a target of the
    same row and horizon (``80%; năm 2030 đạt 100%`` under ``Mục tiêu đến năm 2030``: the part
    with no year is the column's); ``None`` when none is."""
    first = next((t for t in found if (t["horizon"], t["row"]) == (horizon, row)), None)
    if first is None:
        return None
    return f"a second target for {horizon} in the cell (the first: {first['text']!r}): which is it?"


_ROW_YEAR = re.compile(
    r"(?:(?:đến|tới|trước)\s+)?(?:năm\s+|(?:(?:ngày\s+)?31\s*[/.-]\s*)?12\s*[/.-]\s*)?"
    r"((?:19|20|21)\d{2})(?:\.0)?",
    re.I,
)


def row_year(text: str, header: Header) -> int | None:
    """The year a row's own time cell names (``Năm 2028``, the year's last day ``31/12/2028``,
    ``12/2028``) in a table whose target columns have no year: its targets' horizon."""
    found = _ROW_YEAR.fullmatch(" ".join(text.split()))
    if found is None or not any(column.year is None for column in header.of("target")):
        return None
    return int(found.group(1))


def readable_part(
    text: str, label: str, direction: Direction, unit: Unit | None, name: str | None = None
) -> str:
    """A part of a cell as a target text the grammar reads alone (for an indicator of that unit
    and ``name``): as written, else without its label (``Cấp xã: 80%`` as ``80%``); ``""`` where
    neither reads."""
    for candidate in (text, re.sub(rf"^\s*{re.escape(label)}\s*[:：-]?\s*", "", text)):
        try:
            parse_target(candidate, direction=direction, unit=unit, indicator=name)
        except Kh922Error:
            continue
        return candidate
    return ""


#: A name that names a measure of its own; a sub-row's other name is a label of its parent's.
_MEASURE_NAME = re.compile(
    r"\W*(?:t[ỷỉ]\s+lệ|t[ỷỉ]\s+trọng|số|tổng|chỉ\s+số|giá\s+trị|thu|mức|tốc\s+độ|quy\s+mô|"
    r"năng\s+suất|diện\s+tích|sản\s+lượng|kim\s+ngạch|doanh\s+thu|vốn|chi|độ)(?!\w)",
    re.IGNORECASE,
)


def under_parent(name: str, parent: str | None) -> str:
    """A sub-row's indicator name: its own where it names a measure, else its parent's with
    it as a label (``Cấp tỉnh`` under two rows is two indicators, not one).

    Examples:
        >>> under_parent("Cấp tỉnh", "Tỷ lệ hồ sơ được số hóa")
        'Tỷ lệ hồ sơ được số hóa (Cấp tỉnh)'
        >>> under_parent("Số xã đạt chuẩn", "Nông thôn mới"), under_parent("Cấp xã", None)
        ('Số xã đạt chuẩn', 'Cấp xã')
    """
    if parent is None or _MEASURE_NAME.match(name):
        return name
    return f"{parent} ({name})"
