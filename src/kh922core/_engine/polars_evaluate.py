"""The Polars backend of :func:`kh922core.evaluate`: check the observations, then build the query.

The checks read only the distinct ``(indicator, unit)`` pairs before the query is built; the
query itself is made in :mod:`kh922core._engine.polars_query`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import polars as pl

from kh922core._engine.change_bases import SeriesBases, series_bases
from kh922core._engine.change_query import ChangeQuery
from kh922core._engine.columns import (
    ASSESSMENT,
    CHANGE_COLUMNS,
    COHORT_SIZE,
    COMPUTED,
    INDICATOR,
    UNIT,
    VALUE,
    YEAR,
)
from kh922core._engine.compile import CompiledTarget, compile_targets
from kh922core._engine.components import component_factors, computed_observations
from kh922core._engine.conversion import PairFactors, resolve_units
from kh922core._engine.frame_checks import (
    RowProblem,
    check_columns,
    locate,
    locate_bases,
    unknown_indicators,
)
from kh922core._engine.plan_bases import without_plan_bases
from kh922core._engine.polars_query import TargetDtypes, bounds_table, evaluate_lazy
from kh922core._engine.written_values import written_values
from kh922core._plans import Plan
from kh922core._targets import Approximate, CohortPolicy, InvalidValueError
from kh922core.errors import ObservationError, ObservationProblem

__all__ = [
    "Checked",
    "DistinctPair",
    "FrameSource",
    "check_observations",
    "checked_options",
    "default_keys",
    "evaluate_polars",
]

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

#: Columns with a meaning for the engine; all others are keys that pass through.
_ENGINE = (INDICATOR, VALUE, UNIT, ASSESSMENT, COHORT_SIZE)
# Columns of the small frame of distinct pairs (which has no other columns).
_NO_COHORT = "no_cohort"
_BAD_COHORT = "bad_cohort"


@dataclass(frozen=True, slots=True)
class DistinctPair:
    """A distinct ``(indicator, unit)`` pair, and what its rows lack: a cohort size somewhere
    (``no_cohort``), or a cohort size of at least 1 where a value is given (``bad_cohort``)."""

    indicator: str | None
    unit: str | None
    no_cohort: bool = False
    bad_cohort: bool = False


def default_keys(names: Sequence[str]) -> list[str]:
    """The key columns when ``keys=`` is not given: every column the engine does not read."""
    return [name for name in names if name not in _ENGINE]


def _has_value(schema: pl.Schema) -> pl.Expr:
    """Whether a row has a value (a cohort size is read only then)."""
    if VALUE not in schema:
        return pl.lit(True)
    return pl.col(VALUE).cast(pl.Float64, strict=False).fill_nan(None).is_not_null()


def _distinct_pairs(
    frame: pl.LazyFrame, schema: pl.Schema, with_unit: bool, cohort_column: str | None
) -> list[DistinctPair]:
    """The distinct ``(indicator, unit)`` pairs, and what their rows lack of a cohort size: the
    only data read before the query is built."""
    keys = [INDICATOR, UNIT] if with_unit else [INDICATOR]
    enums = [dtype for key in keys if isinstance(dtype := schema[key], pl.Enum)]
    if cohort_column is None and len(enums) == len(keys):
        return _distinct_enum_pairs(frame, enums)
    if cohort_column is None:
        found = frame.select(keys).unique().collect()
        lacks = [[False] * found.height] * 2
    else:
        cohort = pl.col(cohort_column)
        below = (cohort < 1) & _has_value(schema)  # a column of another type is reported as such
        found = (
            frame.group_by(keys)
            .agg(
                cohort.is_null().any().alias(_NO_COHORT),
                (below.any() if schema[cohort_column].is_integer() else pl.lit(False)).alias(
                    _BAD_COHORT
                ),
            )
            .collect()
        )
        lacks = [found[_NO_COHORT].to_list(), found[_BAD_COHORT].to_list()]
    indicators = found[INDICATOR].cast(pl.String).to_list()
    units = found[UNIT].cast(pl.String).to_list() if with_unit else [None] * found.height
    return [DistinctPair(*row) for row in zip(indicators, units, *lacks, strict=True)]


def _distinct_enum_pairs(frame: pl.LazyFrame, enums: list[pl.Enum]) -> list[DistinctPair]:
    """:func:`_distinct_pairs` of Enum columns: the unique values of one integer made of the two
    codes (about twice as fast as the unique rows of two columns)."""
    indicators = [*enums[0].categories.to_list(), None]
    units = [*enums[1].categories.to_list(), None] if len(enums) == 2 else [None]
    code = pl.col(INDICATOR).to_physical().cast(pl.UInt32).fill_null(len(indicators) - 1)
    if len(enums) == 2:
        unit = pl.col(UNIT).to_physical().cast(pl.UInt32).fill_null(len(units) - 1)
        code = code * len(units) + unit
    found = frame.select(code.unique()).collect().to_series().to_list()
    return [DistinctPair(indicators[c // len(units)], units[c % len(units)]) for c in sorted(found)]


def checked_options(tolerance: object, cohort_size: object, keys: object = None) -> None:
    """Refuse option values that mean nothing, whatever the plan's targets (the kinds check the
    tolerance itself: one rule for both)."""
    if isinstance(keys, str):
        raise InvalidValueError(
            f"keys must be a sequence of column names, got the text {keys!r}: write keys=[{keys!r}]"
        )
    if tolerance is not None:
        Approximate(value=1.0).criterion(tolerance=tolerance)  # type: ignore[arg-type]
    if isinstance(cohort_size, bool) or not isinstance(cohort_size, int | str | None):
        raise InvalidValueError(
            f"cohort_size must be an integer or the name of a column, got {cohort_size!r}"
        )
    if isinstance(cohort_size, int) and cohort_size < 1:
        raise InvalidValueError(
            f"cohort_size must be at least 1 (the provinces ranked), got {cohort_size!r}"
        )


def _cohort(
    schema: pl.Schema, cohort_size: int | str | None
) -> tuple[pl.Expr | None, list[ObservationProblem]]:
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
    outputs: Sequence[str] | None = None,
) -> Frame:
    """:func:`kh922core.evaluate` on a Polars DataFrame or LazyFrame (the same kind back)."""
    checked_options(tolerance, cohort_size, keys)
    observations = written_values(observations)
    compiled = compile_targets(plan, tolerance=tolerance, cohort_policy=cohort_policy)
    checked = check_observations(
        plan, observations.lazy(), compiled, cohort_policy, cohort_size, keys
    )
    frame, factors, with_unit = _add_components(plan, checked, compiled)
    compiled = without_plan_bases(compiled, frame, checked.keys)
    change = _change_query(checked, frame, compiled, factors)
    table = bounds_table(
        [pair for pair in factors if compiled.get(pair.indicator)],  # components only feed
        compiled,
        TargetDtypes.of(plan),
        with_unit=with_unit,
        change=change,
    )
    units = sorted({unit for pair in factors if (unit := pair.unit) is not None})
    result = evaluate_lazy(
        frame,
        table,
        columns=checked.schema.names(),
        pairs=[(pair.indicator, pair.unit) for pair in factors],
        units=units if with_unit else None,
        cohort=checked.cohort,
        change=change,
        outputs=outputs,
    )
    return result if isinstance(observations, pl.LazyFrame) else result.collect()


def _cohort_problems(
    found: list[DistinctPair], ranked: set[str], column: str, has_value: pl.Expr
) -> list[RowProblem]:
    """The rows of rank indicators without a cohort size, or with one below 1 beside a value."""

    def rows(indicator: str) -> pl.Expr:
        return pl.col(INDICATOR).cast(pl.String) == indicator

    missing = sorted({p.indicator for p in found if p.no_cohort and p.indicator in ranked})
    below = sorted({p.indicator for p in found if p.bad_cohort and p.indicator in ranked})
    return [
        *(
            RowProblem(
                column,
                f"indicator {indicator!r} has rank targets: the proportional cohort policy "
                "needs the current cohort size of every observation",
                rows(indicator) & pl.col(column).is_null(),
                column,
            )
            for indicator in missing
        ),
        *(
            RowProblem(
                column,
                f"indicator {indicator!r} has rank targets: a cohort size must be at least 1 "
                "(the provinces ranked)",
                rows(indicator) & (pl.col(column) < 1) & has_value,
                column,
            )
            for indicator in below
        ),
    ]


@dataclass(frozen=True, slots=True)
class FrameSource:
    """What the checks read of the observations: their schema, their distinct pairs (and what
    their rows lack of a cohort size), and, on an error only, the rows of each problem.  Another
    engine gives its own (see :mod:`kh922core._engine.native_frames`)."""

    schema: pl.Schema
    distinct: Callable[[pl.Schema, bool, str | None], list[DistinctPair]]
    locate: Callable[[list[RowProblem]], list[ObservationProblem]]

    @classmethod
    def of(cls, frame: pl.LazyFrame) -> FrameSource:
        """The source of a Polars frame."""
        return cls(
            frame.collect_schema(),
            lambda schema, unit, cohort: _distinct_pairs(frame, schema, unit, cohort),
            lambda located: locate(frame, located),
        )


@dataclass(frozen=True)
class Checked:
    """Observations that passed the checks, and what the checks learnt about them."""

    frame: pl.LazyFrame
    schema: pl.Schema
    pairs: list[tuple[str, str | None]]
    factors: list[PairFactors]
    keys: list[str]
    cohort: pl.Expr | None


def check_observations(
    plan: Plan,
    frame: pl.LazyFrame,
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
    cohort_policy: CohortPolicy,
    cohort_size: int | str | None,
    keys: Sequence[str] | None,
    source: FrameSource | None = None,
) -> Checked:
    """Check the observations (read through ``source``, default ``frame``'s own); raise one
    :class:`ObservationError` with every problem."""
    source = source or FrameSource.of(frame)
    schema = source.schema
    ranked = {t.indicator for targets in compiled.values() for t in targets if t.rank_size}
    proportional = cohort_policy == "proportional" and bool(ranked)
    changes = any(t.change for targets in compiled.values() for t in targets)
    problems, located = check_columns(schema, CHANGE_COLUMNS if changes else ())
    cohort: pl.Expr | None = None
    if proportional:
        cohort, missing = _cohort(schema, cohort_size)
        problems += missing
    if INDICATOR not in schema or any(p.column == INDICATOR for p in problems):
        raise ObservationError([*problems, *source.locate(located)])

    with_unit = UNIT in schema and schema[UNIT] != pl.Null
    cohort_column: str | None = None
    if proportional and not isinstance(cohort_size, int):
        cohort_column = cohort_size or COHORT_SIZE
        cohort_column = cohort_column if cohort_column in schema else None
    found = source.distinct(schema, with_unit, cohort_column)
    units = {indicator.id: indicator.unit for indicator in plan.indicators}
    located += unknown_indicators({pair.indicator for pair in found}, list(units))
    pairs = [
        (p.indicator, p.unit) for p in found if p.indicator is not None and p.indicator in units
    ]
    if cohort_column is not None:
        located += _cohort_problems(found, ranked, cohort_column, _has_value(schema))
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
    key_columns = list(keys) if keys is not None else default_keys(names)
    problems += [
        ObservationProblem(column=k, message="a key column that is not in the observations")
        for k in key_columns
        if k not in schema
    ]
    problems += [
        ObservationProblem(
            column=k, message="a column the engine reads cannot be a key column: leave it out"
        )
        for k in key_columns
        if k in _ENGINE
    ]
    problems += [
        ObservationProblem(column=k, message="a key column named twice in keys=: name it once")
        for k in dict.fromkeys(key_columns)
        if key_columns.count(k) > 1
    ]
    if problems or located:
        raise ObservationError([*problems, *source.locate(located)])
    return Checked(frame, schema, pairs, factors, key_columns, cohort)


def _add_components(
    plan: Plan, checked: Checked, compiled: Mapping[str, tuple[CompiledTarget, ...]]
) -> tuple[pl.LazyFrame, list[PairFactors], bool]:
    """The observations with the rows of derived and growth indicators computed from their
    components, the factors of all their pairs, and whether they have units."""
    units = {indicator.id: indicator.unit for indicator in plan.indicators}
    frame, schema = checked.frame, checked.schema
    factor_of = component_factors(plan)
    components = computed_observations(frame, plan, checked.pairs, factor_of, checked.keys)
    problems = locate(frame, [*components.year_problems(), *components.duplicates])
    if problems:
        raise ObservationError(problems)
    frame = frame.with_columns(pl.lit(False).alias(COMPUTED))
    with_unit = UNIT in schema and schema[UNIT] != pl.Null
    if not components.frames:
        return frame, checked.factors, with_unit
    # A computed indicator also observed in the same unit text has that pair once (its rows
    # are found by the pair; a second entry would evaluate each of them twice).
    seen = {(pair.indicator, pair.unit) for pair in checked.factors}
    extra, _ = resolve_units(
        [pair for pair in components.pairs if pair not in seen], compiled, units
    )
    text = [pl.col(INDICATOR).cast(pl.String)]
    if UNIT in schema:
        text.append(pl.col(UNIT).cast(pl.String))
    frame = pl.concat([frame.with_columns(text), *components.frames], how="diagonal_relaxed")
    return frame, [*checked.factors, *extra], True


def _change_query(
    checked: Checked,
    frame: pl.LazyFrame,
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
    factors: list[PairFactors],
) -> ChangeQuery | None:
    """The part of the query that change targets add, with the series' levels at their base
    years (``None`` when the plan has no change target)."""
    targets = [target for targets in compiled.values() for target in targets]
    if not any(target.change for target in targets):
        return None
    has_year = YEAR in checked.schema and checked.schema[YEAR] != pl.Null
    objects = [key for key in checked.keys if checked.schema[key] == pl.Object]
    if objects and has_year:
        raise ObservationError(
            [
                ObservationProblem(
                    key,
                    "holds Python objects, which cannot tell a change target's key groups "
                    "apart: cast it to text, or leave it out of keys=",
                )
                for key in objects
            ]
        )
    bases = series_bases(frame, compiled, factors, checked.keys) if has_year else SeriesBases()
    if bases.duplicates:
        located = locate_bases(checked.frame, bases.duplicates)
        raise ObservationError(located)
    return ChangeQuery.of(targets, bases, has_year)
