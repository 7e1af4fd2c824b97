"""A fifteenth round: cells with several targets, and a group bound in the subject.

* ``từ 18 tuổi trở lên`` qualifies the people counted; its bound used to become the target's
  (``Tỷ lệ thừa cân ở người từ 18 tuổi trở lên 20%`` was at least 20 %);
* ``đồng bằng`` is a region, not ``bằng`` (the labels used to be ``vùng đồng``);
* an estimate of the base year beside a target (``đạt 98%, năm 2025 ước đạt 95%``) was a target
  of 2025.
"""

from __future__ import annotations

import pytest

from kh922core import Operator, TargetParseError, parse_target, split_targets


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "Tỷ lệ thừa cân ở người từ 18 tuổi trở lên 20%",
            "Tỷ lệ thừa cân ở người từ 18 tuổi trở lên",
        ),
        ("Tỷ lệ khách sạn từ 3 sao trở lên 50%", "Tỷ lệ khách sạn từ 3 sao trở lên"),
    ],
)
def test_a_group_bound_in_the_subject_is_not_the_targets(text: str, note: str) -> None:
    spec = parse_target(text, unit="%", direction="lower_is_better")
    assert spec.operator is Operator.TARGET  # a bare number: at most, on this indicator
    assert spec.note == note
    assert parse_target(spec.render(), unit="%", direction="lower_is_better") == spec


def test_a_group_bound_alone_is_still_the_target() -> None:
    spec = parse_target("Từ 18 tuổi trở lên")
    assert (spec.operator, spec.value, spec.unit) == (Operator.GE, 18.0, "tuổi")


def test_the_parts_keep_their_group_in_their_text() -> None:
    parts = split_targets("thành thị 3%, lao động từ 15 tuổi trở lên 4%", unit="%")
    assert [p.label for p in parts] == ["thành thị", "lao động"]
    assert parts[1].spec.operator is Operator.TARGET
    assert "từ 15 tuổi trở lên" in (parts[1].spec.note or "")


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("vùng đồng bằng 2%, vùng miền núi 5%", ["vùng đồng bằng", "vùng miền núi"]),
        ("Đồng bằng 2%, miền núi 5%", ["Đồng bằng", "miền núi"]),
        ("cấp tỉnh 100%, cấp xã bằng 90%", ["cấp tỉnh", "cấp xã"]),
    ],
)
def test_a_region_named_dong_bang_keeps_its_name(text: str, labels: list[str]) -> None:
    assert [p.label for p in split_targets(text, unit="%")] == labels


def test_a_lowland_target_alone_reads() -> None:
    spec = parse_target("Tỷ lệ hộ nghèo vùng đồng bằng dưới 2%", unit="%")
    assert (spec.operator, spec.value) == (Operator.LT, 2.0)


@pytest.mark.parametrize("text", ["đạt 98%, năm 2025 ước đạt 95%", "Ước đạt 10%"])
def test_an_estimate_is_no_target(text: str) -> None:
    """The estimate of the base year used to be read as a target of 2025."""
    with pytest.raises(TargetParseError, match="an estimate of what was done"):
        split_targets(text, unit="%")


def test_a_base_from_the_estimate_of_a_year_is_that_years_level() -> None:
    spec = parse_target("Tăng 10% so với ước thực hiện năm 2025", unit="tỷ đồng")
    assert spec.change is not None
    assert spec.change.since == 2025
