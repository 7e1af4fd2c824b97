"""``explain`` takes a parsed target or a text, as ``kh922 explain`` does."""

from __future__ import annotations

import pytest

import kh922core
from kh922core.errors import TargetParseError


def test_a_text_is_explained_like_its_parsed_target() -> None:
    assert kh922core.explain("8-10%") == kh922core.explain(kh922core.parse_target("8-10%"), "8-10%")
    lines = kh922core.explain("dưới 3%", direction="lower_is_better").splitlines()
    assert lines[0] == "text:       dưới 3%"
    assert lines[1:3] == ["kind:       less than", "met when:   value < 3"]
    assert "direction:  lower_is_better" in lines


def test_a_text_is_parsed_with_the_indicators_unit() -> None:
    lines = kh922core.explain("nhóm 30", unit="Thứ bậc").splitlines()
    assert lines[1] == "kind:       rank group"


def test_a_bad_text_is_a_parse_error() -> None:
    with pytest.raises(TargetParseError, match="cannot parse target '≥ abc'"):
        kh922core.explain("≥ abc")


@pytest.mark.parametrize("thing", [42, None, ["≥ 55"]])
def test_anything_else_is_a_type_error(thing: object) -> None:
    with pytest.raises(TypeError, match="explain needs a parsed target or a target text"):
        kh922core.explain(thing)  # type: ignore[arg-type]


def test_a_direction_that_is_none_of_the_three_is_named() -> None:
    with pytest.raises(kh922core.errors.InvalidValueError, match="direction must be one of"):
        kh922core.parse_target("≥ 5", direction="up")
    with pytest.raises(kh922core.errors.InvalidValueError, match="got 'lower'"):
        kh922core.explain("nhóm 30", direction="lower")


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_number_no_target_can_hold_is_not_written(value: float) -> None:
    with pytest.raises(kh922core.errors.NumberFormatError, match="cannot write"):
        kh922core.format_number(value)
