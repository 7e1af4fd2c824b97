"""Progress over time: baselines, the Open SDG progress measure, projections to the horizon.

:func:`progress` works on every (target × key group) at once with Polars: one join of the
observations to the targets of their indicator, one group-by that finds the base and the current
point of each series, then column expressions.  It takes the
:data:`~kh922core._tracking.progress_measure.STEPS` of the measure in the order of its scalar
reference, :func:`kh922core._tracking.progress_reference.series_progress`, one function
``_<step>`` each, here on a table with a row per series.  The formulas are documented on the
"Tracking progress" page of the documentation and in :mod:`kh922core._tracking.progress_measure`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import polars as pl

from kh922core._dates import DateLike
from kh922core._engine import in_polars
from kh922core._frame_problems import problem_at
from kh922core._plans import Plan, Target
from kh922core._targets import COMPARISON_RTOL, CohortPolicy, Unit
from kh922core._tracking.progress_change import change_base_columns, implied_bounds
from kh922core._tracking.progress_input import (
    last_year,
    plan_targets,
    prepare_observations,
    refuse_duplicates,
    targets_frame,
    unit_factors,
)
from kh922core._tracking.progress_measure import (
    DIRECTION_NAMES,
    RESULT_COLUMNS,
    ZERO_REPLACEMENT,
    category_expr,
    score_expr,
)
from kh922core.errors import ObservationError

__all__ = ["progress", "progress_of_targets"]

_NEVER = -(2**62)

# The columns the steps read, by their names in the formulas.
_y0, _yi, _yt = pl.col("base_value"), pl.col("current_value"), pl.col("target_value")
_t0, _ti, _horizon = pl.col("base_year"), pl.col("current_year"), pl.col("horizon")
_d, _qualitative, _achieved = pl.col("_d"), pl.col("_qualitative"), pl.col("_achieved")


def _met(value: pl.Expr) -> pl.Expr:
    """Whether ``value`` meets the target (the spec's semantics, tolerance included)."""
    lo, hi = pl.col("_lo"), pl.col("_hi")
    lo_ok = (
        pl.when(lo.is_null())
        .then(pl.lit(True))
        .when(pl.col("_lo_strict"))
        .then(value > lo + COMPARISON_RTOL * lo.abs())
        .otherwise(value >= lo - COMPARISON_RTOL * lo.abs())
    )
    hi_ok = (
        pl.when(hi.is_null())
        .then(pl.lit(True))
        .when(pl.col("_hi_strict"))
        .then(value < hi - COMPARISON_RTOL * hi.abs())
        .otherwise(value <= hi + COMPARISON_RTOL * hi.abs())
    )
    unknown = value.is_null() | value.is_nan() | (lo.is_null() & hi.is_null())  # no threshold
    return pl.when(unknown).then(None).otherwise(lo_ok & hi_ok)


def _replace_zero(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr == 0).then(pl.lit(ZERO_REPLACEMENT)).otherwise(expr)


def _nan_to_null(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr.is_nan()).then(None).otherwise(expr)


def _clamp(expr: pl.Expr) -> pl.Expr:
    """``expr`` within the target's range ``[_lowest, _highest]`` (a null bound: none)."""
    clamped = pl.min_horizontal(pl.col("_highest"), pl.max_horizontal(pl.col("_lowest"), expr))
    return pl.when(expr.is_null() | expr.is_nan()).then(expr).otherwise(clamped)


def _complete() -> pl.Expr:
    """Whether the series has a base, a current point, a direction and a target value."""
    return _yi.is_not_null() & _y0.is_not_null() & _d.is_not_null() & _yt.is_not_null()


def _elapsed() -> pl.Expr:
    return (_ti - _t0).cast(pl.Float64)


def _span() -> pl.Expr:
    return (_horizon - _t0).cast(pl.Float64)


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
    refuse_duplicates(series, ["target_id", *keys, "year"])
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
    d = (
        pl.when(pl.col("_dfix") != 0)
        .then(pl.col("_dfix"))
        .when(_y0 < pl.col("_lo"))
        .then(pl.lit(1))
        .when(_y0 > pl.col("_hi"))
        .then(pl.lit(-1))
        .otherwise(None)
    )
    frame = frame.with_columns(d.alias("_d"))
    y_target = pl.when(_d == 1).then(pl.col("_lo")).when(_d == -1).then(pl.col("_hi"))
    up, down = pl.lit(DIRECTION_NAMES[1]), pl.lit(DIRECTION_NAMES[-1])
    words = pl.when(_d == 1).then(up).when(_d == -1).then(down)
    return frame.with_columns(
        y_target.otherwise(None).alias("target_value"), words.otherwise(None).alias("direction")
    )


def _achievement(frame: pl.DataFrame) -> pl.DataFrame:
    """``met`` (the current value meets the target) and achieved (met, or sdg-build's check that
    the current value reached ``y_T``; a band only counts as met)."""
    frame = frame.with_columns(
        pl.when(_qualitative).then(pl.col("_assessment")).otherwise(_met(_yi)).alias("met")
    )
    met = pl.col("met").fill_null(False)
    replaced_target = _replace_zero(_yt)
    sdg_achieved = ((_d == 1) & (_yi >= replaced_target)) | ((_d == -1) & (_yi <= replaced_target))
    achieved = (
        pl.when(_qualitative)
        .then(met)
        .when(pl.col("_dfix") == 0)
        .then(met)
        .otherwise(met | sdg_achieved.fill_null(False))
    )
    return frame.with_columns(achieved.alias("_achieved"))


def _growth(frame: pl.DataFrame) -> pl.DataFrame:
    """Observed against required compound annual growth, and the ratio of the two."""
    # Levels as real columns: Polars divides by a broadcast one as by its reciprocal (inexact).
    frame = frame.with_columns(
        frame.get_column(c).rechunk() for c in ("base_value", "target_value")
    )
    base = _replace_zero(_y0)
    sign = pl.when(_y0 < 0).then(pl.lit(-1.0)).otherwise(pl.lit(1.0))
    opposite = ((base > 0) & (_yi < 0)) | ((base < 0) & (_yi > 0))
    valid = _complete() & ~opposite & (_elapsed() >= 1)
    cagr_o = pl.when(valid).then((_yi / base).pow(1.0 / _elapsed()) - 1.0).otherwise(None)
    cagr_r = (
        pl.when(valid & (_span() > 0))
        .then((_replace_zero(_yt) / base).pow(1.0 / _span()) - 1.0)
        .otherwise(None)
    )
    frame = frame.with_columns(cagr_o.alias("_cagr_o"), cagr_r.alias("_cagr_r"))
    ratio = (sign * _d.cast(pl.Float64) * pl.col("_cagr_o")) / pl.col("_cagr_r").abs()
    return frame.with_columns(
        _nan_to_null(pl.col("_cagr_o")).alias("cagr_observed"),
        _nan_to_null(pl.col("_cagr_r")).alias("cagr_required"),
        _nan_to_null(ratio).alias("ratio"),
    )


def _category(frame: pl.DataFrame) -> pl.DataFrame:
    """The category and score of the ratio (achieved first)."""
    ratio = pl.col("ratio")
    return frame.with_columns(
        category_expr(ratio, _achieved).alias("category"),
        score_expr(ratio, _achieved).alias("score"),
    )


def _linear_view(frame: pl.DataFrame) -> pl.DataFrame:
    """Share of the way covered, observed and required yearly change, and their ratio."""
    gap = _d.cast(pl.Float64) * (_yt - _y0)
    share = (
        pl.when(_achieved)
        .then(pl.lit(1.0))
        .when(_complete() & (gap > 0))
        .then(pl.min_horizontal(pl.lit(1.0), (_yi - _y0) / (_yt - _y0)))
        .otherwise(None)
    )
    moving = _complete() & (_elapsed() >= 1)
    frame = frame.with_columns(
        share.alias("share_covered"),
        pl.when(moving).then((_yi - _y0) / _elapsed()).otherwise(None).alias("rate_observed"),
        pl.when(moving & (_span() > 0))
        .then((_yt - _y0) / _span())
        .otherwise(None)
        .alias("rate_required"),
    )
    required = pl.col("rate_required")
    return frame.with_columns(
        pl.when(required.is_not_null() & (required != 0))
        .then(_d.cast(pl.Float64) * pl.col("rate_observed") / required.abs())
        .otherwise(None)
        .alias("linear_ratio")
    )


def _projections(frame: pl.DataFrame) -> pl.DataFrame:
    """The values at the horizon if the yearly change (linear) or the growth (compound) holds;
    each stays within what the quantity can be (a rank between 1 and the cohort, a share
    between 0 and its whole: :func:`~kh922core._tracking.progress_measure.projection_range`)."""
    projecting = _complete() & (_elapsed() >= 1) & (_span() > 0)
    same_sign = ((_y0 > 0) & (_yi >= 0)) | ((_y0 < 0) & (_yi <= 0))
    linear = pl.when(projecting).then(_yi + pl.col("rate_observed") * (_horizon - _ti))
    compound = pl.when(projecting & same_sign).then(_y0 * (_yi / _y0).pow(_span() / _elapsed()))
    frame = frame.with_columns(
        _clamp(linear.otherwise(None)).alias("projected_linear"),
        _clamp(compound.otherwise(None)).alias("projected_compound"),
    )
    return frame.with_columns(
        _met(pl.col("projected_compound")).alias("projected_met_compound"),
        _met(pl.col("projected_linear")).alias("projected_met_linear"),
    )


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
    if baseline not in ("plan", "series"):
        raise ValueError(f"baseline must be 'plan' or 'series', got {baseline!r}")
    frame, keys = prepare_observations(observations)
    if known_indicators is not None:
        unknown = ~frame["indicator"].is_in(sorted(known_indicators))
        if unknown.any():
            raise ObservationError(
                [problem_at(frame, unknown, "indicator", "unknown indicator id (not in the plan)")]
            )
    constants = targets_frame(
        targets,
        baseline=baseline,
        base_year=base_year,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
    )
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
            qualitative targets); any other column is a key (e.g. ``entity``).  A pandas
            DataFrame or a PyArrow Table is measured by Polars and given back as it came.
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
            without a year, or two values for one target, key group and year.
        IncompatibleUnitError: A unit that cannot be converted to the target's unit.
        UnsupportedFrameError: A DuckDB relation, a PySpark or a SQLFrame DataFrame: progress
            is not lowered to lazy engines (collect the observations, e.g. to Polars, first).

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
    # pandas, PyArrow: measured by Polars and given back as they came.  DuckDB, Spark, SQLFrame:
    # refused, not collected behind the caller's back (the measure, its checks and its unit
    # conversions are written in Polars; see "Other engines" in the documentation).
    converted, back = in_polars(observations, "progress", "observations")
    result = progress_of_targets(
        plan_targets(plan, targets),
        converted,  # type: ignore[arg-type]
        as_of=as_of,
        baseline=baseline,
        base_year=base_year,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
        known_indicators=frozenset(i.id for i in plan.indicators),
    )
    return back(result)  # type: ignore[no-any-return]
