"""Spreadsheets as officials save them, hostile or messy: every cell is read or reported.

Each test builds a real ``.xlsx`` (with openpyxl or xlsxwriter: number formats, merged cells,
formulas with and without their saved values, date cells) or a real ``.csv``, as Excel leaves
them, and reads it with :func:`read_observations`, :func:`read_reporting_template` or
:func:`read_table_text`.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from kh922core import (
    evaluate,
    load_plan,
    published_figures,
    read_observations,
    read_reporting_template,
    write_reporting_template,
)
from kh922core._tracking import read_table_text
from kh922core.errors import ObservationError

openpyxl = pytest.importorskip("openpyxl")
xlsxwriter = pytest.importorskip("xlsxwriter")


def _problems(caught: pytest.ExceptionInfo[ObservationError]) -> dict[str, str]:
    return {p.column: p.message for p in caught.value.problems}


def _sheet(path: Path, rows: list[list[Any]], formats: dict[str, str] | None = None) -> Path:
    """A workbook of ``rows`` (row 1 the header), ``formats`` by cell (``{"C2": "0%"}``)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    workbook.save(path)
    return path


def _patch(path: Path, old: bytes, new: bytes, sheet: str = "xl/worksheets/sheet1.xml") -> None:
    """Replace ``old`` by ``new`` in the first sheet's XML (or the part ``sheet``), as another
    program would write it."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    if old not in parts[sheet]:  # openpyxl writes empty elements without the space with lxml
        old = old.replace(b" />", b"/>")
    assert old in parts[sheet], parts[sheet]
    parts[sheet] = parts[sheet].replace(old, new)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _template(tmp_path: Path, name: str = "khcn.xlsx", **kwargs: Any) -> tuple[Path, Any, Any]:
    """So KHCN's template (2030-3 is tfp-contribution, ``%``, ``≥ 55``), opened for filling:
    the path, the workbook and its sheet; ``kwargs`` go to the writer."""
    path = write_reporting_template(
        tmp_path / name, load_plan(), "so-khcn", as_of="2025-06-01", year=2025, **kwargs
    )
    workbook = openpyxl.load_workbook(path)
    return path, workbook, workbook["template"]


def _cell(sheet: Any, target_id: str, column: str) -> Any:
    """The cell of ``column`` on the row of ``target_id``."""
    header = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, header.index("target_id") + 1).value == target_id:
            return sheet.cell(row, header.index(column) + 1)
    raise AssertionError(target_id)


# --------------------------------------------------------------------------- percentages


def test_a_percent_cell_in_a_template_is_the_percentage_shown(tmp_path: Path) -> None:
    """An official types 55% and Excel stores 0.55 shown with ``0%``: the value is 55 %."""
    path, workbook, sheet = _template(tmp_path)
    cell = _cell(sheet, "2030-3", "value")
    cell.value, cell.number_format = 0.55, "0%"
    share = _cell(sheet, "2030-5.1", "value")
    share.value, share.number_format = 0.805, "0.0%"
    workbook.save(path)
    observations = read_reporting_template(path)
    values = dict(zip(observations["indicator"], observations["value"], strict=True))
    assert values == {"tfp-contribution": 55.0, "online-public-service-usage": 80.5}
    result = evaluate(load_plan(), observations).filter(pl.col("target_id") == "2030-3")
    assert str(result["status"].item()) == "met"  # "≥ 55"


def test_a_percent_cell_in_observations_is_the_percentage_shown(tmp_path: Path) -> None:
    rows = [
        ["indicator", "year", "value", "unit"],
        ["tfp-contribution", 2024, 0.55, "%"],
        ["digital-economy-share", 2024, 0.125, "% GRDP"],
        ["hdi", 2024, 0.7, None],
        ["e-health-records", 2024, 0.9, None],
    ]
    formats = {"C2": "0%", "C3": "0.0%", "C5": '0" "%'}
    frame = read_observations(_sheet(tmp_path / "o.xlsx", rows, formats))
    assert frame["value"].to_list() == [55.0, 12.5, 0.7, 90.0]


def test_a_percent_typed_in_a_csv_is_the_percentage(tmp_path: Path) -> None:
    """Excel saves a percent cell in a CSV as it shows it: ``55%`` (``49,5%``)."""
    path = tmp_path / "o.csv"
    text = "indicator;year;value;unit\ntfp-contribution;2024;55%;%\nhdi;2024;49,5 %;\n"
    path.write_text(text, encoding="utf-8-sig")
    assert read_observations(path)["value"].to_list() == [55.0, 49.5]


def test_a_percent_in_a_row_of_another_unit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    text = (
        "indicator;year;value;unit\n"
        "fdi-capital;2024;6.388,3;tỷ đồng\n"
        "fdi-capital;2025;55%;tỷ đồng\n"
    )
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith("is a percentage in a row whose unit is not one")
    assert problem.message.endswith("(o.csv, row 3)")
    assert problem.values == ("55% (unit tỷ đồng)",)
    rows = [["indicator", "year", "value", "unit"], ["pii-rank", 2024, 0.28, "Thứ bậc"]]
    with pytest.raises(ObservationError, match=r"o\.xlsx, row 2"):
        read_observations(_sheet(tmp_path / "o.xlsx", rows, {"C2": "0%"}))


# ------------------------------------------------------------------------------ formulas


def test_a_formula_saved_without_its_value_is_reported(tmp_path: Path) -> None:
    """openpyxl (and other programs) write formulas without the value Excel would save."""
    path, workbook, sheet = _template(tmp_path)
    _cell(sheet, "2030-3", "value").value = "=50+5"
    _cell(sheet, "2030-2", "value").value = 28
    workbook.save(path)
    with pytest.raises(ObservationError) as caught:
        read_reporting_template(path)
    (problem,) = caught.value.problems
    row = _cell(sheet, "2030-3", "value").row
    assert problem.column == "value"
    assert problem.message.startswith("a formula saved without its value")
    assert problem.message.endswith(f"(khcn.xlsx, row {row})")
    assert problem.values == ("=50+5",)


def _formulas(path: Path) -> None:
    """A sheet of two formulas as xlsxwriter writes them: saved with the values 0 and ``""``
    (none is computed), in a workbook that asks to be recalculated when opened."""
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "year", "value", "note"])
    sheet.write_row(1, 0, ["tfp-contribution", 2024])
    sheet.write_formula(1, 2, "=50+5")
    sheet.write_formula(1, 3, '=IF(C2>60,"cao","")', None, "EMPTY")
    workbook.close()
    _patch(path, b"<v>EMPTY</v>", b"<v></v>")


def test_a_formula_with_its_saved_value_is_read(tmp_path: Path) -> None:
    """Excel saves the value of each formula beside it, a text that shows nothing too
    (``<c t="str"><f>…</f><v></v></c>``), and no request to recalculate the workbook."""
    path = tmp_path / "o.xlsx"
    _formulas(path)
    _patch(path, b"<f>50+5</f><v>0</v>", b"<f>50+5</f><v>55</v>")
    _patch(path, b' fullCalcOnLoad="1"', b"", sheet="xl/workbook.xml")
    assert read_observations(path).rows() == [("tfp-contribution", 2024, 55.0, None)]


def test_a_formula_in_a_workbook_to_be_recalculated_is_reported(tmp_path: Path) -> None:
    """xlsxwriter saves 0 for every formula: a workbook that asks to be recalculated when
    opened holds no result of Excel's, and its formulas are not read."""
    path = tmp_path / "o.xlsx"
    _formulas(path)
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    problems = {p.column: (p.message, p.values) for p in caught.value.problems}
    assert problems["value"][1] == ("=50+5",)
    assert problems["value"][0].startswith("a formula saved without its value")
    assert problems["note"][1] == ('=IF(C2>60,"cao","")',)


# ---------------------------------------------------------------------------- merged cells


def test_a_value_merged_down_is_read_on_every_row(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "year", "value"])
    sheet.append(["tfp-contribution", 2024, 47])
    sheet.append(["cashless-transactions", None, 62])
    sheet.append(["e-health-records", None, 90])
    sheet.merge_cells("B2:B4")  # one year for the three rows, as reports are often laid out
    workbook.save(path)
    assert read_observations(path)["year"].to_list() == [2024, 2024, 2024]


def test_a_value_merged_over_two_template_rows_counts_for_both(tmp_path: Path) -> None:
    """2030-4 and 2045-1 measure the same indicator; pii-rank's two rows too."""
    path, workbook, sheet = _template(tmp_path)
    first = _cell(sheet, "2030-2", "value")
    first.value = 28
    below = sheet.cell(first.row + 1, first.column)  # 2030-3, tfp-contribution
    sheet.merge_cells(f"{first.coordinate}:{below.coordinate}")
    workbook.save(path)
    observations = read_reporting_template(path)
    assert dict(zip(observations["indicator"], observations["value"], strict=True)) == {
        "dti-rank": 28.0,
        "tfp-contribution": 28.0,
    }


def test_a_value_merged_across_columns_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "year", "value", "unit"])
    sheet.append(["tfp-contribution", 2024, 47, "%"])
    sheet.append(["hdi", 2024, 0.7, None])
    sheet.merge_cells("C3:D3")
    workbook.save(path)
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    assert _problems(caught) == {
        "value": "a value merged across columns C:D: one value to a cell (o.xlsx, row 3)"
    }


# ------------------------------------------------------------------------- columns twice


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_heading_given_to_two_columns_is_refused(tmp_path: Path, kind: str) -> None:
    rows = [["indicator", "value", "year", "value"], ["hdi", 0.7, 2024, 0.8]]
    if kind == "xlsx":
        path = _sheet(tmp_path / "o.xlsx", rows)
    else:
        path = tmp_path / "o.csv"
        path.write_text("indicator;value;year; value\nhdi;0,7;2024;0,8\n", encoding="utf-8")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    assert _problems(caught) == {
        "value": f"is the heading of 2 columns of o.{kind} (B and D): keep one"
    }


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_values_in_a_column_without_a_heading_are_reported(tmp_path: Path, kind: str) -> None:
    rows = [["indicator", "year", "value", None], ["hdi", 2024, 0.7, None], ["ict", 2024, 3, 4]]
    if kind == "xlsx":
        path = _sheet(tmp_path / "o.xlsx", rows)
    else:
        path = tmp_path / "o.csv"
        path.write_text("indicator;year;value;\nhdi;2024;0,7;\nict;2024;3;4\n", encoding="utf-8")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    assert _problems(caught) == {
        "column D": f"holds values but has no heading: give it one, or clear it (o.{kind}, row 3)"
    }


# --------------------------------------------------------------------------------- dates


def test_a_date_serial_where_a_year_belongs_is_refused(tmp_path: Path) -> None:
    """45658 is 01/01/2025 as Excel stores dates: not the year 45658."""
    rows = [["indicator", "year", "value"], ["hdi", 2024, 0.7], ["ict", 45658, 3]]
    with pytest.raises(ObservationError) as caught:
        read_observations(_sheet(tmp_path / "o.xlsx", rows))
    (problem,) = caught.value.problems
    assert problem.column == "year"
    assert "is not a year" in problem.message
    assert "(o.xlsx, row 3)" in problem.message
    assert problem.values == ("45658 (= 01/01/2025 as an Excel date)",)


def test_a_date_cell_where_a_year_belongs_is_refused(tmp_path: Path) -> None:
    rows = [["indicator", "year", "value"], ["hdi", date(2025, 1, 1), 0.7]]
    with pytest.raises(ObservationError) as caught:
        read_observations(_sheet(tmp_path / "o.xlsx", rows, {"B2": "dd/mm/yyyy"}))
    (problem,) = caught.value.problems
    assert problem.values == ("2025-01-01",)
    assert "cannot be read as a year (a year is written 2025) (o.xlsx, row 2)" in problem.message


def test_date_formatted_cells_are_read_as_dates(tmp_path: Path) -> None:
    """A date as a Vietnamese Excel shows it (``15/06/2025``), a date and time, a serial in a
    date format: each read as the date it shows."""
    path = tmp_path / "xong.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    day = workbook.add_format({"num_format": "dd/mm/yyyy"})
    locale = workbook.add_format({"num_format": "[$-42A]dd/mm/yyyy;@"})
    sheet.write_row(0, 0, ["task_id", "completed_on"])
    sheet.write_string(1, 0, "task-07")
    sheet.write_datetime(1, 1, date(2025, 6, 15), day)
    sheet.write_string(2, 0, "task-12")
    sheet.write_number(2, 1, 45658, locale)
    workbook.close()
    assert read_table_text(path).rows() == [("task-07", "2025-06-15"), ("task-12", "2025-01-01")]


# ------------------------------------------------------------- numbers with one dot


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("tfp-contribution;2024;12.500;%", "percentage row"),
        ("digital-economy-share;2024;12.500%;", "typed as a percentage"),
    ],
)
def test_a_dot_before_three_digits_is_reported_where_it_may_be_a_decimal(
    tmp_path: Path, row: str, why: str
) -> None:
    path = tmp_path / "o.csv"
    path.write_text(f"indicator;year;value;unit\n{row}\n", encoding="utf-8")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert "may be a decimal written with a dot" in problem.message, why
    assert "(o.csv, row 2)" in problem.message


def test_a_dot_before_three_digits_beside_small_values_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    text = (
        "indicator;year;value;unit\n"
        "hdi;2023;0,7;\n"
        "hdi;2024;1.250;\n"  # beside 0,7: 1,25 written with a dot?
        "fdi-capital;2023;6.388,3;tỷ đồng\n"
        "fdi-capital;2024;12.500;tỷ đồng\n"  # beside 6.388,3: twelve thousand five hundred
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert "(o.csv, row 3)" in problem.message
    assert problem.values == ("1.250",)
    path.write_text(text.replace("hdi;2024;1.250;\n", ""), encoding="utf-8")
    assert read_observations(path)["value"].to_list() == [0.7, 6388.3, 12500.0]


def test_a_template_value_with_one_dot_beside_a_small_last_value(tmp_path: Path) -> None:
    observations = published_figures()
    path = write_reporting_template(
        tmp_path / "t.csv", load_plan(), "so-khcn", as_of="2025-06-01", observations=observations
    )
    table = read_table_text(path).with_columns(
        pl.when(pl.col("target_id") == "2030-1").then(pl.lit("28.500")).alias("value")
    )  # last value 28: 28,5 written with a dot, not 28500
    path.write_bytes(table.write_csv(separator=";").encode("utf-8-sig"))
    with pytest.raises(ObservationError) as caught:
        read_reporting_template(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith("may be a decimal written with a dot")
    assert problem.message.endswith("(t.csv, row 2)")


# ---------------------------------------------------------------------------- sheet rows


def test_rows_are_numbered_as_the_sheet_shows_them(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "year", "value"])
    sheet.append(["hdi", 2024, 0.7])
    sheet["A6"], sheet["B6"], sheet["C6"] = "ict", 2024, "nhiều"  # after three empty rows
    workbook.save(tmp_path / "o.xlsx")
    with pytest.raises(ObservationError, match=r"o\.xlsx, row 6\)"):
        read_observations(tmp_path / "o.xlsx")


def test_a_sheet_whose_recorded_size_is_wrong_is_read_whole(tmp_path: Path) -> None:
    """Some programs record the size of a sheet wrongly (``A1``): every row is read still."""
    path = _sheet(tmp_path / "o.xlsx", [["indicator", "value"], ["hdi", 0.7], ["ict", 3]])
    _patch(path, b'<dimension ref="A1:B3" />', b'<dimension ref="A1" />')
    assert read_observations(path).rows() == [("hdi", 0.7), ("ict", 3.0)]


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    """A cell of two lines is one row; a line or paragraph separator inside a cell is text."""
    path = tmp_path / "o.csv"
    text = (
        "indicator;year;value;note\n"
        'hdi;2024;0,7;"hai\ndòng"\n'  # row 2
        "ict;2024;3;một\u2028dòng\x0bkhác\n"  # row 3
        "pii-rank;2024;nhiều;\n"  # row 4
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert "(o.csv, row 4)" in problem.message
    assert read_table_text(path)["note"].to_list()[:2] == ["hai\ndòng", "một\u2028dòng\x0bkhác"]


def test_a_csv_cell_beyond_the_last_heading_is_reported(tmp_path: Path) -> None:
    """A row with more cells than the header: empty ones (a trailing ``;``) are nothing; a
    value is reported with its row, not taken for a file that is no table."""
    path = tmp_path / "o.csv"
    path.write_text("indicator;value\nhdi;0,7;;\nict;3\n", encoding="utf-8")
    assert read_observations(path).rows() == [("hdi", 0.7), ("ict", 3.0)]
    path.write_text("indicator;value\nhdi;0,7\nict;3;4\n", encoding="utf-8")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert (problem.column, problem.values) == ("column C", ("4",))
    assert problem.message.endswith("(o.csv, row 3)")


def test_the_first_visible_sheet_is_read_not_a_hidden_one(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "Cu"
    old.append(["indicator", "year", "value"])
    old.append(["hdi", 2024, 0.5])
    old.sheet_state = "hidden"
    new = workbook.create_sheet("Moi")
    new.append(["indicator", "year", "value"])
    new.append(["hdi", 2024, 0.7])
    workbook.active = 1
    workbook.save(path)
    assert read_observations(path)["value"].to_list() == [0.7]


def test_excels_sep_line_names_the_separator(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("sep=;\nindicator;year;value\nhdi;2024;0,7\n", encoding="utf-8")
    assert read_observations(path).select("indicator", "value").rows() == [("hdi", 0.7)]


def test_a_date_shown_as_its_year_is_that_year(tmp_path: Path) -> None:
    from datetime import datetime

    path = _sheet(
        tmp_path / "o.xlsx",
        [["indicator", "year", "value"], ["hdi", datetime(2025, 1, 1), 0.7]],
        {"B2": "yyyy"},
    )
    assert read_observations(path).select("year", "value").rows() == [(2025, 0.7)]
