"""Execution: the per-target bounds table, one join, and one set of vectorised comparisons.

:func:`bounds_table` turns the compiled targets (see :mod:`._compile`) and the unit factors of
the distinct ``(indicator, unit)`` pairs (see :mod:`._conversion`) into a tiny frame, one row per
pair and target.  :func:`evaluate_lazy` joins the observations to it and computes ``met``,
``status``, ``shortfall`` and ``attainment`` for every row with the same few Polars expressions,
whatever the kind of target.  No Python runs per row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from kh922core._engine._compile import CompiledTarget
from kh922core._engine._conversion import PairFactors
from kh922core._engine._schema import (
    ASSESSMENT,
    ATTAINMENT,
    HORIZON,
    INDICATOR,
    MET,
    OUTPUT_COLUMNS,
    ROW,
    SHORTFALL,
    STATUS,
    STATUS_DTYPE,
    TARGET_ID,
    TARGET_TEXT,
    UNIT,
    VALUE,
    VALUE_CONVERTED,
)
from kh922core._models import Plan
from kh922core._specs import COMPARISON_RTOL, Status

__all__ = ["TargetDtypes", "bounds_table", "evaluate_lazy"]

# Private columns of the bounds table (dropped from the output).
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
_MET_VALUE = "_kh_met_value"
_KEY = "_kh_key"
_SHIFT = 1 << 32  # codes are at most 32 bits
_NO_UNIT = _SHIFT - 1

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
) -> pl.DataFrame:
    """The per-target bounds table: one row per ``(indicator, unit)`` pair and target.

    Args:
        pairs: Factors of the distinct pairs of the observations.
        targets: Compiled targets by indicator id.
        categories: The Enum dtypes of ``target_id``, ``row`` and ``target_text``.
        with_unit: Whether the table carries a ``unit`` key (the observations have one).

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
    return pl.DataFrame(columns)


def _rank_bounds(table: pl.DataFrame, cohort: pl.Expr | None) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """Upper bound, shortfall bound and ratio bound, scaled per row for proportional ranks."""
    upper, short_upper, ratio = pl.col(_UPPER), pl.col(_SHORT_UPPER), pl.col(_RATIO_BOUND)
    if cohort is None or table[_RANK_SIZE].is_null().all():
        return upper, short_upper, ratio
    size = pl.max_horizontal(
        pl.lit(1, dtype=pl.Int64),
        (pl.col(_RANK_SIZE) * cohort.cast(pl.Int64)) // pl.col(_ADOPTED),
    ).cast(pl.Float64)
    scaled = pl.col(_RANK_SIZE).is_not_null()
    return (
        pl.when(scaled).then(size + COMPARISON_RTOL * size.abs()).otherwise(upper),
        pl.when(scaled).then(size).otherwise(short_upper),
        pl.when(scaled).then(size).otherwise(ratio),
    )


def _codes(column: str, dtype: pl.DataType, categories: Sequence[str]) -> tuple[pl.Expr, pl.Expr]:
    """Integer codes of a text column, in the observations and in the (String) table.

    An Enum or Categorical column already holds codes (free); a String column is cast to an Enum
    of the values that occur (the checks have made sure that every value is one of them)."""
    if isinstance(dtype, pl.Enum | pl.Categorical):
        target: pl.DataType = dtype
        observed = pl.col(column).to_physical()
    else:
        target = pl.Enum(categories)
        observed = pl.col(column).cast(target).to_physical()
    return observed.cast(pl.UInt64), pl.col(column).cast(target).to_physical().cast(pl.UInt64)


def _join_keys(
    schema: pl.Schema, indicators: Sequence[str], units: Sequence[str] | None
) -> tuple[pl.Expr, pl.Expr]:
    """One integer key per ``(indicator, unit)`` pair, for the observations and the table: the
    two codes packed into a UInt64 (a join on one integer is several times faster than on two
    text columns)."""
    observed, tabled = _codes(INDICATOR, schema[INDICATOR], indicators)
    if units is None:
        return observed.alias(_KEY), tabled.alias(_KEY)
    unit_observed, unit_tabled = _codes(UNIT, schema[UNIT], units)
    missing = pl.lit(_NO_UNIT, dtype=pl.UInt64)
    return (
        (observed * _SHIFT + unit_observed.fill_null(missing)).alias(_KEY),
        (tabled * _SHIFT + unit_tabled.fill_null(missing)).alias(_KEY),
    )


def evaluate_lazy(
    observations: pl.LazyFrame,
    table: pl.DataFrame,
    *,
    columns: Sequence[str],
    indicators: Sequence[str],
    units: Sequence[str] | None,
    cohort: pl.Expr | None = None,
) -> pl.LazyFrame:
    """Join ``observations`` to the bounds table and evaluate every row.

    Args:
        observations: Checked observations (``indicator``, ``value``, optional ``unit`` and
            ``assessment``, the ``computed`` flag, and pass-through columns).
        table: The bounds table of :func:`bounds_table`.
        columns: The observation columns to keep, in order, before the output columns.
        indicators: The indicator ids that occur in the observations.
        units: The units that occur in the observations (``None``: no unit column).
        cohort: The current cohort size per row, for proportional rank targets.

    Returns:
        The evaluated frame, lazy.
    """
    schema = observations.collect_schema()
    observed_key, table_key = _join_keys(schema, indicators, units)
    keyed = table.with_columns(table_key).drop(INDICATOR, *([UNIT] if units is not None else []))
    joined = observations.with_columns(observed_key).join(keyed.lazy(), on=_KEY).drop(_KEY)

    value = (pl.col(VALUE).cast(pl.Float64) * pl.col(_FACTOR)).fill_nan(None)
    upper, short_upper, ratio = _rank_bounds(table, cohort)
    met_value = (pl.col(VALUE_CONVERTED) >= pl.col(_LOWER)) & (pl.col(VALUE_CONVERTED) <= upper)
    has_qualitative = bool(table[_QUALITATIVE].any())
    if has_qualitative and ASSESSMENT in schema:
        met = pl.when(pl.col(_QUALITATIVE)).then(pl.col(ASSESSMENT)).otherwise(pl.col(_MET_VALUE))
    else:
        met = pl.col(_MET_VALUE)
    exceeded = (
        pl.col(_MET_VALUE)
        & (pl.col(VALUE_CONVERTED) >= pl.col(_EXCEED_LOWER))
        & (pl.col(VALUE_CONVERTED) <= pl.col(_EXCEED_UPPER))
    )
    missing = (
        pl.when(pl.col(_QUALITATIVE))
        .then(_status(Status.NEEDS_ASSESSMENT))
        .otherwise(_status(Status.NO_DATA))
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
    v = pl.col(VALUE_CONVERTED)
    gap = pl.max_horizontal(pl.col(_SHORT_LOWER) - v, v - short_upper).clip(lower_bound=0.0)
    shortfall = pl.when(pl.col(_MET_VALUE)).then(0.0).otherwise(gap - pl.col(_SHORT_SLACK))
    attainment = (
        pl.when(~v.is_finite())
        .then(None)
        .when(pl.col(_RATIO_UP))
        .then(v / ratio)
        .when(v != 0.0)
        .then(ratio / v)
    )
    return (
        joined.with_columns(value.alias(VALUE_CONVERTED))
        .with_columns(met_value.alias(_MET_VALUE))
        .with_columns(met.alias(MET))
        .with_columns(
            status.alias(STATUS),
            shortfall.alias(SHORTFALL),
            attainment.cast(pl.Float64).alias(ATTAINMENT),
        )
        .select(*columns, *OUTPUT_COLUMNS)
    )
