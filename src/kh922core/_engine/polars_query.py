"""Execution: the per-target bounds table, one lookup, and one set of vectorised comparisons.

:func:`bounds_table` turns the compiled targets (see :mod:`._compile`) and the unit factors of
the distinct ``(indicator, unit)`` pairs (see :mod:`._conversion`) into a tiny frame, one row per
pair and target.  :func:`evaluate_lazy` finds each observation's row of that table and computes
``met``, ``status``, ``shortfall`` and ``attainment`` for every row with the same few Polars
expressions, whatever the kind of target.  No Python runs per row.

It does what an inner join would, without one: each row's indicator and unit codes make one
small integer, which indexes a dense array of table rows (one array per target slot: the first
target of the indicator, the second, ...).  The rows of the first slot are the observations
themselves, so their columns are passed through without a copy (a join would gather every
column into a new buffer); only the few observations of indicators with a second target are
filtered and repeated (the code is made once for every slot: a text key is hashed to make it,
which costs more than the rest of the lookup).  The table's columns are gathered by that index
inside the expressions, so that none of them is materialised.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from kh922core._engine.change_query import ChangeQuery
from kh922core._engine.columns import (
    ASSESSMENT,
    ATTAINMENT,
    HORIZON,
    INDICATOR,
    MET,
    NO_DATA_REASON,
    ROW,
    SHORTFALL,
    STATUS,
    STATUS_DTYPE,
    TARGET_ID,
    TARGET_TEXT,
    UNIT,
    VALUE,
    VALUE_CONVERTED,
    output_names,
    unused_name,
)
from kh922core._engine.compile import CompiledTarget
from kh922core._engine.conversion import PairFactors
from kh922core._engine.key_codes import text_codes
from kh922core._plans import Plan
from kh922core._targets import COMPARISON_RTOL, Status

__all__ = ["TargetDtypes", "bounds_table", "evaluate_lazy"]

# Private columns of the bounds table (dropped from the output; never joined to the user's
# frame: its columns are gathered by index).
_FACTOR = "_kh_factor"
_LOWER = "_kh_lower"
_UPPER = "_kh_upper"
_EXCEED_LOWER = "_kh_exceed_lower"
_EXCEED_UPPER = "_kh_exceed_upper"
_SHORT_LOWER = "_kh_short_lower"
_SHORT_UPPER = "_kh_short_upper"
_SHORT_SLACK = "_kh_short_slack"
_RATIO_BOUND = "_kh_ratio_bound"
_RATIO_UP = "_kh_ratio_up"
_QUALITATIVE = "_kh_qualitative"
_RANK_SIZE = "_kh_rank_size"
_ADOPTED = "_kh_adopted_cohort"
# Bases of the names of the temporary columns of the observations (see unused_name).
_MET_VALUE = "_kh_met_value"
_WORDS = "_kh_in_words"
_RATIO = "_kh_ratio"
_INDEX = "_kh_index"
_CODE = "_kh_pair_code"

_NUMBERS = {
    _LOWER: "lower",
    _UPPER: "upper",
    _EXCEED_LOWER: "exceed_lower",
    _EXCEED_UPPER: "exceed_upper",
    _SHORT_LOWER: "short_lower",
    _SHORT_UPPER: "short_upper",
    _SHORT_SLACK: "short_slack",
    _RATIO_BOUND: "ratio_bound",
}


@dataclass(frozen=True, slots=True)
class TargetDtypes:
    """The Enum dtypes of the target columns: the plan's ids, rows and texts, in plan order."""

    target_id: pl.Enum
    row: pl.Enum
    text: pl.Enum

    @classmethod
    def of(cls, plan: Plan) -> TargetDtypes:
        """The dtypes for ``plan``'s targets."""

        def enum(values: Sequence[str]) -> pl.Enum:
            return pl.Enum(list(dict.fromkeys(values)))

        return cls(
            target_id=enum([t.id for t in plan.targets]),
            row=enum([t.row for t in plan.targets]),
            text=enum([t.text for t in plan.targets]),
        )


def _status(value: Status) -> pl.Expr:
    return pl.lit(value.value, dtype=STATUS_DTYPE)


def bounds_table(
    pairs: Sequence[PairFactors],
    targets: Mapping[str, tuple[CompiledTarget, ...]],
    categories: TargetDtypes,
    *,
    with_unit: bool,
    change: ChangeQuery | None = None,
) -> pl.DataFrame:
    """The per-target bounds table: one row per ``(indicator, unit)`` pair and target.

    Args:
        pairs: Factors of the distinct pairs of the observations.
        targets: Compiled targets by indicator id.
        categories: The Enum dtypes of ``target_id``, ``row`` and ``target_text``.
        with_unit: Whether the table carries a ``unit`` key (the observations have one).
        change: The part of the query that change targets add (their columns of the table).

    Returns:
        A small frame keyed by ``indicator`` (and ``unit``).
    """
    rows: list[tuple[PairFactors, CompiledTarget, float | None]] = [
        (pair, target, factor)
        for pair in pairs
        for target, factor in zip(targets.get(pair.indicator, ()), pair.factors, strict=True)
    ]
    columns: dict[str, pl.Series] = {
        INDICATOR: pl.Series([t.indicator for _, t, _ in rows], dtype=pl.String),
        TARGET_ID: pl.Series([t.target_id for _, t, _ in rows], dtype=categories.target_id),
        ROW: pl.Series([t.row for _, t, _ in rows], dtype=categories.row),
        HORIZON: pl.Series([t.horizon for _, t, _ in rows], dtype=pl.Int16),
        TARGET_TEXT: pl.Series([t.text for _, t, _ in rows], dtype=categories.text),
        _FACTOR: pl.Series([f for _, _, f in rows], dtype=pl.Float64),
        _RATIO_UP: pl.Series([t.ratio_up for _, t, _ in rows], dtype=pl.Boolean),
        _QUALITATIVE: pl.Series([t.qualitative for _, t, _ in rows], dtype=pl.Boolean),
        _RANK_SIZE: pl.Series([t.rank_size for _, t, _ in rows], dtype=pl.Int64),
        _ADOPTED: pl.Series([t.adopted_cohort for _, t, _ in rows], dtype=pl.Int64),
    }
    for column, field in _NUMBERS.items():
        columns[column] = pl.Series([getattr(t, field) for _, t, _ in rows], dtype=pl.Float64)
    if with_unit:
        columns[UNIT] = pl.Series([p.unit for p, _, _ in rows], dtype=pl.String)
    if change is not None:
        columns |= change.table_columns([t for _, t, _ in rows])
    return pl.DataFrame(columns)


def _rank_bounds(
    table: pl.DataFrame, cohort: pl.Expr | None, p: Callable[[str], pl.Expr]
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """Upper bound, shortfall bound and ratio bound, scaled per row for proportional ranks."""
    upper, short_upper, ratio = p(_UPPER), p(_SHORT_UPPER), p(_RATIO_BOUND)
    if cohort is None or table[_RANK_SIZE].is_null().all():
        return upper, short_upper, ratio
    size = pl.max_horizontal(
        pl.lit(1, dtype=pl.Int64),
        (p(_RANK_SIZE) * cohort.cast(pl.Int64)) // p(_ADOPTED),
    ).cast(pl.Float64)
    scaled = p(_RANK_SIZE).is_not_null()
    return (
        pl.when(scaled).then(size + COMPARISON_RTOL * size.abs()).otherwise(upper),
        pl.when(scaled).then(size).otherwise(short_upper),
        pl.when(scaled).then(size).otherwise(ratio),
    )


@dataclass(frozen=True, slots=True)
class _Lookup:
    """Where each observation finds its targets: a dense code per row (indicator code × width +
    unit code) and, per target slot (first target of the indicator, second, ...), an array from
    that code to the row of the bounds table (null: no target in that slot)."""

    code: pl.Expr
    slots: list[pl.Series]
    complete: list[bool]  # whether every observed pair has a target in the slot


def _lookup(
    schema: pl.Schema,
    table: pl.DataFrame,
    pairs: Sequence[tuple[str, str | None]],
    units: Sequence[str] | None,
) -> _Lookup:
    indicators = sorted({indicator for indicator, _ in pairs})
    observed, indicator_codes = text_codes(INDICATOR, schema[INDICATOR], indicators)
    by_indicator = dict(zip(indicators, indicator_codes, strict=True))
    by_unit: dict[str | None, int] = {}
    if units is not None:
        unit_observed, unit_codes = text_codes(UNIT, schema[UNIT], units)
        by_unit = dict(zip(units, unit_codes, strict=True))
    width = max(by_unit.values(), default=-1) + 2  # the last code is "no unit"
    by_unit[None] = width - 1
    code = observed * width
    if units is not None:
        code = code + unit_observed.fill_null(pl.lit(width - 1, dtype=pl.UInt32))
    size = (max(indicator_codes, default=0) + 1) * width
    table_indicators = table[INDICATOR].to_list()
    table_units = table[UNIT].to_list() if units is not None else [None] * table.height
    slots: list[list[int | None]] = []
    seen: dict[int, int] = {}  # code -> targets so far
    for number, (indicator, unit) in enumerate(zip(table_indicators, table_units, strict=True)):
        pair = by_indicator[indicator] * width + by_unit[unit]
        slot = seen.get(pair, 0)
        seen[pair] = slot + 1
        if slot == len(slots):
            slots.append([None] * size)
        slots[slot][pair] = number
    counts = [
        seen.get(by_indicator[i] * width + by_unit[u if units is not None else None], 0)
        for i, u in pairs
    ]
    complete = [all(count > slot for count in counts) for slot in range(len(slots))]
    return _Lookup(
        code=code,
        slots=[pl.Series(slot, dtype=pl.UInt32) for slot in slots],
        complete=complete,
    )


def evaluate_lazy(
    observations: pl.LazyFrame,
    table: pl.DataFrame,
    *,
    columns: Sequence[str],
    pairs: Sequence[tuple[str, str | None]],
    units: Sequence[str] | None,
    cohort: pl.Expr | None = None,
    change: ChangeQuery | None = None,
    outputs: Sequence[str] | None = None,
) -> pl.LazyFrame:
    """Match ``observations`` to the bounds table (an inner join) and evaluate every row.

    Args:
        observations: Checked observations (``indicator``, ``value``, optional ``unit`` and
            ``assessment``, the ``computed`` flag, and pass-through columns).
        table: The bounds table of :func:`bounds_table`.
        columns: The observation columns to keep, in order, before the output columns.
        pairs: The ``(indicator, unit)`` pairs that occur in the observations.
        units: The units that occur in the observations (``None``: no unit column).
        cohort: The current cohort size per row, for proportional rank targets.
        change: The part of the query that change targets add (``None``: no change target;
            the query is that of levels, and the output has no change columns).
        outputs: The output columns to return (default all: :func:`output_names`); Polars
            computes only what they need.

    Returns:
        The evaluated frame, lazy.
    """
    schema = observations.collect_schema()
    index = unused_name(_INDEX, schema)  # the user's columns keep their names and values
    met_value = unused_name(_MET_VALUE, [*schema, index])
    lookup = _lookup(schema, table, pairs, units)
    code = lookup.code
    if len(lookup.slots) > 1:  # every slot reads the code: made once (a text key is hashed)
        coded = unused_name(_CODE, [*schema, index, met_value])
        observations, code = observations.with_columns(code.alias(coded)), pl.col(coded)
    parts = []
    for slot, complete in zip(lookup.slots, lookup.complete, strict=True):
        part = observations.with_columns(pl.lit(slot).gather(code).alias(index))
        parts.append(part if complete else part.filter(pl.col(index).is_not_null()))
    if not parts:  # no targets: an empty result
        parts.append(observations.with_columns(pl.lit(None, dtype=pl.UInt32).alias(index)).clear())
    joined = pl.concat(parts)
    # A one-row literal is a scalar to Polars, which divides by a scalar as a multiplication by
    # its reciprocal (one ulp off ``v / x``); a second, never gathered, copy keeps it a column.
    gathered = pl.concat([table, table]) if table.height == 1 else table

    def p(name: str) -> pl.Expr:
        """A column of the bounds table, at each row's target (a gather from a tiny table)."""
        return pl.lit(gathered[name]).gather(pl.col(index))

    # The product, then made null where it is no finite number (NaN, an infinity: no data),
    # in a second step: Polars shares no gather between the expressions that read the product
    # (three gathers of the factor).  Two comparisons with the largest floats are cheaper than
    # ``is_finite``, and false for NaN.
    value = pl.col(VALUE).cast(pl.Float64) * p(_FACTOR)
    converted = pl.col(VALUE_CONVERTED)
    finite = (converted >= -sys.float_info.max) & (converted <= sys.float_info.max)
    joined = joined.with_columns(value.alias(VALUE_CONVERTED)).with_columns(
        pl.when(finite).then(converted).alias(VALUE_CONVERTED)
    )
    measured = VALUE_CONVERTED
    taken = [*schema, index, met_value]
    if change is not None:  # the bounds judge the size of the change for a change target
        names = change.names(taken)
        joined, measured = change.add(joined, p, names), names[3]
        taken += names
    v = pl.col(measured)
    upper, short_upper, ratio = _rank_bounds(table, cohort, p)
    in_bounds = (v >= p(_LOWER)) & (v <= upper)
    has_qualitative = bool(table[_QUALITATIVE].any())
    # Whether a row's target is in words, and its ratio bound: each gathered once, as a
    # column (Polars shares no gather between the expressions that read it: met, status and
    # the reason; the two branches of attainment).
    words_name = unused_name(_WORDS, taken)
    ratio_name = unused_name(_RATIO, [*taken, words_name])
    words = pl.col(words_name)
    stage = [in_bounds.alias(met_value), ratio.alias(ratio_name)]
    if has_qualitative:
        stage.append(p(_QUALITATIVE).alias(words_name))
    ratio = pl.col(ratio_name)
    if has_qualitative and ASSESSMENT in schema:
        met = pl.when(words).then(pl.col(ASSESSMENT)).otherwise(pl.col(met_value))
    else:
        met = pl.col(met_value)
    exceeded = pl.col(met_value) & (v >= p(_EXCEED_LOWER)) & (v <= p(_EXCEED_UPPER))
    missing = (
        pl.when(words).then(_status(Status.NEEDS_ASSESSMENT)).otherwise(_status(Status.NO_DATA))
        if has_qualitative
        else _status(Status.NO_DATA)
    )
    status = (
        pl.when(exceeded)
        .then(_status(Status.EXCEEDED))
        .when(pl.col(MET))
        .then(_status(Status.MET))
        .when(~pl.col(MET))
        .then(_status(Status.NOT_MET))
        .otherwise(missing)
    )
    gap = pl.max_horizontal(p(_SHORT_LOWER) - v, v - short_upper).clip(lower_bound=0.0)
    shortfall = pl.when(pl.col(met_value)).then(0.0).otherwise(gap - p(_SHORT_SLACK))
    attainment = (
        pl.when(~v.is_finite())
        .then(None)
        .when(p(_RATIO_UP))
        .then(v / ratio)
        .when(v != 0.0)
        .then(ratio / v)
    )
    reason = []  # why no data, beside met (the same stage: no later pass over the rows)
    if change is not None:
        in_words = words if has_qualitative else None
        reason.append(change.reason(names, pl.col(met_value), in_words).alias(NO_DATA_REASON))
    result = (
        joined.with_columns(stage)
        .with_columns(met.alias(MET), *reason)
        .with_columns(
            *[p(name).alias(name) for name in (TARGET_ID, ROW, HORIZON, TARGET_TEXT)],
            status.alias(STATUS),
            shortfall.alias(SHORTFALL),
            attainment.cast(pl.Float64).alias(ATTAINMENT),
        )
    )
    return result.select(*columns, *output_names(outputs, change=change is not None))
