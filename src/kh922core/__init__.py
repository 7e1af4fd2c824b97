"""kh922core: Vietnamese provincial action plans as typed data, and an engine to evaluate them.

The public API is what this module exports (see ``__all__``); modules whose names start with an
underscore are private and may change without notice.

Examples:
    >>> import kh922core
    >>> kh922core.parse_target("> 0,7").is_met(0.71)
    True
"""

from __future__ import annotations

from kh922core._deadlines import Deadline, DeadlineKind, parse_deadline
from kh922core._errors import (
    DeadlineParseError,
    IncompatibleUnitError,
    Kh922Error,
    ObservationError,
    ObservationProblem,
    PlanValidationError,
    TargetParseError,
    UnitError,
    UnknownAgencyError,
    UnknownIndicatorError,
    UnknownUnitError,
    ValidationProblem,
)
from kh922core._explain import explain
from kh922core._grammar import parse_target, split_targets
from kh922core._models import (
    Agency,
    Baseline,
    Claim,
    Cohort,
    Derived,
    Indicator,
    LegalBasis,
    Objective,
    Plan,
    Province,
    Reporting,
    ReportingDate,
    Signer,
    SolutionGroup,
    SolutionItem,
    Succession,
    Target,
    Task,
    TaskGroup,
)
from kh922core._numbers import format_number, parse_number
from kh922core._specs import (
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
from kh922core._units import Unit, conversion_factor, is_compatible, parse_unit

__version__ = "0.1.0"

__all__ = [
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "Agency",
    "Approximate",
    "Baseline",
    "Claim",
    "Cohort",
    "CohortPolicy",
    "Comparison",
    "Deadline",
    "DeadlineKind",
    "DeadlineParseError",
    "Derived",
    "Direction",
    "IncompatibleUnitError",
    "Indicator",
    "InvalidValueError",
    "Kh922Error",
    "LegalBasis",
    "Objective",
    "ObservationError",
    "ObservationProblem",
    "Operator",
    "Plan",
    "PlanValidationError",
    "Province",
    "Qualitative",
    "Range",
    "RankGroup",
    "Reporting",
    "ReportingDate",
    "Signer",
    "SolutionGroup",
    "SolutionItem",
    "Status",
    "Succession",
    "Target",
    "TargetParseError",
    "TargetSpec",
    "Task",
    "TaskGroup",
    "Unit",
    "UnitError",
    "UnknownAgencyError",
    "UnknownIndicatorError",
    "UnknownUnitError",
    "ValidationProblem",
    "__version__",
    "conversion_factor",
    "explain",
    "format_number",
    "is_compatible",
    "parse_deadline",
    "parse_number",
    "parse_target",
    "parse_unit",
    "split_targets",
]
