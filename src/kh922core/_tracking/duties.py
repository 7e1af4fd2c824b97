"""Who answers for what on a date: agencies named in words, and their duties after succession.

The 2025 reorganisation merged departments and districts; an agency's targets and tasks pass to
its successors on the day a succession takes effect.  The calendar and the templates both ask
"which agency is this?" and "what does it report on, on this day?": the answers live here.
"""

from __future__ import annotations

from collections.abc import Iterable

from kh922core._dates import DateLike, as_date, optional_date
from kh922core._plans import Plan

__all__ = ["agency_duties", "resolve_agency", "responsible_agencies"]


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
