"""Tables for people: Vietnamese labels from a data file, fitted to the terminal, ids whole."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from importlib import resources

import polars as pl
import pytest
import yaml

from kh922core import Status, TaskStatus
from kh922core._cli.tables import LANGUAGES, Column, labels, named, render

LONG = (
    "Nâng cao chất lượng cung cấp dịch vụ công trực tuyến toàn trình; cung cấp dịch vụ số mới "
    "được cá nhân hóa, dựa trên dữ liệu cho người dân và doanh nghiệp"
)
AGENCY = "cac-so-ban-nganh-dia-phuong"


def _table() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "task_id": ["task-07", "task-30"],
            "task_name": ["Xây dựng kế hoạch", LONG],
            "agency": [AGENCY, "so-khcn"],
            "targets": [["2030-1", "2030-15.1", "2045-3"], []],
            "task_status": ["overdue", "waiting_on_trigger"],
            "days_left": [-1, 12000],
            "value_converted": [6388.3, None],
            "due": [date(2025, 6, 30), None],
        }
    )


COLUMNS = [
    Column("task_id", "id"),
    Column("task_name"),
    Column("agency", "id"),
    Column("targets", "ids"),
    Column("task_status", "value"),
    Column("days_left", "number"),
    Column("value_converted", "number"),
    Column("due", "date"),
]


def test_the_labels_file_has_every_word_in_both_languages() -> None:
    text = (resources.files("kh922core") / "data" / "table_labels.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert set(data) == {"columns", "values", "messages"}
    for section in data.values():
        for key, words in section.items():
            assert set(words) == set(LANGUAGES), key
            assert all(isinstance(w, str) and w for w in words.values()), key
    # Every status the engine and the task table give has words.
    assert {s.value for s in Status} | {s.value for s in TaskStatus} <= set(data["values"])
    assert {f"status_{s.value}" for s in Status} <= set(data["columns"])


@pytest.mark.parametrize(
    ("status", "vi", "en"),
    [
        ("met", "Đạt", "met"),
        ("exceeded", "Vượt", "exceeded"),
        ("not_met", "Không đạt", "not met"),
        ("no_data", "Chưa có số liệu", "no data"),
        ("needs_assessment", "Cần đánh giá", "needs assessment"),
        ("overdue", "Quá hạn", "overdue"),
    ],
)
def test_statuses_in_vietnamese_and_english(status: str, vi: str, en: str) -> None:
    assert labels("vi").value(status) == vi
    assert labels("en").value(status) == en
    assert labels("vi").value("something else") == "something else"


def test_numbers_dates_and_shares_as_people_write_them() -> None:
    vi, en = labels("vi"), labels("en")
    assert (vi.number(6388.3), en.number(6388.3)) == ("6.388,3", "6,388.3")
    assert (vi.number(12000.0), en.number(12000.0)) == ("12.000", "12,000")
    assert (vi.number(0.12345), en.number(-0.0)) == ("0,123", "0")
    assert vi.number(float("nan")) == ""
    assert (vi.percent(0.0789), en.percent(0.0789)) == ("7,9%", "7.9%")
    assert (vi.day(date(2025, 5, 31)), en.day(date(2025, 5, 31))) == ("31/05/2025", "2025-05-31")


def test_a_wide_terminal_shows_each_row_on_one_line() -> None:
    lines = render(_table(), COLUMNS, labels("vi"), width=400).splitlines()
    assert len(lines) == 4  # heading, rule, two rows
    assert lines[0].split()[:4] == ["Mã", "nhiệm", "vụ", "Nhiệm"]
    assert "Quá hạn" in lines[2]
    assert "Chờ điều kiện" in lines[3]
    assert "2030-1, 2030-15.1, 2045-3" in lines[2]
    assert "31/05/2025" not in lines[2]
    assert "30/06/2025" in lines[2]
    assert lines[2].rstrip().endswith("6.388,3  30/06/2025")
    # Numbers are right-aligned: the two day counts end in the same column.
    rule = lines[1].split("  ")
    end = sum(len(part) + 2 for part in rule[:6]) - 2
    assert lines[2][end - 2 : end] == "-1"
    assert lines[3][end - 5 : end] == "12000"


NARROW = [
    Column("task_id", "id"),
    Column("task_name"),
    Column("agency", "id"),
    Column("days_left", "number"),
]


@pytest.mark.parametrize("width", [60, 70, 80, 100])
def test_a_table_fits_the_terminal_and_never_cuts_an_id(width: int) -> None:
    out = render(_table(), NARROW, labels("vi"), width=width)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert len(lines) > 4  # the long text wraps
    words = out.split()
    for whole in ("task-07", "task-30", AGENCY, "so-khcn", "-1", "12000"):
        assert whole in words, whole
    # Every word of the long text is in its column, in order, none broken.
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    first, second = lines[rule].split("  ")[:2]
    start = len(first) + 2
    cells = [line[start : start + len(second)] for line in lines[rule + 1 :]]
    assert " ".join(" ".join(cells).split()) == "Xây dựng kế hoạch " + " ".join(LONG.split())


def test_every_column_kind_fits_a_terminal_of_100() -> None:
    out = render(_table(), COLUMNS, labels("vi"), width=100)
    assert max(len(line) for line in out.splitlines()) <= 100
    for whole in (AGENCY, "2030-1,", "2030-15.1,", "2045-3", "6.388,3", "30/06/2025", "12000"):
        assert whole in out.split(), whole


def test_too_narrow_a_terminal_widens_the_table_rather_than_cut_an_id() -> None:
    out = render(_table(), COLUMNS, labels("vi"), width=20)
    assert AGENCY in out.split()
    assert max(len(line) for line in out.splitlines()) > 20


def test_a_named_column_keeps_the_id_whole() -> None:
    frame = pl.DataFrame({"agency": [AGENCY, "so-y-te"]})
    names = {AGENCY: "Các sở, ban, ngành, địa phương", "so-y-te": "Sở Y tế"}
    shown = frame.with_columns(named("agency", "agency", names))
    out = render(shown, [Column("agency", "named")], labels("en"), width=10)
    assert f"({AGENCY})" in out.split()
    assert out.splitlines()[0] == "Agency"


def test_the_terminal_width_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    assert max(len(line) for line in render(_table(), NARROW, labels("vi")).splitlines()) <= 64
    monkeypatch.setenv("COLUMNS", "400")
    assert len(render(_table(), NARROW, labels("vi")).splitlines()) == 4


def test_headings_in_english() -> None:
    out = render(_table(), COLUMNS, labels("en"), width=400)
    assert out.splitlines()[0].split()[:4] == ["Task", "id", "Task", "Agency"]
    assert "waiting on trigger" in out


def test_the_command_loads_polars_only_for_commands_that_need_it() -> None:
    code = (
        "import sys\n"
        "from kh922core._cli import main\n"
        "main(['explain', 'trên 80%'])\n"
        "print('polars' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    assert run.stdout.splitlines()[-1] == "False"
