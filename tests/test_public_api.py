"""The public API: every name of ``__all__`` resolves, lazily, and heavy libraries load late."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import kh922core

INIT = Path(kh922core.__file__)


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    return done.stdout.strip()


def test_every_public_name_resolves() -> None:
    for name in kh922core.__all__:
        assert getattr(kh922core, name) is not None, name
    assert sorted(set(dir(kh922core)) & set(kh922core.__all__)) == sorted(kh922core.__all__)


def test_lazy_names_and_type_checking_imports_agree() -> None:
    """The table of lazy names and the imports type checkers read list the same names."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    checking = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
    )
    imported = {
        alias.name: node.module
        for node in checking.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == kh922core._LAZY
    eager = {"__version__", *kh922core.errors.__all__}
    assert set(kh922core.__all__) == set(kh922core._LAZY) | eager


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        kh922core.no_such_name  # noqa: B018


def test_importing_the_package_loads_neither_polars_nor_pint() -> None:
    loaded = _run(
        "import sys, kh922core; print(sorted({'polars', 'pint', 'pydantic'} & set(sys.modules)))"
    )
    assert loaded == "[]"


def test_a_target_without_unit_needs_no_pint_and_a_plan_no_polars() -> None:
    code = (
        "import sys, kh922core\n"
        "kh922core.parse_target('≥ 55')\n"
        "print('pint' in sys.modules, 'polars' in sys.modules)\n"
        "kh922core.load_plan()\n"
        "print('polars' in sys.modules)\n"
        "kh922core.published_figures()\n"
        "print('polars' in sys.modules)\n"
    )
    assert _run(code).splitlines() == ["False False", "False", "True"]


def test_a_class_reports_its_public_home_however_it_was_reached() -> None:
    code = (
        "import kh922core\n"
        "plan = kh922core.load_plan()\n"
        "print(type(plan).__module__, type(plan.targets[0].spec).__module__)\n"
    )
    assert _run(code) == "kh922core kh922core"
