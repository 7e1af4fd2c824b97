"""Every command, given a user's mistake, says so in one line and exits 2: never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kh922core._cli.command import main
from tests.conftest import PlanFiles

#: (command, arguments) of mistakes; ``{tmp}`` is a scratch folder with the files made below.
MISTAKES = [
    ("explain", ["≥ ba mươi"]),
    ("explain", ["≥ 5", "--unit", "đơn vị lạ"]),
    ("explain", ["80%", "--direction", "sideways"]),
    ("explain", []),
    ("tasks", ["--as-of", "not-a-date"]),
    ("tasks", ["--as-of", "31/12/2026"]),
    ("tasks", []),
    ("tasks", ["--as-of", "2026-06-01", "--plan", "{tmp}/no-such-plan.yaml"]),
    ("tasks", ["--as-of", "2026-06-01", "--completions", "{tmp}/no-such.csv"]),
    ("tasks", ["--as-of", "2026-06-01", "--completions", "{tmp}/legacy.csv"]),
    ("tasks", ["--as-of", "2026-06-01", "--completions", "{tmp}"]),
    ("tasks", ["--as-of", "2026-06-01", "--agency", "Sở Không Có"]),
    ("tasks", ["--as-of", "2026-06-01", "--format", "xml"]),
    ("calendar", ["2026-12-31", "2026-01-01"]),
    ("calendar", ["2026-01-01", "tomorrow"]),
    ("calendar", ["2026-01-01", "2026-12-31", "--plan", "{tmp}/no-such-plan.yaml"]),
    ("calendar", ["2026-01-01", "2026-12-31", "--agency", "Sở Không Có"]),
    ("validate", ["{tmp}/no-such-plan.yaml"]),
    ("validate", ["{tmp}"]),
    ("validate", ["{tmp}/plan.yaml", "--as-of", "2026-13-01"]),
    ("validate", []),
    ("schema", ["--bogus"]),
    ("evaluate", ["--observations", "{tmp}/no-such.csv"]),
    ("evaluate", ["--observations", "{tmp}/notes.txt"]),
    ("evaluate", ["--observations", "{tmp}/no-columns.csv"]),
    ("evaluate", ["--observations", "{tmp}/legacy.csv"]),
    ("evaluate", ["--observations", "{tmp}"]),
    ("evaluate", ["--plan", "{tmp}/no-such-plan.yaml"]),
    ("evaluate", ["--plan", "{tmp}/plan.yaml"]),
    ("evaluate", ["--format", "xml"]),
    ("evaluate", ["--cohort-policy", "relative"]),
]


@pytest.fixture
def scratch(tmp_path: Path, plan_files: PlanFiles) -> Path:
    """A folder with a valid plan of another province and some files that are not usable."""
    plan_files.write(tmp_path, plan_files.minimal)
    (tmp_path / "notes.txt").write_text("indicator,value\n", encoding="utf-8")
    (tmp_path / "no-columns.csv").write_text("chi_tieu;gia_tri\nA;1\n", encoding="utf-8")
    # Windows-1258 bytes (ê is 0xEA, ò is 0xF2), which are not UTF-8.
    (tmp_path / "legacy.csv").write_bytes(b"indicator,value\nnhi\xeam v\xf2,1\n")
    return tmp_path


@pytest.mark.parametrize(("command", "arguments"), MISTAKES, ids=lambda x: str(x))
def test_a_mistake_is_one_line_and_exit_2(
    scratch: Path, capsys: pytest.CaptureFixture[str], command: str, arguments: list[str]
) -> None:
    argv = [command, *(a.replace("{tmp}", str(scratch)) for a in arguments)]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith(f"kh922 {command}: error: "), err
    assert err.strip(), "the error says what went wrong"


def test_a_library_error_gives_its_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "≥ 5", "--unit", "đơn vị lạ"]) == 2
    assert "unknown unit 'đơn vị lạ'" in capsys.readouterr().err


def test_missing_observations_are_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--observations", "no-such-file.csv"]) == 2
    assert (
        capsys.readouterr().err
        == "kh922 evaluate: error: no observations file 'no-such-file.csv'\n"
    )


def test_another_plan_without_observations_is_told_why(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", "--plan", str(scratch / "plan.yaml")]) == 2
    err = capsys.readouterr().err
    assert "published figures belong to the built-in plan" in err
    assert "--observations" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import kh922core

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kh922 (kh922core) {kh922core.__version__}"


def test_help_has_no_maintainer_instructions(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("schema", "validate", "evaluate", "tasks", "calendar", "explain"):
        assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "src/kh922core" not in out
    assert "Regenerate" not in out


def test_the_installed_command_shows_no_traceback(tmp_path: Path) -> None:
    """The real entry point, in a fresh interpreter, as an official would run it."""
    run = subprocess.run(
        [sys.executable, "-m", "kh922core", "calendar", "2026-12-31", "2026-01-01"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("kh922 calendar: error: ")
