"""A table of indicators whose target column has no year, beside a column of each row's year
(``Giá trị mục tiêu | Năm đạt``): each row's targets are for its own year.  Before, every
target was refused for want of a horizon, and the years listed as a column not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_xlsx

pytest.importorskip("openpyxl")

TITLE = [
    ["PHỤ LỤC I"],
    ["CÁC CHỈ TIÊU CHỦ YẾU"],
    ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 20 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh Hòa Mỹ)"],
]


def _import(tmp_path: Path, rows: list[list[object]]) -> tuple[dict[str, str], list[str]]:
    plan, problems = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL1", rows, [])]))
    return {t.id: t.text for t in plan.targets}, [f"{p.text}: {p.reason}" for p in problems]


@pytest.mark.parametrize("heading", ["Năm đạt", "Năm hoàn thành", "Thời điểm đạt", "Thời gian"])
def test_each_row_s_targets_are_for_its_own_year(tmp_path: Path, heading: str) -> None:
    rows: list[list[object]] = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Giá trị mục tiêu", heading],
        ["1", "Tỷ lệ xã có trạm 5G", "%", "100", "2028"],
        ["2", "Tỷ lệ hộ dùng cáp quang", "%", "≥ 90", "Năm 2030"],
        ["3", "Tỷ lệ hồ sơ số hóa", "%", "95", "Đến năm 2027"],
        ["4", "Số doanh nghiệp số", "doanh nghiệp", "500", 2029],
    ]
    targets, problems = _import(tmp_path, rows)
    assert targets == {"2028-1": "100", "2030-2": "≥ 90", "2027-3": "95", "2029-4": "500"}
    assert problems == []


def test_a_row_without_a_year_takes_the_title_s_or_is_listed(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Giá trị mục tiêu", "Năm đạt"],
        ["1", "Tỷ lệ xã có trạm 5G", "%", "100", "2028"],
        ["2", "Tỷ lệ hộ dùng cáp quang", "%", "90", "Hằng năm"],
        ["3", "Tỷ lệ hồ sơ số hóa", "%", "95", ""],
    ]
    targets, problems = _import(tmp_path, rows)
    assert targets == {"2028-1": "100"}
    assert [p.split(":")[0] for p in problems] == ["Hằng năm", "90", "95"]
    assert problems[0].endswith("a plan file has no place for it; copy it by hand")
    assert "no horizon" in problems[1]
    titled = [TITLE[0], ["CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030"], TITLE[2], *rows[len(TITLE) :]]
    targets, _ = _import(tmp_path, titled)
    assert targets == {"2028-1": "100", "2030-2": "90", "2030-3": "95"}


def test_a_year_beside_target_columns_of_their_own_years_is_listed(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Năm 2030", "Năm đạt"],
        ["1", "Tỷ lệ xã có trạm 5G", "%", "80", "100", "2028"],
    ]
    targets, problems = _import(tmp_path, rows)
    assert targets == {"2025-1": "80", "2030-1": "100"}
    assert [p.split(":")[0] for p in problems] == ["2028"]


def test_the_year_s_last_day_as_a_date_is_the_year(tmp_path: Path) -> None:
    """Round 171: a date typed in the year column (an Excel date cell, shown ``31/12/2028``)
    left the row's target without a horizon, and named the cell "agencies or a deadline"."""
    import datetime

    rows: list[list[object]] = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Giá trị mục tiêu", "Năm đạt"],
        ["1", "Tỷ lệ xã có trạm 5G", "%", "100", datetime.datetime(2028, 12, 31)],
        ["2", "Tỷ lệ hộ dùng cáp quang", "%", "90", "12/2029"],
        ["3", "Tỷ lệ hồ sơ số hóa", "%", "95", "30/6/2027"],
    ]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL1", rows, [])], {("PL1", 4, 4): "dd/mm/yyyy"})
    plan, problems = import_tables(path)
    assert {t.id: t.text for t in plan.targets} == {"2028-1": "100", "2029-2": "90"}
    # a day within a year is no year's figure: listed
    assert [p.text for p in problems][:1] == ["30/6/2027"]
