"""``task_status``: every deadline form of Phụ lục II, completions, triggers and succession."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kh922core import DeadlineKind, Plan, load_plan, parse_deadline, task_status
from kh922core.errors import ObservationError

SEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "seed"
    / "ke-hoach-922-KH-UBND-2025-ben-tre.txt"
)

# Each form as Phụ lục II prints it (task number, text, kind, start, due), written out by hand.
FORMS = [
    (1, "Thường xuyên", DeadlineKind.RECURRING, None, None),
    (4, "Sau khi Thủ tướng Chính phủ ban hành Quyết định", DeadlineKind.CONDITIONAL, None, None),
    (5, "Sau khi Bộ Nội vụ ban hành Đề án", DeadlineKind.CONDITIONAL, None, None),
    (7, "Quý II/2025", DeadlineKind.QUARTER, None, date(2025, 6, 30)),
    (8, "Năm 2025 trở lên", DeadlineKind.OPEN_ENDED, date(2025, 1, 1), None),
    (12, "12/2025", DeadlineKind.MONTH, None, date(2025, 12, 31)),
    (17, "Năm 2030", DeadlineKind.YEAR, None, date(2030, 12, 31)),
    (
        20,
        "Trình UBND tỉnh phê duyệt sau khi có Quyết định của Thủ tướng Chính phủ",
        DeadlineKind.CONDITIONAL,
        None,
        None,
    ),
    (21, "3/2026", DeadlineKind.MONTH, None, date(2026, 3, 31)),
    (25, "2025 - 2026", DeadlineKind.PERIOD, date(2025, 1, 1), date(2026, 12, 31)),
    (28, "Năm 2025 và các năm tiếp theo", DeadlineKind.OPEN_ENDED, date(2025, 1, 1), None),
    (30, "6/2025", DeadlineKind.MONTH, None, date(2025, 6, 30)),
    (
        34,
        "Sau khi Thủ tướng Chính phủ ban hành các Đề án cấp quốc gia",
        DeadlineKind.CONDITIONAL,
        None,
        None,
    ),
    (38, "9/2025", DeadlineKind.MONTH, None, date(2025, 9, 30)),
]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def _status(table: pl.DataFrame, task_id: str) -> set[str]:
    return set(table.filter(pl.col("task_id") == task_id)["status"].to_list())


@pytest.mark.parametrize(("number", "text", "kind", "start", "due"), FORMS)
def test_each_form_of_the_seed_is_read_as_written(
    plan: Plan,
    number: int,
    text: str,
    kind: DeadlineKind,
    start: date | None,
    due: date | None,
) -> None:
    task = plan.task(f"task-{number:02d}")
    assert task.deadline.text == text
    assert task.deadline.kind is kind
    assert task.deadline.start == start
    assert task.deadline.due == due


def test_the_deadlines_are_verbatim_lines_of_the_seed(plan: Plan) -> None:
    if not SEED.exists():
        pytest.skip("the seed text is not available")
    lines = SEED.read_text(encoding="utf-8").split("PHỤ LỤC II", 1)[1].splitlines()
    printed = {line.strip() for line in lines}
    for task in plan.tasks:
        assert task.deadline.text in printed, task.id
    kinds = {task.deadline.kind for task in plan.tasks}
    assert kinds == set(DeadlineKind) - {DeadlineKind.DATE}


@pytest.mark.parametrize(("number", "text", "kind", "start", "due"), FORMS)
def test_status_on_either_side_of_the_due_date(
    plan: Plan,
    number: int,
    text: str,
    kind: DeadlineKind,
    start: date | None,
    due: date | None,
) -> None:
    task_id = f"task-{number:02d}"
    early, late = date(2025, 3, 1), date(2031, 1, 1)
    if kind is DeadlineKind.RECURRING:
        assert _status(task_status(plan, as_of=early), task_id) == {"recurring"}
        assert _status(task_status(plan, as_of=late), task_id) == {"recurring"}
    elif kind is DeadlineKind.OPEN_ENDED:
        assert start is not None
        assert _status(task_status(plan, as_of=date(2024, 12, 31)), task_id) == {"due"}
        assert _status(task_status(plan, as_of=start), task_id) == {"recurring"}
        assert _status(task_status(plan, as_of=late), task_id) == {"recurring"}
    elif kind is DeadlineKind.CONDITIONAL:
        assert _status(task_status(plan, as_of=late), task_id) == {"waiting_on_trigger"}
    else:
        assert due is not None
        assert _status(task_status(plan, as_of=due), task_id) == {"due"}
        after = date.fromordinal(due.toordinal() + 1)
        assert _status(task_status(plan, as_of=after), task_id) == {"overdue"}
        done = pl.DataFrame({"task_id": [task_id], "completed_on": [due]})
        assert _status(task_status(plan, as_of=after, completions=done), task_id) == {"done"}


def test_days_left_is_negative_when_overdue(plan: Plan) -> None:
    table = task_status(plan, as_of=date(2025, 7, 10))
    row = table.filter(pl.col("task_id") == "task-07").row(0, named=True)
    assert (row["due"], row["days_left"], row["status"]) == (date(2025, 6, 30), -10, "overdue")


def test_a_date_form_deadline(plan: Plan) -> None:
    task = plan.task("task-12").model_copy(update={"deadline": parse_deadline("31/12/2025")})
    custom = plan.model_copy(update={"tasks": (task,)})
    assert _status(task_status(custom, as_of=date(2025, 12, 31)), "task-12") == {"due"}
    assert _status(task_status(custom, as_of=date(2026, 1, 1)), "task-12") == {"overdue"}


def test_triggers_by_text_and_by_task(plan: Plan) -> None:
    triggers = pl.DataFrame(
        {
            "trigger": ["bộ nội vụ   ban hành Đề án", None],
            "task_id": [None, "task-20"],
            "occurred_on": [date(2025, 5, 1), date(2025, 4, 1)],
            "due_after_days": [30, None],
            "due_on": [None, date(2025, 12, 31)],
        }
    )
    table = task_status(plan, as_of=date(2025, 7, 1), triggers=triggers)
    task5 = table.filter(pl.col("task_id") == "task-05").row(0, named=True)
    assert (task5["triggered_on"], task5["due"], task5["status"]) == (
        date(2025, 5, 1),
        date(2025, 5, 31),
        "overdue",
    )
    assert _status(table, "task-20") == {"due"}
    assert _status(table, "task-04") == {"waiting_on_trigger"}
    # A trigger recorded after the date does not count yet.
    early = task_status(plan, as_of=date(2025, 4, 30), triggers=triggers)
    assert _status(early, "task-05") == {"waiting_on_trigger"}


def test_a_trigger_without_a_due_date_leaves_the_task_due(plan: Plan) -> None:
    triggers = pl.DataFrame({"task_id": ["task-04"], "occurred_on": ["2025-05-01"]})
    table = task_status(plan, as_of=date(2030, 1, 1), triggers=triggers)
    assert _status(table, "task-04") == {"due"}


def test_completions_per_agency_after_succession(plan: Plan) -> None:
    # Task 22 is led by Công an tỉnh, Sở TT&TT and Văn phòng UBND tỉnh; Sở TT&TT merged into
    # Sở KH&CN on 2025-03-01 (Sở VHTTDL took only press and publishing, a partial succession that
    # inherits no task).  A completion recorded for the printed lead counts for its successor.
    done = pl.DataFrame(
        {"task_id": ["task-22"], "completed_on": [date(2025, 11, 1)], "agency": ["so-tttt"]}
    )
    table = task_status(plan, as_of=date(2026, 1, 2), completions=done)
    rows = {
        r["agency"]: (r["status"], r["succeeded"])
        for r in table.filter(pl.col("task_id") == "task-22").iter_rows(named=True)
    }
    assert rows == {
        "cong-an-tinh": ("overdue", False),
        "so-khcn": ("done", True),
        "van-phong-ubnd-tinh": ("overdue", False),
    }


def test_one_row_per_task_and_responsible_agency(plan: Plan) -> None:
    table = task_status(plan, as_of=date(2025, 6, 1))
    assert table.select("task_id", "agency").is_duplicated().sum() == 0
    row = table.filter((pl.col("task_id") == "task-44") & (pl.col("agency") == "so-khcn"))
    assert row["lead_agencies"].item().to_list() == ["so-khcn", "so-tttt"]
    before = task_status(plan, as_of=date(2025, 2, 20))
    assert set(before.filter(pl.col("task_id") == "task-44")["agency"]) == {
        "so-khdt",
        "so-khcn",
        "so-tttt",
    }


def test_bad_tables_are_reported(plan: Plan) -> None:
    with pytest.raises(ObservationError, match="unknown task id"):
        task_status(
            plan,
            as_of=date(2025, 1, 1),
            completions=pl.DataFrame({"task_id": ["task-99"], "completed_on": ["2025-01-01"]}),
        )
    with pytest.raises(ObservationError, match="YYYY-MM-DD or DD/MM/YYYY"):
        task_status(
            plan,
            as_of=date(2025, 1, 1),
            completions=pl.DataFrame({"task_id": ["task-01"], "completed_on": ["02/13/2025"]}),
        )
    with pytest.raises(ObservationError, match="no task waits on"):
        task_status(
            plan,
            as_of=date(2025, 1, 1),
            triggers=pl.DataFrame(
                {"trigger": ["Bộ Tài chính ban hành"], "occurred_on": ["2025-01-01"]}
            ),
        )
    with pytest.raises(ObservationError, match="no conditional deadline"):
        task_status(
            plan,
            as_of=date(2025, 1, 1),
            triggers=pl.DataFrame({"task_id": ["task-07"], "occurred_on": ["2025-01-01"]}),
        )


def test_a_trigger_is_matched_whatever_its_unicode_form_case_and_spacing(plan: Plan) -> None:
    # The same words decomposed (NFD, as some keyboards type them), in capitals, spaced out.
    typed = unicodedata.normalize("NFD", "  BỘ NỘI VỤ\tban hành   Đề án ")
    triggers = pl.DataFrame({"trigger": [typed], "occurred_on": ["2025-05-01"]})
    table = task_status(plan, as_of="2025-06-01", triggers=triggers)
    task5 = table.filter(pl.col("task_id") == "task-05").row(0, named=True)
    assert (task5["triggered_on"], task5["status"]) == (date(2025, 5, 1), "due")


def test_every_unmatched_trigger_row_is_named_in_order(plan: Plan) -> None:
    triggers = pl.DataFrame(
        {
            "task_id": [None, "task-07", "task-05", "task-99", None],
            "trigger": ["Bộ Tài chính ban hành", None, None, None, None],
            "occurred_on": ["2025-01-01"] * 5,
        }
    )
    with pytest.raises(ObservationError) as caught:
        task_status(plan, as_of="2025-06-01", triggers=triggers)
    message = caught.value.problems[0].message
    assert message.startswith("triggers: row 0: no task waits on 'Bộ Tài chính ban hành'")
    assert " | row 1: task 'task-07' has no conditional deadline | " in message
    assert " | row 3: unknown task id 'task-99' | " in message
    assert message.endswith(" | row 4: neither task_id nor trigger is given")
    assert "row 2" not in message  # task-05 waits on a trigger: that row is fine


def test_completions_as_a_vietnamese_excel_writes_them(plan: Plan) -> None:
    """Day-first dates (15/06/2025) and agencies by name or alias, as officials type them."""
    typed = pl.DataFrame(
        {"task_id": ["task-12"], "completed_on": ["15/06/2025"], "agency": ["Sở Nội vụ"]}
    )
    iso = pl.DataFrame(
        {"task_id": ["task-12"], "completed_on": ["2025-06-15"], "agency": ["so-noi-vu"]}
    )
    assert task_status(plan, as_of="2025-07-01", completions=typed).equals(
        task_status(plan, as_of="2025-07-01", completions=iso)
    )
    done = task_status(plan, as_of="2025-07-01", completions=typed).filter(
        pl.col("task_id") == "task-12"
    )
    assert done["completed_on"].to_list() == [date(2025, 6, 15)]
    with pytest.raises(ObservationError, match="unknown agency"):
        task_status(
            plan,
            as_of="2025-07-01",
            completions=typed.with_columns(pl.lit("Sở Không Có").alias("agency")),
        )
