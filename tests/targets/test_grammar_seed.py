"""Every target text of Phụ lục I parses to the meaning SEMANTICS.md gives it.

The expected kinds and thresholds are written out by hand from the seed and SEMANTICS.md, and each
case checks the behaviour at and around its boundary.
"""

from __future__ import annotations

import pytest

from kh922core import parse_target
from kh922core._targets import Approximate, Comparison, Qualitative, Range, RankGroup

# (row, text as printed, unit as printed, direction)
HIGHER = "higher_is_better"
LOWER = "lower_is_better"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Xếp hạng ở nhóm 30 tỉnh, thành", "Thứ bậc"),  # 2030 rows 1 (PII) and 2 (DTI)
        ("≤ 30", "Thứ bậc"),  # 2045 row 2
    ],
)
def test_rank_targets_accept_rank_30_and_reject_31(text: str, unit: str) -> None:
    spec = parse_target(text, direction=LOWER, unit=unit)
    assert isinstance(spec, RankGroup)
    assert spec.size == 30
    assert spec.is_met(1) is True
    assert spec.is_met(30) is True
    assert spec.is_met(31) is False
    assert spec.shortfall(33) == 3
    assert spec.shortfall(12) == 0


@pytest.mark.parametrize(
    ("text", "unit", "threshold"),
    [
        ("≥ 55", "%", 55.0),  # row 3
        ("≥ 30", "% GRDP", 30.0),  # row 4
        ("≥ 80", "%", 80.0),  # rows 5.1 and 6
        (">=30", "%", 30.0),  # row 5.8
        ("≥ 40", "%", 40.0),  # row 7
        ("≥ 01", "Trung tâm dữ liệu", 1.0),  # row 19
        ("≥ 95", "%", 95.0),  # row 20
        ("≥ 70", "%", 70.0),  # row 21
        ("≥ 90", "%", 90.0),  # row 22
        ("≥ 35", "%GDP", 35.0),  # 2045 row 1
    ],
)
def test_at_least_targets(text: str, unit: str, threshold: float) -> None:
    spec = parse_target(text, direction=HIGHER, unit=unit)
    assert isinstance(spec, Comparison)
    assert spec.operator == "ge"
    assert spec.value == threshold
    assert spec.is_met(threshold) is True
    assert spec.is_met(threshold + 0.01) is True
    assert spec.is_met(threshold - 0.01) is False
    assert spec.shortfall(threshold - 0.5) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("text", "unit", "threshold"),
    [
        ("> 0,7", "Chỉ số phát triển con người (HDI)", 0.7),  # row 8
        ("> 60", "%", 60.0),  # row 10
    ],
)
def test_more_than_targets_exclude_the_boundary(text: str, unit: str, threshold: float) -> None:
    spec = parse_target(text, direction=HIGHER, unit=unit)
    assert isinstance(spec, Comparison)
    assert spec.operator == "gt"
    assert spec.value == threshold
    assert spec.is_met(threshold) is False
    assert spec.is_met(threshold * 1.001) is True
    assert spec.is_met(threshold * 0.999) is False


@pytest.mark.parametrize(
    ("text", "unit", "threshold"),
    [
        ("90", "%", 90.0),  # 5.2
        ("100", "%", 100.0),  # 5.3, 5.4, 5.10-5.12, 18
        ("80", "%", 80.0),  # 5.5, 5.6
        ("70", "%", 70.0),  # 5.7
        ("50", "%", 50.0),  # 5.9
        ("2", "% GRDP", 2.0),  # 9
        ("2", "% tổng chi NSNN", 2.0),  # 11
        ("12", "Người/vạn dân", 12.0),  # 12
        ("10", "%/năm", 10.0),  # 13
        ("100%", "%", 100.0),  # 15.1, 17
        ("99", "% dân số", 99.0),  # 15.2
        ("3", "Đô thị", 3.0),  # 16
        ("1", "Số doanh nghiệp/1000 dân", 1.0),  # 2045 row 3
    ],
)
def test_bare_numbers_mean_at_least_when_higher_is_better(
    text: str, unit: str, threshold: float
) -> None:
    spec = parse_target(text, direction=HIGHER, unit=unit)
    assert isinstance(spec, Comparison)
    assert spec.operator == "target"
    assert spec.value == threshold
    assert spec.is_met(threshold) is True
    assert spec.is_met(threshold - threshold / 100) is False
    assert spec.is_met(threshold + 1) is True


def test_bare_number_means_at_most_when_lower_is_better() -> None:
    spec = parse_target("3", direction=LOWER, unit="%")
    assert spec.is_met(3) is True
    assert spec.is_met(2) is True
    assert spec.is_met(3.1) is False
    assert spec.shortfall(3.5) == pytest.approx(0.5)


def test_range_row_14() -> None:
    spec = parse_target("8-10%", direction=HIGHER, unit="%")
    assert isinstance(spec, Range)
    assert (spec.low, spec.high, spec.unit) == (8.0, 10.0, "%")
    assert spec.status(7.99).value == "not_met"
    assert spec.status(8).value == "met"
    assert spec.status(10).value == "met"
    assert spec.status(10.01).value == "exceeded"
    assert spec.is_met(10.01) is True


def test_range_on_a_band_indicator_misses_on_both_sides() -> None:
    spec = parse_target("8-10%", direction="band", unit="%")
    assert [spec.is_met(v) for v in (7.9, 8, 9, 10, 10.1)] == [False, True, True, True, False]
    assert spec.shortfall(11) == pytest.approx(1)
    assert spec.shortfall(7) == pytest.approx(1)


def test_qualitative_row_15() -> None:
    spec = parse_target("Tiên tiến, hiện đại", direction=HIGHER, unit=None)
    assert isinstance(spec, Qualitative)
    assert spec.text == "Tiên tiến, hiện đại"
    assert spec.status(True).value == "met"
    assert spec.status(False).value == "not_met"
    assert spec.status(1.0).value == "needs_assessment"
    assert spec.is_met(None) is None


def test_approximate_uses_relative_tolerance() -> None:
    spec = parse_target("khoảng 30%", direction=HIGHER, unit="%")
    assert isinstance(spec, Approximate)
    assert spec.is_met(28.5) is True
    assert spec.is_met(28.49) is False
    assert spec.is_met(28.49, tolerance=0.1) is True
    lower = parse_target("khoảng 30%", direction=LOWER, unit="%")
    assert lower.is_met(31.5) is True
    assert lower.is_met(31.6) is False
