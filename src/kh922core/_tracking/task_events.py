"""The event tables :func:`kh922core.task_status` reads: completions and triggers.

Each table is checked (columns, dates, ids) and matched to the plan's tasks with Polars: a
completion to its task (and agency), a trigger to the conditional tasks that wait on it, by task
id or by the words of the deadline ("Sau khi Bộ Nội vụ ban hành Đề án"), ignoring case, spacing
and Unicode form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import polars as pl

from kh922core._frame_problems import problem_at
from kh922core._plans import DeadlineKind, Plan
from kh922core.errors import (
    ObservationError,
    ObservationProblem,
    UnknownAgencyError,
    UnsupportedFrameError,
)

__all__ = ["completions_table", "triggers_table"]


def _date_column(frame: pl.DataFrame, column: str, table: str) -> pl.Series:
    """A column as Date: Date, Datetime, ISO ``YYYY-MM-DD`` text, or ``DD/MM/YYYY`` as Excel
    writes dates in a Vietnamese locale (day first, always)."""
    series = frame[column]
    if series.dtype == pl.Date:
        return series
    if isinstance(series.dtype, pl.Datetime):
        return series.dt.date()
    if series.dtype in (pl.String, pl.Null):
        text = series.cast(pl.String).str.strip_chars()
        parsed = text.str.to_date("%Y-%m-%d", strict=False).fill_null(
            text.str.to_date("%d/%m/%Y", strict=False)
        )
        bad = parsed.is_null() & series.is_not_null()
        if bad.any():
            raise ObservationError(
                [problem_at(frame, bad, column, f"{table}: expected YYYY-MM-DD or DD/MM/YYYY")]
            )
        return parsed
    raise ObservationError(
        [ObservationProblem(column=column, message=f"{table}: expected dates, got {series.dtype}")]
    )


def _agency_of(plan: Plan, text: str) -> str | None:
    """The id of an agency written by its id, name or alias; ``None`` when none is."""
    try:
        return plan.registry.find(text).id
    except UnknownAgencyError:
        return None


def _require(frame: pl.DataFrame, columns: Iterable[str], table: str) -> None:
    if not isinstance(frame, pl.DataFrame):
        raise UnsupportedFrameError(frame, ["a polars DataFrame"], table)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ObservationError(
            [
                ObservationProblem(column=c, message=f"{table}: required column is missing")
                for c in missing
            ]
        )


def completions_table(plan: Plan, completions: pl.DataFrame | None, as_of: date) -> pl.DataFrame:
    """Valid completion rows on or before ``as_of``: task_id, agency (nullable), completed_on.

    Raises:
        ObservationError: Missing columns, unknown task or agency ids, unreadable dates.

    Examples:
        >>> import kh922core
        >>> done = pl.DataFrame({"task_id": ["task-07", "task-12"],
        ...                      "completed_on": ["2025-06-20", "2025-12-01"]})
        >>> completions_table(kh922core.load_plan(), done, date(2025, 7, 1))["task_id"].to_list()
        ['task-07']
    """
    schema = {"task_id": pl.String, "_agency": pl.String, "completed_on": pl.Date}
    if completions is None:
        return pl.DataFrame(schema=schema)
    _require(completions, ("task_id", "completed_on"), "completions")
    task_ids = {t.id for t in plan.tasks}
    frame = completions
    unknown = ~frame["task_id"].cast(pl.String).is_in(sorted(task_ids))
    if unknown.any():
        raise ObservationError(
            [problem_at(frame, unknown, "task_id", "completions: unknown task id")]
        )
    agency = (
        frame["agency"].cast(pl.String)
        if "agency" in frame.columns
        else pl.Series("agency", [None] * frame.height, dtype=pl.String)
    )
    # An agency may be written by its id, its name or an alias, as --agency takes it.
    spelled = {text: _agency_of(plan, text) for text in agency.drop_nulls().unique().to_list()}
    agency = agency.replace_strict(spelled, default=None, return_dtype=pl.String)
    bad_agency = (
        agency.is_null() & frame["agency"].is_not_null() if "agency" in frame.columns else None
    )
    if bad_agency is not None and bad_agency.any():
        raise ObservationError(
            [
                problem_at(
                    frame, bad_agency, "agency", "completions: unknown agency (id, name or alias)"
                )
            ]
        )
    completed = _date_column(frame, "completed_on", "completions")
    if completed.is_null().any():
        raise ObservationError(
            [problem_at(frame, completed.is_null(), "completed_on", "completions: date is missing")]
        )
    return pl.DataFrame(
        {
            "task_id": frame["task_id"].cast(pl.String),
            "_agency": agency,
            "completed_on": completed,
        }
    ).filter(pl.col("completed_on") <= as_of)


def triggers_table(plan: Plan, triggers: pl.DataFrame | None, as_of: date) -> pl.DataFrame:
    """The first recorded trigger on or before ``as_of`` per conditional task, with its due date.

    Raises:
        ObservationError: Missing columns, unreadable dates or day counts, and every row whose
            task id or trigger text matches no conditional task (each named).

    Examples:
        >>> import kh922core
        >>> events = pl.DataFrame({"trigger": ["bộ nội vụ BAN HÀNH đề án"],
        ...                        "occurred_on": ["2025-05-01"], "due_after_days": [30]})
        >>> triggers_table(kh922core.load_plan(), events, date(2025, 7, 1)).rows()
        [('task-05', datetime.date(2025, 5, 1), datetime.date(2025, 5, 31))]
    """
    schema = {"task_id": pl.String, "triggered_on": pl.Date, "_trigger_due": pl.Date}
    if triggers is None:
        return pl.DataFrame(schema=schema)
    if "task_id" not in triggers.columns and "trigger" not in triggers.columns:
        raise ObservationError(
            [
                ObservationProblem(
                    column="task_id",
                    message="triggers: give a task_id or a trigger column (or both)",
                )
            ]
        )
    _require(triggers, ("occurred_on",), "triggers")
    occurred = _date_column(triggers, "occurred_on", "triggers")
    if occurred.is_null().any():
        raise ObservationError(
            [problem_at(triggers, occurred.is_null(), "occurred_on", "triggers: date is missing")]
        )
    due_on = (
        _date_column(triggers, "due_on", "triggers")
        if "due_on" in triggers.columns
        else pl.Series("due_on", [None] * triggers.height, dtype=pl.Date)
    )
    after = pl.Series("due_after_days", [None] * triggers.height, dtype=pl.Int64)
    if "due_after_days" in triggers.columns:
        raw = triggers["due_after_days"]
        after = raw.cast(pl.Int64, strict=False)
        bad = after.is_null() & raw.is_not_null()
        if bad.any():
            message = "triggers: expected a whole number of days"
            raise ObservationError([problem_at(triggers, bad, "due_after_days", message)])
    events = pl.DataFrame(
        {
            "_row": pl.int_range(triggers.height, eager=True),
            "_id": _text_column(triggers, "task_id"),
            "_text": _text_column(triggers, "trigger"),
            "triggered_on": occurred,
            "_due_on": due_on,
            "_after": after,
        }
    ).with_columns(
        _fold(pl.col("_text")).alias("_folded"),
        pl.coalesce("_due_on", pl.col("triggered_on") + pl.duration(days=pl.col("_after"))).alias(
            "_trigger_due"
        ),
    )
    conditional = [t for t in plan.tasks if t.deadline.kind is DeadlineKind.CONDITIONAL]
    waiting = pl.DataFrame(
        {
            "task_id": [t.id for t in conditional],
            "_waits_on": [t.deadline.trigger or "" for t in conditional],
        },
        schema={"task_id": pl.String, "_waits_on": pl.String},
    ).with_columns(_fold(pl.col("_waits_on")).alias("_folded"))
    _refuse_unmatched(plan, events, waiting)
    by_id = events.filter(pl.col("_id").is_not_null()).with_columns(task_id=pl.col("_id"))
    by_text = events.filter(pl.col("_id").is_null()).join(
        waiting.select("task_id", "_folded"), on="_folded", how="inner", maintain_order="left"
    )
    frame = pl.concat([by_id.select(*schema), by_text.select(*schema)])
    return (
        frame.filter(pl.col("triggered_on") <= as_of)
        .sort("triggered_on", maintain_order=True)
        .group_by("task_id", maintain_order=True)
        .agg(pl.col("triggered_on").first(), pl.col("_trigger_due").first())
    )


def _text_column(frame: pl.DataFrame, column: str) -> pl.Series:
    if column in frame.columns:
        return frame[column].cast(pl.String)
    return pl.Series(column, [None] * frame.height, dtype=pl.String)


def _fold(text: pl.Expr) -> pl.Expr:
    """Text as names are compared: NFC, lower case, single spaces (``_text.fold`` in Polars)."""
    folded = text.str.normalize("NFC").str.to_lowercase()
    return folded.str.replace_all(r"\s+", " ").str.strip_chars()


def _refuse_unmatched(plan: Plan, events: pl.DataFrame, waiting: pl.DataFrame) -> None:
    """Raise, naming each row, when a trigger names no conditional task (by id or by text)."""
    task_id, text = pl.col("_id"), pl.col("_text")
    known = [t.id for t in plan.tasks]
    conditional = waiting["task_id"].to_list()
    wordings = "; ".join(sorted({repr(w) for w in waiting["_waits_on"]}))
    rules: list[tuple[pl.Expr, Callable[[object, object], str]]] = [
        (
            task_id.is_not_null() & ~task_id.is_in(known),
            lambda found, _: f"unknown task id {found!r}",
        ),
        (
            task_id.is_in(known) & ~task_id.is_in(conditional),
            lambda found, _: f"task {found!r} has no conditional deadline",
        ),
        (
            task_id.is_null()
            & text.is_not_null()
            & ~pl.col("_folded").is_in(waiting["_folded"].to_list()),
            lambda _, said: f"no task waits on {said!r} (known triggers: {wordings})",
        ),
        (
            task_id.is_null() & text.is_null(),
            lambda _, __: "neither task_id nor trigger is given",
        ),
    ]
    problems = sorted(
        (row, f"row {row}: {message(found, said)}")
        for mask, message in rules
        for row, found, said in events.filter(mask).select("_row", "_id", "_text").iter_rows()
    )
    if problems:
        listed = " | ".join(message for _, message in problems)
        raise ObservationError(
            [ObservationProblem(column="trigger", message="triggers: " + listed)]
        )
