"""The typed model of an action plan: the plan and its parts.

Every model is a frozen pydantic v2 model that forbids unknown keys, built from the strict field
types of :mod:`kh922core._plans.fields`.  The indicators and targets of Phụ lục I live in
:mod:`kh922core._plans.indicators`, the tasks of Phụ lục II in :mod:`kh922core._plans.tasks`, the
agencies in the agency registry (:mod:`kh922core._plans.agencies`); this module holds the rest
(sections I-IV) and :class:`Plan`, which ties them together.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, Protocol, TypeVar

from pydantic import Field, ValidationInfo, model_validator

from kh922core._dates import DateLike, as_date
from kh922core._plans.agencies import Agency, AgencyRegistry, Responsibility
from kh922core._plans.cross_checks import report_cross_problems
from kh922core._plans.fields import FrozenModel, IsoDate, Slug, StrictFloat, StrictInt, Text, Year
from kh922core._plans.indicators import Baseline, Derived, Indicator, Target
from kh922core._plans.target_changes import direction_of, parsed_spec
from kh922core._plans.tasks import Task, TaskGroup
from kh922core._targets import DEFAULT_APPROXIMATE_TOLERANCE, RankGroup, Unit, parse_unit
from kh922core.errors import (
    Kh922Error,
    UnknownAgencyError,
    UnknownIdError,
    UnknownIndicatorError,
    UnknownTargetError,
    UnknownTaskError,
)

# A plan's parts defined beside it (indicators, targets, tasks) are exported from here too: this
# is the one module to import a plan's types from.
__all__ = [
    "Baseline",
    "Claim",
    "Cohort",
    "Derived",
    "Indicator",
    "LegalBasis",
    "Objective",
    "Plan",
    "Province",
    "Reporting",
    "ReportingDate",
    "Signer",
    "SolutionGroup",
    "SolutionItem",
    "Target",
    "Task",
    "TaskGroup",
]


class Province(FrozenModel):
    """The province a plan belongs to."""

    name: Text
    code: Text


class Signer(FrozenModel):
    """Who signed the plan."""

    name: Text
    title: Text
    on_behalf_of: str | None = None


class Cohort(FrozenModel):
    """The set of provinces a rank was set against."""

    size: StrictInt = Field(ge=1)
    as_of: IsoDate
    note: str | None = None


class LegalBasis(FrozenModel):
    """A legal document the plan cites."""

    id: Slug
    number: str | None
    date: IsoDate | None = None
    issuer: str | None = None
    title: str | None = None


class Claim(FrozenModel):
    """A quantified statement in the narrative (section II or III) of the plan."""

    text: Text
    quote: Text
    indicator: Slug | None = None
    unit: str | None = None
    horizon: Year | None = None


class Objective(FrozenModel):
    """A general or specific objective (section II), verbatim."""

    id: Slug
    kind: Literal["general", "specific"]
    horizon: Year | None = None
    source: Text
    text: Text
    targets: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()


class SolutionItem(FrozenModel):
    """A lettered item of section III, verbatim."""

    letter: Text
    text: Text
    claims: tuple[Claim, ...] = ()


class SolutionGroup(FrozenModel):
    """One of the seven groups of tasks and solutions of section III."""

    id: Text
    number: StrictInt
    title: Text
    task_group: str | None = None
    items: tuple[SolutionItem, ...] = ()


class ReportingDate(FrozenModel):
    """A day of the year by which a periodic report is due."""

    month: StrictInt = Field(ge=1, le=12)
    day: StrictInt = Field(ge=1, le=31)


class Reporting(FrozenModel):
    """The reporting duty of section IV."""

    text: Text
    due: tuple[ReportingDate, ...]
    recipient: Slug
    via: Slug | None = None
    reporters: str | None = None


def _unit_of(indicator: object) -> Unit | None:
    """The unit of an indicator (a mapping or an :class:`Indicator`), ``None`` when it has none
    or one that does not parse (reported where it is written)."""
    unit = indicator.unit if isinstance(indicator, Indicator) else None
    if isinstance(indicator, dict):
        unit = indicator.get("unit")
    if isinstance(unit, dict):
        unit = unit.get("text")
    if isinstance(unit, str):
        try:
            return parse_unit(unit)
        except Kh922Error:
            return None
    return unit if isinstance(unit, Unit) else None


def _with_indicator_unit(raw: object, units: dict[str, Unit | None]) -> object:
    """A target (a mapping or a :class:`Target`) told its indicator's unit."""
    if isinstance(raw, Target) and raw.indicator_unit != units.get(raw.indicator):
        return raw.model_copy(update={"indicator_unit": units.get(raw.indicator)})
    if isinstance(raw, dict):
        indicator = raw.get("indicator")
        unit = units.get(indicator) if isinstance(indicator, str) else None
        return {**raw, "indicator_unit": unit}
    return raw


def _prepare_targets(data: Any) -> Any:
    """Parse each target's text with its indicator's direction and unit, and tell it its
    indicator's unit (before validation)."""
    if not isinstance(data, dict):
        return data
    indicators = {
        raw.get("id"): raw
        for raw in data.get("indicators") or ()
        if isinstance(raw, dict) and isinstance(raw.get("id"), str)
    }
    units = {
        key: _unit_of(raw)
        for raw in data.get("indicators") or ()
        if isinstance(key := raw.get("id") if isinstance(raw, dict) else getattr(raw, "id", 0), str)
    }
    cohort = data.get("rank_cohort")
    cohort_size = cohort.get("size") if isinstance(cohort, dict) else None
    tolerance = data.get("approximate_tolerance", DEFAULT_APPROXIMATE_TOLERANCE)  # the default
    prepared = []
    for raw in data.get("targets") or ():
        raw = _with_indicator_unit(raw, units)
        if not isinstance(raw, dict) or "spec" in raw:
            prepared.append(raw)
            continue
        indicator_id = raw.get("indicator")
        indicator = indicators.get(indicator_id) if isinstance(indicator_id, str) else None
        text = raw.get("text")
        if indicator is not None and isinstance(text, str):
            unit_text = raw.get("unit") or indicator.get("unit")
            direction = direction_of(indicator.get("direction"))  # a bad one: reported there
            try:
                unit = parse_unit(unit_text) if isinstance(unit_text, str) else None
            except Kh922Error:  # an unknown unit is reported where it is written
                unit = None
            try:  # with the reading the plan states, which wins over the inferred one
                name = indicator.get("name")
                name = name if isinstance(name, str) else None
                raw["spec"] = parsed_spec(text, direction, unit, raw.get("change"), name)
            except Kh922Error as error:
                raw["spec"] = error
            except ValueError as error:
                raw["spec"] = Kh922Error(str(error))
        spec = raw.get("spec")
        if isinstance(spec, RankGroup) and spec.cohort is not None:
            raw["cohort_at_adoption"] = spec.cohort  # the text names its own cohort
        elif isinstance(cohort_size, int) and isinstance(spec, RankGroup):
            raw.setdefault("cohort_at_adoption", cohort_size)
        if isinstance(tolerance, float):
            raw.setdefault("approximate_tolerance", tolerance)
        prepared.append(raw)
    return {**data, "targets": prepared}


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_Identified)


def _find(
    items: tuple[_Item, ...], item_id: str, error: type[UnknownIdError], missing: str
) -> _Item:
    """The item with this id, else ``error`` saying ``missing`` and the id."""
    for item in items:
        if item.id == item_id:
            return item
    raise error(f"{missing} {item_id!r}")


class Wording(FrozenModel):
    """Files of the province's own wording, layered on the shipped tables when the plan loads.

    Paths are relative to the plan file; each file has the syntax of the shipped table it adds
    to (see :func:`kh922core.add_target_phrases` and :func:`kh922core.add_unit_texts`).
    """

    target_phrases: tuple[Text, ...] = ()
    unit_texts: tuple[Text, ...] = ()


class Plan(FrozenModel):
    """A whole action plan.

    Examples:
        >>> import kh922core
        >>> plan = kh922core.load_plan()
        >>> plan.number, len(plan.targets), len(plan.tasks)
        ('922/KH-UBND', 38, 44)
        >>> plan
        Plan(id='ben-tre-922-2025', number='922/KH-UBND', province='Bến Tre', 38 targets, 44 tasks)
    """

    schema_version: Literal[1] = 1
    id: Slug
    number: Text
    title: Text
    date: IsoDate
    province: Province
    issuer: Slug
    signer: Signer | None = None
    agencies: tuple[Agency, ...] = ()
    wording: Wording | None = None
    rank_cohort: Cohort | None = None
    approximate_tolerance: StrictFloat = Field(default=DEFAULT_APPROXIMATE_TOLERANCE, ge=0, lt=1)
    legal_bases: tuple[LegalBasis, ...] = ()
    purpose: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    objectives: tuple[Objective, ...] = ()
    indicators: tuple[Indicator, ...]
    targets: tuple[Target, ...]
    solution_groups: tuple[SolutionGroup, ...] = ()
    task_groups: tuple[TaskGroup, ...] = ()
    tasks: tuple[Task, ...] = ()
    reporting: Reporting | None = None
    implementation: tuple[str, ...] = ()

    _prepare = model_validator(mode="before")(_prepare_targets)

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> Plan:
        # Cross-checks live in cross_checks/ (shared with the loader, which maps each to a line).
        report_cross_problems(self, info.context)
        return self

    @property
    def registry(self) -> AgencyRegistry:
        """The plan's agencies as an :class:`~kh922core.AgencyRegistry` (lookup by abbreviation)."""
        return AgencyRegistry(self.agencies)

    def __repr__(self) -> str:
        """A short form: a whole plan printed in a log or a notebook is about 100 KB."""
        return (
            f"Plan(id={self.id!r}, number={self.number!r}, province={self.province.name!r}, "
            f"{len(self.targets)} targets, {len(self.tasks)} tasks)"
        )

    __str__ = __repr__

    def responsible(
        self,
        item: Target | Task | str,
        as_of: DateLike | None = None,
        *,
        role: Literal["lead", "cooperating", "all"] = "lead",
    ) -> tuple[Responsibility, ...]:
        """Who carries a target or task on ``as_of``, after the 2025 reorganisation.

        Args:
            item: A target, a task, or the id of one (``"2030-5.1"``, ``"task-17"``).
            as_of: The day asked about (a date, a datetime or ``"YYYY-MM-DD"``); default today.
            role: ``lead`` (Cơ quan chủ trì, default), ``cooperating`` (Cơ quan phối hợp) or
                ``all``.

        Returns:
            One :class:`~kh922core.Responsibility` per agency carrying it (see
            :meth:`AgencyRegistry.responsible`).

        Examples:
            >>> from kh922core import load_plan
            >>> plan = load_plan()
            >>> [r.agency for r in plan.responsible("task-17", date(2025, 2, 14))]
            ['so-khcn', 'so-tttt', 'so-khdt']
            >>> [(r.agency, r.printed) for r in plan.responsible("task-17", date(2025, 3, 1))]
            [('so-khcn', ('so-khcn', 'so-tttt')), ('so-tai-chinh', ('so-khdt',))]
        """
        if isinstance(item, str):
            item = self._target_or_task(item)
        agencies: tuple[str, ...] = ()
        if role in ("lead", "all"):
            agencies += item.lead_agencies
        if role in ("cooperating", "all"):
            agencies += item.cooperating_agencies
        day = date.today() if as_of is None else as_date(as_of, "as_of")
        return self.registry.responsible(agencies, day)

    def _target_or_task(self, item_id: str) -> Target | Task:
        for target in self.targets:
            if target.id == item_id:
                return target
        for task in self.tasks:
            if task.id == item_id:
                return task
        raise UnknownIdError(f"plan {self.id!r} has no target or task {item_id!r}")

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id.

        Raises:
            UnknownIndicatorError: When the plan has no such indicator.
        """
        return _find(
            self.indicators,
            indicator_id,
            UnknownIndicatorError,
            f"plan {self.id!r} has no indicator",
        )

    def target(self, target_id: str) -> Target:
        """The target with this id (``"<horizon>-<row>"``, e.g. ``"2030-5.1"``).

        Raises:
            UnknownTargetError: When the plan has no such target (a ``KeyError``).
        """
        return _find(self.targets, target_id, UnknownTargetError, f"plan {self.id!r} has no target")

    def targets_of(self, indicator_id: str) -> tuple[Target, ...]:
        """All targets of one indicator, in plan order."""
        self.indicator(indicator_id)
        return tuple(t for t in self.targets if t.indicator == indicator_id)

    def agency(self, agency_id: str) -> Agency:
        """The agency with this id.

        Raises:
            UnknownAgencyError: When the registry has no such agency.
        """
        return _find(
            self.agencies, agency_id, UnknownAgencyError, f"plan {self.id!r} has no agency"
        )

    def task(self, task_id: str) -> Task:
        """The task with this id (``"task-01"``).

        Raises:
            UnknownTaskError: When the plan has no such task (a ``KeyError``).
        """
        return _find(self.tasks, task_id, UnknownTaskError, f"plan {self.id!r} has no task")
