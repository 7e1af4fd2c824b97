"""The comparison kind: ``≥ 55``, ``> 0,7``, ``dưới 3%`` and bare numbers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kh922core._targets.kinds.base import BaseSpec, CriterionOptions, Direction, Operator
from kh922core._targets.kinds.criterion import Criterion, Explanation, Signature
from kh922core._targets.kinds.written import with_unit
from kh922core._targets.numbers import format_number

__all__ = ["Comparison"]

_SYMBOLS = {
    Operator.GE: "≥ ",
    Operator.GT: "> ",
    Operator.LE: "≤ ",
    Operator.LT: "< ",
    Operator.TARGET: "",
}
_WORDS = {
    Operator.GE: ("at least", "≥"),
    Operator.GT: ("more than", ">"),
    Operator.LE: ("at most", "≤"),
    Operator.LT: ("less than", "<"),
}
_BARE = {
    Operator.GE: "bare number (at least)",
    Operator.LE: "bare number (at most)",
    Operator.TARGET: "bare number (exactly)",
}


class Comparison(BaseSpec):
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

    def _operator(self) -> Operator:
        """The operator in effect: a bare number read through the direction (``target`` only
        on a band)."""
        if self.operator is not Operator.TARGET:
            return self.operator
        if self._judged_direction() is Direction.HIGHER_IS_BETTER:
            return Operator.GE
        if self._judged_direction() is Direction.LOWER_IS_BETTER:
            return Operator.LE
        return Operator.TARGET

    def _criterion(self, options: CriterionOptions) -> Criterion:
        operator = self._operator()
        if operator in (Operator.GE, Operator.GT):
            return Criterion.at_least(self.value, strict=operator is Operator.GT)
        if operator in (Operator.LE, Operator.LT):
            return Criterion.at_most(self.value, strict=operator is Operator.LT)
        return Criterion.within(self.value, self.value)

    def explanation(self) -> Explanation:
        """The kind in plain English.

        Examples:
            >>> Comparison(operator="target", value=90, direction="band").explanation()
            Explanation(kind='bare number (exactly)', met_when='value = 90')
        """
        value = format_number(self.value)
        operator = self._operator()
        symbol = _WORDS[operator][1] if operator in _WORDS else "="
        words = _BARE[operator] if self.operator is Operator.TARGET else _WORDS[operator][0]
        return self._changed_explanation(Explanation(words, f"value {symbol} {value}"))

    def signature(self) -> Signature:
        """What it asks for, for the audit.

        Examples:
            >>> Comparison(operator="target", value=55).signature().description
            'at least 55'
        """
        operator = self._operator()
        if operator is Operator.TARGET:
            description = f"{self.value:g}"
        else:
            description = f"{_WORDS[operator][0]} {self.value:g}"
        return self._changed_signature(Signature(operator.value, (self.value,), None, description))

    def render(self) -> str:
        number = format_number(self.value)
        body = _SYMBOLS[self.operator] + with_unit(number, self._shown_unit(self.unit), self.note)
        return self._with_change(body)
