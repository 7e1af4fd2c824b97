"""Inputs of the tracking functions: text values read the Vietnamese way, other frames named."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core.errors import UnsupportedFrameError


def test_text_values_are_read_the_vietnamese_way(kh922_plan: kh922core.Plan) -> None:
    as_text = pl.DataFrame(
        {"indicator": ["tfp-contribution"] * 2, "year": [2023, 2024], "value": ["45,5", "12.000"]}
    )
    as_numbers = as_text.with_columns(pl.Series("value", [45.5, 12000.0]))
    assert kh922core.progress(kh922_plan, as_text).equals(
        kh922core.progress(kh922_plan, as_numbers)
    )


def test_a_frame_of_another_kind_is_named(kh922_plan: kh922core.Plan) -> None:
    with pytest.raises(UnsupportedFrameError, match="observations must be a polars DataFrame"):
        kh922core.progress(kh922_plan, [{"indicator": "tfp-contribution"}])  # type: ignore[arg-type]


def test_task_tables_of_another_kind_are_named(kh922_plan: kh922core.Plan) -> None:
    with pytest.raises(UnsupportedFrameError, match="completions must be a polars DataFrame"):
        kh922core.task_status(
            kh922_plan,
            as_of="2025-07-01",
            completions={"task_id": ["task-07"]},  # type: ignore[arg-type]
        )


def test_a_template_into_a_missing_folder_is_named(
    kh922_plan: kh922core.Plan, tmp_path: Path
) -> None:
    target = tmp_path / "khong-co" / "so-khcn.csv"
    with pytest.raises(kh922core.errors.MissingFileError, match=r"no folder .*khong-co"):
        kh922core.write_reporting_template(target, kh922_plan, "so-khcn")
