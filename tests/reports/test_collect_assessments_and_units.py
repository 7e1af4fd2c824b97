"""An agency's assessment that its own value contradicts is listed, never silently overruled
(``Không đạt`` beside 60 for ``≥ 55`` became ``Đạt`` in the report, with nothing said)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest

import kh922core

from .filling import keys, target_rows


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _filled(path: Path, cells: dict[str, tuple[object, str]]) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    rows = target_rows(sheet)
    for target, (value, said) in cells.items():
        sheet.cell(rows[target], columns["value"], value)
        sheet.cell(rows[target], columns["assessment"], said)
    book.save(path)
    return path


def test_an_assessment_the_value_contradicts_is_listed_and_the_value_judged(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    # 2030-3: ≥ 55; 2030-1: a rank, nhóm 30 (lower is better)
    _filled(path, {"2030-3": (60, "Không đạt"), "2030-1": (40, "Đạt")})
    found = kh922core.collect([path], plan=plan)
    assert sorted(found.observations["value"].to_list()) == [40.0, 60.0]  # still read
    listed = sorted(found.rejected, key=lambda r: r.row or 0)
    assert [(r.column, r.value) for r in listed] == [
        ("assessment", "đạt"),
        ("assessment", "không đạt"),
    ]
    rank = plan.target("2030-1").text  # "Xếp hạng ở nhóm 30 tỉnh, thành"
    assert f"says Đạt, but the value 40 does not meet the target {rank!r} (2030-1)" in (
        listed[0].reason
    )
    assert "says Không đạt, but the value 60 meets the target '≥ 55' (2030-3)" in listed[1].reason


def test_an_assessment_that_agrees_is_no_finding(tmp_path: Path, plan: kh922core.Plan) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-3": ("49,5", "Không đạt"), "2030-1": (12, "Đạt")})
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert sorted(found.observations["value"].to_list()) == [12.0, 49.5]


def test_a_unit_shortened_is_refused_naming_the_indicators_unit(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    row = target_rows(sheet)["2030-4"]  # Quy mô kinh tế số, in % GRDP
    sheet.cell(row, columns["value"], 26)
    sheet.cell(row, columns["unit"], "%")
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    (refused,) = found.rejected
    assert (refused.row, refused.column, refused.value) == (row, "unit", "%")
    assert refused.reason.startswith("is not the indicator's unit (% GRDP)")
    assert "write the value in % GRDP" in refused.reason


def test_a_decimal_comma_that_moved_a_number_into_the_assessment_says_so(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # Excel left out the empty note, so the row kept the header's width: "is not Đạt" said
    # nothing of the comma
    (path,) = kh922core.write_templates(tmp_path / "t.csv", plan, ["so-y-te"], as_of="2025-11-01")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("e-health-records,"))
    cells = lines[row].split(",")
    cells[8:] = ["90", "5", ""]  # 90,5 typed, written without quotes
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty()
    (refused,) = found.rejected
    assert (refused.column, refused.value) == ("assessment", "5")
    assert "a decimal comma without quotes splits the value" in refused.reason


def test_a_row_of_another_unit_does_not_hide_the_others_contradiction(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # a unit that does not convert made the whole file's check return nothing
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-3": (60, "Không đạt"), "2030-4": (26, "Đạt")})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.cell(target_rows(sheet)["2030-4"], keys(sheet)[1]["unit"], "người")
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    reasons = sorted(r.reason.split(":")[0] for r in found.rejected)
    assert any(r.startswith("says Không đạt, but the value 60 meets") for r in reasons)
    assert any(r.startswith("is not the indicator's unit") for r in reasons)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (60, "Hoàn thành"),
        (60, "Vượt"),
        (60, "Dat"),
        (60, " ĐẠT "),
        (60, unicodedata.normalize("NFD", "Đạt")),  # a Mac's letters and marks apart
        ("49,5", "Khong dat"),
        ("49,5", "Chưa hoàn thành"),
    ],
)
def test_an_assessment_in_other_words_is_read(
    tmp_path: Path, plan: kh922core.Plan, value: object, said: str
) -> None:
    # round 153: these were refused as "not Đạt or Không đạt", and the row's figure with them
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-3": (value, said)})  # ≥ 55
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert found.observations["value"].to_list() == [60.0 if value == 60 else 49.5]


def test_an_assessment_of_a_degree_is_refused(tmp_path: Path, plan: kh922core.Plan) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-3": (60, "Cơ bản đạt")})
    (refused,) = kh922core.collect([path], plan=plan).rejected
    assert refused.reason.startswith("is not Đạt or Không đạt")


@pytest.mark.parametrize(
    ("typed", "read"), [("Năm 2026", True), ("năm  2026", True), ("2.026", False)]
)
def test_a_year_typed_with_its_word_is_read(
    tmp_path: Path, plan: kh922core.Plan, typed: str, read: bool
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2026-11-01")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    row = target_rows(sheet)["2030-3"]
    sheet.cell(row, columns["value"], 60)
    sheet.cell(row, columns["year"], typed)
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    assert found.observations["year"].to_list() == ([2026] if read else [])
    assert [r.reason.startswith("is not a year") for r in found.rejected] == (
        [] if read else [True]
    )


def test_a_hidden_row_of_a_filled_template_is_listed_not_read(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 153: a row the agency hid (or filtered out) was read, unseen on the printed sheet
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns, rows = keys(sheet)[1], target_rows(sheet)
    sheet.cell(rows["2030-3"], columns["value"], 60)
    sheet.cell(rows["2030-1"], columns["value"], 12)
    sheet.row_dimensions[rows["2030-3"]].hidden = True
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    assert found.observations["value"].to_list() == [12.0]
    (refused,) = found.rejected
    assert (refused.row, refused.column) == (rows["2030-3"], "row")
    assert refused.reason.startswith("the row is hidden (filtered out?)")


def test_the_templates_own_hidden_key_row_is_no_hidden_row(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    assert any(d.hidden for d in openpyxl.load_workbook(path).worksheets[0].row_dimensions.values())
    _filled(path, {"2030-3": (60, "Đạt")})
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert found.observations["value"].to_list() == [60.0]


def test_an_assessment_alone_of_a_numeric_target_is_listed_and_not_kept(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 165: listed as not used, it was still a row of the observations (and the agency
    # counted as having reported a figure)
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-3": (None, "Đạt")})
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty()
    (listed,) = found.rejected
    assert (listed.column, listed.value) == ("assessment", "đạt")
    assert "an assessment with no value" in listed.reason
    assert found.sources["n_values"].to_list() == [0]


@pytest.mark.parametrize(("value", "said", "read"), [(85, None, False), (85, "Đạt", True)])
def test_a_number_alone_for_a_target_in_words_is_listed(
    tmp_path: Path, plan: kh922core.Plan, value: object, said: str | None, read: bool
) -> None:
    # round 167: 85 typed on the row of "Tiên tiến, hiện đại" (2030-15, a target in words) was
    # read and judged by nothing, with nothing listed
    # Sở Khoa học và Công nghệ carries it since Sở Thông tin và Truyền thông merged into it
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-15": (value, said)})  # type: ignore[dict-item]
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty() is not read
    if not read:
        (listed,) = found.rejected
        assert (listed.column, listed.value) == ("value", "85")
        assert "a number with no assessment, for an indicator whose targets are in words" in (
            listed.reason
        )
