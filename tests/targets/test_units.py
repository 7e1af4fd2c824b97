"""Tests of the units layer (kh922core._targets.units)."""

from __future__ import annotations

import itertools

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kh922core import parse_target
from kh922core._targets import units as _units
from kh922core._targets.units import (
    Unit,
    conversion_factor,
    is_compatible,
    known_unit_texts,
    normalize_unit_text,
    parse_unit,
    unit_registry,
)
from kh922core.errors import IncompatibleUnitError, UnitError, UnknownUnitError

# The "Đơn vị" column of the seed appendix (ke-hoach-922-KH-UBND-2025-ben-tre.txt), as printed.
SEED_UNIT_TEXTS = [
    "%",
    "% GRDP",
    "%GDP",
    "% dân số",
    "% tổng chi NSNN",
    "Người/vạn dân",
    "Số doanh nghiệp/1000 dân",
    "%/năm",
    "Thứ bậc",
    "Chỉ số phát triển con người (HDI)",
    "Đô thị",
    "Trung tâm dữ liệu",
]

# Groups of texts that must all mean the same unit (same canonical expression).
VARIANTS = [
    ["%", "phần trăm", " % ", "percent"],
    ["% GRDP", "%GRDP", "% grdp", "phần trăm GRDP", "%GDP", "% GDP", "percent_grdp"],
    ["% tổng chi NSNN", "%  tổng chi  nsnn", "% tổng chi ngân sách nhà nước"],
    [
        "Người/vạn dân",
        "người/vạn dân",
        "người / vạn dân",
        "người/10.000 dân",
        "người/10000 dân",
        "người/10 000 dân",
        "người trên một vạn dân",
    ],
    ["người/1000 dân", "người/1.000 dân", "Người/nghìn dân", "người/ngàn dân"],
    [
        "Số doanh nghiệp/1000 dân",
        "DN/1000 dân",
        "doanh nghiệp/1.000 dân",
        "doanh nghiệp/1000 dân",
        "số DN/1000 dân",
    ],
    ["%/năm", "% / năm", "% mỗi năm"],
    ["Thứ bậc", "thứ hạng", "hạng", "xếp hạng", "THỨ BẬC", "rank"],
    ["Chỉ số phát triển con người (HDI)", "Chỉ số phát triển con người(HDI)", "HDI", "chỉ số HDI"],
    ["Đô thị", "đô thị", "urban_area"],
    ["Trung tâm dữ liệu", "trung tâm dữ liệu", "data_centre", "data_center"],
    ["fraction", "1", "dimensionless", "tỷ lệ thập phân"],
    ["điểm", "chỉ số"],
    ["doanh nghiệp", "DN", "enterprise"],
]

# Groups of texts whose units convert into each other; texts of different groups never do.
COMPATIBLE = [
    ["%", "fraction", "1", "phần trăm", "percent"],
    ["% GRDP", "%GDP", "fraction_grdp"],
    ["% tổng chi NSNN", "fraction_budget_spending"],
    ["% dân số", "Người/vạn dân", "người/1000 dân", "person / inhabitant"],
    ["Số doanh nghiệp/1000 dân", "enterprise / inhabitant"],
    ["%/năm", "fraction_per_year"],
    ["Thứ bậc", "thứ hạng"],
    ["Chỉ số phát triển con người (HDI)", "HDI"],
    ["điểm"],
    ["Đô thị"],
    ["Trung tâm dữ liệu"],
    ["doanh nghiệp"],
    ["công bố"],
    ["bài báo"],
    ["người"],
]


# ---- Resolving texts -----------------------------------------------------------------------


@pytest.mark.parametrize("text", SEED_UNIT_TEXTS)
def test_every_seed_unit_text_resolves(text: str) -> None:
    unit = parse_unit(text)
    assert unit.text == text
    assert unit.expression
    assert unit.dimension


def test_seed_texts_are_in_the_table() -> None:
    keys = {normalize_unit_text(t) for t in known_unit_texts()}
    assert {normalize_unit_text(t) for t in SEED_UNIT_TEXTS} <= keys


@pytest.mark.parametrize(
    ("text", "expression", "dimension"),
    [
        ("%", "percent", "dimensionless"),
        ("% GRDP", "percent_grdp", "[grdp_share]"),
        ("% dân số", "percent_population", "[person] / [inhabitant]"),
        ("% tổng chi NSNN", "percent_budget_spending", "[budget_share]"),
        ("Người/vạn dân", "person_per_ten_thousand_inhabitants", "[person] / [inhabitant]"),
        (
            "Số doanh nghiệp/1000 dân",
            "enterprise_per_thousand_inhabitants",
            "[enterprise] / [inhabitant]",
        ),
        ("%/năm", "percent_per_year", "[growth]"),
        ("Thứ bậc", "rank", "[rank]"),
        ("Chỉ số phát triển con người (HDI)", "hdi", "[hdi]"),
        ("Đô thị", "urban_area", "[urban_area]"),
        ("Trung tâm dữ liệu", "data_centre", "[data_centre]"),
        (
            "person / (10000 * inhabitant)",
            "0.0001 * person / inhabitant",
            "[person] / [inhabitant]",
        ),
    ],
)
def test_expression_and_dimension(text: str, expression: str, dimension: str) -> None:
    unit = parse_unit(text)
    assert (unit.expression, unit.dimension) == (expression, dimension)


@pytest.mark.parametrize("group", VARIANTS, ids=lambda g: g[0] or "empty")
def test_variants_resolve_to_the_same_expression(group: list[str]) -> None:
    expressions = {parse_unit(text).expression for text in group}
    assert len(expressions) == 1, expressions


def test_gdp_is_read_as_grdp_and_flagged() -> None:
    for text in ("%GDP", "% GDP", "% gdp"):
        unit = parse_unit(text)
        assert unit.expression == parse_unit("% GRDP").expression
        assert unit.variant_of == "% GRDP"
    assert parse_unit("% GRDP").variant_of is None
    assert parse_unit("%GRDP").variant_of is None


def test_text_is_kept_verbatim() -> None:
    assert parse_unit("  người / 10.000 dân ").text == "  người / 10.000 dân "


def test_decomposed_unicode_is_matched() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Người/vạn dân")
    assert decomposed != "Người/vạn dân"
    assert parse_unit(decomposed).expression == "person_per_ten_thousand_inhabitants"


def test_unit_model_is_frozen_and_strict() -> None:
    unit = parse_unit("Thứ bậc")
    assert unit.is_rank
    assert not parse_unit("%").is_rank
    with pytest.raises(ValidationError):
        unit.text = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Unit(text="%", expression="percent", dimension="dimensionless", extra=1)  # type: ignore[call-arg]


# ---- Errors --------------------------------------------------------------------------------


def test_unknown_unit_suggests_the_text_with_diacritics() -> None:
    with pytest.raises(UnknownUnitError) as info:
        parse_unit("Nguoi/van dan")
    assert info.value.text == "Nguoi/van dan"
    assert info.value.suggestions == ("Người/vạn dân",)
    assert str(info.value) == "unknown unit 'Nguoi/van dan'; did you mean 'Người/vạn dân'?"


def test_unknown_unit_suggests_close_texts() -> None:
    with pytest.raises(UnknownUnitError, match=r"did you mean '% GRDP'") as info:
        parse_unit("%GRPD")
    assert "% GRDP" in info.value.suggestions
    with pytest.raises(UnknownUnitError, match=r"did you mean 'percent'"):
        parse_unit("percnt")


def test_unknown_unit_without_suggestion() -> None:
    with pytest.raises(UnknownUnitError) as info:
        parse_unit("qqqqqq")
    assert info.value.suggestions == ()
    assert str(info.value) == "unknown unit 'qqqqqq'"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "text",
    ["tỷ lệ", "lần", "10**10**10 * person", "percent + percent", "()", "person ** 999", "dân"],
)
def test_doubtful_or_unsafe_texts_are_unknown(text: str) -> None:
    with pytest.raises(UnknownUnitError):
        parse_unit(text)


@pytest.mark.parametrize("text", ["2 * rank", "rank ** 2", "rank / person", "percent * rank"])
def test_a_rank_cannot_be_scaled_or_combined(text: str) -> None:
    with pytest.raises(UnitError, match="rank"):
        parse_unit(text)


def test_incompatible_error_names_both_units() -> None:
    with pytest.raises(IncompatibleUnitError) as info:
        conversion_factor("% GRDP", "%")
    assert (info.value.source, info.value.target) == ("% GRDP", "%")
    message = str(info.value)
    assert "'% GRDP'" in message
    assert "'%'" in message
    assert "[grdp_share]" in message


# ---- Conversions ---------------------------------------------------------------------------


@pytest.mark.parametrize("fraction_text", ["fraction", "1", "dimensionless"])
def test_fraction_to_percent(fraction_text: str) -> None:
    assert conversion_factor(fraction_text, "%") == 100.0
    assert conversion_factor("%", fraction_text) == 0.01
    assert 0.55 * conversion_factor(fraction_text, "%") == pytest.approx(55.0)
    assert 0.29 * conversion_factor(fraction_text, "%") == pytest.approx(29.0, rel=1e-9)


def test_grdp_percent_to_grdp_fraction() -> None:
    assert conversion_factor("fraction_grdp", "% GRDP") == 100.0
    assert conversion_factor("%GDP", "% GRDP") == 1.0


def test_persons_per_thousand_to_per_ten_thousand() -> None:
    factor = conversion_factor("người/1000 dân", "Người/vạn dân")
    assert factor == 10.0
    assert 1.2 * factor == pytest.approx(12.0)
    assert conversion_factor("Người/vạn dân", "người/1.000 dân") == 0.1


def test_persons_per_ten_thousand_to_share_of_population() -> None:
    # 12 researchers per 10,000 inhabitants are 0.12 % of the population.
    assert 12 * conversion_factor("Người/vạn dân", "% dân số") == pytest.approx(0.12)
    assert conversion_factor("% dân số", "Người/vạn dân") == 100.0


def test_enterprises_per_thousand_from_plain_expression() -> None:
    factor = conversion_factor("enterprise / (10000 * inhabitant)", "Số doanh nghiệp/1000 dân")
    assert factor == 0.1


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("% GRDP", "%"),
        ("%", "% GRDP"),
        ("fraction", "% GRDP"),
        ("% tổng chi NSNN", "%"),
        ("% tổng chi NSNN", "% GRDP"),
        ("%/năm", "%"),
        ("% dân số", "%"),
        ("Người/vạn dân", "%"),
        ("Người/vạn dân", "Số doanh nghiệp/1000 dân"),
        ("Chỉ số phát triển con người (HDI)", "fraction"),
        ("Chỉ số phát triển con người (HDI)", "điểm"),
    ],
)
def test_shares_of_different_wholes_do_not_convert(source: str, target: str) -> None:
    assert not is_compatible(source, target)
    with pytest.raises(IncompatibleUnitError):
        conversion_factor(source, target)


@pytest.mark.parametrize("other", ["%", "fraction", "HDI", "Đô thị", "điểm", "người"])
def test_rank_converts_only_to_rank(other: str) -> None:
    assert conversion_factor("Thứ bậc", "Thứ bậc") == 1.0
    assert conversion_factor("Thứ bậc", "thứ hạng") == 1.0
    assert not is_compatible("Thứ bậc", other)
    with pytest.raises(IncompatibleUnitError, match="a rank converts only to a rank") as info:
        conversion_factor("Thứ bậc", other)
    assert (info.value.source, info.value.target) == ("Thứ bậc", other)
    with pytest.raises(IncompatibleUnitError, match="rank"):
        conversion_factor(other, "Thứ bậc")


COUNTS = ["Đô thị", "Trung tâm dữ liệu", "doanh nghiệp", "công bố", "bài báo", "người"]


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(COUNTS, 2)))
def test_counts_of_different_things_do_not_convert(a: str, b: str) -> None:
    assert not is_compatible(a, b)
    with pytest.raises(IncompatibleUnitError) as info:
        conversion_factor(a, b)
    assert f"{a!r}" in str(info.value)
    assert f"{b!r}" in str(info.value)


def test_groups_are_closed() -> None:
    """Every pair inside a group converts; no pair across groups does."""
    for (i, left), (j, right) in itertools.product(enumerate(COMPATIBLE), repeat=2):
        for a, b in itertools.product(left, right):
            assert is_compatible(a, b) == (i == j), (a, b)


def test_unit_objects_are_accepted() -> None:
    source, target = parse_unit("fraction"), parse_unit("%")
    assert conversion_factor(source, target) == 100.0
    assert is_compatible(source, "%")


def test_unknown_text_in_conversion_is_an_unknown_unit() -> None:
    with pytest.raises(UnknownUnitError):
        conversion_factor("Nguoi/van dan", "%")
    with pytest.raises(UnknownUnitError):
        is_compatible("%", "Nguoi/van dan")


def test_factors_are_cached() -> None:
    conversion_factor("người/1000 dân", "Người/vạn dân")
    before = _units._pair_factor.cache_info().hits
    conversion_factor("người/1.000 dân", "người/10.000 dân")  # same pair of expressions
    assert _units._pair_factor.cache_info().hits == before + 1


# ---- The registry --------------------------------------------------------------------------


def test_registry_is_built_once_and_private() -> None:
    application = pint.get_application_registry()  # type: ignore[no-untyped-call]
    application_registry = application.get()
    first = unit_registry()
    assert unit_registry() is first
    assert pint.get_application_registry() is application  # type: ignore[no-untyped-call]
    assert pint.get_application_registry().get() is application_registry  # type: ignore[no-untyped-call]
    assert first is not application_registry
    assert str(first.parse_units("percent_grdp")) == "percent_grdp"
    with pytest.raises(pint.UndefinedUnitError):
        application_registry.parse_units("percent_grdp")
    with pytest.raises(pint.UndefinedUnitError):
        first.parse_units("meter")


# ---- Property ------------------------------------------------------------------------------

_PAIRS = [pair for group in COMPATIBLE for pair in itertools.product(group, repeat=2)]


@given(
    pair=st.sampled_from(_PAIRS),
    value=st.floats(min_value=1e-9, max_value=1e12, allow_nan=False, allow_infinity=False),
)
def test_round_trip_conversion(pair: tuple[str, str], value: float) -> None:
    a, b = pair
    there = value * conversion_factor(a, b)
    back = there * conversion_factor(b, a)
    assert back == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text", ["", "  ", "\u00a0"])
def test_an_empty_unit_text_is_no_unit(text: str) -> None:
    """It was a plain number: ``parse_target("≥ 55%", unit="")`` was ≥ 0,55, met by 50 %, and
    ``conversion_factor("", "%")`` was 100 (the engine reads a blank unit as the target's)."""
    with pytest.raises(UnknownUnitError, match="leave the unit out"):
        parse_unit(text)
    with pytest.raises(UnknownUnitError):
        conversion_factor(text, "%")
    with pytest.raises(UnknownUnitError):
        parse_target("≥ 55%", unit=text)
