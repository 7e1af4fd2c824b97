"""Words that hold a level down, read where they are a verb and not where they name the subject.

* ``Kiểm soát lạm phát ở mức 4%``, ``Lạm phát được kiểm soát ở mức 4%``: to keep a figure in
  check *at* a level is to keep it at that level or under, as ``Khống chế tốc độ tăng dân số ở
  mức 1%`` is (read as a bare number, it was at least 4 % on a row better higher, or with no
  direction: always met by a rate of 9 %).  ``Kiểm soát`` alone is no phrase of the grammar: it
  names a subject as often (``Tỷ lệ cơ sở được kiểm soát ô nhiễm``), so only the phrase ``ở
  mức`` right before the number, in the same clause, makes it a cap; a band keeps its reading.
* ``Khống chế 100% ổ dịch``, ``Kiềm chế 90% điểm nóng``: the number counts what is contained (at
  least 100 % of the outbreaks), it is no cap on the row's figure (read as at most 100 %: always
  met).  Refused, asking for the share to reach.
* ``Tỷ lệ che phủ rừng tự nhiên còn lại 30%`` on a row better higher: ``còn lại`` after the
  subject's words says what *remains* (the natural forest left), or that the share falls to
  30 %?  Read by the phrase, it was at most 30 %: met by every fall of the forest.  Refused where
  the row is stated better higher; where it is better lower (``Số hộ nghèo còn lại 300 hộ``) or
  its direction is not given, both readings agree with the phrase's (at most).
"""

from __future__ import annotations

import re
import unicodedata

from kh922core._targets.kinds import Approximate, Comparison, Direction, Operator, Range, TargetSpec
from kh922core.errors import TargetParseError

__all__ = ["read_held_levels"]

#: "kiểm soát …  ở mức N" in one clause (no mark that ends one between), the number right after
#: "ở mức" (or "khoảng", "trên dưới": an approximate level held down).
_CHECKED_AT = re.compile(
    r"(?<!\w)kiểm\s+soát(?!\w)[^,;:.\n]*?(?<!\w)ở\s+mức\s+(?:(?:khoảng|trên\s+dưới)\s+)?"
    r"(?=[\d.,]*\d)",
    re.IGNORECASE,
)
#: "khống chế", "kiềm chế" right before the number (or its bound), with nothing between.
_HELD_NUMBER = re.compile(
    r"(?<!\w)(?:khống|kiềm)\s+chế\s+(?:ở\s+mức\s+|mức\s+)?"
    r"(?:(?:dưới|tối\s+đa|không\s+quá|<|≤)\s*)?\d[\d.,]*\s*%?",
    re.IGNORECASE,
)
#: The reason a verbless "còn lại" gives its level.
_REMAINING = "a level: 'còn lại' names the level to reach"


def read_held_levels(
    text: str, spec: TargetSpec, reason: str | None, stated: Direction | str | None
) -> tuple[TargetSpec, str | None]:
    """``spec`` and its reason, read again where a word holds the level down (see the module).

    Raises:
        TargetParseError: A contained share (``Khống chế 100% ổ dịch``); ``còn lại`` after
            the subject on a row stated better higher.
    """
    lower = unicodedata.normalize("NFC", text).casefold()
    note = (getattr(spec, "note", None) or "").casefold().strip()
    held = _HELD_NUMBER.search(lower)
    if held is not None and note and note in lower[held.end() :] and spec.change is None:
        raise TargetParseError(
            text,
            held.start(),
            "the share to reach ('100% ổ dịch được khống chế', 'đạt 100%')",
            reason=f"{text[held.start() : held.end()]!r} and {note!r} after the number: a cap on "
            "the row's figure, or a share of what is contained?",
        )
    stated_higher = Direction(stated or "band") is Direction.HIGHER_IS_BETTER
    if reason == _REMAINING and note and stated_higher and lower.find(note) < lower.find("còn lại"):
        raise TargetParseError(
            text,
            lower.find("còn lại"),
            "the level alone ('đạt 30%'), or the fall ('giảm xuống còn 30%')",
            reason=f"{note!r} 'còn lại' on a row better higher: what remains, or a fall "
            "to that level?",
        )
    if reason is None and spec.change is None and _CHECKED_AT.search(lower):
        if stated is not None and Direction(stated) is Direction.BAND:
            return spec, reason
        said = "a level: 'kiểm soát … ở mức' holds the level at it or under"
        if isinstance(spec, Comparison) and spec.operator is Operator.TARGET:
            return spec.model_copy(update={"operator": Operator.LE}), said
        if isinstance(spec, (Approximate, Range)):
            return spec.model_copy(update={"direction": Direction.LOWER_IS_BETTER}), said
    return spec, reason
