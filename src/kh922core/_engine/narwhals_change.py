"""Change targets in the engine of a lazy frame, through Narwhals: the same columns as Polars'.

:mod:`kh922core._engine.change_query` lowered to Narwhals expressions, for DuckDB and Spark.
Each observation is joined to its targets (:meth:`LazyChange.table_columns` adds each change
target's base rule and the constants of its size to the bounds table); then, per row of a
change target:

* ``base_year``: the year the text names, else the year before the row's (previous year), else
  the year of the target's plan baseline;
* the series' level at that year for the row's key group (the key columns without ``year``),
  in the target's unit: the rows of one target are the observations of its indicator, each
  already converted to the target's unit (``value_converted``, with the factor of its own
  ``(indicator, unit)`` pair), so the base is a window over the target and the key group:

  - a named year: ``max(value_converted where year = base year) over (target, key group)``;
  - the previous year: each observation with a value is stacked once more, one year later,
    and a row reads ``max(…) over (target, key group, year)`` of those copies.

  A window groups null keys together, as the Polars engine's join (``nulls_equal``) does, and
  two observations of one key group at a base year are refused before (one small aggregate in
  the engine), so a window holds one base at most;
* ``base_value``, ``baseline_source``, ``change_size`` and ``no_data_reason`` exactly as in
  :mod:`kh922core._engine.change_query`: the same operations in the same order (a step that no
  change target of the plan needs is left out, a constant they all share is a literal).

Before the query is built, :meth:`LazyChange.refuse_duplicates` raises the Polars engine's
:class:`~kh922core.errors.ObservationError` for two values of one key group at a base year
(:mod:`kh922core._engine.narwhals_base_duplicates`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.columns import (
    BASE_VALUE,
    BASE_YEAR,
    BASELINE_SOURCE,
    CHANGE_SIZE,
    TARGET_ID,
    VALUE_CONVERTED,
    YEAR,
    unused_name,
)
from kh922core._engine.compile import CompiledTarget
from kh922core._engine.conversion import PairFactors
from kh922core._engine.narwhals_base_duplicates import refuse_duplicate_bases
from kh922core._engine.narwhals_components import Pull, power
from kh922core._engine.plan_bases import series_groups
from kh922core._targets import Change, ChangeKind

__all__ = ["LazyChange"]

# Columns this module adds to the bounds table (one value per target; null for a level target).
_CHANGE = "_kh_change"
_SINCE = "_kh_since"
_PREVIOUS = "_kh_previous_year"
_OWN_YEAR = "_kh_own_base_year"  # the plan baseline's year, for a text that names no base
_PLAN_VALUE = "_kh_plan_base_value"
_PLAN_YEAR = "_kh_plan_base_year"
_FORM = "_kh_change_form"
_GROWTH = "_kh_change_growth"
_OFFSET = "_kh_change_offset"
_FACTOR = "_kh_change_factor"
_PER_YEAR = "_kh_change_per_year"
_BASE_MIN = "_kh_change_base_min"
_VALUE_MIN = "_kh_change_value_min"
_TABLE_TYPES: dict[str, pl.DataType] = {
    _CHANGE: pl.Boolean(),
    _SINCE: pl.Int64(),
    _PREVIOUS: pl.Boolean(),
    _OWN_YEAR: pl.Int64(),
    _PLAN_VALUE: pl.Float64(),
    _PLAN_YEAR: pl.Int64(),
    _FORM: pl.Int64(),
    _GROWTH: pl.Boolean(),
    _OFFSET: pl.Float64(),
    _FACTOR: pl.Float64(),
    _PER_YEAR: pl.Boolean(),
    _BASE_MIN: pl.Float64(),
    _VALUE_MIN: pl.Float64(),
}
# Bases of the names of the query's temporary columns (see unused_name).
_TEMPORARY = (
    "_kh_since_base",
    "_kh_previous_base",
    "_kh_years",
    "_kh_measured",
    "_kh_lookup_year",
    "_kh_base_copy",
)

_RATIO = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR, ChangeKind.MULTIPLE})
_PERCENT = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR})
_TINY = 5e-324  # the smallest float above 0: ``x > 0`` is ``x >= _TINY``
_INT32 = (-(2**31), 2**31 - 1)


def _constants(change: Change) -> dict[str, object]:
    """The size pipeline's constants of one target (those of ``change_query``)."""
    kind, falling = change.kind, change.falling
    multiple = kind is ChangeKind.MULTIPLE
    return {
        _FORM: 0 if kind not in _RATIO else (2 if multiple and falling else 1),
        _GROWTH: kind is ChangeKind.GROWTH_PER_YEAR,
        _OFFSET: 1.0 if kind in _PERCENT else 0.0,
        _FACTOR: (-1.0 if falling and not multiple else 1.0) * (100.0 if kind in _PERCENT else 1.0),
        _PER_YEAR: kind is ChangeKind.POINTS_PER_YEAR,
        _BASE_MIN: _TINY if kind in _RATIO else -math.inf,
        _VALUE_MIN: 0.0
        if kind is ChangeKind.GROWTH_PER_YEAR
        else (_TINY if multiple and falling else -math.inf),
    }


def _table_row(target: CompiledTarget) -> dict[str, object]:
    """The bounds table's change columns of one change target."""
    change, plan = target.change, target.plan_base
    assert change is not None
    own = change.since is None and not change.previous_year and plan is not None
    return {
        _CHANGE: True,
        _SINCE: change.since,
        _PREVIOUS: change.previous_year,
        _OWN_YEAR: plan[1] if own and plan is not None else None,
        _PLAN_VALUE: plan[0] if plan is not None else None,
        _PLAN_YEAR: plan[1] if plan is not None else None,
        **_constants(change),
    }


@dataclass(frozen=True)
class LazyChange:
    """The part of the lazy query that change targets add (see the module docstring).

    Attributes:
        targets: The plan's change targets (their shared constants make literals).
        observed: The change targets of observed indicators, in plan order.
        groups: The key columns that tell a series apart (without ``year`` and provenance).
        has_year: Whether the observations have a ``year`` column.
    """

    targets: tuple[CompiledTarget, ...]
    observed: tuple[CompiledTarget, ...]
    groups: tuple[str, ...]
    has_year: bool

    @classmethod
    def of(
        cls,
        compiled: Mapping[str, tuple[CompiledTarget, ...]],
        factors: Sequence[PairFactors],
        keys: Sequence[str],
        has_year: bool,
    ) -> LazyChange | None:
        """The change part of a plan's query; ``None`` when it has no change target."""
        targets = tuple(t for ts in compiled.values() for t in ts if t.change is not None)
        if not targets:
            return None
        seen = {pair.indicator for pair in factors}
        observed = tuple(t for t in targets if t.indicator in seen)
        return cls(targets, observed, tuple(series_groups(keys)), has_year)

    def table_columns(self, table: pl.DataFrame) -> pl.DataFrame:
        """The bounds ``table`` with the change columns of each row's target (null, and
        ``False`` for ``_kh_change``, for a level target)."""
        ids = pl.Series([t.target_id for t in self.targets], dtype=pl.String)
        rows = [_table_row(t) for t in self.targets]
        columns = {
            name: pl.Series([row[name] for row in rows], dtype=dtype)
            for name, dtype in _TABLE_TYPES.items()
        }
        key = unused_name("_kh_target", table.columns)
        per_target = pl.DataFrame({key: ids, **columns})
        keyed = table.with_columns(pl.col(TARGET_ID).cast(pl.String).alias(key))
        joined = keyed.join(per_target, on=key, how="left", maintain_order="left").drop(key)
        return joined.with_columns(pl.col(_CHANGE, _PREVIOUS).fill_null(False))

    def _since(self) -> list[CompiledTarget]:
        return [t for t in self.observed if t.change and t.change.since is not None]

    def _previous(self) -> list[CompiledTarget]:
        return [t for t in self.observed if t.change and t.change.previous_year]

    def refuse_duplicates(self, frame: Any, pull: Pull, factors: Sequence[PairFactors]) -> None:
        """Raise the Polars engine's :class:`~kh922core.errors.ObservationError` when a key
        group has two values at a base year that a row reads (see
        :func:`~kh922core._engine.narwhals_base_duplicates.refuse_duplicate_bases`)."""
        if self.has_year:
            refuse_duplicate_bases(
                frame, self._since(), self._previous(), self.groups, pull, factors
            )

    def names(self, taken: Sequence[str]) -> tuple[str, ...]:
        """Names for the temporary columns that none of ``taken`` uses."""
        names: list[str] = []
        for base in _TEMPORARY:
            names.append(unused_name(base, [*taken, *names]))
        return tuple(names)

    def _shared(self, name: str) -> list[object]:
        """The distinct values of one constant over the change targets."""
        return list(dict.fromkeys(_constants(t.change)[name] for t in self.targets if t.change))

    def _constant(self, name: str) -> Any:
        """A constant of the size pipeline: a literal when every change target has the same."""
        import narwhals as nw

        values = self._shared(name)
        if len(values) > 1:
            return nw.col(name)
        assert isinstance(values[0], float)  # the constants read as literals are floats
        return nw.lit(values[0], dtype=nw.Float64)

    def _base_year(self, year: Any) -> Any:
        """The year the text names, the year before the row's, or the plan baseline's year."""
        import narwhals as nw

        changes = [t.change for t in self.targets if t.change is not None]
        terms = []
        if any(c.since is not None for c in changes):
            terms.append(nw.col(_SINCE).cast(nw.Int32))  # a year: it fits
        if any(c.previous_year for c in changes):
            terms.append(nw.when(nw.col(_PREVIOUS)).then(year - 1))
        if any(
            c.since is None and not c.previous_year and t.plan_base
            for t in self.targets
            if (c := t.change)
        ):
            terms.append(nw.col(_OWN_YEAR).cast(nw.Int32))
        if not terms:
            return nw.lit(None, dtype=nw.Int32)
        return terms[0] if len(terms) == 1 else nw.coalesce(*terms)

    def _with_series(self, rows: Any, names: tuple[str, ...]) -> tuple[Any, Any]:
        """``rows`` with the series' base of each row of a change target (null: none), and the
        expression that reads it."""
        import narwhals as nw

        c = nw.col
        found = []
        partition = [TARGET_ID, *self.groups]
        if self.has_year and self._since():
            at_base = nw.when(c(YEAR) == c(_SINCE)).then(c(VALUE_CONVERTED))
            rows = rows.with_columns(at_base.max().over(*partition).alias(names[0]))
            found.append(c(names[0]))
        if self.has_year and self._previous():
            look, copy = names[4], names[5]
            own = rows.with_columns(
                c(YEAR).cast(nw.Int64).alias(look),
                nw.lit(None, dtype=nw.Float64).alias(names[1]),
                nw.lit(False).alias(copy),
            )
            bases = rows.filter(
                c(_PREVIOUS) & ~c(VALUE_CONVERTED).is_null() & ~c(YEAR).is_null()
            ).with_columns(
                (c(YEAR).cast(nw.Int64) + 1).alias(look),
                c(VALUE_CONVERTED).alias(names[1]),
                nw.lit(True).alias(copy),
            )
            rows = (
                nw.concat([own, bases], how="vertical")
                .with_columns(c(names[1]).max().over(*partition, look))
                .filter(~c(copy))
                .drop(look, copy)
            )
            found.append(c(names[1]))
        if not found:
            return rows, nw.lit(None, dtype=nw.Float64)
        return rows, found[0] if len(found) == 1 else nw.coalesce(*found)

    def add(self, rows: Any, names: tuple[str, ...]) -> Any:
        """``rows`` (joined to the bounds table, with ``value_converted``) with ``base_year``,
        ``base_value``, ``baseline_source``, ``change_size`` and the number the bounds judge
        (``names[3]``: the size for a change target, the converted value for a level)."""
        import narwhals as nw

        c = nw.col
        year = self._year()
        rows, series = self._with_series(rows, names)
        base = series
        source: Any = nw.when(~series.is_null()).then(nw.lit("series", dtype=nw.String))
        if any(t.plan_base for t in self.targets):
            plan = nw.when(c(_PLAN_YEAR) == c(BASE_YEAR)).then(c(_PLAN_VALUE))
            base = nw.coalesce(series, plan)
            source = source.otherwise(
                nw.when(c(_PLAN_YEAR) == c(BASE_YEAR)).then(nw.lit("plan", dtype=nw.String))
            )
        # in floats: an Int32 difference of absurd years would wrap around (-2147483648 - 2020)
        years = year.cast(nw.Float64) - c(BASE_YEAR).cast(nw.Float64)
        measured = nw.when(c(_CHANGE)).then(c(CHANGE_SIZE)).otherwise(c(VALUE_CONVERTED))
        return (
            rows.with_columns(self._base_year(year).cast(nw.Int32).alias(BASE_YEAR))
            .with_columns(
                base.alias(BASE_VALUE),
                source.alias(BASELINE_SOURCE),
                years.alias(names[2]),
            )
            .with_columns(self._size(c(names[2])).alias(CHANGE_SIZE))
            .with_columns(measured.alias(names[3]))
        )

    def _year(self) -> Any:
        """Each row's year as an Int32; a year that does not fit one is no year."""
        import narwhals as nw

        if not self.has_year:
            return nw.lit(None, dtype=nw.Int32)
        fits = (nw.col(YEAR) >= _INT32[0]) & (nw.col(YEAR) <= _INT32[1])
        return nw.when(fits).then(nw.col(YEAR).cast(nw.Int32))

    def _size(self, years: Any) -> Any:
        """:meth:`kh922core.Change.size` of every row, null where undefined."""
        import narwhals as nw

        v, b = nw.col(VALUE_CONVERTED), nw.col(BASE_VALUE)
        forms = [int(form) for form in self._shared(_FORM)]  # type: ignore[call-overload]
        quotients = {0: v - b, 1: v / b, 2: b / v}
        q: Any = quotients[forms[-1]]
        for number in reversed(forms[:-1]):
            q = nw.when(nw.col(_FORM) == number).then(quotients[number]).otherwise(q)
        if True in self._shared(_GROWTH):  # x ^ 1 is x: one power for every row, no branch
            exponent = 1.0 / years
            if self._shared(_GROWTH) != [True]:
                exponent = nw.when(nw.col(_GROWTH)).then(exponent).otherwise(nw.lit(1.0))
            q = power(q, exponent)
        if self._shared(_OFFSET) != [0.0]:
            q = q - self._constant(_OFFSET)
        if self._shared(_FACTOR) != [1.0]:  # sign × scale: a sign changes no rounding
            q = q * self._constant(_FACTOR)
        if True in self._shared(_PER_YEAR):  # x / 1 is x
            divisor = years
            if self._shared(_PER_YEAR) != [True]:
                divisor = nw.when(nw.col(_PER_YEAR)).then(years).otherwise(nw.lit(1.0))
            q = q / divisor
        known = v.is_finite() & b.is_finite() & (years > 0.0)
        for name, value in ((_BASE_MIN, b), (_VALUE_MIN, v)):
            if self._shared(name) != [-math.inf]:
                known = known & (value >= self._constant(name))
        return nw.when(known).then(q)

    def reason(self, names: tuple[str, ...], judged: Any, words: Any) -> Any:
        """Why a row's status is ``no_data``, null for every other status: a row is without
        data when nothing was judged (``judged``, the bounds' answer, is null) and it is not a
        target in ``words`` (``needs_assessment``)."""
        import narwhals as nw

        def text(reason: str) -> Any:
            return nw.lit(reason, dtype=nw.String)

        year = self._year()
        chain: Any = (
            nw.when(nw.col(VALUE_CONVERTED).is_null())
            .then(text("no value"))
            .otherwise(
                nw.when(year.is_null())
                .then(text("no year"))
                .otherwise(
                    nw.when(nw.col(names[2]) <= 0.0)
                    .then(text("year not after the base year"))
                    .otherwise(
                        nw.when(nw.col(BASE_VALUE).is_null())
                        .then(text("no base value"))
                        .otherwise(text("change undefined"))
                    )
                )
            )
        )
        if words is not None:
            chain = nw.when(words).then(nw.lit(None, dtype=nw.String)).otherwise(chain)
        return nw.when(~judged.is_null()).then(nw.lit(None, dtype=nw.String)).otherwise(chain)
