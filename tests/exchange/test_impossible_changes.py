"""A change of a share read as percentage points that the row's own baseline makes impossible
(left alone in the seventeenth session's note, found by round 154): ``Giảm 30% so với năm
2025`` of ``Tỷ lệ hộ nghèo đa chiều`` from 4,2 % was read as a fall of 30 points, never met,
where the plan means a third of its level.  Such a target is listed on its cell and left out;
a fall the baseline allows, a change written in points, and a change of a money row still read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import Change, ChangeKind, import_tables

from .office_builders import write_csv

_TITLE = "(Kèm theo Kế hoạch số 30/KH-UBND ngày 20/01/2026 của UBND tỉnh Hòa Mỹ)"
_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Năm 2030", "Cơ quan chủ trì"]
_POOR = "Tỷ lệ hộ nghèo đa chiều"


def _import(tmp_path: Path, *rows: list[str]) -> tuple[dict[str, Change | None], list[str]]:
    path = write_csv(tmp_path / "pl.csv", [[_TITLE], _HEADER, *rows], ";")
    imported = import_tables(path)
    targets = {t.text: t.spec.change for t in imported.plan.targets}
    return targets, [str(p) for p in imported.problems]


@pytest.mark.parametrize(
    ("name", "base", "cell", "beyond"),
    [
        (_POOR, "4,2", "Giảm 30% so với năm 2025", "below 0 %"),
        (_POOR, "4,2", "Giảm ít nhất 10%", "below 0 %"),
        (_POOR, "4,2", "Giảm 10-20% so với năm 2025", "below 0 %"),
        (_POOR, "4,2", "Giảm bình quân 1%/năm", "below 0 %"),  # 5 points by 2030
        ("Tỷ lệ thất nghiệp khu vực thành thị", "3,1", "Giảm khoảng 15%", "below 0 %"),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", "94,5", "Tăng 10% so với năm 2025", "above 100 %"),
        ("Tỷ lệ xã đạt chuẩn nông thôn mới", "85", "Tăng bình quân 4%/năm", "above 100 %"),
    ],
)
def test_a_change_in_points_the_baseline_cannot_make_is_listed(
    tmp_path: Path, name: str, base: str, cell: str, beyond: str
) -> None:
    targets, problems = _import(tmp_path, ["1", name, "%", base, cell, "Sở Y tế"])
    assert targets == {}  # read as points: never met
    listed = [p for p in problems if "read as percentage points" in p]
    assert len(listed) == 1
    assert f"'{cell}'" in listed[0]
    assert f"would take the share {beyond}" in listed[0]
    assert f"baseline {base}% (2025)" in listed[0]
    assert "điểm %" in listed[0]


@pytest.mark.parametrize(
    ("cell", "said", "asked"),
    [
        ("Giảm khoảng 15%", "a fall of 15 points", "'giảm 15 điểm %'"),  # not its 14,25
        ("Giảm 10-20% so với năm 2025", "a fall of 10 points", "'giảm 10 điểm %'"),
        ("Giảm bình quân 1%/năm", "a fall of 1 point a year", "'giảm 1 điểm %/năm'"),
    ],
)
def test_the_listing_names_the_number_written(
    tmp_path: Path, cell: str, said: str, asked: str
) -> None:
    _, problems = _import(tmp_path, ["1", _POOR, "%", "4,2", cell, "Sở Y tế"])
    listed = [p for p in problems if "read as percentage points" in p]
    assert len(listed) == 1
    assert f"{said} from the baseline 4,2% (2025)" in listed[0]
    assert asked in listed[0]


@pytest.mark.parametrize(
    ("name", "base", "cell"),
    [
        (_POOR, "4,2", "Giảm 1,5% so với năm 2025"),  # 1,5 points: the baseline allows it
        (_POOR, "4,2", "Giảm 4,2% so với năm 2025"),  # to 0 exactly
        (_POOR, "4,2", "Giảm 0,8%/năm"),  # 4 points by 2030
        (_POOR, "4,2", "Giảm 2-3% so với năm 2025"),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", "94,5", "Tăng 5% so với năm 2025"),
        ("Tỷ lệ xã đạt chuẩn nông thôn mới", "85", "Tăng bình quân 3%/năm"),
    ],
)
def test_a_change_the_baseline_allows_is_read(
    tmp_path: Path, name: str, base: str, cell: str
) -> None:
    targets, problems = _import(tmp_path, ["1", name, "%", base, cell, "Sở Y tế"])
    change = targets[cell]
    assert change is not None
    assert change.kind in (ChangeKind.POINTS, ChangeKind.POINTS_PER_YEAR)
    assert not [p for p in problems if "read as percentage points" in p]


def test_what_the_check_does_not_concern_is_read(tmp_path: Path) -> None:
    targets, problems = _import(
        tmp_path,
        ["1", _POOR, "%", "4,2", "Giảm 30 điểm %", "Sở Y tế"],  # points, as written
        ["2", "Thu ngân sách nhà nước", "tỷ đồng", "4.200", "Giảm 30%", "Sở Tài chính"],
        ["3", "Tỷ lệ hộ cận nghèo", "%", "", "Giảm 30% so với năm 2025", "Sở Y tế"],  # no base
        ["4", "Tỷ lệ lao động nông nghiệp", "%", "45", "Giảm 30% so với năm 2024", "Sở NN"],
    )
    assert not [p for p in problems if "read as percentage points" in p]
    relative = targets["Giảm 30%"]
    assert relative is not None
    assert relative.kind is ChangeKind.RELATIVE
    assert "Giảm 30 điểm %" in targets  # a fall the baseline cannot make: never met, as written
    assert "Giảm 30% so với năm 2025" in targets  # the base is not in the plan
    assert "Giảm 30% so với năm 2024" in targets  # from another year than the baseline's


@pytest.mark.parametrize(
    ("name", "base", "cell"),
    [  # ratios that may pass 100 % (round 159): no share of a whole
        ("Tỷ lệ dư nợ tín dụng so với GRDP", "95", "Tăng 10% so với năm 2025"),
        ("Tỷ lệ thu ngân sách nhà nước so với dự toán", "96", "Tăng 5% so với năm 2025"),
    ],
)
def test_a_ratio_that_may_pass_100_is_not_checked(
    tmp_path: Path, name: str, base: str, cell: str
) -> None:
    targets, problems = _import(tmp_path, ["1", name, "%", base, cell, "Sở Tài chính"])
    assert cell in targets
    assert not [p for p in problems if "read as percentage points" in p]
