"""Compatibility shim: the target kinds live in :mod:`kh922core._targets.kinds`.

Import them from the wing's front door, :mod:`kh922core._targets`; this module only keeps the
importers that have not moved yet working, and goes once they have.
"""

from __future__ import annotations

from kh922core._targets.kinds import (
    COMPARISON_RTOL,
    DEFAULT_APPROXIMATE_TOLERANCE,
    Approximate,
    CohortPolicy,
    Comparison,
    Direction,
    InvalidValueError,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    Status,
    TargetSpec,
)

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
