"""The helpers that downstream suites import work as docs/testing.md shows them."""

from __future__ import annotations

import math

import polars as pl
from hypothesis import given, settings

import kh922core
from kh922core import Plan
from kh922core.testing import strategies as kst


def test_fixtures_give_the_plan_and_the_figures(
    kh922_plan: Plan, kh922_published_figures: pl.DataFrame
) -> None:
    assert kh922_plan.number == "922/KH-UBND"
    result = kh922core.evaluate(kh922_plan, kh922_published_figures)
    assert set(result["status"].cast(pl.String)) <= {s.value for s in kh922core.Status}
    assert result.height >= kh922_published_figures.height


@settings(max_examples=25)
@given(kst.plans().flatmap(lambda p: kst.observation_frames(p).map(lambda f: (p, f))))
def test_generated_observations_evaluate_without_loss(
    plan_and_frame: tuple[Plan, pl.DataFrame],
) -> None:
    plan, frame = plan_and_frame
    result = kh922core.evaluate(plan, frame)
    # Every observation of an indicator with targets appears once per target of its indicator.
    expected = sum(len(plan.targets_of(i)) for i in frame["indicator"].to_list())
    assert result.height == expected


@given(kst.target_specs(), kst.values())
def test_every_generated_value_gets_a_status(
    spec: kh922core.TargetSpec, value: float | None
) -> None:
    status = spec.status(value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        assert status in (kh922core.Status.NO_DATA, kh922core.Status.NEEDS_ASSESSMENT)
    else:
        assert isinstance(status, kh922core.Status)
