"""Two silent misreads of imported appendices (left alone in the sixteenth session's note):

* a change that names no base written in the columns of several years (``Giảm 0,5%`` under
  ``Năm 2026``, ``Năm 2027``, ``Năm 2028``) was measured from the plan baseline in each of them:
  by 2028 a fall of 0,5 points in all, where the plan most often means 0,5 a year;
* a number whose format shows a unit of another scale than the row's (1500 formatted
  ``#,##0 "lượt"`` in a row in ``nghìn lượt``) was read in the format's unit, a thousand times
  smaller than the number typed in a row of thousands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import ChangeKind, import_tables

from .office_builders import write_csv, write_xlsx

_TITLE = "(Kèm theo Kế hoạch số 21/KH-UBND ngày 20/01/2026 của UBND tỉnh Hòa Mỹ)"
_HEADER = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Thực hiện năm 2024",
    "Năm 2026",
    "Năm 2027",
    "Năm 2028",
    "Cơ quan chủ trì",
]


def _import(tmp_path: Path, *rows: list[str]) -> tuple[dict[str, str], list[str]]:
    path = write_csv(tmp_path / "pl.csv", [[_TITLE], _HEADER, *rows], ";")
    imported = import_tables(path)
    return {t.id: t.text for t in imported.plan.targets}, [str(p) for p in imported.problems]


@pytest.mark.parametrize(
    ("name", "unit", "cells"),
    [
        ("Tỷ lệ hộ nghèo", "%", ["Giảm 0,5%", "Giảm 0,5%", "Giảm 0,5%"]),
        ("Thu ngân sách nhà nước", "tỷ đồng", ["Tăng 10%", "Tăng 10%", "Tăng 10%"]),
        ("Số doanh nghiệp", "doanh nghiệp", ["Tăng 5%", "Tăng 10%", "Tăng 15%"]),
        ("Số hợp tác xã", "hợp tác xã", ["Tăng 20 hợp tác xã", "", "Tăng 20 hợp tác xã"]),
        ("Giá trị sản xuất", "tỷ đồng", ["Gấp 1,2 lần", "Gấp 1,4 lần", "Gấp 1,6 lần"]),
    ],
)
def test_a_change_with_no_base_in_several_years_is_listed_in_each(
    tmp_path: Path, name: str, unit: str, cells: list[str]
) -> None:
    targets, problems = _import(tmp_path, ["1", name, unit, "100", *cells, "Sở Tài chính"])
    assert targets == {}  # 2028 was measured from 2024, as 2026 was
    filled = [c for c in cells if c]
    listed = [p for p in problems if "no base year in the columns of several years" in p]
    assert len(listed) == len(filled)
    assert all("'so với năm trước'" in p and "'so với năm 2024'" in p for p in listed)
    assert all(f"'{cell}'" in "".join(listed) for cell in filled)


def test_without_a_baseline_they_are_listed_too(tmp_path: Path) -> None:
    cells = ["Tăng 10%", "", "Tăng 50%"]
    targets, problems = _import(tmp_path, ["1", "Thu ngân sách", "tỷ đồng", "", *cells, "Sở"])
    assert targets == {}
    listed = [
        p for p in problems if "no base year in the columns of several years (2026, 2028)" in p
    ]
    assert len(listed) == 2
    assert all(p.endswith("('so với năm trước')") for p in listed)


def test_the_same_changes_with_their_base_written_are_read(tmp_path: Path) -> None:
    previous = "Giảm 0,5% so với năm trước"
    targets, problems = _import(
        tmp_path,
        ["1", "Tỷ lệ hộ nghèo", "%", "3", previous, previous, previous, "Sở Y tế"],
        ["2", "Số doanh nghiệp", "doanh nghiệp", "2.000"]
        + [f"Tăng {n}% so với năm 2024" for n in (5, 10, 15)]
        + ["Sở Tài chính"],
    )
    assert problems == []
    assert targets["2028-1"] == previous
    assert targets["2028-2"] == "Tăng 15% so với năm 2024"


def test_a_yearly_average_in_every_column_and_one_change_among_levels_are_read(
    tmp_path: Path,
) -> None:
    growth = "Tăng bình quân 8%/năm"
    path = write_csv(
        tmp_path / "pl.csv",
        [
            [_TITLE],
            _HEADER,
            [
                "1",
                "Kim ngạch xuất khẩu",
                "triệu USD",
                "500",
                growth,
                growth,
                growth,
                "Sở Công Thương",
            ],
            ["2", "Tỷ lệ hộ nghèo", "%", "3", "2,5", "Giảm 1%", "1,5", "Sở Y tế"],
        ],
        ";",
    )
    imported = import_tables(path)
    assert imported.problems == ()
    kinds = {t.id: t.spec.change and t.spec.change.kind for t in imported.plan.targets}
    assert kinds["2028-1"] is ChangeKind.GROWTH_PER_YEAR
    assert kinds["2027-2"] is ChangeKind.POINTS
    assert kinds["2026-2"] is None


def _formatted(tmp_path: Path, unit: str, number_format: str, column: int) -> Path:
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Năm 2030", "Cơ quan chủ trì"],
        ["1", "Lượt khách du lịch", unit, 1200, 1500, "Sở Văn hóa, Thể thao và Du lịch"],
    ]
    formats = {("PL", 2, column): number_format}
    return write_xlsx(tmp_path / "pl.xlsx", [("PL", rows, [])], formats)


@pytest.mark.parametrize(
    ("unit", "number_format", "shown"),
    [
        ("nghìn lượt", '#,##0 "lượt"', "lượt"),
        ("lượt", '#,##0" nghìn lượt";-#,##0', "nghìn lượt"),
        ("nghìn lượt", "#,##0\\ \\l\\ư\\ợ\\t", "lượt"),
    ],
)
def test_a_target_formatted_in_a_unit_of_another_scale_is_listed(
    tmp_path: Path, unit: str, number_format: str, shown: str
) -> None:
    path = _formatted(tmp_path, unit, number_format, 4)
    imported = import_tables(path)
    assert imported.plan.targets == ()  # 1500 lượt in a row of thousands: 1,5 thousand
    said = [str(p) for p in imported.problems if "number format shows the unit" in str(p)]
    assert len(said) == 1
    assert f"'{shown}'" in said[0]
    assert f"the row's is '{unit}'" in said[0]
    assert "column E (Năm 2030)" in said[0]


def test_a_baseline_formatted_in_a_unit_of_another_scale_is_listed(tmp_path: Path) -> None:
    path = _formatted(tmp_path, "nghìn lượt", '#,##0 "lượt"', 3)
    imported = import_tables(path)
    (target,) = imported.plan.targets
    assert target.text == "1500"
    assert target.baseline is None
    said = [str(p) for p in imported.problems if "number format shows the unit" in str(p)]
    assert len(said) == 1
    assert "column D (Thực hiện năm 2024)" in said[0]


@pytest.mark.parametrize("column", [3, 4])
def test_a_format_that_shows_the_rows_own_unit_is_read(tmp_path: Path, column: int) -> None:
    path = _formatted(tmp_path, "nghìn lượt", '#,##0" nghìn lượt"', column)
    imported = import_tables(path)
    assert imported.problems == ()
    (target,) = imported.plan.targets
    assert target.baseline is not None
    assert target.baseline.value == 1200
    assert target.spec.value == 1500
    assert target.spec.unit in (None, "nghìn lượt")
