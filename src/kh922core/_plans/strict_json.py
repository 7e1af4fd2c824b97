"""A strict reader for plan files written in JSON, with a line for every value.

The text is read once, without recursion: the depth of nesting, the number of values, the length
of keys and of numbers are checked as the reader meets them (see
:mod:`kh922core._plans.source_marks`), so that no file can exhaust the stack or ask Python to
convert a number of thousands of digits.  Strings are decoded by the standard library's own
scanner; ``NaN`` and ``Infinity`` are refused, and a key written twice in one object is a
problem at its line, as in YAML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kh922core._plans.source_marks import (
    Counter,
    Document,
    Lines,
    Mark,
    PathKey,
    StopReadingError,
    key_problem,
    read_number,
    shown,
)

__all__ = ["read_json"]

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None}
_CONSTANTS = ("NaN", "Infinity", "-Infinity")
_SKIPPED = object()
#: The standard library's decoder of a JSON string (``"…"`` from after its opening quote).
_scan_string: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


@dataclass(slots=True)
class _Open:
    """A list or object being read."""

    path: PathKey
    value: list[Any] | dict[str, Any]
    skip: bool
    key: str | None = None
    key_place: tuple[int, int] | None = None
    skip_value: bool = False
    fresh: bool = True
    first: dict[str, int] = field(default_factory=dict)


class _Reader:
    def __init__(self, text: str, document: Document) -> None:
        self.text = text
        self.document = document
        self.lines = Lines(text)
        self.counter = Counter(document)
        self.position = 0
        self.stack: list[_Open] = []

    # --- helpers ---------------------------------------------------------------------------

    def fail(self, message: str, position: int | None = None) -> StopReadingError:
        line, column = self.lines.place(self.position if position is None else position)
        self.document.problem(line, column, "(file)", f"this is not valid JSON: {message}")
        return StopReadingError()

    def space(self) -> str:
        match = _SPACE.match(self.text, self.position)
        self.position = match.end() if match is not None else self.position
        return self.text[self.position : self.position + 1]

    def place(self) -> tuple[PathKey, bool, tuple[int, int] | None]:
        """Path of the value about to be read, whether it is skipped, where its key is."""
        if not self.stack:
            return (), False, None
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value)), top.skip, None
        assert top.key is not None
        return (*top.path, top.key), top.skip or top.skip_value, top.key_place

    def attach(self, value: Any) -> Any:
        """Put a finished value into the list or object around it; return it at the top."""
        if not self.stack:
            return value
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
        else:
            if not top.skip_value and top.key is not None:
                top.value[top.key] = value
            top.key, top.skip_value = None, False
        return _SKIPPED

    # --- values ----------------------------------------------------------------------------

    def key(self) -> None:
        """Read ``"key":`` inside the object at the top."""
        top = self.stack[-1]
        if self.space() != '"':
            raise self.fail("Expecting property name enclosed in double quotes")
        start = self.position
        name = self.string()
        line, column = self.lines.place(start)
        if self.space() != ":":
            raise self.fail("Expecting ':' delimiter")
        self.position += 1
        top.key, top.key_place, top.skip_value = name, (line, column), False
        if top.skip:
            return
        path = (*top.path, name)
        long = key_problem(name)
        if long is not None:
            self.document.problem(line, column, top.path, long, shown(name))
            top.skip_value = True
        elif name in top.first:
            self.document.problem(
                line,
                column,
                path,
                f"the key {name!r} appears twice in the same object "
                f"(first on line {top.first[name]}); keep only one",
            )
            top.skip_value = True
        else:
            top.first[name] = line

    def string(self) -> str:
        try:
            value, end = _scan_string(self.text, self.position + 1, True)
        except json.JSONDecodeError as error:
            raise self.fail(error.msg.removesuffix(" at"), error.pos) from None
        self.position = end
        return str(value)

    def value(self) -> Any:
        """Read one value; return it when it is the whole document, else ``_SKIPPED``."""
        char = self.space()
        start = self.position
        path, skip, key_place = self.place()
        line, column = self.lines.place(start)
        self.counter.add(path, line, column)
        raw: str | None = None
        quoted = False
        if char and char in "{[":
            if not skip:
                self.mark(path, Mark(line, column, None, False, *(key_place or (None, None))))
            self.position += 1
            container: list[Any] | dict[str, Any] = {} if char == "{" else []
            self.stack.append(_Open(path, container, skip))
            close = "}" if char == "{" else "]"
            if self.space() == close:
                self.position += 1
                return self.close()
            if char == "{":
                self.key()
            return _SKIPPED
        if char == '"':
            value: Any = self.string()
            raw, quoted = value, True
        else:
            value, raw = self.scalar(path, line, column)
        if not skip:
            self.mark(path, Mark(line, column, raw, quoted, *(key_place or (None, None))))
        return self.attach(value)

    def scalar(self, path: PathKey, line: int, column: int) -> tuple[Any, str]:
        for word, meaning in _WORDS.items():
            if self.text.startswith(word, self.position):
                self.position += len(word)
                return meaning, word
        for constant in _CONSTANTS:
            if self.text.startswith(constant, self.position):
                raise self.fail(f"{constant} is not a number a plan can use")
        match = _NUMBER.match(self.text, self.position)
        if match is None:
            raise self.fail("Expecting value")
        self.position = match.end()
        text = match.group()
        value, problem = read_number(text, whole=match.group(2) is None and not match.group(3))
        if problem is not None:
            self.document.problem(line, column, path, problem, shown(text))
        return value, text

    def mark(self, path: PathKey, mark: Mark) -> None:
        self.document.marks[path] = mark

    def close(self) -> Any:
        return self.attach(self.stack.pop().value)

    # --- the document ----------------------------------------------------------------------

    def read(self) -> Any:
        result = self.value()
        while self.stack:
            top = self.stack[-1]
            if top.fresh:  # just opened: its first value
                top.fresh = False
                result = self.value()
                continue
            char = self.space()
            close = "]" if isinstance(top.value, list) else "}"
            if char == close:
                self.position += 1
                result = self.close()
            elif char == ",":
                self.position += 1
                if close == "}":
                    self.key()
                result = self.value()
            else:
                raise self.fail("Expecting ',' delimiter")
        if self.space():
            raise self.fail("Extra data")
        return result


def read_json(text: str, document: Document) -> None:
    """Read a JSON text into ``document`` (its data, its marks, its problems).

    Examples:
        >>> from kh922core._plans.source_marks import Document
        >>> document = Document("x.json", None)
        >>> read_json('{"row": 5.10,\\n "id": "a"}', document)
        >>> document.data, document.marks[("id",)].line, document.marks[("row",)].raw
        ({'row': 5.1, 'id': 'a'}, 2, '5.10')
    """
    try:
        document.data = _Reader(text, document).read()
    except StopReadingError:
        document.data = None
