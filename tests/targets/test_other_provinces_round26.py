"""Target wordings of the twenty-sixth round (round 136 of the attacks): silent misreads of
wordings other provinces write.

* ``Thành lập mới 5 trung tâm`` of ``Số trung tâm đổi mới sáng tạo``: the ``mới`` of ``đổi mới``
  (innovation, in most names of Resolution 57's indicators) made the name count new things, and
  the new ones were read as all of them; ``Thành lập 500 doanh nghiệp`` (no ``mới``) too;
* ``100 doanh nghiệp/năm`` of ``Số doanh nghiệp``: a number a year of a stock read as its level;
* ``Không thấp hơn 95% mức năm trước``, ``Tối thiểu 110% mức Trung ương giao``: a share of
  another level read as a per cent;
* ``Cao hơn mức tăng bình quân cả nước 1%``: the margin over the country's growth read as the
  growth;
* ``Đạt 80%, cao hơn bình quân cả nước``: the second condition left in the note, unchecked;
* ``Gấp 2 năm 2025``: the year dropped, the multiple measured from the plan's baseline;
* ``Lũy kế 5 năm đạt 10.000 tỷ đồng``: the total of five years read as one year's level.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, TargetParseError, parse_target

_FIRMS = "Số doanh nghiệp công nghệ số"
_SHARE = "Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử"


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Thành lập mới 5 trung tâm", "trung tâm", "Số trung tâm đổi mới sáng tạo"),
        ("Xây dựng mới 5 trung tâm", "trung tâm", "Số trung tâm đổi mới sáng tạo"),
        ("Thành lập mới 1.000 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp đổi mới sáng tạo"),
        ("Thành lập 500 doanh nghiệp", "doanh nghiệp", _FIRMS),
        ("Hỗ trợ thành lập 500 doanh nghiệp", "doanh nghiệp", _FIRMS),
        ("Đến năm 2030 thành lập 500 doanh nghiệp", "doanh nghiệp", _FIRMS),
    ],
)
def test_new_ones_of_a_count_of_all_are_refused(text: str, unit: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="how many are added"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Thành lập 500 doanh nghiệp", "Số doanh nghiệp thành lập mới"),
        ("Thành lập 500 doanh nghiệp", "Số doanh nghiệp được thành lập"),
        ("Đạt 500 doanh nghiệp", "Số doanh nghiệp đổi mới sáng tạo"),
    ],
)
def test_a_count_its_name_says_reads(text: str, indicator: str) -> None:
    spec = parse_target(text, unit="doanh nghiệp", indicator=indicator)
    assert spec.value == 500.0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["100 doanh nghiệp/năm", "Bình quân 100 doanh nghiệp/năm", "1.500-2.000 doanh nghiệp/năm"],
)
def test_a_number_a_year_of_a_stock_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a count the indicator keeps over the years"):
        parse_target(text, unit="doanh nghiệp", indicator=_FIRMS)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("20 nhiệm vụ/năm", "nhiệm vụ", "Số nhiệm vụ khoa học và công nghệ cấp tỉnh"),
        ("Bình quân 10 đề tài/năm", "đề tài", "Số đề tài nghiên cứu được nghiệm thu"),
        ("200 vụ/năm", "vụ", "Số vụ tai nạn giao thông"),
        ("5.000 học sinh/năm", "học sinh", "Số học sinh tốt nghiệp trung học phổ thông"),
        ("Bình quân 5.000 người/năm", "người", "Số lao động đi làm việc ở nước ngoài"),
    ],
)
def test_a_number_a_year_of_what_is_done_in_a_year_reads(
    text: str, unit: str, indicator: str
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.kind in ("comparison", "range")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Không thấp hơn 95% mức năm trước", "95% mức năm"),
        ("Đạt 90% mức của năm 2025", "90% mức của năm"),
        ("Tối thiểu 110% mức Trung ương giao", "110% mức Trung ương"),
        ("Đạt 100% mức kế hoạch", "100% mức kế hoạch"),
    ],
)
def test_a_share_of_another_level_with_mức_is_refused(text: str, words: str) -> None:
    with pytest.raises(TargetParseError, match=f"'{words}': a share of"):
        parse_target(text, unit="%", indicator=_SHARE)


@pytest.mark.parametrize(
    "text",
    [
        "tăng 10% so với mức năm 2020",
        "Đạt mức 95%",
        "Duy trì ở mức 90%",
        "Đạt 100% mức độ 4",
        "95% (mức năm 2025)",
    ],
)
def test_mức_of_the_level_itself_still_reads(text: str) -> None:
    spec = parse_target(text, unit="%", indicator=_SHARE)
    assert spec.kind == "comparison"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Đạt 108% mức cùng kỳ", "Chỉ số sản xuất công nghiệp so với cùng kỳ"),
        ("Đạt 100% mức dự toán", "Tỷ lệ thu ngân sách so với dự toán"),
        ("100% (≥ mức bình quân cả nước)", "Thu nhập bình quân so với cả nước"),
    ],
)
def test_a_per_cent_of_the_level_an_indicator_is_a_ratio_to_is_its_level(
    text: str, indicator: str
) -> None:
    spec = parse_target(text, unit="%", indicator=indicator)
    assert spec.kind == "comparison"


@pytest.mark.parametrize(
    "text",
    [
        "Cao hơn mức tăng bình quân cả nước 1%",
        "Cao hơn tốc độ tăng bình quân cả nước 1%",
        "Vượt mức tăng bình quân cả nước 1%",
        "Cao hơn mức tăng của năm trước 1%",
    ],
)
def test_a_margin_over_another_growth_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="comparison with another level"):
        parse_target(text, unit="%/năm", indicator="Tốc độ tăng trưởng GRDP")


@pytest.mark.parametrize(
    "text", ["Tăng trưởng vượt kỳ vọng, đạt 8%", "Về đích vượt năm 2028, đạt 8%"]
)
def test_vượt_of_no_other_level_reads(text: str) -> None:
    spec = parse_target(text, unit="%/năm", indicator="Tốc độ tăng trưởng GRDP")
    assert spec.value == 8.0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Đạt 80%, cao hơn bình quân cả nước", "cao hơn bình quân cả nước"),
        ("Đạt 80% (cao hơn bình quân cả nước)", "cao hơn bình quân cả nước"),
        ("Đạt 80% và cao hơn bình quân vùng", "cao hơn bình quân vùng"),
        ("Đạt 80%, không thấp hơn năm trước", "không thấp hơn năm trước"),
        ("Đạt 80% trở lên và không thấp hơn mức bình quân cả nước", "không thấp hơn mức"),
        ("Đạt 80% và vượt mức Trung ương giao", "vượt mức Trung ương giao"),
        ("95% (≥ mức bình quân cả nước)", "≥ mức bình quân cả nước"),
    ],
)
def test_a_second_condition_against_another_level_is_refused(text: str, clause: str) -> None:
    with pytest.raises(TargetParseError, match=f"'{clause}.*a second condition"):
        parse_target(text, unit="%", indicator=_SHARE)


@pytest.mark.parametrize(
    "text",
    [
        "100% (≥ QCVN)",
        "Đạt 80%, ưu tiên cấp xã",
        "Đạt 80% và duy trì bền vững",
        "Đạt 80% (bằng bình quân cả nước)",  # the number is that level
        "Đạt 80% (bằng chỉ tiêu Trung ương giao)",
    ],
)
def test_words_after_the_number_that_name_no_other_level_stay_in_the_note(text: str) -> None:
    spec = parse_target(text, unit="%", indicator=_SHARE)
    assert spec.kind == "comparison"
    assert spec.note  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["Gấp 2 năm 2025", "Tăng gấp 2 năm 2025", "Gấp 2 (năm 2025)", "Gấp 2 năm trước"]
)
def test_a_multiple_with_a_bare_year_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a multiple of that year's level, or"):
        parse_target(text, unit="doanh nghiệp", indicator=_FIRMS)


@pytest.mark.parametrize(
    ("text", "since", "previous"),
    [
        ("Gấp 2 lần năm 2025", 2025, False),
        ("Tăng gấp đôi so với năm 2025", 2025, False),
        ("Gấp 2 lần năm trước", None, True),
    ],
)
def test_a_multiple_with_its_base_still_reads(text: str, since: int | None, previous: bool) -> None:
    change = parse_target(text, unit="doanh nghiệp", indicator=_FIRMS).change
    assert change is not None
    assert change.kind is ChangeKind.MULTIPLE
    assert (change.since, change.previous_year) == (since, previous)


@pytest.mark.parametrize(
    "text",
    [
        "Lũy kế 5 năm đạt 10.000 tỷ đồng",
        "Luỹ kế 05 năm: 10.000 tỷ đồng",
        "Cộng dồn 5 năm đạt 10.000 tỷ đồng",
        "10.000 tỷ đồng (lũy kế 5 năm)",
    ],
)
def test_a_total_of_a_span_of_years_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="the total of the span's years"):
        parse_target(text, unit="tỷ đồng", indicator="Vốn đầu tư cho khoa học và công nghệ")


def test_a_running_total_to_a_year_is_still_the_level() -> None:
    spec = parse_target(
        "Lũy kế đến năm 2030 đạt 500 doanh nghiệp", unit="doanh nghiệp", indicator=_FIRMS
    )
    assert spec.value == 500.0  # type: ignore[union-attr]
