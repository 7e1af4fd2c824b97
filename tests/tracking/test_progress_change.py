"""``progress`` on change targets: toward the level their change implies at the horizon.

The hand-written examples use numbers computed by hand; the property test holds the vectorised
implementation equal to the scalar reference on generated change targets and series.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kh922core import (
    Change,
    ChangeKind,
    Comparison,
    Direction,
    Operator,
    Range,
    Target,
    TargetSpec,
    parse_unit,
)
from kh922core._tracking.progress_change import BLANK, implied_level, implied_threshold
from kh922core._tracking.progress_measure import RESULT_COLUMNS, Threshold
from kh922core._tracking.progress_reference import series_progress
from kh922core._tracking.progress_vectorised import progress_of_targets
from kh922core.testing import strategies as kst


def _target(make_target: Callable[..., Target], spec: TargetSpec, **arguments: Any) -> Target:
    """A target of an indicator in tỷ đồng (a level without bounds)."""
    target = make_target(spec, **arguments)
    return target.model_copy(update={"unit": parse_unit("tỷ đồng")})


def _progress(target: Target, series: list[tuple[int, float | None]], **options: Any) -> Any:
    frame = pl.DataFrame(
        {"indicator": "ind", "year": [y for y, _ in series], "value": [v for _, v in series]},
        schema={"indicator": pl.String, "year": pl.Int64, "value": pl.Float64},
    )
    return progress_of_targets((target,), frame, **options).row(0, named=True)


# ------------------------------------------------------------------- hand-computed examples


def test_a_relative_change_is_a_level_at_the_horizon(make_target: Callable[..., Target]) -> None:
    at_least = Comparison(operator="target", value=20.0, change=Change(kind="relative", since=2020))
    row = _progress(_target(make_target, at_least), [(2020, 100.0), (2025, 110.0)])
    # Base 100 in 2020: +20 % is 120 in 2030.  110 in 2025 is half the way; 2 a year observed
    # and required (linear ratio 1); compound: 1.1^(1/5) − 1 = 1.924 % against
    # 1.2^(1/10) − 1 = 1.840 % (ratio 1.046, on track).
    assert (row["base_year"], row["base_value"], row["baseline_source"]) == (2020, 100.0, "series")
    assert (row["direction"], row["target_value"]) == ("increase", pytest.approx(120.0))
    assert row["met"] is False
    assert row["share_covered"] == pytest.approx(0.5)
    assert row["linear_ratio"] == pytest.approx(1.0)
    assert row["ratio"] == pytest.approx(0.019244 / 0.018399, rel=1e-3)
    assert row["category"] == "substantial_progress"
    assert row["projected_linear"] == pytest.approx(120.0)
    assert row["projected_met_linear"] is True


def test_a_fall_in_points_from_the_plan_baseline(make_target: Callable[..., Target]) -> None:
    fall = Comparison(operator="target", value=5.0, change=Change(kind="points", falling=True))
    target = _target(make_target, fall, baseline=(2024, 10.0), horizon=2030)
    row = _progress(target, [(2024, 11.0), (2026, 8.0)])
    # giảm 5 điểm from the plan's 10 (2024): at most 5 in 2030.  8 in 2026 covers 2 of 5.
    assert (row["base_year"], row["base_value"], row["baseline_source"]) == (2024, 10.0, "plan")
    assert (row["direction"], row["target_value"]) == ("decrease", 5.0)
    assert row["share_covered"] == pytest.approx(0.4)
    assert row["met"] is False
    assert _progress(target, [(2026, 4.5)])["category"] == "target_achieved"


def test_growth_per_year_compounds_to_the_horizon(make_target: Callable[..., Target]) -> None:
    growth = Range(low=9.0, high=10.0, change=Change(kind="growth_per_year", since=2020))
    row = _progress(_target(make_target, growth), [(2020, 100.0), (2022, 125.0)])
    # At least 9 %/năm for the ten years: 100 · 1.09¹⁰ = 236.736 in 2030.  125 in 2022 is
    # 11.8 %/năm so far (ratio above 1).
    assert row["target_value"] == pytest.approx(236.7363675)
    assert row["category"] == "substantial_progress"
    assert row["met"] is False  # the horizon's level is not reached yet


def test_a_multiple_and_the_previous_year(make_target: Callable[..., Target]) -> None:
    triple = Comparison(operator="target", value=3.0, change=Change(kind="multiple", since=2021))
    assert _progress(_target(make_target, triple), [(2021, 50.0)])["target_value"] == 150.0
    yearly = Comparison(
        operator="target", value=5.0, change=Change(kind="relative", previous_year=True)
    )
    target = _target(make_target, yearly, horizon=2026)
    # So với cùng kỳ, at the horizon: 5 % above the level of 2025.
    row = _progress(target, [(2024, 90.0), (2025, 100.0), (2026, 104.0)])
    assert (row["base_year"], row["target_value"], row["met"]) == (2025, 105.0, False)
    assert _progress(target, [(2024, 90.0)])["target_value"] is None  # 2025 not observed yet


def test_without_a_base_there_is_no_threshold(make_target: Callable[..., Target]) -> None:
    since = Comparison(operator="target", value=20.0, change=Change(kind="relative", since=2020))
    row = _progress(_target(make_target, since), [(2021, 100.0), (2025, 130.0)])
    assert row["base_value"] is None
    assert (row["direction"], row["target_value"], row["met"]) == (None, None, None)
    assert row["category"] == "not_available"
    # The plan's baseline of another year is not the base; asked for the series, never.
    dated = _target(make_target, since, baseline=(2019, 90.0))
    assert _progress(dated, [(2025, 130.0)])["base_value"] is None
    named = _target(make_target, since, baseline=(2020, 90.0))
    assert _progress(named, [(2025, 130.0)])["base_value"] == 90.0
    assert _progress(named, [(2025, 130.0)], baseline="series")["base_value"] is None


def test_implied_levels_by_hand() -> None:
    def level(kind: str, falling: bool, size: float, base: float, years: float) -> float | None:
        return implied_level(Change(kind=kind, falling=falling), size, base, years)

    assert level("relative", False, 20.0, 50.0, 3) == pytest.approx(60.0)
    assert level("relative", True, 20.0, 50.0, 3) == pytest.approx(40.0)
    assert level("growth_per_year", False, 10.0, 100.0, 2) == pytest.approx(121.0)
    assert level("growth_per_year", True, 10.0, 100.0, 2) == pytest.approx(81.0)
    assert level("points_per_year", True, 0.5, 10.0, 4) == pytest.approx(8.0)
    assert level("multiple", True, 4.0, 100.0, 1) == pytest.approx(25.0)
    assert level("relative", False, 20.0, 0.0, 3) is None  # a ratio to nothing
    assert level("points_per_year", False, 1.0, 10.0, 0) is None  # no years
    assert level("multiple", True, 0.0, 10.0, 1) is None
    size = Threshold(1, 5.0, True, None, False, False)  # > 5 %
    fall = implied_threshold(size, Change(kind="relative", falling=True), 200.0, 5)
    assert fall == Threshold(-1, None, False, pytest.approx(190.0), True, False)  # type: ignore[arg-type]
    assert implied_threshold(size, Change(kind="relative"), -1.0, 5) == BLANK


# --------------------------------------------------------------- vectorised == the reference


def _same(left: Any, right: Any) -> bool:
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, float) or isinstance(right, float):
        if math.isinf(left) or math.isinf(right):
            return bool(left == right)
        return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-12)
    return bool(left == right)


#: The bases of generated changes, a named year most often.
_BASES = ("since", "since", "since", "plan", "previous_year")


@st.composite
def _cases(draw: st.DrawFn) -> dict[str, Any]:
    # Base years among the series' first years, and plan baselines, often: most series have a
    # base, so that their thresholds are compared.
    early, years = (2018, 2021), (2018, 2026)
    positive = st.floats(min_value=1.0, max_value=1e4, allow_nan=False)
    return {
        "spec": draw(kst.change_specs(units=(None,), years=early, bases=_BASES)),
        "horizon": draw(st.integers(2019, 2032)),
        "baseline": draw(
            st.none() | st.tuples(st.integers(*early), positive | kst.finite_numbers(1e4))
        ),
        "entities": draw(
            st.lists(kst.level_series(years=years, max_years=8), min_size=1, max_size=3)
        ),
        "which": draw(st.sampled_from(["plan", "plan", "series"])),
        "as_of": draw(st.none() | st.none() | st.integers(*years)),
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cases())
def test_vectorised_equals_the_reference_on_change_targets(
    case: dict[str, Any], make_target: Callable[..., Target]
) -> None:
    _same_as_reference(case, make_target)


def test_a_projection_that_overflows_is_no_value_on_both_paths(
    make_target: Callable[..., Target],
) -> None:
    # found by the test above (clean-clone CI, seventeenth session): growth from 5e-324 to 0
    # then 1 projects to +inf; the scalar path said "met", the frame "no value"
    spec = Comparison(
        direction=Direction.HIGHER_IS_BETTER,
        change=Change(kind=ChangeKind.GROWTH_PER_YEAR, since=2018),
        operator=Operator.GE,
        value=0.0,
    )
    series = [(2018, 5e-324), *[(year, 0.0) for year in range(2019, 2025)], (2025, 1.0)]
    case = {
        "spec": spec,
        "horizon": 2019,
        "baseline": None,
        "entities": [series],
        "which": "plan",
        "as_of": None,
    }
    _same_as_reference(case, make_target)


def _same_as_reference(case: dict[str, Any], make_target: Callable[..., Target]) -> None:
    target = _target(make_target, case["spec"], horizon=case["horizon"], baseline=case["baseline"])
    rows = [
        {"indicator": "ind", "entity": f"e{n}", "year": year, "value": value}
        for n, series in enumerate(case["entities"])
        for year, value in series
        if value is None or not math.isinf(value)  # progress refuses infinite values
    ]
    schema = {"indicator": pl.String, "entity": pl.String, "year": pl.Int64, "value": pl.Float64}
    frame = pl.DataFrame(rows, schema=schema)
    options = {"baseline": case["which"], "as_of": case["as_of"]}
    result = progress_of_targets((target,), frame, **options)
    produced = {row["entity"]: row for row in result.iter_rows(named=True)}
    groups = sorted(set(frame["entity"].to_list()))
    # several series: the plan baseline is the plan's own series', the base of none of them
    own_target = target if len(groups) < 2 else target.model_copy(update={"baseline": None})
    for entity in groups:
        own = frame.filter(pl.col("entity") == entity)
        series = list(zip(own["year"].to_list(), own["value"].to_list(), strict=True))
        expected = series_progress(own_target, series, **options)
        got = produced.get(entity, produced.get(None))
        if got is None:  # no usable value: no group of its own
            continue
        for column in RESULT_COLUMNS:
            assert _same(got[column], expected[column]), (column, got[column], expected[column])
