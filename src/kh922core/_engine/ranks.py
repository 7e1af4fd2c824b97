"""Ranks from scores, as Polars window expressions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import polars as pl

from kh922core._engine.columns import COHORT_SIZE

__all__ = ["RANK", "rank"]

RANK = "rank"

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def rank(
    scores: Frame,
    by: str | Sequence[str] | None = None,
    *,
    score: str = "score",
    higher_is_better: bool = True,
) -> Frame:
    """Rank scores within cohorts: ties share the best rank (the ``min`` method), 1 is best.

    Adds two Int64 columns: ``rank`` and ``cohort_size`` (how many scores the cohort has).  A
    missing or NaN score gets no rank and does not count in the cohort.  Lazy input stays lazy.

    Args:
        scores: A frame with a ``score`` column.
        by: The columns that make a cohort (e.g. ``["year"]``); default the whole frame.
        score: The name of the score column.
        higher_is_better: Whether a higher score ranks first (``False`` for costs).

    Returns:
        ``scores`` with ``rank`` and ``cohort_size``.

    Examples:
        >>> import polars as pl
        >>> frame = pl.DataFrame({"year": [2023] * 4, "score": [37.6, 40.1, 37.6, None]})
        >>> rank(frame, by="year").select("rank", "cohort_size").rows()
        [(2, 3), (1, 3), (2, 3), (None, 3)]
    """
    groups = [by] if isinstance(by, str) else list(by or ())
    value = pl.col(score).cast(pl.Float64).fill_nan(None)
    ranks = value.rank("min", descending=higher_is_better)
    sizes = value.count()
    if groups:
        ranks, sizes = ranks.over(groups), sizes.over(groups)
    return scores.with_columns(
        ranks.cast(pl.Int64).alias(RANK), sizes.cast(pl.Int64).alias(COHORT_SIZE)
    )
