"""A task table's schedule by year (``Thời gian thực hiện`` over ``Năm 2025 | Năm 2026 | …``,
an ``x`` in each year a task runs): the years marked are the deadline.  Before, the first year's
mark was taken for a blank deadline cell, and dropped without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables, parse_deadline

from .office_builders import write_docx, write_xlsx

TITLE = [
    "PHỤ LỤC II",
    "DANH MỤC NHIỆM VỤ",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 20 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh Hòa Mỹ)",
]


def _rows(years: list[str]) -> list[list[str]]:
    return [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "", ""],
        ["", "", "", *years],
        ["1", "Xây dựng kho dữ liệu", "Sở Khoa học và Công nghệ", "x", "", ""],
        ["2", "Số hóa hồ sơ", "Sở Nội vụ", "", "", "X"],
        ["3", "Đào tạo cán bộ", "Sở Nội vụ", "x", "x", "x"],
        ["4", "Kết nối dữ liệu", "Sở Tài chính", "✓", "", "✓"],
    ]


MERGES = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 5)]
EXPECTED = ["Năm 2025", "Năm 2027", "2025-2027", "2025-2027"]


@pytest.mark.parametrize(
    "years", [["Năm 2025", "Năm 2026", "Năm 2027"], ["2025", "2026", "2027"]], ids=["năm", "bare"]
)
def test_the_years_marked_are_the_deadline_in_a_workbook(tmp_path: Path, years: list[str]) -> None:
    pytest.importorskip("openpyxl")
    rows = [[line] for line in TITLE] + _rows(years)
    merges = [(r + len(TITLE), c, r2 + len(TITLE), c2) for r, c, r2, c2 in MERGES]
    plan, problems = import_tables(write_xlsx(tmp_path / "pl2.xlsx", [("PL2", rows, merges)]))
    assert [task.deadline.text for task in plan.tasks] == EXPECTED
    assert problems == ()
    assert plan.tasks[0].deadline.due == parse_deadline("Năm 2025").due
    assert plan.tasks[2].deadline.start == parse_deadline("2025-2027").start


def test_the_years_marked_are_the_deadline_in_a_word_table(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    path = write_docx(
        tmp_path / "pl2.docx", [(TITLE, _rows(["Năm 2025", "Năm 2026", "Năm 2027"]), MERGES)]
    )
    plan, problems = import_tables(path)
    assert [task.deadline.text for task in plan.tasks] == EXPECTED
    assert problems == ()


def test_a_schedule_cell_without_a_mark_is_listed_and_a_row_without_marks_noted(
    tmp_path: Path,
) -> None:
    pytest.importorskip("openpyxl")
    rows = [[line] for line in TITLE] + _rows(["Năm 2025", "Năm 2026", "Năm 2027"])
    rows[len(TITLE) + 2][4] = "Quý IV"  # a time, not a mark: which deadline is not said
    rows.append(["5", "Tổng kết", "Sở Nội vụ", "", "", ""])
    merges = [(r + len(TITLE), c, r2 + len(TITLE), c2) for r, c, r2, c2 in MERGES]
    result = import_tables(write_xlsx(tmp_path / "pl2.xlsx", [("PL2", rows, merges)]))
    assert [task.deadline.text for task in result.plan.tasks] == [*EXPECTED, "Thường xuyên"]
    assert [(p.text, p.column) for p in result.problems] == [
        ("Quý IV", "E (Thời gian thực hiện Năm 2026)")
    ]
    assert "holds no mark" in result.problems[0].reason
    assert any("no deadline in the table" in n for n in result.notes[("tasks", "task-05")])
    assert "deadline from the years marked: 'Năm 2025'" in result.notes[("tasks", "task-01")]


@pytest.mark.parametrize("text", ["Qúy IV/2025", "QÚY IV/2025", "qúy 4/2025"])
def test_a_quarter_with_its_tone_mark_misplaced_reads(text: str) -> None:
    assert parse_deadline(text).due == parse_deadline("Quý IV/2025").due


def _workbook(
    tmp_path: Path, rows: list[list[str]], merges: list[tuple[int, int, int, int]]
) -> Path:
    pytest.importorskip("openpyxl")
    shifted = [(r + len(TITLE), c, r2 + len(TITLE), c2) for r, c, r2, c2 in merges]
    return write_xlsx(tmp_path / "pl2.xlsx", [("PL2", [[line] for line in TITLE] + rows, shifted)])


def test_a_mark_merged_across_years_marks_each_of_them(tmp_path: Path) -> None:
    rows = _rows(["Năm 2025", "Năm 2026", "Năm 2027"])
    rows[2] = ["1", "Xây dựng kho dữ liệu", "Sở Khoa học và Công nghệ", "x", "", ""]
    plan, problems = import_tables(_workbook(tmp_path, rows, [*MERGES, (2, 3, 2, 4)]))
    assert plan.tasks[0].deadline.text == "2025-2026"  # was "Năm 2025": the merge was lost
    assert problems == ()


def test_year_columns_with_no_heading_above_them_are_a_schedule(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Năm 2025", "Năm 2026", "Năm 2027"],
        ["1", "Xây dựng kho dữ liệu", "Sở Khoa học và Công nghệ", "x", "", ""],
        ["2", "Số hóa hồ sơ", "Sở Nội vụ", "", "x", "x"],
        ["3", "Tổng kết", "Sở Nội vụ", "", "", "Quý II"],
    ]
    result = import_tables(_workbook(tmp_path, rows, []))
    assert result.plan.indicators == ()  # was three indicators with no target, the marks lost
    assert [t.deadline.text for t in result.plan.tasks] == ["Năm 2025", "2026-2027", "Thường xuyên"]
    assert [p.text for p in result.problems] == ["Quý II"]


def test_a_period_column_of_a_schedule_marks_its_years(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", ""],
        ["", "", "", "2025", "2026-2030"],
        ["1", "Xây dựng kho dữ liệu", "Sở Khoa học và Công nghệ", "x", ""],
        ["2", "Số hóa hồ sơ", "Sở Nội vụ", "x", "x"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4)]
    plan, problems = import_tables(_workbook(tmp_path, rows, merges))
    assert [t.deadline.text for t in plan.tasks] == ["Năm 2025", "2025-2030"]
    assert problems == ()


def test_a_mark_in_a_deadline_column_that_is_no_schedule_is_listed(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "", ""],
        ["", "", "", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "Năm 2026"],
        ["1", "Xây dựng kho dữ liệu", "Sở Khoa học và Công nghệ", "x", "", ""],
    ]
    result = import_tables(_workbook(tmp_path, rows, MERGES))
    assert result.plan.tasks[0].deadline.text == "Thường xuyên"
    assert [p.text for p in result.problems] == ["x"]  # was dropped without a word
    assert "a mark in the deadline column" in result.problems[0].reason


def test_a_year_left_unmarked_inside_the_deadline_is_named(tmp_path: Path) -> None:
    result = import_tables(_workbook(tmp_path, _rows(["Năm 2025", "Năm 2026", "Năm 2027"]), MERGES))
    assert result.plan.tasks[3].deadline.text == "2025-2027"  # marks in 2025 and 2027
    assert (
        "deadline from the years marked: '2025-2027' (2026 not marked)"
        in result.notes[("tasks", "task-04")]
    )
    assert not any("not marked" in n for n in result.notes[("tasks", "task-03")])
