"""Unit conversion factors for the distinct units of an observations table.

The engine never calls pint per row: it collects the distinct ``(indicator, unit)`` pairs of the
observations (a tiny frame), computes one factor per pair and target here, in Python, with
:func:`~kh922core.conversion_factor` (cached per pair of units), and joins the factors back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kh922core._engine.compile import CompiledTarget
from kh922core._targets import Unit, conversion_factor, parse_unit
from kh922core.errors import IncompatibleUnitError, UnitError

__all__ = ["PairFactors", "UnitProblem", "resolve_units"]


@dataclass(frozen=True, slots=True)
class UnitProblem:
    """A unit of some observations that cannot be used for an indicator."""

    indicator: str
    unit: str
    message: str


@dataclass(frozen=True, slots=True)
class PairFactors:
    """Factors of one ``(indicator, unit)`` pair: one per target of the indicator (``None`` for a
    qualitative target, whose value is never read)."""

    indicator: str
    unit: str | None
    factors: tuple[float | None, ...]


def _factor(unit: Unit, target: CompiledTarget) -> float | None:
    if target.qualitative:
        return None
    if target.unit is None:
        raise IncompatibleUnitError(
            unit.text,
            "(no unit)",
            f"target {target.target_id!r} and its indicator {target.indicator!r} have no unit; "
            "leave the unit empty",
        )
    return conversion_factor(unit, target.unit)


def resolve_units(
    pairs: Iterable[tuple[str, str | None]],
    targets: Mapping[str, tuple[CompiledTarget, ...]],
    indicator_units: Mapping[str, Unit | None],
) -> tuple[list[PairFactors], list[UnitProblem]]:
    """Conversion factors of each ``(indicator, unit)`` pair to each target of the indicator.

    A missing unit (``None``), or an empty or blank unit text, means the value is already in the
    target's unit (factor 1).  An indicator without targets (a component of a derived indicator)
    is checked against its own unit.  The loop is over distinct pairs, never over rows.

    Args:
        pairs: Distinct ``(indicator id, unit text)`` pairs of the observations; every indicator
            id must be known.
        targets: Compiled targets by indicator id.
        indicator_units: Each known indicator's unit.

    Returns:
        The factors of the pairs that convert, and one problem per pair that does not.

    Examples:
        >>> from kh922core._engine.compile import compile_targets
        >>> from kh922core import load_plan
        >>> plan = load_plan()
        >>> units = {i.id: i.unit for i in plan.indicators}
        >>> factors, problems = resolve_units(
        ...     [("tfp-contribution", "fraction"), ("tfp-contribution", "% GRDP")],
        ...     compile_targets(plan), units)
        >>> factors[0].factors, problems[0].message
        ((100.0,), "cannot convert unit '% GRDP' to '%' (dimension [grdp_share] is not dimensionless)")
    """  # noqa: E501
    resolved: list[PairFactors] = []
    problems: list[UnitProblem] = []
    for indicator, text in pairs:
        compiled = targets.get(indicator, ())
        if text is None or not text.strip():  # the pair keeps its text: rows find it by it
            resolved.append(
                PairFactors(
                    indicator, text, tuple(None if t.qualitative else 1.0 for t in compiled)
                )
            )
            continue
        try:
            unit = parse_unit(text)
            factors = tuple(_factor(unit, target) for target in compiled)
            own = indicator_units.get(indicator)
            if not compiled and own is not None:
                conversion_factor(unit, own)
        except UnitError as error:
            problems.append(UnitProblem(indicator, text, str(error)))
            continue
        resolved.append(PairFactors(indicator, text, factors))
    return resolved, problems
