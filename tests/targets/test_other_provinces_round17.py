"""A seventeenth round: the words between ``Tăng trưởng`` and its number.

* ``Tăng trưởng kinh tế 8%`` (``tín dụng``, ``xuất khẩu``, ``GRDP``) was refused, ``kinh tế``
  unexpected, though ``Tăng trưởng 8%`` and ``Tăng trưởng kinh tế đạt 8%`` read: the words
  after a verb that also names the change are its subject, and the target reads as ``Tăng
  trưởng 8%`` does (a level of a growth rate in ``%`` or ``%/năm``, a growth a year of a level
  in money), the subject in the note.  A word that would qualify the number (``chỉ``,
  ``ước``, ``dự kiến``), a second number, or a number of points or times after it is still
  refused.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, TargetParseError, parse_target

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
