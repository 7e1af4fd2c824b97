"""Nothing is dropped silently: every non-empty cell of a recognised table ends up in the plan
or in the problems (with its place), whatever the rows hold: a property over generated tables
written as real files."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kh922core import ImportResult, import_tables

from .office_builders import write_csv, write_docx

pytest.importorskip("docx")

_HEADERS = [
    ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì", "Ghi chú"],
    ["STT", "Tên chỉ tiêu", "ĐVT", "Năm 2025", "Đến năm 2030", "Đơn vị chủ trì"],
    ["TT", "Nội dung", "Đơn vị tính", "Giai đoạn 2026-2030", "Cơ quan thực hiện", "Thông tin thêm"],
    [
        "TT",
        "Tên nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
        "Ghi chú",
    ],
]
_NUMBERS = st.sampled_from(["1", "2", "3", "5.1", "5.2", "a)", "-", "+", "", "4", "6"])
_GROUPS = st.sampled_from(["I", "II", "A", "B"])
_WORDS = st.sampled_from(
    [
        "Tỷ lệ",
        "hộ nghèo",
        "doanh nghiệp",
        "số hóa",
        "dịch vụ công",
        "kinh tế số",
        "đô thị",
        "Chỉ số",
        "PCI",
        "người dân",
        "xã",
        "trường học",
    ]
)
_NAMES = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)
_UNITS = st.sampled_from(["%", "Thứ bậc", "tỷ đồng", "Lần", "", "-", "% GRDP", "km"])
_TEXTS = st.sampled_from(
    [
        "≥ 80",
        "80%",
        "-",
        "x",
        "",
        "abc 12 xyz",
        "≥ 80; ≥ 90",
        "95% ở cấp tỉnh, 85% ở cấp xã",
        "nhóm 20",
        "≥ abc",
        "Hoàn thành",
        "dưới 3",
        "12,5",
        "Thường xuyên",
        "Quý II/2025",
        "giữa năm 2026",
        "2025 - 2026",
    ]
)
_AGENCIES = st.sampled_from(
    [
        "Sở KH&CN",
        "Sở Tài chính; Công an tỉnh",
        "Ban Quản lý Khu kinh tế",
        "",
        "Các sở, ban, ngành",
        "UBND các xã, phường",
        "Uỷ ban nhân dân tỉnh",
        "Sở Y tế\nSở Nội vụ",
    ]
)
_NOTES = st.sampled_from(["", "", "Chỉ tiêu nghịch", "Số liệu ước", "Đã đạt năm 2024"])


@st.composite
def _tables(draw: st.DrawFn) -> list[list[str]]:
    header = draw(st.sampled_from(_HEADERS))
    rows = [header]
    for _ in range(draw(st.integers(min_value=1, max_value=10))):
        if draw(st.integers(min_value=0, max_value=6)) == 0:
            rows.append([draw(_GROUPS), draw(st.sampled_from(["Đến năm 2030", "Nhóm chỉ tiêu"]))])
            continue
        number, name = draw(_NUMBERS), draw(_NAMES)
        if header[1] == "Tên nhiệm vụ":
            cells = [draw(_AGENCIES), draw(_AGENCIES), draw(_TEXTS), draw(_NOTES)]
        elif header[3] == "Năm 2025":
            cells = [draw(_UNITS), draw(_TEXTS), draw(_TEXTS), draw(_AGENCIES)]
        else:
            cells = [draw(_UNITS), draw(_TEXTS), draw(_AGENCIES), draw(_NOTES)]
        rows.append([number, name, *cells])
    width = len(header)
    return [row + [""] * (width - len(row)) for row in rows]


def _held(result: ImportResult) -> str:
    """Every text the plan and the problems hold, on one line."""
    plan = result.plan
    texts = [p.text for p in result.problems]
    texts += [f"{i.name} {i.unit.text if i.unit else ''} {i.direction}" for i in plan.indicators]
    texts += [f"{t.text} {t.lead_agencies_text or ''}" for t in plan.targets]
    texts += [f"{g.title}" for g in plan.task_groups]
    texts += [
        f"{t.name} {t.lead_agencies_text} {t.cooperating_agencies_text} {t.deadline.text}"
        for t in plan.tasks
    ]
    return " ".join(" ".join(texts).split())


_STRUCTURE = {"", "-", "x", "+", "a)"}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_tables(), word=st.booleans())
def test_every_cell_is_in_the_plan_or_in_the_problems(rows: list[list[str]], word: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("phu-luc.docx" if word else "phu-luc.csv")
        if word:
            write_docx(path, [(["Kèm theo Kế hoạch số 1/KH-UBND đến năm 2030"], rows, [])])
        else:
            write_csv(path, [["Kèm theo Kế hoạch số 1/KH-UBND đến năm 2030"], *rows])
        result = import_tables(path, province="Thử")
    held = _held(result)
    nowhere = []
    for row in rows[1:]:
        if len([c for c in row if c]) <= 2 and re.fullmatch(r"[IVXAB]+", row[0]):
            continue  # a group row: it gives the group, its horizon and its title
        for text in row[1:]:
            if text.strip() in _STRUCTURE or text in ("Chỉ tiêu nghịch",):
                continue
            if any(token.strip(",;") not in held for token in text.split()):
                nowhere.append(text)
    assert nowhere == [], [str(p) for p in result.problems]
    for problem in result.problems:
        assert problem.file
        assert problem.table
        assert problem.reason
        assert problem.row.isdigit()
        assert problem.column
