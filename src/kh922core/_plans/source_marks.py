"""What the readers of plan files share: where each value was written, and the limits of a file.

A plan or agency file is read into plain values and a :class:`Mark` for each of them, kept by its
path in the document (``("targets", 3, "text")``), so that a later problem can name its line.
The readers (:mod:`kh922core._plans.strict_yaml` for YAML, :mod:`kh922core._plans.strict_json`
for JSON) hold every file to the same limits, checked while the file is read, never after:

==========================  ===================================================================
limit                       why
==========================  ===================================================================
5 MB a file                 the largest plan known is about 120 kB; checked before reading
100 levels of nesting       a plan nests about 6 levels; deeper input would exhaust the stack
100,000 values              an alias counts every value it repeats ("billion laughs")
keys of 200 characters      keys are short words (``id``, ``text``)
whole numbers of 18 digits  larger ones are no count a plan makes (and overflow 64 bits)
numbers of 40 characters    longer decimals (or ones beyond 1.8e308) are no measure either
==========================  ===================================================================
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from kh922core.errors import ValidationProblem

__all__ = [
    "DEPTH_MESSAGE",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_KEY_LENGTH",
    "MAX_VALUES",
    "Counter",
    "Document",
    "Lines",
    "Mark",
    "PathKey",
    "StopReadingError",
    "format_path",
    "key_problem",
    "read_number",
    "shown",
]

PathKey = tuple[str | int, ...]

#: The largest plan or agency file read (bytes); larger files are refused before reading.
MAX_FILE_BYTES = 5_000_000
#: The deepest nesting of lists and blocks read.
MAX_DEPTH = 100
#: The most values a file may hold (an alias counts every value it repeats).
MAX_VALUES = 100_000
#: The longest key read.
MAX_KEY_LENGTH = 200
#: What a file nested too deeply is told.
DEPTH_MESSAGE = (
    f"the values are nested more than {MAX_DEPTH} levels deep; "
    "a plan or agency file is never nested so deeply"
)
_MAX_WHOLE_DIGITS = 18
_MAX_NUMBER_LENGTH = 40


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
            Several documents read from the same bytes may share it: do not change it.
        marks: Path of every value → where it was written.
        problems: What made the file (partly) unreadable.
        digest: The SHA-256 of the bytes read, when the document was read from a file.
    """

    file: str
    data: Any
    marks: dict[PathKey, Mark] = field(default_factory=dict)
    problems: list[ValidationProblem] = field(default_factory=list)
    digest: bytes | None = None

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

    def problem(
        self,
        line: int | None,
        column: int | None,
        path: PathKey | str,
        message: str,
        value: str | None = None,
    ) -> None:
        """Record a problem of the file."""
        where = path if isinstance(path, str) else format_path(path)
        self.problems.append(ValidationProblem(self.file, line, column, where, message, value))


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


class StopReadingError(Exception):
    """Reading a file stops here; the problem that stopped it is in the document."""


class Lines:
    """Line and column (one-based) of a character offset in a text.

    Examples:
        >>> Lines("ab\\ncd").place(4)
        (2, 2)
    """

    def __init__(self, text: str) -> None:
        self._starts = [0]
        position = text.find("\n")
        while position >= 0:
            self._starts.append(position + 1)
            position = text.find("\n", position + 1)

    def place(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


class Counter:
    """Counts the values of a file as they are read, and stops the reading at a limit."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.values = 0

    def add(self, path: PathKey, line: int, column: int, *, count: int = 1, depth: int = 0) -> None:
        """Count ``count`` values written at ``path`` (and nested ``depth`` levels below it).

        Raises:
            StopReadingError: When the file holds too many values or nests them too deeply.
        """
        self.values += count
        if len(path) + depth > MAX_DEPTH:
            self.document.problem(line, column, "(file)", DEPTH_MESSAGE)
            raise StopReadingError
        if self.values > MAX_VALUES:
            self.document.problem(
                line,
                column,
                path,
                f"the file holds more than {MAX_VALUES:,} values (an alias counts every value "
                "it repeats); that is too large for a plan or agency file",
            )
            raise StopReadingError


def shown(text: str) -> str:
    """A long text cut to show in a message.

    Examples:
        >>> shown("1" * 30)
        '11111111111111111111… (30 characters)'
    """
    return text if len(text) <= 24 else f"{text[:20]}… ({len(text):,} characters)"


def key_problem(key: str) -> str | None:
    """What is wrong with a key that is too long to be a field's name (``None`` if nothing)."""
    if len(key) <= MAX_KEY_LENGTH:
        return None
    return (
        f"a key of {len(key):,} characters; keys are short words such as 'id' or 'text' "
        f"(at most {MAX_KEY_LENGTH} characters)"
    )


def read_number(text: str, *, whole: bool) -> tuple[int | float | None, str | None]:
    """The value of a number written ``text``, or ``None`` and why it cannot be used.

    The length is checked before converting, so that no text is too long for Python to convert.

    Examples:
        >>> read_number("2030", whole=True)
        (2030, None)
        >>> read_number("1" * 19, whole=True)[1]
        "a whole number of 19 digits; a plan's whole numbers have at most 18 (put it in quotes if it is text)"
        >>> read_number("1e999", whole=False)[1]
        'a number too large to compute with (more than 1.8e308); put it in quotes if it is text'
    """  # noqa: E501
    if whole:
        digits = len(text.lstrip("+-"))
        if digits > _MAX_WHOLE_DIGITS:
            return None, (
                f"a whole number of {digits:,} digits; a plan's whole numbers have at most "
                f"{_MAX_WHOLE_DIGITS} (put it in quotes if it is text)"
            )
        return int(text), None
    if len(text) > _MAX_NUMBER_LENGTH:
        return None, (
            f"a number written with {len(text):,} characters; a plan's numbers have at most "
            f"{_MAX_NUMBER_LENGTH} (put it in quotes if it is text)"
        )
    value = float(text)
    if not math.isfinite(value):
        return None, (
            "a number too large to compute with (more than 1.8e308); put it in quotes if it is text"
        )
    return value, None
