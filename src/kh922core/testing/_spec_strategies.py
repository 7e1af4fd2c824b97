"""Hypothesis strategies for target kinds and values: :mod:`kh922core.testing.strategies`
re-exports them (use them from there); they live here so that each module stays small."""

from __future__ import annotations

import math
from typing import assert_never

from hypothesis import strategies as st

from kh922core._targets import (
    KIND_NAMES,
    Approximate,
    ChangeKind,
    Comparison,
    Direction,
    KindName,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    TargetSpec,
)
from kh922core.testing import _change_strategies as change_strategies

__all__ = [
    "boundary_values",
    "change_specs",
    "directions",
    "finite_numbers",
    "target_specs",
    "values",
]

_UNITS = (None, "%", "% GRDP", "người/vạn dân", "%/năm")
_NOTES = (None, "của tỉnh", "cấp tỉnh")
_WORDS = ("Tiên tiến, hiện đại", "Hoàn thành", "Đạt chuẩn quốc gia")
#: The kinds that bound a number (and may bound a change).
_NUMBER_KINDS: tuple[KindName, ...] = ("comparison", "range", "approximate")


def directions() -> st.SearchStrategy[Direction]:
    """Any indicator direction."""
    return st.sampled_from(list(Direction))


def finite_numbers(max_magnitude: float = 1e12) -> st.SearchStrategy[float]:
    """Finite floats of moderate magnitude, as targets and observations hold."""
    return st.floats(
        min_value=-max_magnitude, max_value=max_magnitude, allow_nan=False, allow_infinity=False
    )


def _thresholds() -> st.SearchStrategy[float]:
    return st.one_of(
        st.integers(min_value=0, max_value=100_000).map(float),
        st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    )


@st.composite
def _ranges(
    draw: st.DrawFn,
    direction: Direction,
    units: tuple[str | None, ...],
    numbers: st.SearchStrategy[float],
) -> Range:
    low = draw(numbers)
    width = draw(st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False))
    return Range(
        low=low,
        high=low + width,
        unit=draw(st.sampled_from(units)),
        note=draw(st.sampled_from(_NOTES)),
        direction=direction,
    )


@st.composite
def target_specs(
    draw: st.DrawFn,
    direction: Direction | None = None,
    *,
    kinds: tuple[KindName, ...] = KIND_NAMES,
    units: tuple[str | None, ...] = _UNITS,
    changes: bool = False,
) -> TargetSpec:
    """Any parsed target kind, with units and notes that the grammar reads back.

    Args:
        draw: Supplied by Hypothesis.
        direction: Fix the direction; by default any.
        kinds: Which kinds to draw from (``"comparison"``, ``"range"``, ``"rank_group"``,
            ``"approximate"``, ``"qualitative"``).
        units: The unit texts a target with a number may write after it (``None``: none); by
            default ``%``, ``% GRDP``, ``người/vạn dân`` and ``%/năm``, or none.
        changes: Whether a target with a number may bound a change (half of them do; see
            :func:`change_specs`); default not (a change target asks for its base).
    """
    spec = draw(_level_specs(direction, kinds, units, _thresholds()))
    if changes and spec.kind in _NUMBER_KINDS and draw(st.booleans()):
        return spec.model_copy(update={"change": draw(change_strategies.changes())})
    return spec


@st.composite
def change_specs(
    draw: st.DrawFn,
    direction: Direction | None = None,
    *,
    kinds: tuple[KindName, ...] = _NUMBER_KINDS,
    units: tuple[str | None, ...] = _UNITS,
    change_kinds: tuple[ChangeKind | str, ...] = tuple(ChangeKind),
    bases: tuple[str, ...] = ("since", "previous_year", "plan"),
    years: tuple[int, int] = (2015, 2035),
) -> TargetSpec:
    """Targets that bound a change of the level (``tăng ≥ 20% so với năm 2023``): a comparison,
    a range or an approximate number of :func:`change_sizes`, with a change of :func:`changes`.

    Args:
        draw: Supplied by Hypothesis.
        direction: Fix the indicator's direction; by default any (a change reads its number as
            higher is better whatever the direction).
        kinds: Which kinds to draw from (``"comparison"``, ``"range"``, ``"approximate"``).
        units: The unit texts the number may carry.
        change_kinds: The kinds of change (:class:`~kh922core.ChangeKind` values).
        bases: The bases of :func:`changes`.
        years: The first and last base year a text may name.
    """
    spec = draw(_level_specs(direction, kinds, units, change_strategies.change_sizes()))
    drawn = change_strategies.changes(change_kinds, bases=bases, years=years)
    return spec.model_copy(update={"change": draw(drawn)})


@st.composite
def _level_specs(
    draw: st.DrawFn,
    direction: Direction | None,
    kinds: tuple[KindName, ...],
    units: tuple[str | None, ...],
    numbers: st.SearchStrategy[float],
) -> TargetSpec:
    chosen = direction if direction is not None else draw(directions())
    kind = draw(st.sampled_from(kinds))
    unit = draw(st.sampled_from(units))
    note = draw(st.sampled_from(_NOTES))
    match kind:
        case "comparison":
            operator, value = draw(st.sampled_from(list(Operator))), draw(numbers)
            if operator is Operator.TARGET and value == 0 and chosen is Direction.HIGHER_IS_BETTER:
                operator = Operator.GE  # a bare 0 better higher is refused: every level meets it
            return Comparison(
                operator=operator,
                value=value,
                unit=unit,
                note=note,
                direction=chosen,
            )
        case "range":
            drawn = draw(_ranges(chosen, units, numbers))
            if drawn.low == 0 and chosen is Direction.HIGHER_IS_BETTER:  # refused: see below
                return drawn.model_copy(update={"low": 1.0, "high": drawn.high + 1.0})
            return drawn
        case "rank_group":
            size = draw(st.integers(min_value=1, max_value=100))
            cohort = draw(st.one_of(st.none(), st.integers(min_value=size, max_value=120)))
            return RankGroup(size=size, cohort=cohort, note=note)
        case "approximate":
            value = draw(numbers)
            if value == 0 and chosen is Direction.HIGHER_IS_BETTER:
                value = 1.0  # about 0 better higher is refused: every level meets it
            return Approximate(value=value, unit=unit, note=note, direction=chosen)
        case "qualitative":
            words = draw(st.sampled_from(_WORDS))
            return Qualitative(text=words, direction=chosen)
        case _:  # a kind without its case here is a mypy error
            assert_never(kind)


#: Approximate tolerances whose bounds generated values hug (those the tests and plans use).
_TOLERANCES = (None, 0.0, 0.05, 0.1, 0.2, 0.25)


def _bounds(spec: TargetSpec) -> list[float]:
    """The numbers at which ``spec`` may change its answer, read from its criterion."""
    numbers = {n for tolerance in _TOLERANCES for n in spec.criterion(tolerance=tolerance).numbers}
    return sorted(numbers) or [0.0]


@st.composite
def boundary_values(draw: st.DrawFn, spec: TargetSpec) -> float:
    """Values at, just around, and far from the bounds of ``spec``."""
    bound = draw(st.sampled_from(_bounds(spec)))
    step = draw(st.sampled_from([0.0, 1e-12, 1e-9, 1e-6, 0.01, 0.5, 1.0, 10.0]))
    sign = draw(st.sampled_from([-1.0, 1.0]))
    value = bound + sign * step * max(1.0, abs(bound))
    return value if math.isfinite(value) else bound


def values(spec: TargetSpec | None = None) -> st.SearchStrategy[float | None]:
    """Observation values: missing, NaN, infinities, ordinary numbers, and (given ``spec``)
    values hugging its boundaries."""
    options: list[st.SearchStrategy[float | None]] = [
        st.none(),
        st.just(math.nan),
        st.sampled_from([math.inf, -math.inf]),
        finite_numbers(),
    ]
    if spec is not None:
        options.append(boundary_values(spec))
    return st.one_of(*options)
