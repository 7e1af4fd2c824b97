"""Filled files that a second round of hostile returns showed were consolidated silently: the
same value from several agencies (parts of a whole, or one figure?), a value typed in the unit
column, an assessment on a target of numbers, a template sent back empty, a unit that does not
fit its indicator; and a filled template given to ``kh922 evaluate`` and ``kh922 progress``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest

import kh922core
from kh922core._cli import main
from tests.reports.filling import fill, keys, set_cell

AS_OF = "2025-05-20"


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _template(tmp_path: Path, plan: kh922core.Plan, agency: str) -> Path:
    (path,) = kh922core.write_templates(tmp_path / f"{agency}.xlsx", plan, [agency], as_of=AS_OF)
    return path


def test_the_same_value_from_several_agencies_is_read_once_and_listed(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    leads = plan.target("2030-16").lead_agencies
    assert len(leads) >= 2  # a target several bodies share
    files = [fill(_template(tmp_path, plan, agency), {"2030-16": 1}) for agency in leads]
    found = kh922core.collect(files, plan=plan)
    values = found.observations.filter(pl.col("indicator") == plan.target("2030-16").indicator)
    assert values["value"].to_list() == [1.0]
    repeated = [r for r in found.rejected if "the same value as" in r.reason]
    assert len(repeated) == len(leads) - 1
    assert not found.clean
    # each agency reported, though its figure was read once (round 167: the others were
    # named in the report as agencies that had not reported)
    assert sorted(found.repeated["agency"].to_list()) == sorted(leads[1:])
    report = kh922core.build_report(plan, found, as_of=AS_OF)
    assert not set(leads) & set(report.not_reported)


def test_one_agency_sending_its_file_twice_is_no_repeat(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    path = fill(_template(tmp_path, plan, "so-khcn"), {"2030-3": "49,5"})
    copy = tmp_path / "lan-2.xlsx"
    copy.write_bytes(path.read_bytes())
    found = kh922core.collect([path, copy], plan=plan)
    assert found.clean
    assert found.observations["value"].to_list() == [49.5]


def test_a_value_typed_in_the_unit_column_is_listed(tmp_path: Path, plan: kh922core.Plan) -> None:
    path = set_cell(_template(tmp_path, plan, "so-khcn"), "2030-3", "unit", "49,5")
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty()
    (rejected,) = found.rejected
    assert (rejected.column, rejected.value) == ("unit", "49,5")
    assert "unit column" in rejected.reason


def test_an_assessment_alone_on_a_target_of_numbers_is_listed(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    path = set_cell(_template(tmp_path, plan, "so-khcn"), "2030-3", "assessment", "Đạt")
    found = kh922core.collect([path], plan=plan)
    assert any(
        r.column == "assessment" and "targets are numbers" in r.reason for r in found.rejected
    )


def test_a_template_sent_back_empty_is_listed(tmp_path: Path, plan: kh922core.Plan) -> None:
    found = kh922core.collect([_template(tmp_path, plan, "so-khcn")], plan=plan)
    (rejected,) = found.rejected
    assert "came back empty" in rejected.reason
    assert found.sources["n_values"].to_list() == [0]


def test_a_unit_that_does_not_fit_is_listed_and_the_rest_is_reported(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    path = fill(_template(tmp_path, plan, "so-khcn"), {"2030-3": "49,5", "2030-1": 25})
    set_cell(path, "2030-3", "unit", "người")
    found = kh922core.collect([path], plan=plan)
    assert found.observations["indicator"].to_list() == [plan.target("2030-1").indicator]
    assert any(
        r.value == "người" and "is not the indicator's unit" in r.reason for r in found.rejected
    )
    assert main(["report", "--observations", str(path), "-o", str(tmp_path / "r.html")]) == 0


def test_a_percentage_cell_for_a_count_in_an_observation_table_is_listed(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    path = tmp_path / "so-lieu.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "year", "value"])
    sheet.append(["smart-cities", 2025, 1])
    sheet.cell(2, 3).number_format = "0%"  # shows 100%: no count of cities
    sheet.append(["tfp-contribution", 2025, 0.495])
    sheet.cell(3, 3).number_format = "0.0%"
    book.save(path)
    read = kh922core.read_observations(path)
    assert read.select("value", "unit").rows() == [(100.0, "%"), (49.5, "%")]
    found = kh922core.collect([path], plan=plan)
    assert found.observations["indicator"].to_list() == ["tfp-contribution"]
    assert [r.value for r in found.rejected] == ["%"]


@pytest.mark.parametrize("command", ["evaluate", "progress"])
def test_evaluate_and_progress_read_a_filled_agency_template(
    tmp_path: Path,
    plan: kh922core.Plan,
    command: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = fill(_template(tmp_path, plan, "so-khcn"), {"2030-3": "56,5"})
    set_cell(path, "2030-1", "value", "khoảng 20")
    assert main([command, "--observations", str(path), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    rows = [line for line in out.splitlines() if "2030-3," in line]
    assert rows
    assert "56.5" in rows[0]
    assert "khoảng 20" in err  # the cell not used is named


@pytest.mark.parametrize(
    ("target", "value", "why"),
    [
        ("2030-1", 0, "is no rank"),  # PII rank 0
        ("2030-1", "12,5", "is no rank"),
        ("2030-3", 8550, "is no percentage"),  # 85,5 typed in a cell formatted as %
    ],
)
def test_a_value_no_indicator_of_its_unit_can_take_is_listed(
    tmp_path: Path, plan: kh922core.Plan, target: str, value: object, why: str
) -> None:
    agency = plan.target(target).lead_agencies[0]
    found = kh922core.collect([fill(_template(tmp_path, plan, agency), {target: value})], plan=plan)
    assert found.observations.is_empty()
    (rejected,) = found.rejected
    assert why in rejected.reason


def test_a_column_that_tells_figures_apart_is_refused_not_dropped(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # the province's and a district's figures of one year: dropped, "dia_ban" made them two
    # values of one figure, each discarded as a conflict, and the report went on without them
    path = tmp_path / "so-lieu.csv"
    pl.DataFrame(
        {
            "indicator": ["tfp-contribution", "tfp-contribution"],
            "dia_ban": ["Bến Tre", "Châu Thành"],
            "year": [2025, 2025],
            "value": [49.5, 40.0],
        }
    ).write_csv(path)
    with pytest.raises(kh922core.ObservationError, match=r"dia_ban.*rename it 'entity'"):
        kh922core.collect([path], plan=plan)


def test_a_column_of_one_value_per_figure_is_left_unread(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    path = tmp_path / "so-lieu.csv"
    pl.DataFrame(
        {
            "indicator": ["tfp-contribution"],
            "ten_chi_tieu": ["Đóng góp của TFP"],
            "Nguồn": ["Cục Thống kê"],
            "year": [2025],
            "value": [49.5],
        }
    ).write_csv(path)
    found = kh922core.collect([path], plan=plan)
    assert found.observations.select("indicator", "value").rows() == [("tfp-contribution", 49.5)]


def test_a_column_beside_one_figure_given_twice_alike_is_no_refusal(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # a row number, and the same figure listed twice, or a row left unfilled: nothing told apart
    path = tmp_path / "so-lieu.csv"
    pl.DataFrame(
        {
            "STT": ["1", "2", "3"],
            "indicator": ["tfp-contribution"] * 3,
            "year": [2025, 2025, None],
            "value": [49.5, 49.5, None],
        }
    ).write_csv(path)
    found = kh922core.collect([path], plan=plan)
    valued = found.observations.filter(pl.col("value").is_not_null())
    assert valued.select("indicator", "value").rows() == [("tfp-contribution", 49.5)]


@pytest.mark.parametrize("as_of", [20250520, "20/05/2025"])
def test_build_report_names_a_day_that_is_no_date(plan: kh922core.Plan, as_of: object) -> None:
    with pytest.raises(kh922core.errors.Kh922Error, match="as_of"):
        kh922core.build_report(plan, as_of=as_of)  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["1" * 400, "1" + ".000" * 110])
def test_a_number_too_large_for_a_float_is_listed(
    tmp_path: Path, plan: kh922core.Plan, typed: str
) -> None:
    # round 167: 400 digits overflowed to infinity, and the whole collect stopped with "cannot
    # write inf as a target number", naming no cell
    path = set_cell(_template(tmp_path, plan, "so-khcn"), "2030-3", "value", typed)
    found = kh922core.collect([path], plan=plan)
    assert found.observations.is_empty()
    (rejected,) = found.rejected
    assert rejected.value == typed
    assert "is not a number" in rejected.reason


@pytest.mark.parametrize(
    ("heading", "listed"), [("STT", False), ("Số TT", False), ("Cột thêm", True)]
)
def test_a_column_that_numbers_the_rows_is_no_value(
    tmp_path: Path, plan: kh922core.Plan, heading: str, listed: bool
) -> None:
    # round 167: a sheet retyped with an "STT" column listed each of its numbers as "a number
    # in a column the template does not have" (21 lines for a clean return, exit 1)
    path = fill(_template(tmp_path, plan, "so-khcn"), {"2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.insert_cols(1)
    key_row, _ = keys(sheet)
    sheet.cell(key_row - 1, 1, heading)
    for number, row in enumerate(range(key_row + 1, sheet.max_row + 1), start=1):
        sheet.cell(row, 1, number)
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    assert found.observations["value"].to_list() == [49.5]
    assert bool(found.rejected) is listed


def test_a_figure_in_the_column_that_numbers_the_rows_is_listed(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    # round 169: 60 typed in the STT column of a row with no value (a sheet of a few rows) was
    # taken for the row's number, and lost with nothing listed
    path = _template(tmp_path, plan, "so-khcn")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.insert_cols(1)
    key_row, _ = keys(sheet)
    sheet.cell(key_row - 1, 1, "STT")
    sheet.cell(key_row + 1, 1, 60)
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    assert [(r.value, r.row) for r in found.rejected] == [("60", key_row + 1)]
