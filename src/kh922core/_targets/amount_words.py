"""Words around a number that change what it counts: refused by name, never read past.

* ``tăng 2 bậc``, ``tăng 3 vị trí``, ``cải thiện 2 thứ hạng``: a move in a ranking, not points
  of the row's unit (a rank is reached as a group: ``nhóm 30``);
* ``tăng trưởng 2 chữ số``: double-digit growth, not 2;
* ``gấp hai lần rưỡi``, ``gấp đôi rưỡi``, ``gấp hai rưỡi``: two and a half times (the half
  would be dropped);
* ``giảm 1 nửa``, ``giảm 1 phần ba``: a fraction written half in digits (a fall of 1?);
* ``tăng thêm 1 lần`` (doubled: ×2, or ×1?), ``tăng 1 lần``;
* ``Tăng: 2%``, ``Giảm bình quân: 1,5%/năm``, ``Giảm: thành thị 1%, …``: a verb of change
  before a colon (a heading over labels, or the target's own change?); a comparator before one
  is the target's (``Tối thiểu: 90%``);
* a rising multiple of 1 (``tăng gấp 1 lần``: doubled, or the same level?);
* a change written in % in a row in ‰ (``giảm 1%`` of a birth rate in ‰: 1 point of ‰, or 10?);
* an ordinal of the subject as the cell's only number (``Giảm tỷ lệ sinh con thứ 3 trở lên``:
  it was a fall of 3 points).

An amount written in words with no digits (``hàng nghìn doanh nghiệp``, ``một triệu lượt
khách``) is refused by :func:`kh922core._targets.sentence_checks.refuse_amount_in_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.scanner import YEARS, blank, phrases_of
from kh922core._targets.units import Unit, parse_unit
from kh922core._targets.wording import on_change
from kh922core.errors import TargetParseError

__all__ = [
    "refuse_amount_words",
    "refuse_multiple_of_one",
    "refuse_permille_change",
    "refuse_rank_move",
]

#: Verbs of a move in a ranking besides those of rise and fall in the phrase table.
_MOVES = ("nâng hạng", "tụt", "cải thiện", "lên", "xuống", "thăng")


@lru_cache(maxsize=1)
def _rank_move() -> re.Pattern[str]:
    """``tăng 2 bậc``, ``hạ thấp 3 hạng``: a verb of rise or fall (the phrase table's, added
    layers too), then a number of places in a ranking."""
    verbs = sorted({*phrases_of("rise", "fall"), *_MOVES}, key=len, reverse=True)
    spaced = "|".join(r"\s+".join(map(re.escape, verb.split())) for verb in verbs)
    return re.compile(
        rf"(?<!\w)(?:{spaced})\s+"
        r"(?:thêm\s+|ít\s+nhất\s+|tối\s+thiểu\s+|từ\s+|khoảng\s+)?\d[\d.,]*"
        r"(?:\s*[-–]\s*\d+)?\s*(?:bậc|hạng|thứ\s+hạng|vị\s+trí)(?!\w)(?!\s+(?:mục|việc))",
        re.IGNORECASE,
    )


on_change(_rank_move.cache_clear)

_SHAPES: tuple[tuple[re.Pattern[str] | Callable[[], re.Pattern[str]], str, str], ...] = (
    (
        _rank_move,
        "a rank group ('nhóm 30') in a row of ranks",
        "a move in a ranking: a rank is reached as a group, not moved by points",
    ),
    (
        re.compile(r"\d\s*(?:chữ\s+số|con\s+số)(?!\w)", re.IGNORECASE),
        "the number itself ('≥ 10%/năm')",
        "a count of digits (double-digit growth?), not the number",
    ),
    (
        re.compile(
            r"(?<!\w)(?:lần|đôi|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+rư[ỡởõ]i(?!\w)",
            re.IGNORECASE,
        ),
        "the multiple in digits ('gấp 2,5 lần')",
        "a multiple and a half in words: the half would be lost",
    ),
    (
        re.compile(
            r"\d\s+(?:nửa|phần\s+(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười))(?!\w)", re.IGNORECASE
        ),
        "the fraction as a percentage ('giảm 50%')",
        "a fraction written in digits and words",
    ),
    (
        re.compile(
            r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d[\d.,]*\s*(?!gấp\b)[^\W\d_]+"
            r"(?:\s+(?!gấp\b)[^\W\d_]+)?\s+rư[ỡởõ]i(?!\w)",
            re.IGNORECASE,
        ),
        "the number with its half in digits ('1,5 ngày')",
        "a half in words after the unit ('1 ngày rưỡi'): the half would be lost",
    ),
    (
        re.compile(
            r"[½¼¾⅓⅔⅛]|^[^\d]*(?<!một\s)(?<!\w)nửa\s+(?:ngày|giờ|tiếng|tuần|tháng|năm|buổi)"
            r"(?!\w)[^\d]*$",
            re.IGNORECASE,
        ),
        "the amount in digits ('0,5 ngày')",
        "a fraction in a sign or in words, which no number of the target holds",
    ),
    (
        re.compile(r"(?<![^\W\d_])[kKMGT]B(?:ps|\s*/\s*(?:s|giây))(?!\w)"),
        "bits a second ('Mbps', 'Mb/s'), or the bytes converted (1 MB/s = 8 Mbps)",
        "bytes a second (8 bits each), or bits written loosely?",
    ),
    (
        re.compile(r"(?<![\w.,])\d{1,3}h(?:\d{2})?(?!\w)"),
        "the hours with their unit ('2 giờ')",
        "hours written 'h': the number would be a target in words",
    ),
    (
        re.compile(r"^\s*\(\s*\d[\d.,]*\s*%?\s*\)\s*$"),
        "the number with its sign ('-2%') or without brackets ('2%')",
        "a number in brackets alone: a negative, as accounts write it, or the number?",
    ),
    (
        re.compile(r"(?<!\w)tăng\s+(?:thêm\s+[\d.,]+|1)\s*lần(?!\w)", re.IGNORECASE),
        "the multiple of the base ('gấp 2 lần')",
        "'tăng thêm N lần': the base and N more times, or N times the base?",
    ),
    (
        re.compile(
            r"(?<!\w)(?<!độ\s)(?:tăng(?:\s+thêm)?|giảm|gấp|hạ|nâng|mức\s+(?:tăng|giảm))"
            r"(?:\s+(?:bình\s+quân|hàng\s+năm|hằng\s+năm|mỗi\s+năm))?(?:\s*\(%\))?"
            r"(?:\s*/\s*năm)?\s*:",
            re.IGNORECASE,
        ),
        "the verb with the number ('giảm 1%')",
        "a verb of change before ':': a heading over labels, or the target's own change?",
    ),
)


#: An ordinal of the subject: "sinh con thứ 3 (trở lên)", "lần thứ 2".
_ORDINAL = re.compile(
    r"(?<!\w)(?:con|lần)\s+thứ\s+\d+(?:\s*trở\s+(?:lên|xuống))?(?![\w.,])", re.IGNORECASE
)


def refuse_amount_words(text: str, unit: Unit | None) -> None:
    """Refuse the shapes of the module docstring (all but the ‰ change; a move in a ranking in
    a row of ranks is refused as every change of a rank is), and a cell whose only number is
    an ordinal of its subject (``Giảm tỷ lệ sinh con thứ 3 trở lên``: a fall of 3 points?)."""
    ordinal = _ORDINAL.search(text)
    if ordinal is not None and not re.search(r"\d", blank(blank(text, YEARS), _ORDINAL)):
        raise TargetParseError(
            text,
            ordinal.start(),
            "the target's own number ('dưới 10%', 'giảm 0,5%')",
            reason=f"{ordinal.group(0)!r} names the subject (an ordinal): no number of the target",
        )
    ranked = unit is not None and unit.is_rank
    for shape, expected, reason in _SHAPES[1:] if ranked else _SHAPES:
        pattern = shape if isinstance(shape, re.Pattern) else shape()
        found = pattern.search(text)
        if found is not None:
            raise TargetParseError(
                text, found.start(), expected, reason=f"{found.group(0).strip()!r}: {reason}"
            )


#: A verb of rise before a multiple: "tăng gấp 1 lần" (often meant: doubled).
_RISE = re.compile(r"(?<!\w)(?:tăng|nâng|lên)(?!\w)", re.IGNORECASE)


#: Units of a place in a ranking: a change in them is a move, whatever its verb.
_PLACES = frozenset({"hạng", "bậc", "thứ hạng", "vị trí", "bậc hạng"})


#: Places of a ranking right after the target's number (``tiến 5 bậc``, ``lên 5 hạng``): a
#: move, whatever the words before it; not ``hạng mục``, ``bậc học``, nor ``10 vị trí dẫn đầu``
#: (a group).
_PLACES_AFTER = re.compile(
    r"\s*(?:bậc|hạng|thứ\s+hạng|vị\s+trí)(?!\w)"
    r"(?!\s+(?:mục|việc|học|nghề|thang|đào\s+tạo|dẫn\s+đầu|đầu|cao\s+nhất|tốt\s+nhất))",
    re.IGNORECASE,
)


#: Words after a place word that make a noun of it (``hạng mục``, ``bậc học``).
_NAMED = re.compile(r"(?:mục|việc|học|nghề|thang)(?!\w)", re.IGNORECASE)


def refuse_rank_move(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a change counted in places of a ranking (``hạng có thêm 3``, as
    :func:`refuse_amount_words` refuses ``tăng 3 hạng``) in a row that is no rank, and places
    right after the number whatever the verb (``Chỉ số PCI tiến 5 bậc`` used to be the group of
    the top 5)."""
    dated = blank(text, YEARS)  # "8-10 thứ hạng … năm 2030": the year is no target's number
    written = (getattr(spec, "unit", None) or "").casefold()
    for number in NUMBER_PATTERN.finditer(dated):
        if number.group(0) == "0":
            continue  # "≤ 0 hạng", as "xóa xong hạng" renders: none at all, no move
        moved = _PLACES_AFTER.match(dated, number.end())
        note = getattr(spec, "note", None) or ""
        placed = written in _PLACES and spec.change is None and not _NAMED.match(note)
        if moved is not None or placed:  # "6.388,3 thứ hạng"; not "5 hạng mục công trình"
            said = (
                f"{text[number.start() : moved.end()].strip()!r}: a move in a ranking, not a rank"
                if moved
                else f"{written!r} as the unit: a place in a ranking, a rank is a group"
            )
            raise TargetParseError(
                text, number.start(), "the rank to reach ('nhóm 20', 'xếp thứ 10')", reason=said
            )
    if spec.change is not None and written in _PLACES and not (unit is not None and unit.is_rank):
        raise TargetParseError(
            text,
            0,
            "a rank group ('nhóm 30') in a row of ranks",
            reason=f"a change in {written!r}: a move in a ranking: a rank is reached as a group, "
            "not moved by points",
        )


def refuse_multiple_of_one(text: str, spec: TargetSpec) -> None:
    """Refuse a rise by a multiple of 1 (``tăng gấp 1 lần``, ``tăng lên 1 lần``): doubled, as the
    phrase is often meant, or the same level, which a level that never moved meets?  Without a
    verb of rise (``gấp 1 lần``) it is the base's level."""
    change = spec.change
    if change is None or change.kind.value != "multiple" or getattr(spec, "value", None) != 1:
        return
    if not _RISE.search(text):
        return  # "gấp 1 lần so với năm 2025": the base's level, as a render writes it
    raise TargetParseError(
        text,
        0,
        "the multiple of the base ('gấp 2 lần') or the change in % ('tăng 100%')",
        reason="a multiple of 1: doubled, or the same level?",
    )


def refuse_permille_change(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a change written in % in a row in ‰ (``giảm 1%`` of a rate in ‰)."""
    change = spec.change
    own = getattr(spec, "unit", None) or ""
    if change is None or unit is None or unit.expression != "permille" or "%" not in own:
        return
    if parse_unit(own).expression == "permille":  # "%o", a per mille written with letters
        return
    raise TargetParseError(
        text,
        max(text.find("%"), 0),
        "the change in the row's unit ('giảm 1‰')",
        reason=f"a change in % in a row in {unit.text!r}: points of ‰ read as %, ten times off",
    )
