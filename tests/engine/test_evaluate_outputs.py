"""``evaluate(..., outputs=[...])``: only the output columns asked for, in the order asked, with
the same values as the full result, on every engine; names that mean nothing are refused before
any data is read."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kh922core import evaluate
from kh922core._engine.columns import CHANGE_COLUMNS, OUTPUT_COLUMNS
from kh922core._plans.model import Plan
from kh922core.errors import InvalidValueError
from kh922core.testing import strategies as kst
from tests.engine.lazy_frames import fetched, to_duckdb
from tests.engine.spark_session import to_spark
from tests.engine.test_change_targets import _cases as change_cases
from tests.engine.test_other_engines import BACKENDS


def _observations() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "indicator": ["tfp-contribution", "pii-rank"],
            "value": [0.56, 31.0],
            "unit": ["fraction", None],
        }
    )


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _chosen(data: st.DataObject, change: bool) -> list[str]:
    """Some output columns, in an order of their own."""
    order = data.draw(st.permutations([*OUTPUT_COLUMNS, *(CHANGE_COLUMNS if change else ())]))
    return list(order[: data.draw(st.integers(0, len(order)))])


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    frame = frame.with_columns(pl.col(pl.Enum, pl.Categorical).cast(pl.String))
    return frame.sort(frame.columns, nulls_last=True) if frame.columns else frame


def _expected(plan: Plan, frame: pl.DataFrame, chosen: list[str], **options: Any) -> pl.DataFrame:
    """The full result, with only the observation's columns and ``chosen`` kept."""
    return evaluate(plan, frame, **options).select(*frame.columns, *chosen)


@_SETTINGS
@given(data=st.data(), plan=kst.plans(max_indicators=3), lazy=st.booleans())
def test_the_outputs_asked_for_are_the_full_results_columns(
    data: st.DataObject, plan: Plan, lazy: bool
) -> None:
    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    chosen = _chosen(data, change=False)
    found = evaluate(plan, frame.lazy() if lazy else frame, outputs=chosen)
    result = found.collect() if isinstance(found, pl.LazyFrame) else found
    assert result.columns == [*frame.columns, *chosen]
    assert _sorted(result).equals(_sorted(_expected(plan, frame, chosen)))


@_SETTINGS
@given(data=st.data(), case=change_cases())
def test_the_change_columns_can_be_asked_for_alone(
    data: st.DataObject, case: dict[str, Any]
) -> None:
    plan, frame = case["plan"], case["frame"]
    chosen = _chosen(data, change=True)
    keys = ["entity", "scenario", "year"]
    result = evaluate(plan, frame, keys=keys, outputs=chosen)
    assert result.columns == [*frame.columns, *chosen]
    expected = _expected(plan, frame, chosen, keys=keys)
    assert _sorted(result).equals(_sorted(expected))


@pytest.mark.parametrize("engine", ["duckdb", "pandas", "pyarrow"])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), plan=kst.plans(max_indicators=3))
def test_every_engine_returns_the_outputs_asked_for(
    engine: str, data: st.DataObject, plan: Plan
) -> None:
    frame = data.draw(kst.observation_frames(plan, max_rows=12))
    chosen = _chosen(data, change=False)
    to, back = BACKENDS[engine]
    result = back(evaluate(plan, to(frame), outputs=chosen))
    assert result.columns == [*frame.columns, *chosen]
    expected = _expected(plan, frame, chosen)
    # pandas holds a missing number as NaN and a Boolean with nulls as objects: compare values
    normal = [pl.col(pl.Float64).fill_nan(None)]
    if "met" in chosen:
        normal.append(pl.col("met").cast(pl.Boolean))
    if "horizon" in chosen:
        normal.append(pl.col("horizon").cast(pl.Int16))
    got = _sorted(result.cast(expected.schema, strict=False).with_columns(normal))
    assert got.equals(_sorted(expected.with_columns(normal))), (got, expected)


@pytest.mark.spark
def test_spark_returns_the_outputs_asked_for(spark: Any, kh922_plan: Plan) -> None:
    frame = _observations()
    chosen = ["status", "target_id", "met"]
    result = fetched(evaluate(kh922_plan, to_spark(spark)(frame), outputs=chosen))
    assert result.columns == [*frame.columns, *chosen]
    got, expected = _sorted(result), _sorted(_expected(kh922_plan, frame, chosen))
    assert got.equals(expected), (got.schema, got.rows(), expected.schema, expected.rows())


def test_what_is_not_asked_for_is_not_computed(kh922_plan: Plan) -> None:
    # Polars and DuckDB leave out the expressions of the columns not asked for: the shortfall's
    # bounds are not read by their plans.
    full = evaluate(kh922_plan, _observations().lazy()).explain()
    lean = evaluate(kh922_plan, _observations().lazy(), outputs=["met"]).explain()
    assert "_kh_short_lower" in full
    assert "_kh_short_lower" not in lean
    pytest.importorskip("duckdb")
    full_sql = str(evaluate(kh922_plan, to_duckdb(_observations())).explain()).lower()
    lean_sql = str(evaluate(kh922_plan, to_duckdb(_observations()), outputs=["met"]).explain())
    assert "_kh_short_lower" in full_sql
    assert "_kh_short_lower" not in lean_sql.lower()


@pytest.mark.parametrize(
    ("outputs", "message"),
    [
        ("met", "outputs must be a sequence of output column names, got 'met'"),
        ([1], "outputs must be a sequence of output column names, got [1]"),
        (["mett"], "'mett' is not an output column of evaluate() (they are target_id, row, "),
        (["mett"], "did you mean 'met'?"),
        (["met", "status", "met"], "outputs: 'met' named more than once"),
        (["base_year"], "outputs: 'base_year' is an output only of a plan with change targets"),
    ],
)
def test_outputs_that_mean_nothing_are_refused_before_the_data_is_read(
    kh922_plan: Plan, outputs: Any, message: str
) -> None:
    # the observations lack their value column: the option is refused first, by its value
    frame = pl.DataFrame({"indicator": ["pii-rank"]})
    with pytest.raises(InvalidValueError) as caught:
        evaluate(kh922_plan, frame, outputs=outputs)
    assert message in str(caught.value)
