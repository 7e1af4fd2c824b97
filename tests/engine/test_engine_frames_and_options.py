"""Found by trying the library as a new user: each mistake is a library error saying what to do."""

from __future__ import annotations

import polars as pl
import pytest

import kh922core
from kh922core.errors import InvalidValueError, ObservationError, UnsupportedFrameError


@pytest.mark.parametrize("frame", [[{"score": 1.0}], {"score": [1.0]}, None])
def test_rank_and_summarize_name_a_frame_of_another_kind(frame: object) -> None:
    with pytest.raises(UnsupportedFrameError, match="scores must be a polars DataFrame"):
        kh922core.rank(frame)  # type: ignore[type-var]
    with pytest.raises(UnsupportedFrameError, match="result must be a polars DataFrame"):
        kh922core.summarize(frame)  # type: ignore[type-var]


def test_rank_refuses_text_scores_instead_of_reading_them_the_english_way() -> None:
    scores = pl.DataFrame({"year": [2025] * 3, "score": ["9", "10", "41,5"]})
    with pytest.raises(ObservationError, match="column 'score': expected a numeric column"):
        kh922core.rank(scores, by="year")


def test_summarize_says_it_needs_the_result_of_evaluate() -> None:
    observations = pl.DataFrame({"indicator": ["pii-rank"], "value": [28.0]})
    with pytest.raises(ObservationError) as caught:
        kh922core.summarize(observations)
    assert {p.column for p in caught.value.problems} == {"met", "status"}
    assert "result of kh922core.evaluate()" in str(caught.value)


def test_a_bad_cohort_policy_is_named_once_not_as_a_targets_problem(
    kh922_plan: kh922core.Plan,
) -> None:
    observations = pl.DataFrame({"indicator": ["pii-rank"], "value": [28.0]})
    with pytest.raises(InvalidValueError) as caught:
        kh922core.evaluate(kh922_plan, observations, cohort_policy="relative")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "cohort_policy must be 'absolute' or 'proportional', got 'relative'"
    )
