"""The report as an Excel workbook: a sheet for the summary, one for the targets, one for the
tasks, one for the sources and provenance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kh922core._reports.report_charts import require_report_extra
from kh922core._reports.report_content import Report
from kh922core._reports.report_tables import Section, header_lines, sections
from kh922core._reports.report_words import Words

__all__ = ["write_xlsx"]


def _put(sheet: Any, row: int, section: Section, bold: Any, head: Any) -> int:
    sheet.write_string(row, 0, section.title, bold)
    row += 1
    if section.note:
        sheet.write_string(row, 0, section.note)
        row += 1
    if section.headings:
        for col, text in enumerate(section.headings):
            sheet.write_string(row, col, text, head)
        row += 1
        for values in section.rows:
            for col, text in enumerate(values):
                sheet.write_string(row, col, text)
            row += 1
    return row + 1


def write_xlsx(report: Report, path: Path, said: Words) -> None:
    """Write the workbook to ``path``."""
    xlsxwriter = require_report_extra("xlsxwriter")
    book = xlsxwriter.Workbook(str(path))
    try:
        bold = book.add_format({"bold": True, "font_size": 12})
        head = book.add_format(
            {"bold": True, "bg_color": "#DDE4EE", "border": 1, "text_wrap": True}
        )
        parts = {s.key: s for s in sections(report, said)}
        summary = book.add_worksheet(said("sheet_summary"))
        summary.set_column(0, 0, 60)
        summary.set_column(1, 5, 14)
        summary.write_string(0, 0, said("report_title", plan=report.plan.number), bold)
        row = 1
        for line in header_lines(report, said):
            summary.write_string(row, 0, line)
            row += 1
        row += 1
        for key in (
            "summary",
            "by-horizon",
            "by-group",
            "by-lead_agency",
            "not-reported",
            "findings",
        ):
            row = _put(summary, row, parts[key], bold, head)
        for name, keys, widths in (
            ("sheet_targets", ("targets",), (10, 50, 12, 24, 8, 14, 14, 12, 18, 18)),
            ("sheet_tasks", ("tasks",), (10, 60, 40, 12, 10, 16)),
            ("sheet_sources", ("sources", "provenance", "unread"), (40, 30, 14, 14, 20, 40)),
        ):
            sheet = book.add_worksheet(said(name))
            for col, width in enumerate(widths):
                sheet.set_column(col, col, width)
            row = 0
            for key in keys:
                row = _put(sheet, row, parts[key], bold, head)
    finally:
        book.close()
