"""No Python runs per row in the engine: no row-wise Polars calls, no loops over frames."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "src" / "kh922core" / "_engine"
#: Calls that run Python per row (or per element) in Polars or pandas.
ROW_WISE = {
    "map_elements",
    "map_rows",
    "map_batches",
    "iter_rows",
    "iterrows",
    "itertuples",
    "apply",
    "rows",
    "to_dicts",
    "rows_by_key",
}
#: Names that hold observations in the engine's code; a ``for`` over one loops over rows.
FRAME_NAMES = {"frame", "observations", "joined", "result", "rows_frame", "levels"}


def _sources() -> list[Path]:
    return sorted(ENGINE.glob("*.py"))


def _offences(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if call and node.func.attr in ROW_WISE:  # type: ignore[attr-defined]
            found.append(f"line {node.lineno}: .{node.func.attr}()")
        if isinstance(node, ast.For | ast.comprehension):
            iterated = node.iter
            names = {n.id for n in ast.walk(iterated) if isinstance(n, ast.Name)}
            attrs = {n.attr for n in ast.walk(iterated) if isinstance(n, ast.Attribute)}
            if names & FRAME_NAMES or attrs & ROW_WISE:
                line = getattr(iterated, "lineno", "?")
                found.append(f"line {line}: a loop over {ast.unparse(iterated)}")
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_engine_module_has_no_row_wise_python(path: Path) -> None:
    assert _offences(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_scan_finds_what_it_looks_for() -> None:
    bad = """
for row in frame.iter_rows():
    pass
frame.with_columns(pl.col("value").map_elements(float))
total = [value for value in observations]
"""
    assert len(_offences(ast.parse(bad))) == 4


def test_the_engine_modules_are_scanned() -> None:
    names = {p.name for p in _sources()}
    assert {
        "api.py",
        "polars_evaluate.py",
        "polars_query.py",
        "components.py",
        "summary.py",
    } <= names


#: Python functions run per element by Polars or pandas: nowhere in the library.
UDFS = {"map_elements", "map_rows", "map_batches", "apply", "applymap"}


@pytest.mark.parametrize(
    "path", sorted((ENGINE.parent).rglob("*.py")), ids=lambda p: str(p.relative_to(ENGINE.parent))
)
def test_no_module_runs_python_per_element(path: Path) -> None:
    # the report folded each row's entity in Python (map_elements); the values are folded once
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"line {node.lineno}: .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in UDFS
    ]
    assert found == []
