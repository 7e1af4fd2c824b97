"""Target wordings of the thirty-third round (the seventeenth session's note, left alone from
round 154; and round 157 of the attacks).

Silent misreads mended:

* a per cent of GRDP (``Đạt 2% GRDP``) in the row of a share of the budget's spending named
  without its whole (``Tỷ lệ chi ngân sách cho khoa học, công nghệ …``, unit ``%``) was read as
  the row's share: 2 % of GRDP judged against a share of the budget;
* a part of the population or of the land that the row does not name (``Thu nhập bình quân
  của người dân nông thôn đạt 90 triệu đồng`` in the row of the province's income; ``Tỷ lệ lao
  động nữ qua đào tạo đạt 70%``; ``Dưới 1% (riêng thành thị)``), or the whole in the row of a
  part (``Tỷ lệ thất nghiệp chung dưới 2,5%`` in the urban row), was the row's target.
"""

from __future__ import annotations

import pytest

from kh922core import TargetParseError, parse_target, split_targets

_BUDGET = "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"


@pytest.mark.parametrize(
    "indicator",
    [
        _BUDGET,
        "Tỷ lệ chi từ ngân sách nhà nước cho khoa học và công nghệ",
        "Tỉ lệ chi NSNN cho chuyển đổi số",
    ],
)
@pytest.mark.parametrize("text", ["Đạt 2% GRDP", "Chi cho khoa học, công nghệ đạt 2% GRDP"])
def test_a_per_cent_of_grdp_in_a_row_of_a_share_of_the_budget_is_refused(
    indicator: str, text: str
) -> None:
    with pytest.raises(TargetParseError, match="a per cent of GRDP, in a row of"):
        parse_target(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    ("indicator", "text", "reading"),
    [
        (_BUDGET, "Đạt 3%", "3%"),  # the row's own share
        (_BUDGET, "Tối thiểu 3% tổng chi ngân sách", "≥ 3% (% tổng chi ngân sách)"),
        ("Tỷ lệ chi ngân sách cho khoa học và công nghệ so với GRDP", "Đạt 2% GRDP", "2% (% GRDP)"),
        ("Chi cho nghiên cứu và phát triển (R&D)", "Đạt 2% GRDP", "2% (% GRDP)"),
        ("Tỷ lệ chi cho R&D", "Đạt 2% GRDP", "2% (% GRDP)"),
    ],
)
def test_a_share_of_its_own_whole_reads(indicator: str, text: str, reading: str) -> None:
    assert parse_target(text, unit="%", indicator=indicator).render() == reading


_INCOME = "Thu nhập bình quân đầu người"


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "part"),
    [
        (
            "Thu nhập bình quân của người dân nông thôn đạt 90 triệu đồng",
            "triệu đồng",
            _INCOME,
            "nông thôn",
        ),
        (
            "Khu vực nông thôn đạt 70 triệu đồng/người/năm",
            "triệu đồng/người/năm",
            _INCOME,
            "nông thôn",
        ),
        (
            "Vùng đồng bào dân tộc thiểu số đạt 50 triệu đồng",
            "triệu đồng",
            _INCOME,
            "dân tộc thiểu số",
        ),
        ("Tỷ lệ lao động nữ qua đào tạo đạt 70%", "%", "Tỷ lệ lao động qua đào tạo", "lao động nữ"),
        ("Đạt 100% ở khu vực thành thị", "%", "Tỷ lệ dân số được sử dụng nước sạch", "thành thị"),
        (
            "100% hộ dân nông thôn được sử dụng nước hợp vệ sinh",
            "%",
            "Tỷ lệ hộ dân được sử dụng nước hợp vệ sinh",
            "nông thôn",
        ),
        ("Các xã miền núi giảm 3%/năm", "%", "Tỷ lệ hộ nghèo đa chiều", "miền núi"),
        ("Dưới 1% (riêng thành thị)", "%", "Tỷ lệ hộ nghèo", "thành thị"),
        ("Dưới 1%, tính riêng nông thôn", "%", "Tỷ lệ hộ nghèo", "nông thôn"),
        (
            "100% xã biên giới có điểm phục vụ bưu chính",
            "%",
            "Tỷ lệ xã có điểm phục vụ bưu chính",
            "xã biên giới",
        ),
        (
            "Tỷ lệ thất nghiệp khu vực thành thị dưới 3%",
            "%",
            "Tỷ lệ thất nghiệp ở khu vực nông thôn",
            "thành thị",
        ),
    ],
)
def test_a_part_the_row_does_not_name_is_refused(
    text: str, unit: str, indicator: str, part: str
) -> None:
    with pytest.raises(TargetParseError, match=f"'{part}': the target of a part, not of"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Tỷ lệ thất nghiệp chung dưới 2,5%", "Tỷ lệ thất nghiệp ở khu vực thành thị"),
        ("Tỷ lệ hộ nghèo toàn tỉnh dưới 2%", "Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số"),
    ],
)
def test_the_whole_in_the_row_of_a_part_is_refused(text: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="the target of the whole, in a row of a part"):
        parse_target(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    ("text", "indicator", "reading"),
    [
        (  # the row's own part, in other words
            "Tỷ lệ thất nghiệp khu vực thành thị dưới 2,5%",
            "Tỷ lệ thất nghiệp ở khu vực đô thị",
            "< 2,5% Tỷ lệ thất nghiệp khu vực thành thị",
        ),
        (
            "Vùng DTTS giảm 3%/năm",
            "Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số",
            "giảm bình quân 3 điểm % Vùng DTTS",
        ),
        (
            "Tỷ lệ đường giao thông nông thôn được cứng hóa đạt 95%",
            "Tỷ lệ cứng hóa GTNT",
            "95% Tỷ lệ đường giao thông nông thôn được cứng hóa",
        ),
        (
            "100% xã đạt chuẩn nông thôn mới",
            "Tỷ lệ xã đạt chuẩn NTM",
            "100% xã đạt chuẩn nông thôn mới",
        ),
        (  # the population of a mother's health, no part
            "Tỷ lệ phụ nữ đẻ được khám thai từ 4 lần trở lên 90%",
            "Tỷ lệ khám thai",
            "90% Tỷ lệ phụ nữ đẻ được khám thai từ 4 lần trở lên",
        ),
        (  # a note on the whole, after the number
            "Đạt 95% (trong đó tập trung vào khu vực nông thôn)",
            "Tỷ lệ hồ sơ được số hóa",
            "95% trong đó tập trung vào khu vực nông thôn",
        ),
        (
            "đạt 95%, riêng khu vực biên giới ưu tiên hoàn thành trước",
            "Tỷ lệ hồ sơ được số hóa",
            "95% riêng khu vực biên giới ưu tiên hoàn thành trước",
        ),
    ],
)
def test_the_rows_own_part_or_a_note_reads(text: str, indicator: str, reading: str) -> None:
    assert parse_target(text, unit="%", indicator=indicator).render() == reading


def test_labelled_parts_are_read_each_with_its_label() -> None:
    parts = split_targets(
        "100% ở thành thị, 90% ở nông thôn",
        unit="%",
        indicator="Tỷ lệ dân số được sử dụng nước sạch",
    )
    assert [(p.label, p.spec.render()) for p in parts] == [
        ("thành thị", "100%"),
        ("nông thôn", "90%"),
    ]


# ---------------------------------------------------------------- round 157: words of the name

_H, _L = "higher_is_better", "lower_is_better"


@pytest.mark.parametrize(
    ("text", "indicator", "direction", "value", "met", "unmet"),
    [
        (  # "trong thời hạn" (on time) was at most 98 %
            "Tỷ lệ hồ sơ được giải quyết trong thời hạn đạt 98%",
            "Tỷ lệ hồ sơ giải quyết đúng hạn",
            _H,
            98.0,
            99.0,
            50.0,
        ),
        (
            "Tỷ lệ vụ án được giải quyết, xét xử trong thời hạn 100%",
            "Tỷ lệ vụ án được giải quyết",
            _H,
            100.0,
            100.0,
            0.0,
        ),
        (
            "Tỷ lệ hồ sơ giải quyết trước và trong thời hạn 98%",
            "Tỷ lệ hồ sơ đúng hạn",
            _H,
            98.0,
            99.0,
            50.0,
        ),
        ("Tỷ lệ văn bản gửi cấp trên đạt 100%", "Tỷ lệ văn bản điện tử", _H, 100.0, 100.0, 90.0),
        (
            "Tỷ lệ văn bản chỉ đạo gửi cấp dưới 100%",
            "Tỷ lệ văn bản điện tử",
            _H,
            100.0,
            100.0,
            10.0,
        ),
        ("Tỷ lệ người bệnh chuyển lên tuyến trên 10%", "Tỷ lệ chuyển tuyến", _L, 10.0, 10.0, 60.0),
        ("Tỷ lệ ổ dịch được khống chế 100%", "Tỷ lệ ổ dịch được khống chế", _H, 100.0, 100.0, 0.0),
        ("Tỷ lệ ổ dịch được kiềm chế 100%", "Tỷ lệ ổ dịch", _H, 100.0, 100.0, 0.0),
        ("Tỷ lệ hồ sơ trực tuyến trên tổng số 80%", "Tỷ lệ hồ sơ trực tuyến", _H, 80.0, 80.0, 70.0),
        (  # the name's last words, read as the bound: ≥ 5 % on a row better lower
            "Tỷ lệ hộ chưa đạt mức sống tối thiểu 5%",
            "Tỷ lệ hộ chưa đạt mức sống tối thiểu",
            _L,
            5.0,
            4.0,
            40.0,
        ),
        (
            "Tỷ lệ xã được hưởng mức hỗ trợ tối đa 10%",
            "Tỷ lệ xã được hưởng mức hỗ trợ tối đa",
            _H,
            10.0,
            20.0,
            5.0,
        ),
        (
            "Tỷ lệ ngày có chỉ số AQI vượt ngưỡng 5%",
            "Tỷ lệ ngày có AQI vượt ngưỡng",
            _L,
            5.0,
            4.0,
            60.0,
        ),
        (  # a cut of the row's own: its level, not a fall of 30 points
            "Cắt giảm 30%",
            "Tỷ lệ thủ tục hành chính được cắt giảm",
            _H,
            30.0,
            35.0,
            20.0,
        ),
        ("Rút ngắn 30%", "Tỷ lệ thời gian giải quyết được rút ngắn", _H, 30.0, 35.0, 20.0),
    ],
)
def test_words_of_the_subject_are_no_bound(
    text: str, indicator: str, direction: str, value: float, met: float, unmet: float
) -> None:
    spec = parse_target(text, unit="%", indicator=indicator, direction=direction)
    assert spec.change is None
    assert getattr(spec, "value", None) == value
    assert spec.is_met(met)
    assert not spec.is_met(unmet)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "direction", "reading"),
    [
        (
            "Giải quyết trong thời hạn 15 ngày",
            "ngày",
            "Thời gian giải quyết",
            _L,
            "≤ 15 ngày Giải quyết",
        ),
        ("Tối thiểu 5%", "%", "Tỷ lệ hộ chưa đạt mức sống tối thiểu", _L, "≥ 5%"),
        ("Khống chế dưới 5%", "%", "Tỷ lệ ổ dịch", _L, "< 5%"),
        ("Cấp tỉnh trên 90%", "%", "Tỷ lệ hồ sơ trực tuyến", _H, "> 90% Cấp tỉnh"),
        ("Quanh mức 4%", "%", "Chỉ số giá tiêu dùng", "band", "khoảng 4%"),  # was exactly 4 %
        ("Xoay quanh mức 4%", "%", "Chỉ số giá tiêu dùng", "band", "khoảng 4%"),
        (  # a name that defines its subject by a number gives no noun
            "Dưới 15%",
            "%",
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
            _L,
            "< 15%",
        ),
    ],
)
def test_a_bound_of_its_own_still_reads(
    text: str, unit: str, indicator: str, direction: str, reading: str
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator, direction=direction)
    assert spec.render() == reading


@pytest.mark.parametrize(
    "text",
    [
        "Dưới 1,2 triệu dân",
        "Quy mô dân số đạt 1,2 triệu dân",
        "Đến năm 2030, dân số khoảng 3,5 triệu dân",
        "Đạt 1,2 triệu dân cư",
    ],
)
def test_a_scale_before_dan_is_refused_where_the_row_has_none(text: str) -> None:
    # "triệu dân" went to the note: fewer than 1,2 people
    with pytest.raises(TargetParseError, match="the scale word 'triệu' with no unit it multiplies"):
        parse_target(text, unit="người", indicator="Quy mô dân số", direction=_L)


@pytest.mark.parametrize(
    ("text", "unit", "reading"),
    [
        ("Đạt 50 nghìn dân", "nghìn người", "50 (nghìn dân)"),  # the row's own scale
        ("Đạt 15 bác sĩ trên 1 vạn dân", "bác sĩ/vạn dân", "15 bác sĩ trên vạn dân"),
        ("Đạt 1,2 triệu người", "người", "1.200.000 người"),
    ],
)
def test_a_scale_of_the_row_or_of_a_denominator_reads(text: str, unit: str, reading: str) -> None:
    assert parse_target(text, unit=unit, indicator="Quy mô dân số").render() == reading


# -------------------------------------------- round 159: what the rules above must not take


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "direction", "reading"),
    [
        ("Tỷ lệ nhà ở chung cư đạt 20%", "%", "Tỷ lệ nhà ở chung cư tại khu vực đô thị", _H, "20%"),
        ("Chiếm 45% dân số toàn tỉnh", "%", "Tỷ lệ dân số đô thị", _H, "45%"),
        (  # an agency's name
            "Đạt 100% theo quy định của Bộ Nông nghiệp và Phát triển nông thôn",
            "%",
            "Tỷ lệ xã đạt tiêu chí về thủy lợi",
            _H,
            "100%",
        ),
        (  # a programme's name
            "Giải ngân 100% vốn Chương trình MTQG vùng đồng bào DTTS và miền núi",
            "%",
            "Tỷ lệ giải ngân vốn các chương trình mục tiêu quốc gia",
            _H,
            "100%",
        ),
        (  # the whole, including a part
            "100% xã kể cả các xã miền núi có đường ô tô đến trung tâm xã",
            "%",
            "Tỷ lệ xã có đường ô tô đến trung tâm xã",
            _H,
            "100%",
        ),
        ("Tỷ lệ đại biểu nữ đạt 35%", "%", "Tỷ lệ nữ đại biểu Hội đồng nhân dân", _H, "35%"),
        ("Tỷ lệ dân số thành thị đạt 45%", "%", "Tỷ lệ đô thị hóa", _H, "45%"),
        ("Lao động nữ có việc làm đạt 70%", "%", "Tỷ lệ phụ nữ có việc làm", _H, "70%"),
        (
            "Duy trì 30.000 ha vùng cao su tập trung",
            "ha",
            "Diện tích cây cao su",
            _H,
            "≥ 30.000 ha",
        ),
        ("Đạt 1.000 ha rừng phòng hộ ven biển", "ha", "Diện tích rừng phòng hộ", _H, "1.000 ha"),
        (
            "Đạt 5 tỷ USD qua các cửa khẩu biên giới",
            "tỷ USD",
            "Kim ngạch qua cửa khẩu",
            _H,
            "5 tỷ USD",
        ),
        (
            "Tỷ lệ hộ dân nông thôn dùng nước sạch đạt 70%",
            "%",
            "Tỷ lệ dân cư NT dùng nước sạch",
            _H,
            "70%",
        ),
        (
            "Tỷ lệ hộ nghèo vùng DTTS và miền núi dưới 5%",
            "%",
            "Tỷ lệ hộ nghèo vùng DTTS&MN",
            _L,
            "< 5%",
        ),
        (  # the comparison words need their noun's verb: these compare
            "Tỷ lệ chuyển tuyến dưới 5%",
            "%",
            "Tỷ lệ chuyển tuyến",
            None,
            "< 5%",
        ),
        ("Tỷ lệ hồ sơ trễ hạn ở các cấp dưới 1%", "%", "Tỷ lệ hồ sơ trễ hạn", None, "< 1%"),
        (
            "Tỷ lệ hồ sơ trực tuyến trên 80%",
            "%",
            "Tỷ lệ hồ sơ được tiếp nhận trực tuyến",
            _H,
            "> 80%",
        ),
        ("Được cung cấp trên 95%", "%", "Tỷ lệ dân số được cung cấp nước sạch", _H, "> 95%"),
        ("Tốc độ tăng CPI được khống chế ở mức 4%", "%", "Chỉ số giá tiêu dùng tăng", None, "≤ 4%"),
        (  # a phrase inside the row's name, not at its end, makes no noun
            "Thu ngân sách nhà nước trên 20.000 tỷ đồng",
            "tỷ đồng",
            "Thu ngân sách nhà nước trên địa bàn",
            _H,
            "> 20.000 tỷ đồng",
        ),
        (
            "Thanh toán không dùng tiền mặt trên 80%",
            "%",
            "Tỷ lệ thanh toán không dùng tiền mặt trên tổng giao dịch",
            _H,
            "> 80%",
        ),
        (
            "Có ít nhất 50 xã",
            "xã",
            "Số xã có ít nhất một hợp tác xã hoạt động hiệu quả",
            None,
            "≥ 50 xã",
        ),
        (  # a bound that goes the row's way keeps its words
            "Thời gian thông quan tối đa 2 ngày",
            "ngày",
            "Thời gian thông quan tối đa",
            _L,
            "≤ 2 ngày",
        ),
        ("Đạt 1% GRDP", "% GRDP", "Tỷ lệ chi ngân sách cho KHCN", _H, "1% GRDP"),
    ],
)
def test_what_the_new_rules_must_not_take_reads(
    text: str, unit: str, indicator: str, direction: str | None, reading: str
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator, direction=direction)
    assert spec.render().startswith(reading)


@pytest.mark.parametrize(
    "text", ["Đến cuối 2026 đạt 100%", "Đến hết 2026 đạt 100%", "Đạt 100% đến cuối 2026"]
)
def test_a_deadline_at_the_end_of_a_bare_year_dates_the_target(text: str) -> None:
    # round 157: "đến hết năm 2026" read, "đến hết 2026" was refused ("unexpected words 'hết'")
    assert parse_target(text, unit="%", indicator="Tỷ lệ hồ sơ trực tuyến").render() == "100%"
