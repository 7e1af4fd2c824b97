"""Cross-checks of the agencies: every agency named is in the registry, every spelling names one
agency, dates are in order, successions do not go round in a circle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    PathKey,
    _as_date,
    _get,
    _ids,
    _items,
    _reference,
)
from kh922core._text import fold

__all__ = []


def _agency_uses(plan: object) -> Iterator[tuple[PathKey, object]]:
    for index, target in enumerate(_items(plan, "targets")):
        for position, agency in enumerate(_items(target, "lead_agencies")):
            yield ("targets", index, "lead_agencies", position), agency
    for index, task in enumerate(_items(plan, "tasks")):
        for role in ("lead_agencies", "cooperating_agencies"):
            for position, agency in enumerate(_items(task, role)):
                yield ("tasks", index, role, position), agency
    for index, agency in enumerate(_items(plan, "agencies")):
        for position, succession in enumerate(_items(agency, "successors")):
            yield ("agencies", index, "successors", position, "agency"), _get(succession, "agency")
    yield ("issuer",), _get(plan, "issuer")
    reporting = _get(plan, "reporting")
    if reporting is not None:
        yield ("reporting", "recipient"), _get(reporting, "recipient")
        yield ("reporting", "via"), _get(reporting, "via")


def _agency_problems(plan: object) -> Iterator[CrossProblem]:
    agencies = _items(plan, "agencies")
    if not agencies:
        return
    known = _ids(agencies)
    for path, agency in _agency_uses(plan):
        yield from _reference(path, agency, known, "agency", "in the agency registry")
    spellings: dict[str, str] = {}
    for index, agency in enumerate(agencies):
        agency_id = _get(agency, "id")
        names: list[tuple[str | int, object]] = [("name", _get(agency, "name"))]
        names += list(enumerate(_items(agency, "aliases")))
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
        since, until = _as_date(_get(agency, "since")), _as_date(_get(agency, "until"))
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
            s for s in (_get(x, "agency") for x in _items(a, "successors")) if isinstance(s, str)
        ]
        for a in agencies
        if isinstance(agency_id := _get(a, "id"), str)
    }
    index = {agency_id: i for i, agency_id in enumerate(_ids(agencies))}
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
