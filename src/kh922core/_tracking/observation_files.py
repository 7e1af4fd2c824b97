"""Observation files as officials have them: read into the engine's input columns.

Officials keep their figures in Excel.  A CSV saved by Excel in a Vietnamese locale is separated
by ``;`` (the comma is the decimal mark) and often starts with a byte-order mark; its numbers are
text written the Vietnamese way (``12.000`` is twelve thousand, ``49,5`` is 49.5).  This room
reads such files, ``.xlsx`` workbooks and ``.parquet`` files with :func:`read_observations`, and
a filled reporting template (the file :func:`kh922core.write_reporting_template` writes) with
:func:`read_reporting_template`; :func:`read_observations` recognises a template by its columns.
Numbers are read with the rules of :func:`kh922core.parse_number`, for a whole column at once.
"""

from __future__ import annotations

import io
import os
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import polars as pl

from kh922core._output_formats import format_for, read_sheet_cells
from kh922core._text import did_you_mean
from kh922core.errors import (
    Kh922Error,
    MissingFileError,
    ObservationError,
    ObservationProblem,
    UnknownFormatError,
)

__all__ = [
    "TEMPLATE_SHEET",
    "read_observations",
    "read_reporting_template",
    "read_table_text",
    "vietnamese_number",
]

#: The sheet of an ``.xlsx`` template that holds the table.
TEMPLATE_SHEET = "template"
#: Columns only a reporting template has: a file with all of them is read as one.
_TEMPLATE_MARKS = frozenset({"target_id", "last_year", "last_value"})
_READABLE = ("csv", "xlsx", "parquet")
#: The file line of each row of a table read as text (a private column, dropped before return).
_LINE = "_kh922_line"
_SEPARATORS = (";", ",", "\t")
#: Assessments as people write them (compared lower case, single spaces).
_TRUE = ("true", "1", "yes", "có", "đạt", "x")
_FALSE = ("false", "0", "no", "không", "không đạt")
#: A Vietnamese number: digits or thousands in groups of three after dots, then ``,`` decimals.
_VIETNAMESE = r"^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$"
#: A single decimal point, when the dot cannot separate thousands (``0.75``).
_POINT = r"^\d+\.\d+$"


def vietnamese_number(expr: pl.Expr, *, percent: bool = False) -> pl.Expr:
    """A text column read as numbers with the rules of :func:`kh922core.parse_number`.

    Blank text is null; text that is not a number is null too (compare with the input to find
    it).  With ``percent``, a trailing ``%`` is allowed (``55%`` is 55).

    Examples:
        >>> texts = pl.Series(["12.000", "49,5", "6.388,3", "0.75", "−2", " ", "nhiều"])
        >>> pl.select(vietnamese_number(pl.lit(texts))).to_series().to_list()
        [12000.0, 49.5, 6388.3, 0.75, -2.0, None, None]
    """
    text = expr.cast(pl.String).str.strip_chars()
    if percent:
        text = text.str.replace(r"\s*%$", "")
    negative = text.str.contains(r"^[-−]")
    body = text.str.replace(r"^[-−]", "")
    whole = body.str.extract(_VIETNAMESE, 1).str.replace_all(".", "", literal=True)
    decimals = body.str.extract(_VIETNAMESE, 2).fill_null("0")
    literal = (
        pl.when(whole.is_not_null())
        .then(pl.concat_str([whole, pl.lit("."), decimals]))
        .when(body.str.contains(_POINT))
        .then(body)
    )
    magnitude = literal.cast(pl.Float64, strict=False)
    return pl.when(negative).then(-magnitude).otherwise(magnitude)


def _flag(expr: pl.Expr) -> pl.Expr:
    """``đạt``/``không đạt``, ``có``/``không``, true/false, 1/0 as Booleans (others: null)."""
    folded = (
        expr.cast(pl.String).str.normalize("NFC").str.to_lowercase().str.replace_all(r"\s+", " ")
    )
    words = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
    return folded.str.strip_chars().replace_strict(words, default=None, return_dtype=pl.Boolean)


def _cell_text(cell: object) -> str | None:
    """An ``.xlsx`` cell as text that :func:`vietnamese_number` reads back exactly."""
    if cell is None or isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            return None
        if cell.is_integer():
            return str(int(cell))
        return format(Decimal(repr(cell)), "f").replace(".", ",")
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time(0) else cell.isoformat(sep=" ")
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell)


def _separator(text: str) -> str:
    """The separator of a CSV text: the commonest of ``;``, ``,`` and tab in its header line."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    outside = "".join(part for i, part in enumerate(header.split('"')) if i % 2 == 0)
    counts = {s: outside.count(s) for s in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda s: (counts[s], s == ","))
    return best if counts[best] else ","


def _not_readable(path: Path, why: str) -> UnknownFormatError:
    readable = [format_for(n) for n in _READABLE]
    return UnknownFormatError(str(path), [(f.name, f.suffixes) for f in readable], why=why)


def _csv_text(path: Path) -> pl.DataFrame:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_readable(
            path,
            f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at {error.start}; "
            "in Excel, save it as 'CSV UTF-8'):",
        ) from None
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip() and line[0] != "#"), 0)
    kept = ["" if line.startswith("#") else line for line in lines[first:]]
    try:
        frame = pl.read_csv(
            io.StringIO("\n".join(kept) + "\n"),
            separator=_separator(kept[0] if kept else ""),
            infer_schema=False,
        )
    except pl.exceptions.PolarsError as error:
        detail = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
        raise _not_readable(path, f"not a CSV table ({detail}):") from None
    return frame.with_columns((pl.int_range(pl.len()) + first + 2).alias(_LINE))


def _xlsx_text(path: Path, sheet: str | None) -> pl.DataFrame:
    try:
        rows = read_sheet_cells(path, sheet=sheet)
    except Kh922Error:
        raise
    except Exception as error:  # openpyxl's errors for a file that is no workbook vary
        raise _not_readable(path, f"not an Excel workbook ({type(error).__name__}):") from None
    header = list(dict.fromkeys(k for row in rows[:1] for k in row))
    columns = {c: [_cell_text(row.get(c)) for row in rows] for c in header}
    frame = pl.DataFrame(columns, schema=dict.fromkeys(header, pl.String))
    return frame.with_columns((pl.int_range(pl.len()) + 2).alias(_LINE))


def _text_with_lines(path: str | os.PathLike[str], sheet: str | None) -> pl.DataFrame:
    """:func:`read_table_text`, with the line of each row in the file (a private column)."""
    source = Path(path)
    kind = format_for(source, among=("csv", "xlsx")).name
    if not source.is_file():
        raise MissingFileError(f"no such file: {os.fspath(path)!r}", os.fspath(path))
    frame = _csv_text(source) if kind == "csv" else _xlsx_text(source, sheet)
    cells = [c for c in frame.columns if c != _LINE]
    frame = frame.with_columns(
        pl.col(c).str.strip_chars().replace("", None).alias(c.strip()) for c in cells
    ).select(c.strip() for c in [*cells, _LINE])
    unnamed = [
        c
        for c in frame.columns
        if (not c or c.startswith("_duplicated_")) and frame[c].null_count() == frame.height
    ]
    frame = frame.drop(unnamed)
    return frame.filter(~pl.all_horizontal(pl.exclude(_LINE).is_null()))


def read_table_text(path: str | os.PathLike[str], *, sheet: str | None = None) -> pl.DataFrame:
    """A ``.csv`` or ``.xlsx`` table with every cell as text, as people typed it.

    The CSV separator (``;``, ``,`` or tab) is found from the header line; a byte-order mark
    and lines starting with ``#`` are skipped; ``.xlsx`` cells (of ``sheet``, else the first
    sheet) become text, numbers so that :func:`vietnamese_number` reads them back exactly.
    Cells are stripped, blank cells are null, and blank rows and unnamed empty columns are
    dropped.

    Raises:
        MissingFileError: No such file.
        UnknownFormatError: Not a ``.csv`` or ``.xlsx`` file, or not what its name says.

    Examples:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "xong.csv"
        >>> _ = path.write_bytes("task_id;completed_on\\ntask-07;2025-06-15\\n".encode("utf-8-sig"))
        >>> read_table_text(path).rows()
        [('task-07', '2025-06-15')]
    """
    return _text_with_lines(path, sheet).drop(_LINE)


def _cells(
    frame: pl.DataFrame, mask: pl.Expr, column: str, source: Path, what: str
) -> list[ObservationProblem]:
    """The rows where ``mask`` holds, as one problem naming their lines in the file."""
    bad = frame.filter(mask)
    if bad.is_empty():
        return []
    lines = [str(n) for n in bad[_LINE].head(20).to_list()]
    where = f"row {lines[0]}" if len(lines) == 1 else f"rows {', '.join(lines)}"
    more = ", …" if bad.height > len(lines) else ""
    return [
        ObservationProblem(
            column=column,
            message=f"{what} ({source.name}, {where}{more})",
            values=tuple(str(v) for v in bad[column].head(20).to_list()),
            count=bad.height,
        )
    ]


#: The engine's input columns that are not text, and their types.
_TYPED = {"value": pl.Float64, "year": pl.Int64, "cohort_size": pl.Int64, "assessment": pl.Boolean}
_WHY = {
    "value": "cannot be read as a number (numbers are written 12.000 or 49,5)",
    "year": "cannot be read as a year",
    "cohort_size": "cannot be read as a whole number",
    "assessment": "cannot be read as đạt/không đạt (or có/không, true/false)",
}


def _typed(frame: pl.DataFrame, source: Path, *, percent: bool = False) -> pl.DataFrame:
    """The engine's input columns of a text table read: numbers, whole numbers, assessments.

    Raises:
        ObservationError: Cells that cannot be read (each column's rows, by line in the file).
    """
    present = [c for c in _TYPED if c in frame.columns]
    read = {
        c: _flag(pl.col(c)) if c == "assessment" else vietnamese_number(pl.col(c), percent=percent)
        for c in present
    }
    parsed = frame.with_columns(expr.alias(f"_read_{c}") for c, expr in read.items())
    problems: list[ObservationProblem] = []
    for column in present:
        got = pl.col(f"_read_{column}")
        bad = pl.col(column).is_not_null() & got.is_null()
        if _TYPED[column] == pl.Int64:
            bad = bad | (got != got.floor()).fill_null(False)
        problems += _cells(parsed, bad, column, source, _WHY[column])
    if problems:
        raise ObservationError(problems)
    typed = parsed.with_columns(pl.col(f"_read_{c}").cast(_TYPED[c]).alias(c) for c in present)
    return typed.drop(f"_read_{c}" for c in present)


def _require(table: pl.DataFrame, columns: tuple[str, ...], source: Path, what: str) -> None:
    found = [c for c in table.columns if c != _LINE]
    missing = [c for c in columns if c not in found]
    if missing:
        listed = ", ".join(repr(c) for c in found) or "none"
        raise ObservationError(
            [
                ObservationProblem(
                    column=c,
                    message=f"{what} is missing from {source.name} (its columns: {listed})"
                    + did_you_mean(c, found),
                )
                for c in missing
            ]
        )


def read_observations(path: str | os.PathLike[str]) -> pl.DataFrame:
    """Read observations from a file as officials have it, for :func:`kh922core.evaluate`.

    * ``.csv``: separated by ``;`` (as Excel saves it in a Vietnamese locale) or ``,``,
      UTF-8 with or without a byte-order mark, lines starting with ``#`` skipped; numbers
      written the Vietnamese way (``12.000`` is 12000, ``49,5`` is 49.5, ``6.388,3``) or with a
      single decimal point (``0.75``), as :func:`kh922core.parse_number` reads them;
    * ``.xlsx`` (its first sheet; needs the ``xlsx`` extra): the same, cells typed or as text;
    * ``.parquet``: as it is;
    * a filled reporting template (``.csv`` or ``.xlsx``, recognised by its columns): read with
      :func:`read_reporting_template`.

    Returns:
        The table with ``value`` as Float64, ``year`` and ``cohort_size`` as Int64 and
        ``assessment`` as Boolean (where present); every other column as text.

    Raises:
        MissingFileError: No such file.
        UnknownFormatError: Not a ``.csv``, ``.xlsx`` or ``.parquet`` file, or a file that is
            not what its name says (not UTF-8 text, not a workbook); the message names it.
        ObservationError: A required column (``indicator``, ``value``) is missing (the message
            lists the columns found and suggests the closest), or cells cannot be read (by
            line in the file).

    Examples:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "so-lieu.csv"
        >>> _ = path.write_text("indicator;year;value\\nhdi;2024;0,75\\n", encoding="utf-8-sig")
        >>> read_observations(path).rows()
        [('hdi', 2024, 0.75)]
    """
    source = Path(path)
    if not source.is_file():
        raise MissingFileError(f"no observations file {os.fspath(path)!r}", os.fspath(path))
    suffix = source.name.lower()
    if not any(suffix.endswith(s) for n in _READABLE for s in format_for(n).suffixes):
        raise _not_readable(source, "cannot read observations from")
    if format_for(source).name == "parquet":
        try:
            return pl.read_parquet(source)
        except pl.exceptions.PolarsError as error:
            raise _not_readable(source, f"not a Parquet file ({type(error).__name__}):") from None
    table = _text_with_lines(source, None)
    if set(table.columns) >= _TEMPLATE_MARKS:
        return read_reporting_template(source)
    _require(table, ("indicator", "value"), source, "required column")
    return _typed(table, source).drop(_LINE)


def read_reporting_template(path: str | os.PathLike[str]) -> pl.DataFrame:
    """Read a filled reporting template back as observations for ``evaluate``/``progress``.

    Rows whose ``value`` and ``assessment`` are both empty are dropped.  Numbers may be written
    the Vietnamese way (``0,7``, ``12.000``, ``55%``); assessments as ``đạt``/``không đạt``,
    ``có``/``không`` or true/false.  A ``.csv`` may be separated by ``;`` or ``,`` (as Excel
    saves it), with or without a byte-order mark.  A value repeated on two rows of the same
    indicator (one indicator with targets for 2030 and 2045) counts once.

    Returns:
        A frame with the engine's input columns ``indicator``, ``value``, ``unit``, ``year`` and
        ``assessment``.

    Raises:
        ObservationError: A missing column, an unreadable cell (its row in the file), or two
            different values for the same indicator and year.
        UnknownFormatError: Not a ``.csv`` or ``.xlsx`` file.
    """
    source = Path(path)
    table = _text_with_lines(source, TEMPLATE_SHEET)
    if table.height:
        _require(table, ("indicator", "value", "unit", "year"), source, "template column")
    table = table.with_columns(
        pl.lit(None, dtype=pl.String).alias(c)
        for c in ("indicator", "value", "unit", "year", "assessment")
        if c not in table.columns
    )
    typed = _typed(table, source, percent=True)
    filled = typed.filter(pl.col("value").is_not_null() | pl.col("assessment").is_not_null())
    problems = _cells(filled, pl.col("indicator").is_null(), "indicator", source, "is empty")
    if problems:
        raise ObservationError(problems)
    frame = filled.select("indicator", "value", "unit", "year", "assessment").unique(
        maintain_order=True
    )
    clash = frame.select(pl.struct("indicator", "year").is_duplicated()).to_series()
    if clash.any():
        shown = frame.filter(clash).select("indicator", "year").unique(maintain_order=True)
        raise ObservationError(
            [
                ObservationProblem(
                    column="value",
                    message="different values (or units) for the same indicator and year",
                    values=tuple(str(r) for r in shown.head(20).iter_rows()),
                    count=shown.height,
                )
            ]
        )
    return frame
