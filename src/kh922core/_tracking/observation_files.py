"""Observation files as officials have them: read into the engine's input columns.

Officials keep their figures in Excel.  A CSV saved by Excel in a Vietnamese locale is separated
by ``;`` (the comma is the decimal mark) and often starts with a byte-order mark; its numbers are
text written the Vietnamese way (``12.000`` is twelve thousand, ``49,5`` is 49.5).  This room
reads such files, ``.xlsx`` workbooks and ``.parquet`` files with :func:`read_observations`, and
a filled reporting template (the file :func:`kh922core.write_reporting_template` writes) with
:func:`read_reporting_template`; :func:`read_observations` recognises a template by its columns.
``sheet_cells`` reads the cells as the spreadsheet shows them, each with its row, and
``observation_values`` reads the numbers, years and assessments (with the rules of
:func:`kh922core.parse_number`, for a whole column at once); every cell is read or reported.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import polars as pl

from kh922core._output_formats import format_for
from kh922core._text import did_you_mean
from kh922core._tracking.observation_values import cells, typed, vietnamese_number
from kh922core._tracking.sheet_cells import (
    LINE,
    RawTable,
    column_letter,
    csv_table,
    not_readable,
    table_sheets,
    xlsx_table,
)
from kh922core.errors import (
    MissingFileError,
    ObservationError,
    ObservationProblem,
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
_REQUIRED = ("indicator", "value")
_READABLE = ("csv", "xlsx", "parquet")
_LINE = LINE


def _named(raw: RawTable, source: Path) -> pl.DataFrame:
    """The columns of a table read by position, named by their headings.

    Raises:
        ObservationError: The problems of its cells, a heading given to two columns, or
            values in a column without a heading (with their rows).
    """
    problems = list(raw.problems)
    places: defaultdict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(raw.header):
        places[name].append(index)
    for name, where in places.items():
        letters = " and ".join(column_letter(i) for i in where)
        if name and len(where) > 1:
            message = (
                f"is the heading of {len(where)} columns of {source.name} ({letters}): keep one"
            )
            problems.append(ObservationProblem(column=name, message=message))
        elif not name:
            for index in where:
                problems += cells(
                    raw.frame,
                    pl.col(f"c{index}").str.strip_chars().replace("", None).is_not_null(),
                    f"column {column_letter(index)}",
                    source,
                    "holds values but has no heading: give it one, or clear it",
                    shown=pl.col(f"c{index}"),
                )
    if problems:
        raise ObservationError(problems)
    named = [i for i, name in enumerate(raw.header) if name]
    return raw.frame.select(
        *(pl.col(f"c{i}").str.strip_chars().replace("", None).alias(raw.header[i]) for i in named),
        pl.col(LINE),
    )


def _text_with_lines(path: str | os.PathLike[str], sheet: str | None) -> pl.DataFrame:
    """:func:`read_table_text`, with the row of each row in the file (a private column)."""
    source = Path(path)
    kind = format_for(source, among=("csv", "xlsx")).name
    if not source.is_file():
        raise MissingFileError(f"no such file: {os.fspath(path)!r}", os.fspath(path))
    raw = csv_table(source) if kind == "csv" else xlsx_table(source, sheet)
    frame = _named(raw, source)
    return frame.filter(~pl.all_horizontal(pl.exclude(_LINE).is_null()))


def read_table_text(path: str | os.PathLike[str], *, sheet: str | None = None) -> pl.DataFrame:
    """A ``.csv`` or ``.xlsx`` table with every cell as text, as people typed it.

    The CSV separator (``;``, ``,`` or tab) is found from the header line; a byte-order mark
    and lines starting with ``#`` are skipped; ``.xlsx`` cells (of ``sheet``, else the first
    sheet) become the text Excel shows, numbers so that :func:`vietnamese_number` reads them
    back exactly (a percent-formatted ``0.55`` is ``55%``, a date ``2025-05-31``), a value
    merged down over several rows on each of them.  Cells are stripped, blank cells are null,
    and blank rows and empty columns without a heading are dropped.

    Raises:
        MissingFileError: No such file.
        UnknownFormatError: Not a ``.csv`` or ``.xlsx`` file, or not what its name says.
        ObservationError: Cells that cannot be read, by the row the spreadsheet shows: a
            formula saved without its value, a value merged across columns, a heading given
            to two columns, values in a column without a heading.

    Examples:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "xong.csv"
        >>> _ = path.write_bytes("task_id;completed_on\\ntask-07;2025-06-15\\n".encode("utf-8-sig"))
        >>> read_table_text(path).rows()
        [('task-07', '2025-06-15')]
    """
    return _text_with_lines(path, sheet).drop(_LINE)


#: Headings people write for the optional columns the engine reads, which it would take as keys.
_NEAR_NAMES = {
    "năm": "year",
    "đơn vị": "unit",
    "đơn vị tính": "unit",
    "đvt": "unit",
    "đánh giá": "assessment",
}
#: (a required column missing is named with the closest heading by :func:`_require`)
_READ_COLUMNS = ("unit", "year", "assessment", "cohort_size")


def _refuse_near_names(columns: list[str], source: Path) -> None:
    """Refuse a heading the engine would take as a key column though it names one it reads
    (``Unit``, ``Year``, ``năm``, ``đơn vị``): its values would be read as keys, not as what
    they are (a fraction as a percentage, a year as a key)."""
    problems = []
    for column in columns:
        folded = " ".join(column.split()).casefold()
        meant = folded if folded in _READ_COLUMNS else _NEAR_NAMES.get(folded)
        if meant is not None and column != meant:
            message = (
                f"of {source.name} would be a key column: name it {meant!r} (the column the "
                "engine reads)"
            )
            problems.append(ObservationProblem(column=column, message=message))
    if problems:
        raise ObservationError(problems)


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


def read_observations(path: str | os.PathLike[str], *, source_rows: bool = False) -> pl.DataFrame:
    """Read observations from a file as officials have it, for :func:`kh922core.evaluate`.

    * ``.csv``: separated by ``;`` (as Excel saves it in a Vietnamese locale) or ``,``,
      UTF-8 with or without a byte-order mark, lines starting with ``#`` skipped; numbers
      written the Vietnamese way (``12.000`` is 12000, ``49,5`` is 49.5, ``6.388,3``) or with a
      single decimal point (``0.75``), as :func:`kh922core.parse_number` reads them;
    * ``.xlsx`` (its first visible sheet, or each visible sheet whose first row names
      ``indicator`` and ``value``, with a ``source_sheet`` column; needs the ``xlsx`` extra):
      the same, cells typed or as text;
    * ``.parquet``: as it is;
    * a filled reporting template (``.csv`` or ``.xlsx``, recognised by its columns): read with
      :func:`read_reporting_template`.

    Args:
        path: The file.
        source_rows: Add ``source_row``, each row's number as the spreadsheet shows it (of a
            ``.csv`` or ``.xlsx`` table), so that a later check can name the row.

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
        raise not_readable(source, "cannot read observations from")
    if format_for(source).name == "parquet":
        try:
            frame = pl.read_parquet(source)
        except pl.exceptions.PolarsError as error:
            raise not_readable(source, f"not a Parquet file ({type(error).__name__}):") from None
        _refuse_near_names(frame.columns, source)
        if frame.schema.get("value") == pl.Float32:  # 0.7 as written, not 0.699999988079071
            frame = frame.with_columns(pl.col("value").cast(pl.String).cast(pl.Float64))
        return frame
    table = _text_with_lines(source, None)
    if set(table.columns) >= _TEMPLATE_MARKS:
        return read_reporting_template(source)
    _refuse_near_names([c for c in table.columns if c != _LINE], source)
    _require(table, ("indicator", "value"), source, "required column")
    sheets = (
        table_sheets(source, ("indicator", "value")) if format_for(source).name == "xlsx" else []
    )
    if sheets:  # a sheet headed "Indicator", "Value" would be dropped: named instead
        other = [t for t in table_sheets(source, _REQUIRED, folded=True) if t not in sheets]
        if other:
            raise ObservationError(
                [
                    ObservationProblem(
                        column="indicator",
                        message=f"sheet {t!r} of {source.name} is headed in other case: name "
                        "its columns 'indicator', 'value' … as the first sheet's, or delete it",
                    )
                    for t in other
                ]
            )
    if len(sheets) > 1:  # one sheet a year: every one is read, each row with its sheet
        frames = [
            _sheet_year(
                _rows(typed(_text_with_lines(source, name), source), source_rows), name
            ).with_columns(pl.lit(name).alias("source_sheet"))
            for name in sheets
        ]
        return pl.concat(frames, how="diagonal_relaxed")
    return _rows(typed(table, source), source_rows)


def _sheet_year(frame: pl.DataFrame, sheet: str) -> pl.DataFrame:
    """A sheet's rows with the year its name says (``2025``, ``Năm 2025``) where they have no
    ``year`` column: one sheet a year."""
    named = re.fullmatch(r"\s*(?:năm\s+)?((?:19|20|21)\d\d)\s*", sheet, re.IGNORECASE)
    if "year" in frame.columns or named is None:
        return frame
    return frame.with_columns(pl.lit(int(named.group(1)), dtype=pl.Int64).alias("year"))


def _rows(frame: pl.DataFrame, keep: bool) -> pl.DataFrame:
    """``frame`` without its private row numbers, or with them as ``source_row``; a table
    that names its rows' sources itself (one ``kh922 collect`` wrote) keeps its own."""
    if keep and "source_row" not in frame.columns:
        return frame.rename({_LINE: "source_row"})
    return frame.drop(_LINE)


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
    last = vietnamese_number(pl.col("last_value")) if "last_value" in table.columns else None
    read = typed(table, source, reference=last)
    filled = read.filter(pl.col("value").is_not_null() | pl.col("assessment").is_not_null())
    problems = cells(filled, pl.col("indicator").is_null(), "indicator", source, "is empty")
    if problems:
        raise ObservationError(problems)
    columns = ["indicator", "value", "unit", "year", "assessment"]
    frame = filled.unique(subset=columns, keep="first", maintain_order=True)
    clash = pl.struct("indicator", "year").is_duplicated()
    what = "has different values (or units) for the same indicator and year"
    shown = pl.format("{} {}: {} {}", *(pl.col(c) for c in ("indicator", "year", "value", "unit")))
    problems = cells(frame, clash, "value", source, what, shown=shown)
    if problems:
        raise ObservationError(problems)
    return frame.select(columns)
