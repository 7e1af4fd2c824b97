"""The reports wing: the reporting cycle of section IV, from the templates agencies fill in to
the consolidated report the Department of Science and Technology sends upward.

Other wings import from here, never from the modules inside.  The rooms:

* ``report_words`` (the words of templates and reports, vi and en, from
  ``data/report_labels.yaml``) and ``periods`` (the period a date falls in: first half or
  whole year);
* ``agency_templates`` (:func:`write_templates`: Vietnamese headings, title block, validated
  cells to fill, a hidden key, instructions), ``template_reading`` (one filled file read back
  with every cell used or refused by its place) and ``collecting`` (:func:`collect`: many files
  consolidated, conflicts reported);
* ``report_content`` (:func:`build_report`: what the report says, as tables), ``report_charts``
  (SVG and PNG charts with matplotlib, the ``report`` extra), and the writers
  ``report_html``, ``report_docx`` and ``report_xlsx`` behind ``report_writing``
  (:func:`write_report`).
"""

from __future__ import annotations

from kh922core._reports.agency_templates import template_agencies, write_templates
from kh922core._reports.collecting import Collection, collect, write_observations
from kh922core._reports.periods import Period, reporting_period
from kh922core._reports.report_content import Report, build_report
from kh922core._reports.report_tables import summary_line
from kh922core._reports.report_words import words
from kh922core._reports.report_writing import write_report
from kh922core._reports.template_reading import Rejection

__all__ = [
    "Collection",
    "Period",
    "Rejection",
    "Report",
    "build_report",
    "collect",
    "reporting_period",
    "summary_line",
    "template_agencies",
    "words",
    "write_observations",
    "write_report",
    "write_templates",
]
