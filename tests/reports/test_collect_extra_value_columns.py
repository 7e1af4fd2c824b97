"""A second value column inserted in a template whose hidden row of keys was deleted: its
number is listed, never dropped (it was read nowhere and said nowhere, exit 0), whatever its
heading; a template column renamed keeps what the template wrote there unlisted."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import kh922core

from .filling import fill, keys, target_rows


@pytest.mark.parametrize(
    "heading",
    [
        "Giá trị thực hiện 6 tháng",
        "Ước cả năm",
        "Số liệu ước cả năm",
        "Năm 2025",
        "TH 6 tháng",
        "Lũy kế",
        "Thực tế",
    ],
)
def test_a_number_in_a_second_value_column_is_listed_without_the_keys(
    tmp_path: Path, heading: str
) -> None:
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2026-05-15")
    fill(path, {"2030-3": "49,5"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    key_row, columns = keys(sheet)
    row = target_rows(sheet)["2030-3"]
    extra = columns["value"] + 1
    sheet.insert_cols(extra)
    sheet.cell(key_row - 1, extra, heading)
    sheet.cell(row, extra, "50,1")
    sheet.delete_rows(key_row)  # the hidden row of keys, deleted with the rows around it
    sheet.row_dimensions[key_row].hidden = False  # openpyxl leaves the flag behind
    book.save(path)
    found = kh922core.collect([path])
    assert found.observations["value"].to_list() == [49.5]
    (listed,) = found.rejected
    assert (listed.value, listed.row) == ("50,1", row - 1)
    assert heading in listed.column
