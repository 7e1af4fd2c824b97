"""The cells of a table that hold several targets: where one part ends and the next begins.

A cell such as ``90% cấp tỉnh, 80% cấp huyện`` holds two targets; :func:`numbered_parts` cuts it
at ``;`` and at commas that are not decimal commas, keeping the parts that hold a number (a year
that only dates the sentence does not count).
"""

from __future__ import annotations

import re

from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.scanner import YEARS, blank

__all__ = ["numbered_parts"]

_PART_SEPARATOR = re.compile(r";|,(?!\d)|(?<!\d),")


def _parts(text: str) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    start = 0
    for separator in _PART_SEPARATOR.finditer(text):
        parts.append((start, text[start : separator.start()]))
        start = separator.end()
    parts.append((start, text[start:]))
    return [(s + len(p) - len(p.lstrip()), p.strip()) for s, p in parts if p.strip()]


def numbered_parts(text: str) -> list[tuple[int, str]]:
    blanked = blank(text, YEARS)
    return [
        (start, part)
        for start, part in _parts(text)
        if NUMBER_PATTERN.search(blanked[start : start + len(part)])
    ]
