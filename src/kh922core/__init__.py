"""kh922core: Vietnamese provincial action plans as typed data, and an engine to evaluate them.

The public API is what this module exports (see ``__all__``); modules whose names start with an
underscore are private and may change without notice.

Examples:
    >>> import kh922core
    >>> kh922core.parse_target("> 0,7").is_met(0.71)
    True
"""

from __future__ import annotations

import sys

from kh922core._engine import STATUS_DTYPE, evaluate, rank, summarize
from kh922core._plans import (
    AUDIT_RULES,
    PUBLISHED_INDICATORS,
    Agency,
    AgencyRegistry,
    AuditRule,
    Baseline,
    Claim,
    Cohort,
    Deadline,
    DeadlineKind,
    Derived,
    Finding,
    Indicator,
    LegalBasis,
    Objective,
    Plan,
    Province,
    Reporting,
    ReportingDate,
    Responsibility,
    Severity,
    Signer,
    SolutionGroup,
    SolutionItem,
    Succession,
    Target,
    Task,
    TaskGroup,
    agencies_json_schema,
    audit,
    available_plans,
    check_plan_file,
    dump_plan,
    load_agencies,
    load_plan,
    parse_deadline,
    plan_json_schema,
    published_figures,
)
from kh922core._targets import (
    COMPARISON_RTOL,
    DEFAULT_APPROXIMATE_TOLERANCE,
    Approximate,
    CohortPolicy,
    Comparison,
    Direction,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    Status,
    TargetSpec,
)
from kh922core._targets.explain import explain
from kh922core._targets.grammar import parse_target, split_targets
from kh922core._targets.numbers import format_number, parse_number
from kh922core._targets.units import Unit, conversion_factor, is_compatible, parse_unit
from kh922core._tracking import (
    ProgressCategory,
    TaskStatus,
    progress,
    read_reporting_template,
    reporting_calendar,
    reporting_dates,
    reporting_template,
    task_status,
    write_reporting_template,
)
from kh922core._version import __version__
from kh922core.errors import (
    DateFormatError,
    DateRangeError,
    DeadlineParseError,
    IncompatibleUnitError,
    InvalidValueError,
    Kh922Error,
    MissingFileError,
    NumberFormatError,
    ObservationError,
    ObservationProblem,
    PlanNotFoundError,
    PlanValidationError,
    TargetParseError,
    UnitError,
    UnknownAgencyError,
    UnknownIdError,
    UnknownIndicatorError,
    UnknownTargetError,
    UnknownTaskError,
    UnknownUnitError,
    UnsupportedFrameError,
    ValidationProblem,
)

__all__ = [
    "AUDIT_RULES",
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "PUBLISHED_INDICATORS",
    "STATUS_DTYPE",
    "Agency",
    "AgencyRegistry",
    "Approximate",
    "AuditRule",
    "Baseline",
    "Claim",
    "Cohort",
    "CohortPolicy",
    "Comparison",
    "DateFormatError",
    "DateRangeError",
    "Deadline",
    "DeadlineKind",
    "DeadlineParseError",
    "Derived",
    "Direction",
    "Finding",
    "IncompatibleUnitError",
    "Indicator",
    "InvalidValueError",
    "Kh922Error",
    "LegalBasis",
    "MissingFileError",
    "NumberFormatError",
    "Objective",
    "ObservationError",
    "ObservationProblem",
    "Operator",
    "Plan",
    "PlanNotFoundError",
    "PlanValidationError",
    "ProgressCategory",
    "Province",
    "Qualitative",
    "Range",
    "RankGroup",
    "Reporting",
    "ReportingDate",
    "Responsibility",
    "Severity",
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
    "TaskStatus",
    "Unit",
    "UnitError",
    "UnknownAgencyError",
    "UnknownIdError",
    "UnknownIndicatorError",
    "UnknownTargetError",
    "UnknownTaskError",
    "UnknownUnitError",
    "UnsupportedFrameError",
    "ValidationProblem",
    "__version__",
    "agencies_json_schema",
    "audit",
    "available_plans",
    "check_plan_file",
    "conversion_factor",
    "dump_plan",
    "evaluate",
    "explain",
    "format_number",
    "is_compatible",
    "load_agencies",
    "load_plan",
    "parse_deadline",
    "parse_number",
    "parse_target",
    "parse_unit",
    "plan_json_schema",
    "progress",
    "published_figures",
    "rank",
    "read_reporting_template",
    "reporting_calendar",
    "reporting_dates",
    "reporting_template",
    "split_targets",
    "summarize",
    "task_status",
    "write_reporting_template",
]


def _publish(names: list[str]) -> None:
    """Report public classes under their public home (``kh922core.Plan``, not a private module),
    in reprs, tracebacks and the documentation, as httpx does.

    The doctests of their methods stay with the module that defines them (``__test__``), since
    :mod:`doctest` looks for a method's examples only in the module whose globals it uses.
    """
    for name in names:
        obj = globals()[name]
        if isinstance(obj, type) and obj.__module__.startswith("kh922core._"):
            home = sys.modules[obj.__module__]
            home.__dict__.setdefault("__test__", {})[name] = obj
            obj.__module__ = __name__


_publish(__all__)
