"""pandas in, pandas out: the caller's own columns come back as given, not converted twice.

A pandas frame is converted to Polars once (:func:`kh922core._engine.native_frames.to_polars`)
and evaluated by the Polars engine with one more column: each row's place in the caller's
frame.  Only the engine's output columns are converted back to pandas; the caller's columns
are the caller's own, taken by those places:

* the longest run of result rows that are the caller's rows in order (each observation's first
  target, when every observation has one: usually nearly all the rows) is a slice of the
  caller's frame, which pandas shares without a copy;
* the rows after it that are the caller's (second targets of an indicator) are taken from it;
* the rows computed from components (derived and growth indicators), which the caller's frame
  does not hold, are converted from the result, as the whole frame used to be.

Rows come in no particular order (as from the Polars engine): those three parts come in that
order.  Converting text columns back from Polars cost more than all the rest of the conversion
back (each string is copied into a new buffer), and the caller's dtypes are kept exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any

import polars as pl

from kh922core._engine.columns import unused_name
from kh922core._engine.native_frames import polars_to_pandas
from kh922core._engine.polars_evaluate import default_keys, evaluate_polars
from kh922core._plans import Plan
from kh922core._targets import CohortPolicy

__all__ = ["evaluate_pandas"]

_SOURCE_ROW = "_kh_source_row"


def evaluate_pandas(
    plan: Plan,
    given: Any,
    converted: pl.DataFrame,
    *,
    tolerance: float | None = None,
    cohort_policy: CohortPolicy = "absolute",
    cohort_size: int | str | None = None,
    keys: Sequence[str] | None = None,
    outputs: Sequence[str] | None = None,
) -> Any:
    """:func:`kh922core.evaluate` of the pandas frame ``given``, already converted to Polars
    (``converted``, the same columns under the same names): a pandas frame back."""
    names = converted.columns
    row = unused_name(_SOURCE_ROW, names)
    result = evaluate_polars(
        plan,
        converted.with_row_index(row),
        tolerance=tolerance,
        cohort_policy=cohort_policy,
        cohort_size=cohort_size,
        keys=default_keys(names) if keys is None else keys,  # the place is no key
        outputs=outputs,
    )
    return _assembled(result, given, row, names)


def _prefix(result: pl.DataFrame, row: str) -> int:
    """How many rows the result starts with that are the caller's first rows, in order."""
    place = pl.col(row).cast(pl.Int64)
    same = place.eq(pl.int_range(pl.len(), dtype=pl.Int64)).fill_null(False)
    found = result.select(same.all().alias("all"), same.not_().arg_max().alias("first"))
    every, first = found.row(0)
    return result.height if every else int(first)


def _assembled(result: pl.DataFrame, given: Any, row: str, names: Sequence[str]) -> Any:
    """The pandas result: the caller's columns by the rows' places, then the outputs."""
    pd = import_module("pandas")  # untyped: Any
    columns = result.columns
    outputs = [name for name in columns if name != row and name not in names]
    start = _prefix(result, row)
    rest = result.slice(start)
    known = pl.col(row).is_not_null()
    taken, computed = rest.filter(known), rest.filter(~known)
    own = [given.iloc[:start]] if start else []
    if taken.height:
        own.append(given.take(taken[row].to_numpy()))
    if computed.height:
        own.append(polars_to_pandas(computed.select(names), given))
    if not own:
        own.append(given.iloc[:0])
    caller = own[0].reset_index(drop=True) if len(own) == 1 else pd.concat(own, ignore_index=True)
    parts = [result.slice(0, start), taken, computed]
    answers = polars_to_pandas(pl.concat([part.select(outputs) for part in parts]), given)
    return pd.concat([caller, answers], axis=1)
