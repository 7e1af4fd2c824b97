"""Columns and cells that other provinces' appendices hold beside their targets (round 119):
a column of changes or of another government's targets is listed, never read as levels of the
province's plan; a baseline that cannot be in its row's unit is listed; a target cell merged
down over several rows is given to each, noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import ImportResult, import_tables

from .office_builders import write_xlsx

pytest.importorskip("openpyxl")

TITLE = [
    ["PHỤ LỤC I"],
    ["CHỈ TIÊU GIAI ĐOẠN 2026-2030"],
    ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Hòa Mỹ)"],
]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8-sig")
    return path


@pytest.mark.parametrize(
    "heading",
    [
        "Tăng bình quân giai đoạn 2026-2030 (%/năm)",
        "Tốc độ tăng trưởng bình quân 2026-2030",
        "So sánh 2028/2025 (lần)",
        "So sánh KH 2026/TH 2025 (%)",
        "Tăng/giảm so với năm 2025",
    ],
)
def test_a_column_of_changes_is_listed_not_read_as_levels(tmp_path: Path, heading: str) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện 2025", "Năm 2028", heading],
        ["1", "Số doanh nghiệp công nghệ số", "Doanh nghiệp", "300", "400", "8,5"],
    ]
    result = import_tables(_csv(tmp_path / "pl.csv", rows))
    assert [(t.horizon, t.text) for t in result.plan.targets] == [(2028, "400")]
    (listed,) = result.problems
    assert listed.text == "8,5"
    assert "a column of changes" in listed.reason


@pytest.mark.parametrize(
    "heading", ["Chỉ tiêu Trung ương giao", "Chỉ tiêu TW giao", "Chỉ tiêu Chính phủ giao"]
)
def test_another_governments_targets_are_not_the_provinces(tmp_path: Path, heading: str) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện 2025", heading, "Mục tiêu của tỉnh"],
        ["1", "Tỷ trọng kinh tế số", "% GRDP", "12", "20", "25"],
        ["2", "Số doanh nghiệp KHCN", "Doanh nghiệp", "20", "", "40"],
    ]
    result = import_tables(_csv(tmp_path / "pl.csv", rows))
    assert [(t.horizon, t.text) for t in result.plan.targets] == [(2030, "25"), (2030, "40")]
    (listed,) = result.problems
    assert listed.text == "20"
    assert "another level of government" in listed.reason


def test_a_price_basis_heading_is_still_a_target_column(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2030 (giá so sánh 2010)"],
        ["1", "GRDP bình quân đầu người", "triệu đồng", "150"],
    ]
    result = import_tables(_csv(tmp_path / "pl.csv", rows))
    assert [(t.horizon, t.text) for t in result.plan.targets] == [(2030, "150")]


def _baseline_row(tmp_path: Path, unit: str, baseline: str, target: str = "100") -> ImportResult:
    """An appendix of one row in ``unit`` with ``baseline`` as its 2025 result, imported."""
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Năm 2030"],
        ["1", "Chỉ tiêu A", unit, baseline, target],
    ]
    return import_tables(_csv(tmp_path / "pl.csv", rows))


@pytest.mark.parametrize(
    ("unit", "baseline", "why"),
    [
        ("Tỷ đồng", "5%", "a percentage in a row in Tỷ đồng"),
        ("%", "12.500", "a dot before three digits in a row of a percentage"),
        ("% GRDP", "12.500", "a dot before three digits in a row of a percentage"),
    ],
)
def test_a_baseline_that_cannot_be_in_its_rows_unit_is_listed(
    tmp_path: Path, unit: str, baseline: str, why: str
) -> None:
    result = _baseline_row(tmp_path, unit, baseline)
    (target,) = result.plan.targets
    assert target.baseline is None
    (listed,) = result.problems
    assert listed.text == baseline
    assert why in listed.reason


@pytest.mark.parametrize(
    ("unit", "baseline", "value"),
    [("%", "12,5", 12.5), ("Tỷ đồng", "12.500", 12500.0), ("%", "85%", 85.0)],
)
def test_a_baseline_in_its_rows_unit_is_read(
    tmp_path: Path, unit: str, baseline: str, value: float
) -> None:
    result = _baseline_row(tmp_path, unit, baseline, "100" if unit == "%" else "15.000")
    (target,) = result.plan.targets
    assert target.baseline is not None
    assert (target.baseline.value, target.baseline.year) == (value, 2025)
    assert result.problems == ()


def test_a_target_merged_down_over_two_indicators_is_each_ones_noted(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2030"],
        ["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "98"],
        ["2", "Tỷ lệ hồ sơ được số hóa", "%", ""],
        ["3", "Tỷ lệ cơ quan dùng chữ ký số", "%", "90"],
    ]
    merges = [(4, 3, 5, 3)]  # the 98 merged down over rows 1 and 2 of the table
    result = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, merges)]))
    assert [(t.row, t.text) for t in result.plan.targets] == [("1", "98"), ("2", "98"), ("3", "90")]
    for target in ("2030-1", "2030-2"):
        (note,) = [n for n in result.notes[("targets", target)] if "merged down" in n]
        assert "rows 5-6" in note
    assert not [n for n in result.notes.get(("targets", "2030-3"), ()) if "merged" in n]


@pytest.mark.parametrize(
    ("heading", "horizon"),
    [
        ("Mục tiêu tăng trưởng đến năm 2030", 2030),
        ("Năm 2030 (kịch bản tăng trưởng cao)", 2030),
        ("Kế hoạch tăng trưởng xanh đến năm 2030", 2030),
        ("Kế hoạch năm 2026 (phấn đấu tốc độ cao)", 2026),
        ("Chỉ tiêu tỉnh phấn đấu năm 2026 (cao hơn TW giao)", 2026),
    ],
)
def test_a_heading_of_levels_that_names_growth_is_still_a_target_column(
    tmp_path: Path, heading: str, horizon: int
) -> None:
    rows = [
        *TITLE,
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", heading],
        ["1", "Tỷ lệ A", "%", "50", "80"],
    ]
    result = import_tables(_csv(tmp_path / "pl.csv", rows))
    assert [(t.horizon, t.text) for t in result.plan.targets] == [(horizon, "80")]
    assert result.problems == ()
