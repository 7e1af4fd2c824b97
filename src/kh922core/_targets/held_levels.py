"""Words that hold a level down, read where they are a verb and not where they name the subject.

* ``Kiểm soát lạm phát ở mức 4%``, ``Lạm phát được kiểm soát ở mức 4%``: to keep a rate in
  check *at* a level is to keep it at that level or under, as ``Khống chế tốc độ tăng dân số ở
  mức 1%`` is (read as a bare number, it was at least 4 % on a row better higher, or with no
  direction: always met by a rate of 9 %).  ``Kiểm soát`` alone is no phrase of the grammar: it
  names subjects as often (``Tỷ lệ người bệnh được kiểm soát huyết áp ở mức 60%`` is a share to
  reach), so only a rate a plan caps (inflation, prices, the growth of the population, bad
  debts, a deficit) right after it, or before ``được kiểm soát``, with ``ở mức`` and the number
  ending the text, makes the cap; a band keeps its reading.
* ``Khống chế 100% ổ dịch``, ``Kiềm chế 90% điểm nóng``: the number counts what is contained (at
  least 100 % of the outbreaks), it is no cap on the row's figure (read as at most 100 %: always
  met).  Refused, asking for the share to reach; a per cent of a whole (``Khống chế dưới 3%
  tổng dư nợ``) or a count (``Khống chế 50 vụ cháy``) keeps its cap.
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

#: A figure held in check: the rate a plan caps (inflation, prices, growth of the population,
#: bad debts, a deficit), right after "kiểm soát", or before "được kiểm soát".
_CAPPED = (
    r"(?:(?:tỷ\s+lệ|tỉ\s+lệ)\s+)?(?:lạm\s+phát|(?:chỉ\s+số\s+)?cpi|chỉ\s+số\s+giá(?:\s+tiêu\s+dùng)?|"
    r"giá\s+cả|mặt\s+bằng\s+giá|(?:tốc\s+độ|tỷ\s+lệ|tỉ\s+lệ|mức)\s+(?:tăng|gia\s+tăng)\s+"
    r"(?:giá|dân\s+số|cpi)[^,;:.\n]*?|tỷ\s+lệ\s+nợ\s+xấu|nợ\s+xấu|nợ\s+công|bội\s+chi"
    r"(?:\s+ngân\s+sách)?|tỷ\s+lệ\s+sinh\s+con\s+thứ\s+ba|tỷ\s+lệ\s+nhiễm\s+hiv)"
)
#: "Kiểm soát lạm phát ở mức 4%", "Lạm phát được kiểm soát ở mức 4%": the number right after
#: "ở mức" (or "khoảng", "trên dưới": an approximate level held down), nothing after it but
#: its unit.
_CHECKED_AT = re.compile(
    rf"^\W*(?:(?:đến|tới|vào)\s+(?:cuối\s+|hết\s+)?năm\s+\d{{4}}\s*,?\s*|phấn\s+đấu\s+)?"
    rf"(?:(?:duy\s+trì\s+)?kiểm\s+soát\s+(?:(?:được|chặt\s+chẽ|tốt)\s+)*{_CAPPED}"
    rf"|{_CAPPED}\s+được\s+kiểm\s+soát(?:\s+(?:tốt|chặt\s+chẽ))?)"
    r"\s+ở\s+mức\s+(?:(?:khoảng|trên\s+dưới)\s+)?\d[\d.,]*\s*%?\s*$",
    re.IGNORECASE,
)
#: "Kiểm soát ở mức 4%" alone: a cap only in the row of a rate a plan caps (its name says so).
_CHECKED_ALONE = re.compile(
    r"^\W*kiểm\s+soát\s+ở\s+mức\s+(?:(?:khoảng|trên\s+dưới)\s+)?\d[\d.,]*\s*%?\s*$", re.IGNORECASE
)
_CAPPED_NAME = re.compile(_CAPPED, re.IGNORECASE)
#: "khống chế", "kiềm chế" right before a per cent of what is contained ("100% ổ dịch").
_HELD_NUMBER = re.compile(
    r"(?<!\w)(?:khống|kiềm)\s+chế\s+\d[\d.,]*\s*%\s*(?=(?:các\s+|số\s+)?(?:ổ\s+dịch|"
    r"điểm\s+(?:nóng|ô\s+nhiễm|sạt\s+lở)|dịch\s+bệnh|ca\s+bệnh|đám\s+cháy|vụ\s+cháy|nguồn\s+lây)"
    r"(?!\w))",
    re.IGNORECASE,
)
#: The reason a verbless "còn lại" gives its level.
_REMAINING = "a level: 'còn lại' names the level to reach"


def read_held_levels(
    text: str,
    spec: TargetSpec,
    reason: str | None,
    stated: Direction | str | None,
    indicator: str | None = None,
) -> tuple[TargetSpec, str | None]:
    """``spec`` and its reason, read again where a word holds the level down (see the module).

    Raises:
        TargetParseError: A contained share (``Khống chế 100% ổ dịch``); ``còn lại`` after
            the subject on a row stated better higher.
    """
    lower = unicodedata.normalize("NFC", text).casefold()
    note = (getattr(spec, "note", None) or "").casefold().strip()
    held = _HELD_NUMBER.search(lower)
    if held is not None and spec.change is None:
        raise TargetParseError(
            text,
            held.start(),
            "the share to reach ('100% ổ dịch được khống chế', 'đạt 100%')",
            reason=f"{text[held.start() : held.end()].strip()!r} and what follows it: a cap on "
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
    kept = re.match(r"\W*duy\s+trì\s", lower) is not None  # "Duy trì kiểm soát lạm phát ở mức 4%"
    alone = _CHECKED_ALONE.match(lower) and _CAPPED_NAME.search(indicator or "")
    if reason is None and spec.change is None and (_CHECKED_AT.match(lower) or alone):
        if stated is not None and Direction(stated) is Direction.BAND:
            return spec, reason
        said = "a level: 'kiểm soát … ở mức' holds the level at it or under"
        bare = (Operator.TARGET, Operator.GE) if kept else (Operator.TARGET,)
        if isinstance(spec, Comparison) and spec.operator in bare:
            return spec.model_copy(update={"operator": Operator.LE}), said
        if isinstance(spec, (Approximate, Range)):
            return spec.model_copy(update={"direction": Direction.LOWER_IS_BETTER}), said
    return spec, reason
