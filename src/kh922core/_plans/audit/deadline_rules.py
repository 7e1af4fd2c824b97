"""Rules KH014-KH015: task deadlines against the plan's date and the audit date."""

from __future__ import annotations

from collections.abc import Iterator

from kh922core._plans.audit.findings import (
    AuditContext,
    Finding,
    Severity,
    task_source,
)

__all__ = [
    "deadline_before_plan",
    "deadline_passed",
]


def deadline_before_plan(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    for task in plan.tasks:
        due = task.deadline.due
        if due is not None and due < plan.date:
            yield Finding(
                "KH014",
                Severity.WARNING,
                f"tasks[{task.id}]",
                task_source(task),
                f"the deadline {task.deadline.text!r} ({due.isoformat()}) is before the plan's "
                f"own date ({plan.date.isoformat()})",
            )


def deadline_passed(context: AuditContext) -> Iterator[Finding]:
    as_of = context.as_of
    if as_of is None:
        return
    for task in context.plan.tasks:
        due = task.deadline.due
        if due is not None and due < as_of:
            yield Finding(
                "KH015",
                Severity.INFO,
                f"tasks[{task.id}]",
                task_source(task),
                f"the deadline {task.deadline.text!r} fell on {due.isoformat()}, "
                f"before {as_of.isoformat()}",
            )
