"""Target wordings of the twenty-second round (round 118 of the red team): the indicator's name
decides a change in a row in ``%`` as its words in the text do, and bounds written apart.

* ``Tăng 8% trở lên`` of ``GRDP`` (``Tổng sản phẩm trên địa bàn (GRDP)``, ``Năng suất lao
  động``, ``Chỉ số phát triển công nghiệp``, ``Tỷ lệ tăng trưởng kinh tế``) in a row in ``%``
  was 8 percentage points of a share: a province growing 8,5 % a year failed it.  It is the
  level of the growth rate, as ``GRDP tăng 8%`` in the same row is; a part of a whole
  (``… chiếm trong GRDP``, ``… trong tổng kim ngạch``) and a share written short (``Nhà ở
  kiên cố``) keep the points.
* A bound with words between it and the number, or one the grammar has no phrase for
  (``dưới mức trần 15%``, ``trong giới hạn 15%``, ``tối đa phải đạt 15%``, ``ít ra 95%``,
  ``chỉ ở mức 3%``), went to the note and the number was read bare, in the indicator's
  direction (a cap read as a floor): refused.
* ``Tăng trưởng tín dụng khống chế 15%``: the verb's rise made the cap a floor (≥ 15 %): refused.
* A capped fall of a count better lower (``Số vụ tai nạn giao thông giảm dưới 5%``) was met by
  every rise: refused.  ``Xóa 100% nhà tạm`` on the share left (better lower) was ≤ 100 %,
  always met: refused.
"""

from __future__ import annotations

import pytest

from kh922core import TargetParseError, parse_target


@pytest.mark.parametrize(
    "name",
    [
        "GRDP",
        "Tổng sản phẩm trên địa bàn (GRDP)",
        "Tổng sản phẩm trong tỉnh (GRDP)",
        "GRDP (giá so sánh 2010)",
        "Tỷ lệ tăng trưởng kinh tế (GRDP)",
        "Tỷ lệ tăng thu ngân sách",
        "Năng suất lao động xã hội",
        "Kim ngạch xuất khẩu",
        "Chỉ số phát triển công nghiệp",
        "2. Thu ngân sách nhà nước",
    ],
)
@pytest.mark.parametrize(
    ("text", "level"),
    [("Tăng 8% trở lên", 8.0), ("Tăng bình quân 8%/năm", 8.0), ("Tăng trên 8%", 8.0)],
)
def test_a_name_that_grows_makes_a_change_in_percent_its_growth_rate(
    name: str, text: str, level: float
) -> None:
    spec = parse_target(text, unit="%", indicator=name)
    assert spec.change is None
    assert spec.is_met(level + 0.5)
    assert not spec.is_met(level - 0.5)


@pytest.mark.parametrize(
    "name",
    [
        "Tỷ lệ hộ nghèo",
        "Tỷ lệ lao động qua đào tạo",
        "Đóng góp của TFP trong tăng trưởng kinh tế",
        "Vốn đầu tư cho tăng trưởng xanh so với GRDP",
        "Hộ nghèo",
        "Nhà ở kiên cố",
        "Giáo viên đạt chuẩn",
        "GRDP khu vực dịch vụ chiếm trong GRDP",
        None,
    ],
)
def test_a_share_keeps_its_points(name: str | None) -> None:
    spec = parse_target("Tăng 2%", unit="%", indicator=name)
    assert spec.change is not None
    assert spec.change.kind.value == "points"
    assert spec.is_met(52.0, baseline=50.0)
    assert not spec.is_met(51.0, baseline=50.0)


@pytest.mark.parametrize(
    "name",
    [
        "Kim ngạch xuất khẩu chế biến sâu trong tổng kim ngạch xuất khẩu",
        "Doanh thu thương mại điện tử trong tổng mức bán lẻ hàng hóa",
    ],
)
def test_a_part_of_a_whole_named_after_a_level_is_no_growth_rate(name: str) -> None:
    # a share of a whole, whose words begin as a level's: points, or a growth? (refused)
    with pytest.raises(TargetParseError, match="points of a share, or a growth of the level"):
        parse_target("tăng 2%", unit="%", indicator=name)


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng tín dụng dưới mức trần 15%",
        "Tăng trưởng tín dụng trong giới hạn 15%",
        "Tăng trưởng tín dụng ở mức trần 15%",
        "Tỷ lệ thất thoát nước sạch tối đa phải đạt 15%",
        "Tỷ lệ thất thoát nước sạch ở mức tối đa cho phép 15%",
        "Tỷ lệ thất thoát nước sạch theo mức trần 15%",
        "Tỷ lệ thất thoát nước sạch hạn chế ở mức 15%",
        "Tỷ lệ thất thoát nước sạch đưa về 15%",
        "Tỷ lệ hồ sơ đúng hạn tối thiểu phải đạt 95%",
        "Tỷ lệ hồ sơ đúng hạn ít ra 95%",
        "Tỷ lệ nợ xấu chỉ ở mức 3%",
    ],
)
@pytest.mark.parametrize("direction", [None, "higher_is_better", "lower_is_better"])
def test_a_bound_apart_from_its_number_is_refused(text: str, direction: str | None) -> None:
    with pytest.raises(TargetParseError, match="before the number: a bound the grammar"):
        parse_target(text, unit="%", direction=direction)


@pytest.mark.parametrize(
    ("text", "met", "unmet"),
    [
        ("Tỷ lệ ngày có chỉ số chất lượng không khí trong giới hạn cho phép đạt 95%", 95.0, 94.0),
        ("Tỷ lệ khu công nghiệp xử lý nước thải đạt quy chuẩn cho phép 100%", 100.0, 99.0),
        ("Tỷ lệ hồ sơ được cho phép là 95%", 95.0, 94.0),
        ("Tỷ lệ người khuyết tật hạn chế là 80%", 80.0, 79.0),
        ("Tỷ lệ lao động qua đào tạo thuộc nhóm cao nhất là 80%", 80.0, 79.0),
        ("Khống chế 15%", 15.0, 15.5),
        ("Khống chế ở mức 4%", 4.0, 4.5),
        ("Tỷ lệ nợ xấu ở mức dưới 3%", 2.9, 3.0),
        ("Tỷ lệ nợ xấu khống chế dưới 3%", 2.9, 3.0),
        ("Tối thiểu đạt 95%", 95.0, 94.9),
        ("Tối đa là 15%", 15.0, 15.1),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 20%", 19.0, 20.0),
        ("Tỷ lệ người dân trên 15 tuổi biết chữ đạt 98%", 98.0, 97.0),
    ],
)
def test_a_bound_read_where_it_stands(text: str, met: float, unmet: float) -> None:
    spec = parse_target(text, unit="%", direction="higher_is_better")
    assert spec.is_met(met)
    assert not spec.is_met(unmet)


def test_a_rise_held_down_is_refused() -> None:
    with pytest.raises(TargetParseError, match="a rise, or a level held down"):
        parse_target("Tăng trưởng tín dụng khống chế 15%", unit="%", direction="higher_is_better")


@pytest.mark.parametrize("text", ["Số vụ tai nạn giao thông giảm dưới 5%", "Giảm dưới 5%"])
def test_a_capped_fall_of_a_count_better_lower_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a fall of at most that much"):
        parse_target(text, unit="vụ", direction="lower_is_better")


def test_a_capped_fall_of_a_level_better_higher_still_reads() -> None:
    spec = parse_target("Diện tích đất lúa giảm không quá 5%", unit="ha")
    assert spec.is_met(96.0, baseline=100.0)
    assert not spec.is_met(94.0, baseline=100.0)
    fall = parse_target("Giảm ít nhất 5%", unit="vụ", direction="lower_is_better")
    assert fall.is_met(95.0, baseline=100.0)
    assert not fall.is_met(110.0, baseline=100.0)


def test_all_removed_on_the_share_left_is_refused() -> None:
    with pytest.raises(TargetParseError, match="all removed"):
        parse_target("Xóa 100% nhà tạm, nhà dột nát", unit="%", direction="lower_is_better")
    removed = parse_target("Xóa 100% nhà tạm, nhà dột nát", unit="%", direction="higher_is_better")
    assert removed.is_met(100.0)
    assert not removed.is_met(90.0)


@pytest.mark.parametrize(
    "text", ["8,5% (giá SS 2010)", "8,5% (giá so sánh 2010)", "8,5% (theo giá cố định năm 2010)"]
)
def test_a_price_base_written_short_is_no_second_number(text: str) -> None:
    spec = parse_target(text, unit="%", indicator="Tốc độ tăng trưởng GRDP")
    assert spec.change is None
    assert spec.is_met(8.5)
    assert not spec.is_met(8.4)
