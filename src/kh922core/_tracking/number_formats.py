"""A workbook cell's value as text, as its Excel number format shows it.

A format has up to four sections, ``positive;negative;zero;text``: with one, it shows every
number; with two, the second shows the negatives; with three, the third shows zero; the fourth
(or a last one holding ``@``) shows text.  A section may carry a condition (``[<1]0%;0``: the
first section for numbers below 1, the second for the rest) and a colour (``[Red]``, ignored).
In the section chosen, ``%`` (outside quotes) shows the number a hundred times larger, commas
after the last digit divide it by a thousand each (``#,##0,`` shows 500000 as 500), ``"text"``
and ``\\x`` are shown as they are, ``_x`` is a space and ``*x`` fills the cell (nothing here).

The number itself keeps the precision stored (15 significant digits, as Excel keeps): a format's
decimals never round it.  A negative stays negative: ``(500)`` shown by a format is ``-500``, and
a format that hides the minus (``0;[Red]0``) does not hide it here.  Text read from the file has
Excel's ``_xHHHH_`` escapes decoded (``_x000D_`` is a carriage return; ``_x005F_`` the
underscore) and the characters that show nothing (a soft hyphen, a zero-width space, a
byte-order mark) removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache
from typing import Any

from kh922core._text import INVISIBLE
from kh922core._tracking.sheet_strings import raised_text

__all__ = ["cell_text", "clean_text", "shown_rounded", "shows_otherwise"]

#: Parts of an Excel number format shown as they are: ``"text"``, ``\\x``, ``[colour]``.
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_YEAR_ONLY = re.compile(r"\s*y{3,4}\s*", re.IGNORECASE)  # a date shown as its year
#: Excel keeps 15 significant digits; a percentage is shown with no more.
_EXCEL_DIGITS = Context(prec=15)
#: A number that kh922core.parse_number refuses as ambiguous (a decimal or a thousands comma).
_AMBIGUOUS = re.compile(r"-?[1-9]\d{0,2},\d{3}")
#: Excel's escape of a character in a text: ``_x000D_`` (``_x005F_`` is the underscore itself).
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
#: One piece of a format: a quoted text, an escaped character, a bracket, a padding or a fill,
#: ``General``, an exponent, or any one character.
_TOKEN = re.compile(r'"[^"]*"?|\\.|\[[^\]]*\]|[_*].|General|[Ee][+-]|.', re.IGNORECASE | re.DOTALL)
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*([-+]?\d+(?:\.\d*)?(?:[Ee][-+]?\d+)?)\s*\]")
_CURRENCY = re.compile(r"\[\$([^\]-]*)(?:-[^\]]*)?\]")
_DIGIT = frozenset("0#?")
#: What Excel shows for a number no section of its format takes.
_NO_SECTION = "########"


def clean_text(text: str) -> str:
    """A text from a workbook as Excel shows it: ``_xHHHH_`` escapes decoded, a carriage
    return a line break, the characters that show nothing removed.

    Examples:
        >>> clean_text("Sở Tài chính_x000D_\\n"), clean_text("1\\u00ad500")
        ('Sở Tài chính\\n', '1500')
        >>> clean_text("a_x005F_x000D_")  # an escaped underscore: the text "_x000D_"
        'a_x000D_'
    """
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))


@dataclass(slots=True)
class _Section:
    """One section of a format: its condition, the text before and after the number, what it
    does to the number, and whether it shows one at all."""

    condition: tuple[str, Decimal] | None = None
    before: str = ""
    after: str = ""
    digits: bool = False  # a digit placeholder or General: the section shows a number
    zero: bool = False  # a ``0`` placeholder or General: a zero shows as 0
    percent: int = 0
    thousands: int = 0
    text: bool = False  # the section holds ``@``
    decimals: int = 0  # the digit placeholders after the decimal point
    exact: bool = True  # whether its decimals say what it rounds to (not General, E+, ?/?)


def _split(code: str) -> list[list[str]]:
    """The tokens of each section of a format (at most four)."""
    sections: list[list[str]] = [[]]
    for token in _TOKEN.findall(code):
        if token == ";":
            sections.append([])
        else:
            sections[-1].append(token)
    return sections[:4]


def _parse(tokens: list[str]) -> _Section:
    """One section's tokens read."""
    section = _Section()
    digit_at = [i for i, t in enumerate(tokens) if t in _DIGIT or t.lower() == "general"]
    first, last = (digit_at[0], digit_at[-1]) if digit_at else (len(tokens), -1)
    section.digits = bool(digit_at)
    section.zero = any(tokens[i] == "0" or len(tokens[i]) > 1 for i in digit_at)
    inner = tokens[first : last + 1]
    section.exact = not any(t.lower() == "general" or t[-1:] in "+-/" for t in inner if t)
    point = next((i for i in range(first, last + 1) if tokens[i] == "."), None)
    if point is not None:
        section.decimals = sum(t in _DIGIT for t in tokens[point + 1 : last + 1])
    for i, token in enumerate(tokens):
        if token == "%":
            section.percent += 1
        elif token == "," and first < i:  # after the digits (not between them): thousands
            before = next(t for t in reversed(tokens[:i]) if t != ",")
            after = next((t for t in tokens[i + 1 :] if t != ","), "")
            section.thousands += before in _DIGIT and after not in _DIGIT
        found = _CONDITION.fullmatch(token)
        if found is not None and section.condition is None:
            section.condition = (found.group(1), Decimal(found.group(2)))
        section.text = section.text or token == "@"
        shown = _shown(token)
        if shown and (i < first or i > last or token == "%"):  # between digits: a separator
            if i < first:
                section.before += shown
            else:
                section.after += shown
    return section


def _shown(token: str) -> str:
    """What a token shows as itself (``""`` for a placeholder, a colour, a fill)."""
    if token[0] == '"':
        return token[1:].removesuffix('"')
    if token[0] == "\\":
        return token[1:]
    if token[0] == "[":
        found = _CURRENCY.fullmatch(token)
        return found.group(1) if found else ""
    if token[0] == "_" and len(token) == 2:
        return " "
    if (token[0] == "*" and len(token) == 2) or token in _DIGIT or token in (".", ",", "@"):
        return ""
    exponent = len(token) == 2 and token[1] in "+-"  # E+ of 0.00E+00
    return "" if token.lower() == "general" or exponent else token


@lru_cache(maxsize=256)
def _sections(code: str) -> list[_Section]:
    """The sections of a format, read (once for each format: a sheet has few); WPS writes
    General as ``G/通用格式``."""
    return [_parse(tokens) for tokens in _split(code.replace("G/通用格式", "General"))]


def _holds(condition: tuple[str, Decimal], value: Decimal) -> bool:
    operator, bound = condition
    return {
        "<": value < bound,
        "<=": value <= bound,
        ">": value > bound,
        ">=": value >= bound,
        "=": value == bound,
        "<>": value != bound,
    }[operator]


def _chosen(sections: list[_Section], value: Decimal) -> _Section | None:
    """The section that shows a number, by Excel's rules (``None``: none takes it)."""
    if sections[-1].text and len(sections) < 4:  # ``0;@``: the last section shows text
        sections = sections[:-1] or [_Section(digits=True, zero=True)]  # ``@``: as General
    numeric = sections[:3]
    if any(s.condition for s in numeric[:2]):
        if numeric[0].condition is None or _holds(numeric[0].condition, value):
            return numeric[0]
        if len(numeric) > 1 and (
            numeric[1].condition is None or _holds(numeric[1].condition, value)
        ):
            return numeric[1]
        return numeric[2] if len(numeric) > 2 and numeric[1].condition else None
    if len(numeric) == 1 or (value > 0 and len(numeric) == 3) or (value >= 0 and len(numeric) == 2):
        return numeric[0]
    return numeric[1] if value < 0 else numeric[2]


def _number(value: Decimal, scale: int = 0, thousands: int = 0) -> str:
    """A number as plain digits and a decimal comma, a hundred times larger ``scale`` times and
    a thousand times smaller ``thousands`` times."""
    number = _EXCEL_DIGITS.multiply(value, Decimal(100) ** scale) if scale else value
    if thousands:
        number = _EXCEL_DIGITS.divide(number, Decimal(1000) ** thousands)
    text = format(number.normalize(), "f").replace(".", ",")
    return text + "0" if _AMBIGUOUS.fullmatch(text) else text  # "1,125" may be a thousand


def _formatted(number: Decimal, code: str, shown: bool) -> str:
    """A number as the section of ``code`` that takes it shows it (``shown``: with the
    format's words; otherwise only the number, scaled, and a ``%``)."""
    chosen = _chosen(_sections(code), number)
    if chosen is None:
        return _NO_SECTION if shown else _number(number)
    size = abs(number)
    digits = _number(size, chosen.percent, chosen.thousands)
    if shown and (not chosen.digits or (not chosen.zero and digits == "0")):
        digits = ""  # a section of words only (``"-"``), or ``#,###`` for a zero: no digits
    if not shown:
        return ("-" if number < 0 else "") + digits + ("%" if chosen.percent else "")
    before, after = chosen.before, chosen.after
    if number < 0 and digits and not re.search("[-−]", before):
        if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
            before, after = before.rstrip()[:-1], after.lstrip()[1:]  # (500): a negative
        digits = "-" + digits  # the sign a format hides (``0;[Red]0``) is still there
    return (before + digits + after).strip()


def _text_section(text: str, code: str) -> str:
    """A text as the text section of ``code`` shows it (``;;;`` shows nothing)."""
    sections = _split(code)
    if len(sections) < 4 and "@" not in sections[-1]:
        return text
    tokens = sections[-1]
    if not tokens:
        return ""
    return "".join(text if t == "@" else _shown(t) for t in tokens).strip()


#: The General format as programs write it: Excel, WPS (``G/通用格式``), a text format.
_GENERAL = frozenset({"", "general", "@", "g/通用格式"})


def _general(code: object) -> bool:
    return not isinstance(code, str) or code.strip().lower() in _GENERAL


def cell_text(value: object, number_format: object = None, *, shown: bool = False) -> str | None:
    """A ``.xlsx`` cell as text that :func:`vietnamese_number` reads back exactly: a number as
    plain digits and a decimal comma, scaled as its format shows it (``55%`` for a 0.555
    formatted ``0%``; 500 for 500000 formatted ``#,##0,``), a date (a date-formatted cell) as
    ``YYYY-MM-DD``, a text with Excel's escapes decoded and invisible characters removed.

    Args:
        value: The cell's value as openpyxl reads it.
        number_format: The cell's number format.
        shown: Whether to give what Excel shows, words of the format and all: ``"-"`` for a
            zero the Accounting format shows so, nothing for a number formatted ``;;;``,
            ``500 DN`` for 500 formatted ``0" DN"``.  Without it, only the number (and ``%``).

    Examples:
        >>> cell_text(0.001), cell_text(6388.3), cell_text(0.555, "0.0%"), cell_text(True)
        ('0,001', '6388,3', '55,5%', 'true')
        >>> cell_text(1.125)  # "1,125" could be a thousand and more (see parse_number)
        '1,1250'
        >>> cell_text(80, "[<1]0%;0"), cell_text(-5, "#,##0;(#,##0)", shown=True)
        ('80', '-5')
        >>> cell_text(0, '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', shown=True)
        '-'
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        number = Decimal(repr(value))
        if _general(number_format):
            return _number(number)
        return _formatted(number, str(number_format), shown)
    if isinstance(value, date) and _YEAR_ONLY.fullmatch(_LITERAL.sub("", str(number_format))):
        return str(value.year)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    raw = _rich_text(value) if type(value).__name__ == "CellRichText" else str(value)
    text = clean_text(raw)  # a text, or openpyxl's rich text
    return _text_section(text, number_format) if shown and isinstance(number_format, str) else text


def _rich_text(value: Any) -> str:
    """openpyxl's rich text as the text it shows: a run raised or lowered keeps its digits
    raised or lowered (``1`` and a superscript ``2`` pasted from Word is ``1²``, a footnote
    mark beside 1, not 12; ``m`` and a raised ``2`` is ``m²``)."""
    parts = [
        (block, "")
        if isinstance(block, str)
        else (str(getattr(block, "text", "")), str(getattr(block.font, "vertAlign", "") or ""))
        for block in value
    ]
    return raised_text(parts)


def shows_otherwise(value: object, number_format: object) -> bool:
    """Whether a number's format shows it otherwise than the cell holds it: rounded to fewer
    decimals (0.8549 formatted ``0%`` shows 85%), or not at all (``;;;``, a section of words
    or an empty one, for a number other than 0: a zero so shown is an empty cell).  A date, a
    text, or a number in General (``[$-42A]General``, WPS's ``G/通用格式``) shows what it
    holds; a scientific or a fraction format (``0.00E+00``, ``# ?/?``) is not judged.

    Examples:
        >>> shows_otherwise(0.8549, "0%"), shows_otherwise(0.85, "0%"), shows_otherwise(85.5, "0.0")
        (True, False, False)
        >>> shows_otherwise(60, ";;;"), shows_otherwise(0, '#,##0;-#,##0;"-"')
        (True, False)
        >>> shows_otherwise(80.5, "[$-42A]General"), shows_otherwise(80.5, "G/通用格式")
        (False, False)
        >>> shows_otherwise(1234.5, "#,##0"), shows_otherwise(500000, "#,##0,")
        (True, False)
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or _general(number_format):
        return False
    if value != value or value in (float("inf"), float("-inf")):
        return False
    number = Decimal(repr(value))
    chosen = _chosen(_sections(str(number_format)), number)
    if chosen is None:
        return False  # "########": a text no reading takes
    if not chosen.digits:  # words only, or nothing: a zero so shown is an empty cell
        return number != 0
    if not chosen.exact:  # General shows the number whole; E+ and ?/? are not judged here
        return False
    scaled = abs(number)
    if chosen.percent:
        scaled = _EXCEL_DIGITS.multiply(scaled, Decimal(100) ** chosen.percent)
    if chosen.thousands:
        scaled = _EXCEL_DIGITS.divide(scaled, Decimal(1000) ** chosen.thousands)
    exponent = scaled.normalize().as_tuple().exponent
    return isinstance(exponent, int) and -exponent > chosen.decimals


def shown_rounded(value: float, number_format: str) -> str:
    """What Excel shows of a number its format rounds (see :func:`shows_otherwise`), for a
    message: the decimals of the format, rounded half up, with the format's words.

    Examples:
        >>> shown_rounded(0.8549, "0%"), shown_rounded(85.46, '0.0" %"')
        ('85%', '85,5 %')
        >>> shown_rounded(-2.25, "0.0")
        '-2,3'
    """
    number = Decimal(repr(value))
    chosen = _chosen(_sections(number_format), number)
    if chosen is None or not chosen.digits:
        return cell_text(value, number_format, shown=True) or ""
    scaled = abs(number)
    if chosen.percent:
        scaled = _EXCEL_DIGITS.multiply(scaled, Decimal(100) ** chosen.percent)
    if chosen.thousands:
        scaled = _EXCEL_DIGITS.divide(scaled, Decimal(1000) ** chosen.thousands)
    rounded = scaled.quantize(Decimal(1).scaleb(-chosen.decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 and rounded else ""
    return (chosen.before + sign + format(rounded, "f").replace(".", ",") + chosen.after).strip()
