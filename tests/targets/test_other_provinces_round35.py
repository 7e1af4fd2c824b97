"""Target wordings of the thirty-fifth round (the nineteenth session's note, left alone from
round 160; and round 166 of the attacks).

Silent misreads mended:

* a figure of each year in a row named for its span (``Đạt 25 nghìn người/năm``, ``Bình quân
  25.000 lao động mỗi năm`` in ``Số lao động được giải quyết việc làm giai đoạn 2026-2030``) was
  the span's total, met at once; it is refused as it was in a row named ``Tổng …``;
* a scale word before a unit per year (``25 nghìn người/năm``) lost its ``/năm``;
* a change in % of a time in a row in % (``Giảm 30%`` of ``Thời gian giải quyết thủ tục hành
  chính``) was a fall of 30 percentage points; it is refused, as for ``Chi phí …``, ``Số ngày …``;
* ``thêm`` (more) with no base in a row that counts what is added (``Có thêm 50 sản phẩm OCOP``
  in ``Số sản phẩm OCOP được công nhận mới``) was a rise of 50 from the baseline; it is refused.

Over-refusals mended:

* a rate written over a per unit with no head (``Số bác sĩ … đạt 15/vạn dân``, ``Tỷ số tử vong
  mẹ dưới 40/100.000 trẻ đẻ sống``, ``Tỷ lệ mắc lao dưới 100/100.000 dân``) was refused (``a per
  unit with no head``, or ``a stray number``) even where the row's unit names what is counted:
  it is now read in the row unit's head over the written denominator, and converted where the
  denominator differs (``1,2/1.000 dân`` in ``bác sĩ/vạn dân`` is 12); with no row unit, a row
  unit with no head (``%``, ``‰``) or a denominator of another kind it stays refused;
* a unit per a power of ten of a listed noun (``ca/100.000 trẻ đẻ sống``, ``người/100 hộ``) was
  an unknown unit: such a part after a ``/`` needs no line of its own in the unit table, and
  live births (``trẻ đẻ sống``) are counted.
"""

from __future__ import annotations

import pytest

from kh922core import (
    IncompatibleUnitError,
    Operator,
    TargetParseError,
    UnknownUnitError,
    conversion_factor,
    parse_target,
    parse_unit,
)


@pytest.mark.parametrize(
    ("text", "unit", "met", "unmet"),
    [
        ("Đạt 15/vạn dân", "bác sĩ/vạn dân", 15.0, 14.9),
        ("đạt ít nhất 12/vạn dân", "Người/vạn dân", 12.0, 11.0),
        ("Số giường bệnh đạt 32/1 vạn dân", "giường bệnh/vạn dân", 32.0, 31.0),
        ("trên 30 /vạn dân", "giường bệnh/vạn dân", 30.5, 30.0),
        ("Đạt 150/ha", "triệu đồng/ha", 150.0, 149.0),
        # another scale of the same denominator: converted into the row's (1,2 a thousand)
        ("Đạt 1,2/1.000 dân", "bác sĩ/vạn dân", 12.0, 11.9),
        ("đạt 35/10.000 dân", "giường bệnh/vạn dân", 35.0, 34.0),
        # once refused, lest the note's "/vạn dân" be dropped (35 a thousand): 3,5 a thousand
        ("35/vạn dân", "giường bệnh/1.000 dân", 3.5, 3.4),
    ],
)
def test_a_headless_per_unit_takes_the_rows_head(
    text: str, unit: str, met: float, unmet: float
) -> None:
    spec = parse_target(text, unit=unit, direction="higher_is_better")
    assert spec.is_met(met)
    assert not spec.is_met(unmet)
    assert spec.change is None


@pytest.mark.parametrize(
    ("text", "unit", "bound"),
    [
        ("Tỷ số tử vong mẹ dưới 40/100.000 trẻ đẻ sống", "ca/100.000 trẻ đẻ sống", 40.0),
        ("Dưới 46/100.000 trẻ đẻ sống", "ca/100.000 trẻ đẻ sống", 46.0),
        ("Tỷ lệ mắc lao dưới 100/100.000 dân", "ca/100.000 dân", 100.0),
        ("giảm xuống dưới 40/100.000 dân", "ca/100.000 dân", 40.0),
        ("giảm xuống còn 12/1.000 trẻ sinh sống", "ca tử vong/1.000 trẻ sinh sống", 12.0),
    ],
)
def test_a_rate_per_live_births_or_inhabitants_reads(text: str, unit: str, bound: float) -> None:
    spec = parse_target(text, unit=unit, direction="lower_is_better")
    assert spec.change is None
    assert spec.is_met(bound - 1)
    assert not spec.is_met(bound + 1)
    again = parse_target(spec.render(), unit=unit, direction="lower_is_better")
    assert (again.operator, again.value, again.unit) == (  # type: ignore[union-attr]
        spec.operator,  # type: ignore[union-attr]
        spec.value,  # type: ignore[union-attr]
        spec.unit,  # type: ignore[union-attr]
    )


def test_a_headless_range_takes_the_rows_head() -> None:
    spec = parse_target("Đạt 15 - 20/vạn dân", unit="bác sĩ/vạn dân")
    assert spec.kind == "range"
    assert (spec.low, spec.high) == (15.0, 20.0)  # type: ignore[union-attr]
    assert spec.is_met(17)
    assert not spec.is_met(14)


def test_a_headless_change_takes_the_rows_head() -> None:
    spec = parse_target("giảm 5/100.000 dân so với năm 2020", unit="ca/100.000 dân")
    assert spec.change is not None
    assert spec.change.falling
    assert spec.is_met(94, baseline=100)
    assert not spec.is_met(96, baseline=100)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đạt 15/vạn dân", None),  # per what is said, of what is not
        ("80/100.000 dân", None),
        ("Tỷ số tử vong mẹ dưới 40/100.000 trẻ đẻ sống", None),
        ("Đạt 12/vạn dân", "%"),  # a row unit with no head
        ("dưới 14/1.000 trẻ đẻ sống", "‰"),
        ("Đạt 12/100 hộ", "người/vạn dân"),  # a denominator of another kind
        ("Đạt 12/vạn dân", "bác sĩ"),  # a row of a count, not a rate
    ],
)
def test_a_headless_per_unit_the_row_cannot_complete_is_refused(
    text: str, unit: str | None
) -> None:
    with pytest.raises((TargetParseError, IncompatibleUnitError)):
        parse_target(text, unit=unit)


def test_the_refusal_names_the_per_unit() -> None:
    with pytest.raises(TargetParseError, match=r"no head: '/100\.000 dân'") as raised:
        parse_target("Tỷ lệ mắc lao dưới 100/100.000 dân", unit="%")
    assert raised.value.position == "Tỷ lệ mắc lao dưới 100".index("100") + 3


def test_a_unit_written_with_its_head_keeps_reading() -> None:
    spec = parse_target("dưới 40 ca/100.000 trẻ đẻ sống")
    assert spec.operator is Operator.LT  # type: ignore[union-attr]
    assert spec.unit == "ca/100.000 trẻ đẻ sống"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("ca/1.000 trẻ đẻ sống", "ca/100.000 trẻ đẻ sống", 100.0),
        ("ca/100.000 trẻ sinh sống", "ca/100.000 trẻ đẻ sống", 1.0),
        ("người/100 hộ", "người/hộ", 0.01),
        ("ca/100.000 hộ", "ca/1.000 hộ", 0.01),
        ("tấn/1.000 ha", "tấn/ha", 0.001),
    ],
)
def test_a_power_of_ten_of_a_listed_noun_is_a_denominator(
    source: str, target: str, factor: float
) -> None:
    assert conversion_factor(source, target) == pytest.approx(factor, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        "ca/250 hộ",  # not a power of ten
        "ca/100.000 thứ",  # "thứ" is no listed noun
        "người/100 Thứ bậc",  # a rank is never combined
        "ca/100 000 000 dân",  # more than a million
    ],
)
def test_other_numbered_denominators_are_unknown(text: str) -> None:
    with pytest.raises(UnknownUnitError):
        parse_unit(text)


def test_live_births_are_no_inhabitants() -> None:
    with pytest.raises(IncompatibleUnitError):
        conversion_factor("ca/100.000 trẻ đẻ sống", "ca/100.000 dân")


_SPAN_ROW = "Số lao động được giải quyết việc làm giai đoạn 2026-2030"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đạt 25 nghìn người/năm", "người"),
        ("Đạt 25.000 người/năm", "người"),
        ("Bình quân 25.000 lao động mỗi năm", "lao động"),
        ("Hằng năm đạt 25.000 người", "người"),
    ],
)
def test_a_figure_of_each_year_in_a_row_named_for_its_span_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="a figure of a year, in the row of a period"):
        parse_target(text, unit=unit, indicator=_SPAN_ROW)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "bound"),
    [
        ("Đạt 125.000 người", "người", _SPAN_ROW, 125_000.0),  # the span's total
        # a stock at a year of its span, and rows whose names say a year's figure
        ("Năm 2025 đạt 50 xã", "xã", "Số xã đạt chuẩn nông thôn mới giai đoạn 2021-2025", 50.0),
        (
            "Bình quân 25.000 lao động mỗi năm",
            "lao động",
            "Số lao động được giải quyết việc làm bình quân hằng năm giai đoạn 2026-2030",
            25_000.0,
        ),
        (
            "Đạt 25.000 người/năm",
            "người",
            "Số người được hỗ trợ theo Chương trình giai đoạn 2026-2030",  # the span dates it
            25_000.0,
        ),
        ("Đạt 25 nghìn người/năm", "người", "Số lao động được giải quyết việc làm", 25_000.0),
    ],
)
def test_other_rows_keep_their_figures(text: str, unit: str, indicator: str, bound: float) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator, direction="higher_is_better")
    assert spec.is_met(bound)
    assert not spec.is_met(bound - 1)


@pytest.mark.parametrize(
    ("text", "unit", "row", "shown"),
    [
        ("Đạt 25 nghìn người/năm", "người", 25_000.0, "người/năm"),
        ("Đạt 1 tỷ USD/năm", "triệu USD", 1_000.0, "triệu USD/năm"),
        ("Trên 1,2 triệu tấn/năm", "tấn", 1_200_000.0, "tấn/năm"),
    ],
)
def test_a_scaled_figure_a_year_keeps_its_year(
    text: str, unit: str, row: float, shown: str
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.unit == shown  # type: ignore[union-attr]
    assert spec.render().endswith(shown)
    assert spec.is_met(row * 1.01)
    assert not spec.is_met(row * 0.99)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Giảm 30%", "Thời gian giải quyết thủ tục hành chính"),
        ("Giảm 20% so với năm 2025", "Thời gian giải quyết thủ tục hành chính"),
        ("Rút ngắn 30%", "Thời gian giải quyết thủ tục hành chính"),
        ("Giảm 40%", "Thời gian thông quan hàng hóa"),
    ],
)
@pytest.mark.parametrize("direction", [None, "lower_is_better"])
def test_a_change_in_percent_of_a_time_in_a_row_in_percent_is_refused(
    text: str, indicator: str, direction: str | None
) -> None:
    with pytest.raises(TargetParseError, match="which is no share"):
        parse_target(text, unit="%", indicator=indicator, direction=direction)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "met", "unmet"),
    [
        # the row of the share cut: its level
        ("Giảm 30%", "%", "Tỷ lệ cắt giảm thời gian giải quyết TTHC", 30.0, 29.0),
        # a time in days: a relative cut of it
        ("Giảm 30%", "ngày", "Thời gian giải quyết thủ tục hành chính", 7.0, 7.5),
    ],
)
def test_cuts_of_a_time_elsewhere_keep_their_readings(
    text: str, unit: str, indicator: str, met: float, unmet: float
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator, direction="lower_is_better")
    keywords = {"baseline": 10.0} if spec.change is not None else {}
    assert spec.is_met(met, **keywords)
    assert not spec.is_met(unmet, **keywords)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Có thêm 50 sản phẩm OCOP đạt 3 sao", "sản phẩm", "Số sản phẩm OCOP được công nhận mới"),
        ("Có thêm 500 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp thành lập mới"),
        ("Tăng thêm 50 sản phẩm", "sản phẩm", "Số sản phẩm OCOP được công nhận mới"),
    ],
)
def test_more_with_no_base_in_a_row_of_new_ones_is_refused(
    text: str, unit: str, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="'thêm' \\(more\\) in a row that counts what"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "size"),
    [
        ("Có thêm 50 sản phẩm OCOP", "sản phẩm", "Số sản phẩm OCOP", 50),  # a stock
        ("Có thêm 5 xã đạt chuẩn", "xã", "Số xã đạt chuẩn nông thôn mới", 5),  # "mới": no new ones
        (
            "Tăng thêm 50 sản phẩm so với năm 2025",  # a base: the rise of the new ones
            "sản phẩm",
            "Số sản phẩm OCOP được công nhận mới",
            50,
        ),
    ],
)
def test_more_keeps_its_rise_elsewhere(text: str, unit: str, indicator: str, size: int) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.change is not None
    assert not spec.change.falling
    assert spec.is_met(100 + size, baseline=100)
    assert not spec.is_met(99 + size, baseline=100)


@pytest.mark.parametrize(
    "text", ["Số ca mắc Covid-19 dưới 100", "Số doanh nghiệp đạt 100", "Số hộ được hỗ trợ đạt 500"]
)
def test_a_bare_count_in_a_row_in_percent_is_refused(text: str) -> None:
    # a subject that counts ("Số ca mắc", "Số doanh nghiệp") and a bare number: 100 of them,
    # not 100 % (the row's unit), which it was read as
    with pytest.raises(TargetParseError, match="a count, in a row in %"):
        parse_target(text, unit="%")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Số ca mắc Covid-19 dưới 100", "ca"),
        ("Số ca mắc sốt xuất huyết dưới 100", "người"),
        ("Số xã đạt chuẩn đạt 95%", "%"),
        ("Tỷ lệ số hộ có nước sạch đạt 95", "%"),
    ],
)
def test_a_count_in_its_own_unit_or_a_share_reads(text: str, unit: str) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert spec.is_met(99)


@pytest.mark.parametrize("written", ["%o", "o/oo", "‰"])
def test_per_mille_written_with_letters(written: str) -> None:
    unit = parse_unit(written)
    assert unit.expression == "permille"
    spec = parse_target(f"Dưới 12 {written}", unit="‰", direction="lower_is_better")
    assert spec.is_met(11.9)
    assert not spec.is_met(12)


# round 168: the first versions of the rules above reached too far; each of these read before
# them, and reads so again


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Đạt 8.000 USD/người/năm", "USD/người", "GRDP đầu người giai đoạn 2026-2030"),
        ("Đạt 200 triệu đồng/ha/năm", "triệu đồng/ha", "Giá trị sản phẩm trên 1 ha (2026-2030)"),
        (
            "Tăng bình quân 10%/năm",
            "doanh nghiệp",
            "Số doanh nghiệp thành lập mới giai đoạn 2026-2030",
        ),
        ("Tăng bình quân 12%/năm", "tỷ đồng", "Vốn đầu tư toàn xã hội giai đoạn 2026-2030"),
        ("Mỗi năm giảm 500 hộ", "hộ", "Số hộ nghèo (2026-2030)"),
        ("Hằng năm tăng 3 xã", "xã", "Số xã đạt chuẩn nông thôn mới nâng cao giai đoạn 2026-2030"),
    ],
)
def test_a_ratio_or_a_change_a_year_in_a_row_named_for_its_span_reads(
    text: str, unit: str, indicator: str
) -> None:
    direction = "lower_is_better" if "giảm" in text.lower() else "higher_is_better"
    spec = parse_target(text, unit=unit, indicator=indicator, direction=direction)
    assert spec.render()


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Tăng thêm 10%", "Tỷ lệ doanh nghiệp thành lập mới đi vào hoạt động"),
        ("Tăng thêm 3 điểm %", "Tỷ lệ hộ dân được cấp mới nước sạch"),
    ],
)
def test_more_in_a_share_of_new_ones_is_its_rise(text: str, indicator: str) -> None:
    spec = parse_target(text, unit="%", indicator=indicator)
    assert spec.change is not None
    assert spec.is_met(60, baseline=50)


@pytest.mark.parametrize(
    "indicator",
    [
        "Số sản phẩm OCOP được công nhận mới (lũy kế)",
        "Tổng số sản phẩm OCOP (bao gồm công nhận mới)",
        "Số khu công nghiệp đang hoạt động (kể cả thành lập mới)",
    ],
)
def test_more_in_a_stock_that_holds_the_new_ones_is_its_rise(indicator: str) -> None:
    spec = parse_target("Có thêm 50 sản phẩm", unit="sản phẩm", indicator=indicator)
    assert spec.change is not None
    assert spec.is_met(150, baseline=100)
    assert not spec.is_met(149, baseline=100)


def test_the_time_of_work_used_is_a_share() -> None:
    spec = parse_target(
        "Tăng 5%", unit="%", indicator="Thời gian lao động được sử dụng ở nông thôn"
    )
    assert spec.change is not None
    assert spec.is_met(90, baseline=85)  # five points


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đạt 500 trẻ em", "người", 500.0),
        ("Đạt 25 nhân viên y tế", "người", 25.0),
        ("Đạt 20 cán bộ y tế/1.000 dân", "người/vạn dân", 200.0),
    ],
)
def test_children_and_health_workers_are_persons(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.is_met(value)
    assert not spec.is_met(value - 1)


@pytest.mark.parametrize(("text", "unit"), [("Đạt 95%", "%o"), ("Đạt 1,5%", "%o")])
def test_a_row_of_per_mille_written_with_letters_converts_nothing(text: str, unit: str) -> None:
    # "%o" for a row's unit may be ‰, or % and a stray letter: 95 % was read as 950 ‰
    with pytest.raises(TargetParseError, match="a per mille written with letters"):
        parse_target(text, unit=unit)


def test_a_grade_word_inside_the_unit_leaves_or_above_to_the_number() -> None:
    # grammar fuzz, seed 3: "cấp xã" of the unit "đơn vị hành chính cấp xã" was taken for a
    # grade whose "trở lên" is the grade's; the render then read back as at least 2.030
    spec = parse_target("5 đơn vị hành chính cấp xã trở lên")
    assert spec.operator is Operator.GE  # type: ignore[union-attr]
    assert spec.is_met(5)
    assert not spec.is_met(4)


@pytest.mark.parametrize(
    ("text", "met", "unmet"),
    [("Giảm 0,2%o", 9.8, 9.9), ("Giảm 0,2 %o so với năm 2025", 9.7, 9.85)],
)
def test_a_change_in_per_mille_written_with_letters_is_in_points_of_per_mille(
    text: str, met: float, unmet: float
) -> None:
    # round 168: "%o" (‰) was taken for "%" in a row in ‰, and refused as "ten times off"
    spec = parse_target(text, unit="‰", indicator="Tỷ suất sinh thô", direction="lower_is_better")
    assert spec.change is not None
    assert spec.is_met(met, baseline=10)
    assert not spec.is_met(unmet, baseline=10)
    with pytest.raises(TargetParseError, match="ten times off"):
        parse_target("Giảm 0,2%", unit="‰", direction="lower_is_better")
