"""Real .docx, .xlsx and .csv appendices built with python-docx, openpyxl and csv, for the tests.

A table is given as rows of cell texts and merged ranges ``(first row, first column, last row,
last column)`` from 0; the builders write them the way Word and Excel users do (a merged range
holds its text in its first cell).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Merge = tuple[int, int, int, int]


def write_docx(
    path: Path, tables: Sequence[tuple[Sequence[str], Sequence[Sequence[str]], Sequence[Merge]]]
) -> Path:
    """A Word document: for each table, its title paragraphs, then the table."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for title, rows, merges in tables:
        for line in title:
            document.add_paragraph(line)
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    table.cell(r, c).text = text
        for first_row, first_column, last_row, last_column in merges:
            table.cell(first_row, first_column).merge(table.cell(last_row, last_column))
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
    document.save(str(path))
    return path


def write_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[Sequence[Any]], Sequence[Merge]]],
    formats: dict[tuple[str, int, int], str] | None = None,
) -> Path:
    """A workbook: for each sheet, its rows (texts or numbers) and merged ranges."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows, merges in sheets:
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value not in ("", None):
                    cell = sheet.cell(row=r, column=c, value=value)
                    number_format = (formats or {}).get((name, r - 1, c - 1))
                    if number_format:
                        cell.number_format = number_format
        for first_row, first_column, last_row, last_column in merges:
            sheet.merge_cells(
                start_row=first_row + 1,
                start_column=first_column + 1,
                end_row=last_row + 1,
                end_column=last_column + 1,
            )
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[str]], separator: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=separator).writerows(rows)
    return path


def rewrite_parts(path: Path, change: Callable[[str, str], str]) -> Path:
    """The package at ``path`` with each XML part's text given by ``change(name, text)``, as
    another program would have written it."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            xml = name.endswith((".xml", ".rels"))
            archive.writestr(name, change(name, data.decode("utf-8")) if xml else data)
    return path


def with_formula_results(path: Path, results: dict[str, str], recalculate: bool) -> Path:
    """The workbook with each formula of ``results`` (by cell, in every sheet) saved with that
    value (xlsxwriter saves 0), asking to be recalculated when opened or not (as Excel saves)."""
    import re

    def change(name: str, text: str) -> str:
        if name.startswith("xl/worksheets/sheet"):
            for cell, value in results.items():
                pattern = rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)(?:<v>[^<]*</v>)?'
                text = re.sub(pattern, rf"\1\2<v>{value}</v>", text)
        elif name == "xl/workbook.xml":
            text = re.sub(r"<calcPr[^>]*/>", "", text)
            if recalculate:
                text = text.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>')
        return text

    return rewrite_parts(path, change)
