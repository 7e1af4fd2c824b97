"""Figures an official typed that read as numbers of their indicator but that the row itself
says are another figure (round 140 of the attacks: each was consolidated, and judged, with
nothing listed): a negative share or count, a share whose decimal comma was lost, and money
noted in another unit than the row's."""

from __future__ import annotations

from pathlib import Path

import pytest

import kh922core


def _collect(tmp_path: Path, rows: str, plan: kh922core.Plan | None = None) -> kh922core.Collection:
    path = tmp_path / "so-lieu.csv"
    path.write_text("indicator;year;value;note\n" + rows, encoding="utf-8")
    return kh922core.collect([path], plan=plan)


@pytest.mark.parametrize(
    "indicator", ["online-public-service-usage", "5g-coverage", "digital-tech-enterprise-count"]
)
def test_a_negative_share_or_count_is_listed(tmp_path: Path, indicator: str) -> None:
    found = _collect(tmp_path, f"{indicator};2026;-1,4;\n{indicator};2025;12;\n")
    assert found.observations.select("year", "value").rows() == [(2025, 12.0)]
    (refused,) = found.rejected
    assert refused.value == "-1,4"
    assert "is below 0" in refused.reason


def test_a_negative_level_of_what_may_fall_below_zero_is_read(tmp_path: Path) -> None:
    # "Tỷ lệ đóng góp của TFP vào tăng trưởng": a contribution to growth may be negative
    found = _collect(tmp_path, "tfp-contribution;2026;-2;\n")
    assert found.clean
    assert found.observations["value"].to_list() == [-2.0]


@pytest.mark.parametrize("name", ["Lạm phát bình quân", "Số người di cư thuần", "Phát thải ròng"])
def test_a_negative_level_of_a_net_or_an_inflation_is_read(tmp_path: Path, name: str) -> None:
    plan = kh922core.load_plan()
    indicators = tuple(
        i.model_copy(update={"name": name}) if i.id == "digital-tech-enterprise-count" else i
        for i in plan.indicators
    )
    plan = plan.model_copy(update={"indicators": indicators})
    found = _collect(tmp_path, "digital-tech-enterprise-count;2026;-5;\n", plan)
    assert found.observations["value"].to_list() == [-5.0]


def _renamed(indicator: str, name: str) -> kh922core.Plan:
    plan = kh922core.load_plan()
    indicators = tuple(
        i.model_copy(update={"name": name}) if i.id == indicator else i for i in plan.indicators
    )
    return plan.model_copy(update={"indicators": indicators})


@pytest.mark.parametrize(
    "name",
    [
        # round 167: "kết quả", "chỉ số", "lãi" in a share's name made -5 % a level to read
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Tỷ lệ doanh nghiệp có lãi",
        "Tỷ lệ xã có chỉ số chuyển đổi số đạt mức khá",
    ],
)
def test_a_negative_share_named_for_what_it_counts_is_listed(tmp_path: Path, name: str) -> None:
    plan = _renamed("online-public-service-usage", name)
    found = _collect(tmp_path, "online-public-service-usage;2026;-5;\n", plan)
    assert found.observations.is_empty()
    (refused,) = found.rejected
    assert "is below 0" in refused.reason


@pytest.mark.parametrize("name", ["Tỷ lệ tăng dân số tự nhiên", "Tỷ trọng biến động giá"])
def test_a_negative_share_of_a_change_is_read(tmp_path: Path, name: str) -> None:
    plan = _renamed("online-public-service-usage", name)
    found = _collect(tmp_path, "online-public-service-usage;2026;-0,2;\n", plan)
    assert found.observations["value"].to_list() == [-0.2]


@pytest.mark.parametrize(("typed", "listed"), [("580", True), ("108", False), ("349", False)])
def test_a_share_with_its_decimal_comma_lost_is_listed(
    tmp_path: Path, typed: str, listed: bool
) -> None:
    # the targets of location-independent-procedures: 70 %
    found = _collect(tmp_path, f"location-independent-procedures;2026;{typed};\n")
    assert found.observations.is_empty() is listed
    if listed:
        (refused,) = found.rejected
        assert "a decimal comma lost (58)" in refused.reason


def test_a_low_rate_a_year_is_read(tmp_path: Path) -> None:
    # 0,12 %/năm against a target of 10: a low year, as a fraction would look (not listed)
    found = _collect(tmp_path, "international-publications-growth;2026;0,12;\n")
    assert found.clean
    assert found.observations["value"].to_list() == [0.12]


def _plan_with_money() -> kh922core.Plan:
    plan = kh922core.load_plan()
    money = kh922core.parse_unit("tỷ đồng")
    indicators = tuple(
        i.model_copy(update={"unit": money, "name": "Vốn đầu tư cho khoa học và công nghệ"})
        if i.id == "rnd-personnel-headcount"
        else i
        for i in plan.indicators
    )
    return plan.model_copy(update={"indicators": indicators})


@pytest.mark.parametrize(
    ("note", "listed"),
    [
        ("đơn vị: triệu đồng", True),
        ("ĐVT: nghìn tỷ đồng", True),
        ("Tính bằng triệu USD", True),
        # round 167: spelt short, with a dot, in thousands of đồng, or a scale alone
        ("Đơn vị: Triệu đ", True),
        ("ĐVT: Tr.đồng", True),
        ("ĐVT: 1.000 đồng", True),
        ("ĐVT: nghìn tỷ", True),
        ("ĐVT: tỷ", False),  # the row's own scale
        ("đơn vị: tỷ đồng", False),
        ("Đơn vị tính: tỷ VND", False),  # the row's unit, spelt otherwise
        ("Hội đồng thẩm định, ước thực hiện", False),
        ("tương đương 6 triệu USD", False),  # an equivalent, no unit of the figure
    ],
)
def test_money_noted_in_another_unit_is_listed(tmp_path: Path, note: str, listed: bool) -> None:
    found = _collect(tmp_path, f"rnd-personnel-headcount;2026;150.000;{note}\n", _plan_with_money())
    assert found.observations.is_empty() is listed
    if listed:
        (refused,) = found.rejected
        assert "and the row is in 'tỷ đồng'" in refused.reason


@pytest.mark.parametrize(
    ("typed", "listed"),
    [("80", True), ("100", True), ("50", True), ("1,8", False), ("12", False), ("49", False)],
)
def test_a_share_25_times_its_largest_target_is_listed(
    tmp_path: Path, typed: str, listed: bool
) -> None:
    # round 153: 0,8 typed for 0,8 % of GRDP in a column formatted as a percentage shows and
    # holds 80 %; the targets of rnd-spending: 2 % GRDP (a real 12 % or 49 % is far, not 25×)
    found = _collect(tmp_path, f"rnd-spending;2026;{typed};\n")
    assert found.observations.is_empty() is listed
    if listed:
        (refused,) = found.rejected
        assert "25 times the largest target (2 % GRDP)" in refused.reason
        assert "typed in a cell formatted as a percentage" in refused.reason


@pytest.mark.parametrize(
    ("typed", "listed"), [("103,5", True), ("96,8", True), ("3,5", False), ("140", False)]
)
def test_an_index_as_published_in_a_row_of_its_rise_is_listed(
    tmp_path: Path, typed: str, listed: bool
) -> None:
    # round 167: "103,5" (the CPI as published, the year before = 100) was read as a rise of
    # 103,5 %, in a row whose targets are a rise of at most 10 %
    plan = _renamed("patent-commercialisation", "Chỉ số giá tiêu dùng (CPI)")
    found = _collect(tmp_path, f"patent-commercialisation;2026;{typed};\n", plan)
    assert found.observations.is_empty() is listed
    if listed:
        (refused,) = found.rejected
        assert "an index as published" in refused.reason
        rise = kh922core.format_number(round(float(typed.replace(",", ".")) - 100, 6))
        assert f"write {rise} for {typed}" in refused.reason


def test_a_share_near_100_is_no_index(tmp_path: Path) -> None:
    # the same row under its own name (a share): 96,8 % is a share, whatever its targets
    found = _collect(tmp_path, "patent-commercialisation;2026;96,8;\n")
    assert found.observations["value"].to_list() == [96.8]


@pytest.mark.parametrize(
    ("typed", "listed"), [("72", True), ("30", True), ("0,72", False), ("1", False)]
)
def test_an_index_of_0_to_1_typed_in_per_cent_is_listed(
    tmp_path: Path, typed: str, listed: bool
) -> None:
    # round 167: HDI = 30 (its target: > 0,7) was read, and judged met
    found = _collect(tmp_path, f"hdi;2026;{typed};\n")
    assert found.observations.is_empty() is listed
    if listed:
        (refused,) = found.rejected
        assert "an index written in per cent" in refused.reason
        shown = kh922core.format_number(float(typed) / 100)
        assert f"Write {shown} for {typed}" in refused.reason


@pytest.mark.parametrize(
    ("typed", "listed"), [("1,1802", True), ("2,5", True), ("1.180", False), ("12", False)]
)
def test_a_count_that_is_no_whole_number_is_listed(
    tmp_path: Path, typed: str, listed: bool
) -> None:
    # round 167: "1.1802" enterprises (a decimal point, or a footnote mark after 1.180) was
    # read as 1,1802 enterprises
    found = _collect(tmp_path, f"digital-tech-enterprise-count;2026;{typed};\n")
    assert found.observations.is_empty() is listed
    if listed:
        (refused,) = found.rejected
        assert "is not a whole number" in refused.reason


@pytest.mark.parametrize(
    "name",
    [
        # round 169: a share of a profit, a net flow or a deficit may be below 0
        "Tỷ suất lợi nhuận trên vốn chủ sở hữu",
        "Tỷ trọng xuất khẩu ròng trong GRDP",
        "Tỷ lệ di cư thuần",
        "Tỷ lệ bội chi ngân sách so với GRDP",
    ],
)
def test_a_negative_share_of_a_signed_flow_is_read(tmp_path: Path, name: str) -> None:
    plan = _renamed("online-public-service-usage", name)
    found = _collect(tmp_path, "online-public-service-usage;2026;-1,2;\n", plan)
    assert found.observations["value"].to_list() == [-1.2]


def test_a_count_named_for_an_index_is_no_index_of_0_to_1(tmp_path: Path) -> None:
    # round 169: "Số đô thị đạt Bộ chỉ số …" (targets ≥ 1) counts towns: 3 is 3, not 0,03
    plan = _renamed("smart-cities", "Số đô thị đạt Bộ chỉ số đô thị thông minh")
    found = _collect(tmp_path, "smart-cities;2026;3;\n", plan)
    assert found.observations["value"].to_list() == [3.0]
