"""The registry of output formats: choosing a format, writing, reading back, optional extras."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core import _output_formats as output_formats
from kh922core._output_formats import (
    Layout,
    OutputFormat,
    format_for,
    formats,
    register,
    write_frame,
)
from kh922core.errors import Kh922Error, MissingDependencyError, UnknownFormatError

#: A table with every kind of cell a report holds, Vietnamese text and missing values included.
TABLE = pl.DataFrame(
    {
        "tỉnh": ["Bến Tre", None, "Trà Vinh"],
        "năm": [2025, 2026, None],
        "giá_trị": [0.7, None, 12.25],
        "đạt": [True, None, False],
        "ngày": [date(2025, 5, 31), None, date(2025, 11, 14)],
    }
)
NAMES = ["csv", "xlsx", "json", "parquet"]


def test_the_registry_knows_four_formats() -> None:
    assert [f.name for f in formats()] == NAMES
    extras = {f.name: f.extra for f in formats()}
    assert extras == {"csv": None, "xlsx": "xlsx", "json": None, "parquet": None}
    assert all(f.reader is not None for f in formats())


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("report.csv", "csv"),
        ("REPORT.CSV", "csv"),
        ("out/bao-cao.2025.xlsx", "xlsx"),
        (Path("a") / "b.json", "json"),
        ("t.parquet", "parquet"),
        ("t.pq", "parquet"),
        (".xlsx", "xlsx"),
        ("csv", "csv"),
        ("  XLSX ", "xlsx"),
        ("Parquet", "parquet"),
    ],
)
def test_a_format_is_chosen_by_suffix_or_name(given: str | Path, expected: str) -> None:
    assert format_for(given).name == expected


@pytest.mark.parametrize("given", ["report.txt", "report", "xls", "t.csv.bak"])
def test_an_unknown_format_lists_the_known_ones(given: str) -> None:
    with pytest.raises(UnknownFormatError) as caught:
        format_for(given)
    error = caught.value
    assert isinstance(error, Kh922Error)
    assert isinstance(error, ValueError)
    assert error.known == tuple(NAMES)
    assert str(error).endswith(
        "the formats are csv (.csv), xlsx (.xlsx), json (.json), parquet (.parquet, .pq)"
    )
    assert repr(given) in str(error)


def test_a_misspelt_name_gets_a_suggestion() -> None:
    with pytest.raises(UnknownFormatError, match="did you mean 'xlsx'"):
        format_for("xslx")


def test_among_restricts_the_choice() -> None:
    assert format_for("t.xlsx", among=("csv", "xlsx")).name == "xlsx"
    with pytest.raises(UnknownFormatError, match=r"the formats are csv \(\.csv\)$") as caught:
        format_for("t.json", among=("csv",))
    assert caught.value.known == ("csv",)


@pytest.mark.parametrize("name", NAMES)
def test_round_trip(tmp_path: Path, name: str) -> None:
    if name == "xlsx":
        pytest.importorskip("xlsxwriter")
        pytest.importorskip("openpyxl")
    chosen = format_for(name)
    path = write_frame(TABLE, tmp_path / f"table{chosen.suffixes[0]}")
    assert path == tmp_path / f"table{chosen.suffixes[0]}"
    back = chosen.read(path)
    assert back.schema == TABLE.schema
    assert back.rows() == TABLE.rows()


def test_an_explicit_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = write_frame(TABLE, tmp_path / "table.dat", output_format="parquet")
    assert pl.read_parquet(path).rows() == TABLE.rows()


def test_csv_for_people_has_a_byte_order_mark(tmp_path: Path) -> None:
    path = write_frame(TABLE, tmp_path / "t.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\xef\xbb\xbf") == 1
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "tỉnh,năm,giá_trị,đạt,ngày"
    assert lines[1] == "Bến Tre,2025,0.7,true,2025-05-31"


def test_csv_writes_lists_as_text(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {"agency": ["so-y-te", "so-khcn"], "targets": [["2030-22"], ["2030-1", "2030-2"]]}
    )
    path = write_frame(frame, tmp_path / "t.csv")
    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        "agency,targets",
        "so-y-te,2030-22",
        'so-khcn,"2030-1, 2030-2"',
    ]


#: Text that a spreadsheet would run as a formula (OWASP's CSV injection), and text that not.
INJECTION = pl.DataFrame(
    {
        "=cmd": ["=1+1", "+3", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "Bến Tre", "a=b", None],
        "số": [-2.5, 1.0, -3.0, 0.0, 1.5, 2.0, 3.0, 4.0, None],
        "mã": [["=x", "y"], [], ["a"], None, ["b"], ["c"], ["d"], ["e"], ["f"]],
        "kết_quả": pl.Series(["-x", "met"] + ["met"] * 7, dtype=pl.Enum(["-x", "met"])),
    }
)


def test_csv_escapes_text_that_would_run_as_a_formula(tmp_path: Path) -> None:
    path = write_frame(INJECTION, tmp_path / "t.csv")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0] == ["'=cmd", "số", "mã", "kết_quả"]
    assert [row[0] for row in rows[1:]] == [
        "'=1+1",
        "'+3",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTab",
        "'\rCR",
        "Bến Tre",
        "a=b",
        "",
    ]
    assert [row[1] for row in rows[1:3]] == ["-2.5", "1.0"]  # a negative number is a number
    assert [row[2] for row in rows[1:3]] == ["'=x, y", ""]
    assert [row[3] for row in rows[1:3]] == ["'-x", "met"]
    back = format_for(path).read(path)  # the escapes come off when it is read back
    assert back.columns == INJECTION.columns
    assert back["=cmd"].to_list() == INJECTION["=cmd"].to_list()
    assert back["số"].to_list() == INJECTION["số"].to_list()


def test_xlsx_cells_are_typed_text_never_a_formula(tmp_path: Path) -> None:
    """Excel runs no text of a typed cell; xlsxwriter would still have made ``=1+1`` a
    formula and ``http://…`` a link."""
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    frame = INJECTION.drop("mã").with_columns(
        pl.Series("liên_kết", ["http://x.vn"] + [None] * 8, dtype=pl.String)
    )
    path = write_frame(frame, tmp_path / "t.xlsx", layout=Layout(notes=("=1+1",)))
    workbook = openpyxl.load_workbook(path)
    cells = [cell for row in workbook.worksheets[0].iter_rows() for cell in row]
    cells += [cell for row in workbook.worksheets[1].iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f" or c.hyperlink] == []
    texts = [c.value for c in cells if c.data_type == "s"]
    assert {"=cmd", "=1+1", "+3", "-2+3", "@SUM(A1)", "http://x.vn"} <= set(texts)
    numbers = [c.value for c in cells if c.data_type == "n" and c.value is not None]
    assert -2.5 in numbers
    assert format_for(path).read(path)["=cmd"].to_list()[:4] == ["=1+1", "+3", "-2+3", "@SUM(A1)"]


def test_json_rows_and_nan_as_null(tmp_path: Path) -> None:
    frame = pl.DataFrame({"x": [1.5, float("nan")], "n": [1, 2]})
    path = write_frame(frame, tmp_path / "t.json")
    assert path.read_text(encoding="utf-8") == '[{"x":1.5,"n":1},{"x":null,"n":2}]'
    assert format_for(path).read(path).rows() == [(1.5, 1), (None, 2)]


def test_xlsx_layout(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    layout = Layout(
        sheet="bảng",
        title="Báo cáo",
        notes=("Dòng một", "Dòng hai"),
        notes_sheet="ghi-chu",
        fill=frozenset({"giá_trị"}),
        widths={"tỉnh": 40},
    )
    path = write_frame(TABLE, tmp_path / "t.xlsx", layout=layout)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["bảng", "ghi-chu"]
    table = book["bảng"]
    assert [c.value for c in table[1]] == TABLE.columns
    assert table.freeze_panes == "A2"
    fills = {c.column_letter: c.fill.fgColor.rgb for c in table[2] if c.fill.fill_type}
    assert fills == {"C": "FFFFF2CC"}  # only the column to fill in
    assert table.cell(2, 2).value == 2025
    assert table.cell(2, 2).number_format == "General"  # a year is shown as 2025, not 2,025
    assert table.column_dimensions["A"].width > 3 * table.column_dimensions["B"].width
    notes = book["ghi-chu"]
    assert [notes.cell(r, 1).value for r in (1, 2, 3)] == ["Báo cáo", "Dòng một", "Dòng hai"]
    assert notes.cell(1, 1).font.b


def test_xlsx_without_notes_has_one_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    path = write_frame(TABLE, tmp_path / "t.xlsx")
    assert openpyxl.load_workbook(path).sheetnames == ["data"]


@pytest.mark.parametrize(("module", "action"), [("xlsxwriter", "write"), ("openpyxl", "read")])
def test_a_missing_optional_dependency_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, action: str
) -> None:
    path = tmp_path / "t.xlsx"
    if action == "read":
        pytest.importorskip("xlsxwriter")
        write_frame(TABLE, path)
    monkeypatch.setitem(sys.modules, module, None)  # ``import module`` now raises ImportError
    xlsx = format_for("xlsx")
    with pytest.raises(MissingDependencyError) as caught:
        xlsx.write(TABLE, path) if action == "write" else xlsx.read(path)
    error = caught.value
    assert isinstance(error, Kh922Error)
    assert isinstance(error, ImportError)
    assert error.name == module
    assert f"needs the optional dependency {module}" in str(error)
    assert "pip install 'kh922core[xlsx]'" in str(error)


def test_the_template_writer_says_so_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    plan = kh922core.load_plan()
    with pytest.raises(Kh922Error, match=r"kh922core\[xlsx\]"):
        kh922core.write_reporting_template(tmp_path / "t.xlsx", plan, "so-y-te")
    # CSV needs nothing optional.
    assert kh922core.write_reporting_template(tmp_path / "t.csv", plan, "so-y-te").exists()


def _write_tsv(frame: pl.DataFrame, path: Path, *, layout: Layout) -> None:
    frame.write_csv(path, separator="\t")


def test_a_new_format_is_one_writer_and_one_entry(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(output_formats, "_FORMATS", dict(output_formats._FORMATS))
    tsv = register(OutputFormat("tsv", (".tsv", ".tab"), _write_tsv, description="tab-separated"))
    assert format_for("t.TAB") is tsv
    path = write_frame(pl.DataFrame({"a": [1], "b": ["x"]}), tmp_path / "t.tsv")
    assert path.read_text(encoding="utf-8") == "a\tb\n1\tx\n"
    with pytest.raises(UnknownFormatError, match="tsv cannot be read"):
        tsv.read(path)
    with pytest.raises(ValueError, match="clashes"):
        register(OutputFormat("csv2", (".csv",), _write_tsv))
    with pytest.raises(ValueError, match="clashes"):
        register(OutputFormat("tsv", (".tsv2",), _write_tsv))


def test_the_registry_is_left_as_it_was() -> None:
    # (runs after the test above registered a format into a copy)
    assert [f.name for f in formats()] == NAMES
