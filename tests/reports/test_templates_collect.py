"""Templates out and filled files in: the layout officials see, and every cell read back or
reported with its file:sheet:row."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest

import kh922core
from kh922core._cli import main
from tests.exchange.office_builders import with_formula_results
from tests.reports.filling import fill, keys, target_rows

HEADINGS = [
    "Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Mốc năm", "Kết quả kỳ trước", "Năm",
    "Giá trị thực hiện", "Đánh giá", "Ghi chú",
]  # fmt: skip


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def test_the_template_has_a_title_block_vietnamese_headings_validation_and_a_hidden_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "khcn.xlsx"
    assert main(["template", "so-khcn", "--as-of", "2025-05-20", "-o", str(path)]) == 0
    assert str(path) in capsys.readouterr().out
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    title = " ".join(str(c.value) for row in sheet.iter_rows(max_row=6) for c in row if c.value)
    assert "922/KH-UBND" in title
    assert "Sở Khoa học và Công nghệ" in title
    assert "6 tháng đầu năm 2025" in title
    assert "01/06/2025" in title
    headings = [
        c.value for c in sheet[6] if c.value and not sheet.column_dimensions[c.column_letter].hidden
    ]
    # the half year's template asks for the year's estimate (May's figures of a flow are not
    # the year's, and November's template replaces them)
    assert headings == [
        h if h != "Giá trị thực hiện" else f"{h} (ước cả năm 2025)" for h in HEADINGS
    ]
    assert "ghi số ước thực hiện cả năm 2025" in title
    row, columns = keys(sheet)
    assert row == 7
    assert sheet.row_dimensions[7].hidden
    kinds = {(v.type, str(v.formula1)) for v in sheet.data_validations.dataValidation}
    assert any(t == "decimal" for t, _ in kinds)
    assert any(t == "list" and "Đạt" in f for t, f in kinds)  # 2030-15 is qualitative
    assert ("whole", "1900") in kinds
    assert [s.title for s in book.worksheets][1:] == ["Huong dan", "kh922"]
    assert book["kh922"].sheet_state == "veryHidden"
    ids = [sheet.cell(r, columns["target_id"]).value for r in range(8, sheet.max_row + 1)]
    assert ids[:3] == ["2030-1", "2030-2", "2030-3"]
    assert len(ids) == 21


def test_a_successor_gets_its_predecessors_targets(tmp_path: Path, plan: kh922core.Plan) -> None:
    before = kh922core.write_templates(tmp_path / "a", plan, as_of="2025-05-20")
    after = kh922core.write_templates(tmp_path / "b", plan, as_of="2025-11-01")
    assert "ubnd-huyen-ba-tri.xlsx" in {p.name for p in before}
    names = {p.name for p in after}
    assert "ubnd-huyen-ba-tri.xlsx" not in names
    assert "ubnd-cap-xa.xlsx" in names


def test_filled_as_excel_saves_it_every_cell_is_read_or_reported(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(
        path,
        {"2030-3": "49,5", "2030-7": 0.015, "2030-15": "Đạt", "2030-8": "nhiều", "2030-9": "1.500"},
        insert_column=True,
        extra_row="12",
        percent={"2030-7"},
        notes={"2030-3": "ước tính"},
    )
    found = kh922core.collect([path])
    rows = found.observations.sort("source_row").select(
        "indicator", "value", "year", "assessment", "note", "source_sheet", "source_row"
    )
    assert rows.rows() == [
        ("tfp-contribution", 49.5, 2025, None, "ước tính", "Bao cao", 10),
        ("innovative-enterprises", 1.5, 2025, None, None, "Bao cao", 13),
        ("digital-infrastructure", None, 2025, True, None, "Bao cao", 20),
    ]
    shown = [str(r) for r in found.rejected]
    assert shown[0].startswith("t.xlsx:Bao cao:14: value 'nhiều': is not a number")
    assert shown[1].startswith("t.xlsx:Bao cao:15: value '1.500': may be a decimal")
    assert "not in the template" in shown[2]
    assert len(shown) == 3
    assert not found.clean


def test_a_csv_template_resaved_with_semicolons_reads_back(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "y.csv", plan, ["so-y-te"], as_of="2025-05-20")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Mã chỉ tiêu"))
    rows = [line.split(",") for line in lines[header:]]
    rows[1][8] = "72,5"  # Giá trị thực hiện, with a decimal comma
    resaved = "\n".join(lines[:header] + [";".join(r) for r in rows]) + "\n"
    path.write_text(resaved, encoding="utf-8")
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value", "year").rows() == [
        ("e-health-records", 72.5, 2025)
    ]
    assert found.sources["agency"].to_list() == ["so-y-te"]


def test_two_files_disagreeing_are_a_reported_conflict_never_a_silent_pick(
    tmp_path: Path, plan: kh922core.Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    (a,) = kh922core.write_templates(tmp_path / "a.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    (b,) = kh922core.write_templates(
        tmp_path / "b.xlsx", plan, ["cuc-thong-ke"], as_of="2025-05-20"
    )
    fill(a, {"2030-3": "49,5", "2030-1": 25})
    fill(b, {"2030-3": 51})
    out = tmp_path / "tong-hop.csv"
    assert main(["collect", str(a), str(b), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert (
        "conflict: tfp-contribution 2025: 49,5 (a.xlsx:Bao cao:10); 51 (b.xlsx:Bao cao:8)"
        in printed
    )
    table = kh922core.read_observations(out)
    assert table["indicator"].to_list() == ["pii-rank"]
    assert table["source_file"].to_list() == ["a.xlsx"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_the_table_collect_writes_is_read_back_by_report_and_collect(
    tmp_path: Path, plan: kh922core.Plan, suffix: str
) -> None:
    (a,) = kh922core.write_templates(tmp_path / "a.xlsx", plan, ["so-y-te"], as_of="2026-05-15")
    fill(a, {next(iter(target_rows(openpyxl.load_workbook(a).worksheets[0]))): "85,5"})
    table = tmp_path / f"tong-hop{suffix}"
    assert main(["collect", str(a), "-o", str(table)]) == 0
    again = kh922core.collect([table], plan=plan)
    assert again.observations["source_file"].to_list() == ["a.xlsx"]  # the agency's own row
    assert again.observations["source_row"].cast(pl.Int64).to_list() == (
        kh922core.collect([a], plan=plan).observations["source_row"].to_list()
    )
    report = tmp_path / "bao-cao.html"
    assert (
        main(["report", "--as-of", "2026-05-25", "--observations", str(table), "-o", str(report)])
        == 0
    )
    content = kh922core.build_report(plan, again, as_of=date(2026, 5, 25))
    assert "so-y-te" not in content.not_reported  # the table names who sent each value


def test_an_agency_reported_only_with_a_value_of_the_periods_year(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (old,) = kh922core.write_templates(tmp_path / "cu.xlsx", plan, ["so-y-te"], as_of="2025-05-20")
    fill(old, {next(iter(target_rows(openpyxl.load_workbook(old).worksheets[0]))): "80"})
    (empty,) = kh922core.write_templates(
        tmp_path / "trong.xlsx", plan, ["so-khcn"], as_of="2026-05-15"
    )
    (sent,) = kh922core.write_templates(
        tmp_path / "moi.xlsx", plan, ["cuc-thong-ke"], as_of="2026-05-15"
    )
    fill(sent, {"2030-3": "49,5"})
    found = kh922core.collect([old, empty, sent], plan=plan)
    report = kh922core.build_report(plan, found, as_of=date(2026, 5, 25))
    assert report.period.year == 2026
    assert "so-y-te" in report.not_reported  # last year's template is no report of 2026
    assert "so-khcn" in report.not_reported  # a template sent back empty is none either
    assert "cuc-thong-ke" not in report.not_reported
    assert report.templates_collected
    from kh922core._reports.report_tables import sections
    from kh922core._reports.report_words import words

    (waiting,) = [s for s in sections(report, words("vi")) if s.key == "not-reported"]
    state = {row[0]: row[2] for row in waiting.rows}
    assert state["so-y-te"].startswith("đã gửi")  # a file came, none of it of 2026
    assert state["so-khcn"].startswith("đã gửi")
    assert all(state[a] == "chưa gửi biểu mẫu" for a in state if a not in ("so-y-te", "so-khcn"))
    assert found.sources.select("file", "year").rows() == [
        (str(old), 2025),
        (str(empty), 2026),
        (str(sent), 2026),
    ]
    (listed,) = [s for s in sections(report, words("vi")) if s.key == "sources"]
    assert "biểu mẫu của kỳ khác (không phải năm 2026): cu.xlsx;" in listed.note
    assert "trong.xlsx" not in listed.note
    # the same figures as the consolidated table collect writes: the table says who sent
    # each row, and last year's sender is no agency that sent nothing
    table = kh922core.build_report(plan, found.observations, as_of=date(2026, 5, 25))
    (waiting,) = [s for s in sections(table, words("vi")) if s.key == "not-reported"]
    from_table = {row[0]: row[2] for row in waiting.rows}
    assert from_table["so-y-te"].startswith("đã gửi")
    assert "năm khác" in from_table["so-y-te"]


def test_a_folder_is_collected_its_other_files_and_lock_files_listed(
    tmp_path: Path, plan: kh922core.Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nhan-ve"
    folder.mkdir()
    (sent,) = kh922core.write_templates(
        folder / "cuc-thong-ke.xlsx", plan, ["cuc-thong-ke"], as_of="2026-05-15"
    )
    fill(sent, {"2030-3": "49,5"})
    (folder / "~$cuc-thong-ke.xlsx").write_bytes(b"\x0bOwner name" + b"\x00" * 150)
    (folder / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "bao-cao.docx").write_bytes(b"PK")
    (folder / "hong.xlsx").write_bytes(b"not a workbook")
    (folder / ".~lock.cuc-thong-ke.xlsx#").write_text("LibreOffice")
    found = kh922core.collect([folder], plan=plan)
    assert found.observations["value"].to_list() == [49.5]
    listed = {r.file: r.reason for r in found.rejected}
    assert set(listed) == {"~$cuc-thong-ke.xlsx", "cu.xls", "bao-cao.docx", "hong.xlsx"}
    assert "open in Excel" in listed["~$cuc-thong-ke.xlsx"]
    assert "save it as .xlsx" in listed["cu.xls"]
    assert "Word document" in listed["bao-cao.docx"]
    out = tmp_path / "tong-hop.csv"
    (again,) = kh922core.write_templates(
        folder / "cuc-thong-ke-2.xlsx", plan, ["cuc-thong-ke"], as_of="2026-05-15"
    )
    fill(again, {"2030-3": "51"})  # a conflict with the first file
    assert main(["collect", str(folder), "-o", str(out)]) == 1  # cells not used: listed
    printed = capsys.readouterr().out.splitlines()
    unused = next(i for i, line in enumerate(printed) if line.endswith("cells not used:"))
    conflicts = printed.index("values in conflict (left out; correct one of the files):")
    assert all("conflict:" not in line for line in printed[unused + 1 : conflicts])
    assert any("open in Excel" in line for line in printed[unused + 1 : conflicts])
    assert all(line.startswith("  conflict:") for line in printed[conflicts + 1 :])
    assert main(["collect", str(folder), "-o", str(tmp_path / "khong-co" / "x.csv")]) == 2
    with pytest.raises(kh922core.Kh922Error, match="not a reporting template"):
        kh922core.collect([folder / "hong.xlsx"], plan=plan)  # named alone: an error


def test_values_in_conflict_are_shown_exactly(tmp_path: Path, plan: kh922core.Plan) -> None:
    # they were shown with six digits, "49.1235" twice for two different values
    values = {"a.xlsx": "49,123456", "b.xlsx": "49,1234571"}
    for name, value in values.items():
        (sent,) = kh922core.write_templates(
            tmp_path / name, plan, ["cuc-thong-ke"], as_of="2026-05-15"
        )
        fill(sent, {"2030-3": value})
    found = kh922core.collect(sorted(tmp_path.glob("*.xlsx")), plan=plan)
    (line,) = found.conflict_lines()
    assert "49,123456 (a.xlsx:" in line
    assert "49,1234571 (b.xlsx:" in line


def test_a_year_after_the_templates_is_refused_by_its_cell(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(
        tmp_path / "cuc-thong-ke.xlsx", plan, ["cuc-thong-ke"], as_of="2026-05-15"
    )
    fill(path, {"2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    _, columns = keys(sheet)
    row = target_rows(sheet)["2030-3"]
    assert sheet.cell(row, columns["year"]).value in (2026, "2026")
    sheet.cell(row, columns["year"]).value = 2062
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty()
    (refused,) = found.rejected
    assert (refused.row, refused.column, refused.value) == (row, "year", "2062")
    assert "after the template's year (2026)" in refused.reason


def test_a_title_naming_another_agency_than_the_templates_is_listed(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "ca.xlsx", plan, ["so-khcn"], as_of="2026-05-15")
    fill(path, {"2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    (cell,) = [
        c for row in sheet.iter_rows(max_row=8) for c in row if "Cơ quan báo cáo" in str(c.value)
    ]
    assert cell.value == f"Cơ quan báo cáo: {plan.agency('so-khcn').name}"
    found = kh922core.collect([path], plan=plan)
    assert found.rejected == []  # the template's own name: nothing to say
    cell.value = "Cơ quan báo cáo: Công an tỉnh"
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    (listed,) = found.rejected
    assert (listed.row, listed.column, listed.value) == (cell.row, "title", "Công an tỉnh")
    assert "credited" in listed.reason


@pytest.mark.parametrize("command", ["collect", "report"])
def test_a_file_that_is_not_a_template_is_exit_2_naming_it(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "thu-moi.csv"
    other.write_text("Kính gửi;Ngày\nSở Y tế;01/06/2025\n", encoding="utf-8")
    args = (
        [str(other), "-o", str(tmp_path / "x.csv")]
        if command == "collect"
        else ["--observations", str(other), "-o", str(tmp_path / "x.html")]
    )
    assert main([command, *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"kh922 {command}: error: not a reporting template")
    assert "thu-moi.csv" in err[0]


def test_collected_observations_evaluate(tmp_path: Path, plan: kh922core.Plan) -> None:
    frame = pl.DataFrame({"indicator": ["tfp-contribution"], "year": [2024], "value": [56.0]})
    path = tmp_path / "so-lieu.parquet"
    frame.write_parquet(path)
    found = kh922core.collect([path])
    result = kh922core.evaluate(plan, found.observations)
    assert result.filter(pl.col("target_id") == "2030-3")["status"].to_list() == ["met"]


@pytest.mark.parametrize("recalculate", [True, False])
def test_a_formula_is_read_only_where_the_file_holds_its_result(
    tmp_path: Path, plan: kh922core.Plan, recalculate: bool
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "=40+15", "2030-5.1": "=AVERAGE(80,90)", "2030-1": "=10+2"})
    value = keys(openpyxl.load_workbook(path).worksheets[0])[1]["value"]
    letter = openpyxl.utils.get_column_letter(value)
    # 2030-3 (row 10) saved with 0 (xlsxwriter), 2030-5.1 (row 12) with 85, 2030-1 (row 8) none
    with_formula_results(path, {f"{letter}10": "0", f"{letter}12": "85"}, recalculate)
    found = kh922core.collect([path])
    read = found.observations.select("indicator", "value").rows()
    refused = [(r.row, r.value) for r in found.rejected]
    assert all("formula whose result the file does not hold" in r.reason for r in found.rejected)
    if recalculate:  # written by a program: no saved value is a result
        assert (read, refused) == ([], [(8, "=10+2"), (10, "=40+15"), (12, "=AVERAGE(80,90)")])
    else:  # as Excel saves it: the saved values are its results
        assert read == [("tfp-contribution", 0.0), ("online-public-service-usage", 85.0)]
        assert refused == [(8, "=10+2")]


def test_a_template_without_its_hidden_sheet_is_the_one_its_title_names(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "49,5", "2030-5.1": 80})
    book = openpyxl.load_workbook(path)
    book.remove(book["kh922"])  # the sheet copied into a workbook of its own
    sheet = book.worksheets[0]
    year = keys(sheet)[1]["year"]
    sheet.cell(12, year).value = None  # the year of 2030-5.1 deleted: the period's, as ever
    sheet.cell(10, year).value = 2062  # after the period's year (2025, in the title)
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value", "year", "agency").rows() == [
        ("online-public-service-usage", 80.0, 2025, "so-khcn")
    ]
    assert [(r.row, r.column, r.value) for r in found.rejected] == [(10, "year", "2062")]


@pytest.mark.parametrize("line", ["Cơ quan báo cáo: Sở Không Có", "Kỳ báo cáo: sáu tháng đầu"])
def test_a_template_without_its_hidden_sheet_nor_a_title_that_says_whose_is_not_read(
    tmp_path: Path, plan: kh922core.Plan, line: str
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    book.remove(book["kh922"])
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(max_row=6):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(line.split(":")[0]):
                cell.value = line
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.is_empty()
    (refused,) = found.rejected
    assert (refused.row, refused.value) == (10, "49,5")
    assert "copied out of its template" in refused.reason


def test_a_row_of_an_indicator_another_agency_reports_is_listed_not_read(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-y-te"], as_of="2026-05-20")
    (lead,) = kh922core.write_templates(
        tmp_path / "nhnn.xlsx", plan, ["nhnn-chi-nhanh-ben-tre"], as_of="2026-05-20"
    )
    fill(lead, {"2030-6": 95.5})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    row = sheet.max_row + 1  # a row added by hand for another agency's indicator
    sheet.cell(row, columns["indicator"]).value = "cashless-transactions"
    sheet.cell(row, columns["value"]).value = 70
    sheet.cell(row, columns["year"]).value = 2026
    book.save(path)
    found = kh922core.collect([path, lead])
    assert found.observations.select("indicator", "value", "agency").rows() == [
        ("cashless-transactions", 95.5, "nhnn-chi-nhanh-ben-tre")  # the lead's figure stands
    ]
    (refused,) = found.rejected
    assert (refused.file, refused.row, refused.value) == ("t.xlsx", row, "70.0")
    assert "Ngân hàng" in refused.reason


def test_every_sheet_with_the_templates_columns_is_read(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-5.1": 80})
    book = openpyxl.load_workbook(path)
    copy = book.copy_worksheet(book.worksheets[0])
    copy.title = "Bao cao 2024"
    columns = keys(copy)[1]
    copy.cell(12, columns["year"]).value = 2024
    copy.cell(12, columns["value"]).value = 70
    book.save(path)
    found = kh922core.collect([path])
    rows = found.observations.select("indicator", "value", "year", "source_sheet").rows()
    assert sorted(rows) == [
        ("online-public-service-usage", 70.0, 2024, "Bao cao 2024"),
        ("online-public-service-usage", 80.0, 2025, "Bao cao"),
    ]


def test_a_csv_row_moved_by_an_unquoted_decimal_comma_is_refused_whole(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.csv", plan, ["so-khcn"], as_of="2025-05-20")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("tfp-contribution,"))
    cells = next(csv.reader([lines[row]]))
    cells[8] = "55,5"  # Giá trị thực hiện typed with a decimal comma, written without quotes
    lines[row] = ",".join(cells)
    other = next(i for i, line in enumerate(lines) if line.startswith("pii-rank,"))
    cells = next(csv.reader([lines[other]]))
    cells[8] = "28"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[other] = buffer.getvalue()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("pii-rank", 28.0)]
    (refused,) = found.rejected
    assert (refused.row, refused.column) == (row + 1, "row")
    assert "has 12 cells where the header has 11" in refused.reason


def test_a_value_merged_down_is_refused_on_each_row_and_a_rank_with_a_dot_too(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # the merged value was read on each row: 84 for two indicators (2030-5.1 and 2030-7), one
    # of them judged on another's figure
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-5.1": 84, "2030-1": "1.250", "2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    letter = openpyxl.utils.get_column_letter(keys(sheet)[1]["value"])
    sheet.merge_cells(f"{letter}12:{letter}13")  # 2030-5.1 and 2030-7: one figure, whose?
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("tfp-contribution", 49.5)]
    rank, *merged = sorted(found.rejected, key=lambda r: r.row or 0)
    assert (rank.row, rank.value) == (8, "1.250")  # a rank (Thứ bậc): 1250, or 1,25?
    assert rank.reason.startswith("may be a decimal written with a dot")
    assert [(r.row, r.column, r.value) for r in merged] == [
        (12, "value", "84"),
        (13, "value", "84"),
    ]
    assert all(f"({letter}12:{letter}13)" in r.reason for r in merged)


def test_a_year_merged_down_still_counts_for_each_row(tmp_path: Path, plan: kh922core.Plan) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-5.1": 84, "2030-7": 30})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    letter = openpyxl.utils.get_column_letter(keys(sheet)[1]["year"])
    sheet[f"{letter}12"] = 2024
    sheet.merge_cells(f"{letter}12:{letter}13")
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("value", "year").rows() == [(84.0, 2024), (30.0, 2024)]
    assert found.clean


def test_a_number_outside_the_value_column_is_reported_never_dropped(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "55,5"}, insert_column=True, notes={"2030-7": "đạt 18,5%"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    rows = target_rows(sheet)
    sheet.cell(rows["2030-3"], 3, "50,1")  # the inserted column, on a row with a value
    sheet.cell(rows["2030-4"], 3, "17")  # ... and on a row without one
    sheet.cell(rows["2030-8"], 3, "năm 2025")  # a year alone is no lost value
    sheet.cell(rows["2030-9"], columns["note"], "chưa có số liệu năm 2025")
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("tfp-contribution", 55.5)]
    shown = sorted((r.row, r.column, r.value, r.reason.split(":")[0]) for r in found.rejected)
    inserted = "a number in a column the template does not have"
    no_value = "a number outside the value column, on a row with no value"
    assert shown == [
        (rows["2030-3"], "C (Cột thêm)", "50,1", inserted),
        (rows["2030-4"], "C (Cột thêm)", "17", no_value),
        (rows["2030-7"], "L (Ghi chú)", "đạt 18,5%", no_value),
    ]
    assert not found.clean


def test_a_number_typed_over_the_last_result_is_reported_never_dropped(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2026-05-20")
    fill(path, {"2030-3": "55,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    last = keys(sheet)[1]["last"]
    rows = target_rows(sheet)
    sheet.cell(rows["2030-4"], last, "20")  # typed over the last result, the value left empty
    sheet.cell(rows["2030-7"], last, "1.234,5 (2025)")  # as the template writes one: no value
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("tfp-contribution", 55.5)]
    (refused,) = found.rejected
    assert (refused.row, refused.value) == (rows["2030-4"], "20")
    assert refused.reason.startswith("a number outside the value column, on a row with no value")


def test_a_value_heading_with_more_words_and_no_key_row_is_still_the_value_column(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    row0, columns = keys(sheet)
    sheet.cell(row0 - 1, columns["value"], "Giá trị thực hiện năm 2025")
    sheet.delete_rows(row0)  # the hidden row of keys, deleted
    sheet.row_dimensions[row0].hidden = False  # openpyxl leaves the flag behind
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("tfp-contribution", 49.5)]
    assert found.clean


def test_dates_and_document_numbers_in_notes_or_inserted_columns_are_no_lost_values(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "55,5"}, insert_column=True)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    rows = target_rows(sheet)
    sheet.cell(rows["2030-3"], 3, "Báo cáo 15/BC-SKHCN ngày 20/5/2025")
    sheet.cell(rows["2030-4"], columns["note"], "Chưa có số liệu; dự kiến có vào tháng 9/2027")
    sheet.cell(rows["2030-7"], columns["note"], "Bến Tre, ngày 15 tháng 6 năm 2027")
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("tfp-contribution", 55.5)]
    assert found.rejected == []
    assert found.clean


def test_a_template_column_renamed_with_its_keys_gone_lists_only_what_was_typed_there(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-1": 20, "2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    row0, columns = keys(sheet)
    rows = target_rows(sheet)
    sheet.cell(row0 - 1, columns["last"], "Kết quả năm 2026")
    sheet.cell(row0 - 1, columns["target"], "Mục tiêu đến năm 2030")
    sheet.cell(rows["2030-1"], columns["last"], "22")
    sheet.delete_rows(row0)
    sheet.row_dimensions[row0].hidden = False  # openpyxl leaves the flag behind
    book.save(path)
    found = kh922core.collect([path])
    assert sorted(found.observations["value"].to_list()) == [20.0, 49.5]
    # the targets and last results the template wrote in the renamed columns are not listed;
    # the 22 typed over a last result is (a second figure of 2026 beside the value 20)
    assert [(r.value, r.column.split()[0]) for r in found.rejected] == [("22", "G")]


def _merged(path: Path, rows: tuple[int, int], columns: tuple[str, str], value: object) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    found = keys(sheet)[1]
    left, right = (openpyxl.utils.get_column_letter(found[c]) for c in columns)
    sheet[f"{left}{rows[0]}"] = value
    sheet.merge_cells(f"{left}{rows[0]}:{right}{rows[1]}")
    book.save(path)
    return path


def test_a_value_and_its_assessment_merged_as_a_block_are_refused(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # a block two columns wide went unnoticed: 25 credited to the first row's indicator
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    found = kh922core.collect([_merged(path, (8, 9), ("value", "assessment"), 25)])
    assert found.observations.is_empty()
    assert sorted((r.row, r.column, r.value) for r in found.rejected) == [
        (8, "value", "25"),
        (9, "value", "25"),
    ]


def test_an_empty_merged_range_says_nothing(tmp_path: Path, plan: kh922core.Plan) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    fill(path, {"2030-3": "49,5"})
    found = kh922core.collect([_merged(path, (12, 14), ("value", "value"), None)])
    assert found.observations["value"].to_list() == [49.5]
    assert found.clean


def test_a_value_merged_over_its_row_and_a_row_added_by_hand_is_its_rows(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # "Trong đó: …" inserted under the row and merged with it for looks: the figure can only
    # be the template row's
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-05-20")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    row = target_rows(sheet)["2030-3"]
    sheet.insert_rows(row + 1)
    sheet.cell(row + 1, keys(sheet)[1]["name"], "Trong đó: khu vực doanh nghiệp nhà nước")
    book.save(path)
    found = kh922core.collect([_merged(path, (row, row + 1), ("value", "value"), "49,5")])
    assert found.observations.select("indicator", "value", "source_row").rows() == [
        ("tfp-contribution", 49.5, row)
    ]
    assert found.clean
