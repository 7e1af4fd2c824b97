"""Texts that attacked the grammar: numbers glued to words, and texts far longer than a cell."""

from __future__ import annotations

import time

import pytest

import kh922core
from kh922core.errors import TargetParseError


@pytest.mark.parametrize(
    ("text", "written_apart"),
    [
        ("trên95", "trên 95"),
        ("nhóm30", "nhóm 30"),
        ("tối thiểu80%", "tối thiểu 80%"),
        ("Tối thiểu80 % GRDP", "Tối thiểu 80 % GRDP"),
        ("đạt95%", "đạt 95%"),
        ("khoảng chừng52", "khoảng chừng 52"),
        ("trên95%/năm", "trên 95%/năm"),
    ],
)
def test_a_number_glued_to_a_phrase_is_read_as_written_apart(text: str, written_apart: str) -> None:
    assert kh922core.parse_target(text) == kh922core.parse_target(written_apart)
    assert kh922core.parse_target(text).kind != "qualitative"


def test_glued_numbers_keep_their_meaning() -> None:
    assert kh922core.parse_target("trên95").is_met(95.0) is False
    assert kh922core.parse_target("trên95").is_met(95.5) is True
    assert kh922core.parse_target("nhóm30", unit="Thứ bậc").is_met(30) is True


@pytest.mark.parametrize("text", ["không dưới chín5", "≥ năm5", "tối thiểu bằng5x"])
def test_digits_after_a_comparison_that_no_phrase_explains_are_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        kh922core.parse_target(text)


@pytest.mark.parametrize("text", ["Phủ sóng 5G toàn tỉnh", "Chuyển đổi IPv6 toàn tỉnh"])
def test_digits_inside_words_leave_a_target_in_words(text: str) -> None:
    spec = kh922core.parse_target(text)
    assert spec.kind == "qualitative"
    assert spec.status(99.0).value == "needs_assessment"


@pytest.mark.parametrize(
    "text",
    [
        "đạt 50 % <=",  # a bound cut off: its number was dropped into the note
        "tối thiểu đạt 6866.614 ０５ tuổi < = -",
        "45658 (= 01/01/2025 theo Excel)",  # a date read as a note
        "đạt 95% ≥",
    ],
)
def test_a_comparison_sign_left_after_the_number_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError):
        kh922core.parse_target(text, unit="%")


@pytest.mark.parametrize(
    "text",
    ["≥ 50%", "Đạt >= 90% số xã", "<= 5%", "= 100%", "100% (≥ QCVN)", "95% (≥ tiêu chuẩn)"],
)
def test_a_sign_before_its_number_still_reads(text: str) -> None:
    spec = kh922core.parse_target(text, unit="%")
    assert spec.kind == "comparison"


def test_a_text_longer_than_a_cell_is_refused_at_once() -> None:
    long_text = "≥ 55% " + "ghi chú " * 5000
    started = time.process_time()
    with pytest.raises(TargetParseError, match="the text has 40006 characters"):
        kh922core.parse_target(long_text)
    assert time.process_time() - started < 5  # refused, not read (it took minutes before)
    assert kh922core.parse_target("≥ 55% " + "x" * 1900).value == 55.0


def test_reading_grows_linearly_with_the_note() -> None:
    """The cost of a text twice as long is about twice, not four times (a ratio, not a clock).

    Every text is new, so that no cache hides the cost of reading it.
    """
    words = ("ghi", "chú", "của", "tỉnh", "theo", "kế", "hoạch")
    texts = iter(range(10**6))

    def cost(count: int) -> int:
        salt = next(texts)
        note = " ".join(words[(i * salt + i) % len(words)] for i in range(count))
        started = time.perf_counter_ns()
        kh922core.parse_target(f"≥ {salt}% {note}")
        return time.perf_counter_ns() - started

    cost(10)  # warm the tables
    small = min(cost(150) for _ in range(5))
    large = min(cost(300) for _ in range(5))
    assert large / small < 3.0


@pytest.mark.parametrize(
    "text", ["8-10 trở lên con thứ 3", "8-10 trở lên tỷđ đứng thứ 9 đạt, vượt"]
)
def test_a_bound_after_a_range_is_refused_before_a_qualifier_too(text: str) -> None:
    # the number that qualifies the subject after it hid the range's "trở lên" (fuzz seed 300042)
    with pytest.raises(TargetParseError, match="a range with 'trở lên' after it"):
        kh922core.parse_target(text)


def test_a_qualifier_before_a_range_leaves_the_range() -> None:
    spec = kh922core.parse_target("Tỷ lệ sinh con thứ 3 trở lên 8-10%", unit="%")
    assert (spec.kind, spec.low, spec.high) == ("range", 8.0, 10.0)  # type: ignore[union-attr]


def test_a_part_with_no_number_left_is_a_clear_error() -> None:
    # a date cut as a part of its own: its year set aside, no number was left (an IndexError)
    with pytest.raises(TargetParseError):
        kh922core.split_targets("Bến Tre,2025,0.7,true,2025-05-31")
