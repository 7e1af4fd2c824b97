"""Progress over time: baselines, the Open SDG progress measure, projections to the horizon.

:func:`progress` works on every (target × key group) at once with Polars: one join of the
observations to the targets of their indicator, one group-by that finds the base and the current
point of each series, then column expressions.  The scalar reference it is held equal to is
:func:`kh922core._tracking.progress_reference.series_progress`.  The formulas are
documented on the "Tracking progress" page of the documentation and in
:mod:`kh922core._tracking.progress_reference`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

import polars as pl

from kh922core._dates import DateLike, as_date
from kh922core._frame_problems import problem_at
from kh922core._plans.model import Plan, Target
from kh922core._targets import COMPARISON_RTOL, CohortPolicy
from kh922core._targets.units import Unit, conversion_factor
from kh922core._tracking.progress_reference import (
    HIGH_THRESHOLD,
    LOW_THRESHOLD,
    MEDIUM_THRESHOLD,
    ZERO_REPLACEMENT,
    ProgressCategory,
    reference_columns,
    target_threshold,
)
from kh922core.errors import ObservationError, ObservationProblem, UnknownIndicatorError

__all__ = ["ProgressCategory", "progress", "progress_of_targets"]

#: Columns of the engine's input schema that are not keys (``cohort_size`` is a per-row
#: attribute of rank observations, not a grouping key).
_RESERVED = ("indicator", "value", "unit", "year", "assessment", "cohort_size")
_NEVER = -(2**62)
_OUTPUT = frozenset(("target_id", *reference_columns()))


def _prepare(observations: pl.DataFrame | pl.LazyFrame) -> tuple[pl.DataFrame, list[str]]:
    """Check the input schema; return the observations with typed columns, and the key columns."""
    frame = observations.collect() if isinstance(observations, pl.LazyFrame) else observations
    if not isinstance(frame, pl.DataFrame):
        raise TypeError(f"observations must be a Polars DataFrame, got {type(frame).__name__}")
    missing = [c for c in ("indicator", "year") if c not in frame.columns]
    if "value" not in frame.columns and "assessment" not in frame.columns:
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
            converted = frame[column].cast(dtype, strict=False)
            bad = converted.is_null() & frame[column].is_not_null()
            problems.append(problem_at(frame, bad, column, f"cannot be read as {dtype}"))
    if problems:
        raise ObservationError(problems)
    for column in ("value", "unit", "assessment"):
        if column not in typed.columns:
            dtype = casts[column]
            typed = typed.with_columns(pl.lit(None, dtype=dtype).alias(column))
    checks = [
        ("indicator", typed["indicator"].is_null(), "indicator is missing"),
        ("year", typed["year"].is_null(), "year is missing (progress needs a year per row)"),
        ("value", typed["value"].is_infinite(), "value is infinite"),
    ]
    problems = [problem_at(frame, mask, c, m) for c, mask, m in checks if mask.any()]
    if problems:
        raise ObservationError(problems)
    keys = [c for c in frame.columns if c not in _RESERVED]
    clashes = [c for c in keys if c in _OUTPUT or c.startswith("_")]
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
    return typed, keys


def _year(as_of: int | DateLike | None) -> int | None:
    """The last year whose values count: ``as_of`` when it is a year, else its date's year."""
    if as_of is None:
        return None
    if isinstance(as_of, int) and not isinstance(as_of, bool):
        return as_of
    if isinstance(as_of, date | str):
        return as_date(as_of, "as_of").year
    raise TypeError(
        "as_of must be a year, a date, a datetime or an ISO 'YYYY-MM-DD' text, "
        f"got {type(as_of).__name__} {as_of!r}"
    )


def _targets_frame(
    targets: tuple[Target, ...],
    *,
    baseline: str,
    base_year: int | None,
    cohort_policy: CohortPolicy,
    cohort_size: int | None,
) -> pl.DataFrame:
    """One row per target with the constants the expressions need."""
    rows = []
    for order, target in enumerate(targets):
        threshold = target_threshold(target, cohort_policy=cohort_policy, cohort_size=cohort_size)
        plan_base = target.baseline if baseline == "plan" else None
        largest = cohort_size if cohort_size is not None else target.cohort_at_adoption
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
                "_rank": False if threshold is None else threshold.rank,
                "_rank_max": float(largest) if largest is not None else None,
                "_plan_base_year": None if plan_base is None else plan_base.year,
                "_plan_base_value": None if plan_base is None else plan_base.value,
                "_from_year": base_year,
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
        "_rank": pl.Boolean,
        "_rank_max": pl.Float64,
        "_plan_base_year": pl.Int64,
        "_plan_base_value": pl.Float64,
        "_from_year": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema)


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
    return pl.when(value.is_null() | value.is_nan()).then(None).otherwise(lo_ok & hi_ok)


def _replace_zero(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr == 0).then(pl.lit(ZERO_REPLACEMENT)).otherwise(expr)


def _nan_to_null(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr.is_nan()).then(None).otherwise(expr)


def _clamp_rank(expr: pl.Expr) -> pl.Expr:
    clamped = pl.max_horizontal(pl.lit(1.0), expr)
    clamped = (
        pl.when(pl.col("_rank_max").is_null())
        .then(clamped)
        .otherwise(pl.min_horizontal(pl.col("_rank_max"), clamped))
    )
    return pl.when(expr.is_null() | expr.is_nan() | ~pl.col("_rank")).then(expr).otherwise(clamped)


def _unit_factors(joined: pl.DataFrame, units: dict[str, Unit | None]) -> pl.DataFrame:
    """Conversion factor per (target, observation unit), computed once per pair."""
    pairs = (
        joined.filter(pl.col("unit").is_not_null() & ~pl.col("_qualitative"))
        .select("target_id", "unit")
        .unique()
    )
    rows = []
    for target_id, unit in pairs.iter_rows():
        target_unit = units[target_id]
        if target_unit is None:
            raise UnknownIndicatorError(
                f"target {target_id!r} has no unit, so a value in {unit!r} cannot be converted"
            )
        rows.append(
            {"target_id": target_id, "unit": unit, "_factor": conversion_factor(unit, target_unit)}
        )
    return pl.DataFrame(
        rows, schema={"target_id": pl.String, "unit": pl.String, "_factor": pl.Float64}
    )


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
    frame, keys = _prepare(observations)
    if known_indicators is not None:
        unknown = ~frame["indicator"].is_in(sorted(known_indicators))
        if unknown.any():
            raise ObservationError(
                [problem_at(frame, unknown, "indicator", "unknown indicator id (not in the plan)")]
            )
    last_year = _year(as_of)
    tf = _targets_frame(
        targets,
        baseline=baseline,
        base_year=base_year,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
    )
    units = {t.id: t.unit for t in targets}
    joined = frame.select("indicator", "value", "unit", "year", "assessment", *keys).join(
        tf.select("target_id", "indicator", "_qualitative", "_from_year"),
        on="indicator",
        how="inner",
    )
    factors = _unit_factors(joined, units)
    joined = joined.join(factors, on=["target_id", "unit"], how="left", nulls_equal=False)
    usable = (
        pl.when(pl.col("_qualitative"))
        .then(pl.col("assessment").is_not_null())
        .otherwise(pl.col("value").is_not_null() & pl.col("value").is_not_nan())
    )
    if last_year is not None:
        usable = usable & (pl.col("year") <= last_year)
    series = joined.with_columns(pl.col("value") * pl.col("_factor").fill_null(1.0)).filter(usable)
    group = ["target_id", *keys]
    duplicated = series.select(pl.struct([*group, "year"]).is_duplicated()).to_series()
    if duplicated.any():
        dups = series.filter(duplicated).select(*group, "year").unique(maintain_order=True)
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
    from_year = pl.col("year") >= pl.col("_from_year").fill_null(_NEVER)
    grouped = (
        series.sort("year")
        .group_by(group, maintain_order=True)
        .agg(
            pl.len().cast(pl.Int64).alias("n_points"),
            pl.col("year").filter(from_year).first().alias("_s_base_year"),
            pl.col("value").filter(from_year).first().alias("_s_base_value"),
            pl.col("year").last().alias("current_year"),
            pl.col("value").last().alias("current_value"),
            pl.col("assessment").last().alias("_assessment"),
        )
    )
    result = tf.join(grouped, on="target_id", how="left")
    result = _expressions(result)
    if keys:
        result = result.sort(["_order", *keys], nulls_last=True, maintain_order=True)
    return result.select("target_id", "indicator", *keys, *reference_columns())


def _expressions(frame: pl.DataFrame) -> pl.DataFrame:
    """Every result column from the base, current and target constants of each row."""
    qualitative = pl.col("_qualitative")
    use_plan = pl.col("_plan_base_year").is_not_null()
    frame = frame.with_columns(
        pl.col("n_points").fill_null(0),
        pl.when(qualitative)
        .then(None)
        .when(use_plan)
        .then(pl.col("_plan_base_year"))
        .otherwise(pl.col("_s_base_year"))
        .alias("base_year"),
        pl.when(qualitative)
        .then(None)
        .when(use_plan)
        .then(pl.col("_plan_base_value"))
        .otherwise(pl.col("_s_base_value"))
        .alias("base_value"),
        pl.when(qualitative)
        .then(None)
        .when(use_plan)
        .then(pl.lit("plan"))
        .when(pl.col("_s_base_year").is_not_null())
        .then(pl.lit("series"))
        .otherwise(None)
        .alias("baseline_source"),
        pl.when(qualitative).then(None).otherwise(pl.col("current_value")).alias("current_value"),
    )
    y0 = pl.col("base_value")
    d = (
        pl.when(pl.col("_dfix") != 0)
        .then(pl.col("_dfix"))
        .when(y0 < pl.col("_lo"))
        .then(pl.lit(1))
        .when(y0 > pl.col("_hi"))
        .then(pl.lit(-1))
        .otherwise(None)
    )
    frame = frame.with_columns(d.alias("_d"))
    y_target = (
        pl.when(pl.col("_d") == 1)
        .then(pl.col("_lo"))
        .when(pl.col("_d") == -1)
        .then(pl.col("_hi"))
        .otherwise(None)
    )
    frame = frame.with_columns(
        y_target.alias("target_value"),
        pl.when(qualitative)
        .then(pl.col("_assessment"))
        .otherwise(_met(pl.col("current_value")))
        .alias("met"),
    )
    yi, ti, t0 = pl.col("current_value"), pl.col("current_year"), pl.col("base_year")
    yt, horizon, dd = pl.col("target_value"), pl.col("horizon"), pl.col("_d")
    replaced_target = _replace_zero(yt)
    sdg_achieved = ((dd == 1) & (yi >= replaced_target)) | ((dd == -1) & (yi <= replaced_target))
    achieved = (
        pl.when(qualitative)
        .then(pl.col("met").fill_null(False))
        .when(pl.col("_dfix") == 0)
        .then(pl.col("met").fill_null(False))
        .otherwise(pl.col("met").fill_null(False) | sdg_achieved.fill_null(False))
    )
    frame = frame.with_columns(achieved.alias("_achieved"))
    base = _replace_zero(y0)
    sign = pl.when(y0 < 0).then(pl.lit(-1.0)).otherwise(pl.lit(1.0))
    opposite = ((base > 0) & (yi < 0)) | ((base < 0) & (yi > 0))
    elapsed = (ti - t0).cast(pl.Float64)
    span = (horizon - t0).cast(pl.Float64)
    complete = yi.is_not_null() & y0.is_not_null() & dd.is_not_null() & yt.is_not_null()
    valid = complete & ~opposite & (elapsed >= 1)
    cagr_o = pl.when(valid).then((yi / base).pow(1.0 / elapsed) - 1.0).otherwise(None)
    cagr_r = (
        pl.when(valid & (span > 0))
        .then((replaced_target / base).pow(1.0 / span) - 1.0)
        .otherwise(None)
    )
    frame = frame.with_columns(cagr_o.alias("_cagr_o"), cagr_r.alias("_cagr_r"))
    ratio = _nan_to_null((sign * dd.cast(pl.Float64) * pl.col("_cagr_o")) / pl.col("_cagr_r").abs())
    frame = frame.with_columns(ratio.alias("ratio"))
    r, done = pl.col("ratio"), pl.col("_achieved")
    category = (
        pl.when(done)
        .then(pl.lit(ProgressCategory.TARGET_ACHIEVED.value))
        .when(r.is_null())
        .then(pl.lit(ProgressCategory.NOT_AVAILABLE.value))
        .when(r >= HIGH_THRESHOLD)
        .then(pl.lit(ProgressCategory.SUBSTANTIAL_PROGRESS.value))
        .when(r >= MEDIUM_THRESHOLD)
        .then(pl.lit(ProgressCategory.MODERATE_PROGRESS.value))
        .when(r >= LOW_THRESHOLD)
        .then(pl.lit(ProgressCategory.LIMITED_PROGRESS.value))
        .otherwise(pl.lit(ProgressCategory.DETERIORATION.value))
    )
    score = (
        pl.when(done)
        .then(pl.lit(5.0))
        .when(r.is_null())
        .then(None)
        .when(r >= MEDIUM_THRESHOLD)
        .then(pl.min_horizontal(7.1429 * r - 4.2857, pl.lit(5.0)))
        .otherwise(pl.max_horizontal(4.1667 * r - 2.5, pl.lit(-5.0)))
    )
    gap = dd.cast(pl.Float64) * (yt - y0)
    share = (
        pl.when(done)
        .then(pl.lit(1.0))
        .when(complete & (gap > 0))
        .then(pl.min_horizontal(pl.lit(1.0), (yi - y0) / (yt - y0)))
        .otherwise(None)
    )
    moving = complete & (elapsed >= 1)
    rate = pl.when(moving).then((yi - y0) / elapsed).otherwise(None)
    frame = frame.with_columns(
        _nan_to_null(pl.col("_cagr_o")).alias("cagr_observed"),
        _nan_to_null(pl.col("_cagr_r")).alias("cagr_required"),
        category.alias("category"),
        score.alias("score"),
        share.alias("share_covered"),
        rate.alias("rate_observed"),
        pl.when(moving & (span > 0)).then((yt - y0) / span).otherwise(None).alias("rate_required"),
    )
    required = pl.col("rate_required")
    projecting = moving & (span > 0)
    same_sign = ((y0 > 0) & (yi >= 0)) | ((y0 < 0) & (yi <= 0))
    linear = pl.when(projecting).then(yi + pl.col("rate_observed") * (horizon - ti)).otherwise(None)
    compound = (
        pl.when(projecting & same_sign).then(y0 * (yi / y0).pow(span / elapsed)).otherwise(None)
    )
    frame = frame.with_columns(
        pl.when(required.is_not_null() & (required != 0))
        .then(dd.cast(pl.Float64) * pl.col("rate_observed") / required.abs())
        .otherwise(None)
        .alias("linear_ratio"),
        _clamp_rank(linear).alias("projected_linear"),
        _clamp_rank(compound).alias("projected_compound"),
    )
    direction = (
        pl.when(dd == 1)
        .then(pl.lit("increase"))
        .when(dd == -1)
        .then(pl.lit("decrease"))
        .otherwise(None)
    )
    return frame.with_columns(
        direction.alias("direction"),
        _met(pl.col("projected_compound")).alias("projected_met_compound"),
        _met(pl.col("projected_linear")).alias("projected_met_linear"),
    )


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
    projections to the target's horizon.

    Args:
        plan: The plan.
        observations: The engine's input schema: ``indicator``, ``value``, ``year`` (required
            here), optional ``unit`` (converted to the target's unit) and ``assessment`` (for
            qualitative targets); any other column is a key (e.g. ``entity``).
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

    Examples:
        >>> import polars as pl
        >>> from kh922core._plans.loader import load_plan
        >>> ranks = pl.DataFrame({"indicator": ["dti-rank"] * 3, "year": [2020, 2021, 2022],
        ...                       "value": [33.0, 31.0, 51.0]})
        >>> row = progress(load_plan(), ranks, targets=["2030-2"]).row(0, named=True)
        >>> row["category"], round(row["ratio"], 2), row["projected_linear"]
        ('deterioration', -25.63, 63.0)
        >>> progress(load_plan(), ranks, targets=["2030-2"], as_of=2021)["category"].item()
        'substantial_progress'
    """
    chosen = plan.targets
    if targets is not None:
        wanted = [targets] if isinstance(targets, str) else list(targets)
        for target_id in wanted:
            plan.target(target_id)
        chosen = tuple(t for t in plan.targets if t.id in set(wanted))
    with_units = tuple(t if t.unit is not None else _with_indicator_unit(plan, t) for t in chosen)
    return progress_of_targets(
        with_units,
        observations,
        as_of=as_of,
        baseline=baseline,
        base_year=base_year,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
        known_indicators=frozenset(i.id for i in plan.indicators),
    )


def _with_indicator_unit(plan: Plan, target: Target) -> Target:
    unit = plan.indicator(target.indicator).unit
    return target if unit is None else target.model_copy(update={"unit": unit})
