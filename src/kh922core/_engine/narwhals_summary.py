""":func:`kh922core.summarize` lowered to Narwhals, for lazy frames of other engines.

A DuckDB relation, a PySpark or a SQLFrame DataFrame (the result of :func:`kh922core.evaluate`
on one, or any frame with its ``met`` and ``status`` columns) is rolled up in its engine: one
group-by with the same counts as the Polars code of :mod:`kh922core._engine.summary`, and the
result stays lazy.  With the plan, its targets are a small table of literals in the same engine
(:func:`~kh922core._engine.native_frames.native_table`): each target that a group of the
result's own columns has no row for is added as ``no_data`` (a window over the group and the
target keeps such a row only where the group has no real one: SQL's ``PARTITION BY`` matches
null keys as Polars' ``nulls_equal`` anti-join does), and the target's facts are joined by its
id.  Groups sort as the Polars roll-up sorts them: the plan's Enum columns (``target_id``,
``row``, ``target_text``) in plan order, by their position in the plan's Enum.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from kh922core._engine.columns import MET, STATUS, TARGET_ID, unused_name
from kh922core._engine.native_frames import Native, native_table
from kh922core._targets import Status
from kh922core.errors import ObservationError, ObservationProblem

__all__ = ["COUNT_COLUMNS", "NOT_A_STATUS", "WITH_DATA", "summarize_lazy"]

#: The problem of a status text that is none of the five (a result edited or read back wrong).
NOT_A_STATUS = "not a status: a status is one of " + ", ".join(s.value for s in Status)

#: The statuses of a target with data: ``n_with_data`` counts them.
WITH_DATA = (Status.MET, Status.EXCEEDED, Status.NOT_MET)
#: The integer columns of a roll-up after ``coverage`` and ``share_met``, in order.
COUNT_COLUMNS = ("n_targets", "n_with_data", "n_met", *(f"status_{s.value}" for s in Status))


def summarize_lazy(
    native: Native, keys: Sequence[str], targets: pl.DataFrame | None, missing: str
) -> Any:
    """:func:`kh922core.summarize` of a lazy frame, in its engine (the columns checked).

    Args:
        native: The caller's frame, wrapped.
        keys: The ``by`` columns.
        targets: With the plan, one row per target and lead agency: the target's columns (Enum
            ids, rows and texts in plan order) and ``missing``; ``None`` without the plan.
        missing: The column of ``targets`` holding the status of a target without a row.

    Returns:
        The roll-up, unevaluated, of the caller's kind (a DuckDB relation, a Spark DataFrame).
    """
    import narwhals as nw

    frame = native.frame
    taken = [*frame.collect_schema().names(), *(targets.columns if targets is not None else ())]
    status = nw.col(STATUS).cast(nw.String)
    known = [value.value for value in Status]
    unknown = frame.filter(~status.is_null() & ~status.is_in(known)).select(status)
    shown = unknown.head(5).collect(backend="polars").to_native()  # a small query, in the engine
    if shown.height:
        raise ObservationError(
            [ObservationProblem(column=STATUS, message=NOT_A_STATUS, values=tuple(shown[STATUS]))]
        )
    sort_by, extra = list(keys), []
    if targets is None:
        rows = frame.select(*keys, MET, status)
    else:
        target_keys = [k for k in keys if k in targets.columns and k != missing]
        row_keys = [k for k in keys if k not in target_keys]
        expected = targets.select(TARGET_ID, pl.col(missing).alias(STATUS)).unique()
        rows = _with_missing_targets(
            frame.select(*row_keys, nw.col(TARGET_ID).cast(nw.String), MET, status),
            native_table(native, expected),
            row_keys,
            unused_name("_kh_observed", taken),
        )
        if target_keys:
            orders = {
                k: unused_name(f"_kh_order_{k}", taken)
                for k in target_keys
                if isinstance(targets.schema[k], pl.Enum)
            }
            facts = targets.select(
                *dict.fromkeys([TARGET_ID, *target_keys]),
                *(pl.col(k).to_physical().cast(pl.Int64).alias(o) for k, o in orders.items()),
            ).unique()
            rows = rows.join(native_table(native, facts), on=TARGET_ID, how="left")
            sort_by, extra = [orders.get(k, k) for k in keys], list(orders.values())
    return nw.to_native(_roll_up(rows, list(keys), extra, sort_by))


def _with_missing_targets(rows: Any, expected: Any, keys: list[str], flag: str) -> Any:
    """``rows`` plus one row (``met`` null, the ``expected`` status) for each target of
    ``expected`` that a group of ``keys`` has no row for."""
    import narwhals as nw

    names = [*keys, TARGET_ID, MET, STATUS]
    if keys:
        # A group-by: Narwhals writes ``unique()`` as a window for DuckDB (much slower).
        expected = rows.select(keys).group_by(keys).agg().join(expected, how="cross")
    observed = rows.with_columns(nw.lit(1, dtype=nw.Int32).alias(flag)).select(*names, flag)
    added = expected.with_columns(
        nw.lit(None, dtype=nw.Boolean).alias(MET), nw.lit(0, dtype=nw.Int32).alias(flag)
    ).select(*names, flag)
    both = nw.concat([observed, added], how="vertical")
    seen = unused_name(f"{flag}_seen", [*names, flag])
    window = nw.col(flag).max().over(*keys, TARGET_ID).alias(seen)
    kept = both.with_columns(window).filter((nw.col(flag) == 1) | (nw.col(seen) == 0))
    return kept.select(*names)


def _roll_up(rows: Any, keys: list[str], extra: list[str], sort_by: list[str]) -> Any:
    """The counts per group of ``keys`` (with ``extra``, columns fixed by them, sorted by
    ``sort_by``), as the Polars roll-up gives them."""
    import narwhals as nw

    def count(condition: Any) -> Any:
        return nw.when(condition).then(nw.lit(1)).otherwise(nw.lit(0)).sum()

    status = nw.col(STATUS)
    aggregates = [
        nw.len().alias("n_targets"),
        count(status.is_in([value.value for value in WITH_DATA])).alias("n_with_data"),
        count(nw.col(MET)).alias("n_met"),
        *(count(status == value.value).alias(f"status_{value.value}") for value in Status),
    ]
    groups = [*keys, *extra]
    grouped = rows.group_by(groups).agg(*aggregates) if groups else rows.select(*aggregates)
    n_targets, n_with_data = nw.col("n_targets"), nw.col("n_with_data")
    summary = grouped.with_columns(
        nw.when(n_targets > 0)
        .then(n_with_data.cast(nw.Float64) / n_targets.cast(nw.Float64))
        .otherwise(nw.lit(float("nan")))  # 0 / 0, as Polars divides
        .alias("coverage"),
        nw.when(n_with_data > 0)
        .then(nw.col("n_met").cast(nw.Float64) / n_with_data.cast(nw.Float64))
        .otherwise(nw.lit(None, dtype=nw.Float64))
        .alias("share_met"),
    )
    if sort_by:
        summary = summary.sort(sort_by)
    counts = {name: nw.col(name).cast(nw.Int64) for name in COUNT_COLUMNS}
    return summary.select(
        *keys,
        counts["n_targets"],
        counts["n_with_data"],
        "coverage",
        counts["n_met"],
        "share_met",
        *(counts[f"status_{value.value}"] for value in Status),
    )
