"""Cells that moved or showed other than their text (round 129), read as the file shows them or
listed by their place, never read as other numbers:

* Word: a footnote mark raised by its position (Font, Advanced, Position) after ``95`` was the
  digit of ``952``; ``1``, a tab, ``500`` was ``1 500``; a cell deleted with Track Changes moved
  the cells after it (2025 took the deleted 70, 2030 took 80);
* CSV: a row whose lead agency is a number (``85,5`` written without quotes and the agency's
  cell left off: 2025 was 85, 2030 was 5), or with fewer cells than its header and an agency's
  name in its last target column (the 2030 target was the agency's name), moved its cells;
* an estimate of a result marked in a target cell (``80 (ước)``, ``(ƯTH)``, ``(sơ bộ)``) was
  the target 80 (``95 (ước tính)``, an estimated target, still reads: round 10).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import TargetParseError, import_tables, parse_target

from .office_builders import rewrite_parts, write_docx

_TITLE = ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của UBND tỉnh Hòa Mỹ)"]
_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2025", "Mục tiêu năm 2030"]


def _docx(tmp_path: Path, rows: list[list[str]], edit: dict[str, str]) -> Path:
    pytest.importorskip("docx")
    path = write_docx(tmp_path / "phu-luc.docx", [(_TITLE, [_HEADER, *rows], [])])

    def rewrite(name: str, text: str) -> str:
        if name != "word/document.xml":
            return text
        for old, new in edit.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        return text

    rewrite_parts(path, rewrite)
    return path


def test_a_mark_raised_by_its_position_is_no_digit(tmp_path: Path) -> None:
    raised = '<w:r><w:rPr><w:position w:val="6"/></w:rPr><w:t>2</w:t></w:r>'
    path = _docx(
        tmp_path,
        [["1", "Tỷ lệ hộ có cáp quang", "%", "80", "95"]],
        {"<w:t>95</w:t></w:r>": f"<w:t>95</w:t></w:r>{raised}"},
    )
    found = import_tables(path)
    assert {t.id: t.text for t in found.plan.targets} == {"2025-1": "80", "2030-1": "95²"}
    assert [t.spec.value for t in found.plan.targets] == [80.0, 95.0]  # type: ignore[attr-defined]


def test_a_tab_between_two_numbers_is_no_thousands(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [["1", "Tỷ lệ hộ có cáp quang", "%", "7", "95"]],
        {"<w:t>7</w:t></w:r>": "<w:t>7</w:t></w:r><w:r><w:tab/><w:t>500</w:t></w:r>"},
    )
    found = import_tables(path)
    assert {t.id for t in found.plan.targets} == {"2030-1"}
    (listed,) = found.problems
    assert listed.text == "7; 500"


def test_a_cell_deleted_with_track_changes_moves_no_cells(tmp_path: Path) -> None:
    path = _docx(tmp_path, [["1", "Tỷ lệ hộ có cáp quang", "%", "70", "80", "95"]], {})

    def delete_70(name: str, xml: str) -> str:
        if name != "word/document.xml":
            return xml
        start = xml.index("<w:t>70</w:t>")
        cell = xml.rindex("<w:tc>", 0, start)
        return (
            xml[: cell + 6]
            + '<w:tcPr><w:cellDel w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z"/></w:tcPr>'
            + xml[cell + 6 :]
        )

    rewrite_parts(path, delete_70)
    found = import_tables(path)
    assert {t.id: t.text for t in found.plan.targets} == {"2025-1": "80", "2030-1": "95"}


def _merged_down(name: str, xml: str) -> str:
    """``document.xml`` with the last cells of the two rows (their 2030 targets) merged down."""
    if name != "word/document.xml":
        return xml
    for row, merged in (("Tỷ lệ xã có 5G", ""), ("Tỷ lệ hộ có cáp quang", ' w:val="restart"')):
        last = xml.rindex("<w:t>", 0, xml.index("</w:tr>", xml.index(row)))
        cell = xml.rindex("<w:tc>", 0, last)
        xml = xml[: cell + 6] + f"<w:tcPr><w:vMerge{merged}/></w:tcPr>" + xml[cell + 6 :]
    return xml


@pytest.mark.parametrize(
    ("lower", "listed"),
    [
        ("100", [("3", "100")]),  # round 133: the 100 was lost unnamed
        ("95", []),  # round 134: the first cell's text again loses nothing
    ],
)
def test_text_in_a_word_cell_merged_into_the_one_above_is_listed(
    tmp_path: Path, lower: str, listed: list[tuple[str, str]]
) -> None:
    # the 2030 cells of two rows merged down: the merged cell reads 95 for both rows, as Word
    # shows it; the lower cell's own text, where it differs, is listed
    rows = [
        ["1", "Tỷ lệ hộ có cáp quang", "%", "80", "95"],
        ["2", "Tỷ lệ xã có 5G", "%", "60", lower],
    ]
    path = _docx(tmp_path, rows, {})
    rewrite_parts(path, _merged_down)
    found = import_tables(path)
    assert {t.id: t.text for t in found.plan.targets}["2030-2"] == "95"
    assert [(p.row, p.text) for p in found.problems] == listed


def test_a_word_row_of_hidden_text_is_listed_as_a_hidden_row(tmp_path: Path) -> None:
    # round 133: an old row left in the table as hidden text (Font › Hidden on every run) was
    # skipped with no word, where a hidden row of a sheet is listed
    rows = [["1", "Tỷ lệ hộ có cáp quang", "%", "80", "95"], ["2", "Tỷ lệ xã cũ", "%", "50", "90"]]
    path = _docx(tmp_path, rows, {})

    def hide(name: str, xml: str) -> str:
        if name != "word/document.xml":
            return xml
        start = xml.index("<w:tr>", xml.index("Tỷ lệ hộ có cáp quang"))
        end = xml.index("</w:tr>", start)
        row = xml[start:end].replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>")
        return xml[:start] + row + xml[end:]

    rewrite_parts(path, hide)
    found = import_tables(path)
    assert {t.id: t.text for t in found.plan.targets} == {"2025-1": "80", "2030-1": "95"}
    (listed,) = found.problems
    assert listed.row == "3"
    assert "Tỷ lệ xã cũ" in listed.text
    assert "hidden" in listed.reason


_CSV_HEADER = "STT,Chỉ tiêu,Đơn vị tính,Mục tiêu năm 2025,Mục tiêu năm 2030,Cơ quan chủ trì\n"


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("1,Tỷ lệ hộ có cáp quang,%,85,5,95\n", "lead agency's cell holds a number"),
        ("1,Tỷ lệ hộ có cáp quang,%,100,Sở Khoa học và Công nghệ\n", "a cell left out"),
    ],
)
def test_a_csv_row_whose_cells_moved_is_listed_whole(tmp_path: Path, row: str, why: str) -> None:
    path = tmp_path / "phu-luc.csv"
    path.write_text(
        _CSV_HEADER + row + "2,Tỷ lệ xã có 5G,%,60,100,Sở Khoa học và Công nghệ\n",
        encoding="utf-8",
    )
    found = import_tables(path)
    assert {t.row for t in found.plan.targets} == {"2"}  # nothing of row 1 is read
    (listed,) = found.problems
    assert why in listed.reason


def test_a_csv_row_that_leaves_off_its_empty_last_cells_reads(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.csv"
    path.write_text(
        _CSV_HEADER
        + "1,Tỷ lệ hộ có cáp quang,%,80,95\n"
        + "2,Tỷ lệ xã có 5G,%,60,100,Sở Khoa học và Công nghệ\n",
        encoding="utf-8",
    )
    found = import_tables(path)
    assert {(t.row, t.horizon): t.text for t in found.plan.targets} == {
        ("1", 2025): "80",
        ("1", 2030): "95",
        ("2", 2025): "60",
        ("2", 2030): "100",
    }


@pytest.mark.parametrize("text", ["80 (ước)", "80 (ƯTH)", "80 (ước thực hiện)", "80 (sơ bộ)"])
def test_an_estimate_marked_in_a_target_cell_is_no_target(text: str) -> None:
    with pytest.raises(TargetParseError, match="estimate"):
        parse_target(text, unit="%")


def test_a_short_row_ending_in_a_target_in_words_and_an_agency_code_read(
    tmp_path: Path,
) -> None:
    # words that name no agency in the last target column, and a code with a leading zero (or
    # a ';' file) in the agency's column, are no moved cells
    path = tmp_path / "phu-luc.csv"
    path.write_text(
        "STT,Chỉ tiêu,Đơn vị tính,Mục tiêu năm 2025,Mục tiêu năm 2030,Cơ quan chủ trì\n"
        "1,Xây dựng cơ sở dữ liệu,,,Hoàn thành\n"
        "2,Tỷ lệ xã có 5G,%,60,100,01\n",
        encoding="utf-8",
    )
    found = import_tables(path)
    assert {(t.row, t.horizon): t.text for t in found.plan.targets} == {
        ("1", 2030): "Hoàn thành",
        ("2", 2025): "60",
        ("2", 2030): "100",
    }
    assert not [p for p in found.problems if "moved" in p.reason]


def test_a_tab_after_a_label_is_a_space(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [["1", "Tỷ lệ hộ có cáp quang", "%", "7", "95"]],
        {"<w:t>95</w:t></w:r>": "<w:t>Năm 2030:</w:t></w:r><w:r><w:tab/><w:t>95%</w:t></w:r>"},
    )
    found = import_tables(path)
    assert {t.id: t.spec.value for t in found.plan.targets} == {"2025-1": 7.0, "2030-1": 95.0}  # type: ignore[attr-defined]


def test_a_picture_beside_words_is_no_part_of_them(tmp_path: Path) -> None:
    picture = (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
        '2006/wordprocessingDrawing"/></w:drawing></w:r>'
    )
    name = "<w:t>Tỷ lệ hộ có cáp quang"
    path = _docx(
        tmp_path,
        [["1", "Tỷ lệ hộ có cáp quang", "%", "80", "95"]],
        {f"{name}</w:t></w:r>": f"{name}</w:t></w:r>{picture}"},
    )
    found = import_tables(path)
    assert [i.name for i in found.plan.indicators] == ["Tỷ lệ hộ có cáp quang"]
    assert not found.problems


def test_a_number_moved_for_the_layout_is_left_as_it_is(tmp_path: Path) -> None:
    # a whole number raised by its position (a nudge for the layout) is no footnote mark
    path = _docx(
        tmp_path,
        [["1", "Tỷ lệ hộ có cáp quang", "%", "80", "95"]],
        {"<w:r><w:t>95</w:t>": '<w:r><w:rPr><w:position w:val="2"/></w:rPr><w:t>95</w:t>'},
    )
    found = import_tables(path)
    assert {t.id: t.text for t in found.plan.targets} == {"2025-1": "80", "2030-1": "95"}


def test_a_tab_between_words_is_a_space(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [["1", "Tỷ lệ hộ có cáp quang", "%", "80", "95"]],
        {"<w:t>Tỷ lệ hộ có cáp quang": "<w:t>Tỷ lệ hộ</w:t><w:tab/><w:t>có cáp quang"},
    )
    found = import_tables(path)
    assert [i.name for i in found.plan.indicators] == ["Tỷ lệ hộ có cáp quang"]
