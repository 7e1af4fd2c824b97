"""The rows of a template written but not read: they still supersede an earlier template's.

An agency that corrects its half-year estimate in the year-end template, but whose year-end cell
is not read (``khoảng 87``, ``x``, a year after the template's, a heading of another period),
has still given the row a later figure: the earlier estimate is no longer its answer, and is
listed rather than read in its place
(:func:`kh922core._reports.template_periods.superseded_by_refused`).  A mark of nothing (``-``,
``x``) on a row whose indicator has another row left empty in the same template (``-`` on the
2045 row, the 2030 row empty) gives no figure, and the earlier one stands.
"""

from __future__ import annotations

import polars as pl

__all__ = ["withheld_keys"]

#: A mark that says there is nothing to give ("-", "x", "—").
_NOTHING = r"^[\s\-–—xX×./]*$"


def withheld_keys(
    cells: pl.DataFrame,
    refused: pl.DataFrame,
    disagreeing: list[tuple[int, str, str]],
    year: int | None,
) -> pl.DataFrame:
    """The ``indicator`` and ``year`` (the row's own, else the template's) of each row of
    ``cells`` (a template's rows, with ``source_row``) that holds a value or an assessment and
    is among the rows of ``refused`` or ``disagreeing`` (listed, not read); a template of no
    year withholds none."""
    rows = [*refused["source_row"].to_list(), *(row for row, _, _ in disagreeing)]
    written = pl.col("value").is_not_null() | pl.col("assessment").is_not_null()
    nothing = pl.col("value").fill_null("").str.contains(_NOTHING) & pl.col("assessment").is_null()
    typed = (
        pl.col("year")
        .cast(pl.String)
        .str.strip_chars()
        .str.replace(r"(?i)^(?:năm|nam)\s+(\d{4})$", "$1")
        .cast(pl.Int64, strict=False)
    )
    return (
        cells.filter(pl.col("source_row").is_in(rows) & written & pl.col("indicator").is_not_null())
        .filter(~(nothing & pl.col("indicator").is_in(_with_empty_rows(cells))))
        .filter(pl.lit(year is not None))
        .select(
            pl.col("indicator").cast(pl.String),
            typed.fill_null(pl.lit(year, pl.Int64)).alias("year"),
        )
        .unique(maintain_order=True)
    )


def _with_empty_rows(cells: pl.DataFrame) -> list[str]:
    """The indicators with a row of ``cells`` holding neither a value nor an assessment."""
    empty = cells.filter(pl.col("value").is_null() & pl.col("assessment").is_null())
    return empty["indicator"].drop_nulls().unique().to_list()
