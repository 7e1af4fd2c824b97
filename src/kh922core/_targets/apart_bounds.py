"""Words of a bound written apart from the number they bound, refused by name.

The grammar reads a comparator right before its number (``dưới 15%``, ``tối đa 15%``).  Words of
a bound with others between them and the number (``dưới mức trần 15%``, ``tối đa phải đạt
15%``, ``tối thiểu phải đạt 95%``, ``chỉ ở mức 3%``), or a bound the grammar has no phrase
for (``trong giới hạn 15%``, ``trong ngưỡng 4%``, ``mức trần 15%``, ``ít ra 95%``, ``đưa về 15%``),
would go to the
note, and the number be read bare, in the indicator's direction: a cap read as a floor where
the indicator is better higher.  Such a text is refused, naming the words.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import Comparison, Direction, Operator, TargetSpec
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core.errors import TargetParseError

__all__ = ["refuse_bound_apart"]

#: Words that may stand between a bound and its number ("ở mức", "phải đạt", "cho phép").
_BETWEEN = (
    r"(?:\s+(?:ở|mức|ngưỡng|mốc|là|phải|đạt|được|cho\s+phép|trần|sàn|khoảng|chỉ|còn|bằng|"
    r"tối\s+đa))"
)
#: A comparator the grammar reads, with words between it and the number.
_SPACED = re.compile(
    r"(?<![\w])(?<!cấp\s)(?<!tuyến\s)(?P<word>dưới|trên|tối\s+đa|tối\s+thiểu|ít\s+nhất|nhiều\s+nhất|"
    r"không\s+quá|không\s+vượt(?:\s+quá)?|(?<!chứng\s)chỉ|(?<!được\s)(?:khống|kiềm)\s+chế)"
    rf"{_BETWEEN}+\s*$",
    re.IGNORECASE,
)
#: A bound the grammar has no phrase for, right before the number or with only "ở mức", "là"
#: between ("trong giới hạn cho phép đạt 95%" names the subject: within the limits).
_UNREAD = re.compile(
    r"(?<![\w])(?P<word>mức\s+trần|trần|mức\s+sàn|giới\s+hạn|đưa\s+về|hạn\s+chế(?=\s+ở)|ít\s+ra|"
    r"trong(?=\s+(?:ngưỡng|mức|mốc)(?![\w]))|ở(?=\s+ngưỡng(?![\w])))"  # a cap, or a band?
    r"(?:\s+(?:ở|mức|ngưỡng|mốc|là|khoảng|bằng))*\s*$",
    re.IGNORECASE,
)


def refuse_bound_apart(text: str, spec: TargetSpec) -> None:
    """Refuse a target read bare whose words before a number hold a bound that the reading
    left in its note (see the module docstring).

    Examples:
        >>> bare = Comparison(operator=Operator.TARGET, value=15.0, note="Tín dụng dưới mức trần")
        >>> refuse_bound_apart("Tín dụng dưới mức trần 15%", bare)
        Traceback (most recent call last):
        ...
        kh922core.errors.TargetParseError: cannot parse target 'Tín dụng dưới mức trần 15%' ...
        >>> child = bare.model_copy(update={"note": "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng"})
        >>> refuse_bound_apart("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng 15%", child)
    """
    if not isinstance(spec, Comparison) or spec.operator is not Operator.TARGET:
        return
    for number in re.finditer(NUMBER_PATTERN, text):
        before = text[: number.start()]
        found = _SPACED.search(before) or _UNREAD.search(before)
        note = (spec.note or "").casefold()
        within = found is not None and found.group("word").casefold() in ("trong", "ở")
        if within and spec.direction is Direction.LOWER_IS_BETTER:
            continue  # "Kiểm soát lạm phát trong ngưỡng 4%" of a row better lower: its cap
        if found is not None and " ".join(found.group("word").casefold().split()) in note:
            raise TargetParseError(
                text,
                found.start("word"),
                "the comparator right before the number ('dưới 15%', 'tối đa 15%', '≤ 15%')",
                reason=f"{found.group().strip()!r} before the number: a bound the grammar does "
                "not read there; read bare, the number would take the indicator's direction",
            )
