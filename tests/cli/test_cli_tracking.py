"""``kh922 tasks`` and ``kh922 calendar``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core._cli.command import main


def test_tasks_lists_overdue_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "--as-of", "2025-07-01", "--status", "overdue"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "task_id",
        "deadline",
        "due",
        "agency",
        "status",
        "days_left",
        "completed_on",
    ]
    body = out[2:]
    assert {line.split()[0] for line in body} == {"task-07", "task-30"}
    assert all("overdue" in line for line in body)


def test_tasks_reads_completions_and_triggers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    completions = tmp_path / "done.csv"
    completions.write_text("task_id,completed_on,agency\ntask-07,2025-06-15,\n", encoding="utf-8")
    triggers = tmp_path / "triggers.csv"
    triggers.write_text(
        "trigger,occurred_on,due_after_days\nBộ Nội vụ ban hành Đề án,2025-05-01,30\n",
        encoding="utf-8",
    )
    code = main(
        [
            "tasks",
            "--as-of",
            "2025-07-01",
            "--completions",
            str(completions),
            "--triggers",
            str(triggers),
            "--format",
            "csv",
        ]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "task_id,deadline,due,agency,status,days_left,completed_on"
    assert "task-07,Quý II/2025,2025-06-30,cac-so-ban-nganh-dia-phuong,done,-1,2025-06-15" in lines
    assert "task-05,Sau khi Bộ Nội vụ ban hành Đề án,2025-05-31,so-noi-vu,overdue,-31," in lines


def test_tasks_for_one_agency(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "--as-of", "2025-07-01", "--agency", "Sở Y tế"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2  # so-y-te leads a target, no task


def test_calendar_prints_each_date_and_agency(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2025-01-01", "2025-12-31", "--agency", "so-y-te"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["report_date", "agency", "n_targets", "n_tasks", "targets", "tasks"]
    assert out[2].split() == ["2025-05-31", "so-y-te", "1", "0", "2030-22"]
    assert out[3].split() == ["2025-11-14", "so-y-te", "1", "0", "2030-22"]


def test_bad_dates_and_tables_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2025-01-01", "not-a-date"]) == 2
    assert "expected a date YYYY-MM-DD" in capsys.readouterr().err
    bad = tmp_path / "done.csv"
    bad.write_text("task_id,completed_on\ntask-99,2025-01-01\n", encoding="utf-8")
    assert main(["tasks", "--as-of", "2025-07-01", "--completions", str(bad)]) == 2
    assert "unknown task id" in capsys.readouterr().err
