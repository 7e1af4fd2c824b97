"""The period a filled template's value heading or a row's note names, against the row's year.

A template asks each row for the figure of the year in its ``Năm`` column (the half-year
template, the year's estimate).  An official who retypes the heading (``Giá trị thực hiện năm
2025``, ``Thực hiện 6 tháng đầu năm 2026``) or notes the row (``Số liệu năm 2025``, ``số 6
tháng``) says the figure is of another year, or of half of it: read as the row's year, it would
be judged as a figure it is not.  Such a row is listed, naming both, and its figure read nowhere
(:func:`kh922core._reports.template_rows.template_frame`).
"""

from __future__ import annotations

import re

__all__ = ["heading_text", "period_disagreement"]

#: A year written in a heading or a note (not inside a longer number, not a span's end).
_YEAR = re.compile(r"(?<![\d/.,\-–])(?:19|20)\d\d(?![\d/.,]|\s*[-–]\s*\d)")
#: Part of a year: its first half, a quarter, some months (not "ước cả năm", the whole year).
_PART = re.compile(
    r"(?<!\w)(?:(?:[1-9]|1[01])|sáu|ba|chín)\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?!\w)"  # not 12
    r"|(?<!\w)quý\s+(?:[IV]+|\d)(?!\w)|(?<!\w)(?:lũy\s+kế|luỹ\s+kế)\s+đến\s+tháng(?!\w)"
    r"|(?<!\w)(?:first|second)\s+half|half[-\s]year|(?<!\w)Q[1-4](?!\w)|(?<!\w)quarter"
    r"|(?<!\w)(?:[1-9]|1[01])\s+months(?!\w)",  # the English template's headings
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"(?<!\w)(?:cả|toàn|trọn)\s+năm(?!\w)|(?<!\w)(?:whole|full)\s+(?:of\s+)?(?:the\s+)?year",
    re.IGNORECASE,
)
#: A note that opens with the figure's period ("Số liệu năm 2025", "Ước 6 tháng đầu năm",
#: "Năm 2025"); a note that mentions a year in passing ("tăng 5% so với năm 2025") says none.
_NOTE_PERIOD = re.compile(
    r"^\W*(?:(?:số(?:\s+liệu)?|ước(?:\s+thực\s+hiện)?|thực\s+hiện|kết\s+quả|tính\s+đến(?:\s+hết)?"
    r"|đến\s+hết|lũy\s+kế|luỹ\s+kế)\s+(?:của\s+)?(?:cả\s+)?(?:năm\s+(?:19|20)\d\d\b"
    r"|(?:\d+|sáu|ba|chín)\s+tháng|quý\s+(?:[IV]+|\d)\b)"
    r"|năm\s+(?:19|20)\d\d\W*$)",  # "Năm 2025" alone: "Năm 2025 đã phủ sóng 70%" tells of it
    re.IGNORECASE,
)


def heading_text(rows: list[list[str | None]], start: int, column: int | None) -> str:
    """The heading over the value column: the row of keys ``start`` (a retyped sheet's headings)
    and the row above it (a template's), without the hidden keys."""
    if column is None:
        return ""
    cells = [rows[r][column] for r in (start - 1, start) if r >= 0 and column < len(rows[r])]
    return " ".join(c for c in cells if c and not c.startswith("kh922:"))


def _named(text: str) -> tuple[set[int], bool]:
    """The years ``text`` names, and whether it names part of a year (not the whole)."""
    years = {int(found.group(0)) for found in _YEAR.finditer(text)}
    return years, _PART.search(text) is not None and _WHOLE.search(text) is None


def _own_year(note: str, own: int | None) -> bool:
    """Whether a note also gives the figure of the row's own year, or the whole year (``6 tháng
    đầu năm đạt 88, ước năm 2026 đạt 92,3``): the row's figure is that one."""
    years, _ = _named(note)
    return (own is not None and own in years) or _WHOLE.search(note) is not None


def _retyped(heading: str, default: int | None) -> bool:
    """Whether a value heading says another period than the template's own (which names the
    template's year, or none): the template's heading is the same for every row, whatever the
    year each gives (the final figure of last year in May)."""
    years, part = _named(heading)
    return part or bool(years and default not in years)


def period_disagreement(
    heading: str, note: str | None, year: str | None, default: int | None
) -> str | None:
    """Why a row's figure is of another period than its year (``year`` as typed, else the
    template's ``default``): the value heading or the row's note names another year, or part
    of a year; else ``None``."""
    typed = re.fullmatch(r"\s*(?:năm\s+)?((?:19|20)\d\d)\s*", year or "", re.IGNORECASE)
    own = int(typed.group(1)) if typed else default
    said = [("the heading of the value column", heading)] if _retyped(heading, default) else []
    if note and _NOTE_PERIOD.match(note) and not _own_year(note, own):
        said.append(("its note", note))
    for where, text in said:
        years, part = _named(text)
        if own is not None and years and own not in years:
            named = ", ".join(str(y) for y in sorted(years))
            return (
                f"{where} names {named}, the row's year is {own}: write the figure's year in "
                "Năm, or the figure of that year"
            )
        if part:
            return (
                f"{where} says the figure is of part of the year ({_PART.search(text).group(0)!r}"  # type: ignore[union-attr]
                "): the template asks for the year's figure (in May, its estimate for the whole "
                "year); write it, or leave the row empty"
            )
    return None
