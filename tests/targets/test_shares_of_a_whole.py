"""Changes written in a share of a named whole (``% dân số``, ``% GRDP``).

A percentage of a whole is a share, so a change written in it is in points of that share, in
that unit; it is never a relative change (a change relative to the base is in plain %), and
never the growth rate of the whole it names.  Before, ``giảm 0,7% dân số`` read a relative fall
of 0.7 % (``dân số`` dropped), ``giảm 0,7 điểm % dân số`` points in plain ``%``, and ``tăng 5%
GRDP`` in a row in % the level 5 % of a growth rate (``tăng`` dropped): found by the grammar
fuzz (seed 100160), whose rendering of such a change did not read back.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, IncompatibleUnitError, parse_target


@pytest.mark.parametrize(
    ("text", "unit", "value", "falling"),
    [
        ("giảm 0,7% dân số", "% dân số", 0.7, True),
        ("giảm 0,7 % dân số", "% dân số", 0.7, True),
        ("giảm 0,7 điểm % dân số", "% dân số", 0.7, True),
        ("Tỷ lệ X hạ 0,7 % dân số", "% dân số", 0.7, True),
        ("Tỷ trọng kinh tế số tăng 5% GRDP", "% GRDP", 5.0, False),
        ("tăng 5 điểm % GRDP", "% GRDP", 5.0, False),
    ],
)
@pytest.mark.parametrize("row_unit", [None, "same"])
def test_a_change_in_a_share_of_a_whole_is_in_its_points(
    text: str, unit: str, value: float, falling: bool, row_unit: str | None
) -> None:
    spec = parse_target(text, unit=unit if row_unit else None)
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.POINTS
    assert spec.change.falling is falling
    assert spec.unit == unit
    assert spec.value == value
    again = parse_target(spec.render(), unit=unit if row_unit else None)
    assert again.change == spec.change
    assert again.unit == spec.unit
    assert again.value == spec.value


def test_a_share_of_gdp_is_not_the_growth_of_gdp() -> None:
    with pytest.raises(IncompatibleUnitError, match="% GRDP"):
        parse_target("tăng 5% GRDP", unit="%")
    rate = parse_target("GRDP tăng 8%", unit="%")  # the growth of GRDP: a level of that rate
    assert rate.change is None
    assert rate.value == 8.0


def test_a_level_in_a_share_of_a_whole_keeps_its_unit() -> None:
    spec = parse_target("Chi cho KH&CN tăng lên 2% GRDP", unit="% GRDP")
    assert spec.change is None
    assert spec.unit == "% GRDP"
