"""Cross-checks of Phụ lục I: targets name defined indicators, in their units, one per row;
indicators name defined parents and components.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    _get,
    _ids,
    _items,
    _reference,
    _text,
)
from kh922core._targets.units import parse_unit
from kh922core.errors import UnitError

__all__ = []


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
