"""``examples/project_dti_rank.py`` runs and reaches its verdict."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "project_dti_rank.py"


def test_example_projects_the_dti_ranks(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out
    assert "substantial_progress" in out  # as of 2021: 33 -> 31
    assert "deterioration" in out  # as of 2022: 33 -> 51
    assert "not on course" in out
