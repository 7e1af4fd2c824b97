"""A template of another plan (another province's, or an earlier plan's) is never read into
this one: its figures would be judged against targets they were not reported for.  Its hidden
keys name its plan; a copy that lost them still names it in its title."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

import kh922core
from kh922core._cli import main

from .filling import fill

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "adapting" / "my_province_plan.yaml"


@pytest.fixture(scope="module")
def other() -> kh922core.Plan:
    return kh922core.load_plan(EXAMPLE)


def _refused_for_the_plan(found: kh922core.Collection, values: list[str]) -> None:
    assert found.observations.is_empty()
    assert sorted(r.value for r in found.rejected) == sorted(values)
    for refused in found.rejected:
        assert "123/KH-UBND" in refused.reason
        assert "922/KH-UBND" in refused.reason


def test_an_xlsx_template_of_another_plan_is_listed_value_by_value(
    tmp_path: Path, other: kh922core.Plan
) -> None:
    # it was read into Bến Tre's plan: PII rank 18 judged against 922's 2030-1, exit 0
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", other, ["so-khcn"], as_of="2025-11-01")
    fill(path, {"2030-1": 18, "2030-2": "26,5"})
    found = kh922core.collect([path], plan=kh922core.load_plan())
    _refused_for_the_plan(found, ["18", "26,5"])
    own = kh922core.collect([path], plan=other)
    assert sorted(own.observations["value"].to_list()) == [18.0, 26.5]
    assert own.clean


def test_a_copy_that_lost_its_hidden_sheet_is_told_by_its_title(
    tmp_path: Path, other: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", other, ["so-khcn"], as_of="2025-11-01")
    fill(path, {"2030-1": 18})
    book = openpyxl.load_workbook(path)
    book.remove(book["kh922"])
    book.save(path)
    _refused_for_the_plan(kh922core.collect([path], plan=kh922core.load_plan()), ["18"])


def test_a_csv_template_of_another_plan_is_listed_and_collect_says_so(
    tmp_path: Path, other: kh922core.Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.csv", other, ["so-khcn"], as_of="2025-11-01")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("pii-rank,"))
    cells = next(csv.reader([lines[row]]))
    cells[8] = "18"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[row] = buffer.getvalue()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused_for_the_plan(kh922core.collect([path], plan=kh922core.load_plan()), ["18"])
    assert main(["collect", str(path), "-o", str(tmp_path / "out.csv")]) == 1
    printed = capsys.readouterr().out
    assert "the template is of plan 123/KH-UBND" in printed


def test_this_plans_own_template_is_read() -> None:
    # the check compares plan numbers with spaces and case folded
    from kh922core._reports.template_titles import other_plan

    plan = kh922core.load_plan()
    assert other_plan([], {"plan": plan.id, "plan_number": plan.number}, plan) is None
    assert other_plan([], {"plan_number": " 922/kh-ubnd"}, plan) is None
    title = [("", [["BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 922/KH-UBND"]])]
    assert other_plan(title, {}, plan) is None
    title = [("", [["REPORTING TEMPLATE OF PLAN 57/KH-UBND"]])]
    assert "57/KH-UBND" in (other_plan(title, {}, plan) or "")


def _copied(path: Path, title: tuple[str, str] | None = None) -> Path:
    """The template's sheet copied into a new workbook (the hidden sheet lost), its title line
    edited (``title``: the old text, the new)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    copy = openpyxl.Workbook()
    target = copy.active
    assert target is not None
    target.title = sheet.title
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if title is not None and isinstance(value, str) and title[0] in value:
                value = value.replace(*title)
            target.cell(cell.row, cell.column, value)
    copy.save(path)
    return path


@pytest.mark.parametrize(
    "number",
    [
        "922 /KH-UBND",
        "922 / KH-UBND",
        "922/KH-UBND, NGÀY 14/02/2025 CỦA UBND TỈNH",
        "922/KH-UBND;",
        "922/KH-UBND(Năm 2026)",
        "922/KH–UBND",
        "922/kh-ubnd",
    ],
)
def test_a_copy_titled_with_this_plans_number_written_otherwise_is_read(
    tmp_path: Path, number: str
) -> None:
    # "922 /KH-UBND" was read as plan "922", another plan: every value refused
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", plan, ["so-khcn"], as_of="2025-11-01")
    fill(path, {"2030-3": "49,5"})
    _copied(path, ("922/KH-UBND", number))
    found = kh922core.collect([path], plan=plan)
    assert found.observations["value"].to_list() == [49.5]
    assert found.clean


def test_a_copy_of_another_provinces_plan_numbered_alike_is_told_by_its_recipient(
    tmp_path: Path, other: kh922core.Plan
) -> None:
    plan = kh922core.load_plan()
    alike = other.model_copy(update={"number": plan.number})
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", alike, ["so-khcn"], as_of="2025-11-01")
    fill(path, {"2030-1": 18})
    found = kh922core.collect([_copied(path)], plan=plan)
    assert found.observations.is_empty()
    (refused,) = found.rejected
    assert "no agency of this plan" in refused.reason
    assert "tỉnh Mẫu" in refused.reason


def test_a_retitled_copy_of_another_plan_is_still_told_by_its_number(
    tmp_path: Path, other: kh922core.Plan
) -> None:
    (path,) = kh922core.write_templates(tmp_path / "t.xlsx", other, ["so-khcn"], as_of="2025-11-01")
    fill(path, {"2030-1": 18})
    _copied(path, ("BIỂU MẪU BÁO CÁO", "BÁO CÁO"))
    found = kh922core.collect([path], plan=kh922core.load_plan())
    _refused_for_the_plan(found, ["18"])
