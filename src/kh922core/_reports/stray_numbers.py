"""Numbers a filled template holds outside its value column: values written in the wrong place.

An agency that inserts a column ("Ước thực hiện năm 2026"), writes a figure in the note of a
row it leaves empty ("đạt 18,5%") or over the last result the template gives ("Kết quả kỳ
trước": ``87 (2025)``, typed over with ``20``, or filled where the template left it empty) may
have given its value there, or an earlier year's.  Such a
number is never read as the value, and never dropped in silence: it is listed with its cell.
A note's dates,
years and document numbers (``ngày 15 tháng 6 năm 2027``, ``9/2027``, ``15/BC-SKHCN``) are no
such numbers.
"""

from __future__ import annotations

import re

import polars as pl

from kh922core._exchange import column_name
from kh922core._reports.agency_templates import KEY_PREFIX
from kh922core._tracking import vietnamese_number

__all__ = [
    "STRAY_DTYPE",
    "misplaced_numbers",
    "stray_cells",
    "stray_rejections",
    "values_left_out",
]

#: What a cell writes with digits that is no value: dates, years, months, document numbers.
_NO_VALUE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|"  # a date cell, as a text
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/\d{4}"
    r"|tháng\s+\d{1,2}|\d+/[A-ZĐ][\w-]*|(?<!\d)(?:19|20)\d{2}(?!\d)",
    re.IGNORECASE,
)
#: The last result as the template writes it: "87 (2025)".
_LAST = re.compile(r"\s*-?[\d.,]+ \((?:19|20)\d{2}\)\s*$")
_UNREAD = "not read; if it is the value, write it in the value column (Giá trị thực hiện)"
_LAST_TYPED = (
    "a number typed over the last result (Kết quả kỳ trước), beside the row's value: not "
    "read; a figure of an earlier year goes in a table of observations, or in the template of "
    "that year"
)
#: The column of a record that holds its numbers outside the value column.
STRAY_DTYPE = pl.List(
    pl.Struct({"column": pl.String, "text": pl.String, "inserted": pl.Boolean, "last": pl.Boolean})
)


def stray_cells(
    rows: list[list[str | None]],
    start: int,
    keys: dict[int, str],
    row: list[str | None],
    written: frozenset[str] = frozenset(),
) -> list[dict[str, object]]:
    """The numbers of one data ``row`` in a column of no key (one inserted, or one the hidden
    keys no longer name) or in its note; the rows above ``start`` give the columns' headings.

    A column of no key may be the template's own, renamed where the row of keys was deleted
    ("Giá trị mục tiêu" for "Mục tiêu"): a cell that holds what the template wrote on the row
    (``written``: its Mã, name, unit, target, year) or a last result (``87 (2025)``) is no
    value typed there; every other number is listed (``inserted``)."""
    return [
        {
            "column": _heading(rows, start, i),
            "text": c.strip(),
            "inserted": i not in keys and c.strip() not in written and not _LAST.match(c),
            "last": keys.get(i) == "last",  # typed over the last result: another year's figure?
        }
        for i, c in enumerate(row)
        if c
        and (i not in keys or keys[i] == "note" or (keys[i] == "last" and not _LAST.match(c)))
        and re.search(r"\d", _NO_VALUE.sub("", c))
        and not (i not in keys and _ordinal(c, len(rows) - start) and _numbering(rows, start, i))
    ]


#: A row's number in a column of numbering ("1", "2.1", "II", "a)").
_ORDINAL = re.compile(r"(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]?", re.IGNORECASE)
#: The heading of a column that numbers the rows ("STT", "TT", "Số TT", "Số thứ tự", "No.").
_NUMBERING = re.compile(r"(?:s[ốo]\s+)?(?:tt|stt|thứ\s+tự)|no\.?|#", re.IGNORECASE)


def _ordinal(text: str, count: int) -> bool:
    """Whether ``text`` numbers a row of a sheet of ``count`` rows: a number no larger than
    that (``60`` on a sheet of 21 rows is a figure typed in the wrong column), a Roman
    numeral, a letter, ``2.1``."""
    found = _ORDINAL.fullmatch(text.strip())
    if found is None:
        return False
    first = re.match(r"\d+", text.strip())
    return first is None or int(first.group(0)) <= count


def _numbering(rows: list[list[str | None]], start: int, index: int) -> bool:
    """Whether column ``index`` numbers the rows: its heading is ``STT``, ``TT`` … (a retyped
    sheet numbers its rows as the plan's tables do; that number is no value typed there)."""
    heading = _heading(rows, start, index).partition("(")[2].rstrip(")")
    return _NUMBERING.fullmatch(heading.strip()) is not None


def _heading(rows: list[list[str | None]], start: int, index: int) -> str:
    """A column as a rejection names it: its letter and its heading (the nearest text above the
    data in that column)."""
    above = (
        row[index]
        for row in rows[start::-1]
        if index < len(row) and row[index] and not str(row[index]).startswith(KEY_PREFIX)
    )
    heading = " ".join(str(next(above, "")).split())
    return f"{column_name(index, True)} ({heading})" if heading else column_name(index, True)


def stray_rejections(frame: pl.DataFrame, empty: pl.Expr) -> pl.DataFrame:
    """The rejections (row, column, text, reason) of the numbers of ``frame``'s ``stray``
    column: each in an inserted column, and each in a note of a row with no value (``empty``)."""
    return (
        frame.select("source_row", empty.alias("empty"), "stray")
        .explode("stray")
        .unnest("stray")
        .filter(
            pl.col("inserted")
            | pl.col("last").fill_null(False)
            | (pl.col("empty") & pl.col("text").is_not_null())
        )
        .select(
            "source_row",
            "column",
            "text",
            pl.when(pl.col("empty"))
            .then(pl.lit(f"a number outside the value column, on a row with no value: {_UNREAD}"))
            .when(pl.col("last"))
            .then(pl.lit(_LAST_TYPED))
            .otherwise(pl.lit(f"a number in a column the template does not have: {_UNREAD}"))
            .alias("reason"),
        )
    )


def misplaced_numbers(frame: pl.DataFrame, empty: pl.Expr) -> pl.DataFrame:
    """The rejections (row, column, text, reason) of a number typed in the unit column, or in
    the year column where it is no year (``85,5``), of a row with no value (``empty``): the
    value written one column off, which would be read nowhere."""
    year = pl.col("year").str.strip_chars()
    no_year = ~year.str.contains(r"^(?:19|20)\d{2}$").fill_null(False)
    found = [
        (pl.col("unit"), "unit", vietnamese_number(pl.col("unit"), percent=True).is_not_null()),
        (pl.col("year"), "year", no_year & vietnamese_number(year, percent=True).is_not_null()),
    ]
    return pl.concat(
        [
            frame.filter(empty & number).select(
                "source_row",
                pl.lit(column).alias("column"),
                text.alias("text"),
                pl.lit(
                    f"is a number in the {column} column, and the value is empty: write it "
                    "under the value"
                ).alias("reason"),
            )
            for text, column, number in found
        ]
    )


def values_left_out(refused: pl.DataFrame, read: pl.DataFrame) -> pl.DataFrame:
    """``refused`` (``source_row``, ``column``, ``text``, ``reason``) with the reason of a cell
    other than the value saying that its row's value is left out too, where the row has one
    and its value cell is not refused itself: a row with a refused cell is read as nothing
    (an ``x`` in the assessment column left 82 out, and only the ``x`` was named)."""
    if refused.is_empty():
        return refused
    given = read.filter(pl.col("value").is_not_null()).select(
        "source_row", pl.col("value").cast(pl.String).alias("_kh_row_value")
    )
    named = refused.filter(pl.col("column") == "value")["source_row"].implode()
    joined = refused.join(given, on="source_row", how="left", maintain_order="left")
    lost = (
        (pl.col("column") != "value")
        & pl.col("_kh_row_value").is_not_null()
        & ~pl.col("source_row").is_in(named)
    )
    said = pl.format(
        "{}; the value of the row, {}, is left out until it is corrected", "reason", "_kh_row_value"
    )
    return joined.with_columns(
        pl.when(lost).then(said).otherwise(pl.col("reason")).alias("reason")
    ).drop("_kh_row_value")
