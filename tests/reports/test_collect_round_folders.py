"""Returned files kept by round, figures typed over the last result, a year marked as an
estimate (round 171 of the attacks).

* Two rounds' folders hold files of the same names (``nhan-ve/cong-an-tinh.xlsx`` in May,
  ``nhan-ve-11/cong-an-tinh.xlsx`` in November): every cell listed and every row's provenance
  named the file by its name alone, so that a reader who followed it opened the wrong one.
  Where names are shared, the file is named with its folder.
* A figure typed in ``Kết quả kỳ trước`` beside the row's value (another year's figure) was
  neither read nor listed; it is listed, and the row's value is read.
* ``2026 (ước)`` in the year column (the year's estimate, as the May template asks) was "not a
  year", and the row's value was left out; it is the year.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import polars as pl
import pytest

import kh922core
from tests.reports.filling import fill, set_cell

AS_OF = "2025-05-20"


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _template(folder: Path, plan: kh922core.Plan, agency: str) -> Path:
    folder.mkdir(exist_ok=True)
    (path,) = kh922core.write_templates(folder / f"{agency}.xlsx", plan, [agency], as_of=AS_OF)
    return path


def test_files_of_one_name_in_two_folders_are_named_with_their_folder(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    may = fill(_template(tmp_path / "thang-5", plan, "so-khcn"), {"2030-3": "49,5"})
    other = fill(_template(tmp_path / "thang-11", plan, "so-khcn"), {"2030-1": "x"})
    found = kh922core.collect([may, other], plan=plan)
    assert found.observations["source_file"].to_list() == ["thang-5/so-khcn.xlsx"]
    (refused,) = [r for r in found.rejected if r.value == "x"]
    assert refused.file == "thang-11/so-khcn.xlsx"


def test_files_of_other_names_keep_their_names(tmp_path: Path, plan: kh922core.Plan) -> None:
    one = fill(_template(tmp_path / "a", plan, "so-khcn"), {"2030-3": "49,5"})
    two = fill(_template(tmp_path / "b", plan, "so-tai-chinh"), {"2030-1": "x"})
    found = kh922core.collect([one, two], plan=plan)
    assert found.observations["source_file"].to_list() == ["so-khcn.xlsx"]
    assert {r.file for r in found.rejected} == {"so-tai-chinh.xlsx"}


def test_a_figure_typed_over_the_last_result_is_listed(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    path = fill(_template(tmp_path / "r", plan, "so-khcn"), {"2030-3": "49,5"})
    set_cell(path, "2030-3", "last", "47")
    found = kh922core.collect([path], plan=plan)
    assert found.observations["value"].to_list() == [49.5]  # the row's value still read
    (listed,) = found.rejected
    assert listed.value == "47"
    assert "last result" in listed.reason


@pytest.mark.parametrize(
    "year",
    [
        "2025 (ước)",
        "Năm 2025 (Ước)",
        "2025 (sơ bộ)",
        "2025 (ước tính)",
        "2025 (Ước thực hiện)",
        "2025 (ƯTH)",
        "2025 ước",
        "Ước 2025",
        unicodedata.normalize("NFD", "2025 (ước)"),  # as a Mac writes it
    ],
)
def test_a_year_marked_as_an_estimate_is_the_year(
    tmp_path: Path, plan: kh922core.Plan, year: str
) -> None:
    path = fill(_template(tmp_path / "e", plan, "so-khcn"), {"2030-3": "49,5"})
    set_cell(path, "2030-3", "year", year)
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert found.observations.select("year", "value").rows() == [(2025, 49.5)]
    # the mark stays with the figure (round 173: it was dropped)
    (note,) = found.observations["note"].to_list()
    assert unicodedata.normalize("NFC", year).strip() in note


def test_a_year_planned_is_no_year(tmp_path: Path, plan: kh922core.Plan) -> None:
    path = fill(_template(tmp_path / "p", plan, "so-khcn"), {"2030-3": "49,5"})
    set_cell(path, "2030-3", "year", "2025 (dự kiến)")
    found = kh922core.collect([path], plan=plan)
    assert found.observations.filter(pl.col("value") == 49.5).is_empty()
    assert any(r.column == "year" for r in found.rejected)


def test_a_file_left_out_in_two_folders_is_named_with_its_folder(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    for folder in ("t5", "t11"):
        fill(_template(tmp_path / folder, plan, "so-khcn"), {"2030-3": "49,5"})
        (tmp_path / folder / "bao-cao.docx").write_bytes(b"not a template")
    found = kh922core.collect([tmp_path / "t5", tmp_path / "t11"], plan=plan)
    left = sorted(r.file for r in found.rejected if r.column == "file")
    assert left == ["t11/bao-cao.docx", "t5/bao-cao.docx"]


def test_a_date_typed_over_the_last_result_is_no_figure(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    import datetime

    path = fill(_template(tmp_path / "d", plan, "so-khcn"), {"2030-3": "49,5"})
    set_cell(path, "2030-3", "last", datetime.datetime(2025, 10, 31))
    found = kh922core.collect([path], plan=plan)
    assert found.clean


def test_the_report_lists_the_cells_not_read(tmp_path: Path, plan: kh922core.Plan) -> None:
    """Round 171: the report sent up said '9 ô không đọc được (xem kh922 collect)', a command
    an official does not run, and listed none of them."""
    from kh922core._reports.report_tables import sections
    from kh922core._reports.report_words import words

    path = fill(_template(tmp_path / "r", plan, "so-khcn"), {"2030-3": "49,5", "2030-1": "x"})
    found = kh922core.collect([path], plan=plan)
    (refused,) = found.rejected
    report = kh922core.build_report(plan, found, as_of=AS_OF)
    said = words("vi")
    parts = {s.key: s for s in sections(report, said)}
    unread = parts["unread"]
    assert [row[2] for row in unread.rows] == [refused.value]
    assert unread.rows[0][0] == f"{refused.file}:{refused.sheet}:{refused.row}"
    assert "kh922 collect" not in parts["sources"].note
    out = kh922core.write_report(report, tmp_path / "bao-cao.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(out)
    texts = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert said("unread") in texts
