"""Target wordings of the twenty-eighth round (round 145 of the attacks): numbers of another
kind than the row's level, as other provinces write them.

* ``Hoàn thành 2027``, ``2027``, ``2026-2027`` in a row with no unit or in ``%``: a year read as
  a level to reach (at least 2027: a later completion met it, an earlier one failed);
* ``Chiếm 30% tổng vốn đầu tư`` of a share of GRDP, ``30% GRDP cả nước``, ``Chiếm 10% GRDP`` of
  a share of the budget: a per cent of another whole read as the row's share;
* ``Tối đa 1.200%``, ``Đạt 1.000%``: a decimal point (1,2 %) read as a thousand per cent;
* ``tăng trưởng 2%/năm`` of a share (alone, or as a part of ``Đạt 95%, tăng trưởng 2%/năm``):
  a growth rate read as a level of the share;
* ``Riêng huyện nghèo dưới 10%``: the target of one group read as the whole row's.
"""

from __future__ import annotations

import pytest

from kh922core import TargetParseError, parse_target, split_targets

_DATA = "Thời điểm hoàn thành xây dựng cơ sở dữ liệu đất đai"
_DIGITAL = "Tỷ trọng kinh tế số trong GRDP"
_SERVICES = "Tỷ trọng khu vực dịch vụ trong GRDP"
_INSURED = "Tỷ lệ dân số tham gia bảo hiểm y tế"


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Hoàn thành 2027", None, _DATA),
        ("2027", None, _DATA),
        ("2030", None, "Hoàn thành số hóa hồ sơ địa chính"),
        ("2026-2027", None, "Năm hoàn thành"),
        ("Phấn đấu 2027", None, _DATA),
        ("2028", "%", "Tỷ lệ hoàn thành cắm mốc giới"),
    ],
)
def test_a_year_as_the_number_of_a_target_is_refused(
    text: str, unit: str | None, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="a year, not a level"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("2028", "ha", 2028.0),  # an area of 2.028 ha
        ("Đạt 2025", "người", 2025.0),
        ("≥ 2.000", "doanh nghiệp", 2000.0),
        ("2.028", None, 2028.0),  # a group of thousands: a number, as written
        ("Đạt 1.995", None, 1995.0),
    ],
)
def test_a_number_of_a_year_in_a_row_of_a_count_still_reads(
    text: str, unit: str | None, value: float
) -> None:
    assert parse_target(text, unit=unit).value == value  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["Năm 2027", "Hoàn thành năm 2027", "Hoàn thành trong năm 2026"])
def test_a_year_said_as_a_year_is_still_a_target_in_words(text: str) -> None:
    assert parse_target(text, indicator=_DATA).kind == "qualitative"


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Chiếm 30% tổng vốn đầu tư", "% GRDP", _DIGITAL),
        ("Đạt 30% tổng kim ngạch xuất khẩu", "% GRDP", _DIGITAL),
        ("30% giá trị sản xuất công nghiệp", "% GRDP", _DIGITAL),
        ("Chiếm 30% tổng số doanh nghiệp", "% GRDP", _DIGITAL),
        ("30% GRDP cả nước", "% GRDP", _DIGITAL),
        ("Khoảng 5% GDP toàn quốc", "%", "Tỷ trọng GRDP của tỉnh"),
        ("Chiếm 10% GRDP", "%", "Tỷ lệ chi đầu tư phát triển trong tổng chi ngân sách địa phương"),
    ],
)
def test_a_per_cent_of_another_whole_is_refused(text: str, unit: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="per cent of"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "value"),
    [
        ("Đạt 95% tổng số hộ", "%", "Tỷ lệ hộ dân sử dụng nước sạch", 95.0),
        (
            "Chiếm 30% tổng vốn đầu tư",
            "%",
            "Tỷ lệ vốn đầu tư ngoài nhà nước trong tổng vốn đầu tư toàn xã hội",
            30.0,
        ),
        ("30% GRDP", "% GRDP", _DIGITAL, 30.0),
        ("Đạt 30% GRDP", "%", _DIGITAL, 30.0),
        ("Chiếm 40% tổng kim ngạch", "%", "Tỷ trọng xuất khẩu nông sản trong tổng kim ngạch", 40.0),
        ("Đạt 60% tổng số xã", "%", None, 60.0),  # no name to compare with: the note keeps it
    ],
)
def test_a_per_cent_of_the_rows_own_whole_still_reads(
    text: str, unit: str, indicator: str | None, value: float
) -> None:
    assert parse_target(text, unit=unit, indicator=indicator).value == value  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["Tối đa 1.200%", "Dưới 1.500%", "Trên 99.500%", "Đạt 1.000%"])
def test_a_per_cent_with_a_group_of_thousands_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a decimal point"):
        parse_target(text, unit="%", indicator="Tỷ lệ nợ xấu")


@pytest.mark.parametrize("text", ["1,5%", "Dưới 1,5%", "1500%", "1.500 tỷ đồng"])
def test_a_per_cent_without_a_dot_and_money_with_one_still_read(text: str) -> None:
    unit = "tỷ đồng" if "tỷ" in text else "%"
    assert parse_target(text, unit=unit).kind == "comparison"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("tăng trưởng 2%/năm", _INSURED),
        ("Tốc độ tăng trưởng 9%/năm", _SERVICES),
        ("Tăng trưởng bình quân 9%/năm", _SERVICES),
    ],
)
def test_a_growth_rate_in_a_row_of_a_share_is_refused(text: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="a growth rate, in a row of the share"):
        parse_target(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Chiếm 45%, tốc độ tăng trưởng 9%/năm", _SERVICES),
        ("Chiếm 45% GRDP; tăng trưởng bình quân 9%/năm", _SERVICES),
        ("Đạt 95%, tăng trưởng 2%/năm", _INSURED),
    ],
)
def test_a_growth_rate_beside_a_share_is_no_part_of_it(text: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="growth rate"):
        split_targets(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    "indicator", ["Tốc độ tăng trưởng GRDP", "Tỷ lệ tăng trưởng kinh tế", "Tỷ lệ tăng dân số"]
)
def test_a_growth_rate_in_a_row_of_a_rate_still_reads(indicator: str) -> None:
    spec = parse_target("Tăng trưởng 9%/năm", unit="%", indicator=indicator)
    assert spec.value == 9.0  # type: ignore[union-attr]


def test_a_growth_rate_beside_a_level_still_splits() -> None:
    parts = split_targets(
        "Đạt 25.000 tỷ đồng, tốc độ tăng 12%/năm", unit="tỷ đồng", indicator="Thu ngân sách"
    )
    assert [p.spec.change is not None for p in parts] == [False, True]


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Riêng huyện nghèo dưới 10%", "%", "Tỷ lệ hộ nghèo"),
        ("Riêng khu vực nông thôn đạt 70 triệu đồng", "triệu đồng", "Thu nhập bình quân đầu người"),
        ("- Riêng các xã đặc biệt khó khăn: dưới 15%", "%", "Tỷ lệ hộ nghèo"),
    ],
)
def test_the_target_of_one_group_is_refused(text: str, unit: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="one group only"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("10.000 tỷ", "tỷ đồng", 10_000.0),
        ("Trên 10 000 tỷ", "tỷ đồng", 10_000.0),
        ("Đạt 10 tỷ", "tỷ USD", 10.0),
    ],
)
def test_the_scale_of_the_rows_unit_alone_reads_in_it(text: str, unit: str, value: float) -> None:
    # "10.000 tỷ" of a row in tỷ đồng: the row's own scale, its noun unsaid (it was refused)
    assert parse_target(text, unit=unit).value == value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("1,5 triệu", "tỷ đồng"), ("10 tỷ", "triệu đồng"), ("Đạt 10 nghìn tỷ", "tỷ đồng")],
)
def test_a_scale_of_another_unit_is_still_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="scale word"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        # round 146: each read before the rules above, and reads still
        ("Đến năm 2030 đạt trên 2.000", None, "Số lao động được đào tạo nghề"),
        ("Giai đoạn 2026-2030 đạt 2.100", None, "Số doanh nghiệp thành lập mới"),
        ("Trên 2000", None, "Số hộ được hỗ trợ nhà ở"),
        ("100% tổng số xã, phường, thị trấn", "%", "Tỷ lệ xã, phường, thị trấn có nhà văn hóa"),
        ("Đạt 42% tổng diện tích tự nhiên", "%", "Tỷ lệ che phủ rừng"),
        ("Trên 95% tổng dân số", "%", "Tỷ lệ dân số tham gia bảo hiểm y tế"),
        ("Chiếm 30% tổng sản phẩm trên địa bàn", "% GRDP", _DIGITAL),
        ("Đóng góp của TFP vào tăng trưởng đạt 50%", "%", "Tỷ lệ đóng góp của TFP"),
        ("Tốc độ tăng CPI dưới 4%", "%", "Tỷ lệ lạm phát"),
        ("Tăng trưởng rừng ổn định, đạt 42%", "%", "Tỷ lệ che phủ rừng"),
        ("Riêng các huyện nghèo dưới 10%", "%", "Tỷ lệ hộ nghèo ở các huyện nghèo"),
        ("Riêng thu nội địa năm 2026 đạt 20.000 tỷ đồng", "tỷ đồng", "Thu nội địa"),
        ("Riêng năm 2026 đạt 22.000 tỷ đồng", "tỷ đồng", "Thu ngân sách nhà nước"),
        ("Đạt 0.750%", "%", "Tỷ lệ nợ xấu"),
    ],
)
def test_the_rows_own_words_still_read(text: str, unit: str | None, indicator: str) -> None:
    assert parse_target(text, unit=unit, indicator=indicator).kind != "qualitative"


_TFP = "Đóng góp của TFP vào tăng trưởng kinh tế"


@pytest.mark.parametrize("text", ["Đóng góp 55% vào tăng trưởng", "Đóng góp 55%"])
def test_a_contribution_before_its_number_reads_as_chiem_does(text: str) -> None:
    assert parse_target(text, unit="%", indicator=_TFP).value == 55.0  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["Đóng góp 30% GRDP", "Chiếm 30% GRDP"])
def test_a_per_cent_of_grdp_in_a_row_of_a_contribution_to_growth_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="per cent of GRDP"):
        parse_target(text, unit="%", indicator=_TFP)
