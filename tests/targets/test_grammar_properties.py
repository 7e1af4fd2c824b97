"""Properties of the grammar and of the scalar reference semantics."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kh922core import (
    Comparison,
    Direction,
    RankGroup,
    TargetParseError,
    conversion_factor,
    format_number,
    parse_number,
    parse_target,
)
from kh922core.testing import strategies as kst

finite = st.floats(allow_nan=False, allow_infinity=False)
moderate = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=300)
@given(kst.target_specs())
def test_render_parses_back_to_an_equal_spec(spec: object) -> None:
    text = spec.render()  # type: ignore[attr-defined]
    direction = spec.direction  # type: ignore[attr-defined]
    assert parse_target(text, direction=direction) == spec


@settings(max_examples=500)
@given(finite)
def test_vietnamese_rendering_of_any_float_parses_back(value: float) -> None:
    text = format_number(value)
    assert parse_number(text) == value
    assert "." not in text.split(",")[-1] or "," not in text  # decimals come after the comma


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_rendered_threshold_parses_back_inside_a_target(value: float) -> None:
    spec = parse_target("≥ " + format_number(value) + "%")
    assert isinstance(spec, Comparison)
    assert spec.value == value


@given(
    st.sampled_from(["ge", "gt", "target"]),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    moderate,
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
)
def test_at_least_targets_are_monotone(
    operator: str, threshold: float, value: float, more: float
) -> None:
    spec = Comparison(operator=operator, value=threshold, direction=Direction.HIGHER_IS_BETTER)
    if spec.is_met(value):
        assert spec.is_met(value + more) is True


@given(
    st.sampled_from(["le", "lt", "target"]),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    moderate,
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
)
def test_at_most_targets_are_monotone(
    operator: str, threshold: float, value: float, less: float
) -> None:
    spec = Comparison(operator=operator, value=threshold, direction=Direction.LOWER_IS_BETTER)
    if spec.is_met(value):
        assert spec.is_met(value - less) is True


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    kst.directions(),
)
def test_range_bounds_are_inclusive(low: float, width: float, direction: Direction) -> None:
    high = low + width
    assume(math.isfinite(high))
    text = f"từ {format_number(low)} đến {format_number(high)}"
    if low == 0 and direction is Direction.HIGHER_IS_BETTER:  # every level would meet it
        with pytest.raises(TargetParseError, match="every level would meet it"):
            parse_target(text, direction=direction)
        return
    spec = parse_target(text, direction=direction)
    # Both bounds are met whatever the direction: the range is inclusive at each end.
    assert spec.is_met(low) is True
    assert spec.is_met(high) is True


@settings(max_examples=300)
@given(
    kst.target_specs(kinds=("comparison", "range", "approximate")),
    st.floats(min_value=0, max_value=10, allow_nan=False, allow_infinity=False),
)
def test_a_fraction_evaluates_like_the_same_percent(spec: object, fraction: float) -> None:
    factor = conversion_factor("fraction", "%")
    percent = fraction * 100
    converted = fraction * factor
    assert spec.is_met(converted) == spec.is_met(percent)  # type: ignore[attr-defined]
    assert spec.status(converted) == spec.status(percent)  # type: ignore[attr-defined]


def test_fraction_meets_the_percent_boundary_it_equals() -> None:
    spec = parse_target("≥ 29", unit="%")
    assert 0.29 * conversion_factor("fraction", "%") != 29.0  # the float really is off
    assert spec.is_met(0.29 * conversion_factor("fraction", "%")) is True


@given(
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=0, max_value=100),
    st.sampled_from(["absolute", "proportional"]),
    st.integers(min_value=1, max_value=100),
)
def test_rank_targets_never_accept_a_worse_rank_than_a_rejected_one(
    size: int, rejected: int, worse_by: int, policy: str, cohort: int
) -> None:
    spec = RankGroup(size=size)
    options = {"cohort_policy": policy, "cohort_size": cohort, "adopted_cohort": 63}
    if spec.is_met(rejected, **options) is False:
        assert spec.is_met(rejected + worse_by, **options) is False


@given(kst.target_specs(), kst.directions())
def test_missing_values_are_never_not_met(spec: object, direction: Direction) -> None:
    for missing in (None, math.nan):
        assert spec.is_met(missing) is None  # type: ignore[attr-defined]
        assert spec.status(missing).value in ("no_data", "needs_assessment")  # type: ignore[attr-defined]
        assert spec.shortfall(missing) is None  # type: ignore[attr-defined]


@given(kst.target_specs(kinds=("comparison", "range", "approximate", "rank_group")), moderate)
def test_shortfall_is_zero_exactly_when_met_or_on_a_strict_boundary(
    spec: object, value: float
) -> None:
    met = spec.is_met(value)  # type: ignore[attr-defined]
    shortfall = spec.shortfall(value)  # type: ignore[attr-defined]
    assert shortfall is not None
    assert shortfall >= 0
    if met:
        assert shortfall == 0
