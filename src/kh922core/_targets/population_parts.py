"""A part of the population or of the land named in a cell that its row does not name.

A row measures a whole (``Thu nhập bình quân đầu người``, ``Tỷ lệ hộ nghèo``) or a part of it
(``… khu vực nông thôn``, ``… vùng đồng bào dân tộc thiểu số``).  A cell that names another
part (``Thu nhập bình quân của người dân nông thôn đạt 90 triệu đồng``, ``Tỷ lệ lao động nữ qua
đào tạo đạt 70%``, ``100% hộ dân nông thôn được sử dụng nước sạch``) gives that part's target:
read as the row's, it judges the whole against the part's figure, silently.  So does a cell
that names the whole in a row of a part (``Tỷ lệ thất nghiệp chung dưới 2,5%`` in the row of
the urban rate).  :func:`refuse_a_part` refuses both, naming the part; a cell's labelled parts
(``thành thị 100%, nông thôn 90%``) are read by :func:`kh922core.split_targets`, each with its
label.

The parts are those plans single out: rural and urban areas, mountains, ethnic minorities, the
hardest-hit, border and coastal communes, islands, women (``lao động nữ``; not ``phụ nữ``, the
population of a mother's health: ``phụ nữ đẻ được khám thai``).  ``nông thôn mới`` is a
programme, not a part; ``đô thị`` is ``thành thị`` in a row's name (and a city of its own in a
cell: not read).  Only the words that say what the number counts are read: those before it, and
after it up to a clause of its own (``Đạt 95% (trong đó tập trung vào khu vực nông thôn)``: a
note on the whole), and a part the target is given for alone (``Dưới 1% (riêng thành thị)``).
"""

from __future__ import annotations

import re

from kh922core._targets.scanner import YEARS, blank
from kh922core.errors import TargetParseError

__all__ = ["refuse_a_part"]

#: The parts, each with the words that write it (in a cell or in a row's name).
_PARTS = {
    "nông thôn": r"nông\s+thôn(?!\s+mới)",
    "thành thị": r"thành\s+thị",
    "miền núi": r"miền\s+núi",
    "dân tộc thiểu số": r"dân\s+tộc\s+thiểu\s+số|(?:ĐB)?DTTS",
    "vùng khó khăn": r"vùng\s+(?:sâu|xa|cao|(?:đặc\s+biệt\s+)?khó\s+khăn)",
    "biên giới": r"biên\s+giới",
    "ven biển": r"ven\s+biển",
    "hải đảo": r"hải\s+đảo",
    "nữ": r"(?:lao\s+động|người|học\s+sinh|sinh\s+viên|cán\s+bộ|công\s+chức|viên\s+chức|trẻ\s+em"
    r"|đại\s+biểu|chủ\s+doanh\s+nghiệp|doanh\s+nhân)\s+nữ|nữ\s+giới",
}
#: Short names of a part in a row's name (``Tỷ lệ cứng hóa GTNT``: rural roads).
_SHORT_NAMES = {"nông thôn": re.compile(r"(?<!\w)GTNT(?!\w)")}
_PART_WORDS = {
    part: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) for part, words in _PARTS.items()
}
#: A row's name that writes the urban part as ``đô thị`` (``khu vực đô thị``).
_URBAN_NAME = re.compile(r"(?<!\w)đô\s+thị(?!\s+(?:hóa|hoá|thông\s+minh|loại))(?!\w)", re.I)
#: Where the words after the number stop saying what it counts: a clause of its own.
_BREAK = re.compile(
    r"[,;(]|(?<!\w)(?:trong\s+đó|riêng|không\s+tính|ngoại\s+trừ|trừ|tập\s+trung)(?!\w)",
    re.IGNORECASE,
)
#: A part the target is given for alone, wherever it stands (``Dưới 1% (riêng thành thị)``).
#: (A clause after ``riêng`` that says more, ``riêng khu vực biên giới ưu tiên hoàn thành
#: trước``, is a note on the whole.)
_ONLY = re.compile(r"(?<!\w)(?:riêng|chỉ\s+tính)(?:\s+[^\W\d_]+){1,5}\s*(?=\)|$)", re.IGNORECASE)
#: The whole named in the subject: ``chung`` after its noun (``thất nghiệp chung``), or the
#: province as a whole.
_WHOLE = re.compile(r"(?<!\w)(?:chung|toàn\s+tỉnh|cả\s+tỉnh)(?!\w)", re.IGNORECASE)


def _parts(text: str) -> dict[str, re.Match[str]]:
    return {part: found for part, words in _PART_WORDS.items() if (found := words.search(text))}


def _counted(text: str) -> str:
    """The words of ``text`` that say what its number counts: those before the number and
    after it up to a clause of its own (``Đạt 95% (trong đó tập trung vào …)``: a note on the
    whole), and a part the target is given for alone (``riêng …``) wherever it stands."""
    first = re.search(r"\d", blank(text, YEARS))
    if first is None:
        return text
    rest = text[first.start() :]
    stop = _BREAK.search(rest)
    counted = text[: first.start() + (stop.start() if stop else len(rest))]
    return " ".join([counted, *(only.group(0) for only in _ONLY.finditer(text))])


def refuse_a_part(text: str, indicator: str | None) -> None:
    """Refuse a cell that names a part its row's name does not, or the whole in a row of a
    part (see the module docstring)."""
    if indicator is None:
        return
    own = set(_parts(indicator))
    own |= {part for part, short in _SHORT_NAMES.items() if short.search(indicator)}
    if _URBAN_NAME.search(indicator):
        own.add("thành thị")
    named = _parts(_counted(text))
    other = next((found for part, found in named.items() if part not in own), None)
    if other is not None:
        raise TargetParseError(
            text,
            max(text.find(other.group(0)), 0),
            "the target of the row's own measure, or a row of the part's own",
            reason=f"{other.group(0)!r}: the target of a part, not of {indicator!r}",
        )
    whole = _WHOLE.search(text)
    if whole is not None and own and not named:
        raise TargetParseError(
            text,
            whole.start(),
            "the target of the row's part, or a row of the whole's own",
            reason=f"{whole.group(0)!r}: the target of the whole, in a row of a part "
            f"({', '.join(sorted(own))})",
        )
