"""The approximate kind: ``khoảng 30%``, met within a relative tolerance."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kh922core._targets.kinds.base import (
    DEFAULT_APPROXIMATE_TOLERANCE,
    Direction,
    Operator,
    _ge,
    _le,
    _number,
    _Threshold,
    _with_unit,
)
from kh922core._targets.numbers import format_number
from kh922core.errors import InvalidValueError

__all__ = ["Approximate"]


class Approximate(_Threshold):
    """``khoảng 30%``, ``xấp xỉ X``, ``gần X``: met within a relative tolerance.

    Higher is better: ``v ≥ X·(1 − tol)``; lower is better: ``v ≤ X·(1 + tol)``; band:
    ``|v − X| ≤ tol·|X|``.  Pass ``tolerance=`` to override the default of 5 %.

    Examples:
        >>> Approximate(value=30).is_met(28.5)
        True
        >>> Approximate(value=30).is_met(28.4)
        False
    """

    kind: Literal["approximate"] = "approximate"
    value: float = Field(allow_inf_nan=False)
    unit: str | None = None
    note: str | None = None

    def _tolerance(self, options: dict[str, object]) -> float:
        tolerance = options.get("tolerance")
        if tolerance is None:
            return DEFAULT_APPROXIMATE_TOLERANCE
        if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
            raise InvalidValueError(f"tolerance must be a number, got {tolerance!r}")
        return float(tolerance)

    def _bound(self, **options: object) -> tuple[Operator, float]:
        slack = self._tolerance(options) * abs(self.value)
        if self.direction is Direction.LOWER_IS_BETTER:
            return Operator.LE, self.value + slack
        return Operator.GE, self.value - slack

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        if self.direction is not Direction.BAND:
            return super().is_met(value, **options)
        number = _number(value)
        if number is None:
            return None
        slack = self._tolerance(options) * abs(self.value)
        return _ge(number, self.value - slack) and _le(number, self.value + slack)

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        if self.direction is not Direction.BAND:
            return super().shortfall(value, **options)
        number = _number(value)
        if number is None:
            return None
        if self.is_met(number, **options):
            return 0.0
        slack = self._tolerance(options) * abs(self.value)
        return abs(number - self.value) - slack

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        if self.direction is Direction.BAND:
            return None
        return super().attainment(value, **options)

    def render(self) -> str:
        return "khoảng " + _with_unit(format_number(self.value), self.unit, self.note)
