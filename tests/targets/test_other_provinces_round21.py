"""Target wordings of the twenty-first round: a number a year after the verb's clause, and a
level a year of a share.

* ``Giảm dần, bình quân 0,5%/năm``, ``Tỷ lệ hộ nghèo giảm bền vững, khoảng 1,5%/năm``,
  ``Giảm, mỗi năm 1%`` in a row in ``%`` were levels (0,5 %/năm, 1 %): the verb before the
  comma was dropped.  The change a year, or the level?  Refused.  In a row of a level (money,
  counts) a per cent a year can only be its growth: ``Thu ngân sách tăng nhanh, bình quân
  10%/năm`` in ``tỷ đồng`` is a growth of 10 %/năm (it was refused as a unit that contradicts
  the row).  Of a rate (``Tốc độ tăng trưởng GRDP``, ``%/năm``) it stays a level of the rate.
* ``1,5%/năm`` with no verb in a row in ``%`` of an indicator named as a share (``Tỷ lệ hộ
  nghèo``) was a level of 1,5 %/năm, which a poverty rate of 1,5 % met: refused.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, TargetParseError, parse_target


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Giảm dần, bình quân 0,5%/năm", "%", None),
        ("Giảm dần, bình quân 0,5%/năm", "%", "Tỷ lệ thất nghiệp"),
        ("Giảm, mỗi năm 1%", "%", None),
        ("Tăng nhanh, bình quân 9%/năm", "%", None),
        ("Tỷ lệ hộ nghèo giảm bền vững, khoảng 1,5%/năm", "%", "Tỷ lệ hộ nghèo"),
        ("Tỷ lệ hộ nghèo giảm bền vững, từ 1-1,5%/năm", "%", None),
        ("Tỷ lệ che phủ rừng tăng, bình quân 0,5%/năm", "%", None),
        ("Giảm tỷ lệ hộ nghèo, bình quân 1,5%/năm", "%", None),
        ("Tỷ lệ lao động qua đào tạo tăng, bình quân 2%/năm", "%", None),
    ],
)
def test_a_verb_then_a_number_a_year_after_a_comma_in_a_share_is_refused(
    text: str, unit: str, indicator: str | None
) -> None:
    with pytest.raises(TargetParseError, match="a number a year"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "falling", "value"),
    [
        ("Thu ngân sách tăng nhanh, bình quân 10%/năm", "tỷ đồng", False, 10.0),
        ("Thu ngân sách tăng khá, bình quân trên 10%/năm", "tỷ đồng", False, 10.0),
        ("Doanh thu du lịch tăng nhanh, bình quân 15%/năm", "tỷ đồng", False, 15.0),
        ("Số vụ tai nạn giao thông giảm, bình quân 5%/năm", "vụ", True, 5.0),
        ("Tăng mạnh, bình quân 10%/năm", "doanh nghiệp", False, 10.0),
    ],
)
def test_a_verb_then_a_per_cent_a_year_of_a_level_is_its_growth(
    text: str, unit: str, falling: bool, value: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.GROWTH_PER_YEAR
    assert spec.change.falling is falling
    assert spec.value == value


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Tăng nhanh, bình quân 9%/năm", "%", "Tốc độ tăng trưởng GRDP"),
        ("Tăng nhanh, bình quân 9%/năm", "%/năm", None),
        ("Thu ngân sách tăng, bình quân 9%/năm", "%", None),
        ("Bình quân 1,5%/năm", "%", "Tỷ lệ giảm nghèo"),
        ("8%/năm", "%", "GRDP"),
    ],
)
def test_a_number_a_year_of_a_rate_stays_a_level(
    text: str, unit: str, indicator: str | None
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.change is None
    assert spec.unit == "%/năm"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Thu nhập tăng, bình quân 150 triệu đồng/người/năm", "triệu đồng/người/năm", 150.0),
        ("Tăng cường trồng rừng, mỗi năm 1.000 ha", "ha", 1000.0),
        ("Tăng, tối thiểu đạt 80%", "%", 80.0),
    ],
)
def test_a_level_after_the_verbs_clause_is_kept(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert spec.value == value


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("1,5%/năm", "Tỷ lệ hộ nghèo"),
        ("bình quân 8%/năm", "Tỷ lệ đô thị hóa"),
        ("trên 8%/năm", "Tỷ trọng kinh tế số trong GRDP"),
        ("Giảm nghèo nhanh, bình quân 1,5%/năm", "Tỷ lệ hộ nghèo"),
        ("Giảm nghèo nhanh bình quân 1,5%/năm", "Tỷ lệ hộ nghèo"),
        ("Giảm nghèo nhanh, mỗi năm 1,5%", "Tỷ lệ hộ nghèo"),
    ],
)
def test_a_level_a_year_of_a_share_is_refused(text: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="of a share"):
        parse_target(text, unit="%", indicator=indicator)


def test_a_level_each_year_of_a_share_with_no_change_named_is_kept() -> None:
    spec = parse_target("Hằng năm đạt 98%", unit="%", indicator="Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert spec.change is None
    assert spec.value == 98.0
