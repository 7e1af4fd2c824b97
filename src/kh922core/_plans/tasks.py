"""The tasks of Phụ lục II and their groups, with their agencies and deadlines.

Examples:
    >>> import kh922core
    >>> task = kh922core.load_plan().task("task-17")
    >>> task.group, task.lead_agencies, task.deadline.text
    ('III', ('so-khcn', 'so-tttt', 'so-khdt'), 'Năm 2030')
"""

from __future__ import annotations

from kh922core._plans.fields import DeadlineField, FrozenModel, Slug, StrictInt, Text

__all__ = ["Task", "TaskGroup"]


class TaskGroup(FrozenModel):
    """A group (I-VII) of Phụ lục II."""

    id: Text
    title: Text
    solution_group: str | None = None


class Task(FrozenModel):
    """A task of Phụ lục II with its agencies and deadline."""

    id: Slug
    number: StrictInt
    group: Text
    name: Text
    lead_agencies: tuple[Slug, ...] = ()
    lead_agencies_text: str | None = None
    cooperating_agencies: tuple[Slug, ...] = ()
    cooperating_agencies_text: str | None = None
    deadline: DeadlineField
    solutions: tuple[str, ...] = ()
