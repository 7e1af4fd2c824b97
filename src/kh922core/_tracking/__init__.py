"""The tracking wing: progress over time, task status, the reporting calendar and templates.

Other parts of the package use this wing only through the names exported here.  The rooms:

* ``progress_measure`` (the Open SDG measure's constants, thresholds, category and score rules,
  and its steps), ``progress_reference`` (the measure one series at a time, in plain Python),
  ``progress_vectorised`` (every series at once with Polars: :func:`progress`), and
  ``progress_input`` (the observations checked, the constants of each target);
* ``task_deadlines`` (:func:`task_status`) and ``task_events`` (completions and triggers);
* ``duties`` (who answers for what on a date), ``calendar`` (the reporting dates of section IV)
  and ``templates`` (the reporting template, written through the registry of output formats).
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
