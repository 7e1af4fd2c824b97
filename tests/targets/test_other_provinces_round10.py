"""Phrasings that a tenth round found read silently wrong, or refused where a reader reads them.

Digits other than ASCII's (full-width ``９５``, as Asian input methods type them) are read as
their ASCII digits everywhere in a cell, so that a number is never cut where such a digit
follows it.
"""

from __future__ import annotations

import pytest

from kh922core import TargetParseError, parse_target


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("đạt ９５%", 95.0, "%"),
        ("đạt １２.５００ xã", 12500.0, "xã"),
        ("trên ８０％", 80.0, "%"),
        ("đạt ٩٥%", 95.0, "%"),  # Arabic-Indic digits
    ],
)
def test_other_decimal_digits_read_as_ascii_digits(text: str, value: float, unit: str) -> None:
    spec = parse_target(text)
    assert spec.value == value  # type: ignore[union-attr]
    assert spec.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "8927.498０５cao",  # used to read 8.927 with the unit "498０５cao"
        "đạt 1.5００tỷ đồng",
        "nhiều hơn hoặc bằng8927.498０５cao hơn",
    ],
)
def test_a_number_glued_to_other_digits_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text)
