"""Letters typed for digits: ``O,8%``, ``1OO%``, ``l00%``, ``8o%``.

A capital O or a small o for a zero, a small l or a capital I for a one: the number is no number
the grammar reads, and the text would be a target in words, its number lost.  Refused, naming the
letters.
"""

from __future__ import annotations

import re

from kh922core.errors import TargetParseError

__all__ = ["refuse_letters_for_digits"]

#: A token of digits and O, o, l, I with at least one digit and one such letter, standing alone
#: or before a per cent sign (``O,8%``, ``1OO``, ``l00%``); never a word's letters (``IPv6``,
#: ``COVID-19``, ``5G``).
_TYPED = re.compile(
    r"(?<![\w.,])(?=[\dOolI.,]*\d)(?=[\dOolI.,]*[OolI])[\dOolI][\dOolI.,]*(?=\s*%|\s|$|[;)])"
    r"|(?<![\w.,])\d{1,3}[ \u00a0](?:OOO|ooo)(?![\w])"  # "1 OOO doanh nghiệp"
)


def refuse_letters_for_digits(text: str) -> None:
    """Refuse a number with letters typed for its digits (``Đạt O,8%``, ``1OO%``).

    Examples:
        >>> refuse_letters_for_digits("Phủ sóng 5G, IPv6 toàn tỉnh")  # letters of a word: kept
        >>> refuse_letters_for_digits("1OO%")
        Traceback (most recent call last):
        ...
        kh922core.errors.TargetParseError: cannot parse target '1OO%' at position 0: ...
    """
    found = _TYPED.search(text)
    if found is not None:
        letters = sorted({ch for ch in found.group(0) if ch in "OolI"})
        raise TargetParseError(
            text,
            found.start(),
            "the number in digits ('0,8%', '100%')",
            reason=f"{found.group(0)!r} has the letter{'s' if len(letters) > 1 else ''} "
            f"{', '.join(repr(ch) for ch in letters)} where a digit belongs",
        )
