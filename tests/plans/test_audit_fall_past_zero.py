"""Rule KH021: a share asked to fall by more percentage points than its baseline holds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kh922core import Severity, audit, load_plan

if TYPE_CHECKING:
    from tests.conftest import PlanFiles


def _findings(tmp_path: Path, plan_files: PlanFiles, target: str) -> list[str]:
    """KH021's messages for the plan whose row 5.10 (a share better lower) has ``target``."""
    text = plan_files.broken(plan_files.minimal, '    text: "100"\n', target)
    text = plan_files.broken(
        text,
        '    name: "Tỷ lệ dịch vụ công trực tuyến"\n    unit: "%"\n'
        '    direction: "higher_is_better"',
        '    name: "Tỷ lệ nợ xấu"\n    unit: "%"\n    direction: "lower_is_better"',
    )
    found = audit(load_plan(plan_files.write(tmp_path, text)), codes="KH021")
    assert all(f.severity is Severity.WARNING and f.location == "targets[2030-5.10]" for f in found)
    return [f.message for f in found]


@pytest.mark.parametrize(
    ("text", "baseline", "needed"),
    [
        ("giảm ít nhất 10% so với năm 2024", (2.5, 2024), "10"),
        ("giảm 3 - 5%", (2.0, 2024), "3"),
        ("giảm bình quân 1%/năm", (5.0, 2024), "6"),  # six years to 2030
        ("giảm tối thiểu 0,5 điểm % mỗi năm so với năm 2025", (2.0, 2025), "2,5"),
    ],
)
def test_a_fall_past_zero_is_found(
    tmp_path: Path, plan_files: PlanFiles, text: str, baseline: tuple[float, int], needed: str
) -> None:
    value, year = baseline
    target = f'    text: "{text}"\n    baseline: {{value: {value}, year: {year}}}\n'
    (message,) = _findings(tmp_path, plan_files, target)
    assert f"a fall of at least {needed} percentage points by 2030" in message
    assert f"from {str(value).replace('.', ',').removesuffix(',0')} % in {year}" in message
    assert "change: {kind: " in message


@pytest.mark.parametrize(
    "target",
    [
        # a fall the baseline holds
        '    text: "giảm ít nhất 2% so với năm 2024"\n    baseline: {value: 2.5, year: 2024}\n',
        '    text: "giảm bình quân 0,5%/năm"\n    baseline: {value: 5.0, year: 2024}\n',
        # no fall asked, or no baseline, or another base year than the baseline's
        '    text: "giảm không quá 10%"\n    baseline: {value: 2.5, year: 2024}\n',
        '    text: "giảm ít nhất 10% so với năm 2024"\n',
        '    text: "giảm ít nhất 10% so với năm 2023"\n    baseline: {value: 2.5, year: 2024}\n',
        # the plan states the reading: a share of the level
        '    text: "giảm ít nhất 10% so với năm 2024"\n    baseline: {value: 2.5, year: 2024}\n'
        "    change: {kind: relative, since: 2024, falling: true}\n",
        # a level
        '    text: "dưới 2%"\n    baseline: {value: 2.5, year: 2024}\n',
    ],
)
def test_other_targets_are_quiet(tmp_path: Path, plan_files: PlanFiles, target: str) -> None:
    assert _findings(tmp_path, plan_files, target) == []
