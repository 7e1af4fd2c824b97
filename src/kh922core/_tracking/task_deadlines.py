"""Status of the tasks of Phụ lục II on a date: done, due, overdue, recurring, waiting on a trigger.

Every task is paired with each of its lead agencies *after succession* as of the date (the 2025
reorganisation hands a merged department's tasks to its successors), and the whole table of
tasks × agencies is computed at once with Polars joins and expressions.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import polars as pl

from kh922core._dates import DateLike, as_date
from kh922core._plans import DeadlineKind, Plan
from kh922core._tracking.task_events import completions_table, triggers_table

__all__ = ["TaskStatus", "task_status"]


class TaskStatus(StrEnum):
    """Status of one task for one responsible agency on a date."""

    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    RECURRING = "recurring"
    WAITING_ON_TRIGGER = "waiting_on_trigger"


def _tasks_frame(plan: Plan, as_of: date) -> pl.DataFrame:
    """One row per task, responsible agency and printed lead it answers for."""
    registry = plan.registry
    rows = []
    for task in plan.tasks:
        deadline = task.deadline
        carriers: list[tuple[str | None, str | None, str | None, str | None]] = [
            (lead, r.agency, r.name, "; ".join(r.notes) or None)
            for r in registry.responsible(task.lead_agencies, as_of)
            for lead in r.printed
        ] or [(None, None, None, None)]
        for lead, agency, name, notes in carriers:
            rows.append(
                {
                    "task_id": task.id,
                    "number": task.number,
                    "group": task.group,
                    "name": task.name,
                    "deadline": deadline.text,
                    "deadline_kind": deadline.kind.value,
                    "start": deadline.start,
                    "_due": deadline.due,
                    "trigger": deadline.trigger,
                    "lead_agency": lead,
                    "agency": agency,
                    "agency_name": name,
                    "succession": notes,
                }
            )
    schema = {
        "task_id": pl.String,
        "number": pl.Int64,
        "group": pl.String,
        "name": pl.String,
        "deadline": pl.String,
        "deadline_kind": pl.String,
        "start": pl.Date,
        "_due": pl.Date,
        "trigger": pl.String,
        "lead_agency": pl.String,
        "agency": pl.String,
        "agency_name": pl.String,
        "succession": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def task_status(
    plan: Plan,
    *,
    as_of: DateLike,
    completions: pl.DataFrame | None = None,
    triggers: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The status of every task for each responsible agency on ``as_of``.

    Args:
        plan: The plan.
        as_of: The date of the assessment: a date, a datetime or ``"YYYY-MM-DD"``.
        completions: Optional table of completed work: ``task_id``, ``completed_on`` (date) and
            optionally ``agency`` (an agency id, as printed in the plan or a successor; null or
            absent: the completion counts for every agency of the task).  Completions after
            ``as_of`` are ignored.
        triggers: Optional table of events that conditional deadlines wait on: ``task_id`` or
            ``trigger`` (the event as the deadline names it, e.g. ``"Bộ Nội vụ ban hành Đề án"``;
            matched ignoring case and spacing), ``occurred_on`` (date), and optionally
            ``due_on`` (date) or ``due_after_days`` (integer) when a due date then applies.

    Returns:
        One row per task and responsible agency, in plan order, with columns ``task_id``,
        ``number``, ``group``, ``name``, ``deadline`` (verbatim), ``deadline_kind``, ``start``,
        ``due`` (the due date: the deadline's, or the one set after a trigger), ``trigger``,
        ``triggered_on``, ``lead_agencies`` (the printed leads this agency answers for),
        ``agency`` (responsible on ``as_of``), ``agency_name``, ``succeeded`` (the agency is
        not itself a printed lead: it took over by succession), ``succession`` (the
        successions followed, in words, from the agency registry),
        ``completed_on`` (the first completion on or before ``as_of``), ``late`` (completed
        after the due date), ``days_left`` (due − as_of in days; negative when overdue) and
        ``status`` (a :class:`TaskStatus` value):

        * ``recurring``: ``Thường xuyên``/``Hằng năm``, and open-ended deadlines from their start
          year (``Năm 2025 trở lên``); never overdue as a whole;
        * ``done``: a dated or conditional task with a completion on or before ``as_of``;
        * ``waiting_on_trigger``: a conditional task whose event is not recorded by ``as_of``;
        * ``overdue``: not done and its due date is before ``as_of``;
        * ``due``: not done and its due date is on or after ``as_of``, or it has none yet (an
          open-ended task before its start year, a triggered task without a due date).

    Raises:
        ObservationError: A completions or triggers table with missing columns, unknown task or
            agency ids, unreadable dates or triggers that no task waits on.

    Examples:
        >>> import kh922core
        >>> table = task_status(kh922core.load_plan(), as_of="2025-07-01")
        >>> table.filter(pl.col("task_id") == "task-07")["status"].unique().to_list()
        ['overdue']
        >>> table.filter(pl.col("task_id") == "task-01").select("agency", "status").row(0)
        ('so-khcn', 'recurring')
    """
    day = as_date(as_of, "as_of")
    tasks = _tasks_frame(plan, day)
    done = completions_table(plan, completions, day)
    general = (
        done.filter(pl.col("_agency").is_null())
        .group_by("task_id")
        .agg(pl.col("completed_on").min().alias("_c_all"))
    )
    specific = (
        done.filter(pl.col("_agency").is_not_null())
        .group_by("task_id", "_agency")
        .agg(pl.col("completed_on").min().alias("_c"))
    )
    frame = (
        tasks.join(general, on="task_id", how="left")
        .join(
            specific.rename({"_agency": "lead_agency", "_c": "_c_lead"}),
            on=["task_id", "lead_agency"],
            how="left",
        )
        .join(
            specific.rename({"_agency": "agency", "_c": "_c_agency"}),
            on=["task_id", "agency"],
            how="left",
        )
        .join(triggers_table(plan, triggers, day), on="task_id", how="left")
    )
    kind = pl.col("deadline_kind")
    due = (
        pl.when(kind == DeadlineKind.CONDITIONAL.value)
        .then(pl.col("_trigger_due"))
        .otherwise(pl.col("_due"))
    )
    frame = frame.with_columns(
        pl.min_horizontal("_c_all", "_c_lead", "_c_agency").alias("completed_on"),
        due.alias("due"),
    )
    # One row per task and responsible agency: an agency that carries several printed leads of a
    # task (a department that absorbed another) is responsible once.
    columns = [c for c in _ROW_COLUMNS if c not in ("lead_agencies", "completed_on", "succeeded")]
    frame = frame.group_by(columns, maintain_order=True).agg(
        pl.col("lead_agency").drop_nulls().alias("lead_agencies"),
        pl.col("completed_on").min(),
    )
    frame = frame.with_columns(
        (
            pl.col("agency").is_not_null()
            & ~pl.col("lead_agencies").list.contains(pl.col("agency")).fill_null(False)
        ).alias("succeeded")
    )
    as_of_lit = pl.lit(day, dtype=pl.Date)
    recurring = (kind == DeadlineKind.RECURRING.value) | (
        (kind == DeadlineKind.OPEN_ENDED.value) & (pl.col("start") <= as_of_lit)
    )
    status = (
        pl.when(recurring)
        .then(pl.lit(TaskStatus.RECURRING.value))
        .when(kind == DeadlineKind.OPEN_ENDED.value)
        .then(pl.lit(TaskStatus.DUE.value))
        .when(pl.col("completed_on").is_not_null())
        .then(pl.lit(TaskStatus.DONE.value))
        .when((kind == DeadlineKind.CONDITIONAL.value) & pl.col("triggered_on").is_null())
        .then(pl.lit(TaskStatus.WAITING_ON_TRIGGER.value))
        .when(pl.col("due").is_null())
        .then(pl.lit(TaskStatus.DUE.value))
        .when(pl.col("due") < as_of_lit)
        .then(pl.lit(TaskStatus.OVERDUE.value))
        .otherwise(pl.lit(TaskStatus.DUE.value))
    )
    frame = frame.with_columns(
        status.alias("status"),
        (pl.col("completed_on") > pl.col("due")).alias("late"),
        (pl.col("due") - as_of_lit).dt.total_days().alias("days_left"),
    )
    return frame.select(_RESULT_COLUMNS)


#: Columns that identify a (task, agency) row before the per-row results.
_ROW_COLUMNS = (
    "task_id",
    "number",
    "group",
    "name",
    "deadline",
    "deadline_kind",
    "start",
    "due",
    "trigger",
    "triggered_on",
    "lead_agencies",
    "agency",
    "agency_name",
    "succeeded",
    "succession",
    "completed_on",
)
_RESULT_COLUMNS = (*_ROW_COLUMNS, "late", "days_left", "status")
