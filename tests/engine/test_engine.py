"""The vectorised engine: kinds of target, units, ranks, derived and growth indicators, errors."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from kh922core._engine import STATUS_DTYPE, evaluate, rank
from kh922core._engine import conversion as conversion
from kh922core._plans.model import Plan
from kh922core._targets import Comparison, Operator
from kh922core.errors import ObservationError, UnitError

INPUT = {"indicator": pl.String, "value": pl.Float64, "unit": pl.String}


def make_plan(*rows: tuple[str, str | None, str, str], cohort: int = 63) -> Plan:
    """A plan with one target per row: (indicator id, unit, direction, target text)."""
    return Plan.model_validate(
        {
            "id": "test-plan",
            "number": "1/KH-TEST",
            "title": "Kế hoạch thử",
            "date": "2025-02-14",
            "province": {"name": "Tỉnh thử", "code": "00"},
            "issuer": "ubnd-tinh-thu",
            "rank_cohort": {"size": cohort, "as_of": "2025-02-14"},
            "indicators": [
                {"id": indicator, "name": indicator, "unit": unit, "direction": direction}
                for indicator, unit, direction, _ in rows
            ],
            "targets": [
                {
                    "id": f"2030-{number}",
                    "indicator": indicator,
                    "horizon": 2030,
                    "row": str(number),
                    "unit": unit,
                    "text": text,
                }
                for number, (indicator, unit, _, text) in enumerate(rows, start=1)
            ],
        }
    )


def frame(rows: list[dict[str, Any]], **extra: pl.DataType) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={**INPUT, **extra}, orient="row")


def statuses(result: pl.DataFrame) -> list[str]:
    return result["status"].cast(pl.String).to_list()


# --- the published figures --------------------------------------------------------------------


def test_published_pii_rank_28_meets_group_30_and_dti_51_does_not(
    kh922_plan: Plan, kh922_published_figures: pl.DataFrame
) -> None:
    result = evaluate(kh922_plan, kh922_published_figures)
    pii = result.filter((pl.col("indicator") == "pii-rank") & (pl.col("year") == 2023)).sort(
        "target_id"
    )
    assert pii["value_converted"].to_list() == [28.0, 28.0]
    assert pii["target_id"].cast(pl.String).to_list() == ["2030-1", "2045-2"]
    assert pii["met"].to_list() == [True, True]
    dti = result.filter((pl.col("indicator") == "dti-rank") & (pl.col("year") == 2022))
    assert dti.select("target_id", "met", "status", "shortfall").row(0) == (
        "2030-2",
        False,
        "not_met",
        21.0,
    )
    assert set(result["quality"]) == {"published", "derived"}
    assert result["source"].str.starts_with("https://").all()


def test_proxies_are_flagged_not_silently_evaluated(kh922_plan: Plan) -> None:
    from kh922core._plans.published_figures import published_figures

    assert "proxy" not in set(published_figures()["quality"])
    with_proxies = evaluate(kh922_plan, published_figures(proxies=True))
    proxies = with_proxies.filter(pl.col("quality") == "proxy")
    assert sorted(proxies["indicator"]) == [
        "end-to-end-online-services",
        "online-public-service-usage",
    ]


def test_the_sample_keeps_the_shared_file_with_its_sources() -> None:
    from importlib import resources

    from kh922core._plans.published_figures import PUBLISHED_INDICATORS

    shipped = resources.files("kh922core") / "data" / "samples" / "ben_tre_published_figures.csv"
    text = shipped.read_text(encoding="utf-8")
    shared = (
        Path(__file__).resolve().parents[3] / "shared" / "data" / "ben_tre_published_figures.csv"
    )
    if shared.exists():
        assert text == shared.read_text(encoding="utf-8")
    assert text.startswith("# Published figures")
    names = pl.read_csv(shipped.read_bytes(), comment_prefix="#")["indicator"].unique()
    assert set(names) == set(PUBLISHED_INDICATORS)


# --- kinds of target ---------------------------------------------------------------------------


def test_fraction_meets_a_percent_target_at_the_boundary() -> None:
    plan = make_plan(("share", "%", "higher_is_better", "≥ 29"))
    assert 0.29 * 100 != 29.0  # 28.999999999999996: only the tolerance makes it meet
    result = evaluate(plan, frame([{"indicator": "share", "value": 0.29, "unit": "fraction"}]))
    assert result.select("met", "status", "shortfall").row(0) == (True, "met", 0.0)


def test_strict_and_inclusive_bounds() -> None:
    plan = make_plan(
        ("a", "%", "higher_is_better", "> 60"),
        ("b", "%", "higher_is_better", "≥ 60"),
        ("c", "%", "lower_is_better", "dưới 3%"),
        ("d", "%", "lower_is_better", "3"),
    )
    rows = [{"indicator": i, "value": v, "unit": None} for i, v in (("a", 60), ("b", 60))]
    rows += [{"indicator": i, "value": v, "unit": None} for i, v in (("c", 3), ("d", 3))]
    result = evaluate(plan, frame(rows)).sort("target_id")
    assert result["met"].to_list() == [False, True, False, True]


def test_range_is_met_from_low_and_exceeded_above_high(kh922_plan: Plan) -> None:
    values = [7.9, 8.0, 10.0, 10.5, None, math.nan]
    rows = [{"indicator": "patent-commercialisation", "value": v, "unit": "%"} for v in values]
    result = evaluate(kh922_plan, frame(rows).with_row_index("n")).sort("n")
    assert statuses(result) == ["not_met", "met", "met", "exceeded", "no_data", "no_data"]
    assert result["met"].to_list() == [False, True, True, True, None, None]
    shortfall = result["shortfall"].to_list()
    assert shortfall[0] == pytest.approx(0.1)
    assert shortfall[1:4] == [0.0, 0.0, 0.0]
    assert shortfall[4:] == [None, None]


def test_band_range_misses_on_both_sides() -> None:
    plan = make_plan(("temperature", None, "band", "từ 20 đến 25"))
    rows = [{"indicator": "temperature", "value": v, "unit": None} for v in (19.0, 22.0, 26.0)]
    result = evaluate(plan, frame(rows).with_row_index("n")).sort("n")
    assert statuses(result) == ["not_met", "met", "not_met"]
    assert result["shortfall"].to_list() == [1.0, 0.0, 1.0]
    assert result["attainment"].to_list() == [None, None, None]


def test_approximate_uses_the_plan_tolerance_unless_given() -> None:
    plan = make_plan(("share", "%", "higher_is_better", "khoảng 30%"))
    observations = frame([{"indicator": "share", "value": 28.4, "unit": None}])
    assert evaluate(plan, observations)["met"].to_list() == [False]
    assert evaluate(plan, observations, tolerance=0.1)["met"].to_list() == [True]


def test_qualitative_targets_read_the_assessment_only(kh922_plan: Plan) -> None:
    rows = [
        {"indicator": "digital-infrastructure", "value": v, "unit": None, "assessment": a}
        for v, a in ((1.0, True), (1.0, False), (1.0, None), (None, None))
    ]
    result = evaluate(kh922_plan, frame(rows, assessment=pl.Boolean).with_row_index("n"))
    result = result.sort("n")
    assert statuses(result) == ["met", "not_met", "needs_assessment", "needs_assessment"]
    assert result["met"].to_list() == [True, False, None, None]
    assert result["shortfall"].to_list() == [None] * 4
    without = evaluate(kh922_plan, frame(rows[:1]))
    assert statuses(without) == ["needs_assessment"]


def test_unreachable_bounds_are_never_met() -> None:
    biggest = 1.7976931348623157e308
    spec = Comparison(operator=Operator.GT, value=biggest)
    plan = make_plan(("x", None, "higher_is_better", "> 1"))
    target = plan.targets[0].model_copy(update={"spec": spec})
    plan = plan.model_copy(update={"targets": (target,)})
    values = [math.inf, biggest, -math.inf]
    result = evaluate(plan, frame([{"indicator": "x", "value": v, "unit": None} for v in values]))
    # an infinity is no value (no data), the largest float is below the bound
    assert result["met"].to_list() == [spec.is_met(v) for v in values] == [None, False, None]


def test_missing_values_are_no_data_never_not_met(kh922_plan: Plan) -> None:
    rows = [{"indicator": "tfp-contribution", "value": v, "unit": "%"} for v in (None, math.nan)]
    result = evaluate(kh922_plan, frame(rows))
    assert (
        result.select("met", "status", "shortfall", "attainment").rows()
        == [(None, "no_data", None, None)] * 2
    )


# --- output schema -----------------------------------------------------------------------------


def test_output_keeps_the_observation_columns_first(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "scenario": ["base"],
            "indicator": ["hdi"],
            "value": [0.71],
            "province": ["83"],
        }
    )
    result = evaluate(kh922_plan, observations)
    assert result.columns == [
        "scenario",
        "indicator",
        "value",
        "province",
        "target_id",
        "row",
        "horizon",
        "target_text",
        "value_converted",
        "met",
        "status",
        "shortfall",
        "attainment",
        "computed",
    ]
    assert result.schema["status"] == STATUS_DTYPE
    assert result.schema["met"] == pl.Boolean
    assert result.row(0)[4:] == (
        "2030-8",
        "8",
        2030,
        "> 0,7",
        0.71,
        True,
        "met",
        0.0,
        0.71 / 0.7,
        False,
    )


def test_empty_frames_give_empty_results_with_the_full_schema(kh922_plan: Plan) -> None:
    result = evaluate(kh922_plan, frame([]))
    assert result.height == 0
    assert result.schema["status"] == STATUS_DTYPE
    assert evaluate(kh922_plan, frame([]).lazy()).collect().height == 0


@pytest.mark.parametrize("dtype", [pl.String, pl.Categorical, "enum"])
def test_text_columns_may_be_string_categorical_or_enum(kh922_plan: Plan, dtype: Any) -> None:
    rows = [
        {"indicator": "tfp-contribution", "value": 0.56, "unit": "fraction"},
        {"indicator": "pii-rank", "value": 29.0, "unit": None},
        {"indicator": "hdi", "value": 0.7, "unit": "HDI"},
    ]
    observations = frame(rows).with_row_index("n")
    if dtype == "enum":
        observations = observations.with_columns(
            pl.col("indicator").cast(pl.Enum([i.id for i in kh922_plan.indicators])),
            pl.col("unit").cast(pl.Enum(["HDI", "fraction", "kg"])),
        )
    else:
        observations = observations.with_columns(pl.col("indicator", "unit").cast(dtype))
    result = evaluate(kh922_plan, observations).sort("n", "target_id")
    assert result["met"].to_list() == [True, True, True, False]
    assert result.schema["indicator"] == observations.schema["indicator"]


def test_enum_input_problems_are_located_like_string_ones(kh922_plan: Plan) -> None:
    ids = pl.Enum([*(i.id for i in kh922_plan.indicators), "nope"])
    observations = pl.DataFrame(
        {
            "indicator": ["pii-rank", "nope", None, "pii-rank", "hdi"],
            "value": [1.0, 2.0, 3.0, 4.0, 0.7],
            "unit": [None, None, None, "kg", "HDI"],
        },
        schema={"indicator": ids, "value": pl.Float64, "unit": pl.Enum(["HDI", "kg"])},
    )
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations.lazy())
    found = {(p.column, p.rows) for p in caught.value.problems}
    assert found == {("indicator", (1,)), ("indicator", (2,)), ("unit", (3,))}


def test_enum_rows_without_targets_are_dropped_and_several_targets_repeat_a_row(
    kh922_plan: Plan,
) -> None:
    ids = pl.Enum([i.id for i in kh922_plan.indicators])
    observations = pl.DataFrame(
        {
            "indicator": ["pii-rank", "population", "tfp-contribution", "population"],
            "value": [28.0, 1.0, 0.56, 2.0],
            "unit": [None, None, "fraction", "inhabitant"],
            "year": [2023, 2023, 2023, 2024],
        },
        schema_overrides={"indicator": ids, "unit": pl.Enum(["fraction", "inhabitant"])},
    )
    for lazy in (False, True):
        given = observations.lazy() if lazy else observations
        result = evaluate(kh922_plan, given)
        result = result.collect() if isinstance(result, pl.LazyFrame) else result
        result = result.sort("target_id")
        assert result["target_id"].cast(pl.String).to_list() == ["2030-1", "2030-3", "2045-2"]
        assert result["value_converted"].to_list() == pytest.approx([28.0, 56.0, 28.0])


def test_categorical_codes_of_a_large_pool_work(kh922_plan: Plan) -> None:
    pl.Series([f"padding-{n}" for n in range(5_000)]).cast(pl.Categorical)
    rows = [
        {"indicator": "tfp-contribution", "value": 0.56, "unit": "fraction"},
        {"indicator": "pii-rank", "value": 29.0, "unit": None},
        {"indicator": "hdi", "value": 0.7, "unit": "HDI-large-pool"},
    ]
    observations = frame(rows).with_columns(pl.col("indicator", "unit").cast(pl.Categorical))
    with pytest.raises(ObservationError, match="HDI-large-pool"):
        evaluate(kh922_plan, observations)
    fixed = observations.with_columns(
        pl.col("unit").cast(pl.String).replace("HDI-large-pool", "HDI").cast(pl.Categorical)
    )
    result = evaluate(kh922_plan, fixed.with_row_index("n")).sort("n", "target_id")
    assert result["met"].to_list() == [True, True, True, False]


# --- lazy and streaming ------------------------------------------------------------------------


def test_lazy_input_stays_lazy_and_streams_over_parquet_files(
    kh922_plan: Plan, tmp_path: Path
) -> None:
    for number in range(3):
        frame(
            [{"indicator": "tfp-contribution", "value": 50.0 + 5 * number, "unit": "%"}] * 100
        ).with_columns(pl.lit(number).alias("part")).write_parquet(tmp_path / f"{number}.parquet")
    lazy = evaluate(kh922_plan, pl.scan_parquet(tmp_path / "*.parquet"))
    assert isinstance(lazy, pl.LazyFrame)
    result = lazy.collect(engine="streaming")
    assert result.group_by("part").agg(pl.col("met").all()).sort("part")["met"].to_list() == [
        False,
        True,
        True,
    ]
    lazy.sink_parquet(tmp_path / "out.parquet")
    assert pl.read_parquet(tmp_path / "out.parquet").height == 300


# --- units -------------------------------------------------------------------------------------


def test_factors_are_computed_once_per_unit_pair_not_per_row(
    kh922_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[object, object]] = []
    original = conversion.conversion_factor

    def counting(source: Any, target: Any) -> float:
        calls.append((source, target))
        return original(source, target)

    monkeypatch.setattr(conversion, "conversion_factor", counting)
    units = ["fraction", "%", "phần trăm", None] * 2_500
    observations = pl.DataFrame(
        {"indicator": "tfp-contribution", "value": [0.5] * len(units), "unit": units}
    )
    result = evaluate(kh922_plan, observations)
    assert result.height == 10_000
    assert len(calls) == 3  # one per distinct unit (a missing unit needs no factor)


def test_convertible_units_give_the_target_unit(kh922_plan: Plan) -> None:
    rows = [
        {"indicator": "rnd-personnel", "value": 1.2, "unit": "người/1000 dân"},
        {"indicator": "digital-economy-share", "value": 0.3, "unit": "fraction_grdp"},
        {"indicator": "5g-coverage", "value": 0.0099, "unit": "person / inhabitant"},
    ]
    result = evaluate(kh922_plan, frame(rows)).sort("target_id")
    assert result["value_converted"].to_list() == pytest.approx([30.0, 12.0, 0.99, 30.0])
    assert result["met"].to_list() == [True, True, False, False]


# --- errors ------------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once_with_rows_and_values(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["tfp", "pii-rank", "hdi", "pii-rnak", None, "tfp"],
            "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "unit": [None, "%", "kg", None, None, None],
        }
    )
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations)
    problems = {(p.column, p.message.split(";")[0]): p for p in caught.value.problems}
    unknown = next(p for p in caught.value.problems if "unknown indicator" in p.message)
    assert unknown.rows == (0, 3, 5)
    assert unknown.count == 3
    assert unknown.values == ("tfp", "pii-rnak", "tfp")
    assert "'pii-rnak' → 'pii-rank'?" in unknown.message
    missing = next(p for p in caught.value.problems if p.message == "indicator id is missing")
    assert missing.rows == (4,)
    units = [p for p in caught.value.problems if p.column == "unit"]
    assert [(p.rows, p.values) for p in units] == [((1,), ("%",)), ((2,), ("kg",))]
    assert "cannot convert unit '%' to 'Thứ bậc'" in units[0].message
    assert len(problems) == 4


def test_missing_and_mistyped_columns_are_reported_together(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {"indicator": ["hdi", "hdi"], "value": ["0,7", "0.8"], "status": ["a", "b"]}
    )
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations)
    messages = [(p.column, p.message, p.rows) for p in caught.value.problems]
    assert ("status", "this name is an output column of evaluate(); rename it", ()) in messages
    assert ("value", "not a number", (0,)) in messages
    assert any(m[0] == "value" and "expected a numeric column" in m[1] for m in messages)
    with pytest.raises(ObservationError, match="required column is missing"):
        evaluate(kh922_plan, pl.DataFrame({"value": [1.0]}))


def test_errors_name_the_rows_of_lazy_input_too(kh922_plan: Plan) -> None:
    observations = frame([{"indicator": "nope", "value": 1.0, "unit": None}] * 30)
    with pytest.raises(ObservationError) as caught:
        evaluate(kh922_plan, observations.lazy())
    (problem,) = caught.value.problems
    assert problem.count == 30
    assert problem.rows == tuple(range(20))


def test_observation_error_is_a_value_error(kh922_plan: Plan) -> None:
    with pytest.raises(ValueError, match="problem"):
        evaluate(kh922_plan, pl.DataFrame({"indicator": ["x"], "value": [1.0]}))
    with pytest.raises(TypeError):
        evaluate(kh922_plan, [{"indicator": "hdi", "value": 1.0}])  # type: ignore[type-var]


# --- ranks -------------------------------------------------------------------------------------


def test_rank_then_evaluate_group_30(kh922_plan: Plan) -> None:
    scores = pl.DataFrame(
        {"province": [f"p{i:02d}" for i in range(40)], "score": [float(40 - i) for i in range(40)]}
    ).with_columns(
        pl.when(pl.col("province") == "p30").then(11.0).otherwise("score").alias("score")
    )
    ranked = rank(scores).with_columns(
        pl.lit("pii-rank").alias("indicator"), pl.col("rank").alias("value")
    )
    assert ranked.filter(pl.col("province").is_in(["p29", "p30"]))["rank"].to_list() == [30, 30]
    result = evaluate(kh922_plan, ranked.drop("score")).filter(pl.col("target_id") == "2030-1")
    met = dict(zip(result["province"], result["met"], strict=True))
    assert met["p29"]
    assert met["p30"]
    assert not met["p31"]
    assert result["cohort_size"].unique().to_list() == [40]


def test_proportional_policy_scales_the_group_by_the_cohort(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {"indicator": ["pii-rank"] * 2, "value": [16.0, 17.0], "cohort_size": [34, 34]}
    )
    absolute = evaluate(kh922_plan, observations).filter(pl.col("target_id") == "2030-1")
    assert absolute["met"].to_list() == [True, True]
    scaled = evaluate(kh922_plan, observations, cohort_policy="proportional")
    scaled = scaled.filter(pl.col("target_id") == "2030-1").sort("value")
    assert scaled["met"].to_list() == [True, False]  # 30 × 34 // 63 = 16
    assert scaled["shortfall"].to_list() == [0.0, 1.0]
    fixed = evaluate(
        kh922_plan, observations.drop("cohort_size"), cohort_policy="proportional", cohort_size=63
    )
    assert fixed["met"].all()
    with pytest.raises(ObservationError, match="cohort_size"):
        evaluate(kh922_plan, observations.drop("cohort_size"), cohort_policy="proportional")
    gap = observations.with_columns(pl.lit(None, dtype=pl.Int64).alias("cohort_size"))
    with pytest.raises(ObservationError, match="cohort size of every observation"):
        evaluate(kh922_plan, gap, cohort_policy="proportional")


# --- derived and growth indicators -------------------------------------------------------------


def test_derived_indicators_are_computed_from_their_components(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": [
                "rnd-personnel-headcount",
                "population",
                "digital-tech-enterprise-count",
                "rnd-personnel-headcount",
                "population",
            ],
            "value": [1_560.0, 1_300_000.0, 1_200.0, 1_000.0, 1_000.0],
            "unit": ["người", "inhabitant", "doanh nghiệp", None, "1000 * inhabitant"],
            "year": [2024, 2024, 2024, 2025, 2025],
            "province": ["83"] * 5,
        }
    )
    result = evaluate(kh922_plan, observations).sort("year", "target_id")
    assert result["target_id"].cast(pl.String).to_list() == ["2030-12", "2045-3", "2030-12"]
    assert result["value_converted"].to_list() == pytest.approx([12.0, 1200 / 1300, 10.0])
    assert result["met"].to_list() == [True, False, False]
    assert result["computed"].all()
    assert result["unit"].to_list() == [
        "Người/vạn dân",
        "Số doanh nghiệp/1000 dân",
        "Người/vạn dân",
    ]


def test_a_derived_indicator_observed_in_its_own_unit_and_computed_is_evaluated_once_per_row(
    kh922_plan: Plan,
) -> None:
    # rnd-personnel is given directly (in its own unit text) and computed from its components:
    # each row, observed or computed, meets each of its targets once.
    observations = pl.DataFrame(
        {
            "indicator": ["rnd-personnel", "rnd-personnel-headcount", "population"],
            "value": [11.0, 1_560.0, 1_300_000.0],
            "unit": ["Người/vạn dân", "người", "inhabitant"],
            "year": [2024, 2024, 2024],
        }
    )
    targets = len([t for t in kh922_plan.targets if t.indicator == "rnd-personnel"])
    result = evaluate(kh922_plan, observations)
    assert result.height == 2 * targets
    assert sorted(result["value_converted"].to_list()) == pytest.approx([11.0, 12.0])
    assert result.filter(pl.col("computed"))["value_converted"].to_list() == pytest.approx([12.0])


def test_derived_components_join_on_the_given_keys(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["rnd-personnel-headcount", "population"],
            "value": [1_560.0, 1_300_000.0],
            "year": [2024, 2024],
            "source": ["survey", "census"],
        }
    )
    # The sources differ: the head count has no population of its keys, and says no_data.
    unpaired = evaluate(kh922_plan, observations)
    assert unpaired.select("source", "target_id", "status", "computed").rows() == [
        ("survey", "2030-12", "no_data", True)
    ]
    result = evaluate(kh922_plan, observations, keys=["year"])
    assert result["value_converted"].to_list() == pytest.approx([12.0])


def test_growth_is_the_compound_average_from_the_first_year(kh922_plan: Plan) -> None:
    observations = pl.DataFrame(
        {
            "indicator": ["international-publications"] * 4,
            "value": [100.0, 110.0, 121.0, 50.0],
            "year": [2021, 2022, 2023, 2023],
            "province": ["a", "a", "a", "b"],
        }
    )
    result = evaluate(kh922_plan, observations).sort("province", "year")
    # The first year of a group has nothing to grow from: no data (b has a single year).
    assert result.select("province", "year", "status").rows() == [
        ("a", 2021, "no_data"),
        ("a", 2022, "met"),
        ("a", 2023, "met"),
        ("b", 2023, "no_data"),
    ]
    assert result["value_converted"].to_list()[1:3] == pytest.approx([10.0, 10.0])
    assert result["met"].to_list() == [None, True, True, None]
    with pytest.raises(ObservationError, match="add a year column"):
        evaluate(kh922_plan, observations.drop("year"))


def test_a_key_named_twice_is_refused_by_name(kh922_plan: Plan) -> None:
    observations = pl.DataFrame({"indicator": ["pii-rank"], "value": [3.0], "province": ["83"]})
    with pytest.raises(ObservationError, match="named twice") as raised:
        evaluate(kh922_plan, observations, keys=["province", "province"])
    assert [p.column for p in raised.value.problems] == ["province"]


def test_growth_of_one_group_divides_exactly(kh922_plan: Plan) -> None:
    # Without group keys the first level is one number for all rows: each rate is still the
    # exact quotient (0 / 5e-324 is 0, a fall of 100 %), whatever the other rows.
    observations = pl.DataFrame(
        {
            "indicator": ["international-publications"] * 3,
            "value": [5e-324, 0.0, 1.0],
            "year": [2020, 2021, 2022],
        }
    )
    result = evaluate(kh922_plan, observations).sort("year")
    ratio = 1.0 / 5e-324  # beyond the floats: its rate is infinite, no value
    assert math.isinf((ratio ** (1 / 2) - 1) * 100)
    assert result["value_converted"].to_list() == [None, -100.0, None]


def test_derived_units_must_fit(kh922_plan: Plan) -> None:
    indicators = [
        i.model_copy(update={"unit": i.unit.model_copy(update={"expression": "person"})})
        if i.id == "population" and i.unit is not None
        else i
        for i in kh922_plan.indicators
    ]
    plan = kh922_plan.model_copy(update={"indicators": tuple(indicators)})
    observations = pl.DataFrame(
        {"indicator": ["rnd-personnel-headcount", "population"], "value": [1.0, 2.0]}
    )
    with pytest.raises(UnitError, match="rnd-personnel"):
        evaluate(plan, observations)


# --- roll-ups ----------------------------------------------------------------------------------


def test_summarize_counts_statuses_coverage_and_share_met(kh922_plan: Plan) -> None:
    from kh922core._engine import summarize

    rows = [
        {"indicator": "tfp-contribution", "value": v, "unit": None, "province": p}
        for v, p in ((60.0, "a"), (50.0, "a"), (None, "a"), (None, "b"))
    ]
    result = evaluate(kh922_plan, frame(rows, province=pl.String))
    summary = summarize(result, by="province")
    assert summary.rows() == [
        ("a", 3, 2, 2 / 3, 1, 0.5, 1, 0, 1, 1, 0),
        ("b", 1, 0, 0.0, 0, None, 0, 0, 0, 1, 0),
    ]
    assert summary.columns[1:] == [
        "n_targets", "n_with_data", "coverage", "n_met", "share_met", "status_met",
        "status_exceeded", "status_not_met", "status_no_data", "status_needs_assessment",
    ]  # fmt: skip
    lazy = summarize(result.lazy(), by=["province", "horizon"])
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect().height == 2


def test_summarize_with_the_plan_counts_every_target(kh922_plan: Plan) -> None:
    from kh922core._engine import summarize
    from kh922core.errors import Kh922Error

    rows = [{"indicator": "tfp-contribution", "value": 60.0, "unit": None, "province": "a"}]
    result = evaluate(kh922_plan, frame(rows, province=pl.String))
    whole = summarize(result, plan=kh922_plan).row(0, named=True)
    assert (whole["n_targets"], whole["n_with_data"], whole["n_met"]) == (38, 1, 1)
    # the words of 2030-15 were not observed: no data, not an assessment to make
    assert (whole["status_needs_assessment"], whole["status_no_data"]) == (0, 37)
    agencies = summarize(result, by=["province", "lead_agency"], plan=kh922_plan)
    row = agencies.filter(pl.col("lead_agency") == "cuc-thong-ke").row(0, named=True)
    assert (row["n_targets"], row["n_met"]) == (1, 1)  # 2030-3 is led by two agencies
    assert agencies["n_targets"].sum() == sum(len(t.lead_agencies) for t in kh922_plan.targets)
    groups = summarize(result, by="group", plan=kh922_plan)
    assert groups.select("group", "n_targets").rows() == [("I", 35), ("II", 3)]
    with pytest.raises(Kh922Error, match="pass plan="):
        summarize(result, by="lead_agency")
