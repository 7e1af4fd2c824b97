"""A seventeenth round: the words between ``Tăng trưởng`` and its number.

* ``Tăng trưởng kinh tế 8%`` (``tín dụng``, ``xuất khẩu``, ``GRDP``) was refused, ``kinh tế``
  unexpected, though ``Tăng trưởng 8%`` and ``Tăng trưởng kinh tế đạt 8%`` read: the words
  after a verb that also names the change are its subject, and the target reads as ``Tăng
  trưởng 8%`` does (a level of a growth rate in ``%`` or ``%/năm``, a growth a year of a level
  in money), the subject in the note.  A word that would qualify the number (``chỉ``,
  ``ước``, ``dự kiến``), a second number, or a number of points or times after it is still
  refused.
* a number that counts what a change covers (``Giảm số vụ tai nạn giao thông trên cả 3 tiêu
  chí``, ``Kéo giảm 3 tiêu chí về …``) used to be the size of the fall (3 tiêu chí): a fall on
  all three measures failed it; it is refused;
* a change in % of a share read as 100 points or more (``Tỷ lệ hộ nghèo giảm 120% so với năm
  2020``) used to stand, though no share moves that far (a relative fall, likely): refused
  unless written in points (``điểm %``);
* ``Mức giảm tỷ lệ hộ nghèo 1%/năm``, ``Mức tăng …`` (the size of a change named as the row's
  measure, as ``Tốc độ giảm …`` is) used to be a fall of the rate, ``Mức`` dropped as a filler
  (and ``Mức giảm … đạt 1%`` the level ≤ 1 % of the rate): in a row of that change (a rate,
  ``%/năm``) it is a level of it; in another row it is refused (a level of the change, or the
  change of the row's level?); ``Mức tăng trưởng`` reads as ``Tăng trưởng`` does;
* a target of none at all (``Xóa hết nhà tạm``, ``Không còn …``) on an indicator stated better
  higher (``Tỷ lệ hộ được xóa nhà tạm``) used to be ``≤ 0``, which 100 % fails: it is refused
  (a direction not stated still reads it, as before).

Cells of several targets (``split_targets``):

* a document's number after the targets (``…; theo Nghị quyết 57``, ``(Đề án 06)``) used to be
  a part, a target of 57; a respective list (``lần lượt là 100% và 90% ở cấp tỉnh và cấp xã``)
  paired numbers and labels wrongly; a baseline or an estimate among the targets (``năm cơ sở
  2025: 50%``, ``năm 2025 (ước) 50%``, ``năm 2030 ước 80%``) was a target; each is refused;
* a word before a part's number that qualifies it (``cấp xã thêm 20%``, ``năm 2030 đạt thêm 15
  xã``, ``nông thôn gần như 0%``) used to be dropped or put in the label; refused;
* a year in a part that its label does not hold (``năm 2026 cấp tỉnh 80%, năm 2030 cấp xã
  90%``, ``…, 70% cấp xã (năm 2025)``) used to be lost, the part read for the cell's year;
  refused (the first part's leading year is the cell's: ``Đến năm 2030, cấp tỉnh 100%, …``).
"""

from __future__ import annotations

import pytest

from kh922core import (
    ChangeKind,
    IncompatibleUnitError,
    TargetParseError,
    parse_target,
    split_targets,
)

_SUBJECTS = ("kinh tế", "tín dụng", "xuất khẩu", "GRDP", "tổng sản phẩm trên địa bàn")


@pytest.mark.parametrize("subject", _SUBJECTS)
@pytest.mark.parametrize("unit", ["%", "%/năm", "tỷ đồng"])
@pytest.mark.parametrize("number", ["8%", "8%/năm", "8 - 8,5%", "khoảng 8%"])
def test_growth_with_its_subject_reads_as_without_it(subject: str, unit: str, number: str) -> None:
    named = parse_target(f"Tăng trưởng {subject} {number}", unit=unit)
    bare = parse_target(f"Tăng trưởng {number}", unit=unit)
    assert named.model_dump(exclude={"text", "note"}) == bare.model_dump(exclude={"text", "note"})
    assert subject in (named.note or "")


@pytest.mark.parametrize("subject", _SUBJECTS)
def test_growth_with_its_subject_in_money_is_a_growth_a_year(subject: str) -> None:
    spec = parse_target(f"Tăng trưởng {subject} 8%", unit="tỷ đồng")
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.GROWTH_PER_YEAR
    assert not spec.change.falling
    assert spec.is_met(108.0, baseline=100.0, years=1)
    assert not spec.is_met(107.0, baseline=100.0, years=1)


@pytest.mark.parametrize("unit", ["%", "%/năm"])
def test_growth_with_its_subject_in_a_rate_is_a_level(unit: str) -> None:
    spec = parse_target("Tăng trưởng kinh tế 8%", unit=unit)
    assert spec.change is None
    assert spec.is_met(8.0)
    assert not spec.is_met(7.9)


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng kinh tế chỉ 8%",
        "Tăng trưởng kinh tế ước 8%",
        "Tăng trưởng kinh tế dự kiến 8%",
        "Tăng trưởng kinh tế không 8%",
        "Tăng trưởng kinh tế âm 2%",
        "Tăng trưởng kinh tế năm 2026 8%",
        "Tăng trưởng kinh tế 2 lần",
        "Tăng trưởng kinh tế 2 điểm %",
        "Tổng vốn tăng trưởng kinh tế 8%",
    ],
)
@pytest.mark.parametrize("unit", ["%", "tỷ đồng"])
def test_growth_with_words_that_qualify_or_a_second_number_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Giảm số vụ tai nạn giao thông trên cả 3 tiêu chí", None),
        ("Giảm số vụ tai nạn giao thông trên cả 3 tiêu chí so với năm 2025", None),
        ("Giảm số vụ cháy nổ ở cả 3 tiêu chí", None),
        ("Giảm số vụ tai nạn giao thông trên cả 3 mặt", None),
    ],
)
def test_a_number_that_counts_what_a_change_covers_is_refused(text: str, unit: str | None) -> None:
    with pytest.raises(TargetParseError, match="counts what the change covers"):
        parse_target(text, unit=unit, direction="lower_is_better")


def test_a_count_of_what_a_change_covers_in_a_row_of_the_count_is_refused() -> None:
    with pytest.raises(IncompatibleUnitError):  # 'tiêu chí' is no 'vụ'
        parse_target("Giảm số vụ tai nạn giao thông trên cả 3 tiêu chí", unit="vụ")


@pytest.mark.parametrize(
    ("text", "value", "baseline", "met"),
    [
        ("Mỗi xã tăng thêm 2 tiêu chí", 17.0, 15.0, True),  # a count of criteria, as before
        ("Mỗi xã tăng thêm 2 tiêu chí", 16.0, 15.0, False),
    ],
)
def test_a_change_of_criteria_still_reads(
    text: str, value: float, baseline: float, met: bool
) -> None:
    spec = parse_target(text)
    assert spec.change is not None
    assert spec.is_met(value, baseline=baseline) is met


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo giảm 120% so với năm 2020",
        "Tỷ lệ hộ nghèo giảm 100%",
        "Tỷ lệ che phủ rừng tăng 100% so với năm 2020",
        "Tỷ lệ hộ nghèo giảm bình quân 150%/năm",
    ],
)
def test_a_share_moving_100_points_or_more_in_percent_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="100 or more in % of a share"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo giảm 1,5%/năm",
        "Tỷ lệ lao động nông nghiệp giảm 10% so với năm 2020",
        "tăng ít nhất 20% so với năm 2023",  # a share: points, as the semantics agree
    ],
)
def test_a_share_moving_fewer_points_still_reads_them(text: str) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is not None
    assert spec.change.kind in (ChangeKind.POINTS, ChangeKind.POINTS_PER_YEAR)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Chỉ số PCI xếp thứ 5 trong 63 tỉnh", "Thứ bậc"),
        ("Xếp hạng thứ 10 trong tổng số 63 tỉnh", None),
        ("Bổ sung thêm tối thiểu 500 giường bệnh", "giường bệnh"),
        ("Phát triển thêm ít nhất 1.200 MW điện gió", "MW"),
        ("Thu hút thêm trên 1 tỷ USD vốn FDI", "triệu USD"),
    ],
)
def test_a_rank_among_and_an_addition_are_refused(text: str, unit: str | None) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "rendered"),
    [
        ("Xếp thứ 5/63", "Thứ bậc", "nhóm 5/63"),
        ("tăng thêm ít nhất 500 giường bệnh", "giường bệnh", "tăng ≥ 500 giường bệnh"),
        ("trong khoảng 1.000 - 2.000", None, "từ 1.000 đến 2.000"),
        ("khoảng 2,5%", "%", "khoảng 2,5%"),
        # a range after "khoảng" is read as the range: its bounds are the tolerance
        ("khoảng 2-3%", "%", "từ 2 đến 3%"),
        ("khoảng 45% đến 2030", "%", "khoảng 45%"),
        # ordinals that are no rank; spaces doubled; "tăng lên thêm" is a change
        (
            "Tỷ lệ học sinh học ngoại ngữ thứ 2 trên 30%",
            "%",
            "> 30% Tỷ lệ học sinh học ngoại ngữ thứ 2",
        ),
        ("Tỷ lệ sinh con thứ 3 trên 10%", "%", "> 10% Tỷ lệ sinh con thứ 3"),
        (
            "tăng  thêm 500 giường bệnh so với năm 2025",
            "giường bệnh",
            "tăng 500 giường bệnh so với năm 2025",
        ),
        ("Tăng lên thêm 500 giường so với năm 2025", "giường", "tăng 500 giường so với năm 2025"),
    ],
)
def test_texts_near_those_refusals_still_read(text: str, unit: str | None, rendered: str) -> None:
    assert parse_target(text, unit=unit).render() == rendered


def test_points_written_as_such_stand_beyond_100() -> None:
    spec = parse_target("tăng 150 điểm % so với năm 2020", unit="%")
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.POINTS
    assert spec.is_met(160.0, baseline=10.0)


@pytest.mark.parametrize(
    ("text", "value", "met"),
    [
        ("Mức giảm tỷ lệ hộ nghèo 1%/năm", 1.2, True),
        ("Mức giảm tỷ lệ hộ nghèo đạt 1%/năm", 0.8, False),
        ("Mức giảm tỷ lệ hộ nghèo đa chiều bình quân 1-1,5%/năm", 1.2, True),
        ("Mức giảm tỷ lệ hộ nghèo đa chiều bình quân 1-1,5%/năm", 0.5, False),
        ("Mức tăng thu ngân sách 10%/năm", 9.0, False),
    ],
)
def test_the_size_of_a_change_in_a_row_of_that_change_is_a_level(
    text: str, value: float, met: bool
) -> None:
    spec = parse_target(text, unit="%/năm", direction="higher_is_better")
    assert spec.change is None
    assert " ".join(text.split()[:2]) in (spec.note or "")  # "Mức giảm" is kept
    assert spec.is_met(value) is met


@pytest.mark.parametrize(
    "text",
    [
        "Mức giảm tỷ lệ hộ nghèo 1%",
        "Mức giảm tỷ lệ hộ nghèo đạt 1%",
        "Mức giảm tỷ lệ hộ nghèo đa chiều bình quân 1-1,5%/năm",
        "Duy trì mức giảm tỷ lệ hộ nghèo 1%/năm",
        "Mức giảm sinh 0,1‰",
        "Mức tăng giá tiêu dùng dưới 4%",
    ],
)
@pytest.mark.parametrize("unit", [None, "%", "‰"])
def test_the_size_of_a_change_in_a_row_of_a_level_is_refused(text: str, unit: str | None) -> None:
    with pytest.raises((TargetParseError, IncompatibleUnitError)):
        parse_target(text, unit=unit)


def test_a_rank_whose_note_names_a_size_reads_back_from_its_rendering() -> None:
    # The number comes first: "mức tăng" is in the note, not the measure the row names.
    spec = parse_target("xếp hạng thứ 12 là mức tăng còn lại của nhà máy")
    assert spec.kind == "rank_group"
    again = parse_target(spec.render())
    assert again.model_dump(exclude={"text"}) == spec.model_dump(exclude={"text"})


@pytest.mark.parametrize("unit", [None, "%", "%/năm", "tỷ đồng"])
def test_mức_tăng_trưởng_reads_as_tăng_trưởng(unit: str | None) -> None:
    named = parse_target("Mức tăng trưởng 8%", unit=unit)
    bare = parse_target("Tăng trưởng 8%", unit=unit)
    assert named.model_dump(exclude={"text", "note"}) == bare.model_dump(exclude={"text", "note"})


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Giảm 2% cả 3 năm liên tiếp", "%"),
        ("Tăng 10% trong cả 5 năm", None),
        ("Tăng 2 tiêu chí về môi trường", None),
        ("Tăng 1 tiêu chí của nông thôn mới so với năm 2025", None),
    ],
)
def test_a_change_over_all_of_a_time_or_of_criteria_still_reads(
    text: str, unit: str | None
) -> None:
    assert parse_target(text, unit=unit).change is not None


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng kinh tế chậm lại 2%",
        "Tăng trưởng chậm lại 2%",
        "Tăng trưởng kinh tế lũy kế 8%",
        "Tăng trưởng xanh 80%",
        "Tăng trưởng kinh tế sụt 2%",
        "Tăng trưởng GRDP giai đoạn 2021-2025 8%",
        "Tăng trưởng kinh tế chênh lệch 2%",
    ],
)
def test_growth_with_words_that_change_how_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    "text",
    [
        "Xóa hết nhà tạm, nhà dột nát",
        "Hoàn thành xóa nhà tạm, nhà dột nát trước năm 2026",
        "Không còn nhà tạm",
    ],
)
@pytest.mark.parametrize("direction", ["higher_is_better", "band"])
def test_none_at_all_on_an_indicator_stated_better_higher_is_refused(
    text: str, direction: str
) -> None:
    with pytest.raises(TargetParseError, match="none at all"):
        parse_target(text, unit="%", direction=direction)
    with pytest.raises(TargetParseError, match="none at all"):
        split_targets(text, unit="%", direction=direction)


@pytest.mark.parametrize("direction", [None, "lower_is_better"])
def test_none_at_all_reads_where_the_direction_allows_it(direction: str | None) -> None:
    spec = parse_target("Không còn nhà tạm", unit="%", direction=direction)
    assert spec.is_met(0.0)
    assert not spec.is_met(0.5)


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        ("cấp tỉnh 100%, cấp xã 90%; theo Nghị quyết 57", "%"),
        ("cấp tỉnh 100%; cấp xã 90%; (Đề án 06)", "%"),
        ("năm 2026 đạt 60%; năm 2030 đạt 80%\n(Kế hoạch 922)", "%"),
        ("nam 72 tuổi, nữ 78 tuổi\n(Chỉ tiêu 15)", "tuổi"),
        ("lần lượt là 100% và 90% ở cấp tỉnh và cấp xã", "%"),
        ("đạt lần lượt 100%, 90% tại cấp tỉnh, cấp xã", "%"),
        ("nam và nữ lần lượt 72 và 78 tuổi", "tuổi"),
        ("cấp tỉnh, cấp xã tương ứng 100%, 90%", "%"),
        ("năm cơ sở 2025: 50%; năm 2030: 80%", "%"),
        ("năm 2026 60%, năm 2030 80%, năm 2025 (cơ sở) 50%", "%"),
        ("năm 2025 (ước) 50%; năm 2030 80%", "%"),
        ("hiện trạng năm 2025 50%, năm 2030 80%", "%"),
        ("năm 2026 đạt 60%, năm 2030 ước 80%", "%"),
        ("năm 2026 đạt 10 xã; năm 2030 đạt thêm 15 xã", "xã"),
        ("cấp tỉnh 100%, cấp xã thêm 20%", "%"),
        ("cấp tỉnh 100%, cấp xã bổ sung 20%", "%"),
        ("cấp xã chỉ 80%, cấp tỉnh 100%", "%"),
        ("thành thị 3%, nông thôn gần như 0%", "%"),
        ("năm 2026 có 10 xã, mỗi năm tiếp theo thêm 5 xã", "xã"),
        ("năm 2026 cấp tỉnh 80%, năm 2030 cấp xã 90%", "%"),
        ("100% cấp tỉnh, 90% cấp huyện, 70% cấp xã (năm 2025)", "%"),
        ("nam 72 tuổi, nữ 78 tuổi (năm 2030)", "tuổi"),
        ("Thị trấn 100%, các xã còn lại 90%", "%"),
        ("cấp tỉnh 100%, cấp xã thêm ít nhất 20%", "%"),
        ("năm 2026 đạt 10 xã, năm 2030 thêm trên 15 xã", "xã"),
        ("cấp tỉnh 100% đến 2027, cấp xã 90% đến 2030", "%"),
        ("năm 2026 đạt 60%, các năm tiếp theo tăng 5%/năm", "%"),
        ("ước thực hiện năm 2025 50%, năm 2030 80%", "%"),
        ("năm 2025 đạt 50% (số liệu cơ sở), năm 2030 80%", "%"),
        ("- cấp tỉnh: 100%\n- cấp xã: 90%\n(theo Quyết định số 123)", "%"),
        ("100%, 90% tương ứng cấp tỉnh, cấp xã", "%"),
    ],
)
def test_a_cell_no_cut_reads_safely_is_refused(cell: str, unit: str) -> None:
    with pytest.raises(TargetParseError):
        split_targets(cell, unit=unit)


@pytest.mark.parametrize(
    ("cell", "unit", "parts"),
    [
        ("90% cấp tỉnh, 80% cấp xã", "%", [("cấp tỉnh", 90.0), ("cấp xã", 80.0)]),
        ("Đến năm 2030, cấp tỉnh 100%, cấp xã 90%", "%", [("cấp tỉnh", 100.0), ("cấp xã", 90.0)]),
        ("năm 2026 đạt 60%, năm 2030 đạt 80%", "%", [("năm 2026", 60.0), ("năm 2030", 80.0)]),
        ("cấp tỉnh tăng thêm 10%, cấp xã tăng thêm 5%", "%", [("cấp tỉnh", 10.0), ("cấp xã", 5.0)]),
        (
            "cấp tỉnh tăng lên thêm 10%, cấp xã tăng lên thêm 5%",
            "%",
            [("cấp tỉnh", 10.0), ("cấp xã", 5.0)],
        ),
        (
            "thành thị có thêm 10 xã, nông thôn có thêm 5 xã",
            "xã",
            [("thành thị", 10.0), ("nông thôn", 5.0)],
        ),
        (
            "Chỉ số hài lòng cấp tỉnh 90%, cấp xã 80%",
            "%",
            [("Chỉ số hài lòng cấp tỉnh", 90.0), ("cấp xã", 80.0)],
        ),
        (
            "Giáo viên đạt chuẩn tương ứng: mầm non 95%, tiểu học 98%",
            "%",
            [("Giáo viên đạt chuẩn tương ứng: mầm non", 95.0), ("tiểu học", 98.0)],
        ),
        ("Tiểu học (TH) 100%, THCS 98%", "%", [("Tiểu học (TH)", 100.0), ("THCS", 98.0)]),
        (
            "Xã nông thôn mới 80%, xã nông thôn mới nâng cao 30%",
            "%",
            [("Xã nông thôn mới", 80.0), ("xã nông thôn mới nâng cao", 30.0)],
        ),
        (
            "cấp tỉnh 100%, cấp xã 90%, theo thứ tự ưu tiên",
            "%",
            [("cấp tỉnh", 100.0), ("cấp xã", 90.0)],
        ),
        (
            "Y tế tuyến huyện 95%, tuyến xã (cơ sở) 90%",
            "%",
            [("Y tế tuyến huyện", 95.0), ("tuyến xã (cơ sở)", 90.0)],
        ),
        (
            "Kế hoạch 2026: 30%; kế hoạch 2030: 50%",
            "%",
            [("Kế hoạch 2026", 30.0), ("kế hoạch 2030", 50.0)],
        ),
        (
            "Thành thị 1500 hộ, nông thôn 2000 hộ",
            "hộ",
            [("Thành thị", 1500.0), ("nông thôn", 2000.0)],
        ),
        (
            "Giai đoạn 2026-2030: cấp tỉnh 100%, cấp xã 90%",
            "%",
            [("cấp tỉnh", 100.0), ("cấp xã", 90.0)],
        ),
        (
            "Nông nghiệp 10.000 tỷ đồng, công nghiệp 30.000 tỷ đồng (giá so sánh năm 2010)",
            "tỷ đồng",
            [("Nông nghiệp", 10000.0), ("công nghiệp", 30000.0)],
        ),
        (
            "Vốn ngân sách tỉnh 200 tỷ đồng, vốn bổ sung có mục tiêu 50 tỷ đồng",
            "tỷ đồng",
            [("Vốn ngân sách tỉnh", 200.0), ("vốn bổ sung có mục tiêu", 50.0)],
        ),
        (
            "75%, trong đó có bằng cấp, chứng chỉ 30%",
            "%",
            [(None, 75.0), ("bằng cấp, chứng chỉ", 30.0)],
        ),
        (  # a document named with "số": its number set aside, as in one target
            "Đạt 95% theo Nghị quyết số 57 ở cấp tỉnh, 90% ở cấp xã",
            "%",
            [("cấp tỉnh", 95.0), ("cấp xã", 90.0)],
        ),
    ],
)
def test_cells_near_those_refusals_still_split(
    cell: str, unit: str, parts: list[tuple[str, float]]
) -> None:
    found = split_targets(cell, unit=unit)
    assert [(p.label, p.spec.model_dump().get("value")) for p in found] == parts
