"""Hypothesis strategies for kh922core's data: numbers, target kinds, values near boundaries.

Import them in downstream test suites (needs the ``test`` extra, which brings Hypothesis)::

    from hypothesis import given
    from kh922core.testing import strategies as kst

    @given(kst.target_specs(), kst.values())
    def test_my_dashboard_never_crashes(spec, value): ...
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from kh922core._specs import (
    Approximate,
    Comparison,
    Direction,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    TargetSpec,
)

__all__ = [
    "boundary_values",
    "directions",
    "finite_numbers",
    "target_specs",
    "values",
]

_UNITS = (None, "%", "% GRDP", "người/vạn dân", "%/năm")
_NOTES = (None, "của tỉnh", "cấp tỉnh")


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
def _ranges(draw: st.DrawFn, direction: Direction) -> Range:
    low = draw(_thresholds())
    width = draw(st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False))
    return Range(
        low=low,
        high=low + width,
        unit=draw(st.sampled_from(_UNITS)),
        note=draw(st.sampled_from(_NOTES)),
        direction=direction,
    )


@st.composite
def target_specs(
    draw: st.DrawFn,
    direction: Direction | None = None,
    *,
    kinds: tuple[str, ...] = ("comparison", "range", "rank_group", "approximate", "qualitative"),
) -> TargetSpec:
    """Any parsed target kind, with units and notes that the grammar reads back.

    Args:
        draw: Supplied by Hypothesis.
        direction: Fix the direction; by default any.
        kinds: Which kinds to draw from.
    """
    chosen = direction if direction is not None else draw(directions())
    kind = draw(st.sampled_from(kinds))
    unit = draw(st.sampled_from(_UNITS))
    note = draw(st.sampled_from(_NOTES))
    if kind == "comparison":
        return Comparison(
            operator=draw(st.sampled_from(list(Operator))),
            value=draw(_thresholds()),
            unit=unit,
            note=note,
            direction=chosen,
        )
    if kind == "range":
        return draw(_ranges(chosen))
    if kind == "rank_group":
        return RankGroup(size=draw(st.integers(min_value=1, max_value=100)), note=note)
    if kind == "approximate":
        return Approximate(value=draw(_thresholds()), unit=unit, note=note, direction=chosen)
    words = draw(st.sampled_from(["Tiên tiến, hiện đại", "Hoàn thành", "Đạt chuẩn quốc gia"]))
    return Qualitative(text=words, direction=chosen)


def _bounds(spec: TargetSpec) -> list[float]:
    if isinstance(spec, Comparison | Approximate):
        return [spec.value, spec.value * 0.95, spec.value * 1.05]
    if isinstance(spec, Range):
        return [spec.low, spec.high]
    if isinstance(spec, RankGroup):
        return [float(spec.size)]
    return [0.0]


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
