"""One level given twice alike, in two units: one base of a change target, one point of a series.

Found by attack (round 144): a base year given as ``100`` tỷ đồng by one source and ``100.000``
triệu đồng by another was one base on Polars and two (refused) on DuckDB, which compared the
values as written; and ``7`` % beside ``0,07`` was refused everywhere, its conversion
7.000000000000001 being no equal of 7.0.  Levels that agree within the comparisons' tolerance
(1e-9) are one level, on every engine; levels further apart are still two values, refused.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from kh922core import Change, load_plan, progress
from kh922core.errors import ObservationError
from tests.engine.test_change_targets import _at_least, _evaluated, _native, _plan

_ENGINES = ["polars", "pandas", "duckdb"]


def _frame(values: list[float], units: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "province": "A",
            "indicator": "ind",
            "year": [2024] * (len(values) - 1) + [2025],
            "value": values,
            "unit": units,
        }
    )


@pytest.mark.parametrize("engine", _ENGINES)
@pytest.mark.parametrize("since", [True, False])
@pytest.mark.parametrize(
    ("unit", "values", "units", "size"),
    [
        ("tỷ đồng", [100.0, 100_000.0, 125.0], ["tỷ đồng", "triệu đồng", "tỷ đồng"], 25.0),
        ("tỷ đồng", [123.4, 123_400.0, 150.0], ["tỷ đồng", "triệu đồng", "tỷ đồng"], None),
        ("%", [7.0, 0.07, 5.0], ["%", "fraction", "%"], -2.0),
    ],
)
def test_one_base_given_in_two_units_is_one_base(
    engine: str, since: bool, unit: str, values: list[float], units: list[str], size: float | None
) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    kind = "relative" if unit == "tỷ đồng" else "points"
    change = Change(kind=kind, since=2024) if since else Change(kind=kind, previous_year=True)
    plan = _plan(("2030-1", _at_least(1.0, change), None), unit=unit)
    rows = _evaluated(plan, _frame(values, units), engine).filter(pl.col("year") == 2025)
    (row,) = rows.to_dicts()
    assert row["base_value"] == pytest.approx(values[0], rel=1e-12)
    assert row["change_size"] == pytest.approx(
        size if size is not None else (150.0 / 123.4 - 1) * 100, rel=1e-12
    )


@pytest.mark.parametrize("engine", _ENGINES)
def test_two_bases_apart_are_still_refused(engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    plan = _plan(("2030-1", _at_least(1.0, Change(kind="points", since=2024)), None), unit="%")
    frame = _frame([7.0, 0.0701, 5.0], ["%", "fraction", "%"])  # 7 and 7,01: two levels
    with pytest.raises(ObservationError, match="several values"):
        _evaluated(plan, frame, engine)


@pytest.mark.parametrize("engine", _ENGINES)
def test_one_point_given_in_two_units_is_one_point(engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    plan = load_plan()
    frame = pl.DataFrame(
        {
            "indicator": "digital-signatures",
            "year": [2022, 2024, 2024],
            "value": [40.0, 55.0, 0.55],
            "unit": ["%", "%", "fraction"],
        }
    )
    result = progress(plan, _native(frame, engine), targets=["2030-21"])
    (row,) = _fetched(result, engine).to_dicts()
    assert (row["n_points"], row["current_year"]) == (2, 2024)
    assert row["current_value"] == pytest.approx(55.0, rel=1e-12)
    apart = frame.with_columns(pl.Series("value", [40.0, 55.0, 0.56]))
    with pytest.raises(ObservationError, match="several values for the same target"):
        _fetched(progress(plan, _native(apart, engine), targets=["2030-21"]), engine)


def _fetched(result: Any, engine: str) -> pl.DataFrame:
    if engine == "pandas":
        return pl.from_pandas(result)
    return result.pl() if engine == "duckdb" else result
