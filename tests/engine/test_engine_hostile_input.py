"""Hostile and messy input to the engine: blank units, columns named like the engine's own,
components that cannot be combined, and option values that mean nothing.

Expected values come from the semantics (docs/evaluating.md), worked out by hand.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import kh922core
from kh922core import Baseline, Plan, evaluate, progress, rank
from kh922core.errors import InvalidValueError, ObservationError, PlanValidationError
from tests.conftest import PlanFiles


def _rows(result: pl.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    return sorted(result.select(*columns).with_columns(pl.col(pl.Enum).cast(pl.String)).rows())


# --- an empty unit means the target's unit -------------------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
@pytest.mark.parametrize("dtype", ["String", "Categorical", "Enum"])
def test_an_empty_or_blank_unit_is_the_targets_unit(
    kh922_plan: Plan, blank: str, dtype: str
) -> None:
    unit_dtype = {
        "String": pl.String,
        "Categorical": pl.Categorical,
        "Enum": pl.Enum([blank, "fraction"]),
    }[dtype]
    observations = pl.DataFrame(
        {
            "indicator": ["tfp-contribution"] * 3,
            "value": [56.0, 54.0, 0.56],
            "unit": [blank, blank, "fraction"],
        },
        schema_overrides={"unit": unit_dtype},
    )
    result = evaluate(kh922_plan, observations)  # 2030-3: ≥ 55, in %
    assert _rows(result, "value", "value_converted", "status", "shortfall") == [
        (0.56, 0.56 * 100.0, "met", 0.0),
        (54.0, 54.0, "not_met", 1.0),
        (56.0, 56.0, "met", 0.0),
    ]


def test_an_empty_unit_of_a_component_is_its_own_unit(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["rnd-personnel-headcount", "population"],
            "value": [1_560.0, 1_300_000.0],
            "unit": ["", " "],
            "year": [2024, 2024],
        }
    )
    result = evaluate(kh922_plan, observations)
    assert result["value_converted"].to_list() == pytest.approx([12.0])  # 1560 / 1.3e6 × 1e4


def test_progress_reads_an_empty_unit_as_the_targets_unit(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["tfp-contribution"] * 2,
            "year": [2021, 2023],
            "value": [40.0, 50.0],
            "unit": ["", "  "],
        }
    )
    row = progress(kh922_plan, observations, targets="2030-3").row(0, named=True)
    assert (row["base_value"], row["current_value"], row["met"]) == (40.0, 50.0, False)


# --- the engine's own columns never take the place of the user's --------------------------------


def test_columns_named_like_engine_temporaries_pass_through(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["tfp-contribution", "pii-rank"],
            "value": [56.0, 28.0],
            "_kh_index": ["mine-a", "mine-b"],
            "_kh_met_value": [7, 8],
            "_kh_index_1": [1.5, 2.5],
            "_kh_pair_code": [None, 3],  # an indicator with two targets reads a pair code
        }
    )
    for given in (observations, observations.lazy()):
        result = evaluate(kh922_plan, given)
        result = result.collect() if isinstance(result, pl.LazyFrame) else result
        assert result.columns[:6] == observations.columns
        columns = ("indicator", "_kh_index", "_kh_met_value", "_kh_index_1", "_kh_pair_code")
        assert _rows(result, *columns, "target_id", "met") == [
            ("pii-rank", "mine-b", 8, 2.5, 3, "2030-1", True),
            ("pii-rank", "mine-b", 8, 2.5, 3, "2045-2", True),
            ("tfp-contribution", "mine-a", 7, 1.5, None, "2030-3", True),
        ]


@pytest.mark.parametrize("name", ["_kh_in_words", "_kh_ratio"])
def test_a_column_named_like_a_staged_bound_changes_no_answer(kh922_plan: Plan, name: str) -> None:
    # whether a target is in words and its ratio bound are columns of the query for a while
    observations = pl.DataFrame(
        {
            "indicator": ["tfp-contribution", "pii-rank", "digital-infrastructure"],
            "value": [56.0, 28.0, None],
            "assessment": [None, None, True],
        }
    )
    plain = evaluate(kh922_plan, observations)
    named = evaluate(kh922_plan, observations.with_columns(pl.lit(-1.0).alias(name)))
    assert named[name].to_list() == [-1.0] * named.height
    assert_frame_equal(named.drop(name), plain)
    assert plain["status"].to_list().count("met") == plain.height  # words met, numbers met


def test_problems_are_located_beside_a_column_named_like_the_row_index(
    kh922_plan: Plan,
) -> None:
    observations = pl.DataFrame(
        {"indicator": ["pii-rank", "pii-rnak"], "value": [28.0, 3.0], "_kh_row": [10, 11]}
    )
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations)
    assert [(p.column, p.rows, p.values) for p in caught.value.problems] == [
        ("indicator", (1,), ("pii-rnak",))
    ]


def test_key_columns_named_like_component_temporaries_pass_through(kh922_plan: Plan) -> None:
    derived = pl.DataFrame(
        {
            "indicator": ["rnd-personnel-headcount", "population"],
            "value": [1_560.0, 1_300_000.0],
            "year": [2024, 2024],
            "_kh_numerator": ["n", "n"],
            "_kh_denominator": ["d", "d"],
            "_kh_link": [1, 1],
        }
    )
    result = evaluate(kh922_plan, derived)
    assert result.select("_kh_numerator", "_kh_denominator", "_kh_link").rows() == [("n", "d", 1)]
    assert result["value_converted"].to_list() == pytest.approx([12.0])
    growth = pl.DataFrame(
        {
            "indicator": ["international-publications"] * 3,
            "value": [100.0, 110.0, 121.0],
            "year": [2021, 2022, 2023],
            "_kh_first_year": [0, 0, 0],
            "_kh_first_level": [-1.0, -1.0, -1.0],
        }
    )
    result = evaluate(kh922_plan, growth).sort("year")
    assert result["_kh_first_year"].to_list() == [0, 0, 0]
    assert result["_kh_first_level"].to_list() == [-1.0, -1.0, -1.0]
    assert result["value_converted"].to_list()[1:] == pytest.approx([10.0, 10.0])


def test_a_key_may_not_be_a_column_the_engine_reads(kh922_plan: Plan) -> None:
    observations = pl.DataFrame({"indicator": ["pii-rank"], "value": [28.0], "year": [2023]})
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations, keys=["year", "value"])
    assert [p.column for p in caught.value.problems] == ["value"]


@pytest.mark.parametrize("taken", ["rank", "cohort_size"])
def test_rank_refuses_to_overwrite_a_column(taken: str) -> None:
    scores = pl.DataFrame({"year": [2025] * 3, "score": [41.0, 38.9, 40.0], taken: [7, 8, 9]})
    for given in (scores, scores.lazy()):
        with pytest.raises(ObservationError) as caught:
            rank(given, by="year")
        assert [p.column for p in caught.value.problems] == [taken]
        assert "rank_column=" in str(caught.value) or "cohort_size_column=" in str(caught.value)


def test_rank_writes_the_columns_it_is_told_to() -> None:
    scores = pl.DataFrame(
        {"score": [41.0, 38.9, 40.0], "rank": [7, 8, 9], "cohort_size": [63, 63, 63]}
    )
    ranked = rank(scores, rank_column="position", cohort_size_column="cohort")
    assert ranked.select("rank", "cohort_size", "position", "cohort").rows() == [
        (7, 63, 1, 3),
        (8, 63, 3, 3),
        (9, 63, 2, 3),
    ]
    with pytest.raises(InvalidValueError, match="must differ"):
        rank(scores, rank_column="n", cohort_size_column="n")
    with pytest.raises(ObservationError, match="score column is missing"):
        rank(scores, score="points", rank_column="position", cohort_size_column="cohort")


# --- components that cannot be combined are reported -----------------------------------------


def _components(rows: list[tuple[str, float, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"indicator": pl.String, "value": pl.Float64, "year": pl.Int64}, orient="row"
    )


def test_a_numerator_without_its_denominator_is_no_data(kh922_plan: Plan) -> None:
    result = evaluate(kh922_plan, _components([("rnd-personnel-headcount", 1_560.0, 2024)]))
    assert _rows(result, "year", "target_id", "value_converted", "status", "computed") == [
        (2024, "2030-12", None, "no_data", True)
    ]


def test_components_of_different_years_are_no_data(kh922_plan: Plan) -> None:
    observations = _components(
        [("rnd-personnel-headcount", 1_560.0, 2023), ("population", 1_300_000.0, 2024)]
    )
    result = evaluate(kh922_plan, observations)
    # The head count of 2023 has no population of 2023; a population alone says nothing.
    assert _rows(result, "year", "target_id", "status", "computed") == [
        (2023, "2030-12", "no_data", True)
    ]


def test_a_single_level_year_gives_a_growth_row_without_data(kh922_plan: Plan) -> None:
    result = evaluate(kh922_plan, _components([("international-publications", 100.0, 2023)]))
    assert _rows(result, "year", "target_id", "value_converted", "status", "computed") == [
        (2023, "2030-13", None, "no_data", True)
    ]


@pytest.mark.parametrize(
    ("rows", "duplicated", "located"),
    [
        (
            [
                ("rnd-personnel-headcount", 1_560.0, 2024),
                ("population", 1_300_000.0, 2024),
                ("rnd-personnel-headcount", 1_600.0, 2024),
            ],
            "rnd-personnel-headcount",
            (0, 2),
        ),
        (
            [
                ("rnd-personnel-headcount", 1_560.0, 2024),
                ("population", 1_300_000.0, 2024),
                ("population", 1_250_000.0, 2024),
            ],
            "population",
            (1, 2),
        ),
        (
            [
                ("international-publications", 100.0, 2021),
                ("international-publications", 110.0, 2022),
                ("international-publications", 112.0, 2022),
            ],
            "international-publications",
            (1, 2),
        ),
    ],
)
def test_duplicated_components_are_refused_with_their_rows(
    kh922_plan: Plan,
    rows: list[tuple[str, float, int]],
    duplicated: str,
    located: tuple[int, ...],
) -> None:
    for given in (_components(rows), _components(rows).lazy()):
        with pytest.raises(ObservationError) as caught:
            evaluate(kh922_plan, given)
        (problem,) = caught.value.problems
        assert (problem.column, problem.rows, problem.count) == ("value", located, 2)
        assert repr(duplicated) in problem.message


def test_components_told_apart_by_a_key_are_not_duplicates(kh922_plan: Plan) -> None:
    observations = _components(
        [
            ("rnd-personnel-headcount", 1_560.0, 2024),
            ("population", 1_300_000.0, 2024),
            ("rnd-personnel-headcount", 1_300.0, 2024),
            ("population", 1_300_000.0, 2024),
        ]
    ).with_columns(pl.Series("district", ["a", "a", "b", "b"]))
    result = evaluate(kh922_plan, observations)
    assert _rows(result, "district") == [("a",), ("b",)]
    assert result.sort("district")["value_converted"].to_list() == pytest.approx([12.0, 10.0])


# --- meaningless option values are refused -----------------------------------------------------

OBSERVED = pl.DataFrame({"indicator": ["pii-rank"], "value": [17.0], "cohort_size": [34]})


@pytest.mark.parametrize("tolerance", [math.nan, -0.01, math.inf, -math.inf, 1.0, 2])
def test_evaluate_refuses_a_meaningless_tolerance(kh922_plan: Plan, tolerance: float) -> None:
    with pytest.raises(InvalidValueError, match=rf"tolerance .*got {tolerance!r}"):
        evaluate(kh922_plan, OBSERVED, tolerance=tolerance)


@pytest.mark.parametrize("policy", ["absolute", "proportional"])
@pytest.mark.parametrize("cohort_size", [0, -34, 34.0, True])
def test_evaluate_refuses_a_meaningless_cohort_size(
    kh922_plan: Plan, policy: Any, cohort_size: Any
) -> None:
    with pytest.raises(InvalidValueError, match=rf"cohort_size .*got {cohort_size!r}"):
        evaluate(kh922_plan, OBSERVED, cohort_policy=policy, cohort_size=cohort_size)


def test_cohort_sizes_below_one_are_located(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["pii-rank"] * 4,
            "value": [17.0, 17.0, 17.0, None],
            "cohort_size": [34, 0, -1, 0],  # no value in the last row: its cohort is not read
        }
    )
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations, cohort_policy="proportional")
    (problem,) = caught.value.problems
    assert (problem.column, problem.rows, problem.values) == ("cohort_size", (1, 2), ("0", "-1"))
    result = evaluate(kh922_plan, observations.head(1), cohort_policy="proportional")
    assert set(result["status"].cast(pl.String)) == {"not_met"}  # 17 > 30 × 34 // 63 = 16


def test_a_cohort_column_of_another_type_is_reported_as_such(kh922_plan: Plan) -> None:
    observations = pl.DataFrame({"indicator": ["pii-rank"], "value": [17.0], "cohort_size": ["0"]})
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations, cohort_policy="proportional")
    assert [p.message for p in caught.value.problems] == ["expected an integer, got String"]


def test_progress_refuses_a_meaningless_cohort_size_and_baseline(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {"indicator": ["dti-rank"] * 2, "year": [2021, 2022], "value": [31.0, 51.0]}
    )
    with pytest.raises(InvalidValueError, match=r"cohort_size .*got 0"):
        progress(kh922_plan, observations, targets="2030-2", cohort_size=0)
    # A baseline built without validation (the model refuses one) is refused all the same.
    unchecked = Baseline.model_construct(value=-math.inf, year=2020)
    target = kh922_plan.target("2030-2").model_copy(update={"baseline": unchecked})
    plan = kh922_plan.model_copy(
        update={"targets": tuple(target if t.id == "2030-2" else t for t in kh922_plan.targets)}
    )
    with pytest.raises(InvalidValueError, match=r"baseline .*got -inf"):
        progress(plan, observations, targets="2030-2")


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_a_baseline_must_be_finite(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        Baseline(value=value, year=2020)


def test_a_plan_file_with_an_infinite_baseline_is_refused_where_written(
    plan_files: PlanFiles, tmp_path: Path
) -> None:
    text = plan_files.minimal.replace(
        '    text: "≥ 30"\n', '    text: "≥ 30"\n    baseline: {value: -1.0e+999, year: 2020}\n', 1
    )
    with pytest.raises(PlanValidationError) as caught:
        kh922core.load_plan(plan_files.write(tmp_path, text))
    (problem,) = caught.value.problems
    assert problem.path == "targets[0].baseline.value"
    assert problem.line is not None


@pytest.mark.parametrize("horizon", [0, -5, 40000])
def test_a_plan_file_with_a_meaningless_horizon_is_refused_where_written(
    plan_files: PlanFiles, tmp_path: Path, horizon: int
) -> None:
    text = (
        plan_files.minimal.replace(
            'horizon: 2030\n    row: "1"', f'horizon: {horizon}\n    row: "1"'
        )
        .replace('id: "2030-1"\n    indicator', f'id: "{horizon}-1"\n    indicator')
        .replace('targets: ["2030-1"]', f'targets: ["{horizon}-1"]')
    )
    with pytest.raises(PlanValidationError) as caught:
        kh922core.load_plan(plan_files.write(tmp_path, text))
    paths = {problem.path: problem for problem in caught.value.problems}
    assert "targets[0].horizon" in paths
    assert paths["targets[0].horizon"].line is not None


def test_a_float_year_from_pandas_is_refused_with_the_way_to_cast_it(kh922_plan: Plan) -> None:
    pd = pytest.importorskip("pandas")
    # pandas stores a column of years with a missing one as floats
    frame = pd.DataFrame(
        {"indicator": ["hdi"] * 3, "value": [0.7, 0.71, 0.72], "year": [2024, 2025, None]}
    )
    assert str(frame["year"].dtype) == "float64"
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, frame)
    (problem,) = caught.value.problems
    assert problem.column == "year"
    assert problem.message.startswith("expected an integer, got Float64")
    assert "'Int64'" in problem.message
    evaluate(kh922_plan, frame.astype({"year": "Int64"}))  # as the message says
