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

from kh922core import ChangeKind, TargetParseError, parse_target, split_targets


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


# --- the level to fall to, about a number; a bare zero; letters for digits; shares of other
# levels and of named wholes (round 111)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tỷ lệ lao động nông nghiệp giảm xuống khoảng 20%", "%"),
        ("Giảm xuống còn khoảng 20%", "%"),
        ("Giảm xuống gần 20%", "%"),
        ("Thời gian xử lý còn khoảng 20 ngày", "ngày"),
    ],
)
def test_about_a_level_to_fall_to_is_met_at_or_below_it(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.kind == "approximate"
    assert spec.is_met(20.5)  # within the tolerance
    assert spec.is_met(10.0)
    assert not spec.is_met(50.0)  # far above the level to fall to: it was met


def test_about_a_level_to_rise_to_is_met_at_or_above_it_whatever_the_direction() -> None:
    spec = parse_target("Nâng lên khoảng 80%", unit="%", direction="lower_is_better")
    assert spec.is_met(90.0)
    assert not spec.is_met(70.0)


@pytest.mark.parametrize(("text", "unit"), [("Tỷ lệ hồ sơ trễ hạn 0%", "%"), ("0 sự cố", "vụ")])
def test_a_bare_zero_is_none_at_all(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.is_met(0.0)
    assert not spec.is_met(3.0)  # ≥ 0 before: every level met it


def test_a_bare_zero_on_an_indicator_better_higher_is_refused() -> None:
    with pytest.raises(TargetParseError, match="every level would meet it"):
        parse_target("0%", unit="%", direction="higher_is_better")


@pytest.mark.parametrize(
    "text", ["O,8%", "8O%", "1OO%", "l00%", "8o%", "Tỷ lệ hồ sơ trực tuyến đạt O,8%"]
)
def test_letters_typed_for_digits_are_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="where a digit belongs"):
        parse_target(text, unit="%")


@pytest.mark.parametrize("text", ["Phủ sóng 5G toàn tỉnh", "Triển khai IPv6"])
def test_digits_inside_words_stay_words(text: str) -> None:
    assert parse_target(text).kind == "qualitative"


def test_three_quarters_in_words_is_refused() -> None:
    with pytest.raises(TargetParseError, match="amount in words"):
        parse_target("Ba phần tư dân số trưởng thành có chữ ký số", unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "Đạt 80% so với chỉ tiêu Trung ương giao",
        "Đạt 90% mức bình quân cả nước",
        "Đạt 90% mức bình quân",
        "Đạt 90% bình quân cả nước",
    ],
)
def test_a_share_of_another_level_without_bang_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a share of another level"):
        parse_target(text, unit="%")


def test_a_sector_after_a_share_is_no_other_level() -> None:
    assert parse_target("9,5% Khu vực dịch vụ", unit="%").value == 9.5


@pytest.mark.parametrize(
    ("text", "value", "whole"),
    [
        ("Đến năm 2030, kinh tế số chiếm ít nhất 30% GRDP", 30.0, "% GRDP"),
        ("Phủ sóng 5G đạt 99% dân số", 99.0, "% dân số"),
        ("Kinh phí chi cho KH&CN đạt tối thiểu 2% tổng chi ngân sách tỉnh", 2.0, "% tổng chi"),
        ("Bội chi ngân sách không quá 3% GRDP", 3.0, "% GRDP"),
    ],
)
def test_a_share_of_a_named_whole_in_a_row_in_percent_is_the_rows_share(
    text: str, value: float, whole: str
) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is None
    assert (spec.value, spec.unit) == (value, "%")
    assert whole in (spec.note or "")
    assert parse_target(spec.render(), unit="%") == spec


def test_a_thin_space_groups_thousands() -> None:
    spec = parse_target("1\u2009000 doanh nghiệp", unit="doanh nghiệp")
    assert spec.value == 1000.0


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Mỗi xã có ít nhất 2 sản phẩm OCOP", "sản phẩm"),
        ("Mỗi xã có ít nhất 1 tổ công nghệ số cộng đồng", "xã"),
        ("Đạt 2 cán bộ CNTT/cơ quan", "người"),
        ("Từ 3 sản phẩm trở lên mỗi xã", "sản phẩm"),
        ("Bình quân mỗi xã có 3 sản phẩm OCOP", "sản phẩm"),
        ("Mỗi cơ quan, đơn vị có ít nhất 1 cán bộ chuyên trách", "người"),
    ],
)
def test_a_count_per_each_in_a_row_of_totals_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="counted per"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("unit", "indicator"),
    [
        ("sản phẩm/xã", None),
        ("sản phẩm", "Số sản phẩm OCOP bình quân mỗi xã"),
        (None, None),
    ],
)
def test_a_count_per_each_is_read_where_the_row_counts_per_each(
    unit: str | None, indicator: str | None
) -> None:
    spec = parse_target("Mỗi xã có ít nhất 2 sản phẩm OCOP", unit=unit, indicator=indicator)
    assert spec.value == 2.0


def test_a_count_each_year_is_no_count_per_each() -> None:
    assert parse_target("Mỗi năm có 10 doanh nghiệp", unit="doanh nghiệp").value == 10.0


@pytest.mark.parametrize(("text", "value"), [("2030: 90%", 90.0), ("2025 : ≥ 50%", 50.0)])
def test_a_bare_year_and_a_colon_label_the_target_as_the_year_does(text: str, value: float) -> None:
    assert parse_target(text, unit="%").value == value


@pytest.mark.parametrize("text", ["70 điểm", "Chỉ số PCI đạt 70 điểm", "đạt 65,5 điểm"])
def test_a_score_in_a_row_of_ranks_is_no_rank_group(text: str) -> None:
    with pytest.raises(TargetParseError, match="on a rank"):
        parse_target(text, unit="Thứ bậc")  # it was "nhóm 70"


def test_a_score_part_beside_a_rank_part_is_refused() -> None:
    with pytest.raises(TargetParseError, match="on a rank"):
        split_targets("Chỉ số PCI đạt 70 điểm, xếp trong nhóm 20", unit="Thứ bậc")


def test_words_after_a_comma_end_the_part_a_semicolon_closes() -> None:
    parts = split_targets(
        "Xếp hạng PCI nằm trong nhóm 20 tỉnh, thành phố dẫn đầu; DTI trong nhóm 15",
        unit="Thứ bậc",
    )
    assert [(p.label, p.spec.size) for p in parts] == [("Xếp hạng PCI", 20), ("DTI", 15)]


# --- round 113: the same families in other words


@pytest.mark.parametrize(
    "text", ["giảm xuống khoảng 20-22%", "giảm xuống còn 20-22%", "Giảm xuống 20 - 22%"]
)
def test_a_range_to_fall_to_is_met_at_or_below_it(text: str) -> None:
    spec = parse_target(text, unit="%")
    assert spec.kind == "range"
    assert spec.is_met(21.0)
    assert spec.is_met(15.0)  # lower: better than the range
    assert not spec.is_met(30.0)  # it was "exceeded", met


@pytest.mark.parametrize("text", ["khoảng 0%", "xấp xỉ 0%", "0-1%", "0% - 0,5%"])
def test_about_zero_or_a_range_from_zero_is_better_lower(text: str) -> None:
    spec = parse_target(text, unit="%", indicator="Tỷ lệ hồ sơ trễ hạn")
    assert not spec.is_met(50.0)  # every level met it, higher being better
    with pytest.raises(TargetParseError, match="every level would meet it"):
        parse_target(text, unit="%", direction="higher_is_better")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("1.OOO doanh nghiệp", "doanh nghiệp"),
        ("Đạt 1 OOO doanh nghiệp", "doanh nghiệp"),
        ("9,O%", "%"),
    ],
)
def test_letters_for_digits_after_a_separator_are_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="where a digit belongs"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "Đạt 90% GRDP bình quân đầu người cả nước",
        "Bằng 90% GRDP bình quân đầu người vùng",
        "Bằng 30% GRDP năm 2025",
    ],
)
def test_a_share_of_another_levels_whole_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a share of another level"):
        parse_target(text, unit="%")


def test_a_deadline_before_a_share_of_a_whole_is_no_other_level() -> None:
    spec = parse_target("Đến năm 2030, kinh tế số chiếm ít nhất 30% GRDP", unit="%")
    assert spec.value == 30.0


@pytest.mark.parametrize(
    "text",
    [
        "Tất cả các xã có ít nhất 2 sản phẩm OCOP",
        "Các xã đều có ít nhất 2 sản phẩm OCOP",
        "Từng xã có ít nhất 2 sản phẩm OCOP",
        "Xã nào cũng có ít nhất 2 sản phẩm",
        "2 sản phẩm một xã",
    ],
)
def test_every_one_of_a_thing_in_other_words_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="counted per"):
        parse_target(text, unit="sản phẩm")


def test_step_by_step_is_no_count_per_each() -> None:
    assert parse_target("Từng bước nâng lên 50 doanh nghiệp", unit="doanh nghiệp").value == 50.0


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Tăng trưởng kinh tế nhanh, bình quân 8%/năm", None, None),
        ("Tăng, bình quân 10%/năm", "%", "Thu ngân sách nhà nước"),
        ("15%/năm", "%", "Tỷ lệ đổi mới công nghệ"),
        ("1%/năm", "%", "Tỷ lệ chuyển dịch lao động nông nghiệp"),
    ],
)
def test_a_rate_is_read_by_its_text_or_its_indicator(
    text: str, unit: str | None, indicator: str | None
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.change is None
    assert spec.unit == "%/năm"


def test_a_level_a_year_of_a_share_like_name_is_refused() -> None:
    with pytest.raises(TargetParseError, match="of a share"):
        parse_target("1,5%/năm", unit="%", indicator="Độ che phủ rừng")


# --- round 116: per-1,000 forms, unknown per units, yearly flows of a stock


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đạt 1,3 bác sỹ/nghìn dân", "Bác sĩ/vạn dân", 13.0),
        ("Đạt 1,5 bác sĩ/nghìn người", "Bác sĩ/vạn dân", 15.0),
        ("Đạt 3 giường bệnh/nghìn người", "Giường bệnh/vạn dân", 30.0),
        ("Đạt 1,5 bác sĩ/1.000 người dân", "Bác sĩ/vạn dân", 15.0),
    ],
)
def test_a_count_per_thousand_people_converts(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.value == pytest.approx(value)  # it was the number as written, a tenth of it


@pytest.mark.parametrize(
    "text", ["Đạt 3 y sỹ/nghìn dân", "Đạt 2 bác sĩ/trạm", "Đạt 12 kỹ thuật viên/vạn dân"]
)
def test_an_unknown_per_unit_after_the_number_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="not a unit the grammar knows"):
        parse_target(text, unit="Bác sĩ/vạn dân")


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Mỗi năm có 5 xã đạt chuẩn nông thôn mới", "xã", "Số xã đạt chuẩn nông thôn mới"),
        ("Mỗi năm phát triển mới 20 sản phẩm OCOP", "sản phẩm", "Số sản phẩm OCOP"),
        ("Hằng năm thành lập mới 500 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp"),
        ("Mỗi năm trồng mới 3.000 ha rừng", "ha", "Diện tích rừng"),
    ],
)
def test_a_yearly_number_of_a_stock_is_refused(text: str, unit: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="so many more a year, or so many in all"):
        parse_target(text, unit=unit, indicator=indicator)  # a stock of 40 met "≥ 5"


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        (
            "Hằng năm thành lập mới 500 doanh nghiệp",
            "doanh nghiệp",
            "Số doanh nghiệp thành lập mới",
        ),
        ("Mỗi năm trồng mới 3.000 ha rừng", "ha", "Diện tích rừng trồng mới hằng năm"),
        ("Thu ngân sách hằng năm đạt 5.000 tỷ đồng", "tỷ đồng", "Thu ngân sách"),
        ("Hằng năm đón 1 triệu lượt khách", "lượt", "Số lượt khách du lịch"),
    ],
)
def test_a_yearly_number_of_a_flow_is_its_level(text: str, unit: str, indicator: str) -> None:
    assert parse_target(text, unit=unit, indicator=indicator).change is None


def test_more_a_year_of_a_stock_is_its_change() -> None:
    spec = parse_target(
        "Mỗi năm có thêm 5 xã đạt chuẩn", unit="xã", indicator="Số xã đạt chuẩn nông thôn mới"
    )
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.POINTS_PER_YEAR


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Thu ngân sách 2.500 tỷ đồng", "tỷ đồng", 2500.0),
        ("Diện tích 5.000 ha", "ha", 5000.0),
        ("Vốn đầu tư toàn xã hội 50.000 tỷ đồng", "tỷ đồng", 50000.0),
    ],
)
def test_a_measure_named_before_its_number_labels_it(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert (spec.value, spec.change) == (value, None)
