"""Words around a number that change what it counts: refused by name, never read past.

* ``tăng 2 bậc``, ``tăng 3 vị trí``, ``tăng 2 hạng``: a move in a ranking, not points of the
  row's unit (a rank is reached as a group: ``nhóm 30``);
* ``tăng trưởng 2 chữ số``: double-digit growth, not 2;
* ``gấp hai lần rưỡi``, ``gấp đôi rưỡi``: two and a half times (the half would be dropped);
* ``giảm 1 nửa``, ``giảm 1 phần ba``: a fraction written half in digits (a fall of 1?);
* ``tăng thêm 1 lần`` (doubled: ×2, or ×1?), ``tăng 1 lần``;
* ``Tăng: 2%``, ``Giảm: thành thị 1%, …``: a verb or a comparator before a colon (a heading
  over labels, or the target's own?);
* a change written in % in a row in ‰ (``giảm 1%`` of a birth rate in ‰: 1 point of ‰, or 10?).

An amount written in words with no digits (``hàng nghìn doanh nghiệp``, ``một triệu lượt
khách``) is refused by :func:`kh922core._targets.sentence_checks.refuse_amount_in_words`.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["refuse_amount_words", "refuse_permille_change"]

_SHAPES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\d\s*(?:bậc|hạng|vị\s+trí)(?!\w)(?!\s+(?:mục|việc))", re.IGNORECASE),
        "a rank group ('nhóm 30') in a row of ranks",
        "a move in a ranking: a rank is reached as a group, not moved by points",
    ),
    (
        re.compile(r"\d\s*(?:chữ\s+số|con\s+số)(?!\w)", re.IGNORECASE),
        "the number itself ('≥ 10%/năm')",
        "a count of digits (double-digit growth?), not the number",
    ),
    (
        re.compile(r"(?<!\w)(?:lần|đôi)\s+rưỡi(?!\w)", re.IGNORECASE),
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
        re.compile(r"(?<!\w)tăng\s+(?:thêm\s+[\d.,]+|1)\s*lần(?!\w)", re.IGNORECASE),
        "the multiple of the base ('gấp 2 lần')",
        "'tăng thêm N lần': the base and N more times, or N times the base?",
    ),
    (
        re.compile(
            r"(?<!\w)(?:tăng(?:\s+thêm)?|giảm|gấp|hạ|nâng|dưới|trên|tối\s+đa|tối\s+thiểu|"
            r"ít\s+nhất|không\s+quá|khoảng|mức\s+(?:tăng|giảm))\s*:",
            re.IGNORECASE,
        ),
        "the verb or comparator with the number of each part ('giảm 1%')",
        "a verb or a comparator before ':': a heading over labels, or the target's own?",
    ),
)


def refuse_amount_words(text: str, unit: Unit | None) -> None:
    """Refuse the shapes of the module docstring (all but the ‰ change; a move in a ranking in
    a row of ranks is refused as every change of a rank is)."""
    ranked = unit is not None and unit.is_rank
    for pattern, expected, reason in _SHAPES[1:] if ranked else _SHAPES:
        found = pattern.search(text)
        if found is not None:
            raise TargetParseError(
                text, found.start(), expected, reason=f"{found.group(0).strip()!r}: {reason}"
            )


def refuse_permille_change(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a change written in % in a row in ‰ (``giảm 1%`` of a rate in ‰)."""
    change = spec.change
    own = getattr(spec, "unit", None) or ""
    if change is None or unit is None or "‰" not in unit.text or "%" not in own:
        return
    raise TargetParseError(
        text,
        max(text.find("%"), 0),
        "the change in the row's unit ('giảm 1‰', 'giảm 1 điểm ‰')",
        reason=f"a change in % in a row in {unit.text!r}: points of ‰ read as %, ten times off",
    )
