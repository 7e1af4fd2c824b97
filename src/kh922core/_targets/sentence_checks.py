"""Shapes of a sentence that the grammar refuses before reading it: a verb that may end the
measure's name (``Tỷ lệ khu công nghiệp mở rộng 40%``), and a dash before the number that may
be a list mark or a minus sign (``- 2%`` of a rate; ``-95%`` of a share, which is never below 0).
"""

from __future__ import annotations

import re

from kh922core._targets.scanner import Match
from kh922core._targets.unit_fit import is_rate, is_share
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["refuse_amount_in_words", "refuse_sign_or_mark", "refuse_verb_or_name"]

#: A dash set apart before the first number: "- 2%", "– 2%".
_DASH_APART = re.compile(r"^\s*[-–—−]\s+\d")
#: A dash glued to the first number: "-95%".
_DASH_GLUED = re.compile(r"^\s*[-−]\d")
#: Dimensions whose levels may be below 0: money, growth, scores of an index, temperatures.
_SIGNED = ("currency", "growth", "index", "temperature")


#: An amount written in words, in a text with no digits: a share (``một nửa``, ``phần trăm``) or
#: a sign (``không âm``): read as a target in words, its number would be lost.
_AMOUNT_WORDS = re.compile(
    r"(?<!\w)(?:một\s+nửa|phần\s+(?:trăm|nghìn|ngàn))(?!\w)|(?<=\s)âm(?=\s*(?:$|[,.;)]))",
    re.IGNORECASE,
)


def refuse_amount_in_words(text: str) -> None:
    """Refuse a text with no digits whose words write an amount (``chiếm một nửa tổng số``,
    ``một trăm phần trăm``, ``tăng trưởng không âm``): a target in words would drop it."""
    found = _AMOUNT_WORDS.search(text)
    if found is not None:
        raise TargetParseError(
            text,
            found.start(),
            "the amount in digits ('≥ 50%', '≥ 0%/năm')",
            reason=f"{found.group(0)!r} writes an amount in words: a target in words would drop it",
        )


def _never_negative(unit: Unit) -> bool:
    """Whether no level in ``unit`` is below 0: a share, a count, a duration, an area …"""
    if is_share(unit):
        return True
    return unit.dimension != "dimensionless" and not any(w in unit.dimension for w in _SIGNED)


#: Verbs that also end the name of a measure ("Tỷ lệ khu công nghiệp mở rộng", "… nâng cao").
_NAME_VERBS = frozenset({"mở rộng", "nâng cao", "gia tăng"})


def refuse_verb_or_name(text: str, prefix: list[Match], subject: str | None, at: int) -> None:
    """Refuse a subject, one of :data:`_NAME_VERBS` and the number right after it (``Tỷ lệ
    khu công nghiệp mở rộng 40%``): a change of the measure, or a word of its name?"""
    verbs = [m for m in prefix if m.role in ("rise", "fall")]
    if not subject or len(verbs) != 1 or len(prefix) != 1:
        return
    verb = verbs[0]
    if verb.phrase.casefold() in _NAME_VERBS and not text[verb.end : at].strip():
        raise TargetParseError(
            text,
            verb.start,
            f"a verb with its words ('{verb.phrase} thêm 40%', '{verb.phrase} lên 40%') or the "
            "measure's name in its own column",
            reason=f"{verb.phrase!r} right before the number: a change of the measure, or a word "
            "of its name?",
        )


def refuse_sign_or_mark(text: str, unit: Unit | None) -> None:
    """Refuse ``- 2%`` where a level may be below 0 (a rate of change, no unit: a list mark, or
    a minus sign set apart?), and ``-95%`` where none is (a share, a count: a list mark glued
    to the number?)."""
    if _DASH_APART.match(text) is not None and (unit is None or is_rate(unit)):
        raise TargetParseError(
            text,
            0,
            "a minus sign glued to its number ('-2%'), or no dash before the number",
            reason=f"{text.strip()[:12]!r}: a list mark, or a minus sign set apart?",
        )
    if _DASH_GLUED.match(text) is not None and unit is not None and _never_negative(unit):
        raise TargetParseError(
            text,
            0,
            "the number without a dash before it ('95%'), or a list mark set apart ('- 95%')",
            reason=f"{text.strip()[:12]!r}: no level in {unit.text!r} is below 0: a list mark "
            "glued to the number?",
        )
