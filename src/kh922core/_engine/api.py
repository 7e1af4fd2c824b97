"""The declared API of the engine: :func:`evaluate`.

:func:`evaluate` hands the frame to the backend that takes its kind
(:mod:`kh922core._engine.backends`).  In the Polars backend,
:mod:`kh922core._engine.polars_evaluate` checks the observations and
:mod:`kh922core._engine.polars_query` builds the query; targets are compiled in
:mod:`kh922core._engine.compile`, units resolved in :mod:`kh922core._engine.conversion`, derived
and growth indicators computed in :mod:`kh922core._engine.components`.  Change targets find the
base level of each key group in :mod:`kh922core._engine.change_bases` (with the key codes of
:mod:`kh922core._engine.key_codes`) and measure their change in
:mod:`kh922core._engine.change_query`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import polars as pl

from kh922core._engine.backends import backend_for
from kh922core._engine.columns import output_names
from kh922core._plans import Plan, checked_plan
from kh922core._targets import CohortPolicy

__all__ = ["evaluate"]

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def evaluate(
    plan: Plan,
    observations: Frame,
    *,
    tolerance: float | None = None,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | str | None = None,
    keys: Sequence[str] | None = None,
    outputs: Sequence[str] | None = None,
) -> Frame:
    """Evaluate observations against every applicable target of ``plan``.

    One output row per observation and target of its indicator: the observation's columns, then
    ``target_id``, ``row``, ``horizon``, ``target_text``, ``value_converted`` (the value in the
    target's unit), ``met`` (nullable Boolean), ``status`` (:data:`~kh922core.STATUS_DTYPE`),
    ``shortfall``, ``attainment`` and ``computed`` (true for rows computed from components).
    The result equals the scalar reference (:meth:`~kh922core.Target.is_met`, ``status``,
    ``shortfall`` and the spec's ``attainment``) row for row.

    A change target (``tăng 20% so với năm 2023``) is judged on the size of the change of the
    level from its base: the level of the same indicator and key group (the keys without
    ``year``) at the year the text names, or the year before the observation's (``so với cùng
    kỳ``), else the target's plan ``baseline`` of that year (or, when the text names no base,
    the plan baseline).  A plan with change targets adds ``base_year``, ``base_value``,
    ``baseline_source`` (``series``/``plan``), ``change_size`` and ``no_data_reason`` (why a
    row is ``no_data``: ``no value``, ``no year``, ``no base value``, ``year not after the base
    year``, ``change undefined``); they are null for its level targets.  Two values of one key
    group at a base year are refused.  The observations of the base years are collected before
    the query is built (for previous-year targets, all observations of their indicators).

    Input columns: ``indicator`` (indicator id) and ``value`` (numeric) are required; ``unit``
    (text; values are converted to each target's unit, its own or else its indicator's; a
    missing, empty or blank unit means the target's unit),
    ``year``, ``assessment`` (Boolean, for qualitative targets) and ``cohort_size`` (integer,
    for proportional rank targets) are optional; every other column passes through as a key.

    Rows come in no particular order (keeping the input's order would cost the streaming
    engine about three times the time): sort the result if order matters.

    Before the query is built, the distinct ``(indicator, unit)`` pairs are collected (for a
    LazyFrame, a small streaming aggregate over those two columns) to check the ids and compute
    one conversion factor per pair.  The rest stays lazy for lazy input.

    Args:
        plan: The plan.
        observations: A :class:`polars.DataFrame` or :class:`polars.LazyFrame` (the fast path), a
            pandas DataFrame, a PyArrow Table, a DuckDB relation or a PySpark DataFrame (see
            "Other engines" in the documentation); the result is of
            the same kind.
        tolerance: Relative tolerance of approximate targets (``khoảng X``), from 0 up to (not
            including) 1; default the plan's.
        cohort_policy: ``"absolute"`` (rank ≤ N) or ``"proportional"`` (N scaled by the current
            cohort over the cohort at adoption, rounded down).
        cohort_size: For the proportional policy, the current cohort size: an integer of at
            least 1, or the name of an integer column (default ``cohort_size``).
        keys: The columns that identify an observation apart from its indicator, used to join
            the components of derived indicators and to group growth series; default every
            pass-through column (``year`` included).  A numerator without its denominator, and
            the first year of a growth series, give a computed row without data (``no_data``).
        outputs: The output columns to compute, in the order wanted, after the observation's
            own columns (default: all of them, in the order above).  The query computes only
            what they need: a dashboard that reads ``status`` alone, or a pipeline that keeps
            ``target_id`` and ``met``, pays for those (in DuckDB and Spark as in Polars).

    Returns:
        The evaluated rows, lazy when ``observations`` is lazy.

    Raises:
        UnsupportedFrameError: ``observations`` is not a kind of frame the engine takes.
        InvalidValueError: An option value that means nothing (a tolerance outside [0, 1), a
            cohort size below 1, an output column that does not exist), named with its value.
        ObservationError: Missing or mistyped columns, unknown indicator ids, non-numeric
            values, unknown or incompatible units, cohort sizes below 1, components given twice
            for the same keys: every problem at once, with rows and values.

    Examples:
        >>> import polars as pl
        >>> from kh922core import load_plan
        >>> observations = pl.DataFrame({
        ...     "indicator": ["tfp-contribution", "pii-rank"],
        ...     "value": [0.56, 31.0],
        ...     "unit": ["fraction", None],
        ... })
        >>> result = evaluate(load_plan(), observations).sort("target_id")
        >>> result.select("target_id", "value_converted", "met", "status", "shortfall").rows()
        [('2030-1', 31.0, False, 'not_met', 1.0), ('2030-3', 56.00000000000001, True, 'met', 0.0), ('2045-2', 31.0, False, 'not_met', 1.0)]
    """  # noqa: E501
    plan = checked_plan(plan)
    backend = backend_for(observations)
    has_change = any(target.spec.change is not None for target in plan.targets)
    chosen = None if outputs is None else output_names(outputs, change=has_change)
    result: Frame = backend.evaluate(
        plan,
        observations,
        tolerance=tolerance,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
        keys=keys,
        outputs=chosen,
    )
    return result
