"""Counts, per-population and physical units as other plans write them (issue 12).

A count noun (hộ, xã, hợp tác xã, giường bệnh …) is a unit of its own dimension, declared by one
``TEXT = count(NAME)`` line of ``unit_texts.txt``; a text whose ``/`` mean "per" is read
compositionally (``bác sĩ/vạn dân``, ``triệu đồng/người/năm``); mass, area, energy, length,
volume and US dollars convert within their own dimension only.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

import kh922core
from kh922core._targets.units import conversion_factor, is_compatible, parse_unit
from kh922core._targets.wording import restore_shipped_wording
from kh922core.errors import IncompatibleUnitError, UnitError, UnknownUnitError


@pytest.fixture(autouse=True)
def _shipped_wording_only() -> Iterator[None]:
    restore_shipped_wording()
    yield
    restore_shipped_wording()


def _shipped_counts() -> dict[str, str]:
    """Each ``TEXT = count(NAME)`` line of the shipped table: TEXT -> NAME."""
    table = (resources.files("kh922core") / "data" / "unit_texts.txt").read_text(encoding="utf-8")
    found = re.findall(r"^([^#\n=]+?)\s*=\s*count\((\w+)\)\s*$", table, flags=re.MULTILINE)
    return dict(found)


SHIPPED_COUNTS = _shipped_counts()

# The nouns of Vietnamese socio-economic plans: every text of a group counts the same thing.
NOUNS: dict[str, list[str]] = {
    "household": ["hộ", "hộ gia đình"],
    "animal": ["con", "con gia súc", "con gia cầm"],
    "commune": ["xã"],
    "ward": ["phường"],
    "township": ["thị trấn"],
    "district": ["huyện"],
    "commune_level_unit": ["xã, phường, thị trấn", "xã/phường/thị trấn", "xã/phường"],
    "hamlet": ["thôn", "ấp", "thôn, ấp", "thôn/ấp"],
    "urban_quarter": ["khu phố", "tổ dân phố"],
    "cooperative": ["hợp tác xã", "HTX"],
    "cooperative_group": ["tổ hợp tác", "THT"],
    "hospital_bed": ["giường bệnh", "giường"],
    "doctor": ["bác sĩ"],
    "pharmacist": ["dược sĩ", "dược sĩ đại học"],
    "nurse": ["điều dưỡng", "điều dưỡng viên"],
    "enterprise": ["doanh nghiệp", "DN"],
    "worker": ["lao động", "người lao động"],
    "product": ["sản phẩm", "sản phẩm OCOP"],
    "school": ["trường", "trường học"],
    "health_station": ["trạm y tế"],
    "hospital": ["bệnh viện"],
    "industrial_park": ["khu công nghiệp", "KCN"],
    "industrial_cluster": ["cụm công nghiệp", "CCN"],
    "visit": ["lượt", "lượt khách", "lượt khách du lịch"],
    "dwelling": ["căn", "căn hộ"],
    "administrative_procedure": ["thủ tục hành chính", "TTHC"],
    "urban_area": ["Đô thị"],
    "data_centre": ["Trung tâm dữ liệu", "data_center"],
    "person": ["người"],
    "inhabitant": ["người dân", "nhân khẩu"],
}
ONE_TEXT_PER_NOUN = [texts[0] for texts in NOUNS.values()]


# ---- Every noun is a unit of its own dimension ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"), [(name, text) for name, texts in NOUNS.items() for text in texts]
)
def test_every_listed_noun_parses_to_its_own_count(name: str, text: str) -> None:
    unit = parse_unit(text)
    assert (unit.expression, unit.dimension) == (name, f"[{name}]")
    assert conversion_factor(text, name) == 1.0


def test_the_shipped_table_declares_a_good_family_of_nouns() -> None:
    assert len(set(SHIPPED_COUNTS.values())) >= 40
    for text, name in SHIPPED_COUNTS.items():
        assert parse_unit(text).dimension == f"[{name}]", text


def test_different_nouns_never_convert() -> None:
    """Every pair of distinct nouns of the shipped table (and the people counts) is refused."""
    texts = {name: text for text, name in SHIPPED_COUNTS.items()}
    texts |= {"person": "người", "inhabitant": "người dân", "enterprise": "doanh nghiệp"}
    for (a_name, a), (b_name, b) in itertools.permutations(texts.items(), 2):
        assert a_name != b_name
        assert not is_compatible(a, b), (a, b)
        with pytest.raises(IncompatibleUnitError):
            conversion_factor(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hộ", "xã"),
        ("hộ", "hộ kinh doanh"),
        ("hộ", "căn hộ"),
        ("hợp tác xã", "tổ hợp tác"),
        ("hợp tác xã", "xã"),
        ("xã", "xã, phường"),
        ("bác sĩ", "người"),
        ("lao động", "người"),
        ("giường bệnh", "bệnh viện"),
        ("sản phẩm OCOP", "doanh nghiệp"),
        ("con", "hộ"),
    ],
)
def test_incompatible_error_names_both_nouns(a: str, b: str) -> None:
    assert not is_compatible(a, b)
    with pytest.raises(IncompatibleUnitError) as info:
        conversion_factor(a, b)
    assert (info.value.source, info.value.target) == (a, b)
    assert f"{a!r}" in str(info.value)


# ---- Case, spacing and Unicode variants ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("HỘ", "hộ"),
        ("Hộ Gia Đình", "hộ"),
        ("  hợp   tác  xã ", "hợp tác xã"),
        ("Hợp tác xã", "htx"),
        ("GIƯỜNG BỆNH", "giường"),
        (unicodedata.normalize("NFD", "giường bệnh"), "giường bệnh"),
        ("Sản phẩm ocop", "sản phẩm"),
        ("Thôn,  ấp", "thôn"),
        ("Thôn / Ấp", "thôn"),
        ("KM2", "km²"),
        ("m2", "m²"),
        ("Bác sĩ / 10.000 dân", "bác sĩ/vạn dân"),
        ("bác sĩ/10 000 dân", "BÁC SĨ/VẠN DÂN"),
        ("giường bệnh/1,000 dân", "Giường bệnh / nghìn dân"),
        ("Triệu đồng / người / năm", "triệu đồng/người/năm"),
    ],
)
def test_case_spacing_and_unicode_do_not_matter(text: str, same_as: str) -> None:
    assert parse_unit(text).expression == parse_unit(same_as).expression
    assert parse_unit(text).text == text


# ---- Per population, per person, per year --------------------------------------------------

PER_POPULATION = {
    "/100 dân": 100,
    "/1.000 dân": 1000,
    "/1000 dân": 1000,
    "/nghìn dân": 1000,
    "/ngàn dân": 1000,
    "/10.000 dân": 10000,
    "/vạn dân": 10000,
    "/100.000 dân": 100000,
    "/triệu dân": 1000000,
}


@pytest.mark.parametrize("noun", ONE_TEXT_PER_NOUN)
@pytest.mark.parametrize("per", list(PER_POPULATION))
def test_every_noun_reads_per_population(noun: str, per: str) -> None:
    unit = parse_unit(noun + per)
    name = parse_unit(noun).expression
    assert unit.dimension == f"[{name}] / [inhabitant]" or name == "inhabitant"
    # the same noun per 10,000 inhabitants: a factor pint computes
    factor = conversion_factor(noun + per, noun + "/vạn dân")
    assert factor == pytest.approx(10000 / PER_POPULATION[per], rel=1e-12)


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("bác sĩ/1.000 dân", "bác sĩ/vạn dân", 10.0),
        ("Bác sĩ/vạn dân", "bác sĩ/1.000 dân", 0.1),
        ("giường bệnh/vạn dân", "giường bệnh/10.000 dân", 1.0),
        ("giường/nghìn dân", "Giường bệnh/vạn dân", 10.0),
        ("dược sĩ đại học/vạn dân", "dược sĩ/100.000 dân", 10.0),
        ("người/1.000 dân", "người/100.000 dân", 100.0),
        ("người/100 dân", "% dân số", 1.0),
        ("hộ/xã", "hộ gia đình/xã", 1.0),
        ("triệu đồng/người/tháng", "triệu đồng/người/năm", 12.0),
        ("triệu đồng/người/năm", "tỷ đồng/người/năm", 0.001),
        ("nghìn đồng/người/ngày", "triệu đồng/người/năm", 0.365),
        ("USD/người/năm", "nghìn USD/người/năm", 0.001),
        ("kg/người/năm", "tấn/người/năm", 0.001),
        ("tạ/ha", "tấn/ha", 0.1),
        ("người/km²", "người/ha", 0.01),
        ("kWh/người/năm", "MWh/người/năm", 0.001),
        ("m³/ngày đêm", "m³/ngày", 1.0),
        ("lượt khách/năm", "lượt/tháng", 1 / 12),
    ],
)
def test_composed_units_convert(source: str, target: str, factor: float) -> None:
    assert conversion_factor(source, target) == pytest.approx(factor, rel=1e-12)
    assert conversion_factor(target, source) == pytest.approx(1 / factor, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "expression", "dimension"),
    [
        ("bác sĩ/vạn dân", "0.0001 * doctor / inhabitant", "[doctor] / [inhabitant]"),
        ("Giường bệnh/1.000 dân", "0.001 * hospital_bed / inhabitant", None),
        ("hộ/xã", "household / commune", "[household] / [commune]"),
        ("triệu đồng/người/năm", "million_dong / person / year", None),
        ("triệu đồng/người", "million_dong / person", "[currency_vnd] / [person]"),
        ("USD/người/năm", "usd / person / year", "[currency_usd] / [person] / [time]"),
        ("kg/người/năm", "kilogram / person / year", "[mass] / [person] / [time]"),
        ("Số doanh nghiệp/1000 dân/năm", None, "[enterprise] / [inhabitant] / [time]"),
        ("người/vạn dân/năm", None, "[person] / [inhabitant] / [time]"),
    ],
)
def test_composed_units_read_as_per(
    text: str, expression: str | None, dimension: str | None
) -> None:
    unit = parse_unit(text)
    assert expression is None or unit.expression == expression
    assert dimension is None or unit.dimension == dimension


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bác sĩ/vạn dân", "Người/vạn dân"),
        ("bác sĩ/vạn dân", "giường bệnh/vạn dân"),
        ("hộ/xã", "hộ"),
        ("triệu đồng/người/năm", "triệu đồng/người"),
        ("triệu đồng/người/năm", "USD/người/năm"),
        ("triệu đồng/người/năm", "triệu đồng/người dân/năm"),
        ("kg/người/năm", "kg/người"),
    ],
)
def test_composed_units_of_different_things_do_not_convert(a: str, b: str) -> None:
    assert not is_compatible(a, b)
    with pytest.raises(IncompatibleUnitError):
        conversion_factor(a, b)


@pytest.mark.parametrize(
    "text",
    ["dân", "năm", "tháng", "/vạn dân", "/năm", "vạn dân", "hộ/", "/hộ", "hộ//xã", "hộ/dân"],
)
def test_per_texts_and_bare_population_words_are_not_units(text: str) -> None:
    with pytest.raises(UnknownUnitError):
        parse_unit(text)


@pytest.mark.parametrize("text", ["Thứ bậc/năm", "hạng/xã", "hộ/thứ hạng"])
def test_a_rank_is_never_composed(text: str) -> None:
    with pytest.raises(UnknownUnitError):
        parse_unit(text)


def test_listed_texts_win_over_composition() -> None:
    """A listed text keeps its meaning: "%/năm" is a growth rate, "xã/phường" means "or"."""
    assert parse_unit("%/năm").dimension == "[growth]"
    assert parse_unit("Người/vạn dân").expression == "person_per_ten_thousand_inhabitants"
    assert parse_unit("xã/phường").expression == "commune_level_unit"
    assert parse_unit("thôn/ấp").expression == "hamlet"


# ---- Mass, area, energy, power, length, volume, money --------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("tấn", "kg", 1000.0),
        ("tạ", "kg", 100.0),
        ("nghìn tấn", "tấn", 1000.0),
        ("triệu tấn", "nghìn tấn", 1000.0),
        ("kg", "gam", 1000.0),
        ("km²", "ha", 100.0),
        ("ha", "m²", 10000.0),
        ("km2", "m2", 1e6),
        ("hecta", "héc-ta", 1.0),
        ("km", "m", 1000.0),
        ("ki-lô-mét", "mét", 1000.0),
        ("m³", "lít", 1000.0),
        ("triệu m³", "nghìn m³", 1000.0),
        ("kWh", "Wh", 1000.0),
        ("MWh", "kWh", 1000.0),
        ("GWh", "MWh", 1000.0),
        ("triệu kWh", "GWh", 1.0),
        ("tỷ kWh", "triệu kWh", 1000.0),
        ("MW", "kW", 1000.0),
        ("GW", "MW", 1000.0),
        ("kW", "W", 1000.0),
        ("tỷ USD", "triệu USD", 1000.0),
        ("USD", "đô la Mỹ", 1.0),
        ("‰", "%", 0.1),
        ("phần nghìn", "fraction", 0.001),
        # durations (the time limits of procedures)
        ("ngày", "giờ", 24.0),
        ("giờ", "phút", 60.0),
        ("tuần", "ngày", 7.0),
        ("ngày đêm", "tiếng", 24.0),
        ("ngày làm việc", "giờ làm việc", 8.0),
    ],
)
def test_physical_units_convert_within_their_dimension(
    source: str, target: str, factor: float
) -> None:
    assert conversion_factor(source, target) == pytest.approx(factor, rel=1e-12)
    assert conversion_factor(target, source) == pytest.approx(1 / factor, rel=1e-12)


PHYSICAL = ["tấn", "ha", "km", "m³", "kWh", "MW", "USD", "đồng", "hộ", "%", "ngày", "ngày làm việc"]


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(PHYSICAL, 2)))
def test_physical_dimensions_never_mix(a: str, b: str) -> None:
    assert not is_compatible(a, b)


def test_us_dollars_are_never_converted_to_dong() -> None:
    for usd, dong in itertools.product(["USD", "triệu USD", "tỷ USD"], ["đồng", "tỷ đồng"]):
        with pytest.raises(IncompatibleUnitError, match=r"\[currency_usd\]"):
            conversion_factor(usd, dong)


def test_energy_per_year_is_not_power() -> None:
    assert not is_compatible("kWh/năm", "MW")
    assert not is_compatible("kWh", "MW")


# ---- Did you mean ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("hop tac xa", "hợp tác xã"),
        ("hợp tác xa", "hợp tác xã"),
        ("giuong benh", "giường bệnh"),
        ("bac si", "bác sĩ"),
        ("duoc si", "dược sĩ"),
        ("san pham OCOP", "sản phẩm OCOP"),
        ("giuong benh/van dan", "giường bệnh/vạn dân"),
        ("bac si/van dan", "bác sĩ/vạn dân"),
        ("hộ/xa", "hộ/xã"),
        ("trieu dong/nguoi/nam", "triệu đồng/người/năm"),
        ("Nguoi/van dan", "Người/vạn dân"),
    ],
)
def test_a_near_miss_suggests_the_unit(text: str, suggestion: str) -> None:
    with pytest.raises(UnknownUnitError) as info:
        parse_unit(text)
    assert info.value.suggestions[0] == suggestion
    assert f"did you mean {suggestion!r}" in str(info.value)


def test_an_unknown_word_is_still_unknown() -> None:
    for text in ("qqqqqq", "con voi ma mút", "hộ/qqqqqq"):
        with pytest.raises(UnknownUnitError):
            parse_unit(text)


def test_unknown_texts_are_answered_from_the_cache() -> None:
    from kh922core._targets import units

    with pytest.raises(UnknownUnitError):
        parse_unit("hop tac xa")
    hits = units._read.cache_info().hits
    with pytest.raises(UnknownUnitError, match="did you mean 'hợp tác xã'"):
        parse_unit("hop tac xa")
    assert units._read.cache_info().hits == hits + 1


# ---- In targets --------------------------------------------------------------------------


def test_a_count_after_the_number_is_the_unit() -> None:
    spec = kh922core.parse_target("đạt 500 hộ", unit="hộ")
    assert (spec.value, spec.unit) == (500.0, "hộ")
    spec = kh922core.parse_target("ít nhất 10 hợp tác xã", unit="hợp tác xã")
    assert (spec.value, spec.unit, spec.note) == (10.0, "hợp tác xã", None)
    spec = kh922core.parse_target("≥ 12 bác sĩ/vạn dân", unit="Bác sĩ/vạn dân")
    assert (spec.value, spec.unit) == (12.0, "bác sĩ/vạn dân")
    spec = kh922core.parse_target("≥ 1,2 bác sĩ/nghìn dân", unit="Bác sĩ/vạn dân")
    assert spec.unit is not None
    factor = conversion_factor("Bác sĩ/vạn dân", spec.unit)  # 12 per 10,000 is 1.2 per 1,000
    assert spec.is_met(12.0 * factor) is True
    assert spec.is_met(11.9 * factor) is False


def test_a_count_of_another_thing_contradicts_the_indicator() -> None:
    with pytest.raises(IncompatibleUnitError):
        kh922core.parse_target("30 hộ", unit="xã")
    with pytest.raises(IncompatibleUnitError):
        kh922core.parse_target("≥ 5 hợp tác xã", unit="tổ hợp tác")


# ---- A province adds a noun with one line ------------------------------------------------


def test_a_province_adds_a_noun_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(UnknownUnitError):
        parse_unit("trạm bơm")
    path = tmp_path / "unit_texts.txt"
    path.write_text("trạm bơm = count(pumping_station)\n", encoding="utf-8")
    assert kh922core.add_unit_texts(path) == 1
    assert parse_unit("Trạm bơm").dimension == "[pumping_station]"
    assert parse_unit("trạm bơm/xã").dimension == "[pumping_station] / [commune]"
    assert conversion_factor("trạm bơm/1.000 dân", "trạm bơm/vạn dân") == 10.0
    assert not is_compatible("trạm bơm", "trạm y tế")
    spec = kh922core.parse_target("đạt 40 trạm bơm", unit="trạm bơm")
    assert spec.is_met(41) is True
    restore_shipped_wording()
    with pytest.raises(UnknownUnitError):
        parse_unit("trạm bơm")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("phần trăm mới = count(percent)", "not a count"),
        ("doanh nghiệp mới = count(enterprise) / inhabitant", "'count' is not defined"),
        ("x = count(Household)", "unit_texts.txt:1"),
        ("/a/b = inhabitant", "a per text"),
        ("/ = inhabitant", "a per text"),
    ],
)
def test_bad_count_and_per_lines_are_refused(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "unit_texts.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UnitError, match=re.escape(message)):
        kh922core.add_unit_texts(path)


def test_a_count_of_a_count_of_units_txt_is_that_count(tmp_path: Path) -> None:
    path = tmp_path / "unit_texts.txt"
    path.write_text("nhân lực = count(person)\nhộ dân = count(household)\n", encoding="utf-8")
    assert kh922core.add_unit_texts(path) == 2
    assert conversion_factor("nhân lực", "người") == 1.0
    assert conversion_factor("hộ dân", "hộ") == 1.0


def test_a_count_per_another_thing_is_not_the_indicators_rate() -> None:
    # "1 bác sĩ" is the head of "bác sĩ/vạn dân", but counted per health station, not per
    # 10,000 inhabitants: refused; per the indicator's own denominator it is its number
    with pytest.raises(IncompatibleUnitError, match="counts per another thing"):
        kh922core.parse_target("mỗi trạm y tế có ít nhất 1 bác sĩ", unit="bác sĩ/vạn dân")
    kept = kh922core.parse_target("bình quân mỗi hộ có 2 con", unit="con/hộ")
    assert (kept.value, kept.unit) == (2.0, "con")  # type: ignore[union-attr]
    per_person = kh922core.parse_target(
        "bình quân mỗi người đạt 12 triệu đồng", unit="triệu đồng/người/năm"
    )
    assert per_person.value == 12.0  # type: ignore[union-attr]
