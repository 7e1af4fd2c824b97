"""kh922core: Vietnamese provincial action plans as typed data, and an engine to evaluate them.

The public API is what this module exports (see ``__all__``); modules whose names start with an
underscore are private and may change without notice.

Examples:
    >>> import kh922core
    >>> kh922core.parse_target("> 0,7").is_met(0.71)
    True
"""

from __future__ import annotations

from kh922core._engine import STATUS_DTYPE, evaluate, rank, summarize
from kh922core._plans.agencies import Agency, AgencyRegistry, Responsibility, Succession
from kh922core._plans.audit import AUDIT_RULES, AuditRule, Finding, Severity, audit
from kh922core._plans.deadlines import Deadline, DeadlineKind, parse_deadline
from kh922core._plans.dumping import dump_plan
from kh922core._plans.json_schema import agencies_json_schema, plan_json_schema
from kh922core._plans.loader import check_plan_file, load_agencies, load_plan
from kh922core._plans.model import (
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
    Target,
    Task,
    TaskGroup,
)
from kh922core._plans.published_figures import PUBLISHED_INDICATORS, published_figures
from kh922core._plans.shipped import available_plans
from kh922core._targets.explain import explain
from kh922core._targets.grammar import parse_target, split_targets
from kh922core._targets.numbers import format_number, parse_number
from kh922core._targets.specs import (
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
from kh922core.errors import (
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

__version__ = "0.1.0"

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
    "Objective",
    "ObservationError",
    "ObservationProblem",
    "Operator",
    "Plan",
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
    "UnknownIndicatorError",
    "UnknownUnitError",
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
