"""The shipped table's expressions, computed once by pint and kept beside the data files."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from kh922core._targets import unit_table


def _shipped(name: str) -> str:
    return (resources.files("kh922core") / "data" / name).read_text(encoding="utf-8")


def test_the_expressions_file_is_what_pint_computes_now() -> None:
    """Fails after an edit of units.txt or unit_texts.txt until the file is written again:
    ``python -c "from kh922core._targets.unit_table import write_expressions_file as w; w()"``.
    """
    document = json.loads(_shipped("unit_expressions.json"))
    assert document["units_sha256"] == unit_table._units_fingerprint()
    registry = unit_table.unit_registry()
    expressions = {
        line.partition("|")[0].partition("=")[2].strip()
        for line in map(str.strip, _shipped("unit_texts.txt").splitlines())
        if line and not line.startswith("#")
    }
    expressions = {e for e in expressions if not e.startswith("count(")}  # read without pint
    assert set(document["expressions"]) == expressions
    for expression, stored in document["expressions"].items():
        assert tuple(stored) == unit_table.canonical_expression(registry, expression), expression


def test_a_changed_units_file_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    unit_table._known_expressions.cache_clear()
    try:
        monkeypatch.setattr(unit_table, "_units_fingerprint", lambda: "another")
        assert unit_table._known_expressions() == {}
    finally:
        monkeypatch.undo()
        unit_table._known_expressions.cache_clear()
    assert unit_table._known_expressions()


def test_reading_shipped_units_and_a_plan_loads_no_pint() -> None:
    code = (
        "import sys, kh922core\n"
        "kh922core.parse_target('trên 80%', unit='%')\n"
        "kh922core.conversion_factor('% GRDP', '%GRDP')\n"
        "kh922core.load_plan()\n"
        "print('pint' in sys.modules)\n"
        "kh922core.conversion_factor('%', 'fraction')\n"
        "print('pint' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
