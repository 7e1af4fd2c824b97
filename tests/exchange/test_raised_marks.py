"""Footnote marks typed as raised text after a number (a fourth round of hostile files).

Word and Excel draw a superscript run smaller and higher; read as plain text, ``50`` and a
raised ``1`` said ``501``.  A raised or lowered run keeps its look (``50¹``, ``km²``), which the
target grammar reads as a mark after the number, never as its digits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables, parse_target
from kh922core._exchange.raised_text import raised_text

from .office_builders import rewrite_parts, write_docx, write_xlsx
from .test_other_tools_layouts import HEAD, TITLE

pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

ROWS = [
    ["1", "Số sáng chế được cấp", "Sáng chế", "20", "50", "Sở Khoa học và Công nghệ"],
    ["2", "Số doanh nghiệp công nghệ số", "Doanh nghiệp", "120", "300", "Sở Tài chính"],
]


def _targets(path: Path) -> dict[str, str]:
    result = import_tables(path)
    assert result.problems == ()
    return {t.id: t.text for t in result.plan.targets}


def _values(path: Path) -> dict[str, float]:
    result = import_tables(path)
    return {t.id: getattr(t.spec, "value", None) for t in result.plan.targets}


RAISED_RUN = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'


@pytest.mark.parametrize(
    ("replacement", "text"),
    [
        # a run raised by its own properties
        (f"<w:r><w:t>50</w:t></w:r>{RAISED_RUN}", "50¹"),
        # the result of a cross-reference to a footnote (a NOTEREF field), raised
        (
            '<w:r><w:t>50</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> NOTEREF _Ref1 \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{RAISED_RUN}<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "50¹",
        ),
        # a raised asterisk reads as it looks
        (
            '<w:r><w:t>50</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            "<w:t>*</w:t></w:r>",
            "50*",
        ),
    ],
)
def test_a_raised_mark_after_a_number_in_word_is_no_digit_of_it(
    tmp_path: Path, replacement: str, text: str
) -> None:
    path = write_docx(tmp_path / "pl1.docx", [(TITLE, [HEAD, *ROWS], [])])

    def change(name: str, xml: str) -> str:
        if name != "word/document.xml":
            return xml
        assert xml.count("<w:r><w:t>50</w:t></w:r>") == 1
        return xml.replace("<w:r><w:t>50</w:t></w:r>", replacement)

    path = rewrite_parts(path, change)
    assert _targets(path)["2030-1"] == text
    assert _values(path)["2030-1"] == 50.0


def test_a_run_raised_by_its_character_style_is_raised_too(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "pl1.docx", [(TITLE, [HEAD, *ROWS], [])])
    style = (
        '<w:style w:type="character" w:styleId="NoteMark"><w:name w:val="Note Mark"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    )

    def change(name: str, xml: str) -> str:
        if name == "word/styles.xml":
            return xml.replace("</w:styles>", f"{style}</w:styles>")
        if name == "word/document.xml":
            return xml.replace(
                "<w:r><w:t>300</w:t></w:r>",
                '<w:r><w:t>300</w:t></w:r><w:r><w:rPr><w:rStyle w:val="NoteMark"/></w:rPr>'
                "<w:t>2</w:t></w:r>",
            )
        return xml

    path = rewrite_parts(path, change)
    assert _targets(path)["2030-2"] == "300²"
    assert _values(path)["2030-2"] == 300.0


def test_a_raised_mark_in_an_excel_rich_text_is_no_digit_of_the_number(tmp_path: Path) -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), HEAD, *ROWS], [])])
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet["E4"].value == "50"
    sheet["E4"].value = CellRichText(["50", TextBlock(InlineFont(vertAlign="superscript"), "1")])
    sheet["E5"].value = CellRichText(["300", TextBlock(InlineFont(vertAlign="baseline"), "1")])
    book.save(path)
    texts = _targets(path)
    assert texts["2030-1"] == "50¹"
    assert texts["2030-2"] == "3001"  # on the line: a digit of the number, as Excel shows it
    assert _values(path)["2030-1"] == 50.0


@pytest.mark.parametrize(
    ("text", "alignment", "shown"),
    [
        ("1", "superscript", "¹"),
        ("12", "superscript", "¹²"),
        ("(1)", "superscript", "⁽¹⁾"),
        ("2", "subscript", "₂"),
        ("*", "superscript", "*"),
        ("a", "superscript", "^(a)"),
        ("ghi chú", "subscript", "_(ghi chú)"),
        ("1", None, "1"),
        ("1", "baseline", "1"),
    ],
)
def test_how_raised_text_looks(text: str, alignment: str | None, shown: str) -> None:
    assert raised_text(text, alignment) == shown


@pytest.mark.parametrize("text", ["50¹", "50²", "50*"])
def test_the_grammar_reads_a_raised_mark_as_no_digit(text: str) -> None:
    assert getattr(parse_target(text), "value", None) == 50.0
