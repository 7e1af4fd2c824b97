"""Who carries an agency's duties on a date: the successions walked once, without recursion.

:meth:`kh922core._plans.agencies.AgencyRegistry.responsible` asks :func:`walk_successions`; the walk
visits each agency once however many ways lead to it (a "diamond ladder" of 73 agencies has
2**24 ways from top to bottom), keeps its way on a list rather than on the Python stack (a chain
of a thousand successions is as easy as one of two), and does not follow a succession back to an
agency on the way (a circle, which the loader refuses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Protocol

__all__ = ["walk_successions"]


class _Succession(Protocol):
    @property
    def agency(self) -> str: ...
    @property
    def from_(self) -> date: ...
    @property
    def scope(self) -> str: ...
    @property
    def note(self) -> str | None: ...


class _Agency(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def successors(self) -> Sequence[_Succession]: ...


def walk_successions(
    get: Callable[[str], _Agency], start: str, as_of: date
) -> list[tuple[str, tuple[str, ...]]]:
    """The agencies that carry ``start``'s duties on ``as_of``, each with the notes of the way.

    Successions that have taken effect by ``as_of`` are followed; a ``partial`` one is only
    noted.  The notes of a carrier are those of every way that leads to it, in the order a
    depth-first walk meets them (each once).

    Args:
        get: The agency of an id (raises for an unknown one).
        start: The agency the plan prints.
        as_of: The day asked about.

    Returns:
        ``(carrier id, notes)`` in the order the walk reaches the carriers.
    """
    notes: list[str] = []
    own: dict[str, list[int]] = {}  # agency → the notes of its partial successions
    into: dict[str, list[tuple[str, int]]] = {}  # agency → (where from, note) of each step in
    holders: list[str] = []
    on_way: set[str] = set()

    def visit(agency_id: str) -> Iterator[_Succession]:
        agency = get(agency_id)
        on_way.add(agency_id)
        effective = [s for s in agency.successors if s.from_ <= as_of and s.agency not in on_way]
        own[agency_id] = []
        for s in effective:
            if s.scope == "partial":
                own[agency_id].append(len(notes))
                notes.append(
                    f"{get(s.agency).name} took over part of {agency.name}'s duties "
                    f"from {s.from_.isoformat()}" + (f" ({s.note})" if s.note else "")
                )
        moved = [s for s in effective if s.scope == "all"]
        if not moved:
            holders.append(agency_id)
        return iter(moved)

    stack = [(start, visit(start))]
    while stack:
        agency_id, moves = stack[-1]
        succession = next(moves, None)
        if succession is None:
            stack.pop()
            on_way.discard(agency_id)
            continue
        successor = get(succession.agency)
        step = f"{get(agency_id).name} → {successor.name} from {succession.from_.isoformat()}"
        into.setdefault(successor.id, []).append((agency_id, len(notes)))
        notes.append(step + (f" ({succession.note})" if succession.note else ""))
        if successor.id not in own:
            stack.append((successor.id, visit(successor.id)))
    result = []
    for holder in holders:
        found = set(own[holder])
        reached, todo = {holder}, [holder]
        while todo:
            for source, note in into.get(todo.pop(), ()):
                found.add(note)
                if source not in reached:
                    reached.add(source)
                    found.update(own[source])
                    todo.append(source)
        result.append((holder, tuple(dict.fromkeys(notes[i] for i in sorted(found)))))
    return result
