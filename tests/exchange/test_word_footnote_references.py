"""A Word footnote on a target cell (Word's own ``w:footnoteReference``, not a raised digit
typed by hand) showed nothing: ``95`` with footnote 1, "Chỉ tính các xã đồng bằng; các xã cù
lao đạt 80%", landed as the target 95 and the footnote was lost unseen (round 127).  Its mark is
kept in the target's text as Word shows it (``95¹``), as a typed mark is."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import rewrite_parts, write_docx

pytest.importorskip("docx")

_TITLE = ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của UBND tỉnh Hòa Mỹ)"]
_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2030"]
_ROWS = [["1", "Tỷ lệ xã có cáp quang", "%", "95"], ["2", "Số điểm wifi công cộng", "Điểm", "500"]]


def _with_footnotes(name: str, text: str) -> str:
    if name != "word/document.xml":
        return text
    for number, value in ((1, "95"), (2, "500")):
        mark = (
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
        text = text.replace(f"<w:t>{value}</w:t></w:r>", f"<w:t>{value}</w:t></w:r>{mark}", 1)
    return text


def test_a_word_footnote_on_a_target_keeps_its_mark(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "phu-luc.docx", [(_TITLE, [_HEADER, *_ROWS], [])])
    rewrite_parts(path, _with_footnotes)
    found = import_tables(path)
    texts = {t.id: t.text for t in found.plan.targets}
    assert texts == {"2030-1": "95¹", "2030-2": "500²"}
    assert [t.spec.value for t in found.plan.targets] == [95.0, 500.0]  # type: ignore[attr-defined]
