"""Appendices saved by other tools than Excel (round 158 of the attacks: LibreOffice, Google
Sheets, WPS, CSV files written by hand).

Silent misreads mended:

* a spreadsheet's error held as text (LibreOffice's ``Err:502`` in a CSV file or a text cell;
  Excel's ``#N/A``, ``#REF!``, ``#VALUE!``, Google Sheets' ``#ERROR!``, a truth value ``TRUE``)
  was read: ``Err:502`` as a target of at least 502, ``#N/A`` and ``TRUE`` as targets in words,
  ``#REF!`` as an indicator's name, ``#N/A`` as a lead agency.  Each is listed, as an error cell
  of a workbook was, and nothing is read from it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import rewrite_parts, write_csv, write_xlsx

_TITLE = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 15/01/2026 của UBND tỉnh Hòa Mỹ)"
_HEADER = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Thực hiện năm 2025",
    "Mục tiêu năm 2027",
    "Mục tiêu đến năm 2030",
    "Cơ quan chủ trì",
]
_ERRORS = ["Err:502", "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#ERROR!", "TRUE", "FALSE"]


def _rows(token: str, column: int) -> list[list[str]]:
    row = ["1", "Tỷ lệ hộ có cáp quang", "%", "85", "90", "95", "Sở Khoa học và Công nghệ"]
    row[column] = token
    return [[_TITLE], _HEADER, row]


@pytest.mark.parametrize("token", _ERRORS)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("column", [5, 1, 6])  # a target, the name, the lead agency
def test_a_spreadsheets_error_held_as_text_is_listed_and_not_read(
    tmp_path: Path, token: str, kind: str, column: int
) -> None:
    rows = _rows(token, column)
    if kind == "csv":
        path = write_csv(tmp_path / "pl.csv", rows, ";")
    else:
        path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])
    imported = import_tables(path)
    listed = [str(p) for p in imported.problems if "a spreadsheet's error" in str(p)]
    assert len(listed) == 1
    assert f"'{token}'" in listed[0]
    texts = [t.text for t in imported.plan.targets]
    assert token not in texts
    assert all(token not in (t.name or "") for t in imported.plan.targets)
    assert all(token.casefold() not in a.name.casefold() for a in imported.plan.agencies)
    if column == 5:  # the 2027 target still reads
        assert texts == ["90"]


@pytest.mark.parametrize("text", ["Err", "#1", "TRUE 95", "True", "Đúng", "Sai số dưới 5%"])
def test_a_text_like_an_error_is_no_error(tmp_path: Path, text: str) -> None:
    path = write_csv(tmp_path / "pl.csv", _rows(text, 5), ";")
    imported = import_tables(path)
    assert not [p for p in imported.problems if "a spreadsheet's error" in str(p)]


# ------------------------------------------------- columns of results headed short, or glued


@pytest.mark.parametrize(
    "heading",
    [
        "TH2026",
        "TH6T/2026",
        "KQTH 2026",
        "Cập nhật 2026",
        "Cập nhật đến 30/6/2026",
        "BC 2026",
        "UTH2026",
        "TH 2026",  # read so before
    ],
)
def test_a_column_of_results_headed_short_is_a_baseline(tmp_path: Path, heading: str) -> None:
    # "TH2026" was a column of targets for 2026: the poverty rate's actual 3 a target of 3
    header = [*_HEADER[:4], heading, *_HEADER[4:]]
    rows = [
        [_TITLE],
        header,
        ["1", "Tỷ lệ hộ nghèo", "%", "3,2", "3", "2,5", "1,5", "Sở Nội vụ"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    targets = {t.id: t for t in imported.plan.targets}
    assert sorted(targets) == ["2027-1", "2030-1"]
    base = targets["2030-1"].baseline
    assert base is not None
    assert (base.value, base.year) == (3.0, 2026)


@pytest.mark.parametrize("heading", ["TH2025", "KQTH 2025", "TH6T/2025"])
def test_a_baseline_headed_glued_without_a_title_keeps_its_rows_baselines(
    tmp_path: Path, heading: str
) -> None:
    # with no title block the plan's year is this year's: "TH2025" was five targets for 2025
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", heading, "Mục tiêu đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ hộ nghèo", "%", "3,2", "1,5", "Sở Nội vụ"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    assert [t.id for t in imported.plan.targets] == ["2030-1"]
    base = imported.plan.targets[0].baseline
    assert base is not None
    assert (base.value, base.year) == (3.2, 2025)


@pytest.mark.parametrize("heading", ["KH2026", "Kế hoạch 2026", "Mục tiêu năm 2026", "Năm 2026"])
def test_a_column_of_targets_stays_one(tmp_path: Path, heading: str) -> None:
    header = [*_HEADER[:4], heading, *_HEADER[4:]]
    rows = [[_TITLE], header, ["1", "Tỷ lệ hộ nghèo", "%", "3,2", "3", "2,5", "1,5", "Sở Nội vụ"]]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    assert sorted(t.id for t in imported.plan.targets) == ["2026-1", "2027-1", "2030-1"]


def test_a_number_beyond_a_float_is_listed_not_dropped(tmp_path: Path) -> None:
    # a cell holding 1e400 (no spreadsheet's number: Excel shows #NUM!) vanished, unlisted
    rows = _rows("95", 5)
    path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])
    rewrite_parts(
        path,
        lambda name, text: (
            re.sub(r'(<c r="F3"[^>]*?)(?: t="\w+")?>.*?</c>', r"\1><v>1e400</v></c>", text)
            if name == "xl/worksheets/sheet1.xml"
            else text
        ),
    )
    imported = import_tables(path)
    listed = [str(p) for p in imported.problems if "a spreadsheet's error" in str(p)]
    assert len(listed) == 1
    assert "column F" in listed[0]
    assert "'#NUM!'" in listed[0]
    assert [t.text for t in imported.plan.targets] == ["90"]


@pytest.mark.parametrize(("kept", "listed"), [("20", True), ("95", False)])
def test_a_value_kept_under_a_merge_is_listed(tmp_path: Path, kept: str, listed: bool) -> None:
    # LibreOffice may keep the contents of the cells a merge covers: F3:F4 merged shows 95,
    # F4 still held 20, row 2's 2030 target, which was neither read nor listed
    rows = _rows("95", 5)
    rows.append(["2", "Tỷ lệ hộ nghèo", "%", "3,2", "2,5", "", "Sở Nội vụ"])
    path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])
    merge = '</sheetData><mergeCells count="1"><mergeCell ref="F3:F4"/></mergeCells>'
    covered = rf'\1<c r="F4" t="inlineStr"><is><t>{kept}</t></is></c>'
    rewrite_parts(
        path,
        lambda name, text: (
            re.sub(r'(<c r="E4"[^>]*>.*?</c>)', covered, text).replace("</sheetData>", merge)
            if name == "xl/worksheets/sheet1.xml"
            else text
        ),
    )
    imported = import_tables(path)
    found = [str(p) for p in imported.problems if "text in a cell merged into another" in str(p)]
    assert len(found) == int(listed)
    if listed:
        assert "row 4, column F" in found[0]
        assert "'20'" in found[0]


def test_a_baseline_typed_with_an_apostrophe_reads_as_its_targets_do(tmp_path: Path) -> None:
    # "'85" (a number kept as text, the apostrophe stored with it) was refused as a baseline,
    # while "'90" and "'95" on the same row were read as targets
    rows = [[_TITLE], _HEADER, ["1", "Tỷ lệ hộ có cáp quang", "%", "'85", "'90", "'95", "Sở"]]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    assert not imported.problems
    bases = {t.id: t.baseline for t in imported.plan.targets}
    assert sorted(bases) == ["2027-1", "2030-1"]
    assert all(b is not None and (b.value, b.year) == (85.0, 2025) for b in bases.values())


# ------------------------------------------------------- files named or encoded otherwise


def test_misnamed_and_unmarked_files_are_told_what_to_do(tmp_path: Path) -> None:
    from kh922core.errors import TableImportError

    rows = [[_TITLE], _HEADER, ["1", "Tỷ lệ hộ có cáp quang", "%", "85", "90", "95", "Sở"]]
    unicode_text = tmp_path / "pl.txt"  # Excel's "Unicode Text": tab-separated UTF-16
    unicode_text.write_bytes("\n".join("\t".join(r) for r in rows).encode("utf-16"))
    workbook = write_xlsx(tmp_path / "book.xlsx", [("Phụ lục I", rows, [])])
    named_csv = tmp_path / "book.csv"
    named_csv.write_bytes(workbook.read_bytes())
    unmarked = tmp_path / "unmarked.csv"  # UTF-16 without its byte-order mark
    unmarked.write_bytes("\n".join("\t".join(r) for r in rows).encode("utf-16-le"))
    expected = {
        unicode_text: "rename it pl.csv",
        named_csv: "an Excel workbook (or a Word document) named .csv: rename it book.xlsx",
        unmarked: "UTF-16 text without its byte-order mark",
    }
    for path, said in expected.items():
        with pytest.raises(TableImportError, match=re.escape(said)):
            import_tables(path)
    renamed = unicode_text.rename(tmp_path / "pl.csv")
    assert [t.text for t in import_tables(renamed).plan.targets] == ["90", "95"]


def test_a_raised_footnote_mark_stays_a_mark_beside_an_escaped_text(tmp_path: Path) -> None:
    # a workbook holding one text with "_x005F_" (a literal "_x000D_") read every text cell
    # as its plain runs: the raised "¹" of "95¹" became a digit, a target of 951
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    rows = _rows("95", 5)
    path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])
    book = openpyxl.load_workbook(path, rich_text=True)
    sheet = book.worksheets[0]
    sheet["F3"] = CellRichText(["95", TextBlock(InlineFont(vertAlign="superscript"), "1")])
    sheet["H3"] = "BC 2025"
    book.save(path)
    rewrite_parts(  # as Excel writes a literal "_x000D_" typed in a cell
        path, lambda name, text: text.replace("BC 2025", "BC_x005F_x000D_2025")
    )
    targets = {t.id: t.text for t in import_tables(path).plan.targets}
    assert targets["2030-1"] == "95¹"


def test_a_row_copied_from_a_pdf_with_look_alike_letters_is_listed(tmp_path: Path) -> None:
    # "Tӹ lӋ hӝ nghèo" (Cyrillic letters for Vietnamese ones, as a PDF's font maps them) was
    # imported: names no one can search, agencies drafted as "s-khoa-hoc-va-cong-ngh", and
    # the poverty rate's direction missed
    rows = [
        [_TITLE],
        _HEADER,
        ["1", "Tӹ lӋ hӝ nghèo", "%", "3,2", "2,5", "1,5", "Sӣ Nӝi vụ"],
        ["2", "Tỷ lệ hộ có cáp quang (Δ so với 2025)", "%", "85", "90", "95", "Sở Nội vụ"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    listed = [str(p) for p in imported.problems if "letters of another script" in str(p)]
    assert len(listed) == 1
    assert "'Tӹ'" in listed[0]
    assert sorted(t.id for t in imported.plan.targets) == ["2027-2", "2030-2"]


@pytest.mark.parametrize(
    "heading",
    ["Dự kiến năm 2026 (cập nhật)", "Năm 2026 (theo BC chính trị)", "Kịch bản 2026 (cập nhật)"],
)
def test_a_column_of_targets_that_mentions_an_update_stays_one(
    tmp_path: Path, heading: str
) -> None:
    # round 159: "cập nhật" and "BC" name a column of results only at the heading's start
    header = [*_HEADER[:4], heading, *_HEADER[4:]]
    rows = [[_TITLE], header, ["1", "Tỷ lệ hộ nghèo", "%", "3,2", "3", "2,5", "1,5", "Sở Nội vụ"]]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    assert sorted(t.id for t in imported.plan.targets) == ["2026-1", "2027-1", "2030-1"]


@pytest.mark.parametrize("token", ["#n/a", "#value!", "false", "true"])
def test_a_spreadsheets_error_in_lower_case_is_listed(tmp_path: Path, token: str) -> None:
    imported = import_tables(write_csv(tmp_path / "pl.csv", _rows(token, 5), ";"))
    assert [str(p) for p in imported.problems if "a spreadsheet's error" in str(p)]
    assert [t.text for t in imported.plan.targets] == ["90"]


def test_a_value_kept_under_a_merge_across_stays_out_of_the_plan(tmp_path: Path) -> None:
    # round 159: E3:F3 merged across, F3 still holding "Dưới 2", was imported as the target
    # text "\x00covered:Dưới 2"
    rows = _rows("Dưới 2", 5)
    rows[2][4] = "Dưới 3"
    path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])
    merge = '</sheetData><mergeCells count="1"><mergeCell ref="E3:F3"/></mergeCells>'
    rewrite_parts(
        path,
        lambda name, text: (
            text.replace("</sheetData>", merge) if name == "xl/worksheets/sheet1.xml" else text
        ),
    )
    imported = import_tables(path)
    assert all("\x00" not in t.text for t in imported.plan.targets)
