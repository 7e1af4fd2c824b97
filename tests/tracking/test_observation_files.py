"""Observation files as officials have them: ``read_observations`` and the tables it reads."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kh922core import (
    evaluate,
    format_number,
    load_plan,
    parse_number,
    read_observations,
    read_reporting_template,
    write_reporting_template,
)
from kh922core._tracking import read_table_text
from kh922core._tracking.observation_files import vietnamese_number
from kh922core.errors import (
    Kh922Error,
    MissingFileError,
    NumberFormatError,
    ObservationError,
    UnknownFormatError,
)

# ------------------------------------------------------------------------------ numbers


def _read(texts: list[str | None]) -> list[float | None]:
    series = pl.Series("x", texts, dtype=pl.String)
    return pl.select(vietnamese_number(pl.lit(series))).to_series().to_list()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.000", 12000.0),  # a dot before three digits separates thousands
        ("49,5", 49.5),  # the comma is the decimal mark
        ("6.388,3", 6388.3),
        ("1.234.567", 1234567.0),
        ("0.75", 0.75),  # a single dot before other than three digits: a decimal point
        ("0.750", 0.75),  # no group of thousands starts with a zero: a decimal point
        ("0,125", 0.125),
        ("1,000", None),  # a decimal comma, or a thousands comma (English): refused
        ("-12,500", None),
        ("1,1250", 1.125),
        ("1234.5", 1234.5),
        ("01", 1.0),
        ("-0,5", -0.5),
        ("−3", -3.0),  # the minus sign of Vietnamese typesetting
        ("  28 ", 28.0),
        ("", None),
        ("   ", None),
        (None, None),
        ("1,5,2", None),
        ("12.00", 12.0),
        ("1.2.3", None),
        ("12,000.5", None),
        ("55%", None),  # no percent sign in observations
        ("nhiều", None),
        ("1e3", None),
    ],
)
def test_numbers_are_read_the_vietnamese_way(text: str | None, expected: float | None) -> None:
    assert _read([text]) == [expected]


def test_a_percent_sign_is_allowed_where_asked() -> None:
    series = pl.Series(["55%", "55 %", "49,5%", "%"])
    got = pl.select(vietnamese_number(pl.lit(series), percent=True)).to_series().to_list()
    assert got == [55.0, 55.0, 49.5, None]


_TOKENS = st.text(alphabet="0123456789.,-−", min_size=1, max_size=24)


@given(st.lists(_TOKENS, min_size=1, max_size=30))
def test_the_column_reads_as_parse_number_reads_one_token(tokens: list[str]) -> None:
    """Whatever the text, the vectorised reading agrees with ``parse_number``: the same value,
    or no value where ``parse_number`` refuses the token."""
    expected: list[float | None] = []
    for token in tokens:
        try:
            expected.append(parse_number(token))
        except NumberFormatError:
            expected.append(None)
    assert _read(list(tokens)) == expected


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_numbers_written_by_format_number_are_read_back(value: float) -> None:
    assert _read([format_number(value)]) == [parse_number(format_number(value))]


# --------------------------------------------------------------------------------- CSV


def _write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes(text.encode("utf-8-sig" if bom else "utf-8"))
    return path


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_csv_separators_and_byte_order_marks(tmp_path: Path, separator: str, bom: bool) -> None:
    number = "0,75" if separator != "," else '"0,75"'  # a comma inside a ,-CSV is quoted
    text = separator.join(["indicator", "year", "value", "entity"]) + "\n"
    text += separator.join(["hdi", "2024", number, "Bến Tre"]) + "\n"
    text += separator.join(["tfp-contribution", "2023", "47", "Bến Tre"]) + "\n"
    frame = read_observations(_write(tmp_path / "obs.csv", text, bom=bom))
    assert frame.columns == ["indicator", "year", "value", "entity"]
    assert frame.schema["value"] == pl.Float64
    assert frame.schema["year"] == pl.Int64
    assert frame.rows() == [
        ("hdi", 2024, 0.75, "Bến Tre"),
        ("tfp-contribution", 2023, 47.0, "Bến Tre"),
    ]


def test_a_csv_saved_by_vietnamese_excel(tmp_path: Path) -> None:
    """Semicolons, a BOM, CRLF line ends, thousands with dots, empty trailing columns."""
    text = (
        "indicator;year;value;unit;assessment;cohort_size;note;;\r\n"
        "pii-rank;2023;28;Thứ bậc;;63;đã công bố;;\r\n"
        "tfp-contribution;2023;47,5;%;;;;;\r\n"
        ";;;;;;;;\r\n"
        "digital-infrastructure;2024;;;Đạt;;;;\r\n"
        "fdi-capital;2024;6.388,3;tỷ đồng;;;;;\r\n"
    )
    frame = read_observations(_write(tmp_path / "so-lieu.csv", text, bom=True))
    assert frame.columns == [
        "indicator",
        "year",
        "value",
        "unit",
        "assessment",
        "cohort_size",
        "note",
    ]
    assert frame.schema["assessment"] == pl.Boolean
    assert frame.schema["cohort_size"] == pl.Int64
    assert frame.rows() == [
        ("pii-rank", 2023, 28.0, "Thứ bậc", None, 63, "đã công bố"),
        ("tfp-contribution", 2023, 47.5, "%", None, None, None),
        ("digital-infrastructure", 2024, None, None, True, None, None),
        ("fdi-capital", 2024, 6388.3, "tỷ đồng", None, None, None),
    ]


def test_comment_lines_are_skipped(tmp_path: Path) -> None:
    text = '# nguồn: Cục Thống kê\nindicator,value\n# ghi chú\nhdi,"0,7"\n'
    assert read_observations(_write(tmp_path / "o.csv", text)).rows() == [("hdi", 0.7)]


def test_the_engine_takes_the_file_read(tmp_path: Path) -> None:
    text = "indicator;year;value\ntfp-contribution;2023;55,5\ntfp-contribution;2024;47\n"
    observations = read_observations(_write(tmp_path / "o.csv", text))
    result = evaluate(load_plan(), observations).filter(pl.col("target_id") == "2030-3")
    # Target 2030-3 is "≥ 55" (Phụ lục I): 55,5 meets it, 47 does not.
    assert [str(s) for s in result.sort("year")["status"]] == ["met", "not_met"]


def test_unreadable_cells_are_named_by_their_line_in_the_file(tmp_path: Path) -> None:
    text = (
        "# một dòng ghi chú\n"  # line 1
        "indicator;year;value;assessment;cohort_size\n"  # line 2
        "hdi;2024;0,7;;\n"  # line 3
        "hdi;2025;nhiều;;\n"  # line 4
        "\n"  # line 5
        "hdi;20,5;1;;\n"  # line 6
        "ict;2024;;có lẽ;\n"  # line 7
        "pii-rank;2024;28;;63,5\n"  # line 8
        "hdi;2026;1,2,3;;\n"  # line 9
    )
    with pytest.raises(ObservationError) as caught:
        read_observations(_write(tmp_path / "o.csv", text))
    problems = {p.column: p for p in caught.value.problems}
    assert set(problems) == {"value", "year", "assessment", "cohort_size"}
    assert "o.csv, rows 4, 9" in problems["value"].message
    assert problems["value"].values == ("nhiều", "1,2,3")
    assert problems["value"].count == 2
    assert "o.csv, row 6" in problems["year"].message
    assert "o.csv, row 7" in problems["assessment"].message
    assert "o.csv, row 8" in problems["cohort_size"].message


def test_a_missing_column_lists_the_columns_and_suggests(tmp_path: Path) -> None:
    text = "indicator;gia_tri;Value;nam\nhdi;0,7;0,7;2024\n"
    with pytest.raises(ObservationError) as caught:
        read_observations(_write(tmp_path / "o.csv", text))
    (problem,) = caught.value.problems
    assert problem.column == "value"
    assert "required column is missing from o.csv" in problem.message
    assert "'indicator', 'gia_tri', 'Value', 'nam'" in problem.message
    assert problem.message.endswith("did you mean 'Value'?")
    with pytest.raises(ObservationError, match="'indicator'") as caught:
        read_observations(_write(tmp_path / "p.csv", "chi_tieu;value\nhdi;1\n"))
    assert [p.column for p in caught.value.problems] == ["indicator"]


# -------------------------------------------------------------------------------- XLSX


def test_an_xlsx_with_typed_and_text_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "year", "value", "assessment", "ngày", "entity"])
    sheet.append(["hdi", 2024, 0.001, None, datetime(2024, 12, 31), "Bến Tre"])
    sheet.append(["fdi-capital", "2024", "6.388,3", None, None, 83])
    sheet.append(["pii-rank", 2023.0, 28, None, None, None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["digital-infrastructure", 2024, None, True, None, None])
    sheet.append(["ict", 2024, 12000, "không đạt", None, None])
    workbook.save(tmp_path / "o.xlsx")
    frame = read_observations(tmp_path / "o.xlsx")
    assert frame.schema["value"] == pl.Float64
    assert frame.rows() == [
        ("hdi", 2024, 0.001, None, "2024-12-31", "Bến Tre"),  # 0.001 is not read as 1
        ("fdi-capital", 2024, 6388.3, None, None, "83"),
        ("pii-rank", 2023, 28.0, None, None, None),
        ("digital-infrastructure", 2024, None, True, None, None),
        ("ict", 2024, 12000.0, False, None, None),
    ]


def test_an_xlsx_cell_that_is_not_a_number_is_named(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["indicator", "value"])
    workbook.active.append(["hdi", "#DIV/0!"])
    workbook.save(tmp_path / "o.xlsx")
    with pytest.raises(ObservationError, match=r"o\.xlsx, row 2"):
        read_observations(tmp_path / "o.xlsx")


# --------------------------------------------------------------------- filled templates


def _fill_csv(path: Path, values: dict[str, str], separator: str) -> None:
    rows = read_table_text(path)
    filled = rows.with_columns(
        pl.col("target_id").replace_strict(values, default=None).alias("value")
    )
    text = filled.write_csv(separator=separator)
    path.write_bytes(text.encode("utf-8-sig"))


@pytest.mark.parametrize("separator", [",", ";"])
def test_a_filled_csv_template_is_recognised(tmp_path: Path, separator: str) -> None:
    plan = load_plan()
    path = write_reporting_template(tmp_path / "khcn.csv", plan, "so-khcn", as_of="2025-06-01")
    _fill_csv(path, {"2030-2": "28", "2030-3": "49,5"}, separator)
    observations = read_observations(path)
    assert observations.columns == ["indicator", "value", "unit", "year", "assessment"]
    rows = {r["indicator"]: (r["value"], r["year"]) for r in observations.iter_rows(named=True)}
    assert rows == {"dti-rank": (28.0, 2025), "tfp-contribution": (49.5, 2025)}
    assert read_reporting_template(path).equals(observations)


def test_a_filled_xlsx_template_is_recognised(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    plan = load_plan()
    path = write_reporting_template(tmp_path / "y-te.xlsx", plan, "so-y-te", year=2025)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["template"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("value") + 1).value = "92,5"
    workbook.save(path)
    observations = read_observations(path)
    assert observations.rows() == [("e-health-records", 92.5, "%", 2025, None)]


# ------------------------------------------------------------------- files of other kinds


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match="no observations file") as caught:
        read_observations(tmp_path / "khong-co.csv")
    assert isinstance(caught.value, FileNotFoundError)
    with pytest.raises(MissingFileError):
        read_observations(tmp_path)  # a folder


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("notes.txt", b"indicator,value\n", "cannot read observations from"),
        ("o.json", b"[]", "cannot read observations from"),
        ("o.csv", b"indicator,value\nnhi\xeam v\xf2,1\n", "not UTF-8 text"),
        ("o.xlsx", b"indicator,value\n", "not an Excel workbook"),
        ("o.parquet", b"indicator,value\n", "not a Parquet file"),
    ],
)
def test_a_file_of_another_kind_is_a_library_error_naming_it(
    tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnknownFormatError, match=why) as caught:
        read_observations(path)
    assert isinstance(caught.value, Kh922Error)
    assert str(path) in str(caught.value)
    assert "csv (.csv), xlsx (.xlsx), parquet (.parquet, .pq)" in str(caught.value)


def test_parquet_is_read_as_it_is(tmp_path: Path) -> None:
    frame = pl.DataFrame({"indicator": ["hdi"], "value": [0.75], "district": ["Ba Tri"]})
    frame.write_parquet(tmp_path / "o.parquet")
    assert read_observations(tmp_path / "o.parquet").equals(frame)


# ------------------------------------------------------------------------ tables as text


def test_read_table_text_keeps_what_people_typed(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "xong.csv",
        "task_id;completed_on;agency\n task-07 ;2025-06-15;\n\ntask-12;2025-12-01;so-khcn\n",
        bom=True,
    )
    frame = read_table_text(path)
    assert frame.schema == pl.Schema(
        {"task_id": pl.String, "completed_on": pl.String, "agency": pl.String}
    )
    assert frame.rows() == [("task-07", "2025-06-15", None), ("task-12", "2025-12-01", "so-khcn")]
    with pytest.raises(UnknownFormatError, match=r"csv \(\.csv\), xlsx \(\.xlsx\)$"):
        read_table_text(tmp_path / "xong.parquet")


def test_xlsx_numbers_become_text_that_reads_back_exactly(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    values = [0.1, 1234.5, 1e-7, 123456789.25, -2.5, 3.0, math.pi]
    workbook = openpyxl.Workbook()
    workbook.active.append(["value"])
    for value in values:
        workbook.active.append([value])
    workbook.active.append([date(2025, 5, 31)])
    workbook.save(tmp_path / "v.xlsx")
    texts = read_table_text(tmp_path / "v.xlsx")["value"].to_list()
    assert texts[-1] == "2025-05-31"
    assert _read(texts[:-1]) == values


@pytest.mark.parametrize(
    ("typed", "flag"),
    [
        ("Hoàn thành", True),
        ("Vượt", True),
        ("Dat", True),
        ("Khong dat", False),
        ("Chưa hoàn thành", False),
    ],
)
def test_an_assessment_in_other_words_reads_as_in_a_template(
    tmp_path: Path, typed: str, flag: bool
) -> None:
    path = tmp_path / "so-lieu.csv"
    rows = f"indicator;year;value;assessment\ndigital-infrastructure;2024;;{typed}\n"
    path.write_text(rows, encoding="utf-8")
    assert read_observations(path)["assessment"].to_list() == [flag]
