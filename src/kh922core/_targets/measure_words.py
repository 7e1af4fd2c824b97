"""Numbers of another measure than the row's, which a reading would take for the row's own:
a loss of a balance, a grade in a row of a per cent, a rank in a row of a measure, and a minus
sign right after a verb of change.

:func:`refuse_words_of_another_measure` and :func:`refuse_signed_change` refuse each, naming
what to write instead.
"""

from __future__ import annotations

import re

from kh922core._targets.another_kind import refuse_numbers_of_another_kind
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.unit_fit import counts_things
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["refuse_signed_change", "refuse_words_of_another_measure"]

#: Words of a level between a verb of change and a signed number ("đạt -2%", "xuống -2%").
_LEVEL_WORDS = re.compile(  # not "bằng" ("tăng bằng -2"), nor an operator's ("đạt và vượt mức")
    r"(?<!\w)(?:đạt(?!\s+(?:và|hoặc)\s+vượt)|là|(?<!vượt\s)mức|xuống|còn|lên|về|tới|đến|ở|từ)"
    r"(?!\w)",
    re.IGNORECASE,
)
#: A minus sign before a number (after a word, not between two numbers: "giảm -2%").
_MINUS = re.compile(r"[-−]\s?\d")
#: A loss or a deficit before its number, the negative side of a balance ("Lỗ không quá 10 tỷ
#: đồng" of "Lợi nhuận …": a profit of at least -10, not at most 10; not "lỗ hổng").
_NEGATIVE_SIDE = re.compile(
    r"(?<!\w)(?:thua\s+lỗ|lỗ|nhập\s+siêu|thâm\s+hụt|bội\s+chi)(?=\s+(?:(?:không\s+(?:quá|vượt"
    r"(?:\s+quá)?)|dưới|tối\s+đa|ở\s+mức|khoảng|chỉ\s+còn|còn)\s+)?\d)",
    re.IGNORECASE,
)
#: The same words in an indicator's name.
_NEGATIVE_NAME = re.compile(r"(?<!\w)(?:lỗ|nhập\s+siêu|thâm\s+hụt|bội\s+chi)(?!\w)", re.I)
#: A grade on a scale (1 to 5) as the whole target ("Đạt mức 3", "Cấp độ 4 trở lên"): no per
#: cent ("Dưới mức 3", "Khống chế ở mức 4": a level).
_GRADE = re.compile(
    r"^\s*(?:(?:đạt|phấn\s+đấu)\s+(?:chuẩn\s+)?|tối\s+thiểu\s+|ít\s+nhất\s+|từ\s+)?"
    r"(?:mức(?:\s+độ)?|cấp\s+độ|cấp)\s+([1-5])(?![\d.,]|\s*(?:%|(?!trở\s+lên)[^\W\d_]))",
    re.IGNORECASE,
)
#: Words of a rank before a number ("Xếp hạng 20 thế giới").
_RANK_WORDS = re.compile(
    r"(?<!\w)(?:xếp\s+(?:hạng|thứ)|thứ\s+hạng|đứng\s+thứ)\s+(?:thứ\s+)?\d", re.IGNORECASE
)


def refuse_words_of_another_measure(
    text: str, spec: TargetSpec, indicator: str | None, unit: Unit | None
) -> None:
    """Refuse a number the row's measure is not: a loss or a deficit of a row that measures the
    balance (``Lỗ không quá 10 tỷ đồng`` of ``Lợi nhuận …``), a grade in a row of a per cent
    (``Đạt mức 3``, ``cấp độ 4``: as ``4 sao`` is), a rank in a row of another unit (``Xếp
    hạng 20 thế giới`` of a speed)."""
    if spec.kind not in ("comparison", "range", "approximate"):
        return
    loss = _NEGATIVE_SIDE.search(text)
    if loss is not None and indicator is not None and not _NEGATIVE_NAME.search(indicator):
        raise TargetParseError(
            text,
            loss.start(),
            "the level of the row's measure, with its sign ('≥ -10 tỷ đồng'), or a row of its own",
            reason=f"{loss.group(0)!r}: the negative side of {indicator!r}, a number of another "
            "measure",
        )
    grade = _GRADE.search(text)
    written, rising = getattr(spec, "unit", None), spec.direction is Direction.HIGHER_IS_BETTER
    alone = len(re.findall(r"\d+", text)) == 1  # "Đạt 80 (mức độ 4)": the grade labels the 80
    if grade and alone and rising and written is None and unit and unit.text.strip() == "%":
        raise TargetParseError(
            text,
            grade.start(),
            "the per cent with its sign ('Đạt 80%'), or a row whose unit is the grade",
            reason=f"{grade.group(0)!r}: a grade on a scale, not a per cent",
        )
    rank = _RANK_WORDS.search(text)  # "Xếp hạng 5 di tích": classified, of a count
    if rank is not None and unit is not None and not (unit.is_rank or counts_things(unit)):
        raise TargetParseError(
            text,
            rank.start(),
            "a target in the indicator's unit, or a rank indicator",
            reason=f"{rank.group(0)[:-1].strip()!r}: a rank, in a row measured in {unit.text!r}",
        )
    refuse_numbers_of_another_kind(text, spec, indicator, unit)


def refuse_signed_change(text: str, verb: str | None) -> None:
    """Refuse a minus sign after the verb of change (``verb``, as written: ``Giảm -2%``, ``rút
    ngắn -4``, ``Giảm số ngày -3``) with no word of a level between them: which way does it
    move?  Between two numbers it is a range (``giảm 2-3%``); after a level's word, a level's
    sign (``Tăng trưởng đạt -2%``, ``giảm tỷ lệ xuống -2%``)."""
    signed = next(iter(_MINUS.finditer(text)), None) if verb else None
    before = text[: signed.start()].rstrip().casefold() if signed is not None else ""
    at = before.rfind(verb.casefold()) if verb else -1
    between = before[at + len(verb or "") :] if at >= 0 else ""
    of_number = any(ch.isdigit() for ch in between)  # "giảm 2-3%", "8,5%-9%": a range
    if signed is not None and at >= 0 and not of_number and not _LEVEL_WORDS.search(between):
        raise TargetParseError(
            text,
            signed.start(),
            "the change with its verb and no sign ('giảm 2%', 'tăng 2%')",
            reason=f"a verb of change and a minus sign ({text[: signed.end()].strip()!r}): "
            "which way does it move?",
        )
