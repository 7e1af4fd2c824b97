"""Appendices of sector plans (round 148 of the attacks): what was imported silently wrong.

* a CSV heading of a year over sub-columns (``Năm 2030;;`` over ``Thành thị;Nông thôn``): the
  first sub-column was the whole row's target, the row of labels an indicator of its own;
* ``Không giao`` (no target that year) was a target in words;
* ``Hoàn thành 2027`` in a row counted in works was at least 2027 works.

(The directions of sector indicators better lower are in ``test_results_and_hidden_cells``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_csv, write_xlsx


def _said(problems: object) -> list[str]:
    return [str(p) for p in problems]  # type: ignore[attr-defined]


_TITLE = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 15/01/2026 của UBND tỉnh Hòa Mỹ)"


def _years_over_areas(tmp_path: Path) -> list[list[str]]:
    return [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2030", "", "Cơ quan chủ trì"],
        ["", "", "", "Thành thị", "Nông thôn", ""],
        ["1", "Tỷ lệ dân số được cung cấp nước sạch", "%", "100", "85", "Sở Xây dựng"],
        ["2", "Tỷ lệ hộ nghèo", "%", "Dưới 0,5", "Dưới 2", "Sở Nội vụ"],
    ]


@pytest.mark.parametrize("separator", [",", ";"])
def test_a_csv_year_over_sub_columns_is_listed_as_the_merged_heading_is(
    tmp_path: Path, separator: str
) -> None:
    path = write_csv(tmp_path / "pl.csv", _years_over_areas(tmp_path), separator)
    imported = import_tables(path)
    assert imported.plan.targets == ()  # 100 was the whole province's 2030 target
    listed = [p for p in _said(imported.problems) if "does not read" in p]
    assert len(listed) == 4
    assert any("(Năm 2030 Thành thị)" in p and "'100'" in p for p in listed)
    assert any("(Năm 2030 Nông thôn)" in p and "'85'" in p for p in listed)


def test_the_same_table_merged_in_a_workbook_is_listed_alike(tmp_path: Path) -> None:
    rows = _years_over_areas(tmp_path)
    path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [(1, 3, 1, 4)])])
    imported = import_tables(path)
    assert imported.plan.targets == ()
    assert len([p for p in _said(imported.problems) if "does not read" in p]) == 4


def test_a_year_heading_over_a_row_of_data_is_no_spread(tmp_path: Path) -> None:
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2030", "", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ dân số được cung cấp nước sạch", "%", "100", "", "Sở Xây dựng"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows))
    assert [t.text for t in imported.plan.targets] == ["100"]


@pytest.mark.parametrize("said", ["Không giao", "Chưa giao chỉ tiêu", "Không áp dụng", "N/A"])
def test_no_target_that_year_is_no_target(tmp_path: Path, said: str) -> None:
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030"],
        ["1", "Số vụ cháy rừng", "vụ", said, "Dưới 5"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows))
    assert [(t.horizon, t.text) for t in imported.plan.targets] == [(2030, "Dưới 5")]
    assert not any(said in p for p in _said(imported.problems))


def test_a_year_of_completion_in_a_row_of_works_is_listed(tmp_path: Path) -> None:
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu đến năm 2030"],
        ["1", "Số công trình thủy lợi được nâng cấp", "công trình", "Hoàn thành 2027"],
        ["2", "Số công trình thủy lợi xây mới", "công trình", "Hoàn thành 5 công trình"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows))
    assert [t.text for t in imported.plan.targets] == ["Hoàn thành 5 công trình"]
    assert any(
        "'Hoàn thành 2027'" in p and "a year, not a level" in p for p in _said(imported.problems)
    )


@pytest.mark.parametrize(
    ("name", "unit", "listed"),
    [
        ("Số lao động được đào tạo nghề", "lao động", True),
        ("Diện tích trồng rừng mới", "ha", True),
        ("Số doanh nghiệp thành lập mới", "doanh nghiệp", True),
        ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", True),
        ("Số doanh nghiệp đang hoạt động", "doanh nghiệp", False),  # a stock: its level
        ("Tỷ lệ hộ nghèo", "%", False),
        ("Số lao động được đào tạo nghề giai đoạn 2026-2030", "lao động", False),  # said
    ],
)
def test_a_column_of_a_span_of_what_is_added_is_listed(
    tmp_path: Path, name: str, unit: str, listed: bool
) -> None:
    # "Giai đoạn 2026-2030 | 150.000" of workers trained was the 2030 level, not the total
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Giai đoạn 2026-2030"],
        ["1", name, unit, "1,5" if unit == "%" else "150.000"],  # 150.000 % is listed apart
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows))
    said = _said(imported.problems)
    assert any("the total of its years" in p for p in said) is listed
    assert len(imported.plan.targets) == (0 if listed else 1)
