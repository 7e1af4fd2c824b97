"""The approximate kind: ``khoảng 30%``, met within a relative tolerance."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kh922core._targets.kinds.base import BaseSpec, CriterionOptions, Direction
from kh922core._targets.kinds.criterion import Criterion, Explanation, Signature
from kh922core._targets.kinds.written import with_unit
from kh922core._targets.numbers import format_number

__all__ = ["Approximate"]


class Approximate(BaseSpec):
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

    def _criterion(self, options: CriterionOptions) -> Criterion:
        slack = options.relative_tolerance() * abs(self.value)
        if self._judged_direction() is Direction.LOWER_IS_BETTER:
            return Criterion.at_most(self.value + slack)
        if self._judged_direction() is Direction.BAND:
            return Criterion.about(self.value, slack)
        return Criterion.at_least(self.value - slack)

    def explanation(self) -> Explanation:
        """The kind in plain English.

        Examples:
            >>> Approximate(value=30).explanation().met_when
            'value ≥ 30·(1 − tolerance), tolerance 5 % by default'
        """
        value = format_number(self.value)
        if self._judged_direction() is Direction.LOWER_IS_BETTER:
            condition = f"value ≤ {value}·(1 + tolerance), tolerance 5 % by default"
        elif self._judged_direction() is Direction.BAND:
            condition = f"|value − {value}| ≤ tolerance·{value}, 5 % by default"
        else:
            condition = f"value ≥ {value}·(1 − tolerance), tolerance 5 % by default"
        return self._changed_explanation(Explanation("approximately", condition))

    def signature(self) -> Signature:
        """What it asks for, for the audit.

        Examples:
            >>> Approximate(value=30).signature().description
            'about 30'
        """
        return self._changed_signature(
            Signature("approx", (self.value,), None, f"about {self.value:g}")
        )

    def render(self) -> str:
        number = format_number(self.value)
        return self._with_change(
            "khoảng " + with_unit(number, self._shown_unit(self.unit), self.note)
        )
