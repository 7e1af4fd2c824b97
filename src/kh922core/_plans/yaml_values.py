"""Plain values built from PyYAML's events, without recursion: what ``strict_yaml`` reads.

The builder keeps a stack of the lists and blocks being read, so that nesting costs memory, not
the Python stack, and checks every limit of :mod:`kh922core._plans.source_marks` as each value
arrives: the nesting, the number of values (an alias counts every value it repeats), the length
of keys and of numbers.  It types plain scalars as :mod:`kh922core._plans.strict_yaml` says,
refuses tags, merge keys, duplicate keys and keys that are not words, and records a
:class:`~kh922core._plans.source_marks.Mark` for every value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from kh922core._plans.source_marks import (
    Counter,
    Document,
    Mark,
    PathKey,
    StopReadingError,
    key_problem,
    read_number,
    shown,
)

__all__ = ["MAP", "PLAIN", "SEQ", "STR", "ValueBuilder"]

PLAIN = "tag:kh922core:plain"
STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def _plain(text: str) -> tuple[Any, str | None]:
    """The value of a plain scalar (see the module docstring), or why it cannot be used."""
    if text in _NULL:
        return None, None
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    if _INT.fullmatch(text):
        return read_number(text, whole=True)
    if _FLOAT.fullmatch(text):
        return read_number(text, whole=False)
    return text, None


def _at(event: Event) -> tuple[int, int]:
    """The one-based line and column where an event's value starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


@dataclass(slots=True)
class _Anchor:
    """A value written with ``&name``: the value, its marks (relative paths) and its depth."""

    value: Any
    marks: list[tuple[PathKey, Mark]]
    depth: int


@dataclass(slots=True)
class _Open:
    """A list or block being read; ``value`` is ``None`` for one that is skipped."""

    path: PathKey
    value: list[Any] | dict[str, Any] | None
    anchor: str | None = None
    start: int = 0
    expect_key: bool = True
    name: str | None = None
    key: ScalarEvent | None = None
    skip_value: bool = False
    first: dict[str, int] = field(default_factory=dict)


class ValueBuilder:
    """Builds plain values from YAML events, recording marks and problems, without recursion."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.counter = Counter(document)
        self.stack: list[_Open] = []
        self.order: list[PathKey] = []
        self.anchors: dict[str, _Anchor] = {}
        self.documents = 0
        self.root: Any = None

    def problem(self, event: Event, path: PathKey, message: str, value: str | None = None) -> None:
        self.document.problem(*_at(event), path, message, value)

    def mark(self, event: Event, path: PathKey, key: Event | None) -> Mark:
        line, column = _at(event)
        key_line, key_column = _at(key) if key is not None else (None, None)
        raw = event.value if isinstance(event, ScalarEvent) else None
        quoted = isinstance(event, ScalarEvent) and event.style in ("'", '"', "|", ">")
        mark = Mark(line, column, raw, quoted, key_line, key_column)
        self.document.marks[path] = mark
        self.order.append(path)
        return mark

    def event(self, event: Event) -> None:
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(
                    event,
                    (),
                    "the file holds more than one YAML document (a second '---'); "
                    "a plan or agency file is one document",
                )
                raise StopReadingError
        elif isinstance(event, CollectionEndEvent):
            self.close(self.stack.pop())
        elif isinstance(event, NodeEvent):
            top = self.stack[-1] if self.stack else None
            if top is not None and isinstance(top.value, dict) and top.expect_key:
                self.key(top, event)
            else:
                self.node(event)

    def key(self, top: _Open, event: NodeEvent) -> None:
        if not isinstance(event, ScalarEvent):
            self.problem(event, top.path, "a key must be a plain word such as 'id' or 'text'")
            top.skip_value = True
            if isinstance(event, CollectionStartEvent):
                self.stack.append(_Open(top.path, None))  # expect_key ends when it closes
                return
            top.expect_key = False
            return
        name = event.value
        top.expect_key = False
        plain = event.tag in (None, "!") and event.implicit[0]
        too_long = key_problem(name)
        if plain and name == "<<":
            self.problem(
                event,
                (*top.path, name),
                "merge keys ('<<') are not allowed in a plan file; write the fields out",
            )
            top.skip_value = True
        elif too_long is not None:
            self.problem(event, top.path, too_long, shown(name))
            top.skip_value = True
        elif name in top.first:
            self.problem(
                event,
                (*top.path, name),
                f"the key {name!r} appears twice in the same block "
                f"(first on line {top.first[name]}); keep only one",
            )
            top.skip_value = True
        else:
            top.first[name] = _at(event)[0]
            top.name, top.key = name, event

    def node(self, event: NodeEvent) -> None:
        path, key, skip = self.place()
        if skip:
            if isinstance(event, CollectionStartEvent):
                self.stack.append(_Open(path, None))
            else:
                self.attach(None)
            return
        if isinstance(event, AliasEvent):
            self.alias(event, path, key)
            return
        self.counter.add(path, *_at(event))
        mark = self.mark(event, path, key)
        if isinstance(event, ScalarEvent):
            value = self.scalar(event, path)
            if event.anchor is not None:
                self.anchors[event.anchor] = _Anchor(value, [((), mark)], 0)
            self.attach(value)
            return
        assert isinstance(event, CollectionStartEvent)
        mapping = isinstance(event, MappingStartEvent)
        if event.tag not in (None, "!", MAP if mapping else SEQ):
            self.problem(event, path, f"tags such as {event.tag!r} are not allowed in a plan file")
        container: dict[str, Any] | list[Any] = {} if mapping else []
        self.stack.append(_Open(path, container, event.anchor, len(self.order) - 1))

    def place(self) -> tuple[PathKey, ScalarEvent | None, bool]:
        """Path of the next value, the key it is written under, and whether it is skipped."""
        if not self.stack:
            return (), None, False
        top = self.stack[-1]
        if top.value is None:
            return top.path, None, True
        if isinstance(top.value, list):
            return (*top.path, len(top.value)), None, False
        return (*top.path, top.name or ""), top.key, top.skip_value

    def scalar(self, event: ScalarEvent, path: PathKey) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = PLAIN if event.implicit[0] else STR
        if tag == PLAIN:
            value, problem = _plain(event.value)
            if problem is not None:
                self.problem(event, path, problem, shown(event.value))
            return value
        if tag != STR:
            self.problem(
                event,
                path,
                f"tags such as {tag!r} are not allowed in a plan file; "
                "write the value without a tag (quote it if it is text)",
                repr(event.value),
            )
        return event.value

    def alias(self, event: AliasEvent, path: PathKey, key: ScalarEvent | None) -> None:
        anchor = self.anchors.get(event.anchor or "")
        if anchor is None:
            message = f"this is not valid YAML: found undefined alias {event.anchor!r}"
            self.problem(event, path, message)
            raise StopReadingError
        self.counter.add(path, *_at(event), count=len(anchor.marks), depth=anchor.depth)
        for relative, mark in anchor.marks:
            if not relative:
                key_line, key_column = _at(key) if key is not None else (None, None)
                mark = replace(mark, key_line=key_line, key_column=key_column)
            self.document.marks[(*path, *relative)] = mark
            self.order.append((*path, *relative))
        self.attach(anchor.value)

    def close(self, done: _Open) -> None:
        if done.value is not None and done.anchor is not None:
            size = len(done.path)
            marks = [(p[size:], self.document.marks[p]) for p in self.order[done.start :]]
            depth = max(len(relative) for relative, _ in marks)
            self.anchors[done.anchor] = _Anchor(done.value, marks, depth)
        self.attach(done.value)

    def attach(self, value: Any) -> None:
        """Put a finished value (or a skipped one) into the list or block around it."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if top.value is None:
            return
        if isinstance(top.value, list):
            top.value.append(value)
        elif top.expect_key:  # a key that is a list or block, skipped
            top.expect_key = False
        else:
            if not top.skip_value and top.name is not None:
                top.value[top.name] = value
            top.expect_key, top.name, top.key, top.skip_value = True, None, None, False
