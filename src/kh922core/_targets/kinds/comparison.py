"""The comparison kind: ``≥ 55``, ``> 0,7``, ``dưới 3%`` and bare numbers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kh922core._targets.kinds.base import _SYMBOLS, Direction, Operator, _Threshold, _with_unit
from kh922core._targets.numbers import format_number

__all__ = ["Comparison"]


class Comparison(_Threshold):
    """``≥ 55``, ``> 0,7``, ``≤ 30``, ``dưới 3%`` and bare numbers such as ``90`` or ``100%``.

    A bare number (operator ``target``) means *at least* for a higher-is-better indicator, *at
    most* for a lower-is-better one, and *equal within tolerance* on a band indicator.  An explicit
    operator keeps its meaning whatever the direction.

    Examples:
        >>> spec = Comparison(operator="gt", value=0.7)
        >>> spec.is_met(0.71), spec.is_met(0.7)
        (True, False)
        >>> spec.render()
        '> 0,7'
    """

    kind: Literal["comparison"] = "comparison"
    operator: Operator
    value: float = Field(allow_inf_nan=False)
    unit: str | None = None
    note: str | None = None

    def _bound(self, **options: object) -> tuple[Operator, float]:
        if self.operator is not Operator.TARGET:
            return self.operator, self.value
        if self.direction is Direction.HIGHER_IS_BETTER:
            return Operator.GE, self.value
        if self.direction is Direction.LOWER_IS_BETTER:
            return Operator.LE, self.value
        return Operator.TARGET, self.value

    def render(self) -> str:
        return _SYMBOLS[self.operator] + _with_unit(format_number(self.value), self.unit, self.note)
