"""The indicator's name decides what a target text leaves open: a row in ``%`` whose name says
it measures a rate of change (``Tốc độ tăng trưởng GRDP``) holds a level of that rate, as the
same words in the text make it (``Tăng trưởng bình quân 8%/năm``).  The grammar, a plan file
and an imported appendix all read it so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import (
    InvalidValueError,
    TargetParseError,
    explain,
    import_tables,
    load_plan,
    parse_target,
    split_targets,
)
from kh922core._cli import main

RATE_NAMES = [
    "Tốc độ tăng trưởng GRDP bình quân",
    "Tốc độ tăng trưởng kinh tế số",
    "Tăng trưởng GRDP bình quân",
    "Tốc độ tăng năng suất lao động",
    "Chỉ số giá tiêu dùng (CPI)",
    "Tốc độ phát triển doanh nghiệp",
    "Chỉ số sản xuất công nghiệp (IIP)",
    "Lạm phát",
    "Tỷ lệ tăng trưởng tín dụng",  # a rate of growth called a ratio
    "Tỷ lệ tăng trưởng kinh tế (GRDP)",
]
OTHER_NAMES = [
    None,
    "Tỷ lệ hộ nghèo",
    "Tỷ lệ lao động qua đào tạo",
    "Đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng",
    "Tỷ trọng kinh tế số trong GRDP",
    "Đóng góp của TFP trong tăng trưởng kinh tế",  # growth not first: what it names is no rate
    "Vốn đầu tư cho tăng trưởng xanh so với GRDP",
    "Mức độ đáp ứng tiêu chí tăng trưởng xanh",
]


@pytest.mark.parametrize("name", RATE_NAMES)
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("tăng bình quân 8%/năm", 8.0),
        ("tăng 8%", 8.0),
        ("tăng tối thiểu 6,5%/năm", 6.5),
        ("tăng 8% so với cùng kỳ", 8.0),  # a growth rate is measured from the year before
    ],
)
def test_a_change_in_a_row_named_as_a_rate_is_a_level_of_it(
    name: str, text: str, level: float
) -> None:
    spec = parse_target(text, unit="%", indicator=name)
    assert spec.change is None
    assert spec.value == level
    assert spec.is_met(level + 0.5)
    assert not spec.is_met(level - 0.5)


@pytest.mark.parametrize("name", OTHER_NAMES)
def test_other_names_keep_the_points_of_a_share(name: str | None) -> None:
    spec = parse_target("tăng bình quân 1%/năm", unit="%", indicator=name)
    assert spec.change is not None
    assert spec.change.kind.value == "points_per_year"


@pytest.mark.parametrize(
    "text",
    [
        "tăng 2% so với năm 2024",  # the rate's own rise in points, or a growth since 2024?
        "giảm 1%",  # a negative rate, or a rate 1 point lower?
        "giảm bình quân 0,5%/năm",
    ],
)
def test_what_a_rate_named_row_leaves_open_is_refused(text: str) -> None:
    assert parse_target(text, unit="%").change is not None  # without the name: points
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%", indicator=RATE_NAMES[0])


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("tăng 2 điểm % so với năm 2024", "%", "points"),  # points written as such
        ("tăng bình quân 8%/năm", "tỷ đồng", "growth_per_year"),  # the unit says a level
        ("Tỷ lệ hộ nghèo giảm 1%", "%", "points"),  # the text names a share
    ],
)
def test_the_text_or_the_unit_wins_over_the_name(text: str, unit: str, kind: str) -> None:
    spec = parse_target(text, unit=unit, indicator=RATE_NAMES[0])
    assert spec.change is not None
    assert spec.change.kind.value == kind


def test_the_name_reads_into_every_part_of_a_cell() -> None:
    cell = "tăng bình quân 8%/năm; riêng năm 2026 tăng 9%"
    parts = split_targets(cell, unit="%", indicator=RATE_NAMES[0])
    assert [(p.label, p.spec.change, p.spec.value) for p in parts] == [
        (None, None, 8.0),
        ("năm 2026", None, 9.0),
    ]


def test_explain_says_the_name_decided() -> None:
    text = explain("tăng bình quân 8%/năm", unit="%", indicator=RATE_NAMES[0])
    assert "indicator's name says it is a rate" in text
    assert "change:" not in text
    assert "points" in explain("tăng bình quân 8%/năm", unit="%")


def test_the_command_line_takes_the_name(capsys: pytest.CaptureFixture[str]) -> None:
    command = ["explain", "tăng bình quân 8%/năm", "--unit", "%"]
    assert main([*command, "--indicator", RATE_NAMES[0]]) == 0
    named = capsys.readouterr().out
    assert main(command) == 0
    assert "indicator's name says it is a rate" in named
    assert "name says" not in capsys.readouterr().out


def test_a_name_that_is_no_text_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="indicator must be the indicator's name"):
        parse_target("8%", indicator=8)  # type: ignore[arg-type]


PLAN = """\
schema_version: 1
id: "thu-1"
number: "1/KH-TEST"
title: "Kế hoạch thử"
date: "2025-02-14"
province: {name: "Tỉnh thử", code: "00"}
issuer: "ubnd-tinh-thu"
agencies: []
indicators:
  - {id: "growth", name: "Tốc độ tăng trưởng GRDP", unit: "%", direction: "higher_is_better"}
  - {id: "poverty", name: "Tỷ lệ hộ nghèo", unit: "%", direction: "lower_is_better"}
targets:
  - {id: "2030-1", indicator: "growth", horizon: 2030, row: "1", text: "tăng bình quân 8%/năm"}
  - {id: "2030-2", indicator: "poverty", horizon: 2030, row: "2", text: "giảm bình quân 1%/năm"}
"""


def test_a_plan_file_reads_its_targets_with_their_indicators_names(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    plan = load_plan(path)
    growth, poverty = plan.target("2030-1"), plan.target("2030-2")
    assert growth.spec.change is None
    assert growth.spec.value == 8.0
    assert poverty.spec.change is not None
    assert poverty.spec.change.falling


def test_an_imported_row_reads_its_target_with_its_name(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from tests.exchange.office_builders import write_xlsx

    rows = [
        ["PHỤ LỤC I"],
        ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 3 tháng 4 năm 2025 của UBND tỉnh Hòa Mỹ)"],
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2024", "Mục tiêu đến năm 2030"],
        ["1", "Tốc độ tăng trưởng GRDP bình quân", "%", "7,2", "tăng bình quân 8%/năm"],
        ["2", "Tỷ lệ đô thị hóa", "%", "30", "tăng bình quân 1%/năm"],
        ["3", "Tốc độ tăng trưởng kinh tế số", "%", "15", "tăng bình quân 20%/năm; năm 2026: 18%"],
    ]
    plan, _problems = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL1", rows, [])]))
    specs = {t.id: t.spec for t in plan.targets}
    assert specs["2030-1"].change is None
    assert specs["2030-1"].value == 8.0
    assert specs["2030-2"].change is not None  # a share: 1 point a year
    assert specs["2030-3"].change is None
    assert specs["2030-3"].value == 20.0
    assert specs["2026-3"].change is None
    assert specs["2026-3"].value == 18.0
