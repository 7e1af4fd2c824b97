"""What the audit reports (a :class:`Finding` of a :class:`Severity`), the :class:`AuditRule`
that finds it, and where in the printed plan a target or task stands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kh922core._plans.model import Indicator, Plan, Target, Task

__all__ = [
    "AuditContext",
    "AuditRule",
    "Finding",
    "Severity",
    "indicator_of",
    "target_source",
    "task_source",
]


class Severity(StrEnum):
    """How much a finding matters."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the audit noticed.

    Attributes:
        code: The rule's code, e.g. ``"KH001"``.
        severity: ``info``, ``warning`` or ``error``.
        location: Where in the plan data, e.g. ``"objectives[specific-2030-2].claims[3]"``.
        source: Where in the printed plan, e.g. ``"Mục II.2.a"`` or ``"Phụ lục II, nhiệm vụ 17"``.
        message: What was noticed, in plain words.
    """

    code: str
    severity: Severity
    location: str
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code} {self.location} ({self.source}): {self.message}"


@dataclass(frozen=True, slots=True)
class AuditContext:
    """What every rule looks at: the plan, and the day it is judged on (``None``: no day)."""

    plan: Plan
    as_of: date | None


@dataclass(frozen=True, slots=True)
class AuditRule:
    """One audit rule.

    Attributes:
        code: Its code (``KH001`` …).
        name: A short name.
        description: What it looks for.
        needs_date: Whether it runs only when the audit is given a date (``as_of``).
        check: The function that yields its findings.
    """

    code: str
    name: str
    description: str
    needs_date: bool
    check: Callable[[AuditContext], Iterable[Finding]]


# ---------------------------------------------------------------------------------------------
# Where things are
# ---------------------------------------------------------------------------------------------


def target_source(target: Target) -> str:
    """Where a target is printed (``"Phụ lục I, mục I, dòng 5.1"``)."""
    section = f"mục {target.section}, " if target.section else ""
    return f"Phụ lục I, {section}dòng {target.row}"


def task_source(task: Task) -> str:
    """Where a task is printed (``"Phụ lục II, nhiệm vụ 17"``)."""
    return f"Phụ lục II, nhiệm vụ {task.number}"


def indicator_of(plan: Plan, indicator_id: str | None) -> Indicator | None:
    """The plan's indicator with this id, or ``None``."""
    return next((i for i in plan.indicators if i.id == indicator_id), None)
