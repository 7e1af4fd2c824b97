"""The documentation is honest: it documents every public name, cites only what ships, and tells
how to install a package that is on no index.

* Every name of ``kh922core.__all__`` has an entry in docs/api.md under its public path: a
  directive for ``kh922core.NAME``, or, for a class whose home is a public module
  (``kh922core.errors``), that module's ``automodule`` with its members.
* No shipped file (``src/``) and no page (``docs/``, ``README.md``) refers to ``SEMANTICS.md``
  or a ``shared/`` path: files that exist beside the repository while it is developed, not in it.
* No page tells to ``pip install kh922core`` by name alone: the package is installed from a clone
  of the repository (``pip install .``, ``pip install -e ".[test]"``).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import kh922core

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "docs" / "api.md"

#: A documented object: ``.. autofunction:: kh922core.x``, ``.. py:data:: kh922core.X`` …
_DIRECTIVE = re.compile(r"^\s*\.\. (?:auto\w+|py:\w+):: (kh922core[\w.]*)\s*$", re.MULTILINE)
#: Modules documented whole: ``.. automodule:: kh922core.errors`` followed by ``:members:``.
_AUTOMODULE = re.compile(r"^\s*\.\. automodule:: (kh922core[\w.]*)\s*\n\s+:members:", re.MULTILINE)


def _documented() -> set[str]:
    """The public paths docs/api.md documents."""
    text = API.read_text(encoding="utf-8")
    paths = set(_DIRECTIVE.findall(text))
    for module_name in _AUTOMODULE.findall(text):
        module = importlib.import_module(module_name)
        paths |= {f"{module_name}.{name}" for name in module.__all__}
    return paths


def _public_path(name: str) -> str:
    """``kh922core.NAME``, or ``kh922core.errors.NAME`` for a class whose home is there."""
    home = getattr(getattr(kh922core, name), "__module__", None)
    if isinstance(home, str) and home.startswith("kh922core.") and "._" not in f".{home}":
        return f"{home}.{name}"
    return f"kh922core.{name}"


def test_every_public_name_has_an_entry_in_the_api_reference() -> None:
    documented = _documented()
    missing = [
        _public_path(name) for name in kh922core.__all__ if _public_path(name) not in documented
    ]
    assert missing == [], f"add to docs/api.md: {missing}"


def test_the_public_path_of_an_error_is_its_public_home() -> None:
    assert _public_path("UnknownUnitError") == "kh922core.errors.UnknownUnitError"
    assert _public_path("Plan") == "kh922core.Plan"
    assert _public_path("load_plan") == "kh922core.load_plan"
    assert _public_path("__version__") == "kh922core.__version__"


def test_the_directive_pattern_reads_the_forms_the_reference_uses() -> None:
    text = (
        ".. autofunction:: kh922core.load_plan\n"
        ".. autoclass:: kh922core.Plan\n   :members: target\n"
        ".. py:data:: kh922core.STATUS_DTYPE\n\n   The dtype.\n"
        "``kh922core.mentioned`` in prose is no entry\n"
    )
    assert _DIRECTIVE.findall(text) == [
        "kh922core.load_plan",
        "kh922core.Plan",
        "kh922core.STATUS_DTYPE",
    ]


# --- what the shipped files and the pages refer to --------------------------------------------

#: References to files that live beside the repository during development, never in it.
_UNSHIPPED = re.compile(r"SEMANTICS\.md|(?<![\w.-])shared/")
_TEXT_SUFFIXES = {".py", ".md", ".txt", ".yaml", ".yml", ".json", ".csv", ".toml", ".rst", ".cfg"}


def _shipped_texts() -> list[Path]:
    files = [ROOT / "README.md"]
    for folder in (ROOT / "src", ROOT / "docs"):
        files += [
            path
            for path in folder.rglob("*")
            if path.is_file()
            and path.suffix in _TEXT_SUFFIXES
            and "_build" not in path.parts
            and "__pycache__" not in path.parts
        ]
    return sorted(files)


def test_no_shipped_file_or_page_refers_to_unshipped_sources() -> None:
    found = []
    for path in _shipped_texts():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _UNSHIPPED.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == []


@pytest.mark.parametrize(
    ("line", "refers"),
    [
        ("see SEMANTICS.md", True),
        ("# restructuring (/work/shared/data/x.md)", True),
        ("shared/seed/plan.txt", True),
        ("buffers shared with the input", False),
        ("a shared cell of the plan", False),
        ("docs/semantics.md", False),
    ],
)
def test_the_pattern_finds_unshipped_paths(line: str, refers: bool) -> None:
    assert bool(_UNSHIPPED.search(line)) is refers


# --- installing: from a clone, never from an index ----------------------------------------------

#: ``pip install kh922core`` with nothing after the name (no extras of an installed copy).
_BY_NAME = re.compile(r"pip install\s+(?:-\S+\s+)*[\"']?kh922core(?![\w\[-])")


def _pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_no_page_installs_the_package_by_name_from_an_index() -> None:
    found = [
        f"{page.relative_to(ROOT)}: {match.group(0)}"
        for page in _pages()
        for match in _BY_NAME.finditer(page.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("command", "by_name"),
    [
        ("pip install kh922core", True),
        ("pip install -U kh922core   # the library", True),
        ('pip install "kh922core"', True),
        ("pip install .", False),
        ('pip install -e ".[test]"', False),
        ("pip install 'kh922core[xlsx]'", False),
        ("pip install kh922core-extras", False),
    ],
)
def test_the_install_pattern(command: str, by_name: bool) -> None:
    assert bool(_BY_NAME.search(command)) is by_name


def test_the_introduction_installs_from_a_clone() -> None:
    text = (ROOT / "docs" / "introduction.md").read_text(encoding="utf-8")
    assert "pip install ." in text
    assert 'pip install -e ".[test]"' in text


def test_the_index_lists_the_cli_reference_and_the_quick_start() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    toctree = index[index.index("```{toctree}") :]
    entries = {line.strip() for line in toctree.splitlines()}
    assert {"cli", "huong-dan-nhanh"} <= entries
