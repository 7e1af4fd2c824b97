"""Where the tone of an open syllable in ``oa``, ``oe``, ``uy`` stands: Vietnamese writes it on
either vowel (``xóa`` and ``xoá``, ``hòa`` and ``hoà``), so a phrase of the grammar is matched
in both placements."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["other_placement"]

#: An open syllable ending in ``oa``, ``oe`` or ``uy`` (not after ``q``), decomposed: its tone
#: may stand on either vowel (``xóa`` and ``xoá``, ``hòa`` and ``hoà`` are both written).
_TWO_PLACEMENTS = re.compile(
    r"(?<![^\W\d_])([^\W\d_]*?)(?<!q)([ou])([\u0300-\u036f]*)([aey])([\u0300-\u036f]*)"
    r"(?![^\W\d_]|[\u0300-\u036f])"
)
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def other_placement(phrase: str) -> str:
    """``phrase`` with the tone of its open syllables in ``oa``, ``oe``, ``uy`` on the other
    vowel."""

    def moved(found: re.Match[str]) -> str:
        head, first, marks, last, after = found.groups()
        tone = [c for c in marks + after if c in _TONE_MARKS]
        if len(tone) != 1:
            return found.group(0)
        marks, after = marks.replace(tone[0], ""), after.replace(tone[0], "")
        if tone[0] in found.group(3):
            return head + first + marks + last + after + tone[0]
        return head + first + marks + tone[0] + last + after

    decomposed = unicodedata.normalize("NFD", phrase)
    return unicodedata.normalize("NFC", _TWO_PLACEMENTS.sub(moved, decomposed))
