"""A small valid plan and agency file, and helpers to break them (shared by several tests)."""

from __future__ import annotations

from pathlib import Path

AGENCIES = """\
schema_version: 1
province: "Tỉnh Mẫu"
agencies:
  - id: "ubnd-tinh"
    name: "Ủy ban nhân dân tỉnh"
    aliases: ["UBND tỉnh"]
    level: "province"
  - id: "so-khcn"
    name: "Sở Khoa học và Công nghệ"
    aliases: ["Sở KH&CN"]
    level: "province"
  - id: "so-tai-chinh"
    name: "Sở Tài chính"
    level: "province"
"""

MINIMAL = """\
schema_version: 1
id: "mau-1-2025"
number: "1/KH-UBND"
title: "Kế hoạch mẫu"
date: "2025-03-01"
province: {name: "Tỉnh Mẫu", code: "99"}
issuer: "ubnd-tinh"
agencies: "agencies.yaml"
approximate_tolerance: 0.05
objectives:
  - id: "specific-2030-1"
    kind: "specific"
    horizon: 2030
    source: "II.2.a"
    text: "Kinh tế số chiếm 30% GRDP."
    targets: ["2030-1"]
    claims: []
indicators:
  - id: "digital-economy-share"
    name: "Quy mô kinh tế số"
    unit: "% GRDP"
    direction: "higher_is_better"
  - id: "online-services"
    name: "Tỷ lệ dịch vụ công trực tuyến"
    unit: "%"
    direction: "higher_is_better"
targets:
  - id: "2030-1"
    indicator: "digital-economy-share"
    horizon: 2030
    row: "1"
    unit: "% GRDP"
    text: "≥ 30"
    lead_agencies: ["so-khcn"]
  - id: "2030-5.10"
    indicator: "online-services"
    horizon: 2030
    row: "5.10"
    text: "100"
    lead_agencies: ["so-khcn", "so-tai-chinh"]
solution_groups:
  - id: "III.1"
    number: 1
    title: "Nâng cao nhận thức"
    task_group: "I"
    items:
      - {letter: "a", text: "Tuyên truyền.", claims: []}
task_groups:
  - {id: "I", title: "Nâng cao nhận thức", solution_group: "III.1"}
tasks:
  - id: "task-01"
    number: 1
    group: "I"
    name: "Tuyên truyền."
    lead_agencies: ["so-khcn"]
    deadline: "Quý II/2025"
    solutions: ["III.1.a"]
reporting:
  text: "Báo cáo trước ngày 15/11 hằng năm."
  due: [{month: 11, day: 15}]
  recipient: "ubnd-tinh"
  via: "so-khcn"
"""


def write(tmp_path: Path, plan: str, agencies: str = AGENCIES, name: str = "plan.yaml") -> Path:
    (tmp_path / "agencies.yaml").write_text(agencies, encoding="utf-8")
    path = tmp_path / name
    path.write_text(plan, encoding="utf-8")
    return path


def broken(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the template"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The one-based line where ``needle`` first occurs in ``text``."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1
