"""What every target kind shares: the vocabulary, the options, and the scalar reference methods.

A kind defines what it asks of a value in one method, ``_criterion`` (a
:class:`~kh922core._targets.kinds.criterion.Criterion`); :class:`BaseSpec` derives the scalar
methods ``is_met``, ``status``, ``shortfall`` and ``attainment`` from it, once for all kinds.
These methods are the *reference semantics* (the contract on the "Target semantics" page): the
vectorised engine is held equal to them by property tests, so they favour clarity over speed.
"""

from __future__ import annotations

import math
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

from kh922core._targets.kinds.criterion import Criterion, Explanation, RankScaling, Signature
from kh922core.errors import InvalidValueError

__all__ = [
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "BaseSpec",
    "CohortPolicy",
    "CriterionOptions",
    "Direction",
    "Operator",
    "Status",
    "checked_tolerance",
    "with_unit",
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


def _ratio(numerator: float, denominator: float) -> float | None:
    if denominator == 0 or not math.isfinite(numerator) or not math.isfinite(denominator):
        return None
    return numerator / denominator


def checked_tolerance(tolerance: object) -> float:
    """``tolerance`` as a float, when it is a relative tolerance: a number from 0 up to (not
    including) 1, as a plan's ``approximate_tolerance`` is.

    Raises:
        InvalidValueError: It is not a number (a boolean neither), or it is NaN, infinite,
            negative or 1 and more; the message names the parameter and the value.

    Examples:
        >>> checked_tolerance(0.1)
        0.1
        >>> checked_tolerance(float("nan"))
        Traceback (most recent call last):
        ...
        kh922core.errors.InvalidValueError: tolerance must be a relative tolerance from 0 up to (not including) 1, got nan
    """  # noqa: E501
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
        raise InvalidValueError(f"tolerance must be a number, got {tolerance!r}")
    number = float(tolerance)
    if not 0.0 <= number < 1.0:  # NaN fails too
        raise InvalidValueError(
            "tolerance must be a relative tolerance from 0 up to (not including) 1, "
            f"got {tolerance!r}"
        )
    return number


def with_unit(number: str, unit: str | None, note: str | None) -> str:
    """``number`` followed by its unit and note, as a target text writes them.

    Examples:
        >>> with_unit("8", "%", None), with_unit("168", "triệu đồng", "cấp tỉnh")
        ('8%', '168 triệu đồng cấp tỉnh')
    """
    text = number
    if unit:
        text += unit if unit.startswith("%") else f" {unit}"
    if note:
        text += f" {note}"
    return text


@dataclass(frozen=True, slots=True)
class CriterionOptions:
    """What a criterion may depend on besides the target; a kind checks only what it reads.

    Attributes:
        tolerance: Relative tolerance of approximate targets (``None``: 5 %).
        cohort_policy: ``"absolute"`` (``None`` too) or ``"proportional"``.
        cohort_size: The current cohort size (``None``: not known, e.g. one per row).
        adopted_cohort: The cohort at adoption, when the target's text does not name one.
    """

    tolerance: object = None
    cohort_policy: object = None
    cohort_size: object = None
    adopted_cohort: object = None

    @classmethod
    def of(cls, options: Mapping[str, object]) -> CriterionOptions:
        """The options among keyword options (others are ignored)."""
        return cls(
            tolerance=options.get("tolerance"),
            cohort_policy=options.get("cohort_policy"),
            cohort_size=options.get("cohort_size"),
            adopted_cohort=options.get("adopted_cohort"),
        )

    def relative_tolerance(self) -> float:
        """The tolerance of approximate targets.

        Raises:
            InvalidValueError: It is not a number, or not a fraction from 0 up to (not
                including) 1, as a plan's ``approximate_tolerance`` is.
        """
        if self.tolerance is None:
            return DEFAULT_APPROXIMATE_TOLERANCE
        return checked_tolerance(self.tolerance)

    def rank_scaling(self, size: int, cohort: int | None) -> RankScaling | None:
        """How a rank group of ``size`` follows the cohort; ``None`` under the absolute policy.

        Args:
            size: The group size as written.
            cohort: The cohort the text names (``nhóm 30/63``); else :attr:`adopted_cohort`.

        Raises:
            InvalidValueError: An unknown policy, or no integer cohort at adoption.
        """
        policy = self.cohort_policy or "absolute"
        if policy == "absolute":
            return None
        if policy != "proportional":
            raise InvalidValueError(
                f"cohort_policy must be 'absolute' or 'proportional', got {policy!r}"
            )
        adopted = cohort if cohort is not None else self.adopted_cohort
        if not isinstance(adopted, int) or isinstance(adopted, bool) or adopted < 1:
            raise InvalidValueError(
                "the proportional cohort policy needs integer cohort_size and adopted_cohort "
                "(the cohort at adoption: the text's 'nhóm N/M' or the plan's rank_cohort), "
                f"got {self.cohort_size!r} and {adopted!r}"
            )
        return RankScaling(size, adopted)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A value as a criterion reads it: a number (numeric kinds) or an assessment (words)."""

    criterion: Criterion
    number: float | None = None
    assessment: bool | None = None


def _meets(criterion: Criterion, number: float) -> bool:
    lower, upper = criterion.lower, criterion.upper
    if lower is not None and not (
        _gt(number, lower) if criterion.lower_strict else _ge(number, lower)
    ):
        return False
    return upper is None or (_lt(number, upper) if criterion.upper_strict else _le(number, upper))


def _exceeds(criterion: Criterion, number: float) -> bool:
    above, below = criterion.exceeded_above, criterion.exceeded_below
    if above is None and below is None:
        return False
    return (above is None or _gt(number, above)) and (below is None or _lt(number, below))


def _gap(criterion: Criterion, number: float) -> float:
    if number < criterion.short_lower:
        return criterion.short_lower - number
    if number > criterion.short_upper:
        return number - criterion.short_upper
    return 0.0


class BaseSpec(BaseModel):
    """The base of every target kind: its criterion makes the scalar reference methods.

    A kind defines ``_criterion`` (what it asks of one value), :meth:`explanation`,
    :meth:`signature` and :meth:`render`; everything else comes from here.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    direction: Direction = Direction.HIGHER_IS_BETTER

    @abstractmethod
    def _criterion(self, options: CriterionOptions) -> Criterion:
        """What this target asks of one value under ``options``: the one place a kind says so."""

    @abstractmethod
    def explanation(self) -> Explanation:
        """The kind in plain English: its short name and when it is met."""

    @abstractmethod
    def signature(self) -> Signature:
        """What this target asks for, comparable with another target's, and said in short."""

    @abstractmethod
    def render(self) -> str:
        """Canonical Vietnamese text of this target; it parses back to an equal spec."""

    def criterion(
        self,
        *,
        tolerance: float | None = None,
        cohort_policy: CohortPolicy | None = None,
        cohort_size: int | None = None,
        adopted_cohort: int | None = None,
    ) -> Criterion:
        """What this target asks of one value.

        Args:
            tolerance: Relative tolerance of approximate targets; default 5 %.
            cohort_policy: ``"absolute"`` (default) or ``"proportional"`` (rank groups).
            cohort_size: The current cohort size; without it, a proportional rank bound stays
                unresolved (:attr:`Criterion.rank_scaling`).
            adopted_cohort: The cohort at adoption when the text does not name one.

        Raises:
            InvalidValueError: An option the kind reads is invalid.
        """
        options = CriterionOptions(tolerance, cohort_policy, cohort_size, adopted_cohort)
        found = self._criterion(options)
        return found if cohort_size is None else found.resolved(cohort_size)

    def _resolved(self, options: Mapping[str, object]) -> Criterion:
        """The criterion under keyword ``options``, with every bound known."""
        given = CriterionOptions.of(options)
        return self._criterion(given).resolved(given.cohort_size)

    def _read(self, value: float | bool | None, options: Mapping[str, object]) -> _Reading:
        plain = self._criterion(CriterionOptions())
        if plain.qualitative:
            return _Reading(plain, assessment=value if isinstance(value, bool) else None)
        number = _number(value)
        if number is None:  # missing: the options are not even looked at
            return _Reading(plain)
        return _Reading(self._resolved(options), number)

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        """Whether ``value`` meets the target; ``None`` when it cannot tell."""
        reading = self._read(value, options)
        if reading.number is None:
            return reading.assessment
        return _meets(reading.criterion, reading.number)

    def status(self, value: float | bool | None, **options: object) -> Status:
        """The status of ``value`` against this target."""
        reading = self._read(value, options)
        number = reading.number
        met = reading.assessment if number is None else _meets(reading.criterion, number)
        if met is None:
            return Status.NEEDS_ASSESSMENT if reading.criterion.qualitative else Status.NO_DATA
        if not met:
            return Status.NOT_MET
        if number is not None and _exceeds(reading.criterion, number):
            return Status.EXCEEDED
        return Status.MET

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        """Distance still to go, in the target's unit; 0 when met, ``None`` when unknown."""
        reading = self._read(value, options)
        criterion, number = reading.criterion, reading.number
        if number is None:
            return None
        if _meets(criterion, number):
            return 0.0
        return _gap(criterion, number) - criterion.slack

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        """Value over threshold (or threshold over value when lower is better)."""
        reading = self._read(value, options)
        criterion, number = reading.criterion, reading.number
        if number is None or criterion.ratio_bound is None:
            return None
        if criterion.ratio_up:
            return _ratio(number, criterion.ratio_bound)
        return _ratio(criterion.ratio_bound, number)
