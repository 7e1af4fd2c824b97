"""What every target kind shares: directions, statuses, operators, tolerances and helpers.

The kinds' scalar methods are the *reference semantics* (the agreed contract of SEMANTICS.md):
the vectorised engine is held equal to them by property tests, so they favour clarity over speed.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

from kh922core.errors import InvalidValueError

__all__ = [
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "CohortPolicy",
    "Direction",
    "Operator",
    "Status",
]

#: Relative tolerance of every boundary comparison (0.29 as a fraction meets ``≥ 29 %``).
COMPARISON_RTOL = 1e-9
#: Relative tolerance of ``khoảng X`` targets unless a plan sets its own.
DEFAULT_APPROXIMATE_TOLERANCE = 0.05

CohortPolicy: TypeAlias = Literal["absolute", "proportional"]


class Direction(StrEnum):
    """Which way an indicator improves."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    BAND = "band"


class Status(StrEnum):
    """Outcome of evaluating one value against one target."""

    MET = "met"
    EXCEEDED = "exceeded"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NEEDS_ASSESSMENT = "needs_assessment"


class Operator(StrEnum):
    """Comparison operators; ``target`` is a bare number whose meaning follows the direction."""

    GE = "ge"
    GT = "gt"
    LE = "le"
    LT = "lt"
    TARGET = "target"


_SYMBOLS = {
    Operator.GE: "≥ ",
    Operator.GT: "> ",
    Operator.LE: "≤ ",
    Operator.LT: "< ",
    Operator.TARGET: "",
}


def _ge(value: float, bound: float) -> bool:
    return value >= bound - COMPARISON_RTOL * abs(bound)


def _gt(value: float, bound: float) -> bool:
    return value > bound + COMPARISON_RTOL * abs(bound)


def _le(value: float, bound: float) -> bool:
    return value <= bound + COMPARISON_RTOL * abs(bound)


def _lt(value: float, bound: float) -> bool:
    return value < bound - COMPARISON_RTOL * abs(bound)


def _number(value: float | bool | None) -> float | None:
    """The value as a float, ``None`` when missing (``None`` or NaN)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidValueError(
            f"a numeric target needs a number, got the boolean {value!r} "
            "(booleans are assessments of qualitative targets)"
        )
    if not isinstance(value, int | float):
        raise InvalidValueError(f"a numeric target needs a number, got {value!r}")
    number = float(value)
    return None if math.isnan(number) else number


def _with_unit(number: str, unit: str | None, note: str | None) -> str:
    text = number
    if unit:
        text += unit if unit.startswith("%") else f" {unit}"
    if note:
        text += f" {note}"
    return text


def _ratio(numerator: float, denominator: float) -> float | None:
    if denominator == 0 or not math.isfinite(numerator) or not math.isfinite(denominator):
        return None
    return numerator / denominator


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    direction: Direction = Direction.HIGHER_IS_BETTER

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        """Whether ``value`` meets the target; ``None`` when it cannot tell."""
        raise NotImplementedError  # pragma: no cover

    def status(self, value: float | bool | None, **options: object) -> Status:
        """The status of ``value`` against this target."""
        raise NotImplementedError  # pragma: no cover

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        """Distance still to go, in the target's unit; 0 when met, ``None`` when unknown."""
        raise NotImplementedError  # pragma: no cover

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        """Value over threshold (or threshold over value when lower is better)."""
        raise NotImplementedError  # pragma: no cover

    def render(self) -> str:
        """Canonical Vietnamese text of this target; it parses back to an equal spec."""
        raise NotImplementedError  # pragma: no cover


class _Threshold(_Spec):
    """Shared logic of kinds that reduce to one effective bound and one comparison."""

    def _bound(self, **options: object) -> tuple[Operator, float]:
        raise NotImplementedError  # pragma: no cover

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        number = _number(value)
        if number is None:
            return None
        op, bound = self._bound(**options)
        if op is Operator.GE:
            return _ge(number, bound)
        if op is Operator.GT:
            return _gt(number, bound)
        if op is Operator.LE:
            return _le(number, bound)
        if op is Operator.LT:
            return _lt(number, bound)
        return _ge(number, bound) and _le(number, bound)

    def status(self, value: float | bool | None, **options: object) -> Status:
        met = self.is_met(value, **options)
        if met is None:
            return Status.NO_DATA
        return Status.MET if met else Status.NOT_MET

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        met = self.is_met(value, **options)
        if number is None or met is None:
            return None
        if met:
            return 0.0
        op, bound = self._bound(**options)
        if op in (Operator.GE, Operator.GT):
            return max(0.0, bound - number)
        if op in (Operator.LE, Operator.LT):
            return max(0.0, number - bound)
        return abs(number - bound)

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        if number is None:
            return None
        op, bound = self._bound(**options)
        if op in (Operator.GE, Operator.GT):
            return _ratio(number, bound)
        if op in (Operator.LE, Operator.LT):
            return _ratio(bound, number)
        return None
