"""``kh922 import`` writes a plan file that ``kh922 validate`` and ``load_plan`` accept at once;
``kh922 export`` writes the appendices; the exit statuses say clean, problems or unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import load_plan
from kh922core._cli import main

pytest.importorskip("docx")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "adapting" / "phu_luc_tinh_mau.docx"


def test_the_worked_example_imports_with_its_two_problems_and_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "tinh-mau.yaml"
    assert main(["import", str(EXAMPLE), "-o", str(plan_file)]) == 1
    out = capsys.readouterr().out
    assert "2 cells not imported:" in out
    assert "row 6, column 5 (Thời gian hoàn thành): 'giữa năm 2026'" in out
    text = plan_file.read_text(encoding="utf-8")
    assert "# 2 cells of the appendix are NOT in this file" in text
    assert "direction lower_is_better: inferred: 'hộ nghèo' is better lower" in text
    assert "# DRAFT" in (tmp_path / "tinh-mau.agencies.yaml").read_text(encoding="utf-8")
    plan = load_plan(plan_file)
    assert (plan.number, len(plan.targets), len(plan.tasks)) == ("123/KH-UBND", 9, 4)
    assert main(["validate", str(plan_file), "--as-of", "2025-08-01"]) == 0
    assert main(["import", str(EXAMPLE), "-o", str(plan_file)]) == 2  # it exists: --force
    assert "--force" in capsys.readouterr().err
    assert main(["import", str(EXAMPLE), "-o", str(plan_file), "--force"]) == 1


def test_an_exported_plan_imports_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for suffix in (".docx", ".xlsx", ".csv"):
        path = tmp_path / f"phu-luc{suffix}"
        assert main(["export", "-o", str(path)]) == 0
        assert main(["import", str(path), "-o", str(tmp_path / f"plan{suffix}.yaml")]) == 0
        assert load_plan(tmp_path / f"plan{suffix}.yaml").target("2030-5.1").text == "≥ 80"
    assert "0 drafts to check" in capsys.readouterr().out


def test_export_of_an_unknown_format_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "-o", str(tmp_path / "phu-luc.pdf")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("kh922 export: error: cannot export the appendices to")


def test_an_import_into_a_folder_that_does_not_exist_names_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it said "no such file: …/plan.agencies.yaml", a file the official never named
    missing = tmp_path / "khong-co"
    assert main(["import", str(EXAMPLE), "-o", str(missing / "plan.yaml")]) == 2
    err = capsys.readouterr().err
    assert f"no folder '{missing}' to write plan.yaml in: create it first" in err
    assert not missing.exists()
