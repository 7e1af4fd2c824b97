"""What round 165 of the attacks found in the reporting cycle's words: the templates' guide
sheet named Bến Tre's consolidating office (Sở Khoa học và Công nghệ) whatever the plan said,
and a report grouped a target of no section (an imported table) under ``Phụ lục I, mục None``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest

import kh922core

pytest.importorskip("xlsxwriter")


def _cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c]


@pytest.mark.parametrize(
    ("via", "office"), [("so-khcn", "Sở Khoa học và Công nghệ"), ("so-tai-chinh", "Sở Tài chính")]
)
def test_the_guide_names_the_plans_consolidating_office(
    tmp_path: Path, via: str, office: str
) -> None:
    plan = kh922core.load_plan()
    assert plan.reporting is not None
    plan = plan.model_copy(update={"reporting": plan.reporting.model_copy(update={"via": via})})
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-y-te"], as_of="2025-11-01")
    guide = [c for c in _cells(path) if c.startswith("Gửi tệp về")]
    assert guide == [
        f"Gửi tệp về {office}; cơ quan tổng hợp bằng lệnh: kh922 collect TỆP... -o so-lieu.csv"
    ]


def test_a_target_of_no_section_is_grouped_under_the_appendix(tmp_path: Path) -> None:
    source = tmp_path / "pl.csv"
    source.write_text(
        "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh Vĩnh Long)\n"
        "STT;Chỉ tiêu;Đơn vị tính;Năm 2026;Cơ quan chủ trì\n"
        "1;Tỷ lệ hộ nghèo;%;Dưới 1%;Sở Y tế\n",
        encoding="utf-8",
    )
    imported = kh922core.import_tables(source)
    assert imported.problems == ()
    assert imported.plan.targets[0].section is None
    base = kh922core.load_plan()
    assert base.reporting is not None
    reporting = base.reporting.model_copy(update={"recipient": imported.plan.issuer, "via": None})
    plan = imported.plan.model_copy(update={"reporting": reporting})
    figures = pl.DataFrame(
        {"indicator": [plan.targets[0].indicator], "value": [0.8], "year": [2026]}
    )
    report = kh922core.build_report(plan, figures, as_of=date(2026, 11, 1))
    cells = _cells(kh922core.write_report(report, tmp_path / "bao-cao.xlsx"))
    assert "Phụ lục I" in cells
    assert not [c for c in cells if "mục None" in c]
