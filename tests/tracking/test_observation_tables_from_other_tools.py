"""Observation tables as other programs save them (a red-team round): a decimal comma that moves
a row's cells, a cell that starts with ``#``, a workbook with a sheet a year, and the checks
:func:`kh922core.collect` makes before it casts a table read as it is (Parquet)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core import read_observations
from kh922core.errors import Kh922Error, ObservationError

openpyxl = pytest.importorskip("openpyxl")


def test_an_unquoted_decimal_comma_in_a_comma_separated_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator,year,value,note\nonline-payment,2024,85,5,\nhdi,2024,0,75,\n", encoding="utf-8"
    )
    for read in (read_observations, lambda p: kh922core.collect([p])):
        with pytest.raises(ObservationError) as caught:
            read(path)
        (problem,) = caught.value.problems
        assert "decimal comma" in problem.message
        assert problem.message.endswith("(o.csv, rows 2, 3)")
    path.write_text("indicator;value\nhdi;0,7;;\n", encoding="utf-8")  # a trailing ";": nothing
    assert read_observations(path).rows() == [("hdi", 0.7)]


def test_a_cell_that_starts_with_a_hash_is_a_cell_and_a_hash_line_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "# số liệu năm 2024\nname;indicator;year;value\n#5G;5g-coverage;2024;60\n"
        "#N/A;hdi;2024;0,75\n# hết\n",
        encoding="utf-8",
    )
    assert read_observations(path).select("name", "indicator").rows() == [
        ("#5G", "5g-coverage"),
        ("#N/A", "hdi"),
    ]


def test_a_workbook_with_a_sheet_a_year_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2023"
    first.append(["indicator", "year", "value"])
    first.append(["online-payment", 2023, 80])
    second = book.create_sheet("2024")
    second.append(["indicator", "year", "value"])
    second.append(["online-payment", 2024, 85.5])
    book.create_sheet("Ghi chú").append(["Nguồn: Sở Tài chính"])
    book.save(path)
    read = read_observations(path)
    assert read.select("year", "value", "source_sheet").rows() == [
        (2023, 80.0, "2023"),
        (2024, 85.5, "2024"),
    ]
    found = kh922core.collect([path])
    assert sorted(found.observations.select("year", "source_sheet").rows()) == [
        (2023, "2023"),
        (2024, "2024"),
    ]


@pytest.mark.parametrize(
    ("column", "values", "named"),
    [
        ("year", [datetime(2024, 12, 31)], "year"),
        ("year", [date(2024, 12, 31)], "year"),
        ("year", [2024.6], "year"),
        ("assessment", ["đạt"], "assessment"),
        ("Indicator", ["hdi"], "indicator"),
    ],
)
def test_collect_checks_a_parquet_table_before_it_casts_it(
    tmp_path: Path, column: str, values: list[object], named: str
) -> None:
    frame = pl.DataFrame({"indicator": ["hdi"], "year": [2024], "value": [0.75]})
    frame = frame.drop(column, strict=False).with_columns(pl.Series(column, values))
    if column == "Indicator":
        frame = frame.drop("indicator")
    path = tmp_path / "o.parquet"
    frame.write_parquet(path)
    with pytest.raises(ObservationError) as caught:
        kh922core.collect([path])
    assert [p.column for p in caught.value.problems] == [named]
    assert "o.parquet" in str(caught.value)


def test_collect_keeps_an_observation_tables_entity_and_cohort_even_with_a_name_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;name;entity;year;value;cohort_size\n"
        "pii-rank;Chỉ số PII;Ba Tri;2024;12;34\npii-rank;Chỉ số PII;Mỏ Cày;2024;20;34\n",
        encoding="utf-8",
    )
    found = kh922core.collect([path])
    assert found.observations.select("entity", "value", "cohort_size").rows() == [
        ("Ba Tri", 12.0, 34),
        ("Mỏ Cày", 20.0, 34),
    ]
    assert found.clean


def test_collect_reads_excels_sep_line_and_one_value_in_two_spellings_is_no_conflict(
    tmp_path: Path,
) -> None:
    first = tmp_path / "a.csv"
    first.write_text("sep=;\nindicator;year;value;unit\nonline-payment;2024;85,5;%\n", "utf-8")
    second = tmp_path / "b.csv"
    second.write_text("indicator;year;value;unit\nonline-payment;2024;85,5;phần trăm\n", "utf-8")
    third = tmp_path / "c.csv"
    third.write_text("indicator;year;value\nonline-payment;2024;85,5\n", "utf-8")
    found = kh922core.collect([first, second, third])
    assert found.observations.select("indicator", "value").rows() == [("online-payment", 85.5)]
    assert found.conflicts.is_empty()
    other = tmp_path / "d.csv"
    other.write_text("indicator;year;value\nonline-payment;2024;90\n", "utf-8")
    assert kh922core.collect([first, other]).conflicts.height == 2


def test_a_workbook_cell_the_reader_cannot_read_is_an_error_of_the_library(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["indicator", "year", "value"])
    book.active.append(["hdi", 2024, 0.75])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<v>0.75</v>", b"<v>abc</v>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(Kh922Error):
        kh922core.collect([path])


def test_collect_lists_a_row_whose_indicator_the_plan_lacks_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value\nonline-payment;2024;85,5\nTổng cộng;;155,5\nonline-paymnt;2024;70\n",
        encoding="utf-8",
    )
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value", "source_row").rows() == [
        ("online-payment", 85.5, 2)
    ]
    assert [(r.row, r.value) for r in found.rejected] == [(3, "Tổng cộng"), (4, "online-paymnt")]
    assert "did you mean 'online-payment'" in found.rejected[1].reason
    assert not found.clean


def test_chưa_đạt_is_an_assessment_of_not_met(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value;assessment\ndigital-infrastructure;2024;;Chưa đạt\n", "utf-8"
    )
    assert read_observations(path).select("assessment").rows() == [(False,)]
    assert read_observations(path, source_rows=True).select("source_row").rows() == [(2,)]


def test_a_dot_before_three_digits_in_a_file_of_decimal_points_is_refused(tmp_path: Path) -> None:
    """pandas and DuckDB write ``54.125``: in a file that writes ``79.5`` and ``0.705``, a dot
    before three digits is a decimal point as much as a thousands dot."""
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator,year,value\ntfp-contribution,2024,54.125\nrnd-personnel,2024,11.875\n"
        "hdi,2024,0.705\ncashless-transactions,2024,79.5\n",
        encoding="utf-8",
    )
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert "may be a decimal written with a dot" in problem.message
    assert "54.125" in str(caught.value)
    assert "11.875" in str(caught.value)


def test_thousands_dots_in_a_file_of_decimal_commas_still_read(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value\ninnovative-enterprises;2024;12.500\nhdi;2024;0,705\n",
        encoding="utf-8",
    )
    assert read_observations(path)["value"].to_list() == [12500.0, 0.705]


@pytest.mark.parametrize(
    ("heading", "meant"),
    [("Unit", "unit"), ("Year", "year"), ("YEAR", "year"), ("năm", "year"), ("đơn vị", "unit")],
)
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_heading_for_a_column_the_engine_reads_is_never_a_key(
    tmp_path: Path, heading: str, meant: str, suffix: str
) -> None:
    frame = pl.DataFrame({"indicator": ["tfp-contribution"], "value": ["0,56"], heading: ["x"]})
    path = tmp_path / f"o{suffix}"
    if suffix == ".csv":
        frame.write_csv(path, separator=";")
    else:
        frame.write_parquet(path)
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert problem.column == heading
    assert f"name it {meant!r}" in problem.message


def test_a_sheet_a_year_without_a_year_column_takes_the_year_of_its_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2024"
    first.append(["indicator", "value"])
    first.append(["tfp-contribution", 49.5])
    second = book.create_sheet("Năm 2025")
    second.append(["indicator", "value"])
    second.append(["tfp-contribution", 56])
    path = tmp_path / "o.xlsx"
    book.save(path)
    table = read_observations(path)
    assert table.select("value", "year", "source_sheet").rows() == [
        (49.5, 2024, "2024"),
        (56.0, 2025, "Năm 2025"),
    ]


def _rewritten(path: Path, pattern: str, replacement: str) -> None:
    """``path`` with its sheet's XML rewritten (what openpyxl does not write: a row of zero
    height, rows and cells without their places, as other tools write them)."""
    import re

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(pattern, replacement, parts[sheet].decode()).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("how", ["hidden", "filtered", "zero high", "hidden, no places"])
def test_a_hidden_or_filtered_out_row_is_refused_by_its_row(tmp_path: Path, how: str) -> None:
    # round 158: a row of zero height, or hidden with no place written (r), was read
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "year", "value"])
    sheet.append(["tfp-contribution", 2024, 49.5])
    sheet.append(["tfp-contribution", 2023, 60])
    if how != "zero high":
        sheet.row_dimensions[3].hidden = True
    if how == "filtered":
        sheet.auto_filter.ref = "A1:C3"
    path = tmp_path / "o.xlsx"
    book.save(path)
    if how == "zero high":
        _rewritten(path, r'<row r="3"', '<row r="3" ht="0" customHeight="1"')
    if how == "hidden, no places":
        _rewritten(path, r'(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"', r"\1")
    with pytest.raises(ObservationError) as caught:
        read_observations(path)
    (problem,) = caught.value.problems
    assert "the row is hidden" in problem.message
    assert "row 3" in str(caught.value)
    sheet.row_dimensions[3].hidden = False
    book.save(path)
    if how == "hidden, no places":
        _rewritten(path, r'(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"', r"\1")
    assert read_observations(path).height == 2


def test_a_second_sheet_headed_in_other_case_is_named_not_dropped(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2024"
    first.append(["indicator", "year", "value"])
    first.append(["tfp-contribution", 2024, 49.5])
    second = book.create_sheet("2025")
    second.append(["Indicator", "Year", "Value"])
    second.append(["tfp-contribution", 2025, 56])
    path = tmp_path / "o.xlsx"
    book.save(path)
    with pytest.raises(ObservationError, match=r"sheet '2025' of o\.xlsx is headed in other case"):
        read_observations(path)


def test_a_float32_value_of_parquet_reads_as_written(tmp_path: Path) -> None:
    path = tmp_path / "o.parquet"
    frame = pl.DataFrame(
        {"indicator": ["digital-signatures"], "year": [2024], "unit": ["fraction"]}
    ).with_columns(pl.Series("value", [0.7], dtype=pl.Float32))
    frame.write_parquet(path)
    table = read_observations(path)
    assert table["value"].to_list() == [0.7]
    result = kh922core.evaluate(kh922core.load_plan(), table)
    assert set(result["status"].to_list()) == {"met"}  # ≥ 70 %: 0.7 is 70 %, not 69.999999


@pytest.mark.parametrize(("align", "shown"), [("superscript", "85¹"), ("subscript", "85₁")])
def test_a_raised_footnote_mark_in_a_workbook_table_is_no_digit(
    tmp_path: Path, align: str, shown: str
) -> None:
    # round 167: "85" and a superscript "1" (a footnote mark pasted from Word) was read as 851
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "year", "value"])
    marked = CellRichText(["85", TextBlock(InlineFont(vertAlign=align), "1")])
    sheet.append(["online-public-service-usage", 2026, marked])
    path = tmp_path / "so-lieu.xlsx"
    book.save(path)
    with pytest.raises(ObservationError) as raised:
        read_observations(path)
    assert shown in str(raised.value)
