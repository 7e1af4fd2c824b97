"""Phụ lục I sheets as Excel and other tools save them: Excel's ``_xHHHH_`` escapes in shared and
inline strings, number formats (sections, conditions, scaling, the Accounting format's dash,
words around the number), rows and columns of zero size, a formatted cell at the end of the
sheet, characters that show nothing.  Each cell reads as what Excel shows."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from kh922core import import_tables
from kh922core._tracking import cell_text
from kh922core.errors import TableImportError

from .office_builders import rewrite_parts, write_csv, write_xlsx

pytest.importorskip("openpyxl")

TITLE = "(Kèm theo Kế hoạch số 100/KH-UBND ngày 01/03/2025 của UBND tỉnh Mẫu)"
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Đến năm 2030", "Cơ quan chủ trì"]
ROWS: list[list[Any]] = [
    [
        1,
        "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo",
        "%",
        20,
        40,
        "Sở Khoa học và Công nghệ",
    ],
    [2, "Số doanh nghiệp công nghệ số", "doanh nghiệp", 100, 500, "Sở Tài chính"],
    [3, "Tỷ lệ dân số trưởng thành có chữ ký số", "%", 50, 80, "Công an tỉnh"],
]
#: The targets of the table as typed: (id, text).
BASE = {
    ("2025-1", "20"),
    ("2030-1", "40"),
    ("2025-2", "100"),
    ("2030-2", "500"),
    ("2025-3", "50"),
    ("2030-3", "80"),
}
_SHEET = "xl/worksheets/sheet1.xml"
_INLINE = re.compile(r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>')


def _table(changes: dict[tuple[int, int], Any] | None = None) -> list[list[Any]]:
    """The rows of the sheet (title, header, three indicators), ``changes`` by (indicator row
    from 0, column from 0)."""
    rows = [list(row) for row in ROWS]
    for (row, column), value in (changes or {}).items():
        rows[row][column] = value
    return [["PHỤ LỤC I"], [TITLE], list(HEAD), *rows]


def _xlsx(
    tmp_path: Path,
    changes: dict[tuple[int, int], Any] | None = None,
    formats: dict[tuple[int, int], str] | None = None,
) -> Path:
    """The workbook of :func:`_table`, ``formats`` by (indicator row, column) as ``changes``."""
    by_cell = {("PL I", row + 3, column): code for (row, column), code in (formats or {}).items()}
    return write_xlsx(tmp_path / "phu-luc.xlsx", [("PL I", _table(changes), [])], by_cell)


def _read(path: Path) -> tuple[dict[str, str], list[str]]:
    result = import_tables(path)
    targets = {t.id: t.text for t in result.plan.targets}
    return targets, [f"{p.row} {p.column} {p.text!r}: {p.reason}" for p in result.problems]


def _leads(path: Path) -> dict[str, tuple[str, ...]]:
    return {t.id: tuple(t.lead_agencies) for t in import_tables(path).plan.targets}


def _shared_strings(path: Path) -> Path:
    """The workbook with its inline strings moved to a shared-string table, as Excel saves."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings: list[str] = []

    def shared(found: re.Match[str]) -> str:
        strings.append(found.group(3))
        return f'<c r="{found.group(1)}"{found.group(2)} t="s"><v>{len(strings) - 1}</v></c>'

    parts[_SHEET] = _INLINE.sub(shared, parts[_SHEET].decode()).encode()
    items = "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in strings)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{items}</sst>'
    ).encode()
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats'
        b'-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _escaped(path: Path, marks: dict[str, str]) -> Path:
    """The workbook with each mark of its strings replaced by the raw XML text given."""

    def change(name: str, text: str) -> str:
        for mark, escape in marks.items():
            text = text.replace(mark, escape)
        return text

    return rewrite_parts(path, change)


# ----------------------------------------------------------------------- _xHHHH_ escapes


@pytest.mark.parametrize("strings", ["inline", "shared"])
def test_excels_escape_of_a_carriage_return_is_a_line_break(tmp_path: Path, strings: str) -> None:
    changes = {
        (1, 5): "Sở Tài chính@CR@",
        (2, 4): "80@CR@",
        (2, 1): ROWS[2][1].replace(" có", "@CR@có"),
    }
    path = _xlsx(tmp_path, changes)
    if strings == "shared":
        path = _shared_strings(path)
    path = _escaped(path, {"@CR@": "_x000D_\n"})
    assert (
        "_x000D_"
        in zipfile.ZipFile(path)
        .read(_SHEET if strings == "inline" else "xl/sharedStrings.xml")
        .decode()
    )
    targets, problems = _read(path)
    assert set(targets.items()) == BASE
    assert _leads(path)["2030-2"] == ("so-tai-chinh",)  # no second lead agency "x000d"
    assert problems == []
    plan = import_tables(path).plan
    assert next(t for t in plan.targets if t.id == "2030-3").name == ROWS[2][1]


@pytest.mark.parametrize("strings", ["inline", "shared"])
def test_an_escaped_underscore_keeps_the_text_of_an_escape(tmp_path: Path, strings: str) -> None:
    path = _xlsx(tmp_path, {(2, 1): f"{ROWS[2][1]} @U@x000D_"})
    if strings == "shared":
        path = _shared_strings(path)
    path = _escaped(path, {"@U@": "_x005F_"})
    names = {t.id: t.name for t in import_tables(path).plan.targets}
    assert names["2030-3"] == f"{ROWS[2][1]} _x000D_"  # "_x005F_" is "_": the rest is text


@pytest.mark.parametrize("escape", ["_x00AD_", "_x200B_", "_xFEFF_"])
def test_an_escaped_invisible_character_in_a_number_is_not_there(
    tmp_path: Path, escape: str
) -> None:
    path = _escaped(_xlsx(tmp_path, {(1, 4): "1@E@500"}), {"@E@": escape})
    targets, problems = _read(path)
    assert targets["2030-2"] == "1500"
    assert problems == []


# ------------------------------------------------------------------------- number formats

ACCOUNTING = '_(* #,##0_);_(* \\(#,##0\\);_(* "-"??_);_(@_)'  # Excel's Comma Style (en-US)
ACCOUNTING_VN = '_-* #,##0_-;-* #,##0_-;_-* "-"??_-;_-@_-'  # Comma Style (vi-VN)


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (500000, "#,##0,", "500"),  # a trailing comma shows thousands
        (1500000, "#,##0,", "1500"),
        (1500000000, "#,##0,,", "1500"),
        (500, "0;-0;0", "500"),
        (500, '0" DN"', "500 DN"),
        (500, "[Red]0;[Blue]-0", "500"),
        (500, "[>=1000]#,##0,;0", "500"),  # the condition does not hold: the second section
        (500000, "[>=1000]#,##0,;0", "500"),
        (500, "General", "500"),
    ],
)
def test_a_count_reads_as_its_format_shows_it(
    tmp_path: Path, value: float, code: str, shown: str
) -> None:
    targets, problems = _read(_xlsx(tmp_path, {(1, 4): value}, {(1, 4): code}))
    assert targets["2030-2"] == shown, problems
    assert problems == []


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (80, "[<1]0%;0", "80"),  # 80 is not below 1: the second section, no percent
        (0.8, "[<1]0%;0", "80%"),
        (80, '0"%"', "80%"),  # a percent sign in quotes is a word: no scaling
        (0.8, '0%;-0%;"-"', "80%"),
        (80, '"≥ "0', "≥ 80"),
        (80, "0.0_);[Red](0.0)", "80"),
        (0.855, "0.0%", "85,5%"),  # every decimal it holds shown: read
        (0.95, "0%", "95%"),
        (80.5, "[$-42A]General", "80,5"),  # General shows the number whole, whatever beside it
        (80.5, "General;[Red]-General", "80,5"),
        (80.5, "G/通用格式", "80,5"),  # General as WPS writes it (it read as the format's name)
    ],
)
def test_a_share_reads_as_its_format_shows_it(
    tmp_path: Path, value: float, code: str, shown: str
) -> None:
    targets, problems = _read(_xlsx(tmp_path, {(2, 4): value}, {(2, 4): code}))
    assert targets["2030-3"] == shown, problems
    assert problems == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (0, ACCOUNTING),  # Excel shows "-": no target
        (0, ACCOUNTING_VN),
        (0, '0%;-0%;"-"'),
        (0, "#,###"),  # a zero with no 0 placeholder shows nothing
        (0, "#,##0;-#,##0;"),  # zeros hidden by an empty section: an empty cell
    ],
)
def test_a_zero_the_format_does_not_show_is_no_target(
    tmp_path: Path, value: float, code: str
) -> None:
    targets, problems = _read(_xlsx(tmp_path, {(2, 3): value}, {(2, 3): code}))
    assert "2025-3" not in targets
    assert set(targets.items()) == BASE - {("2025-3", "50")}
    assert not any("50" in p for p in problems)


@pytest.mark.parametrize(
    ("value", "code", "cell", "target", "said"),
    [
        # the signed appendix shows one figure, the cell holds another: which is the target?
        (500.25, "0", (1, 4), "2030-2", "'shows 500, holds 500,25'"),
        (0.8549, "0%", (2, 4), "2030-3", "'shows 85%, holds 85,49%'"),
        (1234.5, "#,##0", (1, 4), "2030-2", "'shows 1235, holds 1234,5'"),
        (50, ";;;", (2, 3), "2025-3", "'shows nothing, holds 50'"),  # every section empty
        (50, ";-0;0", (2, 3), "2025-3", "'shows nothing, holds 50'"),  # the positive one empty
    ],
)
def test_a_number_its_format_rounds_or_hides_is_listed_and_not_read(
    tmp_path: Path, value: float, code: str, cell: tuple[int, int], target: str, said: str
) -> None:
    targets, problems = _read(_xlsx(tmp_path, {cell: value}, {cell: code}))
    assert target not in targets
    (problem,) = problems
    assert said in problem
    assert "format shows rounded, or hides" in problem


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (150, "[>=100][Red]0;[<0]0;0.0", "150"),
        (50, "[>=100][Red]0;[<0]0;0.0", "50"),  # neither condition: the third section
        (-5, "[>=100]0;[<0]0;0.0", "-5"),
        (5, "[>100]0;[<0]0", "########"),  # no section takes it: what Excel shows
        (7, "[$€-407]#,##0", "€7"),
        (1500000, '#,##0.0,," triệu"', "1,5 triệu"),
        (0.25, "0.00E+00", "0,25"),
        (5, '"x"@', "5"),  # a text format: a number as General
        ("t", '"x"@', "xt"),
        ("t", ";;", "t"),  # three sections: a text is shown as it is
        ("Sở Tài chính_x000D_\n", "General", "Sở Tài chính\n"),
    ],
)
def test_what_a_format_shows(value: object, code: str, shown: str) -> None:
    assert cell_text(value, code, shown=True) == shown


def test_a_text_hidden_by_its_format_is_no_target(tmp_path: Path) -> None:
    targets, _ = _read(_xlsx(tmp_path, {(2, 3): "50"}, {(2, 3): ";;;"}))
    assert "2025-3" not in targets


@pytest.mark.parametrize("code", ["#,##0;(#,##0)", ACCOUNTING, "0;[Red]0", "0;-0", "0"])
def test_a_negative_stays_negative_whatever_its_format_shows(tmp_path: Path, code: str) -> None:
    targets, problems = _read(_xlsx(tmp_path, {(1, 4): -500}, {(1, 4): code}))
    assert "2030-2" not in targets  # (500) is -500: no count is below 0, so it is listed
    assert any(p.startswith("5 E") and "'-500'" in p for p in problems)


def test_row_numbers_formatted_with_a_dot_read_as_numbers(tmp_path: Path) -> None:
    formats = {(row, 0): '0"."' for row in range(3)}
    result = import_tables(_xlsx(tmp_path, formats=formats))
    assert {(t.id, t.text) for t in result.plan.targets} == BASE


# ------------------------------------------------------------- rows and columns of zero size


def test_a_row_of_zero_height_is_listed_not_read(tmp_path: Path) -> None:
    path = rewrite_parts(
        _xlsx(tmp_path),
        lambda name, text: (
            text.replace('<row r="5"', '<row r="5" ht="0" customHeight="1"')
            if name == _SHEET
            else text
        ),
    )
    targets, problems = _read(path)
    assert set(targets.items()) == BASE - {("2025-2", "100"), ("2030-2", "500")}
    assert any(p.startswith("5 ") and "is hidden: not read" in p for p in problems)


def test_a_column_of_zero_width_is_listed_not_read(tmp_path: Path) -> None:
    rows = _table()
    rows[2].append("Ghi chú")
    rows[3].append("số cũ: 30")
    path = write_xlsx(tmp_path / "zero-width.xlsx", [("PL I", rows, [])])
    path = rewrite_parts(
        path,
        lambda name, text: (
            text.replace(
                "<sheetData>",
                '<cols><col min="7" max="7" width="0" customWidth="1"/></cols><sheetData>',
            )
            if name == _SHEET
            else text
        ),
    )
    targets, problems = _read(path)
    assert set(targets.items()) == BASE
    assert [p for p in problems if "số cũ" in p] == [
        "4 G (Ghi chú) 'số cũ: 30': in a column the sheet hides (an old or a working column?): "
        "not read; unhide the column if it holds, or delete it"
    ]


# ------------------------------------------------------- a formatted cell at the end of a sheet


def _with_cell(path: Path, cell: str, inner: str = "", kind: str = "") -> Path:
    """The workbook with one more cell, in a row of its own below the table."""
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    xml = f'<row r="{row}"><c r="{cell}" s="0"{kind}>{inner}</c></row></sheetData>'
    return rewrite_parts(
        path, lambda name, text: text.replace("</sheetData>", xml) if name == _SHEET else text
    )


@pytest.mark.parametrize("cell", ["F1048576", "AZ1048576", "XFD7"])
def test_a_formatted_empty_cell_far_away_is_no_part_of_the_table(tmp_path: Path, cell: str) -> None:
    path = _with_cell(_xlsx(tmp_path), cell)
    start = time.perf_counter()
    targets, problems = _read(path)
    assert time.perf_counter() - start < 15  # a grid of the whole sheet takes 30 s and more
    assert set(targets.items()) == BASE
    assert problems == []


def test_a_value_at_the_end_of_a_sheet_is_refused_by_its_place(tmp_path: Path) -> None:
    path = _with_cell(_xlsx(tmp_path), "AZ1048576", "<is><t>x</t></is>", ' t="inlineStr"')
    with pytest.raises(TableImportError, match=r"sheet 'PL I' .*AZ1048576"):
        import_tables(path)


# ----------------------------------------------------------- characters that show nothing


@pytest.mark.parametrize("text", ["\ufeff500", "5\u00ad00", "500\u200b", "\u2060500"])
def test_a_character_that_shows_nothing_is_not_in_a_number(tmp_path: Path, text: str) -> None:
    targets, problems = _read(_xlsx(tmp_path, {(1, 4): text}))
    assert targets["2030-2"] == "500"
    assert problems == []


def test_a_soft_hyphen_in_a_csv_number_is_not_there(tmp_path: Path) -> None:
    rows = [[str(c) for c in row] for row in _table({(1, 4): "5\u00ad00", (2, 4): "\ufeff80"})]
    targets, problems = _read(write_csv(tmp_path / "phu-luc.csv", rows))
    assert set(targets.items()) == BASE
    assert problems == []
