"""One level given twice alike: two values of one series and year whose levels agree to the
relative tolerance of the comparisons are one level.

A figure printed by two sources is often given in two units (``100`` tỷ đồng and ``100.000``
triệu đồng; ``7`` % and ``0,07``): converted into one unit, its levels then differ in their last
bits (0,07 × 100 is 7.000000000000001), and an equality of floats would call them two values of
one base year, or two points of one series.  Levels that agree within
:data:`~kh922core.COMPARISON_RTOL` (1e-9, the tolerance of every bound) are one: each is
replaced by the largest of its group, the same in every engine, so that the rows are then
alike and one of them is kept.  Levels further apart are still two values, and refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from kh922core._targets import COMPARISON_RTOL

__all__ = ["alike_levels", "alike_levels_narwhals"]


def alike_levels(column: str, group: Sequence[str]) -> pl.Expr:
    """``column``, where every level of its ``group`` agrees with the group's largest within
    the tolerance: that largest (a missing level stays missing).

    Examples:
        >>> frame = pl.DataFrame({"k": [1, 1, 2, 2], "v": [7.0, 0.07 * 100, 7.0, 7.5]})
        >>> frame.with_columns(alike_levels("v", ["k"]))["v"].to_list()
        [7.000000000000001, 7.000000000000001, 7.0, 7.5]
    """
    value = pl.col(column)
    high, low = value.max().over(group), value.min().over(group)
    width = pl.max_horizontal(high.abs(), low.abs()) * COMPARISON_RTOL
    alike = (high == low) | (high - low <= width)
    return pl.when(value.is_not_null() & alike).then(high).otherwise(value).alias(column)


def alike_levels_narwhals(column: str, group: Sequence[str]) -> Any:
    """:func:`alike_levels` as a Narwhals expression (a window in the frame's engine)."""
    import narwhals as nw

    value = nw.col(column)
    high, low = value.max().over(*group), value.min().over(*group)
    width = nw.max_horizontal(high.abs(), low.abs()) * nw.lit(COMPARISON_RTOL, dtype=nw.Float64)
    alike = (high == low) | (high - low <= width)
    return nw.when(~value.is_null() & alike).then(high).otherwise(value).alias(column)
