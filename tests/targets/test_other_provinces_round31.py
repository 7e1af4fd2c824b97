"""Target wordings of the thirty-first round (round 151 of the attacks: 736 texts of provincial
and sector plans).

Silent misreads mended:

* an estimate or a forecast that opens the cell (``Ước khoảng 30%``, ``Ước tính đạt 30%``,
  ``Dự báo dưới 4%``, ``30% (ước tính)``) was a target, the hedge in the note (``Ước đạt`` was
  already refused);
* a milestone half-way (``Giữa nhiệm kỳ đạt 50%``) was the target at the horizon;
* a cell that is one part of the row's total (``Trong đó kinh phí từ xã hội chiếm trên 60%``
  in a row of spending in % GRDP) was the row's level: more than 60 % of GRDP.

Over-refusals mended: ``Không giảm dưới 42%``, Word's hyphens in ranges (``8‑10%``, ``8‒10%``),
the footnote marks ``80%⁽¹⁾`` and ``≥ 95%.(2)``, ``trường hợp`` (read as ``trường``, a school),
``quy ước đạt`` (read as an estimate, ``ước đạt``).
"""

from __future__ import annotations

import pytest

from kh922core import (
    Comparison,
    IncompatibleUnitError,
    Operator,
    Range,
    TargetParseError,
    parse_target,
    split_targets,
)

_SHARE = "Tỷ lệ hộ dùng nước sạch"


@pytest.mark.parametrize(
    "text",
    [
        "Ước khoảng 30%",
        "Ước tính đạt 30%",
        "Ước trên 30%",
        "Ước tính tăng 8%",
        "Dự báo dưới 4%",
        "Dự báo khoảng 30%",
        "30% (ước tính)",
        "đạt 95 (dự báo)",
    ],
)
def test_an_estimate_or_a_forecast_is_no_target(text: str) -> None:
    with pytest.raises(TargetParseError, match="an estimate of what was done, or a forecast"):
        parse_target(text, unit="%", indicator=_SHARE)


def test_a_covenant_is_no_estimate() -> None:
    spec = parse_target("Thôn có quy ước đạt 100%", unit="%", indicator="Tỷ lệ thôn có quy ước")
    assert isinstance(spec, Comparison)
    assert spec.value == 100


@pytest.mark.parametrize(
    "text", ["Giữa nhiệm kỳ đạt 50%", "Đến giữa giai đoạn đạt 50%", "Đạt 80% vào giữa kỳ"]
)
def test_a_milestone_half_way_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a milestone half-way"):
        parse_target(text, unit="%", indicator=_SHARE)


@pytest.mark.parametrize(
    "text",
    [
        "Chênh lệch giữa kỳ vọng và thực tế dưới 5%",
        "Điểm kiểm tra giữa kỳ đạt 80%",
        "Đạt 100% (đánh giá giữa nhiệm kỳ)",
        "Chuyển tiếp giữa giai đoạn đạt 100%",
        "Ước mơ đạt 100%",
        "Dự báo đúng trên 85%",
        "Trong đó: 35%",
    ],
)
def test_words_near_the_new_refusals_still_read(text: str) -> None:
    spec = parse_target(text, unit="%", indicator=_SHARE)
    assert isinstance(spec, Comparison)


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        (
            "Trong đó kinh phí từ xã hội chiếm trên 60%",
            "% GRDP",
            "Tổng chi cho khoa học, công nghệ so với GRDP",
        ),
        ("Trong đó cấp xã 90%", "%", _SHARE),
    ],
)
def test_a_cell_that_is_one_part_of_the_rows_total_is_refused(
    text: str, unit: str, indicator: str
) -> None:
    with pytest.raises(TargetParseError, match="a part of the row's total"):
        split_targets(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    "text", ["Trong đó: cấp tỉnh 95%, cấp xã 90%", "Trong đó:\ncấp tỉnh 95%\ncấp xã 90%"]
)
def test_a_list_of_parts_after_trong_do_still_splits(text: str) -> None:
    parts = split_targets(text, unit="%", indicator=_SHARE)
    assert [(p.label, p.spec.value) for p in parts] == [("cấp tỉnh", 95), ("cấp xã", 90)]  # type: ignore[union-attr]


def test_not_falling_below_is_at_least() -> None:
    for text in ("Không giảm dưới 42%", "Không giảm xuống dưới 42%"):
        spec = parse_target(text, unit="%", indicator="Tỷ lệ che phủ rừng")
        assert isinstance(spec, Comparison)
        assert spec.change is None
        assert (spec.operator, spec.value) == (Operator.GE, 42)


@pytest.mark.parametrize("text", ["8‑10%", "8‒10%", "8‐10%", "８－１０％"])
def test_words_hyphens_make_a_range(text: str) -> None:
    spec = parse_target(text, unit="%", indicator=_SHARE)
    assert isinstance(spec, Range)
    assert (spec.low, spec.high) == (8, 10)


@pytest.mark.parametrize("text", ["80%⁽¹⁾", "≥ 80%.(2)"])
def test_more_footnote_marks_are_set_aside(text: str) -> None:
    spec = parse_target(text, unit="%", indicator=_SHARE)
    assert isinstance(spec, Comparison)
    assert spec.value == 80


@pytest.mark.parametrize("label", ["Thứ cấp", "Sơ cấp"])
def test_thu_cap_is_a_label_no_rank(label: str) -> None:
    parts = split_targets(f"{label}: 100%", unit="%", indicator="Tỷ lệ nước thải được xử lý")
    assert [p.spec.value for p in parts] == [100]  # type: ignore[union-attr]


def test_truong_hop_counts_cases_not_schools() -> None:
    spec = parse_target(
        "Không có trường hợp tử vong mẹ",
        unit="trường hợp",
        indicator="Số trường hợp tử vong mẹ",
        direction="lower_is_better",
    )
    assert spec.is_met(0)
    assert not spec.is_met(1)
    with pytest.raises(IncompatibleUnitError, match="'trường hợp' to 'trường'"):
        parse_target("Dưới 5 trường hợp", unit="trường", indicator="Số trường đạt chuẩn")


def test_tang_n_lan_is_n_times_the_base_and_tang_them_n_lan_refused() -> None:
    spec = parse_target("Tăng 1,5 lần so với năm 2025", unit="tỷ đồng", indicator="Thu ngân sách")
    assert spec.change is not None
    assert spec.change.kind.value == "multiple"
    assert spec.is_met(150, baseline=100)
    assert not spec.is_met(149, baseline=100)
    with pytest.raises(TargetParseError):
        parse_target("Tăng thêm 1,5 lần so với năm 2025", unit="tỷ đồng", indicator="Thu ngân sách")
