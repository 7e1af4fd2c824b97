"""Rule KH021: a fall in percentage points that the plan's own baseline cannot make.

A change written in % of a share is read in percentage points (``Tỷ lệ nợ xấu giảm ít nhất 10%
so với năm 2024``: down by 10 points), as the semantics say.  Where the plan gives the share's
level at the base year and the fall asked is larger than that level (10 points from 2,5 %), no
level could meet the target: the plan most likely means a share of the level (10 % of 2,5 %),
and a reader states which (``change: {kind: relative, …}``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from kh922core._plans.audit.findings import AuditContext, Finding, Severity, target_source
from kh922core._plans.target_changes import NOT_GIVEN, resolved_base
from kh922core._targets import ChangeKind, format_number

__all__ = ["fall_past_zero"]

_POINTS = (ChangeKind.POINTS, ChangeKind.POINTS_PER_YEAR)


def _is_share(expression: str) -> bool:
    """A percentage of a whole (``%``, ``% GRDP``, ``% dân số``), not a rate (``%/năm``)."""
    return expression == "percent" or (expression.startswith("percent_") and " " not in expression)


def fall_past_zero(context: AuditContext) -> Iterator[Finding]:
    """A share asked to fall by more points than its baseline holds."""
    for target in context.plan.targets:
        change, baseline, unit = target.spec.change, target.baseline, target.measure_unit
        if change is None or not change.falling or change.kind not in _POINTS:
            continue
        if baseline is None or unit is None or not _is_share(unit.expression):
            continue
        least = target.spec.criterion().lower
        if least is None or not math.isfinite(least) or least <= 0:
            continue  # "giảm không quá 2%": no fall is asked
        base = resolved_base(
            change,
            plan_baseline=(baseline.value, baseline.year),
            given=NOT_GIVEN,
            year=target.horizon,
            years=None,
        )
        if base.value is None or base.years is None:
            continue
        yearly = change.kind is ChangeKind.POINTS_PER_YEAR
        needed = least * (base.years if yearly else 1)
        if needed <= base.value:
            continue
        yield Finding(
            "KH021",
            Severity.WARNING,
            f"targets[{target.id}]",
            target_source(target),
            f"the target {target.text!r} is read as a fall of at least {format_number(needed)} "
            f"percentage points by {target.horizon}, from {format_number(base.value)} "
            f"{unit.text} in {base.year}: no level reaches it.  If the plan means a fall of "
            f"{format_number(least)} % of the level{' a year' if yearly else ''}, state it in "
            f"the plan file (change: {{kind: {'growth_per_year' if yearly else 'relative'}, "
            "falling: true, …})",
        )
