"""The consolidated report through the real entry point, in every format, read back with the
libraries that read them; kh922 progress and kh922 audit in every output format."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from kh922core._cli import main

AS_OF = ["--as-of", "2025-11-01"]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_report_html_prints_where_it_is_and_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bao-cao.html"
    status, out, _ = _run(["report", *AS_OF, "-o", str(path)], capsys)
    assert status == 0
    assert out.splitlines()[0] == str(path.resolve())
    assert "năm 2025: 2/38 mục tiêu đạt, 2 chưa đạt, 34 chưa có số liệu" in out
    page = path.read_text(encoding="utf-8")
    assert page.count("<svg") >= 2
    assert "<script" not in page
    assert 'src="http' not in page
    assert "<link" not in page
    assert 'data-met="2"' in page
    assert "Quá hạn" in page
    assert "KH001" in page


def test_report_docx_is_a4_times_new_roman_13_with_the_targets_as_an_appendix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bao-cao.docx"
    assert _run(["report", *AS_OF, "-o", str(path)], capsys)[0] == 0
    document = docx.Document(str(path))
    first = document.sections[0]
    assert (round(first.page_width.cm, 1), round(first.page_height.cm, 1)) == (21.0, 29.7)
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 13)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 922/KH-UBND"
    assert "PHỤ LỤC: KẾT QUẢ TỪNG MỤC TIÊU" in texts
    appendix = document.tables[-1]
    assert len(appendix.rows) == 39
    assert appendix.rows[1].cells[0].text == "2030-1"
    assert document.sections[-1].page_width > document.sections[-1].page_height


def test_report_xlsx_has_summary_targets_and_tasks_sheets_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.xlsx"
    assert _run(["report", *AS_OF, "--lang", "en", "-o", str(path)], capsys)[0] == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Summary", "Targets", "Tasks", "Sources"]
    summary = [c for row in book["Summary"].iter_rows(values_only=True) for c in row if c]
    assert "2/38 targets met, 2 not met, 34 without data" in summary
    targets = list(book["Targets"].iter_rows(values_only=True))
    assert targets[1][:2] == ("Id", "Indicator")
    assert targets[2][0] == "2030-1"
    assert any(row[5] == "overdue" for row in book["Tasks"].iter_rows(values_only=True))


def test_an_unknown_report_format_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(["report", "-o", str(tmp_path / "r.pdf")], capsys)
    assert status == 2
    assert err.startswith("kh922 report: error: not a report format")


def test_without_the_report_extra_the_error_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = builtins.__import__

    def no_matplotlib(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] == "matplotlib":
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    monkeypatch.delitem(__import__("sys").modules, "matplotlib", raising=False)
    status, _, err = _run(["report", *AS_OF, "-o", str(tmp_path / "r.html")], capsys)
    assert status == 2
    assert "pip install 'kh922core[report]'" in err
    assert err.count("\n") == 1


def test_importing_kh922core_does_not_import_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, kh922core; kh922core.collect; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_progress_in_every_format(output: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["progress", "--format", output], capsys)
    assert status == 0
    if output == "json":
        rows = json.loads(out)["results"]
        assert {"target_id": "2030-1", "category": "target_achieved"}.items() <= rows[0].items()
    elif output == "csv":
        assert "2030-1,pii-rank,Bến Tre,2030,30.0,2023,28.0,target_achieved" in out
    else:
        assert "Đã đạt" in out
        assert "2030-1" in out


@pytest.mark.parametrize("output", ["table", "csv"])
def test_progress_tells_the_key_groups_apart(
    output: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    observations = tmp_path / "so-lieu.csv"
    observations.write_text(
        "indicator,year,value,district,source\n"
        "hdi,2024,0.70,Huyện A,x\nhdi,2025,0.71,Huyện A,x\n"
        "hdi,2024,0.72,Huyện B,y\nhdi,2025,0.73,Huyện B,y\n",
        encoding="utf-8",
    )
    status, out, _ = _run(
        ["progress", "--observations", str(observations), "--format", output], capsys
    )
    assert status == 0
    assert "Huyện A" in out
    assert "Huyện B" in out  # each district's row, not two rows of one target alike
    assert "x" not in out.split()  # where a figure comes from is no key shown


@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_audit_in_every_format_and_its_exit_status(
    output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(["audit", *AS_OF, "--format", output], capsys)
    assert status == 0  # warnings, no error
    assert "KH001" in out
    strict, _, _ = _run(["audit", *AS_OF, "--strict", "--format", output], capsys)
    assert strict == 1
