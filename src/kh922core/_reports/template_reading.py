"""One filled file read back: a template as Excel or LibreOffice saved it, or an observation
table, into observations with their provenance (file, sheet, row) and the cells refused.

A template's columns are found by the hidden row of keys (``kh922:value`` …), which moves with
its column when someone inserts or reorders columns, else by their headings (Vietnamese or
English, as written); its rows by their ``Mã``.  Each refused cell is kept with its file, sheet,
row and reason, never dropped in silence.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.agency_templates import CSV_MARK, KEY_PREFIX, META_SHEET, TEMPLATE_COLUMNS
from kh922core._reports.assessment_checks import assessment_flag, contradicted
from kh922core._reports.file_readings import FileReading, Rejection
from kh922core._reports.hidden_rows import HIDDEN_ROWS, hidden_rows_of, without_hidden_rows
from kh922core._reports.merged_values import MERGED, merged_key, merged_values
from kh922core._reports.moved_csv_rows import overflowing
from kh922core._reports.observation_tables import PROVENANCE, observation_frame
from kh922core._reports.report_words import all_headings, heading_of
from kh922core._reports.stray_numbers import (
    misplaced_numbers,
    stray_rejections,
    values_left_out,
)
from kh922core._reports.template_duties import foreign_rows
from kh922core._reports.template_rows import swapped_headings, template_frame
from kh922core._reports.template_titles import (
    other_agency,
    other_plan,
    title_identity,
    unkeyed,
)
from kh922core._reports.withheld_rows import withheld_keys
from kh922core._reports.year_cells import estimate_mark, year_typed
from kh922core._text import decode_csv, fold
from kh922core._tracking import (
    cell_text,
    escaped_texts,
    formula_cells,
    merged_ranges,
    vietnamese_number,
)
from kh922core.errors import (
    Kh922Error,
    MissingFileError,
    UnknownFormatError,
)

__all__ = ["PROVENANCE", "FileReading", "Rejection", "read_filled_file"]

_FORMATS = [("xlsx", (".xlsx",)), ("csv", (".csv",)), ("parquet", (".parquet", ".pq"))]
_LABELS = {fold(h): c.key for c in TEMPLATE_COLUMNS for h in all_headings(c.label)}
_HEADINGS = {**_LABELS, **{c.key: c.key for c in TEMPLATE_COLUMNS}}  # "Indicator" is a label
_STARTS = {
    c.key: tuple(f"{h} " for h, key in _HEADINGS.items() if key == c.key) for c in TEMPLATE_COLUMNS
}
_PERCENT_UNIT = r"(?i)^\s*(%|phần trăm)"
_ONE_GROUP = r"^[-−]?\d{1,3}\.\d{3}\s*%?$"
_RANK_UNIT = r"(?i)^\s*(thứ\s+bậc|thứ\s+hạng|xếp\s+hạng|hạng|bậc)\s*$"  # a rank is below 1.000
_TEXT = dict.fromkeys(("indicator", "value", "unit", "year", "assessment", "note"), pl.String)


#: The start of a metadata key that names a hidden sheet (listed, never read).
_HIDDEN = "\x00hidden sheet:"
_HIDDEN_SHEET = (
    "the sheet is hidden (an old copy, a draft?): none of its cells is read; unhide it if it "
    "holds the figures, or delete it"
)


def _not_a_template(path: Path, why: str) -> UnknownFormatError:
    return UnknownFormatError(
        str(path), _FORMATS, why=f"not a reporting template or an observation table ({why}):"
    )


def _xlsx_grids(path: Path) -> tuple[list[tuple[str, list[list[str | None]]]], dict[str, str]]:
    """Every sheet's rows as text, and the template's metadata (its very hidden sheet)."""
    from kh922core._output_formats import import_optional, open_workbook

    openpyxl = import_optional("openpyxl", extra="xlsx", purpose="reading .xlsx")
    try:
        # rich text: openpyxl then leaves Excel's _xHHHH_ escapes to cell_text, decoded once
        book = open_workbook(openpyxl, path, read_only=True, data_only=True, rich_text=True)
    except Exception as error:  # the errors of a file that is no workbook vary
        raise _not_a_template(path, f"not an Excel workbook: {type(error).__name__}") from None
    try:
        return _sheets(path, book)
    except Kh922Error:
        raise
    except Exception as error:  # a cell the reader cannot read ("abc" stored as a number)
        raise _not_a_template(path, f"a sheet cannot be read: {type(error).__name__}") from None
    finally:
        book.close()


def _sheets(
    path: Path, book: Any
) -> tuple[list[tuple[str, list[list[str | None]]]], dict[str, str]]:
    """Every sheet of an open workbook as rows of text, and the template's metadata."""
    grids, meta = [], {}
    escaped = escaped_texts(path)  # where openpyxl would misread Excel's escapes
    for sheet in book.worksheets:
        sheet.reset_dimensions()
        texts = escaped.get(sheet.title, {})
        rows = [
            [
                cell_text(texts.get((number, column), c.value), c.number_format)
                for column, c in enumerate(r, start=1)
            ]
            for number, r in enumerate(sheet.iter_rows(), start=1)
        ]
        for (row, column), formula in formula_cells(path, sheet.title).items():
            if row <= len(rows):
                _put(rows, row, column, formula)  # refused by name (a formula's check)
        for top, column, bottom, right in merged_ranges(path, sheet.title):
            if bottom > top:  # checked once the columns are known (merged_values)
                meta[merged_key(sheet.title, top, (column, right), bottom)] = "merged"
            if right == column and top <= len(rows):  # merged down: on each row it covers
                value = _put(rows, top, column, None)
                for row in range(top + 1, min(bottom, len(rows)) + 1):
                    _put(rows, row, column, value)
        meta |= hidden_rows_of(path, sheet.title)
        if sheet.title == META_SHEET:
            meta |= {str(r[0]): str(r[1]) for r in rows if len(r) > 1 and r[0] and r[1]}
        elif sheet.sheet_state != "visible":  # an old copy, a draft: listed, never read
            if any(any(row) for row in rows):
                meta[f"{_HIDDEN}{sheet.title}"] = "hidden"
        else:
            grids.append((sheet.title, rows))
    return grids, meta


def _put(rows: list[list[str | None]], row: int, column: int, value: str | None) -> str | None:
    """Write ``value`` at a sheet's ``row`` and ``column`` (from 1; ``None``: leave the cell as
    it is), widening the row as needed; the cell's value."""
    cells = rows[row - 1]
    cells += [None] * (column - len(cells))
    if value is not None:
        cells[column - 1] = value
    return cells[column - 1]


def _csv_grid(path: Path) -> tuple[list[tuple[str, list[list[str | None]]]], dict[str, str]]:
    try:
        text = decode_csv(path.read_bytes())
    except UnicodeDecodeError:
        raise _not_a_template(path, "not UTF-8 text; in Excel, save it as 'CSV UTF-8'") from None
    lines = text.splitlines()
    said = re.fullmatch(r"\s*[\"']?sep=(.)[\"']?\s*", lines[0] if lines else "", re.IGNORECASE)
    if said is not None:  # Excel's "sep=;" first line names the separator
        text = text.split("\n", 1)[1] if "\n" in text else ""
    heads = [
        line for line in lines[bool(said) :] if not line.startswith(("#", '"#')) and line.strip()
    ]
    first = heads[0] if heads else ""
    separator = said.group(1) if said else max(";,\t", key=lambda s: (first.count(s), s == ","))
    rows: list[list[str | None]] = [
        [c if c.strip() else None for c in r]
        for r in csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    ]
    meta: dict[str, str] = {}
    for row in rows:
        if row and row[0] and row[0].startswith(CSV_MARK):
            meta = dict(p.split("=", 1) for p in row[0].split()[1:] if "=" in p)
    return [("", rows)], meta


def _columns(rows: list[list[str | None]]) -> tuple[int, dict[int, str]] | None:
    """The row the data starts after and each column's key: by the hidden keys, else by the
    headings."""
    for index, row in enumerate(rows):
        keys = {
            i: c[len(KEY_PREFIX) :] for i, c in enumerate(row) if c and c.startswith(KEY_PREFIX)
        }
        if "value" in keys.values():
            return index, keys
    for index, row in enumerate(rows):
        heads = {i: heading_of(c) for i, c in enumerate(row) if c}  # "(ước cả năm 2026)" off
        keys = {i: _HEADINGS[h] for i, h in heads.items() if h in _HEADINGS}
        for key, starts in _STARTS.items():  # "Giá trị thực hiện năm 2027": a heading, and more
            more = [i for i, h in heads.items() if i not in keys and h.startswith(starts)]
            keys |= {more[0]: key} if len(more) == 1 and key not in keys.values() else {}
        found = set(keys.values())
        named = {"value", "name"} <= found and "indicator" not in found  # else: a table's names
        if {"value", "target_id"} <= found or named:
            return index, keys
    return None


def _read_cells(frame: pl.DataFrame, year: int | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows read (value, year, assessment typed) and the refused cells (row, column, value,
    reason)."""
    text = pl.col("value")
    unit = pl.col("unit").fill_null("")
    percent_unit = unit.str.contains(_PERCENT_UNIT)
    empty = pl.col("value").is_null() & pl.col("assessment").is_null()
    stray = stray_rejections(frame, empty)
    in_unit = misplaced_numbers(frame, empty)  # "85,5" typed in the unit or year column
    read = frame.with_columns(
        vietnamese_number(text, percent=True).alias("_value"),
        year_typed("year").alias("_year"),  # "Năm 2026", "2026 (ước)" as a person types it
        assessment_flag(pl.col("assessment")).alias("_flag"),
    ).filter(~empty)
    formula = text.str.starts_with("=")
    checks = [
        (
            formula,
            "value",
            "is a formula whose result the file does not hold (it was written by a program, "
            "not saved by Excel): open it in Excel and save it, or type the value",
        ),
        (
            text.is_not_null() & pl.col("_value").is_null() & ~formula,
            "value",
            "is not a number (write 12.000 or 49,5)",
        ),
        (text.str.ends_with("%") & ~percent_unit, "value", "is a percentage but the unit is not %"),
        (
            text.str.contains(_ONE_GROUP) & (percent_unit | unit.str.contains(_RANK_UNIT)),
            "value",
            "may be a decimal written with a dot (12.500 is twelve thousand five hundred): "
            "write 12,5",
        ),
        (
            pl.col("assessment").str.contains(r"^\s*\d+\s*$"),
            "assessment",
            "is a number in the assessment column: in a CSV file, a decimal comma without "
            "quotes splits the value (90,5 read as 90, then 5): put quotes around it, or save "
            "the file with ';' between cells",
        ),
        (
            pl.col("assessment").is_not_null()
            & pl.col("_flag").is_null()
            & ~pl.col("assessment").str.contains(r"^\s*\d+\s*$"),
            "assessment",
            "is not Đạt or Không đạt",
        ),
        (
            pl.col("year").is_not_null() & ~pl.col("_year").is_between(1900, 2200).fill_null(False),
            "year",
            f"is not a year (write {year or 2025})",
        ),
        (  # "2062" for 2026: a figure of a year the template does not report on (not yet over)
            pl.col("_year").is_not_null() & (pl.col("_year") > (year or 9999)),
            "year",
            f"is after the template's year ({year}): write the year of the figure",
        ),
        (
            pl.col("target_id").is_null() & pl.col("indicator").is_null(),
            "value",
            "is on a row that is not in the template (no Mã): write values on the template's rows",
        ),
        (
            pl.col("target_id").is_not_null() & pl.col("indicator").is_null(),
            "target_id",
            "names no target of the plan",
        ),
    ]
    refused = pl.concat(
        [
            read.filter(mask.fill_null(False)).select(
                "source_row",
                pl.lit(column).alias("column"),
                pl.col(column).cast(pl.String).alias("text"),
                pl.lit(why).alias("reason"),
            )
            for mask, column, why in checks
        ]
    )
    kept = read.filter(~pl.col("source_row").is_in(refused["source_row"].implode()))
    refused = values_left_out(refused, read)
    kept = kept.select(
        "target_id",
        "indicator",
        pl.col("_value").alias("value"),
        "unit",
        pl.col("_year").fill_null(pl.lit(year, dtype=pl.Int64)).alias("year"),
        pl.col("_flag").alias("assessment"),
        pl.concat_str([estimate_mark("year"), "note"], separator="; ", ignore_nulls=True)
        .replace("", None)
        .alias("note"),  # "2026 (ước)": the estimate kept with its figure
        "source_row",
    )
    missing_year = kept.filter(pl.col("year").is_null()).select(
        "source_row",
        pl.lit("year").alias("column"),
        pl.lit("").alias("text"),
        pl.lit("is empty: write the year of the figure").alias("reason"),
    )
    refused = pl.concat([refused, missing_year, stray, in_unit], how="vertical_relaxed")
    return kept.filter(pl.col("year").is_not_null()), refused


def _observation_table(path: Path) -> FileReading:
    return FileReading(path, "observations", None, observation_frame(path))


def read_filled_file(path: str | Path, plan: Plan | None = None) -> FileReading:
    """Read one filled template or observation table (``.xlsx``, ``.csv``, ``.parquet``).

    Raises:
        MissingFileError: No such file.
        UnknownFormatError: Neither a template nor an observation table (naming the file).
    """
    source = Path(path)
    if not source.is_file():
        raise MissingFileError(f"no such file: {str(path)!r}", str(path))
    suffix = source.suffix.lower()
    if suffix in (".parquet", ".pq"):
        try:
            return _observation_table(source)
        except Kh922Error:
            raise
        except Exception as error:
            raise _not_a_template(source, type(error).__name__) from None
    if suffix not in (".xlsx", ".csv"):
        raise _not_a_template(source, "read from .xlsx, .csv or .parquet")
    grids, meta = _xlsx_grids(source) if suffix == ".xlsx" else _csv_grid(source)
    hidden = [key.removeprefix(_HIDDEN) for key in meta if key.startswith(_HIDDEN)]
    merges = {key: value for key, value in meta.items() if key.startswith(MERGED)}
    hidden_rows = {key: value for key, value in meta.items() if key.startswith(HIDDEN_ROWS)}
    meta = {k: v for k, v in meta.items() if not k.startswith((_HIDDEN, MERGED, HIDDEN_ROWS))}
    year = int(meta["year"]) if meta.get("year", "").isdigit() else None
    agency = meta.get("agency")
    lost = "format" not in meta  # a sheet copied out of its template: its title says whose
    if lost:
        agency, year = title_identity(grids, plan)
        meta |= {k: str(v) for k, v in (("agency", agency), ("year", year)) if v is not None}
    frames, rejected, moved_keys, withheld = [], [], [], []
    for sheet, rows in grids:  # every sheet with the template's columns (a copied one too)
        found = _columns(rows)
        if found is None:
            continue
        start, keys = found
        moved = overflowing(rows, start) if suffix == ".csv" else {}
        rows = [[None] * len(row) if n in moved else row for n, row in enumerate(rows)]
        rows, merged = merged_values(merges, sheet, rows, (start, keys))
        rows, unseen = without_hidden_rows(hidden_rows, sheet, rows, start)
        cells, disagreeing = template_frame(rows, start, keys, plan, year)
        frame, refused = _read_cells(cells, year)
        if swapped := swapped_headings(rows, start, keys, _LABELS):  # nothing read: whose?
            frame, refused, merged, disagreeing = frame.clear(), refused.clear(), [], []
            rejected += [Rejection(source.name, sheet or None, *cell) for cell in swapped]
        withheld.append(withheld_keys(cells, refused, disagreeing, year))
        frames.append(
            frame.with_columns(
                pl.lit(None, pl.String).alias("entity"),
                pl.lit(agency, pl.String).alias("agency"),
                pl.lit(source.name).alias("source_file"),
                pl.lit(sheet or None, pl.String).alias("source_sheet"),
            )
        )
        rejected += [
            Rejection(source.name, sheet or None, r, c, t or "", why)
            for r, c, t, why in refused.sort("source_row").iter_rows()
        ]
        rejected += [
            Rejection(source.name, None, n + 1, "row", text, why)
            for n, (text, why) in moved.items()
        ]
        rejected += [Rejection(source.name, sheet, *cell) for cell in [*merged, *unseen]]
        moved_keys += [
            Rejection(source.name, sheet or None, r, "value", t, w) for r, t, w in disagreeing
        ]
    rejected += [
        Rejection(source.name, title, None, "sheet", "", _HIDDEN_SHEET) for title in hidden
    ]
    rejected += [  # "Cơ quan báo cáo: Công an tỉnh" over another agency's keys
        Rejection(source.name, sheet, row, "title", text, why)
        for sheet, row, text, why in other_agency(grids, agency, plan)
    ]
    if frames:
        order = ["indicator", "value", "unit", "year", "assessment", "entity", "note", *PROVENANCE]
        frame = pl.concat([f.select(order) for f in frames])
        other = other_plan(grids, meta, plan)
        if other is not None:  # another province's figures, or another plan's
            rejected += unkeyed(frame, source.name, other)
            frame, withheld = frame.clear(), []
        elif lost and (agency is None or year is None):  # whose values, of which year?
            rejected += unkeyed(frame, source.name)
            frame, withheld = frame.clear(), []
        elif plan is not None:
            rejected += moved_keys  # rows sorted without column A: their figures left out
            sorted_away = pl.DataFrame(
                [(r.sheet, r.row) for r in moved_keys],
                schema={"source_sheet": pl.String, "source_row": pl.Int64},
                orient="row",
            )
            frame = frame.join(
                sorted_away,
                on=["source_sheet", "source_row"],
                how="anti",
                nulls_equal=True,
                maintain_order="left",
            )
            if agency in {a.id for a in plan.agencies}:
                frame, foreign = foreign_rows(frame, (agency, source.name), plan, meta, year)
                rejected += foreign
            rejected += [  # "Đạt" beside 50 for "≥ 80"
                Rejection(source.name, sheet, row, "assessment", said, why)
                for sheet, row, said, why in contradicted(pl.concat(frames), plan)
            ]
        kept_back = pl.concat(withheld) if withheld else None
        return FileReading(source, "template", agency, frame, rejected, meta, kept_back)
    first = next((r for _, rows in grids for r in rows if any(rows) and any(r)), [])
    heads = {fold(c) for c in first if c}
    if {"indicator", "value"} <= heads:
        return _observation_table(source)
    raise _not_a_template(source, "no Giá trị thực hiện column, nor indicator and value")
