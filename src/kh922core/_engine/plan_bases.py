"""Where a plan baseline may stand in as the base of a change: only for the plan's own series.

A change target's plan ``baseline`` is one level, of the plan's own province: it is the base of
the observations that are that series, never of a district's or another province's.  So it
stands in (where the series has no level at the base year, or the text names no base year)
only when the observations are one series: every key column (``year`` aside) holds one value
(or is empty).  Observations of several key groups (``district`` A, B, …) have no plan base:
a group without its own level at the base year is ``no data`` (``no base value``), never
measured from the province's level.

Whether the keys hold one value each is found by one small aggregate (the least and the most
value of each key, and its nulls), and only where a change target has a plan baseline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from kh922core._engine.columns import YEAR
from kh922core._engine.compile import CompiledTarget

__all__ = ["without_plan_bases"]

Compiled = Mapping[str, tuple[CompiledTarget, ...]]


def _one_series(frame: Any, keys: Sequence[str]) -> bool:
    """Whether every key column of ``frame`` (a Polars or Narwhals LazyFrame) holds one value,
    or none."""
    import narwhals as nw

    stats = (
        nw.from_native(frame)
        .select(
            nw.len().alias("rows"),
            *(nw.col(key).min().alias(f"{n}lo") for n, key in enumerate(keys)),
            *(nw.col(key).max().alias(f"{n}hi") for n, key in enumerate(keys)),
            *(nw.col(key).null_count().alias(f"{n}nulls") for n, key in enumerate(keys)),
        )
        .collect()
    )
    count, *found = stats.row(0)  # one aggregate row
    width = len(keys)
    lows, highs, nulls = found[:width], found[width : 2 * width], found[2 * width :]
    return all(
        empty == count or (not empty and low == high)  # all empty, or one value and no empty
        for low, high, empty in zip(lows, highs, nulls, strict=True)
    )


def without_plan_bases(
    compiled: Compiled, frame: Any, keys: Sequence[str]
) -> dict[str, tuple[CompiledTarget, ...]]:
    """``compiled`` with no plan base on its change targets when ``frame`` (the observations, a
    Polars or Narwhals LazyFrame) is not one series (see the module docstring)."""
    groups = [key for key in keys if key != YEAR]
    based = any(t.change is not None and t.plan_base for ts in compiled.values() for t in ts)
    if not based or not groups or _one_series(frame, groups):
        return dict(compiled)
    return {
        indicator: tuple(replace(t, plan_base=None) if t.change is not None else t for t in targets)
        for indicator, targets in compiled.items()
    }
