"""The whole cycle of section IV: templates for several agencies, filled by a script standing
in for Excel, collected, reported."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from kh922core._cli import main
from tests.reports.filling import fill


def test_templates_filled_collected_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bieu-mau"
    agencies = ["so-khcn", "so-y-te", "nhnn-chi-nhanh-ben-tre", "cong-an-tinh"]
    assert main(["template", *agencies, "--as-of", "2025-11-01", "-o", str(folder)]) == 0
    fill(folder / "so-khcn.xlsx", {"2030-3": "56,2", "2030-1": 18, "2030-15": "Đạt"},
         insert_column=True)  # fmt: skip
    fill(folder / "so-y-te.xlsx", {"2030-22": 0.93}, percent={"2030-22"})
    fill(folder / "nhnn-chi-nhanh-ben-tre.xlsx", {"2030-6": "61,5"})
    # cong-an-tinh does not report
    filled = [str(folder / f"{a}.xlsx") for a in agencies[:3]]
    observations = tmp_path / "so-lieu.parquet"
    assert main(["collect", *filled, "-o", str(observations)]) == 0
    out = capsys.readouterr().out
    assert "so-khcn.xlsx: template (so-khcn), 3 values" in out
    report = tmp_path / "bao-cao.docx"
    assert main(["report", "--observations", str(observations), "--as-of", "2025-11-01",
                 "-o", str(report)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "năm 2025: 5/38 mục tiêu đạt, 1 chưa đạt, 32 chưa có số liệu" in out
    document = docx.Document(str(report))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "Công an tỉnh" in cells  # has not reported
    assert "56,2" in cells
    assert "93" in cells
    assert "61,5" in cells
    assert "so-khcn.xlsx:Bao cao:10" in cells  # provenance
    assert "năm 2025" in text
    html = tmp_path / "bao-cao.html"
    assert (
        main(["report", "--observations", *filled, "--as-of", "2025-11-01", "-o", str(html)]) == 0
    )
    assert "5/38 mục tiêu đạt" in html.read_text(encoding="utf-8")
