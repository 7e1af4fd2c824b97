"""Words of a comparison that the row's own name holds: nouns of the subject, for one parse.

A name may end in a phrase the grammar reads as a comparison: ``Tỷ lệ hộ chưa đạt mức sống tối
thiểu``, ``Tỷ lệ xã được hưởng mức hỗ trợ tối đa``, ``Tỷ lệ ngày có AQI vượt ngưỡng``.  A cell that
repeats the name before its number (``Tỷ lệ hộ chưa đạt mức sống tối thiểu 5%``) then reads the
name's last words as the target's bound (``≥ 5%`` on a row better lower: always met at 40 %).
While a text is parsed with the row's name (:func:`nouns_of`), such a phrase *at the end of the
name, with the word the name has before it* (``sống tối thiểu``, ``trợ tối đa``, ``AQI vượt
ngưỡng``) is a noun of the subject, as the nouns of the phrase table are (``hạ tầng``); the phrase
alone, or after other words, keeps its meaning (``Tối thiểu 5%``, ``Mức sống tối thiểu dưới 5%``),
and one inside the name is no noun (``Thu ngân sách nhà nước trên địa bàn``: ``Thu ngân sách nhà
nước trên 20.000 tỷ đồng`` compares).  A name that carries a number after the phrase defines its
subject by it (``Tỷ lệ trẻ em dưới 5 tuổi …``, ``… doanh thu trên 100 tỷ đồng``): no noun is taken
from it.  Only a bound against the row's stated direction is taken so (a lower bound where
lower is better, an upper one where higher is): one that goes the row's way says no more than a
bare number would, and ``Thời gian thông quan tối đa 2 ngày`` keeps its ``≤``.  In a row of a
share, what is done on time (``hồ sơ được giải quyết trong thời hạn 98%``)
is a noun too: ``trong thời hạn`` bounds a duration (``trong thời hạn 15 ngày``), never a share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from kh922core._targets.name_noun_context import NAME, NOUNS
from kh922core._targets.scanner import match_phrase, phrases_of

__all__ = ["ends_in_a_noun", "nouns_of"]

#: The roles of a bound against each direction: a lower bound where lower is better (``≥ 5%``
#: of the poor), an upper one where higher is (where a bound goes the row's way, reading the
#: name's words as it changes nothing a bare number would not say).
_AGAINST = {"lower_is_better": ("ge", "gt"), "higher_is_better": ("le", "lt")}


@lru_cache(maxsize=512)
def _nouns(indicator: str, roles: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns that ``indicator``'s name makes of the phrases of comparison of ``roles`` it
    holds."""
    name = " ".join(unicodedata.normalize("NFC", indicator).lower().split())
    words = [(w.start(), w.end()) for w in re.finditer(r"[^\s,;:()]+", name)]
    found: set[str] = set()
    for phrase in phrases_of(*roles):
        if not phrase[:1].isalpha():
            continue  # a symbol (≥, >) is never a word of a name
        for at in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", name):
            rest = [w for w in words if w[0] >= at.end()]
            if at.start() == 0 or len(rest) > 1 or any(c.isdigit() for c in name[at.end() :]):
                continue  # the name's first words; a phrase inside it ("… trên địa bàn"); a
                # name that defines its subject by a number ("dưới 5 tuổi")
            before = [w for w in words if w[1] <= at.start()]
            end = rest[0][1] if rest else at.end()  # "… AQI vượt ngưỡng": the last word too
            found.add(name[before[-1][0] : end] if before else name[at.start() : end])
    return tuple(sorted(found, key=len, reverse=True))


#: Done on time, in a row of a share (``Tỷ lệ hồ sơ được giải quyết trong thời hạn 98%``): the
#: subject's words; in a row of a duration, ``trong thời hạn 15 ngày`` is the bound.
_ON_TIME = tuple(
    f"{verb} trong thời hạn"
    for verb in ("giải quyết", "xử lý", "xét xử", "hoàn thành", "thực hiện", "trả kết quả", "và")
)


@contextmanager
def nouns_of(
    indicator: str | None, unit: object = None, direction: object = None
) -> Iterator[None]:
    """Read ``indicator``'s nouns (see the module docstring), and in a row of a share (``unit``
    in %) the words of what is done on time, while the block parses a text."""
    roles = _AGAINST.get(str(getattr(direction, "value", direction)), ())
    nouns = _nouns(indicator, roles) if isinstance(indicator, str) and roles else ()
    if str(getattr(unit, "text", unit) or "").strip().startswith("%"):
        nouns = (*nouns, *_ON_TIME)
    token = NOUNS.set(tuple(sorted(nouns, key=len, reverse=True)))
    named = NAME.set(indicator if isinstance(indicator, str) else None)
    try:
        yield
    finally:
        NAME.reset(named)
        NOUNS.reset(token)


def ends_in_a_noun(head: str) -> bool:
    """Whether ``head`` ends in a noun of the phrase table or of the row's name (``gửi cấp
    dưới``, ``… mức sống tối thiểu``): its last word is the noun's, no qualifier."""
    lower = " ".join(head.casefold().split())
    starts = [word.start() for word in re.finditer(r"\S+", lower)][-4:]
    nouns = frozenset({"noun"})
    return any(
        (noun := match_phrase(lower, at, nouns)) is not None and noun.end == len(lower)
        for at in starts
    )
