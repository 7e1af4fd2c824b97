"""The tracking wing: progress over time, task status, the reporting calendar and templates.

Other parts of the package use this wing only through the names exported here.
"""

from __future__ import annotations

from kh922core._tracking.calendar import reporting_calendar, reporting_dates
from kh922core._tracking.duties import resolve_agency
from kh922core._tracking.progress_measure import ProgressCategory
from kh922core._tracking.progress_vectorised import progress
from kh922core._tracking.task_deadlines import TaskStatus, task_status
from kh922core._tracking.templates import (
    read_reporting_template,
    reporting_template,
    write_reporting_template,
)

__all__ = [
    "ProgressCategory",
    "TaskStatus",
    "progress",
    "read_reporting_template",
    "reporting_calendar",
    "reporting_dates",
    "reporting_template",
    "resolve_agency",
    "task_status",
    "write_reporting_template",
]
