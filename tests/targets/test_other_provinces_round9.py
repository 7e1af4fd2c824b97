"""Phrasings of other provinces' plans that a ninth red-team round found read silently wrong: a
level to fall to, or more than the whole, with a year after it and no ``vào`` (a share of that
year's level, or the level in that year?), two measures before one number, a count of people
written short in a row in % read as points of a share.  Each is now read as a Vietnamese reader
reads it, or refused with what to write instead.
"""

from __future__ import annotations

import pytest

from kh922core import TargetParseError, parse_target


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Giảm còn 50% năm 2020", "%"),
        ("Số vụ tai nạn giao thông giảm xuống còn 50% năm 2020", "vụ"),
        ("giảm còn dưới 2% (năm 2030)", "%"),
        ("đạt 120% năm 2025", "%"),
        ("Doanh thu đạt khoảng 150% năm 2024", "%"),
        ("đạt trên 101,5% mức năm 2023", "%"),
    ],
)
def test_a_level_with_a_year_after_it_that_may_be_its_base_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="that year's level"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "holds", "fails"),
    [
        ("Tỷ lệ hộ nghèo giảm còn 3% năm 2025", 3.0, 3.5),  # a share named: its level
        ("giảm xuống còn 5% vào năm 2025", 5.0, 5.5),  # "vào": when
        ("nâng lên 60% năm 2025", 60.0, 59.0),  # a rise to a level
        ("đạt 80% năm 2025", 80.0, 79.0),  # not more than the whole
        ("đạt 100% năm 2025", 100.0, 99.0),
        ("Năm 2025 đạt 120%", 120.0, 119.0),  # the year before the number
    ],
)
def test_a_year_after_a_level_that_cannot_be_its_base_keeps_the_level(
    text: str, holds: float, fails: float
) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is None
    assert spec.is_met(holds)
    assert not spec.is_met(fails)


@pytest.mark.parametrize(
    "text",
    [
        "Giảm tỷ lệ hộ nghèo, tỷ lệ hộ cận nghèo đạt 3%",
        "Tỷ lệ trẻ em suy dinh dưỡng; tỷ lệ trẻ thấp còi dưới 10%",
        "tỷ lệ che phủ rừng và tỷ lệ che phủ cây xanh, tỷ lệ đô thị hóa đạt 40%",
    ],
)
def test_two_measures_before_one_number_are_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "holds", "fails"),
    [
        ("tỷ lệ hộ nghèo và cận nghèo dưới 3%", 2.9, 3.0),  # one measure of two groups
        ("Tỷ lệ hộ nghèo (theo chuẩn mới) giảm xuống dưới 3%", 2.9, 3.0),
    ],
)
def test_one_measure_of_two_groups_is_still_read(text: str, holds: float, fails: float) -> None:
    spec = parse_target(text, unit="%")
    assert spec.is_met(holds)
    assert not spec.is_met(fails)


@pytest.mark.parametrize(
    "text",
    ["Lao động có việc làm tăng 1,2%/năm", "Lao động có việc làm tăng bình quân 2% mỗi năm"],
)
def test_a_count_of_people_written_short_is_no_share_in_a_percent_row(text: str) -> None:
    # the growth of the employed, or points of a share of them? The row does not say.
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%")


def test_a_share_of_people_written_short_still_changes_by_points() -> None:
    spec = parse_target("Lao động qua đào tạo tăng bình quân 2%/năm", unit="%")
    assert spec.change is not None
    assert spec.change.kind == "points_per_year"


@pytest.mark.parametrize(
    ("text", "unit", "holds", "fails"),
    [
        ("Tỷ lệ hộ dân dùng nước sạch 98%", "%", 98.0, 97.9),
        ("Tỷ lệ xã đạt chuẩn nông thôn mới 80%", "%", 80.0, 79.0),
        ("Tỷ trọng kinh tế số trong GRDP 20 %", "%", 20.0, 19.0),
        ("Số lượng doanh nghiệp khởi nghiệp sáng tạo 50", "doanh nghiệp", 50.0, 49.0),
        ("Tỷ lệ hộ nghèo 2% trở xuống", "%", 2.0, 2.1),  # the words after it still bound it
    ],
)
def test_a_measure_named_before_its_number_reads_as_a_label(
    text: str, unit: str, holds: float, fails: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert spec.is_met(holds)
    assert not spec.is_met(fails)
    assert parse_target(spec.render(), unit=unit) == spec


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo chỉ 2%",  # words that qualify the number, unread
        "Tỷ lệ hộ nghèo quá 5%",
        "Tỷ lệ hộ nghèo ước 3%",
        "Tỷ lệ nợ xấu tương đương 3%",
        "Tỷ lệ hộ nghèo 2% mỗi năm",  # a change with no verb
        "Tỷ lệ hộ nghèo 2 lần",
        "Tỷ lệ che phủ rừng 2 điểm %",
        "Doanh nghiệp dùng nền tảng 60%",  # no measure named: a thing, not a label
    ],
)
def test_a_subject_and_a_number_with_no_verb_are_refused_unless_they_read_as_a_label(
    text: str,
) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "Thứ hạng cao hơn 30",  # a better place than 30th, or a number above 30?
        "xếp hạng thấp hơn 30",
        "Thứ hạng không thấp hơn 20",
        "Xếp hạng không dưới 30",
        "Xếp hạng tối thiểu 30",
        "dưới 30",
        "không cao hơn 20",
        "30 trở xuống",
    ],
)
def test_words_that_bound_a_rank_by_its_place_are_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match=r"(on|after) a rank"):
        parse_target(text, unit="Thứ bậc")


@pytest.mark.parametrize(
    ("text", "size"),
    [("Xếp hạng tối đa 30", 30), ("không quá 20", 20), ("≤ 10", 10), ("nhóm 15", 15)],
)
def test_an_upper_bound_on_a_rank_is_still_its_group(text: str, size: int) -> None:
    spec = parse_target(text, unit="Thứ bậc")
    assert spec.kind == "rank_group"
    assert spec.is_met(size)
    assert not spec.is_met(size + 1)


def test_a_rank_below_a_number_written_as_a_symbol_is_read() -> None:
    spec = parse_target("< 30", unit="Thứ bậc")
    assert (spec.is_met(29), spec.is_met(30)) == (True, False)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("thấp hơn 3 lần so với năm 2025", "ngày"),  # a third of it, or 3 times less than?
        ("ít hơn 2 lần năm 2020", "vụ"),
        ("cao hơn 2 lần so với năm 2020", "tỷ đồng"),
        ("nhiều hơn 1,5 lần so với năm 2020", "tỷ đồng"),
    ],
)
def test_a_comparison_before_a_multiple_with_no_verb_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="after a comparison"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "gấp 2 lần Hà Nội",  # a multiple of another province's level
        "gấp 2 lần tỉnh Long An",
        "gấp 1,5 lần của tỉnh",
        "tăng gấp 3 lần các huyện khác",
    ],
)
def test_a_multiple_of_another_level_named_after_lần_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="another level"):
        parse_target(text, unit="tỷ đồng")


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("gấp 2 lần mức năm 2025", 2025),  # the level of that year: the base
        ("gấp 2 lần kết quả năm 2025", 2025),
        ("gấp 1,5 lần mức bình quân năm 2020", 2020),
        ("gấp 2 lần giá trị của năm 2025", 2025),
        ("gấp 2 lần (năm 2020)", 2020),
        ("gấp 2 lần so với mức năm 2025", 2025),
        ("gấp 3 lần năm 2021", 2021),
    ],
)
def test_the_year_of_the_level_a_multiple_names_is_its_base(text: str, since: int) -> None:
    spec = parse_target(text, unit="tỷ đồng")
    assert spec.change is not None
    assert (spec.change.kind, spec.change.since) == ("multiple", since)
    assert spec.is_met(2.0 * 100.0 * 1.5, baseline=100.0)
    assert not spec.is_met(100.0, baseline=100.0)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Quy mô kinh tế (GRDP) gấp 1,7 lần năm 2025", "tỷ đồng"),
        ("Thu ngân sách gấp 2 lần so với năm 2020", "tỷ đồng"),
        ("Số doanh nghiệp tăng gấp đôi", "doanh nghiệp"),
    ],
)
def test_a_multiple_with_its_subject_reads_back(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert spec.change.kind == "multiple"
    assert parse_target(spec.render(), unit=unit) == spec


@pytest.mark.parametrize(("text", "unit"), [("- 2%", "%/năm"), ("– 1,5%", "%/năm"), ("- 2", None)])
def test_a_dash_set_apart_where_a_level_may_be_negative_is_refused(
    text: str, unit: str | None
) -> None:
    with pytest.raises(TargetParseError, match="minus sign set apart"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(("text", "value"), [("- 1,5%", 1.5), ("- 95% cấp tỉnh", 95.0)])
def test_a_dash_before_a_share_is_a_list_mark(text: str, value: float) -> None:
    spec = parse_target(text, unit="%")  # a share is never below 0
    assert (spec.is_met(value), spec.is_met(value - 0.5)) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "tăng 10% trong năm 2026",
        "trong năm 2026 tăng 10%",
        "riêng năm 2026 tăng 10%",
        "Năm 2026 tăng 8%",
        "Doanh thu năm 2027 giảm 5%",
    ],
)
def test_a_change_within_a_year_named_with_no_base_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="from the year before, or from the plan baseline"):
        parse_target(text, unit="tỷ đồng")


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("Đến năm 2030 tăng 20%", None),  # a deadline: from the plan baseline
        ("tăng 20% vào năm 2030", None),
        ("Đến cuối năm 2030 tăng 20%", None),
        ("Năm 2026 tăng 8% so với năm 2025", 2025),
    ],
)
def test_a_change_with_a_deadline_or_a_base_is_still_read(text: str, since: int | None) -> None:
    spec = parse_target(text, unit="tỷ đồng")
    assert spec.change is not None
    assert (spec.change.kind, spec.change.since) == ("relative", since)


@pytest.mark.parametrize(
    ("unit", "text"),
    [
        ("Tổ chức", "có 10 tổ chức khoa học và công nghệ"),
        ("Trung tâm", "50 trung tâm học tập cộng đồng"),
        ("Nhiệm vụ", "ít nhất 5 nhiệm vụ"),
        ("Nền tảng", "đạt 5 nền tảng"),
        ("Hệ thống", "3 hệ thống thông tin"),
        ("Cơ sở dữ liệu", "20 cơ sở dữ liệu chuyên ngành"),
        ("Khóa học", "trên 30 khóa học"),
        ("Phòng thí nghiệm", "2 phòng thí nghiệm"),
    ],
)
def test_counts_of_other_appendices_are_units(unit: str, text: str) -> None:
    from kh922core import IncompatibleUnitError, parse_unit

    spec = parse_target(text, unit=unit)
    assert spec.unit is not None
    assert parse_unit(spec.unit).dimension == parse_unit(unit).dimension
    with pytest.raises(IncompatibleUnitError):  # a count of one thing is never another's
        parse_target(text, unit="doanh nghiệp")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tỷ lệ tiêm chủng mở rộng 98%", 98.0),  # the name of a programme, not "expanded by"
        ("Tỷ lệ trẻ em được tiêm chủng mở rộng 98%", 98.0),
        ("Tỷ trọng giá trị gia tăng 40%", 40.0),
        ("Tỷ lệ dự án đầu tư mở rộng 30%", 30.0),
        ("Tỷ lệ đường được nâng cấp, mở rộng 60%", 60.0),
        ("đạt, vượt 95%", 95.0),  # reach or exceed: at least
        ("đạt - vượt 95%", 95.0),
    ],
)
def test_a_verb_inside_a_measures_name_is_no_change(text: str, value: float) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is None
    assert (spec.is_met(value), spec.is_met(value - 1)) == (True, False)


@pytest.mark.parametrize(
    "text",
    ["Tỷ lệ khu công nghiệp mở rộng 40%", "Tỷ lệ cơ sở áp dụng công nghệ tiên tiến, nâng cao 30%"],
)
def test_a_verb_that_may_end_a_measures_name_right_before_the_number_is_refused(
    text: str,
) -> None:
    with pytest.raises(TargetParseError, match="a change of the measure, or a word of its name"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tỷ lệ che phủ rừng giảm không quá 1%", "%"),  # a fall of at most 1, not a cap of 1 %
        ("giảm không quá 3%", "%/năm"),
        ("giảm dưới 2%", "%/năm"),  # a rate under 2, or 2 points lower?
    ],
)
def test_a_fall_capped_on_an_indicator_better_higher_or_a_rate_is_refused(
    text: str, unit: str
) -> None:
    with pytest.raises(TargetParseError, match="a fall of at most that much"):
        parse_target(text, unit=unit, direction="higher_is_better")


@pytest.mark.parametrize(
    ("text", "holds", "fails"),
    [
        ("Tỷ lệ hộ nghèo giảm không quá 2%", 2.0, 2.1),  # better lower: the level to reach
        ("Tỷ lệ hộ nghèo giảm dưới 2%", 1.9, 2.0),
        ("Giảm về dưới 2%", 1.9, 2.0),
    ],
)
def test_a_fall_to_a_cap_on_an_indicator_better_lower_is_its_level(
    text: str, holds: float, fails: float
) -> None:
    spec = parse_target(text, unit="%", direction="lower_is_better")
    assert spec.change is None
    assert (spec.is_met(holds), spec.is_met(fails)) == (True, False)


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("bình quân giai đoạn 2026-2030 tăng 10%", "tỷ đồng", "growth_per_year"),
        ("Trung bình giai đoạn 2026-2030 tăng 10%", "tỷ đồng", "growth_per_year"),
        ("bình quân cả giai đoạn tăng 10%", "tỷ đồng", "growth_per_year"),
        ("Bình quân giai đoạn 2026-2030 giảm 1%", "%", "points_per_year"),
    ],
)
def test_an_average_over_the_period_is_a_yearly_change(text: str, unit: str, kind: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert spec.change.kind == kind


@pytest.mark.parametrize(
    ("text", "unit"),
    [("-95%", "%"), ("-100% xã đạt chuẩn", "%"), ("-1.200 doanh nghiệp", "doanh nghiệp")],
)
def test_a_dash_glued_to_a_level_that_is_never_negative_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="is below 0"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(("text", "unit"), [("-2%", "%/năm"), ("-500 tỷ đồng", "tỷ đồng")])
def test_a_negative_level_where_one_may_be_is_still_read(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.is_met(0.0)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("95%[3]", "%", 95.0), ("Đạt 8.500 USD[1]", "USD", 8500.0)],
)
def test_a_footnote_in_square_brackets_ending_the_cell_is_no_number(
    text: str, unit: str, value: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert (spec.is_met(value), spec.is_met(value - 1)) == (True, False)


def test_a_footnote_after_the_base_year_is_no_number() -> None:
    spec = parse_target("Tăng 10% so với năm 2025(1)", unit="tỷ đồng")
    assert spec.change is not None
    assert spec.change.since == 2025


@pytest.mark.parametrize("text", ["đứng thứ 5%", "hạng 10%", "thứ 20 %-các tỉnh"])
def test_a_percentage_after_a_place_word_is_no_rank(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="Thứ bậc")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("chiếm một nửa tổng số", "%"),
        ("một trăm phần trăm", "%"),
        ("tăng trưởng không âm", "%/năm"),
        ("không tăng trưởng âm", "%/năm"),
    ],
)
def test_an_amount_in_words_is_no_target_in_words(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="amount in words"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    "text", ["Xây dựng trung tâm âm nhạc", "Hoàn thành trong nửa đầu năm", "Hoàn thành"]
)
def test_targets_in_words_near_those_words_are_still_read(text: str) -> None:
    assert parse_target(text, unit="%").kind == "qualitative"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Số doanh nghiệp đang hoạt động 5.000 doanh nghiệp", "doanh nghiệp", 5000.0),
        ("Kim ngạch xuất khẩu 5 tỷ USD", "tỷ USD", 5.0),
        ("Sản lượng lương thực 1,2 triệu tấn", "triệu tấn", 1.2),
        ("Chỉ số hài lòng của người dân 90%", "%", 90.0),
    ],
)
def test_more_measures_named_before_their_number_read_as_labels(
    text: str, unit: str, value: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert (spec.is_met(value), spec.is_met(value * 0.9)) == (True, False)


def test_a_measure_whose_last_word_qualifies_its_number_is_refused() -> None:
    with pytest.raises(TargetParseError):
        parse_target("Kim ngạch xuất khẩu ước 5 tỷ USD", unit="tỷ USD")


@pytest.mark.parametrize(
    ("text", "holds", "fails"),
    [
        ("1. Đạt 95%", 95.0, 94.0),
        ("1.1. Đạt 95%", 95.0, 94.0),
        ("2) Dưới 2%", 1.9, 2.0),
        ("1/ Đạt 95%", 95.0, 94.0),
        ("(1) Đạt 95%", 95.0, 94.0),
        ("a. 95%", 95.0, 94.0),
        ("IV. 95%", 95.0, 94.0),
    ],
)
def test_a_list_mark_before_the_target_is_no_number(text: str, holds: float, fails: float) -> None:
    spec = parse_target(text, unit="%")
    assert (spec.is_met(holds), spec.is_met(fails)) == (True, False)


@pytest.mark.parametrize(
    ("text", "unit"), [("12. 500 hộ", "hộ"), ("1) 95%", "%"), ("2.3 Tỷ lệ đạt 42%", "%")]
)
def test_a_number_mark_before_a_number_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError):  # a list mark, or 12.500 with a stray space?
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("5 xã đạt chuẩn", "xã", 5.0), ("2.3 triệu đồng", "triệu đồng", 2.3)],
)
def test_a_number_with_no_mark_is_still_the_target(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert (spec.is_met(value), spec.is_met(value - 0.1)) == (True, False)
