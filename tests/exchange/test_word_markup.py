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
