"""Two values of one key group at a base year, found in the engine of a lazy frame.

A change target measures each observation from one base level per key group (the key columns
without ``year``): two observations with a value at a base year that a row reads cannot both
be it.  The Polars engine refuses them (:mod:`kh922core._engine.change_bases`); here one small
aggregate per rule, in the engine of the observations, says which indicators have such twins,
and only then are the columns that locate them fetched, so that the
:class:`~kh922core.errors.ObservationError` is the Polars engine's, problem for problem:

* a year the text names: the observations of the target's indicator at that year;
* the previous year: every observation of the target's indicator with a year before the last
  year of the observations (a base of the last year is read by no row: the Polars engine
  ignores its duplicates, by the dense array and by the join alike).

Twins among the rows computed from components (a derived or growth indicator observed as well
as computed for one key group and year) have no row of the caller's frame: their problem is
named without rows, as the Polars engine names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kh922core._engine.change_bases import duplicates_problem
from kh922core._engine.columns import INDICATOR, UNIT, VALUE, YEAR, unused_name
from kh922core._engine.compile import CompiledTarget
from kh922core._engine.frame_checks import locate_bases
from kh922core._engine.narwhals_components import Pull
from kh922core.errors import ObservationError

__all__ = ["refuse_duplicate_bases"]


def _twice(rows: Any, groups: list[str]) -> list[str]:
    """The indicators of ``rows`` (sorted) with two values of one key group and year."""
    import narwhals as nw

    count = unused_name("_kh_count", [INDICATOR, *groups, YEAR])
    # one figure given twice alike (from two sources) is one base, as the Polars engine has it
    alike = [INDICATOR, *groups, YEAR, VALUE, *([UNIT] if UNIT in rows.collect_schema() else [])]
    counted = (
        rows.with_columns(nw.col(INDICATOR).cast(nw.String))
        .unique(subset=alike)
        .group_by(INDICATOR, *groups, YEAR)
    )
    twice = counted.agg(nw.len().alias(count)).filter(nw.col(count) > 1)
    found = twice.select(INDICATOR).unique().collect(backend="polars").to_native()
    return sorted(found[INDICATOR].to_list())


def refuse_duplicate_bases(
    frame: Any,
    since: Sequence[CompiledTarget],
    previous: Sequence[CompiledTarget],
    groups: Sequence[str],
    pull: Pull,
) -> None:
    """Raise the Polars engine's error when a key group has two values at a base year.

    Args:
        frame: The observations with their computed rows (a Narwhals LazyFrame with a
            ``year`` column).
        since: The change targets of observed indicators whose text names a base year.
        previous: Those that measure from the previous year.
        groups: The key columns without ``year``.
        pull: Fetches columns of the caller's observations, to locate the offending rows.

    Raises:
        ObservationError: Two values of one key group at a base year, located.
    """
    import narwhals as nw

    c, keys = nw.col, list(groups)
    indicator = c(INDICATOR).cast(nw.String)
    valid = ~c(VALUE).cast(nw.Float64).fill_nan(None).is_null() & ~c(YEAR).is_null()
    problems = []
    if since:
        pairs = sorted({(t.indicator, t.change.since) for t in since if t.change})
        at_base = nw.any_horizontal(
            *((indicator == i) & (c(YEAR) == year) for i, year in pairs), ignore_nulls=False
        )
        found = _twice(frame.filter(valid & at_base), keys)
        if found:
            years = sorted({year for _, year in pairs if year is not None})
            problems.append(duplicates_problem(found, years, keys))
    if previous:
        last = frame.select(c(YEAR).max()).collect(backend="polars").to_native().item()
        read = c(YEAR) < last if last is not None else nw.lit(False)
        wanted = indicator.is_in(sorted({t.indicator for t in previous}))
        found = _twice(frame.filter(valid & wanted & read), keys)
        if found:
            problems.append(duplicates_problem(found, None, keys))
    if problems:
        located = locate_bases(pull([INDICATOR, VALUE, YEAR, *keys]), problems)
        raise ObservationError(located)
