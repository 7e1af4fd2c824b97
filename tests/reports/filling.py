"""A script standing in for an official with Excel: fills a template as people do."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def keys(sheet: openpyxl.worksheet.worksheet.Worksheet) -> tuple[int, dict[str, int]]:
    """The row of the hidden keys and each key's column (wherever the columns now are)."""
    for row in sheet.iter_rows(min_row=1, max_row=12):
        found = {str(c.value)[6:]: c.column for c in row if str(c.value).startswith("kh922:")}
        if found:
            return row[0].row, found
    raise AssertionError("no key row")


def target_rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[object, int]:
    """Each target id of a template's sheet and the row it is on."""
    row0, columns = keys(sheet)
    return {
        sheet.cell(r, columns["target_id"]).value: r for r in range(row0 + 1, sheet.max_row + 1)
    }


def fill(
    path: Path,
    values: dict[str, object],
    *,
    out: Path | None = None,
    insert_column: bool = False,
    extra_row: object = None,
    percent: set[str] = frozenset(),
    notes: dict[str, str] | None = None,
) -> Path:
    """Fill ``values`` (target id -> a value, or 'đạt'/'không đạt' for a qualitative target),
    as Excel saves them: text with a decimal comma stays text, numbers in ``percent`` are
    percent-formatted cells; optionally insert a column, add a row outside the template."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    if insert_column:
        sheet.insert_cols(3)
        sheet.cell(6, 3, "Cột thêm")
    row0, columns = keys(sheet)
    for row in range(row0 + 1, sheet.max_row + 1):
        target = sheet.cell(row, columns["target_id"]).value
        if target in values:
            value = values[target]
            if isinstance(value, str) and value.lower() in ("đạt", "không đạt"):
                sheet.cell(row, columns["assessment"], value)
            else:
                cell = sheet.cell(row, columns["value"], value)
                if target in percent:
                    cell.number_format = "0.0%"
        if notes and target in notes:
            sheet.cell(row, columns["note"], notes[target])
    if extra_row is not None:
        sheet.cell(sheet.max_row + 2, columns["value"], extra_row)
    target_path = out or path
    book.save(target_path)
    return target_path


def set_cell(path: Path, target: str, column: str, value: object) -> Path:
    """Type ``value`` in the ``column`` (a hidden key: ``unit``, ``year``, ``last`` …) of the row
    of ``target`` of a template's first sheet, as an official does over what is there."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    _, columns = keys(sheet)
    sheet.cell(target_rows(sheet)[target], columns[column], value)
    book.save(path)
    return path
