"""Scalar reference of the progress measure: one series at a time, in plain Python.

This module is the *reference semantics* of :func:`kh922core.progress`: the vectorised Polars
implementation in :mod:`kh922core._tracking.progress` is held equal to
:func:`series_progress` by property tests, so the code here favours clarity over speed.

The measure is the one of the Open SDG platform (the ``progress-methodology`` page of the
``open-sdg`` project, implemented by ``sdg/ProgressMeasure.py`` of ``sdg-build``), developed by
Statistics Canada.  For a series with a quantitative target:

* observed growth ``CAGR_o = (y_t / y_0) ** (1 / (t - t_0)) - 1``;
* required growth ``CAGR_r = (y_T / y_0) ** (1 / (T - t_0)) - 1``;
* ratio ``R = s * d * CAGR_o / |CAGR_r|`` where ``d`` is +1 when the indicator should increase
  and -1 when it should decrease, and ``s`` is -1 when the base value is negative (all values
  negative flip the direction), else +1;
* a base or target value of exactly 0 is replaced by 0.001 before computing (an exponential
  model cannot start from or aim at 0);
* a base and a current value of opposite signs, a base year not before the current year or fewer
  than two points give no ratio;
* categories: ``target_achieved`` when the current value reaches the target (checked first, even
  with a single point), else ``substantial_progress`` (R ≥ 0.95), ``moderate_progress``
  (0.6 ≤ R < 0.95), ``limited_progress`` (0 ≤ R < 0.6), ``deterioration`` (R < 0) and
  ``not_available`` when there is no ratio.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kh922core._plans.model import Target
from kh922core._targets.specs import (
    DEFAULT_APPROXIMATE_TOLERANCE,
    Approximate,
    CohortPolicy,
    Comparison,
    Direction,
    Operator,
    Qualitative,
    Range,
    RankGroup,
)
from kh922core.errors import Kh922Error

__all__ = [
    "HIGH_THRESHOLD",
    "LOW_THRESHOLD",
    "MEDIUM_THRESHOLD",
    "ZERO_REPLACEMENT",
    "Measure",
    "ProgressCategory",
    "Threshold",
    "category_of",
    "growth",
    "progress_measure",
    "reference_columns",
    "score_of",
    "series_progress",
    "target_threshold",
]

#: Ratio from which progress is ``substantial_progress`` (Open SDG "on track").
HIGH_THRESHOLD = 0.95
#: Ratio from which progress is ``moderate_progress`` ("progress made but acceleration needed").
MEDIUM_THRESHOLD = 0.6
#: Ratio from which progress is ``limited_progress``; below it, ``deterioration``.
LOW_THRESHOLD = 0.0
#: What a base or target value of exactly 0 is replaced by (sdg-build's rule).
ZERO_REPLACEMENT = 0.001


class ProgressCategory(StrEnum):
    """Progress categories of the Open SDG progress measure (sdg-build's status names)."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


@dataclass(frozen=True, slots=True)
class Threshold:
    """The bound(s) at which a target is met, and the direction progress should take.

    Attributes:
        direction: +1 (should increase), -1 (should decrease), or 0 for a band target whose
            direction depends on which side of the band the base value lies.
        low: Lower bound (met from here up), or ``None``.
        low_strict: Whether the lower bound itself is not enough (``> X``).
        high: Upper bound (met from here down), or ``None``.
        high_strict: Whether the upper bound itself is too much (``< X``).
        rank: Whether the values are ranks (1 is best, a rank cannot pass 1).
    """

    direction: int
    low: float | None
    low_strict: bool
    high: float | None
    high_strict: bool
    rank: bool

    def toward(self, base: float | None) -> tuple[int | None, float | None]:
        """The direction ``d`` and the target value ``y_T`` for a series starting at ``base``.

        A one-sided target has a fixed direction and value.  A band (both bounds) is approached
        from the side the base lies on; a base inside the band gives ``(None, None)``.
        """
        if self.direction == 1:
            return 1, self.low
        if self.direction == -1:
            return -1, self.high
        if base is None or self.low is None or self.high is None:
            return None, None
        if base < self.low:
            return 1, self.low
        if base > self.high:
            return -1, self.high
        return None, None


def target_threshold(
    target: Target,
    *,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | None = None,
) -> Threshold | None:
    """The threshold of a target, as its spec defines "met"; ``None`` for a qualitative one.

    * ``Comparison``: ``≥``/``>`` give a lower bound (increase), ``≤``/``<`` an upper bound
      (decrease); a bare number follows the indicator's direction (both bounds on a band).
    * ``Approximate``: ``X·(1 − tol)`` from below, ``X·(1 + tol)`` from above, both on a band.
    * ``Range``: its low bound when higher is better, its high bound when lower is better, both
      on a band.
    * ``RankGroup``: an upper bound at the effective group size (after the cohort policy).

    Examples:
        >>> from kh922core._plans.loader import load_plan
        >>> target_threshold(load_plan().target("2030-2"))
        Threshold(direction=-1, low=None, low_strict=False, high=30.0, high_strict=False, rank=True)
    """
    spec = target.spec
    rank = target.unit is not None and target.unit.is_rank
    if isinstance(spec, Qualitative):
        return None
    if isinstance(spec, RankGroup):
        size = spec.effective_size(
            cohort_policy=cohort_policy,
            cohort_size=cohort_size,
            adopted_cohort=target.cohort_at_adoption,
        )
        return Threshold(-1, None, False, float(size), False, True)
    if isinstance(spec, Comparison):
        op, value = spec.operator, spec.value
        if op is Operator.TARGET:
            if spec.direction is Direction.BAND:
                return Threshold(0, value, False, value, False, rank)
            op = Operator.GE if spec.direction is Direction.HIGHER_IS_BETTER else Operator.LE
        if op in (Operator.GE, Operator.GT):
            return Threshold(1, value, op is Operator.GT, None, False, rank)
        return Threshold(-1, None, False, value, op is Operator.LT, rank)
    if isinstance(spec, Approximate):
        tolerance = target.approximate_tolerance
        if tolerance is None:
            tolerance = DEFAULT_APPROXIMATE_TOLERANCE
        slack = tolerance * abs(spec.value)
        if spec.direction is Direction.BAND:
            return Threshold(0, spec.value - slack, False, spec.value + slack, False, rank)
        if spec.direction is Direction.LOWER_IS_BETTER:
            return Threshold(-1, None, False, spec.value + slack, False, rank)
        return Threshold(1, spec.value - slack, False, None, False, rank)
    if isinstance(spec, Range):
        if spec.direction is Direction.HIGHER_IS_BETTER:
            return Threshold(1, spec.low, False, None, False, rank)
        if spec.direction is Direction.LOWER_IS_BETTER:
            return Threshold(-1, None, False, spec.high, False, rank)
        return Threshold(0, spec.low, False, spec.high, False, rank)
    raise Kh922Error(f"target {target.id!r} has an unknown kind of spec")  # pragma: no cover


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


def growth(current: float, base: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate ``(current / base) ** (1 / (current_year − base_year)) − 1``.

    Examples:
        >>> round(growth(121.0, 100.0, 2022, 2020), 10)
        0.1
    """
    return _pow(current / base, 1.0 / (current_year - base_year)) - 1.0


def _divide(numerator: float, denominator: float) -> float:
    """IEEE division: ``±inf`` for a non-zero numerator over 0, NaN for ``0 / 0``."""
    if denominator == 0:
        if numerator == 0 or math.isnan(numerator):
            return math.nan
        return math.copysign(math.inf, numerator) * math.copysign(1.0, denominator)
    return numerator / denominator


def category_of(ratio: float | None, achieved: bool) -> ProgressCategory:
    """The category of a ratio (``None`` or NaN: ``not_available``), target achieved first.

    Examples:
        >>> [category_of(r, False).value for r in (1.0, 0.95, 0.6, 0.0, -0.1, None)]
        ['substantial_progress', 'substantial_progress', 'moderate_progress', \
'limited_progress', 'deterioration', 'not_available']
    """
    if achieved:
        return ProgressCategory.TARGET_ACHIEVED
    if ratio is None or math.isnan(ratio):
        return ProgressCategory.NOT_AVAILABLE
    if ratio >= HIGH_THRESHOLD:
        return ProgressCategory.SUBSTANTIAL_PROGRESS
    if ratio >= MEDIUM_THRESHOLD:
        return ProgressCategory.MODERATE_PROGRESS
    if ratio >= LOW_THRESHOLD:
        return ProgressCategory.LIMITED_PROGRESS
    return ProgressCategory.DETERIORATION


def score_of(ratio: float | None, achieved: bool) -> float | None:
    """sdg-build's progress score in [−5, 5] for a series with a quantitative target.

    5 when the target is achieved; ``min(7.1429·R − 4.2857, 5)`` when ``R ≥ 0.6``; otherwise
    ``max(4.1667·R − 2.5, −5)``; ``None`` without a ratio.
    """
    if achieved:
        return 5.0
    if ratio is None or math.isnan(ratio):
        return None
    if ratio >= MEDIUM_THRESHOLD:
        return min(7.1429 * ratio - 4.2857, 5.0)
    return max(4.1667 * ratio - 2.5, -5.0)


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
    target = ZERO_REPLACEMENT if target_value == 0 else float(target_value)
    sign = -1.0 if base_value < 0 else 1.0
    base = ZERO_REPLACEMENT if base_value == 0 else float(base_value)
    if achieved is None:
        achieved = (direction == -1 and current_value <= target) or (
            direction == 1 and current_value >= target
        )
    cagr_o: float | None = None
    cagr_r: float | None = None
    ratio: float | None = None
    opposite = (base > 0 and current_value < 0) or (base < 0 and current_value > 0)
    if not opposite and current_year - base_year >= 1:
        cagr_o = growth(current_value, base, current_year, base_year)
        if target_year - base_year > 0:
            cagr_r = growth(target, base, target_year, base_year)
            ratio = _divide(sign * direction * cagr_o, abs(cagr_r))
            if math.isnan(ratio):
                ratio = None
    if cagr_o is not None and math.isnan(cagr_o):
        cagr_o = None
    if cagr_r is not None and math.isnan(cagr_r):
        cagr_r = None
    return Measure(
        achieved=achieved,
        cagr_observed=cagr_o,
        cagr_required=cagr_r,
        ratio=ratio,
        category=category_of(ratio, achieved),
        score=score_of(ratio, achieved),
    )


def _clamp_rank(value: float | None, largest: int | None) -> float | None:
    if value is None or math.isnan(value):
        return value
    value = max(1.0, value)
    return min(float(largest), value) if largest is not None else value


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
    """
    points = sorted(
        (year, float(value))
        for year, value in series
        if value is not None and not math.isnan(value) and (as_of is None or year <= as_of)
    )
    horizon = target.horizon
    threshold = target_threshold(target, cohort_policy=cohort_policy, cohort_size=cohort_size)
    row: dict[str, Any] = dict.fromkeys(_COLUMNS)
    row["horizon"] = horizon
    row["n_points"] = len(points)
    row["category"] = ProgressCategory.NOT_AVAILABLE.value
    if threshold is None:
        judged = sorted(
            (year, flag)
            for year, flag in assessments
            if flag is not None and (as_of is None or year <= as_of)
        )
        row["n_points"] = len(judged)
        if judged:
            row["current_year"], row["met"] = judged[-1]
            if row["met"]:
                row["category"] = ProgressCategory.TARGET_ACHIEVED.value
                row["share_covered"] = 1.0
                row["score"] = 5.0
        return row

    def met(value: float | None) -> bool | None:
        if value is None or math.isnan(value):
            return None
        return target.is_met(value, cohort_policy=cohort_policy, cohort_size=cohort_size)

    plan_base = target.baseline if baseline == "plan" else None
    if plan_base is not None:
        base: tuple[int, float] | None = (plan_base.year, plan_base.value)
        row["baseline_source"] = "plan"
    else:
        start = [p for p in points if base_year is None or p[0] >= base_year]
        base = start[0] if start else None
        row["baseline_source"] = "series" if base is not None else None
    if base is not None:
        row["base_year"], row["base_value"] = base
    y0: float | None = row["base_value"]
    d, y_target = threshold.toward(y0)
    if threshold.direction == 0 and d is None:
        y_target = None
    row["direction"] = {1: "increase", -1: "decrease", None: None}[d]
    row["target_value"] = y_target
    largest = cohort_size if cohort_size is not None else target.cohort_at_adoption
    if not points:
        return row
    t_i, y_i = points[-1]
    row["current_year"], row["current_value"] = t_i, y_i
    row["met"] = met(y_i)
    if threshold.direction == 0:
        achieved = bool(row["met"])
    else:
        assert y_target is not None
        assert d is not None
        replaced = ZERO_REPLACEMENT if y_target == 0 else y_target
        achieved = bool(row["met"]) or (d == 1 and y_i >= replaced) or (d == -1 and y_i <= replaced)
    if base is None or d is None or y_target is None or y0 is None:
        row["category"] = category_of(None, achieved).value
        row["score"] = score_of(None, achieved)
        row["share_covered"] = 1.0 if achieved else None
        return row
    t0 = base[0]
    measure = progress_measure(
        base_year=t0,
        base_value=y0,
        current_year=t_i,
        current_value=y_i,
        target_value=y_target,
        target_year=horizon,
        direction=d,
        achieved=achieved,
    )
    row["cagr_observed"] = measure.cagr_observed
    row["cagr_required"] = measure.cagr_required
    row["ratio"] = measure.ratio
    row["category"] = measure.category.value
    row["score"] = measure.score
    if achieved:
        row["share_covered"] = 1.0
    elif d * (y_target - y0) > 0:
        row["share_covered"] = min(1.0, (y_i - y0) / (y_target - y0))
    if t_i - t0 >= 1:
        rate = (y_i - y0) / (t_i - t0)
        row["rate_observed"] = rate
        if horizon - t0 > 0:
            required = (y_target - y0) / (horizon - t0)
            row["rate_required"] = required
            if required != 0:
                row["linear_ratio"] = d * rate / abs(required)
            linear: float | None = y_i + rate * (horizon - t_i)
            compound: float | None = None
            same_sign = (y0 > 0 and y_i >= 0) or (y0 < 0 and y_i <= 0)
            if same_sign:
                compound = y0 * _pow(y_i / y0, (horizon - t0) / (t_i - t0))
            if threshold.rank:
                linear = _clamp_rank(linear, largest)
                compound = _clamp_rank(compound, largest)
            row["projected_linear"] = linear
            row["projected_compound"] = compound
            row["projected_met_linear"] = met(linear)
            row["projected_met_compound"] = met(compound)
    return row


#: The result columns that :func:`series_progress` fills (those of ``progress`` after the ids).
_COLUMNS: tuple[str, ...] = (
    "horizon",
    "direction",
    "target_value",
    "baseline_source",
    "base_year",
    "base_value",
    "current_year",
    "current_value",
    "n_points",
    "met",
    "share_covered",
    "cagr_observed",
    "cagr_required",
    "ratio",
    "score",
    "category",
    "rate_observed",
    "rate_required",
    "linear_ratio",
    "projected_compound",
    "projected_linear",
    "projected_met_compound",
    "projected_met_linear",
)


def reference_columns() -> tuple[str, ...]:
    """Names of the result columns, in order."""
    return _COLUMNS
