"""The rows of a found table: group rows, data rows, repeated headers and the title above.

Below its header a table has three kinds of rows, told apart by their cells, never by a
template:

* **group rows**: a Roman numeral or a capital letter in the row-number column (``I``, ``II.``,
  ``A``), a title merged across the value columns, or a lone horizon (``Đến năm 2030``); the
  title says the horizon of the rows below it when it names a year;
* **repeated headers** (a table that continues across pages) and rows that number the columns:
  skipped;
* **data rows**: the rest, each with its row number as printed (``5``, ``5.1``, ``5.a``, ``a)``,
  ``-``, ``+`` or none).

The rows above a header that hold a single text each (``PHỤ LỤC I``, ``Kèm theo Kế hoạch số
…``) are its title block, not rows of the table before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kh922core._exchange.grids import Grid, column_name, filled
from kh922core._exchange.header_roles import Column, Header, find_header, is_numbering, years_in
from kh922core._targets import parse_unit
from kh922core.errors import Kh922Error

__all__ = ["Line", "Table", "continuation", "find_tables", "place"]

_ROMAN = re.compile(r"^([IVXLC]+)\s*[.)/]?$")
_LETTER = re.compile(r"^([A-ZĐ])\s*[.)/]?$")
_HORIZON = re.compile(
    r"^(?:(?:đến|tới|trong)\s+)?(?:năm|giai đoạn|mục tiêu|chỉ tiêu|kết quả)\b", re.I
)
#: The number a row prints at the start of its name when the table has no number column.
_NAME_MARK = re.compile(r"\s*((?:\d+(?:\.\d+)*|[a-zđ])[.)]|[-–+•])\s+")
#: A sub-row's mark at the start of its name when its number cell is empty ("" | "- Cấp xã").
_SUB_MARK = re.compile(r"\s*([a-zđ][.)]|[-–—+•·])\s+")
#: A line between two Word tables that says the second goes on with the first.
_GOES_ON = re.compile(r"\(?\s*(?:tiếp(?:\s+theo)?|continued)\s*\)?|", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"phụ lục|kèm theo|danh mục|biểu|bảng|kế hoạch|ban hành", re.I)
#: Lines of a signature block under a table, a cell of their own (see :func:`_is_signature`).
_SIGNER = re.compile(r"(?:KT|TM|TL|TUQ|Q)\s*\.\s*\S")
_SIGNER_TITLE = re.compile(
    r"(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|ỦY\s+BAN\s+NHÂN\s+DÂN)\b"
)
_SIGNATURE_LINE = re.compile(
    r"(?:nơi\s+nhận\s*:.*|người\s+lập(?:\s+biểu)?|thủ\s+trưởng\s+(?:đơn\s+vị|cơ\s+quan)"
    r"|\(\s*ký\b.*|[^\d,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"\s*(?:\(.*\))?",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Line:
    """One row below a header.

    Attributes:
        index: Its row in the grid (from 0).
        group: Whether it is a group row.
        number: The row-number cell as printed, stripped (``""`` when empty).
        cells: The text of each column (a value merged down is on every row it covers).
        group_id: A group row's numeral or letter (``"II"``), else ``None``.
        title: A group row's title.
        unread: Why the row is no row of the table (the signature block under it), if so.
    """

    index: int
    group: bool
    number: str
    cells: list[str]
    group_id: str | None = None
    title: str = ""
    unread: str | None = None


@dataclass(slots=True)
class Table:
    """A table found by its header: the grid, the header, its rows and the title above it."""

    grid: Grid
    header: Header
    lines: list[Line] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    number: int = 1
    unit: str | None = None  # "Đơn vị tính: tỷ đồng" above it: of each row that gives none


#: A line above a table that gives every row's unit: "Đơn vị tính: tỷ đồng", "(ĐVT: %)",
#: "Đơn vị: tỷ đồng".
_UNIT_LINE = re.compile(
    r"^\s*\(?\s*(?:đơn\s+vị(?:\s+tính|\s+đo)?|đvt|đv\s+tính)\s*[:：]\s*(?P<unit>[^()]+?)\s*\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)


#: The start of such a line, whatever follows (``Đơn vị tính: % (trừ …)``).
_UNIT_LEAD = re.compile(
    r"^\s*\(?\s*(?:đơn\s+vị(?:\s+tính|\s+đo)?|đvt|đv\s+tính)\s*[:：]", re.IGNORECASE
)


def unread_unit_line(title: list[str]) -> str | None:
    """A line of a table's title that gives its rows a unit in words :func:`table_unit` does
    not read (``Đơn vị tính: % (trừ các chỉ tiêu có ghi riêng)``): the rows get no unit from
    it, and the line is listed.

    Examples:
        >>> unread_unit_line(["Đơn vị tính: % (trừ các chỉ tiêu có ghi riêng)"])
        'Đơn vị tính: % (trừ các chỉ tiêu có ghi riêng)'
        >>> unread_unit_line(["(Đơn vị tính: tỷ đồng)"]) is None
        True
    """
    found = [line for line in title if _UNIT_LEAD.match(line) and not _UNIT_LINE.match(line)]
    found = [line for line in found if not re.match(r"\W*đơn\s+vị\s*[:：]", line, re.I)]
    return found[-1] if found and table_unit(title) is None else None


def table_unit(title: list[str]) -> str | None:
    """The unit a line of a table's title gives every row (``Đơn vị tính: tỷ đồng``).

    Examples:
        >>> table_unit(["PHỤ LỤC I", "(Đơn vị tính: tỷ đồng)"]), table_unit(["PHỤ LỤC I"])
        ('tỷ đồng', None)
    """
    found = [m.group("unit") for line in title if (m := _UNIT_LINE.match(line)) and _named(m)]
    return found[-1] if found else None


def _named(line: re.Match[str]) -> bool:
    """Whether a unit line names a unit: ``Đơn vị tính:``, ``ĐVT:`` always (what follows is
    checked with the rows), ``Đơn vị:`` only before a known unit (``Đơn vị: Sở Tài chính`` is
    an agency)."""
    if not re.match(r"\W*đơn\s+vị(?:\s+đo)?\s*[:：]", line.group(0), re.IGNORECASE):
        return True
    try:
        parse_unit(line.group("unit"))
    except Kh922Error:
        return False
    return True


def place(grid: Grid, header: Header | None, row: int, column: int | None) -> tuple[str, str]:
    """The row and column of a cell as the file shows them (``"7"``, ``"D (Kết quả)"``)."""
    if column is None:
        return str(grid.first_row + row), ""
    heading = header.columns[column].heading if header and column < len(header.columns) else ""
    name = column_name(column, grid.letters)
    return str(grid.first_row + row), f"{name} ({heading})" if heading else name


def _merged_down(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """For each cell inside a range merged down one column, the range's first cell."""
    inside: dict[tuple[int, int], tuple[int, int]] = {}
    for first_row, first_column, last_row, last_column in grid.merges:
        if first_column == last_column and last_row > first_row:
            for r in range(first_row + 1, last_row + 1):
                inside[(r, first_column)] = (first_row, first_column)
    return inside


def _across(grid: Grid) -> dict[int, list[tuple[int, int]]]:
    """For each row, the column spans merged across it."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for first_row, first_column, last_row, last_column in grid.merges:
        if last_column > first_column:
            for r in range(first_row, last_row + 1):
                spans.setdefault(r, []).append((first_column, last_column))
    return spans


def _same_header(one: Header, other: Header) -> bool:
    return [c.role for c in one.columns] == [c.role for c in other.columns] and [
        c.year for c in one.columns
    ] == [c.year for c in other.columns]


def _title_start(rows: list[list[str]], header: Header, floor: int) -> int:
    """The first row of the title block above ``header`` (no lower than ``floor``)."""
    start = header.first
    while start - 1 >= floor and header.first - start < 8:
        texts = {t for t in rows[start - 1] if t.strip()}
        if texts and (
            len(texts) > 1
            or not (_TITLE_WORDS.search(next(iter(texts))) or next(iter(texts)).isupper())
        ):
            break
        start -= 1
    return start


def _sub_row(
    header: Header, cells: list[str], number: str, values: list[int], spans: list[tuple[int, int]]
) -> bool:
    """Whether a row of indicators under an empty number cell is a sub-row marked at the start
    of its name (``- Cấp xã`` with its own values); a note under the table (``- Ghi chú: …``
    merged across), a row of tasks, a signature line are not."""
    row_column, name_column = header.one("row"), header.one("name")
    if header.kind != "indicators" or row_column is None or name_column is None or number:
        return False
    merged = any(first <= name_column <= last for first, last in spans)
    return not merged and any(cells[c].strip() for c in values)


def _classify(
    header: Header, index: int, cells: list[str], spans: list[tuple[int, int]]
) -> Line | None:
    row_column = header.one("row")
    name_column = header.one("name")
    number = " ".join(cells[row_column].split()) if row_column is not None else ""
    mark = (
        _NAME_MARK.match(cells[name_column])
        if row_column is None and name_column is not None
        else None
    )
    values = [c.index for c in header.columns if c.role not in ("row", "name", "note", None)]
    if _sub_row(header, cells, number, values, spans):  # "" | "- Cấp xã" | % | 80: a sub-row
        mark = _SUB_MARK.match(cells[name_column])  # type: ignore[index]
    if mark is not None and name_column is not None:  # no number column: "1. Tỷ lệ …", "- …"
        number, cells[name_column] = mark.group(1), cells[name_column][mark.end() :]
    texts = [(c, t) for c, t in enumerate(cells) if t.strip()]
    if not texts:
        return None
    title_parts = [t for c, t in texts if c != row_column]
    title = " ".join(" ".join(title_parts).split()) if title_parts else ""
    covered = {
        c
        for first, last in spans
        if name_column is not None and first <= name_column <= last
        for c in range(first, last + 1)
    }
    empty_values = all(not cells[c].strip() or c in covered for c in values)
    numeral = _ROMAN.match(number) or _LETTER.match(number)
    if numeral and empty_values:
        return Line(index, True, number, cells, numeral.group(1), title)
    if not number and covered & set(values) and len({t for _, t in texts}) == 1:
        return Line(index, True, number, cells, None, title)
    lone = len(texts) == 1 and not number and empty_values
    if lone and _HORIZON.match(title) and years_in(title):
        return Line(index, True, number, cells, None, title)
    if number and not title and len(number) > 12 and " " in number:
        numeral = re.match(r"^([IVXLC]+|[A-ZĐ])[.)]\s+", number)
        return Line(index, True, "", cells, numeral.group(1) if numeral else None, number)
    return Line(index, False, number, cells)


def _signs(header: Header, line: Line) -> bool:
    """Whether a row opens the signature block: no row number, at most two cells of text, one
    a signature line whole (an agency ``Thủ trưởng các sở, ngành`` in a row of its own table, a
    deadline ``Q. IV/2025``, a note that starts ``Thủ trưởng đơn vị chịu …`` are not)."""
    texts = [" ".join(t.split()) for t in line.cells if t.strip()]
    row = header.one("row")
    printed = " ".join(line.cells[row].split()) if row is not None else line.number
    return (
        not line.group
        and not printed
        and len(set(texts)) <= 2
        and any(_is_signature(text) for text in texts)
    )


def _is_signature(text: str) -> bool:
    """Whether a cell is a line of a signature block: the signer's title in capitals (``KT.
    CHỦ TỊCH``, ``TM. ỦY BAN NHÂN DÂN``, ``PHÓ GIÁM ĐỐC``), ``Nơi nhận:``, ``Người lập biểu``,
    ``Thủ trưởng đơn vị``, ``(Ký, ghi rõ họ tên)``, the place and date (``Mẫu, ngày 10 tháng 3
    năm 2025``); not ``Q. IV/2025``, ``Giám đốc Sở``, ``Thủ trưởng các sở, ngành``."""
    capitals = text.isupper() and not any(ch.isdigit() for ch in text)
    if capitals and (_SIGNER.match(text) or _SIGNER_TITLE.match(text)):
        return True
    return _SIGNATURE_LINE.fullmatch(text) is not None


def _lines(grid: Grid, header: Header, first: int, end: int, skip: set[int]) -> list[Line]:
    down = _merged_down(grid)
    across = _across(grid)
    lines: list[Line] = []
    signed = False
    for index in range(first, end):
        if index in skip:
            continue
        raw = grid.rows[index]
        if is_numbering(raw):
            continue
        cells = [
            grid.rows[down[(index, c)][0]][c] if (index, c) in down else text
            for c, text in enumerate(raw)
        ]
        line = _classify(header, index, list(cells), across.get(index, []))
        if line is None or _label_only(line, raw):
            continue
        signed = signed or _signs(header, line)
        if signed:  # reported as printed ("- Như trên;"), no mark taken for a row number
            line.unread = "the signature block under the table: not in the plan"
            line.cells = cells
        elif going := _continues(header, line, raw, cells, not lines or lines[-1].group):
            line.unread = going
        lines.append(line)
    return lines


#: Words alone in a row that only say the rows below are parts of the row above.
_PARTS_LABEL = re.compile(
    r"^\s*(?:trong\s+đó|bao\s+gồm|gồm(?:\s+có)?|chia\s+ra|cụ\s+thể)\s*[:：]?\s*$", re.I
)


def _label_only(line: Line, raw: list[str]) -> bool:
    """Whether a row holds nothing but ``Trong đó:`` (or ``Bao gồm:``, ``Chia ra:`` …), with no
    number: no row of the table (the rows below stay under the row above it)."""
    texts = [text.strip() for text in raw if text.strip()]
    words = line.title if line.group else (texts[0] if len(texts) == 1 else "")
    return not (line.number or line.group_id) and bool(_PARTS_LABEL.match(words))


_CONTINUED = (
    "no number, and only words that begin in lower case: the end of the name above, split "
    "over two rows? Not read: write it in that row's cell"
)
_SUB_ITEM = (
    "a bullet with no number, no agency and no deadline under a numbered task: a part of the "
    "task above? Not read: write it in that task's cell, or number it as a task"
)
_NAME_ALONE = (
    "no number, no agency and no deadline in a table of numbered tasks: a heading, or the end "
    "of the name above? Not read: number it as a task, or write it in that row's cell"
)


def _continues(
    header: Header, line: Line, raw: list[str], cells: list[str], first_row: bool
) -> str | None:
    """Why a row is no row of its own (``None``: it is): it goes on with the name of the row
    above: no number, nothing but its name cell (an agency or a deadline merged down from above
    aside: a value, a unit or a target merged down makes it a row of its own, ``cấp xã`` under
    ``cấp tỉnh``), and that in lower case (``và chuyên gia công nghệ số``), not a label of the
    rows below (``trong đó:``), after a row of the table (``first_row``: none above, or a
    group); or, in a table of numbered tasks, it names no task (``Lĩnh vực chuyển đổi số``, a
    heading with no number)."""
    name_column = header.one("name")
    if line.group or line.number or name_column is None:
        return None
    name = raw[name_column].strip()
    valued = [c.index for c in header.columns if c.role in ("target", "baseline", "unit")]
    others = any(text.strip() for c, text in enumerate(raw) if c != name_column)
    others = others or any(cells[c].strip() for c in valued if c < len(cells))
    first = next((ch for ch in name if ch.isalpha()), "")
    if not first or others or name.endswith(":"):
        return None
    if first.islower():
        return None if first_row else _CONTINUED
    merged = any(text.strip() for c, text in enumerate(cells) if c != name_column)  # from above
    tasks = header.kind == "tasks" and header.one("row") is not None
    if not tasks or merged:
        return None
    return _SUB_ITEM if re.match(r"[-+•*–]\s", name) else _NAME_ALONE


def find_tables(grid: Grid) -> list[Table]:
    """Every table of a grid that a header announces, with its rows and its title block."""
    rows = filled(grid)
    tables: list[Table] = []
    header = find_header(grid, 0, rows)
    floor = 0
    while header is not None:
        # above the first table every row is its title ("Đơn vị tính: %", a note, "Số: …"
        # between the title and the header cut it, and the date and number were lost)
        start = _title_start(rows, header, floor) if tables else floor
        title = [
            " ".join(t for t in dict.fromkeys(r) if t.strip())
            for r in grid.rows[start : header.first]
        ]
        title = [t for t in title if t]
        skip: set[int] = set()
        following = find_header(grid, header.last + 1, rows)
        while following is not None and _same_header(following, header):
            skip.update(range(following.first, following.last + 1))  # the header again
            following = find_header(grid, following.last + 1, rows)
        end = len(rows) if following is None else _title_start(rows, following, header.last + 1)
        table = Table(grid, header, title=[*grid.title, *title] if not tables else title)
        table.unit = table_unit(table.title)
        table.lines = _lines(grid, header, header.last + 1, end, skip)
        tables.append(table)
        floor, header = end, following
    return tables


def continuation(grid: Grid, before: Table) -> Table | None:
    """A headerless Word table that goes on with the table before it: the same columns, or
    those and as many more that are empty in every row (the table re-drawn on the next page
    with a spare column); else ``None``."""
    header = before.header
    if any(not _GOES_ON.fullmatch(line.strip()) for line in grid.title):
        return None  # a title between the tables ("PHỤ LỤC III …"): another table
    if grid.width != len(header.columns):
        empty = [c for c in range(grid.width) if not any(row[c].strip() for row in grid.rows)]
        if len(empty) != grid.width - len(header.columns):
            return None  # fewer columns, or more than one way to match them
        kept = [c for c in range(grid.width) if c not in empty]
        columns = [Column(c, None, "") for c in range(grid.width)]
        for old, new in zip(header.columns, kept, strict=True):
            columns[new] = Column(new, old.role, old.heading, old.year)
        header = Header(header.first, header.last, tuple(columns), header.kind)
    table = Table(grid, header, title=[], unit=before.unit)  # the unit line above the first
    table.lines = _lines(grid, header, 0, len(grid.rows), set())
    return table
