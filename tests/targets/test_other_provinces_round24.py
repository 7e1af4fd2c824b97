"""Target wordings of the twenty-fourth round: units that provincial socio-economic plans write
and the grammar refused.

* the sex ratio at birth, ``Dưới 110 bé trai/100 bé gái`` (``trẻ trai/100 trẻ gái``, ``nam/100
  nữ``): a ratio of counts of its own, whose ``100`` is the unit's, never the target's; an
  indicator named ``Tỷ số giới tính khi sinh`` is better lower when a table is imported;
* a population scale written with a number and a word, ``19 bác sĩ/10 nghìn dân`` (ten
  thousand), ``/100 nghìn dân``;
* a mass of greenhouse gases, ``tấn CO2``, ``tấn CO2tđ``, ``triệu tấn CO2 tương đương``: tonnes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kh922core
from kh922core import Operator, TargetParseError, conversion_factor, parse_target, split_targets
from kh922core.errors import UnitError

_RATIO = "bé trai/100 bé gái"


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [
        ("Dưới 110 bé trai/100 bé gái", Operator.LT, 110.0),
        ("dưới 110 trẻ trai/100 trẻ gái", Operator.LT, 110.0),
        ("Không quá 109 bé trai/100 bé gái", Operator.LE, 109.0),
        ("Tỷ số giới tính khi sinh dưới 111 bé trai/100 bé gái", Operator.LT, 111.0),
    ],
)
def test_the_sex_ratio_at_birth_is_a_number_of_boys_per_100_girls(
    text: str, operator: Operator, value: float
) -> None:
    spec = parse_target(text, unit=_RATIO, direction="lower_is_better")
    assert (spec.operator, spec.value) == (operator, value)  # type: ignore[union-attr]
    assert spec.is_met(value - 1)
    assert not spec.is_met(value + 0.5)


def test_the_sex_ratio_written_with_men_and_women_is_the_same_unit() -> None:
    assert conversion_factor("nam/100 nữ", _RATIO) == pytest.approx(1.0)
    assert conversion_factor("trẻ trai/100 trẻ gái", _RATIO) == pytest.approx(1.0)
    spec = parse_target("khoảng 109 nam/100 nữ", unit=_RATIO, direction="lower_is_better")
    assert spec.is_met(109.0)
    assert not spec.is_met(115.0)


@pytest.mark.parametrize("unit", ["%", "người", "bác sĩ/vạn dân"])
def test_the_sex_ratio_never_converts_into_another_unit(unit: str) -> None:
    with pytest.raises(UnitError):
        conversion_factor(_RATIO, unit)
    with pytest.raises(UnitError):
        parse_target("Dưới 110 bé trai/100 bé gái", unit=unit)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("19 bác sĩ/10 nghìn dân", "bác sĩ/vạn dân", 19.0),
        ("Đạt 19 bác sĩ/10 nghìn dân", "bác sĩ/vạn dân", 19.0),
        ("Đạt 19 bác sĩ/10 ngàn dân", "bác sĩ/vạn dân", 19.0),
        ("Đạt 1,9 bác sĩ/1.000 dân", "bác sĩ/vạn dân", 19.0),
        ("Đạt 190 bác sĩ/100 nghìn dân", "bác sĩ/vạn dân", 19.0),
        ("Đạt 19 bác sĩ/10 nghìn dân", "bác sĩ/10 nghìn dân", 19.0),
    ],
)
def test_a_population_scale_written_with_a_number_and_a_word(
    text: str, unit: str, value: float
) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.change is None
    assert spec.is_met(value)
    assert not spec.is_met(value - 0.5)


def test_ten_thousand_written_with_a_word_is_ten_thousand() -> None:
    assert conversion_factor("bác sĩ/10 nghìn dân", "bác sĩ/vạn dân") == pytest.approx(1.0)
    assert conversion_factor("bác sĩ/100 nghìn dân", "bác sĩ/vạn dân") == pytest.approx(0.1)


def test_an_imported_sex_ratio_is_better_lower(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.csv"
    path.write_text(
        "STT,Chỉ tiêu,Đơn vị tính,Mục tiêu năm 2030\n"
        "1,Tỷ số giới tính khi sinh,bé trai/100 bé gái,109\n"
        "2,Số bác sĩ trên 10.000 dân,bác sĩ/vạn dân,19\n",
        encoding="utf-8",
    )
    found = kh922core.import_tables(path)
    directions = {i.name: i.direction.value for i in found.plan.indicators}
    assert directions == {
        "Tỷ số giới tính khi sinh": "lower_is_better",
        "Số bác sĩ trên 10.000 dân": "higher_is_better",
    }
    target = found.plan.target("2030-1")
    assert target.is_met(108.0)
    assert not target.is_met(110.0)


@pytest.mark.parametrize(
    ("text", "unit", "inside", "outside"),
    [
        ("Giảm 500 nghìn tấn CO2", "tấn CO2tđ", -500_000.0, -400_000.0),
        ("Dưới 2 triệu tấn CO2tđ", "tấn CO2tđ", 1_900_000.0, 2_000_000.0),
        ("Dưới 2 triệu tấn CO2 tương đương", "triệu tấn CO2 tương đương", 1.9, 2.0),
        ("Dưới 2 triệu tấn CO₂", "tấn CO₂", 1_900_000.0, 2_000_000.0),
    ],
)
def test_a_mass_of_carbon_dioxide_is_a_mass(
    text: str, unit: str, inside: float, outside: float
) -> None:
    spec = parse_target(text, unit=unit, direction="lower_is_better")
    if spec.change is None:
        assert spec.is_met(inside)
        assert not spec.is_met(outside)
    else:  # a fall of 500 000 tonnes: from a base of 1 000 000 tonnes
        assert spec.is_met(1_000_000.0 + inside, baseline=1_000_000.0)
        assert not spec.is_met(1_000_000.0 + outside, baseline=1_000_000.0)


def test_tonnes_of_carbon_dioxide_convert_as_tonnes() -> None:
    assert conversion_factor("triệu tấn CO2tđ", "tấn CO2") == pytest.approx(1e6)
    assert conversion_factor("nghìn tấn CO2 tương đương", "tấn CO2e") == pytest.approx(1e3)
    with pytest.raises(UnitError):
        conversion_factor("tấn CO2", "%")


# ------------------------------------------------- round 128: silent misreads, now refused

_SHARE = "Tỷ lệ dịch vụ công trực tuyến toàn trình"


@pytest.mark.parametrize(
    "text",
    [
        "Đạt 80%; năm 2025 đã đạt 55%",
        "Đạt 80%; thực hiện năm 2025: 55%",
        "Đạt 80%; kết quả năm 2025 đạt 55%",
        "Đạt 80%; số liệu năm 2025: 55%",
        "Đạt 80%; ghi chú: số liệu năm 2024 là 55%",
        "Đạt 80%; cả nước năm 2030 đạt 70%",
        "Đạt 80%; cả nước đạt 70% vào năm 2030",
        "Đạt 80%; toàn quốc năm 2030: 70%",
    ],
)
def test_a_result_or_the_countrys_figure_beside_the_target_is_no_part(text: str) -> None:
    # it was a second target, for its year (the country's 70 % for 2030 beside the 80 %)
    with pytest.raises(TargetParseError, match="result reached or the country's figure"):
        split_targets(text, unit="%", indicator=_SHARE)


@pytest.mark.parametrize(
    ("text", "unit", "direction"),
    [
        ("Đạt 95%; phấn đấu đạt 100% vào năm 2030", "%", "higher_is_better"),
        ("Đạt 20.000 tỷ đồng; phấn đấu 22.000 tỷ đồng năm 2030", "tỷ đồng", "higher_is_better"),
        ("Top 20 cả nước; phấn đấu top 10 vào năm 2030", "Thứ bậc", "lower_is_better"),
        ("Nhóm 20 tỉnh dẫn đầu, phấn đấu vào nhóm 15", "Thứ bậc", "lower_is_better"),
    ],
)
def test_a_stretch_goal_after_the_target_is_no_second_target(
    text: str, unit: str, direction: str
) -> None:
    with pytest.raises(TargetParseError, match="strives beyond the target"):
        split_targets(text, unit=unit, direction=direction)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Năm 2026 đạt 60%; phấn đấu năm 2030 đạt 100%", ["năm 2026", "năm 2030"]),
        ("Phấn đấu đến năm 2027 đạt 60%, đến năm 2030 đạt 100%", ["năm 2027", "năm 2030"]),
        ("Năm 2026: 80% xã; năm 2030: 100% xã", ["năm 2026", "năm 2030"]),
        ("100% xã đã đạt chuẩn duy trì; 50% xã đạt chuẩn nâng cao", None),
    ],
)
def test_a_schedule_of_years_still_reads(text: str, labels: list[str] | None) -> None:
    parts = split_targets(text, unit="%", indicator=_SHARE)
    assert len(parts) == 2
    if labels is not None:
        assert [part.label for part in parts] == labels


@pytest.mark.parametrize(
    "text",
    [
        "Đến năm 2027: 100% cấp tỉnh, 80% cấp xã; đến năm 2030: 100% cấp xã",
        "Năm 2026: cấp tỉnh 100%, cấp xã 80%; năm 2030: 100%",
        "Năm 2026: 60%, năm 2030: 100% (cấp tỉnh); 80% (cấp xã)",
        "Năm 2027: 100% cấp tỉnh; năm 2030: 100% cấp xã",
        "2027: 100% cấp tỉnh; 2030: 100% cấp xã",
    ],
)
def test_parts_told_apart_by_years_and_by_groups_are_refused(text: str) -> None:
    # a part lost its year (80 % cấp xã read for the horizon), or its group (2027's 100 % read
    # for the whole indicator)
    with pytest.raises(TargetParseError, match="group"):
        split_targets(text, unit="%", indicator=_SHARE)


@pytest.mark.parametrize(
    "text",
    [
        "Năm đầu đạt 50%, năm cuối đạt 100%",
        "Giai đoạn đầu 50%, giai đoạn sau 100%",
        "Năm 2026: 50%; các năm tiếp theo tăng 10%/năm",
    ],
)
def test_a_time_the_cell_does_not_date_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a time the cell does not date"):
        split_targets(text, unit="%", indicator=_SHARE)


@pytest.mark.parametrize(
    "text",
    [
        "50 nhiệm vụ trong giai đoạn 2026-2030",
        "Giai đoạn 2026 - 2030: 50 nhiệm vụ",
        "50 (giai đoạn 2026-2030)",
        "50 nhiệm vụ (giai đoạn 2026-2030)",
        "50 nhiệm vụ/5 năm",
    ],
)
def test_a_count_over_a_span_of_named_years_is_refused(text: str) -> None:
    # read as the level at the horizon: 50 tasks under way in 2030 met 50 done over five years
    with pytest.raises(TargetParseError, match="the total of the span's years"):
        parse_target(text, unit="nhiệm vụ", indicator="Số nhiệm vụ khoa học và công nghệ")


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Giai đoạn 2026-2030: 100% xã có điện", "%", "Tỷ lệ xã có điện"),
        ("Đạt 150 triệu đồng/người (giai đoạn 2026-2030)", "triệu đồng/người", "GRDP bình quân"),
        ("Trong vòng 5 năm tới có 500 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp"),
        ("50 nhiệm vụ (giai đoạn 2026-2030)", "nhiệm vụ", "Số nhiệm vụ giai đoạn 2026-2030"),
    ],
)
def test_a_share_a_ratio_a_stock_and_a_named_span_still_read(
    text: str, unit: str, indicator: str
) -> None:
    assert parse_target(text, unit=unit, indicator=indicator).change is None


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Thành lập mới 1.000 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp công nghệ số"),
        ("Phát triển mới 1.000 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp công nghệ số"),
        ("Hỗ trợ thành lập mới 200 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp"),
        ("Có 1.000 doanh nghiệp mới", "doanh nghiệp", "Số doanh nghiệp công nghệ số"),
        ("1.000 doanh nghiệp thành lập mới", "doanh nghiệp", "Số doanh nghiệp"),
        ("Trồng mới 5.000 ha rừng", "ha", "Diện tích rừng hiện có"),
        ("Trồng mới 5.000 ha", "ha", "Diện tích rừng"),
    ],
)
def test_new_ones_in_a_row_that_counts_them_all_are_refused(
    text: str, unit: str, indicator: str
) -> None:
    # read as the level: 250 000 ha of forest met "plant 5 000 ha new" with nothing planted
    with pytest.raises(TargetParseError, match="how many are added"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "value"),
    [
        ("Trồng mới 5.000 ha", "ha", "Diện tích rừng trồng mới", 5_000.0),
        ("Thành lập mới 1.000 doanh nghiệp", "doanh nghiệp", "Số doanh nghiệp thành lập mới", 1e3),
        ("Có 100 xã đạt chuẩn nông thôn mới", "xã", "Số xã đạt chuẩn", 100.0),
        ("Có 50 hợp tác xã kiểu mới", "hợp tác xã", "Số hợp tác xã", 50.0),
    ],
)
def test_new_ones_in_a_row_that_counts_them_read(
    text: str, unit: str, indicator: str, value: float
) -> None:
    spec = parse_target(text, unit=unit, indicator=indicator)
    assert spec.is_met(value)
    assert not spec.is_met(value - 1)


@pytest.mark.parametrize("text", ["Đạt 90% (năm 2025: 85%)", "Đạt 80% (năm 2025 đạt 55%)"])
def test_a_year_and_a_figure_in_brackets_stay_refused(text: str) -> None:
    # a milestone, or the figure of now?  (a bracket after the target is more often the latter)
    with pytest.raises(TargetParseError):
        split_targets(text, unit="%")


def test_a_rank_of_now_in_brackets_leaves_the_rank_group() -> None:
    (part,) = split_targets("Top 20 (năm 2024: thứ 35)", unit="Thứ bậc")
    assert part.spec.kind == "rank_group"
    assert (part.spec.is_met(20), part.spec.is_met(21)) == (True, False)


# ------------------------------------------- round 128: common plain texts, now read


@pytest.mark.parametrize(
    ("text", "cohort"),
    [
        ("Top 10 trong số 34 tỉnh, thành phố", 34),
        ("Top 10 trong số 63 tỉnh, thành phố", 63),
        ("Top 10 trong 34 tỉnh", 34),
        ("Top 10 trên tổng số 63 tỉnh, thành phố", 63),
        ("Nhóm 10 trong số 63 địa phương", 63),
    ],
)
def test_a_rank_among_a_cohort_written_in_words(text: str, cohort: int) -> None:
    spec = parse_target(text, unit="Thứ bậc", direction="lower_is_better")
    assert (spec.kind, spec.size, spec.cohort) == ("rank_group", 10, cohort)  # type: ignore[union-attr]
    assert spec.is_met(10)
    assert not spec.is_met(11)


def test_a_rank_beyond_its_cohort_in_words_is_refused() -> None:
    with pytest.raises(TargetParseError, match="cohort 34"):
        parse_target("Top 40 trong số 34 tỉnh", unit="Thứ bậc", direction="lower_is_better")


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Ít nhất 50 đơn đăng ký sáng chế", "đơn đăng ký", 50.0),
        ("Có 50 đơn sáng chế", "đơn đăng ký sáng chế", 50.0),
        ("Có 3.000 trạm BTS", "trạm phát sóng", 3_000.0),
    ],
)
def test_applications_and_stations_are_counts(text: str, unit: str, value: float) -> None:
    spec = parse_target(text, unit=unit)
    assert spec.is_met(value)
    assert not spec.is_met(value - 1)


@pytest.mark.parametrize(("one", "other"), [("đơn đăng ký", "sáng chế"), ("trạm BTS", "trạm y tế")])
def test_applications_are_no_patents_and_stations_no_health_stations(one: str, other: str) -> None:
    with pytest.raises(UnitError):
        conversion_factor(one, other)


@pytest.mark.parametrize(
    ("text", "direction", "met", "unmet"),
    [
        (
            "100% doanh nghiệp có từ 50 lao động trở lên sử dụng hóa đơn điện tử",
            "higher_is_better",
            100.0,
            99.0,
        ),
        (
            "Trên 80% doanh nghiệp có quy mô trên 10 lao động ứng dụng nền tảng số",
            "higher_is_better",
            80.5,
            80.0,
        ),
        ("5% doanh nghiệp có từ 50 lao động trở lên vi phạm", "lower_is_better", 5.0, 6.0),
    ],
)
def test_a_size_that_says_which_the_share_counts_is_no_target(
    text: str, direction: str, met: float, unmet: float
) -> None:
    # "trở lên" goes with the size, never the share: 5 % better lower stays at most 5 %
    spec = parse_target(text, unit="%", direction=direction)  # type: ignore[arg-type]
    assert spec.is_met(met)
    assert not spec.is_met(unmet)
    assert "50" in (spec.note or "") or "10" in (spec.note or "")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("Duy trì vị trí thứ 5 cả nước", 5),
        ("Đứng ở vị trí thứ 10/34", 10),
        ("Giữ vị trí thứ 3", 3),
    ],
)
def test_a_place_in_the_ranking_is_a_rank_group(text: str, size: int) -> None:
    spec = parse_target(text, unit="Thứ bậc", direction="lower_is_better")
    assert (spec.kind, spec.size) == ("rank_group", size)  # type: ignore[union-attr]
    assert spec.is_met(size)
    assert not spec.is_met(size + 1)


# ------------------------------------- round 130: the same words where they mean no such thing


@pytest.mark.parametrize(
    ("text", "unit", "indicator", "parts"),
    [
        ("Năm 2027 đạt 80%; tính đến năm 2030 đạt 100%", "%", _SHARE, 2),  # a deadline
        ("Huyện 50%; xã nông thôn mới đạt 100%", "%", _SHARE, 2),  # "mới" ends a name
        ("Trên 90% cấp tỉnh và phấn đấu 80% cấp xã", "%", _SHARE, 2),  # a group's part
        ("100% cấp tỉnh; phấn đấu 90% cấp xã", "%", _SHARE, 2),
        ("Năm 2026: 8%; bình quân 2026-2030: 8,5%", "%", "Tốc độ tăng trưởng GRDP", 2),
        ("Năm 2026: 90%; năm cuối giai đoạn (2030): 100%", "%", _SHARE, 2),
        ("Lũy kế đến năm 2030 đạt 120 xã", "xã", "Số xã đạt chuẩn nông thôn mới", 1),
        ("Đạt 50 xã (theo Bộ tiêu chí xã NTM giai đoạn 2026-2030)", "xã", "Số xã đạt chuẩn", 1),
        ("Tăng 15% so với năm 2025 (ước)", "tỷ đồng", "Thu ngân sách", 1),
        ("Có 50.000 thuê bao mới", "thuê bao", "Số thuê bao phát triển", 1),
        ("Có 1.000 doanh nghiệp mới/năm", "doanh nghiệp/năm", "Số doanh nghiệp", 1),
        ("Đạt 15.000 doanh nghiệp (kể cả doanh nghiệp mới thành lập)", "doanh nghiệp", "Số DN", 1),
    ],
)
def test_near_the_new_rules_the_same_words_still_read(
    text: str, unit: str, indicator: str, parts: int
) -> None:
    assert len(split_targets(text, unit=unit, indicator=indicator)) == parts
