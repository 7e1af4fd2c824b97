"""The observations of :func:`kh922core.progress` on a lazy engine: typed and checked there.

A DuckDB relation, a PySpark or a SQLFrame DataFrame is read as
:func:`~kh922core._tracking.progress_input.prepare_observations` reads a Polars frame, by
Narwhals expressions that the engine runs:

* ``indicator`` and ``unit`` as text, ``year`` as an integer, ``value`` as a number and
  ``assessment`` as a Boolean, from the types that read the same in every engine (text; integers;
  integers, floats, decimals and Booleans; Booleans);
* a text ``year`` of digits (an optional sign, at most 18 digits) as that integer, and a text
  ``value`` the Vietnamese way (``12.000`` is twelve thousand, ``49,5`` a half more than 49, a
  single decimal point as in ``0.75``, a leading ``-`` or ``−``), after stripping the white space
  that Polars strips.

The checks are one small aggregate in the engine, a group-by of the distinct ``(indicator,
unit)`` pairs (which the unit factors need too) that counts the rows without an indicator or a
year, with an infinite value, or with a text that the engine does not read as above.  Only when a
count is not zero, or a column has another type, are the input columns fetched, and the Polars
checks run on them: they raise the Polars path's :class:`~kh922core.errors.ObservationError`,
rows and values included (rows by their position in the engine's scan order).  A text or a type
that Polars reads but these engines are not given to read (``1e5``, a float ``year``, a
``Date``) is refused by name with an :class:`~kh922core.errors.UnsupportedFrameError`, never
read differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine import Native, lazy_source
from kh922core._tracking.progress_input import (
    RESERVED,
    blank_unit,
    key_columns,
    prepare_observations,
    refuse_missing_columns,
    refuse_unknown,
)
from kh922core.errors import UnsupportedFrameError

__all__ = ["LazyObservations", "lazy_observations"]

#: What Polars' ``str.strip_chars()`` strips: Unicode's White_Space (Rust's ``is_whitespace``).
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(chr(code) for code in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: A Vietnamese number without its sign (``12.000``, ``49,5``, ``6.388,3``), and a single
#: decimal point (``0.75``): the two forms ``vietnamese_number`` reads, in ASCII digits.
_VIETNAMESE = r"^(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:,[0-9]+)?$"
_POINT = r"^[0-9]+\.[0-9]+$"
#: A year Polars reads from text: an optional sign and digits that fit an Int64.
_YEAR = r"^[+-]?[0-9]{1,18}$"
#: Longer number texts are left to Polars (a double has at most 309 digits before its point).
_LONGEST = 300
_TEXT = (pl.String, pl.Categorical, pl.Enum)
_INTEGERS = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32)


@dataclass(frozen=True)
class LazyObservations:
    """Observations of a lazy engine, typed there, and what the checks learnt of them.

    Attributes:
        native: The caller's frame, wrapped.
        frame: The typed observations (a Narwhals LazyFrame): ``indicator``, ``value``,
            ``unit``, ``year``, ``assessment`` and the keys.
        keys: The key columns.
        pairs: The distinct ``(indicator, unit)`` pairs, a blank unit as null (a Polars frame).
    """

    native: Native
    frame: Any
    keys: list[str]
    pairs: pl.DataFrame

    def pull(self, columns: Sequence[str]) -> pl.DataFrame:
        """These columns of the caller's frame, fetched as a Polars frame (for an error only:
        the Polars checks then locate its rows)."""
        names = [c for c in dict.fromkeys(columns) if c in self.native.frame.columns]
        fetched: pl.DataFrame = (
            self.native.frame.select(names).collect(backend="polars").to_native()
        )
        return fetched

    def refuse_unknown(self, known: frozenset[str]) -> None:
        """Raise the Polars path's error for indicator ids outside ``known`` (the distinct ids
        say whether there is one; only then are the rows fetched to locate them)."""
        if set(self.pairs["indicator"].to_list()) - known:
            typed, _ = prepare_observations(self.pull(RESERVED))
            refuse_unknown(typed, known)


def _typed_column(name: str, dtype: pl.DataType) -> tuple[Any, Any] | None:
    """The expression reading column ``name`` of type ``dtype`` as Polars reads it, and the
    condition of a row whose text it does not read (``None``: none); ``None`` for a type that
    these engines are not given to read."""
    import narwhals as nw

    column, nothing = nw.col(name), nw.lit(False)
    text = dtype.base_type() in _TEXT
    if dtype == pl.Null:
        kinds: dict[str, Any] = {"year": nw.Int64, "value": nw.Float64, "assessment": nw.Boolean}
        return nw.lit(None, dtype=kinds.get(name, nw.String)), nothing
    if name in ("indicator", "unit") and text:
        return column.cast(nw.String), nothing
    if name == "assessment" and dtype == pl.Boolean:
        return column, nothing
    if name == "year" and dtype.base_type() in _INTEGERS:
        return column.cast(nw.Int64), nothing
    if name == "year" and dtype == pl.String:
        read = column.str.contains(_YEAR)
        return nw.when(read).then(column.cast(nw.Int64)), ~column.is_null() & ~read
    if name == "value" and (dtype.is_numeric() or dtype == pl.Boolean):
        return column.cast(nw.Float64), nothing
    return None  # a text value: see _vietnamese


def _vietnamese(frame: Any) -> tuple[Any, Any, Any]:
    """``frame`` with the columns that read its text ``value`` as ``vietnamese_number`` reads
    it (each part once: a SQL engine computes an expression once per place it is written in);
    the value, and the condition of a text it does not read (``1e5``, ``nhiều``): those go to
    Polars, which refuses or reads them."""
    import narwhals as nw

    text, negative, body = nw.col("_v_text"), nw.col("_v_negative"), nw.col("_v_body")
    frame = frame.with_columns(nw.col("value").str.strip_chars(WHITE_SPACE).alias("_v_text"))
    frame = frame.with_columns(
        (text.str.starts_with("-") | text.str.starts_with("−")).alias("_v_negative")
    )
    frame = frame.with_columns(
        nw.when(negative).then(text.str.slice(1)).otherwise(text).alias("_v_body")
    )
    short = body.str.len_chars() <= _LONGEST
    frame = frame.with_columns(
        (body.str.contains(_VIETNAMESE) & short).alias("_v_grouped"),
        (body.str.contains(_POINT) & short).alias("_v_point"),
    )
    grouped, point = nw.col("_v_grouped"), nw.col("_v_point")
    digits = body.str.replace_all(".", "", literal=True).str.replace_all(",", ".", literal=True)
    magnitude = (
        nw.when(grouped).then(digits.cast(nw.Float64)).when(point).then(body.cast(nw.Float64))
    )
    value = nw.when(negative).then(-magnitude).otherwise(magnitude)
    return frame, value, ~nw.col("value").is_null() & ~grouped & ~point


def _refused(native: Native, told: list[str]) -> UnsupportedFrameError:
    """The error for columns of another type, or texts, that Polars reads but these engines
    are not given to read (the Polars checks found no problem in them)."""
    return UnsupportedFrameError(
        native.frame.to_native(),
        [
            "of text indicators and units, integer years (or texts of digits), numbers (or "
            "texts of Vietnamese numbers: 12.000, 49,5) and Boolean assessments for progress "
            f"on {native.kind}, not {', '.join(told)}: cast them in the engine, or collect the "
            "observations, e.g. to Polars, first"
        ],
        what="observations",
    )


def lazy_observations(native: Native) -> LazyObservations:
    """The observations of a lazy frame typed in its engine, checked as the Polars path checks
    them (see the module docstring).

    Raises:
        ObservationError: Missing columns, unreadable values, rows without an indicator or a
            year, infinite values, or a key column named like a result column: the Polars
            path's errors, rows and values included.
        UnsupportedFrameError: A type or a text that Polars reads and the engine is not given to.
    """
    import narwhals as nw

    schema = lazy_source(native, None).schema
    refuse_missing_columns(schema.names())
    typed, unread, other, source = {}, {}, [], native.frame
    if "value" in schema and schema["value"] == pl.String:
        source, typed["value"], unread["value"] = _vietnamese(source)
    for name in [name for name in RESERVED[:5] if name in schema and name not in typed]:
        found = _typed_column(name, schema[name])
        if found is None:
            other.append(f"{name} of type {schema[name]}")
        else:
            typed[name], unread[name] = found
    keys = key_columns(schema.names(), check=False)
    unchecked = LazyObservations(native, None, keys, pl.DataFrame())
    if other:  # the Polars checks on the fetched columns; else refused by name
        prepare_observations(unchecked.pull(RESERVED))
        raise _refused(native, other)
    kinds: dict[str, Any] = {"value": nw.Float64, "unit": nw.String, "assessment": nw.Boolean}
    for name, kind in kinds.items():
        if name not in typed:
            typed[name], unread[name] = nw.lit(None, dtype=kind), nw.lit(False)
    value = typed["value"]
    flags = {
        "_no_indicator": typed["indicator"].is_null(),
        "_no_year": typed["year"].is_null(),
        "_infinite": ~value.is_null() & ~value.is_nan() & ~value.is_finite(),
        "_unread_value": unread["value"],
        "_unread_year": unread["year"],
    }
    counted = source.select(
        typed["indicator"].alias("indicator"),
        typed["unit"].alias("unit"),
        *(flag.alias(name) for name, flag in flags.items()),
    )
    counts = [
        nw.when(nw.col(name)).then(nw.lit(1)).otherwise(nw.lit(0)).sum().alias(name)
        for name in flags
    ]
    grouped = counted.group_by("indicator", "unit").agg(*counts)
    found_pairs: pl.DataFrame = grouped.collect(backend="polars").to_native()
    totals = {name: int(found_pairs[name].sum()) for name in flags}
    if any(totals.values()):  # the Polars checks say which rows; else refused by name
        prepare_observations(unchecked.pull(RESERVED))
        raise _refused(
            native, [f"{n} texts such as 1e5" for n in ("value", "year") if totals[f"_unread_{n}"]]
        )
    key_columns(schema.names())
    frame = source.select(
        *(typed[name].alias(name) for name in RESERVED[:5]), *(nw.col(key) for key in keys)
    )
    pairs = found_pairs.select("indicator", blank_unit(pl.col("unit")).alias("unit"))
    return LazyObservations(native, frame, keys, pairs)
