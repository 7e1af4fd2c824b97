"""The shape of the package: wings, one-way imports, no cycle, small rooms with distinct names.

The package is built in layers, each importing only from the layers below it::

    base (errors, _version, _text, _dates, _frame_problems, _output_formats)
      <- _targets (numbers, units, kinds, grammar, explain)
      <- _plans (model, agencies, loader, checks, audit)
      <- _engine (the vectorised evaluation)
      <- _tracking (progress, tasks, calendar, templates)
      <- _exchange (appendices in and out of Word, Excel and CSV)
      <- _reports (the reporting cycle: templates, collecting, the consolidated report)
      <- _cli, testing, the package's __init__

A wing is used from outside only through the names its ``__init__`` exports.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kh922core"

#: Layer of each top-level part of the package; a module may import from its own layer or below.
LAYERS = {
    "errors": 0,
    "_text": 0,
    "_dates": 0,
    "_frame_problems": 0,
    "_output_formats": 0,
    "_version": 0,
    "_targets": 1,
    "_plans": 2,
    "_engine": 3,
    "_tracking": 4,
    "_exchange": 5,
    "_reports": 6,
    "_cli": 7,
    "testing": 7,
    "__init__": 8,
    "__main__": 8,
}
WINGS = {"_targets", "_plans", "_engine", "_tracking", "_exchange", "_reports", "_cli"}
#: The most lines a module may have ("about 400").
MAX_LINES = 420


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every ``kh922core`` module this file imports (module level, functions, TYPE_CHECKING)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "kh922core":
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                name = _name(path)
                package = name if path.name == "__init__.py" else name.rpartition(".")[0]
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.split(".")[0] != "kh922core":
                continue
            yield node.lineno, module
            exported = _exports(module)
            for alias in node.names:  # ``from kh922core._engine import columns`` names a module
                folder = PACKAGE.parent / module.replace(".", "/")
                is_module = (folder / f"{alias.name}.py").exists() or (folder / alias.name).is_dir()
                if is_module and alias.name not in exported:
                    yield node.lineno, f"{module}.{alias.name}"


def _exports(package: str) -> set[str]:
    """The names a package's ``__init__`` lists in ``__all__`` (empty for a module)."""
    init = PACKAGE.parent / package.replace(".", "/") / "__init__.py"
    if not init.exists():
        return set()
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return set()


def _part(module: str) -> str:
    """The top-level part of the package a module belongs to (``_plans``, ``errors`` …)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(path: Path) -> int:
    part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    return LAYERS[part]


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in _modules()}
    assert parts - set(LAYERS) == set()


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    own = _layer(path)
    upward = [
        f"line {line}: {module} (layer {LAYERS[_part(module)]} above {own})"
        for line, module in _imports(path)
        if LAYERS[_part(module)] > own
    ]
    assert upward == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_other_wings_are_used_through_their_front_door(path: Path) -> None:
    home = _part(_name(path)) if path.name != "__init__.py" or path.parent != PACKAGE else ""
    side_doors = [
        f"line {line}: {module}"
        for line, module in _imports(path)
        if _part(module) in WINGS and _part(module) != home and module.count(".") > 1
    ]
    assert side_doors == []


def test_the_import_graph_has_no_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in _modules():
        name = _name(path)
        graph[name] = {m for _, m in _imports(path) if m != name}
    # A package's __init__ importing its own modules is how a wing exports names, not a cycle.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + "."):
                continue  # a package importing its own members
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt in graph and not state.get(nxt):
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])
    real = [c for c in cycles if not all(c[0].startswith(m) or m.startswith(c[0]) for m in c)]
    assert real == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_are_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines"


def test_no_two_modules_share_a_name() -> None:
    names = Counter(p.name for p in _modules() if p.name != "__init__.py")
    assert [name for name, count in names.items() if count > 1] == []


def test_only_the_package_errors_and_testing_are_public_modules() -> None:
    public = {
        str(p.relative_to(PACKAGE))
        for p in _modules()
        if not any(
            part.startswith("_") and part != "__init__.py" for part in p.relative_to(PACKAGE).parts
        )
    }
    assert public == {
        "__init__.py",
        "errors.py",
        "testing/__init__.py",
        "testing/fixtures.py",
        "testing/strategies.py",
    }


def test_the_scan_sees_every_kind_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import kh922core._engine.api\n"
        "from kh922core._plans import model\n"
        "def f():\n"
        "    from kh922core._tracking.progress import progress\n",
        encoding="utf-8",
    )
    found = [module for _, module in _imports(sample)]
    assert "kh922core._engine.api" in found
    assert "kh922core._plans" in found
    assert "kh922core._tracking.progress" in found
