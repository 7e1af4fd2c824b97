"""A fourteenth round: change targets as annual plans and 2025-2030 resolutions write them.

Each of these used to read silently wrong:

* ``tăng 10%/năm`` in a row whose unit ends in ``/năm`` (``triệu đồng/người/năm``, ``tấn/năm``)
  was one relative rise of 10 %: the ``/năm`` was taken for the unit's own;
* a price or output index with a base in a row in % (``Chỉ số giá tiêu dùng tăng dưới 4% so
  với cùng kỳ``) was a change in points of the index: inflation going from 4 % to 7 % met it;
* a contribution share named after growth (``Đóng góp của TFP vào tăng trưởng tăng 5%``) was
  the level 5 % of a growth rate, its verb dropped;
* a hedge before a verb of change (``Cơ bản tăng 10%``) was a plain change.
"""

from __future__ import annotations

import pytest

from kh922core import ChangeKind, Operator, TargetParseError, parse_target


@pytest.mark.parametrize(
    ("text", "unit", "falling"),
    [
        ("Thu nhập bình quân đầu người tăng 10%/năm", "triệu đồng/người/năm", False),
        ("Giảm 5%/năm", "triệu đồng/người/năm", True),
        ("Sản lượng thủy sản tăng 5%/năm", "tấn/năm", False),
        ("Lượng khách tăng 10%/năm", "lượt/năm", False),
    ],
)
def test_a_yearly_percent_in_a_row_per_year_is_a_yearly_growth(
    text: str, unit: str, falling: bool
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.GROWTH_PER_YEAR
    assert spec.change.falling is falling
    # five years at 10 % a year need about 161 from 100; one rise of 10 % does not meet it
    if not falling:
        assert not spec.is_met(111.0, baseline=100.0, years=5)
        assert spec.is_met(162.0, baseline=100.0, years=5)


def test_a_level_in_a_row_per_year_keeps_its_unit() -> None:
    spec = parse_target("Đạt 60 triệu đồng/người/năm", unit="triệu đồng/người/năm")
    assert spec.change is None
    assert spec.unit == "triệu đồng/người/năm"


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [
        ("Chỉ số giá tiêu dùng tăng dưới 4% so với cùng kỳ", Operator.LT, 4.0),
        (
            "Chỉ số giá tiêu dùng (CPI) bình quân tăng không quá 4% so với năm trước",
            Operator.LE,
            4.0,
        ),
        ("Chỉ số sản xuất công nghiệp (IIP) tăng 10% so với cùng kỳ", Operator.TARGET, 10.0),
        ("Chỉ số giá tiêu dùng tăng dưới 4%", Operator.LT, 4.0),
    ],
)
def test_an_index_growth_over_the_year_before_is_the_level_of_its_rate(
    text: str, operator: Operator, value: float
) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is None
    assert spec.operator is operator
    assert spec.value == value


def test_an_index_growth_from_a_named_year_is_refused() -> None:
    """Over several years, or the rate of the year after the base? Not said."""
    with pytest.raises(TargetParseError, match="itself a rate of change"):
        parse_target("Chỉ số CPI tăng dưới 4% so với năm 2025", unit="%")


def test_an_index_that_is_a_share_still_changes_in_points() -> None:
    spec = parse_target("Chỉ số hài lòng tăng 5% so với năm 2025", unit="%")
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.POINTS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Đóng góp của TFP vào tăng trưởng tăng 5%", ChangeKind.POINTS),
        ("Đóng góp của kinh tế số vào GRDP tăng 2%/năm", ChangeKind.POINTS_PER_YEAR),
    ],
)
def test_a_contribution_share_changes_in_points(text: str, kind: ChangeKind) -> None:
    spec = parse_target(text, unit="%")
    assert spec.change is not None
    assert spec.change.kind is kind


@pytest.mark.parametrize("text", ["Cơ bản tăng 10%", "Về cơ bản tăng 10%", "Hầu hết tăng 10%"])
def test_a_hedge_before_a_verb_of_change_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="hedges the number"):
        parse_target(text, unit="tỷ đồng")


def test_a_noun_ending_in_co_ban_before_a_verb_reads() -> None:
    spec = parse_target("Vốn đầu tư xây dựng cơ bản tăng 10%", unit="tỷ đồng")
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.RELATIVE


@pytest.mark.parametrize(
    ("text", "unit", "falling", "met", "missed"),
    [
        # used to be refused: a negated verb of change before "quá"
        ("Không tăng quá 3%", "tỷ đồng", False, 103.0, 104.0),
        ("Chi thường xuyên không tăng quá 3% so với năm trước", "tỷ đồng", False, 103.0, 104.0),
        ("Diện tích đất lúa không giảm quá 5%", "ha", True, 95.0, 94.0),
        ("Không giảm quá 5%", "tỷ đồng", True, 95.0, 94.0),
        # % of a level in ha can only be a relative fall (it used to be refused as ambiguous)
        ("Diện tích đất lúa giảm không quá 5%", "ha", True, 95.0, 94.0),
    ],
)
def test_a_capped_change_of_a_level(
    text: str, unit: str, falling: bool, met: float, missed: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is not None
    assert spec.change.kind is ChangeKind.RELATIVE
    assert spec.change.falling is falling
    assert spec.is_met(met, baseline=100.0)
    assert not spec.is_met(missed, baseline=100.0)
    assert spec.is_met(100.0, baseline=100.0)  # no change at all is within the cap


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Giảm không quá 500 ha", "ha"),  # the level to fall below, or a fall of 500 ha at most?
        ("Tỷ lệ che phủ rừng giảm không quá 1%", "%"),
        ("Không tăng 3%", "tỷ đồng"),
    ],
)
def test_capped_changes_that_stay_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text, unit=unit)


def test_the_product_growth_over_the_year_before_is_the_level_of_its_rate() -> None:
    text = "Tổng sản phẩm trên địa bàn (GRDP) tăng 8,5% so với năm trước"
    spec = parse_target(text, unit="%")  # used to be refused
    assert spec.change is None
    assert spec.value == 8.5
    with pytest.raises(TargetParseError, match="itself a rate of change"):
        parse_target("GRDP tăng 8,5% so với năm 2025", unit="%")
    share = parse_target("Tỷ trọng công nghiệp trong GRDP tăng 2% so với năm trước", unit="%")
    assert share.change is not None
    assert share.change.kind is ChangeKind.POINTS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Giá trị sản phẩm thu hoạch trên 1 ha đạt 150 triệu đồng", 150.0),
        ("Giá trị sản xuất trên 1 ha đất trồng trọt tăng 5%/năm", 5.0),
    ],
)
def test_a_measure_per_one_hectare_holds_no_target(text: str, value: float) -> None:
    """``trên 1 ha`` names the measure; the texts used to be refused (two numbers)."""
    spec = parse_target(text, unit="triệu đồng")
    assert spec.value == value


def test_more_than_one_hectare_alone_is_still_the_target() -> None:
    spec = parse_target("Diện tích trồng mới trên 1 ha", unit="ha")
    assert (spec.operator, spec.value) == (Operator.GT, 1.0)
