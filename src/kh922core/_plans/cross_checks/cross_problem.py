"""A :class:`CrossProblem`, and how every cross-check reads a plan: the same way from a validated
model and from a plan file's raw data (dicts and lists).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kh922core._text import did_you_mean

__all__ = [
    "CrossProblem",
    "PathKey",
    "date_or_none",
    "ids_of",
    "items_of",
    "text_of",
    "unknown_reference",
    "value_of",
]

PathKey = tuple[str | int, ...]

_ALIASES = {"from": "from_"}


@dataclass(frozen=True, slots=True)
class CrossProblem:
    """One problem that involves more than one field.

    Attributes:
        path: Path of the offending value, e.g. ``("targets", 3, "indicator")``.
        message: What is wrong and what was expected, in plain words.
        value: The offending value, or ``None``.
    """

    path: PathKey
    message: str
    value: object = None


def value_of(item: object, name: str) -> Any:
    """The field ``name`` of a model or of a raw dict (``None`` when absent).

    Examples:
        >>> value_of({"from": "2025-03-01"}, "from")
        '2025-03-01'
    """
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, _ALIASES.get(name, name), None)


def items_of(item: object, name: str) -> list[Any]:
    """The list field ``name`` of a model or raw dict (empty when absent or not a list)."""
    value = value_of(item, name)
    return list(value) if isinstance(value, list | tuple) else []


def text_of(value: object) -> str | None:
    """A unit or deadline as its text (raw data holds the text, models hold an object)."""
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else None


def date_or_none(value: object) -> date | None:
    """A date, or an ISO date text as raw data holds it; ``None`` otherwise."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def ids_of(items: list[Any]) -> list[str]:
    """The ``id`` of every item that has one (a text)."""
    return [i for i in (value_of(item, "id") for item in items) if isinstance(i, str)]


def unknown_reference(
    path: PathKey, value: object, known: Sequence[str], what: str, where: str
) -> Iterator[CrossProblem]:
    """A problem when ``value`` names a ``what`` that ``known`` does not hold (with a hint)."""
    if isinstance(value, str) and value not in known:
        yield CrossProblem(
            path,
            f"names the {what} {value!r}, which is not defined {where}{did_you_mean(value, known)}",
            value,
        )
