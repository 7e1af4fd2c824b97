"""Target wordings of the twenty-fifth round (round 132 of the attacks): silent misreads of
wordings other provinces write.

* ``Năm doanh nghiệp``: ``năm`` is five before what a unit counts, not the year; the count was
  a target in words that no number meets (``Hai doanh nghiệp`` was refused already);
* ``Hằng năm có ít nhất 5 nhiệm vụ`` of ``Số nhiệm vụ …``: ``vụ`` of ``nhiệm vụ`` made the row
  a flow (as ``Số vụ tai nạn`` is), and the count a year was read as the level at the horizon;
* ``Thứ 10 trên 34 địa phương``: the rank set aside as a subject's ordinal, ``trên 34`` read as
  more than 34;
* ``Ðạt 100%``, with the Icelandic ``Ð`` that converters from the old encodings write for
  ``Đ``: refused, or its words kept in the note.
"""

from __future__ import annotations

import pytest

from kh922core import Operator, TargetParseError, parse_target


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Năm doanh nghiệp", "doanh nghiệp"),
        ("Năm xã", "xã"),
        ("Năm sản phẩm OCOP", "sản phẩm"),
        ("Có năm doanh nghiệp được công nhận", "doanh nghiệp"),
    ],
)
def test_five_written_as_nam_before_what_it_counts_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="counts in words"):
        parse_target(text, unit=unit, indicator="Số lượng")


@pytest.mark.parametrize(
    "text",
    [
        "Cao hơn năm cơ sở",  # the base year, not five bases
        "Đến hết năm hộ nghèo giảm rõ rệt",
        "Mỗi  năm xã đạt chuẩn tăng",
        "Bình quân năm hộ thoát nghèo tăng",
        "Năm thứ năm xã đạt chuẩn",
    ],
)
def test_nam_as_the_year_before_a_count_word_is_no_count(text: str) -> None:
    spec = parse_target(text, unit="hộ", indicator="Số hộ")
    assert spec.kind == "qualitative"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Năm 2030 đạt 5 xã", "xã", 5.0),  # the year
        ("Đến năm 2030 có 20 doanh nghiệp", "doanh nghiệp", 20.0),
        ("Năm 2030: 10 sản phẩm", "sản phẩm", 10.0),
    ],
)
def test_the_year_written_nam_still_reads(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit, indicator="Số lượng")
    assert spec.value == value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Hằng năm có ít nhất 5 nhiệm vụ", "Số nhiệm vụ khoa học và công nghệ được triển khai"),
        ("Mỗi năm 10 - 15 nhiệm vụ", "Số nhiệm vụ KH&CN cấp tỉnh"),
        ("Hằng năm đạt 10 nhiệm vụ", "Số nhiệm vụ KH&CN được ứng dụng"),
    ],
)
def test_a_count_of_tasks_each_year_is_refused_as_other_counts_are(
    text: str, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="so many more a year, or so many in all"):
        parse_target(text, unit="nhiệm vụ", indicator=indicator)


def test_a_count_of_accidents_each_year_is_still_a_years_flow() -> None:
    spec = parse_target(
        "Hằng năm dưới 5 vụ tai nạn", unit="vụ", indicator="Số vụ tai nạn giao thông"
    )
    assert (spec.operator, spec.value) == (Operator.LT, 5.0)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Thứ 10 trên 34 địa phương",
        "Thứ 12 trên 63 tỉnh, thành phố",
        "thứ 5 trên 63",
        "Duy trì thứ 10 trên 34",  # round 135: after a verb, a colon, a dash, a bracket
        "Giữ vững thứ 10 trên 34 tỉnh",
        "Năm 2030: thứ 10 trên 34",
        "- Thứ 10 trên 34 địa phương",
        "(Thứ 10 trên 34)",
    ],
)
def test_a_rank_opening_the_cell_among_a_number_of_provinces_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a rank among a number of provinces"):
        parse_target(text, unit=None, indicator="Xếp hạng chỉ số PCI")


def test_an_ordinal_of_a_subject_before_a_share_still_reads() -> None:
    spec = parse_target("Thứ 3 trên 10%", unit="%", indicator="Tỷ lệ")
    assert (spec.operator, spec.value) == (Operator.GT, 10.0)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [("Ðạt 100%", Operator.TARGET, 100.0), ("Ðạt trên 90%", Operator.GT, 90.0)],
)
def test_the_icelandic_eth_reads_as_the_vietnamese_d(
    text: str, operator: Operator, value: float
) -> None:
    spec = parse_target(text, unit="%", indicator="Tỷ lệ hồ sơ được số hóa")
    assert (spec.operator, spec.value, spec.note) == (operator, value, None)  # type: ignore[union-attr]
    assert spec == parse_target(text.replace("Ð", "Đ"), unit="%", indicator="Tỷ lệ hồ sơ")


@pytest.mark.parametrize(
    "text", ["Giảm tỷ lệ sinh con thứ 3 trở lên", "Đến năm 2030 giảm tỷ lệ sinh con thứ 3"]
)
def test_an_ordinal_of_the_subject_as_the_only_number_is_refused(text: str) -> None:
    # round 135: "con thứ 3" was read as a fall of 3 points
    with pytest.raises(TargetParseError, match="an ordinal"):
        parse_target(text, unit="%", indicator="Tỷ lệ sinh con thứ 3 trở lên")


def test_an_ordinal_of_the_subject_beside_the_targets_number_still_reads() -> None:
    spec = parse_target("Tỷ lệ sinh con thứ 3 trở lên dưới 10%", unit="%", indicator="Tỷ lệ")
    assert (spec.operator, spec.value) == (Operator.LT, 10.0)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["2500DN", "200Mbps"])
def test_a_number_glued_to_its_unit_opening_the_cell_is_refused(text: str) -> None:
    # "2500DN" (a WPS number format's suffix) was a target in words; a name ("5G") still is
    with pytest.raises(TargetParseError, match="digits glued to the word"):
        parse_target(text, unit=None, indicator="Số doanh nghiệp")
    assert parse_target("5G", unit="%", indicator="Tỷ lệ").kind == "qualitative"
