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
            "biên giới",
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
