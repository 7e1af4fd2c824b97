"""An appendix table drawn inside a frame: a Word table of one column whose cell holds the
title and the table (a layout some clerks use to keep the appendix on its page).  It was refused
("no table with a recognisable header"): the frame's cells are read as the body is."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables
from kh922core.errors import TableImportError

pytest.importorskip("docx")

ROWS = [
    ["TT", "Chỉ tiêu", "ĐVT", "Đến năm 2030", "Cơ quan chủ trì"],
    ["1", "Tỷ lệ giao dịch không dùng tiền mặt", "%", "≥ 80", "Sở Tài chính"],
    ["2", "Tỷ lệ hộ nghèo đa chiều", "%", "dưới 1", "Sở Y tế"],
]


def _framed(path: Path, frames: int) -> Path:
    import docx

    document = docx.Document()
    frame = document.add_table(rows=frames, cols=1)
    for row in frame.rows:
        cell = row.cells[0]
        cell.paragraphs[0].text = "PHỤ LỤC I"
        cell.add_paragraph("CHỈ TIÊU CHỦ YẾU")
        inner = cell.add_table(rows=len(ROWS), cols=len(ROWS[0]))
        for r, values in enumerate(ROWS):
            for c, value in enumerate(values):
                inner.cell(r, c).text = value
    document.save(str(path))
    return path


def test_a_table_inside_a_frame_is_read(tmp_path: Path) -> None:
    result = import_tables(_framed(tmp_path / "pl1.docx", 1))
    assert [(t.text, t.lead_agencies) for t in result.plan.targets] == [
        ("≥ 80", ("so-tai-chinh",)),
        ("dưới 1", ("so-y-te",)),
    ]
    assert not result.problems


def test_each_table_of_a_frame_of_rows_is_read_as_a_table(tmp_path: Path) -> None:
    # two rows of the frame, each the same table: the second repeats the first one's rows,
    # which the importer lists as it does two such tables in the body
    result = import_tables(_framed(tmp_path / "pl1.docx", 2))
    assert [t.text for t in result.plan.targets] == ["≥ 80", "dưới 1"]
    assert [p.reason for p in result.problems][:2] == [
        "row 1 already has a target for 2030",
        "row 2 already has a target for 2030",
    ]


def test_a_table_of_two_columns_holding_a_table_stays_one_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Ghi chú"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "≥ 80"
    path = tmp_path / "other.docx"
    document.save(str(path))
    with pytest.raises(TableImportError, match="no table with a recognisable header"):
        import_tables(path)


def test_a_list_of_one_column_with_text_rows_is_no_frame(tmp_path: Path) -> None:
    # its text rows would have been titles, lost: the table is refused, as before
    import docx

    document = docx.Document()
    outer = document.add_table(rows=3, cols=1)
    outer.cell(0, 0).text = "1. Rà soát quy định pháp luật"
    inner = outer.cell(1, 0).add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, values in enumerate(ROWS):
        for c, value in enumerate(values):
            inner.cell(r, c).text = value
    outer.cell(2, 0).text = "2. Xây dựng trung tâm dữ liệu"
    path = tmp_path / "list.docx"
    document.save(str(path))
    with pytest.raises(TableImportError, match="no table with a recognisable header"):
        import_tables(path)
