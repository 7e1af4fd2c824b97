"""A plan's targets answer in their unit, or in their indicator's, whatever unit a value is in.

A plan file may leave a target's unit out: the target is then set in its indicator's unit, and
the scalar methods (``Target.is_met``, ``status``, ``shortfall``, ``attainment``) convert a value
given with ``unit=`` to that one, as :func:`kh922core.evaluate` does.  An empty or blank unit
text means the target's unit, as ``None`` does.  Meaningless options are refused, naming the
option and the value.
"""

from __future__ import annotations

import math
from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core import Status
from kh922core._plans.model import Plan
from kh922core._targets import Approximate, RankGroup
from kh922core.errors import IncompatibleUnitError, InvalidValueError, UnknownUnitError
from tests.conftest import PlanFiles


def _plan() -> Plan:
    """Targets without a unit of their own: a share (%), a unit-less score, words, a rank, and
    an approximate target."""
    indicators = [
        ("share", "%", "higher_is_better", "≥ 55"),
        ("score", None, "higher_is_better", "≥ 5"),
        ("words", None, "higher_is_better", "Tiên tiến, hiện đại"),
        ("rank", "Thứ bậc", "lower_is_better", "nhóm 30"),
        ("about", "%", "higher_is_better", "khoảng 30"),
    ]
    return Plan.model_validate(
        {
            "id": "units-plan",
            "number": "1/KH-TEST",
            "title": "Kế hoạch thử",
            "date": "2025-02-14",
            "province": {"name": "Tỉnh thử", "code": "00"},
            "issuer": "ubnd-tinh-thu",
            "rank_cohort": {"size": 63, "as_of": "2025-02-14"},
            "indicators": [
                {"id": i, "name": i, "unit": unit, "direction": direction}
                for i, unit, direction, _ in indicators
            ],
            "targets": [
                {"id": f"2030-{n}", "indicator": i, "horizon": 2030, "row": str(n), "text": text}
                for n, (i, _, _, text) in enumerate(indicators, start=1)
            ],
        }
    )


PLAN = _plan()
SHARE, SCORE, WORDS, RANK, ABOUT = (PLAN.target(f"2030-{n}") for n in range(1, 6))


# --- finding: an empty unit multiplied by 100 ---------------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_an_empty_or_blank_unit_is_the_targets_unit(kh922_plan: kh922core.Plan, blank: str) -> None:
    target = kh922_plan.target("2030-3")  # ≥ 55, in %
    assert target.is_met(54.9, unit=blank) is False  # not 5490 %
    assert target.status(56, unit=blank) is Status.MET
    assert target.shortfall(54, unit=blank) == 1.0
    assert target.attainment(55, unit=blank) == 1.0
    assert SHARE.shortfall(54, unit=blank) == 1.0  # in its indicator's unit, too
    assert SCORE.is_met(5, unit=blank) is True  # no unit anywhere: nothing to convert


# --- finding: a target without a unit of its own -------------------------------------------------


def test_a_target_without_a_unit_is_set_in_its_indicators() -> None:
    assert SHARE.unit is None
    assert SHARE.measure_unit is not None
    assert SHARE.measure_unit.text == "%"
    assert SHARE.is_met(0.56, unit="fraction") is True
    assert SHARE.status(0.5, unit="fraction") is Status.NOT_MET
    assert SHARE.shortfall(0.5, unit="fraction") == 5.0  # 55 − 50, in %
    assert SHARE.attainment(0.55, unit="fraction") == 0.55 * 100.0 / 55.0
    assert RANK.is_met(28, unit="Thứ bậc") is True


def test_the_scalar_methods_answer_as_evaluate_does() -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["share", "share", "rank", "score"],
            "value": [0.56, 0.5, 31.0, 6.0],
            "unit": ["fraction", "fraction", "Thứ bậc", None],
        }
    )
    result = kh922core.evaluate(PLAN, observations).sort("indicator", "value")
    for row in result.iter_rows(named=True):
        target = PLAN.target(row["target_id"])
        value, unit = row["value"], row["unit"]
        assert target.is_met(value, unit=unit) is row["met"]
        assert target.status(value, unit=unit).value == row["status"]
        assert target.shortfall(value, unit=unit) == row["shortfall"]
        assert target.attainment(value, unit=unit) == row["attainment"]


def test_a_target_of_a_plan_file_without_a_unit_converts(
    plan_files: PlanFiles, tmp_path: Path
) -> None:
    plan = kh922core.load_plan(plan_files.write(tmp_path, plan_files.minimal))
    target = plan.target("2030-5.10")  # "100" in the % of its indicator, written without unit
    assert target.unit is None
    assert target.is_met(1.0, unit="fraction") is True
    assert target.shortfall(0.9, unit="fraction") == 10.0
    assert "indicator_unit" not in target.model_dump()  # never written back to a file


def test_only_real_unit_problems_are_errors() -> None:
    with pytest.raises(IncompatibleUnitError, match="'score' have no unit"):
        SCORE.is_met(5, unit="%")
    with pytest.raises(IncompatibleUnitError, match="% GRDP"):
        SHARE.is_met(5, unit="% GRDP")
    with pytest.raises(UnknownUnitError):
        SHARE.is_met(5, unit="no such unit")
    with pytest.raises(UnknownUnitError):  # as evaluate checks every unit, with a value or not
        SHARE.is_met(None, unit="no such unit")
    # A target in words reads only an assessment: the unit of a value is not converted.
    assert WORDS.is_met(True, unit="%") is True
    assert WORDS.status(0.5, unit="%") is Status.NEEDS_ASSESSMENT


def test_targets_given_to_a_plan_as_models_are_told_their_indicators_unit() -> None:
    bare = SHARE.model_copy(update={"indicator_unit": None})
    data = PLAN.model_dump() | {"targets": [bare, *PLAN.targets[1:]]}
    plan = Plan.model_validate(data)
    assert plan.target("2030-1").is_met(0.56, unit="fraction") is True


# --- finding: meaningless options -----------------------------------------------------------------

BAD_TOLERANCES = [math.nan, -0.01, math.inf, -math.inf, 1.0, 5.0]


@pytest.mark.parametrize("tolerance", BAD_TOLERANCES)
def test_a_meaningless_tolerance_is_refused(tolerance: float) -> None:
    for method in (ABOUT.is_met, ABOUT.status, ABOUT.shortfall, ABOUT.attainment):
        with pytest.raises(InvalidValueError, match=rf"tolerance .*got {tolerance!r}"):
            method(29.0, tolerance=tolerance)
    with pytest.raises(InvalidValueError, match="tolerance"):
        Approximate(value=30).is_met(29.0, tolerance=tolerance)
    with pytest.raises(InvalidValueError, match="tolerance"):
        Approximate(value=30).criterion(tolerance=tolerance)


def test_a_tolerance_within_its_range_is_used() -> None:
    assert ABOUT.is_met(27.0, tolerance=0.1) is True
    assert ABOUT.is_met(27.0, tolerance=0.0) is False


@pytest.mark.parametrize("cohort_size", [0, -3, True])
def test_a_cohort_of_no_province_is_refused(cohort_size: int) -> None:
    options = {"cohort_policy": "proportional", "cohort_size": cohort_size}
    with pytest.raises(InvalidValueError, match=f"cohort_size .*got {cohort_size!r}"):
        RANK.is_met(17, **options)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="cohort_size"):
        RankGroup(size=30).is_met(17, adopted_cohort=63, **options)
    with pytest.raises(InvalidValueError, match="cohort_size"):
        RankGroup(size=30).criterion(
            cohort_policy="proportional", cohort_size=cohort_size, adopted_cohort=63
        )
    assert RANK.is_met(17, cohort_policy="proportional", cohort_size=34) is False  # 16 of 34
