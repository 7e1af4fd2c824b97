"""Target wordings of the thirtieth round: over-refusals left in the sixteenth session's note,
and what mending them showed.

* ``＞＝90％`` (full-width signs of an East Asian input method) was refused: two operators;
* ``Thứ 15``, ``Đạt thứ 15`` in a row of a rank were refused (``Xếp thứ 15`` read); mending it
  showed ``Toàn quốc thứ 10, khu vực thứ 2`` split into two parts, the region's rank read as
  the country's (refused now, as ``khu vực xếp thứ 2`` was);
* ``Tăng bình quân 5 năm 12%`` was refused (``Bình quân 5 năm tăng 12%`` read).
"""

from __future__ import annotations

import pytest

from kh922core import (
    ChangeKind,
    Operator,
    RankGroup,
    TargetParseError,
    parse_target,
    split_targets,
)

_SHARE = "Tỷ lệ dịch vụ công trực tuyến toàn trình"
_RANK = "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [
        ("＞＝90％", Operator.GE, 90),
        ("（≥95％）", Operator.GE, 95),
        ("Đạt ８０，５％", Operator.TARGET, 80.5),
        ("≤\u3000５％", Operator.LE, 5),
        ("Ｔrên 90%", Operator.GT, 90),
    ],
)
def test_full_width_forms_read_as_the_characters_they_widen(
    text: str, operator: Operator, value: float
) -> None:
    spec = parse_target(text, unit="%", indicator=_SHARE)
    assert spec.operator is operator  # type: ignore[union-attr]
    assert spec.value == value  # type: ignore[union-attr]


def test_a_full_width_target_keeps_the_text_it_was_read_from() -> None:
    spec = parse_target("＞＝90％", unit="%", indicator=_SHARE)
    assert spec.is_met(90)
    assert not spec.is_met(89.9)


@pytest.mark.parametrize(
    ("text", "size", "cohort"),
    [
        ("Thứ 15", 15, None),
        ("Đạt thứ 15", 15, None),
        ("Thứ 5/63", 5, 63),
        ("Đứng thứ 10/34", 10, 34),
    ],
)
def test_thu_alone_is_the_rank_as_xep_thu_is(text: str, size: int, cohort: int | None) -> None:
    spec = parse_target(text, unit="Thứ bậc", indicator=_RANK)
    assert isinstance(spec, RankGroup)
    assert spec.size == size
    assert spec.cohort == cohort
    assert spec.is_met(size)
    assert not spec.is_met(size + 1)


def test_thu_is_no_rank_in_a_row_of_another_measure() -> None:
    with pytest.raises(TargetParseError, match="rank"):
        parse_target("Thứ 15", unit="%", indicator=_SHARE)


def test_the_rank_of_a_region_is_refused_as_a_part() -> None:
    with pytest.raises(TargetParseError, match="a rank in a region"):
        split_targets("Toàn quốc thứ 10, khu vực thứ 2", indicator="Xếp hạng")


@pytest.mark.parametrize("text", ["Duy trì thứ hạng", "Thứ hạng: 15", "Lần thứ 2"])
def test_thu_hang_and_an_ordinal_are_no_rank_word(text: str) -> None:
    try:
        spec = parse_target(text, unit="Thứ bậc", indicator=_RANK)
    except TargetParseError:
        assert text == "Lần thứ 2"  # the subject's ordinal, no number of the target
        return
    if text == "Thứ hạng: 15":
        assert isinstance(spec, RankGroup)
        assert spec.size == 15
    else:
        assert not isinstance(spec, RankGroup)  # to keep the rank, in words


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "kind", "falling"),
    [
        ("Tăng bình quân 5 năm 12%", "tỷ đồng", "Tổng mức bán lẻ hàng hóa", "growth", False),
        ("Giảm bình quân 5 năm 1%", "%", "Tỷ lệ hộ nghèo", "points", True),
        ("Tăng trưởng bình quân các năm 10%", "tỷ đồng", "Thu ngân sách", "growth", False),
    ],
)
def test_an_average_over_years_after_the_verb_is_a_yearly_change(
    text: str, unit: str, indicator: str, kind: str, falling: bool
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.change is not None
    expected = ChangeKind.GROWTH_PER_YEAR if kind == "growth" else ChangeKind.POINTS_PER_YEAR
    assert spec.change.kind is expected
    assert spec.change.falling is falling
    same = parse_target(text.replace(" 5 năm", "").replace(" các năm", ""), unit=unit)
    assert same.change == spec.change


def test_an_average_over_years_after_a_noun_stays_refused() -> None:
    with pytest.raises(TargetParseError, match="the average of the period's years"):
        parse_target(
            "Thu nhập bình quân 5 năm đạt 80 triệu đồng",
            unit="triệu đồng",
            indicator="Thu nhập bình quân đầu người",
        )
