"""Task tables (Phụ lục II) as other provinces lay them out (round 142 of the attacks): a task
row whose words are a header's was read as a second header and its task lost; an unnumbered
heading, a name or an agency going on in a row of its own became a task; a body of a city
was read as the plan's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_docx, write_xlsx

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

TITLE = ["PHỤ LỤC II", "DANH MỤC NHIỆM VỤ TRỌNG TÂM"]
HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]


def test_a_task_row_with_the_words_of_a_header_is_a_task(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Sản phẩm"],
        ["1", "Ban hành kế hoạch", "Sở Nội vụ", "Sở Tài chính", "Quý II/2026", "Kế hoạch"],
        ["2", "Xây dựng đề án", "Sở Tài chính chủ trì", "Sở Nội vụ", "Quý I/2026", "Đề án"],
        ["3", "Rà soát", "Sở Tư pháp", "Sở Nội vụ", "Quý IV/2026", "Báo cáo"],
    ]
    plan = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL II", [TITLE[:1], *rows], [])])).plan
    assert [t.name for t in plan.tasks] == ["Ban hành kế hoạch", "Xây dựng đề án", "Rà soát"]
    assert plan.tasks[2].cooperating_agencies == ("so-noi-vu",)


def test_rows_that_name_no_task_are_listed(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["", "Lĩnh vực khoa học công nghệ", "", "", ""],
        ["1", "Phát triển thị trường khoa học và công nghệ", "Sở KH&CN", "", "2026"],
        ["2", "Xây dựng hệ thống", "Sở KH&CN", "", "Quý II/2026"],
        ["", "Cổng dữ liệu mở của tỉnh", "", "", ""],
        ["3", "Đầu tư hạ tầng số", "Sở KH&CN", "Sở Tài chính", "2026-2027"],
        ["", "", "Sở Xây dựng", "", ""],
    ]
    result = import_tables(write_docx(tmp_path / "pl.docx", [(TITLE, rows, [])]))
    assert [t.number for t in result.plan.tasks] == [1, 2, 3]
    listed = {p.text: p.reason for p in result.problems}
    assert "a heading, or the end of the name above" in listed["Lĩnh vực khoa học công nghệ"]
    assert "a heading, or the end of the name above" in listed["Cổng dữ liệu mở của tỉnh"]
    assert "no number and no name" in listed["Sở Xây dựng"]


def test_a_body_of_a_city_is_drafted_whole(tmp_path: Path) -> None:
    rows = [HEADER, ["1", "Phối hợp y tế", "Sở Y tế thành phố Hồ Chí Minh", "", "2026"]]
    result = import_tables(write_docx(tmp_path / "pl.docx", [(TITLE, rows, [])]))
    (task,) = result.plan.tasks
    assert task.lead_agencies == ("so-y-te-thanh-pho-ho-chi-minh",)


def test_unnumbered_tasks_under_merged_agencies_are_tasks(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["I", "Nhiệm vụ thường xuyên", "", "", ""],
        ["", "Tuyên truyền về chuyển đổi số", "Sở Nội vụ", "Sở Tài chính", "Thường xuyên"],
        ["", "Bảo đảm an toàn thông tin", "", "", ""],
        ["1", "Xây dựng hệ thống", "Sở KH&CN", "", "Quý II/2026"],
        ["", "- Nâng cấp mạng truyền số liệu", "", "", ""],
    ]
    merges = [(2, c, 3, c) for c in (2, 3, 4)]  # one agency and deadline over both tasks
    result = import_tables(write_docx(tmp_path / "pl.docx", [(TITLE, rows, merges)]))
    names = [t.name for t in result.plan.tasks]
    assert names[:2] == ["Tuyên truyền về chuyển đổi số", "Bảo đảm an toàn thông tin"]
    assert result.plan.tasks[1].lead_agencies == ("so-noi-vu",)
    bullet = next(p for p in result.problems if p.text.startswith("- Nâng cấp"))
    assert "a part of the task above" in bullet.reason
