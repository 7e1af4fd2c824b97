"""The engine's query lowered to Narwhals expressions, for lazy frames of other engines.

The same bounds table as the Polars backend (:func:`kh922core._engine.polars_query.bounds_table`)
is joined to the observations in their engine (an inner join on the indicator and the unit, a
missing unit matching the table's "no unit" row), and ``met``, ``status``, ``shortfall`` and
``attainment`` are the same comparisons as in :func:`kh922core._engine.polars_query.evaluate_lazy`,
written once in Narwhals: DuckDB and Spark run them as SQL, and the result stays lazy.  With
change targets, the bounds judge each change target's size of change, which
:class:`kh922core._engine.narwhals_change.LazyChange` adds (with its base, and why a row has no
data); computed rows (derived and growth indicators) keep their ``computed`` flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from kh922core._engine.columns import (
    ASSESSMENT,
    ATTAINMENT,
    COMPUTED,
    HORIZON,
    INDICATOR,
    MET,
    NO_DATA_REASON,
    SHORTFALL,
    STATUS,
    STATUS_DTYPE,
    UNIT,
    VALUE,
    VALUE_CONVERTED,
    output_names,
    unused_name,
)
from kh922core._targets import COMPARISON_RTOL, Status

if TYPE_CHECKING:
    from kh922core._engine.narwhals_change import LazyChange

__all__ = ["NO_UNIT", "evaluate_narwhals", "join_keys"]

#: The unit key of a row without a unit (no unit text is this).
NO_UNIT = "\x1f(no unit)"
_KEY_INDICATOR = "_kh_key_indicator"
_KEY_UNIT = "_kh_key_unit"


def join_keys(table: pl.DataFrame, with_unit: bool) -> pl.DataFrame:
    """The bounds table with its join keys: the indicator and the unit (``NO_UNIT`` for none),
    as text, in place of its ``indicator`` and ``unit`` columns."""
    unit = pl.col(UNIT).fill_null(NO_UNIT) if with_unit else pl.lit(NO_UNIT)
    keyed = table.with_columns(
        pl.col(INDICATOR).cast(pl.String).alias(_KEY_INDICATOR), unit.alias(_KEY_UNIT)
    )
    return keyed.drop(INDICATOR, *([UNIT] if with_unit else []))


def evaluate_narwhals(
    observations: Any,
    table: Any,
    *,
    columns: Sequence[str],
    with_unit: bool,
    qualitative: bool,
    rank_scaled: bool,
    cohort: Any = None,
    change: LazyChange | None = None,
    computed: bool = False,
    enums: bool = False,
    outputs: Sequence[str] | None = None,
) -> Any:
    """Join ``observations`` (a Narwhals LazyFrame) to the bounds ``table`` (of
    :func:`join_keys`, in the same engine) and evaluate every row.

    Args:
        observations: The checked observations.
        table: The bounds table, keyed.
        columns: The observation columns to keep, in order, before the output columns.
        with_unit: Whether the observations have a unit column.
        qualitative: Whether the table has a qualitative target.
        rank_scaled: Whether a rank target's size follows the cohort (the proportional policy).
        cohort: The current cohort size per row (a Narwhals expression), for ``rank_scaled``.
        change: The part of the query that change targets add (``None``: no change target;
            the output then has no change columns).
        computed: Whether the observations have a ``computed`` column (computed rows).
        enums: Whether ``status`` is an Enum of the statuses, as in Polars (DuckDB), or a text.
        outputs: The output columns to return (default all: :func:`output_names`); the engine's
            optimiser leaves out what they do not need.

    Returns:
        The evaluated rows, a Narwhals LazyFrame.
    """
    import narwhals as nw

    taken = [*columns, *table.collect_schema().names()]
    met_value = unused_name("_kh_met_value", taken)
    unit = (
        nw.coalesce(nw.col(UNIT).cast(nw.String), nw.lit(NO_UNIT)) if with_unit else nw.lit(NO_UNIT)
    )
    keyed = observations.with_columns(
        nw.col(INDICATOR).cast(nw.String).alias(_KEY_INDICATOR), unit.alias(_KEY_UNIT)
    )
    joined = keyed.join(table, on=[_KEY_INDICATOR, _KEY_UNIT], how="inner")
    c = nw.col
    converted = nw.col(VALUE).cast(nw.Float64) * c("_kh_factor")
    # NaN and the infinities are no finite number: no data
    joined = joined.with_columns(
        nw.when(converted.is_finite()).then(converted).alias(VALUE_CONVERTED)
    )
    measured = VALUE_CONVERTED
    if change is not None:  # the bounds judge the size of the change for a change target
        names = change.names([*taken, met_value])
        joined, measured = change.add(joined, names), names[3]
    v = c(measured)
    upper, short_upper, ratio = c("_kh_upper"), c("_kh_short_upper"), c("_kh_ratio_bound")
    if rank_scaled and cohort is not None:
        size = nw.max_horizontal(
            nw.lit(1), (c("_kh_rank_size") * cohort.cast(nw.Int64)) // c("_kh_adopted_cohort")
        ).cast(nw.Float64)
        scaled = ~c("_kh_rank_size").is_null()
        upper = nw.when(scaled).then(size + COMPARISON_RTOL * size.abs()).otherwise(upper)
        short_upper = nw.when(scaled).then(size).otherwise(short_upper)
        ratio = nw.when(scaled).then(size).otherwise(ratio)
    in_bounds = (v >= c("_kh_lower")) & (v <= upper)
    if qualitative and ASSESSMENT in columns:
        met = nw.when(c("_kh_qualitative")).then(c(ASSESSMENT)).otherwise(c(met_value))
    else:
        met = c(met_value)
    exceeded = c(met_value) & (v >= c("_kh_exceed_lower")) & (v <= c("_kh_exceed_upper"))
    statuses = nw.Enum(list(STATUS_DTYPE.categories)) if enums else nw.String

    def lit(status: Status) -> Any:
        return nw.lit(status.value, dtype=statuses)

    missing = (
        nw.when(c("_kh_qualitative"))
        .then(lit(Status.NEEDS_ASSESSMENT))
        .otherwise(lit(Status.NO_DATA))
        if qualitative
        else lit(Status.NO_DATA)
    )
    status = (
        nw.when(exceeded)
        .then(lit(Status.EXCEEDED))
        .otherwise(
            nw.when(c(MET))
            .then(lit(Status.MET))
            .otherwise(nw.when(~c(MET)).then(lit(Status.NOT_MET)).otherwise(missing))
        )
    )
    gap = nw.max_horizontal(c("_kh_short_lower") - v, v - short_upper).clip(lower_bound=0.0)
    shortfall = nw.when(c(met_value)).then(nw.lit(0.0)).otherwise(gap - c("_kh_short_slack"))
    attainment = (
        nw.when(~v.is_finite())
        .then(nw.lit(None, dtype=nw.Float64))
        .otherwise(
            nw.when(c("_kh_ratio_up")).then(v / ratio).otherwise(nw.when(v != 0.0).then(ratio / v))
        )
    )
    reason = []  # why no data, beside met
    if change is not None:
        words = c("_kh_qualitative") if qualitative else None
        reason.append(change.reason(names, c(met_value), words).alias(NO_DATA_REASON))
    result = (
        joined.with_columns(in_bounds.alias(met_value))
        .with_columns(met.alias(MET), *reason)
        .with_columns(
            status.alias(STATUS),
            shortfall.alias(SHORTFALL),
            attainment.cast(nw.Float64).alias(ATTAINMENT),
            (c(COMPUTED) if computed else nw.lit(False)).alias(COMPUTED),
            c(HORIZON).cast(nw.Int16),
        )
    )
    return result.select(*columns, *output_names(outputs, change=change is not None))
