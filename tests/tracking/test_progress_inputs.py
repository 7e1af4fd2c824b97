"""``progress`` reads text values as Vietnamese write numbers, and names a frame of another kind."""

from __future__ import annotations

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
