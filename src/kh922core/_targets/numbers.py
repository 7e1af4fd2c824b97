"""Numbers as Vietnamese documents write them.

* A comma is the decimal mark: ``0,7`` is 0.7.
* A dot followed by exactly three digits separates thousands: ``12.000`` is 12000 and
  ``6.388,3`` is 6388.3.  A single dot followed by some other count of digits, with no comma,
  is read as a decimal point (``0.75``), as English-language tables do; so is a single dot
  after a lone ``0`` (``0.125``: no group of thousands starts with a zero).
* A single comma followed by exactly three digits after a whole part of one to three digits
  that is not ``0`` (``1,000``, ``12,500``) is refused: it is a decimal comma to a Vietnamese
  reader but a thousands comma in English-language tables, which spreadsheets saved in another
  locale carry (``1,000 ha`` read as 1 would be a thousandfold error).  ``1.000``, ``12,5`` and
  ``0,125`` are unambiguous, and :func:`format_number` writes a value such as 1.125 as
  ``1,1250``.
* Spaces (a no-break space too) between groups of three digits separate thousands:
  ``12 500`` is 12500, ``1 234,5`` is 1234.5.
* Leading zeros are just digits: ``01`` is 1.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal

from kh922core.errors import NumberFormatError

__all__ = ["NUMBER_PATTERN", "format_number", "parse_number", "range_dash"]

#: A number token: a sign attached to digits, then digits, dots and commas, ending in a digit.
NUMBER_PATTERN = re.compile(
    r"(?<![\w.,])[-−]?(?:[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\w.,])"
    r"|\d(?:[\d.,]*\d)?)(?![\w])"
)
#: Thousands in groups of three after spaces (``12 500``, a no-break space in ``5 000``).
_SPACED = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?")

_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
#: A comma that may be a decimal comma or a thousands comma: ``1,000``, ``12,500``.
_AMBIGUOUS_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}")
_PLAIN = re.compile(r"\d+")


def parse_number(token: str) -> float:
    """Read one number written the Vietnamese way.

    Args:
        token: The number text, e.g. ``"6.388,3"``.

    Returns:
        The value as a float.

    Raises:
        NumberFormatError: When the token mixes separators in a way no format allows.

    Examples:
        >>> parse_number("0,7")
        0.7
        >>> parse_number("12.000")
        12000.0
        >>> parse_number("6.388,3")
        6388.3
        >>> parse_number("01")
        1.0
        >>> parse_number("0.125")
        0.125
        >>> parse_number("12 500")
        12500.0
        >>> parse_number("1,000")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kh922core.errors.NumberFormatError: '1,000' is ambiguous: 1 with a decimal comma, or ...
    """
    if not isinstance(token, str):
        raise NumberFormatError(
            f"parse_number reads a text (a cell as written), got {type(token).__name__} {token!r}"
        )
    text = token.strip()
    sign = ""
    if text[:1] in "-−":
        sign, text = "-", text[1:]
    if _SPACED.fullmatch(text):  # "12 500": the spaces separate thousands, as dots do
        text = re.sub(r"[ \u00a0\u202f\u2009]", "", text)
    if _AMBIGUOUS_COMMA.fullmatch(text):
        whole, _, decimals = text.partition(",")
        small = format_number(float(Decimal(f"{sign}{whole}.{decimals}")))
        large = format_number(float(Decimal(f"{sign}{whole}{decimals}")))
        raise NumberFormatError(
            f"{token!r} is ambiguous: {small.removesuffix('0') if ',' in small else small} with "
            f"a decimal comma, or {large} with a comma "
            f"between thousands as English-language tables write it; write {large!r} or {small!r}"
        )
    integer, comma, fraction = text.partition(",")
    if comma and ("," in fraction or "." in fraction or not fraction.isdigit()):
        raise NumberFormatError(f"{token!r} is not a number (a comma is the decimal mark)")
    if _PLAIN.fullmatch(integer):
        digits = integer
    elif _THOUSANDS.fullmatch(integer):
        digits = integer.replace(".", "")
    elif not comma and integer.count(".") == 1:
        whole, _, decimals = integer.partition(".")
        if not (whole.isdigit() and decimals.isdigit()):
            raise NumberFormatError(f"{token!r} is not a number")
        digits, fraction, comma = whole, decimals, ","
    elif "." in integer and re.fullmatch(r"[\d.]+", integer):
        raise NumberFormatError(
            f"{token!r} is not a number (dots separate thousands in groups of three digits)"
        )
    else:
        raise NumberFormatError(f"{token!r} is not a number")
    literal = sign + digits + ("." + fraction if comma else "")
    return float(Decimal(literal))


def format_number(value: float) -> str:
    """Write a number the Vietnamese way, so that :func:`parse_number` reads it back exactly.

    Args:
        value: A finite number.

    Returns:
        The text: dots between thousands, a comma before decimals.

    Raises:
        ValueError: When ``value`` is NaN or infinite.

    Examples:
        >>> format_number(12000)
        '12.000'
        >>> format_number(6388.3)
        '6.388,3'
        >>> format_number(0.7)
        '0,7'
        >>> format_number(1.125)
        '1,1250'
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise NumberFormatError(
            f"format_number writes a number, got {type(value).__name__} {value!r}"
        )
    if not math.isfinite(value):
        raise NumberFormatError(f"cannot write {value!r} as a target number")
    literal = format(Decimal(repr(float(value))), "f")
    sign = ""
    if literal.startswith("-"):
        sign, literal = "-", literal[1:]
    whole, _, fraction = literal.partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.append(whole[-3:])
        whole = whole[:-3]
    groups.append(whole)
    text = ".".join(reversed(groups))
    if len(fraction) == 3 and len(groups) == 1 and whole != "0":
        fraction += "0"  # "1,125" is ambiguous (see the module docstring): "1,1250" is not
    if fraction:
        text += "," + fraction
    if text == "0":
        sign = ""
    return sign + text


#: What says "range" between two numbers (see the phrase table's ``range`` role).
_RANGE_BETWEEN = re.compile(r"[-–−÷]|\bđến\b|\btới\b", re.IGNORECASE)


def range_dash(numbers: list[re.Match[str]]) -> list[re.Match[str]]:
    """``85%-90%``, ``8 -10%``: the minus of a second number that follows the first with nothing
    of a range between them is the range's dash, not a sign."""
    if len(numbers) != 2:
        return numbers
    first, second = numbers
    searched = second.string
    if searched[second.start()] not in "-−" or _RANGE_BETWEEN.search(
        searched, first.end(), second.start()
    ):
        return numbers
    unsigned = NUMBER_PATTERN.match(searched, second.start() + 1)
    return numbers if unsigned is None else [first, unsigned]
