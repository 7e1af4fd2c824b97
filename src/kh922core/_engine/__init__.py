"""The vectorised evaluation engine: observations in, statuses out (see :func:`evaluate`)."""

from __future__ import annotations

from kh922core._engine.alike_levels import alike_levels, alike_levels_narwhals
from kh922core._engine.api import evaluate
from kh922core._engine.columns import STATUS_DTYPE
from kh922core._engine.native_evaluate import in_polars
from kh922core._engine.native_frames import Native, lazy_source, native, native_table
from kh922core._engine.native_names import dotless
from kh922core._engine.plan_bases import PROVENANCE, is_provenance, one_series_indicators
from kh922core._engine.ranks import rank
from kh922core._engine.summary import summarize
from kh922core._engine.written_values import written_values, written_values_narwhals

__all__ = [
    "PROVENANCE",
    "STATUS_DTYPE",
    "Native",
    "alike_levels",
    "alike_levels_narwhals",
    "dotless",
    "evaluate",
    "in_polars",
    "is_provenance",
    "lazy_source",
    "native",
    "native_table",
    "one_series_indicators",
    "rank",
    "summarize",
    "written_values",
    "written_values_narwhals",
]
