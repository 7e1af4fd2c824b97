"""Locating problems in a Polars table, for :class:`~kh922core.ObservationError` reports."""

from __future__ import annotations

import polars as pl

from kh922core.errors import ObservationProblem, UnsupportedFrameError

__all__ = ["POLARS_FRAMES", "polars_frame", "problem_at"]

#: How many rows and values a problem lists (its ``count`` says how many there are in all).
SHOWN = 20


def problem_at(
    frame: pl.DataFrame, mask: pl.Series, column: str, message: str
) -> ObservationProblem:
    """The rows of ``frame`` where ``mask`` is true, as one problem of ``column``.

    Args:
        frame: The table as the caller gave it.
        mask: A Boolean Series, true on the offending rows.
        column: The column concerned (its values are listed when the frame has it).
        message: What is wrong and what was expected.

    Returns:
        The problem, with the first row indices (zero-based) and values, and the total count.

    Examples:
        >>> frame = pl.DataFrame({"task_id": ["task-01", "task-99"]})
        >>> p = problem_at(frame, frame["task_id"] == "task-99", "task_id", "unknown task id")
        >>> p.rows, p.values, p.count
        ((1,), ('task-99',), 1)
    """
    rows = frame.with_row_index("_row").filter(mask)
    shown = rows.head(SHOWN)
    values = [str(v) for v in shown[column].to_list()] if column in frame.columns else []
    return ObservationProblem(
        column=column,
        message=message,
        rows=tuple(int(r) for r in shown["_row"].to_list()),
        values=tuple(values),
        count=rows.height,
    )


#: The kinds of frame the functions other than ``evaluate`` take, as users know them.
POLARS_FRAMES = "a polars DataFrame or LazyFrame"


def polars_frame(frame: object, what: str) -> pl.DataFrame | pl.LazyFrame:
    """``frame`` when it is a Polars frame, else an :class:`UnsupportedFrameError` naming ``what``.

    Examples:
        >>> polars_frame([1, 2], "scores")
        Traceback (most recent call last):
        ...
        kh922core.errors.UnsupportedFrameError: scores must be a polars DataFrame or LazyFrame, got list
    """  # noqa: E501
    if isinstance(frame, pl.DataFrame | pl.LazyFrame):
        return frame
    raise UnsupportedFrameError(frame, [POLARS_FRAMES], what)
