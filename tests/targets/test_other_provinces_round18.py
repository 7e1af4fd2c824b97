"""Target wordings of the eighteenth round (agriculture, education, labour, tourism, digital
transformation and headline targets of other provinces' plans), each a silent misread before:

* ``Phấn đấu giảm tỷ lệ hộ nghèo đạt 1%/năm`` (a verb that opens the sentence, ``đạt``, a
  share in % a year) was a level of 1 %/năm, met by a poverty rate of 5 %: a change a year, or
  a level reached each year (``Nâng tỷ lệ … đạt 98%/năm``)?  Refused;
* ``so với đầu nhiệm kỳ năm 2021`` lost its year (the plan baseline was the base): the year
  named is the base, and a year or a period that cannot be one is refused (``so với hiện nay
  năm 2030``: the horizon, or now?);
* ``Số bác sĩ đạt 2.000 bác sĩ`` in a ``bác sĩ/vạn dân`` row read the total as the density:
  a subject that names a total is refused with the per unit's head;
* ``≥ 98% (trong đó 100% trường THPT)`` kept the brackets in its parts' texts.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, IncompatibleUnitError, TargetParseError, parse_target
from kh922core import split_targets as split


@pytest.mark.parametrize(
    "text",
    [
        "Phấn đấu giảm tỷ lệ hộ nghèo đạt 1%/năm",  # a fall of 1 point a year
        "Giảm tỷ lệ hộ nghèo đạt 1,5%/năm",
        "Hạ tỷ lệ hộ nghèo đạt bình quân 1%/năm",
        "Giảm tỷ lệ hộ nghèo đạt 1% mỗi năm",
        "Tăng tỷ lệ che phủ rừng đạt 0,5%/năm",
        "Nâng tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%/năm",  # 98 % reached each year
        "Nâng cao tỷ lệ thu gom chất thải rắn đạt 95% mỗi năm",
        "Giảm tỷ lệ tăng dân số tự nhiên đạt 0,9%/năm",  # a rate's level, likely
    ],
)
@pytest.mark.parametrize("unit", ["%", None])
def test_an_opening_verb_and_a_share_reached_a_year_is_refused(text: str, unit: str | None) -> None:
    # a change a year, or a level reached each year: the words say neither (it was a level of
    # X %/năm, met by a poverty rate of 5 % against "giảm … đạt 1%/năm")
    with pytest.raises(TargetParseError, match=r"a change a year .* or a level reached each year"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "size"),
    [("Giảm tỷ lệ hộ nghèo 1,5%/năm", 1.5), ("Giảm tỷ lệ hộ nghèo bình quân 1%/năm", 1.0)],
)
def test_the_change_a_year_without_đạt_still_reads(text: str, size: float) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is not None
    assert (spec.change.kind, spec.change.falling, spec.value) == (
        ChangeKind.POINTS_PER_YEAR,
        True,
        size,
    )


@pytest.mark.parametrize(
    ("text", "unit", "rendered"),
    [
        ("Hạ tỷ lệ thất nghiệp đạt 2%", "%", "≤ 2%"),  # no "a year": the level to reach
        ("Phấn đấu tăng thu ngân sách đạt 10%/năm", "tỷ đồng", "tăng bình quân 10%/năm"),
        ("Tăng thu ngân sách đạt 10.000 tỷ đồng", "tỷ đồng", "10.000 tỷ đồng"),
        ("tỷ lệ xã nâng cao đạt 50%", "%", "50%"),  # the verb in the subject
    ],
)
def test_opening_verbs_that_name_a_level_still_do(text: str, unit: str, rendered: str) -> None:
    assert parse_target(text, unit=unit).render().startswith(rendered)


@pytest.mark.parametrize(
    ("text", "unit", "since", "kind"),
    [
        ("Số lượt khách tăng 20% so với đầu nhiệm kỳ năm 2021", "lượt", 2021, "relative"),
        ("Thu ngân sách tăng 30% so với đầu kỳ năm 2020", "tỷ đồng", 2020, "relative"),
        ("Tỷ lệ hộ nghèo giảm 2% so với đầu nhiệm kỳ năm 2020", "%", 2020, "points"),
        (
            "Thu nhập gấp 2 lần so với đầu nhiệm kỳ năm 2020",
            "triệu đồng/người/năm",
            2020,
            "multiple",
        ),
        ("tăng 20% so với đầu nhiệm kỳ là năm 2021", "tỷ đồng", 2021, "relative"),
    ],
)
def test_the_year_after_the_words_of_a_base_is_the_base(
    text: str, unit: str, since: int, kind: str
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert (spec.change.since, spec.change.kind.value) == (since, kind)
    assert f"so với năm {since}" in spec.render()


@pytest.mark.parametrize(
    "text",
    [
        "tăng 20% so với đầu nhiệm kỳ năm 2020-2025",
        "tăng 20% so với đầu nhiệm kỳ 2021",
        "tăng 20% so với đầu nhiệm kỳ (2020-2025)",
        "tăng 20% so với đầu kỳ giai đoạn 2021",
        "Tăng 20% so với hiện nay năm 2030",  # the horizon, or now?
        "Thu ngân sách tăng 30% so với hiện tại năm 2025",
    ],
)
def test_a_year_or_period_after_the_words_of_a_base_that_is_none_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="which year is the base"):
        parse_target(text, unit="tỷ đồng")


@pytest.mark.parametrize(
    "text",
    [
        "tăng 20% so với đầu nhiệm kỳ",  # the plan baseline is the base
        "tăng 20% so với đầu nhiệm kỳ, năm 2030",  # a time apart from the base
        "tăng 20% so với hiện nay vào năm 2030",
    ],
)
def test_the_words_of_a_base_alone_still_read(text: str) -> None:
    spec = parse_target(text, unit="tỷ đồng")
    assert spec.change is not None
    assert spec.change.since is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Số bác sĩ đạt 2.000 bác sĩ", "bác sĩ/vạn dân"),
        ("Toàn tỉnh có 1.500 bác sĩ", "bác sĩ/vạn dân"),
        ("Tổng số giường bệnh đạt 5.000 giường", "giường bệnh/vạn dân"),
        ("Số giường bệnh tăng thêm 500 giường", "giường bệnh/vạn dân"),
        ("Số sinh viên đạt 20.000 sinh viên", "sinh viên/vạn dân"),
        ("Số điện thoại cố định tăng thêm 10.000 thuê bao", "thuê bao/100 dân"),
    ],
)
def test_a_total_in_a_row_per_population_is_refused(text: str, unit: str) -> None:
    with pytest.raises(IncompatibleUnitError, match="names a total"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đạt 15 bác sĩ", "bác sĩ/vạn dân", 15.0),
        ("Số bác sĩ trên vạn dân đạt 15 bác sĩ", "bác sĩ/vạn dân", 15.0),
        ("Số giường bệnh/vạn dân đạt 35 giường", "giường bệnh/vạn dân", 35.0),
        ("Số thuê bao Internet đạt 80 thuê bao/100 dân", "thuê bao/100 dân", 80.0),
        ("Số bác sĩ đạt 15 bác sĩ trên vạn dân", "bác sĩ/vạn dân", 15.0),  # per words after
        ("Toàn tỉnh có 15 bác sĩ trên vạn dân", "bác sĩ/vạn dân", 15.0),
        ("Số thuê bao trên một trăm dân đạt 30 thuê bao", "thuê bao/100 dân", 30.0),
        ("Toàn tỉnh đạt 15 bác sĩ", "bác sĩ/vạn dân", 15.0),  # a place, no total
        ("Tổng sản phẩm trên địa bàn đạt 7.500 USD", "USD/người", 7500.0),
        ("Thu nhập bình quân đầu người đạt 60 triệu đồng", "triệu đồng/người/năm", 60.0),
    ],
)
def test_a_number_per_population_written_short_still_reads(
    text: str, unit: str, value: float
) -> None:
    assert parse_target(text, unit=unit).value == value


@pytest.mark.parametrize(
    "cell",
    [
        "≥ 98%\n(trong đó 100% trường THPT)",
        "≥ 98% (trong đó 100% trường THPT)",
        "≥ 98%; (trong đó 100% trường THPT)",
    ],
)
def test_brackets_around_a_subset_stay_out_of_the_parts(cell: str) -> None:
    parts = split(cell, unit="%")
    assert [(p.label, p.text, p.spec.render()) for p in parts] == [
        (None, "≥ 98%", "≥ 98%"),
        ("trường THPT", "100% trường THPT", "100%"),
    ]


def test_brackets_of_a_part_s_own_label_are_kept() -> None:
    parts = split("95% (cấp tỉnh), 80% (cấp xã)", unit="%")
    assert [(p.label, p.text) for p in parts] == [
        ("cấp tỉnh", "95% (cấp tỉnh)"),
        ("cấp xã", "80% (cấp xã)"),
    ]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đạt 500 buồng lưu trú", "buồng", 500.0),
        ("Có 3 khu du lịch đạt chuẩn", "khu du lịch", 3.0),
        ("Đạt 20 huy chương vàng", "huy chương", 20.0),
        ("Có 10 điểm du lịch cộng đồng", "điểm du lịch", 10.0),
        ("Có 50 vận động viên đạt đẳng cấp", "vận động viên", 50.0),
    ],
)
def test_counts_other_provinces_plans_write_are_units(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.value == value
    with pytest.raises(IncompatibleUnitError):
        parse_target(text, unit="hộ")  # a count of another noun


def test_nouns_that_begin_with_a_count_s_word_stay_apart() -> None:
    # "khu vực", "trạm bơm": no unit of their own, read as what the number counts
    assert parse_target("Đạt 3 khu vực").note == "khu vực"
    assert parse_target("10 trạm bơm").note == "trạm bơm"


@pytest.mark.parametrize(
    ("text", "unit", "value", "kept"),
    [
        ("Tỷ lệ huy động trẻ từ 3-5 tuổi ra lớp đạt 98%", "%", 98.0, "từ 3-5 tuổi"),
        ("Tỷ lệ người biết chữ trong độ tuổi 15-60 đạt 99%", "%", 99.0, "độ tuổi 15-60"),
        ("Tỷ lệ người biết chữ độ tuổi từ 15 đến 60 đạt trên 98%", "%", 98.0, "từ 15 đến 60"),
        ("Tỷ lệ trẻ em từ 6 đến 14 tuổi đi học đạt 99%", "%", 99.0, "từ 6 đến 14 tuổi"),
        ("Tỷ lệ học sinh lớp 12 tốt nghiệp THPT đạt 99%", "%", 99.0, "lớp 12"),
        ("Tỷ lệ học sinh được học ngoại ngữ từ lớp 3 đạt 100%", "%", 100.0, "từ lớp 3"),
        ("Tỷ lệ học sinh học 2 buổi/ngày đạt 90%", "%", 90.0, "2 buổi/ngày"),
        ("Tỷ lệ xã đạt 19/19 tiêu chí nông thôn mới đạt 100%", "%", 100.0, "19/19 tiêu chí"),
        ("Số sản phẩm OCOP 4-5 sao đạt 30 sản phẩm", "sản phẩm", 30.0, "4-5 sao"),
    ],
)
def test_numbers_that_say_what_the_subject_counts_are_set_aside(
    text: str, unit: str, value: float, kept: str
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.value == value
    assert kept in (spec.note or "")  # kept in the note, not lost


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("đạt 3-5 sao", 3.0, 5.0), ("từ 15 đến 60 tuổi", 15.0, 60.0)],
)
def test_such_numbers_alone_are_still_the_target(text: str, low: float, high: float) -> None:
    spec = parse_target(text)
    assert (spec.low, spec.high) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Đến năm 2030 mức giảm tỷ lệ hộ nghèo 1%/năm",
        "Cuối năm 2026 mức giảm tỷ lệ hộ nghèo 1%",
        "Năm 2030 mức tăng năng suất lao động 7%",
        "Năm 2026, mức giảm tỷ lệ hộ nghèo 1,5%",
        "Giai đoạn 2026-2030, mức giảm tỷ lệ hộ nghèo bình quân 1%/năm",
    ],
)
def test_the_size_of_a_change_named_after_a_time_is_refused_as_without_it(text: str) -> None:
    with pytest.raises(TargetParseError, match="names the size of a change"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tăng trưởng kinh tế đạt 8%/năm", "%"),  # growth, no share: the level of its rate
        ("Tăng trưởng GRDP bình quân đạt 8%/năm trở lên", "%/năm"),
        ("Tăng trưởng kinh tế đạt 8% mỗi năm", "%"),
        ("Phấn đấu tăng trưởng kinh tế đạt 8%/năm", "%"),
        ("Tăng trưởng GRDP bình quân 5 năm đạt 8%", "%/năm"),
        ("Nâng tốc độ tăng năng suất lao động đạt 6,5%/năm", "%"),
    ],
)
def test_growth_reached_a_year_is_still_a_level_of_its_rate(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert spec.value in (8.0, 6.5)


@pytest.mark.parametrize(
    "text", ["Tỷ lệ hộ nghèo giảm bình quân đạt 1%/năm", "Tỷ lệ hộ nghèo mỗi năm giảm đạt 1%"]
)
def test_a_share_s_verb_before_đạt_a_year_is_refused_as_an_opening_one(text: str) -> None:
    with pytest.raises(TargetParseError, match="a level reached each year"):
        parse_target(text, unit="%")


@pytest.mark.parametrize("name", ["1. Tốc độ tăng trưởng GRDP", "a) Tăng trưởng kinh tế"])
def test_a_rate_s_name_after_its_list_number_is_a_rate_s(name: str) -> None:
    assert parse_target("tăng 8%", unit="%", indicator=name).change is None


def test_a_total_without_số_is_refused_too() -> None:
    with pytest.raises(IncompatibleUnitError, match="names a total"):
        parse_target("Tổng bác sĩ đạt 1.800 bác sĩ", unit="bác sĩ/vạn dân")


@pytest.mark.parametrize(
    "cell",
    [
        "Thành thị 100%; nông thôn: năm 2026 đạt 80%, năm 2030 đạt 95%",
        "Cấp tỉnh đạt 100%, năm 2026 đạt 80%",
        "Nam 70%, năm 2030 đạt 75%",
        "100% ở thành thị; đến năm 2030 đạt 95%",
        "đạt 95% ở cấp tỉnh, trong đó năm 2026 đạt 90%",
    ],
)
def test_a_group_beside_the_years_of_a_cell_is_refused(cell: str) -> None:
    # the group was dropped, and the years read for the whole
    with pytest.raises(TargetParseError, match="names a group beside the parts' years"):
        split(cell, unit="%")


@pytest.mark.parametrize(
    ("cell", "indicator", "labels"),
    [
        ("Năm 2026 đạt 80%, năm 2030 đạt 95%", None, ["năm 2026", "năm 2030"]),
        ("Tỷ lệ hộ nghèo năm 2026 đạt 5%, năm 2030 đạt 3%", None, ["năm 2026", "năm 2030"]),
        ("Tỷ lệ hồ sơ đạt 95%, năm 2026 đạt 80%", None, [None, "năm 2026"]),
        ("95% hộ dân có điện, trong đó năm 2026 đạt 90%", None, [None, "năm 2026"]),
        (
            "Kinh tế số đạt 30%, năm 2026 đạt 20%",
            "Tỷ trọng kinh tế số trong GRDP",
            [None, "năm 2026"],
        ),
    ],
)
def test_a_subject_beside_the_years_of_a_cell_still_splits(
    cell: str, indicator: str | None, labels: list[str | None]
) -> None:
    assert [p.label for p in split(cell, unit="%", indicator=indicator)] == labels


@pytest.mark.parametrize(
    "cell",
    [
        "Cấp tỉnh: 100%, cấp huyện: -, cấp xã: 90%",
        "Cấp tỉnh: 100%, cấp huyện: chưa xác định, cấp xã: 90%",
    ],
)
def test_a_part_with_no_number_joined_to_the_next_is_refused(cell: str) -> None:
    with pytest.raises(TargetParseError, match="'cấp huyện' has no number of its own"):
        split(cell, unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "Đạt 30%, trong đó ít nhất một nửa là nữ",
        "95%; riêng cấp xã cơ bản hoàn thành",
        "95% (riêng xã đảo: không áp dụng)",
    ],
)
def test_a_part_of_the_target_in_words_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a part of the target in words"):
        split(text, unit="%")
    with pytest.raises(TargetParseError, match="a part of the target in words"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Giảm bình quân đạt 1,5%/năm", "Tỷ lệ hộ nghèo đa chiều"),  # the name names the share
        ("Tăng bình quân đạt 12%/năm", "Tỷ trọng kinh tế số trong GRDP"),
    ],
)
def test_a_share_the_name_names_reached_a_year_is_refused(text: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="a level reached each year"):
        parse_target(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    "cell",
    [
        "Hộ dùng nước sạch năm 2026 đạt 60%, năm 2030 đạt 80%",
        "Xã đạt chuẩn nông thôn mới năm 2026 đạt 60%, năm 2030 đạt 80%",
        "Độ che phủ rừng năm 2026 đạt 42%, năm 2030 đạt 45%",
        "a) Tỷ lệ hộ nghèo năm 2026 đạt 3%, năm 2030 đạt 1,5%",
        "Năm 2026: 90% tại trụ sở; năm 2030: 100% tại trụ sở",
    ],
)
def test_subjects_and_places_of_every_part_beside_years_still_split(cell: str) -> None:
    assert [p.label for p in split(cell, unit="%")] == ["năm 2026", "năm 2030"]


@pytest.mark.parametrize(
    ("cell", "first"),
    [
        ("Tỷ lệ: thành thị, thị trấn 100%; nông thôn 90%", "Tỷ lệ: thành thị, thị trấn"),
        ("Chỉ tiêu: cấp tỉnh, cấp huyện 100%; cấp xã 90%", "Chỉ tiêu: cấp tỉnh, cấp huyện"),
    ],
)
def test_a_heading_over_groups_that_share_a_number_still_splits(cell: str, first: str) -> None:
    assert split(cell, unit="%")[0].label == first


@pytest.mark.parametrize(
    "text",
    [
        "Đạt 100%, trong đó ưu tiên hộ nghèo",
        "Đạt 95% (trong đó tập trung vào khu vực nông thôn)",
        "Đạt 100%, trừ các trường hợp bất khả kháng",
    ],
)
def test_a_note_of_priority_or_a_caveat_is_no_part_in_words(text: str) -> None:
    assert parse_target(text, unit="%").value in (95.0, 100.0)


@pytest.mark.parametrize(
    ("text", "value"),
    [("tăng bình quân 12%/năm", 12.0), ("đạt 12%", 12.0)],
)
def test_a_row_in_percent_named_as_a_level_holds_its_growth_rate(text: str, value: float) -> None:
    spec = parse_target(text, unit="%", indicator="Thu ngân sách nhà nước")
    assert spec.change is None
    assert spec.value == value
    # without the name, a share's points a year; "tăng 10%" of revenue is its growth rate, as
    # "Thu ngân sách tăng 10%" in the same row is (round 118: the name decides as its words)
    assert parse_target("tăng bình quân 12%/năm", unit="%").change is not None
    grows = parse_target("tăng 10%", unit="%", indicator="Thu ngân sách nhà nước")
    assert grows.change is None
    assert grows.value == 10.0
    with pytest.raises(TargetParseError, match="points of a share, or a growth of the level"):
        parse_target("tăng 10%", unit="%", indicator="Số doanh nghiệp")


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        ("Đô thị hóa năm 2026 đạt 40%, năm 2030 đạt 45%", "%"),  # a group's word inside a subject
        ("Xã hội hóa năm 2026 đạt 20%, năm 2030 đạt 30%", "%"),
        ("Nông thôn mới năm 2026 đạt 80%, năm 2030 đạt 95%", "%"),
        ("Xây dựng 5.000 căn nhà ở xã hội, trong đó năm 2026 hoàn thành 800 căn", "căn"),
    ],
)
def test_words_that_only_hold_a_group_s_word_are_no_group(cell: str, unit: str) -> None:
    labels = [part.label for part in split(cell, unit=unit)]
    assert "năm 2026" in labels
    assert len(labels) == 2


@pytest.mark.parametrize(
    "text",
    [
        "đạt 95%, riêng khu vực biên giới ưu tiên hoàn thành trước",
        "Đạt 95%, trong đó phấn đấu hoàn thành sớm tại các xã vùng sâu",
        "Tỷ lệ che phủ rừng đạt 45% (trong đó rừng tự nhiên chiếm chủ yếu)",
    ],
)
def test_notes_of_priority_or_make_up_stay_notes(text: str) -> None:
    assert parse_target(text, unit="%").value in (45.0, 95.0)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Tăng bình quân 8%/năm", "Thu nhập bình quân đầu người"),  # a level per head
        ("Tăng bình quân 12%/năm", "Thu nội địa"),
        ("Tăng bình quân 12%/năm", "Dư nợ tín dụng"),
        ("Tăng bình quân 12%/năm", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"),
        ("Thu nội địa tăng bình quân 12%/năm", None),
        ("Dư nợ tín dụng tăng bình quân 12%/năm", None),
    ],
)
def test_levels_of_money_in_a_percent_row_hold_their_growth(
    text: str, indicator: str | None
) -> None:
    spec = parse_target(text, unit="%", indicator=indicator)
    assert spec.change is None
    assert spec.value in (8.0, 12.0)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [("Tăng 10%", "Dư nợ tín dụng"), ("Giảm 5% so với năm 2025", "Phát thải khí nhà kính")],
)
def test_a_change_of_such_a_level_that_is_no_yearly_average_is_refused(
    text: str, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="points of a share, or a growth of the level"):
        parse_target(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Số ngày vượt ngưỡng giảm 20%", "ngày"),  # the days over the threshold, not "> 20%"
        ("Số ngày nồng độ bụi vượt ngưỡng giảm 30% so với năm 2025", "ngày"),
        ("Số hộ thoát nghèo vượt ngưỡng tăng 10%", "hộ"),
    ],
)
def test_a_comparison_before_the_verb_of_change_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="a word of the subject, or the change's bound"):
        parse_target(text, unit=unit)
    assert parse_target("giảm trên 20%", unit=unit).render().startswith("giảm >")


def test_a_comparison_before_the_verb_with_the_bound_after_it_reads_the_bound() -> None:
    spec = parse_target("Số ngày vượt ngưỡng giảm trên 20%", unit="ngày")
    assert spec.change is not None
    assert spec.render().startswith("giảm > 20%")


def test_words_a_set_aside_number_leaves_apart_spell_no_phrase() -> None:
    # "con thứ 3 trở lên" set aside left "con … dưới", which read as "còn dưới" misspelt
    spec = parse_target("Tỷ lệ sinh con thứ 3 trở lên dưới 10%", unit="%")
    assert spec.render().startswith("< 10%")
    assert "con thứ 3 trở lên" in (spec.note or "")
    with pytest.raises(TargetParseError, match="marks missing or misplaced"):
        parse_target("giảm con 5%", unit="%")  # written together, still refused


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Trung bình 5 năm đạt 55%", "%", None),
        ("Bình quân giai đoạn 2026-2030 đạt 8%", "%", "Tỷ lệ lao động qua đào tạo"),
        ("Tỷ lệ thất nghiệp bình quân giai đoạn 2026-2030 dưới 3%", "%", None),
        ("Bình quân 5 năm đạt 20.000 lao động", "lao động", None),
    ],
)
def test_a_level_averaged_over_a_period_is_refused(
    text: str, unit: str, indicator: str | None
) -> None:
    # the average of the years, or the level at the horizon? It was read as the level
    with pytest.raises(TargetParseError, match="the average of the period's years"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Bình quân giai đoạn 2026-2030 đạt 8%", "%", "Tốc độ tăng trưởng GRDP"),  # a rate
        ("Tăng trưởng kinh tế bình quân giai đoạn 2026-2030 đạt 8%", "%", None),
        ("bình quân giai đoạn 2026-2030 đạt 8%", "%/năm", None),
        ("Chỉ số giá tiêu dùng bình quân giai đoạn 2026-2030 dưới 4%", "%", None),
        ("GRDP bình quân đầu người giai đoạn 2026-2030 đạt 5.000 USD", "USD/người", None),
        ("Bình quân giai đoạn 2026-2030 tăng 10%", "tỷ đồng", None),  # a yearly change
    ],
)
def test_averages_of_rates_per_head_and_changes_still_read(
    text: str, unit: str, indicator: str | None
) -> None:
    assert parse_target(text, unit=unit, indicator=indicator).value in (4.0, 8.0, 10.0, 5000.0)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Giai đoạn 2026-2030 thu hút 50 dự án", "dự án"),
        ("Trong 5 năm đào tạo nghề cho 10.000 lao động", "lao động"),
        ("Thành lập mới 5.000 doanh nghiệp trong giai đoạn 2026-2030", "doanh nghiệp"),
        ("Tổng vốn đầu tư 5 năm đạt 500.000 tỷ đồng", "tỷ đồng"),
        ("Thu ngân sách giai đoạn 2026-2030 đạt trên 100.000 tỷ đồng", "tỷ đồng"),
        ("Đến năm 2030 đào tạo tổng cộng 10.000 lao động", "lao động"),
    ],
)
def test_a_total_over_a_span_of_years_is_refused(text: str, unit: str) -> None:
    # it was read as the level at the horizon, which no single year's observation reaches
    with pytest.raises(TargetParseError, match="the total of the span's years"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "value"),
    [
        ("Trong vòng 5 năm tới có 500 doanh nghiệp", "doanh nghiệp", None, 500.0),  # a stock
        ("Giai đoạn 2026-2030: 95%", "%", None, 95.0),  # a share
        ("GRDP bình quân đầu người giai đoạn 2026-2030 đạt 5.000 USD", "USD/người", None, 5000.0),
        (
            "Giai đoạn 2026-2030 thu hút 50 dự án",
            "dự án",
            "Số dự án thu hút giai đoạn 2026-2030",
            50.0,
        ),
    ],
)
def test_a_stock_a_share_a_ratio_or_a_span_s_own_indicator_still_reads(
    text: str, unit: str, indicator: str | None, value: float
) -> None:
    assert parse_target(text, unit=unit, indicator=indicator).value == value
