"""Where a plan baseline may stand in as the base of a change: only for the plan's own series.

A change target's plan ``baseline`` is one level, of the plan's own province: it is the base of
the observations that are that series, never of a district's or another province's.  So it
stands in (where the series has no level at the base year, or the text names no base year)
only when the observations are one series: every key column (``year`` aside) holds one value
(or is empty) on the rows of the indicators of those targets; columns that say where a figure
comes from (``source``, ``note`` …) are no key of a series here.  Observations of several key
groups (``district`` A, B, …) have no plan base: a group without its own level at the base year
is ``no data`` (``no base value``), never measured from the province's level.

Whether the keys hold one value each is found by one small aggregate (the least and the most
value of each key, and its nulls), and only where a change target has a plan baseline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from kh922core._engine.columns import INDICATOR, YEAR
from kh922core._engine.compile import CompiledTarget

__all__ = ["PROVENANCE", "without_plan_bases"]

Compiled = Mapping[str, tuple[CompiledTarget, ...]]


#: Columns that say where a figure comes from, not whose it is: no key of a series here.
PROVENANCE = frozenset(
    {"quality", "published_as", "note", "source", "agency", "source_file", "source_sheet"}
    | {"source_row"}
)


def _one_series(frame: Any, keys: Sequence[str], indicators: Sequence[str]) -> bool:
    """Whether every key column of ``frame`` (a Polars or Narwhals LazyFrame) holds one value,
    or none, on the rows of ``indicators`` (a float key's NaN is one value, as null is)."""
    import narwhals as nw

    lazy = nw.from_native(frame)
    schema = lazy.collect_schema()
    rows = lazy.filter(nw.col(INDICATOR).cast(nw.String).is_in(list(indicators)))
    floats = [key for key in keys if schema[key].is_float()]
    stats = rows.select(
        nw.len().alias("rows"),
        *(nw.col(key).min().alias(f"{n}lo") for n, key in enumerate(keys)),
        *(nw.col(key).max().alias(f"{n}hi") for n, key in enumerate(keys)),
        *(nw.col(key).null_count().alias(f"{n}nulls") for n, key in enumerate(keys)),
        *(nw.col(key).is_nan().sum().alias(f"{n}nans") for n, key in enumerate(floats)),
    ).collect()
    count, *found = stats.row(0)  # one aggregate row
    width = len(keys)
    lows, highs, nulls = found[:width], found[width : 2 * width], found[2 * width : 3 * width]
    nans = dict(zip(floats, found[3 * width :], strict=True))
    for key, low, high, empty in zip(keys, lows, highs, nulls, strict=True):
        nan = nans.get(key) or 0
        if empty == count or nan == count:
            continue  # all empty, or all NaN: one group
        if empty or nan or low != high:
            return False
    return True


def without_plan_bases(
    compiled: Compiled, frame: Any, keys: Sequence[str]
) -> dict[str, tuple[CompiledTarget, ...]]:
    """``compiled`` with no plan base on its change targets when ``frame`` (the observations, a
    Polars or Narwhals LazyFrame) is not one series on their indicators (see the module
    docstring)."""
    groups = [key for key in keys if key != YEAR and key not in PROVENANCE]
    based = sorted(
        {
            t.indicator
            for ts in compiled.values()
            for t in ts
            if t.change is not None and t.plan_base
        }
    )
    if not based or not groups or _one_series(frame, groups, based):
        return dict(compiled)
    return {
        indicator: tuple(replace(t, plan_base=None) if t.change is not None else t for t in targets)
        for indicator, targets in compiled.items()
    }
