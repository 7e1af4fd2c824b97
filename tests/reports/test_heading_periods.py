"""A value heading or a note that names another period than the row's year (round 167).

An official who retyped the heading of the value column (``Giá trị thực hiện năm 2025``,
``Thực hiện 6 tháng đầu năm 2026``) or noted a row (``Số liệu năm 2025``) gave figures of
another year, or of half of it: they were read as the row's year (2026), and judged so, with
nothing listed.  Each such row is now listed, naming both, and read nowhere.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest

import kh922core

from .filling import fill, keys, target_rows


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _filled(folder: Path, plan: kh922core.Plan, notes: dict[str, str] | None = None) -> Path:
    (path,) = kh922core.write_templates(folder / "khcn.xlsx", plan, ["so-khcn"], as_of="2026-05-20")
    return fill(path, {"2030-3": "49,5", "2030-21": "72"}, notes=notes)


def _set(path: Path, heading: str | None = None, year: object = None) -> None:
    """Retype the value column's heading, and (``year``) the year of the 2030-3 row."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    row0, columns = keys(sheet)
    if heading is not None:
        sheet.cell(row0 - 1, columns["value"], heading)
    if year is not None:
        sheet.cell(target_rows(sheet)["2030-3"], columns["year"], year)
    book.save(path)


@pytest.mark.parametrize(
    ("heading", "said"),
    [
        ("Giá trị thực hiện năm 2025", "names 2025, the row's year is 2026"),
        ("Thực hiện 6 tháng đầu năm 2026", "part of the year ('6 tháng đầu năm')"),
        ("Giá trị thực hiện quý II/2026", "part of the year ('quý II')"),
    ],
)
def test_a_heading_of_another_period_is_listed(
    tmp_path: Path, plan: kh922core.Plan, heading: str, said: str
) -> None:
    path = _filled(tmp_path, plan)
    _set(path, heading)
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty()
    assert sorted(r.value for r in found.rejected if said in r.reason) == ["49,5", "72"]


@pytest.mark.parametrize(
    "heading",
    [
        "Giá trị thực hiện",
        "Giá trị thực hiện (ước cả năm 2026)",  # the template's own
        "Giá trị thực hiện năm 2026",
        "Ước thực hiện cả năm 2026",
        "Ước thực hiện 12 tháng năm 2026",  # round 169: twelve months are the whole year
        "Thực hiện 12 tháng năm 2026",
    ],
)
def test_a_heading_of_the_templates_year_is_read(
    tmp_path: Path, plan: kh922core.Plan, heading: str
) -> None:
    path = _filled(tmp_path, plan)
    _set(path, heading)
    found = kh922core.collect([path], plan=plan)
    assert sorted(found.observations["value"].to_list()) == [49.5, 72.0]


def test_the_row_of_the_headings_year_is_read(tmp_path: Path, plan: kh922core.Plan) -> None:
    # the heading says 2025, and so does the row's Năm: a figure of 2025
    path = _filled(tmp_path, plan)
    _set(path, "Giá trị thực hiện năm 2025", year=2025)
    found = kh922core.collect([path], plan=plan)
    read = found.observations.select("year", "value").rows()
    assert read == [(2025, 49.5)]


def test_last_years_final_figure_under_the_templates_heading_is_read(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # the May template asks for this year's estimate; a row of 2025 gives last year's figure
    path = _filled(tmp_path, plan)
    _set(path, year=2025)
    found = kh922core.collect([path], plan=plan)
    assert sorted(found.observations.select("year", "value").rows()) == [(2025, 49.5), (2026, 72.0)]


@pytest.mark.parametrize(
    ("note", "listed"),
    [
        ("Số liệu năm 2025", True),
        ("Năm 2025", True),
        ("Ước 6 tháng đầu năm", True),
        ("số 6 tháng đầu năm", True),
        ("Số xã tăng 5", False),
        ("Tăng 5% so với năm 2025", False),  # a year in passing
        ("Theo Quyết định 123/QĐ-UBND ngày 5/3/2025", False),
        ("Số liệu năm 2026", False),
        ("Ước cả năm 2026", False),
        # round 169: a note that gives the row's own year too, or tells of a schedule or cause
        ("6 tháng đầu năm đạt 40, ước năm 2026 đạt 49,5", False),
        ("Số liệu 12 tháng năm 2026", False),
        ("Quý IV/2026 hoàn thành, đưa vào vận hành", False),
        ("6 tháng cuối năm tăng do mở rộng", False),
        ("Năm 2025 đã phủ sóng 70%", False),
    ],
)
def test_a_note_that_opens_with_another_period_is_listed(
    tmp_path: Path, plan: kh922core.Plan, note: str, listed: bool
) -> None:
    path = _filled(tmp_path, plan, notes={"2030-3": note})
    found = kh922core.collect([path], plan=plan)
    values = found.observations.filter(pl.col("indicator") == "tfp-contribution")["value"]
    assert values.is_empty() is listed
    assert any("its note" in r.reason for r in found.rejected) is listed


@pytest.mark.parametrize(
    ("heading", "listed"),
    [("Value (first half of 2026)", True), ("Value Q2 2026", True), ("Value (2026)", False)],
)
def test_an_english_heading_of_part_of_the_year_is_listed(
    tmp_path: Path, plan: kh922core.Plan, heading: str, listed: bool
) -> None:
    (path,) = kh922core.write_templates(
        tmp_path / "khcn.xlsx", plan, ["so-khcn"], as_of="2026-05-20", lang="en"
    )
    fill(path, {"2030-3": "49,5"})
    _set(path, heading)
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty() is listed
