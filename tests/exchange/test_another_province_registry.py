"""The shipped agency registry (Bến Tre's) read for another province's appendices: its own
committee is the plan's issuer, and what passed to Bến Tre's province in 2025 passes to the
plan's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_docx

pytest.importorskip("docx")

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROWS = [
    ["1", "Xây dựng kho dữ liệu dùng chung", "UBND tỉnh", "Sở Tài chính", "Năm 2026"],
    ["2", "Phát triển nền tảng số cấp xã", "Sở Nội vụ", "UBND các huyện, thành phố", "Năm 2027"],
    ["3", "Kết nối dữ liệu liên tỉnh", "Sở Nội vụ", "UBND tỉnh Bến Tre", "Năm 2027"],
]


def _title(province: str) -> list[str]:
    return [
        "PHỤ LỤC II",
        "NHIỆM VỤ TRỌNG TÂM",
        f"(Kèm theo Kế hoạch số 45/KH-UBND ngày 3 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh "
        f"{province})",
    ]


def test_the_committee_of_another_province_is_its_own(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "phu-luc.docx", [(_title("Hòa Mỹ"), [HEADER, *ROWS], [])])
    result = import_tables(path)
    plan = result.plan
    first, second, third = plan.tasks
    assert first.lead_agencies == ("ubnd-tinh-hoa-my",)  # not ubnd-tinh-ben-tre
    assert plan.issuer == "ubnd-tinh-hoa-my"
    assert ("plan", "agencies") in result.notes
    assert second.lead_agencies == ("so-noi-vu",)
    assert third.cooperating_agencies == ("ubnd-tinh-ben-tre",)  # named in full: Bến Tre's
    # the 2025 reorganisation of departments holds in every province
    assert plan.registry.find("Sở Thông tin và Truyền thông").successors


def test_the_registrys_own_province_keeps_its_successions(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "phu-luc.docx", [(_title("Bến Tre"), [HEADER, *ROWS], [])])
    result = import_tables(path)
    plan = result.plan
    assert plan.tasks[0].lead_agencies == ("ubnd-tinh-ben-tre",)
    assert plan.registry.get("ubnd-tinh-ben-tre").successors
    assert ("plan", "agencies") not in result.notes


def test_a_part_that_passed_to_the_registrys_province_passes_to_the_plans_own(
    tmp_path: Path,
) -> None:
    path = write_docx(tmp_path / "phu-luc.docx", [(_title("Hòa Mỹ"), [HEADER, *ROWS], [])])
    plan = import_tables(path).plan
    group = plan.registry.get("ubnd-cac-huyen-thanh-pho")  # cooperates on task 2
    assert "ubnd-tinh-hoa-my" in [s.agency for s in group.successors]
    assert "ubnd-tinh-vinh-long" not in [s.agency for s in group.successors]
    assert all("Vĩnh Long" not in (s.note or "") for s in group.successors)
    # Bến Tre's own committee, named in full, still passed to the new tỉnh Vĩnh Long
    assert [s.agency for s in plan.registry.get("ubnd-tinh-ben-tre").successors] == [
        "ubnd-tinh-vinh-long"
    ]
