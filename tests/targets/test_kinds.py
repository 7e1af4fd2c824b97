"""One meaning per target kind: a criterion, an explanation, a signature, a strategy.

Every member of :data:`TargetSpec` must have all four; a kind added to the union without them
fails here.  The expected values are written by hand from the semantics (docs/semantics.md):
bounds compared with a relative tolerance of 1e-9, ``khoảng X`` within 5 % unless told, a range
``exceeded`` beyond its far bound, rank groups scaled by the cohort under ``proportional``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh922core._targets import (
    KIND_NAMES,
    Approximate,
    Comparison,
    Criterion,
    Direction,
    InvalidValueError,
    Qualitative,
    Range,
    RankGroup,
    RankScaling,
    Status,
    TargetSpec,
    explain,
)
from kh922core.testing import strategies as kst

#: The members of the TargetSpec union.
MEMBERS: tuple[type[Any], ...] = get_args(get_args(TargetSpec)[0])
HIGHER, LOWER, BAND = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.BAND
PROPORTIONAL_34_OF_63 = {"cohort_policy": "proportional", "cohort_size": 34, "adopted_cohort": 63}


def _kind(member: type[Any]) -> str:
    return str(member.model_fields["kind"].default)


def test_the_kind_names_are_those_of_the_union() -> None:
    kinds = [_kind(member) for member in MEMBERS]
    assert len(set(kinds)) == len(kinds)
    assert set(kinds) == set(KIND_NAMES)


@pytest.mark.parametrize("member", MEMBERS, ids=_kind)
@settings(max_examples=30)
@given(data=st.data())
def test_every_kind_has_a_strategy_an_explanation_a_criterion_and_a_signature(
    member: type[Any], data: st.DataObject
) -> None:
    spec = data.draw(kst.target_specs(kinds=(_kind(member),)))
    assert type(spec) is member
    explanation = spec.explanation()
    assert explanation.kind
    assert explanation.met_when
    lines = explain(spec).splitlines()
    assert lines[:2] == [f"kind:       {explanation.kind}", f"met when:   {explanation.met_when}"]
    criterion = spec.criterion()
    assert isinstance(criterion, Criterion)
    signature = spec.signature()
    assert signature.description
    assert signature.matches(spec.signature())
    missing = Status.NEEDS_ASSESSMENT if criterion.qualitative else Status.NO_DATA
    assert spec.status(None) is missing
    assert spec.is_met(None) is None
    assert spec.shortfall(None) is None
    assert spec.attainment(None) is None


# ---------------------------------------------------------------------------------------------
# The scalar methods, at and around the bounds
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One spec, one value, and what the scalar methods must say of it."""

    spec: TargetSpec
    value: float | bool | None
    met: bool | None
    status: Status
    shortfall: float | None
    attainment: float | None
    options: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        options = f" {self.options}" if self.options else ""
        return f"{self.spec.render()}[{self.spec.direction.value}] {self.value!r}{options}"


MET, EXCEEDED, NOT_MET = Status.MET, Status.EXCEEDED, Status.NOT_MET
NO_DATA, NEEDS_ASSESSMENT = Status.NO_DATA, Status.NEEDS_ASSESSMENT
GE_55 = Comparison(operator="ge", value=55)
GT_07 = Comparison(operator="gt", value=0.7)
LT_3 = Comparison(operator="lt", value=3, direction=LOWER)
LE_30 = Comparison(operator="le", value=30, direction=LOWER)
GE_0 = Comparison(operator="ge", value=0)
BARE_90_BAND = Comparison(operator="target", value=90, direction=BAND)
BARE_30_LOWER = Comparison(operator="target", value=30, direction=LOWER)
BARE_90_HIGHER = Comparison(operator="target", value=90)
RANGE_HIGHER = Range(low=8, high=10, unit="%")
RANGE_LOWER = Range(low=8, high=10, unit="%", direction=LOWER)
RANGE_BAND = Range(low=8, high=10, unit="%", direction=BAND)
GROUP_30 = RankGroup(size=30)
GROUP_30_OF_63 = RankGroup(size=30, cohort=63)
ABOUT_30 = Approximate(value=30)
ABOUT_30_LOWER = Approximate(value=30, direction=LOWER)
ABOUT_30_BAND = Approximate(value=30, direction=BAND)
WORDS = Qualitative(text="Hoàn thành")

CASES = [
    # ≥ 55: met from 55 − 55e-9 up; shortfall 55 − v; attainment v / 55.
    Case(GE_55, 55, True, MET, 0.0, 1.0),
    Case(GE_55, 54.99999995, True, MET, 0.0, 54.99999995 / 55),
    Case(GE_55, 54.9999999, False, NOT_MET, 1e-7, 54.9999999 / 55),
    Case(GE_55, 54.9, False, NOT_MET, 0.1, 54.9 / 55),
    Case(GE_55, 70, True, MET, 0.0, 70 / 55),
    # > 0,7: 0,7 itself (and 7e-10 above it) is not enough, though nothing is short.
    Case(GT_07, 0.7, False, NOT_MET, 0.0, 1.0),
    Case(GT_07, 0.7000000005, False, NOT_MET, 0.0, 0.7000000005 / 0.7),
    Case(GT_07, 0.71, True, MET, 0.0, 0.71 / 0.7),
    # < 3 (lower is better): attainment 3 / v.
    Case(LT_3, 3, False, NOT_MET, 0.0, 1.0),
    Case(LT_3, 2.9, True, MET, 0.0, 3 / 2.9),
    Case(LT_3, 3.5, False, NOT_MET, 0.5, 3 / 3.5),
    # ≤ 30: met up to 30 + 30e-9.
    Case(LE_30, 30.00000002, True, MET, 0.0, 30 / 30.00000002),
    Case(LE_30, 31, False, NOT_MET, 1.0, 30 / 31),
    # ≥ 0: no attainment (v / 0 means nothing).
    Case(GE_0, 5, True, MET, 0.0, None),
    Case(GE_0, -1, False, NOT_MET, 1.0, None),
    # A bare number: at least (higher is better), at most (lower), equal (band, no attainment).
    Case(BARE_90_HIGHER, 89, False, NOT_MET, 1.0, 89 / 90),
    Case(BARE_30_LOWER, 30, True, MET, 0.0, 1.0),
    Case(BARE_30_LOWER, 31, False, NOT_MET, 1.0, 30 / 31),
    Case(BARE_90_BAND, 90, True, MET, 0.0, None),
    Case(BARE_90_BAND, 90.5, False, NOT_MET, 0.5, None),
    Case(BARE_90_BAND, 89, False, NOT_MET, 1.0, None),
    # 8-10 %, higher is better: met from 8, exceeded above 10 (+1e-8); attainment v / 8.
    Case(RANGE_HIGHER, 7.9, False, NOT_MET, 0.1, 7.9 / 8),
    Case(RANGE_HIGHER, 8, True, MET, 0.0, 1.0),
    Case(RANGE_HIGHER, 10, True, MET, 0.0, 1.25),
    Case(RANGE_HIGHER, 10.000000005, True, MET, 0.0, 10.000000005 / 8),
    Case(RANGE_HIGHER, 10.5, True, EXCEEDED, 0.0, 10.5 / 8),
    # 8-10 %, lower is better: met up to 10, exceeded below 8; attainment 10 / v.
    Case(RANGE_LOWER, 10.5, False, NOT_MET, 0.5, 10 / 10.5),
    Case(RANGE_LOWER, 9, True, MET, 0.0, 10 / 9),
    Case(RANGE_LOWER, 8, True, MET, 0.0, 10 / 8),
    Case(RANGE_LOWER, 7, True, EXCEEDED, 0.0, 10 / 7),
    # 8-10 % on a band: met inside only, short on both sides, no attainment.
    Case(RANGE_BAND, 7, False, NOT_MET, 1.0, None),
    Case(RANGE_BAND, 11, False, NOT_MET, 1.0, None),
    Case(RANGE_BAND, 10, True, MET, 0.0, None),
    # nhóm 30: rank ≤ 30; attainment 30 / rank.
    Case(GROUP_30, 28, True, MET, 0.0, 30 / 28),
    Case(GROUP_30, 30, True, MET, 0.0, 1.0),
    Case(GROUP_30, 31, False, NOT_MET, 1.0, 30 / 31),
    # Proportional: 30 of 63 is 30·34 // 63 = 16 of 34.
    Case(GROUP_30, 16, True, MET, 0.0, 1.0, PROPORTIONAL_34_OF_63),
    Case(GROUP_30, 17, False, NOT_MET, 1.0, 16 / 17, PROPORTIONAL_34_OF_63),
    Case(
        GROUP_30_OF_63,
        17,
        False,
        NOT_MET,
        1.0,
        16 / 17,
        {**PROPORTIONAL_34_OF_63, "adopted_cohort": None},
    ),
    Case(RankGroup(size=1), 1, True, MET, 0.0, 1.0, {**PROPORTIONAL_34_OF_63, "cohort_size": 1}),
    # khoảng 30: from 28,5 up (5 %), or 27 with a tolerance of 10 %.
    Case(ABOUT_30, 28.5, True, MET, 0.0, 1.0),
    Case(ABOUT_30, 28.4, False, NOT_MET, 0.1, 28.4 / 28.5),
    Case(ABOUT_30, 27, True, MET, 0.0, 1.0, {"tolerance": 0.1}),
    Case(ABOUT_30_LOWER, 31.5, True, MET, 0.0, 1.0),
    Case(ABOUT_30_LOWER, 31.6, False, NOT_MET, 0.1, 31.5 / 31.6),
    # khoảng 30 on a band: |v − 30| ≤ 1,5; the shortfall is |v − 30| − 1,5; no attainment.
    Case(ABOUT_30_BAND, 30, True, MET, 0.0, None),
    Case(ABOUT_30_BAND, 31.5, True, MET, 0.0, None),
    Case(ABOUT_30_BAND, 32, False, NOT_MET, 0.5, None),
    Case(ABOUT_30_BAND, 28, False, NOT_MET, 0.5, None),
    Case(ABOUT_30_BAND, 30.1, False, NOT_MET, 0.1, None, {"tolerance": 0.0}),
    # Words: only an assessment judges; a number is no assessment.
    Case(WORDS, True, True, MET, None, None),
    Case(WORDS, False, False, NOT_MET, None, None),
    Case(WORDS, None, None, NEEDS_ASSESSMENT, None, None),
    Case(WORDS, 0.9, None, NEEDS_ASSESSMENT, None, None),
    # Missing values (None or NaN) are no data, whatever the options.
    Case(GE_55, math.nan, None, NO_DATA, None, None),
    Case(RANGE_HIGHER, None, None, NO_DATA, None, None),
    Case(GROUP_30, None, None, NO_DATA, None, None, {"cohort_policy": "proportional"}),
    Case(ABOUT_30, math.nan, None, NO_DATA, None, None, {"tolerance": "5 %"}),
]


def _same(got: float | None, expected: float | None) -> bool:
    if got is None or expected is None:
        return got is expected
    return got == pytest.approx(expected, rel=1e-12, abs=1e-12)  # float dust of v − bound


def test_every_kind_has_hand_computed_cases() -> None:
    assert {type(case.spec) for case in CASES} == set(MEMBERS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scalar_methods_follow_the_criterion(case: Case) -> None:
    spec, value, options = case.spec, case.value, case.options
    assert spec.is_met(value, **options) is case.met
    assert spec.status(value, **options) is case.status
    assert _same(spec.shortfall(value, **options), case.shortfall)
    assert _same(spec.attainment(value, **options), case.attainment)


NUMERIC = [GE_55, BARE_90_BAND, RANGE_LOWER, GROUP_30, ABOUT_30, ABOUT_30_BAND]


@pytest.mark.parametrize("spec", NUMERIC, ids=str)
@pytest.mark.parametrize("method", ["is_met", "status", "shortfall", "attainment"])
def test_a_boolean_is_no_number(spec: TargetSpec, method: str) -> None:
    with pytest.raises(InvalidValueError, match="boolean"):
        getattr(spec, method)(True)


@pytest.mark.parametrize(
    ("spec", "options", "message"),
    [
        (ABOUT_30, {"tolerance": "5 %"}, "tolerance must be a number"),
        (ABOUT_30, {"tolerance": True}, "tolerance must be a number"),
        (GROUP_30, {"cohort_policy": "relative"}, "cohort_policy must be"),
        (GROUP_30, {"cohort_policy": "proportional", "adopted_cohort": 63}, "got None and 63"),
        (GROUP_30, {"cohort_policy": "proportional", "cohort_size": 34}, "got 34 and None"),
        (GROUP_30, {**PROPORTIONAL_34_OF_63, "cohort_size": 34.0}, "got 34.0 and 63"),
        # Values that mean nothing: a tolerance outside [0, 1), a cohort of no province.
        (ABOUT_30, {"tolerance": math.nan}, "from 0 up to .not including. 1, got nan"),
        (ABOUT_30, {"tolerance": -0.05}, "tolerance .* got -0.05"),
        (ABOUT_30, {"tolerance": math.inf}, "tolerance .* got inf"),
        (ABOUT_30, {"tolerance": 1}, "tolerance .* got 1"),
        (GROUP_30, {**PROPORTIONAL_34_OF_63, "cohort_size": 0}, "cohort_size .* got 0"),
        (GROUP_30, {**PROPORTIONAL_34_OF_63, "cohort_size": -34}, "cohort_size .* got -34"),
        (GROUP_30, {**PROPORTIONAL_34_OF_63, "cohort_size": True}, "got True and 63"),
        (GROUP_30, {**PROPORTIONAL_34_OF_63, "adopted_cohort": True}, "got 34 and True"),
    ],
)
def test_invalid_options_are_named(
    spec: TargetSpec, options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidValueError, match=message):
        spec.is_met(20, **options)


def test_options_a_kind_does_not_read_are_not_checked() -> None:
    assert GE_55.is_met(60, tolerance="5 %", cohort_policy="relative") is True
    assert GROUP_30.is_met(20, tolerance="5 %") is True


def test_effective_size_follows_the_policy() -> None:
    assert GROUP_30.effective_size() == 30
    assert GROUP_30.effective_size(**PROPORTIONAL_34_OF_63) == 16
    assert GROUP_30_OF_63.effective_size(cohort_policy="proportional", cohort_size=120) == 57


# ---------------------------------------------------------------------------------------------
# The criterion of each kind, as the engine, the progress measure and the strategies read it
# ---------------------------------------------------------------------------------------------

CRITERIA = [
    (
        GT_07,
        {},
        Criterion(lower=0.7, lower_strict=True, short_lower=0.7, ratio_bound=0.7, progress=1),
    ),
    (GE_55, {}, Criterion(lower=55.0, short_lower=55.0, ratio_bound=55.0, progress=1)),
    (
        LT_3,
        {},
        Criterion(
            upper=3.0,
            upper_strict=True,
            short_upper=3.0,
            ratio_bound=3.0,
            ratio_up=False,
            progress=-1,
        ),
    ),
    (
        BARE_30_LOWER,
        {},
        Criterion(upper=30.0, short_upper=30.0, ratio_bound=30.0, ratio_up=False, progress=-1),
    ),
    (BARE_90_HIGHER, {}, Criterion(lower=90.0, short_lower=90.0, ratio_bound=90.0, progress=1)),
    (BARE_90_BAND, {}, Criterion(lower=90.0, upper=90.0, short_lower=90.0, short_upper=90.0)),
    (
        RANGE_HIGHER,
        {},
        Criterion(
            lower=8.0,
            exceeded_above=10.0,
            short_lower=8.0,
            short_upper=10.0,
            ratio_bound=8.0,
            progress=1,
        ),
    ),
    (
        RANGE_LOWER,
        {},
        Criterion(
            upper=10.0,
            exceeded_below=8.0,
            short_lower=8.0,
            short_upper=10.0,
            ratio_bound=10.0,
            ratio_up=False,
            progress=-1,
        ),
    ),
    (RANGE_BAND, {}, Criterion(lower=8.0, upper=10.0, short_lower=8.0, short_upper=10.0)),
    (
        GROUP_30,
        {},
        Criterion(
            upper=30.0, short_upper=30.0, ratio_bound=30.0, ratio_up=False, progress=-1, rank=True
        ),
    ),
    (
        GROUP_30,
        {"cohort_policy": "proportional", "adopted_cohort": 63},
        Criterion(ratio_up=False, progress=-1, rank=True, rank_scaling=RankScaling(30, 63)),
    ),
    (
        GROUP_30_OF_63,
        {"cohort_policy": "proportional", "cohort_size": 34},
        Criterion(
            upper=16.0, short_upper=16.0, ratio_bound=16.0, ratio_up=False, progress=-1, rank=True
        ),
    ),
    (ABOUT_30, {}, Criterion(lower=28.5, short_lower=28.5, ratio_bound=28.5, progress=1)),
    (
        ABOUT_30,
        {"tolerance": 0.1},
        Criterion(lower=27.0, short_lower=27.0, ratio_bound=27.0, progress=1),
    ),
    (
        ABOUT_30_LOWER,
        {},
        Criterion(upper=31.5, short_upper=31.5, ratio_bound=31.5, ratio_up=False, progress=-1),
    ),
    (
        ABOUT_30_BAND,
        {},
        Criterion(lower=28.5, upper=31.5, short_lower=30.0, short_upper=30.0, slack=1.5),
    ),
    (WORDS, {}, Criterion(qualitative=True)),
]


def test_every_kind_has_hand_written_criteria() -> None:
    assert {type(spec) for spec, _, _ in CRITERIA} == set(MEMBERS)


@pytest.mark.parametrize(("spec", "options", "expected"), CRITERIA, ids=str)
def test_criterion_of_each_kind(
    spec: TargetSpec, options: dict[str, Any], expected: Criterion
) -> None:
    assert spec.criterion(**options) == expected


def test_a_rank_bound_that_follows_the_cohort_needs_the_cohort_size() -> None:
    scaled = GROUP_30.criterion(cohort_policy="proportional", adopted_cohort=63)
    assert scaled.resolved(34) == GROUP_30.criterion(**PROPORTIONAL_34_OF_63)
    with pytest.raises(InvalidValueError, match="got None and 63"):
        scaled.resolved()
    assert GE_55.criterion().resolved() == GE_55.criterion()


def test_numbers_are_the_finite_bounds() -> None:
    assert RANGE_HIGHER.criterion().numbers == (8.0, 10.0)
    assert ABOUT_30_BAND.criterion().numbers == (28.5, 30.0, 31.5)
    assert WORDS.criterion().numbers == ()


# ---------------------------------------------------------------------------------------------
# Words: the explanation (kh922 explain) and the signature (the audit)
# ---------------------------------------------------------------------------------------------

EXPLANATIONS = [
    (GE_55, "at least", "value ≥ 55"),
    (GT_07, "more than", "value > 0,7"),
    (LE_30, "at most", "value ≤ 30"),
    (LT_3, "less than", "value < 3"),
    (BARE_90_HIGHER, "bare number (at least)", "value ≥ 90"),
    (BARE_30_LOWER, "bare number (at most)", "value ≤ 30"),
    (BARE_90_BAND, "bare number (exactly)", "value = 90"),
    (RANGE_HIGHER, "range", "value ≥ 8; above 10 the status is 'exceeded'"),
    (RANGE_LOWER, "range", "value ≤ 10; below 8 the status is 'exceeded'"),
    (RANGE_BAND, "range (band)", "8 ≤ value ≤ 10"),
    (GROUP_30, "rank group", "rank ≤ 30 (1 is best; 'proportional' scales it)"),
    (GROUP_30_OF_63, "rank group", "rank ≤ 30 of 63 (1 is best; 'proportional' scales it)"),
    (ABOUT_30, "approximately", "value ≥ 30·(1 − tolerance), tolerance 5 % by default"),
    (ABOUT_30_LOWER, "approximately", "value ≤ 30·(1 + tolerance), tolerance 5 % by default"),
    (ABOUT_30_BAND, "approximately", "|value − 30| ≤ tolerance·30, 5 % by default"),
    (WORDS, "qualitative", "an explicit assessment (true/false) says so; a number never does"),
]


@pytest.mark.parametrize(("spec", "kind", "met_when"), EXPLANATIONS, ids=str)
def test_explanation_of_each_kind(spec: TargetSpec, kind: str, met_when: str) -> None:
    explanation = spec.explanation()
    assert (explanation.kind, explanation.met_when) == (kind, met_when)


def test_explain_shows_the_unit_of_kinds_that_have_one() -> None:
    assert "unit:       %" in explain(RANGE_HIGHER)
    assert "unit:       (the indicator's)" in explain(GE_55)
    assert "unit:" not in explain(GROUP_30)
    assert "unit:" not in explain(WORDS)


SIGNATURES = [
    (BARE_90_HIGHER, "ge", (90.0,), None, "at least 90"),
    (GT_07, "gt", (0.7,), None, "more than 0.7"),
    (BARE_30_LOWER, "le", (30.0,), None, "at most 30"),
    (LT_3, "lt", (3.0,), None, "less than 3"),
    (BARE_90_BAND, "target", (90.0,), None, "90"),
    (RANGE_LOWER, "range", (8.0, 10.0), None, "from 8 to 10"),
    (ABOUT_30, "approx", (30.0,), None, "about 30"),
    (GROUP_30_OF_63, "rank", (30.0,), None, "a rank within the top 30"),
    (
        Qualitative(text="Tiên tiến,  Hiện đại"),
        "words",
        (),
        "tiên tiến, hiện đại",
        "a target in words, with no number",
    ),
]


@pytest.mark.parametrize(("spec", "kind", "numbers", "words", "description"), SIGNATURES, ids=str)
def test_signature_of_each_kind(
    spec: TargetSpec,
    kind: str,
    numbers: tuple[float, ...],
    words: str | None,
    description: str,
) -> None:
    signature = spec.signature()
    assert (signature.kind, signature.numbers, signature.words) == (kind, numbers, words)
    assert signature.description == description


def test_every_kind_has_a_hand_written_signature() -> None:
    assert {type(spec) for spec, *_ in SIGNATURES} == set(MEMBERS)


def test_signatures_match_what_asks_for_the_same() -> None:
    assert GROUP_30.signature().matches(GROUP_30_OF_63.signature())
    assert Comparison(operator="ge", value=90).signature().matches(BARE_90_HIGHER.signature())
    assert not Comparison(operator="gt", value=90).signature().matches(BARE_90_HIGHER.signature())
    assert Range(low=8, high=10.00000000001).signature().matches(RANGE_HIGHER.signature())
    assert not Range(low=8, high=11).signature().matches(RANGE_HIGHER.signature())
    assert not ABOUT_30.signature().matches(Comparison(operator="ge", value=30).signature())
    assert Qualitative(text="hoàn  THÀNH").signature().matches(WORDS.signature())
    assert not Qualitative(text="Đạt chuẩn").signature().matches(WORDS.signature())
