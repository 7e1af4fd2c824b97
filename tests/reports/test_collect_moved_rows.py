"""Rows sorted or moved without the hidden column A: a figure beside another indicator's key.

An official who selects from column B to sort, or cuts and pastes rows, leaves the hidden ids
in place: the TFP figure then sits beside the key of the digital signatures.  Read by the
hidden key it went to the wrong indicator, exit 0.  Each such row is now listed, naming its
``Mã``'s indicator and its key's, and its figure is read nowhere.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import kh922core

from .filling import fill, keys, target_rows


@pytest.fixture
def template(tmp_path: Path) -> Path:
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2026-05-15")
    return fill(path, {"2030-3": "49,5", "2030-21": "72"})


def _swap_from_column_b(path: Path, first: str, second: str, key: str = "target_id") -> None:
    """Swap two rows from the column of ``key`` on (column B, the ``Mã``: rows sorted with
    the hidden ids left behind; ``name``: from column C, the ``Mã`` left behind too)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = target_rows(sheet)
    _, columns = keys(sheet)
    a, b = rows[first], rows[second]
    for column in range(columns[key], sheet.max_column + 1):
        one, other = sheet.cell(a, column), sheet.cell(b, column)
        one.value, other.value = other.value, one.value
    book.save(path)


def test_rows_swapped_from_column_b_are_listed_and_not_read(template: Path) -> None:
    _swap_from_column_b(template, "2030-3", "2030-21")
    found = kh922core.collect([template])
    assert found.observations.height == 0  # 49,5 was the digital signatures', 72 the TFP's
    reasons = {r.value: r.reason for r in found.rejected}
    assert set(reasons) == {"49,5", "72"}
    assert "'2030-3' is a target of 'tfp-contribution'" in reasons["49,5"]
    assert "column A" in reasons["49,5"]
    assert not found.clean


def test_a_key_typed_over_in_column_a_is_listed(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    _, columns = keys(sheet)
    sheet.cell(target_rows(sheet)["2030-3"], columns["indicator"], "digital-signatures")
    book.save(template)
    found = kh922core.collect([template])
    assert found.observations["indicator"].to_list() == ["digital-signatures"]  # 72, its own
    (refused,) = [r for r in found.rejected if r.value == "49,5"]
    assert "hidden key (column A) names 'digital-signatures'" in refused.reason


def test_rows_sorted_whole_are_read(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    rows = target_rows(sheet)
    a, b = rows["2030-3"], rows["2030-21"]
    for column in range(1, sheet.max_column + 1):
        one, other = sheet.cell(a, column), sheet.cell(b, column)
        one.value, other.value = other.value, one.value
    book.save(template)
    found = kh922core.collect([template])
    read = dict(zip(found.observations["indicator"], found.observations["value"], strict=True))
    assert read == {"tfp-contribution": 49.5, "digital-signatures": 72.0}
    assert found.clean


def test_rows_sorted_from_a_later_column_are_listed_by_their_target(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    rows = target_rows(sheet)
    _, columns = keys(sheet)
    a, b = rows["2030-3"], rows["2030-21"]
    for column in range(columns["unit"], sheet.max_column + 1):  # from ĐVT on: A to C stay
        one, other = sheet.cell(a, column), sheet.cell(b, column)
        one.value, other.value = other.value, one.value
    book.save(template)
    found = kh922core.collect([template])
    assert found.observations.height == 0
    reasons = [r.reason for r in found.rejected]
    assert len(reasons) == 2
    assert all("its Mục tiêu" in reason for reason in reasons)


def test_a_name_shortened_beside_its_own_ma_is_read(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    _, columns = keys(sheet)
    other = next(
        i for i in kh922core.load_plan().indicators if i.id == "international-publications"
    )
    sheet.cell(target_rows(sheet)["2030-3"], columns["name"], other.name)  # another's name
    book.save(template)
    found = kh922core.collect([template])
    assert sorted(found.observations["value"].to_list()) == [49.5, 72.0]  # the Mã agrees
    assert found.clean


def test_rows_sorted_from_the_name_column_are_listed_though_their_targets_agree(
    tmp_path: Path,
) -> None:
    # round 167: two rows whose target texts are alike, sorted from column C: the Mã and the
    # hidden key agree, the names and figures moved; each figure went to the other indicator
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(
        tmp_path / "t.xlsx", plan, ["van-phong-ubnd-tinh"], as_of="2026-05-20"
    )
    fill(path, {"2030-5.3": 78, "2030-5.4": 95, "2030-5.2": 85})
    texts = {t.id: t.text for t in plan.targets}
    assert texts["2030-5.3"] == texts["2030-5.4"]  # nothing but the names tells them apart
    _swap_from_column_b(path, "2030-5.3", "2030-5.4", key="name")
    found = kh922core.collect([path], plan=plan)
    assert found.observations.select("value").to_series().to_list() == [85.0]
    listed = sorted(r.value for r in found.rejected if "sorted or moved from column C" in r.reason)
    assert listed == ["78", "95"]


def test_names_of_indicators_not_on_the_sheet_are_no_sort(tmp_path: Path) -> None:
    # round 169: two names shortened to another indicator's whole name, neither on the sheet:
    # no sort brings those names there, and both figures are read
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2026-05-20")
    fill(path, {"2030-3": "49,5", "2030-21": "72"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = target_rows(sheet)
    _, columns = keys(sheet)
    on_sheet = {sheet.cell(r, columns["indicator"]).value for r in rows.values()}
    others = [i.name for i in plan.indicators if i.id not in on_sheet][:2]
    for target, name in zip(("2030-3", "2030-21"), others, strict=True):
        sheet.cell(rows[target], columns["name"], name)
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    assert sorted(found.observations["value"].to_list()) == [49.5, 72.0]
    assert found.clean
