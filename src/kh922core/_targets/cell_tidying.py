"""A cell as the grammar reads it: tidied in place, its footnote marks set aside.

:func:`tidied` keeps the text's length (so that an error still points at the right place): a
full-width ``％`` (and the Arabic ``٪``, the small ``﹪``) as ``%``, an Icelandic ``Ð`` as the
Vietnamese ``Đ`` (old encodings' converters write one for the other), every decimal digit as
its ASCII digit (``９５`` as ``95``: the patterns read both, the numbers only one), no footnote
mark (:func:`without_marks`), no bullet before the first word, no parentheses or quotation
marks around the whole target (``(≥ 95%)``, ``“Không còn hộ nghèo”``).

Footnote marks after a target are never read as its number.  A plan's table marks a cell for
a footnote under it (``95%(*)``, ``≥ 95%*``, ``95%¹``, ``35.000 tỷ đồng(1)``, ``Đạt 100% (1)``);
the mark is blanked:

* ``(*)``; ``*`` after a word, a number or a bracket; superscript digits after a number, ``%``,
  a bracket or a word of three letters or more (never ``m²``, ``km³``);
* a bracketed number of one or two digits at the end of the cell, glued to the word, ``%``,
  bracket or year before it (``… đồng(1)``, ``95%[3]``, ``… năm 2025(1)``, ``(*)(1)``);
* the same apart from a word, ``%``, a bracket or a year before it (``Đạt 100% (1)``,
  ``… đồng [2]``, ``… so với năm 2025 (2)``), where the cell has a number of its own before
  it.  Where it has none (``Hoàn thành (1)``, ``Giảm dần (1)``), the mark would be the
  target's only number, or a note on a target in words: that is refused, never guessed.
  ``5 (8)`` is two numbers.
"""

from __future__ import annotations

import re
import unicodedata

from kh922core.errors import TargetParseError

__all__ = ["tidied", "without_marks"]

#: Icelandic eth (``Ð``, ``ð``) for Vietnamese d with stroke (``Đ``, ``đ``): the two look alike,
#: and converters from the old Vietnamese encodings (TCVN3, VNI) often write the first.
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
#: Full-width forms of ASCII (``＞＝90％``, ``（≥95％）``, ``８０．５``; an East Asian input
#: method's) and the ideographic space, each the character it is a wide form of; the hyphens
#: Word writes (non-breaking ``8‑10%``, the figure dash ``8‒10%``) a hyphen.
_FULL_WIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    | {"\u3000": " ", "\u2010": "-", "\u2011": "-", "\u2012": "-"}  # hyphens, figure dash
    # the other per cent signs: Arabic "٪", the small "﹪" (read as words, the row's unit took
    # the number: "Tăng 10٪" of an amount was a rise of 10 of its unit)
    | {"\u066a": "%", "\ufe6a": "%"}
)
_BULLET = re.compile(r"^\s*[-+•*▪◦○●■□➢➤►✓✔–](?:\s+|(?=[^\W\d_]))")  # "•Nâng lên 60%" too
#: Marks that may enclose the whole target: parentheses, quotation marks.
_ENCLOSING = (("(", ")"), ("“", "”"), ("«", "»"), ("‘", "’"))
#: A decimal digit other than ASCII's (full-width ``５``, Arabic-Indic ...), which ``\d`` matches.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")

_GLUED = re.compile(
    r"\(\*+\)|(?<=[\w%)])\*+(?=[\s,;.]|$)|(?<=[%)\d])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
    r"|(?<=[^\W\d_]{3})[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?![\w/])"  # "… hộ nghèo¹" (a unit's "m²", "km³" is shorter)
    r"|(?<=[^\W\d]|%|\))\(\d{1,2}\)(?=[\s.;]*$)"  # "… đồng(1)", "(*)(1)" at the end of the cell
    r"|(?<=[^\W\d]|%)\[\d{1,2}\](?=[\s.;]*$)"  # "95%[3]", "… USD[1]"
    r"|(?<=\b(?:19|20)\d\d)\(\d\)(?=[\s.;]*$)"  # "… so với năm 2025(1)"
    r"|(?<=[%)\d])⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾"  # "80%⁽¹⁾"
    r"|(?<=[%)]\.)\(\d{1,2}\)(?=\s*$)"  # "≥ 95%.(2)"
)
#: A mark apart from the word, ``%`` or bracket before it, at the end of the cell.
_APART = re.compile(
    r"(?:(?<=[^\W\d]|[%)\]])|(?<=\b(?:19|20)\d\d))\s+(?:\(\s*[1-9]\d?\s*\)|\[\s*[1-9]\d?\s*\])(?=[\s.;]*$)"
)


def _blanked(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def without_marks(text: str) -> str:
    """``text`` with its footnote marks blanked (see the module docstring).

    Raises:
        TargetParseError: A mark apart at the end of a cell with no number before it.
    """
    for mark in _GLUED.finditer(text):
        text = _blanked(text, mark.start(), mark.end())
    apart = _APART.search(text)
    if apart is None:
        return text
    if not any(character.isdigit() for character in text[: apart.start()]):
        shown = apart.group(0).strip()
        raise TargetParseError(
            text,
            apart.start() + len(apart.group(0)) - len(apart.group(0).lstrip()),
            "a number for the target, or a footnote mark glued to the word before it "
            f"('Hoàn thành{shown}')",
            reason=f"{shown!r} at the end of the cell, with no number before it: a footnote "
            "mark, or the target's number?",
        )
    return _blanked(text, apart.start(), apart.end())


def tidied(text: str) -> str:
    """The cell as the grammar reads it, the same length (see the module docstring)."""
    text = text.translate(_FULL_WIDTH).translate(_ETH)
    if _OTHER_DIGIT.search(text):
        text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)
    text = without_marks(text)  # "95%(*)", "≥ 95%*", "95%¹", "… đồng(1)", "Đạt 100% (1)"
    bullet = _BULLET.match(text)
    if bullet is not None:
        text = " " * bullet.end() + text[bullet.end() :]
    stripped = text.strip()
    for opening, closing in _ENCLOSING:  # "(≥ 95%)", "“Không còn hộ nghèo”"
        ends = stripped[:1] == opening and stripped[-1:] == closing and len(stripped) > 1
        if ends and stripped.count(opening) == 1 and stripped.count(closing) == 1:
            start, end = text.index(opening), text.rindex(closing)
            text = text[:start] + " " + text[start + 1 : end] + " " + text[end + 1 :]
    return text
