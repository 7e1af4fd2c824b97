"""A strict reader for plan files: YAML (a safe subset) and JSON, with a line for every value.

PyYAML's own loader follows YAML 1.1, where ``no`` is ``False``, ``08`` is an error or an octal
number, and an unquoted ``2025-02-14`` is a date.  Plans are written by officials, not
programmers, so this reader takes PyYAML's *events* (which give every value its line and
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

The values are built from the events without recursion, and the limits of
:mod:`kh922core._plans.source_marks` (size, nesting, number of values, length of keys and of
numbers) are checked as the file is read; a file that is not text (a ``.docx``, a PDF, a
folder, control characters) is refused with what it is.  For every value the reader records
where it was written (:class:`Mark`), keyed by its path in the document
(``("targets", 3, "text")``), so that later errors can name the line.
"""

from __future__ import annotations

import hashlib
import re
import stat
import threading
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from kh922core._plans.source_marks import (
    DEPTH_MESSAGE,
    MAX_FILE_BYTES,
    Document,
    Lines,
    Mark,
    PathKey,
    StopReadingError,
    format_path,
)
from kh922core._plans.strict_json import read_json
from kh922core._plans.yaml_values import MAP, PLAIN, SEQ, STR, ValueBuilder
from kh922core.errors import ValidationProblem

__all__ = [
    "Document",
    "Mark",
    "PathKey",
    "format_path",
    "read_bytes",
    "read_document",
    "read_text",
]

#: Characters YAML does not allow in a stream, and no text file holds.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NOT_TEXT_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or Excel .xlsx document?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel document (.doc or .xls)"),
    (b"%PDF-", "a PDF document"),
)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.1 implicit types switched off.

    Plain scalars get a private tag and are typed by :func:`_plain`; explicit tags stay as written.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR
        if kind is SequenceNode:
            return SEQ
        return MAP


#: The same loader on libyaml's C parser where PyYAML was built with it (about ten times faster).
_FastLoader: type[yaml.SafeLoader] = (
    type("_FastLoader", (yaml.CSafeLoader,), {"resolve": _Loader.resolve})
    if getattr(yaml, "__with_libyaml__", False)
    else _Loader
)


def _yaml_problem(file: str, error: yaml.YAMLError) -> ValidationProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"this is not valid YAML: {problem}"
    if "maximum nesting depth" in problem:
        message = DEPTH_MESSAGE  # libyaml's own limit, met before ours
    elif context:
        message += f" ({context})"
    return ValidationProblem(
        file=file,
        line=mark.line + 1 if mark is not None else None,
        column=mark.column + 1 if mark is not None else None,
        path="(file)",
        message=message,
    )


def _read_yaml(text: str, document: Document) -> None:
    builder = ValueBuilder(document)
    loader = _FastLoader(text)
    try:
        while loader.check_event():
            builder.event(loader.get_event())  # type: ignore[no-untyped-call]
    except yaml.YAMLError as error:
        document.problems.append(_yaml_problem(document.file, error))
        return
    except StopReadingError:
        return
    finally:
        loader.dispose()
    document.data = builder.root


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
    control = _NOT_TEXT.search(text)
    if control is not None:
        line, column = Lines(text).place(control.start())
        document.problem(
            line,
            column,
            "(file)",
            f"the control character U+{ord(control.group()):04X} cannot be in a plan or agency "
            "file (is it a binary file, or one not saved as UTF-8?)",
        )
    elif json_format:
        read_json(text, document)
    else:
        _read_yaml(text, document)
    return document


def read_bytes(path: Path) -> bytes | str:
    """The bytes of a file, or why they cannot be read: not a file, larger than 5 MB (checked
    before reading), unreadable."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return "this is a folder, not a file"
        if not stat.S_ISREG(info.st_mode):
            return "this is not a regular file (a device, a pipe?), so it cannot be read as one"
        size = info.st_size
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
            if len(raw) <= MAX_FILE_BYTES:
                return raw
            size = len(raw)
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    return (
        f"the file has {size:,} bytes{' or more' if size == MAX_FILE_BYTES + 1 else ''}; "
        f"a plan or agency file may have at most {MAX_FILE_BYTES:,} (5 MB)"
    )


#: The documents read last, by name, format and the digest of their bytes: a file read twice in
#: a row (``kh922 validate`` looks at a file before it checks it) is parsed once.
_RECENT: dict[tuple[str, bool, bytes], Document] = {}
_RECENT_LOCK = threading.Lock()


def _copy(document: Document) -> Document:
    return Document(
        document.file, document.data, dict(document.marks), list(document.problems), document.digest
    )


def read_document(path: Path, file: str | None = None) -> Document:
    """Read a file from disk (JSON when its name ends in ``.json``, YAML otherwise).

    The file is read once, and refused before reading when it is larger than 5 MB or is not a
    file.

    Args:
        path: The file.
        file: The name to use in messages; default ``str(path)``.

    Returns:
        The document; its ``problems`` list what made it unreadable (including a missing file).
    """
    name = str(path) if file is None else file
    raw = read_bytes(path)
    if isinstance(raw, str):
        document = Document(file=name, data=None)
        document.problem(None, None, "(file)", raw)
        return document
    json_format = path.suffix.lower() == ".json"
    digest = hashlib.sha256(raw).digest()
    key = (name, json_format, digest)
    with _RECENT_LOCK:
        recent = _RECENT.get(key)
    if recent is not None:
        return _copy(recent)
    document = Document(file=name, data=None)
    kind = next((kind for magic, kind in _NOT_TEXT_FORMATS if raw.startswith(magic)), None)
    if kind is not None:
        message = f"this is {kind}, not text: a plan or agency file is YAML or JSON text"
        document.problem(None, None, "(file)", message)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        document.problem(1, None, "(file)", "the file is UTF-16 text; save it as UTF-8")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            document.problem(line, None, "(file)", "the file is not UTF-8 text; save it as UTF-8")
        else:
            document = read_text(text, name, json_format=json_format)
    document.digest = digest
    with _RECENT_LOCK:
        while len(_RECENT) >= 2:
            del _RECENT[next(iter(_RECENT))]
        _RECENT[key] = document
    return _copy(document)
