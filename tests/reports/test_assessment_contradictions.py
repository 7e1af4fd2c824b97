"""An agency's assessment that its own value contradicts is listed, never silently overruled
(``Không đạt`` beside 60 for ``≥ 55`` became ``Đạt`` in the report, with nothing said)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import kh922core

from .filling import keys, target_rows


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _filled(path: Path, cells: dict[str, tuple[object, str]]) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = keys(sheet)[1]
    rows = target_rows(sheet)
    for target, (value, said) in cells.items():
        sheet.cell(rows[target], columns["value"], value)
        sheet.cell(rows[target], columns["assessment"], said)
    book.save(path)
    return path


def test_an_assessment_the_value_contradicts_is_listed_and_the_value_judged(
    tmp_path: Path, plan: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    # 2030-3: ≥ 55; 2030-1: a rank, nhóm 30 (lower is better)
    _filled(path, {"2030-3": (60, "Không đạt"), "2030-1": (40, "Đạt")})
    found = kh922core.collect([path], plan=plan)
    assert sorted(found.observations["value"].to_list()) == [40.0, 60.0]  # still read
    listed = sorted(found.rejected, key=lambda r: r.row or 0)
    assert [(r.column, r.value) for r in listed] == [
        ("assessment", "đạt"),
        ("assessment", "không đạt"),
    ]
    rank = plan.target("2030-1").text  # "Xếp hạng ở nhóm 30 tỉnh, thành"
    assert f"says Đạt, but the value 40 does not meet the target {rank!r} (2030-1)" in (
        listed[0].reason
    )
    assert "says Không đạt, but the value 60 meets the target '≥ 55' (2030-3)" in listed[1].reason


def test_an_assessment_that_agrees_is_no_finding(tmp_path: Path, plan: kh922core.Plan) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    _filled(path, {"2030-3": ("49,5", "Không đạt"), "2030-1": (12, "Đạt")})
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert sorted(found.observations["value"].to_list()) == [12.0, 49.5]
