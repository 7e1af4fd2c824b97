"""Appendices of round 161 of the attacks (files in layouts other provinces use).

* A period over one column per year (``Kế hoạch giai đoạn 2026-2030`` merged over ``2026 |
  2027 | … | 2030``), in a row of money or of what is added over the years: every year's column
  was taken for a column of the span (``2026-2027``: its total, or the level at its end?) and
  refused, the row's baseline and agency with it; in a CSV file, whose group heading stands over
  its first column only, only that column was.
* A target of one dot before three digits (``95.125``) in a row of a percentage was read as
  95125 % (its baseline beside it was listed), and one beside the row's small figures written
  with a decimal comma (``1,2`` → ``1,5`` → ``2.500`` tỷ USD) as 2500: both are listed now.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_csv, write_xlsx

_TITLE = "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh Hòa Mỹ)"
_YEARS = [2026, 2027, 2028, 2029, 2030]


def _said(problems: object) -> list[str]:
    return [str(p) for p in problems]  # type: ignore[attr-defined]


def _group_rows(group: str, name: str, unit: str, title: str = _TITLE) -> list[list[object]]:
    return [
        [title],
        [
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Thực hiện năm 2025",
            group,
            "",
            "",
            "",
            "",
            "Cơ quan chủ trì",
        ],
        ["", "", "", "", *_YEARS, ""],
        ["1", name, unit, 1200, 1300, 1450, 1600, 1800, 2000, "Sở Công Thương"],
    ]


_MERGES = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Doanh thu thương mại điện tử", "tỷ đồng"),
        ("Số lao động được đào tạo nghề", "người"),
        ("Diện tích trồng rừng mới", "ha"),
    ],
)
@pytest.mark.parametrize(
    "group",
    ["Kế hoạch giai đoạn 2026-2030", "Mục tiêu giai đoạn 2026 - 2030", "Giai đoạn 2026 đến 2030"],
)
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_year_under_a_period_is_that_years_column(
    tmp_path: Path, name: str, unit: str, group: str, suffix: str
) -> None:
    rows = _group_rows(group, name, unit)
    if suffix == "xlsx":
        path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, _MERGES)])
    else:
        path = write_csv(tmp_path / "pl.csv", [[str(v) for v in row] for row in rows])
    imported = import_tables(path)
    assert not [p for p in _said(imported.problems) if "span" in p]
    targets = {t.horizon: t for t in imported.plan.targets}
    assert sorted(targets) == _YEARS
    assert [targets[y].spec.value for y in _YEARS] == [1300, 1450, 1600, 1800, 2000]  # type: ignore[union-attr]
    assert imported.plan.targets[0].lead_agencies == ("so-cong-thuong",)
    baseline = imported.plan.targets[0].baseline
    assert baseline is not None
    assert (baseline.value, baseline.year) == (1200, 2025)


@pytest.mark.parametrize("group", ["Lũy kế giai đoạn 2026-2030", "Cộng dồn giai đoạn 2026-2030"])
def test_a_running_total_under_a_period_is_still_listed(tmp_path: Path, group: str) -> None:
    # a plan of 2025: no column of the group is a result reached ("Lũy kế đến nay")
    title = _TITLE.replace("10/3/2026", "10/3/2025")
    rows = _group_rows(group, "Doanh thu thương mại điện tử", "tỷ đồng", title)
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, _MERGES)]))
    said = _said(imported.problems)
    assert sum("the total of its years" in p for p in said) == len(_YEARS)
    assert not imported.plan.targets


def _figures_rows(name: str, unit: str, figures: list[str]) -> list[list[str]]:
    return [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Năm 2027", "Năm 2030"],
        ["1", name, unit, *figures],
    ]


@pytest.mark.parametrize(
    ("name", "unit", "figures", "doubted"),
    [
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", ["92,5", "94", "95.125"], "95.125"),
        ("Tỷ lệ che phủ rừng", "%", ["4,5", "5", "5.125%"], "5.125"),
        ("Tỷ trọng kinh tế số trong GRDP", "% GRDP", ["12,5", "15", "20.125"], "20.125"),
        ("Kim ngạch xuất khẩu sản phẩm số", "tỷ USD", ["1,2", "1,5", "2.500"], "2.500"),
        ("Số bác sĩ trên vạn dân", "bác sĩ/vạn dân", ["10,5", "11", "12.500"], "12.500"),
        ("Chỉ số phát triển con người", "chỉ số", ["0,7", "0,72", "1.250"], "1.250"),
        # round 163: with a comparison in the cell, or a percentage written in words
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", ["92,5", "94", "≥ 95.125"], "95.125"),
        ("Tỷ lệ che phủ rừng", "%", ["45", "46", "Tối thiểu 46.500"], "46.500"),
        ("Tỷ lệ che phủ rừng", "phần trăm", ["45", "46", "46.500"], "46.500"),
        ("Tỷ lệ che phủ rừng", "Tỷ lệ (%)", ["45", "46", "46.500"], "46.500"),  # a known unit now
    ],
)
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_dot_before_three_digits_that_cannot_be_thousands_is_listed(
    tmp_path: Path, name: str, unit: str, figures: list[str], doubted: str, suffix: str
) -> None:
    rows = _figures_rows(name, unit, figures)
    if suffix == "xlsx":
        path = write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, [])])
    else:
        path = write_csv(tmp_path / "pl.csv", rows, ";")
    imported = import_tables(path)
    said = [p for p in _said(imported.problems) if f"{doubted!r}" in p]
    assert len(said) == 1, _said(imported.problems)
    assert doubted.replace(".", ",") in said[0]
    assert doubted.replace(".", "") in said[0]
    assert [t.horizon for t in imported.plan.targets] == [2027]  # the other target reads


@pytest.mark.parametrize(
    ("name", "unit", "figures", "value"),
    [
        ("Doanh thu thương mại điện tử", "tỷ đồng", ["1.800", "2.100", "2.500"], 2500),
        ("Số doanh nghiệp công nghệ số", "doanh nghiệp", ["850", "1.000", "1.200"], 1200),
        ("Thu nhập bình quân đầu người", "triệu đồng", ["75,5", "95", "1.250"], 1250),  # ×13
        ("Số lượt khách du lịch", "nghìn lượt", ["12,5", "20", "1.250"], 1250),  # ×62
    ],
)
def test_thousands_beside_figures_of_their_scale_read(
    tmp_path: Path, name: str, unit: str, figures: list[str], value: float
) -> None:
    imported = import_tables(
        write_csv(tmp_path / "pl.csv", _figures_rows(name, unit, figures), ";")
    )
    assert not imported.problems, _said(imported.problems)
    assert imported.plan.targets[-1].spec.value == value  # type: ignore[union-attr]


@pytest.mark.parametrize("acronym", ["HDI"])
def test_a_measures_acronym_in_brackets_is_no_unit(tmp_path: Path, acronym: str) -> None:
    # "(HDI)" is a unit the library knows; beside the unit cell "Chỉ số" it was taken for a
    # second unit, and the indicator imported without one
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Năm 2030"],
        ["1", f"Chỉ số phát triển con người ({acronym})", "Chỉ số", "0,7", "0,75"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    assert not imported.problems, _said(imported.problems)
    assert imported.plan.targets[0].unit.text == "Chỉ số"  # type: ignore[union-attr]


def test_a_currency_in_brackets_against_the_unit_cell_is_still_listed(tmp_path: Path) -> None:
    rows = [
        [_TITLE],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2030"],
        ["1", "Thu nhập bình quân đầu người (USD)", "triệu đồng", "150"],
    ]
    imported = import_tables(write_csv(tmp_path / "pl.csv", rows, ";"))
    assert any("the name ends with the unit 'USD'" in p for p in _said(imported.problems))


@pytest.mark.parametrize(
    "sub",
    [
        "Tích lũy đến năm 2030",
        "Toàn giai đoạn (đến năm 2030)",
        "Tổng đến năm 2030",
        "Cộng 5 năm (đến 2030)",
        "Ước TH 2025",
        "Kịch bản 1 (năm 2030)",
    ],
)
def test_a_sub_heading_that_is_no_year_alone_stays_a_column_of_the_span(
    tmp_path: Path, sub: str
) -> None:
    # round 163: a running total or an estimate worded otherwise was read as the year's level
    title = _TITLE.replace("10/3/2026", "10/3/2025")
    rows: list[list[object]] = [
        [title],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch giai đoạn 2026-2030", "", "Cơ quan chủ trì"],
        ["", "", "", "Năm 2026", sub, ""],
        ["1", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", 90000, 500000, "Sở Tài chính"],
    ]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4), (1, 5, 2, 5)]
    imported = import_tables(write_xlsx(tmp_path / "pl.xlsx", [("PL I", rows, merges)]))
    assert [t.horizon for t in imported.plan.targets] == [2026]
    assert any("500000" in p for p in _said(imported.problems))
