"""Arguments of the public API that gave a plausible wrong answer, or a raw exception, and are
now read right or refused by the library's own errors (a red-team round on the API a developer
embeds: round 122).

Silent wrong answers first: a keyword a spec does not read (``unit=``) was ignored; a year and
a number of years that contradict each other took the years; an assessment as a NumPy Boolean
or a text was no assessment; ``summarize(result, plan=other)`` counted another plan's targets
under this plan's names; ``progress(base_year=2023.5)`` started at 2023.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

import kh922core
from kh922core import (
    Change,
    InvalidValueError,
    Kh922Error,
    NumberFormatError,
    ObservationError,
    Status,
    format_number,
    load_plan,
    parse_number,
    parse_target,
)


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return load_plan()


def _growth_target(plan: kh922core.Plan) -> kh922core.Target:
    """The plan's first numeric target made a yearly growth since 2022."""
    target = next(t for t in plan.targets if t.spec.kind == "comparison" and t.spec.value)
    spec = target.spec.model_copy(
        update={"change": Change(kind="growth_per_year", since=2022), "unit": "%/năm"}
    )
    return target.model_copy(update={"spec": spec})


def test_a_year_and_years_that_contradict_are_refused(plan: kh922core.Plan) -> None:
    target = _growth_target(plan)
    with pytest.raises(InvalidValueError, match="years=3 contradicts year=2026"):
        target.status(110.0, baseline=100.0, year=2026, years=3)
    agreeing = target.status(110.0, baseline=100.0, year=2026, years=4)
    assert agreeing == target.status(110.0, baseline=100.0, year=2026)


def test_a_year_not_after_the_base_has_no_answer_whatever_the_years(
    plan: kh922core.Plan,
) -> None:
    """``years=4`` skipped the rule: a value of 2021 for a change since 2022 was judged."""
    target = _growth_target(plan)
    assert target.status(200.0, baseline=100.0, year=2021, years=4) is Status.NO_DATA
    assert target.status(200.0, baseline=100.0, year=2022) is Status.NO_DATA


@pytest.mark.parametrize("year", [2025.5, True, "2026"])
def test_a_year_that_is_no_whole_number_is_refused(plan: kh922core.Plan, year: object) -> None:
    with pytest.raises(InvalidValueError, match="year must be a whole number"):
        _growth_target(plan).status(110.0, baseline=100.0, year=year)  # type: ignore[arg-type]


def test_a_numpy_year_is_a_year(plan: kh922core.Plan) -> None:
    target = _growth_target(plan)
    assert target.status(121.0, baseline=100.0, year=np.int64(2024)) == target.status(
        121.0, baseline=100.0, year=2024
    )


def test_an_assessment_as_a_numpy_boolean_is_read(plan: kh922core.Plan) -> None:
    words = next(t for t in plan.targets if t.spec.kind == "qualitative")
    assert words.status(np.bool_(True)) is Status.MET
    assert words.status(np.bool_(False)) is Status.NOT_MET
    assert words.status(float("nan")) is Status.NEEDS_ASSESSMENT


@pytest.mark.parametrize("value", ["false", "Đạt", "True"])
def test_an_assessment_as_a_text_is_refused(plan: kh922core.Plan, value: str) -> None:
    """A text said an assessment, and was read as none (``needs_assessment``)."""
    words = next(t for t in plan.targets if t.spec.kind == "qualitative")
    with pytest.raises(InvalidValueError, match="True \\(Đạt\\) or False"):
        words.status(value)  # type: ignore[arg-type]
    assert words.status(0.9) is Status.NEEDS_ASSESSMENT  # a figure: still to be assessed


def test_a_numpy_number_is_a_number() -> None:
    spec = parse_target("≥ 30%", unit="%")
    assert spec.is_met(np.int64(31)) is True
    assert spec.is_met(np.float32(29.0)) is False
    with pytest.raises(InvalidValueError, match="needs a number"):
        spec.is_met(np.bool_(True))  # type: ignore[arg-type]


def test_evaluate_refuses_a_plan_id(plan: kh922core.Plan) -> None:
    frame = pl.DataFrame({"indicator": ["tfp-contribution"], "value": [56.0]})
    with pytest.raises(InvalidValueError, match=r"load_plan\('ben-tre'\)"):
        kh922core.evaluate("ben-tre", frame)  # type: ignore[arg-type]
    result = kh922core.evaluate(plan, frame)
    with pytest.raises(InvalidValueError, match="must be a Plan"):
        kh922core.summarize(result, plan="ben-tre")  # type: ignore[arg-type]


def _other_plan(plan: kh922core.Plan) -> kh922core.Plan:
    """The plan with its first two targets' indicators swapped: the same ids, other meanings."""
    first, second, *rest = plan.targets
    swapped = (
        first.model_copy(update={"indicator": second.indicator}),
        second.model_copy(update={"indicator": first.indicator}),
        *rest,
    )
    return plan.model_copy(update={"targets": swapped})


def test_summarize_refuses_another_plan_s_targets(plan: kh922core.Plan) -> None:
    result = kh922core.evaluate(plan, kh922core.published_figures())
    other = _other_plan(plan)
    with pytest.raises(ObservationError, match="the plan that evaluated it") as caught:
        kh922core.summarize(result, plan=other)
    assert plan.targets[0].id in str(caught.value)
    fewer = plan.model_copy(update={"targets": plan.targets[1:]})
    with pytest.raises(ObservationError, match="is not a target of plan"):
        kh922core.summarize(result, plan=fewer)
    assert kh922core.summarize(result, plan=plan)["n_targets"][0] >= len(plan.targets)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"base_year": 2023.5}, "base_year"),
        ({"base_year": True}, "base_year"),
        ({"base_year": "2023"}, "base_year"),
        ({"baseline": "Series"}, "baseline"),
    ],
)
def test_progress_refuses_options_it_would_bend(
    plan: kh922core.Plan, options: dict[str, object], match: str
) -> None:
    with pytest.raises(InvalidValueError, match=match):
        kh922core.progress(plan, kh922core.published_figures(), **options)  # type: ignore[arg-type]


def test_rank_refuses_a_direction_as_text() -> None:
    frame = pl.DataFrame({"score": [1.0, 2.0]})
    with pytest.raises(InvalidValueError, match="higher_is_better"):
        kh922core.rank(frame, higher_is_better="False")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda: parse_target("55", unit=5),
        lambda: kh922core.conversion_factor(None, "%"),
        lambda: kh922core.parse_unit(["%"]),
        lambda: kh922core.reporting_dates(load_plan(), 20260101, "2026-12-31"),
    ],
)
def test_a_value_of_the_wrong_type_is_the_library_s_error(call: object) -> None:
    with pytest.raises(Kh922Error):
        call()  # type: ignore[operator]


def test_numbers_are_read_from_texts_and_written_from_numbers() -> None:
    with pytest.raises(NumberFormatError, match="reads a text"):
        parse_number(5)  # type: ignore[arg-type]
    with pytest.raises(NumberFormatError, match="writes a number"):
        format_number("12")  # type: ignore[arg-type]
    with pytest.raises(NumberFormatError, match="writes a number"):
        format_number(True)
    assert format_number(np.int64(12000)) == "12.000"
