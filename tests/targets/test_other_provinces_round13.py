"""A thirteenth round of phrasings from other provinces' plans (2025-2030 Party Congress
resolutions, plans for Resolution 57-NQ/TW): shapes that used to read silently wrong after a
subject, and wordings that used to be refused.

Each refused text used to parse to something the Vietnamese does not say:

* ``N lần`` after a subject was the level N in the row's unit (``GRDP bình quân đầu người đạt
  1,2 lần bình quân cả nước``: ≥ 1,2 triệu đồng/người);
* places of a ranking after other verbs were a rank group (``Chỉ số PCI tiến 5 bậc``: top 5);
* a comparison with another level made its difference a level (``Tỷ lệ hộ nghèo thấp hơn bình
  quân cả nước 2%``: ≤ 2 %);
* a level in one year and one in a later year was a range (``10% năm 2026 đến 12% năm 2030``).
"""

from __future__ import annotations

import pytest

from kh922core import Direction, Operator, TargetParseError, parse_target


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("GRDP bình quân đầu người đạt 1,2 lần bình quân cả nước", "triệu đồng/người"),
        ("GRDP bình quân đầu người không thấp hơn 1,2 lần bình quân cả nước", "triệu đồng/người"),
        ("Tỷ lệ hộ nghèo dưới 2 lần bình quân cả nước", "%"),
        ("Số doanh nghiệp đạt 2 lần", "doanh nghiệp"),
        ("Số doanh nghiệp từ 2 - 3 lần", "doanh nghiệp"),
        ("Thu ngân sách đạt trên 1,2 lần", "tỷ đồng"),
    ],
)
def test_times_after_a_subject_with_no_verb_or_base_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="'lần' with no verb of change"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ số PCI tiến 5 bậc",
        "Chỉ số PCI lên 5 hạng",
        "Chỉ số PCI nhảy 5 bậc",
        "Chỉ số PCI nâng thứ hạng 5 bậc",
        "Chỉ số PAPI tiến 3 vị trí",
        "Chỉ số PCI lên 5 bậc mỗi năm",
    ],
)
def test_places_after_the_number_are_a_move_whatever_the_verb(text: str) -> None:
    with pytest.raises(TargetParseError, match="a move in a ranking"):
        parse_target(text, unit="Thứ bậc")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tốc độ tăng trưởng GRDP cao hơn bình quân cả nước 1,5%", "%/năm"),
        ("Tăng trưởng GRDP cao hơn tốc độ tăng trưởng chung cả nước 1%", "%"),
        ("Tỷ lệ hộ nghèo thấp hơn bình quân cả nước 2%", "%"),
        ("GRDP bình quân đầu người cao hơn bình quân cả nước 20 triệu đồng", "triệu đồng/người"),
        ("Tốc độ tăng trưởng năm sau cao hơn năm trước 0,5%", "%/năm"),
        ("Số doanh nghiệp năm sau nhiều hơn năm trước 500 doanh nghiệp", "doanh nghiệp"),
        ("Tỷ lệ đô thị hóa năm 2030 cao hơn năm 2025 là 10%", "%"),
    ],
)
def test_a_comparison_with_another_level_is_refused(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="a comparison with another level"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("10% năm 2026 đến 12% năm 2030", "%"),
        ("Từ 10% năm 2026 đến 12% năm 2030", "%"),
        ("10% (năm 2026) đến 12% (năm 2030)", "%"),
        ("Đạt 5.000 tỷ đồng năm 2026 đến 7.000 tỷ đồng năm 2030", "tỷ đồng"),
    ],
)
def test_a_path_through_the_years_is_no_range(text: str, unit: str) -> None:
    with pytest.raises(TargetParseError, match="a level in one year, then one in a later year"):
        parse_target(text, unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "kind", "value"),
    [
        # near misses of the refusals above, read as before
        ("Tỷ lệ hộ nghèo thấp hơn 2%", "%", "comparison", 2.0),
        ("Chỉ số PCI thuộc nhóm 20", "Thứ bậc", "rank_group", None),
        ("Chỉ số PCI thuộc 10 vị trí dẫn đầu", "Thứ bậc", "rank_group", None),
        ("Hoàn thành 5 hạng mục công trình", None, "comparison", 5.0),
        ("Số doanh nghiệp đạt 2 lần so với năm 2025", "doanh nghiệp", "comparison", 2.0),
        ("Giai đoạn 2026-2030 đạt 10-12%", "%", "range", None),
        # used to be refused
        ("Cảng hàng không đón 5 triệu lượt khách", "lượt khách", "comparison", 5_000_000.0),
        ("Tỷ lệ người dân có kỹ năng số cơ bản đạt 80%", "%", "comparison", 80.0),
        (
            "Chỉ số chuyển đổi số (DTI) cấp tỉnh thuộc nhóm 10 tỉnh dẫn đầu",
            "Thứ bậc",
            "rank_group",
            None,
        ),
        ("Chỉ số PCI (năng lực cạnh tranh cấp tỉnh) thuộc nhóm 10", "Thứ bậc", "rank_group", None),
    ],
)
def test_what_still_reads(text: str, unit: str | None, kind: str, value: float | None) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.kind == kind
    assert getattr(spec, "value", None) == value
    assert parse_target(spec.render(), unit=unit) == spec


def test_a_comparison_in_a_rank_row_keeps_its_direction() -> None:
    spec = parse_target("Chỉ số PCI thuộc nhóm 20", unit="Thứ bậc")
    assert spec.direction is Direction.LOWER_IS_BETTER
    assert parse_target("Tỷ lệ hộ nghèo thấp hơn 2%", unit="%").operator is Operator.LT


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [
        # "ngưỡng" after a comparator used to end the subject: the bare level 4 % (≥ 4 %)
        ("Tỷ lệ lạm phát không vượt ngưỡng 4%", Operator.LE, 4.0),
        ("Tỷ lệ nợ xấu dưới ngưỡng 3%", Operator.LT, 3.0),
        # numbers of a name in the subject (they used to make the text refused)
        ("Tỷ lệ người dân có tài khoản định danh điện tử mức 2 đạt 80%", Operator.TARGET, 80.0),
        ("Tỷ lệ dân số được phủ sóng 5G đạt 99%", Operator.TARGET, 99.0),
        ("Tỷ lệ thuê bao 4G/5G đạt 90%", Operator.TARGET, 90.0),
        ("Tỷ lệ doanh nghiệp ứng dụng công nghệ 4.0 đạt 30%", Operator.TARGET, 30.0),
    ],
)
def test_thresholds_and_names_with_numbers(text: str, operator: Operator, value: float) -> None:
    spec = parse_target(text, unit="%")
    assert spec.operator is operator
    assert spec.value == value


def test_a_level_after_mức_is_still_the_target() -> None:
    spec = parse_target("Duy trì ở mức 2 trở lên")
    assert (spec.operator, spec.value) == (Operator.GE, 2.0)


def test_a_change_in_a_share_of_gdp_written_out_is_points() -> None:
    """``% GRDP`` says the share: no longer refused as a thing no share names."""
    spec = parse_target("Kinh tế số tăng 5% GRDP so với năm 2025", unit="% GRDP")
    assert spec.change is not None
    assert spec.change.kind.value == "points"
    assert spec.change.since == 2025
    assert spec.unit == "% GRDP"
