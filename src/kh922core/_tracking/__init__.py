"""The tracking wing: progress over time, task status, the reporting calendar and templates.

Other parts of the package use this wing only through the names exported here.  The rooms:

* ``progress_measure`` (the Open SDG measure's constants, thresholds, category and score rules,
  and its steps), ``progress_reference`` (the measure one series at a time, in plain Python),
  ``progress_vectorised`` (every series at once with Polars: :func:`progress`),
  ``progress_steps`` (its steps' expressions, written once for Polars and Narwhals),
  ``progress_input`` (the observations checked, the constants of each target), and
  ``narwhals_progress`` with ``narwhals_progress_input`` (the same steps and checks in the
  engine of a DuckDB relation, a PySpark or a SQLFrame DataFrame);
* ``task_deadlines`` (:func:`task_status`) and ``task_events`` (completions and triggers);
* ``duties`` (who answers for what on a date, and who took over an agency's duties),
  ``calendar`` (the reporting dates of section IV) and ``templates`` (the reporting template,
  written through the registry of output formats);
* ``observation_files`` (observations and filled templates read from files as officials have
  them: CSV saved by Excel, XLSX, Parquet), ``sheet_cells`` (every cell of a sheet with its row,
  number format, merges and formulas) and ``observation_values`` (cells to values: Vietnamese
  numbers, percent cells, years, assessments, each refusal named by its sheet row).
"""

from __future__ import annotations

from kh922core._tracking.calendar import reporting_calendar, reporting_dates
from kh922core._tracking.duties import (
    Takeover,
    agency_duties,
    leads_on,
    printed_duties,
    resolve_agency,
    takeover,
)
from kh922core._tracking.number_formats import shown_rounded, shows_otherwise
from kh922core._tracking.observation_files import (
    read_observations,
    read_reporting_template,
    read_table_text,
    vietnamese_number,
)
from kh922core._tracking.progress_change import level_shortfall
from kh922core._tracking.progress_measure import ProgressCategory
from kh922core._tracking.progress_vectorised import progress
from kh922core._tracking.sheet_cells import cell_text, formula_cells, hidden_rows, merged_ranges
from kh922core._tracking.sheet_strings import escaped_texts
from kh922core._tracking.task_deadlines import TaskStatus, task_status
from kh922core._tracking.templates import reporting_template, write_reporting_template

__all__ = [
    "ProgressCategory",
    "Takeover",
    "TaskStatus",
    "agency_duties",
    "cell_text",
    "escaped_texts",
    "formula_cells",
    "hidden_rows",
    "leads_on",
    "level_shortfall",
    "merged_ranges",
    "printed_duties",
    "progress",
    "read_observations",
    "read_reporting_template",
    "read_table_text",
    "reporting_calendar",
    "reporting_dates",
    "reporting_template",
    "resolve_agency",
    "shown_rounded",
    "shows_otherwise",
    "takeover",
    "task_status",
    "vietnamese_number",
    "write_reporting_template",
]
