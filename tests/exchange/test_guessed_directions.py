"""Directions guessed from an indicator's name (round 150 of the attacks): a wrong guess turns
every bare target of the row inside out, silently.

* names better higher that hold a word of what is better lower (``Tỷ lệ hộ nghèo được hỗ trợ
  nhà ở``, ``Tỷ lệ giảm phát thải``) were better lower: a target of 100 % was always met;
* names better lower with none of the words (``Thời gian chờ khám bệnh``, ``Tổn thất điện
  năng``, ``Số xã chưa đạt chuẩn``) were better higher;
* where the guess is still wrong, the row's own figures (its baseline, its targets year by year)
  going the other way now list its bare targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import Direction, import_tables

from .office_builders import write_csv

_TITLE = "(Kèm theo Kế hoạch số 30/KH-UBND ngày 20/01/2026 của UBND tỉnh Hòa Mỹ)"
_HEADER = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Thực hiện năm 2025",
    "Năm 2028",
    "Năm 2030",
    "Cơ quan chủ trì",
]


def _import(tmp_path: Path, *rows: list[str], note: bool = False) -> object:
    header = [*_HEADER, "Ghi chú"] if note else _HEADER
    return import_tables(write_csv(tmp_path / "pl.csv", [[_TITLE], header, *rows], ";"))


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("Tỷ lệ hộ nghèo được hỗ trợ nhà ở", Direction.HIGHER_IS_BETTER),
        ("Số vụ tai nạn giao thông được điều tra làm rõ", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ trẻ em suy dinh dưỡng được can thiệp", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ giảm phát thải khí nhà kính", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính", Direction.HIGHER_IS_BETTER),
        ("Ty le ho ngheo duoc ho tro", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ hộ nghèo được xác định theo chuẩn mới", Direction.LOWER_IS_BETTER),
        ("Thời gian chờ khám bệnh trung bình", Direction.LOWER_IS_BETTER),
        ("Số ngày thông quan hàng hóa", Direction.LOWER_IS_BETTER),
        ("Chi phí logistics so với GRDP", Direction.LOWER_IS_BETTER),
        ("Tổn thất điện năng", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ đơn thư khiếu nại tồn đọng", Direction.LOWER_IS_BETTER),
        ("Nồng độ bụi PM2.5 trung bình năm", Direction.LOWER_IS_BETTER),
        ("Nồng độ PM2.5 trung bình năm", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ lao động phi chính thức", Direction.LOWER_IS_BETTER),
        ("Số xã chưa đạt chuẩn nông thôn mới", Direction.LOWER_IS_BETTER),
        ("Tỷ lệ hồ sơ được giải quyết đúng hạn", Direction.HIGHER_IS_BETTER),
        # round 152: what is done for the better-lower, however it is said
        ("Số hộ chưa có nhà ở kiên cố được hỗ trợ xây dựng nhà", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ lao động phi chính thức tham gia bảo hiểm xã hội", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ thu gom, xử lý chất thải rắn tồn đọng", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ doanh nghiệp hài lòng về thời gian giải quyết thủ tục", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ thu hồi tài sản tham nhũng, vi phạm", Direction.HIGHER_IS_BETTER),
        ("Số ngày có chỉ số PM2.5 đạt quy chuẩn", Direction.HIGHER_IS_BETTER),
        ("Tỷ lệ hồ sơ xử lý trễ hạn", Direction.LOWER_IS_BETTER),
    ],
)
def test_the_direction_of_a_name(tmp_path: Path, name: str, direction: Direction) -> None:
    result = _import(tmp_path, ["1", name, "%", "", "", "50", "Sở Y tế"])
    (indicator,) = result.plan.indicators  # type: ignore[attr-defined]
    assert indicator.direction is direction


def _listed(result: object) -> list[str]:
    return [str(p) for p in result.problems if "go the other way" in str(p)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "figures", "moves"),
    [
        ("Thời lượng xử lý hồ sơ", ["60", "45", "30"], "baseline 60, then 2028: 45"),
        ("Tỷ lệ chất thải đưa ra bãi", ["", "40", "25"], "2028: 40, then 2030: 25"),
        ("Tỷ lệ hộ nghèo đa chiều", ["1", "1,5", "2"], "baseline 1, then 2028: 1,5"),
        ("Tỷ lệ xã có sóng 5G", ["", "80", "0,95"], "2028: 80, then 2030: 0,95"),
    ],
)
def test_figures_against_a_guessed_direction_list_every_bare_target(
    tmp_path: Path, name: str, figures: list[str], moves: str
) -> None:
    result = _import(tmp_path, ["1", name, "%", *figures, "Sở Y tế"])
    assert result.plan.targets == ()  # type: ignore[attr-defined]
    listed = _listed(result)
    assert len(listed) == 2
    assert all(moves in p for p in listed)
    assert all("Chỉ tiêu nghịch" in p for p in listed)


def test_a_note_or_a_written_way_settles_the_direction(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        ["1", "Thời lượng xử lý hồ sơ", "phút", "60", "45", "30", "Sở", "Chỉ tiêu nghịch"],
        ["2", "Tỷ lệ chất thải đưa ra bãi", "%", "40", "Dưới 30", "Tối đa 25", "Sở", ""],
        note=True,
    )
    assert _listed(result) == []
    met = {t.id: t.spec.is_met(28) for t in result.plan.targets}  # type: ignore[attr-defined]
    assert met == {"2028-1": True, "2030-1": True, "2028-2": True, "2030-2": False}


@pytest.mark.parametrize(
    "figures",
    [["85,5", "85,5", "85,49"], ["40", "45", "50"], ["", "", "30"], ["60", "60", "60"]],
)
def test_figures_that_go_the_way_or_round_are_read(tmp_path: Path, figures: list[str]) -> None:
    result = _import(tmp_path, ["1", "Tỷ lệ xã có sóng 5G", "%", *figures, "Sở"])
    assert _listed(result) == []
    assert len(result.plan.targets) == len([f for f in figures[1:] if f])  # type: ignore[attr-defined]
