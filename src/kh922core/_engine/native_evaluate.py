"""The backend of :func:`kh922core.evaluate` for frames of other engines, through Narwhals.

* pandas and PyArrow (eager): converted to Polars once, evaluated by the Polars engine (every
  feature), converted back (:mod:`kh922core._engine.native_frames`).
* DuckDB relations, PySpark and SQLFrame DataFrames (lazy): checked in their engine (schema and
  distinct pairs), and evaluated there by the query of
  :mod:`kh922core._engine.narwhals_query`; the result is returned unevaluated.  Every feature
  of the Polars engine runs there: level targets of every kind (units, rank groups of both
  cohort policies, words), derived and growth indicators computed from their components
  (:mod:`kh922core._engine.narwhals_components`) and change targets
  (:mod:`kh922core._engine.narwhals_change`).  The checks read small aggregates in the engine;
  only on an error are the columns that locate its rows fetched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import polars as pl

from kh922core._engine.columns import COHORT_SIZE, YEAR, unused_name
from kh922core._engine.compile import compile_targets
from kh922core._engine.narwhals_change import LazyChange
from kh922core._engine.narwhals_components import add_lazy_components
from kh922core._engine.narwhals_query import evaluate_narwhals, join_keys
from kh922core._engine.native_frames import (
    Native,
    from_polars,
    lazy_source,
    native,
    native_table,
    polars_only,
    to_polars,
)
from kh922core._engine.native_names import dotless
from kh922core._engine.pandas_frames import evaluate_pandas
from kh922core._engine.plan_bases import without_plan_bases
from kh922core._engine.polars_evaluate import check_observations, checked_options, evaluate_polars
from kh922core._engine.polars_query import TargetDtypes, bounds_table
from kh922core._engine.written_values import written_values_narwhals
from kh922core._plans import Plan
from kh922core._targets import CohortPolicy
from kh922core.errors import ObservationError, ObservationProblem

__all__ = ["evaluate_native", "handles_native", "in_polars", "rank_lazy"]


def handles_native(frame: object) -> bool:
    """Whether ``frame`` is a frame of another engine that this backend runs."""
    return native(frame) is not None


def evaluate_native(
    plan: Plan,
    observations: object,
    *,
    tolerance: float | None = None,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | str | None = None,
    keys: Sequence[str] | None = None,
    outputs: Sequence[str] | None = None,
) -> Any:
    """:func:`kh922core.evaluate` on a frame of another engine (the same kind back)."""
    wrapped = native(observations)
    assert wrapped is not None  # backend_for chose this backend for it
    options: dict[str, Any] = {
        "tolerance": tolerance,
        "cohort_policy": cohort_policy,
        "cohort_size": cohort_size,
        "keys": keys,
        "outputs": outputs,
    }
    if not wrapped.lazy:
        converted = to_polars(wrapped)
        if wrapped.kind == "pandas" and converted.columns == list(wrapped.frame.columns):
            return evaluate_pandas(plan, wrapped.frame.to_native(), converted, **options)
        return from_polars(evaluate_polars(plan, converted, **options), wrapped)
    wrapped, aliases = dotless(wrapped)
    wrapped = replace(wrapped, frame=written_values_narwhals(wrapped.frame))
    if isinstance(cohort_size, str):
        options["cohort_size"] = aliases.of(cohort_size)
    options["keys"] = aliases.all_of(keys)
    with aliases.named_again():
        return aliases.restored(_evaluate_lazy(plan, wrapped, **options))


def _evaluate_lazy(
    plan: Plan,
    wrapped: Native,
    *,
    tolerance: float | None,
    cohort_policy: CohortPolicy,
    cohort_size: int | str | None,
    keys: Sequence[str] | None,
    outputs: Sequence[str] | None,
) -> Any:
    import narwhals as nw

    checked_options(tolerance, cohort_size, keys)
    compiled = compile_targets(plan, tolerance=tolerance, cohort_policy=cohort_policy)
    column = None if isinstance(cohort_size, int) else (cohort_size or COHORT_SIZE)
    source = lazy_source(wrapped, column)
    empty = pl.LazyFrame(schema=source.schema)  # never read: the checks read the source
    checked = check_observations(
        plan, empty, compiled, cohort_policy, cohort_size, keys, source=source
    )
    schema = checked.schema

    def pull(columns: Sequence[str]) -> pl.LazyFrame:  # on an error only: to locate its rows
        wanted = [name for name in dict.fromkeys(columns) if name in schema]
        pulled: pl.DataFrame = wrapped.frame.select(wanted).collect(backend="polars").to_native()
        return pulled.lazy()

    added = add_lazy_components(plan, checked, compiled, wrapped.frame, pull)
    has_year = YEAR in schema and schema[YEAR] != pl.Null
    compiled = without_plan_bases(compiled, added.frame, checked.keys)
    change = LazyChange.of(compiled, added.factors, checked.keys, has_year)
    with_unit = added.with_unit
    factors = [pair for pair in added.factors if compiled.get(pair.indicator)]
    table = bounds_table(factors, compiled, TargetDtypes.of(plan), with_unit=with_unit)
    if change is not None:
        change.refuse_duplicates(added.frame, pull, added.factors)
        table = change.table_columns(table)
    scaled = cohort_policy == "proportional" and table["_kh_rank_size"].is_not_null().any()
    keyed = join_keys(table, with_unit)
    frame, renamed = _out_of_the_way(added.frame, schema.names(), keyed.columns)
    if change is not None and renamed:
        change = replace(change, groups=tuple(renamed.get(g, g) for g in change.groups))
    cohort = None
    if scaled:
        cohort = (
            nw.lit(cohort_size)
            if isinstance(cohort_size, int)
            else nw.col(renamed.get(str(column), str(column)))
        )
    result = evaluate_narwhals(
        frame,
        native_table(wrapped, keyed, enums=wrapped.kind == "duckdb"),
        columns=[renamed.get(name, name) for name in schema.names()],
        with_unit=with_unit,
        qualitative=bool(table["_kh_qualitative"].any()),
        rank_scaled=bool(scaled),
        cohort=cohort,
        change=change,
        computed=added.computed,
        enums=wrapped.kind == "duckdb",
        outputs=outputs,
    )
    if renamed:
        result = result.rename({new: name for name, new in renamed.items()})
    return nw.to_native(result)


def _out_of_the_way(
    frame: Any, names: Sequence[str], table: Sequence[str]
) -> tuple[Any, dict[str, str]]:
    """``frame`` with its columns that the bounds table also names (``_kh_lower``,
    ``_kh_key_unit``, …) renamed to names of neither, so that the join neither reads the
    caller's column in place of the table's nor overwrites it (the Polars engine keeps both);
    and the new name of each (the result gives them their own names back)."""
    taken = [*frame.collect_schema().names(), *table]
    renamed: dict[str, str] = {}
    for name in names:
        if name in table:
            renamed[name] = unused_name(name, [*taken, *renamed.values()])
    return (frame.rename(renamed) if renamed else frame), renamed


def in_polars(frame: object, feature: str, what: str) -> tuple[object, Callable[[Any], Any]]:
    """``frame`` for a function that runs on Polars frames, and how to give its result back:
    an eager frame of another engine converted to Polars (and the result converted back), a
    lazy one refused with an :class:`~kh922core.errors.UnsupportedFrameError` naming
    ``feature``; any other object unchanged (the function says what it takes)."""
    wrapped = native(frame)
    if wrapped is None:
        return frame, lambda result: result
    if wrapped.lazy:
        raise polars_only(wrapped, feature, what)
    return to_polars(wrapped), lambda result: from_polars(result, wrapped)


def rank_lazy(
    scores: object,
    groups: list[str],
    *,
    score: str,
    higher_is_better: bool,
    columns: tuple[str, str],
    problems: Callable[[pl.Schema], list[ObservationProblem]],
) -> Any:
    """:func:`kh922core.rank` in the engine of a lazy frame of another engine (window
    functions: DuckDB and Spark rank there), or ``None`` for any other frame."""
    wrapped = native(scores)
    if wrapped is None or not wrapped.lazy:
        return None
    import narwhals as nw

    found = problems(wrapped.frame.collect_schema().to_polars())
    if found:
        raise ObservationError(found)
    wrapped, aliases = dotless(wrapped)
    score = aliases.of(score)
    frame, partition = wrapped.frame, [aliases.of(group) for group in groups]
    if not partition:  # one cohort: a window over a constant
        partition = ["_kh_cohort"]
        frame = frame.with_columns(nw.lit(0).alias(partition[0]))
    value = nw.col(score).cast(nw.Float64).fill_nan(None)
    ranked = frame.with_columns(
        value.rank("min", descending=higher_is_better)
        .over(partition)
        .cast(nw.Int64)
        .alias(columns[0]),
        value.count().over(partition).cast(nw.Int64).alias(columns[1]),
    )
    names = [*wrapped.frame.collect_schema().names(), *columns]
    return aliases.restored(nw.to_native(ranked.select(names)))
