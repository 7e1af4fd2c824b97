"""A table saved in an English locale writes decimals with a dot (``1.5``, ``85.5``): its
``3.125`` was read as 3125 (a dot before three digits separates thousands in Vietnamese), with
nothing listed (round 127).  In such a table the cell is listed with both readings."""

from __future__ import annotations

from pathlib import Path

import pytest

import kh922core

_HEAD = (
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của UBND tỉnh Hòa Mỹ),,,,\n"
    "STT,Chỉ tiêu,Đơn vị tính,Thực hiện năm 2024,Mục tiêu năm 2030\n"
)


def _imported(tmp_path: Path, rows: str) -> kh922core.ImportResult:
    path = tmp_path / "phu-luc.csv"
    path.write_text(_HEAD + rows, encoding="utf-8")
    return kh922core.import_tables(path)


def test_a_dot_before_three_digits_beside_dot_decimals_is_listed(tmp_path: Path) -> None:
    found = _imported(
        tmp_path,
        "1,Tỷ lệ hộ gia đình có cáp quang,%,85.5,100\n"
        "2,Mật độ thuê bao,Thuê bao/100 dân,1.5,3.125\n",
    )
    texts = {t.id: t.text for t in found.plan.targets}
    assert texts == {"2030-1": "100"}  # 3.125 is not a target of 3125
    (problem,) = [p for p in found.problems if p.text == "3.125"]
    assert "3,125 or 3125" in problem.reason


@pytest.mark.parametrize("baseline", ["85,5", "85"])
def test_a_dot_group_in_a_vietnamese_table_is_thousands(tmp_path: Path, baseline: str) -> None:
    found = _imported(
        tmp_path,
        f'1,Tỷ lệ hộ gia đình có cáp quang,%,"{baseline}",100\n'
        '2,Số thuê bao,Thuê bao,"10.000",12.500\n',
    )
    texts = {t.id: t.text for t in found.plan.targets}
    assert texts["2030-2"] == "12.500"
    assert not [p for p in found.problems if "decimals with a dot" in p.reason]
