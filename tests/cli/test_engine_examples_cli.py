"""The engine's examples run, and ``kh922 evaluate`` (the README's main job) works."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core._cli.command import main
from kh922core._engine import STATUS_DTYPE, evaluate, rank, summarize
from kh922core._plans.loader import load_plan
from kh922core._plans.published_figures import published_figures

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def public_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples use the public names; lend them the private ones until they are exported."""
    lent = {
        "evaluate": evaluate,
        "summarize": summarize,
        "rank": rank,
        "STATUS_DTYPE": STATUS_DTYPE,
        "load_plan": load_plan,
        "published_figures": published_figures,
    }
    for name, value in lent.items():
        if not hasattr(kh922core, name):
            monkeypatch.setattr(kh922core, name, value, raising=False)


@pytest.mark.usefixtures("public_names")
def test_evaluate_published_figures_example(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "evaluate_published_figures.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "PII rank 28 of 63 in 2023: met; DTI rank 51 in 2022: not_met" in out
    assert "proxy" in out


@pytest.mark.usefixtures("public_names")
def test_rank_provinces_example(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "rank_provinces.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "2023, absolute: Bến Tre ranks 28 of 63 -> met" in out
    assert "2025, proportional: Bến Tre ranks 17 of 34 -> not_met (shortfall 1)" in out
    assert "16 of 34 provinces meet" in out


def test_cli_evaluates_the_published_figures_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kế hoạch 922/KH-UBND: 8 lượt đánh giá số liệu")
    assert "Xếp hạng ở nhóm 30 tỉnh, thành" in out
    assert "Không đạt" in out
    assert "not_met" not in out
    assert "(dti-rank)" in out  # the indicator's name, then its id
    assert "Tổng hợp theo Năm, Mốc năm" in out
    assert main(["evaluate", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("922/KH-UBND: 8 evaluations")
    assert "not met" in out
    assert "Summary by Year, Horizon" in out


def test_cli_formats_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--format", "json", "--by", "lead_agency", "--proxies"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["results"]) == 10
    assert {row["lead_agency"] for row in document["summary"]} >= {"so-khcn", "so-tttt"}
    observations = tmp_path / "obs.parquet"
    pl.DataFrame({"indicator": ["hdi"], "value": [0.75], "district": ["Ba Tri"]}).write_parquet(
        observations
    )
    assert main(["evaluate", "--observations", str(observations), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.removeprefix("\ufeff").splitlines()
    assert lines[0].startswith("indicator,value,district,target_id")
    assert ",met," in lines[1]


def test_cli_reports_bad_observations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    observations = tmp_path / "obs.csv"
    observations.write_text("indicator,value\nhdii,0.7\n", encoding="utf-8")
    assert main(["evaluate", "--observations", str(observations)]) == 2
    assert "unknown indicator id(s) 'hdii'" in capsys.readouterr().err
