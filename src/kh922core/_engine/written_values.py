"""Values of 32-bit floats, read as their numbers are written.

A ``value`` column of 32-bit floats (Parquet written by a tool that saves memory, a pandas
frame downcast with ``astype("float32")``) holds the float nearest to each number: ``0.7`` is
0.699999988079071, which is below a target of ``≥ 70 %`` by far more than the comparisons'
tolerance of 1e-9.  Its numbers are read as they are written instead: each value's shortest
text (``0.7``) is read as a 64-bit float, in the engine of the frame (a cast to text and back,
which every engine writes the same way; ``inf`` and ``NaN`` stay what they are).  The file
reader :func:`kh922core.read_observations` reads Parquet the same way.
"""

from __future__ import annotations

from typing import Any, overload

import polars as pl

from kh922core._engine.columns import VALUE

__all__ = ["written_values", "written_values_narwhals"]


@overload
def written_values(frame: pl.DataFrame) -> pl.DataFrame: ...
@overload
def written_values(frame: pl.LazyFrame) -> pl.LazyFrame: ...
def written_values(frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame | pl.LazyFrame:
    """``frame`` with a ``value`` column of 32-bit floats read as written (Float64); any other
    frame unchanged.

    Examples:
        >>> frame = pl.DataFrame({"value": pl.Series([0.7, None], dtype=pl.Float32)})
        >>> written_values(frame)["value"].to_list()
        [0.7, None]
    """
    if frame.collect_schema().get(VALUE) != pl.Float32:
        return frame
    return frame.with_columns(pl.col(VALUE).cast(pl.String).cast(pl.Float64))


def written_values_narwhals(frame: Any) -> Any:
    """:func:`written_values` of a Narwhals frame, in its engine."""
    import narwhals as nw

    if frame.collect_schema().get(VALUE) != nw.Float32:
        return frame
    return frame.with_columns(nw.col(VALUE).cast(nw.String).cast(nw.Float64))
