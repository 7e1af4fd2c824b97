"""Recurring duties written with their years or each year's day (round 171 of the attacks):
``2025-2030 (hằng năm)``, ``Hằng năm, giai đoạn 2025-2030``, ``Trước ngày 15/11 hằng năm``
were refused, and the task kept 'Thường xuyên' with its cell listed."""

from __future__ import annotations

import pytest

from kh922core import DeadlineKind, DeadlineParseError, parse_deadline


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ("2025-2030 (hằng năm)", "2025-01-01", "2030-12-31"),
        ("Hằng năm, giai đoạn 2025-2030", "2025-01-01", "2030-12-31"),
        ("Hằng năm từ 2025 đến 2030", "2025-01-01", "2030-12-31"),
        ("Thường xuyên (2025-2026)", "2025-01-01", "2026-12-31"),
    ],
)
def test_a_recurring_duty_over_years(text: str, start: str, due: str) -> None:
    deadline = parse_deadline(text)
    assert deadline.kind is DeadlineKind.RECURRING
    assert (str(deadline.start), str(deadline.due)) == (start, due)
    assert deadline.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Trước ngày 15/11 hằng năm",
        "Trước 15/11 hằng năm",
        "Hằng năm (trước 15/11)",
        "Hàng năm trước 15 tháng 11",
        "Thường xuyên, hằng năm",
    ],
)
def test_a_recurring_duty_by_a_day_of_each_year(text: str) -> None:
    deadline = parse_deadline(text)
    assert deadline.kind is DeadlineKind.RECURRING
    assert (deadline.start, deadline.due) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Hằng năm 2026",  # a year beside it: each year, or that year?
        "Trước ngày 15/11/2025 hằng năm",  # a date of one year
        "Hằng năm, 2030-2025",  # the years backwards
    ],
)
def test_a_recurrence_beside_a_time_of_one_year_is_refused(text: str) -> None:
    with pytest.raises(DeadlineParseError):
        parse_deadline(text)
