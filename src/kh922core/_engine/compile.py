"""Compile a plan's targets into rows of plain bounds, the engine's per-target table.

Every target kind of :mod:`kh922core._targets.kinds` reduces to the same few numbers, so that one
set of vectorised comparisons serves them all:

* ``lower``/``upper``: the value meets the target when ``lower <= value <= upper``.  The
  comparison tolerance is already applied, with the very arithmetic of the scalar reference
  (``bound - COMPARISON_RTOL * abs(bound)``), and a strict bound is turned into an inclusive one
  with :func:`math.nextafter` (``v > x`` is ``v >= nextafter(x, +inf)`` for every float).  A bound
  that nothing can meet is NaN (Polars orders NaN above every number).
* ``exceed_lower``/``exceed_upper``: a met value inside these is ``exceeded`` (ranges only).
* ``short_lower``/``short_upper``/``short_slack``: the shortfall of a value that misses is
  ``max(short_lower - v, v - short_upper, 0) - short_slack``.
* ``ratio_bound``/``ratio_up``: the attainment is ``v / ratio_bound`` (up) or ``ratio_bound / v``.
* ``rank_size``/``adopted_cohort``: a rank group whose size follows the cohort per row.

The loop here is over the plan's targets (dozens), never over observations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kh922core._plans.model import Plan, Target
from kh922core._targets import (
    COMPARISON_RTOL,
    Approximate,
    CohortPolicy,
    Comparison,
    Direction,
    InvalidValueError,
    Operator,
    Qualitative,
    Range,
    RankGroup,
)
from kh922core._targets.units import Unit

__all__ = ["CompiledTarget", "compile_targets"]

_INF = math.inf
_NEVER = math.nan  # a lower bound no value reaches (Polars orders NaN above +inf)


def _ge(bound: float) -> float:
    """Lowest value that passes ``_ge(value, bound)`` of the scalar reference."""
    return bound - COMPARISON_RTOL * abs(bound)


def _le(bound: float) -> float:
    """Highest value that passes ``_le(value, bound)``."""
    return bound + COMPARISON_RTOL * abs(bound)


def _gt(bound: float) -> float:
    """Lowest value that passes ``_gt(value, bound)`` (NaN when none does)."""
    edge = bound + COMPARISON_RTOL * abs(bound)
    return _NEVER if edge == _INF else math.nextafter(edge, _INF)


def _lt(bound: float) -> float:
    """Highest value that passes ``_lt(value, bound)`` (NaN when none does)."""
    edge = bound - COMPARISON_RTOL * abs(bound)
    return _NEVER if edge == -_INF else math.nextafter(edge, -_INF)


@dataclass(frozen=True, slots=True)
class CompiledTarget:
    """One target as plain numbers (see the module docstring for what each one means)."""

    target_id: str
    indicator: str
    row: str
    horizon: int
    text: str
    unit: Unit | None
    qualitative: bool = False
    lower: float = -_INF
    upper: float = _INF
    exceed_lower: float = _INF
    exceed_upper: float = -_INF
    short_lower: float = -_INF
    short_upper: float = _INF
    short_slack: float = 0.0
    ratio_bound: float | None = None
    ratio_up: bool = True
    rank_size: int | None = None
    adopted_cohort: int | None = None


def _threshold(op: Operator, bound: float) -> dict[str, object]:
    """Bounds of one comparison of the scalar ``_Threshold`` kinds."""
    if op is Operator.GE:
        return {"lower": _ge(bound), "short_lower": bound, "ratio_bound": bound}
    if op is Operator.GT:
        return {"lower": _gt(bound), "short_lower": bound, "ratio_bound": bound}
    if op is Operator.LE:
        return {"upper": _le(bound), "short_upper": bound, "ratio_bound": bound, "ratio_up": False}
    if op is Operator.LT:
        return {"upper": _lt(bound), "short_upper": bound, "ratio_bound": bound, "ratio_up": False}
    return {"lower": _ge(bound), "upper": _le(bound), "short_lower": bound, "short_upper": bound}


def _range(spec: Range) -> dict[str, object]:
    fields: dict[str, object] = {"short_lower": spec.low, "short_upper": spec.high}
    if spec.direction is Direction.HIGHER_IS_BETTER:
        fields |= {"lower": _ge(spec.low), "exceed_lower": _gt(spec.high), "exceed_upper": _INF}
        fields |= {"ratio_bound": spec.low}
    elif spec.direction is Direction.LOWER_IS_BETTER:
        fields |= {"upper": _le(spec.high), "exceed_lower": -_INF, "exceed_upper": _lt(spec.low)}
        fields |= {"ratio_bound": spec.high, "ratio_up": False}
    else:
        fields |= {"lower": _ge(spec.low), "upper": _le(spec.high)}
    return fields


def _approximate_band(spec: Approximate, tolerance: float | None) -> dict[str, object]:
    slack = spec._tolerance({"tolerance": tolerance}) * abs(spec.value)
    return {
        "lower": _ge(spec.value - slack),
        "upper": _le(spec.value + slack),
        "short_lower": spec.value,
        "short_upper": spec.value,
        "short_slack": slack,
    }


def _rank(target: Target, spec: RankGroup, policy: CohortPolicy) -> dict[str, object]:
    if policy == "absolute":
        size = float(spec.size)
        return {"upper": _le(size), "short_upper": size, "ratio_bound": size, "ratio_up": False}
    if policy != "proportional":
        raise InvalidValueError(
            f"cohort_policy must be 'absolute' or 'proportional', got {policy!r}"
        )
    adopted = spec.cohort if spec.cohort is not None else target.cohort_at_adoption
    if adopted is None or adopted < 1:
        raise InvalidValueError(
            f"target {target.id!r} has no cohort at adoption (the plan's rank_cohort), so the "
            "proportional cohort policy cannot scale it"
        )
    return {"rank_size": spec.size, "adopted_cohort": adopted, "ratio_up": False}


def _fields(target: Target, tolerance: float | None, policy: CohortPolicy) -> dict[str, object]:
    spec = target.spec
    tolerance = tolerance if tolerance is not None else target.approximate_tolerance
    if isinstance(spec, Qualitative):
        return {"qualitative": True}
    if isinstance(spec, RankGroup):
        return _rank(target, spec, policy)
    if isinstance(spec, Range):
        return _range(spec)
    if isinstance(spec, Approximate) and spec.direction is Direction.BAND:
        return _approximate_band(spec, tolerance)
    if isinstance(spec, Comparison | Approximate):
        return _threshold(*spec._bound(tolerance=tolerance))
    raise TypeError(f"unknown target kind {type(spec).__name__}")  # pragma: no cover


def _unreachable(*bounds: object) -> bool:
    return any(isinstance(bound, float) and math.isnan(bound) for bound in bounds)


def _normalised(fields: dict[str, object]) -> dict[str, object]:
    """Make unreachable bounds (NaN) and ``v / 0`` ratios explicit and uniform."""
    if _unreachable(fields.get("lower"), fields.get("upper")):
        fields |= {"lower": _NEVER, "upper": _INF}
    if _unreachable(fields.get("exceed_lower"), fields.get("exceed_upper")):
        fields |= {"exceed_lower": _NEVER, "exceed_upper": _INF}
    if fields.get("ratio_bound") == 0.0 and fields.get("ratio_up", True):
        fields["ratio_bound"] = None  # v / 0 means nothing: the reference gives None
    return fields


def compile_targets(
    plan: Plan, *, tolerance: float | None = None, cohort_policy: CohortPolicy = "absolute"
) -> dict[str, tuple[CompiledTarget, ...]]:
    """Compile every target of ``plan``, grouped by indicator id in plan order.

    Args:
        plan: The plan.
        tolerance: Relative tolerance of approximate targets; default each target's own
            (the plan's ``approximate_tolerance``).
        cohort_policy: ``"absolute"`` or ``"proportional"`` (see :class:`~kh922core.RankGroup`).

    Returns:
        Indicator id to its compiled targets.

    Examples:
        >>> from kh922core._plans.loader import load_plan
        >>> compiled = compile_targets(load_plan())
        >>> target = compiled["tfp-contribution"][0]
        >>> target.target_id, target.lower, target.upper
        ('2030-3', 54.999999945, inf)
    """
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float | None):
        raise InvalidValueError(f"tolerance must be a number, got {tolerance!r}")
    units = {indicator.id: indicator.unit for indicator in plan.indicators}
    compiled: dict[str, list[CompiledTarget]] = {}
    for target in plan.targets:
        fields = _normalised(_fields(target, tolerance, cohort_policy))
        compiled.setdefault(target.indicator, []).append(
            CompiledTarget(
                target_id=target.id,
                indicator=target.indicator,
                row=target.row,
                horizon=target.horizon,
                text=target.text,
                unit=target.unit if target.unit is not None else units.get(target.indicator),
                **fields,  # type: ignore[arg-type]
            )
        )
    return {indicator: tuple(targets) for indicator, targets in compiled.items()}
