"""An observation table read for :func:`kh922core.collect`: its columns checked, then typed.

:func:`kh922core.read_observations` gives a Parquet file as it is; collect casts its columns to
the consolidated table's types, so each is checked first: ``indicator`` and ``value`` present,
a value a number, a year a whole number (not a date, not ``2024.6``), an assessment true or
false.  A column that is not is refused by name (a cast would make a year of a date's days).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from kh922core._engine import is_provenance
from kh922core._tracking import read_observations
from kh922core.errors import ObservationError, ObservationProblem

__all__ = ["PROVENANCE", "observation_frame"]

#: The provenance columns every collected value carries.
PROVENANCE = ("agency", "source_file", "source_sheet", "source_row")


def _checked(frame: pl.DataFrame, path: Path) -> pl.DataFrame:
    """A table read as it is (Parquet) with the columns collect needs, of the types it casts
    to: ``indicator`` and ``value`` present, numbers a number, a year a whole number (not a
    date, not ``2024.6``), an assessment true or false; each other one refused, by column."""
    problems = [
        ObservationProblem(
            name, f"required column missing in {path.name} (it has {', '.join(frame.columns)})"
        )
        for name in ("indicator", "value")
        if name not in frame.columns
    ]
    wanted = {"value": pl.Float64, "year": pl.Int64, "assessment": pl.Boolean}
    for name, dtype in wanted.items():
        if name not in frame.columns or frame.schema[name] in (dtype, pl.Null):
            continue
        column = frame.get_column(name)
        kind, numbers = frame.schema[name], column.drop_nulls()
        fits = kind.is_numeric()
        if fits and name == "year" and kind.is_float():  # 2024.0, not 2024.6
            fits = bool((numbers % 1 == 0).all())
        if fits and name == "assessment":  # 1 and 0
            fits = bool(numbers.is_in([0, 1]).all())
        if not fits:
            shown = tuple(str(v) for v in column.drop_nulls().unique().head(5).to_list())
            what = {"year": "a whole year", "value": "a number", "assessment": "true or false"}
            problems.append(
                ObservationProblem(
                    name, f"holds {kind}, not {what[name]} ({path.name})", values=shown
                )
            )
    if problems:
        raise ObservationError(problems)
    return frame


def _refuse_lost_keys(frame: pl.DataFrame, keep: list[str], path: Path) -> None:
    """Refuse a column the consolidated table has no place for that tells apart figures of one
    indicator, entity and year (``dia_ban``: the province's and its districts' values differ):
    dropped, they would be conflicts, each discarded.  A column beside one figure given twice
    alike, or beside rows with no value, is left unread, as every other extra column is."""
    same = [c for c in ("indicator", "entity", "year") if c in frame.columns]
    other = [
        c
        for c in frame.columns
        if c not in keep and c not in PROVENANCE and c != "source" and not is_provenance(c)
    ]
    if not other or not same:
        return
    valued = frame.filter(pl.col("value").is_not_null())
    counts = valued.group_by(same).agg(
        pl.col("value").n_unique().alias("_kh_values"), *(pl.col(c).n_unique() for c in other)
    )
    differing = counts.filter(pl.col("_kh_values") > 1)
    splitting = [c for c in other if not differing.is_empty() and differing[c].max() > 1]  # type: ignore[operator]
    if splitting:
        raise ObservationError(
            [
                ObservationProblem(
                    c,
                    f"tells apart different values of one indicator and year in {path.name}, "
                    "and the reporting cycle keeps whose figure it is in 'entity' only: rename "
                    "it 'entity' if it says whose figure it is, else keep one value per "
                    "indicator and year",
                )
                for c in splitting
            ]
        )


def observation_frame(path: Path) -> pl.DataFrame:
    """An observation table read for collect: its columns checked and typed, its provenance
    (its own, else the file's name)."""
    frame = _checked(read_observations(path, source_rows=True), path)
    keep = ["indicator", "value", "unit", "year", "assessment", "entity", "note"]
    keep += ["cohort_size"] if "cohort_size" in frame.columns else []  # proportional ranks
    _refuse_lost_keys(frame, keep, path)
    provided = [c for c in (*PROVENANCE, "source") if c in frame.columns]
    frame = frame.select(
        *(pl.col(c) if c in frame.columns else pl.lit(None).alias(c) for c in keep), *provided
    )
    if "source_file" not in frame.columns:
        source = pl.col("source") if "source" in frame.columns else pl.lit(path.name)
        frame = frame.with_columns(source.cast(pl.String).alias("source_file"))
    frame = frame.with_columns(
        (pl.col(c).cast(pl.String) if c in frame.columns else pl.lit(None, pl.String)).alias(c)
        for c in ("agency", "source_sheet")
    ).with_columns(
        (
            pl.col("source_row").cast(pl.Int64, strict=False)
            if "source_row" in frame.columns
            else pl.lit(None, pl.Int64)
        ).alias("source_row")
    )
    frame = frame.drop("source", strict=False).with_columns(
        pl.col("year").cast(pl.Int64),
        pl.col("value").cast(pl.Float64),
        pl.col("assessment").cast(pl.Boolean),
    )
    return frame
