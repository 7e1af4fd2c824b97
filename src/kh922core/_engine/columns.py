"""Names and types of the engine's input and output columns."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

import polars as pl

from kh922core._targets import Status
from kh922core._text import did_you_mean
from kh922core.errors import InvalidValueError

__all__ = [
    "ASSESSMENT",
    "ATTAINMENT",
    "BASELINE_SOURCE",
    "BASELINE_SOURCE_DTYPE",
    "BASE_VALUE",
    "BASE_YEAR",
    "CHANGE_COLUMNS",
    "CHANGE_SIZE",
    "COHORT_SIZE",
    "COMPUTED",
    "HORIZON",
    "INDICATOR",
    "MET",
    "NO_DATA_REASON",
    "NO_DATA_REASONS",
    "NO_DATA_REASON_DTYPE",
    "OUTPUT_COLUMNS",
    "RESERVED",
    "ROW",
    "SHORTFALL",
    "STATUS",
    "STATUS_DTYPE",
    "TARGET_ID",
    "TARGET_TEXT",
    "UNIT",
    "VALUE",
    "VALUE_CONVERTED",
    "YEAR",
    "output_names",
    "unused_name",
]

# Input columns.
INDICATOR: Final = "indicator"
VALUE: Final = "value"
UNIT: Final = "unit"
YEAR: Final = "year"
ASSESSMENT: Final = "assessment"
COHORT_SIZE: Final = "cohort_size"

# Output columns added after the observation's own columns, in this order.
TARGET_ID: Final = "target_id"
ROW: Final = "row"
HORIZON: Final = "horizon"
TARGET_TEXT: Final = "target_text"
VALUE_CONVERTED: Final = "value_converted"
MET: Final = "met"
STATUS: Final = "status"
SHORTFALL: Final = "shortfall"
ATTAINMENT: Final = "attainment"
COMPUTED: Final = "computed"

OUTPUT_COLUMNS: Final = (
    TARGET_ID,
    ROW,
    HORIZON,
    TARGET_TEXT,
    VALUE_CONVERTED,
    MET,
    STATUS,
    SHORTFALL,
    ATTAINMENT,
    COMPUTED,
)
#: Column names an observations table may not use (the engine writes them).
RESERVED: Final = frozenset(OUTPUT_COLUMNS)

# Output columns added after those when the plan has change targets (null for a level target).
BASE_YEAR: Final = "base_year"
BASE_VALUE: Final = "base_value"
BASELINE_SOURCE: Final = "baseline_source"
CHANGE_SIZE: Final = "change_size"
NO_DATA_REASON: Final = "no_data_reason"
CHANGE_COLUMNS: Final = (BASE_YEAR, BASE_VALUE, BASELINE_SOURCE, CHANGE_SIZE, NO_DATA_REASON)

#: Where the base of a change came from: the series of the key group at the base year, or the
#: target's plan baseline.
BASELINE_SOURCE_DTYPE: Final = pl.Enum(["series", "plan"])
#: Why a row's status is ``no_data`` (with change targets in the plan): the value is missing;
#: (change targets) the row has no year, no base level is known for its key group, its year is
#: not after the base year, or the change is undefined (a ratio to a base of 0 or below, a
#: negative level under compound growth, a fall to 0 as a multiple, a value that is infinite).
NO_DATA_REASONS: Final = (
    "no value",
    "no year",
    "no base value",
    "year not after the base year",
    "change undefined",
)
NO_DATA_REASON_DTYPE: Final = pl.Enum(list(NO_DATA_REASONS))

#: The dtype of ``status``: a Polars Enum of the five statuses, in this order.
STATUS_DTYPE: Final = pl.Enum([status.value for status in Status])


def unused_name(base: str, taken: Collection[str]) -> str:
    """A name for a column of the engine's own: ``base``, or ``base`` with a number after it,
    whichever the user's columns (``taken``) do not use, so that no column of theirs is ever
    overwritten or read in its place.

    Examples:
        >>> unused_name("_kh_index", ["value"]), unused_name("_kh_index", ["_kh_index"])
        ('_kh_index', '_kh_index_1')
    """
    name, number = base, 0
    while name in taken:
        number += 1
        name = f"{base}_{number}"
    return name


def output_names(outputs: Sequence[str] | None, *, change: bool) -> tuple[str, ...]:
    """The output columns of :func:`kh922core.evaluate` to compute, in the order asked.

    Args:
        outputs: The names asked for (``None``: every output column, in the order of
            :data:`OUTPUT_COLUMNS`, then :data:`CHANGE_COLUMNS` when the plan has change
            targets).
        change: Whether the plan has change targets (only then are the change columns outputs).

    Raises:
        InvalidValueError: ``outputs`` is a text rather than a sequence of names, or names a
            column that is not an output (or a change column of a plan without change
            targets), or names one twice.

    Examples:
        >>> output_names(["status", "met"], change=False)
        ('status', 'met')
        >>> output_names(["base_year"], change=False)
        Traceback (most recent call last):
        ...
        kh922core.errors.InvalidValueError: outputs: 'base_year' is an output only of a plan with change targets
    """  # noqa: E501
    known = (*OUTPUT_COLUMNS, *(CHANGE_COLUMNS if change else ()))
    if outputs is None:
        return known
    if isinstance(outputs, str) or not all(isinstance(name, str) for name in outputs):
        raise InvalidValueError(
            f"outputs must be a sequence of output column names, got {outputs!r}"
        )
    for name in outputs:
        if name in CHANGE_COLUMNS and not change:
            raise InvalidValueError(
                f"outputs: {name!r} is an output only of a plan with change targets"
            )
        if name not in known:
            raise InvalidValueError(
                f"outputs: {name!r} is not an output column of evaluate() (they are "
                f"{', '.join(known)}){did_you_mean(name, known)}"
            )
    twice = sorted({name for name in outputs if list(outputs).count(name) > 1})
    if twice:
        raise InvalidValueError(f"outputs: {', '.join(map(repr, twice))} named more than once")
    return tuple(outputs)
