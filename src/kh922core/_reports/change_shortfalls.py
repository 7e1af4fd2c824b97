"""The shortfall of a change target as the report shows it: in the indicator's own unit.

The engine's ``shortfall`` of a change target is the size of the change still missing (points
of a growth rate, per cent of a rise): shown beside the indicator's unit (``Sáng kiến``,
``Vụ``), it would read as that many initiatives or cases.  The report shows instead how far
the value is from the level the change implies at the value's year, from the same base
(:func:`kh922core._tracking.progress_change.level_shortfall`): ``tăng 15% so với năm 2024``
from 200 is 230, so 225 falls 5 short.  Where the level is undefined (no base), nothing.
"""

from __future__ import annotations

import polars as pl

from kh922core._plans import Plan
from kh922core._tracking import level_shortfall

__all__ = ["level_shortfalls"]


def level_shortfalls(plan: Plan, latest: pl.DataFrame) -> pl.DataFrame:
    """``latest`` (one judged row per target and entity, with ``base_value`` and
    ``base_year`` where the plan has change targets) with the shortfall of each change
    target's row in the indicator's unit (see the module docstring)."""
    if "base_value" not in latest.columns:
        return latest
    changes = [t.id for t in plan.targets if t.spec.change is not None]
    rows = latest.filter(
        pl.col("target_id").is_in(changes)
        & pl.col("value").is_not_null()
        & pl.col("base_value").is_not_null()
        & pl.col("year").is_not_null()
        & pl.col("base_year").is_not_null()
    )
    gaps = [  # one per change target's latest row: a handful, not the observations
        level_shortfall(plan.target(target), value, base, float(year - since))
        for target, value, base, year, since in rows.select(
            "target_id", "value", "base_value", "year", "base_year"
        ).iter_rows()
    ]
    fixed = rows.select("target_id", "entity", pl.Series("_gap", gaps, dtype=pl.Float64))
    is_change = pl.col("target_id").is_in(changes)
    return (
        latest.join(fixed, on=["target_id", "entity"], how="left", nulls_equal=True)
        .with_columns(
            pl.when(is_change)
            .then(pl.col("_gap"))
            .otherwise(pl.col("shortfall"))
            .alias("shortfall")
        )
        .drop("_gap", "base_value", "base_year")
    )
