"""The indicators a plan measures and the targets it sets for them (Phụ lục I).

A target keeps its verbatim text and the meaning read from it (its ``spec``), and answers the
questions of the engine about one value: is it met, what status, how far to go.

Examples:
    >>> import kh922core
    >>> target = kh922core.load_plan().target("2030-5.1")
    >>> target.indicator, target.text, target.is_met(80.0)
    ('online-public-service-usage', '≥ 80', True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import Field, ValidationInfo, field_validator
from pydantic.json_schema import SkipJsonSchema

from kh922core._plans.fields import (
    FiniteFloat,
    FrozenModel,
    Slug,
    StrictFloat,
    StrictInt,
    Text,
    UnitField,
    Year,
)
from kh922core._plans.target_changes import (
    NOT_GIVEN,
    ChangeField,
    checked_change,
    resolved_base,
)
from kh922core._targets import (
    CohortPolicy,
    Direction,
    Status,
    TargetSpec,
    Unit,
    conversion_factor,
    is_number,
    parse_unit,
    written_float,
)
from kh922core.errors import IncompatibleUnitError, Kh922Error

__all__ = ["Baseline", "Derived", "Indicator", "Target"]

_T = TypeVar("_T")


class Derived(FrozenModel):
    """An indicator computed as numerator / denominator, scaled into the indicator's unit."""

    numerator: Slug
    denominator: Slug
    scale: StrictFloat | None = None


class Indicator(FrozenModel):
    """Something the plan measures.

    Attributes:
        id: Stable ASCII slug.
        name: The Vietnamese name, verbatim.
        unit: The unit (verbatim text plus its parsed meaning); ``None`` for a qualitative row.
        direction: ``higher_is_better``, ``lower_is_better`` or ``band``.
        parent: The indicator this one details (row 15.1 details row 15).
        derived: How to compute it from two component indicators.
        growth_of: For an average-annual-growth indicator, the level indicator it grows.
        source: Where it comes from (``component`` for indicators the plan text does not print).
    """

    id: Slug
    name: Text
    unit: UnitField | None
    direction: Direction
    parent: Slug | None = None
    derived: Derived | None = None
    growth_of: Slug | None = None
    source: str | None = None


class Target(FrozenModel):
    """One target of Phụ lục I: an indicator, a horizon, and the verbatim text with its meaning.

    ``spec`` is parsed from ``text`` with the indicator's direction and unit when the plan is
    validated; it is not written back to files (``text`` is the source of truth).  ``change``
    is the reading the plan file states, when it states one (a change's mapping, or ``level``);
    it wins over the one inferred from the text.  A target that
    gives no ``unit`` of its own is set in its indicator's, which the plan keeps beside it
    (``indicator_unit``, not written back either): values given with a ``unit=`` are converted
    to that one, as :func:`kh922core.evaluate` does.
    """

    id: Text
    indicator: Slug
    horizon: Year
    section: str | None = None
    row: Text
    name: str | None = None
    unit: UnitField | None = None
    text: Text
    lead_agencies: tuple[Slug, ...] = ()
    lead_agencies_text: str | None = None
    cooperating_agencies: tuple[Slug, ...] = ()
    cooperating_agencies_text: str | None = None
    baseline: Baseline | None = None
    spec: Annotated[TargetSpec, Field(exclude=True), SkipJsonSchema()]
    cohort_at_adoption: Annotated[StrictInt | None, Field(exclude=True), SkipJsonSchema()] = None
    approximate_tolerance: Annotated[StrictFloat | None, Field(exclude=True), SkipJsonSchema()] = (
        None
    )
    indicator_unit: Annotated[UnitField | None, Field(exclude=True), SkipJsonSchema()] = None
    change: Annotated[
        ChangeField | None,
        Field(
            description="The reading the plan states, which wins over the one inferred from the "
            "text: how a change target measures its change ({kind, since, previous_year, "
            "falling}), or 'level' (the number bounds the level)."
        ),
    ] = None

    @property
    def measure_unit(self) -> Unit | None:
        """The unit values are compared in: the target's own, else its indicator's (``None``:
        neither has one, e.g. a target in words).

        Examples:
            >>> import kh922core
            >>> kh922core.load_plan().target("2030-3").measure_unit.text
            '%'
        """
        return self.unit if self.unit is not None else self.indicator_unit

    @field_validator("spec", mode="before")
    @classmethod
    def _spec_failed(cls, value: object) -> object:
        if isinstance(value, Kh922Error):
            raise ValueError(str(value))
        return value

    @field_validator("change", mode="wrap")
    @classmethod
    def _change_fits(cls, value: object, _: object, info: ValidationInfo) -> ChangeField | None:
        return checked_change(info.data.get("id"), info.data.get("spec"), value)

    def _options(self, options: dict[str, Any]) -> dict[str, Any]:
        merged: dict[str, Any] = {
            "tolerance": self.approximate_tolerance,
            "adopted_cohort": self.cohort_at_adoption,
        }
        merged.update({k: v for k, v in options.items() if v is not None})
        return merged

    def _ask(
        self,
        question: Callable[..., _T],
        value: float | bool | None,
        unit: str | Unit | None,
        base: tuple[object, float | None, int | None],
        given: tuple[float | None, CohortPolicy, int | None],
    ) -> _T:
        """Convert ``value`` into the target's unit and ask the spec ``question`` about it (for a
        change target, with its base: ``base`` is ``(baseline, years, year)`` as given), with
        the options ``given`` (``tolerance``, ``cohort_policy``, ``cohort_size``)."""
        options = dict(zip(("tolerance", "cohort_policy", "cohort_size"), given, strict=True))
        keywords = self._base(unit, *base)
        return question(self._convert(value, unit), **keywords, **self._options(options))

    def _base(
        self, unit: str | Unit | None, baseline: object, years: float | None, year: int | None
    ) -> dict[str, Any]:
        """The spec's ``baseline=`` and ``years=`` for a change target (nothing for a level)."""
        change = self.spec.change
        if change is None:
            return {}
        given: Any = baseline
        if baseline is not NOT_GIVEN and baseline is not None:
            given = self._convert(baseline, unit)  # type: ignore[arg-type]
        plan = None if self.baseline is None else (self.baseline.value, self.baseline.year)
        found = resolved_base(change, plan_baseline=plan, given=given, year=year, years=years)
        return {"baseline": found.value, "years": found.years}

    def _convert(self, value: float | bool | None, unit: str | Unit | None) -> float | bool | None:
        """``value`` in :attr:`measure_unit`.  No unit, or an empty or blank unit text, means
        the value is in it already; a unit is checked even for a missing value, as the engine
        checks every unit of an observations table."""
        if unit is None or (isinstance(unit, str) and not unit.strip()):
            return value
        given = parse_unit(unit) if isinstance(unit, str) else unit
        if self.spec.criterion().qualitative:  # only an assessment judges: no number is read
            return value
        own = self.measure_unit
        if own is None:
            raise IncompatibleUnitError(
                given.text,
                "(no unit)",
                f"target {self.id!r} and its indicator {self.indicator!r} have no unit; "
                "leave the unit empty",
            )
        factor = conversion_factor(given, own)
        if not is_number(value):
            return value  # the spec says what is wrong with it
        return written_float(value) * factor  # type: ignore[arg-type]

    def is_met(
        self,
        value: float | bool | None,
        *,
        unit: str | Unit | None = None,
        baseline: float | object | None = NOT_GIVEN,
        years: float | None = None,
        year: int | None = None,
        tolerance: float | None = None,
        cohort_policy: CohortPolicy = "absolute",
        cohort_size: int | None = None,
    ) -> bool | None:
        """Whether ``value`` (in ``unit``, default the target's) meets this target.

        For a change target (``tăng 20% so với năm 2020``) the number compared is the size of
        the change from its base: ``baseline`` is the level at the base (in ``unit`` too;
        ``None``: unknown, no answer), by default the target's plan ``baseline`` when its year
        is the base year (always, when the text names no base); ``year`` is the year of
        ``value``, from which ``years`` (from the base to the value, for the per-year changes)
        follows unless given; a value not after its base year has no answer, as in
        :func:`kh922core.evaluate`.  A level target ignores the three.

        Examples:
            >>> import kh922core
            >>> target = kh922core.load_plan().target("2030-3")
            >>> target.text, target.is_met(0.55, unit="fraction"), target.is_met(54.9)
            ('≥ 55', True, False)
        """
        return self._ask(
            self.spec.is_met,
            value,
            unit,
            (baseline, years, year),
            (tolerance, cohort_policy, cohort_size),
        )

    def status(
        self,
        value: float | bool | None,
        *,
        unit: str | Unit | None = None,
        baseline: float | object | None = NOT_GIVEN,
        years: float | None = None,
        year: int | None = None,
        tolerance: float | None = None,
        cohort_policy: CohortPolicy = "absolute",
        cohort_size: int | None = None,
    ) -> Status:
        """The :class:`Status` of ``value`` against this target."""
        return self._ask(
            self.spec.status,
            value,
            unit,
            (baseline, years, year),
            (tolerance, cohort_policy, cohort_size),
        )

    def shortfall(
        self,
        value: float | bool | None,
        *,
        unit: str | Unit | None = None,
        baseline: float | object | None = NOT_GIVEN,
        years: float | None = None,
        year: int | None = None,
        tolerance: float | None = None,
        cohort_policy: CohortPolicy = "absolute",
        cohort_size: int | None = None,
    ) -> float | None:
        """Distance still to go in the target's unit: 0 when met, ``None`` when unknown."""
        return self._ask(
            self.spec.shortfall,
            value,
            unit,
            (baseline, years, year),
            (tolerance, cohort_policy, cohort_size),
        )

    def attainment(
        self,
        value: float | bool | None,
        *,
        unit: str | Unit | None = None,
        baseline: float | object | None = NOT_GIVEN,
        years: float | None = None,
        year: int | None = None,
        tolerance: float | None = None,
        cohort_policy: CohortPolicy = "absolute",
        cohort_size: int | None = None,
    ) -> float | None:
        """Value over threshold (threshold over value when lower is better); ``None`` where it
        means nothing (bands, qualitative targets, a zero denominator)."""
        return self._ask(
            self.spec.attainment,
            value,
            unit,
            (baseline, years, year),
            (tolerance, cohort_policy, cohort_size),
        )


class Baseline(FrozenModel):
    """A starting value a target is tracked from."""

    value: FiniteFloat
    year: Year
    source: str | None = None


Target.model_rebuild()
