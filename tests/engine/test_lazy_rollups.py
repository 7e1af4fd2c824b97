"""Roll-ups where the data lives: ``summarize`` of a DuckDB relation or a Spark DataFrame runs in
that engine, stays lazy, and gives the Polars roll-up of the same rows, row for row.

The evaluated rows are drawn with Hypothesis (plans with every kind of target, change targets
included, observations with nulls, NaN and units), evaluated by Polars, and handed to each engine
as the engine would hold them (texts as text: DuckDB and Spark have no Enum of the plan's ids);
the expected roll-up is the Polars one of those same rows.  The Spark tests need pyspark and Java
and are marked ``spark``.  SQLFrame (a PySpark API over DuckDB) runs ``evaluate``, ``rank`` and
``summarize`` through the same Narwhals code; its tests are skipped without sqlframe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kh922core import evaluate, load_plan, published_figures, rank, summarize
from kh922core._plans.model import Plan
from kh922core.errors import Kh922Error, ObservationError
from kh922core.testing import strategies as kst
from tests.engine.lazy_frames import fetched, to_duckdb
from tests.engine.spark_session import to_spark

duckdb = pytest.importorskip("duckdb")

#: What a roll-up may group by: the result's own columns, then the target's and the plan's.
_KEYS = (
    "year",
    "unit",
    "assessment",
    "computed",
    "no_data_reason",
    "indicator",
    "horizon",
    "target_id",
    "row",
    "target_text",
    "group",
    "lead_agency",
    "indicator_name",
)


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """The rows as another engine holds them: Enums (ids, rows, texts, statuses) as text."""
    return frame.with_columns(pl.col(pl.Enum, pl.Categorical).cast(pl.String))


def _roll_up_matches(
    result: pl.DataFrame,
    to: Callable[[pl.DataFrame], Any],
    back: Callable[[Any], pl.DataFrame],
    lazy_type: type,
    by: list[str],
    plan: Plan | None,
) -> None:
    """``summarize`` of ``result`` held by another engine: lazy, and the Polars roll-up (its
    rows, in its order, its columns; integers as Int64, the plan's Enums as text)."""
    rows = _as_text(result)
    plan_keys = _KEYS[_KEYS.index("indicator") :] if plan is not None else ()
    if any(k not in rows.columns and k not in plan_keys for k in by):  # refused the same way
        with pytest.raises(Kh922Error) as expected:
            summarize(rows, by=by, plan=plan)
        with pytest.raises(Kh922Error) as got:
            summarize(to(rows), by=by, plan=plan)
        assert str(got.value) == str(expected.value)
        return
    expected = _as_text(summarize(rows, by=by, plan=plan))
    lazy = summarize(to(rows), by=by, plan=plan)
    assert isinstance(lazy, lazy_type)  # unevaluated, in its engine
    assert_frame_equal(back(lazy), expected, check_exact=True)


def _draw_case(data: st.DataObject) -> tuple[Plan, pl.DataFrame, list[str], Plan | None]:
    changes = data.draw(st.booleans())
    plan = data.draw(kst.plans(max_indicators=3, changes=changes))
    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    if changes:  # one level per indicator and year: two at a base year are refused
        frame = frame.unique(["indicator", "year"], keep="first", maintain_order=True)
    result = evaluate(plan, frame)
    by = data.draw(st.lists(st.sampled_from(_KEYS), unique=True, max_size=3))
    return plan, result, by, data.draw(st.sampled_from([plan, None]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_duckdb_rolls_up_as_polars_does(data: st.DataObject) -> None:
    _plan, result, by, plan = _draw_case(data)
    _roll_up_matches(result, to_duckdb, lambda r: r.pl(), duckdb.DuckDBPyRelation, by, plan)


@pytest.mark.parametrize(
    "by",
    [None, "indicator", ["year", "target_id"], ["group", "lead_agency"], ["row", "indicator_name"]],
)
def test_evaluated_in_duckdb_and_rolled_up_there(by: str | list[str] | None) -> None:
    """The whole pipeline in DuckDB (nothing fetched), against the Polars pipeline."""
    plan, observations = load_plan(), published_figures()
    relation = evaluate(plan, to_duckdb(observations))
    lazy = summarize(relation, by=by, plan=plan)
    assert isinstance(lazy, duckdb.DuckDBPyRelation)
    assert "Aggregates" in lazy.explain()  # the roll-up is in DuckDB's plan, not fetched
    expected = _as_text(summarize(evaluate(plan, observations), by=by, plan=plan))
    assert_frame_equal(lazy.pl(), expected, check_exact=True)
    assert expected.height > 1 or by is None  # the orders compared are orders of several rows


def test_an_empty_result_rolls_up_to_one_row_as_in_polars() -> None:
    plan = load_plan()
    empty = _as_text(evaluate(plan, published_figures().clear()))
    assert empty.height == 0
    for with_plan in (None, plan):
        expected = _as_text(summarize(empty, plan=with_plan))
        got = summarize(to_duckdb(empty), plan=with_plan).pl()
        assert_frame_equal(got, expected, check_exact=True)  # NaN coverage without the plan
        assert summarize(to_duckdb(empty), by="year").pl().height == 0


@pytest.mark.parametrize(
    ("drop", "by", "error"),
    [
        ("met", None, ObservationError),
        ("status", "year", ObservationError),
        (None, "no_such_column", Kh922Error),
        (None, ["year", "lead_agency"], Kh922Error),
    ],
)
def test_duckdb_refuses_what_polars_refuses(
    drop: str | None, by: str | list[str] | None, error: type[Exception]
) -> None:
    result = _as_text(evaluate(load_plan(), published_figures()))
    if drop is not None:
        result = result.drop(drop)
    with pytest.raises(error) as expected:
        summarize(result, by=by)
    with pytest.raises(error) as got:
        summarize(to_duckdb(result), by=by)
    assert str(got.value) == str(expected.value)
    if isinstance(expected.value, ObservationError):
        assert isinstance(got.value, ObservationError)
        assert got.value.problems == expected.value.problems


def test_null_groups_are_one_group_and_sort_first() -> None:
    """A group of null keys meets the plan's missing targets as one group (SQL's PARTITION BY,
    Polars' nulls_equal), and sorts first as in Polars."""
    plan = load_plan()
    observations = published_figures().with_columns(
        pl.when(pl.col("year") == 2023).then(None).otherwise(pl.col("year")).alias("year")
    )
    result = _as_text(evaluate(plan, observations))
    assert result["year"].null_count() > 0
    expected = summarize(result, by="year", plan=plan)
    got = summarize(to_duckdb(result), by="year", plan=plan).pl()
    assert got["year"][0] is None
    assert_frame_equal(got, _as_text(expected), check_exact=True)


# --- Spark -------------------------------------------------------------------------------------


@pytest.mark.spark
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_spark_rolls_up_as_polars_does(spark: Any, data: st.DataObject) -> None:
    _plan, result, by, plan = _draw_case(data)
    spark_frame = type(spark.createDataFrame([(1,)], "x int"))
    _roll_up_matches(result, to_spark(spark), fetched, spark_frame, by, plan)


@pytest.mark.spark
def test_evaluated_on_spark_and_rolled_up_there(spark: Any) -> None:
    plan, observations = load_plan(), published_figures()
    lazy = summarize(evaluate(plan, to_spark(spark)(observations)), by="year", plan=plan)
    assert type(lazy).__name__ == "DataFrame"  # a Spark plan, unevaluated
    expected = _as_text(summarize(evaluate(plan, observations), by="year", plan=plan))
    assert_frame_equal(fetched(lazy), expected, check_exact=True)
    with pytest.raises(ObservationError):
        summarize(to_spark(spark)(observations), by="year")  # not a result: no met, no status


# --- SQLFrame ----------------------------------------------------------------------------------


def _normal(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one order, texts as text, NaN as null."""
    frame = _as_text(frame).with_columns(
        pl.col(pl.Float64).fill_nan(None), pl.col("horizon").cast(pl.Int16)
    )
    return frame.sort(frame.columns, nulls_last=True)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_sqlframe_rolls_up_as_polars_does(
    to_sqlframe: Callable[[pl.DataFrame], Any], data: st.DataObject
) -> None:
    from sqlframe.duckdb import DuckDBDataFrame

    _plan, result, by, plan = _draw_case(data)
    _roll_up_matches(result, to_sqlframe, fetched, DuckDBDataFrame, by, plan)


# SQLFrame's createDataFrame writes an infinite bound as ``CAST('inf' AS FLOAT)``, and DuckDB
# would read every bound of that column as a 32-bit float: the bounds table is exact SQL.


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data(), plan=kst.plans(max_indicators=3))
def test_sqlframe_evaluates_as_polars_does(
    to_sqlframe: Callable[[pl.DataFrame], Any], data: st.DataObject, plan: Plan
) -> None:
    from sqlframe.duckdb import DuckDBDataFrame

    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    policy = data.draw(st.sampled_from(["absolute", "proportional"]))
    lazy = evaluate(plan, to_sqlframe(frame), cohort_policy=policy)
    assert isinstance(lazy, DuckDBDataFrame)  # unevaluated, in DuckDB
    expected = evaluate(plan, frame, cohort_policy=policy)
    got = fetched(lazy)
    assert got.height == expected.height
    assert _normal(got).equals(_normal(expected)), (_normal(got), _normal(expected))


@pytest.mark.parametrize("by", [None, "year"])
def test_sqlframe_ranks_and_rolls_up_the_published_figures(
    to_sqlframe: Callable[[pl.DataFrame], Any], by: str | None
) -> None:
    scores = pl.DataFrame(
        {"year": [2023, 2023, 2023, 2024, 2024], "score": [37.6, 40.1, 37.6, None, 2.0]}
    )
    ranked = fetched(rank(to_sqlframe(scores), by=by, higher_is_better=False))
    expected = rank(scores, by=by, higher_is_better=False)
    assert_frame_equal(ranked.sort("year", "score"), expected.sort("year", "score"))
    plan, observations = load_plan(), published_figures()
    lazy = summarize(evaluate(plan, to_sqlframe(observations)), by=by, plan=plan)
    rolled = _as_text(summarize(evaluate(plan, observations), by=by, plan=plan))
    assert_frame_equal(fetched(lazy), rolled, check_exact=True)


def test_sqlframe_keeps_the_doubles_of_the_bounds(
    to_sqlframe: Callable[[pl.DataFrame], Any],
) -> None:
    """HDI "> 0,7" has no upper bound (inf) and "8-10%" an upper bound of 10 plus the comparison
    tolerance, which a 32-bit float rounds to 10: a value just above 10 would be exceeded."""
    plan = load_plan()
    observations = pl.DataFrame(
        {"indicator": ["hdi", "patent-commercialisation"], "value": [0.8, 10.000000005]}
    )
    expected = evaluate(plan, observations).sort("indicator")
    got = fetched(evaluate(plan, to_sqlframe(observations))).sort("indicator")
    assert expected["status"].cast(pl.String).to_list() == ["met", "met"]
    assert got["status"].to_list() == ["met", "met"]
