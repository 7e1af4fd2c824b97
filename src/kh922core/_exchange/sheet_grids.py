"""The sheets of a workbook (``.xlsx``) and a CSV file as grids.

A workbook cell is read as the text Excel shows for it (:func:`kh922core._tracking.cell_text`
with ``shown``: a ``0.8`` formatted as a percentage is ``80%``, a zero in the Accounting format
``-``, a number formatted ``;;;`` nothing; a number has a decimal comma; Excel's ``_x000D_`` is
a line break; a soft hyphen, a zero-width space, a byte-order mark are not there); the numbers
a cell shows as stored are kept beside the text, so that a row number typed as the number 5.1
reads ``5.1``.  A row of zero height and a column of zero width are hidden ones.  A sheet is as
large as its cells that hold values: a formatted empty cell at ``XFD1048576`` adds nothing.
A formula whose saved value is no result (saved without one by a program, or in a workbook
written by a program that asks to be recalculated when opened:
:func:`kh922core._tracking.formula_cells`) is a cell the importer reports, never a number.  A
CSV file is UTF-8 (with or without a byte-order mark), its separator ``;``, ``,`` or tab, found
from the file; the characters that show nothing are not read there either.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from kh922core._exchange.grids import COVERED, STRUCK, Grid, column_name
from kh922core._exchange.raised_text import raised_text
from kh922core._output_formats import import_optional, open_workbook
from kh922core._targets import parse_number
from kh922core._text import INVISIBLE, decode_csv
from kh922core._tracking import (
    cell_text,
    escaped_texts,
    formula_cells,
    shown_rounded,
    shows_otherwise,
)
from kh922core.errors import Kh922Error, TableImportError

__all__ = ["FORMULA", "NO_TEXT", "SHOWN_OTHERWISE", "csv_grids", "xlsx_grids"]

#: The start of the text of a formula cell without a result (reported by the importer).
FORMULA = "\x00formula:"
#: The start of the text of an Excel error (``#N/A``) or a truth value (reported by the importer).
NO_TEXT = "\x00value:"
#: The start of the text of a number its format rounds or hides (reported by the importer).
SHOWN_OTHERWISE = "\x00shown:"
_SEPARATORS = (";", ",", "\t")
#: What a spreadsheet shows for an error or a truth value, typed or saved as text (a CSV file
#: holds it so, and a copied sheet may): Excel's and Google Sheets' errors (``#N/A``,
#: ``#REF!``, ``#ERROR!``, in any case), LibreOffice's (``Err:502``), ``TRUE``, ``FALSE`` (or
#: ``true``, ``false``, as programs write them; a name ``True`` is a word).
_ERROR_TEXT = re.compile(
    r"(?i:#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|ERROR!|FIELD!|BLOCKED!"
    r"|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)|Err:\d{3})|TRUE|FALSE|true|false"
)


def _error_text(text: str) -> str:
    """``text``, or the mark of a cell that holds no text (see :data:`_ERROR_TEXT`)."""
    return NO_TEXT + text.strip() if _ERROR_TEXT.fullmatch(text.strip()) else text


#: The most cells a sheet's values may span (a table of 1000 rows by 50 columns: a fortieth).
_MOST_CELLS = 2_000_000
_SAID_SEPARATOR = re.compile(r"\A\s*[\"']?sep=(.)[\"']?[ \t]*\r?\n", re.IGNORECASE)


# A number format's first section (up to a ';' outside quotes), and its literals in it.
_SECTION = re.compile(r'(?:"[^"]*"|\\.|[^";\\])*')
#: What a format may show for a zero in its place: a dash, or nothing.
_DASH = ("", "-", "–", "—")
_LITERALS = re.compile(r'"([^"]*)"|\\(.)')


def _shown_date(value: Any, number_format: Any) -> str | None:
    """A date as its format shows it, day first (``31/12/2025``, ``12/2025`` for a month typed
    ``12/2025``, which Excel keeps as a date); ``None`` for any other cell."""
    if not isinstance(value, date) or not isinstance(number_format, str):
        return None
    shown = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).lower()
    if "h" in shown or "s" in shown or "y" not in shown:
        return None  # a time, or a date whose format this reader does not follow
    if "d" in shown:
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.month:02d}/{value.year}" if "m" in shown else str(value.year)


def _struck(cell: Any) -> bool:
    """Whether a cell's text is struck through: by its font, or a run of its rich text."""
    if cell.value is None:
        return False
    if cell.font is not None and cell.font.strike:
        return True
    runs = cell.value if isinstance(cell.value, list) else ()  # openpyxl's CellRichText
    return any(
        getattr(getattr(run, "font", None), "strike", False) and str(run.text).strip()
        for run in runs
        if not isinstance(run, str)
    )


def _run_text(run: Any) -> str:
    """A run of a cell's rich text as it looks (raised or lowered: see :mod:`.raised_text`)."""
    if isinstance(run, str):
        return run
    return raised_text(str(run.text), getattr(getattr(run, "font", None), "vertAlign", None))


def _extent(sheet: Any, formulas: dict[tuple[int, int], str], file: str) -> tuple[int, int]:
    """The last row and column of a sheet that hold a value or a formula: a formatted empty
    cell far below or right of the table (a format given to whole columns) is no part of it.

    Raises:
        TableImportError: The values reach so far that the sheet is no table to read.
    """
    last = {0: (0, 0), 1: (0, 0)}  # the farthest cell down, and right
    cells = sheet._cells  # openpyxl's cells as the file has them (iter_rows fills the gaps)
    for row, column in [*(k for k, c in cells.items() if c.value not in (None, "")), *formulas]:
        last[0] = max(last[0], (row, column))
        last[1] = max(last[1], (column, row))
    rows, columns = last[0][0], last[1][0]
    if rows * columns > _MOST_CELLS:
        far = {_reference(*last[0]), _reference(last[1][1], last[1][0])}
        raise TableImportError(
            f"{file}: sheet {sheet.title!r} holds values as far as {' and '.join(sorted(far))} "
            f"({rows} rows by {columns} columns): too large to be an appendix table; delete "
            "what lies far below or right of the table, and save the file again"
        )
    return rows, columns


def _reference(row: int, column: int) -> str:
    return f"{column_name(column - 1, True)}{row}"


def _text(
    cell: Any, formulas: dict[tuple[int, int], str], texts: dict[tuple[int, int], str]
) -> tuple[str, float | None]:
    """A cell's text as Excel shows it (or a mark the importer reports), and its number when
    the text shows the number as it is stored (``texts``: texts as the file holds them)."""
    value = texts.get((cell.row, cell.column), cell.value)
    if (cell.row, cell.column) in formulas:
        return FORMULA + formulas[(cell.row, cell.column)], None
    if cell.data_type == "e" or isinstance(value, bool):  # "#N/A", TRUE: no text to read
        return NO_TEXT + str(value).upper(), None
    if _struck(cell):  # crossed out: what it says is withdrawn (or is it?)
        return STRUCK + " ".join((cell_text(str(value)) or "").split()), None
    if isinstance(value, str) and _error_text(value) != value:  # "#N/A" typed, or pasted
        return _error_text(value), None
    if isinstance(value, float) and not math.isfinite(value):  # 1e400: Excel shows #NUM!
        return NO_TEXT + "#NUM!", None
    if isinstance(value, list):  # rich text: a raised run is a mark, not digits ("50¹")
        value = "".join(_run_text(run) for run in value)
    if isinstance(value, float):  # as Excel shows it: 15 significant digits, so a
        value = float(f"{value:.15g}")  # formula's 1.4999999999999998 is 1,5
    text = _shown_date(value, cell.number_format)
    text = text or cell_text(value, cell.number_format, shown=True) or ""
    if shows_otherwise(value, cell.number_format):  # 0.8549 formatted "0%": 85%, or 85,49%?
        shown = shown_rounded(value, str(cell.number_format)) or "nothing"
        held = cell_text(value, cell.number_format)
        return f"{SHOWN_OTHERWISE}shows {shown}, holds {held}", None
    number = isinstance(value, int | float) and text == cell_text(value)
    return text.strip(), float(value) if number else None


def _format_words(cell: Any) -> str | None:
    """The words the number format of a cell that holds a number adds to it (the quoted and
    escaped letters of its first section: ``lượt`` of ``#,##0 "lượt"``), or ``None``."""
    value, number_format = cell.value, cell.number_format
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    section = _SECTION.match(str(number_format or ""))
    words = "".join(a or b for a, b in _LITERALS.findall(section.group(0) if section else ""))
    return " ".join(words.split()) if any(c.isalpha() for c in words) else None


def _percent_whole(value: Any, shown: str) -> bool:
    """Whether a cell holds a number of 2 or more that its format shows as a percentage, a
    hundred times larger (95 shown ``9500%``; not 80 formatted ``0"%"``, shown ``80%``)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or abs(value) < 2:
        return False
    try:
        return shown.endswith("%") and parse_number(shown[:-1]) == value * 100
    except Kh922Error:
        return False


def _sheet(
    sheet: Any,
    formulas: dict[tuple[int, int], str],
    file: str,
    texts: dict[tuple[int, int], str],
    covered: dict[tuple[int, int], object],
) -> Grid:
    height, width = _extent(sheet, formulas, file)
    rows = [[""] * width for _ in range(height)]
    numbers: dict[tuple[int, int], float] = {}
    format_words: dict[tuple[int, int], str] = {}
    grid_zeros: set[tuple[int, int]] = set()
    wholes: set[tuple[int, int]] = set()
    for (r, c), cell in sheet._cells.items():
        if r <= height and c <= width and (cell.value is not None or (r, c) in formulas):
            rows[r - 1][c - 1], number = _text(cell, formulas, texts)
            if number is not None:
                numbers[(r - 1, c - 1)] = number
            if (words := _format_words(cell)) is not None:
                format_words[(r - 1, c - 1)] = words
            if cell.value == 0 and not isinstance(cell.value, bool) and rows[r - 1][c - 1] in _DASH:
                grid_zeros.add((r - 1, c - 1))  # 0 in the Accounting format shows "-"
            if _percent_whole(cell.value, rows[r - 1][c - 1]):
                wholes.add((r - 1, c - 1))
    for r, c in formulas.keys() - sheet._cells.keys():
        rows[r - 1][c - 1] = FORMULA + formulas[(r, c)]
    while rows and not any(rows[-1]):
        rows.pop()
    while width and not any(r[width - 1] for r in rows):
        width -= 1
    rows = [r[:width] for r in rows]
    merges = [
        (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
        for m in sheet.merged_cells.ranges
    ]
    for (r, c), value in covered.items():  # kept under a merge (LibreOffice keeps them)
        if r < len(rows) and c < width and (text := cell_text(value, None) or "").strip():
            rows[r][c] = COVERED + text
    hidden_columns = frozenset(  # hidden, or zero wide (Excel shows neither)
        index - 1
        for dimension in sheet.column_dimensions.values()
        if (dimension.hidden or dimension.width == 0) and dimension.min is not None
        for index in range(dimension.min, min(dimension.max or dimension.min, width) + 1)
    )
    hidden_rows = frozenset(  # hidden, or zero high
        number - 1
        for number, dimension in sheet.row_dimensions.items()
        if number <= len(rows) and (dimension.hidden or dimension.ht == 0)
    )
    if sheet.sheet_state != "visible":  # a hidden sheet (an old version?): none of it is read
        hidden_rows = frozenset(range(len(rows)))
    grid = Grid(file, f"sheet {sheet.title!r}", rows, merges, numbers)
    grid.hidden_rows, grid.hidden_columns = hidden_rows, hidden_columns
    grid.format_words, grid.hidden_zeros, grid.percent_wholes = format_words, grid_zeros, wholes
    return grid


def xlsx_grids(path: Path) -> list[Grid]:
    """Every sheet of a workbook, in order (hidden sheets too: their rows are listed, not
    read)."""
    openpyxl = import_optional("openpyxl", extra="office", purpose="reading .xlsx")
    try:
        values = open_workbook(openpyxl, path, data_only=True, rich_text=True)
        formulas = {sheet.title: formula_cells(path, sheet.title) for sheet in values.worksheets}
        texts = escaped_texts(path)  # where openpyxl would misread Excel's escapes
    except Exception as error:  # openpyxl raises many kinds for a broken package
        said = str(error).strip("'\"").splitlines()[0] if str(error) else "unreadable"
        raise TableImportError(  # "There is no item named 'xl/sharedStrings.xml' …": a part
            f"{path.name}: not an Excel workbook that can be opened ({type(error).__name__}: "
            f"{said}); open it in Excel and save it again as .xlsx"
        ) from None
    try:
        covered = _covered_values(openpyxl, path, values)
        return [
            _sheet(
                sheet,
                formulas[sheet.title],
                path.name,
                texts.get(sheet.title, {}),
                covered.get(sheet.title, {}),
            )
            for sheet in values.worksheets
            if sheet.max_row and sheet.max_column
        ]
    finally:
        values.close()


def _covered_values(
    openpyxl: Any, path: Path, values: Any
) -> dict[str, dict[tuple[int, int], object]]:
    """The values a workbook holds in cells covered by a merge (from 0), by sheet, other than
    the merged cell's own: Excel empties them, LibreOffice may keep them; openpyxl drops
    them, but for a read-only pass."""
    ranges = {
        sheet.title: list(sheet.merged_cells.ranges)
        for sheet in values.worksheets
        if sheet.merged_cells.ranges
    }
    if not ranges:
        return {}
    found: dict[str, dict[tuple[int, int], object]] = {}
    stored = open_workbook(openpyxl, path, read_only=True, data_only=True)
    try:
        for title, merged in ranges.items():
            below = {  # the cells under each merge's first row, and that merge's first cell
                (r, c): (m.min_row - 1, m.min_col - 1)
                for m in merged
                for r in range(m.min_row, m.max_row)  # from 0: the rows after the first
                for c in range(m.min_col - 1, m.max_col)
            }
            firsts = set(below.values())
            last = max((r for r, _ in below), default=-1)
            held: dict[tuple[int, int], object] = {}
            # one pass over the sheet's rows (a read-only sheet is read from its start on
            # every call of iter_rows: once per merge would read it once per merge)
            for r, row in enumerate(stored[title].iter_rows(max_row=last + 1, values_only=True)):
                for c, value in enumerate(row):
                    if value is not None and ((r, c) in below or (r, c) in firsts):
                        held[(r, c)] = value
            for at, first in below.items():
                value = held.get(at)
                if value is not None and value != held.get(first):  # its text again: no other
                    found.setdefault(title, {})[at] = value
    finally:
        stored.close()
    return found


def _utf16_unmarked(data: bytes) -> bool:
    """Whether ``data`` is UTF-16 text with no byte-order mark: most of its first bytes at even
    places, or at odd ones, are zero (as ASCII letters and digits are in UTF-16)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or len(data) < 8:
        return False
    head = data[:512]
    zeros = [sum(byte == 0 for byte in head[start::2]) for start in (0, 1)]
    return max(zeros) >= len(head) // 4 and min(zeros) == 0


def _width(text: str, separator: str) -> tuple[int, int]:
    """How many lines have the commonest number of cells (of lines with more than one), and
    that number, for ``separator``: the separator of a table gives most lines one width (a
    ``;`` file whose cells hold commas has rows of one width, split at commas they vary)."""
    widths = Counter(
        len(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    )
    widths.pop(0, None)
    widths.pop(1, None)
    width = max(widths, key=lambda w: (widths[w], w)) if widths else 1
    return widths.get(width, 0), width


def csv_grids(path: Path) -> list[Grid]:
    """The table of a CSV file: one grid, its rows as a spreadsheet opening it numbers them."""
    data = path.read_bytes()
    if _utf16_unmarked(data):
        raise TableImportError(
            f"{path.name}: UTF-16 text without its byte-order mark; in Excel, save it again "
            "as 'Unicode Text' or as 'CSV UTF-8'"
        )
    try:
        text = decode_csv(data)
    except UnicodeDecodeError as error:
        raise TableImportError(
            f"{path.name}: not UTF-8 text (byte 0x{error.object[error.start]:02x} at "
            f"{error.start}); in Excel, save it as 'CSV UTF-8'"
        ) from None
    if "\x00" in text:
        raise TableImportError(f"{path.name}: not a text file (it holds NUL characters)")
    text = INVISIBLE.sub("", text)  # a soft hyphen in a number shows nothing: it is not there
    first_row = 1
    said = _SAID_SEPARATOR.match(text)
    if said is not None:  # Excel's "sep=;" first line names the separator
        text, first_row = text[said.end() :], 2
    separator = (
        said.group(1)
        if said is not None
        else max(_SEPARATORS, key=lambda s: (*_width(text, s), s == ","))
    )
    try:
        rows = [
            [_error_text(cell.strip()) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        ]
    except csv.Error as error:
        raise TableImportError(f"{path.name}: not a CSV table ({error})") from None
    written = [len(r) for r in rows]
    width = max(written, default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return [
        Grid(path.name, "table", rows, written=written, separator=separator, first_row=first_row)
    ]
