"""Lines between an appendix's title and its table's header: a unit for every row
(``Đơn vị tính: tỷ đồng``), a note (``(Các chỉ tiêu (*) là chỉ tiêu nghịch)``), a document
number.  Such a line used to cut the title block: the plan's number, date and province were
lost (the date became today's, so that a column of 2024 results became targets), and the
unit line was read nowhere (every indicator without a unit, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables
from kh922core._exchange.table_walk import table_unit

from .office_builders import write_docx, write_xlsx

pytest.importorskip("openpyxl")

TITLE = [
    ["PHỤ LỤC I"],
    ["CHỈ TIÊU CHỦ YẾU"],
    ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Hòa Mỹ)"],
]


@pytest.mark.parametrize(
    "line", ["Đơn vị tính: %", "(Các chỉ tiêu đánh dấu (*) là chỉ tiêu nghịch)", "Số: 45/KH-UBND"]
)
def test_a_line_between_the_title_and_the_header_keeps_the_title(tmp_path: Path, line: str) -> None:
    rows = [
        *TITLE,
        [line],
        ["TT", "Chỉ tiêu", "ĐVT", "2024", "2025", "2030"],
        ["1", "Tỷ lệ A", "%", "24", "51", "81"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])]))
    plan = result.plan
    assert (plan.number, plan.date.isoformat(), plan.province.name) == (
        "45/KH-UBND",
        "2025-03-12",
        "Hòa Mỹ",
    )
    assert {t.text for t in plan.targets} == {"51", "81"}  # 2024's result is no target
    (listed,) = result.problems
    assert listed.text == "24"
    assert "before the year of the plan" in listed.reason


def test_a_unit_line_above_a_table_with_no_unit_column_is_every_rows_unit(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        ["Đơn vị tính: tỷ đồng"],
        ["TT", "Chỉ tiêu", "Năm 2025", "Năm 2030"],
        ["1", "Thu ngân sách", "510", "810"],
        ["2", "Tỷ lệ hộ nghèo (%)", "2", "1"],  # its own unit, in its name
    ]
    plan = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])).plan
    assert [(i.name, i.unit.text if i.unit else None) for i in plan.indicators] == [
        ("Thu ngân sách", "tỷ đồng"),
        ("Tỷ lệ hộ nghèo", "%"),
    ]


def test_a_unit_paragraph_above_a_word_table(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    title = [line[0] for line in TITLE] + ["(Đơn vị tính: tỷ đồng)"]
    rows = [["TT", "Chỉ tiêu", "Năm 2030"], ["1", "Thu ngân sách", "810"]]
    plan = import_tables(write_docx(tmp_path / "pl.docx", [(title, rows, [])])).plan
    (indicator,) = plan.indicators
    assert indicator.unit is not None
    assert indicator.unit.text == "tỷ đồng"


@pytest.mark.parametrize(
    "line",
    ["Đơn vị tính: % (trừ các chỉ tiêu có ghi riêng)", "(ĐVT: tỷ đồng (giá hiện hành))"],
)
def test_a_unit_line_in_words_not_read_is_listed(tmp_path: Path, line: str) -> None:
    rows = [
        *TITLE,
        [line],
        ["TT", "Chỉ tiêu", "Năm 2030"],
        ["1", "Thu ngân sách", "810"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])]))
    (indicator,) = result.plan.indicators
    assert indicator.unit is None
    (listed,) = result.problems
    assert (listed.text, listed.row) == (line, "")
    assert "unit line" in listed.reason


def test_a_unit_line_beside_a_unit_column_is_not_listed(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["Đơn vị tính: % (trừ các chỉ tiêu có ghi riêng)"],
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2030"],
        ["1", "Thu ngân sách", "tỷ đồng", "810"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])]))
    assert result.problems == ()
    (indicator,) = result.plan.indicators
    assert indicator.unit is not None
    assert indicator.unit.text == "tỷ đồng"


def test_what_a_unit_line_is() -> None:
    assert table_unit(["PHỤ LỤC I", "ĐVT: triệu đồng"]) == "triệu đồng"
    assert table_unit(["Đơn vị chủ trì: Sở Tài chính"]) is None
    assert table_unit(["Đơn vị: Sở Tài chính"]) is None  # an agency, not a unit


def test_a_name_split_over_two_rows_is_listed_not_a_task_of_its_own(tmp_path: Path) -> None:
    rows = [
        ["PHỤ LỤC II"],
        TITLE[2],
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Quý II/2025"],
        ["2", "Xây dựng chính sách thu hút nhân tài", "Sở Nội vụ", "12/2025"],
        ["", "và chuyên gia công nghệ số", "", ""],
        ["3", "Phổ cập 5G", "Sở KH&CN", "Thường xuyên"],
        ["", "Trong đó:", "", ""],  # a label, in capitals: no continuation
    ]
    result = import_tables(write_xlsx(tmp_path / "pl2.xlsx", [("Phụ lục II", rows, [])]))
    assert [t.name for t in result.plan.tasks][:3] == [
        "Rà soát văn bản quy phạm pháp luật",
        "Xây dựng chính sách thu hút nhân tài",
        "Phổ cập 5G",
    ]
    continued = [p for p in result.problems if p.text == "và chuyên gia công nghệ số"]
    assert len(continued) == 1
    assert "split over two rows" in continued[0].reason
    assert continued[0].row == "6"


def test_a_lower_case_row_with_values_merged_down_is_a_row_of_its_own(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "", "Văn phòng UBND tỉnh"],
        ["", "cấp tỉnh", "%", "100", ""],
        ["", "cấp xã", "", "", ""],
    ]
    merges = [(2, 2, 3, 2), (2, 3, 3, 3)]  # the unit and the target merged down over cấp xã
    title = [line[0] for line in TITLE]
    result = import_tables(write_docx(tmp_path / "pl.docx", [(title, rows, merges)]))
    assert sorted(t.text for t in result.plan.targets) == ["100", "100"]
    assert not [p for p in result.problems if "split over two rows" in p.reason]


@pytest.mark.parametrize(
    "title",
    [
        [  # the document's own heading: its number, its place and date, then a cited plan
            "ỦY BAN NHÂN DÂN TỈNH HÒA MỸ",
            "Số: 45/KH-UBND",
            "Hòa Mỹ, ngày 12 tháng 3 năm 2025",
            "Căn cứ Kế hoạch số 12/KH-UBND ngày 5/1/2024 của UBND tỉnh Bến Tre",
            "PHỤ LỤC I",
        ],
        [*(line[0] for line in TITLE), "Căn cứ Kế hoạch số 12/KH-UBND ngày 5/1/2024"],
    ],
)
def test_a_cited_plan_is_not_the_plans_own(tmp_path: Path, title: list[str]) -> None:
    rows = [[line] for line in title] + [
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030"],
        ["1", "Tỷ lệ A", "%", "80"],
    ]
    plan = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])])).plan
    assert (plan.number, plan.date.isoformat(), plan.province.name) == (
        "45/KH-UBND",
        "2025-03-12",
        "Hòa Mỹ",
    )


def test_labels_under_two_parents_are_four_indicators(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030"],
        ["1", "Tỷ lệ hồ sơ được số hóa", "", ""],
        ["1.1", "Cấp tỉnh", "%", "100"],
        ["1.2", "Cấp xã", "%", "90"],
        ["2", "Tỷ lệ thanh toán trực tuyến", "", ""],
        ["2.1", "Cấp tỉnh", "%", "80"],
        ["2.2", "Cấp xã", "%", "70"],
    ]
    plan = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])])).plan
    by_row = {t.row: plan.indicator(t.indicator).name for t in plan.targets}
    assert by_row == {
        "1.1": "Tỷ lệ hồ sơ được số hóa (Cấp tỉnh)",
        "1.2": "Tỷ lệ hồ sơ được số hóa (Cấp xã)",
        "2.1": "Tỷ lệ thanh toán trực tuyến (Cấp tỉnh)",
        "2.2": "Tỷ lệ thanh toán trực tuyến (Cấp xã)",
    }


def test_a_period_in_brackets_is_checked_against_its_column(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030"],
        ["1", "Tỷ lệ nền tảng số dùng chung", "%", "100 (giai đoạn 2026-2028)"],
        ["2", "Số nền tảng số", "nền tảng", "100 (giai đoạn 2026-2028)"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])]))
    assert result.plan.targets == ()
    share, count = result.problems
    assert "names the year 2028" in share.reason
    # a count over a span: its total, or the level at its end? (refused before its years)
    assert "the total of the span's years" in count.reason


def test_the_parts_of_a_split_cell_are_told_the_rows_baseline_is_not_theirs(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2024", "Năm 2030", "Năm 2035"],
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "70", "100% cấp tỉnh, 90% cấp xã", "100"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])]))
    by_id = {t.id: t for t in result.plan.targets}
    assert by_id["2035-1"].baseline is not None
    parts = [t for t in result.plan.targets if t.horizon == 2030]
    assert len(parts) == 2
    for part in parts:
        assert part.baseline is None
        assert any("whole row's" in n for n in result.notes[("targets", part.id)])


@pytest.mark.parametrize("label", ["Trong đó:", "trong đó", "Bao gồm:", "Chia ra:"])
def test_a_row_of_only_trong_do_is_no_indicator(tmp_path: Path, label: str) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2030"],
        ["1", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "50.000"],
        ["", label, "", ""],
        ["-", "Vốn ngân sách nhà nước", "tỷ đồng", "10.000"],
        ["-", "Vốn ngoài nhà nước", "tỷ đồng", "35.000"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])]))
    plan = result.plan
    assert [(i.name, i.parent) for i in plan.indicators] == [
        ("Tổng vốn đầu tư toàn xã hội", None),
        ("Vốn ngân sách nhà nước", "tong-von-dau-tu-toan-xa-hoi"),
        ("Vốn ngoài nhà nước", "tong-von-dau-tu-toan-xa-hoi"),
    ]
    assert [(t.row, t.text) for t in plan.targets] == [
        ("1", "50.000"),
        ("1.1", "10.000"),
        ("1.2", "35.000"),
    ]
    assert result.problems == ()


def test_a_part_named_after_trong_do_stays_a_row(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2030"],
        ["1", "Tỷ lệ hộ nghèo", "%", "1"],
        ["", "trong đó: hộ nghèo dân tộc thiểu số", "%", "2"],
    ]
    plan = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])).plan
    assert [t.text for t in plan.targets] == ["1", "2"]
    assert len(plan.indicators) == 2
