"""The two templates of one year: the first half's (May) and the whole year's (November).

A half-year template in the year's report was counted as the year's report, with no note; a
folder holding both of an agency's returns made every figure that changed a conflict, and both
values were lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest

import kh922core
from kh922core._reports.report_tables import sections
from kh922core._reports.report_words import words

from .filling import fill, keys, target_rows


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _returns(folder: Path, plan: kh922core.Plan) -> tuple[Path, Path]:
    (half,) = kh922core.write_templates(
        folder / "khcn-6-thang.xlsx", plan, ["so-khcn"], as_of="2025-05-20"
    )
    (year,) = kh922core.write_templates(
        folder / "khcn-ca-nam.xlsx", plan, ["so-khcn"], as_of="2025-11-01"
    )
    fill(half, {"2030-3": 30, "2030-1": 25})
    fill(year, {"2030-3": 60, "2030-1": 25})
    return half, year


def test_the_years_template_supersedes_the_half_years_of_the_same_agency(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    half, year = _returns(tmp_path, plan)
    found = kh922core.collect([tmp_path], plan=plan)
    assert found.conflicts.is_empty()
    rows = found.observations.select("indicator", "value", "source_file").sort("indicator")
    # the same figure in both is read once, from the year's template (it was the half's)
    assert rows.rows() == [("pii-rank", 25.0, year.name), ("tfp-contribution", 60.0, year.name)]
    (replaced,) = found.rejected
    assert (replaced.file, replaced.value) == (half.name, "30")
    assert "superseded" in replaced.reason
    assert year.name in replaced.reason
    assert found.sources.select("period").to_series().to_list() == ["half", "year"]


def test_two_agencies_still_conflict_whatever_their_periods(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (half,) = kh922core.write_templates(tmp_path / "a.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    (year,) = kh922core.write_templates(
        tmp_path / "b.xlsx", plan, ["cuc-thong-ke"], as_of="2025-11-01"
    )
    fill(half, {"2030-3": 30})
    fill(year, {"2030-3": 60})
    found = kh922core.collect([tmp_path], plan=plan)
    assert sorted(found.conflicts["value"].to_list()) == [30.0, 60.0]
    assert found.observations.is_empty()


def test_a_half_year_template_in_the_years_report_is_named_and_no_report_of_it(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (half,) = kh922core.write_templates(
        tmp_path / "khcn-6-thang.xlsx", plan, ["so-khcn"], as_of="2025-05-20"
    )
    fill(half, {"2030-3": 30})
    found = kh922core.collect([half], plan=plan)
    report = kh922core.build_report(plan, found, as_of=date(2025, 11, 10))
    assert report.period.kind == "year"
    assert "so-khcn" in report.not_reported
    (listed,) = [s for s in sections(report, words("vi")) if s.key == "sources"]
    assert "không phải của kỳ năm 2025: khcn-6-thang.xlsx" in listed.note
    in_may = kh922core.build_report(plan, found, as_of=date(2025, 5, 25))
    assert "so-khcn" not in in_may.not_reported  # the half year's own report
    (listed,) = [s for s in sections(in_may, words("vi")) if s.key == "sources"]
    assert "khcn-6-thang.xlsx" not in listed.note


def test_two_returns_of_one_name_in_two_folders_count_as_the_years_report(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # kh922 template names both so-khcn.xlsx: the year's file was taken for May's, and the
    # agency was "not reported"
    (tmp_path / "thang5").mkdir()
    (tmp_path / "thang11").mkdir()
    (half,) = kh922core.write_templates(
        tmp_path / "thang5" / "so-khcn.xlsx", plan, ["so-khcn"], as_of="2025-05-20"
    )
    (year,) = kh922core.write_templates(
        tmp_path / "thang11" / "so-khcn.xlsx", plan, ["so-khcn"], as_of="2025-11-01"
    )
    fill(half, {"2030-3": 30})
    fill(year, {"2030-3": 60})
    found = kh922core.collect([half, year], plan=plan)
    assert found.observations["value"].to_list() == [60.0]
    report = kh922core.build_report(plan, found, as_of=date(2025, 11, 10))
    assert "so-khcn" not in report.not_reported
    (listed,) = [s for s in sections(report, words("vi")) if s.key == "sources"]
    assert "kỳ khác trong năm" not in listed.note


def test_this_years_half_template_supersedes_last_years_for_a_year_it_gives(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (last,) = kh922core.write_templates(
        tmp_path / "khcn-2025.xlsx", plan, ["so-khcn"], as_of="2025-11-01"
    )
    (now,) = kh922core.write_templates(
        tmp_path / "khcn-2026.xlsx", plan, ["so-khcn"], as_of="2026-05-15"
    )
    fill(last, {"2030-3": 50})  # November 2025: the estimate of 2025
    book = openpyxl.load_workbook(now)
    sheet = book.worksheets[0]
    row, columns = target_rows(sheet)["2030-3"], keys(sheet)[1]
    sheet.cell(row, columns["year"], 2025)  # May 2026: the final figure of 2025
    sheet.cell(row, columns["value"], 52)
    book.save(now)
    found = kh922core.collect([tmp_path], plan=plan)
    assert found.conflicts.is_empty()
    assert found.observations.select("year", "value", "source_file").rows() == [
        (2025, 52.0, now.name)
    ]
    (replaced,) = found.rejected
    assert (replaced.file, replaced.value) == (last.name, "50")
    assert "superseded by the same agency's later template" in replaced.reason


def test_the_half_years_template_asks_for_the_years_estimate(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # May's figure of a flow (revenue, new enterprises) is not the year's, and was judged
    # against the year's target; the template now asks for the estimate of the whole year,
    # which November's template replaces, and the half year's report says so
    (half,) = kh922core.write_templates(tmp_path / "h.xlsx", plan, ["so-khcn"], as_of="2026-05-10")
    (year,) = kh922core.write_templates(tmp_path / "y.xlsx", plan, ["so-khcn"], as_of="2026-11-01")
    headings = {}
    for name, path in (("half", half), ("year", year)):
        sheet = openpyxl.load_workbook(path).worksheets[0]
        row, columns = keys(sheet)
        title = " ".join(
            str(c.value) for r in sheet.iter_rows(max_row=row - 2) for c in r if c.value
        )
        headings[name] = (
            sheet.cell(row - 1, columns["value"]).value,
            "ước thực hiện cả năm" in title,
        )
    assert headings == {
        "half": ("Giá trị thực hiện (ước cả năm 2026)", True),
        "year": ("Giá trị thực hiện", False),
    }
    fill(half, {"2030-3": 30})
    found = kh922core.collect([half], plan=plan)
    assert found.observations.select("indicator", "value", "year").rows() == [
        ("tfp-contribution", 30.0, 2026)
    ]
    in_may = kh922core.build_report(plan, found, as_of=date(2026, 5, 25))
    (listed,) = [s for s in sections(in_may, words("vi")) if s.key == "sources"]
    assert "số ước thực hiện cả năm 2026" in listed.note
    in_november = kh922core.build_report(plan, found, as_of=date(2026, 11, 10))
    (listed,) = [s for s in sections(in_november, words("vi")) if s.key == "sources"]
    assert "số ước thực hiện cả năm" not in listed.note


def test_a_csv_half_years_template_reads_back_by_its_headings(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "h.csv", plan, ["so-y-te"], as_of="2026-05-10")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Mã chỉ tiêu"))
    assert "Giá trị thực hiện (ước cả năm 2026)" in lines[header]
    rows = [line.split(",") for line in lines[header:]]
    rows[1][8] = "72"
    path.write_text("\n".join(lines[:header] + [",".join(r) for r in rows]) + "\n", "utf-8")
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value", "year").rows() == [
        ("e-health-records", 72.0, 2026)
    ]


def _half_and_year(folder: Path, plan: kh922core.Plan) -> tuple[Path, Path]:
    """Sở KH&CN's half-year template of 2025 (filled: 30 on 2030-3, 25 on 2030-1) and its
    year's template (empty)."""
    (half,) = kh922core.write_templates(
        folder / "khcn-6-thang.xlsx", plan, ["so-khcn"], as_of="2025-05-20"
    )
    (year,) = kh922core.write_templates(
        folder / "khcn-ca-nam.xlsx", plan, ["so-khcn"], as_of="2025-11-01"
    )
    fill(half, {"2030-3": 30, "2030-1": 25})
    return half, year


def test_a_later_templates_refused_figure_supersedes_the_earlier_one(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 165: the year's figure refused (listed), the half-year's estimate was read in its
    # place without a word, and the target judged on it
    half, year = _half_and_year(tmp_path, plan)
    fill(year, {"2030-3": 40000, "2030-1": 25})
    found = kh922core.collect([tmp_path], plan=plan)
    assert found.observations.filter(pl.col("indicator") == "tfp-contribution").is_empty()
    reasons = {(r.file, r.value): r.reason for r in found.rejected}
    assert "is more than" in reasons[(year.name, "40.000")]
    assert "gives this row a figure that is not read" in reasons[(half.name, "30")]
    assert year.name in reasons[(half.name, "30")]


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("khoảng 40", "gives this row a figure that is not read"),
        ("x", "gives this row a figure that is not read"),
        ("-", "gives this row a figure that is not read"),
        # an assessment alone of a numeric target, left out as listed (round 165; round 169:
        # it was said to supersede as "the later figure is read", though nothing was)
        ("Đạt", "gives this row a figure that is not read"),
    ],
)
def test_a_later_templates_unreadable_cell_supersedes_the_earlier_figure(
    tmp_path: Path, plan: kh922core.Plan, written: str, listed: str
) -> None:
    # round 167: only figures refused after reading (a unit, a fraction, a size) superseded the
    # half-year's; a cell not read as a number at all ("khoảng 40", "x", "-", an assessment of a
    # numeric target) let the half-year's estimate through as the year's figure, unlisted
    half, year = _half_and_year(tmp_path, plan)
    fill(year, {"2030-3": written, "2030-1": 25})
    found = kh922core.collect([tmp_path], plan=plan)
    assert found.observations.filter(pl.col("indicator") == "tfp-contribution").is_empty()
    by_file = {(r.file, r.value): r.reason for r in found.rejected}
    assert listed in by_file[(half.name, "30")]
    assert year.name in by_file[(half.name, "30")]
    # the figure both give alike is read once, from the year's template
    read = found.observations.filter(pl.col("indicator") == "pii-rank")
    assert read.select("value", "source_file").rows() == [(25.0, year.name)]


def test_a_later_templates_empty_row_keeps_the_earlier_figure(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    half, year = _half_and_year(tmp_path, plan)
    fill(year, {"2030-1": 25})  # nothing written on 2030-3: no later figure to read or refuse
    found = kh922core.collect([tmp_path], plan=plan)
    read = found.observations.filter(pl.col("indicator") == "tfp-contribution")
    assert read.select("value", "source_file").rows() == [(30.0, half.name)]


def test_a_later_template_of_another_period_supersedes_the_earlier_figures(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 169: the year's template whose heading was retyped "Thực hiện 9 tháng" has every
    # row listed; the half-year's estimates were then read as the year's figures, unlisted
    half, year = _half_and_year(tmp_path, plan)
    fill(year, {"2030-3": 45, "2030-1": 20})
    book = openpyxl.load_workbook(year)
    sheet = book.worksheets[0]
    row0, columns = keys(sheet)
    sheet.cell(row0 - 1, columns["value"], "Thực hiện 9 tháng năm 2025")
    book.save(year)
    found = kh922core.collect([tmp_path], plan=plan)
    assert found.observations.is_empty()
    by_file = {(r.file, r.value): r.reason for r in found.rejected}
    assert "part of the year" in by_file[(year.name, "45")]
    assert "gives this row a figure that is not read" in by_file[(half.name, "30")]


def test_a_mark_of_nothing_beside_an_empty_row_keeps_the_earlier_figure(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 169: "-" on the 2045 row of the PII rank, its 2030 row left empty, dropped the
    # half-year's figure of the rank
    half, year = _half_and_year(tmp_path, plan)
    fill(year, {"2045-2": "-"})
    found = kh922core.collect([tmp_path], plan=plan)
    read = found.observations.filter(pl.col("indicator") == "pii-rank")
    assert read.select("value", "source_file").rows() == [(25.0, half.name)]


def test_a_later_row_of_another_year_withholds_that_years_figure_only(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 169: a row of 2024 added to the year's template, holding "khoảng 40", dropped the
    # half-year's figure of 2025 (the template's year was taken for the row's)
    half, year = _half_and_year(tmp_path, plan)
    book = openpyxl.load_workbook(year)
    sheet = book.worksheets[0]
    _, columns = keys(sheet)
    source = target_rows(sheet)["2030-3"]
    extra = sheet.max_row + 1
    for column in range(1, sheet.max_column + 1):
        sheet.cell(extra, column, sheet.cell(source, column).value)
    sheet.cell(extra, columns["year"], 2024)
    sheet.cell(extra, columns["value"], "khoảng 40")
    book.save(year)
    found = kh922core.collect([tmp_path], plan=plan)
    read = found.observations.filter(pl.col("indicator") == "tfp-contribution")
    assert read.select("year", "value", "source_file").rows() == [(2025, 30.0, half.name)]
