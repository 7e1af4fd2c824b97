"""Progress over time: baselines, the Open SDG progress measure, projections to the horizon.

:func:`progress` works on every (target × key group) at once with Polars: one join of the
observations to the targets of their indicator, one group-by that finds the base and the current
point of each series, then column expressions (:mod:`~kh922core._tracking.progress_steps`,
written once for Polars and for the lazy engines of
:mod:`~kh922core._tracking.narwhals_progress`, where a DuckDB relation, a PySpark or a SQLFrame
DataFrame is measured).  It takes the
:data:`~kh922core._tracking.progress_measure.STEPS` of the measure in the order of its scalar
reference, :func:`kh922core._tracking.progress_reference.series_progress`, one function
``_<step>`` each, here on a table with a row per series.  The formulas are documented on the
"Tracking progress" page of the documentation and in :mod:`kh922core._tracking.progress_measure`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

import polars as pl

from kh922core._dates import DateLike
from kh922core._engine import (
    alike_levels,
    dotless,
    in_polars,
    native,
    written_values,
    written_values_narwhals,
)
from kh922core._plans import Plan, Target
from kh922core._targets import CohortPolicy, Unit
from kh922core._tracking import progress_steps as steps
from kh922core._tracking.narwhals_progress import progress_lazy
from kh922core._tracking.progress_change import change_base_columns, implied_bounds
from kh922core._tracking.progress_input import (
    check_progress_options,
    last_year,
    plan_targets,
    prepare_observations,
    refuse_duplicates,
    refuse_unknown,
    targets_frame,
    unit_factors,
    without_other_series_bases,
)
from kh922core._tracking.progress_measure import RESULT_COLUMNS

__all__ = ["progress", "progress_of_targets"]

_NEVER = -(2**62)
_qualitative, _yi = pl.col("_qualitative"), pl.col("current_value")


# ---------------------------------------------------------------------------------- the steps


def _points(
    constants: pl.DataFrame,
    frame: pl.DataFrame,
    keys: list[str],
    until: int | None,
    units: dict[str, Unit | None],
) -> pl.DataFrame:
    """The usable points, one row per target, key group and year: values in the target's unit
    (assessments, for a qualitative target) up to the year ``until``."""
    joined = frame.select("indicator", "value", "unit", "year", "assessment", *keys).join(
        constants.select("target_id", "indicator", "_qualitative", "_from_year", "_change_year"),
        on="indicator",
        how="inner",
    )
    factors = unit_factors(joined, units)
    joined = joined.join(factors, on=["target_id", "unit"], how="left", nulls_equal=False)
    usable = (
        pl.when(_qualitative)
        .then(pl.col("assessment").is_not_null())
        .otherwise(pl.col("value").is_not_null() & pl.col("value").is_not_nan())
    )
    if until is not None:
        usable = usable & (pl.col("year") <= until)
    series = joined.with_columns(pl.col("value") * pl.col("_factor").fill_null(1.0)).filter(usable)
    # one figure given twice alike (from two sources) is one point
    alike = ["target_id", *keys, "year", "value", "assessment"]
    series = series.unique(alike, maintain_order=True)
    point = ["target_id", *keys, "year"]
    if series.select(pl.struct(point).is_duplicated().any()).item():  # in two units: alike?
        series = series.with_columns(alike_levels("value", point)).unique(
            alike, maintain_order=True
        )
    refuse_duplicates(series, point)
    return series


def _base_and_current(
    constants: pl.DataFrame, series: pl.DataFrame, keys: list[str]
) -> pl.DataFrame:
    """The base point (the plan's baseline, or the series' first from ``base_year``) and the
    current point (the latest); a qualitative target has only a current year and assessment."""
    from_year = pl.col("year") >= pl.col("_from_year").fill_null(_NEVER)
    grouped = (
        series.sort("year")
        .group_by(["target_id", *keys], maintain_order=True)
        .agg(
            pl.len().cast(pl.Int64).alias("n_points"),
            pl.col("year").filter(from_year).first().alias("_s_base_year"),
            pl.col("value").filter(from_year).first().alias("_s_base_value"),
            pl.col("year").last().alias("current_year"),
            pl.col("value").last().alias("current_value"),
            pl.col("assessment").last().alias("_assessment"),
            pl.col("value").filter(pl.col("year") == pl.col("_change_year")).first().alias("_c"),
        )
    )
    frame = constants.join(grouped, on="target_id", how="left")
    # Real columns: the join broadcasts a target's constants to its key groups, and Polars
    # divides by a broadcast value as by its reciprocal (inexact; SQL engines divide exactly).
    frame = frame.with_columns(frame.get_column(c).rechunk() for c in frame.columns)
    quantitative = pl.when(_qualitative).then(None)
    plan = quantitative.when(pl.col("_plan_base_year").is_not_null())
    return frame.with_columns(
        pl.col("n_points").fill_null(0),
        plan.then(pl.col("_plan_base_year")).otherwise(pl.col("_s_base_year")).alias("base_year"),
        plan.then(pl.col("_plan_base_value"))
        .otherwise(pl.col("_s_base_value"))
        .alias("base_value"),
        plan.then(pl.lit("plan"))
        .when(pl.col("_s_base_year").is_not_null())
        .then(pl.lit("series"))
        .otherwise(None)
        .alias("baseline_source"),
        quantitative.otherwise(_yi).alias("current_value"),
    ).with_columns(*change_base_columns())


def _change_threshold(frame: pl.DataFrame) -> pl.DataFrame:
    """A change target's level threshold at the horizon, implied by its base."""
    return implied_bounds(frame)


def _direction(frame: pl.DataFrame) -> pl.DataFrame:
    """``d`` (+1 up, -1 down) and the target value ``y_T``, from the side the base lies on."""
    return steps.direction(frame, pl)


def _achievement(frame: pl.DataFrame) -> pl.DataFrame:
    """``met`` (the current value meets the target) and whether it is achieved."""
    return steps.achievement(frame, pl)


def _growth(frame: pl.DataFrame) -> pl.DataFrame:
    """Observed against required compound annual growth, and the ratio of the two."""
    return steps.growth(frame, pl)


def _category(frame: pl.DataFrame) -> pl.DataFrame:
    """The category and score of the ratio (achieved first)."""
    return steps.category(frame, pl)


def _linear_view(frame: pl.DataFrame) -> pl.DataFrame:
    """Share of the way covered, observed and required yearly change, and their ratio."""
    return steps.linear_view(frame, pl)


def _projections(frame: pl.DataFrame) -> pl.DataFrame:
    """The values at the horizon if the yearly change (linear) or the growth (compound) holds,
    each within what the quantity can be."""
    return steps.projections(frame, pl)


# ------------------------------------------------------------------------------ the measure


def progress_of_targets(
    targets: tuple[Target, ...],
    observations: pl.DataFrame | pl.LazyFrame,
    *,
    as_of: int | DateLike | None = None,
    baseline: Literal["plan", "series"] = "plan",
    base_year: int | None = None,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | None = None,
    known_indicators: frozenset[str] | None = None,
) -> pl.DataFrame:
    """:func:`progress` over an explicit tuple of targets (no plan needed).

    Observations of indicators that none of ``targets`` measures are ignored, unless
    ``known_indicators`` is given: then ids outside it are an error.  See :func:`progress` for
    the arguments and the result.
    """
    check_progress_options(baseline, base_year)
    frame, keys = prepare_observations(observations)
    if known_indicators is not None:
        refuse_unknown(frame, known_indicators)
    constants = targets_frame(
        targets,
        baseline=baseline,
        base_year=base_year,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
    )
    constants = without_other_series_bases(constants, frame.lazy(), keys)
    units = {t.id: t.unit for t in targets}
    series = _points(constants, frame, keys, last_year(as_of), units)
    result = _base_and_current(constants, series, keys)
    steps = (_change_threshold, _direction, _achievement, _growth, _category)
    for step in (*steps, _linear_view, _projections):
        result = step(result)
    if keys:
        result = result.sort(["_order", *keys], nulls_last=True, maintain_order=True)
    return result.select("target_id", "indicator", *keys, *RESULT_COLUMNS)


def progress(
    plan: Plan,
    observations: pl.DataFrame | pl.LazyFrame,
    *,
    as_of: int | DateLike | None = None,
    baseline: Literal["plan", "series"] = "plan",
    base_year: int | None = None,
    targets: str | Sequence[str] | None = None,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | None = None,
) -> pl.DataFrame:
    """Progress of every target towards its horizon, per key group, at once.

    Each (target, key group) series is reduced to a base point ``(t_0, y_0)`` and a current
    point ``(t, y_t)`` (the latest year with a value) and measured with the Open SDG progress
    measure (observed over required compound annual growth), with a linear view beside it and
    projections to the target's horizon.  A change target (``tăng 20% so với năm 2023``) is
    measured toward the level its change implies at the horizon from its base (the series at
    the year its text names, else the plan baseline; no base: no threshold, ``not_available``).

    Args:
        plan: The plan.
        observations: The engine's input schema: ``indicator``, ``value``, ``year`` (required
            here), optional ``unit`` (converted to the target's unit) and ``assessment`` (for
            qualitative targets); any other column is a key (e.g. ``entity``).  A Polars
            DataFrame or LazyFrame; a pandas DataFrame or a PyArrow Table, measured by Polars
            and given back as it came; or a DuckDB relation, a PySpark or a SQLFrame DataFrame,
            measured in its engine and given back unevaluated, of the same kind (see "Other
            engines" in the documentation).
        as_of: A year, or a date (a date, a datetime or ``"YYYY-MM-DD"``): values of later
            years are ignored.  Default: all values.
        baseline: ``"plan"`` (default): start from the target's ``baseline`` when the plan gives
            one, else from the series; ``"series"``: always from the series.
        base_year: Start each series at its first year on or after this one (the ``base_year``
            of sdg-build); default: its first year.  A plan baseline takes precedence.
        targets: Restrict to these target ids, or this one (default: all targets of the plan).
        cohort_policy: ``"absolute"`` (rank ≤ N) or ``"proportional"`` (N scaled to the current
            cohort); see :class:`~kh922core.RankGroup`.
        cohort_size: The current cohort size (the proportional policy needs it); it also caps
            projected ranks (default cap: the cohort at adoption).

    Returns:
        One row per target and key group (targets without data get one row with null keys),
        with columns ``target_id``, ``indicator``, the keys, then ``horizon``, ``direction``
        (``increase``/``decrease``), ``target_value`` (``y_T``), ``baseline_source``
        (``plan``/``series``), ``base_year``, ``base_value``, ``current_year``,
        ``current_value``, ``n_points``, ``met``, ``share_covered``, ``cagr_observed``,
        ``cagr_required``, ``ratio``, ``score``, ``category`` (a :class:`ProgressCategory`
        value), ``rate_observed``, ``rate_required``, ``linear_ratio``, ``projected_compound``,
        ``projected_linear``, ``projected_met_compound``, ``projected_met_linear``.

    Raises:
        ObservationError: Missing columns, unreadable values, unknown indicator ids, rows
            without an indicator or a year, infinite values, two values for one target, key
            group and year, or a key column named like a result column; the same problems,
            rows and values on every engine (on a lazy one, rows by the engine's scan order).
        IncompatibleUnitError: A unit that cannot be converted to the target's unit.
        UnsupportedFrameError: An object that is no frame; or, on a lazy engine, a column of a
            type (a float or date ``year``, a non-Boolean ``assessment``) or a text ``value``
            (``1e5``) that Polars would read its own way: cast it in the engine first.

    Examples:
        >>> import kh922core
        >>> plan = kh922core.load_plan()
        >>> ranks = pl.DataFrame({"indicator": ["dti-rank"] * 3, "year": [2020, 2021, 2022],
        ...                       "value": [33.0, 31.0, 51.0]})
        >>> row = progress(plan, ranks, targets="2030-2").row(0, named=True)
        >>> row["category"], round(row["ratio"], 2), row["projected_linear"]
        ('deterioration', -25.63, 63.0)
        >>> progress(plan, ranks, targets="2030-2", as_of="2021-12-31")["category"].item()
        'substantial_progress'
    """
    chosen = plan_targets(plan, targets)
    options: dict[str, Any] = {
        "as_of": as_of,
        "baseline": baseline,
        "base_year": base_year,
        "cohort_policy": cohort_policy,
        "cohort_size": cohort_size,
        "known_indicators": frozenset(i.id for i in plan.indicators),
    }
    lazy = native(observations)
    if lazy is not None and lazy.lazy:  # DuckDB, Spark, SQLFrame: measured in their engine

        def polars_path(fetched: pl.DataFrame) -> object:  # to name the rows of a problem
            return progress_of_targets(chosen, fetched, **options)

        lazy, aliases = dotless(lazy)
        lazy = replace(lazy, frame=written_values_narwhals(lazy.frame))  # 32-bit: as written
        with aliases.named_again():
            measured = progress_lazy(chosen, lazy, **options, polars_path=polars_path)
        return aliases.restored(measured)  # type: ignore[no-any-return]
    # pandas, PyArrow: measured by Polars and given back as they came.
    converted, back = in_polars(observations, "progress", "observations")
    if isinstance(converted, pl.DataFrame | pl.LazyFrame):  # 32-bit floats: as written
        converted = written_values(converted)
    return back(progress_of_targets(chosen, converted, **options))  # type: ignore[arg-type,no-any-return]
