"""How a target's text is written back (:meth:`BaseSpec.render
<kh922core._targets.kinds.base.BaseSpec.render>`): a number with its unit and note, so that the
grammar reads the text as the same target.
"""

from __future__ import annotations

import re

from kh922core._targets.units import parse_unit
from kh922core.errors import UnitError

__all__ = ["LIST_MARK", "reads_as_unit", "with_unit"]

#: A note's first word that, right after a number or its unit, would bound it.
_BOUND_WORD = re.compile(r"(?:trở\s+)?(?:lên|xuống)(?!\w)", re.IGNORECASE)


def with_unit(number: str, unit: str | None, note: str | None, *, counted: bool = True) -> str:
    """``number`` followed by its unit and note, as a target text writes them.

    A note after a number with no unit is written in brackets when the number counts something
    (``counted``: not a rank group's): a word right after such a number would read as what it
    counts, which the grammar refuses where it is not the indicator's unit (``5 nhà văn hóa``
    in a ``%`` row).

    Examples:
        >>> with_unit("8", "%", None), with_unit("168", "triệu đồng", "cấp tỉnh")
        ('8%', '168 triệu đồng cấp tỉnh')
        >>> with_unit("90", None, "cấp tỉnh")
        '90 (cấp tỉnh)'
    """
    text = number
    if unit:
        text += unit if unit.startswith("%") else f" {unit}"
    if note:
        plain = "(" in note or ")" in note  # brackets inside brackets would not read back
        # after "lần" a word would name the level it is a multiple of: a note goes in brackets
        bracketed = (counted and not unit and not plain) or reads_as_unit(unit, note)
        bracketed = bracketed or (unit == "lần" and not plain)
        # "lên", "xuống" right after a range or its unit would bound it (``70-75% trở lên``)
        bracketed = bracketed or (not plain and _BOUND_WORD.match(note) is not None)
        # "% GRDP …" right after "điểm" would make it points of a percentage
        bracketed = bracketed or (not plain and note.startswith(("%", "‰")))
        text += f" ({note})" if bracketed else f" {note}"
    return text


def reads_as_unit(unit: str | None, note: str) -> bool:
    """Whether ``note`` written after ``unit`` would be read as part of a unit (``% GRDP``)."""
    words = note.split()
    for count in range(1, min(len(words), 12) + 1):
        head = " ".join(words[:count]).rstrip(".;:,")
        if not head:
            continue
        # after "lần" (a multiple, which the grammar sets aside) the words stand alone
        candidate = head if unit is None or unit == "lần" else f"{unit} {head}"
        try:
            parse_unit(candidate)
        except UnitError:
            continue
        return True
    return False


#: A list mark before a target ("a) Giảm tỷ lệ hộ nghèo đạt 1%", "1. Đạt 95%", "IV. 95%",
#: "(1) Đạt 95%"), which the grammar drops.  A number's mark needs a word after it ("12. 500
#: hộ": 12.500?).
LIST_MARK = re.compile(
    r"^\s*(?:[a-zđ][.)]|[IVX]{1,4}\.|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)/](?=\s+[^\W\d_]))\s+"
    r"(?=\S)",
    re.IGNORECASE,
)
