"""Wording layered on the shipped tables: a province's own target phrases and unit texts.

The grammar reads two tables that ship with the library, ``data/target_phrases.txt`` and
``data/unit_texts.txt``.  A province that writes its targets in words they lack adds its own
files of the same syntax, without editing the installed package, as pint layers definition
files on a registry: :func:`add_target_phrases` and :func:`add_unit_texts` put a file on top of
the shipped table for the rest of the process (a plan file can name such files under its
``wording`` key, and loading it adds them).  A layer may add lines, never contradict one: a unit
text already listed with another meaning is refused, naming both lines.

Each layer is checked whole before it is used, so a bad file changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kh922core.errors import MissingFileError

__all__ = [
    "Layer",
    "add_target_phrases",
    "add_unit_texts",
    "on_change",
    "phrase_layers",
    "register_check",
    "restore_shipped_wording",
    "unit_text_layers",
]

PHRASES_FILE = "target_phrases.txt"
UNIT_TEXTS_FILE = "unit_texts.txt"


@dataclass(frozen=True, slots=True)
class Layer:
    """One table file: its name in messages and its text."""

    name: str
    text: str


def _shipped(name: str) -> Layer:
    return Layer(name, (resources.files("kh922core") / "data" / name).read_text(encoding="utf-8"))


_LOCK = threading.RLock()
_PHRASES: list[Layer] = []
_UNIT_TEXTS: list[Layer] = []
#: Caches built from the tables, cleared when a layer is added (registered by their modules).
_LISTENERS: list[Callable[[], None]] = []
#: Checks that a candidate list of layers reads cleanly (registered by the readers).
_CHECKS: dict[str, Callable[[tuple[Layer, ...]], int]] = {}


def on_change(listener: Callable[[], None]) -> None:
    """Register a function that forgets what was built from the tables (a cache's clear)."""
    _LISTENERS.append(listener)


def register_check(table: str, check: Callable[[tuple[Layer, ...]], int]) -> None:
    """Register the reader that checks a table's layers (``check`` raises on a bad line and
    returns how many entries the last layer adds)."""
    _CHECKS[table] = check


def phrase_layers() -> tuple[Layer, ...]:
    """The phrase tables, shipped first, in the order they were added."""
    with _LOCK:
        return (_shipped(PHRASES_FILE), *_PHRASES)


def unit_text_layers() -> tuple[Layer, ...]:
    """The unit-text tables, shipped first, in the order they were added."""
    with _LOCK:
        return (_shipped(UNIT_TEXTS_FILE), *_UNIT_TEXTS)


def _read(source: str | Path) -> Layer:
    path = Path(source)
    if not path.is_file():
        raise MissingFileError(f"no wording file {str(source)!r}", str(source))
    return Layer(str(source), path.read_text(encoding="utf-8-sig"))


def _add(table: str, layers: list[Layer], current: tuple[Layer, ...], layer: Layer) -> int:
    with _LOCK:
        if any(existing == layer for existing in layers):
            return 0  # the same file twice (a plan loaded again) adds nothing
        added = _CHECKS[table]((*current, layer))
        layers.append(layer)
        for listener in _LISTENERS:
            listener()
        return added


def add_target_phrases(source: str | Path) -> int:
    """Add a file of target phrases on top of the shipped table, for this process.

    The file has the syntax of the shipped ``target_phrases.txt`` (``ROLE  PHRASE`` a line; the
    roles are listed at the top of that file and on the "Target semantics" page).

    Args:
        source: The path of the file (UTF-8, with or without a byte-order mark).

    Returns:
        How many phrases the file adds.

    Raises:
        MissingFileError: There is no such file.
        WordingError: A line of the file cannot be read; nothing is added.

    Examples:
        >>> import kh922core, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "phrases.txt").write_text("ge  chẳng kém\\n", encoding="utf-8")
        >>> kh922core.add_target_phrases(folder / "phrases.txt")
        1
        >>> kh922core.parse_target("chẳng kém 80%").render()
        '≥ 80%'
    """
    return _add("phrases", _PHRASES, phrase_layers(), _read(source))


def add_unit_texts(source: str | Path) -> int:
    """Add a file of unit texts on top of the shipped table, for this process.

    The file has the syntax of the shipped ``unit_texts.txt`` (``TEXT = EXPRESSION`` a line, the
    expression over the shipped unit names).  A text the shipped table (or an earlier file)
    already gives another meaning is refused.

    Args:
        source: The path of the file (UTF-8, with or without a byte-order mark).

    Returns:
        How many unit texts the file adds.

    Raises:
        MissingFileError: There is no such file.
        UnitError: A line cannot be read or contradicts an earlier one; nothing is added.

    Examples:
        >>> import kh922core, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> line = "% tổng sản phẩm trên địa bàn = percent_grdp\\n"
        >>> _ = (folder / "units.txt").write_text(line, encoding="utf-8")
        >>> kh922core.add_unit_texts(folder / "units.txt")
        1
        >>> kh922core.parse_unit("% Tổng sản phẩm trên địa bàn").expression
        'percent_grdp'
    """
    return _add("unit_texts", _UNIT_TEXTS, unit_text_layers(), _read(source))


def restore_shipped_wording() -> None:
    """Forget every added layer: the shipped tables only (for tests)."""
    with _LOCK:
        _PHRASES.clear()
        _UNIT_TEXTS.clear()
        for listener in _LISTENERS:
            listener()
