"""The nouns of the row's name while one text is parsed (see :mod:`kh922core._targets.name_nouns`,
which makes them): the scanner reads them as it reads the nouns of the phrase table.
"""

from __future__ import annotations

from contextvars import ContextVar

__all__ = ["NAME", "NOUNS", "named_noun_at"]

#: The nouns of the row being parsed, longest first.
NOUNS: ContextVar[tuple[str, ...]] = ContextVar("kh922core_name_nouns", default=())
#: The name of the row being parsed, as given (``None``: none given).
NAME: ContextVar[str | None] = ContextVar("kh922core_row_name", default=None)


def named_noun_at(lower: str, position: int) -> tuple[str, int] | None:
    """The noun of the row's name that starts at ``position`` of ``lower`` (a whole word), and
    where it ends; ``None`` when none does."""
    if position and lower[position - 1].isalnum():
        return None
    for noun in NOUNS.get():
        end = position + len(noun)
        if lower.startswith(noun, position) and not lower[end : end + 1].isalnum():
            return noun, end
    return None
