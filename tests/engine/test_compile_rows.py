"""The bounds table is the kinds' criteria in numbers: one row per target, written out by hand.

A bound ``x`` compared with ``≥`` becomes ``x − 1e-9·|x|``, with ``≤`` ``x + 1e-9·|x|``; a strict
bound is moved one float further (``nextafter``), so that every comparison is inclusive.  The
expected numbers are that arithmetic written out, and must be equal to the last bit.
"""

from __future__ import annotations

import math

import pytest

from kh922core._engine.compile import CompiledTarget, compile_targets
from kh922core._plans.model import Plan
from kh922core._targets import CohortPolicy, InvalidValueError

INF = math.inf


def _plan(unit: str | None, direction: str, text: str, *, cohort: int | None = 63) -> Plan:
    return Plan.model_validate(
        {
            "id": "test-plan",
            "number": "1/KH-TEST",
            "title": "Kế hoạch thử",
            "date": "2025-02-14",
            "province": {"name": "Tỉnh thử", "code": "00"},
            "issuer": "ubnd-tinh-thu",
            **({"rank_cohort": {"size": cohort, "as_of": "2025-02-14"}} if cohort else {}),
            "indicators": [{"id": "x", "name": "x", "unit": unit, "direction": direction}],
            "targets": [
                {"id": "2030-1", "indicator": "x", "horizon": 2030, "row": "1", "text": text}
            ],
        }
    )


def _row(
    unit: str | None, direction: str, text: str, policy: CohortPolicy = "absolute"
) -> CompiledTarget:
    (target,) = compile_targets(_plan(unit, direction, text), cohort_policy=policy)["x"]
    return target


def _numbers(target: CompiledTarget) -> dict[str, object]:
    names = ("lower", "upper", "exceed_lower", "exceed_upper", "short_lower", "short_upper")
    more = ("short_slack", "ratio_bound", "ratio_up", "qualitative", "rank_size", "adopted_cohort")
    return {name: getattr(target, name) for name in (*names, *more)}


PLAIN = {
    "lower": -INF,
    "upper": INF,
    "exceed_lower": INF,
    "exceed_upper": -INF,
    "short_lower": -INF,
    "short_upper": INF,
    "short_slack": 0.0,
    "ratio_bound": None,
    "ratio_up": True,
    "qualitative": False,
    "rank_size": None,
    "adopted_cohort": None,
}


@pytest.mark.parametrize(
    ("unit", "direction", "text", "policy", "expected"),
    [
        (
            "%",
            "higher_is_better",
            "> 0,7",
            "absolute",
            {
                "lower": math.nextafter(0.7 + 1e-9 * 0.7, INF),
                "short_lower": 0.7,
                "ratio_bound": 0.7,
            },
        ),
        (
            "%",
            "lower_is_better",
            "dưới 3",
            "absolute",
            {
                "upper": math.nextafter(3 - 1e-9 * 3, -INF),
                "short_upper": 3.0,
                "ratio_bound": 3.0,
                "ratio_up": False,
            },
        ),
        (
            "%",
            "higher_is_better",
            "8-10%",
            "absolute",
            {
                "lower": 8 - 1e-9 * 8,
                "exceed_lower": math.nextafter(10 + 1e-9 * 10, INF),
                "exceed_upper": INF,
                "short_lower": 8.0,
                "short_upper": 10.0,
                "ratio_bound": 8.0,
            },
        ),
        (
            "%",
            "lower_is_better",
            "8-10%",
            "absolute",
            {
                "upper": 10 + 1e-9 * 10,
                "exceed_lower": -INF,
                "exceed_upper": math.nextafter(8 - 1e-9 * 8, -INF),
                "short_lower": 8.0,
                "short_upper": 10.0,
                "ratio_bound": 10.0,
                "ratio_up": False,
            },
        ),
        (
            "%",
            "band",
            "khoảng 30%",
            "absolute",
            {
                "lower": 28.5 - 1e-9 * 28.5,
                "upper": 31.5 + 1e-9 * 31.5,
                "short_lower": 30.0,
                "short_upper": 30.0,
                "short_slack": 1.5,
            },
        ),
        (
            "Thứ bậc",
            "lower_is_better",
            "nhóm 30",
            "absolute",
            {"upper": 30 + 1e-9 * 30, "short_upper": 30.0, "ratio_bound": 30.0, "ratio_up": False},
        ),
        (
            "Thứ bậc",
            "lower_is_better",
            "nhóm 30",
            "proportional",
            {"rank_size": 30, "adopted_cohort": 63, "ratio_up": False},
        ),
        (None, "higher_is_better", "Tiên tiến, hiện đại", "absolute", {"qualitative": True}),
    ],
)
def test_each_kind_compiles_to_its_bounds(
    unit: str | None, direction: str, text: str, policy: CohortPolicy, expected: dict[str, object]
) -> None:
    got = _numbers(_row(unit, direction, text, policy))
    want = PLAIN | expected
    assert got.keys() == want.keys()
    assert got == want  # to the last bit: a strict bound is one float past the tolerance


def test_a_proportional_rank_without_a_cohort_at_adoption_names_the_target() -> None:
    plan = _plan("Thứ bậc", "lower_is_better", "nhóm 30", cohort=None)
    with pytest.raises(InvalidValueError, match=r"target '2030-1': .*adopted_cohort"):
        compile_targets(plan, cohort_policy="proportional")
    assert compile_targets(plan)["x"][0].upper == 30 + 1e-9 * 30
