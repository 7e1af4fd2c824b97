"""``kh922 explain`` prints how a target text is understood."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kh922core._cli.command import main


def test_explain_prints_kind_and_condition(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "trên 80%"]) == 0
    out = capsys.readouterr().out
    assert "kind:       more than" in out
    assert "met when:   value > 80" in out
    assert "unit:       %" in out
    assert "canonical:  > 80%" in out


def test_explain_rank_with_direction_and_unit(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["explain", "≤ 30", "--direction", "lower_is_better", "--unit", "Thứ bậc"])
    assert code == 0
    out = capsys.readouterr().out
    assert "kind:       rank group" in out
    assert "rank ≤ 30" in out


def test_explain_bad_text_exits_2_with_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "≥ abc"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kh922 explain: error: cannot parse target '≥ abc'")


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kh922core", "explain", "8-10%"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "kind:       range" in done.stdout


def test_a_closed_pipe_ends_quietly() -> None:
    # Like `kh922 evaluate | head -1`: the reader leaves early; no traceback, exit 0.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import subprocess, sys;"
            "p = subprocess.Popen([sys.executable, '-m', 'kh922core', 'evaluate'],"
            " stdout=subprocess.PIPE, stderr=subprocess.PIPE);"
            "p.stdout.readline(); p.stdout.close(); err = p.stderr.read(); p.wait();"
            "print(p.returncode); print(err.decode())",
        ],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    code, _, stderr = done.stdout.partition("\n")
    assert code == "0"
    assert "Traceback" not in stderr


def test_explain_reads_a_cell_of_labelled_parts_part_by_part(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # round 171: it pointed an official at split_targets, a Python function
    assert main(["explain", "90% cấp tỉnh, 80% cấp xã", "--unit", "%"]) == 0
    out = capsys.readouterr().out
    assert "2 targets, one per part:" in out
    assert "[1] cấp tỉnh" in out
    assert "met when:   value ≥ 90" in out
    assert "[2] cấp xã" in out
    assert "met when:   value ≥ 80" in out


def test_explain_a_cell_of_parts_without_labels_still_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "Tối thiểu 80%, phấn đấu 85%", "--unit", "%"]) == 2
    assert "the cell holds 2 targets" in capsys.readouterr().err
