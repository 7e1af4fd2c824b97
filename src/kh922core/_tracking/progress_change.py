"""Progress toward a change target: the level its change implies at the horizon.

A change target (``tăng 20% so với năm 2023``) bounds the size of the change of the level from
its base ``b``.  With the base known, each bound ``s`` of that size is a level at the horizon
``T``, ``n = T − base year`` years after the base::

    relative          b · (1 + s/100)          falling: b · (1 − s/100)
    growth per year   b · (1 + s/100)^n        falling: b · (1 − s/100)^n
    points            b + s                    falling: b − s
    points per year   b + s · n                falling: b − s · n
    multiple          b · s                    falling: b / s

and progress is measured toward that level, as toward a level target (a falling change turns
the bound around: at least a fall of ``s`` is at most the level ``b − s``).  The base is the
series' level at the year the text names (or, for ``so với cùng kỳ``, at the year before the
horizon), else the plan baseline of that year; a text that names no base is measured from the
plan baseline.  Without a base, or where the level is undefined (a ratio to a base of 0 or
below, a negative factor under compound growth, a fall as a multiple of a size of 0 or below,
a per-year change over no years), the series has no threshold: no direction, no target value,
``met`` unknown.

:mod:`~kh922core._tracking.progress_reference`,
:mod:`~kh922core._tracking.progress_vectorised` and :mod:`~kh922core._tracking.narwhals_progress`
take this step (``change_threshold``) from the functions here: in plain Python, and as
expressions written once for Polars and Narwhals (the lazy engines).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import polars as pl

from kh922core._plans import Target
from kh922core._targets import COMPARISON_RTOL, Change, ChangeKind
from kh922core._tracking.progress_measure import Threshold, target_threshold
from kh922core._tracking.progress_steps import FrameT, number, power

__all__ = [
    "BLANK",
    "CHANGE_SCHEMA",
    "change_base",
    "change_base_columns",
    "change_constants",
    "implied_bounds",
    "implied_level",
    "implied_threshold",
    "level_met",
    "level_shortfall",
]

#: The threshold of a series that has none (a change without a base): nothing is met.
BLANK = Threshold(0, None, False, None, False, False)

_RATIO = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR, ChangeKind.MULTIPLE})
_PER_YEAR = frozenset({ChangeKind.GROWTH_PER_YEAR, ChangeKind.POINTS_PER_YEAR})


def change_base(
    target: Target, points: Sequence[tuple[int, float | None, object]], baseline: str
) -> dict[str, Any]:
    """The base point of a change target's series: ``base_year``, ``base_value`` and
    ``baseline_source`` (nothing when it has none).

    Args:
        target: A change target.
        points: The usable points of the series, ``(year, value, _)``, by year.
        baseline: ``"plan"`` to let the plan baseline stand in; ``"series"`` never to.
    """
    change = target.spec.change
    assert change is not None
    plan = target.baseline if baseline == "plan" else None
    year = change.since if not change.previous_year else target.horizon - 1
    if year is not None:
        found = [value for at, value, _ in points if at == year]
        if found:
            return {"base_year": year, "base_value": found[0], "baseline_source": "series"}
    if plan is not None and (year is None or plan.year == year):
        return {"base_year": plan.year, "base_value": plan.value, "baseline_source": "plan"}
    return {}


def implied_level(change: Change, size: float, base: float, years: float) -> float | None:
    """The level at which the change from ``base`` has ``size``, ``years`` after it (``None``
    where it is undefined); the operations of :func:`implied_bounds`, in the same order."""
    kind, sign = change.kind, -1.0 if change.falling else 1.0
    if (kind in _RATIO and not base > 0) or (kind in _PER_YEAR and not years > 0):
        return None
    if kind is ChangeKind.POINTS:
        level = base + sign * size
    elif kind is ChangeKind.POINTS_PER_YEAR:
        level = base + sign * (size * years)
    elif kind is ChangeKind.RELATIVE:
        level = base * (1.0 + sign * size / 100.0)
    elif kind is ChangeKind.GROWTH_PER_YEAR:
        factor = 1.0 + sign * size / 100.0
        if factor < 0:
            return None
        try:
            level = base * math.pow(factor, years)
        except OverflowError:
            return None
    elif change.falling:
        level = base / size if size > 0 else math.nan
    else:
        level = base * size
    return level if math.isfinite(level) else None


def implied_threshold(size: Threshold, change: Change, base: float, years: float) -> Threshold:
    """The level threshold a change threshold implies from ``base``, ``years`` before the
    horizon (:data:`BLANK` where a bound is undefined); a falling change turns it around."""
    low = None if size.low is None else implied_level(change, size.low, base, years)
    high = None if size.high is None else implied_level(change, size.high, base, years)
    if (size.low is not None and low is None) or (size.high is not None and high is None):
        return BLANK
    if change.falling:
        return Threshold(-size.direction, high, size.high_strict, low, size.low_strict, False)
    return Threshold(size.direction, low, size.low_strict, high, size.high_strict, False)


def level_shortfall(target: Target, value: float, base: float, years: float) -> float | None:
    """How far ``value`` is from the level a change target implies ``years`` after its base
    ``base`` (0 where it is there; ``None`` for a level target or where the level is
    undefined): the shortfall in the indicator's unit, where the engine's is in the change's."""
    change, size = target.spec.change, target_threshold(target)
    if change is None or size is None:
        return None
    level = implied_threshold(size, change, base, years)
    if level.low is None and level.high is None:
        return None
    below = level.low - value if level.low is not None and value < level.low else 0.0
    above = value - level.high if level.high is not None and value > level.high else 0.0
    return max(below, above)


def level_met(threshold: Threshold, value: float | None) -> bool | None:
    """Whether ``value`` reaches the level threshold (the vectorised ``_met``'s comparisons);
    ``None`` for a missing or infinite value or a threshold without bounds."""
    if (
        value is None
        or not math.isfinite(value)
        or (threshold.low is None and threshold.high is None)
    ):
        return None
    low, high = threshold.low, threshold.high
    if low is not None:
        if threshold.low_strict and not value > low + COMPARISON_RTOL * abs(low):
            return False
        if not threshold.low_strict and not value >= low - COMPARISON_RTOL * abs(low):
            return False
    if high is not None:
        if threshold.high_strict and not value < high - COMPARISON_RTOL * abs(high):
            return False
        if not threshold.high_strict and not value <= high + COMPARISON_RTOL * abs(high):
            return False
    return True


# ------------------------------------------------------------------------------ vectorised


def change_constants(target: Target) -> dict[str, object]:
    """A target's columns of the progress constants for its change (all null for a level)."""
    change = target.spec.change
    if change is None:
        return {"_change_kind": None, "_falling": None, "_change_year": None}
    year = target.horizon - 1 if change.previous_year else change.since
    return {"_change_kind": change.kind.value, "_falling": change.falling, "_change_year": year}


#: The dtypes of :func:`change_constants`.
CHANGE_SCHEMA = {"_change_kind": pl.String, "_falling": pl.Boolean, "_change_year": pl.Int64}


def _level(size: Any, factor: Any, ns: ModuleType) -> Any:
    """:func:`implied_level` as an expression of namespace ``ns`` (null where undefined), from
    the columns ``base_value``, ``_years`` and ``_sign`` and the ``factor`` of ``size``."""
    kind, falling, sign = ns.col("_change_kind"), ns.col("_falling"), ns.col("_sign")
    base, years = ns.col("base_value"), ns.col("_years")
    ratio = kind.is_in([k.value for k in _RATIO])
    yearly = kind.is_in([k.value for k in _PER_YEAR])
    level = (
        ns.when(kind == ChangeKind.POINTS.value)
        .then(base + sign * size)
        .when(kind == ChangeKind.POINTS_PER_YEAR.value)
        .then(base + sign * (size * years))
        .when(kind == ChangeKind.RELATIVE.value)
        .then(base * factor)
        .when((kind == ChangeKind.GROWTH_PER_YEAR.value) & (factor >= 0.0))
        .then(base * power(ns, factor, years))
        .when((kind == ChangeKind.MULTIPLE.value) & falling & (size > 0.0))
        .then(base / size)
        .when((kind == ChangeKind.MULTIPLE.value) & ~falling)
        .then(base * size)
    )
    defined = ~(ratio & ~(base > 0.0)) & ~(yearly & ~(years > 0.0))
    return ns.when(defined & level.is_finite()).then(level)


def change_base_columns(ns: ModuleType = pl) -> list[Any]:
    """The base point of the series of change targets (:func:`change_base`, vectorised in
    namespace ``ns``): the series' value at the change's year (``_c``), else the plan baseline
    of that year (always, when the text names no base year); other targets keep theirs."""
    change, year = ~ns.col("_change_kind").is_null(), ns.col("_change_year")
    series = ~year.is_null() & ~ns.col("_c").is_null()
    plan = ~ns.col("_plan_base_year").is_null() & (
        year.is_null() | (ns.col("_plan_base_year") == year)
    )
    return [
        ns.when(~change)
        .then(ns.col(name))
        .when(series)
        .then(by_series)
        .when(plan)
        .then(by_plan)
        .alias(name)
        for name, by_series, by_plan in (
            ("base_year", year, ns.col("_plan_base_year")),
            ("base_value", ns.col("_c"), ns.col("_plan_base_value")),
            ("baseline_source", ns.lit("series"), ns.lit("plan")),
        )
    ]


def implied_bounds(frame: FrameT, ns: ModuleType = pl) -> FrameT:
    """The rows of change targets with their level threshold (``_lo``, ``_hi``, their
    strictness and ``_dfix``) in place of their size threshold, from ``base_value`` and
    ``base_year``; no threshold (:data:`BLANK`) where a bound is undefined.  ``frame`` is a
    Polars DataFrame, or a Narwhals LazyFrame with ``ns`` the ``narwhals`` module.  The levels
    are columns of their own (``_level_lo``, ``_level_hi``), read where the bounds are: a SQL
    engine computes an expression once per place it is written in."""
    c = ns.col
    change = ~c("_change_kind").is_null()
    lo, hi = c("_lo"), c("_hi")
    sign = ns.when(c("_falling")).then(number(ns, -1.0)).otherwise(number(ns, 1.0))
    frame = frame.with_columns(
        (c("horizon") - c("base_year")).cast(ns.Float64).alias("_years"),
        sign.alias("_sign"),
        (number(ns, 1.0) + sign * lo / c("_percent")).alias("_factor_lo"),
        (number(ns, 1.0) + sign * hi / c("_percent")).alias("_factor_hi"),
    )
    frame = frame.with_columns(
        _level(lo, c("_factor_lo"), ns).alias("_level_lo"),
        _level(hi, c("_factor_hi"), ns).alias("_level_hi"),
    )
    level_lo, level_hi = c("_level_lo"), c("_level_hi")
    blank = (~lo.is_null() & level_lo.is_null()) | (~hi.is_null() & level_hi.is_null())
    falling = c("_falling").fill_null(False)

    def turned(rising: Any, fall: Any, fallback: Any) -> Any:  # blank: null
        return (
            ns.when(~change)
            .then(fallback)
            .when(~blank & falling)
            .then(fall)
            .when(~blank)
            .then(rising)
        )

    return frame.with_columns(
        turned(level_lo, level_hi, lo).alias("_lo"),
        turned(level_hi, level_lo, hi).alias("_hi"),
        turned(c("_lo_strict"), c("_hi_strict"), c("_lo_strict"))
        .fill_null(False)
        .alias("_lo_strict"),
        turned(c("_hi_strict"), c("_lo_strict"), c("_hi_strict"))
        .fill_null(False)
        .alias("_hi_strict"),
        ns.when(~change)
        .then(c("_dfix"))
        .when(blank)
        .then(ns.lit(0))
        .when(falling)
        .then(-c("_dfix"))
        .otherwise(c("_dfix"))
        .alias("_dfix"),
    )
