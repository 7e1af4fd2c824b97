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

The size is computed by :mod:`kh922core._engine.change_size`.  Whether a row is a change
target, and its base year when the plan names one, come from its key to the base lookup
(gathered once) where every change target has one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.base_lookup import BaseLookup
from kh922core._engine.change_bases import SeriesBases
from kh922core._engine.change_size import SizePipeline
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
from kh922core._targets import Change

__all__ = ["ChangeQuery"]

# Columns of the bounds table (gathered by each row's target).
_CHANGE = "_kh_change"
_SINCE = "_kh_since"
_PREVIOUS = "_kh_previous_year"
_OWN_YEAR = "_kh_own_base_year"  # the plan baseline's year, for a text that names no base
_PLAN_FIXED = "_kh_plan_fixed_base"  # the plan baseline, where its year is the base year
_PLAN_VALUE = "_kh_plan_base_value"  # of a previous-year target (its base year is the row's)
_PLAN_YEAR = "_kh_plan_base_year"
_SINCE_SLOT = "_kh_since_slot"
_PREVIOUS_SLOT = "_kh_previous_slot"
_SHAPE = "_kh_change_shape"  # the place of the target's (kind, falling) among the plan's
# Bases of the names of the query's temporary columns (see unused_name).
_TEMPORARY = (
    "_kh_since_base",
    "_kh_previous_base",
    "_kh_years",
    "_kh_measured",
    "_kh_since_key",
    "_kh_previous_key",
    "_kh_quotient",
    "_kh_shape",
)

#: Gathers a column of the bounds table at each row's target.
Gather = Callable[[str], pl.Expr]


def _reason(text: str) -> pl.Expr:
    return pl.lit(text, dtype=NO_DATA_REASON_DTYPE)


def _source(text: str) -> pl.Expr:
    return pl.lit(text, dtype=BASELINE_SOURCE_DTYPE)


def _fixed_plan_base(target: CompiledTarget) -> float | None:
    """The plan baseline of a target whose base year does not depend on the row, where its
    year is that base year (a named year, or the baseline's own year); else ``None``."""
    change, base = target.change, target.plan_base
    if change is None or base is None or change.previous_year:
        return None
    return base[0] if change.since in (None, base[1]) else None


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

    def _changes(self) -> list[Change]:
        return [t.change for t in self.targets if t.change is not None]

    def _pipeline(self) -> SizePipeline:
        return SizePipeline(tuple(self._changes()))

    @staticmethod
    def _key_dtype(lookup: BaseLookup | None) -> type[pl.DataType]:
        return pl.Int64 if lookup is None else lookup.key_dtype()

    def table_columns(self, rows: Sequence[CompiledTarget]) -> dict[str, pl.Series]:
        """The bounds table's columns for the change targets, one value per row of it."""
        changes = [t.change for t in rows]
        plans = [t.plan_base if t.change is not None else None for t in rows]
        own = [
            b and c and c.since is None and not c.previous_year and b[1]
            for b, c in zip(plans, changes, strict=True)
        ]
        previous = [bool(c and c.previous_year) for c in changes]
        keys: dict[str, int] = {}  # what each row of a target gathers to find its base
        for lookup, slots in (
            (self.bases.since, self.bases.since_slots),
            (self.bases.previous, self.bases.previous_slots),
        ):
            keys |= {name: lookup.key_of(slot) for name, slot in slots.items() if lookup}
        shapes = {shape: n for n, shape in enumerate(self._pipeline().shapes())}
        return {
            _CHANGE: pl.Series([c is not None for c in changes], dtype=pl.Boolean),
            _SINCE: pl.Series([c and c.since for c in changes], dtype=pl.Int32),
            _PREVIOUS: pl.Series(previous, dtype=pl.Boolean),
            _OWN_YEAR: pl.Series([year or None for year in own], dtype=pl.Int32),
            _PLAN_FIXED: pl.Series([_fixed_plan_base(t) for t in rows], dtype=pl.Float64),
            _PLAN_VALUE: pl.Series(
                [b[0] if b and p else None for b, p in zip(plans, previous, strict=True)],
                dtype=pl.Float64,
            ),
            _PLAN_YEAR: pl.Series([b and b[1] for b in plans], dtype=pl.Int32),
            _SINCE_SLOT: pl.Series(
                [keys.get(t.target_id) if t.change and t.change.since else None for t in rows],
                dtype=self._key_dtype(self.bases.since),
            ),
            _PREVIOUS_SLOT: pl.Series(
                [
                    keys.get(t.target_id) if t.change and t.change.previous_year else None
                    for t in rows
                ],
                dtype=self._key_dtype(self.bases.previous),
            ),
            _SHAPE: pl.Series(
                [None if c is None else shapes[(c.kind, c.falling)] for c in changes],
                dtype=pl.Int8,
            ),
        }

    def names(self, taken: Sequence[str]) -> tuple[str, ...]:
        """Names for the temporary columns that none of ``taken`` uses."""
        names: list[str] = []
        for base in _TEMPORARY:
            names.append(unused_name(base, [*taken, *names]))
        return tuple(names)

    def _lookups(self, names: tuple[str, ...]) -> list[tuple[BaseLookup, str, str, str]]:
        """The lookups the rows read (none without a year): their slot column, the column of
        each row's key, and the column of its base."""
        if not self.has_year:
            return []
        rules = (
            (self.bases.since, _SINCE_SLOT, names[4], names[0]),
            (self.bases.previous, _PREVIOUS_SLOT, names[5], names[1]),
        )
        return [(lookup, slot, key, base) for lookup, slot, key, base in rules if lookup]

    def _year(self) -> pl.Expr:
        """Each row's year as an Int32 (a no-op for the usual column); a year that does not
        fit one is no year."""
        return (
            pl.col(YEAR).cast(pl.Int32, strict=False) if self.has_year else pl.lit(None, pl.Int32)
        )

    def _is_change(self, p: Gather, names: tuple[str, ...]) -> pl.Expr:
        """Whether a row's target is a change target: its key to a lookup is not null when
        every change target reads one (no gather), else the bounds table says."""
        lookups = self._lookups(names)
        rules = {slot for _, slot, _, _ in lookups}
        every = all(
            (_SINCE_SLOT if c.since is not None else _PREVIOUS_SLOT if c.previous_year else "")
            in rules
            for c in self._changes()
        )
        if not every:
            return p(_CHANGE)
        keyed = [pl.col(key).is_not_null() for _, _, key, _ in lookups]
        return keyed[0] if len(keyed) == 1 else pl.any_horizontal(keyed)

    def _base_year(self, p: Gather, year: pl.Expr, names: tuple[str, ...]) -> pl.Expr:
        """The year the text names, the year before the row's, or the plan baseline's year."""
        changes = self._changes()
        keys = {slot: key for _, slot, key, _ in self._lookups(names)}
        terms: list[pl.Expr] = []
        named = list(dict.fromkeys(c.since for c in changes if c.since is not None))
        if len(named) == 1 and _SINCE_SLOT in keys:  # one year: no gather
            since = pl.lit(named[0], dtype=pl.Int32)
            terms.append(pl.when(pl.col(keys[_SINCE_SLOT]).is_not_null()).then(since))
        elif named:
            terms.append(p(_SINCE))
        if any(c.previous_year for c in changes):
            previous = (
                pl.col(keys[_PREVIOUS_SLOT]).is_not_null() if _PREVIOUS_SLOT in keys else None
            )
            terms.append(pl.when(p(_PREVIOUS) if previous is None else previous).then(year - 1))
        if any(
            c.since is None and not c.previous_year and t.plan_base
            for t in self.targets
            if (c := t.change)
        ):
            terms.append(p(_OWN_YEAR))
        if not terms:
            return pl.lit(None, dtype=pl.Int32)
        return terms[0] if len(terms) == 1 else pl.coalesce(terms)

    def _plan_bases(self) -> bool:
        """Whether a change target may take its base from the plan baseline."""
        return any(_fixed_plan_base(t) is not None for t in self.targets) or any(
            t.plan_base and t.change and t.change.previous_year for t in self.targets
        )

    def _base(self, p: Gather, series: pl.Expr) -> pl.Expr:
        """The series base, else the plan baseline where its year is the base year."""
        terms = [series]
        if any(_fixed_plan_base(t) is not None for t in self.targets):
            terms.append(p(_PLAN_FIXED))
        if any(t.plan_base and t.change and t.change.previous_year for t in self.targets):
            fits = p(_PLAN_YEAR) == pl.col(BASE_YEAR)
            terms.append(pl.when(fits).then(p(_PLAN_VALUE)))
        return terms[0] if len(terms) == 1 else pl.coalesce(terms)

    def add(self, rows: pl.LazyFrame, p: Gather, names: tuple[str, ...]) -> pl.LazyFrame:
        """``rows`` (with ``value_converted``) with ``base_year``, ``base_value``,
        ``baseline_source``, ``change_size`` and the number the bounds judge (``names[3]``:
        the size for a change target, the converted value for a level)."""
        year = self._year()
        lookups = self._lookups(names)
        series: pl.Expr = pl.lit(None, dtype=pl.Float64)
        if len(lookups) == 1:
            series = pl.col(lookups[0][3])
        elif lookups:
            series = pl.coalesce([pl.col(base) for *_, base in lookups])
        # Once per row: its key to each lookup (its index, and whether it has one), its shape.
        once = [p(slot).alias(key) for _, slot, key, _ in lookups]
        pipeline = self._pipeline()
        if len(pipeline.shapes()) > 1:
            once.append(p(_SHAPE).alias(names[7]))
        if once:
            rows = rows.with_columns(once)
        for lookup, _, key, base in lookups:
            rows = lookup.added_to(rows, pl.col(key), base)
        source: Any = pl.when(series.is_not_null()).then(_source("series"))
        if self._plan_bases():  # else the base is the series' or none
            source = source.when(pl.col(BASE_VALUE).is_not_null()).then(_source("plan"))
        years = pipeline.years(year)
        shape = pl.col(names[7]) if len(pipeline.shapes()) > 1 else pl.lit(0, dtype=pl.Int8)
        # the quotient is a column of its own only where the size reads it twice
        quotient = pipeline.quotient(shape)
        inline = pipeline.reads_quotient_once()
        size = pipeline.size(
            quotient if inline else pl.col(names[6]), pl.col(names[2]), shape, self._plan_bases()
        )
        change = self._is_change(p, names)
        measured = pl.when(change).then(pl.col(CHANGE_SIZE)).otherwise(pl.col(VALUE_CONVERTED))
        return (
            rows.with_columns(self._base_year(p, year, names).alias(BASE_YEAR))
            .with_columns(self._base(p, series).alias(BASE_VALUE), years.alias(names[2]))
            .with_columns(
                source.alias(BASELINE_SOURCE), *([] if inline else [quotient.alias(names[6])])
            )
            .with_columns(size.alias(CHANGE_SIZE))
            .with_columns(measured.alias(names[3]))
            .drop([key for _, _, key, _ in lookups], names[6], names[7], strict=False)
        )

    def reason(self, names: tuple[str, ...], judged: pl.Expr, words: pl.Expr | None) -> pl.Expr:
        """Why a row's status is ``no_data``, null for every other status: a row is without
        data when nothing was judged (``judged``, the bounds' answer, is null) and it is not a
        target in ``words`` (``needs_assessment``)."""
        year = self._year()
        reason: Any = pl.when(judged.is_not_null()).then(None)
        if words is not None:
            reason = reason.when(words).then(None)
        chain: pl.Expr = (
            reason.when(pl.col(VALUE_CONVERTED).is_null())
            .then(_reason("no value"))
            .when(year.is_null())
            .then(_reason("no year"))
            .when(~self._pipeline().after(pl.col(names[2])))
            .then(_reason("year not after the base year"))
            .when(pl.col(BASE_VALUE).is_null())
            .then(_reason("no base value"))
            .otherwise(_reason("change undefined"))
        )
        return chain
