"""Where a row's unit comes from when its own cell gives none: the end of its name, a unit line
above the table, or the brackets of every target column's heading (round 137 of the attacks:
the rows of such tables were imported without a unit, and nothing was listed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_csv, write_docx, write_xlsx

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

TITLE = ["PHỤ LỤC I", "CHỈ TIÊU CHỦ YẾU"]


def _units(path: Path) -> dict[str, str | None]:
    plan = import_tables(path).plan
    return {t.id: t.unit.text if t.unit else None for t in plan.targets}


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "docx"])
def test_a_unit_in_every_target_heading_is_the_unit_of_rows_with_none(
    tmp_path: Path, suffix: str
) -> None:
    rows = [
        ["STT", "Chỉ tiêu", "Năm 2027 (%)", "Năm 2030 (%)", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ dân số được phủ sóng 5G", "80", "100", "Sở Khoa học và Công nghệ"],
        ["2", "Số doanh nghiệp công nghệ số (doanh nghiệp)", "", "500", "Sở Tài chính"],
    ]
    path = tmp_path / f"pl.{suffix}"
    if suffix == "xlsx":
        write_xlsx(path, [("PL I", [TITLE[:1], *rows], [])])
    elif suffix == "csv":
        write_csv(path, rows)
    else:
        write_docx(path, [(TITLE, rows, [])])
    # the name's own unit wins over the headings'
    assert _units(path) == {"2027-1": "%", "2030-1": "%", "2030-2": "doanh nghiệp"}


@pytest.mark.parametrize(
    "headings",
    [
        ("Năm 2027 (dự kiến)", "Năm 2030 (dự kiến)"),  # brackets that are no unit
        ("Năm 2027 (*)", "Năm 2030 (1)"),  # footnotes
        ("Năm 2027 (%)", "Năm 2030 (tỷ đồng)"),  # two units: neither is the table's
        ("Năm 2027 (%)", "Năm 2030"),  # one heading without
    ],
)
def test_headings_that_name_no_one_unit_give_none(
    tmp_path: Path, headings: tuple[str, str]
) -> None:
    rows = [
        ["STT", "Chỉ tiêu", *headings, "Cơ quan chủ trì"],
        ["1", "Doanh thu dịch vụ số", "80", "100", "Sở Tài chính"],
    ]
    assert set(_units(write_csv(tmp_path / "pl.csv", rows)).values()) == {None}


def test_a_unit_line_gives_its_unit_to_rows_whose_unit_cell_is_empty(tmp_path: Path) -> None:
    rows = [
        ["Đơn vị tính: tỷ đồng"],
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Vốn đầu tư cho hạ tầng số", "", "500", "Sở Tài chính"],
        ["2", "Tỷ lệ xã có điểm phục vụ bưu chính", "%", "100", "Sở Tài chính"],
        ["3", "Tỷ lệ hộ có cáp quang (%)", "", "90", "Sở Tài chính"],
    ]
    path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", [TITLE[:1], *rows], [])])
    result = import_tables(path)
    units = {t.id: t.unit.text if t.unit else None for t in result.plan.targets}
    assert units == {"2030-1": "tỷ đồng", "2030-2": "%", "2030-3": "%"}
    money = result.plan.target("2030-1").indicator
    assert any("its unit cell is empty" in note for note in result.notes[("indicators", money)])
    share = result.plan.target("2030-2").indicator
    assert not any("unit cell" in note for note in result.notes.get(("indicators", share), []))


def test_a_table_going_on_without_its_header_keeps_the_unit_line(tmp_path: Path) -> None:
    header = ["STT", "Chỉ tiêu", "Mục tiêu đến năm 2030", "Cơ quan chủ trì"]
    first = [header, ["1", "Vốn đầu tư cho hạ tầng số", "500", "Sở Tài chính"]]
    second = [["2", "Vốn cho chuyển đổi số", "800", "Sở Tài chính"]]
    title = [*TITLE, "(Đơn vị tính: tỷ đồng)"]
    path = write_docx(tmp_path / "pl.docx", [(title, first, []), ([], second, [])])
    assert _units(path) == {"2030-1": "tỷ đồng", "2030-2": "tỷ đồng"}


def test_the_table_unit_is_no_unit_of_a_row_its_name_says_is_another_kind(tmp_path: Path) -> None:
    rows = [
        ["Đơn vị tính: tỷ đồng"],
        ["STT", "Chỉ tiêu", "ĐVT", "Năm 2030 (tỷ đồng)", "Cơ quan chủ trì"],
        ["1", "Thu ngân sách nhà nước", "", "15.000", "Sở Tài chính"],
        ["2", "Tỷ lệ dân số có tài khoản định danh", "", "90", "Công an tỉnh"],
        ["3", "Số doanh nghiệp công nghệ số", "", "300", "Sở Tài chính"],
    ]
    path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", [TITLE[:1], *rows], [])])
    result = import_tables(path)
    units = {t.id: t.unit.text if t.unit else None for t in result.plan.targets}
    assert units == {"2030-1": "tỷ đồng", "2030-2": None, "2030-3": None}
    share = result.plan.target("2030-2").indicator
    assert any("is none of a row named so" in note for note in result.notes[("indicators", share)])
