"""A number written over a per unit with no head (``12/vạn dân``, ``40/100.000 trẻ đẻ sống``).

Plans that give a rate per so many inhabitants often leave out what is counted, because the row
says it: ``Số bác sĩ/vạn dân`` with the unit ``bác sĩ/vạn dân`` and the target ``đạt 12/vạn
dân``.  The number is then read in the row's head over the written denominator
(``bác sĩ/vạn dân``; ``12/1.000 dân`` is ``bác sĩ/1.000 dân``, 120 a vạn), only where that unit
converts into the row's.  With a row unit with no head (``‰``, ``%``), or a denominator of
another kind (``/100 hộ`` in a row per inhabitant), the text is refused by name: a per unit with
no head says per what, not of what; with no row unit, the grammar reads on as before (a note
that opens with ``/vạn dân`` is refused).
"""

from __future__ import annotations

import re

from kh922core._targets.units import Unit, is_compatible, parse_unit
from kh922core.errors import Kh922Error, TargetParseError

__all__ = ["headless_unit"]

#: The "/" right after a number, and the words of a denominator after it (at most a few).
_SLASH = re.compile(r"[ \t\u00a0]*/[ \t\u00a0]*(?=[\w])")
_WORD = re.compile(r"[^\s/(),;:]+")
_MAX_WORDS = 5
#: A head that every listed per text composes with: only to tell a per text from other words.
_ANY_HEAD = "người"


def _denominators(suffix: str, start: int) -> list[tuple[str, int]]:
    """The denominators that may follow the ``/`` at ``start``, longest first, with their
    ends."""
    found: list[tuple[str, int]] = []
    position = start
    for _ in range(_MAX_WORDS):
        word = _WORD.match(suffix, position)
        if word is None:
            break
        found.append((suffix[start : word.end()], word.end()))
        spaces = re.match(r"[ \t\u00a0]+", suffix[word.end() :])
        if spaces is None:
            break
        position = word.end() + spaces.end()
    return found[::-1]


def _unit_or_none(text: str) -> Unit | None:
    try:
        return parse_unit(text)
    except Kh922Error:
        return None


def headless_unit(
    text: str, suffix: str, offset: int, row_unit: Unit | None
) -> tuple[str, int] | None:
    """The unit of a number followed by a per unit with no head, and where it ends in ``suffix``.

    Args:
        text: The whole target text (for the error).
        suffix: The text after the number.
        offset: Where ``suffix`` starts in ``text``.
        row_unit: The row's unit, if known.

    Returns:
        ``None`` when ``suffix`` does not open with ``/`` and a per unit (``/vạn dân``), or no
        row unit is given (the grammar reads on, and refuses a note that opens with ``/``);
        else the row unit's head over the written denominator, and the end of the denominator.

    Raises:
        TargetParseError: The per unit has no head the row can give.
    """
    slash = _SLASH.match(suffix)
    if slash is None:
        return None
    candidates = _denominators(suffix, slash.end())
    per = next(
        (
            (written, end)
            for written, end in candidates
            if _unit_or_none(f"{_ANY_HEAD}/{written}") is not None
        ),
        None,
    )
    if per is None:
        return None
    written, end = per
    head = row_unit.text.split("/", 1)[0].strip() if row_unit and "/" in row_unit.text else ""
    unit = _unit_or_none(f"{head}/{written}") if head else None
    if row_unit is None:  # no row to complete it: the note keeps "/vạn dân" (refused if alone)
        return None
    if unit is not None and is_compatible(unit, row_unit):
        return unit.text, end
    given = f" (the row's unit {row_unit.text!r} has none of its kind)"
    raise TargetParseError(
        text,
        offset + slash.start(),
        "the whole unit after the number ('35 giường bệnh/vạn dân'), or a row unit that names "
        "what is counted",
        reason=f"a per unit with no head: '/{written}'{given}",
    )
