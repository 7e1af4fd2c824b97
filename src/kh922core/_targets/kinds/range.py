"""The range kind: ``8-10%``, ``từ 7,5 đến 8,0%/năm``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from kh922core._targets.kinds.base import (
    Direction,
    Status,
    _ge,
    _gt,
    _le,
    _lt,
    _number,
    _ratio,
    _Spec,
    _with_unit,
)
from kh922core._targets.numbers import format_number

__all__ = ["Range"]


class Range(_Spec):
    """``8-10%``, ``6,0% - 6,5%``, ``từ 7,5 đến 8,0%/năm``; both bounds inclusive.

    Higher is better: met from ``low`` up, status ``exceeded`` above ``high``; lower is better:
    mirrored; band: met only inside ``[low, high]``.

    Examples:
        >>> spec = Range(low=8, high=10, unit="%")
        >>> [spec.status(v).value for v in (7.9, 8, 10, 10.5)]
        ['not_met', 'met', 'met', 'exceeded']
    """

    kind: Literal["range"] = "range"
    low: float = Field(allow_inf_nan=False)
    high: float = Field(allow_inf_nan=False)
    unit: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")
        return self

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        number = _number(value)
        if number is None:
            return None
        if self.direction is Direction.HIGHER_IS_BETTER:
            return _ge(number, self.low)
        if self.direction is Direction.LOWER_IS_BETTER:
            return _le(number, self.high)
        return _ge(number, self.low) and _le(number, self.high)

    def status(self, value: float | bool | None, **options: object) -> Status:
        met = self.is_met(value)
        if met is None:
            return Status.NO_DATA
        if not met:
            return Status.NOT_MET
        number = _number(value)
        assert number is not None
        if self.direction is Direction.HIGHER_IS_BETTER and _gt(number, self.high):
            return Status.EXCEEDED
        if self.direction is Direction.LOWER_IS_BETTER and _lt(number, self.low):
            return Status.EXCEEDED
        return Status.MET

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        if number is None:
            return None
        if self.is_met(number):
            return 0.0
        if number < self.low:
            return self.low - number
        return number - self.high

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        if number is None:
            return None
        if self.direction is Direction.HIGHER_IS_BETTER:
            return _ratio(number, self.low)
        if self.direction is Direction.LOWER_IS_BETTER:
            return _ratio(self.high, number)
        return None

    def render(self) -> str:
        return (
            "từ "
            + format_number(self.low)
            + " đến "
            + _with_unit(format_number(self.high), self.unit, self.note)
        )
