"""The base level of change targets, per key group, from the series: no row loops, no guess.

A change target (``tăng 20% so với năm 2023``, ``tăng 9% so với cùng kỳ``) measures each
observation from the level of the same indicator and key group (the key columns without
``year``) at its base year: the year the text names, or the year before the observation's.
Before the query is built, the observations of the base years (for previous-year targets,
every observation of their indicators) are read, converted into each target's unit with one
factor per ``(indicator, unit)`` pair, and turned into a lookup that every row reads by its key
group (:mod:`kh922core._engine.base_lookup`): a dense array gathered by small codes of the
key columns, written straight from those observations, or else a join.

Two observations of one key group at a base year cannot both be the base, and are refused
(:attr:`SeriesBases.duplicates`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from kh922core._engine.base_lookup import BaseLookup, base_wanted, dense_lookup, table_lookup
from kh922core._engine.columns import INDICATOR, UNIT, VALUE, YEAR, unused_name
from kh922core._engine.compile import CompiledTarget
from kh922core._engine.conversion import PairFactors
from kh922core._engine.frame_checks import RowProblem
from kh922core._engine.key_codes import text_codes
from kh922core._engine.plan_bases import series_groups

__all__ = ["SeriesBases", "duplicates_problem", "series_bases"]

# Bases of the names of the lookup table's own columns (see unused_name).
_SLOT = "_kh_change_slot"
_BASE = "_kh_series_base"


@dataclass
class SeriesBases:
    """The lookups of :func:`series_bases`, and the base years observed twice.

    Attributes:
        since: For the targets whose text names a base year (their slot: ``since_slots``).
        previous: For the previous-year targets (``previous_slots``).
        since_slots: Target id to its slot in ``since``.
        previous_slots: Target id to its slot in ``previous``.
        duplicates: Observations of one key group and base year given twice, to be located.
    """

    since: BaseLookup | None = None
    previous: BaseLookup | None = None
    since_slots: dict[str, int] = field(default_factory=dict)
    previous_slots: dict[str, int] = field(default_factory=dict)
    duplicates: list[RowProblem] = field(default_factory=list)


def _share_key(
    target: CompiledTarget,
    factors: Sequence[PairFactors],
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
) -> tuple[object, ...]:
    """What two targets share when they read the same bases: their indicator, base year and
    unit factors (the targets of one indicator usually do)."""
    position = compiled[target.indicator].index(target)
    change = target.change
    units = tuple(
        (pair.unit, pair.factors[position])
        for pair in factors
        if pair.indicator == target.indicator
    )
    return (target.indicator, None if change is None else change.since, units)


def _shared_slots(
    targets: Sequence[CompiledTarget],
    factors: Sequence[PairFactors],
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
) -> dict[tuple[object, ...], int]:
    """One slot of the lookup per set of targets that read the same bases, in plan order."""
    slots: dict[tuple[object, ...], int] = {}
    for target in targets:
        slots.setdefault(_share_key(target, factors, compiled), len(slots))
    return slots


def _tiny(
    targets: Sequence[CompiledTarget],
    factors: Sequence[PairFactors],
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
    slot: str,
) -> pl.DataFrame:
    """One row per target and unit its indicator is observed in: the slot, the factor, and the
    base year the text names."""
    found: list[tuple[int, CompiledTarget, str | None, float | None]] = []
    for number, target in enumerate(targets):
        position = compiled[target.indicator].index(target)
        found += [
            (number, target, pair.unit, pair.factors[position])
            for pair in factors
            if pair.indicator == target.indicator
        ]
    return pl.DataFrame(
        {
            slot: pl.Series([row[0] for row in found], dtype=pl.UInt32),
            INDICATOR: pl.Series([row[1].indicator for row in found], dtype=pl.String),
            UNIT: pl.Series([row[2] for row in found], dtype=pl.String),
            "_kh_factor": pl.Series([row[3] for row in found], dtype=pl.Float64),
            YEAR: pl.Series(
                [None if (c := row[1].change) is None else c.since for row in found],
                dtype=pl.Int64,
            ),
        }
    )


def _pair_codes(
    schema: pl.Schema, tiny: pl.DataFrame, pairs: Sequence[PairFactors], previous: bool
) -> tuple[pl.Expr, pl.Series, pl.Series] | None:
    """Each observation's code of ``(indicator, unit[, base year])``, and the slot and factor
    of each code (a gather, where a join would hash every row), as the engine finds a row's
    targets; ``None`` when two slots share a code (their targets would need the join)."""
    with_unit = UNIT in schema and schema[UNIT] != pl.Null
    # Every indicator and unit observed: a text column is cast to an Enum of them.
    indicators = sorted({pair.indicator for pair in pairs})
    code, indicator_codes = text_codes(INDICATOR, schema[INDICATOR], indicators)
    by_indicator = dict(zip(indicators, indicator_codes, strict=True))
    by_unit: dict[str | None, int] = {None: 0}
    if with_unit:
        units = sorted({pair.unit for pair in pairs if pair.unit is not None})
        unit_code, unit_codes = text_codes(UNIT, schema[UNIT], units)
        by_unit = dict(zip(units, unit_codes, strict=True)) | {
            None: max(unit_codes, default=-1) + 1
        }
        # An Enum's codes are its categories' places, not 0 … n − 1: the width is the largest
        # code observed + 2 (the last is "no unit"), as the engine's own lookup has it.
        code = code * (by_unit[None] + 1) + unit_code.fill_null(by_unit[None])
    years = [y for y in tiny[YEAR].to_list() if y is not None]
    first, span = (min(years), max(years) - min(years) + 1) if years and not previous else (0, 1)
    if span > 1:  # the rows are those of the base years: from 0 to span - 1
        code = code * span + (pl.col(YEAR).cast(pl.Int64) - first).cast(pl.UInt32)
    width = by_unit[None] + 1
    size = (max(indicator_codes, default=0) + 1) * width * span + 1  # + 1: never a scalar
    if size >= 2**31:  # the codes are UInt32s (what a gather reads, without a cast)
        return None
    slots: list[int | None] = [None] * size
    factors: list[float | None] = [None] * size
    columns = [tiny[name].to_list() for name in tiny.columns]  # slot, indicator, unit, factor, year
    for number, indicator, unit, factor, year in zip(*columns, strict=True):
        cell = (by_indicator[indicator] * width + by_unit[unit]) * span
        cell += year - first if span > 1 else 0
        if slots[cell] is not None:
            return None
        slots[cell], factors[cell] = number, factor
    return (
        code,
        pl.Series(slots, dtype=pl.UInt32),
        pl.Series(factors, dtype=pl.Float64),
    )


def _base_years(schema: pl.Schema, years: pl.Series) -> pl.Series:
    """The named base years, in the type of the ``year`` column where they fit it (a test of
    each row's year then casts none of them)."""
    dtype = schema[YEAR]
    if dtype.is_integer() and not years.is_empty():
        fitting = years.cast(dtype, strict=False)
        if fitting.null_count() == 0:
            return fitting.implode()
    return years.implode()


def _base_rows(
    frame: pl.LazyFrame,
    schema: pl.Schema,
    tiny: pl.DataFrame,
    pairs: Sequence[PairFactors],
    keys: Sequence[str],
    names: tuple[str, str],
    previous: bool,
) -> pl.LazyFrame | None:
    """The series' levels at the base years, in each target's unit, lazy: ``slot``, the keys,
    (``year`` + 1, for the previous year) and ``base``, a row for each observation of a named
    base year (for the previous year, each observation: a filter would copy nearly all of
    them); those that are no base have a null slot or base (:func:`base_wanted` keeps the
    others); ``None`` when two targets share the code of an indicator and unit
    (:func:`_joined_table` finds them)."""
    slot, base = names
    value = pl.col(VALUE).cast(pl.Float64)
    years = pl.col(YEAR).is_not_null()
    if not previous:
        years = pl.col(YEAR).is_in(_base_years(schema, tiny[YEAR].unique().drop_nulls()))
    coded = _pair_codes(schema, tiny, pairs, previous)
    if coded is None:
        return None
    code, slots, factors = coded
    if previous:  # every observation with a year is a base: a filter would copy them all
        code = pl.when(years).then(code)  # (no slot without a year: no gather past the codes)
    else:  # a few years' observations are bases: the others are left out first
        frame = frame.filter(years)
    # The code once (Polars does not share a gather between expressions), then its gathers.
    coded_name = unused_name("_kh_pair_code", [*schema, slot, base])
    return frame.with_columns(code.alias(coded_name)).select(
        pl.lit(slots).gather(pl.col(coded_name)).alias(slot),
        *keys,
        *([(pl.col(YEAR).cast(pl.Int64) + 1).alias(YEAR)] if previous else []),
        (value * pl.lit(factors).gather(pl.col(coded_name))).alias(base),
    )


def _joined_table(
    frame: pl.LazyFrame,
    schema: pl.Schema,
    tiny: pl.DataFrame,
    keys: Sequence[str],
    names: tuple[str, str],
    previous: bool,
) -> pl.DataFrame:
    """:func:`_table` by a join on the indicator, the unit (and the year)."""
    slot, base = names
    indicator_type = schema[INDICATOR]
    unit_type = schema[UNIT] if UNIT in schema and schema[UNIT] != pl.Null else pl.String
    unit = pl.col(UNIT) if UNIT in schema and schema[UNIT] != pl.Null else pl.lit(None, unit_type)
    tiny = tiny.with_columns(pl.col(INDICATOR).cast(indicator_type), pl.col(UNIT).cast(unit_type))
    indicators = pl.col(INDICATOR).is_in(tiny[INDICATOR].unique().implode())
    value = pl.col(VALUE).cast(pl.Float64)
    wanted = indicators & value.is_finite().fill_null(False) & pl.col(YEAR).is_not_null()
    if not previous:
        wanted = pl.col(YEAR).is_in(tiny[YEAR].unique().implode()) & wanted
    rows = frame.filter(wanted).select(
        INDICATOR, unit.alias(UNIT), pl.col(YEAR).cast(pl.Int64), *keys, value
    )
    on = [INDICATOR, UNIT] if previous else [INDICATOR, UNIT, YEAR]
    joined = rows.join(tiny.drop(YEAR).lazy() if previous else tiny.lazy(), on=on, nulls_equal=True)
    year = [(pl.col(YEAR) + 1).alias(YEAR)] if previous else []
    base_value = (pl.col(VALUE) * pl.col("_kh_factor")).alias(base)
    return joined.select(slot, *keys, *year, base_value).collect()


def duplicates_problem(
    indicators: list[str], years: list[int] | None, groups: Sequence[str]
) -> RowProblem:
    """The problem of two values of one key group at a base year (``years``:
    the named base years; ``None`` for the previous year)."""
    value = pl.col(VALUE).cast(pl.Float64).is_finite().fill_null(False)  # a level: no NaN, no ∞
    where = pl.col(INDICATOR).cast(pl.String).is_in(indicators) & value
    if years is not None:
        where = where & pl.col(YEAR).is_in(years)
    named = f" ({', '.join(groups)})" if groups else ""
    return RowProblem(
        VALUE,
        f"several values of {', '.join(map(repr, indicators))} for the same keys{named} at "
        "a base year: a change target measures from one base level per key group; remove "
        "the duplicates, or pass keys= that tell them apart (a column that says where a figure "
        "comes from, such as source or agency, tells none apart)",
        where & (value.cast(pl.Int64).sum().over([INDICATOR, *groups, YEAR]) > 1),
        VALUE,
    )


def _problem(
    table: pl.DataFrame,
    duplicated: pl.Series,
    targets: Sequence[CompiledTarget],
    keys: Sequence[str],
    slot: str,
    previous: bool,
) -> list[RowProblem]:
    if not duplicated.any():
        return []
    numbers = table.filter(duplicated)[slot].unique().sort().to_list()
    indicators = sorted({targets[number].indicator for number in numbers})
    years = sorted({c.since for t in targets if (c := t.change) and c.since is not None})
    return [duplicates_problem(indicators, None if previous else years, keys)]


def series_bases(
    frame: pl.LazyFrame,
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
    factors: Sequence[PairFactors],
    keys: Sequence[str],
) -> SeriesBases:
    """The series bases of the change targets of ``compiled`` that look one up.

    Args:
        frame: The observations (with computed rows); they have a ``year`` column.
        compiled: Compiled targets by indicator id.
        factors: The unit factors of every ``(indicator, unit)`` pair of ``frame``.
        keys: The key columns (``year`` is left out: it is the time, not a group).

    Returns:
        The lookups, the slot of each target in its lookup, and the duplicates to refuse.
    """
    schema = frame.collect_schema()
    groups = series_groups(keys)
    names = (unused_name(_SLOT, schema), unused_name(_BASE, [*schema, _SLOT]))
    observed = {pair.indicator for pair in factors}
    changes = [  # in plan order
        t for targets in compiled.values() for t in targets if t.change and t.indicator in observed
    ]
    found = SeriesBases()
    for previous in (False, True):
        chosen = [
            t
            for t in changes
            if t.change is not None
            and (t.change.previous_year if previous else t.change.since is not None)
        ]
        if not chosen:
            continue
        shared = _shared_slots(chosen, factors, compiled)
        slots = {t.target_id: shared[_share_key(t, factors, compiled)] for t in chosen}
        first: dict[int, CompiledTarget] = {}
        for target in chosen:
            first.setdefault(slots[target.target_id], target)
        firsts = [first[number] for number in range(len(first))]
        tiny = _tiny(firsts, factors, compiled, names[0])
        rows = _base_rows(frame, schema, tiny, factors, groups, names, previous)
        lookup = None
        if rows is not None:  # the usual case: the dense array written straight from the rows
            lookup = dense_lookup(frame, rows, len(firsts), groups, names, previous)
        if lookup is None:  # the join, or the duplicates found
            table = (
                _joined_table(frame, schema, tiny, groups, names, previous)
                if rows is None
                else rows.filter(base_wanted(*names)).collect()
            )
            lookup, duplicated = table_lookup(frame, table, len(firsts), groups, names, previous)
            table = lookup.table if lookup.table is not None else table  # the years read
            found.duplicates += _problem(table, duplicated, firsts, groups, names[0], previous)
        if previous:
            found.previous, found.previous_slots = lookup, slots
        else:
            found.since, found.since_slots = lookup, slots
    return found
