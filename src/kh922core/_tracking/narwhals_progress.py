""":func:`kh922core.progress` in the engine of a lazy frame: DuckDB, PySpark, SQLFrame.

The steps of :mod:`~kh922core._tracking.progress_vectorised`, as Narwhals expressions that the
engine runs; the result is a frame of the caller's kind, unevaluated:

* ``points``: the observations (typed and checked in the engine,
  :mod:`~kh922core._tracking.narwhals_progress_input`) joined to the targets of their
  indicator (the constants of :func:`~kh922core._tracking.progress_input.targets_frame`, a small
  table of literals in the same engine), each value converted with the factor of its
  ``(target, unit)`` pair (a second small table, computed once per pair from the distinct
  pairs), the usable points kept (a value, or an assessment for a qualitative target, up to
  ``as_of``).  Two usable points of one target, key group and year are found by a small
  aggregate in the engine; only then are the input columns fetched, for the Polars path to
  name them (the same :class:`~kh922core.errors.ObservationError`);
* ``base_and_current``: windows over the target and key group find the current year (the
  latest) and the series' base year (the first from ``base_year``), then one group-by reads the
  values at those years, the value at a change target's base year and the number of points.
  SQL's ``PARTITION BY`` and ``GROUP BY`` put null keys in one group, as Polars' group-by does;
* the other steps (the change target's implied threshold, direction, achievement, growth,
  category, linear view, projections) are the very expressions of the Polars path
  (:mod:`~kh922core._tracking.progress_steps`, :mod:`~kh922core._tracking.progress_change`),
  written once for both namespaces.

The rows are sorted as the Polars path sorts them: by target (plan order), then by the keys,
nulls last.  DuckDB computes with the C library's ``pow``, as Polars does, so its numbers are
Polars' to the last bit; Spark's ``pow`` is Java's ``StrictMath.pow``, which may differ in the
last bit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import polars as pl

from kh922core._dates import DateLike
from kh922core._engine import Native, alike_levels_narwhals, native_table
from kh922core._plans import Target
from kh922core._targets import CohortPolicy
from kh922core._tracking import progress_steps as steps
from kh922core._tracking.narwhals_progress_input import LazyObservations, lazy_observations
from kh922core._tracking.progress_change import change_base_columns, implied_bounds
from kh922core._tracking.progress_input import (
    RESERVED,
    check_progress_options,
    last_year,
    targets_frame,
    unit_factors,
    without_other_series_bases,
)
from kh922core._tracking.progress_measure import RESULT_COLUMNS

__all__ = ["progress_lazy"]

_NEVER = -(2**62)
#: The Polars dtypes of the result columns (a step's expression may give another width).
_FLOATS = (
    "target_value",
    "base_value",
    "current_value",
    "share_covered",
    "cagr_observed",
    "cagr_required",
    "ratio",
    "score",
    "rate_observed",
    "rate_required",
    "linear_ratio",
    "projected_compound",
    "projected_linear",
)
_INTEGERS = ("horizon", "base_year", "current_year", "n_points")
_TEXTS = ("target_id", "indicator", "direction", "baseline_source", "category")


def _points(
    observed: LazyObservations,
    constants: Any,
    factors: Any,
    until: int | None,
) -> Any:
    """The usable points, one row per target, key group and year: values in the target's unit
    (assessments, for a qualitative target) up to the year ``until``."""
    import narwhals as nw

    c = nw.col
    columns = ("target_id", "indicator", "_qualitative", "_from_year", "_change_year")
    joined = observed.frame.join(constants.select(*columns), on="indicator", how="inner")
    joined = joined.join(factors, on=["target_id", "unit"], how="left")
    usable = (
        nw.when(c("_qualitative"))
        .then(~c("assessment").is_null())
        .otherwise(~c("value").is_null() & ~c("value").is_nan())
    )
    if until is not None:
        usable = usable & (c("year") <= until)
    converted = c("value") * c("_factor").fill_null(steps.number(nw, 1.0))
    points = joined.with_columns(converted.alias("value")).filter(usable)
    # one figure given twice alike (from two sources) is one point, as the Polars path has it
    return points.unique(subset=["target_id", *observed.keys, "year", "value", "assessment"])


def _twice(series: Any, keys: list[str]) -> bool:
    """Whether a target, key group and year has two usable points (a small query)."""
    import narwhals as nw

    counted = series.group_by("target_id", *keys, "year").agg(nw.len().alias("_n"))
    found = counted.filter(nw.col("_n") > 1).select("_n").head(1)
    return not found.collect(backend="polars").to_native().is_empty()


def _base_and_current(constants: Any, series: Any, keys: list[str]) -> Any:
    """The base point (the plan's baseline, or the series' first from ``base_year``) and the
    current point (the latest); a qualitative target has only a current year and assessment.
    ``constants`` are the left side of a left join (a target without data keeps its row): on
    Spark, a table without the broadcast hint."""
    import narwhals as nw

    c, group = nw.col, ["target_id", *keys]
    from_year = c("year") >= c("_from_year").fill_null(_NEVER)
    located = series.with_columns(
        c("year").max().over(*group).alias("_last"),
        nw.when(from_year).then(c("year")).min().over(*group).alias("_first"),
        c("assessment").cast(nw.Int8).alias("_flag"),  # a Boolean's max: not in every engine
    )
    at = {
        "_s_base_value": ("_first", "value"),
        "current_value": ("_last", "value"),
        "_assessment": ("_last", "_flag"),
        "_c": ("_change_year", "value"),
    }
    located = located.with_columns(
        nw.when(c("year") == c(year)).then(c(column)).alias(name)
        for name, (year, column) in at.items()
    )
    grouped = located.group_by(*group).agg(
        nw.len().cast(nw.Int64).alias("n_points"),
        c("_first").min().alias("_s_base_year"),
        c("_last").max().alias("current_year"),
        *(c(name).max() for name in at),
    )
    frame = constants.join(grouped, on="target_id", how="left")
    quantitative = ~c("_qualitative")
    plan = quantitative & ~c("_plan_base_year").is_null()
    series_base = quantitative & ~c("_s_base_year").is_null()
    frame = frame.with_columns(
        c("n_points").fill_null(0),
        nw.when(plan)
        .then(c("_plan_base_year"))
        .when(quantitative)
        .then(c("_s_base_year"))
        .alias("base_year"),
        nw.when(plan)
        .then(c("_plan_base_value"))
        .when(quantitative)
        .then(c("_s_base_value"))
        .alias("base_value"),
        nw.when(plan)
        .then(nw.lit("plan"))
        .when(series_base)
        .then(nw.lit("series"))
        .alias("baseline_source"),
        nw.when(quantitative).then(c("current_value")).alias("current_value"),
        (c("_assessment") == 1).alias("_assessment"),
    )
    return frame.with_columns(*change_base_columns(nw))


def _change_threshold(frame: Any) -> Any:
    """A change target's level threshold at the horizon, implied by its base."""
    import narwhals as nw

    return implied_bounds(frame, nw)


def _output(result: Any, keys: list[str]) -> Any:
    """The result columns in order, sorted as the Polars path sorts them, in its dtypes."""
    import narwhals as nw

    kinds: dict[str, Any] = {
        **dict.fromkeys(_FLOATS, nw.Float64),
        **dict.fromkeys(_INTEGERS, nw.Int64),
        **dict.fromkeys(_TEXTS, nw.String),
    }
    names = ["target_id", "indicator", *keys, *RESULT_COLUMNS]
    typed = [nw.col(name).cast(kinds[name]) if name in kinds else nw.col(name) for name in names]
    return result.sort(["_order", *keys], nulls_last=True).select(*typed)


def progress_lazy(
    targets: tuple[Target, ...],
    native: Native,
    *,
    as_of: int | DateLike | None,
    baseline: Literal["plan", "series"],
    base_year: int | None,
    cohort_policy: CohortPolicy,
    cohort_size: int | None,
    known_indicators: frozenset[str] | None,
    polars_path: Callable[[pl.DataFrame], object],
) -> Any:
    """:func:`~kh922core._tracking.progress_vectorised.progress_of_targets` of a lazy frame, in
    its engine; the result is the caller's kind of frame, unevaluated.

    ``polars_path`` runs the Polars path on observations fetched from the engine: it names the
    rows of two points of one series when the engine finds some (and raises its error).

    Raises:
        ObservationError: The Polars path's errors (see
            :func:`~kh922core._tracking.narwhals_progress_input.lazy_observations`), unknown
            indicator ids, and two values for one target, key group and year.
        IncompatibleUnitError: A unit that cannot be converted to its target's.
        UnsupportedFrameError: A column type or a text that Polars reads and the engine is not
            given to read.
    """
    import narwhals as nw

    check_progress_options(baseline, base_year)
    observed = lazy_observations(native)
    if known_indicators is not None:
        observed.refuse_unknown(known_indicators)
    table = targets_frame(
        targets,
        baseline=baseline,
        base_year=base_year,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
    )
    table = without_other_series_bases(table, observed.frame, observed.keys)
    until = last_year(as_of)
    pairs = observed.pairs.join(
        table.select("target_id", "indicator", "_qualitative"), on="indicator"
    )
    factors = unit_factors(pairs, {t.id: t.unit for t in targets})
    constants = native_table(native, table)
    series = _points(observed, constants, native_table(native, factors), until)
    if _twice(series, observed.keys):  # given in two units, alike? (else Polars names them)
        point = ["target_id", *observed.keys, "year"]
        series = series.with_columns(alike_levels_narwhals("value", point))
        series = series.unique(subset=[*point, "value", "assessment"])
    if _twice(series, observed.keys):  # the Polars path names them
        polars_path(observed.pull([*RESERVED, *observed.keys]))
        raise AssertionError("the engine found two points of one series, and Polars none")
    every_target = native_table(native, table, broadcast=False)
    result = _change_threshold(_base_and_current(every_target, series, observed.keys))
    for step in (
        steps.direction,
        steps.achievement,
        steps.growth,
        steps.category,
        steps.linear_view,
        steps.projections,
    ):
        result = step(result, nw)
    return nw.to_native(_output(result, observed.keys))
