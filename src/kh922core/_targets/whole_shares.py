"""``trên`` before all of something: on it, not more than it.

``Mạng 4G, 5G phủ sóng trên 100% địa bàn``, ``Triển khai trên 100% xã, phường``: ``trên`` is
*on*, *across* (every commune), and read as *more than* it made a target no share can meet
(``> 100%``).  A ``trên 100%`` before the places, units or people it covers is refused, asking
for the share alone; before a whole a level may pass (``trên 100% dự toán``, ``… GRDP``, ``…
nhu cầu``, ``… vốn được giao``) it keeps its meaning.
"""

from __future__ import annotations

import re
import unicodedata

from kh922core._targets.kinds import Comparison, Operator, TargetSpec
from kh922core.errors import TargetParseError

__all__ = ["refuse_more_than_all"]

#: "trên 100%" before the places, units or people it covers ("địa bàn", "xã, phường", "thôn",
#: "hộ", "cơ quan", "trường", "tuyến đường", "diện tích"): never a whole a level may pass
#: ("GRDP", "nhu cầu", "dự toán", "kế hoạch", "vốn được giao", "công suất").
_ON_ALL = re.compile(
    r"(?<!\w)trên\s+100\s*%\s+(?P<noun>(?:(?:tổng\s+)?số\s+|các\s+)?(?:địa\s+bàn|xã|phường|"
    r"thị\s+trấn|thôn|ấp|bản|buôn|làng|khu\s+phố|tổ\s+dân\s+phố|huyện|đơn\s+vị|cơ\s+quan|"
    r"trường|cơ\s+sở|hộ|người\s+dân|dân\s+cư|doanh\s+nghiệp|hợp\s+tác\s+xã|tuyến|đường|"
    r"diện\s+tích|điểm|trạm|bệnh\s+viện|thủ\s+tục|hồ\s+sơ|học\s+sinh|giáo\s+viên|cán\s+bộ)"
    r"(?!\w)(?![^\d;]*(?:kế\s+hoạch|dự\s+toán|được\s+giao|giao))[^\d;]*)",
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
