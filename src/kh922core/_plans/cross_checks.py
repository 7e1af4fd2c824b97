"""Cross-checks of a whole plan: ids are unique, references resolve, units agree.

The checks work on a validated :class:`~kh922core.Plan` *and* on the raw data of a plan file
(dicts and lists), so that the loader can report broken references together with field errors
in one report.  Each problem carries the path of the offending value, so that the loader can
name its line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kh922core._targets.units import parse_unit
from kh922core._text import did_you_mean, fold
from kh922core.errors import UnitError

__all__ = [
    "CROSS_PROBLEMS",
    "CrossProblem",
    "cross_problems",
    "report_cross_problems",
]

PathKey = tuple[str | int, ...]

#: Validation-context key: a list there collects cross-check problems instead of raising.
CROSS_PROBLEMS = "kh922core.cross_problems"
_ALIASES = {"from": "from_"}


@dataclass(frozen=True, slots=True)
class CrossProblem:
    """One problem that involves more than one field.

    Attributes:
        path: Path of the offending value, e.g. ``("targets", 3, "indicator")``.
        message: What is wrong and what was expected, in plain words.
        value: The offending value, or ``None``.
    """

    path: PathKey
    message: str
    value: object = None


def _get(item: object, name: str) -> Any:
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, _ALIASES.get(name, name), None)


def _items(item: object, name: str) -> list[Any]:
    value = _get(item, name)
    return list(value) if isinstance(value, list | tuple) else []


def _text(value: object) -> str | None:
    """A unit or deadline as its text (raw data holds the text, models hold an object)."""
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else None


def _as_date(value: object) -> date | None:
    """A date, or an ISO date text as raw data holds it; ``None`` otherwise."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _ids(items: list[Any]) -> list[str]:
    return [i for i in (_get(item, "id") for item in items) if isinstance(i, str)]


def _unique(section: str, items: list[Any], key: str, what: str) -> Iterator[CrossProblem]:
    first: dict[object, int] = {}
    for index, item in enumerate(items):
        value = _get(item, key)
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        if value in first:
            yield CrossProblem(
                (section, index, key),
                f"the {what} {value!r} is used twice (first at {section}[{first[value]}]); "
                f"every {what} must be different",
                value,
            )
        else:
            first[value] = index


def _reference(
    path: PathKey, value: object, known: Sequence[str], what: str, where: str
) -> Iterator[CrossProblem]:
    if isinstance(value, str) and value not in known:
        yield CrossProblem(
            path,
            f"names the {what} {value!r}, which is not defined {where}{did_you_mean(value, known)}",
            value,
        )


def _unit_problem(target: object, indicator: object, index: int) -> Iterator[CrossProblem]:
    written, expected = _text(_get(target, "unit")), _text(_get(indicator, "unit"))
    if written is None:
        return
    indicator_id = _get(indicator, "id")
    if expected is None:
        yield CrossProblem(
            ("targets", index, "unit"),
            f"has the unit {written!r} but its indicator {indicator_id!r} has no unit; "
            "give the indicator the unit, or remove it here",
            written,
        )
        return
    try:
        same = parse_unit(written).expression == parse_unit(expected).expression
    except UnitError:  # an unknown unit is reported where it is written
        return
    if not same:
        yield CrossProblem(
            ("targets", index, "unit"),
            f"the unit {written!r} does not match the unit {expected!r} of its indicator "
            f"{indicator_id!r}; a target is set in its indicator's unit",
            written,
        )


def _target_problems(plan: object) -> Iterator[CrossProblem]:
    indicators = {
        i: item for item in _items(plan, "indicators") if isinstance(i := _get(item, "id"), str)
    }
    known = list(indicators)
    rows: dict[tuple[object, object], int] = {}
    for index, target in enumerate(_items(plan, "targets")):
        indicator_id = _get(target, "indicator")
        yield from _reference(
            ("targets", index, "indicator"), indicator_id, known, "indicator", "under 'indicators'"
        )
        horizon, row, target_id = _get(target, "horizon"), _get(target, "row"), _get(target, "id")
        if isinstance(horizon, int) and not isinstance(horizon, bool) and isinstance(row, str):
            key = (horizon, row)
            if key in rows:
                yield CrossProblem(
                    ("targets", index, "row"),
                    f"row {row!r} appears twice under the horizon {horizon} "
                    f"(first at targets[{rows[key]}]); row numbers must differ within a horizon",
                    row,
                )
            else:
                rows[key] = index
            expected = f"{horizon}-{row}"
            if isinstance(target_id, str) and target_id != expected:
                yield CrossProblem(
                    ("targets", index, "id"),
                    f"a target's id is '<horizon>-<row>': expected {expected!r}",
                    target_id,
                )
        if isinstance(indicator_id, str) and indicator_id in indicators:
            yield from _unit_problem(target, indicators[indicator_id], index)


def _indicator_problems(plan: object) -> Iterator[CrossProblem]:
    indicators = _items(plan, "indicators")
    known = _ids(indicators)
    where = "under 'indicators'"
    for index, indicator in enumerate(indicators):
        parent = _get(indicator, "parent")
        if isinstance(parent, str) and parent == _get(indicator, "id"):
            yield CrossProblem(
                ("indicators", index, "parent"), "an indicator cannot be its own parent", parent
            )
        else:
            yield from _reference(
                ("indicators", index, "parent"), parent, known, "indicator", where
            )
        yield from _reference(
            ("indicators", index, "growth_of"),
            _get(indicator, "growth_of"),
            known,
            "indicator",
            where,
        )
        derived = _get(indicator, "derived")
        for part in ("numerator", "denominator"):
            yield from _reference(
                ("indicators", index, "derived", part),
                _get(derived, part),
                known,
                "indicator",
                where,
            )


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


_CHECKS: tuple[Callable[[object], Iterator[CrossProblem]], ...] = (
    _target_problems,
    _indicator_problems,
    _agency_problems,
    _link_problems,
    _reporting_problems,
)


def cross_problems(plan: object) -> list[CrossProblem]:
    """Every cross-field problem of a plan (a :class:`~kh922core.Plan` or a plan file's data).

    Args:
        plan: A validated plan, or the dict read from a plan file (agencies spliced in).

    Returns:
        The problems, in the order of the checks (duplicates, targets, indicators, agencies,
        links, reporting).

    Examples:
        >>> data = {"indicators": [{"id": "a"}], "targets": [
        ...     {"id": "2030-1", "indicator": "b", "horizon": 2030, "row": "1"}]}
        >>> [(p.path, p.message) for p in cross_problems(data)]
        [(('targets', 0, 'indicator'), "names the indicator 'b', which is not defined under 'indicators'")]
    """  # noqa: E501
    problems: list[CrossProblem] = []
    for section, key, what in (
        ("indicators", "id", "indicator id"),
        ("targets", "id", "target id"),
        ("agencies", "id", "agency id"),
        ("objectives", "id", "objective id"),
        ("legal_bases", "id", "legal basis id"),
        ("solution_groups", "id", "solution group id"),
        ("task_groups", "id", "task group id"),
        ("tasks", "id", "task id"),
        ("tasks", "number", "task number"),
    ):
        problems += _unique(section, _items(plan, section), key, what)
    for check in _CHECKS:
        problems += check(plan)
    return problems


def report_cross_problems(model: object, context: object) -> None:
    """Hand a validated model's cross-field problems to the loader, or refuse the model.

    The loader passes a list under :data:`CROSS_PROBLEMS` in the validation context and maps
    each problem to a line of the file; without it (``Plan.model_validate`` on a dict) the
    problems are raised together as one ``ValueError``.
    """
    problems = cross_problems(model)
    if not problems:
        return
    sink = context.get(CROSS_PROBLEMS) if isinstance(context, dict) else None
    if not isinstance(sink, list):
        raise ValueError("; ".join(p.message for p in problems))
    sink.extend(problems)
