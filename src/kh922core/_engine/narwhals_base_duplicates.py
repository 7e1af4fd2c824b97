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

from kh922core._engine.alike_levels import alike_levels_narwhals
from kh922core._engine.change_bases import duplicates_problem
from kh922core._engine.columns import INDICATOR, UNIT, VALUE, YEAR, unused_name
from kh922core._engine.compile import CompiledTarget
from kh922core._engine.conversion import PairFactors
from kh922core._engine.frame_checks import locate_bases
from kh922core._engine.narwhals_components import Pull
from kh922core.errors import ObservationError

__all__ = ["refuse_duplicate_bases"]


def _factor(schema: Any, factors: Sequence[PairFactors]) -> Any:
    """Each row's factor into one unit of its indicator (its first target's): two levels of
    one indicator compare in it."""
    import narwhals as nw

    with_unit = UNIT in schema
    unit = nw.col(UNIT).cast(nw.String) if with_unit else None
    factor = nw.lit(1.0, dtype=nw.Float64)
    for pair in reversed(factors):
        found = next((f for f in pair.factors if f is not None), None)
        if found is None or found == 1.0 or (unit is None and pair.unit is not None):
            continue
        where = nw.col(INDICATOR).cast(nw.String) == pair.indicator
        if unit is not None:
            where = where & (unit.is_null() if pair.unit is None else unit == pair.unit)
        factor = nw.when(where).then(nw.lit(found, dtype=nw.Float64)).otherwise(factor)
    return factor


def _twice(rows: Any, groups: list[str], factors: Sequence[PairFactors]) -> list[str]:
    """The indicators of ``rows`` (sorted) with two levels of one key group and year: one
    figure given twice alike (from two sources, in one unit or two) is one base, as the Polars
    engine has it (:mod:`kh922core._engine.alike_levels`)."""
    import narwhals as nw

    count = unused_name("_kh_count", [*rows.collect_schema().names(), "_kh_level"])
    level = unused_name("_kh_level", [*rows.collect_schema().names(), count])
    point = [INDICATOR, *groups, YEAR]
    converted = nw.col(VALUE).cast(nw.Float64) * _factor(rows.collect_schema(), factors)
    keyed = rows.with_columns(nw.col(INDICATOR).cast(nw.String), converted.alias(level))

    def found(levels: Any) -> list[str]:
        counted = levels.unique(subset=[*point, level]).group_by(*point)
        twice = counted.agg(nw.len().alias(count)).filter(nw.col(count) > 1)
        return sorted(
            twice.select(INDICATOR)
            .unique()
            .collect(backend="polars")
            .to_native()[INDICATOR]
            .to_list()
        )

    twins = found(keyed)
    if twins:  # in two units, alike?
        keyed = keyed.filter(nw.col(INDICATOR).is_in(twins))
        twins = found(keyed.with_columns(alike_levels_narwhals(level, point)))
    return twins


def refuse_duplicate_bases(
    frame: Any,
    since: Sequence[CompiledTarget],
    previous: Sequence[CompiledTarget],
    groups: Sequence[str],
    pull: Pull,
    factors: Sequence[PairFactors],
) -> None:
    """Raise the Polars engine's error when a key group has two values at a base year.

    Args:
        frame: The observations with their computed rows (a Narwhals LazyFrame with a
            ``year`` column).
        since: The change targets of observed indicators whose text names a base year.
        previous: Those that measure from the previous year.
        groups: The key columns without ``year``.
        pull: Fetches columns of the caller's observations, to locate the offending rows.
        factors: The unit factors of every ``(indicator, unit)`` pair of ``frame``.

    Raises:
        ObservationError: Two values of one key group at a base year, located.
    """
    import narwhals as nw

    c, keys = nw.col, list(groups)
    indicator = c(INDICATOR).cast(nw.String)
    valid = c(VALUE).cast(nw.Float64).is_finite().fill_null(False) & ~c(YEAR).is_null()
    problems = []
    if since:
        pairs = sorted({(t.indicator, t.change.since) for t in since if t.change})
        at_base = nw.any_horizontal(
            *((indicator == i) & (c(YEAR) == year) for i, year in pairs), ignore_nulls=False
        )
        found = _twice(frame.filter(valid & at_base), keys, factors)
        if found:
            years = sorted({year for _, year in pairs if year is not None})
            problems.append(duplicates_problem(found, years, keys))
    if previous:
        last = frame.select(c(YEAR).max()).collect(backend="polars").to_native().item()
        read = c(YEAR) < last if last is not None else nw.lit(False)
        wanted = indicator.is_in(sorted({t.indicator for t in previous}))
        found = _twice(frame.filter(valid & wanted & read), keys, factors)
        if found:
            problems.append(duplicates_problem(found, None, keys))
    if problems:
        located = locate_bases(pull([INDICATOR, VALUE, YEAR, *keys]), problems)
        raise ObservationError(located)
