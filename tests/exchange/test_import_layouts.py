"""Appendices in the layouts provinces use, built as real files, read into plans.

Each test builds a .docx, .xlsx or .csv the way an official would (title blocks, two-row
headers, merged group rows, tables continued across pages, Excel habits) and checks what the
plan holds and what the problems say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kh922core
from kh922core import Direction, import_tables

from .office_builders import rewrite_parts, with_formula_results, write_csv, write_docx, write_xlsx

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

TITLE = [
    "PHỤ LỤC I",
    "CHỈ TIÊU CHỦ YẾU",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 3 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh Hòa Mỹ)",
]


def _targets(plan: kh922core.Plan) -> dict[str, str]:
    return {t.id: t.text for t in plan.targets}


def test_a_word_table_in_the_ben_tre_layout(tmp_path: Path) -> None:
    rows = [
        ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì"],
        ["I", "Đến năm 2030", "", "", ""],
        [
            "1",
            "Chỉ số đổi mới sáng tạo cấp địa phương (PII)",
            "Thứ bậc",
            "Xếp hạng ở nhóm 20 tỉnh, thành",
            "Sở KH&CN",
        ],
        ["2", "Quy mô kinh tế số", "% GRDP", "≥ 25", "Sở Tài chính"],
        ["II", "Đến năm 2045", "", "", ""],
        ["1", "Quy mô kinh tế số", "% GRDP", "≥ 35", "Sở Khoa học và Công nghệ"],
    ]
    merges = [(1, 1, 1, 4), (4, 1, 4, 4)]
    path = write_docx(tmp_path / "phu-luc.docx", [(TITLE, rows, merges)])
    plan, problems = import_tables(path)
    assert problems == ()
    assert _targets(plan) == {
        "2030-1": "Xếp hạng ở nhóm 20 tỉnh, thành",
        "2030-2": "≥ 25",
        "2045-1": "≥ 35",
    }
    assert (plan.number, plan.date.isoformat(), plan.province.name) == (
        "45/KH-UBND",
        "2025-04-03",
        "Hòa Mỹ",
    )
    assert plan.target("2030-1").lead_agencies == ("so-khcn",)
    assert plan.indicator(plan.target("2030-1").indicator).direction is Direction.LOWER_IS_BETTER
    assert plan.target("2045-1").indicator == plan.target("2030-2").indicator
    assert [t.section for t in plan.targets] == ["I", "I", "II"]


def _excel_habits(tmp_path: Path) -> Path:
    rows = [
        ["ỦY BAN NHÂN DÂN TỈNH HÒA MỸ"],
        ["PHỤ LỤC I"],
        [TITLE[2]],
        [],
        ["STT", "Tên chỉ tiêu", "ĐVT", "Mục tiêu", "", "Đơn vị chủ trì", "Ghi chú"],
        ["", "", "", "Năm 2025", "Giai đoạn 2026-2030", "", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["A", "CHỈ TIÊU KINH TẾ"],
        [1, "Tốc độ tăng trưởng\nkinh tế số", "%", "12,5", 15, "Sở Tài chính", ""],
        [2, "Tỷ lệ hộ nghèo", "%", 0.02, "-", "Sở Nội vụ", ""],
        [3, "Chỉ số cải cách hành chính", "", "", "", "Sở Nội vụ", ""],
        [3.1, "Cấp tỉnh", "Điểm", "x", "≥ 85", "", ""],
        ["-", "Cấp xã", "Điểm", "", "≥ 80", "", ""],
        ["B", "CHỈ TIÊU XÃ HỘI"],
        [1, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 0.95, "≥ 96%", "BHXH tỉnh", ""],
        [
            2,
            "Số bác sĩ/vạn dân",
            "bác sĩ/vạn dân",
            "11",
            "13",
            "Sở Y tế",
            "Số liệu của Cục Thống kê",
        ],
        [3, "Xếp hạng chỉ số PAPI", "Thứ bậc", "nhóm 30", "nhóm 20", "Văn phòng UBND tỉnh", ""],
    ]
    merges = [
        (1, 0, 1, 6),
        (2, 0, 2, 6),
        (4, 0, 5, 0),
        (4, 1, 5, 1),
        (4, 2, 5, 2),
        (4, 3, 4, 4),
        (4, 5, 5, 5),
        (4, 6, 5, 6),
        (7, 1, 7, 6),
        (13, 1, 13, 6),
    ]
    formats = {("Chỉ tiêu", 9, 3): "0%", ("Chỉ tiêu", 14, 3): "0.0%"}
    return write_xlsx(tmp_path / "chi-tieu.xlsx", [("Chỉ tiêu", rows, merges)], formats)


def test_an_excel_sheet_with_a_two_row_header_groups_sub_rows_and_excel_habits(
    tmp_path: Path,
) -> None:
    result = import_tables(_excel_habits(tmp_path))
    plan = result.plan
    assert _targets(plan) == {
        "2025-A.1": "12,5",
        "2030-A.1": "15",
        "2025-A.2": "2%",
        "2030-A.3.1": "≥ 85",
        "2030-A.3.1.1": "≥ 80",
        "2025-B.1": "95%",
        "2030-B.1": "≥ 96%",
        "2025-B.2": "11",
        "2030-B.2": "13",
        "2025-B.3": "nhóm 30",
        "2030-B.3": "nhóm 20",
    }
    names = {i.id: i for i in plan.indicators}
    growth = names[plan.target("2025-A.1").indicator]
    assert growth.name == "Tốc độ tăng trưởng kinh tế số"  # the line break inside the cell
    poverty = names[plan.target("2025-A.2").indicator]
    assert poverty.direction is Direction.LOWER_IS_BETTER
    assert plan.target("2025-A.2").is_met(1.5)  # 0.02 shown as 2%: at most 2 %
    reform = next(i for i in plan.indicators if i.name == "Chỉ số cải cách hành chính")
    assert names[plan.target("2030-A.3.1").indicator].parent == reform.id
    assert (
        names[plan.target("2030-A.3.1.1").indicator].parent == plan.target("2030-A.3.1").indicator
    )
    assert plan.target("2030-A.3.1").lead_agencies == ("so-noi-vu",)  # from the parent row
    papi = names[plan.target("2030-B.3").indicator]
    assert papi.direction is Direction.LOWER_IS_BETTER
    assert plan.target("2025-B.1").lead_agencies == ("bhxh-tinh",)  # not in the registry
    assert result.drafts == ("ubnd-tinh-hoa-my", "bhxh-tinh")  # the issuer, and BHXH tỉnh
    assert plan.issuer == "ubnd-tinh-hoa-my"
    assert [p.text for p in result.problems] == ["Số liệu của Cục Thống kê"]
    (problem,) = result.problems
    assert (problem.table, problem.row, problem.column) == ("sheet 'Chỉ tiêu'", "16", "G (Ghi chú)")
    assert any("rank" in note for note in result.notes[("indicators", papi.id)])


def test_a_word_table_continued_across_pages_with_multi_target_cells(tmp_path: Path) -> None:
    header = ["TT", "Nội dung", "Đơn vị tính", "Chỉ tiêu đến năm 2030", "Cơ quan thực hiện"]
    first = [
        header,
        [
            "1",
            "Tỷ lệ hồ sơ giải quyết đúng hạn",
            "%",
            "95% ở cấp tỉnh, 85% ở cấp xã",
            "Uỷ ban nhân dân tỉnh",
        ],
        ["2", "Tỷ lệ thất nghiệp", "%", "dưới 3", "Sở KH & CN; Các sở, ban, ngành tỉnh"],
        header,  # the header again, at the top of the next page
        [
            "3",
            "Doanh thu thương mại điện tử",
            "tỷ đồng",
            "đạt 5.000 tỷ đồng, trong đó năm 2026 đạt 2.000 tỷ đồng",
            "UBND các xã, phường",
        ],
    ]
    second = [  # a table of its own in the file, going on with the first
        ["4", "Số hợp tác xã ứng dụng công nghệ số", "hợp tác xã", "≥ 80; ≥ 90", "Sở Tài chính"],
        ["5", "Chỉ số năng lực cạnh tranh (PCI)", "Thứ bậc", "", "Sở Tài chính"],
    ]
    path = write_docx(tmp_path / "phu-luc.docx", [(TITLE, first, []), ([], second, [])])
    result = import_tables(path)
    plan = result.plan
    assert _targets(plan) == {
        "2030-1 (cấp tỉnh)": "95% ở cấp tỉnh",
        "2030-1 (cấp xã)": "85% ở cấp xã",
        "2030-2": "dưới 3",
        "2030-3": "đạt 5.000 tỷ đồng",
        "2026-3": "năm 2026 đạt 2.000 tỷ đồng",
    }
    unemployment = plan.indicator(plan.target("2030-2").indicator)
    assert unemployment.direction is Direction.LOWER_IS_BETTER
    labelled = plan.indicator(plan.target("2030-1 (cấp xã)").indicator)
    assert labelled.name == "Tỷ lệ hồ sơ giải quyết đúng hạn (cấp xã)"
    assert plan.indicator(labelled.parent).name == "Tỷ lệ hồ sơ giải quyết đúng hạn"
    # 'Sở KH & CN' and a collective the registry knows, commas and all
    assert plan.target("2030-2").lead_agencies == ("so-khcn", "cac-so-ban-nganh")
    communes = plan.registry.get(plan.target("2030-3").lead_agencies[0])
    assert (communes.name, communes.level) == ("UBND các xã, phường", "collective")
    assert communes.id in result.drafts
    # the plan of tỉnh Hòa Mỹ: its own committee, not Bến Tre's (the shipped registry's)
    assert plan.target("2030-1 (cấp tỉnh)").lead_agencies == ("ubnd-tinh-hoa-my",)  # "Uỷ ban"
    unlabelled, lead, lead_again = result.problems
    assert (unlabelled.table, unlabelled.row, unlabelled.column) == (
        "table 2",
        "1",
        "4 (Chỉ tiêu đến năm 2030)",
    )
    assert "no label tells the 2 targets apart" in unlabelled.reason
    assert (lead.row, lead.text, lead_again.row) == (
        "1",
        "Sở Tài chính",
        "2",
    )  # rows without target
    assert any(i.name == "Chỉ số năng lực cạnh tranh (PCI)" for i in plan.indicators)


def test_a_csv_task_table_with_semicolons_and_an_unreadable_deadline(tmp_path: Path) -> None:
    rows = [
        ["PHỤ LỤC II"],
        ["DANH MỤC NHIỆM VỤ TRỌNG TÂM"],
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành", "Ghi chú"],
        ["I.", "Hoàn thiện thể chế", "", "", "", ""],
        [
            "1",
            "Ban hành quy chế quản lý dữ liệu",
            "Sở KH&CN",
            "Các sở, ban, ngành",
            "Quý II/2025",
            "",
        ],
        ["2", "Rà soát thủ tục hành chính", "Văn phòng UBND tỉnh", "", "giữa năm 2026", ""],
        ["-", "Công bố kết quả rà soát", "", "", "", ""],
        ["II.", "Phát triển hạ tầng số", "", "", "", ""],
        [
            "3",
            "Xây dựng trung tâm dữ liệu tỉnh",
            "Công an tỉnh\nSở Tài chính",
            "",
            "2025 - 2026",
            "Vốn ngân sách",
        ],
    ]
    path = write_csv(tmp_path / "nhiem-vu.csv", rows, separator=";")
    result = import_tables(path, province="Hòa Mỹ")
    plan = result.plan
    assert [(g.id, g.title) for g in plan.task_groups] == [
        ("I", "Hoàn thiện thể chế"),
        ("II", "Phát triển hạ tầng số"),
    ]
    assert [(t.number, t.group, t.deadline.text) for t in plan.tasks] == [
        (1, "I", "Quý II/2025"),
        (2, "I", "Thường xuyên"),
        (3, "II", "2025 - 2026"),
    ]
    assert plan.task("task-02").name == "Rà soát thủ tục hành chính\n- Công bố kết quả rà soát"
    assert plan.task("task-03").lead_agencies == ("cong-an-tinh", "so-tai-chinh")
    assert plan.task("task-01").cooperating_agencies == ("cac-so-ban-nganh",)
    assert [(p.row, p.column, p.text) for p in result.problems] == [
        ("6", "E (Thời hạn hoàn thành)", "giữa năm 2026"),
        ("9", "F (Ghi chú)", "Vốn ngân sách"),
    ]
    assert plan.province.name == "Hòa Mỹ"


@pytest.mark.parametrize(
    ("start", "ending"),
    [
        ("Bắt đầu", "Kết thúc"),
        ("Bắt đầu", "Hoàn thành"),
        ("Thời gian bắt đầu", "Thời gian kết thúc"),
        ("Từ năm", "Đến năm"),
    ],
)
def test_the_end_under_a_time_heading_is_the_deadline(
    tmp_path: Path, start: str, ending: str
) -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "Thời gian thực hiện"],
        ["", "", "", start, ending],
        ["1", "Xây dựng hệ thống giám sát", "Công an tỉnh", "2025", "2026"],
        ["2", "Diễn tập ứng cứu sự cố", "Công an tỉnh", "Quý II/2025", "Quý IV/2026"],
    ]
    result = import_tables(write_csv(tmp_path / "nhiem-vu.csv", rows, separator=";"))
    assert [t.deadline.text for t in result.plan.tasks] == ["2026", "Quý IV/2026"]
    # the start has no place in a plan file: listed, cell by cell
    assert [(p.row, p.text) for p in result.problems] == [("3", "2025"), ("4", "Quý II/2025")]


@pytest.mark.parametrize("recalculate", [True, False])
def test_a_formula_target_is_read_only_where_the_file_holds_its_result(
    tmp_path: Path, recalculate: bool
) -> None:
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "=25*2", "=40*2", "Sở Nội vụ"],
        ["2", "Tỷ lệ hộ nghèo", "%", "=1+2", "dưới 1", "Sở Y tế"],
    ]
    path = write_xlsx(tmp_path / "pl.xlsx", [("PL1", rows, [])])
    # D2 saved with 50, E2 with 0 (xlsxwriter's value of every formula), D3 with none
    with_formula_results(path, {"D2": "50", "E2": "0"}, recalculate)
    plan, problems = import_tables(path)
    formulas = [p for p in problems if p.text.startswith("=")]
    refused = {(p.row, p.column.split()[0], p.text) for p in formulas}
    assert all(
        p.reason.startswith("a formula whose result the file does not hold") for p in formulas
    )
    others = [(p.row, p.text) for p in problems if p not in formulas]
    if recalculate:  # written by a program: no saved value is a result
        assert _targets(plan) == {"2030-2": "dưới 1"}
        assert refused == {("2", "D", "=25*2"), ("2", "E", "=40*2"), ("3", "D", "=1+2")}
        assert others == [("2", "Sở Nội vụ")]  # its row has no target left
    else:  # as Excel saves it: E2's 0 is a target every level meets, listed
        assert _targets(plan) == {"2025-1": "50", "2030-2": "dưới 1"}
        assert refused == {("3", "D", "=1+2")}
        assert [(p.row, p.column.split()[0], p.text) for p in problems if p not in formulas] == [
            ("2", "E", "0")
        ]


def test_a_csv_note_in_a_column_without_a_heading_is_named_by_its_column(tmp_path: Path) -> None:
    """The header line writes empty cells after its headings; a row writes a note in one: the
    row is listed, naming the note and its column (before, the message blamed a comma)."""
    path = tmp_path / "pl.csv"
    path.write_text(
        "STT,Chỉ tiêu,Đơn vị tính,Năm 2025,Năm 2030,Cơ quan chủ trì,,,\n"
        "1,Tỷ lệ hộ có cáp quang,%,80,95,Sở Khoa học và Công nghệ,,,\n"
        "2,Số doanh nghiệp công nghệ số,doanh nghiệp,1200,2500,Sở Tài chính,,ước,\n",
        encoding="utf-8",
    )
    plan, problems = import_tables(path)
    assert _targets(plan) == {"2025-1": "80", "2030-1": "95"}
    (problem,) = problems
    assert problem.row == "3"
    assert "'ước' in column H, which has no heading" in problem.reason


def test_a_csv_row_with_more_cells_than_its_header_is_refused_whole(tmp_path: Path) -> None:
    """An unquoted decimal comma in a comma-separated file moves the cells after it."""
    path = tmp_path / "pl.csv"
    path.write_text(
        "TT,Chỉ tiêu,ĐVT,Năm 2025,Đến năm 2030,Cơ quan chủ trì\n"
        "1,Tỷ lệ hộ nghèo,%,3,5,1,5,Sở Y tế\n"
        "2,Tỷ lệ dịch vụ công,%,50,80,Sở Nội vụ\n"
        '3,Tỷ lệ hộ cận nghèo,%,"2,5","1,5",Sở Y tế\n',
        encoding="utf-8",
    )
    plan, problems = import_tables(path)
    assert _targets(plan) == {"2025-2": "50", "2030-2": "80", "2025-3": "2,5", "2030-3": "1,5"}
    assert [(p.row, p.text) for p in problems] == [("2", "1,Tỷ lệ hộ nghèo,%,3,5,1,5,Sở Y tế")]
    assert "the row has 8 cells where the header has 6" in problems[0].reason
    # no indicator is made of the refused row, not even a nameless one
    assert [i.name for i in plan.indicators] == ["Tỷ lệ dịch vụ công", "Tỷ lệ hộ cận nghèo"]


def test_an_estimate_column_a_totals_row_and_a_note_under_the_table(tmp_path: Path) -> None:
    rows = [
        ["", "", "PHỤ LỤC I", "", "", "", "", "", "", ""],
        ["", "", "STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2024", "Ước 2025", "Mục tiêu", "",
         "Cơ quan chủ trì"],
        ["", "", "", "", "", "", "", "Năm 2025", "Giai đoạn 2026-2030", ""],
        ["", "", "1", "Tỷ lệ dịch vụ công trực tuyến", "%", "45", "48", "50", "≥ 80", "Sở Nội vụ"],
        ["", "", "2", "Tỷ lệ hộ nghèo đa chiều", "%", "3,8", "", "dưới 3", "dưới 1,5", "Sở Y tế"],
        ["", "", "", "Tổng cộng", "", "", "", "", "2 chỉ tiêu", ""],
        ["", "", "Ghi chú: (*) số liệu ước tính của Cục Thống kê.", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    merges = [(1, 7, 1, 8)]
    path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, merges)])
    plan, problems = import_tables(path)
    assert _targets(plan) == {
        "2025-1": "50", "2030-1": "≥ 80", "2025-2": "dưới 3", "2030-2": "dưới 1,5"
    }  # fmt: skip
    baselines = {t.id: (t.baseline.value, t.baseline.year) for t in plan.targets if t.baseline}
    assert baselines == {
        "2025-1": (48.0, 2025), "2030-1": (48.0, 2025), "2025-2": (3.8, 2024), "2030-2": (3.8, 2024)
    }  # fmt: skip
    found = [(p.row, p.column.split()[0], p.text, p.reason.split(":")[0]) for p in problems]
    assert found == [
        ("4", "F", "45", "a second baseline of the row"),
        ("6", "D", "Tổng cộng | 2 chỉ tiêu", "a row of totals, no indicator"),
        ("7", "C", "Ghi chú: (*) số liệu ước tính của Cục Thống kê.",
         "a line under the table (a note)"),
    ]  # fmt: skip


@pytest.mark.parametrize("word", [False, True])
def test_a_target_merged_across_two_horizons_is_listed_not_read_for_one(
    tmp_path: Path, word: bool
) -> None:
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ dịch vụ công trực tuyến", "%", "≥ 80", "", "Sở Nội vụ"],
        ["2", "Tỷ lệ hồ sơ số hóa", "%", "90", "100", "Sở Nội vụ"],
    ]
    if word:
        path = write_docx(tmp_path / "pl.docx", [(["PHỤ LỤC I"], rows, [(1, 3, 1, 4)])])
    else:
        path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [(1, 3, 1, 4)])])
    plan, problems = import_tables(path)
    assert _targets(plan) == {"2025-2": "90", "2030-2": "100"}
    first = problems[0]
    assert (first.row, first.text) == ("2", "≥ 80")
    assert "merged across the columns 'Năm 2025' and 'Đến năm 2030'" in first.reason


def test_rows_lettered_under_a_row_are_its_sub_rows_each(tmp_path: Path) -> None:
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Đến năm 2030"],
        ["1", "Tỷ lệ che phủ rừng", "%", "30", "35"],
        ["2", "Các chỉ số cải cách hành chính", "", "", ""],
        ["a", "Chỉ số PCI", "điểm", "65", "70"],
        ["b", "Chỉ số DTI", "điểm", "40", "45"],
        ["3.a", "Chỉ số PAPI", "điểm", "42", "45"],
        ["b)", "Chỉ số SIPAS", "%", "85", "90"],
    ]
    plan, _ = import_tables(write_csv(tmp_path / "pl.csv", rows))
    assert sorted({t.row for t in plan.targets}) == ["1", "2.a", "2.b", "3.a", "3.b"]


def test_a_range_excel_turned_into_a_date_is_named_as_a_date(tmp_path: Path) -> None:
    from datetime import datetime

    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Đến năm 2030"],
        ["1", "Tốc độ tăng trưởng kinh tế số", "%", datetime(2025, 10, 8)],  # "8-10" typed
    ]
    path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])], {("PL I", 1, 3): "d-mmm"})
    _, problems = import_tables(path)
    (problem,) = problems
    assert problem.text == "2025-10-08"
    assert problem.reason.startswith("the cell holds a date (2025-10-08): Excel turns a range")


def test_an_excel_error_or_a_truth_value_is_listed_not_read_as_a_target(tmp_path: Path) -> None:
    import openpyxl

    rows = [["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Đến năm 2030"], ["1", "Tỷ lệ A", "%", "", "80"]]
    path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])])
    book = openpyxl.load_workbook(path)
    book["PL I"]["D2"] = True  # a truth value; E2 an error, as Excel saves one
    book.save(path)
    import re

    rewrite_parts(  # E2 an error, as Excel saves one
        path,
        lambda name, text: (
            re.sub(r'<c r="E2"[^>]*>.*?</c>', '<c r="E2" t="e"><v>#N/A</v></c>', text)
            if name == "xl/worksheets/sheet1.xml"
            else text
        ),
    )
    plan, problems = import_tables(path)
    assert _targets(plan) == {}
    found = [(p.column.split()[0], p.text) for p in problems if "a spreadsheet's error" in p.reason]
    assert found == [("D", "TRUE"), ("E", "#N/A")]


@pytest.mark.parametrize("said", [False, True])
def test_a_semicolon_csv_whose_cells_hold_commas_is_read(tmp_path: Path, said: bool) -> None:
    path = tmp_path / "pl.csv"
    lines = [
        "TT;Tên nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành",
        "1;Rà soát, sửa đổi, bổ sung, hoàn thiện cơ chế;Sở Tư pháp;Các sở, ngành;Quý IV/2025",
        "2;Xây dựng, vận hành kho dữ liệu;Sở Tư pháp;Sở Nội vụ, Sở Tài chính;Quý IV/2025",
    ]
    path.write_text("\n".join(["sep=;", *lines] if said else lines) + "\n", encoding="utf-8")
    plan, problems = import_tables(path)
    assert [t.name for t in plan.tasks] == [
        "Rà soát, sửa đổi, bổ sung, hoàn thiện cơ chế",
        "Xây dựng, vận hành kho dữ liệu",
    ]
    assert [p.row for p in problems] == []


def test_a_deadline_excel_keeps_as_a_date_reads_as_its_format_shows_it(tmp_path: Path) -> None:
    from datetime import datetime

    rows = [
        ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Xây dựng trung tâm dữ liệu", "Công an tỉnh", datetime(2025, 12, 11)],
        ["2", "Đào tạo kỹ năng số", "Sở Nội vụ", datetime(2025, 6, 1)],
        ["3", "Số hóa hồ sơ", "Sở Nội vụ", datetime(2025, 12, 31)],
    ]
    formats = {("PL II", 1, 3): "mm/yyyy", ("PL II", 2, 3): "mmm-yy", ("PL II", 3, 3): "dd/mm/yyyy"}
    plan, problems = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL II", rows, [])], formats))
    deadlines = [(t.deadline.text, t.deadline.due.isoformat()) for t in plan.tasks]
    assert deadlines == [
        ("12/2025", "2025-12-31"), ("06/2025", "2025-06-30"), ("31/12/2025", "2025-12-31")
    ]  # fmt: skip
    assert list(problems) == []


@pytest.mark.parametrize(
    "cell", ["80%; năm 2030 đạt 100%", "Đạt 80%, riêng năm 2030 đạt 100%", "80%\nNăm 2030: 100%"]
)
def test_two_parts_of_a_cell_for_one_horizon_are_listed_not_a_broken_plan(
    tmp_path: Path, cell: str
) -> None:
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu đến năm 2030", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", cell, "Sở Tài chính"],
        ["2", "Tỷ lệ xã có cáp quang", "%", "80%, năm 2027 đạt 60%", "Sở Tài chính"],
    ]
    result = import_tables(write_csv(tmp_path / "pl.csv", rows))
    assert _targets(result.plan) == {"2030-2": "80%", "2027-2": "năm 2027 đạt 60%"}
    (listed,) = [p for p in result.problems if p.row == "2" and "D" in p.column]
    assert "a second target for 2030 in the cell" in listed.reason


def test_a_year_heading_over_plan_and_result_gives_both_its_year(tmp_path: Path) -> None:
    # "Năm 2025" merged over "Kế hoạch | Thực hiện", "Năm 2030" over "Kế hoạch": every cell was
    # listed as having no year, the result as a baseline whose heading names none
    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Năm 2025", "", "Năm 2030", "Cơ quan chủ trì"],
        ["", "", "", "Kế hoạch", "Thực hiện", "Kế hoạch", ""],
        ["1", "Tỷ lệ xã có cáp quang", "%", "45", "42", "80", "Sở Khoa học và Công nghệ"],
    ]
    merges = [(0, c, 1, c) for c in (0, 1, 2, 6)] + [(0, 3, 0, 4)]
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, merges)]))
    (target,) = [t for t in result.plan.targets if t.horizon == 2030]
    assert (target.text, target.baseline.value, target.baseline.year) == ("80", 42.0, 2025)
    assert not any(p.reason.startswith("no horizon") for p in result.problems)
