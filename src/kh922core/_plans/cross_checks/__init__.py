"""Cross-checks of a whole plan: ids are unique, references resolve, units agree.

The checks work on a validated :class:`~kh922core.Plan` *and* on the raw data of a plan file
(dicts and lists), so that the loader can report broken references together with field errors
in one report.  Each problem carries the path of the offending value, so that the loader can
name its line.
"""

from __future__ import annotations

from kh922core._plans.cross_checks.collect import (
    CROSS_PROBLEMS,
    cross_problems,
    report_cross_problems,
)
from kh922core._plans.cross_checks.cross_problem import CrossProblem

__all__ = [
    "CROSS_PROBLEMS",
    "CrossProblem",
    "cross_problems",
    "report_cross_problems",
]
