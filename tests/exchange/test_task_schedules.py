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
