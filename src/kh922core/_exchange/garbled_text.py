"""Vietnamese letters garbled: UTF-8 read as another encoding, or a legacy encoding's.

A file saved after being opened as the wrong encoding shows ``Chá»‰ tiÃªu`` for ``Chỉ tiêu``; a
text typed in a legacy Vietnamese font shows its letters as Latin-1 ones (TCVN3 ``Tû lÖ``, VNI
``Tyû leä`` for ``Tỷ lệ``).  Neither is read as a name, a unit or an agency: the importer says
which, so that the file is converted rather than imported with names no one can read.
"""

from __future__ import annotations

import re

__all__ = ["garbled_text", "legacy_row", "legacy_text", "look_alike_row", "look_alike_text"]

#: Vietnamese written in UTF-8 and read as Windows-1252 (``Chá»‰ tiÃªu`` for ``Chỉ tiêu``).
_GARBLED = re.compile(r"\S*(?:á»|áº|Ã[¡-¿ ]|Æ[°¡]|Ä[‘ƒ]|Ä\x91)\S*")
#: Letters of the legacy encodings (TCVN3, VNI) that Vietnamese written in Unicode never has:
#: two in a cell mark its text as written in one of them.
_LEGACY = re.compile("[µ¸¶¹¨»¾¼½Æ©ÇË®ÎÏÑªÖØÜÞßäåæçëîïñöøûüþ¦«]")
#: Letters only Vietnamese written in Unicode has (ă, đ, ơ, ư, ạ … ỹ): a text in a legacy
#: encoding, which keeps to Latin-1, has none.
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")


def legacy_text(text: str) -> str | None:
    """The start of ``text`` when two of its letters are a legacy encoding's, else ``None``.

    Examples:
        >>> legacy_text("Tû lÖ doanh nghiÖp"), legacy_text("Tỷ lệ doanh nghiệp")
        ('Tû lÖ doanh nghiÖp', None)
        >>> legacy_text("Hợp tác với Đại học Zürich và Đại học Göttingen") is None
        True
    """
    if len(_LEGACY.findall(text)) < 2 or _VIETNAMESE.search(text):
        return None  # a Unicode Vietnamese cell with a foreign name ("Đại học Zürich")
    return " ".join(text.split())[:40]


def garbled_text(text: str) -> str | None:
    """The garbled words of ``text`` (UTF-8 read as another encoding, or a legacy encoding's),
    else ``None``."""
    found = _GARBLED.search(text)
    return found.group(0) if found is not None else legacy_text(text)


#: A word of Latin letters with a letter of another script among them (``Tӹ lӋ hӝ nghèo``: a
#: text copied from a PDF whose font maps Vietnamese letters to Cyrillic or Greek ones).
_LOOK_ALIKE = re.compile(
    r"\S*(?:[A-Za-z\u00c0-\u024f\u1e00-\u1eff][\u0370-\u03ff\u0400-\u052f]"
    r"|[\u0370-\u03ff\u0400-\u052f][A-Za-z\u00c0-\u024f\u1e00-\u1eff])\S*"
)


def look_alike_text(text: str) -> str | None:
    """The first word of ``text`` that mixes Latin letters with Cyrillic or Greek ones (a text
    copied from a PDF), else ``None``.

    Examples:
        >>> look_alike_text("Tӹ lӋ hӝ nghèo"), look_alike_text("Tỷ lệ hộ nghèo (Δ so với 2025)")
        ('Tӹ', None)
    """
    found = _LOOK_ALIKE.search(text)
    return found.group(0) if found is not None else None


def look_alike_row(word: str) -> str:
    """Why a row with ``word`` (:func:`look_alike_text`) is not read."""
    return (
        f"letters of another script among Vietnamese ones ({word!r}: a text copied from a PDF "
        "whose font maps letters to others?): the row is not read; retype it, or copy it from "
        "the Word or Excel original"
    )


def legacy_row(text: str) -> str:
    """Why a row with ``text`` (:func:`legacy_text`) is not read."""
    return (
        f"text in a legacy Vietnamese encoding (TCVN3 or VNI, {text!r}): the row is not read; "
        "convert the file to Unicode (Unikey's converter) or retype the row"
    )
