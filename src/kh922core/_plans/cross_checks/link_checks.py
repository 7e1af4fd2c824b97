"""Cross-checks of the links between sections: objectives to targets, claims to indicators,
section III to Phụ lục II, and the reporting dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    ids_of,
    items_of,
    unknown_reference,
    value_of,
)

__all__ = [
    "link_problems",
    "reporting_problems",
]


def link_problems(plan: object) -> Iterator[CrossProblem]:
    targets = ids_of(items_of(plan, "targets"))
    indicators = ids_of(items_of(plan, "indicators"))
    for index, objective in enumerate(items_of(plan, "objectives")):
        for position, target in enumerate(items_of(objective, "targets")):
            yield from unknown_reference(
                ("objectives", index, "targets", position),
                target,
                targets,
                "target",
                "under 'targets'",
            )
        for position, claim in enumerate(items_of(objective, "claims")):
            yield from unknown_reference(
                ("objectives", index, "claims", position, "indicator"),
                value_of(claim, "indicator"),
                indicators,
                "indicator",
                "under 'indicators'",
            )
    task_groups = ids_of(items_of(plan, "task_groups"))
    solution_groups = ids_of(items_of(plan, "solution_groups"))
    items: list[str] = []
    for index, group in enumerate(items_of(plan, "solution_groups")):
        if task_groups:
            yield from unknown_reference(
                ("solution_groups", index, "task_group"),
                value_of(group, "task_group"),
                task_groups,
                "task group",
                "under 'task_groups'",
            )
        seen: set[object] = set()
        for position, item in enumerate(items_of(group, "items")):
            letter = value_of(item, "letter")
            if letter in seen:
                yield CrossProblem(
                    ("solution_groups", index, "items", position, "letter"),
                    f"the letter {letter!r} is used twice in this group",
                    letter,
                )
            seen.add(letter)
            items.append(f"{value_of(group, 'id')}.{letter}")
            for number, claim in enumerate(items_of(item, "claims")):
                yield from unknown_reference(
                    ("solution_groups", index, "items", position, "claims", number, "indicator"),
                    value_of(claim, "indicator"),
                    indicators,
                    "indicator",
                    "under 'indicators'",
                )
    for index, group in enumerate(items_of(plan, "task_groups")):
        yield from unknown_reference(
            ("task_groups", index, "solution_group"),
            value_of(group, "solution_group"),
            solution_groups,
            "solution group",
            "under 'solution_groups'",
        )
    for index, task in enumerate(items_of(plan, "tasks")):
        if task_groups:
            yield from unknown_reference(
                ("tasks", index, "group"),
                value_of(task, "group"),
                task_groups,
                "task group",
                "under 'task_groups'",
            )
        for position, solution in enumerate(items_of(task, "solutions")):
            yield from unknown_reference(
                ("tasks", index, "solutions", position),
                solution,
                items,
                "section III item",
                "under 'solution_groups' (write '<group id>.<letter>', e.g. 'III.1.a')",
            )


def reporting_problems(plan: object) -> Iterator[CrossProblem]:
    reporting = value_of(plan, "reporting")
    for index, due in enumerate(items_of(reporting, "due") if reporting is not None else []):
        month, day = value_of(due, "month"), value_of(due, "day")
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
