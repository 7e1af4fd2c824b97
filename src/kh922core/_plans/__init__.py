"""The plans wing: a plan as typed data, its agency registry, loading, checking and auditing it.

Other wings import from here, never from the modules inside.  The rooms:

* ``fields`` (the strict field types), ``agencies`` (the registry: agencies, successions, who
  carries a duty on a date) and ``succession_walk`` (the succession graph walked once,
  iteratively), ``indicators`` and ``tasks`` (Phụ lục I and II), ``target_changes`` (the reading
  a plan states for a target, ``change:``, and the base of a change target), ``model`` (the plan
  and sections I-IV), ``deadlines`` (deadline texts);
* ``strict_yaml``, ``yaml_values`` and ``strict_json`` (the strict readers, iterative and
  bounded), ``source_marks`` (where each value was written), ``cross_checks/`` (problems that
  involve several fields), ``file_problems`` (problems located and worded), ``loader``,
  ``dumping``, ``json_schema``, ``plan_arguments`` (a plan given to a function, or a clear error);
* ``shipped`` (the manifest of shipped plans), ``published_figures`` (sample data);
* ``audit/`` (what a careful reader notices, one module per family of rules).
"""

from __future__ import annotations

from kh922core._plans.agencies import Agency, AgencyRegistry, Responsibility, Succession
from kh922core._plans.audit import AUDIT_RULES, AuditRule, Finding, Severity, audit
from kh922core._plans.deadlines import Deadline, DeadlineKind, parse_deadline
from kh922core._plans.dumping import dump_plan, quoted_yaml
from kh922core._plans.json_schema import agencies_json_schema, plan_json_schema, schema_text
from kh922core._plans.loader import check_agency_file, check_plan_file, load_agencies, load_plan
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
from kh922core._plans.plan_arguments import checked_plan
from kh922core._plans.published_figures import PUBLISHED_INDICATORS, published_figures
from kh922core._plans.shipped import available_plans
from kh922core._plans.strict_yaml import read_document
from kh922core._plans.target_changes import checked_year

__all__ = [
    "AUDIT_RULES",
    "PUBLISHED_INDICATORS",
    "Agency",
    "AgencyRegistry",
    "AuditRule",
    "Baseline",
    "Claim",
    "Cohort",
    "Deadline",
    "DeadlineKind",
    "Derived",
    "Finding",
    "Indicator",
    "LegalBasis",
    "Objective",
    "Plan",
    "Province",
    "Reporting",
    "ReportingDate",
    "Responsibility",
    "Severity",
    "Signer",
    "SolutionGroup",
    "SolutionItem",
    "Succession",
    "Target",
    "Task",
    "TaskGroup",
    "agencies_json_schema",
    "audit",
    "available_plans",
    "check_agency_file",
    "check_plan_file",
    "checked_plan",
    "checked_year",
    "dump_plan",
    "load_agencies",
    "load_plan",
    "parse_deadline",
    "plan_json_schema",
    "published_figures",
    "quoted_yaml",
    "read_document",
    "schema_text",
]
