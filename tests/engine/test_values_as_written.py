"""Values as written: 32-bit floats read as their numbers are written, and a value that is no
finite number (NaN, an infinity) is no data, on every engine and on the scalar path.

Found by attack (round 144): ``0.7`` as a fraction in a column of 32-bit floats was
0.699999988 (69.9999988 %: ``not_met`` against ``≥ 70``, while the file reader said ``met``),
and an infinite value met a floor (``met``, shortfall 0: a ``#DIV/0!`` of a pipeline counted as
met), where a change target called it undefined.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import polars as pl
import pytest

from kh922core import evaluate, load_plan, parse_target
from kh922core._plans.model import Plan
from tests.engine.lazy_frames import fetched, to_duckdb

_TARGET = "digital-signatures"  # "≥ 70" (%), 2030


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def _frame(values: list[float], dtype: pl.DataType, unit: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "indicator": [_TARGET] * len(values),
            "year": [2030] * len(values),
            "value": pl.Series(values, dtype=dtype),
            "unit": [unit] * len(values),
        }
    )


def _statuses(result: Any) -> list[str]:
    if isinstance(result, pl.LazyFrame):
        result = result.collect()
    if hasattr(result, "iloc"):  # pandas
        result = pl.from_pandas(result)
    elif not isinstance(result, pl.DataFrame):
        result = fetched(result) if hasattr(result, "pl") else pl.DataFrame(pl.from_arrow(result))
    return result.filter(pl.col("target_id").cast(pl.String).str.starts_with("2030"))[
        "status"
    ].to_list()


_ENGINES = {
    "polars": lambda f: f,
    "lazy": lambda f: f.lazy(),
    "pandas": lambda f: f.to_pandas(),
    "arrow": lambda f: f.to_arrow(),
    "duckdb": to_duckdb,
}


@pytest.mark.parametrize("engine", sorted(_ENGINES))
def test_a_float32_fraction_reads_as_written(plan: Plan, engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    frame = _frame([0.7, 0.69], pl.Float32(), "fraction")  # 70 % meets ≥ 70; 69 % does not
    assert _statuses(evaluate(plan, _ENGINES[engine](frame))) == ["met", "not_met"]


def test_a_float32_value_is_read_as_its_shortest_text(plan: Plan) -> None:
    frame = _frame([0.7], pl.Float32(), "fraction")
    result = evaluate(plan, frame).filter(
        pl.col("target_id").cast(pl.String).str.starts_with("2030")
    )
    assert result["value_converted"].to_list() == [0.7 * 100]


@pytest.mark.parametrize("engine", sorted(_ENGINES))
def test_an_infinite_value_is_no_data(plan: Plan, engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    frame = _frame([math.inf, -math.inf, math.nan, 80.0], pl.Float64(), "%")
    assert _statuses(evaluate(plan, _ENGINES[engine](frame))) == ["no_data"] * 3 + ["met"]


def test_the_scalar_path_agrees() -> None:
    spec = parse_target("≥ 70%", unit="%")
    assert [spec.is_met(v) for v in (math.inf, -math.inf, math.nan)] == [None] * 3
    assert spec.shortfall(-math.inf) is None
    target = next(t for t in load_plan().targets if t.indicator == _TARGET)
    assert target.status(np.float32(0.7), unit="fraction").value == "met"
    assert target.status(np.float32(0.69), unit="fraction").value == "not_met"


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
def test_progress_reads_a_float32_fraction_as_written(plan: Plan, engine: str) -> None:
    from kh922core import progress

    if engine == "duckdb":
        pytest.importorskip("duckdb")
    frame = _frame([0.4, 0.7], pl.Float32(), "fraction").with_columns(
        pl.Series("year", [2022, 2024])
    )
    result = progress(plan, _ENGINES[engine](frame), targets=["2030-21"])
    if engine == "pandas":
        result = pl.from_pandas(result)
    elif engine == "duckdb":
        result = fetched(result)
    (row,) = result.to_dicts()
    assert (row["current_value"], row["category"]) == (70.0, "target_achieved")
