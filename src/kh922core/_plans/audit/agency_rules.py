"""Rules KH008-KH013: agency cells, who leads, and agencies that do not (yet, or any longer)
exist.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh922core._plans.audit.findings import (
    AuditContext,
    Finding,
    Severity,
    target_source,
    task_source,
)
from kh922core._plans.indicators import Target
from kh922core._plans.model import Plan
from kh922core._plans.tasks import Task

__all__ = [
    "agency_cells",
    "agency_gone",
    "agency_not_yet",
    "collective_lead",
    "lead_cooperates",
]


def _cells(plan: Plan) -> Iterator[tuple[str, str, str, str | None, tuple[str, ...]]]:
    for target in plan.targets:
        yield (
            f"targets[{target.id}]",
            target_source(target),
            "lead_agencies",
            target.lead_agencies_text,
            target.lead_agencies,
        )
        yield (
            f"targets[{target.id}]",
            target_source(target),
            "cooperating_agencies",
            target.cooperating_agencies_text,
            target.cooperating_agencies,
        )
    for task in plan.tasks:
        yield (
            f"tasks[{task.id}]",
            task_source(task),
            "lead_agencies",
            task.lead_agencies_text,
            task.lead_agencies,
        )
        yield (
            f"tasks[{task.id}]",
            task_source(task),
            "cooperating_agencies",
            task.cooperating_agencies_text,
            task.cooperating_agencies,
        )


_ROLE = {"lead_agencies": "lead", "cooperating_agencies": "cooperating"}


def agency_cells(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    if not plan.agencies:
        return
    registry = plan.registry
    for location, source, role, text, ids in _cells(plan):
        if text is None:
            continue
        reading = registry.read_cell(text)
        cell = f"the {_ROLE[role]} cell {text!r}"
        if reading.unknown:
            pieces = ", ".join(repr(p) for p in reading.unknown)
            yield Finding(
                "KH008",
                Severity.WARNING,
                location,
                source,
                f"{cell} names {pieces}, which the agency registry does not know "
                "(add the spelling as an alias, or correct the cell)",
            )
        elif set(reading.ids) != set(ids):
            yield Finding(
                "KH008",
                Severity.WARNING,
                location,
                source,
                f"{cell} reads as {list(reading.ids)}, but {role} lists {list(ids)}",
            )
        for left, right in reading.unseparated:
            yield Finding(
                "KH009",
                Severity.INFO,
                location,
                source,
                f"{cell} has no comma between {registry.get(left).name!r} and "
                f"{registry.get(right).name!r}",
            )
        if reading.trailing is not None:
            yield Finding(
                "KH009",
                Severity.INFO,
                location,
                source,
                f"{cell} ends with {reading.trailing!r}: an agency may be missing after it",
            )


def collective_lead(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    if not plan.agencies:
        return
    registry = plan.registry
    items: list[tuple[str, str, tuple[str, ...]]] = [
        (f"targets[{t.id}]", target_source(t), t.lead_agencies) for t in plan.targets
    ]
    items += [(f"tasks[{t.id}]", task_source(t), t.lead_agencies) for t in plan.tasks]
    for location, source, leads in items:
        agencies = [registry.get(a) for a in leads if a in registry]
        if agencies and all(a.level == "collective" for a in agencies):
            names = ", ".join(repr(a.name) for a in agencies)
            yield Finding(
                "KH010",
                Severity.INFO,
                location,
                source,
                f"led only by a group ({names}): no single body is accountable for it",
            )


def lead_cooperates(context: AuditContext) -> Iterator[Finding]:
    items: list[tuple[str, str, Target | Task]] = [
        (f"targets[{t.id}]", target_source(t), t) for t in context.plan.targets
    ]
    items += [(f"tasks[{t.id}]", task_source(t), t) for t in context.plan.tasks]
    for location, source, item in items:
        both = [a for a in item.lead_agencies if a in item.cooperating_agencies]
        if both:
            what = "target" if location.startswith("targets") else "task"
            yield Finding(
                "KH011",
                Severity.WARNING,
                location,
                source,
                f"{', '.join(repr(a) for a in both)} both leads and cooperates on this {what}",
            )


def agency_not_yet(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    if not plan.agencies:
        return
    registry = plan.registry
    for location, source, role, _text, ids in _cells(plan):
        for agency_id in ids:
            agency = registry.get(agency_id) if agency_id in registry else None
            if agency is not None and agency.since is not None and plan.date < agency.since:
                yield Finding(
                    "KH012",
                    Severity.WARNING,
                    location,
                    source,
                    f"{_ROLE[role]} agency {agency.name!r} exists only from "
                    f"{agency.since.isoformat()}, after the plan's date {plan.date.isoformat()}",
                )


def agency_gone(context: AuditContext) -> Iterator[Finding]:
    plan, as_of = context.plan, context.as_of
    if not plan.agencies or as_of is None:
        return
    registry = plan.registry
    duties: list[tuple[str, str, tuple[str, ...], str]] = [
        (f"targets[{t.id}]", target_source(t), t.lead_agencies, "leads") for t in plan.targets
    ]
    duties += [
        (f"targets[{t.id}]", target_source(t), t.cooperating_agencies, "cooperates on")
        for t in plan.targets
    ]
    for task in plan.tasks:
        duties.append((f"tasks[{task.id}]", task_source(task), task.lead_agencies, "leads"))
        duties.append(
            (f"tasks[{task.id}]", task_source(task), task.cooperating_agencies, "cooperates on")
        )
    duties.append(("issuer", "the plan's issuer", (plan.issuer,), "issued"))
    if plan.reporting is not None:
        duties.append(("reporting.recipient", "reporting", (plan.reporting.recipient,), "receives"))
        if plan.reporting.via is not None:
            duties.append(("reporting.via", "reporting", (plan.reporting.via,), "collects"))
    day = as_of.isoformat()
    for location, source, agencies, verb in duties:
        for agency_id in agencies:
            if agency_id not in registry or registry.exists_on(agency_id, as_of):
                continue
            agency = registry.get(agency_id)
            if agency.since is not None and as_of < agency.since:
                continue  # not yet created: reported by KH012 where it matters
            holders = [c for c in registry.responsible([agency_id], as_of) if c.exists]
            gone = f"{agency.name!r}, which {verb} it, no longer exists on {day}"
            if holders:
                steps = [
                    registry.get(s.agency).name + (f" ({s.note})" if s.note else "")
                    for s in registry.successors_on(agency_id, as_of)
                ]
                direct = {s.agency for s in registry.successors_on(agency_id, as_of)}
                now = [c.name for c in holders if c.agency not in direct]
                message = f"{gone}; it passes to " + "; ".join(steps)
                if now:
                    message += "; now carried by " + "; ".join(now)
                yield Finding("KH013", Severity.INFO, location, source, message)
            else:
                yield Finding(
                    "KH013",
                    Severity.ERROR,
                    location,
                    source,
                    f"{gone}, and no successor is recorded: nobody carries it",
                )
