"""Templates returned with their columns or cells out of place (round 120): headings and figures
swapped over the hidden keys, a value typed in the year column, an ``x`` for an assessment.
Each is listed by its cell, never read as another column's figure."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

import kh922core

from .filling import keys, target_rows


@pytest.fixture
def template(tmp_path: Path) -> Path:
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2026-05-15")
    return path


def test_headings_swapped_over_the_hidden_keys_read_nothing(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    row0, columns = keys(sheet)
    year, value = columns["year"], columns["value"]
    for row in range(row0 - 1, sheet.max_row + 1):  # the headings and the figures, not the keys
        if row == row0:
            continue
        a, b = sheet.cell(row, year).value, sheet.cell(row, value).value
        sheet.cell(row, year, b)
        sheet.cell(row, value, a)
    sheet.cell(target_rows(sheet)["2030-3"], year, "48,5")  # typed under "Giá trị thực hiện"
    book.save(template)
    found = kh922core.collect([template])
    assert found.observations.is_empty()  # the year 2026 was read as the value of 9 targets
    listed = sorted(r.value for r in found.rejected if r.column == "heading")
    assert listed == ["Giá trị thực hiện (ước cả năm 2026)", "Năm"]  # the half year's template
    assert all("hidden key" in r.reason for r in found.rejected if r.column == "heading")


def test_headings_in_place_are_no_finding(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    sheet.cell(target_rows(sheet)["2030-3"], keys(sheet)[1]["value"], "48,5")
    book.save(template)
    found = kh922core.collect([template])
    assert found.clean
    assert found.observations["value"].to_list() == [48.5]


@pytest.mark.parametrize(("typed", "listed"), [("85,5", True), ("2026", False)])
def test_a_number_typed_in_the_year_column_is_listed(
    template: Path, typed: str, listed: bool
) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    sheet.cell(target_rows(sheet)["2030-3"], keys(sheet)[1]["year"], typed)
    book.save(template)
    found = kh922core.collect([template])
    cells = [(r.column, r.value) for r in found.rejected if r.column == "year"]
    assert cells == ([("year", typed)] if listed else [])
    if listed:
        assert "is a number in the year column" in found.rejected[0].reason


@pytest.mark.parametrize(("said", "read"), [("x", None), ("Đạt", True), ("Không đạt", False)])
def test_an_x_in_the_assessment_is_no_dat(template: Path, said: str, read: bool | None) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    rows, columns = target_rows(sheet), keys(sheet)[1]
    sheet.cell(rows["2030-15"], columns["assessment"], said)  # "Tiên tiến, hiện đại": in words
    book.save(template)
    found = kh922core.collect([template])
    flags = found.observations["assessment"].to_list()
    assert flags == ([] if read is None else [read])
    assert [r.value for r in found.rejected] == (["x"] if read is None else [])


def test_a_bad_cell_beside_a_value_says_the_value_is_left_out(template: Path) -> None:
    """An ``x`` beside 48,5 left the row out, and only the ``x`` was named (round 125)."""
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    rows, columns = target_rows(sheet), keys(sheet)[1]
    sheet.cell(rows["2030-3"], columns["value"], "48,5")
    sheet.cell(rows["2030-3"], columns["assessment"], "x")
    sheet.cell(rows["2030-15"], columns["assessment"], "x")  # no value beside it: nothing lost
    book.save(template)
    found = kh922core.collect([template])
    assert found.observations.is_empty()
    reasons = {r.row: r.reason for r in found.rejected}
    assert reasons[rows["2030-3"]].endswith(
        "the value of the row, 48,5, is left out until it is corrected"
    )
    assert "left out" not in reasons[rows["2030-15"]]


def test_rows_moved_by_commas_are_refused_even_when_many(tmp_path: Path) -> None:
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(
        tmp_path / "t.csv", plan, ["so-khcn"], as_of="2026-05-15", file_format="csv"
    )
    text = path.read_text(encoding="utf-8-sig")
    rows = list(
        csv.reader(io.StringIO(text), delimiter=";" if ";" in text.splitlines()[-1] else ",")
    )
    # saved by a tool that writes no quotes: "Xếp hạng ở nhóm 30 tỉnh, thành" splits in two
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    found = kh922core.collect([path])
    moved = [r for r in found.rejected if "where the header has" in r.reason]
    split = [row for row in rows if any("," in cell for cell in row) and not row[0].startswith("#")]
    assert split  # the rank rows and the target in words ("Tiên tiến, hiện đại")
    assert len(moved) == len(split)
    assert "digital-infrastructure" not in found.observations["indicator"].to_list()
