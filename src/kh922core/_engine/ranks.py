"""Ranks from scores, as Polars window expressions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import polars as pl

from kh922core._engine.columns import COHORT_SIZE
from kh922core._engine.native_evaluate import in_polars, rank_lazy
from kh922core._frame_problems import polars_frame
from kh922core.errors import InvalidValueError, ObservationError, ObservationProblem

__all__ = ["RANK", "rank"]

RANK = "rank"

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def _problems(
    schema: pl.Schema, score: str, groups: list[str], outputs: tuple[str, str]
) -> list[ObservationProblem]:
    """The columns ``rank`` cannot work with: missing ones, and the names it would overwrite."""
    problems = [
        ObservationProblem(column=column, message=f"{what} column is missing")
        for column, what in [(score, "the score"), *((g, "a cohort (by)") for g in groups)]
        if column not in schema
    ]
    for column, option in zip(outputs, ("rank_column", "cohort_size_column"), strict=True):
        if column in schema:
            problems.append(
                ObservationProblem(
                    column=column,
                    message=f"rank() writes this column and would overwrite it: rename it, or "
                    f"give rank() another name for it ({option}=)",
                )
            )
    return problems


def rank(
    scores: Frame,
    by: str | Sequence[str] | None = None,
    *,
    score: str = "score",
    higher_is_better: bool = True,
    rank_column: str = RANK,
    cohort_size_column: str = COHORT_SIZE,
) -> Frame:
    """Rank scores within cohorts: ties share the best rank (the ``min`` method), 1 is best.

    Adds two Int64 columns: ``rank`` and ``cohort_size`` (how many scores the cohort has).  A
    missing or NaN score gets no rank and does not count in the cohort.  Lazy input stays lazy.

    Args:
        scores: A frame with a ``score`` column.
        by: The columns that make a cohort (e.g. ``["year"]``); default the whole frame.
        score: The name of the score column.
        higher_is_better: Whether a higher score ranks first (``False`` for costs).
        rank_column: The name of the rank column to add.
        cohort_size_column: The name of the cohort size column to add.

    Returns:
        ``scores`` with ``rank`` and ``cohort_size``.

    Raises:
        ObservationError: The score or a ``by`` column is missing, or ``scores`` already has a
            column of the name of one it would add (it is never overwritten).
        InvalidValueError: The two columns to add are given one name, or ``higher_is_better``
            is no Boolean.

    Examples:
        >>> import polars as pl
        >>> frame = pl.DataFrame({"year": [2023] * 4, "score": [37.6, 40.1, 37.6, None]})
        >>> rank(frame, by="year").select("rank", "cohort_size").rows()
        [(2, 3), (1, 3), (2, 3), (None, 3)]
    """
    if not isinstance(higher_is_better, bool):  # "False" would be true
        raise InvalidValueError(f"higher_is_better must be True or False, got {higher_is_better!r}")
    if rank_column == cohort_size_column:
        raise InvalidValueError(
            f"rank_column and cohort_size_column must differ, both are {rank_column!r}"
        )
    groups = [by] if isinstance(by, str) else list(by or ())
    outputs = (rank_column, cohort_size_column)

    def problems_of(schema: pl.Schema) -> list[ObservationProblem]:
        problems = _problems(schema, score, groups, outputs)
        if score in schema and not (schema[score].is_numeric() or schema[score] == pl.Null):
            problems.append(
                ObservationProblem(
                    column=score,
                    message=f"expected a numeric column, got {schema[score]}: read text scores "
                    "with kh922core.read_observations or cast them, so that '41,5' is not "
                    "misread",
                )
            )
        return problems

    lazy: Frame | None = rank_lazy(
        scores,
        groups,
        score=score,
        higher_is_better=higher_is_better,
        columns=outputs,
        problems=problems_of,
    )
    if lazy is not None:  # a DuckDB relation, a Spark DataFrame: ranked there, still lazy
        return lazy
    converted, back = in_polars(scores, "rank", "scores")
    if converted is not scores:  # pandas, PyArrow: ranked by Polars, given back as they came
        ranked = rank(
            converted,  # type: ignore[type-var]
            by,
            score=score,
            higher_is_better=higher_is_better,
            rank_column=rank_column,
            cohort_size_column=cohort_size_column,
        )
        result: Frame = back(ranked)
        return result
    polars_frame(scores, "scores")
    schema = scores.collect_schema()
    problems = problems_of(schema)
    if problems:
        raise ObservationError(problems)
    value = pl.col(score).cast(pl.Float64).fill_nan(None)
    ranks = value.rank("min", descending=higher_is_better)
    sizes = value.count()
    if groups:
        ranks, sizes = ranks.over(groups), sizes.over(groups)
    return scores.with_columns(
        ranks.cast(pl.Int64).alias(rank_column), sizes.cast(pl.Int64).alias(cohort_size_column)
    )
