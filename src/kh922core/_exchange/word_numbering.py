"""Word's automatic numbering: the number a list paragraph shows (``1.``, ``a)``, ``II.``).

A row number typed with Word's numbering button is no text of the paragraph: the paragraph
names a list (``w:numPr``: its ``numId`` and level), and Word counts the list's paragraphs in
document order and writes each level as ``numbering.xml`` says (its format, start and text such
as ``%1.`` or ``%1.%2``).  :class:`ListNumbers` counts them the same way, so that a table's
``TT`` column reads as Word shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kh922core._exchange.word_styles import WordStyles

__all__ = ["ListNumbers"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The deepest list level Word has (levels 0 to 8).
_DEEPEST = 8
#: The largest first number of a Word list.
_MOST_START = 32767
#: The largest counter shown; beyond, ``�``: a list this reader cannot count, reported rather
#: than read.
_LARGEST = 1_000_000
_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")),
    *((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)


def _roman(number: int) -> str:
    text = ""
    for value, letters in _ROMAN:
        while number >= value:
            text, number = text + letters, number - value
    return text


def _letters(number: int) -> str:
    """``a`` … ``z``, then ``aa`` (as Word counts letters)."""
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _shown(number: int, form: str) -> str:
    """A counter in a list level's format (``decimal``, ``lowerLetter``, ``upperRoman`` …)."""
    if number > _LARGEST and form not in ("none", "bullet"):
        return "\ufffd"
    if form in ("lowerLetter", "upperLetter"):
        text = _letters(number)
    elif form in ("lowerRoman", "upperRoman"):
        text = _roman(number)
    elif form in ("none", "bullet"):
        return ""
    else:  # decimal, decimalZero and the rest: digits
        text = str(number)
    return text.upper() if form.startswith("upper") else text


def _value(element: Any, name: str) -> str | None:
    found = element.find(f"{_W}{name}") if element is not None else None
    return None if found is None else found.get(f"{_W}val")


def _depth(text: str | None) -> int | None:
    """A list level (``w:ilvl``) from 0 to 8, as Word has them; ``None`` for any other text."""
    text = (text or "0").strip()
    return int(text) if text.isdigit() and int(text) <= _DEEPEST else None


def _level(element: Any) -> tuple[int, str, str]:
    """A level's start, format and text (``w:lvl``)."""
    start = (_value(element, "start") or "1").strip()
    form = _value(element, "numFmt") or "decimal"
    text = _value(element, "lvlText") or ""
    return (_start(start), form, text)


def _start(text: str) -> int:
    """A level's first number: Word's are 0 to 32767; any other is shown as ``�``, so that
    the row number is reported rather than guessed."""
    small = text.isdigit() and len(text.lstrip("0")) <= 5 and int(text) <= _MOST_START
    return int(text) if small else _LARGEST + 1


def _levels(item: Any) -> dict[int, tuple[int, str, str]]:
    levels = {}
    for level in item.findall(f"{_W}lvl"):
        depth = _depth(level.get(f"{_W}ilvl"))
        if depth is not None:
            levels[depth] = _level(level)
    return levels


@dataclass
class ListNumbers:
    """The numbers of a document's list paragraphs, counted in the order they are read.

    Lists (``w:num``) that share one definition (``w:abstractNum``) count on together, as Word
    counts them, unless a list restarts a level (``w:startOverride``); a definition may take
    its levels from a numbering style (``w:numStyleLink``), and a paragraph its list from its
    paragraph style (:meth:`WordStyles.numbering`).

    Attributes:
        levels: For each list (``numId``), each level's start, format and text.
        counters: For each list, the key of the counter it counts on.
        counts: How many paragraphs of each counter and level were counted so far.
        styles: The document's styles.
    """

    levels: dict[str, dict[int, tuple[int, str, str]]] = field(default_factory=dict)
    counters: dict[str, str] = field(default_factory=dict)
    counts: dict[str, list[int]] = field(default_factory=dict)
    styles: WordStyles = field(default_factory=WordStyles)

    @classmethod
    def of(cls, document: Any, styles: WordStyles | None = None) -> ListNumbers:
        """The lists of a python-docx document (none when it has no numbering part)."""
        styles = styles if styles is not None else WordStyles()
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls(styles=styles)
        abstract = {
            item.get(f"{_W}abstractNumId") or "": item
            for item in numbering.findall(f"{_W}abstractNum")
        }
        nums = {item.get(f"{_W}numId") or "": item for item in numbering.findall(f"{_W}num")}

        def definition(number: str) -> str:
            """The abstractNum of a list, through a numbering style's link."""
            key = _value(nums.get(number), "abstractNumId") or ""
            for _ in range(4):  # a link names a style, whose list names a definition
                link = _value(abstract.get(key), "numStyleLink")
                linked = styles.style_numbering(link) if link else None
                if linked is None or linked not in nums:
                    break
                key = _value(nums[linked], "abstractNumId") or ""
            return key

        lists: dict[str, dict[int, tuple[int, str, str]]] = {}
        counters: dict[str, str] = {}
        for number, item in nums.items():
            key = definition(number)
            levels = _levels(abstract[key]) if key in abstract else {}
            restarts = False
            for override in item.findall(f"{_W}lvlOverride"):
                depth = _depth(override.get(f"{_W}ilvl"))
                whole = override.find(f"{_W}lvl")
                if depth is None:
                    continue
                if whole is not None:  # a level written again in full
                    levels[depth], restarts = _level(whole), True
                restart = (_value(override, "startOverride") or "").strip()
                if restart and depth in levels:
                    levels[depth], restarts = (_start(restart), *levels[depth][1:]), True
            lists[number] = levels
            counters[number] = f"list {number}" if restarts else f"definition {key}"
        return cls(lists, counters, styles=styles)

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (``""`` when it is in no list)."""
        found = self.styles.numbering(paragraph)
        if found is None:
            return ""
        number = _value(found, "numId") or ""
        depth = _depth(_value(found, "ilvl"))
        levels = self.levels.get(number)
        if not levels or depth is None or depth not in levels:
            return ""
        counts = self.counts.setdefault(self.counters.get(number, number), [0] * (_DEEPEST + 1))
        counts[depth] += 1
        counts[depth + 1 :] = [0] * (len(counts) - depth - 1)
        if levels[depth][1] == "bullet":
            return "•"  # whatever the font's sign, a bullet
        text = levels[depth][2]
        for level in range(depth, -1, -1):  # "%1.%2": each level's counter in its format
            start, form, _ = levels.get(level, (1, "decimal", ""))
            shown = _shown(start + max(counts[level], 1) - 1, form)
            text = text.replace(f"%{level + 1}", shown)
        return text
