"""The report as an editable Word document in the official format: A4, Times New Roman 13,
the sections in order, the target table as an appendix in landscape."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from kh922core._reports.report_charts import attainment_png, require_report_extra
from kh922core._reports.report_content import Report
from kh922core._reports.report_tables import Section, header_lines, sections
from kh922core._reports.report_words import Words

__all__ = ["write_docx"]

#: A longer provenance table is shown by source (the .html and .xlsx reports list every value).
_PROVENANCE_ROWS = 200


def _by_source(section: Section) -> Section:
    """The provenance as one row per source (file or address) with its count of values."""
    if section.key != "provenance" or len(section.rows) <= _PROVENANCE_ROWS:
        return section
    counts: dict[str, int] = {}
    for row in section.rows:
        source = row[-1].rsplit(":", 2)[0] if row[-1].count(":") >= 2 else row[-1]
        counts[source] = counts.get(source, 0) + 1
    rows = [[source, str(count)] for source, count in counts.items()]
    return Section(section.key, section.title, [section.headings[-1], "n"], rows, section.note)


def _table(document: Any, section: Section, size: int) -> None:
    from docx.shared import Pt

    if not section.headings:
        return
    table = document.add_table(rows=1, cols=len(section.headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, section.headings, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in section.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def write_docx(report: Report, path: Path, said: Words) -> None:
    """Write the Word document to ``path``."""
    docx = require_report_extra("docx")
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    for name in ("Heading 1", "Heading 2", "Title"):
        heading = document.styles[name]
        heading.font.name = "Times New Roman"
        heading.font.size = Pt(14 if name != "Heading 2" else 13)
    page = document.sections[0]
    page.page_width, page.page_height = Cm(21), Cm(29.7)
    page.left_margin, page.right_margin = Cm(3), Cm(2)
    page.top_margin, page.bottom_margin = Cm(2), Cm(2)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(said("report_title", plan=report.plan.number))
    run.bold = True
    for line in header_lines(report, said):
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    appendix = None
    for section in sections(report, said):
        if section.key == "targets":
            appendix = section
            continue
        document.add_heading(section.title, level=2)
        if section.note:
            document.add_paragraph(section.note)
        if section.key == "summary" and report.targets["attainment"].drop_nulls().len():
            picture = attainment_png(report.targets, said)
            document.add_picture(io.BytesIO(picture), width=Cm(15.5))
        _table(document, _by_source(section), 11)
    if appendix is not None:
        landscape = document.add_section()
        landscape.orientation = WD_ORIENT.LANDSCAPE
        landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
        document.add_heading(said("appendix"), level=1)
        _table(document, appendix, 10)
    document.save(str(path))
