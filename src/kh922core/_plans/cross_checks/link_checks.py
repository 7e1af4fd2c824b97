"""Cross-checks of the links between sections: objectives to targets, claims to indicators,
section III to Phụ lục II, and the reporting dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    _get,
    _ids,
    _items,
    _reference,
)

__all__ = []


def _link_problems(plan: object) -> Iterator[CrossProblem]:
    targets = _ids(_items(plan, "targets"))
    indicators = _ids(_items(plan, "indicators"))
    for index, objective in enumerate(_items(plan, "objectives")):
        for position, target in enumerate(_items(objective, "targets")):
            yield from _reference(
                ("objectives", index, "targets", position),
                target,
                targets,
                "target",
                "under 'targets'",
            )
        for position, claim in enumerate(_items(objective, "claims")):
            yield from _reference(
                ("objectives", index, "claims", position, "indicator"),
                _get(claim, "indicator"),
                indicators,
                "indicator",
                "under 'indicators'",
            )
    task_groups = _ids(_items(plan, "task_groups"))
    solution_groups = _ids(_items(plan, "solution_groups"))
    items: list[str] = []
    for index, group in enumerate(_items(plan, "solution_groups")):
        if task_groups:
            yield from _reference(
                ("solution_groups", index, "task_group"),
                _get(group, "task_group"),
                task_groups,
                "task group",
                "under 'task_groups'",
            )
        seen: set[object] = set()
        for position, item in enumerate(_items(group, "items")):
            letter = _get(item, "letter")
            if letter in seen:
                yield CrossProblem(
                    ("solution_groups", index, "items", position, "letter"),
                    f"the letter {letter!r} is used twice in this group",
                    letter,
                )
            seen.add(letter)
            items.append(f"{_get(group, 'id')}.{letter}")
            for number, claim in enumerate(_items(item, "claims")):
                yield from _reference(
                    ("solution_groups", index, "items", position, "claims", number, "indicator"),
                    _get(claim, "indicator"),
                    indicators,
                    "indicator",
                    "under 'indicators'",
                )
    for index, group in enumerate(_items(plan, "task_groups")):
        yield from _reference(
            ("task_groups", index, "solution_group"),
            _get(group, "solution_group"),
            solution_groups,
            "solution group",
            "under 'solution_groups'",
        )
    for index, task in enumerate(_items(plan, "tasks")):
        if task_groups:
            yield from _reference(
                ("tasks", index, "group"),
                _get(task, "group"),
                task_groups,
                "task group",
                "under 'task_groups'",
            )
        for position, solution in enumerate(_items(task, "solutions")):
            yield from _reference(
                ("tasks", index, "solutions", position),
                solution,
                items,
                "section III item",
                "under 'solution_groups' (write '<group id>.<letter>', e.g. 'III.1.a')",
            )


def _reporting_problems(plan: object) -> Iterator[CrossProblem]:
    reporting = _get(plan, "reporting")
    for index, due in enumerate(_items(reporting, "due") if reporting is not None else []):
        month, day = _get(due, "month"), _get(due, "day")
        if not (isinstance(month, int) and isinstance(day, int)):
            continue
        try:
            date(2024, month, day)  # a leap year: 29 February is a valid yearly date
        except ValueError:
            yield CrossProblem(
                ("reporting", "due", index),
                f"there is no day {day}/{month} in a year",
                f"{day}/{month}",
            )
