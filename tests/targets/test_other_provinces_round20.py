"""Target wordings of the twentieth round, each a silent misread before:

* a footnote mark apart from a target in words at the end of the cell (``Hoàn thành (1)``,
  ``Đạt (3)``, ``Giảm dần (1)``, ``Tăng so với năm 2025 (2)``) was the target's number (≥ 1 %,
  a rank group of 3, a fall of 1 point, a rise of 2): refused, footnote mark or target?  After
  a number of the cell's own (``Đạt 100% (1)``, ``100% cấp tỉnh (1); 90% cấp xã (2)``) the mark
  is set aside, as a glued one was (those cells were refused);
* a tier of an index (``Nhóm cao nhất (nhóm 1)``, PAPI's top tier) was a rank group of 1;
* ``gấp đôi giai đoạn 2021-2025`` lost its base, a period, where ``gấp 2 lần giai đoạn …`` was
  refused: refused alike;
* ``ở  mức 2,1`` with two spaces read ``mức 2`` as a numbered level and the target as words;
* a target of none at all in quotation marks or with a footnote mark (``“Không còn hộ nghèo”``,
  ``Không còn hộ nghèo¹``) was a target in words, not ``≤ 0``.
"""

from __future__ import annotations

import pytest

from kh922core import Operator, TargetParseError, parse_target, split_targets


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Hoàn thành (1)", "%"),
        ("Hoàn thành [1]", "%"),
        ("Hoàn thành (12)", "%"),
        ("Đạt (3)", "Thứ bậc"),
        ("Giảm dần (1)", "%"),
        ("Duy trì (1)", None),
        ("Phấn đấu hoàn thành (3)", None),
        ("Giảm so với cùng kỳ (2)", "vụ"),
        ("Tăng so với năm 2025 (2)", "tỷ đồng"),
        ("Tăng (1)", None),
    ],
)
def test_a_mark_apart_with_no_number_before_it_is_refused(text: str, unit: str | None) -> None:
    with pytest.raises(TargetParseError) as caught:
        parse_target(text, unit=unit)
    assert "footnote" in str(caught.value) or "no number" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đạt 100% (1)", "%", 100.0),
        ("≥ 80% (12)", "%", 80.0),
        ("35.000 tỷ đồng (1)", "tỷ đồng", 35000.0),
        ("Đạt 95% [2]", "%", 95.0),
        ("tăng 5% so với năm 2025 (2)", "tỷ đồng", 5.0),
    ],
)
def test_a_mark_apart_after_the_cells_number_is_set_aside(
    text: str, unit: str, value: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.value == value
    assert not any(mark in (spec.note or "") for mark in "([")


def test_the_parts_of_a_cell_lose_their_marks_not_their_labels() -> None:
    for text in ("100% cấp tỉnh (1); 90% cấp xã (2)", "100% cấp tỉnh(1); 90% cấp xã(2)"):
        parts = split_targets(text, unit="%")
        assert [(p.label, p.spec.value) for p in parts] == [("cấp tỉnh", 100.0), ("cấp xã", 90.0)]


def test_two_numbers_are_still_two_numbers() -> None:
    with pytest.raises(TargetParseError, match="two numbers"):
        parse_target("5 (8)", unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "Nhóm cao nhất (nhóm 1)",
        "Nằm trong nhóm 1 (nhóm cao nhất)",
        "Nhóm trung bình cao (nhóm 2)",
        "Thuộc nhóm cao nhất (nhóm 1)",
    ],
)
def test_a_tier_of_an_index_is_no_rank_group(text: str) -> None:
    with pytest.raises(TargetParseError, match="tier of an index"):
        parse_target(text, unit="Thứ bậc", indicator="Chỉ số PAPI", direction="lower_is_better")


@pytest.mark.parametrize(
    "text",
    [
        "gấp đôi giai đoạn 2021-2025",
        "tăng gấp đôi giai đoạn 2021-2025",
        "gấp 2,5 giai đoạn 2021-2025",
    ],
)
def test_a_multiple_of_a_period_is_refused_as_written(text: str) -> None:
    with pytest.raises(TargetParseError, match="the base is a period") as caught:
        parse_target(text, unit="tỷ đồng")
    assert caught.value.text == text  # not "gấp 2   giai đoạn …"


def test_a_multiple_in_words_of_a_year_still_reads() -> None:
    spec = parse_target("gấp đôi năm 2020", unit="tỷ đồng")
    assert spec.change is not None
    assert (spec.value, spec.change.since) == (2.0, 2020)


@pytest.mark.parametrize(
    "text", ["Giữ ổn định ở  mức 2,1 con", "Duy trì ở  mức 2,1 con", "Duy trì ở mức 2,1 con"]
)
def test_white_space_does_not_turn_a_decimal_into_a_numbered_level(text: str) -> None:
    spec = parse_target(text, unit="con", direction="band")
    assert (spec.kind, spec.value) == ("comparison", 2.1)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("“Không còn hộ nghèo”", "hộ"),
        ("Không còn hộ nghèo¹", "hộ"),
        ("“Xóa hết nhà tạm, nhà dột nát”", "căn"),
        ("Không để phát sinh¹", None),
        ("«Không để xảy ra tham nhũng»", None),
    ],
)
def test_none_at_all_in_quotes_or_with_a_mark_is_at_most_zero(text: str, unit: str | None) -> None:
    spec = parse_target(text, unit=unit, direction="lower_is_better")
    assert (spec.kind, spec.operator, spec.value) == ("comparison", Operator.LE, 0.0)
    assert not any(mark in (spec.note or "") for mark in "”»¹")


def test_a_units_superscript_is_no_footnote() -> None:
    spec = parse_target("Diện tích nhà ở bình quân 25 m²", unit="m²")
    assert (spec.value, spec.unit) == (25.0, "m²")


@pytest.mark.parametrize(
    ("text", "unit", "operator", "value"),
    [
        ("giảm từ 3,5% xuống dưới 1,5%", "%", Operator.LT, 1.5),
        ("giảm từ 3,5% xuống còn dưới 1,5%", "%", Operator.LT, 1.5),
        ("giảm từ 3,5% xuống không quá 1,5%", "%", Operator.LE, 1.5),
        ("nâng từ 45% lên trên 60%", "%", Operator.GT, 60.0),
        ("tăng từ 45% lên ít nhất 60%", "%", Operator.GE, 60.0),
    ],
)
def test_the_level_reached_from_another_may_carry_a_bound(
    text: str, unit: str, operator: Operator, value: float
) -> None:
    # refused before: "two numbers without a range between them"
    spec = parse_target(text, unit=unit)
    assert (spec.change, spec.operator, spec.value) == (None, operator, value)


@pytest.mark.parametrize("text", ["giảm từ 3,5% xuống trên 1,5%", "nâng từ 45% lên tối đa 60%"])
def test_a_bound_against_the_way_to_the_level_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "unit", "low", "high", "read_unit"),
    [
        ("1,2 triệu - 1,5 triệu lượt", None, 1.2, 1.5, "triệu lượt"),
        ("5 triệu đến 6 triệu lượt", None, 5.0, 6.0, "triệu lượt"),
        ("từ 800 triệu đến 1 tỷ USD", None, 800.0, 1000.0, "triệu USD"),
        ("500 tỷ - 1 nghìn tỷ đồng", None, 500.0, 1000.0, "tỷ đồng"),
        ("2.000 tỷ - 2.500 tỷ đồng", None, 2000.0, 2500.0, "tỷ đồng"),
    ],
)
def test_a_scale_on_both_bounds_of_a_range_is_read(
    text: str, unit: str | None, low: float, high: float, read_unit: str
) -> None:
    spec = parse_target(text, unit=unit)
    assert (spec.kind, spec.low, spec.high, spec.unit) == ("range", low, high, read_unit)


@pytest.mark.parametrize("text", ["1,2 triệu - 1,5 lượt", "1 tỷ - 800 triệu USD", "1,5 tỷ - 2 tỷ"])
def test_a_scale_on_one_bound_only_or_bounds_reversed_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("đạt 15 bác sĩ trên 1 vạn dân", "bác sĩ/vạn dân"),
        ("35 giường bệnh trên một vạn dân", "giường bệnh/vạn dân"),
        ("Đạt 12 bác sĩ trên vạn dân", "bác sĩ/vạn dân"),
    ],
)
def test_trên_vạn_dân_after_a_count_is_per_population(text: str, unit: str) -> None:
    # "trên vạn dân" was a note, the unit a bare count; "trên 1 vạn dân" was refused
    from kh922core import conversion_factor, parse_unit

    spec = parse_target(text, unit=unit)
    assert spec.note is None
    assert conversion_factor(parse_unit(spec.unit), parse_unit(unit)) == 1.0


def test_trên_before_a_scale_is_still_above() -> None:
    # "trên 50 ngàn tỷ": above 50 thousand billion, never 50 with "ngàn tỷ" in the note
    with pytest.raises(TargetParseError, match="scale word"):
        parse_target("Tổng thu ngân sách đạt trên 50 ngàn tỷ", unit="tỷ đồng")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Diện tích lúa giảm, diện tích cây ăn quả tăng 5%/năm", "ha"),
        ("Tỷ trọng nông nghiệp giảm, công nghiệp - xây dựng tăng lên 40%", "% GRDP"),
        ("Số hộ nghèo giảm, số hộ thoát nghèo tăng 1.000 hộ", "hộ"),
        ("Khai thác giảm, nuôi trồng đạt 50.000 tấn", "tấn"),
        ("Nhập siêu giảm dần, xuất khẩu tăng 12%/năm", "triệu USD"),
        ("Trong khi khai thác giảm, nuôi trồng tăng 5%/năm", "tấn"),
        ("Khai thác giảm đồng thời nuôi trồng tăng 5%/năm", "tấn"),
    ],
)
def test_a_measure_with_its_verb_before_another_with_the_number_is_refused(
    text: str, unit: str
) -> None:
    # the last clause's verb and number were the row's target: the rice area "grew 5 %/năm"
    with pytest.raises(TargetParseError, match="two measures, each with its verb"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo giảm nhanh, bền vững, bình quân 1,5%/năm",
        "Tỷ lệ hộ nghèo giảm, bình quân 1,5%/năm",
        "Tỷ lệ hộ nghèo giảm bền vững, mỗi năm 1,5%",
        "Giảm tỷ lệ hộ nghèo, bình quân 1,5%/năm",
        "Tỷ lệ hộ nghèo giảm, đạt 1,5%/năm",
    ],
)
def test_a_number_a_year_after_a_comma_with_no_verb_is_refused(text: str) -> None:
    # read as a level of 1,5 (%/năm): a poverty rate rising from 1,0 to 1,2 % met it
    with pytest.raises(TargetParseError, match="a verb of change, then a number a year"):
        parse_target(text, unit="%", direction="lower_is_better")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tỷ lệ hộ nghèo giảm bền vững, mỗi năm giảm 1,5%", "%"),
        ("Tỷ lệ hộ nghèo giảm nhanh, bền vững, bình quân giảm 1,5%/năm", "%"),
        ("Tỷ lệ TTHC được cắt giảm, đơn giản hóa đạt 20%", "%"),
        ("Tốc độ tăng thu ngân sách bình quân 10-12%/năm", "%"),
        ("giảm, ổn định dưới 2%", "%"),
        # round 110: times, qualifiers and general nouns after the comma are no second measure
        ("Tăng, tối thiểu đạt 80%", "%"),
        ("Tăng liên tục, đến cuối kỳ đạt 80%", "%"),
        ("Thu ngân sách tăng, toàn giai đoạn đạt 90.000 tỷ đồng", "tỷ đồng"),
        ("Tỷ lệ che phủ rừng tăng, giữ ổn định đạt 45%", "%"),
        ("GRDP tăng nhanh, quy mô đạt 300.000 tỷ đồng", "tỷ đồng"),
        ("Thu nhập tăng, bình quân đầu người đạt 150 triệu đồng", "triệu đồng"),
        ("Giảm, về cuối kỳ giảm còn 1%", "%"),
        # a per person, a count a year, a name with a verb in it: no change a year of a share
        ("Thu nhập tăng, bình quân 150 triệu đồng/người/năm", "triệu đồng/người/năm"),
        ("Tuổi thọ tăng, bình quân 75 tuổi", "tuổi"),
        ("Tăng cường trồng rừng, mỗi năm 1.000 ha", "ha"),
        ("Giá trị gia tăng ngành nông nghiệp, bình quân 3,5%/năm", "%/năm"),
        ("Tổng mức bán lẻ hàng hóa tăng, bình quân 12%/năm", "%/năm"),
    ],
)
def test_one_measure_with_a_verb_after_the_comma_still_reads(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.kind in ("comparison", "range")


@pytest.mark.parametrize(
    "text",
    [
        "Thành thị tăng 10%, nông thôn tăng 15% mỗi năm",
        "Nông nghiệp tăng 3%, công nghiệp tăng 12%, dịch vụ tăng 8% mỗi năm",
        "Nông nghiệp tăng 3%/năm, công nghiệp tăng 12%, dịch vụ tăng 8%",
    ],
)
def test_parts_of_change_some_a_year_and_some_once_are_refused(text: str) -> None:
    # the first parts were changes once: urban income from 60 to 66 in five years met "10%"
    with pytest.raises(TargetParseError, match="is a change once"):
        split_targets(text, unit="tỷ đồng")


def test_parts_each_a_year_still_split() -> None:
    parts = split_targets("Nông nghiệp tăng 3%/năm, công nghiệp tăng 12%/năm", unit="tỷ đồng")
    assert [(p.label, p.spec.value) for p in parts] == [("Nông nghiệp", 3.0), ("công nghiệp", 12.0)]


def test_a_change_once_from_a_named_base_beside_one_a_year_stands_alone() -> None:
    # the mixed-years refusal is for a part whose year the reader would carry; one with its own
    # base is refused only for the base the other lacks, as before
    with pytest.raises(TargetParseError, match="names no base"):
        split_targets("Cấp tỉnh tăng 10% so với năm 2020, cấp huyện tăng 5%/năm", unit="tỷ đồng")


@pytest.mark.parametrize(
    ("text", "unit", "falling", "value"),
    [
        ("Số vụ phạm pháp hình sự giảm 5% so với cùng kỳ", "vụ", True, 5.0),
        ("Số vụ án hình sự tăng 5%", "vụ", False, 5.0),
        ("Số vụ việc giảm 10%", "vụ", True, 10.0),
        ("Số vụ việc dân sự giảm 5%", "vụ", True, 5.0),
        ("Nhân sự giảm 10%", "người", True, 10.0),
        ("Tỷ lệ điều tra khám phá án hình sự tăng 2 điểm % so với năm 2025", "%", False, 2.0),
    ],
)
def test_a_compound_ending_in_sự_or_việc_leaves_the_verb_its_own(
    text: str, unit: str, falling: bool, value: float
) -> None:
    # "hình sự giảm" read as "sự giảm", a noun: refused, or a level of 5 (a fall misread)
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert (spec.change.falling, spec.value) == (falling, value)


def test_sự_before_a_verb_still_makes_it_a_noun() -> None:
    spec = parse_target("sự tăng trưởng đạt 8%", unit="%")
    assert (spec.change, spec.value) == (None, 8.0)
