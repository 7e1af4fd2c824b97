"""Appendices saved by other tools than Excel (round 158 of the attacks: LibreOffice, Google
Sheets, WPS, CSV files written by hand).

Silent misreads mended:

* a spreadsheet's error held as text (LibreOffice's ``Err:502`` in a CSV file or a text cell;
  Excel's ``#N/A``, ``#REF!``, ``#VALUE!``, Google Sheets' ``#ERROR!``, a truth value ``TRUE``)
  was read: ``Err:502`` as a target of at least 502, ``#N/A`` and ``TRUE`` as targets in words,
  ``#REF!`` as an indicator's name, ``#N/A`` as a lead agency.  Each is listed, as an error cell
  of a workbook was, and nothing is read from it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_csv, write_xlsx

_TITLE = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 15/01/2026 của UBND tỉnh Hòa Mỹ)"
_HEADER = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Thực hiện năm 2025",
    "Mục tiêu năm 2027",
    "Mục tiêu đến năm 2030",
    "Cơ quan chủ trì",
]
_ERRORS = ["Err:502", "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#ERROR!", "TRUE", "FALSE"]


def _rows(token: str, column: int) -> list[list[str]]:
    row = ["1", "Tỷ lệ hộ có cáp quang", "%", "85", "90", "95", "Sở Khoa học và Công nghệ"]
    row[column] = token
    return [[_TITLE], _HEADER, row]


@pytest.mark.parametrize("token", _ERRORS)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("column", [5, 1, 6])  # a target, the name, the lead agency
def test_a_spreadsheets_error_held_as_text_is_listed_and_not_read(
    tmp_path: Path, token: str, kind: str, column: int
) -> None:
    rows = _rows(token, column)
    if kind == "csv":
        path = write_csv(tmp_path / "pl.csv", rows, ";")
    else:
        path = write_xlsx(tmp_path / "pl.xlsx", [("Phụ lục I", rows, [])])
    imported = import_tables(path)
    listed = [str(p) for p in imported.problems if "a spreadsheet's error" in str(p)]
    assert len(listed) == 1
    assert f"'{token}'" in listed[0]
    texts = [t.text for t in imported.plan.targets]
    assert token not in texts
    assert all(token not in (t.name or "") for t in imported.plan.targets)
    assert all(token.casefold() not in a.name.casefold() for a in imported.plan.agencies)
    if column == 5:  # the 2027 target still reads
        assert texts == ["90"]


@pytest.mark.parametrize("text", ["Err", "#1", "TRUE 95", "True", "Đúng", "Sai số dưới 5%"])
def test_a_text_like_an_error_is_no_error(tmp_path: Path, text: str) -> None:
    path = write_csv(tmp_path / "pl.csv", _rows(text, 5), ";")
    imported = import_tables(path)
    assert not [p for p in imported.problems if "a spreadsheet's error" in str(p)]
