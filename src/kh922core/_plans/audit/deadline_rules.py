"""Rules KH014-KH015: task deadlines against the plan's date and the audit date."""

from __future__ import annotations

from collections.abc import Iterator

from kh922core._plans.audit.findings import (
    Finding,
    Severity,
    _Context,
    _task_source,
)

__all__ = []


# ---------------------------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------------------------


def _deadline_before_plan(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    for task in plan.tasks:
        due = task.deadline.due
        if due is not None and due < plan.date:
            yield Finding(
                "KH014",
                Severity.WARNING,
                f"tasks[{task.id}]",
                _task_source(task),
                f"the deadline {task.deadline.text!r} ({due.isoformat()}) is before the plan's "
                f"own date ({plan.date.isoformat()})",
            )


def _deadline_passed(context: _Context) -> Iterator[Finding]:
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
                _task_source(task),
                f"the deadline {task.deadline.text!r} fell on {due.isoformat()}, "
                f"before {as_of.isoformat()}",
            )
