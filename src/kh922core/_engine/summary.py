"""Roll-ups of evaluated rows: share met, counts per status, and data coverage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import polars as pl

from kh922core._engine.columns import (
    HORIZON,
    INDICATOR,
    MET,
    ROW,
    STATUS,
    STATUS_DTYPE,
    TARGET_ID,
    TARGET_TEXT,
)
from kh922core._engine.frame_checks import RowProblem, locate
from kh922core._engine.narwhals_summary import NOT_A_STATUS, WITH_DATA, summarize_lazy
from kh922core._engine.native_evaluate import in_polars
from kh922core._engine.native_frames import native
from kh922core._engine.native_names import dotless
from kh922core._engine.polars_query import TargetDtypes
from kh922core._frame_problems import polars_frame
from kh922core._plans import Plan, checked_plan
from kh922core._targets import Status
from kh922core.errors import Kh922Error, ObservationError, ObservationProblem

__all__ = ["PLAN_COLUMNS", "summarize"]

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

#: Columns that :func:`summarize` can group by only when given the plan.
PLAN_COLUMNS = ("group", "lead_agency", "indicator_name")
#: Columns fixed by the target (the rest belong to the observation).
_TARGET_COLUMNS = (INDICATOR, TARGET_ID, ROW, HORIZON, TARGET_TEXT, *PLAN_COLUMNS)
_MISSING = "_kh_missing_status"


def _plan_targets(plan: Plan) -> pl.DataFrame:
    """One row per target and lead agency, with what a roll-up can group by."""
    names = {indicator.id: indicator.name for indicator in plan.indicators}
    rows = [
        (
            target.id,
            target.indicator,
            target.row,
            target.horizon,
            target.text,
            target.section,
            agency,
            names[target.indicator],
            Status.NO_DATA,  # no observation was given: missing data, whatever the kind
        )
        for target in plan.targets
        for agency in (target.lead_agencies or (None,))
    ]
    dtypes = TargetDtypes.of(plan)
    return pl.DataFrame(
        rows,
        schema={
            TARGET_ID: dtypes.target_id,
            INDICATOR: pl.String,
            ROW: dtypes.row,
            HORIZON: pl.Int16,
            TARGET_TEXT: dtypes.text,
            "group": pl.String,
            "lead_agency": pl.String,
            "indicator_name": pl.String,
            _MISSING: STATUS_DTYPE,
        },
        orient="row",
    )


def _with_missing_targets(
    rows: pl.LazyFrame, targets: pl.DataFrame, keys: list[str]
) -> pl.LazyFrame:
    """``rows`` plus one row for each plan target that a group of ``keys`` has no row for."""
    expected = targets.select(TARGET_ID, pl.col(_MISSING).alias(STATUS)).unique().lazy()
    if keys:
        expected = rows.select(keys).unique().join(expected, how="cross")
    missing = expected.join(
        rows.select(*keys, TARGET_ID).unique(), on=[*keys, TARGET_ID], how="anti", nulls_equal=True
    ).with_columns(pl.lit(None, dtype=pl.Boolean).alias(MET))
    return pl.concat([rows, missing.select(rows.collect_schema().names())])


def _check_targets(found: Any, plan: Plan) -> None:
    """Refuse a result whose targets are not ``plan``'s (``found``: its distinct target ids,
    with their indicators when it has them, a small eager Polars or Narwhals frame): another
    plan's ids would count as this plan's targets, met or not, under their names."""
    indicators = {target.id: target.indicator for target in plan.targets}
    ids = found[TARGET_ID].to_list()
    given = found[INDICATOR].to_list() if INDICATOR in found.columns else [None] * len(ids)
    problems = []
    for target_id, indicator in sorted(zip(ids, given, strict=True), key=str):
        if target_id is None:
            continue
        own = indicators.get(str(target_id))
        if own is None:
            message = f"target {target_id!r} is not a target of plan {plan.id!r}"
        elif indicator is not None and str(indicator) != own:
            message = (
                f"target {target_id!r} is of indicator {indicator!r} in the result, and of "
                f"{own!r} in plan {plan.id!r}"
            )
        else:
            continue
        problems.append(
            ObservationProblem(
                column=TARGET_ID,
                message=f"{message}: summarize the result with the plan that evaluated it",
            )
        )
    if problems:
        raise ObservationError(problems)


def _check_columns(names: Sequence[str], keys: list[str], plan: Plan | None) -> None:
    """Refuse a frame without ``met`` and ``status`` (and ``target_id`` with a plan), and ``by``
    columns it cannot group by."""
    needed = (MET, STATUS) if plan is None else (MET, STATUS, TARGET_ID)
    absent = [column for column in needed if column not in names]
    if absent:
        raise ObservationError(
            [
                ObservationProblem(
                    column=column,
                    message="summarize() rolls up the result of kh922core.evaluate(), which has "
                    "this column",
                )
                for column in absent
            ]
        )
    unknown = [k for k in keys if k not in names and (plan is None or k not in _TARGET_COLUMNS)]
    if unknown:
        hint = (
            " (pass plan= to group by the plan's columns)"
            if set(unknown) & set(PLAN_COLUMNS)
            else ""
        )
        raise Kh922Error(f"cannot group by {unknown}: not a column of the result{hint}")


def summarize(
    result: Frame,
    by: str | Sequence[str] | None = None,
    *,
    plan: Plan | None = None,
) -> Frame:
    """Roll evaluated rows up: share of targets met, counts per status, data coverage.

    Columns: the ``by`` columns, then ``n_targets`` (evaluated rows, one per observation and
    target), ``n_with_data`` (status ``met``, ``exceeded`` or ``not_met``), ``coverage``
    (``n_with_data / n_targets``), ``n_met`` (``met`` is true: status ``met`` or ``exceeded``),
    ``share_met`` (``n_met / n_with_data``, null without data) and one count per status
    (``status_met`` ... ``status_needs_assessment``).

    With ``plan``, ``by`` may also name ``group`` (the plan's section: "I" for 2030, "II" for
    2045), ``lead_agency`` (a target with two lead agencies counts once for each) and
    ``indicator_name``; and every target of the plan that a group has no row for counts as
    ``no_data`` (a target in words too: ``needs_assessment`` is for an observation given without
    its assessment, not for a year in which nothing was observed), so that coverage is measured
    against the whole plan.

    A DuckDB relation, a PySpark or a SQLFrame DataFrame is rolled up in its engine and the
    roll-up stays lazy (:mod:`kh922core._engine.narwhals_summary`); pandas and PyArrow frames
    are rolled up by Polars and given back as they came.  The numbers are the same on every
    engine; the plan's ids, rows and texts sort in plan order with ``plan``, and otherwise as
    the column sorts in its engine (in plan order for a Polars Enum, as text for text).

    Args:
        result: The output of :func:`~kh922core.evaluate`: a Polars, pandas, PyArrow, DuckDB,
            PySpark or SQLFrame frame.
        by: Columns to group by; default one row for everything.
        plan: The plan that was evaluated.

    Returns:
        One row per group, sorted by the ``by`` columns, of the kind of ``result``; lazy when
        ``result`` is lazy.

    Raises:
        ObservationError: ``result`` has no ``met`` or no ``status`` column.
        Kh922Error: ``by`` names a plan column without ``plan``, or an unknown column.

    Examples:
        >>> from kh922core import evaluate
        >>> from kh922core import load_plan
        >>> from kh922core import published_figures
        >>> plan = load_plan()
        >>> result = evaluate(plan, published_figures())
        >>> summarize(result, by="indicator").select("indicator", "n_targets", "n_met").rows()
        [('dti-rank', 3, 0), ('pii-rank', 4, 4), ('tfp-contribution', 1, 0)]
        >>> in_2023 = summarize(result.filter(pl.col("year") == 2023), plan=plan)
        >>> in_2023.select("n_targets", "n_with_data", "n_met", "coverage").row(0)
        (38, 3, 2, 0.07894736842105263)
    """
    keys = [by] if isinstance(by, str) else list(by or ())
    plan = None if plan is None else checked_plan(plan)
    wrapped = native(result)
    if wrapped is not None and wrapped.lazy:  # DuckDB, Spark, SQLFrame: rolled up there, lazy
        names = wrapped.frame.collect_schema().names()
        _check_columns(names, keys, plan)
        if plan is not None:
            import narwhals as nw  # an extra's: a native frame came through it

            ids = [nw.col(c).cast(nw.String) for c in (TARGET_ID, INDICATOR) if c in names]
            _check_targets(wrapped.frame.select(ids).unique().collect(), plan)
        targets = None if plan is None else _plan_targets(plan)
        wrapped, aliases = dotless(wrapped)
        with aliases.named_again():
            summary = summarize_lazy(wrapped, aliases.all_of(keys) or [], targets, _MISSING)
        return aliases.restored(summary)  # type: ignore[no-any-return]
    converted, back = in_polars(result, "summarize", "result")
    if converted is not result:  # pandas, PyArrow: rolled up by Polars, given back as they came
        return back(summarize(converted, by, plan=plan))  # type: ignore[type-var,no-any-return]
    frame = polars_frame(result, "result").lazy()
    names = frame.collect_schema().names()
    _check_columns(names, keys, plan)
    if plan is not None:
        found = [pl.col(c).cast(pl.String) for c in (TARGET_ID, INDICATOR) if c in names]
        _check_targets(frame.select(found).unique().collect(), plan)
    # A result read back from CSV or JSON holds the statuses as text: one dtype for all rows,
    # after the rows whose text is no status are refused by name.
    if frame.collect_schema()[STATUS] != STATUS_DTYPE:
        text = pl.col(STATUS).cast(pl.String)
        unknown = text.is_not_null() & ~text.is_in([value.value for value in Status])
        located = locate(frame, [RowProblem(STATUS, NOT_A_STATUS, unknown, STATUS)])
        if located:
            raise ObservationError(located)
    status = pl.col(STATUS).cast(STATUS_DTYPE)
    if plan is None:
        rows = frame.select(*keys, MET, status)
    else:
        targets = _plan_targets(plan)
        row_keys = [k for k in keys if k not in _TARGET_COLUMNS]
        target_keys = [k for k in keys if k in _TARGET_COLUMNS]
        rows = frame.select(
            *row_keys, pl.col(TARGET_ID).cast(targets.schema[TARGET_ID]), MET, status
        )
        rows = _with_missing_targets(rows, targets, row_keys)
        facts = [k for k in target_keys if k != TARGET_ID]  # the target's id is the join key
        if facts:
            rows = rows.join(
                targets.select(TARGET_ID, *facts).unique().lazy(), on=TARGET_ID, how="left"
            )
    counts: dict[Status, pl.Expr] = {
        value: (pl.col(STATUS) == pl.lit(value.value, dtype=STATUS_DTYPE)).sum() for value in Status
    }
    aggregates = [
        pl.len().alias("n_targets"),
        pl.sum_horizontal(counts[value] for value in WITH_DATA).alias("n_with_data"),
        pl.col(MET).sum().alias("n_met"),
        *[count.alias(f"status_{value}") for value, count in counts.items()],
    ]
    grouped = rows.group_by(keys).agg(aggregates).sort(keys) if keys else rows.select(aggregates)
    summary = grouped.with_columns(
        (pl.col("n_with_data") / pl.col("n_targets")).alias("coverage"),
        pl.when(pl.col("n_with_data") > 0)
        .then(pl.col("n_met") / pl.col("n_with_data"))
        .alias("share_met"),
    ).select(
        *keys,
        pl.col("n_targets", "n_with_data").cast(pl.Int64),
        "coverage",
        pl.col("n_met").cast(pl.Int64),
        "share_met",
        *[pl.col(f"status_{value}").cast(pl.Int64) for value in Status],
    )
    return summary if isinstance(result, pl.LazyFrame) else summary.collect()
