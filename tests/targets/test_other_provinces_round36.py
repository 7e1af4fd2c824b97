"""Target wordings of the thirty-sixth round (the twentieth session's note, left alone from
round 166; and round 170 of the attacks).

Silent misreads mended:

* a per cent sign other than ``%`` (the Arabic ``٪``, the small ``﹪``) or ``pct`` was read as a
  word: the number took the row's unit (``Tăng 10٪`` of an amount a rise of 10 of its unit);
* a cap written ``trong ngưỡng``, ``trong mức``, ``trong mốc`` (``Kiểm soát lạm phát trong
  ngưỡng 4%``) went to the note and the number was read bare (≥ 4 % on a row better higher):
  refused, as ``trong giới hạn`` is; ``trong khoảng 4%`` alone was at least 4 %: about 4 %;
* a share of all on a row of a share better lower (``100% hồ sơ đúng hạn`` in ``Tỷ lệ hồ sơ
  giải quyết trễ hạn``, a bare ``100%``) was ``≤ 100 %``, met by every share; a cell naming the
  complement of its row (``không vi phạm``, ``có nước sạch`` of ``chưa có nước sạch``, ``đúng
  hạn`` of ``trễ hạn``, ``có việc làm`` of ``thất nghiệp``) bounded the row's share: refused;
* ``Xóa 1.500 nhà tạm`` (remove 1.500) in a row of what is left was at most 1.500 left: refused
  unless the row counts what is removed;
* ``Cắt giảm 50 thủ tục`` in ``Số thủ tục hành chính được cắt giảm`` was a fall of 50 of the
  count of those cut: it is the level of that count (≥ 50), and a cut in % of it is refused.

Over-refusals mended:

* a verb of doing that opens the cell (``Đào tạo 500 người``, ``Số hóa 100% hồ sơ``, ``Bố trí
  2% chi ngân sách``, ``Kết nối 100% trường học``) was refused ("unexpected words") although
  the same verb before a comparator (``Đào tạo ít nhất 500 người``) was read: it opens a target
  of what is done, a level, and is read as a filler there (the ``action`` role of the phrase
  table); anywhere else it stays a word of the subject (``Tỷ lệ vốn đầu tư 30%``, ``công
  nghiệp - xây dựng chiếm 35%``), and verbs of a change are none of them;
* ``Không còn hộ nghèo`` in a row in % (none of a count is 0 % of it); ``BQ`` for ``bình
  quân``; ``không cao quá``, ``không lên quá``, ``tối thiểu trên``, ``ít nhất trên``, ``tối đa
  dưới``; ``Lũy kế 50 doanh nghiệp``; the target restated in brackets (``Đạt 50% (tương đương
  45 xã)``); row units ``% tổng chi NSĐP``, ``% thu NSĐP``, ``% lực lượng lao động``, ``thứ``,
  ``Tr. USD``.
"""

from __future__ import annotations

import pytest

from kh922core import (
    ChangeKind,
    IncompatibleUnitError,
    Operator,
    TargetParseError,
    parse_target,
    parse_unit,
    split_targets,
)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đào tạo 500 người", "người", 500.0),
        ("Số hóa 100% hồ sơ", "%", 100.0),
        ("Số hoá 100% hồ sơ, tài liệu lưu trữ", "%", 100.0),
        ("Bố trí 2% chi ngân sách", "%", 2.0),
        ("Phổ cập 80% dân số", "%", 80.0),
        ("Hỗ trợ 50 doanh nghiệp", "doanh nghiệp", 50.0),
        ("Xây dựng 5 mô hình", "mô hình", 5.0),
        ("Triển khai 100% xã", "%", 100.0),
        ("Kết nối 100% trường học", "%", 100.0),
        ("Đầu tư 500 tỷ đồng", "tỷ đồng", 500.0),
        # converted into the row's unit, as any level
        ("Đầu tư 1.500 tỷ đồng", "nghìn tỷ đồng", 1.5),
        ("Tập huấn 1.200 lượt cán bộ", "lượt", 1200.0),
        # after words that open a cell: a year, "Phấn đấu", "Hằng năm", a dash, another verb
        ("Đến năm 2030, đào tạo 500 người", "người", 500.0),
        ("Phấn đấu hỗ trợ 50 doanh nghiệp", "doanh nghiệp", 50.0),
        ("Hằng năm đào tạo 500 người", "người", 500.0),
        ("- Hỗ trợ 50 doanh nghiệp", "doanh nghiệp", 50.0),
        ("Đào tạo, bồi dưỡng 1.000 lượt cán bộ", "lượt", 1000.0),
    ],
)
def test_a_verb_of_doing_opens_a_level(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert spec.operator is Operator.TARGET
    assert spec.value == pytest.approx(value)
    assert spec.is_met(value)
    assert not spec.is_met(value * 0.9)


@pytest.mark.parametrize(
    ("text", "unit", "operator", "value"),
    [
        ("Đào tạo trên 500 người", "người", Operator.GT, 500.0),
        ("Hỗ trợ khoảng 50 doanh nghiệp", "doanh nghiệp", None, 50.0),
        ("Bố trí ít nhất 3% tổng chi ngân sách", "%", Operator.GE, 3.0),
    ],
)
def test_a_verb_of_doing_before_a_comparator_reads_as_before(
    text: str, unit: str, operator: Operator | None, value: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert getattr(spec, "operator", None) is operator
    assert spec.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "note"),
    [
        ("Tỷ lệ vốn đầu tư 30%", "%", "Tỷ lệ vốn đầu tư"),
        ("Tỷ lệ trường học được kết nối Internet đạt 100%", "%", "kết nối Internet"),
        ("Tỷ lệ dân số được phổ cập kỹ năng số đạt 80%", "%", "phổ cập kỹ năng số"),
        ("Chi đầu tư phát triển đạt 30%", "%", "Chi đầu tư phát triển"),
    ],
)
def test_inside_a_subject_the_verb_stays_a_word_of_it(text: str, unit: str, note: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.note is not None
    assert note in spec.note


def test_a_sector_named_with_the_verb_keeps_its_label() -> None:
    parts = split_targets(
        "nông, lâm nghiệp và thủy sản chiếm 20%; công nghiệp - xây dựng chiếm 35%; "
        "dịch vụ chiếm 45%",
        unit="%",
    )
    assert [p.spec.value for p in parts] == [20.0, 35.0, 45.0]
    assert "xây dựng" in parts[1].label


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # what is done is counted in another unit than the row's
        ("Đào tạo 500 người", "%"),
        ("Số hóa 1.000 hồ sơ", "%"),
        ("Xây dựng 100% xã", "xã"),
    ],
)
def test_a_verb_of_doing_keeps_the_units_check(text: str, unit: str) -> None:
    with pytest.raises(IncompatibleUnitError):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # two numbers: no target among them is told
        ("Hỗ trợ 50% chi phí cho 100 doanh nghiệp", "%"),
        ("Đầu tư 3 khu công nghệ cao với tổng vốn 500 tỷ đồng", "tỷ đồng"),
        # verbs of a change are no verbs of doing
        ("Tiết kiệm 10% chi phí", "%"),
        ("Cải thiện 5%", "%"),
        # a verb of doing inside the words before the number, not opening them
        ("Doanh nghiệp hỗ trợ 50", "doanh nghiệp"),
    ],
)
def test_still_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit=unit)


@pytest.mark.parametrize("sign", ["٪", "﹪", " pct"])
def test_other_per_cent_signs_are_per_cent(sign: str) -> None:
    rise = parse_target(f"Tăng 10{sign} so với năm 2025", unit="tỷ đồng")
    assert rise.change is not None
    assert rise.change.kind is ChangeKind.RELATIVE
    assert rise.is_met(1100.0, baseline=1000.0)
    assert not rise.is_met(1010.0, baseline=1000.0)  # a rise of 10 tỷ đồng is 1 %
    with pytest.raises(IncompatibleUnitError):
        parse_target(f"90{sign}", unit="xã")
    assert parse_target(f"Dưới 10{sign}", unit="‰").value == pytest.approx(100.0)


@pytest.mark.parametrize(
    "text",
    [
        "Trong ngưỡng 4%",
        "Nằm trong ngưỡng 4%",
        "Trong mức 4%",
        "Trong mốc 4%",
        "Kiểm soát lạm phát trong ngưỡng 4%",
        "Giữ trong ngưỡng 4%",
    ],
)
@pytest.mark.parametrize("direction", [None, "higher_is_better", "band"])
def test_a_cap_within_a_threshold_is_refused(text: str, direction: str | None) -> None:
    with pytest.raises(TargetParseError, match="a bound the grammar does not read"):
        parse_target(text, unit="%", indicator="Chỉ số giá tiêu dùng (CPI)", direction=direction)


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("Dưới ngưỡng 4%", 3.5),
        ("Tỷ lệ hộ trong mức nghèo đạt 4%", 4.0),
        ("Trong khoảng 3 - 4%", 3.5),
    ],
)
def test_words_of_a_threshold_elsewhere_read(text: str, met: float) -> None:
    assert parse_target(text, unit="%").is_met(met)


def test_within_about_a_level_is_about_it() -> None:
    spec = parse_target("Trong khoảng 4%", unit="%")
    assert spec.kind == "approximate"
    assert spec.is_met(3.9)  # it was at least 4 %
    assert not spec.is_met(3.0)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("100% hồ sơ đúng hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn"),
        ("100%", "Tỷ lệ cơ sở vi phạm an toàn thực phẩm"),
        ("Đạt 99% hồ sơ đúng hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn"),
        ("Đạt 95% hồ sơ không trễ hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn"),
        ("97% lao động có việc làm", "Tỷ lệ thất nghiệp"),
        ("95% cơ sở không vi phạm", "Tỷ lệ cơ sở vi phạm an toàn thực phẩm"),
        ("98% hộ có nước sạch", "Tỷ lệ hộ chưa có nước sạch"),
        ("Đến năm 2030, 99% hồ sơ đúng hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn"),
    ],
)
def test_the_complement_of_a_share_better_lower_is_refused(text: str, indicator: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit="%", indicator=indicator, direction="lower_is_better")


@pytest.mark.parametrize(
    ("text", "indicator", "direction", "met", "unmet"),
    [
        ("Dưới 5% hồ sơ trễ hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn", "lower_is_better", 4, 6),
        ("100% hồ sơ đúng hạn", "Tỷ lệ hồ sơ giải quyết đúng hạn", "higher_is_better", 100, 99),
        ("Dưới 2% hộ chưa có nước sạch", "Tỷ lệ hộ chưa có nước sạch", "lower_is_better", 1, 3),
        ("Đạt 100% xã không có ma túy", "Tỷ lệ xã không có ma túy", "higher_is_better", 100, 90),
        ("Chất lượng không khí đạt 90%", "Tỷ lệ ngày có chất lượng không khí tốt", None, 91, 80),
    ],
)
def test_the_rows_own_share_reads(
    text: str, indicator: str, direction: str | None, met: float, unmet: float
) -> None:
    spec = parse_target(text, unit="%", indicator=indicator, direction=direction)
    assert spec.is_met(met)
    assert not spec.is_met(unmet)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Xóa 1.500 nhà tạm", "hộ", "Số hộ còn ở nhà tạm, nhà dột nát"),
        ("Xóa 1.500 hộ nghèo", "hộ", "Số hộ nghèo"),
        ("Xóa 20 điểm", "điểm", "Số điểm tụ tập ma túy"),
    ],
)
def test_a_count_removed_in_a_row_of_what_is_left_is_refused(
    text: str, unit: str, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="N removed, not N left"):
        parse_target(text, unit=unit, indicator=indicator, direction="lower_is_better")


def test_a_count_removed_in_a_row_of_what_is_removed_reads() -> None:
    spec = parse_target("Xóa 1.500 hộ", unit="hộ", indicator="Số hộ được xóa nhà tạm")
    assert spec.is_met(1500.0)
    assert not spec.is_met(1400.0)


def test_a_cut_in_a_row_that_counts_what_is_cut_is_its_level() -> None:
    spec = parse_target(
        "Cắt giảm 50 thủ tục",
        unit="thủ tục",
        indicator="Số thủ tục hành chính được cắt giảm",
        direction="higher_is_better",
    )
    assert spec.change is None
    assert spec.is_met(50.0)
    assert spec.is_met(60.0)
    assert not spec.is_met(40.0)
    with pytest.raises(TargetParseError, match="counts what is cut"):
        parse_target(
            "Cắt giảm tối thiểu 30% số TTHC",
            unit="thủ tục",
            indicator="Số thủ tục hành chính được cắt giảm, đơn giản hóa",
        )


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Không còn hộ nghèo", "Tỷ lệ hộ nghèo"),
        ("Không có hồ sơ trễ hạn", "Tỷ lệ hồ sơ trễ hạn"),
    ],
)
def test_none_of_a_count_in_a_row_in_per_cent(text: str, indicator: str) -> None:
    spec = parse_target(text, unit="%", indicator=indicator)
    assert spec.is_met(0.0)
    assert not spec.is_met(0.1)


def test_none_of_a_count_in_a_row_of_an_amount_is_refused() -> None:
    with pytest.raises(IncompatibleUnitError):
        parse_target("Không còn hộ nghèo", unit="triệu đồng")


@pytest.mark.parametrize(
    ("text", "unit", "rendered"),
    [
        ("Tăng BQ 9%/năm", "tỷ đồng", "tăng bình quân 9%/năm"),
        ("Không cao quá 3%", "%", "≤ 3%"),
        ("Không lên quá 3%", "%", "≤ 3%"),
        ("Tối thiểu trên 80%", "%", "> 80%"),
        ("Ít nhất trên 80%", "%", "> 80%"),
        ("Tối đa dưới 3%", "%", "< 3%"),
        ("Lũy kế 50 doanh nghiệp", "doanh nghiệp", "50 doanh nghiệp"),
        ("Đạt 50% (tương đương 45 xã)", "%", "50% (tương đương 45 xã)"),
    ],
)
def test_more_ways_of_writing_a_target(text: str, unit: str, rendered: str) -> None:
    assert parse_target(text, unit=unit).render() == rendered


def test_the_target_restated_in_brackets_keeps_its_number() -> None:
    spec = parse_target("12.000 tỷ đồng (tương đương khoảng 480 triệu USD)", unit="tỷ đồng")
    assert spec.value == pytest.approx(12000.0)
    assert "480 triệu USD" in (spec.note or "")
    with pytest.raises(TargetParseError):  # no word of an equivalent: two numbers
        parse_target("Đạt 50% (khoảng 45 xã)", unit="%")


@pytest.mark.parametrize(
    ("unit", "expression"),
    [
        ("% thu NSĐP", "percent_local_budget_revenue"),
        ("% lực lượng lao động", "percent_labour_force"),
        ("% LLLĐ", "percent_labour_force"),
        ("thứ", "rank"),
        ("Tr. USD", "million_usd"),
        ("pct", "percent"),
    ],
)
def test_more_row_units(unit: str, expression: str) -> None:
    assert parse_unit(unit).expression == expression


def test_a_share_of_the_local_budgets_spending_is_one_of_the_budgets() -> None:
    unit = parse_unit("% tổng chi NSĐP")
    assert unit.variant_of == "% tổng chi ngân sách"
    spec = parse_target("Chiếm 40 - 45% tổng chi ngân sách", unit="% tổng chi NSĐP")
    assert spec.is_met(42.0)
    assert not spec.is_met(30.0)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [  # round 172: none of another count than the row's is no share of it
        ("Không còn huyện nghèo", "Tỷ lệ hộ nghèo"),
        ("Không còn hộ đói", "Tỷ lệ hộ nghèo"),
        ("Không còn hộ nghèo", "Tỷ lệ hộ cận nghèo"),
    ],
)
def test_none_of_another_count_in_a_row_in_per_cent_is_refused(text: str, indicator: str) -> None:
    with pytest.raises(IncompatibleUnitError):
        parse_target(text, unit="%", indicator=indicator, direction="lower_is_better")


@pytest.mark.parametrize(
    ("text", "indicator", "direction"),
    [  # round 172: the share of what is done, of another whole than the row's
        ("Hỗ trợ 70% mệnh giá thẻ BHYT", "Tỷ lệ người cận nghèo tham gia BHYT", None),
        ("Tạo việc làm cho 95% lao động", "Tỷ lệ thất nghiệp", "lower_is_better"),
        ("Hỗ trợ 100% hộ nghèo tham gia BHYT", "Tỷ lệ hộ nghèo", None),
        ("Đào tạo 30% lao động", "Tỷ lệ lao động chưa qua đào tạo", "lower_is_better"),
    ],
)
def test_a_verb_of_doing_in_a_row_of_another_share_is_refused(
    text: str, indicator: str, direction: str | None
) -> None:
    with pytest.raises(TargetParseError, match="of what is done"):
        parse_target(text, unit="%", indicator=indicator, direction=direction)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "note"),
    [
        ("Số hóa 100% hồ sơ", "%", "Tỷ lệ hồ sơ được số hóa", None),
        ("Kết nối 100% trường học", "%", "Tỷ lệ trường học được kết nối Internet", None),
        ("Bố trí 2% chi ngân sách", "% tổng chi NSĐP", "Chi ngân sách bố trí cho KHCN", None),
        ("Đào tạo 500 người", "người", "Số người được đào tạo", None),
        ("Hỗ trợ 50 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp được hỗ trợ", None),
        # a verb before words of its own is a noun of the subject
        ("Đầu tư công chiếm 20%", "%", "Tỷ trọng đầu tư công trong tổng vốn", "Đầu tư công"),
        ("Xây dựng Đảng đạt 90%", "%", "Tỷ lệ tổ chức đảng hoàn thành tốt", "Xây dựng Đảng"),
    ],
)
def test_a_verb_of_doing_the_row_names_reads(
    text: str, unit: str, indicator: str, note: str | None
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.change is None
    if note is not None:
        assert note in (spec.note or "")


@pytest.mark.parametrize(
    ("text", "met", "unmet"),
    [("Kiểm soát lạm phát trong ngưỡng 4%", 3.5, 4.5), ("Trong mức 4%", 4.0, 4.1)],
)
def test_a_cap_within_a_threshold_of_a_row_better_lower_reads(
    text: str, met: float, unmet: float
) -> None:
    spec = parse_target(
        text, unit="%", indicator="Tốc độ tăng chỉ số giá tiêu dùng", direction="lower_is_better"
    )
    assert spec.is_met(met)
    assert not spec.is_met(unmet)


@pytest.mark.parametrize(
    ("text", "indicator", "direction", "met", "unmet"),
    [  # round 172: a ratio or an occupancy may pass 100 %; a remark is no complement
        ("Không quá 104%", "Chỉ số giá tiêu dùng so với năm trước", "lower_is_better", 103, 105),
        ("Không vượt quá 100%", "Công suất sử dụng giường bệnh", "lower_is_better", 95, 101),
        ("100% (không để trễ hạn)", "Tỷ lệ hồ sơ giải quyết đúng hạn", None, 100, 99),
        ("Trên 97%, giảm thất nghiệp", "Tỷ lệ lao động có việc làm", None, 98, 96),
        ("Dưới 5% (không tái phạm)", "Tỷ lệ người tái phạm", "lower_is_better", 4, 6),
    ],
)
def test_bounds_and_remarks_of_a_row_read(
    text: str, indicator: str, direction: str | None, met: float, unmet: float
) -> None:
    spec = parse_target(text, unit="%", indicator=indicator, direction=direction)
    assert spec.is_met(met)
    assert not spec.is_met(unmet)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [  # round 172: a row better higher that counts the removal in other words
        ("Xóa 10 điểm đen", "điểm", "Số điểm đen giao thông được xử lý"),
        ("Xóa 200 hộ đói", "hộ", "Số hộ thoát nghèo"),
    ],
)
def test_a_count_removed_in_a_row_better_higher_reads(text: str, unit: str, indicator: str) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator, direction="higher_is_better")
    assert spec.is_met(spec.value)  # type: ignore[union-attr]
    assert not spec.is_met(spec.value - 1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [  # round 174: the count or share of what is done, which the row does not count
        ("Hỗ trợ 500 hộ nghèo", "hộ", "Số hộ nghèo"),
        ("Đến năm 2030, hỗ trợ 500 hộ nghèo", "hộ", "Số hộ nghèo"),
        ("Đào tạo 80% lao động", "%", "Tỷ lệ lao động có việc làm"),
        ("Bồi dưỡng 100% giáo viên", "%", "Tỷ lệ giáo viên đạt chuẩn"),
        ("Hỗ trợ 50% học phí", "%", "Tỷ lệ học sinh được hỗ trợ học phí"),
        ("Số hóa 100% hồ sơ", "%", "Tỷ lệ hồ sơ chưa được số hóa"),
        ("Trang bị 1 máy tính/học sinh", "%", "Tỷ lệ học sinh có máy tính"),
        ("Bố trí 3% chi thường xuyên", "% tổng chi NSĐP", "Chi ngân sách cho KHCN"),
    ],
)
def test_a_verb_of_doing_the_row_does_not_say_is_refused(
    text: str, unit: str, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="what is done"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "direction"),
    [  # round 174
        ("45 (tương đương 50%)", "%", None, None),  # which number is the target?
        ("Không còn hộ nghèo", "%", "Tỷ lệ hộ nghèo và cận nghèo", "lower_is_better"),
        ("Không còn hộ nghèo", "%", "Tỷ lệ giảm hộ nghèo", None),
        ("Xóa trên 1.500 nhà tạm", "hộ", "Số hộ còn ở nhà tạm", "lower_is_better"),
        ("Ở ngưỡng 4%", "%", "Chỉ số giá tiêu dùng", None),
    ],
)
def test_more_misreads_refused(
    text: str, unit: str, indicator: str | None, direction: str | None
) -> None:
    with pytest.raises((TargetParseError, IncompatibleUnitError)):
        parse_target(text, unit=unit, indicator=indicator, direction=direction)


def test_a_cut_of_the_ones_not_cut_is_a_change() -> None:
    # round 174: "chưa được cắt giảm" names no cut; the first version read a level of it
    spec = parse_target(
        "Cắt giảm 50 thủ tục", unit="thủ tục", indicator="Số thủ tục hành chính chưa được cắt giảm"
    )
    assert spec.change is not None
    assert spec.change.falling
    cut = parse_target("Cắt giảm 50 thủ tục", unit="thủ tục", indicator="Số thủ tục cắt giảm")
    assert cut.change is None


def test_none_of_the_rows_whole_subject_with_a_qualifier_in_brackets() -> None:
    spec = parse_target(
        "Không còn hộ nghèo", unit="%", indicator="Tỷ lệ hộ nghèo (theo chuẩn đa chiều)"
    )
    assert spec.is_met(0.0)


@pytest.mark.parametrize(
    "text",
    ["Bố trí tối thiểu 3% tổng chi ngân sách cho KHCN", "Bố trí 3% chi ngân sách cho KHCN"],
)
def test_a_verb_of_doing_with_the_rows_own_whole_reads(text: str) -> None:
    spec = parse_target(text, unit="% tổng chi NSĐP", indicator="Tỷ lệ chi NSĐP cho KHCN")
    assert spec.is_met(3.0)
    assert not spec.is_met(2.5)
    with pytest.raises(TargetParseError):  # another whole: the recurrent spending's
        parse_target(
            "Bố trí 3% chi thường xuyên",
            unit="% tổng chi NSĐP",
            indicator="Tỷ lệ chi NSĐP cho KHCN",
        )


@pytest.mark.parametrize(
    "text", ["Tăng 10% (BQ)", "Tăng 10% (bình quân)", "Tăng 10% so với năm 2020 (bình quân)"]
)
def test_an_average_after_a_change_is_refused(text: str) -> None:
    # round 174: read as a change of 10 % in all, the note's "BQ" (a year) set aside
    with pytest.raises(TargetParseError, match="a yearly average, or the change"):
        parse_target(text, unit="tỷ đồng")


@pytest.mark.parametrize("text", ["Tăng b/q 9%/năm", "Tăng 10% bình quân"])
def test_an_average_with_the_verb_is_a_growth_a_year(text: str) -> None:
    spec = parse_target(text, unit="tỷ đồng")
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.GROWTH_PER_YEAR
    assert (
        parse_target("Thu nhập bình quân đầu người tăng 10%", unit="triệu đồng").change.kind
        is ChangeKind.RELATIVE
    )  # type: ignore[union-attr]
