"""The words of the reporting cycle in Vietnamese (the default) and English, read from
``data/report_labels.yaml``; numbers and dates as people of the language write them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from kh922core._text import fold
from kh922core.errors import Kh922Error

__all__ = ["LANGUAGES", "Words", "all_headings", "heading_of", "words"]

LANGUAGES = ("vi", "en")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one language."""

    lang: str
    table: dict[str, str]

    def __call__(self, key: str, **fields: object) -> str:
        """The text of ``key`` with its ``{fields}`` filled in (a value without an entry: as it
        is)."""
        text = self.table.get(key, key)
        return text.format(**fields) if fields else text

    def day(self, day: date) -> str:
        """``31/05/2025`` in Vietnamese, ``2025-05-31`` in English."""
        return f"{day:%d/%m/%Y}" if self.lang == "vi" else day.isoformat()

    def number(self, value: float | None) -> str:
        """A number to three decimals at most: ``6.388,3`` in Vietnamese, ``6,388.3`` in
        English; nothing for a missing one.

        Examples:
            >>> words("vi").number(6388.3), words("en").number(6388.3), words("vi").number(None)
            ('6.388,3', '6,388.3', '')
        """
        if value is None or not math.isfinite(value):
            return ""
        text = f"{round(value, 3) + 0.0:,.3f}".rstrip("0").rstrip(".")
        if self.lang == "vi":
            return text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text


@cache
def _table() -> dict[str, dict[str, str]]:
    source = resources.files("kh922core") / "data" / "report_labels.yaml"
    loaded: dict[str, dict[str, str]] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return loaded


@cache
def words(lang: str = "vi") -> Words:
    """The words of ``lang``.

    Raises:
        Kh922Error: Not ``vi`` or ``en``.

    Examples:
        >>> words("vi")("col_value"), words("en")("col_value")
        ('Giá trị thực hiện', 'Value achieved')
    """
    if lang not in LANGUAGES:
        raise Kh922Error(f"unknown language {lang!r}: the languages are vi, en")
    return Words(lang, {key: texts[lang] for key, texts in _table().items()})


def all_headings(key: str) -> tuple[str, ...]:
    """A template heading in every language (a file is read back whichever it was written in)."""
    return tuple(_table()[key][lang] for lang in LANGUAGES)


@cache
def _estimate_note() -> re.Pattern[str]:
    """The half-year template's note after the value's heading, in every language."""
    notes = [re.escape(fold(_table()["value_half"][lang])) for lang in LANGUAGES]
    said = "|".join(note.replace(r"\{year\}", r"\d{4}") for note in notes)
    return re.compile(rf"\s*\((?:{said})\)$")


def heading_of(text: str) -> str:
    """A heading as the reader compares it: folded, without the half-year template's note
    that the value is the year's estimate.

    Examples:
        >>> heading_of("Giá trị thực hiện (ước cả năm 2026)"), heading_of(" Năm ")
        ('giá trị thực hiện', 'năm')
    """
    return _estimate_note().sub("", fold(text))
