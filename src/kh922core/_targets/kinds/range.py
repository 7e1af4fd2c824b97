"""The range kind: ``8-10%``, ``từ 7,5 đến 8,0%/năm``."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import Field, model_validator

from kh922core._targets.kinds.base import BaseSpec, CriterionOptions, Direction
from kh922core._targets.kinds.criterion import Criterion, Explanation, Signature
from kh922core._targets.kinds.written import with_unit
from kh922core._targets.numbers import format_number

__all__ = ["Range"]


class Range(BaseSpec):
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

    def _criterion(self, options: CriterionOptions) -> Criterion:
        if self._judged_direction() is Direction.HIGHER_IS_BETTER:
            return replace(
                Criterion.at_least(self.low), exceeded_above=self.high, short_upper=self.high
            )
        if self._judged_direction() is Direction.LOWER_IS_BETTER:
            return replace(
                Criterion.at_most(self.high), exceeded_below=self.low, short_lower=self.low
            )
        return Criterion.within(self.low, self.high)

    def explanation(self) -> Explanation:
        """The kind in plain English.

        Examples:
            >>> Range(low=8, high=10).explanation().met_when
            "value ≥ 8; above 10 the status is 'exceeded'"
        """
        low, high = format_number(self.low), format_number(self.high)
        if self._judged_direction() is Direction.HIGHER_IS_BETTER:
            found = Explanation("range", f"value ≥ {low}; above {high} the status is 'exceeded'")
        elif self._judged_direction() is Direction.LOWER_IS_BETTER:
            found = Explanation("range", f"value ≤ {high}; below {low} the status is 'exceeded'")
        else:
            found = Explanation("range (band)", f"{low} ≤ value ≤ {high}")
        return self._changed_explanation(found)

    def signature(self) -> Signature:
        """What it asks for, for the audit.

        Examples:
            >>> Range(low=8, high=10).signature().description
            'from 8 to 10'
        """
        description = f"from {self.low:g} to {self.high:g}"
        return self._changed_signature(Signature("range", (self.low, self.high), None, description))

    def render(self) -> str:
        high = with_unit(format_number(self.high), self._shown_unit(self.unit), self.note)
        return self._with_change("từ " + format_number(self.low) + " đến " + high)
