"""Filled templates as other tools save them, which a third round of returns showed were read
silently wrong: rows sorted together with the hidden row of keys (LibreOffice and Google Sheets
move hidden rows when they sort), a hidden sheet with an old copy of the figures, and Excel's
escape of an underscore (``_x005F_``), decoded twice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

import kh922core
from tests.reports.filling import fill, keys

AS_OF = "2025-05-20"
VALUES = {"2030-3": "49,5", "2030-5.1": 80, "2030-4": 20}


@pytest.fixture(scope="module")
def plan() -> kh922core.Plan:
    return kh922core.load_plan()


def _filled(tmp_path: Path, plan: kh922core.Plan) -> Path:
    (path,) = kh922core.write_templates(tmp_path / "so.xlsx", plan, ["so-khcn"], as_of=AS_OF)
    return fill(path, VALUES)


def _read(path: Path, plan: kh922core.Plan) -> dict[str, float]:
    found = kh922core.collect([path], plan=plan)
    names = {t.indicator: t.id for t in plan.targets if t.id in VALUES}
    return {names[i]: v for i, v in found.observations.select("indicator", "value").iter_rows()}


def _expected(plan: kh922core.Plan) -> dict[str, float]:
    return {"2030-3": 49.5, "2030-5.1": 80.0, "2030-4": 20.0}


@pytest.mark.parametrize("where", ["middle", "bottom"])
def test_rows_sorted_with_the_row_of_keys_are_all_read(
    tmp_path: Path, plan: kh922core.Plan, where: str
) -> None:
    path = _filled(tmp_path, plan)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    key_row, _ = keys(sheet)
    rows = [
        [c.value for c in sheet[r]] for r in range(key_row, sheet.max_row + 1)
    ]  # the row of keys and every row below it, sorted as one range
    keys_first = rows.pop(0)
    rows.sort(key=lambda r: str(r[2] or "").casefold())
    rows.insert(len(rows) // 2 if where == "middle" else len(rows), keys_first)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(key_row + offset, column).value = value  # None clears the cell
    book.save(path)
    assert _read(path, plan) == _expected(plan)


def test_a_hidden_sheet_is_listed_not_read(tmp_path: Path, plan: kh922core.Plan) -> None:
    path = _filled(tmp_path, plan)
    book = openpyxl.load_workbook(path)
    old = book.copy_worksheet(book.worksheets[0])
    old.title = "Bao cao (cu)"
    key_row, columns = keys(old)
    for row in range(key_row + 1, old.max_row + 1):
        if old.cell(row, columns["target_id"]).value == "2030-3":
            old.cell(row, columns["value"], 70)  # an old figure, no longer meant
    old.sheet_state = "hidden"
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    values = dict(found.observations.select("indicator", "value").iter_rows())
    assert values[plan.target("2030-3").indicator] == 49.5
    assert [r.sheet for r in found.rejected] == ["Bao cao (cu)"]
    assert "hidden" in found.rejected[0].reason


def test_an_escaped_underscore_is_decoded_once(tmp_path: Path, plan: kh922core.Plan) -> None:
    (path,) = kh922core.write_templates(tmp_path / "so.xlsx", plan, ["so-khcn"], as_of=AS_OF)
    book = openpyxl.load_workbook(path)
    key_row, columns = keys(book.worksheets[0])
    row = next(
        r
        for r in range(key_row + 1, book.worksheets[0].max_row + 1)
        if book.worksheets[0].cell(r, columns["target_id"]).value == "2030-5.1"
    )
    cell = f"{openpyxl.utils.get_column_letter(columns['value'])}{row}"
    with zipfile.ZipFile(path) as archive:  # as Excel saves it: a shared string
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings = parts["xl/sharedStrings.xml"].decode()
    count = strings.count("<si>")
    # Excel writes the text "_x0039_5" so: no number (decoded twice, it would be 95)
    parts["xl/sharedStrings.xml"] = strings.replace(
        "</sst>", "<si><t>_x005F_x0039_5</t></si></sst>"
    ).encode()
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(rf'<c r="{cell}"([^>]*?)/>', rf'<c r="{cell}"\1 t="s"><v>{count}</v></c>', sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    found = kh922core.collect([path], plan=plan)
    values = dict(found.observations.select("indicator", "value").iter_rows())
    assert plan.target("2030-5.1").indicator not in values  # never 95
    assert any(r.value == "_x0039_5" for r in found.rejected)


def _footnoted(path: Path, target: str, number: str, mark: str, shared: bool) -> None:
    """Write ``number`` and a superscript ``mark`` in the value cell of ``target`` (pasted from
    Word): an inline rich text as openpyxl writes it, or a shared one as Excel does (into the
    template as written, which holds its texts as shared strings)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    key_row, columns = keys(sheet)
    row = next(
        r
        for r in range(key_row + 1, sheet.max_row + 1)
        if sheet.cell(r, columns["target_id"]).value == target
    )
    if not shared:
        raised = TextBlock(InlineFont(vertAlign="superscript"), mark)
        sheet.cell(row, columns["value"]).value = CellRichText([number, raised])
        book.save(path)
        return
    cell = f"{openpyxl.utils.get_column_letter(columns['value'])}{row}"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings = parts["xl/sharedStrings.xml"].decode()
    count = strings.count("<si>")
    runs = (
        f'<si><r><t>{number}</t></r><r><rPr><vertAlign val="superscript"/></rPr>'
        f"<t>{mark}</t></r></si></sst>"
    )
    parts["xl/sharedStrings.xml"] = strings.replace("</sst>", runs).encode()
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    sheet_xml = re.sub(
        rf'<c r="{cell}"([^>]*?)/>', rf'<c r="{cell}"\1 t="s"><v>{count}</v></c>', sheet_xml
    )
    assert f'<c r="{cell}"' in sheet_xml
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("shared", [False, True])
@pytest.mark.parametrize(
    ("number", "mark", "shown"), [("1", "2", "1²"), ("13.650", "1", "13.650¹")]
)
def test_a_footnote_mark_raised_beside_a_number_is_not_a_digit_of_it(
    tmp_path: Path, plan: kh922core.Plan, number: str, mark: str, shown: str, shared: bool
) -> None:
    # round 167: "1" and a superscript "2" (a footnote mark pasted from Word) was read as 12
    (path,) = kh922core.write_templates(tmp_path / "so.xlsx", plan, ["so-khcn"], as_of=AS_OF)
    _footnoted(path, "2030-4", number, mark, shared)
    found = kh922core.collect([path], plan=plan)
    values = dict(found.observations.select("indicator", "value").iter_rows())
    assert plan.target("2030-4").indicator not in values
    assert [r.value for r in found.rejected] == [shown]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("period", ["2025-05-20", "2025-11-01"])
def test_a_template_in_either_language_reads_back(
    tmp_path: Path, plan: kh922core.Plan, lang: str, period: str
) -> None:
    # round 167: the English template's "Indicator" (the name column) was taken for the hidden
    # key "indicator" of another column: "headings moved", no cell of the sheet read
    (path,) = kh922core.write_templates(
        tmp_path / "so.xlsx", plan, ["so-khcn"], as_of=period, lang=lang
    )
    fill(path, VALUES)
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert _read(path, plan) == _expected(plan)


def test_a_number_raised_whole_is_read(tmp_path: Path, plan: kh922core.Plan) -> None:
    # round 169: a value typed in a cell formatted superscript whole ("92,3" raised) was read
    # as "⁹²,³", no number
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    (path,) = kh922core.write_templates(tmp_path / "so.xlsx", plan, ["so-khcn"], as_of=AS_OF)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    key_row, columns = keys(sheet)
    row = next(
        r
        for r in range(key_row + 1, sheet.max_row + 1)
        if sheet.cell(r, columns["target_id"]).value == "2030-4"
    )
    raised = TextBlock(InlineFont(vertAlign="superscript"), "20")
    sheet.cell(row, columns["value"]).value = CellRichText([raised])
    book.save(path)
    found = kh922core.collect([path], plan=plan)
    values = dict(found.observations.select("indicator", "value").iter_rows())
    assert values[plan.target("2030-4").indicator] == 20.0
