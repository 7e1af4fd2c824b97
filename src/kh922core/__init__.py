"""kh922core: Vietnamese provincial action plans as typed data, and an engine to evaluate them.

The public API is what this module exports (see ``__all__``); modules whose names start with an
underscore are private and may change without notice.  The names are imported on first use, so
that ``import kh922core`` stays light: Polars and pint load only when a function needs them.

Examples:
    >>> import kh922core
    >>> kh922core.parse_target("> 0,7").is_met(0.71)
    True
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

from kh922core._version import __version__
from kh922core.errors import (
    DateFormatError,
    DateRangeError,
    DeadlineParseError,
    IncompatibleUnitError,
    InvalidValueError,
    Kh922Error,
    MissingDependencyError,
    MissingFileError,
    NumberFormatError,
    ObservationError,
    ObservationProblem,
    PlanNotFoundError,
    PlanValidationError,
    TableImportError,
    TargetParseError,
    UnitError,
    UnknownAgencyError,
    UnknownFormatError,
    UnknownIdError,
    UnknownIndicatorError,
    UnknownTargetError,
    UnknownTaskError,
    UnknownUnitError,
    UnsupportedFrameError,
    ValidationProblem,
    WordingError,
)

if TYPE_CHECKING:
    from kh922core._engine import (
        STATUS_DTYPE,
        evaluate,
        rank,
        summarize,
    )
    from kh922core._exchange import (
        ImportProblem,
        ImportResult,
        export_tables,
        import_tables,
    )
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
        Change,
        ChangeKind,
        CohortPolicy,
        Comparison,
        Direction,
        Operator,
        Qualitative,
        Range,
        RankGroup,
        Status,
        TargetPart,
        TargetSpec,
        Unit,
        add_target_phrases,
        add_unit_texts,
        conversion_factor,
        explain,
        format_number,
        is_compatible,
        parse_number,
        parse_target,
        parse_unit,
        split_targets,
    )
    from kh922core._tracking import (
        ProgressCategory,
        TaskStatus,
        progress,
        read_observations,
        read_reporting_template,
        reporting_calendar,
        reporting_dates,
        reporting_template,
        task_status,
        write_reporting_template,
    )

#: The wing that defines each public name; imported on first use (see :func:`__getattr__`).
_LAZY: dict[str, str] = {
    "STATUS_DTYPE": "kh922core._engine",
    "evaluate": "kh922core._engine",
    "rank": "kh922core._engine",
    "summarize": "kh922core._engine",
    "ImportProblem": "kh922core._exchange",
    "ImportResult": "kh922core._exchange",
    "export_tables": "kh922core._exchange",
    "import_tables": "kh922core._exchange",
    "AUDIT_RULES": "kh922core._plans",
    "PUBLISHED_INDICATORS": "kh922core._plans",
    "Agency": "kh922core._plans",
    "AgencyRegistry": "kh922core._plans",
    "AuditRule": "kh922core._plans",
    "Baseline": "kh922core._plans",
    "Claim": "kh922core._plans",
    "Cohort": "kh922core._plans",
    "Deadline": "kh922core._plans",
    "DeadlineKind": "kh922core._plans",
    "Derived": "kh922core._plans",
    "Finding": "kh922core._plans",
    "Indicator": "kh922core._plans",
    "LegalBasis": "kh922core._plans",
    "Objective": "kh922core._plans",
    "Plan": "kh922core._plans",
    "Province": "kh922core._plans",
    "Reporting": "kh922core._plans",
    "ReportingDate": "kh922core._plans",
    "Responsibility": "kh922core._plans",
    "Severity": "kh922core._plans",
    "Signer": "kh922core._plans",
    "SolutionGroup": "kh922core._plans",
    "SolutionItem": "kh922core._plans",
    "Succession": "kh922core._plans",
    "Target": "kh922core._plans",
    "Task": "kh922core._plans",
    "TaskGroup": "kh922core._plans",
    "agencies_json_schema": "kh922core._plans",
    "audit": "kh922core._plans",
    "available_plans": "kh922core._plans",
    "check_plan_file": "kh922core._plans",
    "dump_plan": "kh922core._plans",
    "load_agencies": "kh922core._plans",
    "load_plan": "kh922core._plans",
    "parse_deadline": "kh922core._plans",
    "plan_json_schema": "kh922core._plans",
    "published_figures": "kh922core._plans",
    "COMPARISON_RTOL": "kh922core._targets",
    "DEFAULT_APPROXIMATE_TOLERANCE": "kh922core._targets",
    "Approximate": "kh922core._targets",
    "CohortPolicy": "kh922core._targets",
    "Change": "kh922core._targets",
    "ChangeKind": "kh922core._targets",
    "Comparison": "kh922core._targets",
    "Direction": "kh922core._targets",
    "Operator": "kh922core._targets",
    "Qualitative": "kh922core._targets",
    "Range": "kh922core._targets",
    "RankGroup": "kh922core._targets",
    "Status": "kh922core._targets",
    "TargetPart": "kh922core._targets",
    "TargetSpec": "kh922core._targets",
    "Unit": "kh922core._targets",
    "add_target_phrases": "kh922core._targets",
    "add_unit_texts": "kh922core._targets",
    "conversion_factor": "kh922core._targets",
    "explain": "kh922core._targets",
    "format_number": "kh922core._targets",
    "is_compatible": "kh922core._targets",
    "parse_number": "kh922core._targets",
    "parse_target": "kh922core._targets",
    "parse_unit": "kh922core._targets",
    "split_targets": "kh922core._targets",
    "ProgressCategory": "kh922core._tracking",
    "TaskStatus": "kh922core._tracking",
    "progress": "kh922core._tracking",
    "read_observations": "kh922core._tracking",
    "read_reporting_template": "kh922core._tracking",
    "reporting_calendar": "kh922core._tracking",
    "reporting_dates": "kh922core._tracking",
    "reporting_template": "kh922core._tracking",
    "task_status": "kh922core._tracking",
    "write_reporting_template": "kh922core._tracking",
}

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
    "Change",
    "ChangeKind",
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
    "ImportProblem",
    "ImportResult",
    "IncompatibleUnitError",
    "Indicator",
    "InvalidValueError",
    "Kh922Error",
    "LegalBasis",
    "MissingDependencyError",
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
    "TableImportError",
    "Target",
    "TargetParseError",
    "TargetPart",
    "TargetSpec",
    "Task",
    "TaskGroup",
    "TaskStatus",
    "Unit",
    "UnitError",
    "UnknownAgencyError",
    "UnknownFormatError",
    "UnknownIdError",
    "UnknownIndicatorError",
    "UnknownTargetError",
    "UnknownTaskError",
    "UnknownUnitError",
    "UnsupportedFrameError",
    "ValidationProblem",
    "WordingError",
    "__version__",
    "add_target_phrases",
    "add_unit_texts",
    "agencies_json_schema",
    "audit",
    "available_plans",
    "check_plan_file",
    "conversion_factor",
    "dump_plan",
    "evaluate",
    "explain",
    "export_tables",
    "format_number",
    "import_tables",
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
    "read_observations",
    "read_reporting_template",
    "reporting_calendar",
    "reporting_dates",
    "reporting_template",
    "split_targets",
    "summarize",
    "task_status",
    "write_reporting_template",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its wing the first time it is asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    _publish_loaded()
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "errors", "testing"})


_PUBLISHED: set[str] = set()


def _publish_loaded() -> None:
    """Report public classes under their public home (``kh922core.Plan``, not a private module),
    in reprs, tracebacks and the documentation, as httpx does: every class of a wing that is
    loaded by now.

    The doctests of their methods stay with the module that defines them (``__test__``), since
    :mod:`doctest` looks for a method's examples only in the module whose globals it uses.
    """
    for name, module in _LAZY.items():
        if name in _PUBLISHED or module not in sys.modules:
            continue
        _PUBLISHED.add(name)
        obj = getattr(sys.modules[module], name)
        if isinstance(obj, type) and obj.__module__.startswith("kh922core._"):
            home = sys.modules[obj.__module__]
            home.__dict__.setdefault("__test__", {})[name] = obj
            obj.__module__ = __name__
