"""Where a plan baseline may stand in as the base of a change: only for the plan's own series.

A change target's plan ``baseline`` is one level, of the plan's own province: it is the base of
the observations that are that series, never of a district's or another province's.  So it
stands in (where the series has no level at the base year, or the text names no base year)
only when the observations are one series: every key column (``year`` aside) holds one value
(or is empty) on the rows of the target's indicator (each indicator on its own rows); columns
that say where a figure comes from (``source``, ``note`` …) are no key of a series here.
Observations of several key groups (``district`` A, B, …) have no plan base: a group without its
own level at the base year is ``no data`` (``no base value``), never measured from the
province's level.

Whether the keys hold one value each is found by one small aggregate (the least and the most
value of each key, and its nulls), and only where a change target has a plan baseline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from kh922core._engine.columns import INDICATOR, YEAR, unused_name
from kh922core._engine.compile import CompiledTarget

__all__ = [
    "PROVENANCE",
    "is_provenance",
    "one_series_indicators",
    "series_groups",
    "without_plan_bases",
]

Compiled = Mapping[str, tuple[CompiledTarget, ...]]


#: Columns that say where a figure comes from, not whose it is: no key of a series here.  The
#: names are compared with their case, marks and ``_`` folded (:func:`is_provenance`), so that
#: ``Nguồn``, ``nguon`` and ``Ghi chú`` are the Vietnamese headings of ``source`` and ``note``.
PROVENANCE = frozenset(
    {"quality", "published_as", "note", "source", "agency", "source_file", "source_sheet"}
    | {"source_row"}
)
_PROVENANCE_WORDS = frozenset(
    {name.replace("_", " ") for name in PROVENANCE}
    | {"nguồn", "nguon", "nguồn số liệu", "nguon so lieu", "ghi chú", "ghi chu", "ghichu"}
    | {"cơ quan báo cáo", "co quan bao cao", "tệp", "tep", "nguồn dữ liệu", "nguon du lieu"}
    | {"notes", "sources", "đơn vị cung cấp", "don vi cung cap", "đơn vị báo cáo", "don vi bao cao"}
)


def is_provenance(column: str) -> bool:
    """Whether ``column`` says where a figure comes from (:data:`PROVENANCE`, or a Vietnamese
    heading of one: ``Nguồn``, ``nguon``, ``Ghi chú``, ``ghi_chu``)."""
    folded = " ".join(unicodedata.normalize("NFC", column).casefold().replace("_", " ").split())
    return folded in _PROVENANCE_WORDS


def series_groups(keys: Sequence[str]) -> list[str]:
    """The key columns that tell a change target's series apart: ``keys`` without ``year`` (the
    time) and without the columns that say where a figure comes from (:data:`PROVENANCE`: a
    level of 2023 from one source is the base of a level of 2026 from another)."""
    return [key for key in keys if key != YEAR and not is_provenance(key)]


def _one_series(frame: Any, keys: Sequence[str], indicators: Sequence[str]) -> set[str]:
    """Which of ``indicators`` are one series in ``frame`` (a Polars or Narwhals LazyFrame):
    every key column holds one value, or none, on the indicator's rows (a float key's NaN is
    one value, as null is).  One grouped aggregate of simple reductions, which every engine
    runs: the least and most value of each key, its values counted, its NaNs summed."""
    import narwhals as nw

    lazy = nw.from_native(frame)
    schema = lazy.collect_schema()
    floats = [key for key in keys if schema[key].is_float()]
    taken: list[str] = list(schema.names())

    def unused(base: str) -> str:  # the user's columns keep their names and values
        taken.append(unused_name(base, taken))
        return taken[-1]

    name, rows_name = unused("_kh_indicator"), unused("_kh_rows")
    nan = [unused(f"_kh_nan{n}") for n in range(len(floats))]
    low = [unused(f"_kh_lo{n}") for n in range(len(keys))]
    high = [unused(f"_kh_hi{n}") for n in range(len(keys))]
    counted = [unused(f"_kh_count{n}") for n in range(len(keys))]
    nans = [unused(f"_kh_nans{n}") for n in range(len(floats))]
    rows = lazy.filter(nw.col(INDICATOR).cast(nw.String).is_in(list(indicators))).with_columns(
        nw.col(INDICATOR).cast(nw.String).alias(name),
        *(nw.col(key).is_nan().cast(nw.Int64).alias(nan[n]) for n, key in enumerate(floats)),
    )
    stats = (
        rows.group_by(name)
        .agg(
            nw.len().alias(rows_name),
            *(nw.col(key).min().alias(low[n]) for n, key in enumerate(keys)),
            *(nw.col(key).max().alias(high[n]) for n, key in enumerate(keys)),
            *(nw.col(key).count().alias(counted[n]) for n, key in enumerate(keys)),
            *(nw.col(nan[n]).sum().alias(nans[n]) for n in range(len(floats))),
        )
        .collect()
    )
    found = {column: stats.get_column(column).to_list() for column in stats.columns}
    ones: set[str] = set()
    for at, indicator in enumerate(found[name]):  # one aggregate per indicator, not per row
        count = found[rows_name][at]
        nan_counts = {key: found[nans[n]][at] or 0 for n, key in enumerate(floats)}
        one = True
        for n, key in enumerate(keys):
            empty, nan_count = count - found[counted[n]][at], nan_counts.get(key, 0)
            if empty == count or nan_count == count:
                continue  # all empty, or all NaN: one group
            # (pandas counts no NaN: there a NaN is an empty value too, and still not one)
            if empty or nan_count or found[low[n]][at] != found[high[n]][at]:
                one = False
        if one:
            ones.add(indicator)
    return ones | (set(indicators) - set(found[name]))  # no rows at all: nothing to split


def one_series_indicators(frame: Any, keys: Sequence[str], indicators: Sequence[str]) -> set[str]:
    """Which of ``indicators`` are one series in ``frame`` (a Polars or Narwhals LazyFrame, of
    the key columns ``keys``): the plan's own, which a plan baseline may stand in for."""
    groups = series_groups(keys)
    if not groups or not indicators:
        return set(indicators)
    return _one_series(frame, groups, indicators)


def without_plan_bases(
    compiled: Compiled, frame: Any, keys: Sequence[str]
) -> dict[str, tuple[CompiledTarget, ...]]:
    """``compiled`` with no plan base on the change targets of the indicators that are not one
    series in ``frame`` (the observations, a Polars or Narwhals LazyFrame; see the module
    docstring)."""
    based = sorted(
        {
            t.indicator
            for ts in compiled.values()
            for t in ts
            if t.change is not None and t.plan_base
        }
    )
    ones = one_series_indicators(frame, keys, based)
    if ones == set(based):
        return dict(compiled)
    return {
        indicator: tuple(
            replace(t, plan_base=None) if t.change is not None and indicator not in ones else t
            for t in targets
        )
        for indicator, targets in compiled.items()
    }
