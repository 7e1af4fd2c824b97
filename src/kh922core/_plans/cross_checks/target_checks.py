"""Cross-checks of Phụ lục I: targets name defined indicators, in their units, one per row;
indicators name defined parents and components.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    ids_of,
    items_of,
    text_of,
    unknown_reference,
    value_of,
)
from kh922core._targets import parse_unit
from kh922core.errors import UnitError

__all__ = [
    "indicator_problems",
    "target_problems",
]


def _unit_problem(target: object, indicator: object, index: int) -> Iterator[CrossProblem]:
    written, expected = text_of(value_of(target, "unit")), text_of(value_of(indicator, "unit"))
    if written is None:
        return
    indicator_id = value_of(indicator, "id")
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


def target_problems(plan: object) -> Iterator[CrossProblem]:
    indicators = {
        i: item
        for item in items_of(plan, "indicators")
        if isinstance(i := value_of(item, "id"), str)
    }
    known = list(indicators)
    rows: dict[tuple[object, object], int] = {}
    for index, target in enumerate(items_of(plan, "targets")):
        indicator_id = value_of(target, "indicator")
        yield from unknown_reference(
            ("targets", index, "indicator"), indicator_id, known, "indicator", "under 'indicators'"
        )
        horizon, row, target_id = (
            value_of(target, "horizon"),
            value_of(target, "row"),
            value_of(target, "id"),
        )
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


def indicator_problems(plan: object) -> Iterator[CrossProblem]:
    indicators = items_of(plan, "indicators")
    known = ids_of(indicators)
    where = "under 'indicators'"
    for index, indicator in enumerate(indicators):
        parent = value_of(indicator, "parent")
        if isinstance(parent, str) and parent == value_of(indicator, "id"):
            yield CrossProblem(
                ("indicators", index, "parent"), "an indicator cannot be its own parent", parent
            )
        else:
            yield from unknown_reference(
                ("indicators", index, "parent"), parent, known, "indicator", where
            )
        yield from unknown_reference(
            ("indicators", index, "growth_of"),
            value_of(indicator, "growth_of"),
            known,
            "indicator",
            where,
        )
        derived = value_of(indicator, "derived")
        for part in ("numerator", "denominator"):
            yield from unknown_reference(
                ("indicators", index, "derived", part),
                value_of(derived, part),
                known,
                "indicator",
                where,
            )
