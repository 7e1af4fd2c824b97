"""Where a noun of the phrase table covers a place of a text (``giỏi trở lên``, ``trên trung
bình``): the words there are the subject's, not a phrase of the comparison.
"""

from __future__ import annotations

import re

from kh922core._targets.scanner import match_phrase

__all__ = ["in_a_noun"]


def in_a_noun(lower: str, position: int) -> bool:
    """Whether a noun of the phrase table that begins in the few words before ``position`` of
    ``lower`` covers it (``giỏi trở lên``: ``trở lên`` is the noun's)."""
    starts = [m.start() for m in re.finditer(r"(?<!\w)\w", lower[: position + 1])][-6:]
    return any(
        (noun := match_phrase(lower, start, frozenset({"noun"}))) is not None
        and noun.start <= position < noun.end
        for start in starts
    )
