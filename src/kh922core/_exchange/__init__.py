"""The exchange wing: a province's appendices (Phụ lục I and II) in and out of Word, Excel and
CSV.

Other wings import from here, never from the modules inside.  The rooms:

* ``office_files`` (files checked before any reader opens them, and :class:`Grid`),
  ``word_grids`` and ``sheet_grids`` (Word tables, workbook sheets and CSV as grids of text);
* ``header_roles`` (a table found by its header, each column by its heading) and
  ``table_walk`` (group rows, data rows, repeated headers and the title block);
* ``agency_cells`` (agency cells read against a registry, drafts for the rest),
  ``indicator_rows`` (Phụ lục I to indicators and targets; ``row_units``: where a row's unit
  comes from), ``task_rows`` (Phụ lục II to tasks),
  ``import_problems`` (what could not be used, where, and why) and ``importing``
  (:func:`import_tables`);
* ``plan_writing`` (the draft plan file and its agency file, with the inferences beside them)
  and ``appendix_export`` (a plan back to Phụ lục I and II in the official layout).
"""

from __future__ import annotations

from kh922core._exchange.appendix_export import export_tables
from kh922core._exchange.grids import column_name
from kh922core._exchange.import_problems import ImportProblem
from kh922core._exchange.importing import ImportResult, import_tables
from kh922core._exchange.plan_writing import write_import

__all__ = [
    "ImportProblem",
    "ImportResult",
    "column_name",
    "export_tables",
    "import_tables",
    "write_import",
]
