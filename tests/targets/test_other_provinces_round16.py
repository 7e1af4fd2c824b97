"""A sixteenth round: the words after a change's number, and its base year.

* ``tăng 10% năm`` (``năm`` with no year after it) used to be a change of 10 % in all, with
  ``năm`` in the note; it is likely ``%/năm`` with the slash lost, or a year whose number is
  missing, and is refused;
* ``so với năm gốc 2020`` was refused (``two numbers without a range``): the year after ``gốc``
  names the base year, as a year in brackets does;
* a verb of change without its marks ending the subject (``Tỷ lệ hộ nghèo giam 2%``) used to
  stay a word of the subject (``tạm giam`` is one), the number a plain level: it is refused
  unless the word before makes it a word of its own (``tạm giam``, ``đám tang``, ``u nang``);
* a bound on the group a subject counts before a target in % (``Tỷ lệ cặp vợ chồng sinh từ 3
  con trở lên 5%``) used to be read as ``từ 35% lên 45%``: its ``trở lên`` became the target's
  comparator (≥ 5 % on a lower-is-better row), the group dropped; it is kept in the note now;
* ``trở lên``/``trở xuống`` before the number (``mức độ trung bình trở lên 5%``) used to bound
  the number: it bounds the words before it, and is refused;
* ``Mỗi năm tăng 2% số trường đạt chuẩn`` in a row in % used to be the level 2 % of a growth
  rate (verb and years dropped): a per cent of a count after the number is refused as it is
  without ``mỗi năm``;
* ``75 ~ 76 tuổi`` (``hoặc``, ``→``, ``/``, U+2010) used to read 75, the second age set aside as
  a qualifier of the subject (``trẻ em dưới 5 tuổi``); it is refused;
* a unit written without its space (``Đạt 12.500 tỷđồng`` in a row in ``triệu đồng``) used to
  be a label, the number read in the row's unit (a thousand times too small); it is refused;
* a count in words (``Có hai mươi xã đạt chuẩn``, ``Mỗi xã có một sản phẩm OCOP``) used to be a
  target in words, its number dropped; it is refused;
* ``Tăng trưởng tín dụng giảm 2 điểm %`` used to take ``tăng trưởng`` for its verb: a yearly
  rise of 2 points (the fall dropped); ``tăng trưởng`` before another verb names the subject,
  a growth, and a verb moving a growth rate in % is refused (a rate of X, or X points more?);
  two verbs of opposite ways are refused;
* a base that is another level than the series' own at that year (``so với năm 2025 của cả
  nước``, ``(kế hoạch)``, ``và năm 2025``) used to be read as the series' 2025 level, the words
  in the note; it is refused (a province named may be the plan's own: read);
* a forecast opening a clause (``Dự báo đạt``, ``Khó đạt``, ``Có thể đạt``) used to be a
  target; it is refused, as an estimate is (inside a subject the words are its own);
* a level that changes in % in a row of a share of a whole (``Thu ngân sách tăng 10%`` in ``%
  GRDP``) used to be read in points of GRDP; it is refused, as a subject the grammar cannot
  place is;
* a prohibition read apart from its comparison (``không được phép vượt 3%``, ``Không được để
  nợ xấu vượt 3%``, ``Nghiêm cấm vượt 3%``, ``Không xảy ra trên 5 vụ``) used to keep the
  comparison and drop the negation (> 3 %); it is refused;
* a floor on the level a fall reaches (``giảm tối thiểu còn 2%``) used to be ≥ 2 %; refused;
* a capped fall a year of a share (``Tỷ lệ hộ nghèo giảm không quá 1%/năm``) used to be the level
  ≤ 1 in ``%/năm``, no change; refused;
* what a target leaves out with a number (``95 xã đạt chuẩn, ngoại trừ 5 xã vùng cao``) used to be
  a part of the cell, a target of 5 xã; the cell is refused.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, Operator, TargetParseError, parse_target, split_targets


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tăng 10% năm", "tỷ đồng"),
        ("Tăng 10% năm", "%"),
        ("giảm 2 điểm % năm", "%"),
        ("tăng 10% năm sau cao hơn năm trước", "tỷ đồng"),
    ],
)
def test_a_bare_year_word_after_a_change_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="'năm' right after the change"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tăng 10%/năm", ChangeKind.GROWTH_PER_YEAR),
        ("tăng 10% mỗi năm", ChangeKind.GROWTH_PER_YEAR),
        ("tăng 10% so với năm trước", ChangeKind.RELATIVE),
        ("tăng 10% năm 2026 so với năm 2025", ChangeKind.RELATIVE),
    ],
)
def test_a_year_word_that_says_how_still_reads(text: str, kind: ChangeKind) -> None:
    change = parse_target(text, unit="tỷ đồng").change
    assert change is not None
    assert change.kind is kind


def test_a_change_counted_in_years_is_no_bare_year_word() -> None:
    spec = parse_target("Tuổi thọ trung bình tăng thêm 2 năm", unit="tuổi")
    assert spec.change is not None
    assert spec.value == 2.0


def test_a_level_followed_by_the_year_word_is_left_alone() -> None:
    spec = parse_target("giảm còn 3% năm", unit="%")
    assert spec.change is None
    assert spec.value == 3.0


@pytest.mark.parametrize(
    "text",
    [
        "tăng 10% so với năm gốc 2020",
        "tăng 10% so với năm gốc là năm 2020",
        "tăng 10% so với kỳ gốc 2020",
        "tăng 10% so với năm gốc (năm 2020)",
    ],
)
def test_a_year_after_the_word_for_base_names_the_base_year(text: str) -> None:
    change = parse_target(text, unit="tỷ đồng").change
    assert change is not None
    assert change.since == 2020


def test_the_word_for_base_alone_is_the_plan_baseline() -> None:
    change = parse_target("tăng 10% so với năm gốc", unit="tỷ đồng").change
    assert change is not None
    assert change.since is None
    assert not change.previous_year


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Tỷ lệ hộ nghèo giam 2%", "giảm"),
        ("Tỷ lệ che phủ rừng tang 2%", "tăng"),
        ("Tang 10%", "tăng"),
        ("Tỷ lệ thu nhập nang 10%", "nâng"),
        ("Tỷ lệ hộ nghèo không giam 2%", "giảm"),
        ("Tỷ lệ hộ nghèo giam con 2%", "còn"),  # "còn" after a verb without its marks
    ],
)
def test_a_verb_of_change_without_its_marks_ending_the_subject_is_refused(
    text: str, phrase: str
) -> None:
    with pytest.raises(TargetParseError, match=f"looks like '{phrase}'"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Tỷ lệ người bị tạm giam dưới 2%", "Tỷ lệ người bị tạm giam"),
        ("Số đám tang 50", "Số đám tang"),
        ("Tỷ lệ u nang 2%", "Tỷ lệ u nang"),
        ("Tỷ lệ cải tạo buồng giam 100%", "Tỷ lệ cải tạo buồng giam"),
        ("Tỷ lệ che phủ rừng xã Tà Nang 60%", "Tỷ lệ che phủ rừng xã Tà Nang"),  # a name
        ("Tỷ lệ hộ nghèo con 3%", "Tỷ lệ hộ nghèo con"),  # "con" alone stays a word
    ],
)
def test_the_same_letters_as_words_of_their_own_still_read(text: str, note: str) -> None:
    spec = parse_target(text, unit="%" if "%" in text else None)
    assert spec.change is None
    assert spec.note == note


def test_the_verb_written_right_still_reads() -> None:
    change = parse_target("Tỷ lệ hộ nghèo giảm 2%", unit="%").change
    assert change is not None
    assert change.falling


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Tỷ lệ hộ nghèo thiếu hụt từ 3 chỉ số trở lên 1%", "từ 3 chỉ số trở lên"),
        ("Tỷ lệ cặp vợ chồng sinh từ 3 con trở lên 5%", "từ 3 con trở lên"),
        ("Tỷ lệ hộ có từ 2 con trở xuống 95%", "từ 2 con trở xuống"),
        ("Tỷ lệ hồ sơ giải quyết từ 3 ngày trở xuống 90%", "từ 3 ngày trở xuống"),
        ("Tỷ lệ trang trại có từ 50 ha trở lên 10%", "từ 50 ha trở lên"),
        ("Tỷ lệ doanh nghiệp hoạt động từ 5 năm trở lên 60%", "từ 5 năm trở lên"),
        ("Tỷ lệ xã có từ 2 sản phẩm OCOP trở lên 80%", "từ 2 sản phẩm OCOP trở lên"),
        ("Tỷ lệ trường đạt kiểm định từ cấp độ 2 trở lên 60%", "từ cấp độ 2 trở lên"),
    ],
)
@pytest.mark.parametrize("direction", ["lower_is_better", "higher_is_better"])
def test_a_bound_on_the_group_a_subject_counts_is_not_the_targets(
    text: str, qualifier: str, direction: str
) -> None:
    spec = parse_target(text, unit="%", direction=direction)
    assert spec.operator is Operator.TARGET  # a bare number: the indicator's direction decides
    assert spec.value == float(text.rsplit(" ", 1)[1].rstrip("%"))
    assert spec.note is not None
    assert spec.note.endswith(qualifier)


@pytest.mark.parametrize(
    "text",
    [
        # a grade "trung bình trở lên" reads since round 160 (test_other_provinces_round34)
        "Tỷ lệ đường loại trung bình trở xuống 10%",
        "trở lên 70%",
    ],
)
def test_a_bound_word_before_the_number_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="before the number bounds the words before it"):
        parse_target(text, unit="%", direction="lower_is_better")


def test_a_bound_after_the_number_still_bounds_it() -> None:
    assert parse_target("Đạt từ 80% trở lên", unit="%").operator is Operator.GE
    assert parse_target("nâng tỷ lệ từ 35% lên 45%", unit="%").value == 45.0


@pytest.mark.parametrize(
    "text",
    [
        "Mỗi năm tăng 2% số trường đạt chuẩn quốc gia",
        "Hằng năm tăng thêm 3% số xã đạt chuẩn nông thôn mới nâng cao",
        "Mỗi năm có thêm 3% số xã đạt chuẩn",
        "tăng 20%/năm số doanh nghiệp công nghệ số",
        "tăng bình quân 20%/năm số trường đạt chuẩn",
    ],
)
def test_a_yearly_change_in_per_cent_of_a_count_in_a_row_in_per_cent_is_refused(
    text: str,
) -> None:
    with pytest.raises(TargetParseError, match="points of a share, or a growth of"):
        parse_target(text, unit="%")


def test_a_yearly_growth_of_a_level_before_its_verb_is_still_the_rate() -> None:
    spec = parse_target("Giá trị sản xuất công nghiệp tăng bình quân 12%/năm", unit="%")
    assert spec.change is None
    assert spec.value == 12.0


@pytest.mark.parametrize(
    "text",
    [
        "Tuổi thọ trung bình đạt 75 ~ 76 tuổi",
        "Tuổi thọ trung bình đạt 75 hoặc 76 tuổi",
        "Tuổi thọ trung bình đạt 75 → 76 tuổi",
        "Tuổi thọ bình quân đạt 74,5/75 tuổi",
    ],
)
def test_a_second_age_after_a_mark_is_no_qualifier_of_the_subject(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="tuổi")


@pytest.mark.parametrize("dash", ["-", "\u2010"])  # Word's hyphen is one (thirty-first round)
def test_an_age_range_still_reads(dash: str) -> None:
    spec = parse_target(f"Tuổi thọ trung bình đạt 75 {dash} 76 tuổi", unit="tuổi")
    assert (spec.low, spec.high) == (75.0, 76.0)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đạt 12.500 tỷđồng", "triệu đồng"),
        ("Đạt 500 nghìntấn", "tấn"),
        ("Đạt 300 doanhnghiệp", "doanh nghiệp"),
    ],
)
def test_a_unit_written_without_its_space_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="is not a unit the grammar knows"):
        parse_target(text, unit=unit)


def test_the_unit_with_its_space_converts() -> None:
    assert parse_target("Đạt 12.500 tỷ đồng", unit="triệu đồng").value == 12_500_000.0


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Có hai mươi xã đạt chuẩn", "hai mươi xã"),
        ("Thêm mười xã đạt chuẩn", "mười xã"),
        ("Mỗi xã có một sản phẩm OCOP", "một sản phẩm OCOP"),
        ("Mỗi trạm y tế có một bác sĩ", "một bác sĩ"),
        ("Hai phần ba số xã đạt chuẩn", "Hai phần ba"),
    ],
)
def test_a_count_in_words_is_refused(text: str, shown: str) -> None:
    with pytest.raises(TargetParseError, match=repr(shown)):
        parse_target(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoàn thành thủ tục một cửa liên thông",
        "Thực hiện một số nhiệm vụ trọng tâm",
        "Huyện Ba Tri đạt chuẩn nông thôn mới",
        "Đánh giá một lần",
        "Tăng trưởng kinh tế hai con số",  # double digits: no count of "con"
    ],
)
def test_words_that_count_nothing_stay_a_target_in_words(text: str) -> None:
    assert parse_target(text).kind == "qualitative"


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng kinh tế giảm 1,5%",
        "Tăng trưởng tín dụng giảm ít nhất 2%",
        "Mức tăng trưởng giảm 1%",
        "Tăng trưởng kinh tế tăng 1%",
        "Tăng trưởng kinh tế tăng thêm 1%",
    ],
)
@pytest.mark.parametrize("unit", ["%", "%/năm"])
def test_a_verb_moving_a_growth_rate_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match=r"a rate (lower|higher) by X points"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "falling"),
    [("Tăng trưởng tín dụng giảm 2 điểm %", True), ("Tăng trưởng kinh tế tăng 1 điểm %", False)],
)
def test_points_of_a_growth_rate_take_the_second_verb(text: str, falling: bool) -> None:
    change = parse_target(text, unit="%").change
    assert change is not None
    assert (change.kind, change.falling) == (ChangeKind.POINTS, falling)


@pytest.mark.parametrize("text", ["Giảm tỷ lệ hộ nghèo tăng thêm 2%", "Tăng thu ngân sách giảm 5%"])
def test_two_verbs_of_opposite_ways_are_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="which way the number moves the level"):
        parse_target(text, unit="%")


def test_growth_as_the_subject_of_a_level_still_reads() -> None:
    assert parse_target("Tăng trưởng GRDP đạt 8%", unit="%/năm").value == 8.0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Thu ngân sách tăng 10% so với năm 2025 của cả nước", "của cả nước"),
        ("Thu nhập tăng 10% so với năm 2025 bình quân cả nước", "bình quân cả nước"),
        ("Thu ngân sách tăng 10% so với năm 2025 (kế hoạch)", "kế hoạch"),
        ("Thu ngân sách tăng 10% so với năm 2025 theo dự toán", "theo dự toán"),
        ("Thu ngân sách tăng 10% so với năm 2024 và năm 2025", "và năm 2025"),
    ],
)
def test_a_base_that_is_not_the_series_own_is_refused(text: str, words: str) -> None:
    with pytest.raises(TargetParseError, match=f"'{words}' after the base"):
        parse_target(text, unit="tỷ đồng")


@pytest.mark.parametrize(
    "text", ["tăng 10% so với cùng kỳ của tỉnh", "Tăng 10% so với cùng kỳ của tỉnh Lâm Đồng"]
)
def test_the_provinces_own_base_still_reads(text: str) -> None:
    change = parse_target(text, unit="tỷ đồng").change  # a province named may be the plan's own
    assert change is not None
    assert change.previous_year


@pytest.mark.parametrize(
    "text", ["Dự báo đạt 8%", "Khó đạt 8%", "Có thể đạt 8%", "Đạt 8% (dự báo đạt 7%)"]
)
def test_a_forecast_opening_a_clause_is_no_target(text: str) -> None:
    with pytest.raises(TargetParseError, match="or a forecast, is not a target"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "operator"),
    [
        ("Tỷ lệ bản tin dự báo đạt yêu cầu 90%", Operator.TARGET),
        ("Tỷ lệ bản tin dự báo đạt độ chính xác trên 85%", Operator.GT),
        ("Độ chính xác của dự báo đạt 80%", Operator.TARGET),
        ("Tỷ lệ xã hoàn thành các tiêu chí khó đạt 80%", Operator.TARGET),
        ("Tỷ lệ học sinh có thể đạt chuẩn đầu ra ngoại ngữ 70%", Operator.TARGET),
    ],
)
def test_the_same_words_inside_a_subject_are_its_words(text: str, operator: Operator) -> None:
    assert parse_target(text, unit="%").operator is operator


@pytest.mark.parametrize(
    "text",
    [
        "Thu ngân sách tăng 10%",
        "Vốn đầu tư toàn xã hội tăng bình quân 10%/năm",
        "Thu ngân sách tăng 10% so với năm 2025",
    ],
)
def test_a_level_changing_in_per_cent_in_a_row_of_a_share_of_a_whole_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="points of a share, or a growth of its level"):
        parse_target(text, unit="% GRDP")


def test_a_share_of_the_whole_still_changes_in_points() -> None:
    change = parse_target("Tỷ trọng kinh tế số tăng 2%", unit="% GRDP").change
    assert change is not None
    assert change.kind is ChangeKind.POINTS


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Tỷ lệ nợ xấu không được phép vượt 3%", "lower_is_better"),
        ("Tỷ lệ che phủ rừng không được phép thấp hơn 45%", "higher_is_better"),
        ("Không được để nợ xấu vượt 3%", "lower_is_better"),
        ("Không được để tỷ lệ giảm dưới 90%", "higher_is_better"),
        ("Nghiêm cấm vượt 3%", "lower_is_better"),
        ("Tránh vượt 3%", "lower_is_better"),
    ],
)
def test_a_prohibition_read_apart_from_its_comparison_is_refused(text: str, direction: str) -> None:
    with pytest.raises(TargetParseError, match=r"the comparison (would be )?reversed"):
        parse_target(text, unit="%", direction=direction)


def test_a_count_of_events_not_to_happen_is_refused() -> None:
    with pytest.raises(TargetParseError, match="the comparison reversed"):
        parse_target("Không xảy ra trên 5 vụ", unit="vụ", direction="lower_is_better")


@pytest.mark.parametrize(
    ("text", "operator"),
    [
        ("Không được vượt 3%", Operator.LE),
        ("Tỷ lệ hộ không được tiếp cận nước sạch dưới 5%", Operator.LT),
        ("Tỷ lệ cấm khai thác rừng 100%", Operator.TARGET),
    ],
)
def test_a_negation_the_grammar_holds_or_one_of_the_subject_still_reads(
    text: str, operator: Operator
) -> None:
    assert parse_target(text, unit="%").operator is operator


@pytest.mark.parametrize(
    "text", ["Tỷ lệ hộ nghèo giảm tối thiểu còn 2%", "Tỷ lệ thất nghiệp giảm ít nhất xuống còn 3%"]
)
def test_a_floor_on_the_level_a_fall_reaches_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a lower bound on the level a fall reaches"):
        parse_target(text, unit="%", direction="lower_is_better")


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo giảm không quá 1%/năm",
        "Tỷ lệ hộ nghèo giảm dưới 1%/năm",
        "Tỷ lệ thất nghiệp giảm tối đa 0,5%/năm",
    ],
)
def test_a_capped_fall_a_year_of_a_share_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="caps a fall a year"):
        parse_target(text, unit="%", direction="lower_is_better")


def test_a_yearly_fall_of_a_share_still_reads_in_points() -> None:
    change = parse_target("Tỷ lệ hộ nghèo giảm bình quân 1%/năm", unit="%").change
    assert change is not None
    assert (change.kind, change.falling) == (ChangeKind.POINTS_PER_YEAR, True)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("95 xã đạt chuẩn, ngoại trừ 5 xã vùng cao", "xã"),
        ("95% xã đạt chuẩn, trừ 5% xã vùng cao", "%"),
        ("Tổng vốn đầu tư 500.000 tỷ đồng, không bao gồm 50.000 tỷ đồng vốn FDI", "tỷ đồng"),
        ("Có 95 xã đạt chuẩn, chưa kể 3 xã đảo", "xã"),
        ("100% xã (trừ 3 xã đặc biệt khó khăn)", "%"),
    ],
)
def test_what_a_target_leaves_out_is_no_part_of_its_own(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="what the target leaves out is no target"):
        split_targets(text, unit=unit)


def test_a_word_of_exclusion_inside_a_name_is_its_word() -> None:
    spec = parse_target("Tỷ lệ diện tích được phòng trừ sâu bệnh 90%", unit="%")
    assert spec.value == 90.0


@pytest.mark.parametrize(
    "text",
    [
        "Chi KHCN 2% GRDP; chi từ xã hội 60%",
        "Kinh tế số chiếm 30% GRDP; kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%",
    ],
)
def test_a_bare_per_cent_beside_a_part_of_the_whole_is_refused_whatever_the_cut(text: str) -> None:
    with pytest.raises(TargetParseError, match="in a bare '%'"):
        split_targets(text, unit="% GRDP")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tỷ lệ sử dụng biện pháp tránh thai hiện đại trên 70%", "%"),
        ("Số vụ vi phạm hàng cấm giảm 10%", "vụ"),
        ("Tỷ lệ khu vực cấm hút thuốc có biển báo trên 90%", "%"),
        ("Tỷ lệ diện tích phòng, trừ sâu bệnh bằng biện pháp sinh học đạt 30%", "%"),
        ("Tỷ lệ hồ sơ xóa nợ, trừ nợ thuế được xử lý đúng hạn 100%", "%"),
        ("Tỷ lệ học sinh không bị dưới chuẩn đạt 95%", "%"),
        ("Tỷ lệ gia tăng dân số tự nhiên giảm xuống dưới 1%/năm", "%"),
        (
            "Thu ngân sách đạt 10.000 tỷ đồng (không tính các khoản thu theo Nghị định "
            "52/2024/NĐ-CP)",
            "tỷ đồng",
        ),
        ("Vốn đầu tư công đạt 20.000 tỷ đồng, chưa kể vốn năm 2025 chuyển sang", "tỷ đồng"),
        ("Tỷ lệ hồ sơ trực tuyến 80% (không tính thủ tục mức độ 2)", "%"),
    ],
)
def test_words_of_a_prohibition_or_an_exclusion_inside_a_subject_or_a_note_still_read(
    text: str, unit: str
) -> None:
    assert parse_target(text, unit=unit).kind in ("comparison", "range")
