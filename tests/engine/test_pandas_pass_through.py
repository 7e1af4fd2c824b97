"""pandas in, pandas out: the caller's own columns come back as given, row for row.

Only the engine's outputs are converted back from Polars; the caller's columns are taken from
the caller's frame by each result row's place in it (rows computed from components, which the
caller's frame does not hold, are converted).  These tests hold the values, the dtypes and the
answers of every row against the Polars engine's, on rows that start the result in order, rows
taken after them, rows computed, and a frame that starts with rows that have no target.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kh922core.testing.strategies as kst
from kh922core import ObservationError, Plan, evaluate, load_plan

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

_OUTPUTS = ("target_id", "met", "status", "shortfall", "attainment", "computed")


def _answers(frame: pl.DataFrame, by: str) -> list[tuple[Any, ...]]:
    """Each row's place, target and answers, sorted (rows come in no particular order)."""
    frame = frame.with_columns(
        pl.col(pl.Enum, pl.Categorical).cast(pl.String), pl.col(pl.Float64).fill_nan(None)
    )
    frame = frame.with_columns(pl.col("met").cast(pl.Boolean))
    rows = frame.select(by, *_OUTPUTS).rows()
    return sorted(rows, key=repr)


def _assert_rows_are_the_callers(result: Any, observations: Any, by: str) -> None:
    """Every result row of the caller's holds that row's values in every caller's column, in
    the caller's dtypes (the rows computed from components aside: where they lack a value, an
    integer column becomes pandas' float64 with NaN)."""
    mine = result[~result["computed"]]
    assert len(mine) > 0
    places = mine[by].astype("int64").to_numpy()
    expected = observations.set_index(by).loc[places].reset_index()
    computed = bool(result["computed"].any())
    for column in observations.columns:
        if not computed:
            assert result[column].dtype == observations[column].dtype, column
        got = mine[column].reset_index(drop=True)
        pd.testing.assert_series_equal(
            got, expected[column], check_names=False, check_dtype=not computed
        )


def _figures() -> Any:
    """A pandas frame of a few kinds of column: Arrow text, NumPy numbers, Python objects, a
    category, a datetime, a non-default index; the column ``place`` numbers its rows."""
    indicators = ["pii-rank", "hdi", "rnd-personnel-headcount", "population", "hdi", "pii-rank"]
    return pd.DataFrame(
        {
            "place": pd.array(range(len(indicators)), dtype="int64"),
            "indicator": pd.array(indicators, dtype="str"),
            "value": [31.0, 0.8, 120.0, 1_200_000.0, float("nan"), 25.0],
            "province": ["Bến Tre", "Bến Tre", "Bến Tre", "Bến Tre", "Vĩnh Long", "Vĩnh Long"],
            "source": [{"file": "a"}, None, ["x"], "text", 3, None],  # Python objects
            "kind": pd.Categorical(["a", "b", "a", "b", "a", "zz"], categories=["zz", "b", "a"]),
            "when": pd.to_datetime(["2025-06-30"] * len(indicators)).astype("datetime64[ns]"),
        },
        index=[f"r{n}" for n in range(len(indicators))],
    )


def test_the_callers_columns_come_back_as_given() -> None:
    figures = _figures().drop(columns="source")  # an object column of several types: below
    result = evaluate(load_plan(), figures, keys=["province"])
    assert isinstance(result.index, pd.RangeIndex)
    _assert_rows_are_the_callers(result, figures, "place")
    expected = evaluate(load_plan(), pl.from_pandas(figures), keys=["province"])
    assert _answers(pl.from_pandas(result), "place") == _answers(expected, "place")
    # a row computed from its components (rnd-personnel from the headcount and the population)
    computed = result[result["computed"]]
    assert computed["indicator"].tolist() == ["rnd-personnel"]
    assert computed["province"].tolist() == ["Bến Tre"]
    assert computed["value"].tolist() == [1.0]  # 120 people per 1,200,000 = 1 per 10,000
    assert computed["place"].isna().all()  # no key: no row of the caller's


def test_rows_that_start_the_result_out_of_order_are_taken() -> None:
    # the first observation has no target: no result row is the caller's first row
    figures = _figures().drop(columns="source").iloc[[2, 0, 1, 5]]
    result = evaluate(load_plan(), figures)
    expected = evaluate(load_plan(), pl.from_pandas(figures))
    assert len(result) == expected.height
    _assert_rows_are_the_callers(result, figures, "place")
    assert _answers(pl.from_pandas(result), "place") == _answers(expected, "place")


def test_an_object_column_of_several_types_is_passed_through_as_it_is() -> None:
    figures = _figures().iloc[[0, 1, 5]].drop(columns=["kind"])
    figures["source"] = pd.Series(["text", None, "83"], index=figures.index, dtype=object)
    result = evaluate(load_plan(), figures)
    assert result["source"].dtype == object
    _assert_rows_are_the_callers(result, figures, "place")


def test_the_result_and_the_callers_frame_do_not_share_writes() -> None:
    figures = _figures().drop(columns="source").iloc[[0, 1, 5]]
    kept = figures.copy(deep=True)
    result = evaluate(load_plan(), figures)
    result.loc[0, "value"] = -1.0
    result.loc[0, "indicator"] = "hdi"
    pd.testing.assert_frame_equal(figures, kept)
    figures.iloc[0, figures.columns.get_loc("value")] = 99.0
    assert result.loc[0, "value"] == -1.0


def test_an_empty_frame_gives_an_empty_frame_of_the_same_columns() -> None:
    figures = _figures().drop(columns="source").iloc[:0]
    result = evaluate(load_plan(), figures)
    assert len(result) == 0
    assert list(result.columns)[: len(figures.columns)] == list(figures.columns)
    assert all(result[c].dtype == figures[c].dtype for c in figures.columns)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), plan=kst.plans(max_indicators=3), arrow=st.booleans())
def test_every_row_holds_its_observation_and_the_polars_answer(
    data: st.DataObject, plan: Plan, arrow: bool
) -> None:
    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    frame = frame.with_row_index("place").with_columns(pl.col("place").cast(pl.Int64))
    observations = frame.to_pandas(use_pyarrow_extension_array=arrow)
    try:  # the Polars answer on what the pandas frame holds (NumPy has no null integer)
        expected = evaluate(plan, pl.from_pandas(observations))
    except ObservationError as error:  # a column of only None is text to Polars too
        message = str(error)
    else:
        message = ""
    if message:
        with pytest.raises(ObservationError) as raised:
            evaluate(plan, observations)
        assert str(raised.value) == message
        return
    result = evaluate(plan, observations)
    assert len(result) == expected.height
    assert _answers(pl.from_pandas(result), "place") == _answers(expected, "place")
    if not result["computed"].all():
        _assert_rows_are_the_callers(result, observations, "place")


@pytest.mark.parametrize(
    "options",
    [
        {"keys": ["province", "_kh_source_row"]},
        {"cohort_policy": "proportional", "cohort_size": "_kh_source_row"},
    ],
)
def test_an_option_naming_the_place_column_is_refused_as_a_missing_column(
    options: dict[str, Any],
) -> None:
    # the engine's own column of places is named apart from every column the options name
    figures = _figures().drop(columns="source")
    with pytest.raises(ObservationError, match="'_kh_source_row'"):
        evaluate(load_plan(), figures, **options)
    with pytest.raises(ObservationError, match="'_kh_source_row'"):
        evaluate(load_plan(), pl.from_pandas(figures), **options)


def test_a_frame_that_refuses_repeated_labels_still_gives_a_row_per_target() -> None:
    # pii-rank has two targets: its row is taken twice
    figures = _figures().drop(columns="source").iloc[[2, 0]]
    figures = figures.set_flags(allows_duplicate_labels=False)
    result = evaluate(load_plan(), figures)
    assert result["target_id"].astype(str).tolist().count("2030-1") == 1
    assert len(result) == evaluate(load_plan(), pl.from_pandas(figures)).height


def test_a_column_of_python_objects_holds_one_kind_of_value_beside_computed_rows() -> None:
    # the caller's rows hold a date object, the computed row's value comes from Polars: the
    # column is converted whole, so that every row holds a Timestamp (not some a date)
    figures = _figures().drop(columns=["source", "kind"]).iloc[[0, 2, 3]]
    figures["day"] = pd.Series([date(2025, 6, 30)] * 3, index=figures.index, dtype=object)
    result = evaluate(load_plan(), figures, keys=["province", "day"])
    assert result["computed"].any()
    assert {type(value) for value in result["day"]} == {pd.Timestamp}
    assert result.groupby("day").size().tolist() == [len(result)]
