"""The library's exception hierarchy, and the problem records its errors carry.

Every error that kh922core raises on bad input derives from :class:`Kh922Error`.  The specific
subclasses also inherit the built-in exception a caller would naturally expect (``ValueError``
for a bad value, ``KeyError`` for an unknown identifier, ``FileNotFoundError`` for a missing
file), so ``except ValueError`` keeps working::

    Kh922Error
    ├── TargetParseError (ValueError)
    ├── NumberFormatError (ValueError)
    ├── DateFormatError (ValueError)
    ├── DeadlineParseError (ValueError)
    ├── WordingError (ValueError)
    ├── UnknownFormatError (ValueError)
    ├── MissingDependencyError (ImportError)
    ├── UnitError (ValueError)
    │   ├── UnknownUnitError
    │   └── IncompatibleUnitError
    ├── InvalidValueError (TypeError)
    ├── UnsupportedFrameError (TypeError)
    ├── UnknownIdError (KeyError)
    │   ├── UnknownIndicatorError
    │   ├── UnknownTargetError
    │   ├── UnknownTaskError
    │   └── UnknownAgencyError
    ├── MissingFileError (FileNotFoundError)
    │   └── PlanNotFoundError
    ├── DateRangeError (ValueError)
    ├── TableImportError (ValueError)
    ├── PlanValidationError (ValueError)
    └── ObservationError (ValueError)

Examples:
    >>> import kh922core
    >>> from kh922core.errors import Kh922Error, UnknownTaskError
    >>> try:
    ...     kh922core.load_plan().task("task-99")
    ... except UnknownTaskError as error:
    ...     print(error)
    plan 'ben-tre-922-2025' has no task 'task-99'
    >>> issubclass(UnknownTaskError, KeyError) and issubclass(UnknownTaskError, Kh922Error)
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kh922core._text import did_you_mean as _did_you_mean

__all__ = [
    "DateFormatError",
    "DateRangeError",
    "DeadlineParseError",
    "IncompatibleUnitError",
    "InvalidValueError",
    "Kh922Error",
    "MissingDependencyError",
    "MissingFileError",
    "NumberFormatError",
    "ObservationError",
    "ObservationProblem",
    "PlanNotFoundError",
    "PlanValidationError",
    "TableImportError",
    "TargetParseError",
    "UnitError",
    "UnknownAgencyError",
    "UnknownFormatError",
    "UnknownIdError",
    "UnknownIndicatorError",
    "UnknownTargetError",
    "UnknownTaskError",
    "UnknownUnitError",
    "UnsupportedFrameError",
    "ValidationProblem",
    "WordingError",
]


class Kh922Error(Exception):
    """Root of every error raised by kh922core."""


class TargetParseError(Kh922Error, ValueError):
    """A target text could not be understood.

    Attributes:
        text: The text that was being parsed, verbatim.
        position: Zero-based character offset where parsing failed.
        expected: What the grammar expected at ``position``.
        parts: For a cell that holds several targets, the parts found.
    """

    def __init__(
        self,
        text: str,
        position: int,
        expected: str,
        *,
        reason: str | None = None,
        parts: Sequence[str] = (),
    ) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        self.reason = reason
        self.parts = tuple(parts)
        head = reason or f"expected {expected}"
        pointer = " " * (position + 4) + "^"
        message = (
            f"cannot parse target {text!r} at position {position}: {head}\n    {text}\n{pointer}"
        )
        if reason is not None:
            message += f"\n(expected {expected})"
        super().__init__(message)


class UnitError(Kh922Error, ValueError):
    """A unit text is unknown, or two units cannot be converted into each other."""


class UnknownUnitError(UnitError):
    """A unit text that the unit definitions do not know."""

    def __init__(self, text: str, suggestions: Sequence[str] = ()) -> None:
        self.text = text
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        if not text.strip():  # read as a plain number, 55 % would be 0,55
            hint = ": an empty unit text is no unit; leave the unit out (None), or write 'fraction'"
        super().__init__(f"unknown unit {text!r}{hint}")


class IncompatibleUnitError(UnitError):
    """Two units of different dimensions (or a rank and anything else)."""

    def __init__(self, source: str, target: str, detail: str = "") -> None:
        self.source = source
        self.target = target
        extra = f" ({detail})" if detail else ""
        super().__init__(f"cannot convert unit {source!r} to {target!r}{extra}")


class UnknownIdError(Kh922Error, KeyError):
    """An identifier (of an indicator, target, task or agency) that is not known."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message readable.
        return str(self.args[0]) if self.args else ""


class UnknownIndicatorError(UnknownIdError):
    """An indicator id that the plan does not define."""


class UnknownTargetError(UnknownIndicatorError):
    """A target id that the plan does not define.

    It is also an :class:`UnknownIndicatorError`, which earlier versions raised for targets.
    """


class UnknownTaskError(UnknownIdError):
    """A task id that the plan does not define."""


class UnknownAgencyError(UnknownIdError):
    """An agency id or name that the agency registry does not know."""


class WordingError(Kh922Error, ValueError):
    """A line of a target-phrase file that cannot be read (it names the file and the line)."""


class UnknownFormatError(Kh922Error, ValueError):
    """A file name or format name that no output format answers to.

    Attributes:
        given: The file or format name, as given.
        known: The names of the formats that were possible.
    """

    def __init__(
        self, given: str, known: Sequence[tuple[str, Sequence[str]]], *, why: str = ""
    ) -> None:
        self.given = given
        self.known = tuple(name for name, _ in known)
        listed = ", ".join(f"{name} ({', '.join(suffixes)})" for name, suffixes in known)
        hint = _did_you_mean(given.strip().lower().lstrip("."), self.known)
        why = why or "unknown file format"
        super().__init__(f"{why} {given!r}{hint}; the formats are {listed}")


class MissingDependencyError(Kh922Error, ImportError):
    """A feature needs an optional dependency that is not installed (the message names the
    extra to install)."""


class NumberFormatError(Kh922Error, ValueError):
    """A token that looks like a number but follows no Vietnamese number format."""


class DateFormatError(Kh922Error, ValueError):
    """A text given for a date that is not an ISO ``YYYY-MM-DD`` date.

    Attributes:
        parameter: The parameter (or column, or option) the text was given for.
        text: The text, verbatim.
    """

    def __init__(self, parameter: str, text: str) -> None:
        self.parameter = parameter
        self.text = text
        super().__init__(f"{parameter} must be a date written YYYY-MM-DD, got {text!r}")


class InvalidValueError(Kh922Error, TypeError):
    """A value of the wrong type for a target (a boolean where a number belongs)."""


class UnsupportedFrameError(Kh922Error, TypeError):
    """A table of a kind that no backend of the engine takes.

    Attributes:
        kind: The type name of what was given.
    """

    def __init__(self, frame: object, supported: Sequence[str], what: str = "observations") -> None:
        self.kind = type(frame).__name__
        super().__init__(f"{what} must be {' or '.join(supported)}, got {self.kind}")


class DateRangeError(Kh922Error, ValueError):
    """A period whose end comes before its start.

    Attributes:
        start: The first day given.
        end: The last day given.
    """

    def __init__(self, start: object, end: object, what: str = "the period") -> None:
        self.start = start
        self.end = end
        super().__init__(f"{what} ends ({end}) before it starts ({start})")


class MissingFileError(Kh922Error, FileNotFoundError):
    """A file the caller named that does not exist (or is not a file)."""

    def __init__(self, message: str, filename: str | None = None) -> None:
        super().__init__(message)
        self.filename = filename

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class PlanNotFoundError(MissingFileError):
    """A plan (or agency) file that does not exist, and is not the id of a shipped one."""


class TableImportError(Kh922Error, ValueError):
    """A file whose appendix tables cannot be imported: not an office file, an old binary or
    encrypted document, a damaged archive, or no table with a recognisable header."""


class DeadlineParseError(Kh922Error, ValueError):
    """A deadline text ("Thời gian hoàn thành") that does not follow a known form."""


@dataclass(frozen=True, slots=True)
class ValidationProblem:
    """One problem found in a plan file.

    Attributes:
        file: Path of the file, as given.
        line: One-based line number, or ``None`` when unknown.
        column: One-based column number, or ``None`` when unknown.
        path: Field path inside the document, e.g. ``targets[3].text``.
        message: What is wrong and what was expected.
        value: The offending value, rendered with ``repr``, or ``None``.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        got = f" (got {self.value})" if self.value is not None else ""
        return f"{where}: {self.path}: {self.message}{got}"


class PlanValidationError(Kh922Error, ValueError):
    """A plan file has one or more problems; all of them are in :attr:`problems`."""

    def __init__(self, problems: Sequence[ValidationProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in plan file:\n{lines}")


@dataclass(frozen=True, slots=True)
class ObservationProblem:
    """One kind of problem found in an observations table.

    Attributes:
        column: The column concerned.
        message: What is wrong and what was expected.
        rows: Zero-based row indices affected (at most the first 20).
        values: The offending values, rendered as text (at most the first 20).
        count: How many rows are affected in total.
    """

    column: str
    message: str
    rows: tuple[int, ...] = ()
    values: tuple[str, ...] = ()
    count: int = 0

    def __str__(self) -> str:
        parts = [f"column {self.column!r}: {self.message}"]
        if self.count:
            parts.append(f"{self.count} row(s)")
        if self.rows:
            parts.append(f"rows {list(self.rows)}")
        if self.values:
            parts.append(f"values {list(self.values)}")
        return "; ".join(parts)


class ObservationError(Kh922Error, ValueError):
    """An observations table that cannot be evaluated; every problem is in :attr:`problems`."""

    def __init__(self, problems: Sequence[ObservationProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in observations:\n{lines}")
