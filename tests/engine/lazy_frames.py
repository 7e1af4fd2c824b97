"""Polars frames to and from the lazy engines, for the tests of several test modules."""

from __future__ import annotations

from typing import Any

import polars as pl


def to_duckdb(frame: pl.DataFrame) -> Any:
    """``frame`` as a DuckDB relation (of DuckDB's default connection)."""
    import duckdb

    return duckdb.from_arrow(frame.to_arrow())


def fetched(result: Any) -> pl.DataFrame:
    """A result of any lazy engine (a DuckDB relation, a Spark or SQLFrame DataFrame), fetched
    as a Polars frame."""
    import duckdb

    if isinstance(result, duckdb.DuckDBPyRelation):
        return result.pl()
    frame = pl.from_arrow(result.toArrow())
    assert isinstance(frame, pl.DataFrame)
    return frame
