"""Lines that other tools and other provinces' clerks leave in an appendix table, each read
silently wrong before:

* a footnote under an indicator table in the name column alone (``(*) Số liệu theo Cục Thống
  kê``, ``(1) Theo Quyết định …``, ``* …``, ``Lưu ý: …``, ``Chú giải: …``) became an indicator
  with no target, the import clean: it is listed as a note under the table;
* a numbered task row with no agency and no deadline over rows lettered ``a``, ``b`` (no mark
  after the letter, as Word tables often have them) became a task of its own, with no lead and
  an invented deadline: it heads a group, as over ``a)``, ``b)``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_docx, write_xlsx

pytest.importorskip("openpyxl")
pytest.importorskip("docx")

TITLE = ["PHỤ LỤC I", "CHỈ TIÊU CHỦ YẾU"]


@pytest.mark.parametrize(
    "footnote",
    [
        "(*) Số liệu theo Cục Thống kê",
        "(1) Theo Quyết định số 12/QĐ-UBND",
        "* Chỉ tiêu do Trung ương giao",
        "Lưu ý: số liệu ước tính",
        "Chú giải: ĐVT là đơn vị tính",
    ],
)
def test_a_footnote_in_the_name_column_alone_is_a_note(tmp_path: Path, footnote: str) -> None:
    rows = [
        *[[line] for line in TITLE],
        ["TT", "Chỉ tiêu", "ĐVT", "Đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Số xã đạt chuẩn nông thôn mới", "xã", "≥ 50", "Sở Nông nghiệp và Môi trường"],
        ["", "", "", "", ""],
        ["", footnote, "", "", ""],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])]))
    assert [i.name for i in result.plan.indicators] == ["Số xã đạt chuẩn nông thôn mới"]
    assert [(p.text, p.reason.split(":")[0]) for p in result.problems] == [
        (footnote, "a line under the table (a note)")
    ]


def test_a_starred_indicator_with_its_values_is_still_an_indicator(tmp_path: Path) -> None:
    rows = [
        *[[line] for line in TITLE],
        ["TT", "Chỉ tiêu", "ĐVT", "Đến năm 2030", "Cơ quan chủ trì"],
        ["1", "(*) Tỷ lệ hộ dùng nước sạch", "%", "≥ 98", "Sở Xây dựng"],
        ["", "(*) Số xã đạt chuẩn nông thôn mới", "xã", "≥ 50", "Sở Nông nghiệp và Môi trường"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])]))
    assert len(result.plan.indicators) == 2
    assert [t.text for t in result.plan.targets] == ["≥ 98", "≥ 50"]


@pytest.mark.parametrize("mark", ["", ".", ")"])
def test_a_numbered_heading_over_lettered_tasks_is_a_group(tmp_path: Path, mark: str) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Rà soát quy định pháp luật", "Sở Tư pháp", "Quý II/2025"],
        ["2", "Xây dựng chính sách ưu đãi", "", ""],
        [f"a{mark}", "Chính sách về thuế", "Sở Tài chính", "Năm 2026"],
        [f"b{mark}", "Chính sách về đất đai", "Sở Nông nghiệp và Môi trường", "Năm 2027"],
        ["3", "Xây dựng trung tâm dữ liệu", "Công an tỉnh", "12/2026"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(["PHỤ LỤC II"], rows, [])])).plan
    assert [t.name for t in plan.tasks] == [
        "Rà soát quy định pháp luật",
        "Chính sách về thuế",
        "Chính sách về đất đai",
        "Xây dựng trung tâm dữ liệu",
    ]
    assert [t.deadline.text for t in plan.tasks] == [
        "Quý II/2025",
        "Năm 2026",
        "Năm 2027",
        "12/2026",
    ]
    titles = {g.id: g.title for g in plan.task_groups}
    assert titles[plan.tasks[1].group] == "Xây dựng chính sách ưu đãi"


@pytest.mark.parametrize(
    "heading", ["(1) Nhóm chỉ tiêu kinh tế", "* Chỉ tiêu kinh tế", "Nguồn nhân lực"]
)
def test_a_heading_alone_in_the_name_column_over_rows_is_no_footnote(
    tmp_path: Path, heading: str
) -> None:
    rows = [
        *[[line] for line in TITLE],
        ["TT", "Chỉ tiêu", "ĐVT", "Đến năm 2030", "Cơ quan chủ trì"],
        ["", heading, "", "", ""],
        ["1", "Tốc độ tăng trưởng GRDP", "%", "8", "Sở Tài chính"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])]))
    assert heading in [i.name for i in result.plan.indicators]  # kept as before, not a note
    assert [t.text for t in result.plan.targets] == ["8"]


def test_lettered_group_labels_over_numbered_tasks_stay_rows_of_their_own(tmp_path: Path) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["a", "Nhóm nhiệm vụ thể chế", "", ""],
        ["1", "Rà soát quy định", "Sở Tư pháp", "Quý II/2025"],
        ["b", "Nhóm nhiệm vụ hạ tầng", "", ""],
        ["2", "Xây dựng trung tâm dữ liệu", "Công an tỉnh", "12/2026"],
    ]
    plan = import_tables(write_docx(tmp_path / "pl2.docx", [(["PHỤ LỤC II"], rows, [])])).plan
    names = [t.name for t in plan.tasks]
    # "b …" is a row of its own, as before (it was glued to the task above it for a moment)
    assert "Rà soát quy định" in names
    assert "Nhóm nhiệm vụ hạ tầng" in names
