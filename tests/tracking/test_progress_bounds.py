"""Projections to the horizon stay within what the quantity can be.

A share cannot pass all of its whole nor fall below none of it: a linear (or compound) projection
of a percentage stops at 0 and 100, of a fraction at 0 and 1, of persons per 10,000 inhabitants
at 0 and 10,000; the HDI stays between 0 and 1.  A growth rate or a plain number is not bounded.
Ranks already stay between 1 and the cohort (tests/tracking/test_progress.py).  Both
implementations (the scalar reference and the vectorised one) are checked on every case.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from kh922core import Comparison, Operator, Plan, Target, load_plan, parse_unit, progress
from kh922core._tracking.progress_reference import series_progress
from kh922core._tracking.progress_vectorised import progress_of_targets


def _target(make_target: Callable[..., Target], unit: str | None, operator: Operator) -> Target:
    target = make_target(Comparison(operator=operator, value=80.0), horizon=2030)
    return target.model_copy(update={"unit": None if unit is None else parse_unit(unit)})


def _both(target: Target, series: list[tuple[int, float]]) -> list[dict[str, Any]]:
    years, values = zip(*series, strict=True)
    frame = pl.DataFrame({"indicator": "ind", "year": list(years), "value": list(values)})
    vectorised = progress_of_targets((target,), frame).row(0, named=True)
    return [vectorised, series_progress(target, series)]


# 2020 → 2022 the value moves by ``step`` a year; linear to 2030 is ``current + 8 · step``.
_RISING = [(2020, 50.0), (2022, 90.0)]  # +20 a year: 90 + 160 = 250 by 2030
_FALLING = [(2020, 30.0), (2022, 10.0)]  # -10 a year: 10 - 80 = -70 by 2030


@pytest.mark.parametrize(
    ("unit", "series", "linear", "compound"),
    [
        # a percentage: 0 to 100; the compound 50 · 1.8^5 ≈ 944.8 stops at 100 too
        ("%", _RISING, 100.0, 100.0),
        ("%", _FALLING, 0.0, pytest.approx(30 * (1 / 3) ** 5)),
        ("% GRDP", _RISING, 100.0, 100.0),
        ("% dân số", _RISING, 100.0, 100.0),
        # a growth rate, a plain number: not bounded
        ("%/năm", _RISING, 250.0, pytest.approx(50 * 1.8**5)),
        ("%/năm", _FALLING, -70.0, pytest.approx(30 * (1 / 3) ** 5)),
        (None, _RISING, 250.0, pytest.approx(50 * 1.8**5)),
        # persons per 10,000 inhabitants: at most every inhabitant
        ("Người/vạn dân", [(2020, 5000.0), (2022, 9000.0)], 10_000.0, 10_000.0),
        ("Người/vạn dân", _RISING, 250.0, pytest.approx(50 * 1.8**5)),
        # a fraction: 0 to 1
        ("fraction", [(2020, 0.5), (2022, 0.9)], 1.0, 1.0),
        ("fraction", [(2020, 0.3), (2022, 0.1)], 0.0, pytest.approx(0.3 * (1 / 3) ** 5)),
        ("HDI", [(2020, 0.7), (2022, 0.9)], 1.0, 1.0),
    ],
)
def test_projections_stay_within_the_quantity(
    make_target: Callable[..., Target],
    unit: str | None,
    series: list[tuple[int, float]],
    linear: float,
    compound: Any,
) -> None:
    target = _target(make_target, unit, Operator.GE)
    for row in _both(target, series):
        assert row["projected_linear"] == linear
        assert row["projected_compound"] == compound


def test_a_projection_at_the_bound_is_judged_at_the_bound(
    make_target: Callable[..., Target],
) -> None:
    # "≥ 80 %" is met by the projection stopped at 100 %; "< 80 %" is missed by it, and met by a
    # falling share stopped at 0 %.
    at_least = _target(make_target, "%", Operator.GE)
    below = _target(make_target, "%", Operator.LT)
    for row in _both(at_least, _RISING):
        assert (row["projected_linear"], row["projected_met_linear"]) == (100.0, True)
    for row in _both(below, _RISING):
        assert (row["projected_linear"], row["projected_met_linear"]) == (100.0, False)
    for row in _both(below, _FALLING):
        assert (row["projected_linear"], row["projected_met_linear"]) == (0.0, True)


def test_observed_values_and_rates_are_not_clamped(make_target: Callable[..., Target]) -> None:
    # Only the projections are: what was observed, and the yearly change, are reported as given.
    target = _target(make_target, "%", Operator.GE)
    for row in _both(target, [(2020, 90.0), (2022, 130.0)]):
        assert row["current_value"] == 130.0
        assert row["rate_observed"] == 20.0
        assert row["projected_linear"] == 100.0


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def test_a_share_of_the_plan_stops_at_100_percent(plan: Plan) -> None:
    # Cashless transactions (2030-6, "≥ 80", %): 40 % in 2023, 70 % in 2025, +15 points a year;
    # 2030 would be 145 % on a straight line.
    frame = pl.DataFrame(
        {"indicator": "cashless-transactions", "year": [2023, 2025], "value": [40.0, 70.0]}
    )
    row = progress(plan, frame, targets="2030-6").row(0, named=True)
    assert row["rate_observed"] == 15.0
    assert row["projected_linear"] == 100.0
    assert row["projected_compound"] == 100.0  # 40 · 1.75^3.5 ≈ 283 %
    assert row["projected_met_linear"] is True


def test_a_share_given_as_a_fraction_is_bounded_in_the_targets_unit(plan: Plan) -> None:
    # The same figures as fractions are converted to % first: the bound is 100 %, not 1.
    frame = pl.DataFrame(
        {
            "indicator": "cashless-transactions",
            "year": [2023, 2025],
            "value": [0.4, 0.7],
            "unit": "fraction",
        }
    )
    row = progress(plan, frame, targets="2030-6").row(0, named=True)
    assert row["current_value"] == pytest.approx(70.0)
    assert row["projected_linear"] == 100.0
