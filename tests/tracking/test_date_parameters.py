"""Every date parameter of the tracking functions takes a date, a datetime or ``"YYYY-MM-DD"``.

The three spellings of one day give the same result; anything else is refused with an error that
names the parameter, and a period that ends before it starts is refused naming both dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import kh922core
from kh922core import Plan
from kh922core.errors import DateFormatError, DateRangeError, Kh922Error

DAY = date(2025, 7, 1)
SPELLINGS = [DAY, datetime(2025, 7, 1, 16, 45), "2025-07-01"]

_DTI = pl.DataFrame(
    {"indicator": "dti-rank", "year": [2020, 2021, 2022], "value": [33.0, 31.0, 51.0]}
)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return kh922core.load_plan()


def _csv_text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


#: (name, parameter, call(plan, value, tmp_path)) for every date parameter of the wing.
CALLS: list[tuple[str, str, Callable[[Plan, Any, Path], Any]]] = [
    ("task_status", "as_of", lambda plan, v, _: kh922core.task_status(plan, as_of=v)),
    (
        "reporting_dates",
        "start",
        lambda plan, v, _: kh922core.reporting_dates(plan, v, "2026-12-31"),
    ),
    ("reporting_dates", "end", lambda plan, v, _: kh922core.reporting_dates(plan, "2024-01-01", v)),
    (
        "reporting_calendar",
        "start",
        lambda plan, v, _: kh922core.reporting_calendar(plan, v, date(2026, 12, 31)),
    ),
    (
        "reporting_calendar",
        "end",
        lambda plan, v, _: kh922core.reporting_calendar(plan, date(2024, 1, 1), v),
    ),
    (
        "reporting_template",
        "as_of",
        lambda plan, v, _: kh922core.reporting_template(
            plan, "so-khcn", observations=_DTI, as_of=v
        ),
    ),
    (
        "write_reporting_template",
        "as_of",
        lambda plan, v, tmp: _csv_text(
            kh922core.write_reporting_template(tmp / "t.csv", plan, "so-khcn", as_of=v)
        ),
    ),
    (
        "progress",
        "as_of",
        lambda plan, v, _: kh922core.progress(plan, _DTI, targets="2030-2", as_of=v),
    ),
]
IDS = [f"{name}-{parameter}" for name, parameter, _ in CALLS]


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, pl.DataFrame):
        return left.equals(right)
    return bool(left == right)


@pytest.mark.parametrize(("name", "parameter", "call"), CALLS, ids=IDS)
def test_three_spellings_of_a_day_give_one_result(
    plan: Plan, tmp_path: Path, name: str, parameter: str, call: Callable[..., Any]
) -> None:
    results = [call(plan, value, tmp_path) for value in SPELLINGS]
    assert all(_same(results[0], other) for other in results[1:])


@pytest.mark.parametrize(("name", "parameter", "call"), CALLS, ids=IDS)
def test_a_text_that_is_not_an_iso_date_names_the_parameter(
    plan: Plan, tmp_path: Path, name: str, parameter: str, call: Callable[..., Any]
) -> None:
    with pytest.raises(DateFormatError, match=rf"^{parameter} must be a date") as caught:
        call(plan, "01/07/2025", tmp_path)
    assert caught.value.parameter == parameter
    assert caught.value.text == "01/07/2025"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("name", "parameter", "call"), CALLS, ids=IDS)
def test_another_type_names_the_parameter(
    plan: Plan, tmp_path: Path, name: str, parameter: str, call: Callable[..., Any]
) -> None:
    # A float is no date anywhere (an integer is a year for progress, so it is not tried here).
    with pytest.raises(TypeError, match=rf"^{parameter} must be a"):
        call(plan, 20250701.0, tmp_path)


def test_a_datetime_counts_by_its_day(plan: Plan) -> None:
    # The report due on 31 May (before 1 June) is in a period that starts on 31 May in the
    # evening: the day counts, not the hour.
    dates = kh922core.reporting_dates(plan, datetime(2025, 5, 31, 18, 0), "2025-06-30")
    assert dates == [(date(2025, 5, 31), date(2025, 6, 1))]


def test_progress_takes_a_year_or_a_day_of_that_year(plan: Plan) -> None:
    # As of 2021 the DTI rank went 33 -> 31: ahead of the pace to rank 30 by 2030.
    for as_of in (2021, "2021-12-31", date(2021, 1, 1), datetime(2021, 6, 1, 8, 0)):
        row = kh922core.progress(plan, _DTI, targets="2030-2", as_of=as_of).row(0, named=True)
        assert (row["current_year"], row["category"]) == (2021, "substantial_progress")
    with pytest.raises(TypeError, match="as_of must be a year"):
        kh922core.progress(plan, _DTI, as_of=True)


def test_one_target_id_is_one_target_not_a_list_of_letters(plan: Plan) -> None:
    one = kh922core.progress(plan, _DTI, targets="2030-2")
    assert one["target_id"].to_list() == ["2030-2"]
    assert one.equals(kh922core.progress(plan, _DTI, targets=["2030-2"]))


@pytest.mark.parametrize("function", [kh922core.reporting_dates, kh922core.reporting_calendar])
def test_a_period_that_ends_before_it_starts_names_both_dates(
    plan: Plan, function: Callable[..., Any]
) -> None:
    with pytest.raises(DateRangeError) as caught:
        function(plan, "2025-12-31", datetime(2025, 1, 1, 12, 0))
    error = caught.value
    assert isinstance(error, Kh922Error)
    assert isinstance(error, ValueError)
    assert (error.start, error.end) == (date(2025, 12, 31), date(2025, 1, 1))
    assert "2025-12-31" in str(error)
    assert "2025-01-01" in str(error)


def test_a_period_of_one_day_is_not_reversed(plan: Plan) -> None:
    assert kh922core.reporting_dates(plan, "2025-05-31", "2025-05-31") == [
        (date(2025, 5, 31), date(2025, 6, 1))
    ]
