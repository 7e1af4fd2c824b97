"""Who answers for what on a date: agencies named in words, and their duties after succession.

The 2025 reorganisation merged departments and districts; an agency's targets and tasks pass to
its successors on the day a succession takes effect.  The calendar and the templates both ask
"which agency is this?" and "what does it report on, on this day?": the answers live here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kh922core._dates import DateLike, as_date, optional_date
from kh922core._plans import Plan

__all__ = [
    "Takeover",
    "agency_duties",
    "leads_on",
    "printed_duties",
    "resolve_agency",
    "responsible_agencies",
    "takeover",
]


def resolve_agency(plan: Plan, agency: str) -> str:
    """An agency id from its id, name or an alias (ignoring case and spacing).

    Raises:
        kh922core.errors.UnknownAgencyError: No agency is called so.

    Examples:
        >>> import kh922core
        >>> resolve_agency(kh922core.load_plan(), "Sở Y tế")
        'so-y-te'
    """
    return plan.registry.find(agency).id


def responsible_agencies(
    plan: Plan, agency_ids: str | Iterable[str], as_of: DateLike
) -> tuple[str, ...]:
    """The agencies that carry the duties of ``agency_ids`` on ``as_of``, after succession.

    A shortcut over :meth:`kh922core.Plan.responsible` (the agency registry's successions:
    transitive, dated, and an agency with several successors hands its duties to all of them).

    Args:
        plan: The plan.
        agency_ids: One agency id, or several (a single text is one id, not a list of letters).
        as_of: The day asked about: a date, a datetime or ``"YYYY-MM-DD"``.

    Examples:
        >>> import kh922core
        >>> plan = kh922core.load_plan()
        >>> responsible_agencies(plan, "so-khdt", "2025-02-28")
        ('so-khdt',)
        >>> responsible_agencies(plan, "so-khdt", "2025-03-01")
        ('so-tai-chinh',)
    """
    ids = [agency_ids] if isinstance(agency_ids, str) else list(agency_ids)
    day = as_date(as_of, "as_of")
    return tuple(r.agency for r in plan.registry.responsible(ids, day))


def agency_duties(plan: Plan, as_of: DateLike | None) -> dict[str, tuple[list[str], list[str]]]:
    """For each responsible agency: the targets and tasks it answers for on ``as_of``.

    Without a date, the leads as printed in the plan.

    Examples:
        >>> import kh922core
        >>> targets, tasks = agency_duties(kh922core.load_plan(), "2025-06-01")["so-y-te"]
        >>> targets, tasks
        (['2030-22'], [])
    """
    day = optional_date(as_of, "as_of")
    duties: dict[str, tuple[list[str], list[str]]] = {}
    registry = plan.registry

    def carry(leads: tuple[str, ...]) -> list[str]:
        if day is None:
            return list(dict.fromkeys(leads))
        return [r.agency for r in registry.responsible(leads, day)]

    for target in plan.targets:
        for agency in carry(target.lead_agencies):
            duties.setdefault(agency, ([], []))[0].append(target.id)
    for task in plan.tasks:
        for agency in carry(task.lead_agencies):
            duties.setdefault(agency, ([], []))[1].append(task.id)
    return duties


@dataclass(frozen=True, slots=True)
class Takeover:
    """Who carries the duties of an agency that no longer carries them itself on a day.

    Attributes:
        agency: The agency asked about.
        ended: The day it stopped carrying its duties (its end, else its first succession).
        carriers: The agencies that carry all of its duties on the day (after every step of
            succession); empty when it ended and nobody is recorded as taking over.
        partial: ``(agency, from, note)`` of the agencies that took over a named part of them.
    """

    agency: str
    ended: date
    carriers: tuple[str, ...]
    partial: tuple[tuple[str, date, str | None], ...] = ()


def takeover(plan: Plan, agency_id: str, as_of: DateLike) -> Takeover | None:
    """Who took over ``agency_id``'s duties by ``as_of``; ``None`` while it carries them itself.

    An agency that does not exist yet on the day carries no duty and took nothing over: ``None``.

    Examples:
        >>> import kh922core
        >>> plan = kh922core.load_plan()
        >>> found = takeover(plan, "so-tttt", "2026-11-28")
        >>> found.carriers, found.ended, [p[0] for p in found.partial]
        (('so-khcn',), datetime.date(2025, 3, 1), ['so-vhttdl'])
        >>> takeover(plan, "so-tttt", "2025-02-28") is None
        True
    """
    day = as_date(as_of, "as_of")
    registry = plan.registry
    agency = registry.get(agency_id)
    if agency.since is not None and day < agency.since:
        return None
    carried = registry.responsible([agency_id], day)
    moved = [r.agency for r in carried if r.agency != agency_id]
    ended = agency.until is not None and agency.until <= day
    if not moved and not ended:
        return None
    partial: list[tuple[str, date, str | None]] = []
    chain, seen = [agency_id], {agency_id}
    while chain:
        current = registry.get(chain.pop(0))
        for succession in registry.successors_on(current.id, day):
            if succession.scope == "partial":
                partial.append((succession.agency, succession.from_, succession.note))
            elif succession.agency not in seen:
                seen.add(succession.agency)
                chain.append(succession.agency)
    starts = [s.from_ for s in registry.successors_on(agency_id, day)]
    end = agency.until if agency.until is not None else min(starts)
    return Takeover(agency_id, end, tuple(moved), tuple(partial))


def printed_duties(plan: Plan, agency_id: str) -> tuple[list[str], list[str]]:
    """The targets and tasks the plan prints ``agency_id`` as leading (before any succession).

    Examples:
        >>> import kh922core
        >>> printed_duties(kh922core.load_plan(), "so-khdt")
        ([], ['task-17', 'task-43', 'task-44'])
    """
    targets = [t.id for t in plan.targets if agency_id in t.lead_agencies]
    tasks = [t.id for t in plan.tasks if agency_id in t.lead_agencies]
    return targets, tasks


def leads_on(plan: Plan, as_of: DateLike) -> Plan:
    """The plan with the lead agencies of every target and task those responsible on ``as_of``.

    What :func:`kh922core.summarize` needs to group by ``lead_agency`` after succession.

    Examples:
        >>> import kh922core
        >>> plan = kh922core.load_plan()
        >>> plan.target("2030-2").lead_agencies
        ('so-tttt',)
        >>> leads_on(plan, "2025-06-01").target("2030-2").lead_agencies
        ('so-khcn',)
    """
    day = as_date(as_of, "as_of")
    registry = plan.registry

    def carriers(leads: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(r.agency for r in registry.responsible(leads, day))

    targets = tuple(
        t.model_copy(update={"lead_agencies": carriers(t.lead_agencies)}) for t in plan.targets
    )
    tasks = tuple(
        t.model_copy(update={"lead_agencies": carriers(t.lead_agencies)}) for t in plan.tasks
    )
    return plan.model_copy(update={"targets": targets, "tasks": tasks})
