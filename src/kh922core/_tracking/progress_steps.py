"""The steps of the progress measure on a table with a row per series, written once.

From the direction on (:data:`~kh922core._tracking.progress_measure.STEPS`: ``direction``,
``achievement``, ``growth``, ``category``, ``linear_view``, ``projections``), each step adds
columns computed from the series' base and current points and its target's constants.  They
are written here once, against an expression namespace: the ``polars`` module for the Polars
path (:mod:`~kh922core._tracking.progress_vectorised`, the fast path) or the ``narwhals`` module
for lazy frames of other engines (:mod:`~kh922core._tracking.narwhals_progress`: DuckDB, Spark
and SQLFrame run them as SQL).  Both give ``col``, ``lit``, ``when`` (chained), ``min_horizontal``
and ``max_horizontal`` and the same expression methods, with the same meaning; a number is
always a ``Float64`` literal (never a SQL decimal), and a power is taken of two ``Float64``
sides (:func:`power`).  The formulas are documented in
:mod:`~kh922core._tracking.progress_measure`.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Protocol, Self, TypeVar

from kh922core._targets import COMPARISON_RTOL
from kh922core._tracking.progress_measure import DIRECTION_NAMES, ZERO_REPLACEMENT, category_expr
from kh922core._tracking.progress_measure import score_expr as _score

__all__ = [
    "achievement",
    "category",
    "direction",
    "growth",
    "linear_view",
    "number",
    "power",
    "projections",
]


class _Frame(Protocol):
    def with_columns(self, *exprs: Any) -> Self: ...


FrameT = TypeVar("FrameT", bound=_Frame)


def number(ns: ModuleType, value: float) -> Any:
    """``value`` as a ``Float64`` literal of namespace ``ns``."""
    return ns.lit(value, dtype=ns.Float64)


def power(ns: ModuleType, base: Any, exponent: Any) -> Any:
    """``base ** exponent``, each side cast to ``Float64`` (a no-op on a float column; SQLFrame
    writes a division nested in ``POWER(…)`` that DuckDB cannot parse without the cast)."""
    return base.cast(ns.Float64) ** exponent.cast(ns.Float64)


def _met(ns: ModuleType, value: Any) -> Any:
    """Whether ``value`` meets the target (the spec's semantics, tolerance included)."""
    lo, hi = ns.col("_lo"), ns.col("_hi")
    rtol = number(ns, COMPARISON_RTOL)
    lo_ok = (
        ns.when(lo.is_null())
        .then(ns.lit(True))
        .when(ns.col("_lo_strict"))
        .then(value > lo + rtol * lo.abs())
        .otherwise(value >= lo - rtol * lo.abs())
    )
    hi_ok = (
        ns.when(hi.is_null())
        .then(ns.lit(True))
        .when(ns.col("_hi_strict"))
        .then(value < hi - rtol * hi.abs())
        .otherwise(value <= hi + rtol * hi.abs())
    )
    # no value (null, NaN, or infinite, as the scalar path has it: a projection that overflows
    # is no value), or no threshold
    unknown = value.is_null() | ~value.is_finite() | (lo.is_null() & hi.is_null())
    return ns.when(~unknown).then(lo_ok & hi_ok)  # never null: null when unknown


def _replace_zero(ns: ModuleType, expr: Any) -> Any:
    return ns.when(expr == 0).then(number(ns, ZERO_REPLACEMENT)).otherwise(expr)


def _clamp(ns: ModuleType, expr: Any) -> Any:
    """``expr`` within the target's range ``[_lowest, _highest]`` (a null bound: none)."""
    clamped = ns.min_horizontal(ns.col("_highest"), ns.max_horizontal(ns.col("_lowest"), expr))
    return ns.when(expr.is_null() | expr.is_nan()).then(expr).otherwise(clamped)


class _Series:
    """The columns the steps read, by their names in the formulas."""

    def __init__(self, ns: ModuleType) -> None:
        c = ns.col
        self.y0, self.yi, self.yt = c("base_value"), c("current_value"), c("target_value")
        self.t0, self.ti, self.horizon = c("base_year"), c("current_year"), c("horizon")
        self.d, self.qualitative, self.achieved = c("_d"), c("_qualitative"), c("_achieved")
        self.elapsed = (self.ti - self.t0).cast(ns.Float64)
        self.span = (self.horizon - self.t0).cast(ns.Float64)
        # Whether the series has a base, a current point, a direction and a target value.
        wanted = (self.yi, self.y0, self.d, self.yt)
        self.complete = ~wanted[0].is_null()
        for column in wanted[1:]:
            self.complete = self.complete & ~column.is_null()


def direction(frame: FrameT, ns: ModuleType) -> FrameT:
    """``d`` (+1 up, -1 down) and the target value ``y_T``, from the side the base lies on."""
    s = _Series(ns)
    d = (
        ns.when(ns.col("_dfix") != 0)
        .then(ns.col("_dfix"))
        .when(s.y0 < ns.col("_lo"))
        .then(ns.lit(1))
        .when(s.y0 > ns.col("_hi"))
        .then(ns.lit(-1))
    )
    frame = frame.with_columns(d.alias("_d"))
    y_target = ns.when(s.d == 1).then(ns.col("_lo")).when(s.d == -1).then(ns.col("_hi"))
    up, down = ns.lit(DIRECTION_NAMES[1]), ns.lit(DIRECTION_NAMES[-1])
    words = ns.when(s.d == 1).then(up).when(s.d == -1).then(down)
    return frame.with_columns(y_target.alias("target_value"), words.alias("direction"))


def achievement(frame: FrameT, ns: ModuleType) -> FrameT:
    """``met`` (the current value meets the target) and achieved (met, or sdg-build's check that
    the current value reached ``y_T``; a band only counts as met)."""
    s = _Series(ns)
    frame = frame.with_columns(
        ns.when(s.qualitative).then(ns.col("_assessment")).otherwise(_met(ns, s.yi)).alias("met")
    )
    met = ns.col("met").fill_null(False)
    replaced_target = _replace_zero(ns, s.yt)
    sdg_achieved = ((s.d == 1) & (s.yi >= replaced_target)) | (
        (s.d == -1) & (s.yi <= replaced_target)
    )
    achieved = (
        ns.when(s.qualitative)
        .then(met)
        .when(ns.col("_dfix") == 0)
        .then(met)
        .otherwise(met | sdg_achieved.fill_null(False))
    )
    return frame.with_columns(achieved.alias("_achieved"))


def growth(frame: FrameT, ns: ModuleType) -> FrameT:
    """Observed against required compound annual growth, and the ratio of the two."""
    s, one = _Series(ns), number(ns, 1.0)
    base = _replace_zero(ns, s.y0)
    sign = ns.when(s.y0 < 0).then(number(ns, -1.0)).otherwise(one)
    opposite = ((base > 0) & (s.yi < 0)) | ((base < 0) & (s.yi > 0))
    valid = s.complete & ~opposite & (s.elapsed >= 1)
    cagr_o = ns.when(valid).then(power(ns, s.yi / base, one / s.elapsed) - one)
    cagr_r = ns.when(valid & (s.span > 0)).then(
        power(ns, _replace_zero(ns, s.yt) / base, one / s.span) - one
    )
    frame = frame.with_columns(cagr_o.alias("_cagr_o"), cagr_r.alias("_cagr_r"))
    ratio = (sign * s.d.cast(ns.Float64) * ns.col("_cagr_o")) / ns.col("_cagr_r").abs()
    return frame.with_columns(
        ns.col("_cagr_o").fill_nan(None).alias("cagr_observed"),
        ns.col("_cagr_r").fill_nan(None).alias("cagr_required"),
        ratio.fill_nan(None).alias("ratio"),
    )


def category(frame: FrameT, ns: ModuleType) -> FrameT:
    """The category and score of the ratio (achieved first)."""
    ratio, achieved = ns.col("ratio"), ns.col("_achieved")
    return frame.with_columns(
        category_expr(ratio, achieved, ns=ns).alias("category"),
        _score(ratio, achieved, ns=ns).alias("score"),
    )


def linear_view(frame: FrameT, ns: ModuleType) -> FrameT:
    """Share of the way covered, observed and required yearly change, and their ratio."""
    s, one = _Series(ns), number(ns, 1.0)
    gap = s.d.cast(ns.Float64) * (s.yt - s.y0)
    share = (
        ns.when(s.achieved)
        .then(one)
        .when(s.complete & (gap > 0))
        .then(ns.min_horizontal(one, (s.yi - s.y0) / (s.yt - s.y0)))
    )
    moving = s.complete & (s.elapsed >= 1)
    frame = frame.with_columns(
        share.alias("share_covered"),
        ns.when(moving).then((s.yi - s.y0) / s.elapsed).alias("rate_observed"),
        ns.when(moving & (s.span > 0)).then((s.yt - s.y0) / s.span).alias("rate_required"),
    )
    required = ns.col("rate_required")
    return frame.with_columns(
        ns.when(~required.is_null() & (required != 0))
        .then(s.d.cast(ns.Float64) * ns.col("rate_observed") / required.abs())
        .alias("linear_ratio")
    )


def projections(frame: FrameT, ns: ModuleType) -> FrameT:
    """The values at the horizon if the yearly change (linear) or the growth (compound) holds;
    each stays within what the quantity can be (a rank between 1 and the cohort, a share
    between 0 and its whole: :func:`~kh922core._tracking.progress_measure.projection_range`)."""
    s = _Series(ns)
    projecting = s.complete & (s.elapsed >= 1) & (s.span > 0)
    same_sign = ((s.y0 > 0) & (s.yi >= 0)) | ((s.y0 < 0) & (s.yi <= 0))
    linear = ns.when(projecting).then(s.yi + ns.col("rate_observed") * (s.horizon - s.ti))
    compound = ns.when(projecting & same_sign).then(
        s.y0 * power(ns, s.yi / s.y0, s.span / s.elapsed)
    )
    frame = frame.with_columns(linear.alias("_linear"), compound.alias("_compound"))
    frame = frame.with_columns(
        _clamp(ns, ns.col("_linear")).alias("projected_linear"),
        _clamp(ns, ns.col("_compound")).alias("projected_compound"),
    )
    return frame.with_columns(
        _met(ns, ns.col("projected_compound")).alias("projected_met_compound"),
        _met(ns, ns.col("projected_linear")).alias("projected_met_linear"),
    )
