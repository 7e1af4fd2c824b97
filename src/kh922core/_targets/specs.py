"""Parsed target kinds and their scalar reference semantics.

Each kind answers :meth:`is_met`, :meth:`status`, :meth:`shortfall` and :meth:`attainment` for
one value.  These methods are the *reference semantics* (the agreed contract of SEMANTICS.md):
the vectorised engine is held equal to them by property tests, so they favour clarity over speed.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kh922core._targets.numbers import format_number
from kh922core.errors import InvalidValueError

__all__ = [
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "Approximate",
    "CohortPolicy",
    "Comparison",
    "Direction",
    "InvalidValueError",
    "Operator",
    "Qualitative",
    "Range",
    "RankGroup",
    "Status",
    "TargetSpec",
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


class RankGroup(_Spec):
    """``Xếp hạng ở nhóm 30 tỉnh, thành``, ``nhóm 30``, ``top 20``: rank ``≤ N`` (1 is best).

    ``nhóm 30/63`` (or ``xếp thứ 15/63``) also names the cohort of 63 the rank was set against.

    Under the ``proportional`` cohort policy ``N`` is scaled by the current cohort size over the
    cohort size at adoption and rounded down (never below 1).

    Examples:
        >>> spec = RankGroup(size=30)
        >>> spec.is_met(28), spec.is_met(31)
        (True, False)
        >>> spec.is_met(17, cohort_policy="proportional", cohort_size=34, adopted_cohort=63)
        False
        >>> spec.effective_size(cohort_policy="proportional", cohort_size=34, adopted_cohort=63)
        16
    """

    kind: Literal["rank_group"] = "rank_group"
    size: int = Field(ge=1)
    cohort: int | None = Field(default=None, ge=1)
    note: str | None = None
    direction: Direction = Direction.LOWER_IS_BETTER

    @model_validator(mode="after")
    def _within_cohort(self) -> RankGroup:
        if self.cohort is not None and self.size > self.cohort:
            raise ValueError(f"rank group {self.size} is larger than its cohort {self.cohort}")
        return self

    def effective_size(self, **options: object) -> int:
        """The rank a value must reach, after the cohort policy.

        The cohort at adoption is the one the text names (``nhóm 30/63``), else the
        ``adopted_cohort`` option (a plan's ``rank_cohort``).
        """
        policy = options.get("cohort_policy", "absolute") or "absolute"
        if policy == "absolute":
            return self.size
        if policy != "proportional":
            raise InvalidValueError(
                f"cohort_policy must be 'absolute' or 'proportional', got {policy!r}"
            )
        current = options.get("cohort_size")
        adopted = self.cohort if self.cohort is not None else options.get("adopted_cohort")
        if not isinstance(current, int) or not isinstance(adopted, int) or adopted < 1:
            raise InvalidValueError(
                "the proportional cohort policy needs integer cohort_size and adopted_cohort, "
                f"got {current!r} and {adopted!r}"
            )
        return max(1, (self.size * current) // adopted)

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        number = _number(value)
        if number is None:
            return None
        return _le(number, float(self.effective_size(**options)))

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
        return 0.0 if met else number - self.effective_size(**options)

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        if number is None:
            return None
        return _ratio(float(self.effective_size(**options)), number)

    def render(self) -> str:
        cohort = f"/{self.cohort}" if self.cohort is not None else ""
        return f"nhóm {self.size}{cohort}" + (f" {self.note}" if self.note else "")


class Qualitative(_Spec):
    """A target in words (``Tiên tiến, hiện đại``): only an explicit assessment says it is met.

    Examples:
        >>> spec = Qualitative(text="Tiên tiến, hiện đại")
        >>> spec.status(True).value, spec.status(None).value, spec.status(0.9).value
        ('met', 'needs_assessment', 'needs_assessment')
    """

    kind: Literal["qualitative"] = "qualitative"
    text: str = Field(min_length=1)

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        return value if isinstance(value, bool) else None

    def status(self, value: float | bool | None, **options: object) -> Status:
        met = self.is_met(value)
        if met is None:
            return Status.NEEDS_ASSESSMENT
        return Status.MET if met else Status.NOT_MET

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        return None

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        return None

    def render(self) -> str:
        return self.text


#: The parsed kinds, discriminated on ``kind``.
TargetSpec: TypeAlias = Annotated[
    Comparison | Range | RankGroup | Approximate | Qualitative, Field(discriminator="kind")
]
