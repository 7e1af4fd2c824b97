"""The audit: what a careful reader of a plan notices, as a list of findings.

A plan that loads is consistent as *data*; the audit looks at it as a *document*: narrative
targets (sections II and III) that disagree with the appendix or are missing from it, units
written in a variant form, agency cells that do not read cleanly, agencies that no longer exist
on a date, deadlines already past, and other loose ends.

Every rule is a small function over the plan (see :data:`AUDIT_RULES`); none knows anything
about a particular province: they compare the plan's own parts with each other.
"""

from __future__ import annotations

from kh922core._plans.audit.findings import AuditRule, Finding, Severity
from kh922core._plans.audit.registry import AUDIT_RULES, audit

__all__ = ["AUDIT_RULES", "AuditRule", "Finding", "Severity", "audit"]
