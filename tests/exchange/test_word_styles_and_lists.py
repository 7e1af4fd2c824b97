"""Word documents as other tools and templates save them: what styles add to runs (hidden text,
strike-through), lists numbered by a paragraph style or a numbering style, lists that share one
definition, levels written again in full, rows deleted with Track Changes, content controls
showing their prompt, equations, and damaged numbering or spans.

Each test builds the document with python-docx (and a little XML), imports it and checks the
targets and problems: what Word shows is what the importer reads, and what it cannot read is
listed by its place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kh922core import TableImportError, import_tables

from .test_word_markup import EXPECTED, HEADER, ROWS, W  # the same appendix table

pytest.importorskip("docx")

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _element(text: str) -> Any:
    from lxml import etree

    return etree.fromstring(f'<root xmlns:w="{W}" xmlns:m="{M}">{text}</root>')[0]


def _document(tmp_path: Path, change: Callable[[Any, Any], None]) -> Path:
    """The appendix table of ``ROWS`` in a Word document, changed by ``change(document,
    table)``."""
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC I")
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for r, row in enumerate([HEADER, *ROWS]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    change(document, table)
    path = tmp_path / "phu-luc.docx"
    document.save(str(path))
    return path


def _cell(table: Any, row: int, column: int, xml: str) -> None:
    """The cell's content replaced by ``xml`` (paragraphs)."""
    cell = table.cell(row, column)._tc
    for paragraph in cell.findall(f"{{{W}}}p"):
        cell.remove(paragraph)
    for paragraph in _element(f"<x>{xml}</x>"):
        cell.append(paragraph)


def _style(document: Any, xml: str) -> None:
    document.styles.element.append(_element(xml))


def _targets(path: Path) -> tuple[dict[str, str], list[str]]:
    plan, problems = import_tables(path)
    return {t.id: t.text for t in plan.targets}, [f"{p.row}/{p.text}" for p in problems]


def _list(document: Any, levels: str, numbers: str) -> None:
    """Add list definitions (``w:abstractNum``, before the lists) and lists (``w:num``)."""
    numbering = document.part.numbering_part.element
    first_list = numbering.find(f"{{{W}}}num")
    for definition in _element(f"<x>{levels}</x>"):
        first_list.addprevious(definition)
    for item in _element(f"<x>{numbers}</x>"):
        numbering.append(item)


_DECIMAL = (
    '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
)


def _numbered(table: Any, lists: list[str]) -> None:
    """The TT cells of the rows numbered by the lists ``lists`` (one per row), no text."""
    for row, number in enumerate(lists, start=1):
        properties = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{number}"/></w:numPr>'
        _cell(table, row, 0, f"<w:p><w:pPr>{properties}</w:pPr></w:p>")


def test_a_run_hidden_by_its_character_style_is_not_read(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _style(
            document,
            '<w:style w:type="character" w:styleId="An"><w:name w:val="An"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>",
        )
        _cell(
            table,
            2,
            4,
            '<w:p><w:r><w:rPr><w:rStyle w:val="An"/></w:rPr><w:t>1</w:t></w:r>'
            "<w:r><w:t>≥ 90</w:t></w:r></w:p>",
        )

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])  # not "1≥ 90"


def test_a_paragraph_hidden_by_its_style_is_not_read(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _style(
            document,
            '<w:style w:type="paragraph" w:styleId="AnDoan"><w:name w:val="An doan"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>",
        )
        _cell(
            table,
            2,
            4,
            '<w:p><w:pPr><w:pStyle w:val="AnDoan"/></w:pPr><w:r><w:t>300</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>≥ 90</w:t></w:r></w:p>",
        )

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])


def test_a_run_shown_again_over_its_hiding_style_is_read(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _style(
            document,
            '<w:style w:type="character" w:styleId="An"><w:name w:val="An"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>",
        )
        _cell(
            table,
            2,
            4,
            '<w:p><w:r><w:rPr><w:rStyle w:val="An"/><w:vanish w:val="0"/></w:rPr>'
            "<w:t>≥ 95</w:t></w:r></w:p>",
        )

    targets, problems = _targets(_document(tmp_path, change))
    assert (targets["2030-2"], problems) == ("≥ 95", [])


def test_strike_through_by_a_character_style_is_listed_not_read(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _style(
            document,
            '<w:style w:type="character" w:styleId="Gach"><w:name w:val="Gach"/>'
            "<w:rPr><w:strike/></w:rPr></w:style>",
        )
        _cell(
            table,
            3,
            4,
            '<w:p><w:r><w:rPr><w:rStyle w:val="Gach"/></w:rPr><w:t>≥ 60</w:t></w:r></w:p>',
        )

    targets, problems = _targets(_document(tmp_path, change))
    assert "2030-3" not in targets
    assert len(problems) == 1
    assert problems[0].endswith("≥ 60")


def test_row_numbers_from_a_paragraph_style_are_read(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _list(document, _DECIMAL, '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>')
        _style(
            document,
            '<w:style w:type="paragraph" w:styleId="SoTT"><w:name w:val="So TT"/>'
            '<w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>',
        )
        for row in (1, 2, 3):
            _cell(table, row, 0, '<w:p><w:pPr><w:pStyle w:val="SoTT"/></w:pPr></w:p>')

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])  # not 1, 1.1, 1.1.1


def test_a_list_linked_to_a_numbering_style_is_counted(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        linked = (
            '<w:abstractNum w:abstractNumId="92"><w:numStyleLink w:val="DanhSachTT"/>'
            "</w:abstractNum>"
        )
        _list(
            document,
            _DECIMAL + linked,
            '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>'
            '<w:num w:numId="93"><w:abstractNumId w:val="92"/></w:num>',
        )
        _style(
            document,
            '<w:style w:type="numbering" w:styleId="DanhSachTT"><w:name w:val="DanhSachTT"/>'
            '<w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>',
        )
        _numbered(table, ["93", "93", "93"])

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])


def test_lists_of_one_definition_count_on_together(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:  # as LibreOffice writes a list in pieces
        _list(
            document,
            _DECIMAL,
            '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>'
            '<w:num w:numId="92"><w:abstractNumId w:val="90"/></w:num>',
        )
        _numbered(table, ["91", "91", "92"])

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])  # 1, 2, 3: not 1, 2, 1


def test_a_list_that_restarts_counts_alone(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _list(
            document,
            _DECIMAL,
            '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>'
            '<w:num w:numId="92"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>',
        )
        _numbered(table, ["91", "91", "92"])

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])  # 1, 2, then 3 again


def test_a_level_written_again_in_full_takes_its_format(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        letters = (
            '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride>'
        )
        _list(
            document,
            _DECIMAL,
            f'<w:num w:numId="91"><w:abstractNumId w:val="90"/>{letters}</w:num>',
        )
        for row in (2, 3):  # a), b) under the row typed 1 (the definition alone: 1, 2)
            properties = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'
            _cell(table, row, 0, f"<w:p><w:pPr>{properties}</w:pPr></w:p>")

    targets, problems = _targets(_document(tmp_path, change))
    assert sorted(targets) == ["2025-1", "2025-1.a", "2025-1.b", "2030-1", "2030-1.a", "2030-1.b"]
    assert problems == []


def test_a_row_deleted_with_track_changes_is_not_read_nor_counted(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _list(document, _DECIMAL, '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>')
        deleted = table.add_row()._tr
        table._tbl.remove(deleted)
        table.rows[1]._tr.addnext(deleted)  # between rows 1 and 2
        for column, text in enumerate(["", "Tỷ lệ cũ", "%", "10", "30", "Sở Nội vụ"]):
            _cell(table, 2, column, f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
        marks = '<w:del w:id="9" w:author="a" w:date="2025-01-01T00:00:00Z"/>'
        deleted.insert(0, _element(f"<w:trPr>{marks}</w:trPr>"))
        _numbered(table, ["91", "91", "91", "91"])

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])


def test_a_content_control_showing_its_prompt_is_no_value(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _cell(
            table,
            1,
            3,
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>"
            "<w:t>Nhập số liệu</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        )

    targets, problems = _targets(_document(tmp_path, change))
    assert (targets, problems) == ({k: v for k, v in EXPECTED.items() if k != "2025-1"}, [])


def test_an_equation_is_read_as_word_shows_it(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        _cell(table, 2, 4, "<w:p><m:oMath><m:r><m:t>≥ 90</m:t></m:r></m:oMath></w:p>")
        _cell(
            table,
            3,
            2,
            "<w:p><m:oMath><m:sSup><m:e><m:r><m:t>m</m:t></m:r></m:e>"
            "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></w:p>",
        )
        _cell(table, 3, 3, "<w:p><w:r><w:t>800</w:t></w:r></w:p>")
        _cell(table, 3, 4, "<w:p><w:r><w:t>≥ 850</w:t></w:r></w:p>")

    plan, problems = import_tables(_document(tmp_path, change))
    targets = {t.id: t for t in plan.targets}
    assert targets["2030-2"].text == "≥ 90"
    assert targets["2030-3"].unit is not None
    assert targets["2030-3"].unit.text == "m²"
    assert list(problems) == []


def test_paragraphs_joined_by_a_deleted_mark_are_one_text(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        mark = '<w:del w:id="3" w:author="a" w:date="2025-01-01T00:00:00Z"/>'
        _cell(
            table,
            2,
            4,
            f"<w:p><w:pPr><w:rPr>{mark}</w:rPr></w:pPr><w:r><w:t>≥ 9</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>0</w:t></w:r></w:p>",
        )

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])


@pytest.mark.parametrize("start", ["1000000000000", "2000000000", "40000", "x"])
def test_a_list_start_word_cannot_have_is_listed_not_guessed(tmp_path: Path, start: str) -> None:
    def change(document: Any, table: Any) -> None:
        levels = _DECIMAL.replace('w:start w:val="1"', f'w:start w:val="{start}"').replace(
            "decimal", "upperRoman"
        )
        _list(document, levels, '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>')
        _numbered(table, ["91", "91", "91"])

    _, problems = _targets(_document(tmp_path, change))
    assert len(problems) == 3
    assert all(p.endswith("\ufffd") for p in problems)


@pytest.mark.parametrize("level", ["x", "12"])
def test_a_damaged_list_level_is_no_crash(tmp_path: Path, level: str) -> None:
    def change(document: Any, table: Any) -> None:
        _list(
            document,
            _DECIMAL.replace('w:ilvl="0"', f'w:ilvl="{level}"'),
            '<w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>',
        )
        for row in (1, 2, 3):  # numbered at the damaged level: no number Word could show
            properties = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'
            _cell(table, row, 0, f"<w:p><w:pPr>{properties}</w:pPr></w:p>")

    targets, _ = _targets(_document(tmp_path, change))
    assert len(targets) == 6


def test_a_cell_spanning_more_columns_than_word_has_is_refused(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        properties = table.cell(1, 1)._tc.get_or_add_tcPr()
        properties.append(_element('<w:gridSpan w:val="20000000"/>'))

    with pytest.raises(TableImportError, match="spans 20000000 columns"):
        import_tables(_document(tmp_path, change))


def test_a_row_in_a_legacy_encoding_is_listed_not_read(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:  # row 2 pasted from a TCVN3 document
        _cell(table, 2, 1, "<w:p><w:r><w:t>Tû lÖ thuª bao b¨ng réng</w:t></w:r></w:p>")
        _cell(table, 2, 5, "<w:p><w:r><w:t>Së Khoa häc vµ C«ng nghÖ</w:t></w:r></w:p>")

    targets, problems = _targets(_document(tmp_path, change))
    assert targets == {k: v for k, v in EXPECTED.items() if not k.endswith("-2")}
    assert len(problems) == 1
    assert problems[0].startswith("3/")  # the row, named by its place


def test_a_table_in_a_legacy_encoding_is_refused_saying_so(tmp_path: Path) -> None:
    def change(document: Any, table: Any) -> None:
        legacy = ["TT", "ChØ tiªu", "§¬n vÞ tÝnh", "N¨m 2025", "§Õn n¨m 2030", "C¬ quan chñ tr×"]
        for column, text in enumerate(legacy):
            _cell(table, 0, column, f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")

    with pytest.raises(TableImportError, match="legacy one"):
        import_tables(_document(tmp_path, change))


@pytest.mark.parametrize("mark", ["\u00ad", "\ufeff", "\u200b"])
def test_a_character_that_shows_nothing_is_not_in_a_number(tmp_path: Path, mark: str) -> None:
    def change(document: Any, table: Any) -> None:
        _cell(table, 2, 4, f"<w:p><w:r><w:t>≥ 9{mark}0</w:t></w:r></w:p>")

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])
