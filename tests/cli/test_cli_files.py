"""Files as officials have them, on the command line: what ``kh922 evaluate --observations``
reads, the CSV every command writes (UTF-8 with a BOM, for Excel), and ``--as-of``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from kh922core import load_plan, write_reporting_template
from kh922core._cli.command import main

BOM = b"\xef\xbb\xbf"


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def _csv_rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))


def test_a_csv_saved_by_vietnamese_excel_is_evaluated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    observations = tmp_path / "so-lieu.csv"
    observations.write_bytes(
        "indicator;year;value\r\ntfp-contribution;2023;55,5\r\npii-rank;2023;28\r\n".encode(
            "utf-8-sig"
        )
    )
    args = ["evaluate", "--observations", str(observations), "--format", "csv"]
    assert main(args) == 0
    rows = {(r["target_id"], r["status"]) for r in _csv_rows(capsys.readouterr().out)}
    # 2030-3 is "≥ 55" (55,5 meets it); 2030-1 and 2045-2 rank PII within 30 (28 meets them).
    assert rows == {("2030-3", "met"), ("2030-1", "met"), ("2045-2", "met")}


def test_an_xlsx_is_evaluated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["indicator", "year", "value"])
    workbook.active.append(["tfp-contribution", 2023, "47,0"])
    workbook.save(tmp_path / "so-lieu.xlsx")
    args = ["evaluate", "--observations", str(tmp_path / "so-lieu.xlsx"), "--format", "csv"]
    assert main(args) == 0
    (row,) = _csv_rows(capsys.readouterr().out)
    assert (row["target_id"], row["value_converted"], row["status"]) == (
        "2030-3",
        "47.0",
        "not_met",
    )


def test_a_filled_template_is_evaluated_directly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    path = write_reporting_template(tmp_path / "y-te.xlsx", load_plan(), "so-y-te", year=2025)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["template"]
    sheet.cell(2, [c.value for c in sheet[1]].index("value") + 1).value = "92,5"
    workbook.save(path)
    assert main(["evaluate", "--observations", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 lượt đánh giá" in out
    assert "Đạt" in out  # 2030-22 is "≥ 90" (%): 92,5 meets it
    assert main(["evaluate", "--observations", str(path), "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["target_id"], result["value"], result["status"]) == ("2030-22", 92.5, "met")


def test_a_missing_column_is_one_line_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    observations = tmp_path / "o.csv"
    observations.write_text("indicator;Value\nhdi;0,7\n", encoding="utf-8")
    assert main(["evaluate", "--observations", str(observations)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kh922 evaluate: error: 1 problem(s) in observations")
    assert "its columns: 'indicator', 'Value'); did you mean 'Value'?" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["evaluate", "--format", "csv"],
        ["tasks", "--as-of", "2025-07-01", "--format", "csv"],
        ["calendar", "2025-01-01", "2025-12-31", "--format", "csv"],
    ],
    ids=["evaluate", "tasks", "calendar"],
)
def test_every_csv_is_written_for_excel(
    argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(argv) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(BOM)
    assert out.count(BOM) == 1
    header = out[len(BOM) :].split(b"\n")[0]
    assert header.split(b",")[0] in (b"indicator", b"task_id", b"report_date")
    out.decode("utf-8")  # UTF-8 throughout


def test_the_installed_command_writes_the_bom_too(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "kh922core",
            "calendar",
            "2025-05-01",
            "2025-05-31",
            "--format",
            "csv",
        ],
        capture_output=True,
        cwd=tmp_path,
        check=True,
    )
    assert run.stdout.startswith(BOM + b"report_date,agency,n_targets,n_tasks,targets,tasks\n")
    assert "Sở".encode() not in run.stdout  # machine names only: ids, not names


def test_json_has_no_bom(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["evaluate", "--format", "json"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"{")


def _summary(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, dict[str, int]]:
    args = ["evaluate", "--format", "json", "--by", "lead_agency", *extra]
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)["summary"]
    return {row["lead_agency"]: row for row in rows}


def test_evaluate_by_lead_agency_as_of_a_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Phụ lục I prints Sở TT&TT as lead of 11 targets and Sở KH&CN of 10; from 01/03/2025 Sở
    KH&CN carries all 21 (agency registry)."""
    observations = tmp_path / "dti.csv"
    observations.write_text("indicator,value\ndti-rank,51\n", encoding="utf-8")
    printed = _summary(capsys, "--observations", str(observations))
    assert (printed["so-khcn"]["n_targets"], printed["so-tttt"]["n_targets"]) == (10, 11)
    assert printed["so-tttt"]["status_not_met"] == 1  # DTI rank 51, target "nhóm 30"
    merged = _summary(capsys, "--observations", str(observations), "--as-of", "2026-11-28")
    assert "so-tttt" not in merged
    assert merged["so-khcn"]["n_targets"] == 21
    assert merged["so-khcn"]["status_not_met"] == 1
    before = _summary(capsys, "--observations", str(observations), "--as-of", "2025-02-28")
    assert before == printed


def test_the_printed_summary_says_which_leads_it_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["evaluate", "--by", "lead_agency", "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert "Cơ quan chủ trì là cơ quan đảm nhận ngày 28/11/2026" in out
    assert "Sở Khoa học và Công nghệ (so-khcn)" in out
    assert "(so-tttt)" not in out.split("Tổng hợp theo")[1]
    assert main(["evaluate", "--by", "lead_agency", "--lang", "en"]) == 0
    assert "Lead agencies as printed in the plan" in capsys.readouterr().out


def test_as_of_takes_a_date_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--by", "lead_agency", "--as-of", "28/11/2026"]) == 2
    assert "expected a date YYYY-MM-DD" in capsys.readouterr().err


def test_completions_from_an_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["task_id", "completed_on", "agency"])
    workbook.active.append(["task-07", datetime(2025, 6, 15), None])
    workbook.save(tmp_path / "xong.xlsx")
    args = ["tasks", "--as-of", "2025-07-01", "--completions", str(tmp_path / "xong.xlsx")]
    assert main([*args, "--format", "csv"]) == 0
    rows = [r for r in _csv_rows(capsys.readouterr().out) if r["task_id"] == "task-07"]
    assert len(rows) == 3  # its three carriers from 01/07/2025
    assert {(r["status"], r["completed_on"]) for r in rows} == {("done", "2025-06-15")}


def test_no_evaluation_is_no_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    observations = tmp_path / "o.csv"
    observations.write_text("indicator;value\n", encoding="utf-8")
    assert main(["evaluate", "--observations", str(observations), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(f"0 evaluations of observations from {observations}")
    assert lines[1] == ""
    assert lines[2].startswith("Summary by Horizon")


def test_a_problem_the_engine_finds_names_the_rows_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    observations = tmp_path / "o.csv"
    observations.write_text(
        "indicator;year;value\n# a comment line\nhdi;2024;0,7\n\nTổng cộng;2024;5\n",
        encoding="utf-8",
    )
    assert main(["evaluate", "--observations", str(observations)]) == 2
    err = capsys.readouterr().err
    assert "unknown indicator id(s) 'Tổng cộng'" in err
    assert "(rows of the file)" in err
    assert "rows [5]" in err  # the line of the file, not the place in the table read (1)
