"""The reading a plan file states for a target (``change:``), and the base of a change target.

A target's text is the source of truth; the grammar infers from it whether its number bounds the
level (``≥ 80``) or a change of the level (``tăng bình quân 9%/năm``).  A plan file may state the
reading explicitly, and the stated one wins::

    change: {kind: relative, since: 2023}     # the number bounds the change since 2023, in %
    change: level                             # the number bounds the level

The base of a change target is its plan ``baseline`` when the text names no base, or the level
at the year it names (``since``), or the previous year's level (``previous_year``); a plan
baseline stands in for an observation of that year when its year is the base year.
:func:`resolved_base` says what the scalar methods of :class:`~kh922core.Target` read when they
are not given a base, exactly as :func:`kh922core.evaluate` does per key group.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Annotated, Literal, TypeAlias

from pydantic import Field, StrictBool, ValidationError, model_validator

from kh922core._plans.fields import FrozenModel, StrictInt
from kh922core._targets import Change, ChangeKind, Direction, TargetSpec, Unit, parse_target
from kh922core.errors import InvalidValueError, Kh922Error

__all__ = [
    "NOT_GIVEN",
    "Base",
    "ChangeField",
    "StatedChange",
    "checked_change",
    "checked_year",
    "direction_of",
    "parsed_spec",
    "resolved_base",
    "stated_change",
]


class StatedChange(FrozenModel):
    """A change target's reading, as a plan file states it: how the change is measured, from
    which base, in which direction.

    Attributes:
        kind: ``growth_per_year`` (%/năm, compound), ``relative`` (%), ``points`` (the level's
            own unit: percentage points of a share), ``points_per_year`` or ``multiple`` (lần).
        since: The base year the text names (``so với năm 2023``), 1900-2200; none: the target's
            ``baseline`` (or the previous year).
        previous_year: The base is the year before the observed one (``so với cùng kỳ``).
        falling: The level falls (``giảm``): the size measured is the fall.
    """

    kind: ChangeKind
    since: Annotated[StrictInt | None, Field(ge=1900, le=2200)] = None
    previous_year: StrictBool = False
    falling: StrictBool = False

    @model_validator(mode="after")
    def _one_base(self) -> StatedChange:
        if self.since is not None and self.previous_year:
            raise ValueError("a change has one base: a year (since) or previous_year, not both")
        return self

    @property
    def change(self) -> Change:
        """The :class:`~kh922core.Change` stated."""
        return Change(
            kind=self.kind,
            since=self.since,
            previous_year=self.previous_year,
            falling=self.falling,
        )


#: A target's ``change:`` in a plan file: a change's reading, or ``level``.
ChangeField: TypeAlias = StatedChange | Literal["level"]


def stated_change(raw: object) -> Change | Literal["level"] | None:
    """What a plan file's ``change:`` value asks of the grammar; ``None`` (infer) when it is
    missing or wrong (a wrong one is reported where it is written, by the model)."""
    if raw == "level":
        return "level"
    if isinstance(raw, StatedChange):
        return raw.change
    if isinstance(raw, dict):
        try:
            return StatedChange.model_validate(raw).change
        except (ValidationError, ValueError):
            return None
    return None


def parsed_spec(
    text: str, direction: str, unit: Unit | None, raw_change: object, name: str | None = None
) -> TargetSpec:
    """The target text read with its indicator's direction, unit and ``name``, and the reading
    the plan states.  A stated change the kind cannot bound (a rank group, words) is left out
    here and reported on ``change:`` by the model.

    Raises:
        Kh922Error: The text cannot be read.
    """
    change = stated_change(raw_change)
    try:
        return parse_target(text, direction=direction, unit=unit, change=change, indicator=name)
    except Kh922Error:
        if change is None:
            raise
    return parse_target(text, direction=direction, unit=unit, indicator=name)


def checked_change(target_id: object, spec: object, raw: object) -> ChangeField | None:
    """A plan file's ``change:`` value, checked: a mapping of the fields of
    :class:`StatedChange`, or ``level``, that the parsed spec carries (a rank group or words
    cannot bound a change).

    Raises:
        ValueError: Worded for the plan file, naming the target.
        pydantic.ValidationError: A mapping with a wrong field (located at that field).
    """
    if raw is None or raw == "level":
        return None if raw is None else "level"
    if isinstance(raw, dict):
        raw = StatedChange.model_validate(raw)
    if not isinstance(raw, StatedChange):
        raise ValueError(
            f"target {target_id!r}: 'change' is a mapping such as {{kind: relative, since: "
            f"2023}} (kind, since, previous_year, falling) or the word 'level'"
        )
    if spec is not None and getattr(spec, "change", None) != raw.change:
        kind = str(getattr(spec, "kind", "")).replace("_", " ")
        raise ValueError(
            f"target {target_id!r} is a {kind} target, which cannot bound a change: remove "
            "'change:', or write 'change: level'"
        )
    return raw


class _NotGiven:
    def __repr__(self) -> str:
        return "<not given>"


#: The default of ``baseline=`` in :class:`~kh922core.Target`'s methods: the plan's baseline.
NOT_GIVEN = _NotGiven()


@dataclass(frozen=True, slots=True)
class Base:
    """The base a change target is measured from: its level (``None``: unknown), its year, and
    the years from it to the value (``None``: not known; the spec then takes 1)."""

    value: float | None
    year: int | None
    years: float | None


def _base_year(change: Change, plan_year: int | None, year: int | None) -> int | None:
    if change.since is not None:
        return change.since
    if change.previous_year:
        return None if year is None else year - 1
    return plan_year


def checked_year(year: object, name: str = "year") -> int | None:
    """A year given to a function, as an ``int`` (a NumPy integer too); a Boolean, a float or
    a text is refused rather than read (``2025.5`` would make fractional years, ``True`` the
    year 1).

    Raises:
        InvalidValueError: Naming ``name`` and the value.

    Examples:
        >>> checked_year(2026), checked_year(None)
        (2026, None)
    """
    if year is None:
        return None
    if not isinstance(year, bool):
        try:
            return operator.index(year)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise InvalidValueError(f"{name} must be a whole number (a year), got {year!r}")


def resolved_base(
    change: Change,
    *,
    plan_baseline: tuple[float, int] | None,
    given: float | _NotGiven | None,
    year: int | None,
    years: float | None,
) -> Base:
    """The base of a change target for one value, as :func:`kh922core.evaluate` resolves it.

    The base year is the year the text names, else the year before ``year`` (previous year),
    else the plan baseline's year.  The base level is ``given`` when given; else the plan
    baseline's value when its year is the base year (always, when the text names no base).
    ``years`` defaults to ``year`` minus the base year (a ``years`` that says otherwise is
    refused); a value not after its base year has no base (no data), as in the engine.

    Args:
        change: The target's change.
        plan_baseline: The target's baseline ``(value, year)``, in the target's unit.
        given: The base level the caller gives (:data:`NOT_GIVEN`: the plan's).
        year: The year of the value, when known.
        years: The years from the base to the value, when the caller gives them.

    Examples:
        >>> change = Change(kind="relative", since=2020)
        >>> resolved_base(change, plan_baseline=(100.0, 2020), given=NOT_GIVEN, year=2025,
        ...               years=None)
        Base(value=100.0, year=2020, years=5)
        >>> resolved_base(change, plan_baseline=(100.0, 2019), given=NOT_GIVEN, year=2025,
        ...               years=None).value is None
        True
    """
    plan_value, plan_year = plan_baseline if plan_baseline is not None else (None, None)
    year = checked_year(year)
    base_year = _base_year(change, plan_year, year)
    value: float | None
    if not isinstance(given, _NotGiven):
        value = given
    else:
        value = plan_value if plan_year is not None and plan_year == base_year else None
    if year is not None and base_year is not None:
        span = year - base_year
        if span <= 0:  # not after the base year: no answer, however many years are given
            value = None
        elif years is not None and years != span:
            raise InvalidValueError(
                f"years={years!r} contradicts year={year!r}: the base year is {base_year}, "
                f"{span} years before; give one of them"
            )
        years = span if years is None or span <= 0 else years
    return Base(value, base_year, years)


def direction_of(raw: object) -> str:
    """An indicator's direction as written, or higher-is-better when it is not one (a bad
    direction is reported where it is written)."""
    return raw if isinstance(raw, str) and raw in tuple(Direction) else Direction.HIGHER_IS_BETTER
