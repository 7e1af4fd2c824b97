"""Finding a table by its header: which row is the header, and what each column holds.

Headers vary from province to province, so a column is known by the words of its heading
(compared without case, accents or punctuation), never by its position:

==============  =================================================================================
role            headings (any of)
==============  =================================================================================
``row``         TT, STT, Số TT, Số thứ tự
``name``        Chỉ tiêu, Tên chỉ tiêu, Các chỉ tiêu chủ yếu, Nội dung, Tiêu chí, Tên nhiệm vụ,
                Nhiệm vụ, Tên nhiệm vụ/đề án, Công việc, Dự án …
``unit``        Đơn vị, Đơn vị tính, ĐVT, Đơn vị tính (ĐVT)
``target``      Kết quả, Mục tiêu, Chỉ tiêu, Kế hoạch …, KH 2025, Năm 2025, Đến năm 2030, Giai
                đoạn 2026-2030, a year alone (under a group heading such as "Mục tiêu")
``baseline``    Hiện trạng …, Thực hiện năm 2024, TH 2024, Kết quả thực hiện năm 2024, Năm 2024
                (thực hiện), Năm 2020 (năm gốc), Ước thực hiện 2024, Ước 2025, Kết quả đạt
                được năm 2024, Lũy kế đến năm 2024, Kỳ gốc 2020, Kết quả 6 tháng đầu năm 2025,
                Chỉ tiêu năm 2024 (đã đạt), Thực tế 2024, Sơ bộ 2024, Điểm xuất phát (2025),
                TH2024, TH6T/2025, KQTH 2024, Cập nhật 2025, BC 2025
                (a year is needed; not
                with Kế hoạch, Mục tiêu, cần, phải: "Kế hoạch thực hiện năm 2025" is a target)
``lead``        Cơ quan chủ trì, Đơn vị chủ trì, Cơ quan thực hiện, Chủ trì, Phân công
``cooperating`` Cơ quan phối hợp, Đơn vị phối hợp, Phối hợp
``agencies``    Cơ quan chủ trì, phối hợp (both roles: the cell's words say which, see
                :mod:`kh922core._exchange.agency_roles`)
``deadline``    Thời gian hoàn thành, Thời hạn (hoàn thành), Thời gian thực hiện, Tiến độ, Lộ
                trình thực hiện; under one, its end (``Kết thúc``, ``Hoàn thành``), the start
                (``Bắt đầu``) listed
``note``        Ghi chú
(none)          Sản phẩm, Kết quả/Sản phẩm, Kết quả đầu ra (what a task delivers: reported)
==============  =================================================================================

A header may take two or three rows: a group heading merged over several columns ("Mục tiêu"
over one column per horizon, "Cơ quan thực hiện" over "Chủ trì" and "Phối hợp") and the
headings below it are read together, and a row that only numbers the columns ("(1) (2) (3)")
belongs to the header.  The first column whose heading names what the row is about is the
``name``; a later "Chỉ tiêu" is a target.  A table is of ``indicators`` (Phụ lục I) when it has a
unit or target column, of ``tasks`` (Phụ lục II) when it has none but has agencies or a
deadline.  A table whose name column names tasks ("Nhiệm vụ", "Đề án") and that has a deadline
and no unit is of tasks, whatever its other columns: a "Kết quả" there is what a task delivers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from kh922core._exchange.grids import Grid, filled, spread_headings
from kh922core._text import fold, strip_diacritics

__all__ = [
    "Column",
    "Header",
    "Role",
    "find_header",
    "heading_key",
    "is_numbering",
    "later_baselines",
    "unread_column",
    "years_in",
]

Role = Literal[
    "row",
    "name",
    "unit",
    "target",
    "baseline",
    "lead",
    "cooperating",
    "agencies",
    "deadline",
    "note",
]
Kind = Literal["indicators", "tasks"]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: A column of money for the work (a budget, its sources): no place in a plan file.
_MONEY = re.compile(r"\b(?:kinh phi|nguon von|du toan|von dau tu|nguon kinh phi)\b")
_NAME_WORDS = r"(?:chi tieu|noi dung|tieu chi|nhiem vu|cong viec|danh muc|de an|du an|chuong trinh)"
#: A column of targets another level of government set (``Chỉ tiêu Trung ương giao``).
_ASSIGNED = (
    r"^(?:chi tieu |ke hoach |muc tieu )?(?:do |duoc )?(?:trung uong|tw|chinh phu|"
    r"thu tuong(?: chinh phu)?|bo|nganh)(?: da)? giao\b"
)
#: A column of changes, not levels: a growth a year, a comparison of two years (``Tăng bình
#: quân giai đoạn 2026-2030 (%/năm)``, ``So sánh KH 2026/TH 2025 (%)``, ``… (lần)``); not a
#: plan's scenario (``Kịch bản tăng trưởng cao``, ``Mục tiêu tăng trưởng đến năm 2030``).
_CHANGES = (
    r"\b(?:tang|giam|tang truong) binh quan\b|\bbinh quan (?:hang |moi )?nam\b"
    r"|\btoc do (?:tang|giam)\b|(?<!\bgia )\b(?:so sanh|ss)\b|\bty le (?:tang|giam)\b|\btang giam\b"
    r"|\b(?:tang|giam) (?:them|so voi)\b|\bmuc (?:tang|giam)\b|\blan$"
)
_PATTERNS: tuple[tuple[Role | None, str], ...] = (
    (None, r"\bbat dau\b(?!.*\b(?:hoan thanh|ket thuc)\b)"),  # a start, no deadline
    (None, r"^(?:thoi han|thoi gian) bao cao\b"),  # when to report, no deadline
    ("note", r"^ghi chu"),
    ("agencies", r"chu tri\b.*\bphoi hop|phoi hop\b.*\bchu tri"),
    ("cooperating", r"phoi hop"),
    (
        "lead",
        r"chu tri|^(?:co quan|don vi|bo phan)(?: duoc giao)? (?:thuc hien|phu trach|"
        r"chiu trach nhiem)|^phan cong|^trach nhiem",
    ),
    (
        "deadline",
        r"^(?:thoi gian|thoi han|tien do|nam hoan thanh|moc thoi gian|lo trinh|tg hoan thanh|"
        r"tg thuc hien|tg|nam dat|thoi diem dat)\b",
    ),
    ("row", r"^(?:s ?tt|so tt|so thu tu|tt)$"),
    ("unit", r"^(?:don vi tinh|don vi|dvt|don vi do)(?: dvt)?$"),
    (None, r"\bsan pham\b|^ket qua dau ra"),  # a task's product: no place in a plan file
    (
        "baseline",
        r"^(?:hien trang|thuc hien|uoc(?: thuc hien| th| dat| tinh)?\b|uth\b|nam goc|"
        r"gia tri co so|so lieu|thuc te|so bo|diem xuat phat|moc xuat phat|cap nhat|bc\b)",
    ),
    # what was done, after other words ("Kết quả thực hiện năm 2024", "TH 2024", "Năm 2020
    # (năm gốc)", "Năm 2025 (ước đạt)"), unless the heading says it is planned or to reach
    # ("Kế hoạch thực hiện năm 2025", "Kết quả cần đạt được năm 2025")
    # what was reached already, said outright ("Chỉ tiêu năm 2024 (đã đạt)")
    ("baseline", r"(?<!\btoi )\bda (?:dat|thuc hien)\b"),
    (
        "baseline",
        r"^(?!.*\b(?:ke hoach|kh|muc tieu|chi tieu|phan dau|giao|can|yeu cau|phai|se|"
        r"dinh huong)\b).*"
        r"\b(?:thuc hien|th|uth|uoc|nam goc|nam co so|co so|hien trang|thuc trang|"
        r"gia tri co so|dat duoc|luy ke|ky goc|thang dau nam|thuc te|so bo|kqth)\b"
        r"|\b(?:u?th|kqth)(?=\d)|\bth\d+t\b",  # "TH2026", "TH6T/2026": glued
    ),
    (
        "name",
        rf"^(?:ten |noi dung )?(?:cac |nhom )?{_NAME_WORDS}(?: (?:va |hoac )?{_NAME_WORDS})*"
        r"(?: chu yeu| cu the| giai phap| trong tam| trong diem)?$",
    ),
    ("target", r"^(?:ket qua|muc tieu|chi tieu|ke hoach|gia tri|phan dau|dat)"),
)
_RULES = tuple((role, re.compile(pattern)) for role, pattern in _PATTERNS)
#: Words of a name column that say the rows are tasks ("Tên nhiệm vụ/đề án", "Công việc").
_TASK_NAME = re.compile(r"\b(?:nhiem vu|cong viec|de an|du an|chuong trinh|giai phap)\b")
_NUMBERING = re.compile(r"^\(?[0-9a-z]{1,2}\)?$")


def heading_key(text: str) -> str:
    """A heading as compared: no case, no accents, punctuation as spaces.

    Examples:
        >>> heading_key("Đơn vị\\ntính"), heading_key("Cơ quan chủ trì (*)")
        ('don vi tinh', 'co quan chu tri')
    """
    plain = strip_diacritics(fold(text))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


#: The year of a price basis (``giá so sánh 2010``, ``giá SS năm 2010``): no horizon.
_PRICE_YEAR = re.compile(
    r"\bgiá\s+(?:so\s+sánh|ss|cố\s+định|gốc)\s*(?:năm\s*)?(?:19|20)\d{2}", re.IGNORECASE
)


def years_in(text: str) -> list[int]:
    """The years (1900-2099) a text names, in order, but that of a price basis.

    Examples:
        >>> years_in("Năm 2030 (giá so sánh 2010)"), years_in("Giai đoạn 2026-2030")
        ([2030], [2026, 2030])
    """
    return [int(found) for found in _YEAR.findall(_PRICE_YEAR.sub(" ", text))]


def unread_column(heading: str) -> str:
    """Why the cells of a column the importer does not read are listed: a baseline whose
    heading names no year (``Hiện trạng``) says what to write."""
    key = heading_key(heading)
    if re.search(_ASSIGNED, key):
        return (
            "targets another level of government set (Trung ương giao), not the province's: "
            "not in the plan"
        )
    if re.search(_CHANGES, key):
        return (
            "a column of changes (a growth a year, a comparison of two years), not of levels: "
            "write such a target in a target column in words ('tăng bình quân 8,5%/năm'), "
            "or copy it by hand"
        )
    baseline = any(role == "baseline" and rule.search(key) for role, rule in _RULES)
    if baseline and not years_in(heading):
        return (
            "a baseline whose heading names no year: write its year in the heading ('Hiện "
            "trạng năm 2024') and import again"
        )
    return "a column the importer does not read: a plan file has no place for it; copy it by hand"


def _role(heading: str) -> Role | None:
    key = heading_key(heading)
    if not key:
        return None
    leads, helps = len(re.findall(r"\bchu tri\b", key)), len(re.findall(r"\bphoi hop\b", key))
    if leads and helps and leads != helps:  # "Cơ quan chủ trì, phối hợp" over "Chủ trì"
        return "lead" if leads > helps else "cooperating"
    years = years_in(heading)
    if re.search(_ASSIGNED, key) or re.search(_CHANGES, key):
        return None  # another government's targets, or changes: listed, whatever the year
    if _MONEY.search(key) and not re.search(r"chu tri|phoi hop|co quan|don vi", key):
        return None  # "Kinh phí năm 2025", "Nguồn vốn": no target, whatever its year
    for role, pattern in _RULES:
        if pattern.search(key):
            if role is None and years:  # "Sản phẩm năm 2025": what is to be made by then
                continue
            if role == "baseline" and not years:
                return None
            if role == "name" and years:
                return "target"
            if role == "deadline" and years and key.startswith("lo trinh"):
                return "target"  # "Lộ trình thực hiện" over "Năm 2025", "Năm 2030"
            return role
    if years_in(heading) and re.fullmatch(r"[a-z0-9 ]+", key):
        return "target"  # "Năm 2025", "Đến năm 2030", "Giai đoạn 2026-2030", "2030"
    return None


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table: its place, what it holds, its heading and its year (if any)."""

    index: int
    role: Role | None
    heading: str
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """A table's header: its rows (from 0), its columns and the kind of table."""

    first: int
    last: int
    columns: tuple[Column, ...]
    kind: Literal["indicators", "tasks"]

    def of(self, role: Role) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def one(self, role: Role) -> int | None:
        found = self.of(role)
        return found[0].index if found else None


def later_baselines(header: Header, plan_year: int | None) -> Header:
    """``header`` with each baseline column of a year after the plan's (or, the plan's year
    unknown, after every target column's) read as a target: "Kết quả đạt được đến năm 2030"
    or "Lũy kế đến năm 2030" in a plan of 2025 is a result to reach, not one reached.

    Examples:
        >>> columns = (Column(3, "target", "Mục tiêu 2025", 2025),
        ...            Column(4, "baseline", "Đạt được năm 2030", 2030))
        >>> [c.role for c in later_baselines(Header(0, 0, columns, "indicators"), None).columns]
        ['target', 'target']
    """
    targets = [c.year for c in header.of("target") if c.year is not None]
    after = plan_year if plan_year is not None else max(targets, default=None)
    if after is None:
        return header
    columns = tuple(
        replace(c, role="target")
        if c.role == "baseline" and c.year is not None and c.year > after
        else c
        for c in header.columns
    )
    return replace(header, columns=columns)


def is_numbering(cells: list[str]) -> bool:
    """Whether a row only numbers the columns: ``(1) (2) (3)``, ``1 2 3``, ``A B 1 2``."""
    texts = [heading_key(c) for c in cells if c.strip()]
    return len(texts) >= 3 and all(_NUMBERING.match(t) for t in texts)


def _columns(headings: list[str]) -> tuple[list[Column], Kind | None]:
    columns = []
    for index, heading in enumerate(headings):
        role = _role(heading)
        years = years_in(heading)
        columns.append(Column(index, role, " ".join(heading.split()), years[-1] if years else None))
    names = [c for c in columns if c.role == "name"]
    if not names:
        return columns, None
    for column in names[1:]:  # a later "Chỉ tiêu" is what the row aims at
        columns[column.index] = Column(column.index, "target", column.heading, column.year)
    roles = {c.role for c in columns}
    name_key = heading_key(names[0].heading)
    task_name = _TASK_NAME.search(name_key)
    by_year = any(c.year is not None for c in columns if c.role in ("target", "baseline"))
    indicator_name = re.search(r"\b(?:chi tieu|tieu chi)\b", heading_key(names[0].heading))
    yearly = [c for c in columns if c.role == "target" and c.year is not None]
    tasks = re.match(r"(?:ten |danh muc )?(?:nhiem vu|cong viec|de an|du an)\b", name_key)
    if tasks and yearly and not (roles & {"unit", "baseline"} or indicator_name):
        # "Nhiệm vụ | … | Năm 2025 | Năm 2026": tasks, their years a schedule (marks, not targets)
        for column in columns:
            if column.role == "target":
                columns[column.index] = Column(
                    column.index, "deadline", column.heading, column.year
                )
        return columns, "tasks"
    if task_name and "deadline" in roles and not (roles & {"unit"} or by_year or indicator_name):
        # tasks with a "Kết quả" (what they deliver): not targets, a column left unread
        unread = [c.index for c in columns if c.role in ("target", "baseline")]
        for index in unread:
            columns[index] = Column(index, None, columns[index].heading, columns[index].year)
        return columns, "tasks"
    if roles & {"unit", "target", "baseline"}:
        return columns, "indicators"
    if roles & {"lead", "cooperating", "agencies", "deadline"}:
        return columns, "tasks"
    return columns, None


def _combined(rows: list[list[str]], first: int, last: int) -> list[str]:
    block = [row for row in rows[first : last + 1] if not is_numbering(row)]
    headings = []
    for column in range(len(rows[first])):
        parts: list[str] = []
        for row in block:
            text = " ".join(row[column].split())
            if text and text not in parts:
                parts.append(text)
        headings.append(" ".join(parts))
    return headings


def _below(top: list[str], row: list[str], name: int) -> bool:
    """Whether ``row`` continues a header whose row above reads ``top`` (``name``: the column
    of the name, which a row of headings leaves alone)."""
    if is_numbering(row):
        return True
    news = [(c, t) for c, t in enumerate(row) if t.strip() and t != top[c]]
    merged = any(row[c] == row[c + 1] for c, _ in news if c + 1 < len(row))
    if not news or any(c == name for c, _ in news) or merged:
        return False  # a text merged across the table is a group row, not headings
    return all(
        _role(t) is not None or years_in(t) or _TIME_PART.match(heading_key(t)) or _baseline(t)
        for _, t in news
    )


def _baseline(heading: str) -> bool:
    """Whether a heading names a baseline, no year (``Thực hiện`` under ``Năm 2025``)."""
    return any(role == "baseline" and rule.search(heading_key(heading)) for role, rule in _RULES)


_ROW_NUMBER = re.compile(r"\d+(?:\.\d+)*\.?")  # a header is no numbered row


def find_header(grid: Grid, start: int = 0, rows: list[list[str]] | None = None) -> Header | None:
    """The first header at or below row ``start``, or ``None``."""
    rows = filled(grid) if rows is None else rows
    for first in range(start, len(rows)):
        top, under = spread_headings(
            rows[first], rows[first + 1] if first + 1 < len(rows) else None
        )
        columns, kind = _columns(top)
        if kind is None or sum(c.role is not None for c in columns) < 3:
            continue
        lead = next((t.strip() for t in rows[first] if t.strip()), "")  # "2 | … | Đề án"
        if len({t for t in rows[first][1:] if t.strip()}) == 1 or _ROW_NUMBER.fullmatch(lead):
            continue  # "B | CHỈ TIÊU CỤ THỂ" merged across the table: a group row
        name = next((c.index for c in columns if c.role == "name"), -1)
        last = first + 1 if under else first  # the labels of the sub-columns: headings
        while (
            last + 1 < len(rows) and last - first < 3 and _below(rows[last], rows[last + 1], name)
        ):
            last += 1
        if last > first:  # (the headings a CSV spreads over its sub-columns as a merge does)
            columns, kind = _columns(
                _combined([*rows[:first], top, *rows[first + 1 :]], first, last)
            )
            if kind is None:
                continue
        columns = [Column(c.index, None, c.heading) if c.index in under else c for c in columns]
        return Header(first, last, _single(columns, kind), kind)
    return None


#: The heading of the time a task is to be completed by ("Thời gian hoàn thành", or the end
#: under a time: "Thời gian thực hiện" over "Bắt đầu | Kết thúc").
_COMPLETION = re.compile(
    r"^(?:thoi gian|thoi han|tg|han|nam) hoan thanh\b|\b(?:ket thuc|hoan thanh|den(?: nam)?)$"
)
#: The parts of a time under its heading: when a task starts and when it ends.
_TIME_PART = re.compile(
    r"^(?:thoi gian |thoi diem |nam )?(?:bat dau|ket thuc|hoan thanh|khoi cong|tu(?: nam)?"
    r"|den(?: nam)?)$"
)
#: The roles a table has one column of: a second is listed, never read in its place.
_SINGLE: tuple[Role, ...] = ("row", "name", "unit", "lead", "cooperating", "agencies", "deadline")


def _single(columns: list[Column], kind: Kind) -> tuple[Column, ...]:
    """``columns`` with one column of each single role (:data:`_SINGLE`), the first (a deadline:
    of completion, ``Thời gian hoàn thành``); the others have no role: their cells are listed."""
    kept: dict[Role, int] = {}
    for role in _SINGLE:
        if role == "cooperating" and kind == "indicators":
            continue  # Phụ lục I reads every column of cooperating agencies
        found = [c for c in columns if c.role == role]
        ends = [c for c in found if _COMPLETION.search(heading_key(c.heading))]
        if found:
            kept[role] = (ends or found)[0].index
    return tuple(
        Column(c.index, None, c.heading, c.year)
        if c.role in kept and kept[c.role] != c.index
        else c
        for c in columns
    )
