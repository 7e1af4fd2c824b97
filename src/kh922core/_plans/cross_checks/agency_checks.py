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
    for section in ("targets", "tasks"):
        for index, item in enumerate(items_of(plan, section)):
            for role in ("lead_agencies", "cooperating_agencies"):
                for position, agency in enumerate(items_of(item, role)):
                    yield (section, index, role, position), agency
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
    """Each circle of successions once, named from its agency written first.

    The graph is walked once, depth first and without recursion (a chain of a thousand
    successions, or many ways to the same agency, take time in proportion to the successions).
    """
    graph: dict[str, list[str]] = {}
    for agency in agencies:
        agency_id = value_of(agency, "id")
        if isinstance(agency_id, str):
            successors = (value_of(x, "agency") for x in items_of(agency, "successors"))
            graph.setdefault(agency_id, []).extend(s for s in successors if isinstance(s, str))
    index = {agency_id: i for i, agency_id in enumerate(ids_of(agencies))}
    done: set[str] = set()
    cycles: list[list[str]] = []
    for root in graph:
        if root in done:
            continue
        way: list[str] = [root]
        position = {root: 0}
        stack = [iter(graph[root])]
        while stack:
            successor = next(stack[-1], None)
            if successor is None:
                stack.pop()
                finished = way.pop()
                del position[finished]
                done.add(finished)
                continue
            if successor in position:
                cycles.append(way[position[successor] :])
            elif successor not in done and successor in graph:
                position[successor] = len(way)
                way.append(successor)
                stack.append(iter(graph[successor]))
    reported: set[str] = set()
    for cycle in cycles:
        if reported & set(cycle):
            continue
        reported.update(cycle)
        first = min(range(len(cycle)), key=lambda i: index.get(cycle[i], len(index)))
        cycle = cycle[first:] + cycle[:first]
        yield CrossProblem(
            ("agencies", index[cycle[0]], "successors"),
            "successions go round in a circle: " + " → ".join([*cycle, cycle[0]]),
            cycle[0],
        )
