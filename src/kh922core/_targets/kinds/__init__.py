"""Parsed target kinds and their scalar reference semantics.

Each kind answers :meth:`is_met`, :meth:`status`, :meth:`shortfall` and :meth:`attainment` for
one value.  These methods are the *reference semantics* (the agreed contract of SEMANTICS.md):
the vectorised engine is held equal to them by property tests, so they favour clarity over speed.
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field

from kh922core._targets.kinds.approximate import Approximate
from kh922core._targets.kinds.base import (
    COMPARISON_RTOL,
    DEFAULT_APPROXIMATE_TOLERANCE,
    CohortPolicy,
    Direction,
    Operator,
    Status,
)
from kh922core._targets.kinds.comparison import Comparison
from kh922core._targets.kinds.qualitative import Qualitative
from kh922core._targets.kinds.range import Range
from kh922core._targets.kinds.rank_group import RankGroup
from kh922core.errors import InvalidValueError

__all__ = [
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "Approximate",
    "CohortPolicy",
    "Comparison",
    "Direction",
    "InvalidValueError",
    "Operator",
    "Qualitative",
    "Range",
    "RankGroup",
    "Status",
    "TargetSpec",
]

#: The parsed kinds, discriminated on ``kind``.
TargetSpec: TypeAlias = Annotated[
    Comparison | Range | RankGroup | Approximate | Qualitative, Field(discriminator="kind")
]
