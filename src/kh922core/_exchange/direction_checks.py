"""A guessed direction that the row's own figures contradict: its bare targets are listed.

A bare number (``30``) follows the indicator's direction: at least 30 where higher is better,
at most 30 where lower is.  The importer takes the direction from a note beside the row, the
reference plan or a rank's unit where it can; else it guesses from the name's words (``hộ
nghèo``, ``tai nạn``: lower; nothing: higher).  Words miss: ``Thời gian chờ khám bệnh`` is
better lower and says none of them, ``Tỷ lệ hộ nghèo được hỗ trợ nhà ở`` is better higher and
says ``hộ nghèo``.  A wrong guess turns each bare target inside out, silently (at most 100 %
is always met).

The row's figures say which way the plan goes: its baseline, then its targets year by year.
Where the direction is guessed and a bare target is worse than the baseline or than a target
of an earlier year by the guess (``60`` in 2025, ``30`` in 2030, better higher), the guess is
in doubt: every bare target of the indicator is listed, asking for the way to be written.
A target that states its way (``dưới 30``, ``tối thiểu 30``), a change, a range, and an
indicator whose direction is not guessed are not concerned.
"""

from __future__ import annotations

from typing import Any

from kh922core._exchange.import_problems import Sink
from kh922core._plans import Plan, Target
from kh922core._targets import (
    Comparison,
    Direction,
    Operator,
    conversion_factor,
    format_number,
)
from kh922core.errors import Kh922Error

__all__ = ["refuse_against_direction"]

#: A move against the direction smaller than this share of the figures is no sign (85,5 % in
#: 2025, 85,49 % in 2030: a rounding).
_NOISE = 0.01

_WHY = (
    "the row's figures go the other way than its direction, guessed ({guess}): {course} (is "
    "{other} better, or is a figure in another scale?); write the way in the cell ('tối thiểu "
    "{value}', 'tối đa {value}', 'dưới {value}'), or a note beside the row ('Chỉ tiêu nghịch' "
    "for lower is better, 'Chỉ tiêu thuận' for higher)"
)


def _level(target: Target, unit: str | None) -> float | None:
    """The bare level of ``target`` in the indicator's ``unit``, or ``None``."""
    spec = target.spec
    if not isinstance(spec, Comparison) or spec.change is not None:
        return None
    if spec.operator is not Operator.TARGET:
        return None
    if spec.unit is None or unit is None or spec.unit == unit:
        return spec.value
    try:
        return spec.value * conversion_factor(spec.unit, unit)
    except Kh922Error:
        return None


def _course(plan: Plan, targets: list[Target], better: int) -> str | None:
    """Where the figures of one indicator (its baseline, then its bare targets by year) go
    against ``better`` (1: higher, -1: lower): the two figures, or ``None``."""
    indicator = plan.indicator(targets[0].indicator)
    unit = indicator.unit.text if indicator.unit else None
    points: list[tuple[int, float, str]] = []
    base = next((t.baseline for t in targets if t.baseline is not None), None)
    if base is not None:
        points.append((base.year or 0, base.value, f"baseline {format_number(base.value)}"))
    for target in sorted(targets, key=lambda t: t.horizon):
        level = _level(target, unit)
        if level is not None:
            points.append((target.horizon, level, f"{target.horizon}: {format_number(level)}"))
    for n, (_, value, said) in enumerate(points):
        for _, earlier, before in points[:n]:
            if (value - earlier) * better < -_NOISE * max(abs(value), abs(earlier)):
                return f"{before}, then {said}"
    return None


def refuse_against_direction(
    plan: Plan, cells: list[dict[str, Any]], guessed: dict[str, str], sink: Sink
) -> set[str]:
    """The ids of the bare targets to leave out, each listed by its cell (see the module
    docstring); ``guessed``: the indicators whose direction is guessed, and why."""
    by_indicator: dict[str, list[Target]] = {}
    for target in plan.targets:
        if target.indicator in guessed:
            by_indicator.setdefault(target.indicator, []).append(target)
    refused: dict[str, str] = {}
    for indicator_id, targets in by_indicator.items():
        direction = plan.indicator(indicator_id).direction
        if direction not in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
            continue
        better = 1 if direction is Direction.HIGHER_IS_BETTER else -1
        course = _course(plan, targets, better)
        if course is None:
            continue
        unit = plan.indicator(indicator_id).unit
        for target in targets:
            level = _level(target, unit.text if unit else None)
            if level is not None:
                refused[target.id] = _WHY.format(
                    guess=guessed[indicator_id],
                    course=course,
                    other="lower" if better == 1 else "higher",
                    value=format_number(level),
                )
    for cell in cells:
        if cell["id"] in refused:
            grid, header, row, column = cell["_place"]
            sink.problem(grid, header, row, column, cell["text"], refused[cell["id"]])
    return set(refused)
