"""Target wordings of the thirty-second round (round 154 of the attacks: 801 targets of the
provinces' Party Congress resolutions and five-year plans for 2026-2030).

Silent misreads mended:

* a month's measure in the subject (``Thu nhập bình quân đầu người/tháng đạt 10 triệu đồng``)
  in a row in ``triệu đồng/người/năm`` was 10 a year: always met;
* a multiple of a level (``GRDP năm 2030 gấp 1,6 lần năm 2025``) in a row of a growth rate was
  a multiple of the rate;
* a figure of one year (``Bình quân mỗi năm đạt 100 nghìn tỷ đồng``, ``năm 2030 đạt …``) in the
  row of a five-year total was the total: always met.
"""

from __future__ import annotations

import pytest

from kh922core import Kh922Error, TargetParseError, parse_target

_INCOME = "Thu nhập bình quân đầu người"
_TOTAL = "Tổng vốn đầu tư toàn xã hội 5 năm"


@pytest.mark.parametrize(
    "text",
    [
        "Thu nhập bình quân đầu người/tháng đạt 10 triệu đồng",
        "Thu nhập bình quân đầu người hằng tháng đạt 10 triệu đồng",
        "Thu nhập bình quân một người một tháng đạt 10 triệu đồng",
        "Thu nhập bình quân tháng đạt 10 triệu đồng/người",
    ],
)
@pytest.mark.parametrize("unit", ["triệu đồng/người/năm", "triệu đồng", "triệu đồng/người"])
def test_a_months_measure_in_a_row_of_no_month_is_refused(text: str, unit: str) -> None:
    with pytest.raises(Kh922Error) as refused:
        parse_target(text, unit=unit, indicator=_INCOME)
    if not text.endswith("/người") or unit != "triệu đồng":  # else the units disagree first
        assert "the subject names a month's figure" in str(refused.value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Đạt 10 triệu đồng/người/tháng", "triệu đồng/người/năm", 120),  # converted
        ("Thu nhập bình quân hằng tháng đạt 10 triệu đồng", "triệu đồng/người/tháng", 10),
        ("Đến tháng 12/2030 đạt 120 triệu đồng", "triệu đồng/người/năm", 120),  # a date
    ],
)
def test_a_month_that_the_unit_says_or_a_date_reads(text: str, unit: str, value: float) -> None:
    assert parse_target(text, unit=unit, indicator=_INCOME).value == value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("GRDP năm 2030 gấp 1,6 lần năm 2025", "%", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân"),
        ("Tăng gấp 1,6 lần so với năm 2025", "%/năm", "Tốc độ tăng năng suất lao động"),
        ("Thu nhập bình quân đầu người tăng gấp đôi so với năm 2025", "%", "Tốc độ tăng thu nhập"),
    ],
)
def test_a_multiple_in_a_row_of_a_rate_is_refused(text: str, unit: str, indicator: str) -> None:
    with pytest.raises(TargetParseError, match="a multiple of a level in a row of a rate"):
        parse_target(text, unit=unit, indicator=indicator)


@pytest.mark.parametrize(
    ("unit", "indicator"),
    [("tỷ đồng", "Thu ngân sách nhà nước"), ("%", "Tỷ lệ hộ có internet"), ("doanh nghiệp", None)],
)
def test_a_multiple_in_a_row_of_a_level_or_a_share_reads(unit: str, indicator: str | None) -> None:
    spec = parse_target("Gấp 1,6 lần năm 2025", unit=unit, indicator=indicator)
    assert spec.change is not None
    assert spec.change.kind.value == "multiple"


@pytest.mark.parametrize(
    "text",
    [
        "Tổng vốn đầu tư toàn xã hội bình quân mỗi năm đạt 100 nghìn tỷ đồng",
        "Bình quân 100 nghìn tỷ đồng/năm",
        "Mỗi năm đạt 100.000 tỷ đồng",
        "Tổng vốn đầu tư toàn xã hội năm 2030 đạt 130 nghìn tỷ đồng",
    ],
)
def test_a_years_figure_in_the_row_of_a_periods_total_is_refused(text: str) -> None:
    with pytest.raises(TargetParseError, match="a figure of a year, in the row of a period's"):
        parse_target(text, unit="tỷ đồng", indicator=_TOTAL)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Đến năm 2030 đạt 500 nghìn tỷ đồng", _TOTAL),
        ("Giai đoạn 2026-2030 đạt khoảng 500 nghìn tỷ đồng", _TOTAL),
        ("Đạt 100 nghìn tỷ đồng/năm", "Tổng vốn đầu tư toàn xã hội"),  # a year's row
    ],
)
def test_the_total_and_a_years_row_read(text: str, indicator: str) -> None:
    assert parse_target(text, unit="tỷ đồng", indicator=indicator).kind in (
        "comparison",
        "approximate",
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("5 tấn CO2", "tấn CO2"),
        ("Dưới 2 tấn CO2/người", "tấn CO2/người"),
        ("Dưới 5 triệu tấn CO₂", "triệu tấn CO₂"),
    ],
)
def test_the_gas_of_a_unit_of_mass_is_the_units(text: str, unit: str) -> None:
    # grammar fuzz, seed 5454: "≤ 0 tấn CO2" read back as "≤ 0 tấn", the gas's number set aside
    spec = parse_target(text)
    assert spec.unit == unit  # type: ignore[union-attr]
    assert parse_target(spec.render()) == spec


@pytest.mark.parametrize(
    "text", ["tăng thêm bằng hoặc dưới -3", "tăng bằng -2", "tăng dưới hoặc bằng -3"]
)
def test_a_minus_after_the_verb_and_an_operators_bang_is_refused(text: str) -> None:
    # grammar fuzz, seed 15305 (clean-clone CI): "bằng" was a level's word, so the minus a
    # level's sign; the text read "tăng ≤ -3", whose render is refused
    with pytest.raises(TargetParseError, match="a verb of change and a minus sign"):
        parse_target(text)


@pytest.mark.parametrize(
    "text", ["Đạt 8-10% không ít hơn bình quân cả nước", "Đạt 8% cao hơn bình quân cả nước"]
)
def test_a_second_condition_right_after_the_number_is_refused(text: str) -> None:
    # grammar fuzz, seed 777: with no comma before it the condition went to the note, whose
    # render ("từ 8 đến 10 (không ít hơn …)") was refused as the comma-led one always was
    with pytest.raises(TargetParseError, match="a second condition, against another level"):
        parse_target(text, unit="%", indicator="Tốc độ tăng trưởng GRDP")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Thứ bậc mỗi năm trong nhóm 30/63 năm 2030", "nhóm 30/63"),  # seed 101: "thứ bậc"
        ("vượttrung bình mỗi năm-3", "3"),  # seed 202: a glued "vượt" is no comparison
    ],
)
def test_what_the_fuzz_found_renders_back(text: str, kept: str) -> None:
    spec = parse_target(text)
    assert spec.render().startswith(kept)
    assert parse_target(spec.render()).render() == spec.render()


def test_a_minus_after_an_operators_dat_and_muc_is_refused() -> None:
    # seed 202: "đạt và vượt mức" is an operator (≥), none of its words a level's
    with pytest.raises(TargetParseError, match="a verb of change and a minus sign"):
        parse_target("tăng lên thêm đạt và vượt mức -3")


@pytest.mark.parametrize(
    "text", ["nâng cao không còn -3 ít hơn thấp hơn dưới", "mức tăng trưởng đạt - vượt -3 %"]
)
def test_a_change_bounded_below_zero_is_refused(text: str) -> None:
    # grammar fuzz, seeds 55 and 77: read "tăng -3", "tăng bình quân ≥ -3%/năm"
    with pytest.raises(TargetParseError, match="a change whose size is below 0"):
        parse_target(text)


def test_a_ranks_note_after_its_cohort_is_bracketed() -> None:
    # grammar fuzz, seed 66: "nhóm 30/63 vị trí …" read back "63 vị trí" as a move in a ranking
    spec = parse_target("Top 10 trong số 34 tỉnh, thành phố", unit="Thứ bậc")
    assert spec.render() == "nhóm 10/34 (tỉnh, thành phố)"
    assert parse_target(spec.render(), unit="Thứ bậc") == spec


def test_a_second_condition_glued_to_the_number_is_refused() -> None:
    # grammar fuzz, seed 1005: "80%>bình quân …" kept the condition in the note
    with pytest.raises(TargetParseError, match="a second condition, against another level"):
        parse_target("80%>bình quân cả nước", unit="%", indicator="Tỷ lệ hộ dùng nước sạch")
