"""``progress``: vectorised over targets × key groups, held equal to the scalar reference."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kh922core import (
    Approximate,
    Baseline,
    Comparison,
    Direction,
    Operator,
    Plan,
    Qualitative,
    Range,
    RankGroup,
    Target,
    TargetSpec,
    load_plan,
    parse_unit,
    progress,
)
from kh922core._tracking.progress_measure import RESULT_COLUMNS, target_threshold
from kh922core._tracking.progress_reference import series_progress
from kh922core._tracking.progress_vectorised import progress_of_targets
from kh922core.errors import IncompatibleUnitError, ObservationError
from kh922core.testing import strategies as kst


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


# ------------------------------------------------------------------------------ strategies

_NUMBERS = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.integers(min_value=-5, max_value=120).map(float),
    st.sampled_from([0.0, 30.0, 55.0, 100.0]),
)
_MAYBE = st.one_of(_NUMBERS, _NUMBERS, _NUMBERS, st.none(), st.just(math.nan))


@st.composite
def _series(draw: st.DrawFn, values: st.SearchStrategy[float | None] = _MAYBE) -> list[Any]:
    years = draw(st.lists(st.integers(2015, 2035), min_size=0, max_size=6, unique=True))
    return [(y, draw(values)) for y in years]


@st.composite
def _cases(draw: st.DrawFn) -> dict[str, Any]:
    target = {
        "spec": draw(kst.target_specs()),
        "horizon": draw(st.integers(2018, 2045)),
        "baseline": draw(st.none() | st.tuples(st.integers(2010, 2035), _NUMBERS)),
        "cohort": draw(st.none() | st.integers(30, 80)),
    }
    # The unit of a numeric target: bounded shares (%, fraction, % GRDP, % of the population, the
    # HDI) and unbounded quantities (a growth rate, a plain number).
    unit = draw(st.sampled_from(["%", "fraction", "% GRDP", "Người/vạn dân", "%/năm", "HDI", None]))
    entities = draw(st.lists(_series(), min_size=1, max_size=3))
    return {
        "target": target,
        "unit": unit,
        "entities": entities,
        "baseline": draw(st.sampled_from(["plan", "series"])),
        "base_year": draw(st.none() | st.integers(2012, 2036)),
        "as_of": draw(st.none() | st.integers(2014, 2036)),
        "assessments": draw(st.lists(st.none() | st.booleans(), min_size=6, max_size=6)),
    }


def _frame(case: dict[str, Any]) -> pl.DataFrame:
    rows = []
    for entity, series in enumerate(case["entities"]):
        for (year, value), flag in zip(series, case["assessments"], strict=False):
            rows.append(
                {
                    "indicator": "ind",
                    "entity": f"e{entity}",
                    "year": year,
                    "value": value,
                    "assessment": flag,
                }
            )
    schema = {
        "indicator": pl.String,
        "entity": pl.String,
        "year": pl.Int64,
        "value": pl.Float64,
        "assessment": pl.Boolean,
    }
    return pl.DataFrame(rows, schema=schema)


def _same(left: Any, right: Any) -> bool:
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, float) or isinstance(right, float):
        if math.isinf(left) or math.isinf(right):
            return bool(left == right)
        return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-12)
    return bool(left == right)


def _targeted(case: dict[str, Any], make_target: Callable[..., Target]) -> dict[str, Any]:
    """The case with its target made (the strategy draws the target's arguments)."""
    arguments = dict(case["target"])
    spec = arguments.pop("spec")
    target = make_target(spec, **arguments)
    if not isinstance(spec, RankGroup | Qualitative):
        unit = None if case["unit"] is None else parse_unit(case["unit"])
        target = target.model_copy(update={"unit": unit})
    return case | {"target": target}


def _run(case: dict[str, Any], shift: int = 0) -> pl.DataFrame:
    target: Target = case["target"]
    if shift:
        base = target.baseline
        target = target.model_copy(
            update={
                "horizon": target.horizon + shift,
                "baseline": Baseline(value=base.value, year=base.year + shift) if base else None,
            }
        )
    frame = _frame(case).with_columns(pl.col("year") + shift)
    return progress_of_targets(
        (target,),
        frame,
        as_of=None if case["as_of"] is None else case["as_of"] + shift,
        baseline=case["baseline"],
        base_year=None if case["base_year"] is None else case["base_year"] + shift,
    )


# ------------------------------------------------------------------ vectorised == reference


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cases())
def test_vectorised_equals_scalar_reference(
    case: dict[str, Any], make_target: Callable[..., Target]
) -> None:
    case = _targeted(case, make_target)
    same_as_reference(case, _run(case))


def test_a_projection_that_overflows_is_no_value_on_both_paths(
    make_target: Callable[..., Target],
) -> None:
    # found by the test above (clean-clone CI, seventeenth session): a base of -1e-308 and a
    # level of -2 project to -inf; the scalar path said "no value", the frame "not met"
    case = {
        "target": {
            "spec": Approximate(direction=Direction.HIGHER_IS_BETTER, value=1.0),
            "horizon": 2018,
            "baseline": None,
            "cohort": None,
        },
        "unit": "%/năm",
        "entities": [[(2015, -1.1125369292536007e-308), (2016, None), (2017, 0.0), (2018, -2.0)]],
        "baseline": "plan",
        "base_year": None,
        "as_of": None,
        "assessments": [None] * 6,
    }
    case = _targeted(case, make_target)
    result = _run(case)
    same_as_reference(case, result)
    assert result["projected_compound"].to_list() == [-math.inf]
    assert result["projected_met_compound"].to_list() == [None]


def same_as_reference(case: dict[str, Any], result: pl.DataFrame) -> None:
    """Assert that ``result`` (progress of the case's target) has the scalar reference's rows."""
    target: Target = case["target"]
    frame = _frame(case)
    groups = sorted(set(frame["entity"].to_list()))
    produced = {row["entity"]: row for row in result.iter_rows(named=True)}
    # several series: the plan baseline is the plan's own series', the base of none of them
    if len(groups) > 1:
        target = target.model_copy(update={"baseline": None})
    for entity in groups or [None]:
        rows = frame.filter(pl.col("entity") == entity) if entity else frame.head(0)
        series = list(zip(rows["year"].to_list(), rows["value"].to_list(), strict=True))
        flags = list(zip(rows["year"].to_list(), rows["assessment"].to_list(), strict=True))
        expected = series_progress(
            target,
            series,
            baseline=case["baseline"],
            base_year=case["base_year"],
            as_of=case["as_of"],
            assessments=flags,
        )
        usable = (
            [y for y, f in flags if f is not None]
            if isinstance(target.spec, Qualitative)
            else [y for y, v in series if v is not None and not math.isnan(v)]
        )
        usable = [y for y in usable if case["as_of"] is None or y <= case["as_of"]]
        if not usable:
            # No usable row: the entity has no group of its own; the target gets one row with
            # null keys when no entity has data at all.
            if entity not in produced and None in produced:
                got = produced[None]
            elif entity not in produced:
                continue
            else:
                got = produced[entity]
        else:
            got = produced[entity]
        for column in RESULT_COLUMNS:
            assert _same(got[column], expected[column]), (column, got[column], expected[column])


# --------------------------------------------------------------------------- the properties


@st.composite
def _monotone(draw: st.DrawFn) -> tuple[TargetSpec, list[int], float, list[float]]:
    """A one-sided spec, years, a start value and the size of each step."""
    spec = draw(
        kst.target_specs(kinds=("comparison", "range", "rank_group", "approximate")).filter(
            lambda s: s.direction is not Direction.BAND
        )
    )
    years = sorted(draw(st.lists(st.integers(2015, 2029), min_size=2, max_size=6, unique=True)))
    start = draw(_NUMBERS)
    steps = draw(
        st.lists(st.floats(min_value=1e-3, max_value=1e3), min_size=len(years), max_size=len(years))
    )
    return spec, years, start, steps


@settings(max_examples=200, deadline=None)
@given(case=_monotone(), base_year=st.none() | st.integers(2014, 2030))
def test_monotone_series_in_the_good_direction_never_deteriorate(
    case: tuple[TargetSpec, list[int], float, list[float]],
    base_year: int | None,
    make_target: Callable[..., Target],
) -> None:
    spec, years, start, steps = case
    target = make_target(spec)
    threshold = target_threshold(target)
    assert threshold is not None
    values, current = [], start
    for step in steps:  # each year a step in the direction the target asks for
        values.append(current)
        current += step * threshold.direction
    series = list(zip(years, values, strict=True))
    frame = pl.DataFrame({"indicator": "ind", "year": years, "value": values})
    result = progress_of_targets((target,), frame, base_year=base_year)
    assert result["category"].item() != "deterioration"
    assert series_progress(target, series, base_year=base_year)["category"] != "deterioration"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cases())
def test_a_met_target_is_target_achieved(
    case: dict[str, Any], make_target: Callable[..., Target]
) -> None:
    result = _run(_targeted(case, make_target))
    for row in result.iter_rows(named=True):
        if row["met"] is True:
            assert row["category"] == "target_achieved"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cases(), shift=st.integers(-50, 50))
def test_shifting_all_years_changes_nothing(
    case: dict[str, Any], shift: int, make_target: Callable[..., Target]
) -> None:
    assume(shift != 0)
    case = _targeted(case, make_target)
    before, after = _run(case), _run(case, shift)
    years = {"horizon", "base_year", "current_year"}
    assert before.columns == after.columns
    for left, right in zip(before.iter_rows(named=True), after.iter_rows(named=True), strict=True):
        for column in before.columns:
            if column in years and left[column] is not None:
                assert right[column] == left[column] + shift
            else:
                assert _same(left[column], right[column]), column


# ----------------------------------------------------------------------- on the real plan


def test_dti_ranks_2020_2022(plan: Plan) -> None:
    ranks = pl.DataFrame(
        {"indicator": "dti-rank", "year": [2020, 2021, 2022], "value": [33.0, 31.0, 51.0]}
    )
    row = progress(plan, ranks, targets=["2030-2"]).row(0, named=True)
    assert row["direction"] == "decrease"
    assert row["target_value"] == 30.0
    assert (row["base_year"], row["base_value"]) == (2020, 33.0)
    assert (row["current_year"], row["current_value"]) == (2022, 51.0)
    assert row["category"] == "deterioration"
    assert row["share_covered"] == pytest.approx((51 - 33) / (30 - 33))
    # A rank cannot pass the cohort: both projections stop at 63.
    assert row["projected_linear"] == 63.0
    assert row["projected_compound"] == 63.0
    assert row["projected_met_linear"] is False


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
def test_columns_of_provenance_split_no_series(plan: Plan, engine: str) -> None:
    # the three DTI ranks of 2020-2022 come from three sources (as the built-in figures do):
    # one series, 33 → 51, not three series of one year each ("not_available")
    ranks = pl.DataFrame(
        {
            "indicator": "dti-rank",
            "year": [2020, 2021, 2022],
            "value": [33.0, 31.0, 51.0],
            "entity": "Bến Tre",
            "source": ["báo A", "báo A", "dti.gov.vn"],
            "quality": ["derived", "published", "published"],
            "note": [None, "ước", None],
            "agency": ["Sở KH&CN", "Sở TT&TT", "Sở KH&CN"],
            "source_file": ["bc-2020.xlsx", "bc-2021.xlsx", "bc-2022.xlsx"],
        }
    )
    native: Any = ranks
    if engine == "pandas":
        native = ranks.to_pandas()
    elif engine == "duckdb":
        import duckdb

        native = duckdb.from_arrow(ranks.to_arrow())
    result = progress(plan, native, targets=["2030-2"])
    rows = pl.from_pandas(result) if engine == "pandas" else pl.DataFrame(result)
    (row,) = rows.to_dicts()
    assert row["entity"] == "Bến Tre"  # a key that tells series apart stays one
    assert "source" not in row
    assert (row["base_year"], row["base_value"]) == (2020, 33.0)
    assert (row["current_year"], row["current_value"], row["category"]) == (
        2022,
        51.0,
        "deterioration",
    )


def test_the_built_in_figures_are_one_series_per_entity(plan: Plan) -> None:
    from kh922core._plans import published_figures

    rows = progress(plan, published_figures(), targets=["2030-2"]).to_dicts()
    assert [(r["entity"], r["base_year"], r["current_year"]) for r in rows] == [
        ("Bến Tre", 2020, 2022)
    ]


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_one_figure_given_alike_by_two_sources_is_one_point(plan: Plan, engine: str) -> None:
    ranks = pl.DataFrame(
        {
            "indicator": "dti-rank",
            "year": [2020, 2022, 2022],
            "value": [33.0, 51.0, 51.0],
            "source": ["báo A", "dti.gov.vn", "Niên giám"],
        }
    )
    native: Any = ranks.to_pandas() if engine == "pandas" else ranks
    result = progress(plan, native, targets=["2030-2"])
    (row,) = (pl.from_pandas(result) if engine == "pandas" else result).to_dicts()
    assert (row["n_points"], row["current_year"], row["current_value"]) == (2, 2022, 51.0)


def test_two_sources_of_one_year_are_refused(plan: Plan) -> None:
    ranks = pl.DataFrame(
        {
            "indicator": "dti-rank",
            "year": [2020, 2020, 2022],
            "value": [33.0, 35.0, 51.0],
            "source": ["báo A", "báo B", "dti.gov.vn"],
        }
    )
    with pytest.raises(ObservationError, match="several values for the same target"):
        progress(plan, ranks, targets=["2030-2"])


def test_rank_projection_cannot_pass_one(plan: Plan) -> None:
    ranks = pl.DataFrame({"indicator": "dti-rank", "year": [2020, 2022], "value": [40.0, 20.0]})
    row = progress(plan, ranks, targets=["2030-2"]).row(0, named=True)
    assert row["category"] == "target_achieved"
    assert row["projected_linear"] == 1.0
    assert row["projected_compound"] == pytest.approx(40 * 0.5**5)
    assert row["projected_met_compound"] is True


def test_one_row_per_target_and_key_group(plan: Plan) -> None:
    frame = pl.DataFrame(
        {
            "indicator": ["cashless-transactions"] * 4,
            "entity": ["Bến Tre", "Bến Tre", "Trà Vinh", "Trà Vinh"],
            "year": [2023, 2025, 2023, 2025],
            "value": [40.0, 50.0, 60.0, 50.0],
        }
    )
    result = progress(plan, frame)
    assert result.height == len(plan.targets) + 1
    rows = result.filter(pl.col("target_id") == "2030-6").sort("entity")
    assert rows["entity"].to_list() == ["Bến Tre", "Trà Vinh"]
    assert rows["category"].to_list() == ["substantial_progress", "deterioration"]
    assert result.filter(pl.col("target_id") == "2030-3")["category"].item() == "not_available"


def test_units_are_converted_to_the_targets_unit(plan: Plan) -> None:
    frame = pl.DataFrame(
        {
            "indicator": "e-health-records",
            "year": [2023, 2024],
            "value": [0.5, 0.6],
            "unit": "fraction",
        }
    )
    row = progress(plan, frame, targets=["2030-22"]).row(0, named=True)
    assert row["base_value"] == pytest.approx(50.0)
    assert row["current_value"] == pytest.approx(60.0)
    with pytest.raises(IncompatibleUnitError):
        progress(plan, frame.with_columns(unit=pl.lit("Thứ bậc")), targets=["2030-22"])


def test_plan_baseline_is_used_unless_asked_for_the_series(plan: Plan) -> None:
    target = plan.target("2030-6").model_copy(
        update={"baseline": Baseline(value=30.0, year=2020, source="test")}
    )
    frame = pl.DataFrame(
        {"indicator": "cashless-transactions", "year": [2023, 2025], "value": [40.0, 50.0]}
    )
    row = progress_of_targets((target,), frame).row(0, named=True)
    assert (row["baseline_source"], row["base_year"], row["base_value"]) == ("plan", 2020, 30.0)
    row = progress_of_targets((target,), frame, baseline="series").row(0, named=True)
    assert (row["baseline_source"], row["base_year"], row["base_value"]) == ("series", 2023, 40.0)


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
def test_a_plan_baseline_is_no_base_of_a_district(plan: Plan, engine: str) -> None:
    # the plan's 30 % of 2020 is the province's level: two districts, each from its own first
    # point (a district used to be measured from the province's baseline)
    target = plan.target("2030-6").model_copy(
        update={"baseline": Baseline(value=30.0, year=2020, source="test")}
    )
    frame = pl.DataFrame(
        {
            "indicator": "cashless-transactions",
            "district": ["A", "A", "B", "B"],
            "year": [2023, 2025, 2023, 2025],
            "value": [40.0, 50.0, 60.0, 55.0],
        }
    )
    native: Any = frame
    if engine == "pandas":
        native = frame.to_pandas()
    elif engine == "duckdb":
        import duckdb

        native = duckdb.from_arrow(frame.to_arrow())
    based = plan.model_copy(
        update={"targets": tuple(target if t.id == target.id else t for t in plan.targets)}
    )
    result = progress(based, native, targets=[target.id])
    rows = pl.from_pandas(result) if engine == "pandas" else pl.DataFrame(result)
    found = [
        (r["district"], r["baseline_source"], r["base_year"], r["base_value"])
        for r in rows.sort("district").to_dicts()
    ]
    assert found == [("A", "series", 2023, 40.0), ("B", "series", 2023, 60.0)]


def test_a_plan_baseline_stays_the_base_of_the_plans_own_series(plan: Plan) -> None:
    target = plan.target("2030-6").model_copy(
        update={"baseline": Baseline(value=30.0, year=2020, source="test")}
    )
    frame = pl.DataFrame(
        {
            "indicator": "cashless-transactions",
            "entity": "Bến Tre",  # one key group: the plan's own series
            "year": [2023, 2025],
            "value": [40.0, 50.0],
            "source": ["Cục Thống kê", "Sở Tài chính"],  # provenance splits nothing
        }
    )
    row = progress_of_targets((target,), frame).row(0, named=True)
    assert (row["baseline_source"], row["base_year"], row["base_value"]) == ("plan", 2020, 30.0)


def test_base_year_and_as_of(plan: Plan) -> None:
    frame = pl.DataFrame(
        {
            "indicator": "cashless-transactions",
            "year": [2019, 2021, 2023, 2025],
            "value": [10.0, 20.0, 30.0, 40.0],
        }
    )
    row = progress(plan, frame, targets=["2030-6"], base_year=2020, as_of=date(2024, 5, 1)).row(
        0, named=True
    )
    assert (row["base_year"], row["current_year"], row["n_points"]) == (2021, 2023, 3)


def test_qualitative_targets_use_the_assessment(plan: Plan) -> None:
    frame = pl.DataFrame(
        {
            "indicator": "digital-infrastructure",
            "year": [2024, 2025],
            "value": [None, None],
            "assessment": [False, True],
        },
        schema={
            "indicator": pl.String,
            "year": pl.Int64,
            "value": pl.Float64,
            "assessment": pl.Boolean,
        },
    )
    result = progress(plan, frame, targets=["2030-15"])
    assert result.select("met", "category").row(0) == (True, "target_achieved")
    result = progress(plan, frame, targets=["2030-15"], as_of=2024)
    assert result.select("met", "category").row(0) == (False, "not_available")


def test_errors_name_the_problem(plan: Plan) -> None:
    with pytest.raises(ObservationError, match="year"):
        progress(plan, pl.DataFrame({"indicator": ["hdi"], "value": [0.7]}))
    with pytest.raises(ObservationError, match="unknown indicator"):
        progress(plan, pl.DataFrame({"indicator": ["nope"], "value": [0.7], "year": [2024]}))
    with pytest.raises(ObservationError, match="several values"):
        progress(
            plan,
            pl.DataFrame({"indicator": ["hdi", "hdi"], "value": [0.7, 0.8], "year": [2024, 2024]}),
        )
    with pytest.raises(ObservationError, match="cannot be read"):
        progress(plan, pl.DataFrame({"indicator": ["hdi"], "value": ["abc"], "year": [2024]}))
    # a text assessment has no cast to a Boolean at all: named, not a raw Polars error
    texts = {"indicator": ["hdi", "hdi"], "value": [0.7, 0.8], "year": [2024, 2025]}
    with pytest.raises(ObservationError, match=r"assessment.*cannot be read") as found:
        progress(plan, pl.DataFrame(texts | {"assessment": ["đạt", None]}))
    assert [(p.column, p.rows, p.values) for p in found.value.problems] == [
        ("assessment", (0,), ("đạt",))
    ]


def test_band_targets_are_approached_from_either_side(make_target: Callable[..., Target]) -> None:
    spec = Range(low=8, high=10, direction=Direction.BAND)
    target = make_target(spec)
    below = pl.DataFrame({"indicator": "ind", "year": [2020, 2022], "value": [4.0, 6.0]})
    above = pl.DataFrame({"indicator": "ind", "year": [2020, 2022], "value": [16.0, 14.0]})
    row = progress_of_targets((target,), below).row(0, named=True)
    assert (row["direction"], row["target_value"]) == ("increase", 8.0)
    row = progress_of_targets((target,), above).row(0, named=True)
    assert (row["direction"], row["target_value"]) == ("decrease", 10.0)
    inside = pl.DataFrame({"indicator": "ind", "year": [2020, 2022], "value": [9.0, 9.5]})
    assert progress_of_targets((target,), inside)["category"].item() == "target_achieved"


def test_thresholds_of_each_kind(make_target: Callable[..., Target]) -> None:
    approx = make_target(Approximate(value=30.0))
    threshold = target_threshold(approx)
    assert threshold is not None
    assert threshold.low == pytest.approx(28.5)
    strict = target_threshold(make_target(Comparison(operator=Operator.GT, value=0.7)))
    assert strict is not None
    assert strict.low_strict
    assert target_threshold(make_target(Qualitative(text="Hoàn thành"))) is None
    rank = target_threshold(
        make_target(RankGroup(size=30), cohort=63), cohort_policy="proportional", cohort_size=34
    )
    assert rank is not None
    assert rank.high == 16.0


def test_key_columns_may_not_shadow_results(plan: Plan) -> None:
    frame = pl.DataFrame({"indicator": ["hdi"], "value": [0.7], "year": [2024], "category": ["x"]})
    with pytest.raises(ObservationError, match="rename it"):
        progress(plan, frame)
    frame = pl.DataFrame(
        {
            "indicator": ["pii-rank"] * 2,
            "value": [28.0, 20.0],
            "year": [2023, 2025],
            "cohort_size": [63, 34],
        }
    )
    assert progress(plan, frame, targets=["2030-1"]).columns[:2] == ["target_id", "indicator"]
