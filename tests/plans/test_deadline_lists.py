"""Deadlines of Phụ lục II that name several times (round 161 of the attacks): one period from
the first one's start to the last one's end, or refused where the times stand apart.  They were
all refused, the task left 'Thường xuyên'."""

from __future__ import annotations

import pytest

from kh922core import DeadlineKind, DeadlineParseError, parse_deadline


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ("Năm 2025, 2026", "2025-01-01", "2026-12-31"),
        ("Năm 2025 và năm 2026", "2025-01-01", "2026-12-31"),
        ("Quý I, II/2026", "2026-01-01", "2026-06-30"),
        ("Quý I-II/2027", "2027-01-01", "2027-06-30"),
        ("Quý I/2026, Quý II/2026", "2026-01-01", "2026-06-30"),
        ("12/2025 - 6/2026", "2025-12-01", "2026-06-30"),
        ("Quý IV/2026 - Quý II/2027", "2026-10-01", "2027-06-30"),
    ],
)
def test_several_times_of_a_task_are_one_period(text: str, start: str, due: str) -> None:
    deadline = parse_deadline(text)
    assert deadline.kind is DeadlineKind.PERIOD
    assert (str(deadline.start), str(deadline.due)) == (start, due)


@pytest.mark.parametrize(
    ("text", "due"), [("Năm 2026 (Quý II)", "2026-06-30"), ("2026 (tháng 6)", "2026-06-30")]
)
def test_a_year_narrowed_in_brackets_is_its_quarter_or_month(text: str, due: str) -> None:
    assert str(parse_deadline(text).due) == due


@pytest.mark.parametrize("text", ["Năm 2026, 2028", "Quý I, III/2026", "Thường xuyên, 2026"])
def test_times_listed_apart_are_refused(text: str) -> None:
    with pytest.raises(DeadlineParseError):
        parse_deadline(text)
