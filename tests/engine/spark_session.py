"""One local Spark session for the engine tests, and Polars frames made Spark DataFrames.

The session (``local[2]``) starts once per test run (about 15 s) and is shared by every test
that asks for the ``spark`` fixture (see conftest.py); it is skipped without pyspark or Java.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from typing import Any

import polars as pl
import pytest

#: Spark's SQL type of each Polars type the tests give it.
SPARK_TYPES = {
    pl.String: "string",
    pl.Float64: "double",
    pl.Int64: "bigint",
    pl.Int32: "int",
    pl.Int16: "smallint",
    pl.Boolean: "boolean",
}


def spark_session() -> Iterator[Any]:
    """A local Spark session on two cores (skipped without pyspark or Java)."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java (apt-get install default-jre-headless)")
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("kh922core-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def to_spark(session: Any) -> Callable[[pl.DataFrame], Any]:
    """A converter of Polars frames to DataFrames of ``session``, column types kept."""

    def convert(frame: pl.DataFrame) -> Any:
        schema = ", ".join(f"`{n}` {SPARK_TYPES[t.base_type()]}" for n, t in frame.schema.items())
        return session.createDataFrame(frame.rows(), schema=schema)

    return convert
