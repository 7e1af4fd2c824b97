"""The rows of a template written but not read: they still supersede an earlier template's.

An agency that corrects its half-year estimate in the year-end template, but whose year-end cell
is not read (``khoảng 87``, ``x``, a year after the template's), has still given the row a later
figure: the earlier estimate is no longer its answer, and is listed rather than read in its
place (:func:`kh922core._reports.template_periods.superseded_by_refused`).
"""

from __future__ import annotations

import polars as pl

__all__ = ["withheld_keys"]


def withheld_keys(cells: pl.DataFrame, refused: pl.DataFrame, year: int | None) -> pl.DataFrame:
    """The ``indicator`` and ``year`` (the template's) of each row of ``cells`` (a template's
    rows, with ``source_row``) that holds a value or an assessment and is among the rows of
    ``refused``; a template of no year withholds none."""
    rows = refused["source_row"].unique().implode()
    written = pl.col("value").is_not_null() | pl.col("assessment").is_not_null()
    return (
        cells.filter(pl.col("source_row").is_in(rows) & written & pl.col("indicator").is_not_null())
        .filter(pl.lit(year is not None))
        .select(pl.col("indicator").cast(pl.String), pl.lit(year, pl.Int64).alias("year"))
        .unique(maintain_order=True)
    )
