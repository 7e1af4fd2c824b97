"""Where a verb of doing (an ``action`` line of the phrase table) is a filler: where it opens
the text and leads straight to the number.

``Đào tạo 500 người``, ``Phấn đấu hỗ trợ trên 50 doanh nghiệp``, ``Đến năm 2030, số hóa 100%
hồ sơ``: the verb says what is done, the number how much, a level.  Anywhere else the verb is a
word of the subject: after other words (``công nghiệp - xây dựng chiếm 35%``, ``Tỷ lệ vốn đầu tư
30%``), or before words of its own (``Đầu tư công chiếm 20%``, ``Xây dựng Đảng …``: a noun).
Whether the number measures the row (a share of another whole, ``Hỗ trợ 70% mệnh giá thẻ``) is
the row's to say (:mod:`kh922core._targets.counted_opposites`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["leads_to_number", "opens_text"]


class _Found(Protocol):
    @property
    def role(self) -> str: ...

    @property
    def end(self) -> int: ...


#: A phrase of the table at a place of a text (``None``: none starts there), verbs of doing
#: matched wherever they stand (no check of this module: no recursion).
Matcher = Callable[[str, int], "_Found | None"]


def opens_text(lower: str, position: int, match: Matcher) -> bool:
    """Whether only marks and fillers (``Phấn đấu``, ``Hằng năm``, another verb of doing)
    stand before ``position`` of ``lower``."""
    at = 0
    while True:
        while at < position and not lower[at].isalnum():
            at += 1
        if at >= position:
            return True
        found = match(lower, at)
        if found is None or found.role not in ("filler", "per_year") or found.end > position:
            return False
        at = found.end


def leads_to_number(lower: str, end: int, match: Matcher) -> bool:
    """Whether only marks and phrases (comparators, ``khoảng``, fillers, another verb of doing)
    stand between ``end`` and the next number of ``lower`` (or the end of what is read)."""
    at = end
    while True:
        while at < len(lower) and not lower[at].isalnum():
            at += 1
        if at >= len(lower) or lower[at].isdigit():
            return True
        found = match(lower, at)
        if found is None or found.role == "noun":
            return False
        at = found.end
