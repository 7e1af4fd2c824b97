"""Target wordings of the thirty-third round (the seventeenth session's note, left alone from
round 154; and round 157 of the attacks).

Silent misreads mended:

* a per cent of GRDP (``Đạt 2% GRDP``) in the row of a share of the budget's spending named
  without its whole (``Tỷ lệ chi ngân sách cho khoa học, công nghệ …``, unit ``%``) was read as
  the row's share: 2 % of GRDP judged against a share of the budget.
"""

from __future__ import annotations

import pytest

from kh922core import TargetParseError, parse_target

_BUDGET = "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"


@pytest.mark.parametrize(
    "indicator",
    [
        _BUDGET,
        "Tỷ lệ chi từ ngân sách nhà nước cho khoa học và công nghệ",
        "Tỉ lệ chi NSNN cho chuyển đổi số",
    ],
)
@pytest.mark.parametrize("text", ["Đạt 2% GRDP", "Chi cho khoa học, công nghệ đạt 2% GRDP"])
def test_a_per_cent_of_grdp_in_a_row_of_a_share_of_the_budget_is_refused(
    indicator: str, text: str
) -> None:
    with pytest.raises(TargetParseError, match="a per cent of GRDP, in a row of"):
        parse_target(text, unit="%", indicator=indicator)


@pytest.mark.parametrize(
    ("indicator", "text", "reading"),
    [
        (_BUDGET, "Đạt 3%", "3%"),  # the row's own share
        (_BUDGET, "Tối thiểu 3% tổng chi ngân sách", "≥ 3% (% tổng chi ngân sách)"),
        ("Tỷ lệ chi ngân sách cho khoa học và công nghệ so với GRDP", "Đạt 2% GRDP", "2% (% GRDP)"),
        ("Chi cho nghiên cứu và phát triển (R&D)", "Đạt 2% GRDP", "2% (% GRDP)"),
        ("Tỷ lệ chi cho R&D", "Đạt 2% GRDP", "2% (% GRDP)"),
    ],
)
def test_a_share_of_its_own_whole_reads(indicator: str, text: str, reading: str) -> None:
    assert parse_target(text, unit="%", indicator=indicator).render() == reading
