"""Words of a comparison that the row's own name holds: nouns of the subject, for one parse.

A name may end in a phrase the grammar reads as a comparison: ``Tỷ lệ hộ chưa đạt mức sống
tối thiểu``, ``Tỷ lệ xã được hưởng mức hỗ trợ tối đa``, ``Tỷ lệ ngày có AQI vượt ngưỡng``.  A
cell that repeats the name before its number (``Tỷ lệ hộ chưa đạt mức sống tối thiểu 5%``)
then reads the name's last words as the target's bound (``≥ 5%`` on a row better lower: always
met at 40 %).  While a text is parsed with the row's name (:func:`nouns_of`), such a phrase
*with the word the name has before or after it* (``sống tối thiểu``, ``trợ tối đa``, ``vượt
ngưỡng``) is a noun of the subject, as the nouns of the phrase table are (``hạ tầng``); the
phrase alone, or after other words, keeps its meaning (``Tối thiểu 5%``, ``Mức sống tối
thiểu dưới 5%``).  A name that carries a number after the phrase defines its subject by it
(``Tỷ lệ trẻ em dưới 5 tuổi …``, ``… doanh thu trên 100 tỷ đồng``): no noun is taken from it.
In a row of a share, what is done on time (``hồ sơ được giải quyết trong thời hạn 98%``) is
a noun too: ``trong thời hạn`` bounds a duration (``trong thời hạn 15 ngày``), never a share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

__all__ = ["ends_in_a_noun", "named_noun_at", "nouns_of"]

#: The roles of a comparison (a bound of the level, or its way).
_COMPARING = ("ge", "gt", "le", "lt", "approx", "to_level")
#: The nouns of the row being parsed, longest first.
_NOUNS: ContextVar[tuple[str, ...]] = ContextVar("kh922core_name_nouns", default=())


@lru_cache(maxsize=512)
def _nouns(indicator: str) -> tuple[str, ...]:
    """The nouns that ``indicator``'s name makes of the phrases of comparison it holds."""
    from kh922core._targets.scanner import phrases_of  # the table's phrases, once loaded

    name = " ".join(unicodedata.normalize("NFC", indicator).lower().split())
    words = [(w.start(), w.end()) for w in re.finditer(r"[^\s,;:()]+", name)]
    found: set[str] = set()
    for phrase in phrases_of(*_COMPARING):
        if not phrase[:1].isalpha():
            continue  # a symbol (≥, >) is never a word of a name
        for at in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", name):
            after = name[at.end() :].lstrip()
            if at.start() == 0 or after[:1].isdigit():
                continue  # the name's first words, or a name that defines its subject
            before = [w for w in words if w[1] <= at.start()]
            found.add(name[before[-1][0] : at.end()] if before else phrase)
            following = next((w for w in words if w[0] >= at.end()), None)
            if following is not None:
                found.add(name[at.start() : following[1]])
    return tuple(sorted(found, key=len, reverse=True))


#: Done on time, in a row of a share (``Tỷ lệ hồ sơ được giải quyết trong thời hạn 98%``): the
#: subject's words; in a row of a duration, ``trong thời hạn 15 ngày`` is the bound.
_ON_TIME = tuple(
    f"{verb} trong thời hạn"
    for verb in ("giải quyết", "xử lý", "xét xử", "hoàn thành", "thực hiện", "trả kết quả", "và")
)


@contextmanager
def nouns_of(indicator: str | None, unit: object = None) -> Iterator[None]:
    """Read ``indicator``'s nouns (see the module docstring), and in a row of a share (``unit``
    in %) the words of what is done on time, while the block parses a text."""
    nouns = _nouns(indicator) if isinstance(indicator, str) else ()
    if str(getattr(unit, "text", unit) or "").strip().startswith("%"):
        nouns = (*nouns, *_ON_TIME)
    token = _NOUNS.set(tuple(sorted(nouns, key=len, reverse=True)))
    try:
        yield
    finally:
        _NOUNS.reset(token)


def named_noun_at(lower: str, position: int) -> tuple[str, int] | None:
    """The noun of the row's name that starts at ``position`` of ``lower`` (a whole word), and
    where it ends; ``None`` when none does."""
    if position and lower[position - 1].isalnum():
        return None
    for noun in _NOUNS.get():
        end = position + len(noun)
        if lower.startswith(noun, position) and not lower[end : end + 1].isalnum():
            return noun, end
    return None


def ends_in_a_noun(head: str) -> bool:
    """Whether ``head`` ends in a noun of the phrase table or of the row's name (``gửi cấp
    dưới``, ``… mức sống tối thiểu``): its last word is the noun's, no qualifier."""
    from kh922core._targets.scanner import match_phrase  # the table's nouns, and the name's

    lower = " ".join(head.casefold().split())
    starts = [word.start() for word in re.finditer(r"\S+", lower)][-4:]
    nouns = frozenset({"noun"})
    return any(
        (noun := match_phrase(lower, at, nouns)) is not None and noun.end == len(lower)
        for at in starts
    )
