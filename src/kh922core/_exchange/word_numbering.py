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

__all__ = ["ListNumbers"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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


@dataclass
class ListNumbers:
    """The numbers of a document's list paragraphs, counted in the order they are read.

    Attributes:
        levels: For each list (``numId``), each level's start, format and text.
        counts: How many paragraphs of each list and level were counted so far.
    """

    levels: dict[str, dict[int, tuple[int, str, str]]] = field(default_factory=dict)
    counts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> ListNumbers:
        """The lists of a python-docx document (none when it has no numbering part)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for item in numbering.findall(f"{_W}abstractNum"):
            levels = {}
            for level in item.findall(f"{_W}lvl"):
                start = _value(level, "start") or "1"
                form = _value(level, "numFmt") or "decimal"
                text = _value(level, "lvlText") or ""
                depth = int(level.get(f"{_W}ilvl") or 0)
                levels[depth] = (int(start) if start.isdigit() else 1, form, text)
            abstract[item.get(f"{_W}abstractNumId") or ""] = levels
        lists: dict[str, dict[int, tuple[int, str, str]]] = {}
        for item in numbering.findall(f"{_W}num"):
            levels = dict(abstract.get(_value(item, "abstractNumId") or "", {}))
            for override in item.findall(f"{_W}lvlOverride"):
                depth = int(override.get(f"{_W}ilvl") or 0)
                restart = _value(override, "startOverride") or ""
                if restart.isdigit() and depth in levels:
                    levels[depth] = (int(restart), *levels[depth][1:])
            lists[item.get(f"{_W}numId") or ""] = levels
        return cls(lists)

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (``""`` when it is in no list)."""
        found = paragraph.find(f"{_W}pPr/{_W}numPr")
        if found is None:
            return ""
        number = _value(found, "numId") or ""
        depth = int(_value(found, "ilvl") or 0)
        levels = self.levels.get(number)
        if not levels or depth not in levels:
            return ""
        counts = self.counts.setdefault(number, [0] * 10)
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
