"""Word appendices of other provinces (round 155 of the attacks): what was imported silently
wrong.

* rows lettered ``a``, ``b``, ``c`` under a group row (``I | Chính quyền số``) were numbered
  ``1``, ``1.b``, ``1.c``: the second and the third sub-rows of the first, which is how a plan
  file and every report showed them; they are siblings, ``I.a``, ``I.b``, ``I.c``;
* a unit at the end of the name that the unit cell contradicts (``Thu nhập bình quân
  (USD/người/năm)`` with ``triệu đồng``) was ignored: 5.000 was at least 5.000 million đồng.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_csv, write_docx

_TITLE = ["PHỤ LỤC I", "(Kèm theo Kế hoạch số 40/KH-UBND ngày 15/01/2026 của UBND tỉnh Hòa Mỹ)"]
_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2030", "Cơ quan chủ trì"]


def _rows(first: str, second: str) -> list[list[str]]:
    return [
        _HEADER,
        [first, "Chính quyền số", "", "", ""],
        ["a", "Tỷ lệ văn bản ký số", "%", "100", "Văn phòng UBND tỉnh"],
        ["b", "Tỷ lệ hồ sơ trực tuyến", "%", "80", "Sở Khoa học và Công nghệ"],
        ["c", "Tỷ lệ cuộc họp trực tuyến", "%", "80", "Văn phòng UBND tỉnh"],
        [second, "Kinh tế số", "", "", ""],
        ["a", "Tỷ trọng kinh tế số trong GRDP", "%", "20", "Sở Tài chính"],
        ["b", "Số doanh nghiệp công nghệ số", "doanh nghiệp", "500", "Sở Tài chính"],
    ]


@pytest.mark.parametrize(("first", "second"), [("I", "II"), ("A", "B")])
def test_letters_under_a_group_row_are_siblings(tmp_path: Path, first: str, second: str) -> None:
    path = write_docx(tmp_path / "pl.docx", [(_TITLE, _rows(first, second), [])])
    imported = import_tables(path)
    rows = [t.row for t in imported.plan.targets]
    assert rows == [f"{first}.a", f"{first}.b", f"{first}.c", f"{second}.a", f"{second}.b"]
    assert all(i.parent is None for i in imported.plan.indicators)


def test_letters_at_the_top_of_a_table_are_siblings(tmp_path: Path) -> None:
    rows = [_HEADER, *_rows("I", "II")[2:5]]
    imported = import_tables(write_csv(tmp_path / "pl.csv", [[t] for t in _TITLE] + rows, ";"))
    assert [t.row for t in imported.plan.targets] == ["a", "b", "c"]


def test_letters_under_a_numbered_row_stay_its_sub_rows(tmp_path: Path) -> None:
    rows = [
        _HEADER,
        ["1", "Tỷ lệ dịch vụ công trực tuyến", "%", "", ""],
        ["a", "Cấp tỉnh", "%", "100", "Sở Khoa học và Công nghệ"],
        ["b", "Cấp xã", "%", "90", "Sở Khoa học và Công nghệ"],
        ["2", "Tỷ lệ văn bản ký số", "%", "100", "Văn phòng UBND tỉnh"],
    ]
    imported = import_tables(write_docx(tmp_path / "pl.docx", [(_TITLE, rows, [])]))
    assert [t.row for t in imported.plan.targets] == ["1.a", "1.b", "2"]


@pytest.mark.parametrize(
    ("name", "unit", "listed"),
    [
        ("Thu nhập bình quân (USD/người/năm)", "triệu đồng", True),
        ("Tỷ lệ hộ nghèo (%)", "hộ", True),
        ("Tỷ lệ hộ có cáp quang (%)", "%", False),
        ("Doanh thu (tỷ đồng)", "tỷ đồng", False),
        ("Số doanh nghiệp (DN)", "doanh nghiệp", False),
    ],
)
def test_a_unit_in_the_name_that_the_unit_cell_contradicts_is_listed(
    tmp_path: Path, name: str, unit: str, listed: bool
) -> None:
    rows = [_HEADER, ["1", name, unit, "5.000", "Sở Tài chính"]]
    imported = import_tables(write_docx(tmp_path / "pl.docx", [(_TITLE, rows, [])]))
    said = [p for p in imported.problems if "the name ends with the unit" in p.reason]
    assert len(said) == int(listed)
    (indicator,) = imported.plan.indicators
    assert (indicator.unit is None) is listed
    if listed:
        assert said[0].column == "3 (Đơn vị tính)"
