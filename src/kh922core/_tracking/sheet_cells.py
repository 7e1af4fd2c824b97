"""The cells of a ``.csv`` or ``.xlsx`` table as text, each with the row the spreadsheet shows.

Every cell is read or said to be unreadable, never dropped: a ``.xlsx`` cell becomes the text
Excel shows for it (a percent-formatted ``0.55`` is ``55%``, a date-formatted cell a date), a
value merged down over several rows is read on each of them, and what cannot be read (a formula
saved without its value, a value merged across columns) is a problem naming its sheet rows.
:mod:`kh922core._tracking.observation_files` gives the columns their names and types.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import polars as pl

from kh922core._output_formats import format_for, import_optional, open_workbook, unescape_csv_text
from kh922core._text import decode_csv
from kh922core._tracking.csv_rows import COMMENT, beyond_the_header
from kh922core._tracking.number_formats import cell_text
from kh922core._tracking.sheet_strings import escaped_texts
from kh922core.errors import Kh922Error, ObservationProblem, UnknownFormatError

__all__ = [
    "LINE",
    "RawTable",
    "cell_text",
    "column_letter",
    "csv_table",
    "formula_cells",
    "hidden_rows",
    "merged_ranges",
    "not_readable",
    "problem_at",
    "xlsx_table",
]

#: The row of each table row as the spreadsheet numbers it (a private column).
LINE = "_kh922_line"
_READABLE = ("csv", "xlsx", "parquet")
_SEPARATORS = (";", ",", "\t")
#: Line ends of a CSV file (not the other characters ``str.splitlines`` breaks lines at).
_LINE_END = re.compile(r"\r\n|\r|\n")
_CELL = re.compile(r"([A-Z]{1,3})(\d+)")  # a cell reference: its column letters, its row
#: The XML of a formula or a merged range in a sheet.
_MARKS = re.compile(rb"<(?:\w+:)?(?:f|mergeCell)[\s/>]")


@dataclass(slots=True)
class RawTable:
    """A table as typed: the header row, every cell as text by position, and the problems.

    Attributes:
        header: The heading of each column, stripped (``""`` where there is none).
        frame: One text column per heading, named ``c0``, ``c1`` … by position, and
            :data:`LINE`, the row of each table row as the spreadsheet shows it.
        problems: Cells that cannot be read, with their rows.
    """

    header: list[str]
    frame: pl.DataFrame
    problems: list[ObservationProblem] = field(default_factory=list)


def column_letter(index: int) -> str:
    """The letter of a column as a spreadsheet names it (0 is ``A``, 26 is ``AA``).

    Examples:
        >>> column_letter(0), column_letter(25), column_letter(26)
        ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def not_readable(path: Path, why: str) -> UnknownFormatError:
    """The error for a file that is not what its name says, listing the readable formats."""
    readable = [format_for(n) for n in _READABLE]
    return UnknownFormatError(str(path), [(f.name, f.suffixes) for f in readable], why=why)


def _rows_of(lines: list[int], limit: int = 20) -> str:
    shown, more = [str(n) for n in lines[:limit]], ", …" if len(lines) > limit else ""
    return (f"row {shown[0]}" if len(shown) == 1 else f"rows {', '.join(shown)}") + more


def problem_at(
    column: str, what: str, source: Path, lines: list[int], values: list[str]
) -> ObservationProblem:
    """One problem naming the rows (as the spreadsheet shows them) of ``values``."""
    return ObservationProblem(
        column=column,
        message=f"{what} ({source.name}, {_rows_of(lines)})",
        values=tuple(values[:20]),
        count=len(lines),
    )


def _frame(header: list[str], rows: list[list[str | None]], lines: list[int]) -> pl.DataFrame:
    columns = {
        f"c{i}": [row[i] if i < len(row) else None for row in rows] for i in range(len(header))
    }
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return frame.with_columns(pl.Series(LINE, lines, dtype=pl.Int64))


# ------------------------------------------------------------------------------------- CSV


def _separator(text: str) -> str:
    """The separator of a CSV text: the commonest of ``;``, ``,`` and tab in its header line."""
    outside = "".join(part for i, part in enumerate(text.split('"')) if i % 2 == 0)
    counts = {s: outside.count(s) for s in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda s: (counts[s], s == ","))
    return best if counts[best] else ","


def _read_text(body: str, separator: str, *, ragged: bool) -> pl.DataFrame:
    """The records of a CSV text, every cell as text (with ``ragged``, cells beyond the
    header's are cut off)."""
    return pl.read_csv(
        io.StringIO(body),
        separator=separator,
        has_header=False,
        infer_schema=False,
        truncate_ragged_lines=ragged,
    )


def csv_table(path: Path) -> RawTable:
    """A CSV file's cells as text (UTF-8; ``;``, ``,`` or tab from the header line or Excel's
    ``sep=`` line; ``#`` lines skipped), rows numbered as a spreadsheet numbers them.

    Raises:
        UnknownFormatError: Not UTF-8 text, or not a table.
    """
    try:
        text = decode_csv(path.read_bytes())
    except UnicodeDecodeError as error:
        raise not_readable(
            path,
            f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at {error.start}; "
            "in Excel, save it as 'CSV UTF-8'):",
        ) from None
    lines = _LINE_END.split(text)
    said = re.fullmatch(r"\s*[\"']?sep=(.)[\"']?\s*", lines[0], re.IGNORECASE)  # Excel's "sep=;"
    starts = [i for i, line in enumerate(lines) if line.strip() and not COMMENT.match(line)]
    first = next((i for i in starts if i >= bool(said)), 0)
    body = "\n".join("" if COMMENT.match(line) else line for line in lines[first:]) + "\n"
    separator = said.group(1) if said else _separator(lines[first] if lines else "")
    problems: list[ObservationProblem] = []
    try:
        frame = _read_text(body, separator, ragged=False)
    except pl.exceptions.PolarsError as error:
        beyond, width = beyond_the_header(body, separator, first)
        extra = f"column {column_letter(width)}" if width is not None else None
        if extra is None:
            detail = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
            raise not_readable(path, f"not a CSV table ({detail}):") from None
        if beyond:
            what = "more cells than the header: a cell with no heading, or a decimal comma "
            what += "moved the cells (quote such a cell, or save the file with ';')"
            lines_of, texts = [line for line, _ in beyond], [text for _, text in beyond]
            problems.append(problem_at(extra, what, path, lines_of, texts))
        frame = _read_text(body, separator, ragged=True)  # the cells cut are empty or reported
    frame = frame.select(
        unescape_csv_text(pl.col(c)).alias(f"c{i}") for i, c in enumerate(frame.columns)
    )
    if frame.is_empty():
        return RawTable([], _frame([], [], []))
    header = [(name or "").strip() for name in frame.row(0)]
    rows = frame.slice(1).with_columns((pl.int_range(pl.len()) + first + 2).alias(LINE))
    return RawTable(header, rows, problems)


# ------------------------------------------------------------------------------------ XLSX


def _coordinate(reference: str) -> tuple[int, int]:
    """A cell reference (``C12``) as its row and column, from 1."""
    found = _CELL.fullmatch(reference.replace("$", "").upper())
    if found is None:
        raise ValueError(f"not a cell reference: {reference!r}")
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(found[2]), column


def _local(tag: str) -> str:
    """An XML name without its namespace."""
    return tag.rpartition("}")[2]


def _part(archive: zipfile.ZipFile, source: str, relation: str) -> str:
    """The archive path of the part ``source`` relates to by the relationship id (or type
    ending) ``relation``."""
    folder, _, name = source.rpartition("/")
    rels = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels")))
    for rel in rels:
        if relation in (rel.get("Id"), rel.get("Type", "").rpartition("/")[2]):
            target = rel.get("Target", "")
            return (
                target[1:]
                if target[:1] == "/"
                else posixpath.normpath(posixpath.join(folder, target))
            )
    raise KeyError(relation)


def _sheet_part(archive: zipfile.ZipFile, title: str) -> str:
    """The archive path of the worksheet named ``title``."""
    book = _part(archive, "", "officeDocument")
    for element in ElementTree.fromstring(archive.read(book)).iter():
        if _local(element.tag) == "sheet" and element.get("name") == title:
            ids = [v for k, v in element.attrib.items() if _local(k) == "id"]
            return _part(archive, book, ids[0])
    raise KeyError(title)


def _recalculated(archive: zipfile.ZipFile) -> bool:
    """Whether the workbook asks to be recalculated when it is opened (``fullCalcOnLoad``)."""
    book = _part(archive, "", "officeDocument")
    for element in ElementTree.fromstring(archive.read(book)).iter():
        if _local(element.tag) == "calcPr":
            return element.get("fullCalcOnLoad") in ("1", "true")
    return False


def formula_cells(path: Path, title: str) -> dict[tuple[int, int], str]:
    """The formulas of a sheet whose saved value is no result, by row and column from 1: saved
    without one (by a program), or in a workbook that asks to be recalculated when opened
    (``fullCalcOnLoad``: xlsxwriter saves 0 for each; Excel and LibreOffice do not ask)."""
    return _scan(path, title)[0]


def merged_ranges(path: Path, title: str) -> list[tuple[int, ...]]:
    """A sheet's merged ranges (first row, first column, last row, last column; from 1)."""
    return _scan(path, title)[1]


def hidden_rows(path: Path, title: str) -> set[int]:
    """The rows a sheet hides (from 1): hidden by hand, or filtered out, or zero high (Excel
    shows none of them); a row written without its number (``r``, as other tools may write
    them) is the one after the row before it."""
    hidden: set[int] = set()
    number = 0
    with zipfile.ZipFile(path) as archive, archive.open(_sheet_part(archive, title)) as xml:
        for _, element in ElementTree.iterparse(xml):
            if _local(element.tag) == "row":
                written = element.get("r")
                number = int(written) if written and written.isdigit() else number + 1
                height = element.get("ht")
                if element.get("hidden") in ("1", "true") or _zero(height):
                    hidden.add(number)
                element.clear()
    return hidden


def _zero(height: str | None) -> bool:
    """Whether a row's height (``ht``) is 0: a row no one sees."""
    try:
        return height is not None and float(height) == 0.0
    except ValueError:
        return False


def _marked(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether a sheet's XML has a formula or a merged range at all (read in pieces)."""
    tail = b""
    with archive.open(part) as xml:
        while chunk := xml.read(1 << 20):
            if _MARKS.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _scan(path: Path, title: str) -> tuple[dict[tuple[int, int], str], list[tuple[int, ...]]]:
    """What openpyxl does not say of a sheet: its formulas saved without a result (by row and
    column, from 1: see :func:`formula_cells`) and its merged ranges (first row, first column,
    last row, last column)."""
    formulas: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, ...]] = []
    with zipfile.ZipFile(path) as archive:
        part = _sheet_part(archive, title)
        if not _marked(archive, part):
            return formulas, merged
        untrusted = _recalculated(archive)  # a saved value is no result of Excel's
        with archive.open(part) as xml:
            row = column = 0
            pending: list[tuple[int, str]] = []  # the unsaved formulas of the row
            for _, element in ElementTree.iterparse(xml):
                tag = _local(element.tag)
                if tag == "c":
                    where = element.get("r")
                    column = _coordinate(where)[1] if where else column + 1
                    parts = {_local(child.tag): child for child in element}
                    value = parts.get("v")
                    typed = element.get("t") in ("str", "s", "inlineStr")
                    unsaved = value is None or not (value.text or typed)
                    if "f" in parts and (untrusted or unsaved):
                        pending.append((column, "=" + (parts["f"].text or "…")))
                elif tag == "row":
                    row, column = int(element.get("r") or row + 1), 0
                    formulas.update(((row, c), text) for c, text in pending)
                    pending = []
                    element.clear()
                elif tag == "mergeCell":
                    first, _, last = element.get("ref", "").partition(":")
                    merged.append((*_coordinate(first), *_coordinate(last or first)))
    return formulas, merged


def _grid(path: Path, sheet: str | None) -> tuple[list[list[str | None]], str]:
    """Every row of the sheet (from row 1) as the text of its cells, and the sheet's name."""
    openpyxl = import_optional("openpyxl", extra="xlsx", purpose="reading .xlsx")
    # rich text: openpyxl then leaves Excel's _xHHHH_ escapes to cell_text, as in every cell
    workbook = open_workbook(openpyxl, path, read_only=True, data_only=True, rich_text=True)
    try:
        shown = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]  # not hidden
        chosen = workbook[sheet] if sheet in workbook.sheetnames else [*shown, workbook.active][0]
        chosen.reset_dimensions()  # the size a file records may be wrong: read every row
        held = escaped_texts(path).get(chosen.title, {})  # escapes, raised runs ("85¹")
        grid = [
            [
                cell_text(held.get((r, c), cell.value), cell.number_format)
                for c, cell in enumerate(row, 1)
            ]
            for r, row in enumerate(chosen.iter_rows(), 1)
        ]
        return grid, chosen.title
    finally:
        workbook.close()


def table_sheets(path: Path, headings: tuple[str, ...], *, folded: bool = False) -> list[str]:
    """The visible sheets whose first row holds every one of ``headings`` (a sheet a year);
    ``folded``: in any case (``Indicator``)."""
    openpyxl = import_optional("openpyxl", extra="xlsx", purpose="reading .xlsx")
    try:
        workbook = open_workbook(openpyxl, path, read_only=True, data_only=True)
    except Exception:  # the reader of the sheet names what is wrong with the file
        return []
    try:
        shown = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
        first = {ws.title: next(ws.iter_rows(max_row=1, values_only=True), ()) for ws in shown}

        def written(cell: object) -> str:
            return str(cell).strip().casefold() if folded else str(cell).strip()

        return [t for t, row in first.items() if set(headings) <= {written(c) for c in row}]
    finally:
        workbook.close()


def xlsx_table(path: Path, sheet: str | None) -> RawTable:
    """The cells of a ``.xlsx`` sheet (``sheet``, else the first visible) as text, by sheet
    row: a value merged down on each row; one merged across, a formula without its result,
    problems naming their rows.

    Raises:
        UnknownFormatError: Not a workbook.
        MissingDependencyError: openpyxl is not installed.
    """
    try:
        grid, title = _grid(path, sheet)
        formulas, merged = _scan(path, title)
    except Kh922Error:
        raise
    except Exception as error:  # the errors for a file that is no workbook vary
        raise not_readable(path, f"not an Excel workbook ({type(error).__name__}):") from None
    width = max((len(row) for row in grid), default=0)
    grid = [row + [None] * (width - len(row)) for row in grid]
    if not grid:
        return RawTable([], _frame([], [], []))
    header = [(text or "").strip() for text in grid[0]]
    problems: dict[tuple[str, str], tuple[list[int], list[str]]] = {}

    def report(column: int, what: str, row: int, value: str) -> None:
        named = header[column - 1] if column <= len(header) else ""
        name = named or f"column {column_letter(column - 1)}"
        lines, values = problems.setdefault((name, what), ([], []))
        lines.append(row)
        values.append(value)

    for first_row, first_column, last_row, last_column in merged:
        inside = first_row <= len(grid) and first_column <= width
        top = grid[first_row - 1][first_column - 1] if inside else None
        if last_row < 2 or top is None:
            continue
        if first_column != last_column:
            span = f"{column_letter(first_column - 1)}:{column_letter(last_column - 1)}"
            what = f"a value merged across columns {span}: one value to a cell"
            report(first_column, what, max(first_row, 2), top)
        elif first_row >= 2:
            for row in range(first_row + 1, min(last_row, len(grid)) + 1):
                grid[row - 1][first_column - 1] = top
    what = (
        "a formula saved without its value (the file was written by a program): "
        "open it in Excel and save it, or type the value"
    )
    for (row, column), formula in sorted(formulas.items()):
        report(column, what, row, formula)
    for row in sorted(r for r in hidden_rows(path, title) if 2 <= r <= len(grid)):
        shown = next((text for text in grid[row - 1] if text), None)
        if shown is not None:  # a row hidden, or filtered out: read, or not?
            report(1, "the row is hidden (filtered out?): show it, or delete it", row, shown)
    found = [problem_at(n, w, path, lines, vs) for (n, w), (lines, vs) in problems.items()]
    return RawTable(header, _frame(header, grid[1:], list(range(2, len(grid) + 1))), found)
