"""A strict reader for plan files: YAML (a safe subset) and JSON, with a line for every value.

PyYAML's own loader follows YAML 1.1, where ``no`` is ``False``, ``08`` is an error or an octal
number, and an unquoted ``2025-02-14`` is a date.  Plans are written by officials, not
programmers, so this reader builds on PyYAML's *composer* (which gives every node its line and
column) and decides the type of each plain (unquoted) scalar itself:

=================================================  ======================================
plain scalar                                       read as
=================================================  ======================================
empty, ``~``, ``null``, ``Null``, ``NULL``          nothing (``None``)
``true``, ``True``, ``TRUE``, ``false`` …           a boolean
``0``, ``2030``, ``-5`` (no leading zero)           a whole number
``0.05``, ``5.10``, ``1.5e3`` (with a ``.``)        a decimal number
anything else: ``no``, ``yes``, ``on``, ``08``,    text, exactly as written
``1e3``, ``0x1F``, ``2025-02-14``, ``.inf``
=================================================  ======================================

Quoted scalars are always text.  Nothing is ever converted silently: a text where a number
belongs (or a number where text belongs) is reported by validation, with a hint that uses the
value exactly as written.  Duplicate keys, tags such as ``!!python/object``, merge keys and
non-text keys are errors.

For every value the reader records where it was written (:class:`Mark`), keyed by its path in
the document (``("targets", 3, "text")``), so that later errors can name the line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kh922core.errors import ValidationProblem

__all__ = ["Document", "Mark", "PathKey", "format_path", "read_document", "read_text"]

PathKey = tuple[str | int, ...]

_PLAIN = "tag:kh922core:plain"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_MAX_NODES = 200_000
_MAX_DEPTH = 200


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a value was written.

    Attributes:
        line: One-based line.
        column: One-based column.
        raw: For a scalar, its text as written (without quotes); ``None`` for a list or mapping.
        quoted: Whether the scalar was written in quotes.
        key_line: For a value under a key, the one-based line of the key.
        key_column: For a value under a key, the one-based column of the key.
    """

    line: int
    column: int
    raw: str | None = None
    quoted: bool = False
    key_line: int | None = None
    key_column: int | None = None


@dataclass(slots=True)
class Document:
    """A file read into plain Python values, with where each value was written.

    Attributes:
        file: The file name as it should appear in messages.
        data: The values (dicts, lists, str, int, float, bool, None); ``None`` when unreadable.
        marks: Path of every value → where it was written.
        problems: What made the file (partly) unreadable.
    """

    file: str
    data: Any
    marks: dict[PathKey, Mark] = field(default_factory=dict)
    problems: list[ValidationProblem] = field(default_factory=list)

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest written ancestor.

        Args:
            path: The path of a value.
            key: Give the position of the key rather than of the value, when there is a key.
        """
        probe = path
        while True:
            mark = self.marks.get(probe)
            if mark is not None:
                if key and mark.key_line is not None and probe == path:
                    return mark.key_line, mark.key_column
                return mark.line, mark.column
            if not probe:
                return None, None
            probe = probe[:-1]


def format_path(path: PathKey) -> str:
    """Render a path as officials read it: ``targets[3].text``.

    Examples:
        >>> format_path(("targets", 3, "text"))
        'targets[3].text'
        >>> format_path(())
        '(top level)'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.1 implicit types switched off.

    Plain scalars get a private tag and are typed by :func:`_plain`; explicit tags stay as written.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        if kind is SequenceNode:
            return _SEQ
        return _MAP


def _plain(text: str) -> Any:
    """The value of a plain scalar (see the module docstring)."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _mark(node: Node, key: Node | None = None) -> Mark:
    raw = node.value if isinstance(node, ScalarNode) else None
    quoted = isinstance(node, ScalarNode) and node.style in ("'", '"', "|", ">")
    return Mark(
        line=node.start_mark.line + 1,
        column=node.start_mark.column + 1,
        raw=raw,
        quoted=quoted,
        key_line=key.start_mark.line + 1 if key is not None else None,
        key_column=key.start_mark.column + 1 if key is not None else None,
    )


class _Converter:
    """Turns composed nodes into plain values, recording marks and problems."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.count = 0

    def problem(self, node: Node, path: PathKey, message: str, value: str | None = None) -> None:
        self.document.problems.append(
            ValidationProblem(
                file=self.document.file,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
                path=format_path(path),
                message=message,
                value=value,
            )
        )

    def convert(self, node: Node, path: PathKey, key: Node | None = None) -> Any:
        self.count += 1
        if self.count > _MAX_NODES or len(path) > _MAX_DEPTH:
            if self.count == _MAX_NODES + 1 or len(path) == _MAX_DEPTH + 1:
                self.problem(node, path, "the file is too large or too deeply nested to be a plan")
            return None
        self.document.marks[path] = _mark(node, key)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self.problem(
                    node, path, f"tags such as {node.tag!r} are not allowed in a plan file"
                )
            return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        self.problem(node, path, "unexpected YAML node")  # pragma: no cover
        return None  # pragma: no cover

    def scalar(self, node: ScalarNode, path: PathKey) -> Any:
        if node.tag == _PLAIN:
            return _plain(node.value)
        if node.tag != _STR:
            self.problem(
                node,
                path,
                f"tags such as {node.tag!r} are not allowed in a plan file; "
                "write the value without a tag (quote it if it is text)",
                repr(node.value),
            )
        return node.value

    def mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        if node.tag != _MAP:
            self.problem(node, path, f"tags such as {node.tag!r} are not allowed in a plan file")
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "a key must be a plain word such as 'id' or 'text'")
                continue
            name = key_node.value
            if key_node.tag == _PLAIN and name == "<<":
                self.problem(
                    key_node,
                    (*path, name),
                    "merge keys ('<<') are not allowed in a plan file; write the fields out",
                )
                continue
            if name in first:
                self.problem(
                    key_node,
                    (*path, name),
                    f"the key {name!r} appears twice in the same block "
                    f"(first on line {first[name]}); keep only one",
                )
                continue
            first[name] = key_node.start_mark.line + 1
            result[name] = self.convert(value_node, (*path, name), key_node)
        return result


def _yaml_problem(file: str, error: yaml.YAMLError) -> ValidationProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"this is not valid YAML: {problem}"
    if context:
        message += f" ({context})"
    return ValidationProblem(
        file=file,
        line=mark.line + 1 if mark is not None else None,
        column=mark.column + 1 if mark is not None else None,
        path="(file)",
        message=message,
    )


#: The same loader on libyaml's C parser where PyYAML was built with it (about ten times faster).
_FastLoader: type[yaml.SafeLoader] = (
    type("_FastLoader", (yaml.CSafeLoader,), {"resolve": _Loader.resolve})
    if getattr(yaml, "__with_libyaml__", False)
    else _Loader
)


def _compose(text: str, document: Document) -> Node | None:
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError as error:
        document.problems.append(_yaml_problem(document.file, error))
        return None


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in the same object; keep only one")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a plan can use")


def _read_json(text: str, document: Document) -> None:
    try:
        document.data = json.loads(
            text, object_pairs_hook=_json_pairs, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as error:
        document.problems.append(
            ValidationProblem(
                file=document.file,
                line=error.lineno,
                column=error.colno,
                path="(file)",
                message=f"this is not valid JSON: {error.msg}",
            )
        )
        return
    except ValueError as error:
        document.problems.append(
            ValidationProblem(
                document.file, None, None, "(file)", f"this is not valid JSON: {error}"
            )
        )
        return
    # JSON is (almost always) YAML too: compose it only to learn where each value is.
    scratch = Document(file=document.file, data=None)
    node = _compose(text, scratch)
    if node is not None:
        _Converter(scratch).convert(node, ())
        document.marks = scratch.marks


def read_text(text: str, file: str, *, json_format: bool = False) -> Document:
    """Read a plan (or agency) file's text.

    Args:
        text: The file's content.
        file: The name to use in messages.
        json_format: Read it as JSON rather than YAML.

    Returns:
        The document; its ``problems`` list what made it unreadable.

    Examples:
        >>> doc = read_text('horizon: 2030\\nrow: 5.10\\nok: no\\ncode: 08\\n', "x.yaml")
        >>> doc.data
        {'horizon': 2030, 'row': 5.1, 'ok': 'no', 'code': '08'}
        >>> doc.marks[("row",)].raw, doc.marks[("row",)].line
        ('5.10', 2)
    """
    document = Document(file=file, data=None)
    if text.startswith("\ufeff"):
        text = text[1:]
    if json_format:
        _read_json(text, document)
        return document
    node = _compose(text, document)
    if node is not None:
        document.data = _Converter(document).convert(node, ())
    return document


def read_document(path: Path, file: str | None = None) -> Document:
    """Read a file from disk (JSON when its name ends in ``.json``, YAML otherwise).

    Args:
        path: The file.
        file: The name to use in messages; default ``str(path)``.

    Returns:
        The document; its ``problems`` list what made it unreadable (including a missing file).
    """
    name = str(path) if file is None else file
    try:
        raw = path.read_bytes()
    except OSError as error:
        document = Document(file=name, data=None)
        reason = error.strerror or str(error)
        document.problems.append(
            ValidationProblem(name, None, None, "(file)", f"cannot read the file: {reason}")
        )
        return document
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        document = Document(file=name, data=None)
        line = raw[: error.start].count(b"\n") + 1
        document.problems.append(
            ValidationProblem(
                name, line, None, "(file)", "the file is not UTF-8 text; save it as UTF-8"
            )
        )
        return document
    return read_text(text, name, json_format=path.suffix.lower() == ".json")
