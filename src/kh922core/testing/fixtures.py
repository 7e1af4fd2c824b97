"""pytest fixtures, registered through the ``pytest11`` entry point.

This module is imported by every pytest run in an environment where kh922core is installed, so
it imports nothing but pytest at module level; kh922core and Polars are imported inside the
fixtures, when a test asks for one.

The fixtures:

* ``kh922_plan``: the plan under test, loaded once per session: the built-in plan (Kế hoạch
  922/KH-UBND), or the project's own plan file named by the ``kh922_plan`` ini option (in
  ``pytest.ini``, ``tox.ini``, ``setup.cfg`` or ``[tool.pytest.ini_options]`` of
  ``pyproject.toml``; a relative path is read from the ini file's folder) or by
  ``--kh922-plan PATH`` on the command line (relative to where pytest runs; it wins over the ini
  option).  Either may also name a shipped plan by its id;
* ``kh922_published_figures``: the shipped published figures for Bến Tre as a Polars DataFrame
  in the input schema of ``kh922core.evaluate`` (proxy rows left out).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

__all__ = ["OPTION", "kh922_plan", "kh922_published_figures", "plan_source"]

#: The name of the ini option (and, with dashes, of the command-line option).
OPTION = "kh922_plan"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register ``--kh922-plan PATH`` and the ini option ``kh922_plan``."""
    help_text = (
        "the plan file the kh922_plan fixture loads (or the id of a shipped plan); "
        "default: the built-in plan, Kế hoạch 922/KH-UBND"
    )
    parser.addini(OPTION, help=help_text + " (a relative path is read from the ini file's folder)")
    group = parser.getgroup("kh922core")
    group.addoption(
        "--kh922-plan",
        dest=OPTION,
        default=None,
        metavar="PATH",
        help=help_text + " (relative to the current folder; wins over the ini option)",
    )


def plan_source(config: pytest.Config) -> str | Path | None:
    """What ``kh922_plan`` loads: a path, a shipped plan's id, or ``None`` (the built-in plan).

    The command-line option wins over the ini option.  A relative path is resolved against the
    folder pytest was started in (command line) or the ini file's folder (ini option); a value
    that names no file there is passed on as it is (the id of a shipped plan, or a missing file
    that :func:`kh922core.load_plan` reports).
    """
    value: str | None = config.getoption(OPTION)
    base = config.invocation_params.dir
    if not value:
        value = str(config.getini(OPTION) or "").strip()
        base = config.inipath.parent if config.inipath is not None else config.rootpath
    if not value:
        return None
    path = Path(value).expanduser()
    resolved = path if path.is_absolute() else base / path
    if resolved.is_file():
        return resolved

    from kh922core._plans import available_plans

    return value if value in available_plans() else resolved


@pytest.fixture(scope="session")
def kh922_plan(pytestconfig: pytest.Config) -> Any:
    """The plan under test, loaded once per test session: the ``kh922_plan`` ini option or
    ``--kh922-plan PATH``, else the built-in plan."""
    from kh922core._plans import load_plan

    return load_plan(plan_source(pytestconfig))


@pytest.fixture(scope="session")
def kh922_published_figures() -> Any:
    """The shipped published figures, ready for ``kh922core.evaluate``."""
    from kh922core._plans import published_figures

    return published_figures()
