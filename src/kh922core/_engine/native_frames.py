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
from importlib import import_module
from typing import Any

import polars as pl

from kh922core._engine.columns import ASSESSMENT, INDICATOR, MET, UNIT, VALUE, YEAR
from kh922core._engine.frame_checks import RowProblem, locate
from kh922core._engine.polars_evaluate import DistinctPair, FrameSource
from kh922core.errors import ObservationError, ObservationProblem, UnsupportedFrameError

__all__ = [
    "EAGER_KINDS",
    "LAZY_KINDS",
    "Native",
    "from_polars",
    "lazy_source",
    "native",
    "native_table",
    "polars_only",
    "polars_to_pandas",
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
    """An eager frame as a Polars DataFrame (through Arrow, without a copy where it can).

    A pandas frame is converted column by column as :func:`polars.from_pandas` converts it,
    only faster (:func:`_pandas_to_polars`); any other kind, and a pandas frame that path
    leaves, through Narwhals."""
    if native.kind == "pandas":
        converted = _pandas_to_polars(native.frame.to_native())
        if converted is not None:
            return converted
    try:
        frame: pl.DataFrame = native.frame.to_polars()
    except (TypeError, ValueError) as error:  # PyArrow's ArrowTypeError, ArrowInvalid
        mixed = _mixed_columns(native) if native.kind == "pandas" else []
        if not mixed:
            raise
        what = "holds values of several types (texts and numbers, as a spreadsheet gives codes)"
        problems = [ObservationProblem(name, f"{what}: convert it to one type") for name in mixed]
        raise ObservationError(problems) from error
    return frame


def _mixed_columns(native: Native) -> list[str]:
    """The object columns of a pandas frame that no Arrow type holds (``"83"`` and ``83``)."""
    pa = import_module("pyarrow")
    pandas_frame = native.frame.to_native()
    dtypes = pandas_frame.dtypes  # one per column
    mixed = []
    for name in [name for name, dtype in dtypes.items() if str(dtype) == "object"]:
        try:
            pa.array(pandas_frame[name], from_pandas=True)
        except (pa.ArrowException, TypeError, ValueError):
            mixed.append(str(name))
    return mixed


def _pandas_to_polars(frame: Any) -> pl.DataFrame | None:
    """``pl.from_pandas(frame)``, the same frame, sooner: each column is made an Arrow array
    as Polars makes it (NaN as null), but a text column as Arrow string views, which Polars
    takes without a copy, and a column of Python objects typed by PyArrow's inference in C
    rather than by a Python loop to its first value.  ``None`` when a column needs another
    path (names not distinct texts, an object column PyArrow does not type): Polars' own."""
    pa = import_module("pyarrow")  # untyped: Any
    names = list(frame.columns)
    if not names or not all(isinstance(n, str) for n in names) or len(set(names)) < len(names):
        return None
    arrays = {}
    for name in names:
        array = _arrow_column(frame[name], pa)
        if array is None:
            return None
        arrays[name] = array
    converted = pl.from_arrow(pa.table(arrays))
    assert isinstance(converted, pl.DataFrame)
    return converted


def _arrow_column(series: Any, pa: Any) -> Any:
    """One pandas column as the Arrow array :func:`polars.from_pandas` makes of it, or
    ``None`` to leave it to Polars."""
    try:
        array = pa.array(series, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if series.dtype == object and array.type == pa.null():
        # Polars types an object column of only ``None`` as text (by its first other value:
        # none); one with a NaN, a NaT or a pd.NA among its missing values, as nulls
        try:
            only_none = bool(import_module("numpy").equal(series.to_numpy(), None).all())
        except TypeError:  # pd.NA == None is pd.NA, which is neither true nor false
            only_none = False
        return pa.nulls(len(series), pa.large_utf8()) if only_none else array
    if array.type in (pa.string(), pa.large_string()) and hasattr(pa, "string_view"):
        try:
            return array.cast(pa.string_view())
        except pa.ArrowNotImplementedError:  # an older PyArrow: Polars copies instead
            return array
    return array


def from_polars(result: pl.DataFrame, native: Native) -> object:
    """A Polars result back in the caller's kind of eager frame (pandas by
    :func:`polars_to_pandas`; PyArrow through :meth:`polars.DataFrame.to_arrow`: Enums become
    dictionaries)."""
    if native.kind == "pandas":
        return polars_to_pandas(result, native.frame.to_native())
    if native.kind == "pyarrow":
        return result.to_arrow()
    import narwhals as nw

    backend = native.frame.implementation
    return nw.from_arrow(result.to_arrow(), backend=backend).to_native()


def polars_to_pandas(result: pl.DataFrame, given: Any = None) -> Any:
    """``result`` as a pandas DataFrame: :meth:`polars.DataFrame.to_pandas` (text as pandas'
    default string dtype, a missing number as NaN), except that an Enum becomes an ordered
    ``category`` made from its codes (no Arrow dictionary to unify), a column that was a
    ``category`` of texts in the caller's frame ``given`` that same dtype again (its categories,
    in their order), and a Boolean column that holds a null, and ``met`` always, pandas' nullable
    ``boolean`` (not Python objects).  The codes, values and masks of those columns are made in
    one Polars query (in parallel)."""
    pd = import_module("pandas")  # untyped: Any
    schema = result.schema
    kinds = _categories(schema, given, pd)
    parts: dict[str, list[pl.Expr]] = {}
    for name, dtype in schema.items():
        column = pl.col(name)
        if name in kinds:
            texts = kinds[name].categories.to_list()
            codes = column if isinstance(dtype, pl.Enum) else column.cast(pl.Enum(texts))
            width = pl.Int8 if len(texts) < 127 else pl.Int16 if len(texts) < 32767 else pl.Int32
            parts[name] = [codes.to_physical().cast(width).fill_null(-1)]  # pandas' widths
        elif dtype == pl.Boolean and (name == MET or result.get_column(name).null_count()):
            parts[name] = [column.fill_null(False), column.is_null()]
        elif dtype == pl.Boolean:
            parts[name] = [column]
    if not parts:
        return result.to_pandas()
    exprs = [e.alias(str(i)) for i, e in enumerate(e for es in parts.values() for e in es)]
    try:
        physical = result.select(exprs)  # one column per part: a loop over columns below
    except pl.exceptions.InvalidOperationError:  # a text not among the caller's categories
        if given is None:
            raise
        return polars_to_pandas(result)
    arrays = [part.to_numpy(writable=True) for part in physical.iter_columns()]
    rest = result.drop(list(parts)).to_pandas(split_blocks=True)
    columns: dict[str, Any] = {}
    for name in schema:
        if name not in parts:
            columns[name] = rest[name]
        elif name in kinds:
            columns[name] = pd.Categorical.from_codes(arrays.pop(0), dtype=kinds[name])
        elif len(parts[name]) == 2:
            columns[name] = pd.arrays.BooleanArray(arrays.pop(0), arrays.pop(0))
        else:
            columns[name] = arrays.pop(0)
    return pd.DataFrame(columns, index=pd.RangeIndex(result.height), copy=False)


def _categories(schema: pl.Schema, given: Any, pd: Any) -> dict[str, Any]:
    """The pandas ``CategoricalDtype`` of each column of ``schema`` that becomes a ``category``:
    an Enum's (ordered), a Categorical's that the caller gave as a ``category`` of texts."""
    kinds = {
        name: pd.CategoricalDtype(dtype.categories.to_list(), ordered=True)
        for name, dtype in schema.items()
        if isinstance(dtype, pl.Enum)
    }
    dtypes = {} if given is None else given.dtypes
    for name, dtype in schema.items():
        kind = dtypes.get(name) if isinstance(dtype, pl.Categorical) else None
        texts = isinstance(kind, pd.CategoricalDtype) and all(
            isinstance(c, str) for c in kind.categories
        )
        if texts:
            kinds[name] = kind
    return kinds


_ENGINE_COLUMNS = (INDICATOR, VALUE, UNIT, ASSESSMENT, YEAR)


def lazy_source(native: Native, cohort_column: str | None) -> FrameSource:
    """What the checks read of a lazy frame, in its engine: the schema, and the distinct pairs
    (a small aggregate).  On an error only, the columns the checks read are fetched, to report
    the offending rows (by their position in the engine's scan order)."""
    import narwhals as nw

    frame = native.frame
    schema = _schema(native)

    def distinct(schema: pl.Schema, with_unit: bool, cohort: str | None) -> list[DistinctPair]:
        keys = [INDICATOR, UNIT] if with_unit else [INDICATOR]
        text = [nw.col(key).cast(nw.String) for key in keys]
        if cohort is None:
            # A group-by, not ``unique()``: Narwhals writes that as a window (``row_number()``
            # over the pairs) for DuckDB, 5-6 times slower than ``GROUP BY`` on 10M rows.
            found = frame.select(text).group_by(keys).agg().collect(backend="polars").to_native()
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


def _schema(native: Native) -> pl.Schema:
    """The Polars schema of a lazy frame; a DuckDB column of type ``NULL`` (``SELECT NULL AS
    value``, an Arrow column of nulls), which Narwhals reads as ``Unknown``, as Polars' ``Null``
    (the Polars engine takes such a column as a column of missing values)."""
    schema: pl.Schema = native.frame.collect_schema().to_polars()
    if native.kind != "duckdb":
        return schema
    relation = native.frame.to_native()
    nulls = {
        name
        for name, kind in zip(relation.columns, relation.types, strict=True)
        if str(kind).strip('"') == "NULL"
    }
    if not nulls:
        return schema
    return pl.Schema({n: pl.Null() if n in nulls else t for n, t in schema.items()})


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


def _sql_literal(value: object) -> str:
    """One cell of :func:`_values_sql`, typed by its column's cast."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):  # parsed from its shortest repr: the same double
        return "'nan'" if math.isnan(value) else f"'{value!r}'"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _values_sql(table: pl.DataFrame) -> str:
    """``table`` as one SQL query of literals: the cells as written (doubles as the text of
    their shortest repr), each column cast once to its type (doubles from their exact text).

    One token a cell: DuckDB's Python relation API reads the text of a query before running
    it, and took 0.1 s for the bounds table written with a cast in every cell."""
    types = [_SQL_TYPES[table.schema[name].base_type()] for name in table.columns]
    if table.height == 0:
        empty = ", ".join(
            f'CAST(NULL AS {t}) AS "{n}"' for n, t in zip(table.columns, types, strict=True)
        )
        return f"SELECT {empty} LIMIT 0"
    rows = ",\n".join(
        "(" + ", ".join(_sql_literal(value) for value in row) + ")" for row in _table_rows(table)
    )
    cells = ", ".join(f"_kh_{number}" for number in range(table.width))
    typed = ", ".join(
        f'CAST(_kh_{number} AS {sql_type}) AS "{name}"'
        for number, (name, sql_type) in enumerate(zip(table.columns, types, strict=True))
    )
    return f"SELECT {typed} FROM (VALUES {rows}) AS _kh_bounds({cells})"


def native_table(
    native: Native, table: pl.DataFrame, *, enums: bool = False, broadcast: bool = True
) -> Any:
    """The (tiny) bounds table as a Narwhals LazyFrame of the engine of ``native``, so that it
    joins there: a query of literals on a DuckDB relation's own connection or a SQLFrame
    session (its ``createDataFrame`` would make 32-bit floats of the bounds), a Spark DataFrame
    of the frame's own session, broadcast (unless ``broadcast`` is false: the left side of a
    left join, which Spark cannot build from a broadcast and warns of).

    With ``enums``, a DuckDB table keeps the Polars Enum columns as DuckDB ``ENUM`` columns of
    the same categories (the result's texts are then one byte a row, not strings); the other
    engines have no such type, and get texts."""
    import narwhals as nw

    plain = table.with_columns(pl.col(pl.Enum, pl.Categorical).cast(pl.String))
    user = nw.to_native(native.frame)
    if native.kind == "duckdb":
        found = nw.from_native(user.query("_kh_observations", _values_sql(plain)))
        typed = {n: d for n, d in table.schema.items() if enums and isinstance(d, pl.Enum)}
        return found.with_columns(
            nw.col(n).cast(nw.Enum(list(d.categories))) for n, d in typed.items()
        )
    session = getattr(user, "sparkSession", None) or user.session
    if native.kind == "sqlframe":  # SQL of exact literals (its createDataFrame makes FLOATs)
        return nw.from_native(session.sql(_values_sql(plain), dialect="duckdb"))
    schema = ", ".join(
        f"`{name}` {_SPARK_TYPES[plain.schema[name].base_type()]}" for name in plain.columns
    )
    from pyspark.sql import functions

    created = session.createDataFrame(_table_rows(plain), schema=schema)
    return nw.from_native(functions.broadcast(created) if broadcast else created)
