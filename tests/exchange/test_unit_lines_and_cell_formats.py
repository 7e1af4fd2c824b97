"""Units and numbers of a sheet as other tools and hands write them (round 150 of the attacks):

* a unit line above the table in other words (``Đơn vị: tỷ đồng``, ``(Đơn vị: tỷ đồng)``) and a
  unit in the heading of the names' column (``Chỉ tiêu (%)``) were dropped: no row had a unit;
* a target cell holding 0 in the Accounting format (it shows ``-``) was no target, and not
  listed: a target of 0 accidents lost;
* a percentage typed whole in a cell formatted as one (95 shows ``9500%``) was a target of
  9500 %, and 2 in a row of the poor at most 200 %: always met.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_xlsx

_TITLE = "(Kèm theo Kế hoạch số 31/KH-UBND ngày 20/01/2026 của UBND tỉnh Hòa Mỹ)"
_HEADER = ["STT", "Chỉ tiêu", "Thực hiện năm 2025", "Năm 2030", "Cơ quan chủ trì"]


@pytest.mark.parametrize(
    "line", ["Đơn vị: tỷ đồng", "(Đơn vị: tỷ đồng)", "Đơn vị đo: tỷ đồng", "ĐV tính: tỷ đồng"]
)
def test_a_unit_line_in_other_words_gives_every_row_its_unit(tmp_path: Path, line: str) -> None:
    rows = [[_TITLE], [line], _HEADER, ["1", "Tổng vốn đầu tư", "40.000", "60.000", "Sở"]]
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])]))
    (indicator,) = imported.plan.indicators
    assert indicator.unit is not None
    assert indicator.unit.text == "tỷ đồng"


def test_a_unit_line_naming_an_agency_is_no_unit_line(tmp_path: Path) -> None:
    rows = [[_TITLE], ["Đơn vị: Sở Tài chính"], _HEADER, ["1", "Tổng vốn", "40", "60", "Sở"]]
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])]))
    (indicator,) = imported.plan.indicators
    assert indicator.unit is None
    assert not any("Sở Tài chính'" in str(p) for p in imported.problems)


def test_a_unit_in_the_heading_of_the_names_is_the_tables(tmp_path: Path) -> None:
    header = ["STT", "Chỉ tiêu (%)", "Thực hiện năm 2025", "Năm 2030", "Cơ quan chủ trì"]
    rows = [
        [_TITLE],
        header,
        ["1", "Tỷ lệ hộ nghèo", "3,5", "2", "Sở"],
        ["2", "Tỷ lệ xã có sóng 5G", "80", "100", "Sở"],
    ]
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])]))
    assert [i.unit and i.unit.text for i in imported.plan.indicators] == ["%", "%"]
    assert [i.name for i in imported.plan.indicators] == ["Tỷ lệ hộ nghèo", "Tỷ lệ xã có sóng 5G"]


_FORMATTED = [[_TITLE], ["Đơn vị tính: %"], _HEADER]


@pytest.mark.parametrize(
    "number_format", ['0;-0;"-"', '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', "0;-0;"]
)
def test_a_target_of_0_that_shows_a_dash_is_listed(tmp_path: Path, number_format: str) -> None:
    rows = [*_FORMATTED, ["1", "Số vụ tai nạn giao thông", 12, 0, "Công an tỉnh"]]
    formats = {("PL", 3, 3): number_format}
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])], formats))
    assert imported.plan.targets == ()
    listed = [str(p) for p in imported.problems if "holds the number 0" in str(p)]
    assert len(listed) == 1
    assert "column D (Năm 2030)" in listed[0]


def test_a_zero_in_general_is_a_target_of_0(tmp_path: Path) -> None:
    rows = [*_FORMATTED, ["1", "Số vụ tai nạn giao thông", 12, 0, "Công an tỉnh"]]
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])]))
    (target,) = imported.plan.targets
    assert target.spec.is_met(0)
    assert not target.spec.is_met(1)


@pytest.mark.parametrize(("baseline", "target"), [(80, 95), (3.5, 2)])
def test_a_percentage_typed_whole_in_a_percentage_cell_is_listed(
    tmp_path: Path, baseline: float, target: float
) -> None:
    rows = [*_FORMATTED, ["1", "Tỷ lệ hộ nghèo", baseline, target, "Sở"]]
    formats = {("PL", 3, 2): "0.0%", ("PL", 3, 3): "0%"}
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])], formats))
    assert imported.plan.targets == ()
    listed = [str(p) for p in imported.problems if "percentage typed whole" in str(p)]
    assert len(listed) == 1
    assert f"shows {round(target * 100)}%" in listed[0]


def test_a_fraction_in_a_percentage_cell_is_read(tmp_path: Path) -> None:
    rows = [*_FORMATTED, ["1", "Tỷ lệ xã có sóng 5G", 0.8, 0.95, "Sở"]]
    formats = {("PL", 3, 2): "0%", ("PL", 3, 3): "0%"}
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])], formats))
    assert imported.problems == ()
    (target,) = imported.plan.targets
    assert target.spec.value == 95
    assert target.baseline is not None
    assert target.baseline.value == 80


_BASELINES = [
    [_TITLE],
    ["STT", "Chỉ tiêu", "ĐVT", "Điểm xuất phát (2025)", "Năm 2030", "Cơ quan chủ trì"],
    ["1", "Tổng vốn đầu tư", "tỷ đồng", "40.000 tỷ đồng", "60.000", "Sở Tài chính"],
    ["2", "Dân số", "nghìn người", "1,2 triệu người", "1.300", "Sở Tài chính"],
    ["3", "Tỷ lệ hộ nghèo", "%", "Khoảng 3%", "2", "Sở Tài chính"],
    ["4", "Số xã", "xã", "20 xã nông thôn mới", "25", "Sở Tài chính"],
]


def test_a_baseline_with_its_unit_is_read_in_the_rows_unit(tmp_path: Path) -> None:
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL", _BASELINES, [])]))
    baselines = {
        t.id: t.baseline and (t.baseline.value, t.baseline.year) for t in imported.plan.targets
    }
    assert baselines["2030-1"] == (40000, 2025)  # "Điểm xuất phát (2025)": a baseline's heading
    assert baselines["2030-2"] == (1200, 2025)  # 1,2 million people in thousands
    assert baselines["2030-3"] is None  # "Khoảng 3%": no figure of what was done
    assert baselines["2030-4"] is None  # words beside the number: listed
    listed = [p.text for p in imported.problems if "a baseline must be a number" in p.reason]
    assert listed == ["Khoảng 3%", "20 xã nông thôn mới"]
