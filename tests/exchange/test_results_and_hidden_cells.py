"""Appendices of a fourth round of hostile files: a column of results under a heading that does
not say "thực hiện", a target column for a year before the plan's, a lead cell that names its
cooperating agencies, columns and rows a sheet hides, a row number written twice, names whose
words only look like those of an indicator better lower."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import Direction, import_tables, load_agencies
from kh922core._exchange.agency_cells import AgencyReader
from kh922core._exchange.agency_roles import lead_cell, marked_roles
from kh922core._exchange.grids import Grid
from kh922core._exchange.header_roles import find_header

from .office_builders import write_csv, write_xlsx

pytest.importorskip("openpyxl")

TITLE = "(Kèm theo Kế hoạch số 7/KH-UBND ngày 2 tháng 6 năm 2025 của UBND tỉnh Hòa Mỹ)"


def _roles(heading: str) -> list[str]:
    grid = Grid("t.csv", "table", [["STT", "Chỉ tiêu", "ĐVT", heading, "Mục tiêu năm 2030"]])
    header = find_header(grid)
    assert header is not None
    return [column.role or "" for column in header.columns]


@pytest.mark.parametrize(
    "heading",
    [
        "Kết quả đạt được năm 2024",
        "Đạt được năm 2024",
        "Lũy kế đến năm 2024",
        "Chỉ tiêu năm 2024 (đã đạt)",
        "Kỳ gốc 2020",
        "Kết quả 6 tháng đầu năm 2025",
        "Kết quả đạt được giai đoạn 2021-2025",
        "Thực tế 2024",
        "Số liệu thực tế năm 2024",
        "Sơ bộ 2024",
        "Năm 2024 (sơ bộ)",
    ],
)
def test_a_column_of_results_reached_is_a_baseline(heading: str) -> None:
    assert _roles(heading)[3] == "baseline"


@pytest.mark.parametrize(
    "heading",
    [
        "Kết quả cần đạt được năm 2025",
        "Mục tiêu đạt được năm 2030",
        "Kết quả sẽ đạt được năm 2030",
        "Kế hoạch thực hiện năm 2025",
    ],
)
def test_a_column_of_results_to_reach_is_a_target(heading: str) -> None:
    assert _roles(heading)[3] == "target"


def _import_csv(tmp_path: Path, rows: list[list[str]]) -> tuple[list[tuple[str, str]], list[str]]:
    path = write_csv(tmp_path / "phu-luc.csv", [[TITLE], *rows])
    result = import_tables(path)
    targets = [(t.id, t.text) for t in result.plan.targets]
    return targets, [f"{p.row} {p.text!r}: {p.reason}" for p in result.problems]


def test_a_target_column_for_a_year_before_the_plans_is_listed_not_read(tmp_path: Path) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [
            ["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Mục tiêu năm 2030"],
            ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "70", "95"],
        ],
    )
    assert targets == [("2030-1", "95")]
    assert any("'70'" in p and "before the year of the plan (2025)" in p for p in problems)


@pytest.mark.parametrize(
    "heading", ["Giai đoạn 2021-2025", "Kết quả 2021-2025", "Bình quân 2021-2025"]
)
def test_a_target_column_of_a_period_begun_before_the_plan_is_listed_not_read(
    tmp_path: Path, heading: str
) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [
            ["STT", "Chỉ tiêu", "ĐVT", heading, "Giai đoạn 2025-2030"],
            ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "70", "95"],
        ],
    )
    assert targets == [("2030-1", "95")]  # the period that begins in the plan's year stays
    assert any("'70'" in p and "the period 2021-2025" in p for p in problems)


@pytest.mark.parametrize(
    ("heading", "horizon"),
    [("Mục tiêu giai đoạn 2021-2025", 2025), ("Giai đoạn 2024-2030", 2030)],
)
def test_a_target_column_of_a_period_planned_or_going_on_is_read(
    tmp_path: Path, heading: str, horizon: int
) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [["STT", "Chỉ tiêu", "ĐVT", heading], ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "70"]],
    )
    assert (targets, problems) == ([(f"{horizon}-1", "70")], [])


def test_a_plan_with_no_date_keeps_every_year(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "phu-luc.csv",
        [["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2030"], ["1", "Tỷ lệ", "%", "70", "95"]],
    )
    assert [t.horizon for t in import_tables(path).plan.targets] == [2024, 2030]


@pytest.mark.parametrize(
    ("cell", "lead", "cooperating"),
    [
        (
            "Sở Khoa học và Công nghệ chủ trì, phối hợp Sở Tài chính",
            "Sở Khoa học và Công nghệ",
            "Sở Tài chính",
        ),
        ("Sở Tư pháp phối hợp Văn phòng UBND tỉnh", "Sở Tư pháp", "Văn phòng UBND tỉnh"),
        (
            "Sở Nội vụ chủ trì; phối hợp: Sở Tài chính, Công an tỉnh",
            "Sở Nội vụ",
            "Sở Tài chính, Công an tỉnh",
        ),
    ],
)
def test_phối_hợp_before_names_marks_them_cooperating(
    cell: str, lead: str, cooperating: str
) -> None:
    assert [(p.text, p.role) for p in marked_roles(cell)] == [
        (lead, "lead"),
        (cooperating, "cooperating"),
    ]


def test_a_lead_cell_that_names_a_cooperating_agency_leads_with_the_first_only() -> None:
    reader = AgencyReader(list(load_agencies(None)), source="test")
    read = lead_cell(reader, "Sở Khoa học và Công nghệ chủ trì, phối hợp Sở Tài chính")
    assert (read.lead, read.cooperating, read.check) == (("so-khcn",), ("so-tai-chinh",), None)
    assert reader.drafts == []  # no agency "phối hợp Sở Tài chính" is made up


def test_a_cooperating_column_of_phụ_lục_i_is_read_and_exported(tmp_path: Path) -> None:
    from kh922core import export_tables

    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu năm 2030", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "95", "Công an tỉnh", "Sở Tài chính; Sở Nội vụ"],
        ["2", "Số doanh nghiệp số", "Doanh nghiệp", "300", "Sở Tài chính", ""],
    ]
    result = import_tables(write_csv(tmp_path / "phu-luc.csv", [[TITLE], *rows]))
    assert result.problems == ()
    plan = result.plan
    assert [(t.lead_agencies, t.cooperating_agencies) for t in plan.targets] == [
        (("cong-an-tinh",), ("so-tai-chinh", "so-noi-vu")),
        (("so-tai-chinh",), ()),
    ]
    assert [r.agency for r in plan.responsible(plan.targets[0], "2025-07-01", role="all")] == [
        "cong-an-tinh",
        "so-tai-chinh",
        "so-noi-vu",
    ]
    again = import_tables(export_tables(plan, tmp_path / "again.csv")).plan
    assert [t.cooperating_agencies for t in again.targets] == [
        ("so-tai-chinh", "so-noi-vu"),
        (),
    ]


def test_the_columns_and_rows_a_sheet_hides_are_listed_not_read(tmp_path: Path) -> None:
    import openpyxl

    path = write_xlsx(
        tmp_path / "an.xlsx",
        [
            (
                "PL I",
                [
                    [TITLE],
                    ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2025 (cũ)", "Mục tiêu 2025"],
                    ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "70%", "80%"],
                    ["2", "Tỷ lệ xã có trạm 5G", "%", "", "60%"],
                    ["3", "Số doanh nghiệp số", "Doanh nghiệp", "100", "120"],
                ],
                [],
            )
        ],
    )
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["PL I"]
    sheet.column_dimensions["D"].hidden = True
    sheet.row_dimensions[4].hidden = True
    workbook.save(path)
    result = import_tables(path)
    assert [(t.id, t.text) for t in result.plan.targets] == [("2025-1", "80%"), ("2025-3", "120")]
    hidden = [p for p in result.problems if "hide" in p.reason]
    assert {(p.row, p.text) for p in hidden if "column" in p.reason} == {
        ("3", "70%"),
        ("5", "100"),
    }
    assert any(p.row == "4" and "is hidden: not read" in p.reason for p in hidden)


def test_a_row_number_written_twice_says_so(tmp_path: Path) -> None:
    _, problems = _import_csv(
        tmp_path,
        [
            ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu năm 2030"],
            ["1.1", "Số sản phẩm OCOP", "Sản phẩm", "50"],
            ["1.1", "Số sản phẩm OCOP xuất khẩu", "Sản phẩm", "5"],
        ],
    )
    assert any("'5'" in p and "written twice" in p and "1.10" in p for p in problems)


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("Tỷ lệ nhiệm vụ khoa học được nghiệm thu đúng hạn", Direction.HIGHER_IS_BETTER),
        ("Số nhiệm vụ khoa học cấp tỉnh", Direction.HIGHER_IS_BETTER),
        ("Số tài năng trẻ được thu hút", Direction.HIGHER_IS_BETTER),
        ("Số bộ học liệu điện tử", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ hồ sơ vụ việc được số hóa", Direction.HIGHER_IS_BETTER),
        ("Số vụ tai nạn giao thông", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ học sinh bỏ học", Direction.LOWER_IS_BETTER),
        ("Ty le ho ngheo", Direction.LOWER_IS_BETTER),  # typed without accents
        # round 148: sector plans' indicators better lower were read higher (bare targets turned)
        ("Tỷ suất chết trẻ em dưới 1 tuổi", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", Direction.LOWER_IS_BETTER),
        ("Số ca mắc sốt xuất huyết", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ thừa cân, béo phì ở người trưởng thành", Direction.LOWER_IS_BETTER),
        ("Số người nghiện ma túy", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ thất thoát nước sạch", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ hút thuốc lá ở nam giới", Direction.LOWER_IS_BETTER),
        ("Diện tích rừng bị cháy", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ người nghiện ma túy được điều trị", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ cơ sở bảo đảm an toàn phòng cháy, chữa cháy", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ người cai nghiện thành công", Direction.HIGHER_IS_BETTER),
    ],
)
def test_a_direction_is_inferred_from_whole_words(
    tmp_path: Path, name: str, direction: Direction
) -> None:
    path = write_csv(
        tmp_path / "phu-luc.csv",
        [[TITLE], ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu năm 2030"], ["1", name, "%", "10"]],
    )
    assert [i.direction for i in import_tables(path).plan.indicators] == [direction]


def test_a_cell_that_names_its_years_gives_each_part_its_horizon(tmp_path: Path) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [
            ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu"],
            ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "Năm 2025: 50%; Năm 2030: 80%"],
            ["2", "Tỷ lệ xã có 5G", "%", "Năm 2024: 40%; năm 2030: 90%"],
            ["3", "Tỷ lệ dân số có tài khoản", "%", "95%"],
        ],
    )
    assert [(i, t.split(":")[-1].strip()) for i, t in targets] == [
        ("2025-1", "50%"),
        ("2030-1", "80%"),
        ("2030-2", "90%"),
    ]
    assert any("'Năm 2024: 40%'" in p and "before the year of the plan" in p for p in problems)
    assert any("'95%'" in p and "no horizon" in p for p in problems)


def test_a_header_with_nothing_under_it_is_a_problem_not_an_empty_plan(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "phu-luc.csv", [[TITLE], ["STT", "Chỉ tiêu", "ĐVT", "Năm 2030"]])
    result = import_tables(path)
    (problem,) = result.problems
    assert "nothing read" in problem.reason
    assert result.plan.targets == ()


def test_a_future_column_of_results_to_reach_stays_a_target(tmp_path: Path) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [
            ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu năm 2025", "Kết quả đạt được đến năm 2030"],
            ["1", "Tỷ lệ hộ có Internet", "%", "70", "90"],
        ],
    )
    assert targets == [("2025-1", "70"), ("2030-1", "90")]
    assert problems == []


def test_a_date_the_title_cites_is_not_the_plans(tmp_path: Path) -> None:
    cited = (
        "(Kèm theo Kế hoạch số    /KH-UBND ngày    tháng    năm 2025 thực hiện Nghị quyết số "
        "57-NQ/TW ngày 22 tháng 12 năm 2024)"
    )
    path = write_csv(
        tmp_path / "phu-luc.csv",
        [
            [cited],
            ["STT", "Chỉ tiêu", "ĐVT", "Năm 2023", "Năm 2030"],
            ["1", "Tỷ lệ", "%", "60", "90"],
        ],
    )
    assert [t.horizon for t in import_tables(path).plan.targets] == [2023, 2030]  # nothing listed


@pytest.mark.parametrize(
    ("cell", "unit", "horizon"),
    [
        ("Năm 2030: 80%", "%", 2030),
        ("80% vào năm 2030", "%", 2030),
        ("Năm 2026-2030: tăng 5%/năm", "tỷ đồng", None),  # a period: no year of its own
    ],
)
def test_a_cell_with_no_year_around_it_takes_the_year_it_names(
    tmp_path: Path, cell: str, unit: str, horizon: int | None
) -> None:
    targets, problems = _import_csv(
        tmp_path, [["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu"], ["1", "Chỉ tiêu A", unit, cell]]
    )
    if horizon is None:
        assert targets == []
        assert problems
    else:
        assert targets == [(f"{horizon}-1", cell)]


def test_a_cell_that_names_another_year_than_its_column_is_listed(tmp_path: Path) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [
            ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030"],
            ["1", "Tỷ lệ", "%", "Năm 2025 đạt 50%"],
            ["2", "Số nền tảng", "Nền tảng", "Hoàn thành trước năm 2027"],
            ["3", "Chỉ số A", "điểm", "82 (năm 2028)"],  # a year in brackets
            ["4", "Tỷ lệ B", "%", "100% (năm 2027)"],
            ["5", "Tỷ lệ C", "%", "Cuối năm 2027 đạt 80%"],
        ],
    )
    assert targets == []
    assert sum("which is the horizon" in p for p in problems) == 5


@pytest.mark.parametrize(
    ("cell", "lead", "cooperating", "checked"),
    [
        ("Phối hợp: Sở Tài chính; Chủ trì: Sở Y tế", ("so-y-te",), ("so-tai-chinh",), False),
        ("Sở Y tế (phối hợp Sở Nội vụ)", ("so-y-te",), ("so-noi-vu",), False),
        ("Sở Y tế phối hợp thực hiện", (), ("so-y-te",), True),  # no lead: listed
    ],
)
def test_role_words_in_any_order_never_lose_or_make_up_a_lead(
    cell: str, lead: tuple[str, ...], cooperating: tuple[str, ...], checked: bool
) -> None:
    reader = AgencyReader(list(load_agencies(None)), source="test")
    read = lead_cell(reader, cell)
    assert (read.lead, read.cooperating, read.check is not None) == (lead, cooperating, checked)
    assert reader.drafts == []


def test_a_hidden_sheet_is_listed_not_read(tmp_path: Path) -> None:
    import openpyxl

    head = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2030"]
    path = write_xlsx(
        tmp_path / "an.xlsx",
        [
            ("PL I (cũ)", [[TITLE], head, ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "70%"]], []),
            ("PL I", [[TITLE], head, ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "90%"]], []),
        ],
    )
    workbook = openpyxl.load_workbook(path)
    workbook["PL I (cũ)"].sheet_state = "hidden"
    workbook.save(path)
    result = import_tables(path)
    assert [(t.id, t.text) for t in result.plan.targets] == [("2030-1", "90%")]
    assert any("PL I (cũ)" in p.table and "is hidden" in p.reason for p in result.problems)


def test_a_baseline_of_a_row_split_into_indicators_of_their_own_is_listed(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "phu-luc.csv",
        [
            [TITLE],
            ["STT", "Chỉ tiêu", "ĐVT", "Hiện trạng năm 2024", "Mục tiêu năm 2030"],
            ["1", "Tỷ lệ văn bản ký số", "%", "90", "95% cấp tỉnh, 80% cấp xã"],
            ["2", "Tỷ lệ hồ sơ trực tuyến", "%", "60", "năm 2026 đạt 70%, năm 2030 đạt 80%"],
            ["3", "Tỷ lệ lao động qua đào tạo", "%", "70", "75%, trong đó có bằng cấp 30%"],
        ],
    )
    result = import_tables(path)
    baselines = {
        t.id: t.baseline and (t.baseline.value, t.baseline.year) for t in result.plan.targets
    }
    # the whole row's 90 is neither the province level's nor the communes': not copied
    assert baselines == {
        "2030-1 (cấp tỉnh)": None,
        "2030-1 (cấp xã)": None,
        "2026-2": (60.0, 2024),  # parts by year are of the row's own indicator
        "2030-2": (60.0, 2024),
        "2030-3": (70.0, 2024),  # the whole of a "trong đó" cell: the row's own
        "2030-3 (bằng cấp)": None,
    }
    (problem,) = result.problems
    assert (problem.text, problem.column) == ("90", "D (Hiện trạng năm 2024)")
    assert "a baseline of the whole row" in problem.reason


@pytest.mark.parametrize(
    "cell", ["Tỷ lệ hộ nghèo trong năm 2025 dưới 2%", "Đạt 80% vào khoảng năm 2028"]
)
def test_a_year_in_the_cell_after_trong_or_vào_khoảng_is_the_cells_own(
    tmp_path: Path, cell: str
) -> None:
    targets, problems = _import_csv(
        tmp_path,
        [["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu năm 2030"], ["1", "Tỷ lệ hộ nghèo", "%", cell]],
    )
    assert targets == []  # not read for 2030, the column's year
    assert any("which is the horizon" in p for p in problems)
