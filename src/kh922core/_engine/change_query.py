"""Change targets in the query: the base of each row, the size of its change, why no data.

A change target's criterion bounds the size of the change from the base level ``b`` to the
value ``v`` (in the target's unit), over ``years`` = the observation's year minus the base year.
For each row of a change target the query finds:

* ``base_year``: the year the text names, else the year before the row's (previous year), else
  the year of the target's plan baseline;
* ``base_value``: the series' level at that year for the row's key group
  (:mod:`kh922core._engine.change_bases`), else the plan baseline's value when its year is the
  base year (always, when the text names no base year); ``baseline_source`` says which;
* ``change_size``: the size, exactly as :meth:`kh922core.Change.size` computes it (the same
  operations in the same order), null where it is undefined: no base, a year not after the base
  year, a ratio to a base of 0 or below, a negative level under compound growth, a fall to 0 as
  a multiple, a value or base that is not finite.

The size then goes through the same bound comparisons as a level does.  ``no_data_reason``
says why a row has no data.  Level rows of a plan with change targets have these columns null
(and a plan without change targets does not have them: its query is unchanged).

Every kind's size is one pipeline with per-target constants, each step exact where it does not
apply (``x − 0``, ``x · 1`` and ``x / 1`` are ``x``)::

    q    = v − b (points, per year) | v / b (relative, growth, multiple) | b / v (falling multiple)
    q    = q ^ (1 / years)                      growth only
    size = ((q − offset) · factor) [/ years]
           offset 1 for relative and growth; factor = sign × scale, sign −1 when falling (not
           for a multiple), scale 100 for relative and growth; / years for points per year

(``(x · sign) · 100`` is ``x · (sign · 100)``: a sign changes no rounding)

which makes the same operations in the same order as :meth:`kh922core.Change.size`.  A step
that no target of the plan needs is left out of the query, and a constant that all its change
targets share is a literal, not a column gathered per row.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.change_bases import BaseLookup, SeriesBases
from kh922core._engine.columns import (
    BASE_VALUE,
    BASE_YEAR,
    BASELINE_SOURCE,
    BASELINE_SOURCE_DTYPE,
    CHANGE_SIZE,
    NO_DATA_REASON_DTYPE,
    VALUE_CONVERTED,
    YEAR,
    unused_name,
)
from kh922core._engine.compile import CompiledTarget
from kh922core._targets import Change, ChangeKind

__all__ = ["ChangeQuery"]

# Columns of the bounds table (gathered by each row's target).
_CHANGE = "_kh_change"
_SINCE = "_kh_since"
_PREVIOUS = "_kh_previous_year"
_OWN_YEAR = "_kh_own_base_year"  # the plan baseline's year, for a text that names no base
_PLAN_VALUE = "_kh_plan_base_value"
_PLAN_YEAR = "_kh_plan_base_year"
_SINCE_SLOT = "_kh_since_slot"
_PREVIOUS_SLOT = "_kh_previous_slot"
_FORM = "_kh_change_form"
_GROWTH = "_kh_change_growth"
_OFFSET = "_kh_change_offset"
_FACTOR = "_kh_change_factor"
_PER_YEAR = "_kh_change_per_year"
_BASE_MIN = "_kh_change_base_min"
_VALUE_MIN = "_kh_change_value_min"
# Bases of the names of the query's temporary columns (see unused_name).
_TEMPORARY = ("_kh_since_base", "_kh_previous_base", "_kh_years", "_kh_measured")

_RATIO = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR, ChangeKind.MULTIPLE})
_PERCENT = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR})
_TINY = 5e-324  # the smallest float above 0: ``x > 0`` is ``x >= _TINY``
#: Gathers a column of the bounds table at each row's target.
Gather = Callable[[str], pl.Expr]


def _reason(text: str) -> pl.Expr:
    return pl.lit(text, dtype=NO_DATA_REASON_DTYPE)


def _source(text: str) -> pl.Expr:
    return pl.lit(text, dtype=BASELINE_SOURCE_DTYPE)


def _constants(change: Change | None) -> dict[str, object]:
    """The size pipeline's constants of one target (see the module docstring)."""
    if change is None:
        return {}
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


_DTYPES: dict[str, pl.DataType] = {
    _FORM: pl.Int8(),
    _GROWTH: pl.Boolean(),
    _OFFSET: pl.Float64(),
    _FACTOR: pl.Float64(),
    _PER_YEAR: pl.Boolean(),
    _BASE_MIN: pl.Float64(),
    _VALUE_MIN: pl.Float64(),
}


@dataclass(frozen=True)
class ChangeQuery:
    """The part of the query that change targets add (see the module docstring).

    Attributes:
        bases: The series' levels at the base years, per key group.
        targets: The plan's change targets.
        has_year: Whether the observations have a ``year`` column (without, no change is
            measured: ``no year``).
    """

    bases: SeriesBases
    targets: tuple[CompiledTarget, ...]
    has_year: bool

    @classmethod
    def of(
        cls, targets: Sequence[CompiledTarget], bases: SeriesBases, has_year: bool
    ) -> ChangeQuery | None:
        """The change part for ``targets``; ``None`` when none of them is a change target."""
        changes = tuple(t for t in targets if t.change is not None)
        return cls(bases, changes, has_year) if changes else None

    def _shared(self, name: str) -> list[object]:
        """The distinct values of one constant over the change targets."""
        return list(dict.fromkeys(_constants(t.change)[name] for t in self.targets))

    def _constant(self, p: Gather, name: str) -> pl.Expr:
        """A constant of the size pipeline: a literal when every change target has the same."""
        values = self._shared(name)
        return pl.lit(values[0], dtype=_DTYPES[name]) if len(values) == 1 else p(name)

    def table_columns(self, rows: Sequence[CompiledTarget]) -> dict[str, pl.Series]:
        """The bounds table's columns for the change targets, one value per row of it."""
        changes = [t.change for t in rows]
        plans = [t.plan_base if t.change is not None else None for t in rows]
        own = [
            b and c and c.since is None and not c.previous_year and b[1]
            for b, c in zip(plans, changes, strict=True)
        ]
        keys: dict[str, int] = {}  # what each row of a target gathers to find its base
        for lookup, slots in (
            (self.bases.since, self.bases.since_slots),
            (self.bases.previous, self.bases.previous_slots),
        ):
            keys |= {name: lookup.key_of(slot) for name, slot in slots.items() if lookup}
        columns = {
            _CHANGE: pl.Series([c is not None for c in changes], dtype=pl.Boolean),
            _SINCE: pl.Series([c and c.since for c in changes], dtype=pl.Int32),
            _PREVIOUS: pl.Series([bool(c and c.previous_year) for c in changes], dtype=pl.Boolean),
            _OWN_YEAR: pl.Series([year or None for year in own], dtype=pl.Int32),
            _PLAN_VALUE: pl.Series([b and b[0] for b in plans], dtype=pl.Float64),
            _PLAN_YEAR: pl.Series([b and b[1] for b in plans], dtype=pl.Int32),
            _SINCE_SLOT: pl.Series(
                [keys.get(t.target_id) if t.change and t.change.since else None for t in rows],
                dtype=pl.Int64,
            ),
            _PREVIOUS_SLOT: pl.Series(
                [
                    keys.get(t.target_id) if t.change and t.change.previous_year else None
                    for t in rows
                ],
                dtype=pl.Int64,
            ),
        }
        for name, dtype in _DTYPES.items():
            values = [_constants(c).get(name) for c in changes]
            columns[name] = pl.Series(values, dtype=dtype)
        return columns

    def names(self, taken: Sequence[str]) -> tuple[str, ...]:
        """Names for the temporary columns that none of ``taken`` uses."""
        names: list[str] = []
        for base in _TEMPORARY:
            names.append(unused_name(base, [*taken, *names]))
        return tuple(names)

    def _lookups(self, names: tuple[str, ...]) -> list[tuple[BaseLookup, str, str]]:
        """The lookups the rows read (none without a year), their slot and their column."""
        if not self.has_year:
            return []
        rules = (
            (self.bases.since, _SINCE_SLOT, names[0]),
            (self.bases.previous, _PREVIOUS_SLOT, names[1]),
        )
        return [(lookup, slot, name) for lookup, slot, name in rules if lookup is not None]

    def _base_year(self, p: Gather, year: pl.Expr) -> pl.Expr:
        """The year the text names, the year before the row's, or the plan baseline's year."""
        changes = [t.change for t in self.targets if t.change is not None]
        terms = []
        if any(c.since is not None for c in changes):
            terms.append(p(_SINCE))
        if any(c.previous_year for c in changes):
            terms.append(pl.when(p(_PREVIOUS)).then(year - 1))
        if any(
            c.since is None and not c.previous_year and t.plan_base
            for t in self.targets
            if (c := t.change)
        ):
            terms.append(p(_OWN_YEAR))
        if not terms:
            return pl.lit(None, dtype=pl.Int32)
        return terms[0] if len(terms) == 1 else pl.coalesce(terms)

    def add(self, rows: pl.LazyFrame, p: Gather, names: tuple[str, ...]) -> pl.LazyFrame:
        """``rows`` (with ``value_converted``) with ``base_year``, ``base_value``,
        ``baseline_source``, ``change_size`` and the number the bounds judge (``names[3]``:
        the size for a change target, the converted value for a level)."""
        # Years as Int32 (a no-op for the usual column; a year that does not fit is no year).
        year = (
            pl.col(YEAR).cast(pl.Int32, strict=False) if self.has_year else pl.lit(None, pl.Int32)
        )
        lookups = self._lookups(names)
        series: pl.Expr = pl.lit(None, dtype=pl.Float64)
        if len(lookups) == 1:
            series = pl.col(lookups[0][2])
        elif lookups:
            series = pl.coalesce([pl.col(name) for _, _, name in lookups])
        base, source = series, pl.when(series.is_not_null()).then(_source("series"))
        if any(t.plan_base for t in self.targets):
            fits = p(_PLAN_YEAR) == pl.col(BASE_YEAR)
            base = pl.coalesce(series, pl.when(fits).then(p(_PLAN_VALUE)))
            source = source.when(fits).then(_source("plan"))  # type: ignore[assignment]
        years = (year - pl.col(BASE_YEAR)).cast(pl.Float64)
        measured = pl.when(p(_CHANGE)).then(pl.col(CHANGE_SIZE)).otherwise(pl.col(VALUE_CONVERTED))
        for lookup, slot, name in lookups:
            rows = lookup.added_to(rows, p(slot), name)
        return (
            rows.with_columns(self._base_year(p, year).alias(BASE_YEAR))
            .with_columns(
                base.alias(BASE_VALUE),
                source.otherwise(None).alias(BASELINE_SOURCE),
                years.alias(names[2]),
            )
            .with_columns(self._size(p, pl.col(names[2])).alias(CHANGE_SIZE))
            .with_columns(measured.alias(names[3]))
        )

    def _size(self, p: Gather, years: pl.Expr) -> pl.Expr:
        """:meth:`kh922core.Change.size` of every row, null where undefined."""
        v, b = pl.col(VALUE_CONVERTED), pl.col(BASE_VALUE)
        forms = [int(form) for form in self._shared(_FORM)]  # type: ignore[call-overload]
        quotients = {0: v - b, 1: v / b, 2: b / v}
        q: Any = quotients[forms[-1]]
        if len(forms) > 1:
            form = p(_FORM)
            chain: Any = pl
            for number in forms[:-1]:
                chain = chain.when(form == number).then(quotients[number])
            q = chain.otherwise(q)
        if True in self._shared(_GROWTH):  # x ^ 1 is x: one power for every row, no branch
            exponent = 1.0 / years
            if self._shared(_GROWTH) != [True]:
                exponent = pl.when(p(_GROWTH)).then(exponent).otherwise(1.0)
            q = q.pow(exponent)
        if self._shared(_OFFSET) != [0.0]:
            q = q - self._constant(p, _OFFSET)
        if self._shared(_FACTOR) != [1.0]:  # sign × scale: a sign changes no rounding
            q = q * self._constant(p, _FACTOR)
        if True in self._shared(_PER_YEAR):  # x / 1 is x
            divisor = years
            if self._shared(_PER_YEAR) != [True]:
                divisor = pl.when(p(_PER_YEAR)).then(years).otherwise(1.0)
            q = q / divisor
        known = v.is_finite() & b.is_finite() & (years > 0.0)
        for name, value in ((_BASE_MIN, b), (_VALUE_MIN, v)):
            if self._shared(name) != [-math.inf]:
                known = known & (value >= self._constant(p, name))
        return pl.when(known).then(q)

    def reason(self, names: tuple[str, ...], judged: pl.Expr, words: pl.Expr | None) -> pl.Expr:
        """Why a row's status is ``no_data``, null for every other status: a row is without
        data when nothing was judged (``judged``, the bounds' answer, is null) and it is not a
        target in ``words`` (``needs_assessment``)."""
        year = pl.col(YEAR) if self.has_year else pl.lit(None, dtype=pl.Int64)
        reason: Any = pl.when(judged.is_not_null()).then(None)
        if words is not None:
            reason = reason.when(words).then(None)
        chain: pl.Expr = (
            reason.when(pl.col(VALUE_CONVERTED).is_null())
            .then(_reason("no value"))
            .when(year.is_null())
            .then(_reason("no year"))
            .when(pl.col(names[2]) <= 0.0)
            .then(_reason("year not after the base year"))
            .when(pl.col(BASE_VALUE).is_null())
            .then(_reason("no base value"))
            .otherwise(_reason("change undefined"))
        )
        return chain
