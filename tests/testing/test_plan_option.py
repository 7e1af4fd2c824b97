"""A downstream suite points the ``kh922_plan`` fixture at its own plan file.

Each test runs pytest, in a process of its own, on a small project (pytester): an ini option
``kh922_plan`` in ``pytest.ini`` or ``pyproject.toml``, or ``--kh922-plan PATH`` on the command
line.  The fixtures plugin is found through its ``pytest11`` entry point, as downstream.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import PlanFiles

pytest_plugins = ["pytester"]

#: The test the small project runs: it prints the id of the plan the fixture gives.
_PROBE = """
def test_probe(kh922_plan):
    print("PLAN-ID", kh922_plan.id)
"""

BUILT_IN = "ben-tre-922-2025"
SMALL = "mau-1-2025"  # the id of tests/conftest.py's small plan


@pytest.fixture
def project(pytester: pytest.Pytester, plan_files: PlanFiles) -> pytest.Pytester:
    """A project with the probe test and its own plan file at ``plans/plan.yaml``."""
    (pytester.path / "plans").mkdir()
    plan_files.write(pytester.path / "plans", plan_files.minimal)
    pytester.makepyfile(test_probe=_PROBE)
    return pytester


def _plan_id(result: pytest.RunResult) -> str:
    result.assert_outcomes(passed=1)
    (found,) = re.findall(r"PLAN-ID (\S+)", result.stdout.str())
    return str(found)


def _run(project: pytest.Pytester, *args: str) -> pytest.RunResult:
    return project.runpytest_subprocess("-s", "-p", "no:cacheprovider", *args)


def test_without_an_option_the_fixture_is_the_built_in_plan(project: pytest.Pytester) -> None:
    assert _plan_id(_run(project)) == BUILT_IN


def test_the_ini_option_names_the_projects_plan(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nkh922_plan = plans/plan.yaml\n")
    assert _plan_id(_run(project)) == SMALL


def test_the_option_in_pyproject_toml(project: pytest.Pytester) -> None:
    project.makepyprojecttoml('[tool.pytest.ini_options]\nkh922_plan = "plans/plan.yaml"\n')
    assert _plan_id(_run(project)) == SMALL


def test_relative_paths_are_read_from_the_ini_files_folder_or_where_pytest_runs(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makeini("[pytest]\nkh922_plan = plans/plan.yaml\n")
    tests = project.path / "tests"
    tests.mkdir()
    (project.path / "test_probe.py").rename(tests / "test_probe.py")
    monkeypatch.chdir(tests)  # pytest runs in a subfolder; the ini file is one folder up
    assert _plan_id(_run(project, "test_probe.py")) == SMALL
    from_the_command_line = _run(project, "test_probe.py", "--kh922-plan", "../plans/plan.yaml")
    assert _plan_id(from_the_command_line) == SMALL


def test_the_command_line_wins_over_the_ini_option(
    project: pytest.Pytester, plan_files: PlanFiles
) -> None:
    project.makeini("[pytest]\nkh922_plan = plans/plan.yaml\n")
    other = project.path / "other"
    other.mkdir()
    renamed = plan_files.broken(plan_files.minimal, 'id: "mau-1-2025"', 'id: "mau-2-2025"')
    plan_files.write(other, renamed, name="plan2.yaml")
    assert _plan_id(_run(project, "--kh922-plan", "other/plan2.yaml")) == "mau-2-2025"
    assert _plan_id(_run(project, f"--kh922-plan={other / 'plan2.yaml'}")) == "mau-2-2025"


def test_a_shipped_plan_may_be_named_by_its_id(project: pytest.Pytester) -> None:
    project.makeini(f"[pytest]\nkh922_plan = {BUILT_IN}\n")
    assert _plan_id(_run(project)) == BUILT_IN


def test_a_missing_plan_file_is_an_error_naming_the_path(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nkh922_plan = plans/no-such-plan.yaml\n")
    result = _run(project)
    result.assert_outcomes(errors=1)
    missing = str(Path(project.path, "plans", "no-such-plan.yaml"))
    result.stdout.fnmatch_lines([f"*PlanNotFoundError: no plan file '{missing}'*"])


def test_help_lists_the_option_and_the_ini_key(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("--help")
    result.stdout.fnmatch_lines(["*--kh922-plan=PATH*", "*kh922_plan (string):*"])
