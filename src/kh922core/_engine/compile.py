"""Compile a plan's targets into rows of plain bounds, the engine's per-target table.

Every target kind says what it asks of one value in its criterion
(:class:`kh922core._targets.Criterion`: bounds as written, with their strictness), whatever the
kind; this module turns each criterion into the same few numbers, so that one set of vectorised
comparisons serves every kind:

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
* ``change``/``plan_base``: a change target (``tăng 20% so với năm 2023``) bounds the size of
  the change of the level from its base (its criterion is on that size, read as higher is
  better); ``plan_base`` is the target's plan baseline ``(value, year)`` in its unit, which
  stands in for the series at the base year (see :mod:`kh922core._engine.change_query`).

The loop here is over the plan's targets (dozens), never over observations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kh922core._plans import Plan, Target
from kh922core._targets import (
    COMPARISON_RTOL,
    Change,
    CohortPolicy,
    Criterion,
    InvalidValueError,
    Unit,
)

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
    change: Change | None = None
    plan_base: tuple[float, int] | None = None


def _row(criterion: Criterion) -> dict[str, object]:
    """The bounds-table numbers of a criterion (tolerance applied, strict bounds made inclusive)."""
    fields: dict[str, object] = {
        "qualitative": criterion.qualitative,
        "short_lower": criterion.short_lower,
        "short_upper": criterion.short_upper,
        "short_slack": criterion.slack,
        "ratio_bound": criterion.ratio_bound,
        "ratio_up": criterion.ratio_up,
    }
    if criterion.lower is not None:
        fields["lower"] = (_gt if criterion.lower_strict else _ge)(criterion.lower)
    if criterion.upper is not None:
        fields["upper"] = (_lt if criterion.upper_strict else _le)(criterion.upper)
    above, below = criterion.exceeded_above, criterion.exceeded_below
    if above is not None or below is not None:
        fields["exceed_lower"] = _gt(above) if above is not None else -_INF
        fields["exceed_upper"] = _lt(below) if below is not None else _INF
    if criterion.rank_scaling is not None:  # the bound follows the cohort size of each row
        fields["rank_size"] = criterion.rank_scaling.size
        fields["adopted_cohort"] = criterion.rank_scaling.adopted_cohort
    return fields


def _fields(target: Target, tolerance: float | None, policy: CohortPolicy) -> dict[str, object]:
    try:
        criterion = target.spec.criterion(
            tolerance=tolerance if tolerance is not None else target.approximate_tolerance,
            cohort_policy=policy,
            adopted_cohort=target.cohort_at_adoption,
        )
    except InvalidValueError as error:
        raise InvalidValueError(f"target {target.id!r}: {error}") from None
    return _row(criterion)


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
        >>> from kh922core import load_plan
        >>> compiled = compile_targets(load_plan())
        >>> target = compiled["tfp-contribution"][0]
        >>> target.target_id, target.lower, target.upper
        ('2030-3', 54.999999945, inf)
    """
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float | None):
        raise InvalidValueError(f"tolerance must be a number, got {tolerance!r}")
    if cohort_policy not in ("absolute", "proportional"):  # said once, not for its first target
        raise InvalidValueError(
            f"cohort_policy must be 'absolute' or 'proportional', got {cohort_policy!r}"
        )
    units = {indicator.id: indicator.unit for indicator in plan.indicators}
    compiled: dict[str, list[CompiledTarget]] = {}
    for target in plan.targets:
        fields = _normalised(_fields(target, tolerance, cohort_policy))
        change, base = target.spec.change, target.baseline
        if change is not None:
            fields |= {"change": change, "plan_base": base and (base.value, base.year)}
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
