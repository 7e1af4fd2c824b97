"""Names and types of the engine's input and output columns."""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

import polars as pl

from kh922core._targets import Status

__all__ = [
    "ASSESSMENT",
    "ATTAINMENT",
    "COHORT_SIZE",
    "COMPUTED",
    "HORIZON",
    "INDICATOR",
    "MET",
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
