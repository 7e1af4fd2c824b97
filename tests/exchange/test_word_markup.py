"""Word markup around a table's text: what Word shows is what the importer reads.

Forms made from templates wrap rows and cells in content controls; officials insert ``≥`` from
the Symbol font, track their changes, hide text and draw text boxes.  Each test builds such a
document with python-docx and checks the targets and problems of the import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kh922core import import_tables

pytest.importorskip("docx")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Đến năm 2030", "Cơ quan chủ trì"]
ROWS = [
    ["1", "Tỷ lệ sử dụng dịch vụ công trực tuyến", "%", "50", "≥ 80", "Văn phòng UBND tỉnh"],
    ["2", "Tỷ lệ thuê bao băng rộng", "%", "60", "≥ 90", "Sở Khoa học và Công nghệ"],
    ["3", "Chỉ số hài lòng", "%", "80", "≥ 85", "Sở Nội vụ"],
]
EXPECTED = {
    "2025-1": "50",
    "2030-1": "≥ 80",
    "2025-2": "60",
    "2030-2": "≥ 90",
    "2025-3": "80",
    "2030-3": "≥ 85",
}


def _element(text: str) -> Any:
    """An element of WordprocessingML from its text (the ``w`` prefix declared)."""
    from lxml import etree

    return etree.fromstring(f'<root xmlns:w="{W}">{text}</root>')[0]


def _document(tmp_path: Path, change: Callable[[Any], None]) -> Path:
    """The appendix table of ``ROWS`` in a Word document, changed by ``change(table)``."""
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC I")
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for r, row in enumerate([HEADER, *ROWS]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    change(table)
    path = tmp_path / "phu-luc.docx"
    document.save(str(path))
    return path


def _wrapped(element: Any, tag: str = "sdt") -> None:
    """Wrap ``element`` in a content control (``w:sdt``) or custom XML where it stands."""
    from docx.oxml import OxmlElement

    wrapper = OxmlElement(f"w:{tag}")
    if tag == "sdt":
        wrapper.append(OxmlElement("w:sdtPr"))
        content = OxmlElement("w:sdtContent")
        wrapper.append(content)
    else:
        content = wrapper
    element.addprevious(wrapper)
    content.append(element)


def _replace_text(table: Any, row: int, column: int, runs: list[str]) -> None:
    """The cell's paragraph made of ``runs`` (XML texts of runs and their wrappers)."""
    paragraph = table.cell(row, column).paragraphs[0]._p
    for run in paragraph.findall(f"{{{W}}}r"):
        paragraph.remove(run)
    for run in runs:
        paragraph.append(_element(run))


def _targets(path: Path) -> tuple[dict[str, str], list[str]]:
    plan, problems = import_tables(path)
    return {t.id: t.text for t in plan.targets}, [f"{p.row}/{p.text}" for p in problems]


@pytest.mark.parametrize("tag", ["sdt", "customXml"])
def test_a_row_in_a_content_control_is_read_where_it_stands(tmp_path: Path, tag: str) -> None:
    path = _document(tmp_path, lambda table: _wrapped(table.rows[2]._tr, tag))
    assert _targets(path) == (EXPECTED, [])


def test_a_cell_in_a_content_control_keeps_its_column(tmp_path: Path) -> None:
    path = _document(tmp_path, lambda table: _wrapped(table.rows[1].cells[4]._tc))
    targets, problems = _targets(path)
    assert (targets, problems) == (EXPECTED, [])


def test_a_table_in_a_content_control_is_read(tmp_path: Path) -> None:
    path = _document(tmp_path, lambda table: _wrapped(table._tbl))
    assert _targets(path) == (EXPECTED, [])


@pytest.mark.parametrize(
    ("code", "sign"), [("F0B3", "≥"), ("F0A3", "≤"), ("B3", "≥"), ("F03E", ">")]
)
def test_a_comparison_sign_from_the_symbol_font_is_read(
    tmp_path: Path, code: str, sign: str
) -> None:
    runs = [f'<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r>', "<w:r><w:t> 90</w:t></w:r>"]
    path = _document(tmp_path, lambda table: _replace_text(table, 2, 4, runs))
    targets, problems = _targets(path)
    assert (targets["2030-2"], problems) == (f"{sign} 90", [])


@pytest.mark.parametrize("font", ["Symbol", "Wingdings"])
def test_a_symbol_the_reader_cannot_name_is_reported_not_dropped(tmp_path: Path, font: str) -> None:
    code = "F0D8" if font == "Wingdings" else "F0E5"  # an arrow; a sum sign
    runs = [f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>', "<w:r><w:t> 90</w:t></w:r>"]
    path = _document(tmp_path, lambda table: _replace_text(table, 2, 4, runs))
    targets, problems = _targets(path)
    assert "2030-2" not in targets  # never the bare 90 (at least 90 on this row)
    assert problems == ["3/\ufffd 90"]


def test_tracked_deletions_moves_and_hidden_text_are_not_read(tmp_path: Path) -> None:
    runs = [
        '<w:r><w:t xml:space="preserve">≥ </w:t></w:r>',
        '<w:del w:id="1" w:author="A"><w:r><w:delText>80</w:delText></w:r></w:del>',
        '<w:moveFrom w:id="2" w:author="A"><w:r><w:t>70</w:t></w:r></w:moveFrom>',
        '<w:ins w:id="3" w:author="A"><w:r><w:t>8</w:t></w:r></w:ins>',
        '<w:moveTo w:id="4" w:author="A"><w:r><w:t>5</w:t></w:r></w:moveTo>',
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>(bỏ)</w:t></w:r>",
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> (*)</w:t></w:r>',
    ]
    path = _document(tmp_path, lambda table: _replace_text(table, 1, 4, runs))
    targets, _ = _targets(path)
    assert targets["2030-1"] == "≥ 85 (*)"


@pytest.mark.parametrize("fallback", [False, True])
def test_a_text_box_in_a_cell_is_read_once(tmp_path: Path, fallback: bool) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>≥ 95</w:t></w:r></w:p></w:txbxContent>"
    shape = '<v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
    vml = f"<w:pict>{shape}<v:textbox>{box}</v:textbox></v:shape></w:pict>"
    if fallback:  # Word 2010 and later: the drawing, then the same text for old versions
        mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
        drawing = f'<w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">{box}</wps:txbx></w:drawing>'
        vml = (
            f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">{drawing}'
            f"</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>"
        )
    path = _document(tmp_path, lambda table: _replace_text(table, 1, 4, [f"<w:r>{vml}</w:r>"]))
    targets, problems = _targets(path)
    assert (targets["2030-1"], problems) == ("≥ 95", [])


def test_a_no_break_hyphen_is_a_hyphen_and_a_soft_one_nothing(tmp_path: Path) -> None:
    runs = ["<w:r><w:t>8</w:t><w:noBreakHyphen/><w:t>1</w:t><w:softHyphen/><w:t>0</w:t></w:r>"]
    path = _document(tmp_path, lambda table: _replace_text(table, 1, 4, runs))
    targets, problems = _targets(path)
    assert (targets["2030-1"], problems) == ("8-10", [])


@pytest.mark.parametrize(("sign", "shown"), [("\u00b3", "≥"), ("\u00a3", "≤"), ("\uf0b3", "≥")])
def test_a_run_in_the_symbol_font_is_read_as_word_shows_it(
    tmp_path: Path, sign: str, shown: str
) -> None:
    font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
    runs = [f"<w:r>{font}<w:t>{sign}</w:t></w:r>", '<w:r><w:t xml:space="preserve"> 90</w:t></w:r>']
    path = _document(tmp_path, lambda table: _replace_text(table, 2, 4, runs))
    targets, problems = _targets(path)
    assert (targets["2030-2"], problems) == (f"{shown} 90", [])


def _merged(table: Any, row: int, column: int, tag: str, value: str | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.table import _Cell

    tc = table.rows[row]._tr.tc_lst[column]  # as written (python-docx resolves merged cells)
    mark = OxmlElement(f"w:{tag}")
    if value is not None:
        mark.set(qn("w:val"), value)
    tc.get_or_add_tcPr().append(mark)
    if value is None:
        _Cell(tc, table).text = ""


def test_a_merge_down_written_without_restart_gives_its_value_below(tmp_path: Path) -> None:
    def change(table: Any) -> None:  # the lead of rows 1 and 2 merged, no "restart" on row 1
        from docx.table import _Cell

        _merged(table, 1, 5, "vMerge", None)
        _Cell(table.rows[1]._tr.tc_lst[5], table).text = "Sở Nội vụ"
        _merged(table, 2, 5, "vMerge", None)

    plan, problems = import_tables(_document(tmp_path, change))
    leads = {t.id: t.lead_agencies_text for t in plan.targets}
    assert (leads["2030-1"], leads["2030-2"], list(problems)) == ("Sở Nội vụ", "Sở Nội vụ", [])


def test_an_old_horizontal_merge_across_two_horizons_is_listed(tmp_path: Path) -> None:
    def change(table: Any) -> None:
        _merged(table, 1, 3, "hMerge", "restart")
        _merged(table, 1, 4, "hMerge", None)

    targets, problems = _targets(_document(tmp_path, change))
    assert "2025-1" not in targets
    assert "2030-1" not in targets
    assert problems[0] == "2/50"


def test_a_table_in_a_text_box_is_read(tmp_path: Path) -> None:
    import docx

    inner = _document(tmp_path, lambda table: None)
    table = docx.Document(str(inner)).tables[0]._tbl
    document = docx.Document()
    document.add_paragraph("PHỤ LỤC I")
    box = _element(
        "<w:r><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><v:textbox>"
        "<w:txbxContent/></v:textbox></v:shape></w:pict></w:r>"
    )
    document.paragraphs[0]._p.append(box)
    box.iter(f"{{{W}}}txbxContent").__next__().append(table)
    path = tmp_path / "box.docx"
    document.save(str(path))
    assert _targets(path) == (EXPECTED, [])


def _list_id(table: Any, form: str) -> str:
    """The id of a list of the document's numbering whose first level has ``form``."""
    numbering = table.part.package.main_document_part.numbering_part.element
    w = f"{{{W}}}"
    forms = {
        a.get(f"{w}abstractNumId"): a.find(f"{w}lvl/{w}numFmt").get(f"{w}val")
        for a in numbering.findall(f"{w}abstractNum")
    }
    return next(
        n.get(f"{w}numId")
        for n in numbering.findall(f"{w}num")
        if forms.get(n.find(f"{w}abstractNumId").get(f"{w}val")) == form
    )


def test_row_numbers_of_words_automatic_numbering_are_read(tmp_path: Path) -> None:
    def change(table: Any) -> None:  # TT typed with the numbering button: no text, a list
        number = _list_id(table, "decimal")
        for row in table.rows[1:]:
            paragraph = row.cells[0].paragraphs[0]._p
            for run in paragraph.findall(f"{{{W}}}r"):
                paragraph.remove(run)
            properties = _element(
                f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{number}"/></w:numPr></w:pPr>'
            )
            paragraph.insert(0, properties)

    assert _targets(_document(tmp_path, change)) == (EXPECTED, [])


def test_list_levels_are_shown_in_their_format() -> None:
    from kh922core._exchange.word_numbering import _shown

    shown = [_shown(n, f) for n, f in [(4, "lowerLetter"), (27, "lowerLetter"), (14, "upperRoman")]]
    assert shown == ["d", "aa", "XIV"]
    assert [_shown(3, "decimal"), _shown(3, "bullet")] == ["3", ""]


def test_an_embedded_document_is_reported_not_dropped(tmp_path: Path) -> None:
    def change(table: Any) -> None:
        chunk = _element('<w:altChunk xmlns:r="urn:r" r:id="rIdHtml"/>')
        table._tbl.addnext(chunk)  # a Phụ lục II pasted from a web page, kept as HTML

    targets, problems = _targets(_document(tmp_path, change))
    assert targets == EXPECTED
    assert len(problems) == 1
    assert "embedded from another file (w:altChunk)" in problems[0]
