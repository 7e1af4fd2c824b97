"""The reporting calendar of section IV and the reporting template round trip (CSV and XLSX)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kh922core import (
    Plan,
    evaluate,
    load_plan,
    progress,
    published_figures,
    read_reporting_template,
    reporting_calendar,
    reporting_dates,
    reporting_template,
    write_reporting_template,
)
from kh922core.errors import Kh922Error, ObservationError, UnknownAgencyError


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


# ----------------------------------------------------------------------------- the calendar


def test_two_reports_a_year_the_day_before_the_printed_date(plan: Plan) -> None:
    dates = reporting_dates(plan, date(2025, 1, 1), date(2026, 12, 31))
    assert dates == [
        (date(2025, 5, 31), date(2025, 6, 1)),
        (date(2025, 11, 14), date(2025, 11, 15)),
        (date(2026, 5, 31), date(2026, 6, 1)),
        (date(2026, 11, 14), date(2026, 11, 15)),
    ]
    assert reporting_dates(plan, date(2025, 6, 1), date(2025, 11, 13)) == []
    assert reporting_dates(plan, date(2025, 5, 31), date(2025, 5, 31)) == [dates[0]]


def test_duties_follow_succession_on_each_date(plan: Plan) -> None:
    table = reporting_calendar(plan, date(2025, 1, 1), date(2025, 12, 31))
    first = table.filter(pl.col("report_date") == date(2025, 5, 31))
    agencies = set(first["agency"])
    # Sở TT&TT no longer exists on 31/05/2025: Sở KH&CN (and Sở VHTTDL) report its targets.
    assert "so-tttt" not in agencies
    khcn = first.filter(pl.col("agency") == "so-khcn").row(0, named=True)
    assert "2030-2" in khcn["targets"]  # DTI rank, printed lead Sở TT&TT
    assert "2030-1" in khcn["targets"]  # PII rank, printed lead Sở KH&CN
    # Districts exist until 30/06/2025; from 01/07/2025 the communes and the province report.
    assert "ubnd-tp-ben-tre" in agencies
    second = table.filter(pl.col("report_date") == date(2025, 11, 14))
    assert "ubnd-tp-ben-tre" not in set(second["agency"])
    assert {"ubnd-cap-xa", "ubnd-tinh-vinh-long"} <= set(second["agency"])
    assert second["recipient"].unique().to_list() == ["ubnd-tinh-vinh-long"]
    assert second["via"].unique().to_list() == ["so-khcn"]


def test_every_target_and_task_is_reported_by_someone(plan: Plan) -> None:
    table = reporting_calendar(plan, date(2026, 5, 1), date(2026, 6, 30))
    targets = {t for ids in table["targets"].to_list() for t in ids}
    tasks = {t for ids in table["tasks"].to_list() for t in ids}
    assert targets == {t.id for t in plan.targets}
    assert tasks == {t.id for t in plan.tasks}


def test_calendar_for_one_agency_by_name(plan: Plan) -> None:
    table = reporting_calendar(plan, date(2025, 1, 1), date(2025, 12, 31), agency="Sở Y tế")
    assert table["agency"].to_list() == ["so-y-te", "so-y-te"]
    assert table["targets"].to_list() == [["2030-22"], ["2030-22"]]
    with pytest.raises(UnknownAgencyError):
        reporting_calendar(plan, date(2025, 1, 1), date(2025, 12, 31), agency="Sở Không Có")


# ------------------------------------------------------------------------------ the template


def test_template_lists_the_agencys_targets_with_last_values(plan: Plan) -> None:
    history = pl.DataFrame(
        {
            "indicator": ["dti-rank", "dti-rank", "dti-rank", "tfp-contribution"],
            "year": [2020, 2021, 2022, 2023],
            "value": [33.0, 31.0, 51.0, 47.0],
        }
    )
    sheet = reporting_template(
        plan, "so-khcn", observations=history, as_of=date(2025, 6, 1), year=2025
    )
    assert sheet.columns == [
        "indicator",
        "target_id",
        "row",
        "horizon",
        "name",
        "unit",
        "target",
        "last_year",
        "last_value",
        "year",
        "value",
        "assessment",
    ]
    dti = sheet.filter(pl.col("target_id") == "2030-2").row(0, named=True)
    assert (dti["unit"], dti["target"], dti["last_year"], dti["last_value"]) == (
        "Thứ bậc",
        "Xếp hạng ở nhóm 30 tỉnh, thành",
        2022,
        51.0,
    )
    assert sheet["value"].null_count() == sheet.height
    assert set(sheet["year"]) == {2025}
    # Without a date, the leads as printed: Sở KH&CN alone does not carry the DTI yet.
    printed = reporting_template(plan, "so-khcn")
    assert "2030-2" not in set(printed["target_id"])


def test_last_value_is_converted_to_the_targets_unit(plan: Plan) -> None:
    history = pl.DataFrame(
        {"indicator": ["e-health-records"], "year": [2024], "value": [0.42], "unit": ["fraction"]}
    )
    sheet = reporting_template(plan, "so-y-te", observations=history)
    assert sheet["last_value"].item() == pytest.approx(42.0)


def test_template_refuses_several_entities(plan: Plan) -> None:
    history = pl.DataFrame(
        {
            "indicator": ["e-health-records", "e-health-records"],
            "entity": ["a", "b"],
            "year": [2024, 2024],
            "value": [40.0, 50.0],
        }
    )
    with pytest.raises(ObservationError, match="one entity"):
        reporting_template(plan, "so-y-te", observations=history)


def test_last_values_are_the_provinces_own_among_several_entities(plan: Plan) -> None:
    """The published figures hold Bến Tre's rows and, from 2025, the new Vĩnh Long's: the
    template of a Bến Tre plan takes Bến Tre's last values (the shipped sample file)."""
    sheet = reporting_template(
        plan, "so-khcn", observations=published_figures(), as_of="2026-11-28", year=2026
    )
    last = {r["target_id"]: (r["last_year"], r["last_value"]) for r in sheet.iter_rows(named=True)}
    assert last["2030-1"] == (2023, 28.0)  # PII rank of Bến Tre, not Vĩnh Long's 17 of 2025
    assert last["2030-2"] == (2022, 51.0)  # DTI rank
    assert last["2030-3"] == (2023, 47.0)  # TFP contribution


def test_the_province_is_recognised_however_its_name_is_written(plan: Plan) -> None:
    history = pl.DataFrame(
        {
            "indicator": ["e-health-records"] * 3,
            "entity": ["Trà Vinh", "  TỈNH  Bến Tre ", "Vĩnh Long"],
            "year": [2024, 2023, 2024],
            "value": [70.0, 40.0, 80.0],
        }
    )
    sheet = reporting_template(plan, "so-y-te", observations=history)
    assert (sheet["last_year"].item(), sheet["last_value"].item()) == (2023, 40.0)
    with pytest.raises(ObservationError, match="none is the plan's province 'Bến Tre'"):
        reporting_template(plan, "so-y-te", observations=history.filter(pl.col("year") == 2024))


def test_one_entity_is_taken_whatever_its_name(plan: Plan) -> None:
    history = pl.DataFrame(
        {"indicator": ["e-health-records"], "entity": ["Vĩnh Long"], "year": [2024], "value": [8.0]}
    )
    sheet = reporting_template(plan, "so-y-te", observations=history)
    assert sheet["last_value"].item() == 8.0


def test_the_template_of_a_merged_department(plan: Plan, tmp_path: Path) -> None:
    """Sở TT&TT no longer exists on 28/11/2026: its template lists the targets Phụ lục I prints
    for it (Sở KH&CN reports them now), not an empty sheet."""
    sheet = reporting_template(plan, "so-tttt", as_of="2026-11-28")
    assert sheet["target_id"].to_list() == [
        "2030-2",
        "2030-4",
        "2030-5.1",
        "2030-15",
        "2030-15.1",
        "2030-15.2",
        "2030-17",
        "2030-19",
        "2030-21",
        "2045-1",
        "2045-3",
    ]
    printed = reporting_template(plan, "so-tttt", year=2026)  # the leads as printed
    assert sheet.equals(printed)
    assert reporting_template(plan, "Sở KH&ĐT", as_of="2026-11-28").is_empty()  # tasks only
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    path = write_reporting_template(tmp_path / "tttt.xlsx", plan, "so-tttt", as_of="2026-11-28")
    title = openpyxl.load_workbook(path)["huong-dan"]["A1"].value
    assert title == (
        "Kế hoạch 922/KH-UBND: biểu mẫu báo cáo của Sở Thông tin và Truyền thông "
        "(từ 01/03/2025 do Sở Khoa học và Công nghệ báo cáo)"
    )


def test_a_filled_template_saved_by_vietnamese_excel(plan: Plan, tmp_path: Path) -> None:
    """Excel in a Vietnamese locale saves a CSV with semicolons (and decimal commas)."""
    path = write_reporting_template(tmp_path / "y-te.csv", plan, "so-y-te", year=2025)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = next(csv.reader(lines[1:]))
    cells[header.index("value")] = "92,5"
    text = ";".join(header) + "\n" + ";".join(cells) + "\n"
    path.write_bytes(text.encode("utf-8-sig"))
    assert read_reporting_template(path).rows() == [("e-health-records", 92.5, "%", 2025, None)]


def _fill(frame: pl.DataFrame) -> pl.DataFrame:
    values = {"2030-2": 28.0, "2030-3": 49.5, "2030-4": 12.25, "2045-1": 12.25}
    return frame.with_columns(
        pl.col("target_id")
        .replace_strict(values, default=None, return_dtype=pl.Float64)
        .alias("value"),
        pl.when(pl.col("target_id") == "2030-15")
        .then(pl.lit(True))
        .otherwise(None)
        .alias("assessment"),
    )


def _check_read_back(plan: Plan, observations: pl.DataFrame) -> None:
    assert observations.columns == ["indicator", "value", "unit", "year", "assessment"]
    assert observations.schema["value"] == pl.Float64
    assert observations.schema["year"] == pl.Int64
    rows = {r["indicator"]: r for r in observations.iter_rows(named=True)}
    # 2030-4 and 2045-1 measure the same indicator: the value counts once.
    assert set(rows) == {
        "dti-rank",
        "tfp-contribution",
        "digital-economy-share",
        "digital-infrastructure",
    }
    assert rows["dti-rank"]["value"] == 28.0
    assert rows["dti-rank"]["unit"] == "Thứ bậc"
    assert rows["digital-infrastructure"]["assessment"] is True
    assert set(observations["year"]) == {2025}
    for target_id in ("2030-2", "2030-3"):
        target = plan.target(target_id)
        row = rows[target.indicator]
        assert target.is_met(row["value"], unit=row["unit"]) is (target_id == "2030-2")
    result = progress(plan, observations)
    assert result.filter(pl.col("target_id") == "2030-2")["met"].item() is True
    assert result.filter(pl.col("target_id") == "2030-15")["category"].item() == "target_achieved"
    # The engine takes the file read back as it is.
    evaluated = evaluate(plan, observations)
    status = {r["target_id"]: str(r["status"]) for r in evaluated.iter_rows(named=True)}
    assert status["2030-2"] == "met"
    assert status["2030-3"] == "not_met"
    assert status["2030-15"] == "met"


def test_csv_round_trip(plan: Plan, tmp_path: Path) -> None:
    path = write_reporting_template(
        tmp_path / "so-khcn.csv", plan, "so-khcn", as_of=date(2025, 6, 1), year=2025
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel shows Vietnamese right
    written = pl.read_csv(path, infer_schema=False)
    assert written.height == reporting_template(plan, "so-khcn", as_of=date(2025, 6, 1)).height
    filled = _fill(pl.read_csv(path))
    # People type numbers the Vietnamese way.
    filled = filled.with_columns(
        pl.when(pl.col("target_id") == "2030-3")
        .then(pl.lit("49,5"))
        .otherwise(pl.col("value").cast(pl.String))
        .alias("value")
    )
    filled.write_csv(path)
    _check_read_back(plan, read_reporting_template(path))


def test_xlsx_round_trip(plan: Plan, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    path = write_reporting_template(
        tmp_path / "so-khcn.xlsx", plan, "so-khcn", as_of=date(2025, 6, 1), year=2025
    )
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["template", "huong-dan"]
    sheet = workbook["template"]
    header = [c.value for c in sheet[1]]
    column = {name: index + 1 for index, name in enumerate(header)}
    values = {"2030-2": 28, "2030-3": "49,5", "2030-4": 12.25, "2045-1": 12.25}
    for row in range(2, sheet.max_row + 1):
        target_id = sheet.cell(row, column["target_id"]).value
        if target_id in values:
            sheet.cell(row, column["value"]).value = values[target_id]
        if target_id == "2030-15":
            sheet.cell(row, column["assessment"]).value = "đạt"
    workbook.save(path)
    _check_read_back(plan, read_reporting_template(path))


def test_conflicting_values_are_refused(plan: Plan, tmp_path: Path) -> None:
    path = write_reporting_template(tmp_path / "t.csv", plan, "so-khcn", as_of=date(2025, 6, 1))
    filled = pl.read_csv(path).with_columns(
        pl.col("target_id")
        .replace_strict({"2030-4": 12.0, "2045-1": 13.0}, default=None, return_dtype=pl.Float64)
        .alias("value"),
        pl.lit(2025).alias("year"),
    )
    filled.write_csv(path)
    with pytest.raises(ObservationError, match="different values"):
        read_reporting_template(path)


def test_unreadable_cells_are_refused(plan: Plan, tmp_path: Path) -> None:
    path = write_reporting_template(tmp_path / "t.csv", plan, "so-y-te")
    pl.read_csv(path, infer_schema=False).with_columns(pl.lit("nhiều").alias("value")).write_csv(
        path
    )
    with pytest.raises(ObservationError, match="row 2"):
        read_reporting_template(path)


@pytest.mark.parametrize("name", ["t.json", "t.parquet", "t.txt", "t"])
def test_a_template_is_only_written_in_a_format_it_is_read_back_from(
    plan: Plan, tmp_path: Path, name: str
) -> None:
    with pytest.raises(
        ValueError, match=r"the formats are csv \(\.csv\), xlsx \(\.xlsx\)$"
    ) as caught:
        write_reporting_template(tmp_path / name, plan, "so-y-te")
    assert isinstance(caught.value, Kh922Error)
    assert not (tmp_path / name).exists()
    with pytest.raises(ValueError, match=r"csv \(\.csv\), xlsx \(\.xlsx\)$"):
        read_reporting_template(tmp_path / name)


def test_a_csv_template_escapes_names_that_would_run_as_formulas(tmp_path: Path) -> None:
    """A plan's name that starts like a formula is written inert (``'=…``), and the template
    still reads back."""
    example = Path(__file__).resolve().parents[2] / "examples" / "adapting"
    for name in ("my_province_plan.yaml", "agencies.yaml"):
        (tmp_path / name).write_text((example / name).read_text(encoding="utf-8"), "utf-8")
    plan_file = tmp_path / "my_province_plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    hostile = '    name: "=HYPERLINK(\\"http://x\\",\\"bấm\\")"\n    unit: "Thứ bậc"'
    plan_file.write_text(
        text.replace(
            '    name: "Chỉ số đổi mới sáng tạo cấp địa phương (PII)"\n    unit: "Thứ bậc"', hostile
        ),
        encoding="utf-8",
    )
    hostile_plan = load_plan(plan_file)
    path = write_reporting_template(tmp_path / "t.csv", hostile_plan, "so-khcn", year=2025)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["name"] == '\'=HYPERLINK("http://x","bấm")'
    rows[0]["value"] = "18"
    lines = [";".join(rows[0])] + [";".join(row.values()) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert read_reporting_template(path).rows() == [("pii-rank", 18.0, "Thứ bậc", 2025, None)]
