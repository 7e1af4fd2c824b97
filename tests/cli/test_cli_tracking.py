"""``kh922 tasks`` and ``kh922 calendar``: tables for people, CSV for Excel, successions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kh922core._cli.command import main

BOM = "\ufeff"


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal of 120 columns (``shutil.get_terminal_size`` reads ``COLUMNS`` first)."""
    monkeypatch.setenv("COLUMNS", "120")


def _csv(text: str) -> list[str]:
    """The lines of a CSV written on standard output, after its byte-order mark (one)."""
    assert text.startswith(BOM)
    assert text.count(BOM) == 1
    return text.removeprefix(BOM).splitlines()


def test_tasks_lists_overdue_tasks_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "--as-of", "2025-07-01", "--status", "overdue"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("-------"))
    heading = {word for line in lines[:rule] for word in line.split()}
    assert {"Mã", "nhiệm", "vụ", "Nhiệm", "Thời", "hạn", "Tình", "trạng", "Cơ", "quan"} <= heading
    rows = [line for line in lines[rule:] if line[:5] == "task-"]
    # From 01/07/2025 task-07 ("Các sở, ban, ngành, địa phương") is carried by the departments,
    # the communes and the province (the district level is abolished): one row each.
    assert [row.split()[0] for row in rows] == ["task-07", "task-07", "task-07", "task-30"]
    # Statuses in Vietnamese, dates as officials write them, names beside ids.
    assert out.count("Quá hạn") == 4
    assert "overdue" not in out
    assert "30/06/2025" in out
    assert "Sở Khoa học và Công nghệ" in out
    assert "(so-khcn)" in out
    assert "(ubnd-tinh-vinh-long)" in out  # an id is never cut
    assert "Xây dựng kế hoạch triển" in out  # the task's name


def test_tasks_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["tasks", "--as-of", "2025-07-01", "--status", "overdue", "--lang", "en"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["Task", "id", "Task"]
    assert out.count("overdue") == 4  # task-07 for its three carriers, task-30
    assert "2025-06-30" in out


def test_tasks_reads_completions_and_triggers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    completions = tmp_path / "done.csv"
    completions.write_text("task_id,completed_on,agency\ntask-07,2025-06-15,\n", encoding="utf-8")
    triggers = tmp_path / "triggers.csv"
    # As Excel saves it in a Vietnamese locale: separated by semicolons, with a BOM.
    triggers.write_text(
        "trigger;occurred_on;due_after_days\nBộ Nội vụ ban hành Đề án;2025-05-01;30\n",
        encoding="utf-8-sig",
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
    lines = _csv(capsys.readouterr().out)
    assert lines[0] == "task_id,deadline,due,agency,status,days_left,completed_on"
    for carrier in ("cac-so-ban-nganh", "ubnd-cap-xa", "ubnd-tinh-vinh-long"):  # from 01/07/2025
        assert f"task-07,Quý II/2025,2025-06-30,{carrier},done,-1,2025-06-15" in lines
    assert "task-05,Sau khi Bộ Nội vụ ban hành Đề án,2025-05-31,so-noi-vu,overdue,-31," in lines


def test_tasks_for_one_agency_names_it_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "--as-of", "2026-11-28", "--agency", "Sở Tài chính"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Cơ quan: Sở Tài chính (so-tai-chinh)"
    assert "Cơ quan" not in lines[1]  # no agency column under it


def test_an_agency_without_tasks_is_said_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "--as-of", "2025-07-01", "--agency", "Sở Y tế"]) == 0
    assert (
        capsys.readouterr().out == "Sở Y tế (so-y-te) không chủ trì nhiệm vụ nào của Phụ lục II.\n"
    )
    assert main(["tasks", "--as-of", "2025-07-01", "--agency", "so-y-te", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "Sở Y tế (so-y-te) leads no task of Phụ lục II.\n"


def test_no_task_matching_the_filters_is_said_so(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tasks", "--as-of", "2025-01-02", "--agency", "so-khcn", "--status", "done"]
    assert main(args) == 0
    assert capsys.readouterr().out == "Không có nhiệm vụ nào phù hợp.\n"


def test_a_merged_department_says_who_took_over(capsys: pytest.CaptureFixture[str]) -> None:
    """Sở KH&ĐT merged into Sở Tài chính on 01/03/2025 (agency registry): asked for it, the
    command names the successor and shows the tasks printed for Sở KH&ĐT as it carries them."""
    assert main(["tasks", "--as-of", "2026-11-28", "--agency", "so-khdt"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == (
        "Sở Kế hoạch và Đầu tư (so-khdt) không còn từ ngày 01/03/2025; các chỉ tiêu, nhiệm vụ "
        "của cơ quan này do Sở Tài chính (so-tai-chinh) đảm nhận (bảng dưới đây)."
    )
    assert lines[1] == "Cơ quan: Sở Tài chính (so-tai-chinh)"
    ids = [line.split()[0] for line in lines[2:] if line.startswith("task-")]
    assert ids == ["task-17", "task-43", "task-44"]  # Phụ lục II prints Sở KH&ĐT on these
    assert out.count("Thường xuyên") == 4  # tasks 43 and 44: deadline and status


def test_a_merged_department_in_csv(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tasks", "--as-of", "2026-11-28", "--agency", "so-khdt", "--format", "csv"]
    assert main(args) == 0
    captured = capsys.readouterr()
    days = (date(2030, 12, 31) - date(2026, 11, 28)).days  # "Năm 2030": due 31/12/2030
    assert _csv(captured.out) == [
        "task_id,deadline,due,agency,status,days_left,completed_on",
        f"task-17,Năm 2030,2030-12-31,so-tai-chinh,due,{days},",
        "task-43,Thường xuyên,,so-tai-chinh,recurring,,",
        "task-44,Thường xuyên,,so-tai-chinh,recurring,,",
    ]
    # The sentence goes to standard error, so that the CSV stays a table.
    assert "Sở Tài chính (so-tai-chinh)" in captured.err


def test_a_department_with_a_partial_successor(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tasks", "--as-of", "2026-11-28", "--agency", "Sở TT&TT", "--lang", "en"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Sở Thông tin và Truyền thông (so-tttt) ceased on 2025-03-01;")
    assert "carried by Sở Khoa học và Công nghệ (so-khcn)" in lines[0]
    assert lines[1].startswith(
        "Sở Văn hóa, Thể thao và Du lịch (so-vhttdl) took over a part from 2025-03-01:"
    )
    assert lines[2] == "Agency: Sở Khoa học và Công nghệ (so-khcn)"
    ids = {line.split()[0] for line in lines[3:] if line.startswith("task-")}
    assert {"task-01", "task-17", "task-44"} <= ids  # printed for Sở TT&TT
    assert "task-02" not in ids  # printed for Sở KH&CN alone


def test_before_the_merger_the_department_answers_itself(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["tasks", "--as-of", "2025-02-20", "--agency", "so-khdt"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Cơ quan: Sở Kế hoạch và Đầu tư (so-khdt)"


def test_calendar_prints_each_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2025-01-01", "2025-12-31", "--agency", "so-y-te"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Cơ quan: Sở Y tế (so-y-te)"
    assert lines[1].split() == [
        "Hạn",
        "báo",
        "cáo",
        "Số",
        "chỉ",
        "tiêu",
        "Số",
        "nhiệm",
        "vụ",
        "Các",
        "mục",
        "tiêu",
        "Các",
        "nhiệm",
        "vụ",
    ]
    assert lines[3].split() == ["31/05/2025", "1", "0", "2030-22"]
    assert lines[4].split() == ["14/11/2025", "1", "0", "2030-22"]


def test_calendar_of_an_abolished_district(capsys: pytest.CaptureFixture[str]) -> None:
    """UBND TP. Bến Tre reports itself on 31/05/2025; from 01/07/2025 the communes and the
    province carry its target 2030-16 (agency registry)."""
    args = ["calendar", "2025-01-01", "2025-12-31", "--agency", "ubnd-tp-ben-tre", "--lang", "en"]
    assert main(args) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(
        "Ủy ban nhân dân thành phố Bến Tre (ubnd-tp-ben-tre) ceased on 2025-07-01"
    )
    assert "Ủy ban nhân dân cấp xã (ubnd-cap-xa) and Ủy ban nhân dân tỉnh Vĩnh Long" in first
    args[-4:] = ["--agency", "ubnd-tp-ben-tre", "--format", "csv"]
    assert main(args) == 0
    assert _csv(capsys.readouterr().out) == [
        "report_date,agency,n_targets,n_tasks,targets,tasks",
        "2025-05-31,ubnd-tp-ben-tre,1,0,2030-16,",
        "2025-11-14,ubnd-cap-xa,1,0,2030-16,",
        "2025-11-14,ubnd-tinh-vinh-long,1,0,2030-16,",
    ]


def test_an_empty_calendar_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026-06-01", "2026-06-30"]) == 0
    assert capsys.readouterr().out == "Không có kỳ báo cáo nào từ 01/06/2026 đến 30/06/2026.\n"
    # The provincial committee issued the plan but leads none of its targets and tasks.
    assert main(["calendar", "2025-01-01", "2025-06-30", "--agency", "UBND tỉnh"]) == 0
    assert capsys.readouterr().out == (
        "Ủy ban nhân dân tỉnh Bến Tre (ubnd-tinh-ben-tre) không chủ trì chỉ tiêu hay nhiệm vụ "
        "nào của kế hoạch.\n"
    )


def test_bad_dates_and_tables_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2025-01-01", "not-a-date"]) == 2
    assert "expected a date YYYY-MM-DD" in capsys.readouterr().err
    bad = tmp_path / "done.csv"
    bad.write_text("task_id,completed_on\ntask-99,2025-01-01\n", encoding="utf-8")
    assert main(["tasks", "--as-of", "2025-07-01", "--completions", str(bad)]) == 2
    assert "unknown task id" in capsys.readouterr().err
