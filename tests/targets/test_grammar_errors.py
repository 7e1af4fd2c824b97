"""Bad target texts raise the right error with a message that helps."""

from __future__ import annotations

import pytest

from kh922core import (
    IncompatibleUnitError,
    Kh922Error,
    TargetParseError,
    parse_target,
    split_targets,
)


def test_empty_text() -> None:
    with pytest.raises(TargetParseError, match="the text is empty") as info:
        parse_target("   ")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, Kh922Error)


@pytest.mark.parametrize("text", ["≥", ">", "trên", "tối thiểu"])
def test_lone_operator_says_the_number_is_missing(text: str) -> None:
    with pytest.raises(TargetParseError, match="the number is missing") as info:
        parse_target(text)
    assert "expected a number after" in str(info.value)
    assert info.value.position == len(text)


def test_two_operators() -> None:
    with pytest.raises(TargetParseError, match="two operators") as info:
        parse_target("≥ > 5")
    assert info.value.position == 2
    assert "'≥ > 5'" in str(info.value)


def test_operator_and_contradicting_suffix() -> None:
    with pytest.raises(TargetParseError, match="two operators"):
        parse_target("dưới 5% trở lên")


def test_letters_where_a_number_belongs() -> None:
    with pytest.raises(TargetParseError, match="letters where a number belongs") as info:
        parse_target("≥ abc")
    assert info.value.position == 2
    assert "    ≥ abc\n      ^" in str(info.value)


def test_unknown_words_before_the_number_are_quoted() -> None:
    with pytest.raises(TargetParseError, match="unexpected words 'xyz'") as info:
        parse_target("xyz 5")
    assert "expected an operator or phrase such as '≥'" in str(info.value)


def test_malformed_number() -> None:
    with pytest.raises(TargetParseError, match="dots separate thousands"):
        parse_target("≥ 1.23.4")


def test_unit_that_contradicts_the_indicator() -> None:
    with pytest.raises(IncompatibleUnitError) as info:
        parse_target("≥ 12 người/vạn dân", unit="%")
    message = str(info.value)
    assert "'người/vạn dân'" in message
    assert "'%'" in message
    assert "≥ 12 người/vạn dân" in message


def test_rank_group_with_a_percent_unit() -> None:
    with pytest.raises(TargetParseError, match="unit '%' on a rank"):
        parse_target("nhóm 30%")


def test_cell_with_several_targets_names_the_parts() -> None:
    text = "90% cấp tỉnh, 80% cấp huyện, 60% cấp xã"
    with pytest.raises(TargetParseError) as info:
        parse_target(text)
    assert info.value.parts == ("90% cấp tỉnh", "80% cấp huyện", "60% cấp xã")
    assert "holds 3 targets" in str(info.value)
    parts = split_targets(text)
    assert [(p.text, p.label, p.spec.value, p.spec.note) for p in parts] == [  # type: ignore[union-attr]
        ("90% cấp tỉnh", "cấp tỉnh", 90.0, None),
        ("80% cấp huyện", "cấp huyện", 80.0, None),
        ("60% cấp xã", "cấp xã", 60.0, None),
    ]


def test_reversed_range() -> None:
    with pytest.raises(TargetParseError, match="lower bound first"):
        parse_target("10-8%")


def test_two_numbers_without_a_range() -> None:
    with pytest.raises(TargetParseError, match="without a range"):
        parse_target("≥ 5 6")
