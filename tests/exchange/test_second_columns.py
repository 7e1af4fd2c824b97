"""A table with two columns of one kind (two deadlines, two leads, two units): one is read, the
other listed cell by cell, never dropped; a start is no deadline."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_docx

pytest.importorskip("docx")

TITLE = [
    "PHỤ LỤC II",
    "NHIỆM VỤ TRỌNG TÂM",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 3 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh Bến Tre)",
]


@pytest.mark.parametrize(
    "first", ["Thời gian bắt đầu", "Thời gian thực hiện"], ids=["start", "period"]
)
def test_the_deadline_is_the_column_of_completion(tmp_path: Path, first: str) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", first, "Thời gian hoàn thành"],
        ["1", "Xây dựng quy chế", "Sở Nội vụ", "Năm 2025", "Năm 2027"],
        ["2", "Đào tạo cán bộ", "Sở Nội vụ", "Quý I/2025", "Quý IV/2025"],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert [task.deadline.text for task in result.plan.tasks] == ["Năm 2027", "Quý IV/2025"]
    assert sorted(p.text for p in result.problems) == ["Năm 2025", "Quý I/2025"]


def test_a_second_lead_column_is_listed(tmp_path: Path) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Đơn vị thực hiện", "Thời gian hoàn thành"],
        ["1", "Xây dựng quy chế", "Sở Nội vụ", "Trung tâm Chuyển đổi số", "Năm 2027"],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert result.plan.tasks[0].lead_agencies == ("so-noi-vu",)
    assert [p.text for p in result.problems] == ["Trung tâm Chuyển đổi số"]


@pytest.mark.parametrize(
    ("cell", "leads"),
    [
        ("Sở Nội vụ - Sở Tài chính", ("so-noi-vu", "so-tai-chinh")),  # the second used to be lost
        ("Sở Nội vụ-Sở Tài chính", ("so-noi-vu", "so-tai-chinh")),
        ("Đài Phát thanh - Truyền hình tỉnh", ("dai-phat-thanh-truyen-hinh-tinh",)),  # one body
    ],
)
def test_agencies_written_with_a_dash_between_them(
    tmp_path: Path, cell: str, leads: tuple[str, ...]
) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Xây dựng quy chế", cell, "Năm 2027"],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert result.plan.tasks[0].lead_agencies == leads
