"""The texts of a workbook's cells as its file holds them, where openpyxl would change them.

Excel escapes a character in a text as ``_xHHHH_`` (``_x000D_``: a carriage return) and the
underscore of a text that looks like an escape as ``_x005F_`` (``_x005F_x000D_`` is the text
``_x000D_``).  openpyxl removes every ``x005F_`` from the texts it reads (shared strings, and
inline strings read as rich text), which leaves ``_x000D_``, read then as a carriage return.
A workbook whose texts hold ``x005F_`` has its texts read here, from the XML; any other is
read by openpyxl, as it reads the same.

A run raised or lowered (a footnote mark pasted from Word: ``1`` and a superscript ``2``) is
read here too, its digits as the characters that show them raised (``1²``, not 12): openpyxl
reading a workbook read-only gives an inline string's runs as one plain text.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

__all__ = ["RAISED", "escaped_texts", "raised_text"]

#: What openpyxl removes from a text.
_REMOVED = b"x005F_"
#: Digits and signs raised or lowered (a run's ``vertAlign``), as the characters that show them.
RAISED = {
    "superscript": str.maketrans("0123456789+-()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾"),
    "subscript": str.maketrans("0123456789+-()", "₀₁₂₃₄₅₆₇₈₉₊₋₍₎"),
}
_SHOWN_RAISED = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾₀₁₂₃₄₅₆₇₈₉₊₋₍₎]")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _related(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """The parts ``source`` relates to, by relationship id and by type (``sharedStrings``)."""
    folder, _, name = source.rpartition("/")
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found: dict[str, str] = {}
    for rel in ElementTree.fromstring(archive.read(rels)):
        target = rel.get("Target", "")
        path = (
            target[1:] if target[:1] == "/" else posixpath.normpath(posixpath.join(folder, target))
        )
        found[rel.get("Id", "")] = found[rel.get("Type", "").rpartition("/")[2]] = path
    return found


#: An escape of Excel's in a text (``_x000D_``, ``_x005F_``).
_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def _text(element: Any) -> str:
    """The text of a shared string or an inline string: its ``t``, or its runs' (not the
    phonetic runs, which Excel does not show), a raised run beside others shown raised."""
    parts: list[tuple[str, str]] = []
    for child in element:
        if _local(child.tag) == "t":
            parts.append((child.text or "", ""))
        elif _local(child.tag) == "r":
            align = next(
                (
                    a.get("val", "")
                    for p in child
                    if _local(p.tag) == "rPr"
                    for a in p
                    if _local(a.tag) == "vertAlign"
                ),
                "",
            )
            parts.append(("".join(t.text or "" for t in child if _local(t.tag) == "t"), align))
    return raised_text(parts)


def raised_text(parts: list[tuple[str, str]]) -> str:
    """Runs of text and their alignment as the cell shows them: a run raised or lowered beside
    others keeps its digits raised (``1²``); a cell raised whole is read as its text."""
    if all(align in RAISED for _, align in parts):
        return "".join(text for text, _ in parts)
    return "".join(text.translate(RAISED.get(align, {})) for text, align in parts)


def _cells(xml: Any, shared: list[str]) -> dict[tuple[int, int], str]:
    """The text cells of a sheet, by row and column from 1."""
    texts: dict[tuple[int, int], str] = {}
    row = column = 0
    for event, element in ElementTree.iterparse(xml, events=("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                row, column = int(element.get("r") or row + 1), 0
            continue
        if tag == "c":
            where = element.get("r")
            column = _column(where) if where else column + 1
            kind = element.get("t")
            if kind == "inlineStr":
                inline = next((e for e in element if _local(e.tag) == "is"), None)
                texts[(row, column)] = "" if inline is None else _text(inline)
            elif kind == "s":
                value = next((e.text for e in element if _local(e.tag) == "v"), None)
                index = int(value) if value and value.strip().isdigit() else len(shared)
                if index < len(shared):
                    texts[(row, column)] = shared[index]
            element.clear()
        elif tag == "row":
            element.clear()
    return texts


def _column(reference: str) -> int:
    column = 0
    for letter in reference.upper():
        if not letter.isalpha():
            break
        column = column * 26 + ord(letter) - ord("A") + 1
    return column


def escaped_texts(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """By sheet name, the texts of its cells (by row and column from 1) as the file holds them,
    escapes and all, and raised runs shown raised: for a workbook whose texts hold ``x005F_``
    or a raised or lowered run (empty for any other)."""
    with zipfile.ZipFile(path) as archive:
        book = _related(archive, "").get("officeDocument", "")
        related = _related(archive, book)
        sheets = {
            element.get("name", ""): related.get(rid, "")
            for element in ElementTree.fromstring(archive.read(book)).iter()
            if _local(element.tag) == "sheet"
            for key, rid in element.attrib.items()
            if _local(key) == "id"
        }
        strings = related.get("sharedStrings", "")
        parts = [p for p in [strings, *sheets.values()] if p in archive.namelist()]
        if not any(_REMOVED in data or b"vertAlign" in data for data in map(archive.read, parts)):
            return {}
        shared: list[str] = []
        if strings in archive.namelist():
            with archive.open(strings) as xml:
                for _, element in ElementTree.iterparse(xml):
                    if _local(element.tag) == "si":
                        shared.append(_text(element))
                        element.clear()
        texts: dict[str, dict[tuple[int, int], str]] = {}
        for title, part in sheets.items():
            if part in archive.namelist():
                with archive.open(part) as xml:  # only the texts openpyxl would misread
                    cells = _cells(xml, shared)
                    texts[title] = {
                        at: text
                        for at, text in cells.items()
                        if _ESCAPE.search(text) or _SHOWN_RAISED.search(text)
                    }
        return texts
