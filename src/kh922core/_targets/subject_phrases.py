"""Phrases among the words before a number, but those inside a noun of the subject.

A subject's noun may hold a phrase's words (``lao động có trình độ đại học trở lên``, ``hộ khá
giả trở lên``, ``hạ tầng``): they are the subject's, no bound of the target and no sign that
the words belong after the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kh922core._targets.change_words import read_after
from kh922core._targets.levels import OPERATOR_ROLES
from kh922core._targets.scanner import Match, match_phrase

__all__ = ["after_number_words", "has_meaning"]

#: The roles of phrases that mean nothing after a number (only ``trở lên``, ``trở xuống`` do).
_ROLES_BEFORE_NUMBER = (
    {*OPERATOR_ROLES, "approx", "rank", "from", "maintain", "filler", "range"}
    | {"rise", "fall", "multiple", "per_year", "to_level", "zero"}
) - {"after_ge", "after_le"}


def _phrases(lower: str, start: int, end: int, words: str = r"\w+|[^\w\s]+") -> Iterator[Match]:
    """The phrases that begin at the ``words`` of ``lower[start:end]``, but inside a noun's
    words (``đại học trở lên``, ``khá giả trở lên``: the subject's, no bound)."""
    covered = start
    for word in re.finditer(words, lower[start:end]):
        found = match_phrase(lower, start + word.start())
        if found is not None and start + word.start() >= covered:
            covered = found.end if found.role == "noun" else covered
            yield found


def after_number_words(lower: str, start: int, end: int) -> bool:
    """Whether ``lower[start:end]`` holds words the grammar reads after a number (``trở lên``,
    ``mỗi năm``, ``lần``, ``điểm %``): in a note they would change the target read back."""
    if any(f.role in ("after_ge", "after_le") for f in _phrases(lower, start, end, r"\S+")):
        return True
    return has_meaning(lower[start:end], frozenset(_ROLES_BEFORE_NUMBER))


def has_meaning(
    words: str, harmless: frozenset[str] = frozenset({"filler", "per_year", "noun"})
) -> bool:
    """Whether ``words`` hold a phrase that means something for a comparison (a role other
    than the ``harmless`` ones), or words of a change after a number (``mỗi năm``, ``lần``)."""
    lower = words.lower()
    # "(tối thiểu": the bracket, then a word; a noun's "trở lên" ("khá giả trở lên") is its own,
    # but a verb inside a noun ("mức nâng") still says the words are no plain name
    covered = {(f.start, f.end) for f in _phrases(lower, 0, len(lower))}
    for word in re.finditer(r"\w+|[^\w\s]+", lower):
        found = match_phrase(lower, word.start())
        if found is None or found.role in {*harmless, "noun"}:
            continue
        if found.role not in ("after_ge", "after_le") or (found.start, found.end) in covered:
            return True
    cues = read_after(" " + words, 0)
    return cues.per_year or cues.points or cues.times
