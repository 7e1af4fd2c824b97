"""A sixteenth round: the words after a change's number, and its base year.

* ``tăng 10% năm`` (``năm`` with no year after it) used to be a change of 10 % in all, with
  ``năm`` in the note; it is likely ``%/năm`` with the slash lost, or a year whose number is
  missing, and is refused;
* ``so với năm gốc 2020`` was refused (``two numbers without a range``): the year after ``gốc``
  names the base year, as a year in brackets does.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, TargetParseError, parse_target


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
    assert change is not None and change.kind is kind


def test_a_level_followed_by_the_year_word_is_left_alone() -> None:
    spec = parse_target("giảm còn 3% năm", unit="%")
    assert spec.change is None and spec.value == 3.0


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
    assert change is not None and change.since == 2020


def test_the_word_for_base_alone_is_the_plan_baseline() -> None:
    change = parse_target("tăng 10% so với năm gốc", unit="tỷ đồng").change
    assert change is not None and change.since is None and not change.previous_year
