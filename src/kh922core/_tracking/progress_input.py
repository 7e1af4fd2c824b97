"""The tables :func:`kh922core.progress` works on: checked observations, constants per target.

The vectorised measure (:mod:`kh922core._tracking.progress_vectorised`) starts from three tables:
the observations, checked and typed, with their key columns; one row of constants per target (its
threshold, plan baseline and the range of its projections); and the factor that converts each
observation unit to its target's unit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from kh922core._dates import DateLike, as_date
from kh922core._engine import is_provenance, one_series_indicators
from kh922core._frame_problems import polars_frame, problem_at
from kh922core._plans import Plan, Target, checked_year
from kh922core._targets import CohortPolicy, Unit, conversion_factor
from kh922core._tracking.observation_values import vietnamese_number
from kh922core._tracking.progress_change import CHANGE_SCHEMA, change_constants
from kh922core._tracking.progress_measure import (
    RESULT_COLUMNS,
    projection_range,
    target_threshold,
)
from kh922core.errors import (
    IncompatibleUnitError,
    InvalidValueError,
    ObservationError,
    ObservationProblem,
)

__all__ = [
    "RESERVED",
    "blank_unit",
    "check_progress_options",
    "key_columns",
    "last_year",
    "plan_targets",
    "prepare_observations",
    "refuse_duplicates",
    "refuse_missing_columns",
    "refuse_unknown",
    "targets_frame",
    "unit_factors",
]

#: Columns of the engine's input schema that are not keys (``cohort_size`` is a per-row
#: attribute of rank observations, not a grouping key).
RESERVED = ("indicator", "value", "unit", "year", "assessment", "cohort_size")
_OUTPUT = frozenset(("target_id", *RESULT_COLUMNS))


def last_year(as_of: int | DateLike | None) -> int | None:
    """The last year whose values count: ``as_of`` when it is a year, else its date's year.

    Examples:
        >>> last_year(2024), last_year("2024-05-01"), last_year(None)
        (2024, 2024, None)
    """
    if as_of is None:
        return None
    if isinstance(as_of, int) and not isinstance(as_of, bool):
        return as_of
    if isinstance(as_of, date | str):
        return as_date(as_of, "as_of").year
    raise InvalidValueError(  # a TypeError too
        "as_of must be a year, a date, a datetime or an ISO 'YYYY-MM-DD' text, "
        f"got {type(as_of).__name__} {as_of!r}"
    )


def plan_targets(plan: Plan, targets: str | Sequence[str] | None) -> tuple[Target, ...]:
    """The plan's targets (these ids, or this one), in plan order, with the indicator's unit
    where a target gives none.

    Raises:
        kh922core.errors.UnknownTargetError: An id the plan does not define.

    Examples:
        >>> import kh922core
        >>> [t.unit.text for t in plan_targets(kh922core.load_plan(), "2030-2")]
        ['Thứ bậc']
    """
    chosen = plan.targets
    if targets is not None:
        wanted = [targets] if isinstance(targets, str) else list(targets)
        for target_id in wanted:
            plan.target(target_id)
        chosen = tuple(t for t in plan.targets if t.id in set(wanted))
    return tuple(t if t.unit is not None else _with_indicator_unit(plan, t) for t in chosen)


def _with_indicator_unit(plan: Plan, target: Target) -> Target:
    unit = plan.indicator(target.indicator).unit
    return target if unit is None else target.model_copy(update={"unit": unit})


def prepare_observations(
    observations: pl.DataFrame | pl.LazyFrame,
) -> tuple[pl.DataFrame, list[str]]:
    """Check the input schema; return the observations with typed columns, and the key columns.

    Raises:
        ObservationError: Missing columns, unreadable values, rows without an indicator or a
            year, infinite values, or a key column named like a result column.

    Examples:
        >>> frame = pl.DataFrame({"indicator": ["hdi"], "year": [2024], "value": ["0.7"],
        ...                       "entity": ["Bến Tre"]})
        >>> typed, keys = prepare_observations(frame)
        >>> typed["value"].to_list(), keys
        ([0.7], ['entity'])
    """
    given = polars_frame(observations, "observations")
    frame = given.collect() if isinstance(given, pl.LazyFrame) else given
    if "value" in frame.columns and frame.schema["value"] == pl.String:
        # Text values are read as Vietnamese write numbers ("12.000" is twelve thousand), as
        # read_observations does, never the English way.
        frame = frame.with_columns(
            pl.when(vietnamese_number(pl.col("value")).is_not_null())
            .then(vietnamese_number(pl.col("value")).cast(pl.String))
            .otherwise(pl.col("value"))
            .alias("value")
        )
    refuse_missing_columns(frame.columns)
    problems: list[ObservationProblem] = []
    casts = {
        "indicator": pl.String,
        "year": pl.Int64,
        "value": pl.Float64,
        "unit": pl.String,
        "assessment": pl.Boolean,
    }
    typed = frame
    for column, dtype in casts.items():
        if column not in frame.columns:
            continue
        try:
            typed = typed.with_columns(pl.col(column).cast(dtype, strict=True))
        except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError):
            try:
                converted = frame[column].cast(dtype, strict=False)
            except pl.exceptions.InvalidOperationError:  # no cast at all (text to Boolean)
                converted = pl.repeat(None, frame.height, dtype=dtype, eager=True)
            bad = converted.is_null() & frame[column].is_not_null()
            problems.append(problem_at(frame, bad, column, f"cannot be read as {dtype}"))
    if problems:
        raise ObservationError(problems)
    for column in ("value", "unit", "assessment"):
        if column not in typed.columns:
            dtype = casts[column]
            typed = typed.with_columns(pl.lit(None, dtype=dtype).alias(column))
    # An empty or blank unit means the target's unit, as a missing one does (as in evaluate).
    typed = typed.with_columns(blank_unit(pl.col("unit")).alias("unit"))
    checks = [
        ("indicator", typed["indicator"].is_null(), "indicator is missing"),
        ("year", typed["year"].is_null(), "year is missing (progress needs a year per row)"),
        ("value", typed["value"].is_infinite(), "value is infinite"),
    ]
    problems = [problem_at(frame, mask, c, m) for c, mask, m in checks if mask.any()]
    if problems:
        raise ObservationError(problems)
    return typed, key_columns(frame.columns)


def refuse_missing_columns(columns: Sequence[str]) -> None:
    """Raise when a column that progress needs is missing (a ``value`` or an ``assessment``).

    Raises:
        ObservationError: One problem per missing column.
    """
    missing = [c for c in ("indicator", "year") if c not in columns]
    if "value" not in columns and "assessment" not in columns:
        missing.append("value")
    if missing:
        raise ObservationError(
            [
                ObservationProblem(
                    column=c,
                    message="required column is missing (progress needs indicator, value, year)",
                )
                for c in missing
            ]
        )


def blank_unit(unit: pl.Expr) -> pl.Expr:
    """``unit``, null where it is empty or blank: the target's unit, as a missing one is."""
    return pl.when(unit.str.strip_chars() == "").then(None).otherwise(unit)


def key_columns(columns: Sequence[str], *, check: bool = True) -> list[str]:
    """The key columns among ``columns``: every column but those of the input schema and those
    that say where a figure comes from (``source``, ``agency``, ``note`` …: a level of 2023
    from one source and one of 2025 from another are one series, as in ``evaluate``).

    Raises:
        ObservationError: A key column named like a result column, or starting with ``_``
            (unless ``check`` is false).
    """
    keys = [c for c in columns if c not in RESERVED and not is_provenance(c)]
    clashes = [c for c in keys if c in _OUTPUT or c.startswith("_")] if check else []
    if clashes:
        raise ObservationError(
            [
                ObservationProblem(
                    column=c,
                    message="a key column may not have the name of a result column "
                    "or start with '_': rename it",
                )
                for c in clashes
            ]
        )
    return keys


def refuse_unknown(frame: pl.DataFrame, known: frozenset[str]) -> None:
    """Raise when ``frame`` (typed observations) has an indicator id outside ``known``.

    Raises:
        ObservationError: The rows of unknown ids.
    """
    unknown = ~frame["indicator"].is_in(sorted(known))
    if unknown.any():
        raise ObservationError(
            [problem_at(frame, unknown, "indicator", "unknown indicator id (not in the plan)")]
        )


def targets_frame(
    targets: tuple[Target, ...],
    *,
    baseline: str,
    base_year: int | None,
    cohort_policy: CohortPolicy,
    cohort_size: int | None,
) -> pl.DataFrame:
    """One row per target with the constants the expressions need (private columns: ``_``):
    its threshold, its plan baseline, and the range its projections stay in.

    Raises:
        InvalidValueError: ``cohort_size`` is not an integer of at least 1, or a target's plan
            baseline is not a finite number (a baseline built without validation).
    """
    if cohort_size is not None and (
        isinstance(cohort_size, bool) or not isinstance(cohort_size, int) or cohort_size < 1
    ):
        raise InvalidValueError(
            "cohort_size must be an integer of at least 1 (the provinces ranked), "
            f"got {cohort_size!r}"
        )
    rows = []
    for order, target in enumerate(targets):
        threshold = target_threshold(target, cohort_policy=cohort_policy, cohort_size=cohort_size)
        plan_base = target.baseline if baseline == "plan" else None
        if plan_base is not None and not math.isfinite(plan_base.value):
            raise InvalidValueError(
                f"target {target.id!r}: a baseline value must be a finite number, "
                f"got {plan_base.value!r}"
            )
        lowest, highest = projection_range(target, threshold, cohort_size)
        rows.append(
            {
                "_order": order,
                "target_id": target.id,
                "indicator": target.indicator,
                "horizon": target.horizon,
                "_qualitative": threshold is None,
                "_dfix": None if threshold is None else threshold.direction,
                "_lo": None if threshold is None else threshold.low,
                "_lo_strict": False if threshold is None else threshold.low_strict,
                "_hi": None if threshold is None else threshold.high,
                "_hi_strict": False if threshold is None else threshold.high_strict,
                "_lowest": lowest,
                "_highest": highest,
                "_plan_base_year": None if plan_base is None else plan_base.year,
                "_plan_base_value": None if plan_base is None else plan_base.value,
                "_from_year": base_year,
                "_percent": 100.0,  # a column: Polars divides by a constant via its reciprocal
                **change_constants(target),
            }
        )
    schema = {
        "_order": pl.Int64,
        "target_id": pl.String,
        "indicator": pl.String,
        "horizon": pl.Int64,
        "_qualitative": pl.Boolean,
        "_dfix": pl.Int64,
        "_lo": pl.Float64,
        "_lo_strict": pl.Boolean,
        "_hi": pl.Float64,
        "_hi_strict": pl.Boolean,
        "_lowest": pl.Float64,
        "_highest": pl.Float64,
        "_plan_base_year": pl.Int64,
        "_plan_base_value": pl.Float64,
        "_from_year": pl.Int64,
        "_percent": pl.Float64,
        **CHANGE_SCHEMA,
    }
    return pl.DataFrame(rows, schema=schema)


def unit_factors(joined: pl.DataFrame, units: dict[str, Unit | None]) -> pl.DataFrame:
    """Conversion factor per (target, observation unit), computed once per pair.

    Raises:
        kh922core.errors.IncompatibleUnitError: A unit that cannot become the target's, or a
            unit for a target that has none (nor has its indicator).
    """
    pairs = (
        joined.filter(pl.col("unit").is_not_null() & ~pl.col("_qualitative"))
        .select("target_id", "unit")
        .unique()
        .sort("target_id", "unit")  # the first incompatible pair is the same on every engine
    )
    rows = []
    for target_id, unit in pairs.iter_rows():
        target_unit = units[target_id]
        if target_unit is None:
            raise IncompatibleUnitError(
                unit,
                "(no unit)",
                f"target {target_id!r} and its indicator have no unit; leave the unit empty",
            )
        rows.append(
            {"target_id": target_id, "unit": unit, "_factor": conversion_factor(unit, target_unit)}
        )
    return pl.DataFrame(
        rows, schema={"target_id": pl.String, "unit": pl.String, "_factor": pl.Float64}
    )


def refuse_duplicates(series: pl.DataFrame, columns: list[str]) -> None:
    """Raise when two usable rows share ``columns`` (a target, its keys and a year).

    Raises:
        ObservationError: The duplicated combinations (the first 20) and how many there are.
    """
    duplicated = series.select(pl.struct(columns).is_duplicated()).to_series()
    if duplicated.any():
        dups = series.filter(duplicated).select(columns).unique(maintain_order=True)
        raise ObservationError(
            [
                ObservationProblem(
                    column="year",
                    message="several values for the same target, keys and year",
                    values=tuple(str(r) for r in dups.head(20).iter_rows()),
                    count=dups.height,
                )
            ]
        )


def without_other_series_bases(
    constants: pl.DataFrame, observations: Any, keys: list[str]
) -> pl.DataFrame:
    """``constants`` with no plan baseline for the targets of an indicator observed as several
    series (``district`` A, B …; provenance aside): the plan baseline is the plan's own
    series' level, never a district's base (as in ``evaluate``).  ``observations``: a Polars
    or Narwhals frame with the indicator and key columns."""
    based = constants.filter(pl.col("_plan_base_year").is_not_null())["indicator"].unique()
    ones = one_series_indicators(observations, keys, sorted(based.to_list()))
    kept = pl.col("indicator").is_in(sorted(ones))
    return constants.with_columns(
        pl.when(kept).then(pl.col(name)).alias(name)
        for name in ("_plan_base_year", "_plan_base_value")
    )


def check_progress_options(baseline: object, base_year: object) -> None:
    """Refuse a ``baseline`` other than ``"plan"`` or ``"series"`` and a ``base_year`` that is
    no whole number (``2023.5`` was cut to 2023, ``True`` was the year 1, ``"2023"`` a text).

    Raises:
        InvalidValueError: Naming the option and its value.
    """
    if baseline not in ("plan", "series"):
        raise InvalidValueError(f"baseline must be 'plan' or 'series', got {baseline!r}")
    checked_year(base_year, "base_year")
