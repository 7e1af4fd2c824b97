"""Scalar reference of the progress measure: one series at a time, in plain Python.

This module is the *reference semantics* of :func:`kh922core.progress`: the vectorised Polars
implementation in :mod:`kh922core._tracking.progress_vectorised` is held equal to
:func:`series_progress` by property tests, so the code here favours clarity over speed.  The
measure and its rules are described in :mod:`kh922core._tracking.progress_measure`; both
implementations take its :data:`~kh922core._tracking.progress_measure.STEPS` in the same order,
one function ``_<step>`` each, here on a dict of the series' columns, there on a table.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kh922core._plans import Target
from kh922core._targets import CohortPolicy
from kh922core._tracking.progress_change import (
    BLANK,
    change_base,
    implied_threshold,
    level_met,
)
from kh922core._tracking.progress_measure import (
    DIRECTION_NAMES,
    RESULT_COLUMNS,
    ZERO_REPLACEMENT,
    ProgressCategory,
    Threshold,
    category_of,
    projection_range,
    score_of,
    target_threshold,
)

__all__ = ["Measure", "growth", "progress_measure", "series_progress"]

#: A usable point of a series: ``(year, value, assessment)`` (the value of a quantitative target,
#: the assessment of a qualitative one; the other is ``None``).
Point = tuple[int, float | None, bool | None]
#: The columns of one series, as the steps add them (private ones start with ``_``).
Row = dict[str, Any]


def _pow(base: float, exponent: float) -> float:
    """``base ** exponent`` as IEEE ``pow`` (and Polars) has it, never raising.

    A finite negative base with a non-integer exponent gives NaN (not a complex number), 0 to a
    negative power gives infinity, and an overflow gives a signed infinity.
    """
    if math.isnan(base) or math.isnan(exponent):
        return math.nan
    if base < 0 and math.isfinite(base) and not exponent.is_integer():
        return math.nan
    try:
        return math.pow(base, exponent)
    except ValueError:  # 0 to a negative power
        return math.inf
    except OverflowError:
        odd = base < 0 and exponent % 2 == 1
        return -math.inf if odd else math.inf


def _divide(numerator: float, denominator: float) -> float:
    """IEEE division: ``±inf`` for a non-zero numerator over 0, NaN for ``0 / 0``."""
    if denominator == 0:
        if numerator == 0 or math.isnan(numerator):
            return math.nan
        return math.copysign(math.inf, numerator) * math.copysign(1.0, denominator)
    return numerator / denominator


def _nan_to_none(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def _replace_zero(value: float) -> float:
    return ZERO_REPLACEMENT if value == 0 else float(value)


def growth(current: float, base: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate ``(current / base) ** (1 / (current_year − base_year)) − 1``.

    Examples:
        >>> round(growth(121.0, 100.0, 2022, 2020), 10)
        0.1
    """
    return _pow(current / base, 1.0 / (current_year - base_year)) - 1.0


# ---------------------------------------------------------------------------------- the steps


def _points(
    threshold: Threshold | None,
    series: Iterable[tuple[int, float | None]],
    assessments: Iterable[tuple[int, bool | None]],
    as_of: int | None,
) -> list[Point]:
    """The usable points, by year: values (assessments, for a qualitative target) up to as_of."""
    if threshold is None:
        judged = sorted(
            (year, flag)
            for year, flag in assessments
            if flag is not None and (as_of is None or year <= as_of)
        )
        return [(year, None, flag) for year, flag in judged]
    values = sorted(
        (year, float(value))
        for year, value in series
        if value is not None and not math.isnan(value) and (as_of is None or year <= as_of)
    )
    return [(year, value, None) for year, value in values]


def _base_and_current(
    target: Target, qualitative: bool, points: list[Point], baseline: str, base_year: int | None
) -> Row:
    """The base point (the plan's baseline, or the series' first from ``base_year``) and the
    current point (the latest); a qualitative target has only a current year and assessment."""
    row: Row = {"n_points": len(points), "horizon": target.horizon}
    if points:
        row["current_year"], row["current_value"], row["_assessment"] = points[-1]
    if qualitative:
        return row
    if target.spec.change is not None:  # the base its change is measured from
        return row | change_base(target, points, baseline)
    plan_base = target.baseline if baseline == "plan" else None
    if plan_base is not None:
        row["base_year"], row["base_value"] = plan_base.year, plan_base.value
        row["baseline_source"] = "plan"
        return row
    start = [(year, value) for year, value, _ in points if base_year is None or year >= base_year]
    if start:
        row["base_year"], row["base_value"] = start[0]
        row["baseline_source"] = "series"
    return row


def _change_threshold(target: Target, threshold: Threshold | None, row: Row) -> Threshold | None:
    """A change target's level threshold at the horizon, implied by its base."""
    change = target.spec.change
    if change is None or threshold is None:
        return threshold
    if row.get("base_value") is None:
        return BLANK
    years = target.horizon - row["base_year"]
    return implied_threshold(threshold, change, row["base_value"], years)


def _direction(row: Row, threshold: Threshold | None) -> Row:
    """``d`` (+1 up, -1 down) and the target value ``y_T``, from the side the base lies on."""
    if threshold is None:
        return {}
    d, y_target = threshold.toward(row.get("base_value"))
    return {"_d": d, "target_value": y_target, "direction": DIRECTION_NAMES.get(d or 0)}


def _achievement(
    row: Row, threshold: Threshold | None, met: Callable[[float | None], bool | None]
) -> Row:
    """``met`` (the current value meets the target) and achieved (met, or sdg-build's check that
    the current value reached ``y_T``; a band only counts as met)."""
    if threshold is None:
        return {"met": row.get("_assessment"), "_achieved": bool(row.get("_assessment"))}
    y_i = row.get("current_value")
    if y_i is None:
        return {"_achieved": False}
    now = met(y_i)
    achieved = bool(now)
    if threshold.direction != 0:
        replaced = _replace_zero(row["target_value"])
        d = row["_d"]
        achieved = achieved or (d == 1 and y_i >= replaced) or (d == -1 and y_i <= replaced)
    return {"met": now, "_achieved": achieved}


def _complete(row: Row) -> bool:
    """Whether the series has a base, a current point, a direction and a target value."""
    wanted = ("base_value", "current_value", "_d", "target_value")
    return all(row.get(column) is not None for column in wanted)


def _growth_of(
    base_year: int,
    base_value: float,
    current_year: int,
    current_value: float,
    target_value: float,
    target_year: int,
    direction: int,
) -> tuple[float | None, float | None, float | None]:
    """Observed and required compound growth, and their ratio ``s·d·CAGR_o / |CAGR_r|``."""
    target = _replace_zero(target_value)
    sign = -1.0 if base_value < 0 else 1.0
    base = _replace_zero(base_value)
    opposite = (base > 0 and current_value < 0) or (base < 0 and current_value > 0)
    if opposite or current_year - base_year < 1:
        return None, None, None
    cagr_o = growth(current_value, base, current_year, base_year)
    if target_year - base_year <= 0:
        return _nan_to_none(cagr_o), None, None
    cagr_r = growth(target, base, target_year, base_year)
    ratio = _divide(sign * direction * cagr_o, abs(cagr_r))
    return _nan_to_none(cagr_o), _nan_to_none(cagr_r), _nan_to_none(ratio)


def _growth(row: Row) -> Row:
    """Observed against required compound annual growth, and the ratio of the two."""
    if not _complete(row):
        return {}
    cagr_o, cagr_r, ratio = _growth_of(
        row["base_year"],
        row["base_value"],
        row["current_year"],
        row["current_value"],
        row["target_value"],
        row["horizon"],
        row["_d"],
    )
    return {"cagr_observed": cagr_o, "cagr_required": cagr_r, "ratio": ratio}


def _category(row: Row) -> Row:
    """The category and score of the ratio (achieved first)."""
    ratio, achieved = row.get("ratio"), row["_achieved"]
    return {"category": category_of(ratio, achieved).value, "score": score_of(ratio, achieved)}


def _linear_view(row: Row) -> Row:
    """Share of the way covered, observed and required yearly change, and their ratio."""
    found: Row = {"share_covered": 1.0 if row["_achieved"] else None}
    if not _complete(row):
        return found
    y0, y_i, y_target, d = row["base_value"], row["current_value"], row["target_value"], row["_d"]
    t0, t_i, horizon = row["base_year"], row["current_year"], row["horizon"]
    if not row["_achieved"] and d * (y_target - y0) > 0:
        found["share_covered"] = min(1.0, (y_i - y0) / (y_target - y0))
    if t_i - t0 >= 1:
        rate = (y_i - y0) / (t_i - t0)
        found["rate_observed"] = rate
        if horizon - t0 > 0:
            required = (y_target - y0) / (horizon - t0)
            found["rate_required"] = required
            if required != 0:
                found["linear_ratio"] = d * rate / abs(required)
    return found


def _clamp(value: float | None, lowest: float | None, highest: float | None) -> float | None:
    if value is None or math.isnan(value):
        return value
    if lowest is not None:
        value = max(lowest, value)
    return min(highest, value) if highest is not None else value


def _projections(
    row: Row,
    threshold: Threshold | None,
    bounds: tuple[float | None, float | None],
    met: Callable[[float | None], bool | None],
) -> Row:
    """The values at the horizon if the yearly change (linear) or the growth (compound) holds;
    each stays within what the quantity can be (a rank between 1 and the cohort, a share
    between 0 and its whole: :func:`~kh922core._tracking.progress_measure.projection_range`)."""
    if not _complete(row) or threshold is None:
        return {}
    y0, y_i = row["base_value"], row["current_value"]
    t0, t_i, horizon = row["base_year"], row["current_year"], row["horizon"]
    if t_i - t0 < 1 or horizon - t0 <= 0:
        return {}
    linear: float | None = y_i + row["rate_observed"] * (horizon - t_i)
    compound: float | None = None
    if (y0 > 0 and y_i >= 0) or (y0 < 0 and y_i <= 0):
        compound = y0 * _pow(y_i / y0, (horizon - t0) / (t_i - t0))
    linear, compound = _clamp(linear, *bounds), _clamp(compound, *bounds)
    return {
        "projected_linear": linear,
        "projected_compound": compound,
        "projected_met_linear": met(linear),
        "projected_met_compound": met(compound),
    }


# ------------------------------------------------------------------------------ the measure


def series_progress(
    target: Target,
    series: Iterable[tuple[int, float | None]],
    *,
    baseline: str = "plan",
    base_year: int | None = None,
    as_of: int | None = None,
    assessments: Iterable[tuple[int, bool | None]] = (),
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | None = None,
) -> dict[str, Any]:
    """Progress of one series against one target, in plain Python (the reference).

    Args:
        target: The target (its ``spec``, ``horizon``, ``baseline`` and ``unit`` are used).
        series: ``(year, value)`` pairs in the target's unit; ``None`` and NaN are missing.
            Years must be unique among the non-missing values.
        baseline: ``"plan"`` to start from the target's baseline when the plan gives one,
            ``"series"`` to always start from the series.
        base_year: Start the series at its first year on or after this one (sdg-build's
            ``base_year``); default its first year.
        as_of: Ignore values of later years.
        assessments: ``(year, assessment)`` pairs for a qualitative target.
        cohort_policy: Rank cohort policy (see :class:`~kh922core.RankGroup`).
        cohort_size: Current cohort size, for the proportional policy and to cap ranks.

    Returns:
        The columns of :func:`kh922core.progress` other than the identifiers and keys.

    Examples:
        >>> import kh922core
        >>> dti = kh922core.load_plan().target("2030-2")
        >>> row = series_progress(dti, [(2020, 33.0), (2021, 31.0), (2022, 51.0)])
        >>> row["category"], row["projected_linear"]
        ('deterioration', 63.0)
    """
    threshold = target_threshold(target, cohort_policy=cohort_policy, cohort_size=cohort_size)
    points = _points(threshold, series, assessments, as_of)
    row = _base_and_current(target, threshold is None, points, baseline, base_year)
    threshold = _change_threshold(target, threshold, row)

    def met(value: float | None) -> bool | None:
        if value is None or not math.isfinite(value):  # a projection that overflows: no value
            return None
        if target.spec.change is not None:  # the level its change implies at the horizon
            return level_met(threshold or BLANK, value)
        return target.is_met(value, cohort_policy=cohort_policy, cohort_size=cohort_size)

    row |= _direction(row, threshold)
    row |= _achievement(row, threshold, met)
    row |= _growth(row)
    row |= _category(row)
    row |= _linear_view(row)
    row |= _projections(row, threshold, projection_range(target, threshold, cohort_size), met)
    return {column: row.get(column) for column in RESULT_COLUMNS}


@dataclass(frozen=True, slots=True)
class Measure:
    """The Open SDG measure of one series: ratio, category, score and its parts."""

    achieved: bool
    cagr_observed: float | None
    cagr_required: float | None
    ratio: float | None
    category: ProgressCategory
    score: float | None


def progress_measure(
    *,
    base_year: int,
    base_value: float,
    current_year: int,
    current_value: float,
    target_value: float,
    target_year: int,
    direction: int,
    achieved: bool | None = None,
) -> Measure:
    """The Open SDG progress measure of one series with a quantitative target.

    Args:
        base_year: ``t_0``.
        base_value: ``y_0`` (0 is replaced by 0.001).
        current_year: ``t``, the most recent year with data.
        current_value: ``y_t``.
        target_value: ``y_T`` (0 is replaced by 0.001).
        target_year: ``T``.
        direction: +1 when the indicator should increase, -1 when it should decrease.
        achieved: Override of the "target achieved" check (default: sdg-build's own check,
            ``y_t ≥ y_T`` when increasing, ``y_t ≤ y_T`` when decreasing).

    Examples:
        >>> m = progress_measure(base_year=2020, base_value=33, current_year=2021,
        ...                      current_value=31, target_value=30, target_year=2030,
        ...                      direction=-1)
        >>> m.category.value, round(m.ratio, 3)
        ('substantial_progress', 6.389)
    """
    if achieved is None:
        target = _replace_zero(target_value)
        achieved = (direction == -1 and current_value <= target) or (
            direction == 1 and current_value >= target
        )
    cagr_o, cagr_r, ratio = _growth_of(
        base_year, base_value, current_year, current_value, target_value, target_year, direction
    )
    return Measure(
        achieved=achieved,
        cagr_observed=cagr_o,
        cagr_required=cagr_r,
        ratio=ratio,
        category=category_of(ratio, achieved),
        score=score_of(ratio, achieved),
    )
