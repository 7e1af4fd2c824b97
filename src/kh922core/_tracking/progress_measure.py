"""The progress measure's rules, shared by its two implementations.

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

Beside the measure, the value at the horizon is projected (linear and compound).  A projection
stays within what the quantity can be (:func:`projection_range`): a rank between 1 and the cohort,
a share between none and all of its whole (0-100 %, 0-1 as a fraction), the HDI between 0 and 1.

Two implementations compute it: :mod:`~kh922core._tracking.progress_reference`, one series at a
time in plain Python (the reference semantics), and
:mod:`~kh922core._tracking.progress_vectorised`, every series at once with Polars.  Property tests
hold them equal.  Both take the same :data:`STEPS`, in the same order, each a function named
``_<step>``; the constants, the thresholds of each kind of target and the category and score
rules live here, once.  The vectorised steps' expressions are written once for Polars and for
Narwhals (:mod:`~kh922core._tracking.progress_steps`), so that the lazy engines
(:mod:`~kh922core._tracking.narwhals_progress`: DuckDB, Spark, SQLFrame) compute the same.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import Any

import polars as pl

from kh922core._plans import Target
from kh922core._targets import CohortPolicy, Unit, conversion_factor

__all__ = [
    "CATEGORY_FLOORS",
    "DIRECTION_NAMES",
    "HIGH_THRESHOLD",
    "LOW_THRESHOLD",
    "MEDIUM_THRESHOLD",
    "RESULT_COLUMNS",
    "SCORE_ABOVE",
    "SCORE_ACHIEVED",
    "SCORE_BELOW",
    "STEPS",
    "WHOLES",
    "ZERO_REPLACEMENT",
    "ProgressCategory",
    "Threshold",
    "category_expr",
    "category_of",
    "projection_range",
    "score_expr",
    "score_of",
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

#: The steps of the measure, in order; each implementation has a function ``_<step>`` for each:
#: the usable points of a series, its base and current points, the level threshold a change
#: target implies from its base (:mod:`~kh922core._tracking.progress_change`), the direction
#: and target value,
#: whether the target is met (or achieved), observed against required growth, the category and
#: score, the linear view (share covered, rates), and the projections to the horizon.
STEPS = (
    "points",
    "base_and_current",
    "change_threshold",
    "direction",
    "achievement",
    "growth",
    "category",
    "linear_view",
    "projections",
)

#: The result columns of one series, in order (those of ``progress`` after the ids and keys).
RESULT_COLUMNS: tuple[str, ...] = (
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

#: The ``direction`` column's words for ``d``.
DIRECTION_NAMES = {1: "increase", -1: "decrease"}


class ProgressCategory(StrEnum):
    """Progress categories of the Open SDG progress measure (sdg-build's status names)."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


#: The category of a ratio that is not achieved: the first floor it reaches, from the top; below
#: the last floor, ``deterioration``.
CATEGORY_FLOORS = (
    (HIGH_THRESHOLD, ProgressCategory.SUBSTANTIAL_PROGRESS),
    (MEDIUM_THRESHOLD, ProgressCategory.MODERATE_PROGRESS),
    (LOW_THRESHOLD, ProgressCategory.LIMITED_PROGRESS),
)

#: sdg-build's score of an achieved target.
SCORE_ACHIEVED = 5.0
#: ``(slope, offset, cap)``: from ``MEDIUM_THRESHOLD`` up the score is
#: ``min(slope·R − offset, cap)``.
SCORE_ABOVE = (7.1429, 4.2857, 5.0)
#: ``(slope, offset, floor)``: below ``MEDIUM_THRESHOLD`` it is ``max(slope·R − offset, floor)``.
SCORE_BELOW = (4.1667, 2.5, -5.0)


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

    It is the kind's :class:`Criterion` (one meaning per kind), with the cohort policy applied:

    * ``Comparison``: ``≥``/``>`` give a lower bound (increase), ``≤``/``<`` an upper bound
      (decrease); a bare number follows the indicator's direction (both bounds on a band).
    * ``Approximate``: ``X·(1 − tol)`` from below, ``X·(1 + tol)`` from above, both on a band.
    * ``Range``: its low bound when higher is better, its high bound when lower is better, both
      on a band.
    * ``RankGroup``: an upper bound at the effective group size (after the cohort policy).

    For a change target it is the threshold of the size of the change (higher is better);
    :func:`~kh922core._tracking.progress_change.implied_threshold` turns it into a level once
    the base is known.

    Examples:
        >>> from kh922core import load_plan
        >>> target_threshold(load_plan().target("2030-2"))
        Threshold(direction=-1, low=None, low_strict=False, high=30.0, high_strict=False, rank=True)
    """
    criterion = target.spec.criterion(
        tolerance=target.approximate_tolerance,
        cohort_policy=cohort_policy,
        adopted_cohort=target.cohort_at_adoption,
    ).resolved(cohort_size)
    if criterion.qualitative:
        return None
    rank = criterion.rank or (target.unit is not None and target.unit.is_rank)
    return Threshold(
        criterion.progress,
        criterion.lower,
        criterion.lower_strict,
        criterion.upper,
        criterion.upper_strict,
        rank,
    )


#: Bounded quantities, by the dimension of their unit: the unit in which the whole is 1.  A
#: share lies between none and all of its whole: a plain share (``%``, ``fraction``), a share of
#: GRDP, of the state budget's spending, or of the population (``% dân số``: the persons counted
#: are among the inhabitants, so at most 10,000 per 10,000); the HDI lies between 0 and 1.  A
#: growth rate (``%/năm``), a count or a ratio of two counts is not bounded above.
WHOLES = {
    "dimensionless": "fraction",
    "[grdp_share]": "fraction_grdp",
    "[budget_share]": "fraction_budget_spending",
    "[person] / [inhabitant]": "person / inhabitant",
    "[hdi]": "hdi",
}


def _bounded_range(unit: Unit | None) -> tuple[float | None, float | None]:
    if unit is None or not unit.text.strip() or unit.dimension not in WHOLES:
        return None, None  # a plain number (no unit), or a quantity without bounds
    return 0.0, conversion_factor(WHOLES[unit.dimension], unit)


def projection_range(
    target: Target, threshold: Threshold | None, cohort_size: int | None = None
) -> tuple[float | None, float | None]:
    """The lowest and highest value a projection of the target's quantity may take (``None``:
    no bound).

    A rank lies between 1 and the cohort (``cohort_size``, else the cohort at adoption); a bounded
    quantity (:data:`WHOLES`) between 0 and its whole in the target's unit (100 for ``%``, 1 for
    a fraction, 10,000 for ``Người/vạn dân``); anything else, a plain number without a unit
    included, is not bounded.  A qualitative target (``threshold`` ``None``) has no projection.

    Examples:
        >>> from kh922core import load_plan
        >>> plan = load_plan()
        >>> def bounds(target_id):
        ...     target = plan.target(target_id)
        ...     return projection_range(target, target_threshold(target))
        >>> bounds("2030-2"), bounds("2030-6"), bounds("2030-4")
        ((1.0, 63.0), (0.0, 100.0), (0.0, 100.0))
        >>> bounds("2030-13")  # %/năm: a growth rate has no upper bound
        (None, None)
    """
    if threshold is None:
        return None, None
    if threshold.rank:
        largest = cohort_size if cohort_size is not None else target.cohort_at_adoption
        return 1.0, None if largest is None else float(largest)
    return _bounded_range(target.unit)


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
    for floor, category in CATEGORY_FLOORS:
        if ratio >= floor:
            return category
    return ProgressCategory.DETERIORATION


def category_expr(ratio: Any, achieved: Any, *, ns: ModuleType = pl) -> Any:
    """:func:`category_of` as an expression of namespace ``ns`` (``polars``, or ``narwhals``
    for the lazy engines); a null ratio: ``not_available``.

    Examples:
        >>> ratios = pl.DataFrame({"r": [1.2, 0.7, None], "done": [False, False, True]})
        >>> ratios.select(category_expr(pl.col("r"), pl.col("done")).alias("c"))["c"].to_list()
        ['substantial_progress', 'moderate_progress', 'target_achieved']
    """
    chain = (
        ns.when(achieved)
        .then(ns.lit(ProgressCategory.TARGET_ACHIEVED.value))
        .when(ratio.is_null())
        .then(ns.lit(ProgressCategory.NOT_AVAILABLE.value))
    )
    for floor, category in CATEGORY_FLOORS:
        chain = chain.when(ratio >= floor).then(ns.lit(category.value))
    return chain.otherwise(ns.lit(ProgressCategory.DETERIORATION.value))


def score_of(ratio: float | None, achieved: bool) -> float | None:
    """sdg-build's progress score in [−5, 5] for a series with a quantitative target.

    5 when the target is achieved; ``min(7.1429·R − 4.2857, 5)`` when ``R ≥ 0.6``; otherwise
    ``max(4.1667·R − 2.5, −5)``; ``None`` without a ratio.

    Examples:
        >>> score_of(None, True), score_of(10.0, False), score_of(-10.0, False)
        (5.0, 5.0, -5.0)
    """
    if achieved:
        return SCORE_ACHIEVED
    if ratio is None or math.isnan(ratio):
        return None
    if ratio >= MEDIUM_THRESHOLD:
        slope, offset, cap = SCORE_ABOVE
        return min(slope * ratio - offset, cap)
    slope, offset, floor = SCORE_BELOW
    return max(slope * ratio - offset, floor)


def score_expr(ratio: Any, achieved: Any, *, ns: ModuleType = pl) -> Any:
    """:func:`score_of` as an expression of namespace ``ns`` (a null ratio: null).

    Examples:
        >>> ratios = pl.DataFrame({"r": [10.0, -10.0, None], "done": [False, False, False]})
        >>> ratios.select(score_expr(pl.col("r"), pl.col("done")).alias("s"))["s"].to_list()
        [5.0, -5.0, None]
    """

    def number(value: float) -> Any:
        return ns.lit(value, dtype=ns.Float64)

    above_slope, above_offset, cap = map(number, SCORE_ABOVE)
    below_slope, below_offset, floor = map(number, SCORE_BELOW)
    return (
        ns.when(achieved)
        .then(number(SCORE_ACHIEVED))
        .when(ratio >= MEDIUM_THRESHOLD)
        .then(ns.min_horizontal(above_slope * ratio - above_offset, cap))
        .when(~ratio.is_null())
        .then(ns.max_horizontal(below_slope * ratio - below_offset, floor))
    )
