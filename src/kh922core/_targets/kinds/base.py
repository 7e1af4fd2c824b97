"""What every target kind shares: the vocabulary, the options, and the scalar reference methods.

A kind defines what it asks of a value in one method, ``_criterion`` (a
:class:`~kh922core._targets.kinds.criterion.Criterion`); :class:`BaseSpec` derives the scalar
methods ``is_met``, ``status``, ``shortfall`` and ``attainment`` from it, once for all kinds.
These methods are the *reference semantics* (the contract on the "Target semantics" page): the
vectorised engine is held equal to them by property tests, so they favour clarity over speed.
"""

from __future__ import annotations

import math
import numbers
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, model_validator

from kh922core._targets.kinds.change import Change, ChangeKind
from kh922core._targets.kinds.criterion import Criterion, Explanation, Signature
from kh922core._targets.kinds.options import (
    DEFAULT_APPROXIMATE_TOLERANCE,
    CriterionOptions,
    check_option_names,
    checked_tolerance,
)
from kh922core.errors import InvalidValueError

__all__ = [
    "BASELINE_NOT_GIVEN",
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "BaseSpec",
    "CohortPolicy",
    "CriterionOptions",
    "Direction",
    "Operator",
    "Status",
    "checked_tolerance",
]

#: Relative tolerance of every boundary comparison (0.29 as a fraction meets ``≥ 29 %``).
COMPARISON_RTOL = 1e-9

CohortPolicy: TypeAlias = Literal["absolute", "proportional"]


class _NotGiven:
    """The default of ``baseline``: a change target called without one is a caller's error."""

    def __repr__(self) -> str:
        return "<baseline not given>"


#: The default of the ``baseline`` keyword (``None`` means a base that is missing: no data).
BASELINE_NOT_GIVEN = _NotGiven()


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
    """The value as a float, ``None`` when missing (``None``, NaN or an infinity: no finite
    number); a 32-bit NumPy float as it is written (``0.7``, not 0.699999988)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidValueError(
            f"a numeric target needs a number, got the boolean {value!r} "
            "(booleans are assessments of qualitative targets)"
        )
    if not isinstance(value, numbers.Real) or _numpy_bool(value):  # a NumPy number is one
        raise InvalidValueError(f"a numeric target needs a number, got {value!r}")
    number = written_float(value)
    return number if math.isfinite(number) else None


def written_float(value: numbers.Real) -> float:
    """``value`` as a float; a 32-bit or 16-bit NumPy float as it is written (``0.7``, not
    0.699999988), as the engine reads a column of them."""
    kind = type(value)
    written = kind.__module__ == "numpy" and kind.__name__ in ("float32", "float16")
    return float(str(value)) if written else float(value)


def is_number(value: object) -> bool:
    """Whether ``value`` is a real number (a NumPy one too), not a Boolean."""
    return (
        isinstance(value, numbers.Real) and not isinstance(value, bool) and not _numpy_bool(value)
    )


def _numpy_bool(value: object) -> bool:
    """Whether ``value`` is a NumPy Boolean (read without importing NumPy)."""
    kind = type(value)
    return kind.__module__ == "numpy" and kind.__name__ in ("bool_", "bool")


def _assessment(value: object) -> bool | None:
    """The assessment a target in words reads: ``True`` (Đạt) or ``False`` (Không đạt), a NumPy
    Boolean too (it was read as none); ``None`` for anything else that is no text (missing, or
    a number: a figure is no assessment, which is still needed).

    Raises:
        InvalidValueError: A text (``"false"``, ``"Đạt"``): it was read as no assessment, in
            silence, where the text said one.
    """
    if isinstance(value, bool):
        return value
    if _numpy_bool(value):
        return bool(value)
    if not isinstance(value, str):
        return None
    raise InvalidValueError(
        f"a target in words reads an assessment, True (Đạt) or False (Không đạt), got {value!r}"
    )


def _ratio(numerator: float, denominator: float) -> float | None:
    if denominator == 0 or not math.isfinite(numerator) or not math.isfinite(denominator):
        return None
    return numerator / denominator


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
    change: Change | None = None

    #: Whether the kind can bound a change (a rank group and words cannot).
    _takes_change: ClassVar[bool] = True

    @model_validator(mode="after")
    def _change_fits(self) -> BaseSpec:
        if self.change is not None and not self._takes_change:
            raise ValueError(f"a {type(self).__name__} target cannot bound a change")
        return self

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

    def _shown_unit(self, unit: str | None) -> str | None:
        """The unit as :meth:`render` writes it (a change may write it its own way)."""
        return unit if self.change is None else self.change.shown_unit(unit)

    def _with_change(self, body: str) -> str:
        """The canonical text: the level's ``body``, and for a change its verb and base."""
        if self.change is None:
            return body
        note = getattr(self, "note", "") or ""  # words in brackets lead a multiple's sentence:
        led = "(" in note or ")" in note  # after "lần" they would name another level
        if self.change.kind is ChangeKind.MULTIPLE and led and body.endswith(f" {note}"):
            return f"{note} {self.change.verb} {body[: -len(note) - 1]}{self.change.base_words}"
        return f"{self.change.verb} {body}{self.change.base_words}"

    def _changed_explanation(self, level: Explanation) -> Explanation:
        """A level's explanation, read for a change: the number bounds the change's size."""
        change = self.change
        if change is None:
            return level
        met_when = level.met_when.replace("value", "size")
        return Explanation(
            f"{change.name}: {level.kind}", f"{met_when}, where size = {change.formula}"
        )

    def _changed_signature(self, level: Signature) -> Signature:
        """A level's signature, for a change: its kind of change and base are part of it."""
        change = self.change
        if change is None:
            return level
        base = "previous year" if change.previous_year else change.since
        kind = f"{change.kind.value}{'-' if change.falling else '+'}@{base}:{level.kind}"
        return Signature(kind, level.numbers, level.words, f"{change.name} {level.description}")

    def _judged_direction(self) -> Direction:
        """The direction the criterion reads: the indicator's for a level, and for a change
        always up (the size of the change in the text's direction: more is more)."""
        return self.direction if self.change is None else Direction.HIGHER_IS_BETTER

    def _read(
        self,
        value: float | bool | None,
        baseline: object,
        years: float | None,
        options: Mapping[str, object],
    ) -> _Reading:
        check_option_names(options)  # a keyword that is no option, even with no value
        plain = self._criterion(CriterionOptions())
        if plain.qualitative:
            return _Reading(plain, assessment=_assessment(value))
        number = _number(value)
        if self.change is not None:
            if baseline is BASELINE_NOT_GIVEN:
                raise TypeError(
                    f"{self.render()!r} is a change target ({self.change.name}): give "
                    "baseline=, the level at the base (None when it is not known)"
                )
            base = _number(baseline)  # type: ignore[arg-type]
            if number is None or base is None:
                return _Reading(plain)
            number = self.change.size(number, baseline=base, years=years)
        if number is None:  # missing: the options are not even looked at
            return _Reading(plain)
        return _Reading(self._resolved(options), number)

    def is_met(
        self,
        value: float | bool | None,
        *,
        baseline: float | _NotGiven | None = BASELINE_NOT_GIVEN,
        years: float | None = None,
        **options: object,
    ) -> bool | None:
        """Whether ``value`` meets the target; ``None`` when it cannot tell.

        Args:
            value: The observed level (an assessment, ``True``/``False``, for words).
            baseline: The level at the base, for a change target (required there; ``None``
                when unknown gives ``None``); a level target ignores it.
            years: The years from the base to ``value``, for the per-year changes (default 1).
            **options: ``tolerance``, ``cohort_policy``, ``cohort_size``, ``adopted_cohort``.
        """
        reading = self._read(value, baseline, years, options)
        if reading.number is None:
            return reading.assessment
        return _meets(reading.criterion, reading.number)

    def status(
        self,
        value: float | bool | None,
        *,
        baseline: float | _NotGiven | None = BASELINE_NOT_GIVEN,
        years: float | None = None,
        **options: object,
    ) -> Status:
        """The status of ``value`` against this target.

        The keywords are those of :meth:`is_met`; for a change target the number compared is
        the size of the change.
        """
        reading = self._read(value, baseline, years, options)
        number = reading.number
        met = reading.assessment if number is None else _meets(reading.criterion, number)
        if met is None:
            return Status.NEEDS_ASSESSMENT if reading.criterion.qualitative else Status.NO_DATA
        if not met:
            return Status.NOT_MET
        if number is not None and _exceeds(reading.criterion, number):
            return Status.EXCEEDED
        return Status.MET

    def shortfall(
        self,
        value: float | bool | None,
        *,
        baseline: float | _NotGiven | None = BASELINE_NOT_GIVEN,
        years: float | None = None,
        **options: object,
    ) -> float | None:
        """Distance still to go, in the target's unit; 0 when met, ``None`` when unknown.

        The keywords are those of :meth:`is_met`; for a change target the number compared is
        the size of the change.
        """
        reading = self._read(value, baseline, years, options)
        criterion, number = reading.criterion, reading.number
        if number is None:
            return None
        if _meets(criterion, number):
            return 0.0
        return _gap(criterion, number) - criterion.slack

    def attainment(
        self,
        value: float | bool | None,
        *,
        baseline: float | _NotGiven | None = BASELINE_NOT_GIVEN,
        years: float | None = None,
        **options: object,
    ) -> float | None:
        """Value over threshold (or threshold over value when lower is better).

        The keywords are those of :meth:`is_met`; for a change target the number compared is
        the size of the change.
        """
        reading = self._read(value, baseline, years, options)
        criterion, number = reading.criterion, reading.number
        if number is None or criterion.ratio_bound is None:
            return None
        if criterion.ratio_up:
            return _ratio(number, criterion.ratio_bound)
        return _ratio(criterion.ratio_bound, number)
