"""Change targets in the engine: from level observations, vectorised, equal to the scalar path.

The contract, for every observation and every change target of its indicator: the engine finds
the base level of the observation's key group (the series at the base year, else the plan
baseline of that year, never a guess), the years from it, and then gives exactly what the spec
gives, ``spec.is_met/status/shortfall/attainment(value, baseline=b, years=y)``, with the same
``change_size`` as :meth:`kh922core.Change.size`; a row without a base is ``no_data`` with its
reason.  The hand-written examples below use numbers computed by hand.
"""

from __future__ import annotations

import math
from typing import Any
from unittest import mock

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kh922core import Change, Comparison, Plan, Range, Target, conversion_factor, evaluate
from kh922core._engine import base_lookup, change_bases
from kh922core.errors import InvalidValueError, ObservationError
from kh922core.testing import strategies as kst

# ------------------------------------------------------------------------------ plans by hand

#: The years of generated series and bases (few, so that bases are often observed).
_YEARS = (2018, 2024)
_OTHER_UNITS = {"%": ("fraction", 100.0), "tỷ đồng": ("triệu đồng", 0.001), None: None}


def _plan(*targets: tuple[str, Any, tuple[float, int] | None], unit: str | None = "%") -> Plan:
    """A plan of one indicator ``ind`` (``unit``) with these ``(id, spec, baseline)`` targets."""
    return Plan.model_validate(
        {
            "id": "thu",
            "number": "1/KH-TEST",
            "title": "Kế hoạch thử",
            "date": "2025-02-14",
            "province": {"name": "Tỉnh thử", "code": "00"},
            "issuer": "ubnd-tinh-thu",
            "indicators": [
                {"id": "ind", "name": "Chỉ tiêu", "unit": unit, "direction": "higher_is_better"}
            ],
            "targets": [
                {
                    "id": target_id,
                    "indicator": "ind",
                    "horizon": 2030,
                    "row": target_id.split("-", 1)[1],
                    "text": spec.render(),
                    "spec": spec,
                    "baseline": None if base is None else {"value": base[0], "year": base[1]},
                }
                for target_id, spec, base in targets
            ],
        }
    )


def _rows(plan: Plan, frame: pl.DataFrame, target_id: str) -> list[dict[str, Any]]:
    result = evaluate(plan, frame)
    chosen = result.filter(pl.col("target_id") == target_id)
    return chosen.sort([c for c in ("entity", "year") if c in frame.columns]).to_dicts()


def _at_least(value: float, change: Change) -> Comparison:
    return Comparison(operator="target", value=value, change=change)


# ------------------------------------------------------------------- hand-computed examples


def test_relative_change_since_a_year() -> None:
    plan = _plan(("2030-1", _at_least(20.0, Change(kind="relative", since=2020)), None))
    frame = pl.DataFrame({"indicator": "ind", "year": [2020, 2021, 2023], "value": [200.0] * 3})
    frame = frame.with_columns(pl.Series("value", [200.0, 220.0, 250.0]))
    rows = _rows(plan, frame, "2030-1")
    # 2020: the base year itself; 2021: +10 % of 20 %; 2023: +25 %.
    assert [r["status"] for r in rows] == ["no_data", "not_met", "met"]
    assert [r["no_data_reason"] for r in rows] == ["year not after the base year", None, None]
    assert [r["base_value"] for r in rows] == [200.0, 200.0, 200.0]
    assert [r["base_year"] for r in rows] == [2020, 2020, 2020]
    assert [r["baseline_source"] for r in rows] == ["series"] * 3
    assert rows[1]["change_size"] == pytest.approx(10.0)
    assert rows[1]["shortfall"] == pytest.approx(10.0)
    assert rows[1]["attainment"] == pytest.approx(0.5)
    assert rows[2]["change_size"] == pytest.approx(25.0)
    assert rows[2]["attainment"] == pytest.approx(1.25)
    assert rows[2]["value_converted"] == 250.0  # the level, as observed


def test_growth_per_year_is_compound() -> None:
    plan = _plan(("2030-1", _at_least(9.0, Change(kind="growth_per_year", since=2020)), None))
    frame = pl.DataFrame(
        {"indicator": "ind", "year": [2020, 2022, 2024], "value": [100.0, 121.0, 131.079601]}
    )
    rows = _rows(plan, frame, "2030-1")
    # 100 → 121 in two years is 10 %/năm; → 131.08 in four years is 7 %/năm (1.07⁴ = 1.31079601).
    assert rows[1]["change_size"] == pytest.approx(10.0)
    assert rows[1]["status"] == "met"
    assert rows[1]["attainment"] == pytest.approx(10.0 / 9.0)
    assert rows[2]["change_size"] == pytest.approx(7.0)
    assert rows[2]["status"] == "not_met"
    assert rows[2]["shortfall"] == pytest.approx(2.0)


def test_a_fall_in_points_from_the_plan_baseline() -> None:
    fall = Change(kind="points", falling=True)  # giảm 2 điểm %, from the plan's 10 % of 2024
    plan = _plan(("2030-1", _at_least(2.0, fall), (10.0, 2024)))
    frame = pl.DataFrame({"indicator": "ind", "year": [2025, 2026], "value": [8.5, 7.5]})
    rows = _rows(plan, frame, "2030-1")
    assert [r["change_size"] for r in rows] == [pytest.approx(1.5), pytest.approx(2.5)]
    assert [r["status"] for r in rows] == ["not_met", "met"]
    assert rows[0]["shortfall"] == pytest.approx(0.5)
    assert [r["baseline_source"] for r in rows] == ["plan", "plan"]
    assert [r["base_year"] for r in rows] == [2024, 2024]


def test_a_multiple_and_a_range_with_its_far_end() -> None:
    triple = _at_least(3.0, Change(kind="multiple", since=2021))  # gấp 3 lần năm 2021
    band = Range(low=8.0, high=10.0, change=Change(kind="relative", since=2021))  # tăng 8-10 %
    plan = _plan(("2030-1", triple, None), ("2030-2", band, None), unit=None)
    frame = pl.DataFrame(
        {"indicator": "ind", "year": [2021, 2025, 2026, 2027], "value": [50.0, 140.0, 160.0, 54.5]}
    )
    multiple = _rows(plan, frame, "2030-1")
    assert [r["change_size"] for r in multiple[1:]] == [
        pytest.approx(2.8),
        pytest.approx(3.2),
        pytest.approx(1.09),
    ]
    assert [r["status"] for r in multiple[1:]] == ["not_met", "met", "not_met"]
    assert multiple[1]["shortfall"] == pytest.approx(0.2)
    relative = _rows(plan, frame, "2030-2")
    # +180 %, +220 %: beyond the range's far end (exceeded); +9 %: inside it.
    assert [r["status"] for r in relative[1:]] == ["exceeded", "exceeded", "met"]


def test_the_previous_year_per_key_group() -> None:
    yearly = _at_least(5.0, Change(kind="relative", previous_year=True))  # tăng 5% so với cùng kỳ
    plan = _plan(("2030-1", yearly, None))
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "entity": ["A", "A", "A", "B", "B"],
            "year": [2022, 2023, 2024, 2022, 2024],
            "value": [100.0, 106.0, 108.0, 100.0, 120.0],
        }
    )
    rows = _rows(plan, frame, "2030-1")
    # A: no 2021; +6 %; 108 / 106 = +1.89 %.  B: no 2023 (2022 is two years back): no base.
    assert [r["status"] for r in rows] == ["no_data", "met", "not_met", "no_data", "no_data"]
    assert rows[0]["no_data_reason"] == "no base value"
    assert rows[2]["change_size"] == pytest.approx((108.0 / 106.0 - 1.0) * 100.0)
    assert [r["base_year"] for r in rows] == [2021, 2022, 2023, 2021, 2023]
    assert rows[4]["no_data_reason"] == "no base value"
    assert rows[4]["base_value"] is None


def test_each_key_group_has_its_own_base_and_the_plan_none_of_them() -> None:
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="points", since=2020)), (40.0, 2020)))
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "entity": ["A", "A", "B", "C", "C"],
            "year": [2020, 2025, 2025, 2020, 2025],
            "value": [0.5, 0.55, 52.0, None, 51.0],
            "unit": ["fraction", "fraction", None, None, None],
        }
    )
    rows = _rows(plan, frame, "2030-1")
    by_entity = {(r["entity"], r["year"]): r for r in rows}
    a, b, c = by_entity["A", 2025], by_entity["B", 2025], by_entity["C", 2025]
    # A: 50 % (0.5 as a fraction) to 55 %: +5 points.  B and C: no value in 2020 (C's is
    # missing); the plan's 40 % of 2020 is the plan's own series', never a key group's.
    assert (a["base_value"], a["baseline_source"], a["change_size"]) == (
        50.0,
        "series",
        pytest.approx(5.0),
    )
    for row in (b, c):
        assert (row["base_value"], row["baseline_source"], row["status"]) == (None, None, "no_data")
        assert row["no_data_reason"] == "no base value"
    assert a["status"] == "not_met"
    assert by_entity["C", 2020]["no_data_reason"] == "no value"


@pytest.mark.parametrize("entity", [["Bến Tre"] * 2, [None, None], None])
def test_the_plan_fills_the_base_of_the_plans_own_series(entity: list[str | None] | None) -> None:
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="points", since=2020)), (40.0, 2020)))
    frame = pl.DataFrame({"indicator": "ind", "year": [2021, 2025], "value": [45.0, 52.0]})
    if entity is not None:  # one key group, named or empty: the plan's own series
        frame = frame.with_columns(pl.Series("entity", entity, dtype=pl.String))
    rows = evaluate(plan, frame).sort("year").to_dicts()
    assert [(r["base_value"], r["baseline_source"], r["status"]) for r in rows] == [
        (40.0, "plan", "not_met"),  # +5 points
        (40.0, "plan", "met"),  # +12 points
    ]


@pytest.mark.parametrize(
    "extra",
    [
        {"source": ["Cục Thống kê", "Sở Y tế"]},  # where a figure comes from: no key of a series
        {"zone": [float("nan"), float("nan")]},  # a float key all NaN: one group, as all null
        {"note": ["ước tính", None]},
    ],
)
def test_one_series_with_columns_that_do_not_split_it_is_measured_from_the_plan(
    extra: dict[str, list[Any]],
) -> None:
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="points", since=2020)), (40.0, 2020)))
    frame = pl.DataFrame({"indicator": "ind", "year": [2021, 2025], "value": [45.0, 52.0], **extra})
    rows = evaluate(plan, frame).sort("year").to_dicts()
    assert [(r["base_value"], r["baseline_source"], r["status"]) for r in rows] == [
        (40.0, "plan", "not_met"),
        (40.0, "plan", "met"),
    ]


def _native(frame: pl.DataFrame, engine: str) -> Any:
    if engine == "pandas":
        return frame.to_pandas()
    if engine == "duckdb":
        import duckdb

        return duckdb.from_arrow(frame.to_arrow())
    return frame


def _evaluated(plan: Plan, frame: pl.DataFrame, engine: str) -> pl.DataFrame:
    result = evaluate(plan, _native(frame, engine))
    if engine == "pandas":
        return pl.from_pandas(result)
    if engine == "duckdb":
        return pl.from_arrow(result.to_arrow_table())  # type: ignore[return-value]
    return result


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
@pytest.mark.parametrize("column", ["source", "agency", "note", "Nguồn", "nguon", "ghi_chu"])
def test_a_column_of_provenance_does_not_split_the_series_of_its_base(
    engine: str, column: str
) -> None:
    # the 2023 level came from one source, the 2026 level from another: one series, whose own
    # 2023 level (9 %) is the base, not the plan baseline (10 %), which would have met the
    # target (a fall of 2.5 points) where the series fell by 1.5
    plan = _plan(
        (
            "2030-1",
            Range(low=2.0, high=3.0, change=Change(kind="points", since=2023, falling=True)),
            (10.0, 2023),
        ),
    )
    frame = pl.DataFrame(
        {"indicator": "ind", "year": [2023, 2026], "value": [9.0, 7.5], column: ["GSO", "Sở"]}
    )
    rows = _evaluated(plan, frame, engine).sort("year").to_dicts()
    assert [(r["base_value"], r["baseline_source"], r["status"]) for r in rows] == [
        (9.0, "series", "no_data"),  # the base year itself: nothing to measure
        (9.0, "series", "not_met"),
    ]
    assert rows[1]["change_size"] == pytest.approx(1.5)


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_two_sources_of_one_base_level_are_refused_naming_the_rule(engine: str) -> None:
    plan = _plan(("2030-1", _at_least(1.0, Change(kind="points", since=2023)), None))
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "year": [2023, 2023, 2026],
            "value": [9.0, 9.2, 12.0],
            "source": ["GSO", "Sở", "GSO"],
        }
    )
    with pytest.raises(ObservationError, match="where a figure comes from") as raised:
        evaluate(plan, _native(frame, engine))
    assert "rows [0, 1]" in str(raised.value)


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
@pytest.mark.parametrize("since", [True, False])
def test_one_base_level_given_alike_by_two_sources_is_one_base(engine: str, since: bool) -> None:
    change = (
        Change(kind="points", since=2023) if since else Change(kind="points", previous_year=True)
    )
    plan = _plan(("2030-1", _at_least(1.0, change), None))
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "year": [2023, 2023, 2024],
            "value": [9.0, 9.0, 12.0],
            "source": ["Cục Thống kê", "Niên giám", "Cục Thống kê"],
        }
    )
    rows = _evaluated(plan, frame, engine).filter(pl.col("year") == 2024).to_dicts()
    assert [(r["base_value"], r["change_size"], r["status"]) for r in rows] == [(9.0, 3.0, "met")]


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
@pytest.mark.parametrize("name", ["_kh_indicator", "_kh_nan0", "_kh_rows", "_kh_lo0"])
def test_a_key_named_like_a_temporary_column_still_tells_series_apart(
    engine: str, name: str
) -> None:
    # two districts are not the plan's own series: before, a key named like the one-series
    # check's own columns was overwritten, and both districts were measured from the plan
    plan = _plan(("2030-1", _at_least(2.0, Change(kind="points", since=2023)), (10.0, 2023)))
    keys = [1.0, 2.0] if name == "_kh_nan0" else ["A", "B"]
    frame = pl.DataFrame({"indicator": "ind", "year": [2026, 2026], "value": [12.5, 11.0]})
    frame = frame.with_columns(pl.Series(name, keys))
    rows = _evaluated(plan, frame, engine).to_dicts()
    assert [(r["baseline_source"], r["status"], r["no_data_reason"]) for r in rows] == [
        (None, "no_data", "no base value")
    ] * 2


def test_one_series_is_told_on_the_indicators_of_the_change_targets() -> None:
    one = _plan(("2030-1", _at_least(10.0, Change(kind="points", since=2020)), (40.0, 2020)))
    other = _plan(("2030-9", Comparison(operator="ge", value=1.0), None))
    indicator = other.indicators[0].model_copy(update={"id": "other"})
    target = other.targets[0].model_copy(update={"indicator": "other"})
    plan = one.model_copy(
        update={
            "indicators": (*one.indicators, indicator),
            "targets": (*one.targets, target),
        }
    )
    # the change indicator is one series; another indicator's districts do not split it
    frame = pl.DataFrame(
        {
            "indicator": ["ind", "other", "other"],
            "district": [None, "A", "B"],
            "year": [2025, 2025, 2025],
            "value": [52.0, 1.0, 2.0],
        }
    )
    (row,) = evaluate(plan, frame).filter(pl.col("target_id") == "2030-1").to_dicts()
    assert (row["base_value"], row["baseline_source"], row["status"]) == (40.0, "plan", "met")


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_one_series_is_told_for_each_change_indicator_on_its_own(engine: str) -> None:
    one = _plan(("2030-1", _at_least(10.0, Change(kind="points", since=2020)), (40.0, 2020)))
    indicator = one.indicators[0].model_copy(update={"id": "other"})
    target = one.targets[0].model_copy(update={"id": "2030-2", "row": "2", "indicator": "other"})
    plan = one.model_copy(
        update={"indicators": (*one.indicators, indicator), "targets": (*one.targets, target)}
    )
    # "ind" is the plan's own series; "other" is two districts, neither with a 2020 level
    frame = pl.DataFrame(
        {
            "indicator": ["ind", "other", "other"],
            "district": [None, "A", "B"],
            "year": [2025, 2025, 2025],
            "value": [52.0, 60.0, 45.0],
        }
    )
    native = frame.to_pandas() if engine == "pandas" else frame
    result = (
        pl.from_pandas(evaluate(plan, native)) if engine == "pandas" else evaluate(plan, native)
    )
    rows = result.sort("target_id", "district", nulls_last=False).to_dicts()
    assert [(r["target_id"], r["baseline_source"], r["status"]) for r in rows] == [
        ("2030-1", "plan", "met"),  # before, the other indicator's districts took it away
        ("2030-2", None, "no_data"),
        ("2030-2", None, "no_data"),
    ]


@pytest.mark.parametrize("kind", [pl.String, pl.Float64])
def test_a_missing_key_is_a_group_of_its_own(kind: Any) -> None:
    plan = _plan(("2030-1", _at_least(1.0, Change(kind="points", since=2020)), None))
    missing = None if kind == pl.String else float("nan")
    other = "A" if kind == pl.String else 1.0
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "entity": pl.Series([missing, missing, other, other], dtype=kind),
            "year": [2020, 2025, 2020, 2025],
            "value": [10.0, 12.0, 50.0, 50.5],
        }
    )
    rows = evaluate(plan, frame).sort("value").to_dicts()
    # the missing key's 2025 row reads the missing key's 2020 level, not the other group's
    assert [(r["value"], r["base_value"], r["status"]) for r in rows[1::2]] == [
        (12.0, 10.0, "met"),
        (50.5, 50.0, "not_met"),
    ]


def test_a_float_key_of_minus_zero_is_the_group_of_zero() -> None:
    plan = _plan(("2030-1", _at_least(1.0, Change(kind="points", since=2020)), None))
    frame = pl.DataFrame(
        {"indicator": "ind", "entity": [0.0, -0.0], "year": [2020, 2025], "value": [10.0, 12.0]}
    )
    (_, row) = evaluate(plan, frame).sort("year").to_dicts()
    assert (row["base_value"], row["change_size"]) == (10.0, 2.0)


def test_undefined_changes_and_missing_years_are_no_data_with_a_reason() -> None:
    plan = _plan(
        ("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None),
        ("2030-2", Comparison(operator="ge", value=50.0), None),
    )
    frame = pl.DataFrame({"indicator": "ind", "year": [2020, 2022], "value": [0.0, 30.0]})
    rows = _rows(plan, frame, "2030-1")
    assert rows[1]["status"] == "no_data"
    assert rows[1]["no_data_reason"] == "change undefined"  # a ratio to a base of 0
    without_year = evaluate(plan, frame.drop("year"))
    reasons = dict(zip(without_year["target_id"], without_year["no_data_reason"], strict=True))
    statuses = dict(zip(without_year["target_id"], without_year["status"], strict=True))
    assert reasons["2030-1"] == "no year"
    assert (statuses["2030-2"], reasons["2030-2"]) == ("not_met", None)  # a level: no base


def test_one_key_group_divides_as_the_scalar_path_does() -> None:
    # With one key group the lookup holds one base: the engine keeps it a column (Polars
    # divides by a one-value literal as a multiplication by its reciprocal, one ulp off).
    growth = Change(kind="growth_per_year", since=2018)
    plan = _plan(("2030-1", _at_least(0.0, growth), None))
    frame = pl.DataFrame({"indicator": "ind", "year": [2018, 2021], "value": [77.0, 4000.0]})
    rows = _rows(plan, frame, "2030-1")
    assert rows[1]["change_size"] == growth.size(4000.0, baseline=77.0, years=3)


def test_without_a_base_year_or_a_plan_baseline_there_is_no_base() -> None:
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="relative")), None))
    frame = pl.DataFrame({"indicator": "ind", "year": [2020, 2022], "value": [100.0, 130.0]})
    rows = _rows(plan, frame, "2030-1")
    assert [r["status"] for r in rows] == ["no_data", "no_data"]
    assert [r["no_data_reason"] for r in rows] == ["no base value", "no base value"]


def test_two_values_at_a_base_year_are_refused() -> None:
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None))
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "entity": ["A", "A", "A"],
            "year": [2020, 2020, 2022],
            "value": [100.0, 0.9, 130.0],
            "unit": [None, "fraction", None],
        }
    )
    with pytest.raises(ObservationError, match="several values of 'ind'") as raised:
        evaluate(plan, frame)
    assert raised.value.problems[0].rows == (0, 1)


@pytest.mark.parametrize("dense", [True, False])
def test_previous_year_duplicates_are_refused_alike_by_the_array_and_the_join(
    dense: bool,
) -> None:
    # A key group observed twice in a year is refused where a row reads it as its base (the
    # year before another observation), and not in the last year, whose base no row reads:
    # the same with the dense array and with the join.
    plan = _plan(("2030-1", _at_least(5.0, Change(kind="relative", previous_year=True)), None))
    limit = base_lookup.DENSE_LIMIT if dense else 0
    last = pl.DataFrame({"indicator": "ind", "year": [2020, 2021, 2021], "value": [1.0, 2.0, 3.0]})
    with mock.patch.object(base_lookup, "DENSE_LIMIT", limit):
        result = evaluate(plan, last).sort("year", "value")  # rows in no particular order
        assert result["base_value"].to_list() == [None, 1.0, 1.0]
        earlier = last.with_columns(pl.Series("year", [2020, 2020, 2021]))
        with pytest.raises(ObservationError, match="several values of 'ind'") as raised:
            evaluate(plan, earlier)
    assert raised.value.problems[0].rows == (0, 1)


@pytest.mark.parametrize("previous", [True, False])
def test_bases_from_a_frame_of_many_chunks_are_those_of_the_join(previous: bool) -> None:
    # The dense array is written chunk by chunk, the rows that are no base (no value, NaN,
    # another year) to a cell no row reads: the same bases as the join.
    change = (
        Change(kind="points", previous_year=True) if previous else Change(kind="points", since=2021)
    )
    plan = _plan(("2030-1", _at_least(1.0, change), None))
    parts = [
        pl.DataFrame(
            {
                "indicator": "ind",
                "entity": [f"{name}1", f"{name}2", f"{name}3"],
                "year": [2021, 2021, 2021],
                "value": [10.0, None, float("nan")],
            }
        )
        for name in "ABC"
    ]
    later = [part.with_columns(pl.col("year") + 1, pl.col("value") + 3.0) for part in parts]
    frame = pl.concat([*parts, *later], rechunk=False)
    assert frame.n_chunks() > 1
    results = []
    for limit in (base_lookup.DENSE_LIMIT, 0):
        with mock.patch.object(base_lookup, "DENSE_LIMIT", limit):
            results.append(evaluate(plan, frame, keys=["entity", "year"]).sort("entity", "year"))
    assert_frame_equal(results[0], results[1])
    bases = results[0].filter(pl.col("year") == 2022)
    # entity 1 of each part has its 2021 level as base; 2 and 3 have none (null, NaN)
    assert bases["base_value"].to_list() == [10.0, None, None] * 3
    assert bases["change_size"].to_list() == [3.0, None, None] * 3


@pytest.mark.parametrize("aligned", [True, False])
def test_the_dense_array_is_written_whatever_the_chunks(aligned: bool) -> None:
    index = pl.concat([pl.Series([0, 5]), pl.Series([2, 5, 1])], rechunk=False)
    values = pl.Series([1.0, 9.0, 3.0, 9.0, 2.0])
    if aligned:
        values = pl.concat([values.slice(0, 2), values.slice(2)], rechunk=False)
    cells, written = base_lookup._written(5, index, values)
    assert cells.to_list() == [1.0, 2.0, 3.0, None, None, None]  # 5: the rows left out
    assert written == 3


@pytest.mark.parametrize("previous", [True, False])
@pytest.mark.parametrize("name", ["_kh_pair_code", "_kh_key", "_kh_kept", "_kh_index"])
def test_a_key_named_like_a_temporary_of_the_bases_still_tells_series_apart(
    previous: bool, name: str
) -> None:
    # While the dense array is written, each base observation's code, its target's key and
    # whether it is kept are columns of their own: a key of the caller's with such a name is
    # still a key (each district measured from its own 2021 level), and a row without a year
    # is no base and has none
    change = (
        Change(kind="points", previous_year=True) if previous else Change(kind="points", since=2021)
    )
    plan = _plan(("2030-1", _at_least(1.0, change), None))
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            name: [1, 2, 1, 2, 1],
            "year": [2021, 2021, 2022, 2022, None],
            "value": [10.0, 20.0, 12.0, 20.5, 30.0],
        }
    )
    join = AssertionError("the dense array was not written: the join was taken")
    with mock.patch.object(change_bases, "table_lookup", side_effect=join):
        result = evaluate(plan, frame, keys=[name, "year"])
    assert result[name].to_list() == [1, 2, 1, 2, 1]  # the caller's column, untouched
    later = result.filter(pl.col("year") == 2022)
    assert later["base_value"].to_list() == [10.0, 20.0]
    assert later["status"].to_list() == ["met", "not_met"]
    assert result.filter(pl.col("year").is_null())["no_data_reason"].to_list() == ["no year"]


@pytest.mark.parametrize("previous", [True, False])
@pytest.mark.parametrize(
    ("dtype", "districts"),
    [
        (pl.Int8, [-128, 127]),  # a code times its stride leaves an Int8
        (pl.UInt16, [0, 65535]),
        (pl.Int32, [-(2**31), -(2**31) + 3]),  # the ends of an Int32
        (pl.Int32, [2**31 - 4, 2**31 - 1]),
        (pl.Int64, [2**31 - 2, 2**31 + 1]),  # a few values either side of an Int32's end
        (pl.Int64, [-(2**31) - 1, -(2**31) + 2]),
        (pl.Int64, [2**62, 2**62 + 3]),  # times its stride: beyond an Int64
        (pl.Int64, [2**63 - 4, 2**63 - 2]),
        (pl.Datetime("ns"), [1_700_000_000_000_000_000, 1_700_000_000_000_000_002]),
    ],
)
def test_each_key_group_finds_its_base_whatever_the_size_of_its_key_values(
    dtype: pl.DataType, districts: list[int], previous: bool
) -> None:
    # A row's place in the dense array is made from its key values in a narrow integer where
    # every step fits one: values at the ends of their type (and beyond an Int32's) still find
    # their own group's base, and never another's
    change = (
        Change(kind="points", previous_year=True) if previous else Change(kind="points", since=2021)
    )
    plan = _plan(("2030-1", _at_least(1.0, change), None))
    first, last = districts
    frame = pl.DataFrame(
        {
            "indicator": "ind",
            "district": pl.Series([first, last, first, last, None, None], dtype=pl.Int64),
            "year": [2021, 2021, 2022, 2022, 2021, 2022],
            "value": [10.0, 20.0, 12.0, 20.5, 40.0, 40.5],
        }
    ).with_columns(pl.col("district").cast(dtype))
    join = AssertionError("the dense array was not written: the join was taken")
    with mock.patch.object(change_bases, "table_lookup", side_effect=join):
        result = evaluate(plan, frame, keys=["district", "year"])
    later = result.filter(pl.col("year") == 2022)
    assert later["base_value"].to_list() == [10.0, 20.0, 40.0]
    assert later["change_size"].to_list() == [2.0, 0.5, 0.5]
    assert later["status"].to_list() == ["met", "not_met", "not_met"]


def test_observed_and_computed_values_at_a_base_year_are_refused_by_name() -> None:
    from kh922core import load_plan

    plan = load_plan()
    targets = tuple(
        t.model_copy(update={"spec": _at_least(10.0, Change(kind="relative", since=2024))})
        if t.indicator == "rnd-personnel"
        else t
        for t in plan.targets
    )
    plan = plan.model_copy(update={"targets": targets})
    # rnd-personnel given for 2024 and computed for 2024 from its components: two bases.
    frame = pl.DataFrame(
        {
            "indicator": ["rnd-personnel", "rnd-personnel-headcount", "population"],
            "value": [11.0, 1_560.0, 1_300_000.0],
            "year": [2024, 2024, 2024],
        }
    )
    with pytest.raises(ObservationError, match="computed from its components") as raised:
        evaluate(plan, frame)
    assert raised.value.problems  # named, though no row of the frame holds the computed one


def test_a_plan_without_change_targets_has_no_change_columns() -> None:
    plan = _plan(("2030-1", Comparison(operator="ge", value=50.0), None))
    frame = pl.DataFrame({"indicator": "ind", "year": [2020], "value": [60.0], "base_year": [1]})
    result = evaluate(plan, frame)
    assert "change_size" not in result.columns
    assert result["base_year"].to_list() == [1]  # the user's column, untouched
    changed = _plan(("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None))
    with pytest.raises(ObservationError, match="output column"):
        evaluate(changed, frame)


# ---------------------------------------------------------------- the scalar path, generated


@st.composite
def _cases(draw: st.DrawFn) -> dict[str, Any]:
    """A plan of one indicator with change (and level) targets, and its level series."""
    unit = draw(st.sampled_from(list(_OTHER_UNITS)))
    specs = draw(st.lists(kst.change_specs(units=(None,), years=_YEARS), min_size=1, max_size=3))
    if draw(st.booleans()):
        specs.append(draw(kst.target_specs(kinds=("comparison", "range"), units=(None,))))
    bases = [
        draw(st.none() | st.tuples(kst.finite_numbers(1e4), st.integers(*_YEARS))) for _ in specs
    ]
    targets = [(f"2030-{n}", s, b) for n, (s, b) in enumerate(zip(specs, bases, strict=True))]
    plan = _plan(*targets, unit=unit)
    entity_type = draw(st.sampled_from([pl.String, pl.Categorical, pl.Int64, pl.Float64]))
    rows = []
    for entity in range(draw(st.integers(1, 3))):
        for scenario in range(draw(st.integers(1, 2))):
            for year, value in draw(kst.level_series(years=_YEARS)):
                other = _OTHER_UNITS[unit]
                given = None
                if other is not None and value is not None and draw(st.booleans()):
                    given, value = other[0], value / other[1]
                rows.append(
                    {
                        "indicator": "ind",
                        "entity": entity,
                        "scenario": scenario,
                        "year": year,
                        "value": value,
                        "unit": given,
                    }
                )
    frame = pl.DataFrame(
        rows,
        schema={
            "indicator": pl.String,
            "entity": pl.Int64,
            "scenario": pl.Int32,
            "year": pl.Int64,
            "value": pl.Float64,
            "unit": pl.String,
        },
    )
    if entity_type in (pl.String, pl.Categorical):
        frame = frame.with_columns(pl.format("e{}", "entity").cast(entity_type).alias("entity"))
    else:
        frame = frame.with_columns(pl.col("entity").cast(entity_type))
    return {"plan": plan, "frame": frame}


def _factor(target: Target, unit: str | None) -> float:
    if unit is None or target.measure_unit is None:
        return 1.0
    return conversion_factor(unit, target.measure_unit)


def _expected(target: Target, row: dict[str, Any], frame: pl.DataFrame) -> dict[str, Any]:
    """What the scalar path says of one observation of a change target."""
    change = target.spec.change
    assert change is not None
    value = row["value"]
    converted = None if value is None else value * _factor(target, row["unit"])
    if converted is not None and not math.isfinite(converted):  # NaN, an infinity: no data
        converted = None
    # the plan baseline is the base of the plan's own series only: one key group
    one_series = frame.select(pl.col("entity").n_unique(), pl.col("scenario").n_unique()).row(0)
    plan = target.baseline if one_series == (1, 1) else None
    base_year = change.since
    if change.previous_year:
        base_year = row["year"] - 1
    elif change.since is None:
        base_year = None if plan is None else plan.year
    series = None
    if change.since is not None or change.previous_year:
        same = frame.filter(
            (pl.col("entity").cast(pl.String) == str(row["entity"]))
            & (pl.col("scenario") == row["scenario"])
            & (pl.col("year") == base_year)
            & pl.col("value").is_not_nan()
        ).to_dicts()
        assert len(same) <= 1
        if same:
            series = same[0]["value"] * _factor(target, same[0]["unit"])
            series = series if math.isfinite(series) else None  # an infinity is no level
    fits = plan is not None and plan.year == base_year
    base = series if series is not None else (plan.value if fits and plan else None)
    found: dict[str, Any] = {
        "base_year": base_year,
        "base_value": base,
        "baseline_source": "series" if series is not None else ("plan" if fits else None),
        "value_converted": converted,
    }
    years = None if base_year is None else row["year"] - base_year
    if converted is None or base is None or years is None or years <= 0:
        reason = "no value" if converted is None else None
        if reason is None:
            reason = (
                "no base value" if years is None or years > 0 else "year not after the base year"
            )
        return found | {
            "met": None,
            "status": "no_data",
            "shortfall": None,
            "attainment": None,
            "change_size": None,
            "no_data_reason": reason,
        }
    options = {"baseline": base, "years": years, "tolerance": target.approximate_tolerance}
    spec = target.spec
    status = spec.status(converted, **options).value
    size = change.size(converted, baseline=base, years=years)
    return found | {
        "met": spec.is_met(converted, **options),
        "status": status,
        "shortfall": spec.shortfall(converted, **options),
        "attainment": spec.attainment(converted, **options),
        "change_size": size,
        "no_data_reason": "change undefined" if status == "no_data" else None,
    }


def _same(engine: Any, reference: Any) -> bool:
    if isinstance(reference, float) and isinstance(engine, float):
        return engine == reference or (math.isnan(engine) and math.isnan(reference))
    return bool(engine == reference) if reference is not None else engine is None


_SETTINGS = settings(
    max_examples=max(300, settings().max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@_SETTINGS
@given(
    case=_cases(),
    dense=st.booleans(),
    coded=st.booleans(),
    lazy=st.booleans(),
    enums=st.booleans(),
)
def test_the_engine_equals_the_scalar_path(
    case: dict[str, Any], dense: bool, coded: bool, lazy: bool, enums: bool
) -> None:
    # dense: the bases in a dense array (else a join); coded: the base years' rows found by
    # the codes of their indicator and unit (else a join); enums: indicator and unit as Enums
    # whose categories are not all observed (their codes are not 0 … n − 1).
    plan, frame = case["plan"], case["frame"].with_row_index("obs")
    if enums:
        frame = frame.with_columns(
            pl.col("indicator").cast(pl.Enum(["khác-1", "ind", "khác-2"])),
            pl.col("unit").cast(pl.Enum(["a", "b", "c", "fraction", "d", "triệu đồng", "e"])),
        )
    keys = ["entity", "scenario", "year"]
    limit = base_lookup.DENSE_LIMIT if dense else 0
    codes = change_bases._pair_codes if coded else lambda *_: None
    with (
        mock.patch.object(base_lookup, "DENSE_LIMIT", limit),
        mock.patch.object(change_bases, "_pair_codes", codes),
    ):
        found = evaluate(plan, frame.lazy() if lazy else frame, keys=keys)
    result = found.collect() if isinstance(found, pl.LazyFrame) else found
    rows = frame.to_dicts()
    assert result.height == frame.height * len(plan.targets)
    for out in result.iter_rows(named=True):
        target = plan.target(out["target_id"])
        row = rows[out["obs"]]
        if target.spec.change is None:
            assert out["status"] == target.status(row["value"], unit=row["unit"]).value
            assert out["change_size"] is None
            continue
        expected = _expected(target, row, frame)
        for column, value in expected.items():
            assert _same(out[column], value), (column, out[column], value, target.spec, row)


# ------------------------------------------------------------ hostile input, found by attack


def test_an_absurd_year_before_the_base_is_never_a_change() -> None:
    # Int32 arithmetic wrapped -2147483648 - 2020 around to a positive span: "met", +20 %
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None))
    frame = pl.DataFrame({"indicator": "ind", "year": [2020, -(2**31)], "value": [10.0, 12.0]})
    row = evaluate(plan, frame).filter(pl.col("year") < 0).row(0, named=True)
    assert (row["status"], row["change_size"]) == ("no_data", None)
    assert row["no_data_reason"] == "year not after the base year"


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
@pytest.mark.parametrize("year", [2**31, 3_000_000_000, -(2**31) - 1])
def test_a_year_beyond_an_int32_is_no_year_and_says_so(engine: str, year: int) -> None:
    # it was measured as no year, but its reason said "change undefined"
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None))
    frame = pl.DataFrame({"indicator": "ind", "year": [2020, year], "value": [10.0, 12.0]})
    result = _evaluated(plan, frame, engine)
    row = result.filter(pl.col("year") == year).row(0, named=True)
    assert (row["status"], row["change_size"]) == ("no_data", None)
    assert row["no_data_reason"] == "no year"


def test_key_columns_the_engine_cannot_read_are_named() -> None:
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None))
    frame = pl.DataFrame({"indicator": "ind", "entity": ["A", "A"], "year": [2020, 2021]})
    frame = frame.with_columns(value=pl.Series([10.0, 12.0]))
    with pytest.raises(InvalidValueError, match=r"write keys=\['entity'\]"):
        evaluate(plan, frame, keys="entity")  # type: ignore[arg-type]
    for name in ("^x$", "*"):  # Polars reads these as patterns of names
        with pytest.raises(ObservationError, match="pattern of names"):
            evaluate(plan, frame.rename({"entity": name}))
    objects = frame.with_columns(pl.Series("entity", [object(), object()], dtype=pl.Object))
    with pytest.raises(ObservationError, match="holds Python objects"):
        evaluate(plan, objects)


def test_a_pandas_column_of_texts_and_numbers_is_named() -> None:
    pd = pytest.importorskip("pandas")
    plan = _plan(("2030-1", _at_least(10.0, Change(kind="relative", since=2020)), None))
    frame = pd.DataFrame(
        {
            "indicator": ["ind", "ind"],
            "ma_tinh": ["83", 83],
            "year": [2020, 2021],
            "value": [10.0, 12.0],
        }
    )
    with pytest.raises(ObservationError) as caught:
        evaluate(plan, frame)
    assert [p.column for p in caught.value.problems] == ["ma_tinh"]
    assert "several types" in str(caught.value)
