"""A numbered row of a task table with no agency and no deadline, over sub-rows that have
theirs, heads a group: it is no task (it used to become one, with an invented deadline)."""

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
HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]


def test_a_numbered_heading_over_sub_tasks_is_a_group(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Phát triển nguồn nhân lực", "", ""],
        ["1.1", "Đào tạo cán bộ chuyển đổi số", "Sở Nội vụ", "Năm 2025"],
        ["1.2", "Thu hút chuyên gia", "Sở Nội vụ", "Năm 2026"],
        ["2", "Phát triển doanh nghiệp", "", ""],
        ["a)", "Hỗ trợ khởi nghiệp", "Sở Khoa học và Công nghệ", "Năm 2025"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])])).plan
    assert [t.name for t in plan.tasks] == [
        "Đào tạo cán bộ chuyển đổi số",
        "Thu hút chuyên gia",
        "Hỗ trợ khởi nghiệp",
    ]
    titles = {g.id: g.title for g in plan.task_groups}
    assert [titles[t.group] for t in plan.tasks] == [
        "Phát triển nguồn nhân lực",
        "Phát triển nguồn nhân lực",
        "Phát triển doanh nghiệp",
    ]


def test_a_numbered_task_without_agency_stays_a_task(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Rà soát văn bản", "", ""],  # no sub-row below it: a task (its cells listed)
        ["2", "Xây dựng kho dữ liệu", "Sở Nội vụ", "Năm 2026"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])])).plan
    assert [t.name for t in plan.tasks] == ["Rà soát văn bản", "Xây dựng kho dữ liệu"]


@pytest.mark.parametrize(
    "budget", ["Kinh phí năm 2025", "Dự kiến kinh phí giai đoạn 2026-2030 (tỷ đồng)", "Nguồn vốn"]
)
def test_a_budget_column_is_listed_never_a_target(tmp_path: Path, budget: str) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "TG hoàn thành", budget],
        ["1", "Xây dựng trung tâm dữ liệu", "Sở Khoa học và Công nghệ", "Năm 2026", "20.000"],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert [t.deadline.text for t in result.plan.tasks] == ["Năm 2026"]  # "TG hoàn thành"
    assert not result.plan.targets
    assert [p.text for p in result.problems] == ["20.000"]


def test_a_task_numbered_as_the_heading_ends_its_group(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["I", "NHIỆM VỤ CHUNG", "", ""],
        ["1", "Phát triển nguồn nhân lực", "", ""],
        ["1.1", "Đào tạo cán bộ", "Sở Nội vụ", "Năm 2025"],
        ["2", "Ban hành quy chế dữ liệu", "Sở Khoa học và Công nghệ", "Năm 2025"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])])).plan
    titles = {g.id: g.title for g in plan.task_groups}
    assert [(t.name, titles[t.group]) for t in plan.tasks] == [
        ("Đào tạo cán bộ", "Phát triển nguồn nhân lực"),
        ("Ban hành quy chế dữ liệu", "NHIỆM VỤ CHUNG"),  # not the heading's group
    ]


def test_a_numbered_row_with_a_note_is_a_task_not_a_heading(tmp_path: Path) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Ghi chú"],
        ["1", "Xây dựng đề án", "", "", "Ưu tiên số 1"],
        ["-", "Khảo sát", "Sở Nội vụ", "Năm 2025", ""],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert "Ưu tiên số 1" in [p.text for p in result.problems]  # never dropped
    assert result.plan.tasks[0].name.startswith("Xây dựng đề án")


@pytest.mark.parametrize(
    ("heading", "deadlines"),
    [
        ("Thời gian thực hiện (bắt đầu - kết thúc)", ["2025 - 2026"]),  # one column: read
        ("Thời gian bắt đầu và hoàn thành", ["2025 - 2026"]),
    ],
)
def test_one_deadline_column_naming_its_start_is_read(
    tmp_path: Path, heading: str, deadlines: list[str]
) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", heading],
        ["1", "Xây dựng quy chế", "Sở Nội vụ", "2025 - 2026"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])])).plan
    assert [t.deadline.text for t in plan.tasks] == deadlines


def test_a_lead_column_that_names_money_is_a_lead(tmp_path: Path) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì, bố trí kinh phí", "Thời gian hoàn thành"],
        ["1", "Xây dựng quy chế", "Sở Tài chính", "Năm 2026"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])])).plan
    assert plan.tasks[0].lead_agencies == ("so-tai-chinh",)


def test_a_reporting_deadline_is_no_task_deadline(tmp_path: Path) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "Thời hạn báo cáo"],
        ["1", "Xây dựng quy chế", "Sở Nội vụ", "Năm 2026", "Hằng quý"],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert [t.deadline.text for t in result.plan.tasks] == ["Năm 2026"]
    assert [p.text for p in result.problems] == ["Hằng quý"]


def test_a_foreign_name_is_no_legacy_encoding(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Hợp tác với Đại học Zürich và Đại học Göttingen", "Sở Nội vụ", "Năm 2026"],
    ]
    result = import_tables(write_docx(tmp_path / "pl2.docx", [(TITLE, rows, [])]))
    assert [t.name for t in result.plan.tasks] == [rows[1][1]]
    assert not result.problems
