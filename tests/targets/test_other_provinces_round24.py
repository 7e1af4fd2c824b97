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
from kh922core import Operator, conversion_factor, parse_target
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
