"""The Polars backend of :func:`kh922core.evaluate`: check the observations, then build the query.

The checks read only the distinct ``(indicator, unit)`` pairs before the query is built; the
query itself is made in :mod:`kh922core._engine.polars_query`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import polars as pl

from kh922core._engine.columns import (
    ASSESSMENT,
    COHORT_SIZE,
    COMPUTED,
    INDICATOR,
    UNIT,
    VALUE,
    YEAR,
)
from kh922core._engine.compile import CompiledTarget, compile_targets
from kh922core._engine.components import computed_observations
from kh922core._engine.conversion import PairFactors, resolve_units
from kh922core._engine.frame_checks import RowProblem, check_columns, locate, unknown_indicators
from kh922core._engine.polars_query import TargetDtypes, bounds_table, evaluate_lazy
from kh922core._plans import Plan
from kh922core._targets import CohortPolicy, InvalidValueError, conversion_factor
from kh922core.errors import ObservationError, ObservationProblem

__all__ = ["evaluate_polars"]

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

#: Columns with a meaning for the engine; all others are keys that pass through.
_ENGINE = (INDICATOR, VALUE, UNIT, ASSESSMENT, COHORT_SIZE)


def _distinct_pairs(
    frame: pl.LazyFrame, schema: pl.Schema, with_unit: bool, cohort_column: str | None
) -> list[tuple[str | None, str | None, bool]]:
    """The distinct ``(indicator, unit)`` pairs, and whether a pair lacks a cohort size somewhere:
    the only data read before the query is built."""
    keys = [INDICATOR, UNIT] if with_unit else [INDICATOR]
    enums = [dtype for key in keys if isinstance(dtype := schema[key], pl.Enum)]
    if cohort_column is None and len(enums) == len(keys):
        return _distinct_enum_pairs(frame, enums)
    if cohort_column is None:
        distinct = frame.select(keys).unique().with_columns(pl.lit(False).alias(COHORT_SIZE))
    else:
        distinct = frame.group_by(keys).agg(
            pl.col(cohort_column).is_null().any().alias(COHORT_SIZE)
        )
    found = distinct.collect()
    indicators = found[INDICATOR].cast(pl.String).to_list()
    units = found[UNIT].cast(pl.String).to_list() if with_unit else [None] * found.height
    return list(zip(indicators, units, found[COHORT_SIZE].to_list(), strict=True))


def _distinct_enum_pairs(
    frame: pl.LazyFrame, enums: list[pl.Enum]
) -> list[tuple[str | None, str | None, bool]]:
    """:func:`_distinct_pairs` of Enum columns: the unique values of one integer made of the two
    codes (about twice as fast as the unique rows of two columns)."""
    indicators = [*enums[0].categories.to_list(), None]
    units = [*enums[1].categories.to_list(), None] if len(enums) == 2 else [None]
    code = pl.col(INDICATOR).to_physical().cast(pl.UInt32).fill_null(len(indicators) - 1)
    if len(enums) == 2:
        unit = pl.col(UNIT).to_physical().cast(pl.UInt32).fill_null(len(units) - 1)
        code = code * len(units) + unit
    found = frame.select(code.unique()).collect().to_series().to_list()
    return [(indicators[c // len(units)], units[c % len(units)], False) for c in sorted(found)]


def _cohort(
    schema: pl.Schema, cohort_size: int | str | None
) -> tuple[pl.Expr | None, list[ObservationProblem]]:
    if isinstance(cohort_size, bool):
        raise InvalidValueError(f"cohort_size must be an integer or a column, got {cohort_size!r}")
    if isinstance(cohort_size, int):
        return pl.lit(cohort_size, dtype=pl.Int64), []
    column = cohort_size or COHORT_SIZE
    if column not in schema:
        return None, [
            ObservationProblem(
                column=column,
                message="the proportional cohort policy needs the current cohort size: add a "
                "cohort_size column (rank() makes one) or pass cohort_size=",
            )
        ]
    integer = schema[column].is_integer() or schema[column] == pl.Null
    if not integer and column != COHORT_SIZE:  # check_columns reports the default column
        return None, [
            ObservationProblem(column=column, message=f"expected an integer, got {schema[column]}")
        ]
    return pl.col(column), []


def evaluate_polars(
    plan: Plan,
    observations: Frame,
    *,
    tolerance: float | None = None,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | str | None = None,
    keys: Sequence[str] | None = None,
) -> Frame:
    """:func:`kh922core.evaluate` on a Polars DataFrame or LazyFrame (the same kind back)."""
    compiled = compile_targets(plan, tolerance=tolerance, cohort_policy=cohort_policy)
    checked = _check(plan, observations.lazy(), compiled, cohort_policy, cohort_size, keys)
    frame, factors, with_unit = _add_components(plan, checked, compiled)
    table = bounds_table(
        [pair for pair in factors if compiled.get(pair.indicator)],  # components only feed
        compiled,
        TargetDtypes.of(plan),
        with_unit=with_unit,
    )
    units = sorted({unit for pair in factors if (unit := pair.unit) is not None})
    result = evaluate_lazy(
        frame,
        table,
        columns=checked.schema.names(),
        pairs=[(pair.indicator, pair.unit) for pair in factors],
        units=units if with_unit else None,
        cohort=checked.cohort,
    )
    return result if isinstance(observations, pl.LazyFrame) else result.collect()


@dataclass(frozen=True)
class _Checked:
    """Observations that passed the checks, and what the checks learnt about them."""

    frame: pl.LazyFrame
    schema: pl.Schema
    pairs: list[tuple[str, str | None]]
    factors: list[PairFactors]
    keys: list[str]
    cohort: pl.Expr | None


def _check(
    plan: Plan,
    frame: pl.LazyFrame,
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
    cohort_policy: CohortPolicy,
    cohort_size: int | str | None,
    keys: Sequence[str] | None,
) -> _Checked:
    """Check the observations; raise one :class:`ObservationError` with every problem."""
    schema = frame.collect_schema()
    ranked = {t.indicator for targets in compiled.values() for t in targets if t.rank_size}
    proportional = cohort_policy == "proportional" and bool(ranked)
    problems, located = check_columns(schema)
    cohort: pl.Expr | None = None
    if proportional:
        cohort, missing = _cohort(schema, cohort_size)
        problems += missing
    if INDICATOR not in schema or any(p.column == INDICATOR for p in problems):
        raise ObservationError([*problems, *locate(frame, located)])

    with_unit = UNIT in schema and schema[UNIT] != pl.Null
    cohort_column: str | None = None
    if proportional and not isinstance(cohort_size, int):
        cohort_column = cohort_size or COHORT_SIZE
        cohort_column = cohort_column if cohort_column in schema else None
    found = _distinct_pairs(frame, schema, with_unit, cohort_column)
    units = {indicator.id: indicator.unit for indicator in plan.indicators}
    located += unknown_indicators({indicator for indicator, _, _ in found}, list(units))
    pairs = [(i, u) for i, u, _ in found if i is not None and i in units]
    if cohort_column is not None:
        located += [
            RowProblem(
                cohort_column,
                f"indicator {indicator!r} has rank targets: the proportional cohort policy "
                "needs the current cohort size of every observation",
                (pl.col(INDICATOR).cast(pl.String) == indicator) & pl.col(cohort_column).is_null(),
                cohort_column,
            )
            for indicator in sorted({i for i, _, gap in found if gap and i in ranked})
        ]
    factors, unit_problems = resolve_units(pairs, compiled, units)
    located += [
        RowProblem(
            UNIT,
            f"indicator {p.indicator!r}: {p.message}",
            (pl.col(INDICATOR).cast(pl.String) == p.indicator)
            & (pl.col(UNIT).cast(pl.String) == p.unit),
            UNIT,
        )
        for p in unit_problems
    ]
    names = schema.names()
    key_columns = list(keys) if keys is not None else [c for c in names if c not in _ENGINE]
    problems += [
        ObservationProblem(column=k, message="a key column that is not in the observations")
        for k in key_columns
        if k not in schema
    ]
    if problems or located:
        raise ObservationError([*problems, *locate(frame, located)])
    return _Checked(frame, schema, pairs, factors, key_columns, cohort)


def _add_components(
    plan: Plan, checked: _Checked, compiled: Mapping[str, tuple[CompiledTarget, ...]]
) -> tuple[pl.LazyFrame, list[PairFactors], bool]:
    """The observations with the rows of derived and growth indicators computed from their
    components, the factors of all their pairs, and whether they have units."""
    units = {indicator.id: indicator.unit for indicator in plan.indicators}

    def factor_of(indicator: str, unit: str | None) -> float:
        own = units[indicator]
        return 1.0 if unit is None or own is None else conversion_factor(unit, own)

    frame, schema = checked.frame, checked.schema
    components = computed_observations(frame, plan, checked.pairs, factor_of, checked.keys)
    if components.needs_year:
        located = [
            RowProblem(
                YEAR,
                f"the growth of {level!r} is computed from levels by year: add a year column",
                pl.col(INDICATOR).cast(pl.String) == level,
                INDICATOR,
            )
            for level in components.needs_year
        ]
        raise ObservationError(locate(frame, located))
    frame = frame.with_columns(pl.lit(False).alias(COMPUTED))
    with_unit = UNIT in schema and schema[UNIT] != pl.Null
    if not components.frames:
        return frame, checked.factors, with_unit
    extra, _ = resolve_units(components.pairs, compiled, units)
    text = [pl.col(INDICATOR).cast(pl.String)]
    if UNIT in schema:
        text.append(pl.col(UNIT).cast(pl.String))
    frame = pl.concat([frame.with_columns(text), *components.frames], how="diagonal_relaxed")
    return frame, [*checked.factors, *extra], True
