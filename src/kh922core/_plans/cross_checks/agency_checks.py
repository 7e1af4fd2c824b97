"""Cross-checks of the agencies: every agency named is in the registry, every spelling names one
agency, dates are in order, successions do not go round in a circle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    PathKey,
    date_or_none,
    ids_of,
    items_of,
    unknown_reference,
    value_of,
)
from kh922core._text import fold

__all__ = [
    "agency_problems",
]


def _agency_uses(plan: object) -> Iterator[tuple[PathKey, object]]:
    for index, target in enumerate(items_of(plan, "targets")):
        for position, agency in enumerate(items_of(target, "lead_agencies")):
            yield ("targets", index, "lead_agencies", position), agency
    for index, task in enumerate(items_of(plan, "tasks")):
        for role in ("lead_agencies", "cooperating_agencies"):
            for position, agency in enumerate(items_of(task, role)):
                yield ("tasks", index, role, position), agency
    for index, agency in enumerate(items_of(plan, "agencies")):
        for position, succession in enumerate(items_of(agency, "successors")):
            yield (
                ("agencies", index, "successors", position, "agency"),
                value_of(succession, "agency"),
            )
    yield ("issuer",), value_of(plan, "issuer")
    reporting = value_of(plan, "reporting")
    if reporting is not None:
        yield ("reporting", "recipient"), value_of(reporting, "recipient")
        yield ("reporting", "via"), value_of(reporting, "via")


def agency_problems(plan: object) -> Iterator[CrossProblem]:
    agencies = items_of(plan, "agencies")
    if not agencies:
        return
    known = ids_of(agencies)
    for path, agency in _agency_uses(plan):
        yield from unknown_reference(path, agency, known, "agency", "in the agency registry")
    spellings: dict[str, str] = {}
    for index, agency in enumerate(agencies):
        agency_id = value_of(agency, "id")
        names: list[tuple[str | int, object]] = [("name", value_of(agency, "name"))]
        names += list(enumerate(items_of(agency, "aliases")))
        for position, name in names:
            if not isinstance(name, str) or not isinstance(agency_id, str):
                continue
            owner = spellings.setdefault(fold(name), agency_id)
            if owner != agency_id:
                where: PathKey = (
                    ("agencies", index, "name")
                    if position == "name"
                    else ("agencies", index, "aliases", position)
                )
                yield CrossProblem(
                    where,
                    f"the spelling {name!r} already names the agency {owner!r}; "
                    "a name or alias must belong to one agency only",
                    name,
                )
        since, until = (
            date_or_none(value_of(agency, "since")),
            date_or_none(value_of(agency, "until")),
        )
        if since is not None and until is not None and until <= since:
            yield CrossProblem(
                ("agencies", index, "until"),
                f"'until' ({until}) must come after 'since' ({since})",
                str(until),
            )
    yield from _succession_cycles(agencies)


def _succession_cycles(agencies: list[Any]) -> Iterator[CrossProblem]:
    graph = {
        agency_id: [
            s
            for s in (value_of(x, "agency") for x in items_of(a, "successors"))
            if isinstance(s, str)
        ]
        for a in agencies
        if isinstance(agency_id := value_of(a, "id"), str)
    }
    index = {agency_id: i for i, agency_id in enumerate(ids_of(agencies))}
    reported: set[str] = set()

    def walk(node: str, trail: list[str]) -> list[str] | None:
        if node in trail:
            return [*trail[trail.index(node) :], node]
        for successor in graph.get(node, ()):
            cycle = walk(successor, [*trail, node])
            if cycle is not None:
                return cycle
        return None

    for agency_id in graph:
        cycle = walk(agency_id, [])
        if cycle is not None and cycle[0] == agency_id and not reported & set(cycle):
            reported.update(cycle)
            yield CrossProblem(
                ("agencies", index[agency_id], "successors"),
                "successions go round in a circle: " + " → ".join(cycle),
                agency_id,
            )
