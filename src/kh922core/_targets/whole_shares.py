"""``trên`` before all of something: on it, not more than it.

``Mạng 4G, 5G phủ sóng trên 100% địa bàn``, ``Triển khai trên 100% xã, phường``: ``trên`` is
*on*, *across* (every commune), and read as *more than* it made a target no share can meet
(``> 100%``).  A ``trên 100%`` with what it counts after it is refused, asking for the share
alone; one of a plan or an estimate, which a level may pass (``Thu ngân sách đạt trên 100% dự
toán``, ``… kế hoạch``, ``… so với cùng kỳ``), keeps its meaning.
"""

from __future__ import annotations

import re
import unicodedata

from kh922core._targets.kinds import Comparison, Operator, TargetSpec
from kh922core.errors import TargetParseError

__all__ = ["refuse_more_than_all"]

#: "trên 100%" and a word after it that is no whole a level may pass.
_ON_ALL = re.compile(
    r"(?<!\w)trên\s+100\s*%\s+(?!(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|so\s+với|"
    r"cùng\s+kỳ|năm|trở|kh|nhiệm\s+vụ|mức)(?!\w))(?P<noun>[^\W\d_][\w\s,]*)",
    re.IGNORECASE,
)


def refuse_more_than_all(text: str, spec: TargetSpec) -> None:
    """Refuse ``trên 100% địa bàn`` (on every place, or more than all of it?).

    Raises:
        TargetParseError: ``trên 100%`` before what it counts, read as more than 100 %.
    """
    if not (isinstance(spec, Comparison) and spec.operator is Operator.GT and spec.value == 100):
        return
    found = _ON_ALL.search(unicodedata.normalize("NFC", text))
    if found is not None:
        raise TargetParseError(
            text,
            found.start(),
            "the share alone ('100% địa bàn', 'phủ sóng 100% xã')",
            reason=f"{found.group(0).strip()!r}: on all of the {found.group('noun').strip()!r} "
            "(100 %), or more than all of it (never met)?",
        )
