"""Templates of the periods of the plan's years: the first half's (due 01/6) and the whole
year's (due 15/11).

An agency fills the half-year template in May and the year's in November; a folder of returns
may hold both, and last year's too.  For one indicator, year and entity the agency's later
template supersedes its earlier one (the year's its half-year one; this year's last year's,
which may give the final figure of a year last year's template estimated): the earlier value
is listed (superseded, naming the file that supersedes it), never a conflict that drops both.
Values of other agencies, or of files that name no period, are never superseded: they
conflict as before.  A later template whose figure for the row is refused (listed: a unit
noted otherwise, an impossible value) supersedes the earlier figure too: read silently, the
half-year estimate would be judged in the place of the figure the agency gave in November.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from kh922core._reports.file_readings import Rejection
from kh922core._reports.row_checks import shown

__all__ = ["PERIOD", "period_rank", "superseded", "superseded_by_refused"]

#: The private column of each collected row's period rank.
PERIOD = "_period"
_RANKS = {"half": 1, "year": 2}


def period_rank(period: str | None, year: str | None = None) -> int:
    """How late a template is: its year, then its period (the year's after the half-year's:
    ``20262`` for the template of the whole of 2026, ``20261`` for its first half); ``0`` for a
    file that names no period.  A later template's figure supersedes an earlier one's (the
    final 2025 figure given in the half-year template of 2026, over the estimate of the 2025
    template typed in November)."""
    rank = _RANKS.get(period or "", 0)
    if not rank or year is None or not year.isdigit():
        return rank
    return int(year) * 10 + rank


def superseded(
    table: pl.DataFrame, key: Sequence[str], files: Sequence[str]
) -> tuple[pl.DataFrame, list[Rejection]]:
    """``table`` (rows with :data:`PERIOD` and ``_file``, a place in ``files``: the files as
    given) without the half-year values that the same agency's year template gives again for
    the same ``key``; each one listed, naming that template's file."""
    rank = pl.col(PERIOD)
    best = rank.max().over(key)
    same_agency = pl.col("agency").n_unique().over(key) == 1
    by_one = same_agency & pl.col("agency").is_not_null().all().over(key)
    old = (rank > 0) & (rank < best) & by_one
    latest = (
        pl.when(rank == best).then(pl.col("_file")).otherwise(None).drop_nulls().first()
    ).over(key)
    dropped = table.with_columns(latest.alias("_by")).filter(old)
    rejected = _listed(
        dropped,
        files,
        "a figure of an earlier template, superseded by the same agency's later template "
        "({file}): the later figure is read",
    )
    return table.filter(~old), rejected


def superseded_by_refused(
    table: pl.DataFrame, refused: pl.DataFrame, key: Sequence[str], files: Sequence[str]
) -> tuple[pl.DataFrame, list[Rejection]]:
    """``table`` without the values of an earlier template whose row the same agency's later
    template gave a figure for that was ``refused`` (rows of ``table``'s columns, left out by
    the checks of units and values); each one listed, naming that template's file."""
    later = refused.filter((pl.col(PERIOD) > 0) & pl.col("agency").is_not_null())
    later = later.group_by([*key, "agency"]).agg(
        pl.col(PERIOD).max().alias("_later"), pl.col("_file").first().alias("_by")
    )
    marked = table.join(later, on=[*key, "agency"], how="left", nulls_equal=True)
    old = (pl.col(PERIOD) > 0) & (pl.col(PERIOD) < pl.col("_later")).fill_null(False)
    rejected = _listed(
        marked.filter(old),
        files,
        "a figure of an earlier template: the same agency's later template ({file}) gives this "
        "row a figure that is not read (listed): correct it there",
    )
    return marked.filter(~old).drop("_later", "_by"), rejected


def _listed(dropped: pl.DataFrame, files: Sequence[str], reason: str) -> list[Rejection]:
    """Each value of ``dropped`` listed, its ``reason`` naming the later template (``_by``, a
    place in ``files``) as ``{file}``."""
    return [
        Rejection(
            file or "",
            sheet,
            row,
            "value",
            shown(value, assessment),
            reason.format(file=files[by]),
        )
        for file, sheet, row, value, assessment, by in dropped.select(
            "source_file", "source_sheet", "source_row", "value", "assessment", "_by"
        ).iter_rows()
    ]
