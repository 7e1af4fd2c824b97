"""The denominators of per units written after a target's number: part of the unit, never
numbers of the target (``15 bác sĩ/10.000 dân``, ``15 bác sĩ/10 000 dân``, ``15 bác sĩ trên
10.000 dân``)."""

from __future__ import annotations

import re

__all__ = ["DENOMINATOR_DIGITS", "PER_WRITTEN", "without_denominators"]

#: The digits of a per unit's denominator ("bác sĩ/10.000 dân", "thuê bao/100 dân"): part of
#: the unit, not a number of the target.
DENOMINATOR_DIGITS = re.compile(
    r"/\s*\d[\d.,]*(?:[ \u00a0]\d{3})*"  # "/10 000 dân": spaces between thousands too
    r"(?=\s*(?:vạn\s+|nghìn\s+|ngàn\s+)?(?:dân|người|hộ|nhân\s+khẩu|lao\s+động|"
    r"trẻ|bé|nữ|học\s+sinh|km|ha|thuê\s+bao|doanh\s+nghiệp)\b)",
    re.IGNORECASE,
)
#: A denominator written with "trên" after a noun ("15 bác sĩ trên 10.000 dân"): a power of ten
#: of inhabitants.  Part of the unit only after the target's number (:func:`without_denominators`):
#: "Dân số đạt trên 10.000 dân" is more than 10.000.
PER_WRITTEN = re.compile(
    r"(?<=[^\W\d_]\s)trên\s+1(?:[.,\u00a0 ]?0){1,5}(?=\s+(?:người\s+)?dân\b)", re.IGNORECASE
)


def without_denominators(text: str) -> str:
    """``text`` with the digits of per units' denominators blanked (:data:`DENOMINATOR_DIGITS`,
    and :data:`PER_WRITTEN` after a first number)."""
    text = _blank(text, DENOMINATOR_DIGITS)
    first = re.search(r"\d", text)
    if first is None:
        return text
    return text[: first.end()] + _blank(text[first.end() :], PER_WRITTEN)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda found: " " * len(found.group(0)), text)
