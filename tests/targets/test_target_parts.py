"""Cells that hold several targets: labelled parts (split_targets), and parse_target's refusal.

The table below is written by hand from how plans write such cells: levels, years, sectors and
counted nouns.  Each row is the cell and, for each of its parts, the label and the number.
"""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kh922core
from kh922core import (
    Approximate,
    Comparison,
    Range,
    TargetParseError,
    TargetPart,
    TargetSpec,
    format_number,
    parse_target,
    split_targets,
)


def _number(spec: TargetSpec) -> float:
    if isinstance(spec, Range):
        return spec.low
    assert isinstance(spec, Comparison | Approximate), spec
    return spec.value


#: (cell, [(label, number) for each part]).
CELLS: list[tuple[str, list[tuple[str | None, float]]]] = [
    # levels
    ("95% ở cấp tỉnh, 85% ở cấp xã", [("cấp tỉnh", 95), ("cấp xã", 85)]),
    (
        "90% cấp tỉnh; 80% cấp huyện; 60% cấp xã",
        [("cấp tỉnh", 90), ("cấp huyện", 80), ("cấp xã", 60)],
    ),
    (
        "cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%",
        [("cấp tỉnh", 100), ("cấp huyện", 90), ("cấp xã", 70)],
    ),
    ("thành thị đạt 95%, nông thôn đạt 85%", [("thành thị", 95), ("nông thôn", 85)]),
    ("95% ở thành thị và 85% ở nông thôn", [("thành thị", 95), ("nông thôn", 85)]),
    ("Thành thị: trên 98%; Nông thôn: trên 90%", [("Thành thị", 98), ("Nông thôn", 90)]),
    ("tối thiểu 90% cấp tỉnh; tối thiểu 70% cấp xã", [("cấp tỉnh", 90), ("cấp xã", 70)]),
    ("95% trở lên ở cấp tỉnh, 85% trở lên ở cấp xã", [("cấp tỉnh", 95), ("cấp xã", 85)]),
    ("cấp tỉnh 18-20%, cấp xã 10-12%", [("cấp tỉnh", 18), ("cấp xã", 10)]),
    ("đạt 8,5% ở cấp tỉnh; 7,25% ở cấp xã", [("cấp tỉnh", 8.5), ("cấp xã", 7.25)]),
    ("95% cấp tỉnh, còn cấp xã đạt 85%", [("cấp tỉnh", 95), ("cấp xã", 85)]),
    (
        "Tỷ lệ hộ dân dùng nước sạch: 95% ở thành thị, 85% ở nông thôn",
        [("thành thị", 95), ("nông thôn", 85)],
    ),
    # years
    (
        "đạt 50.000 tỷ đồng, trong đó năm 2026 đạt 9.000 tỷ đồng",
        [(None, 50_000), ("năm 2026", 9_000)],
    ),
    (
        "đạt 50.000 tỷ đồng, riêng năm 2026 đạt 9.000 tỷ đồng",
        [(None, 50_000), ("năm 2026", 9_000)],
    ),
    ("năm 2025 đạt 30%, năm 2030 đạt 50%", [("năm 2025", 30), ("năm 2030", 50)]),
    ("Đến năm 2025: 30%; đến năm 2030: 50%", [("năm 2025", 30), ("năm 2030", 50)]),
    (
        "doanh thu năm 2026 đạt 9.000 tỷ đồng, năm 2030 đạt 20.000 tỷ đồng",
        [("năm 2026", 9_000), ("năm 2030", 20_000)],
    ),
    (
        "giai đoạn 2021-2025 đạt 6,5%; giai đoạn 2026-2030 đạt 8%",
        [("giai đoạn 2021-2025", 6.5), ("giai đoạn 2026-2030", 8)],
    ),
    ("đến năm 2030, cấp tỉnh đạt 95%, cấp xã đạt 85%", [("cấp tỉnh", 95), ("cấp xã", 85)]),
    # sectors
    (
        "Nông nghiệp: 20%; Công nghiệp: 35%; Dịch vụ: 45%",
        [("Nông nghiệp", 20), ("Công nghiệp", 35), ("Dịch vụ", 45)],
    ),
    ("nông nghiệp chiếm 20%, dịch vụ chiếm 45%", [("nông nghiệp", 20), ("dịch vụ", 45)]),
    (
        "Khu vực I: 20%; Khu vực II: 35%; Khu vực III: 45%",
        [("Khu vực I", 20), ("Khu vực II", 35), ("Khu vực III", 45)],
    ),
    (
        "nông, lâm nghiệp và thủy sản chiếm 20%; công nghiệp - xây dựng chiếm 35%; "
        "dịch vụ chiếm 45%",
        [("nông, lâm nghiệp và thủy sản", 20), ("công nghiệp - xây dựng", 35), ("dịch vụ", 45)],
    ),
    (
        "20% nông, lâm nghiệp và thủy sản, 35% công nghiệp và xây dựng, 45% dịch vụ",
        [("nông, lâm nghiệp và thủy sản", 20), ("công nghiệp và xây dựng", 35), ("dịch vụ", 45)],
    ),
    (
        "Khu vực II chiếm khoảng 35%, Khu vực III chiếm khoảng 45%",
        [("Khu vực II", 35), ("Khu vực III", 45)],
    ),
    ("đạt 40.000 tỷ đồng, trong đó dịch vụ 25.000 tỷ đồng", [(None, 40_000), ("dịch vụ", 25_000)]),
    # counted nouns
    ("phủ 95% thôn, ấp và 100% trường học", [("thôn, ấp", 95), ("trường học", 100)]),
    ("ít nhất 10 hợp tác xã; 30 tổ hợp tác", [("hợp tác xã", 10), ("tổ hợp tác", 30)]),
    ("10 hợp tác xã và 30 tổ hợp tác", [("hợp tác xã", 10), ("tổ hợp tác", 30)]),
    (
        "95% phường, thị trấn và 100% thôn, ấp",
        [("phường, thị trấn", 95), ("thôn, ấp", 100)],
    ),
    (
        "trường học đạt chuẩn: 80%; trạm y tế đạt chuẩn: 100%",
        [("trường học đạt chuẩn", 80), ("trạm y tế đạt chuẩn", 100)],
    ),
    # the base of a change after its number is part of its target, never its label
    ("tăng 20% so với năm 2020, đạt 1.200 tỷ đồng", [("%", 20), ("tỷ đồng", 1200)]),
    (
        "tăng 20% so với năm 2020 (cấp tỉnh), tăng 10% so với năm 2020 (cấp xã)",
        [("cấp tỉnh", 20), ("cấp xã", 10)],
    ),
]


@pytest.mark.parametrize(
    ("cell", "bases"),
    [
        ("tăng 20% so với năm 2020, đạt 1.200 tỷ đồng", [(2020, False), None]),
        ("tăng 15% so với cùng kỳ; đạt 2.000 tỷ đồng", [(None, True), None]),
        (
            "giảm 10% so với năm trước ở thành thị, giảm 5% so với năm trước ở nông thôn",
            [(None, True), (None, True)],
        ),
        (
            "tăng 20% so với năm 2020 (cấp tỉnh), tăng 10% so với năm 2020 (cấp xã)",
            [(2020, False), (2020, False)],
        ),
    ],
)
def test_each_part_keeps_the_base_of_its_change(
    cell: str, bases: list[tuple[int | None, bool] | None]
) -> None:
    found = []
    for part in split_targets(cell):
        change = part.spec.change
        found.append(None if change is None else (change.since, change.previous_year))
        assert "so với" not in (part.label or "")
    assert found == bases


@pytest.mark.parametrize(("cell", "expected"), CELLS, ids=[cell for cell, _ in CELLS])
def test_cells_split_into_labelled_parts(
    cell: str, expected: list[tuple[str | None, float]]
) -> None:
    parts = split_targets(cell)
    assert [(part.label, _number(part.spec)) for part in parts] == expected
    for part in parts:
        assert part.text in cell  # verbatim
        if part.label is not None:
            assert part.label.casefold() not in (part.spec.note or "").casefold()


@pytest.mark.parametrize(("cell", "expected"), CELLS, ids=[cell for cell, _ in CELLS])
def test_parse_target_refuses_the_cell_and_names_its_parts(
    cell: str, expected: list[tuple[str | None, float]]
) -> None:
    with pytest.raises(TargetParseError, match="use split_targets") as info:
        parse_target(cell)
    assert info.value.parts == tuple(part.text for part in split_targets(cell))
    assert len(info.value.parts) == len(expected)


def test_the_parts_keep_their_verbatim_text() -> None:
    parts = split_targets("phủ 95% thôn, ấp và 100% trường học")
    assert [part.text for part in parts] == ["phủ 95% thôn, ấp", "100% trường học"]
    parts = split_targets("đạt 50.000 tỷ đồng, trong đó năm 2026 đạt 9.000 tỷ đồng")
    assert [part.text for part in parts] == ["đạt 50.000 tỷ đồng", "năm 2026 đạt 9.000 tỷ đồng"]


def test_the_label_leaves_the_spec_and_the_unit_stays() -> None:
    first, second = split_targets("95% ở cấp tỉnh, 85% ở cấp xã")
    assert (first.spec.unit, first.spec.note) == ("%", None)  # type: ignore[union-attr]
    assert (second.spec.unit, second.spec.note) == ("%", None)  # type: ignore[union-attr]
    whole, year = split_targets("đạt 50.000 tỷ đồng, trong đó năm 2026 đạt 9.000 tỷ đồng")
    assert whole.spec.unit == year.spec.unit == "tỷ đồng"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "cell",
    [
        "95% thôn, ấp",
        "trên 90% phường, thị trấn",
        "100% trường học, trạm y tế và nhà văn hóa",
        "95% cấp tỉnh, cấp huyện và cấp xã",
    ],
)
def test_a_noun_pair_is_no_second_target(cell: str) -> None:
    (part,) = split_targets(cell)
    assert part.label is None
    assert part.text == cell
    assert parse_target(cell) == part.spec


@pytest.mark.parametrize(
    ("cell", "value"),
    [("8,5%", 8.5), ("6.388,3 tỷ đồng", 6388.3), ("0,7", 0.7), ("≥ 1,25 lần", 1.25)],
)
def test_a_decimal_comma_is_no_cut(cell: str, value: float) -> None:
    (part,) = split_targets(cell)
    assert (part.label, _number(part.spec)) == (None, value)


@pytest.mark.parametrize(
    "cell",
    ["đến năm 2030 đạt 168 triệu đồng", "giảm còn dưới 5%", "từ 5 đến 10%", "Tiên tiến, hiện đại"],
)
def test_a_single_target_is_one_unlabelled_part(cell: str) -> None:
    (part,) = split_targets(cell)
    assert (part.label, part.text, part.spec) == (None, cell, parse_target(cell))


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("95%; 85%", "no label tells the 2 targets apart"),
        ("95% cấp tỉnh, 85%", "no label tells the 2 targets apart"),
        ("đạt 50.000 tỷ đồng; 9.000 tỷ đồng", "no label tells the 2 targets apart"),
        ("95% cấp tỉnh; 95% cấp tỉnh", "have the label 'cấp tỉnh'"),
        ("90% cấp xã, 80% cấp huyện, 60% Cấp xã", "have the label 'cấp xã'"),
        ("Nông nghiệp: 20%; nông nghiệp: 30%", "have the label 'nông nghiệp'"),
        ("năm 2026 đạt 5%, năm 2026 đạt 6%", "have the label 'năm 2026'"),
        # whether "hợp tác xã" is a known unit or not, the parts are refused
        ("10 hợp tác xã; 30 hợp tác xã", "have the label 'hợp tác xã'|no label tells"),
    ],
)
def test_parts_that_no_label_tells_apart_are_refused(cell: str, reason: str) -> None:
    with pytest.raises(TargetParseError, match=reason) as info:
        split_targets(cell)
    assert len(info.value.parts) >= 2
    assert all(part in cell for part in info.value.parts)


def test_target_part_is_public_and_frozen() -> None:
    assert kh922core.TargetPart is TargetPart
    part = split_targets("Nông nghiệp: 20%; Dịch vụ: 45%")[0]
    assert isinstance(part, TargetPart)
    with pytest.raises(pydantic.ValidationError):
        part.label = "Công nghiệp"  # type: ignore[misc]


def test_direction_and_unit_reach_every_part() -> None:
    parts = split_targets("cấp tỉnh dưới 5%; cấp xã dưới 8%", direction="lower_is_better", unit="%")
    assert [str(part.spec.direction) for part in parts] == ["lower_is_better"] * 2
    assert [part.spec.is_met(4) for part in parts] == [True, True]


_LEVELS = ["cấp tỉnh", "cấp huyện", "cấp xã", "thành thị", "nông thôn"]
_SECTORS = [
    "Nông nghiệp",
    "công nghiệp - xây dựng",
    "dịch vụ",
    "Khu vực I",
    "Khu vực II",
    "Khu vực III",
    "nông, lâm nghiệp và thủy sản",
]
_NOUNS = ["thôn, ấp", "trường học", "trạm y tế"]


@st.composite
def _cells(draw: st.DrawFn) -> tuple[str, list[str], list[float]]:
    """A cell of 2-4 parts written in one style, with the labels and numbers it was built from."""
    style = draw(st.sampled_from(["colon", "verb", "after", "year"]))
    count = draw(st.integers(min_value=2, max_value=4))
    if style == "year":
        years = draw(st.lists(st.integers(2021, 2050), min_size=count, max_size=count, unique=True))
        labels = [f"năm {year}" for year in years]
    else:
        pool = _LEVELS + _SECTORS + _NOUNS
        labels = draw(st.lists(st.sampled_from(pool), min_size=count, max_size=count, unique=True))
    numbers = [
        n / 10 for n in draw(st.lists(st.integers(1, 10**7), min_size=count, max_size=count))
    ]
    unit = draw(st.sampled_from(["%", " tỷ đồng", " triệu đồng", ""]))
    texts = []
    for label, number in zip(labels, numbers, strict=True):
        amount = format_number(number) + unit
        if style == "colon":
            texts.append(f"{label}: {amount}")
        elif style == "verb":
            texts.append(f"{label} {draw(st.sampled_from(['đạt', 'chiếm', 'đạt trên']))} {amount}")
        elif style == "after":
            texts.append(f"{amount} {draw(st.sampled_from(['', 'ở ']))}{label}")
        else:
            texts.append(f"{label} đạt {amount}")
    joiner = draw(st.sampled_from(["; ", ", ", " và "] if style == "after" else ["; ", ", "]))
    return joiner.join(texts), labels, numbers


@given(_cells())
def test_labels_and_numbers_come_back(case: tuple[str, list[str], list[float]]) -> None:
    cell, labels, numbers = case
    parts = split_targets(cell)
    assert [part.label for part in parts] == labels
    assert [_number(part.spec) for part in parts] == numbers
    with pytest.raises(TargetParseError) as info:
        parse_target(cell)
    assert len(info.value.parts) == len(labels)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Cấp tỉnh: 90%\nCấp huyện: 80%", [("Cấp tỉnh", 90.0), ("Cấp huyện", 80.0)]),
        ("+ Thành thị: 98%\n+ Nông thôn: 90%", [("Thành thị", 98.0), ("Nông thôn", 90.0)]),
        ("90% cấp tỉnh\t80% cấp huyện", [("cấp tỉnh", 90.0), ("cấp huyện", 80.0)]),
    ],
)
def test_parts_on_lines_of_their_own(cell: str, expected: list[tuple[str, float]]) -> None:
    parts = split_targets(cell, unit="%")
    assert [(part.label, part.spec.value) for part in parts] == expected  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("cell", "unit", "reason"),
    [
        # a verb that one part writes and the next does not: read before as a change, then a level
        ("giảm 2% ở thành thị và 3% ở nông thôn", "%", "has no verb of its own"),
        ("giảm 30% thời gian, 30% chi phí", "%", "has no verb of its own"),
        ("tăng 500 hộ ở thành thị, 300 hộ ở nông thôn", "hộ", "has no verb of its own"),
        # a base that one part writes: read before as measured from the plan baseline
        ("cấp tỉnh tăng 10%, cấp xã tăng 5% so với năm 2020", "tỷ đồng", "names no base"),
        ("Năm 2027 tăng 15%, năm 2030 tăng 30% so với năm 2025", "tỷ đồng", "names no base"),
        ("So với năm 2025: thành thị tăng 5%; nông thôn tăng 3%", "tỷ đồng", "names no base"),
        # a change a year with no base: from the year before, as a reader takes it, or from the
        # plan baseline, as a change with no base is measured? Refused: say which
        ("Năm 2026 tăng 8%; năm 2027 tăng 9%", "tỷ đồng", "its parts are years"),
    ],
)
def test_a_verb_or_a_base_written_once_for_several_parts_is_refused(
    cell: str, unit: str, reason: str
) -> None:
    with pytest.raises(TargetParseError, match=reason) as caught:
        split_targets(cell, unit=unit)
    assert len(caught.value.parts) >= 2


@pytest.mark.parametrize(
    ("cell", "direction"),
    [
        # a strict comparator for one part: a reader carries it (above 80 % in the communes),
        # the part alone is at least 80 % (met at 80 %)
        ("trên 90% cấp tỉnh, 80% cấp xã", "higher_is_better"),
        ("dưới 5% ở thành thị, 7% ở nông thôn", "lower_is_better"),
        # a comparator against the direction: the bare part would read the other way
        ("dưới 5% ở thành thị, 7% ở nông thôn", "higher_is_better"),
        ("tối thiểu 90% cấp tỉnh; 80% cấp xã", "lower_is_better"),
        # "khoảng" carried: about 80 % (within the tolerance), alone at least 80 %
        ("khoảng 90% cấp tỉnh, 80% cấp xã", "higher_is_better"),
        # a year phrase in the later part ("đến năm 2030") is no phrase of its comparison
        ("Đến năm 2026 trên 30%; đến năm 2030: 50%", "higher_is_better"),
    ],
)
def test_a_comparator_written_once_for_several_parts_is_refused_where_it_matters(
    cell: str, direction: str
) -> None:
    with pytest.raises(TargetParseError, match="has no comparator of its own") as caught:
        split_targets(cell, unit="%", direction=direction)
    assert len(caught.value.parts) == 2


@pytest.mark.parametrize(
    ("cell", "direction", "operators"),
    [
        # the comparator means what the bare number means: nothing is lost
        ("tối thiểu 90% cấp tỉnh, 80% cấp xã", "higher_is_better", ["ge", "target"]),
        ("không quá 5% ở thành thị, 7% ở nông thôn", "lower_is_better", ["le", "target"]),
        # each part writes its own
        ("trên 90% cấp tỉnh, trên 80% cấp xã", "higher_is_better", ["gt", "gt"]),
        ("trên 90% cấp tỉnh, đạt 80% cấp xã", "higher_is_better", ["gt", "target"]),
        ("Năm 2026 đạt trên 50%, năm 2030 đạt 80%", "higher_is_better", ["gt", "target"]),
    ],
)
def test_a_comparator_that_each_part_reads_alike_is_read(
    cell: str, direction: str, operators: list[str]
) -> None:
    parts = split_targets(cell, unit="%", direction=direction)
    assert [getattr(p.spec, "operator", None) for p in parts] == operators


def test_a_change_a_year_that_names_its_base_is_read() -> None:
    cell = "Năm 2026 tăng 8% so với năm trước; năm 2027 tăng 9% so với năm trước"
    parts = split_targets(cell, unit="tỷ đồng")
    assert [(p.label, p.spec.change.previous_year) for p in parts if p.spec.change] == [
        ("năm 2026", True),
        ("năm 2027", True),
    ]


def test_a_part_with_a_word_of_its_own_stays_a_level() -> None:
    parts = split_targets("tăng 20% so với năm 2020, đạt 1.200 tỷ đồng", unit="tỷ đồng")
    assert [part.spec.change is None for part in parts] == [False, True]
    parts = split_targets("giảm 2% ở thành thị, dưới 3% ở nông thôn", unit="%")
    assert [part.spec.change is None for part in parts] == [False, True]


def test_lan_makes_a_multiple_and_labels_no_part() -> None:
    with pytest.raises(TargetParseError, match="no label tells the 2 targets apart"):
        split_targets("đạt 1.500 tỷ đồng, tăng 2 lần so với năm 2025", unit="tỷ đồng")


def test_a_part_in_brackets_is_labelled_by_its_words_never_by_a_bracket() -> None:
    parts = split_targets("95% (trong đó nông thôn 90%)", unit="%")
    assert [(p.label, p.spec.value) for p in parts] == [(None, 95.0), ("nông thôn", 90.0)]
    # the second part's words hold a number ("mức độ 4"): no label is left but ")"
    with pytest.raises(TargetParseError, match="no label tells the 2 targets apart"):
        split_targets("100% (trong đó 50% mức độ 4)", unit="%")
