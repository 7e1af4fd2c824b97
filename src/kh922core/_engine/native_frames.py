"""Frames of other engines (pandas, PyArrow, DuckDB, PySpark, SQLFrame), through Narwhals.

An eager frame (pandas, PyArrow) is converted to Polars once, run by the Polars engine and
converted back (:func:`to_polars`, :func:`from_polars`).  A lazy one (a DuckDB relation, a
PySpark or SQLFrame DataFrame) stays in its engine: the checks read its schema and its distinct
``(indicator, unit)`` pairs there (:func:`lazy_source`), and the bounds table is made a table of
that engine (:func:`native_table`) for :mod:`kh922core._engine.narwhals_query` to join.

Narwhals is imported only when a frame that is not Polars is given; the engines themselves are
never imported by the library (the frame's own module is already loaded).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.columns import ASSESSMENT, INDICATOR, UNIT, VALUE, YEAR
from kh922core._engine.frame_checks import RowProblem, locate
from kh922core._engine.polars_evaluate import DistinctPair, FrameSource
from kh922core.errors import ObservationProblem, UnsupportedFrameError

__all__ = [
    "EAGER_KINDS",
    "LAZY_KINDS",
    "Native",
    "from_polars",
    "lazy_source",
    "native",
    "native_table",
    "polars_only",
    "to_polars",
]

#: Eager frames run by the Polars engine after one conversion (and converted back).
EAGER_KINDS = ("pandas", "pyarrow", "modin", "cudf")
#: Lazy frames whose evaluation stays in their engine.
LAZY_KINDS = ("duckdb", "pyspark", "pyspark[connect]", "sqlframe")
_NO = "_kh_no_cohort"
_BAD = "_kh_bad_cohort"


@dataclass(frozen=True, slots=True)
class Native:
    """A frame of another engine, wrapped by Narwhals (``nw.DataFrame`` or ``nw.LazyFrame``).

    Attributes:
        frame: The Narwhals frame.
        kind: Its engine, as Narwhals names it (``"pandas"``, ``"duckdb"``, ``"pyspark"``).
        lazy: Whether it is lazy (its result stays lazy, in its engine).
        type_name: The type of the caller's frame, for messages.
    """

    frame: Any
    kind: str
    lazy: bool
    type_name: str


def native(frame: object) -> Native | None:
    """``frame`` wrapped by Narwhals when it is a frame of an engine the library runs on, other
    than Polars; else ``None``."""
    if isinstance(frame, pl.DataFrame | pl.LazyFrame) or frame is None:
        return None
    if type(frame).__module__.split(".")[0] not in (
        "pandas",
        "pyarrow",
        "modin",
        "cudf",
        "duckdb",
        "pyspark",
        "sqlframe",
    ):
        return None  # not a frame narwhals takes: no need to import it
    import narwhals as nw

    try:
        wrapped = nw.from_native(frame, allow_series=False)  # type: ignore[call-overload]
    except TypeError:
        return None
    kind = wrapped.implementation.value
    if kind not in (*EAGER_KINDS, *LAZY_KINDS):
        return None
    return Native(wrapped, kind, isinstance(wrapped, nw.LazyFrame), type(frame).__name__)


def polars_only(native: Native, feature: str, what: str = "observations") -> UnsupportedFrameError:
    """The error for a feature that runs on Polars frames (and eager frames) only."""

    return UnsupportedFrameError(
        native.frame.to_native(),
        [
            f"a polars, pandas or pyarrow frame for {feature} (not yet lowered to "
            f"{native.kind}: collect it, e.g. to Polars, first)"
        ],
        what=what,
    )


def to_polars(native: Native) -> pl.DataFrame:
    """An eager frame as a Polars DataFrame (through Arrow, without a copy where it can)."""
    frame: pl.DataFrame = native.frame.to_polars()
    return frame


def from_polars(result: pl.DataFrame, native: Native) -> object:
    """A Polars result back in the caller's kind of eager frame (pandas through
    :meth:`polars.DataFrame.to_pandas`: Enums become Categoricals; PyArrow through
    :meth:`polars.DataFrame.to_arrow`: Enums become dictionaries)."""
    if native.kind == "pandas":
        return result.to_pandas()
    if native.kind == "pyarrow":
        return result.to_arrow()
    import narwhals as nw

    backend = native.frame.implementation
    return nw.from_arrow(result.to_arrow(), backend=backend).to_native()


_ENGINE_COLUMNS = (INDICATOR, VALUE, UNIT, ASSESSMENT, YEAR)


def lazy_source(native: Native, cohort_column: str | None) -> FrameSource:
    """What the checks read of a lazy frame, in its engine: the schema, and the distinct pairs
    (a small aggregate).  On an error only, the columns the checks read are fetched, to report
    the offending rows (by their position in the engine's scan order)."""
    import narwhals as nw

    frame = native.frame
    schema = frame.collect_schema().to_polars()

    def distinct(schema: pl.Schema, with_unit: bool, cohort: str | None) -> list[DistinctPair]:
        keys = [INDICATOR, UNIT] if with_unit else [INDICATOR]
        text = [nw.col(key).cast(nw.String) for key in keys]
        if cohort is None:
            found = frame.select(text).unique().collect(backend="polars").to_native()
            no = bad = [False] * found.height
        else:
            value = nw.col(VALUE).cast(nw.Float64)
            has_value = ~value.is_null() & ~value.is_nan() if VALUE in schema else nw.lit(True)
            below = (nw.col(cohort) < 1) & has_value if schema[cohort].is_integer() else None
            flags = [nw.col(cohort).is_null().alias(_NO)]
            flags.append(below.fill_null(False).alias(_BAD) if below is not None else nw.lit(False))
            found = (
                frame.with_columns(*text, *flags)
                .group_by(keys)
                .agg(nw.col(_NO).max(), nw.col(_BAD).max())
                .collect(backend="polars")
                .to_native()
            )
            no, bad = found[_NO].to_list(), found[_BAD].to_list()
        indicators = found[INDICATOR].to_list()
        units = found[UNIT].to_list() if with_unit else [None] * found.height
        return [
            DistinctPair(*row)
            for row in zip(indicators, units, map(bool, no), map(bool, bad), strict=True)
        ]

    def located(problems: list[RowProblem]) -> list[ObservationProblem]:
        wanted = [*_ENGINE_COLUMNS, *([cohort_column] if cohort_column else [])]
        pulled = frame.select([c for c in dict.fromkeys(wanted) if c in schema])
        return locate(pulled.collect(backend="polars").to_native().lazy(), problems)

    return FrameSource(schema, distinct, located)


_SQL_TYPES = {
    pl.String: "VARCHAR",
    pl.Float64: "DOUBLE",
    pl.Int64: "BIGINT",
    pl.Int16: "SMALLINT",
    pl.Boolean: "BOOLEAN",
}
_SPARK_TYPES = {
    pl.String: "string",
    pl.Float64: "double",
    pl.Int64: "bigint",
    pl.Int16: "smallint",
    pl.Boolean: "boolean",
}


def _table_rows(table: pl.DataFrame) -> list[tuple[object, ...]]:
    """The rows of the bounds table (one per target and unit: dozens, never observations)."""
    return list(zip(*(table[name].to_list() for name in table.columns), strict=True))


def _sql_literal(value: object, sql_type: str) -> str:
    if value is None:
        text = "NULL"
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):  # parsed from its shortest repr: the same double
        text = "'nan'" if math.isnan(value) else f"'{value!r}'"
    elif isinstance(value, int):
        text = str(value)
    else:
        text = "'" + str(value).replace("'", "''") + "'"
    return f"CAST({text} AS {sql_type})"


def _values_sql(table: pl.DataFrame) -> str:
    """``table`` as one SQL query of literals (doubles cast from their exact text)."""
    types = [_SQL_TYPES[table.schema[name].base_type()] for name in table.columns]
    names = ", ".join(f'"{name}"' for name in table.columns)
    if table.height == 0:
        empty = ", ".join(
            f'CAST(NULL AS {t}) AS "{n}"' for n, t in zip(table.columns, types, strict=True)
        )
        return f"SELECT {empty} LIMIT 0"
    rows = ",\n".join(
        "(" + ", ".join(_sql_literal(v, t) for v, t in zip(row, types, strict=True)) + ")"
        for row in _table_rows(table)
    )
    return f"SELECT * FROM (VALUES {rows}) AS _kh_bounds({names})"


def native_table(native: Native, table: pl.DataFrame) -> Any:
    """The (tiny) bounds table as a Narwhals LazyFrame of the engine of ``native``, so that it
    joins there: a DuckDB query of literals on the relation's own connection, a Spark (or
    SQLFrame) DataFrame of the frame's own session, broadcast."""
    import narwhals as nw

    plain = table.with_columns(pl.col(pl.Enum, pl.Categorical).cast(pl.String))
    user = nw.to_native(native.frame)
    if native.kind == "duckdb":
        return nw.from_native(user.query("_kh_observations", _values_sql(plain)))
    session = getattr(user, "sparkSession", None) or user.session
    schema = ", ".join(
        f"`{name}` {_SPARK_TYPES[plain.schema[name].base_type()]}" for name in plain.columns
    )
    created = session.createDataFrame(_table_rows(plain), schema=schema)
    if native.kind != "sqlframe":
        from pyspark.sql.functions import broadcast

        created = broadcast(created)
    return nw.from_native(created)
