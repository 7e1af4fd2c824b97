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
    # a name that no column and no option names: keys= or cohort_size= naming a column the
    # caller's frame lacks is refused as such, not answered from the places
    row = unused_name(_SOURCE_ROW, [*names, *_named(keys), *_named(cohort_size)])
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


def _named(option: object) -> list[str]:
    """The column names an option gives (none where it is not names: refused later)."""
    if isinstance(option, str):
        return [option]
    if isinstance(option, list | tuple):
        return [name for name in option if isinstance(name, str)]
    return []


def _prefix(result: pl.DataFrame, row: str) -> int:
    """How many rows the result starts with that are the caller's first rows, in order."""
    place = pl.col(row).cast(pl.Int64)
    same = place.eq(pl.int_range(pl.len(), dtype=pl.Int64)).fill_null(False)
    found = result.select(same.all().alias("all"), same.not_().arg_max().alias("first"))
    every, first = found.row(0)
    return result.height if every else int(first)


def _plain(dtype: Any, pd: Any) -> bool:
    """Whether a column of this dtype reads the same from Polars as from the caller's frame:
    numbers, Booleans, dates and times, texts, a ``category`` of texts.  Python objects (a
    ``date``, a list), other categories, periods and intervals come back from Polars as other
    values (a ``Timestamp``, an array): a column that rows computed from components share with
    the caller's rows is then converted whole, so that its values are of one kind."""
    if isinstance(dtype, pd.CategoricalDtype):
        return all(isinstance(category, str) for category in dtype.categories)
    return isinstance(dtype, pd.StringDtype) or getattr(dtype, "kind", "O") in "biufmM"


def _assembled(result: pl.DataFrame, given: Any, row: str, names: Sequence[str]) -> Any:
    """The pandas result: the caller's columns by the rows' places, then the outputs."""
    pd = import_module("pandas")  # untyped: Any
    columns = result.columns
    outputs = [name for name in columns if name != row and name not in names]
    start = _prefix(result, row)
    rest = result.slice(start)
    known = pl.col(row).is_not_null()
    taken, computed = rest.filter(known), rest.filter(~known)
    dtypes = given.dtypes
    whole = [name for name in names if computed.height and not _plain(dtypes[name], pd)]
    kept = [name for name in names if name not in whole]
    # a row taken twice repeats its label: the caller's frame may refuse that (set_flags)
    mine = given.set_flags(allows_duplicate_labels=True)[kept]
    own = [mine.iloc[:start]] if start else []
    if taken.height:
        own.append(mine.take(taken[row].to_numpy()))
    if computed.height:
        own.append(polars_to_pandas(computed.select(kept), given))
    if not own:
        own.append(mine.iloc[:0])
    caller = own[0].reset_index(drop=True) if len(own) == 1 else pd.concat(own, ignore_index=True)
    parts = [result.slice(0, start), taken, computed]
    answers = polars_to_pandas(pl.concat([part.select(*whole, *outputs) for part in parts]), given)
    joined = pd.concat([caller, answers], axis=1)
    return joined[[*names, *outputs]] if whole else joined
