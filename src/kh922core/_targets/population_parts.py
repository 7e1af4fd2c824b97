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
_WOMEN_OF = (
    r"(?:lao\s+động|người|học\s+sinh|sinh\s+viên|cán\s+bộ|công\s+chức|viên\s+chức|trẻ\s+em"
    r"|đại\s+biểu|chủ\s+doanh\s+nghiệp|doanh\s+nhân)"
)
#: Where people live, before a place that is a part (``xã biên giới``, ``vùng ven biển``; not
#: ``cửa khẩu biên giới``, ``rừng phòng hộ ven biển``: things of the border, of the coast).
_PLACES = r"(?:xã|phường|thôn|bản|vùng|khu\s+vực|huyện|địa\s+bàn|bãi\s+ngang|tuyến)(?:,\s+\w+)?\s+"
_PARTS = {  # (a domain's, an agency's or a programme's name is none: "phát triển nông thôn")
    "nông thôn": r"(?<!triển\s)(?<!tế\s)(?<!trường\s)nông\s+thôn(?!\s+mới)",
    "thành thị": r"thành\s+thị",
    "miền núi": r"miền\s+núi|vùng\s+núi",
    "dân tộc thiểu số": (
        r"dân\s+tộc\s+thiểu\s+số|(?:ĐB)?DTTS|(?:người|đồng\s+bào)\s+dân\s+tộc(?!\s+thiểu)"
    ),
    "vùng khó khăn": r"vùng\s+(?:sâu|xa|cao(?!\s+(?:su|nguyên))|(?:đặc\s+biệt\s+)?khó\s+khăn)|ĐBKK",
    "biên giới": rf"{_PLACES}biên\s+giới",
    "ven biển": rf"{_PLACES}ven\s+biển",
    "hải đảo": r"hải\s+đảo|xã\s+đảo",
    "nữ": rf"{_WOMEN_OF}\s+nữ|nữ\s+{_WOMEN_OF}|nữ\s+giới",
}
#: Short names of a part in a row's name (``Tỷ lệ cứng hóa GTNT``: rural roads; ``dân cư NT``,
#: ``vùng DTTS&MN``), and the words of one a name says it by (``phụ nữ``, ``trẻ em gái``).
_SHORT_NAMES = {
    "nông thôn": re.compile(r"(?<![^\W\d_])(?:GTNT|NT|xã,\s*thôn)(?![^\W\d_])"),
    "miền núi": re.compile(r"(?<![^\W\d_])MN(?![^\W\d_])"),
    "nữ": re.compile(r"(?<!\w)(?:nữ|phụ\s+nữ|em\s+gái)(?!\w)", re.IGNORECASE),
}
#: A programme's, a centre's or a bank's name, to the end of its clause: its words name no part
#: (``Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi``).
_NAMED_BODY = re.compile(
    r"(?i:chương\s+trình|MTQG|đề\s+án|dự\s+án|trung\s+tâm|ngân\s+hàng)\b[^,;()]*"
    r"|\bBộ\s+[A-ZĐ][^,;()]*"
)
_PART_WORDS = {
    part: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) for part, words in _PARTS.items()
}
#: A row's name that writes the urban part as ``đô thị`` (``khu vực đô thị``, ``Tỷ lệ đô thị
#: hóa``: the urban share).
_URBAN_NAME = re.compile(r"(?<!\w)đô\s+thị(?!\s+thông\s+minh)(?!\w)", re.I)
#: Where the words after the number stop saying what it counts: a clause of its own.
_BREAK = re.compile(
    r",(?!\d)|[;(]|(?<!\w)(?:trong\s+đó|riêng|không\s+tính|ngoại\s+trừ|trừ|tập\s+trung|kể\s+cả"
    r"|bao\s+gồm|gồm\s+cả|ưu\s+tiên|đặc\s+biệt|nhất\s+là|phục\s+vụ)(?!\w)",
    re.IGNORECASE,
)
#: A bracket of a few words only, which qualifies the number (``90 triệu đồng (nông thôn)``).
_QUALIFYING = re.compile(r"\((?P<words>\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*)\)")
#: A part the target is given for alone, wherever it stands (``Dưới 1% (riêng thành thị)``).
#: (A clause after ``riêng`` that says more, ``riêng khu vực biên giới ưu tiên hoàn thành
#: trước``, is a note on the whole.)
_ONLY = re.compile(r"(?<!\w)(?:riêng|chỉ\s+tính)(?:\s+[^\W\d_]+){1,5}\s*(?=\)|$)", re.IGNORECASE)
#: The whole named in the subject, before the number: ``chung`` after its noun (``thất nghiệp
#: chung``; not ``chung cư``, ``dùng chung``), or the province as a whole.
_WHOLE = re.compile(
    r"(?<!\w)(?:(?<!dùng\s)(?<!sử\sdụng\s)chung(?!\s+cư)|toàn\s+tỉnh|cả\s+tỉnh)(?!\w)",
    re.IGNORECASE,
)


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
    brackets = (  # "(nông thôn)"; not "(kể cả vùng DTTS)", which says more of the whole
        b.group("words")
        for b in _QUALIFYING.finditer(rest)
        if not _BREAK.match(b.group("words").strip())
    )
    return " ".join([counted, *(only.group(0) for only in _ONLY.finditer(text)), *brackets])


def refuse_a_part(text: str, indicator: str | None) -> None:
    """Refuse a cell that names a part its row's name does not, or the whole in a row of a
    part (see the module docstring)."""
    if indicator is None:
        return
    own = set(_parts(indicator))
    own |= {part for part, short in _SHORT_NAMES.items() if short.search(indicator)}
    if _URBAN_NAME.search(indicator):
        own.add("thành thị")
    named = _parts(_NAMED_BODY.sub(" ", _counted(text)))
    other = next((found for part, found in named.items() if part not in own), None)
    if other is not None:
        raise TargetParseError(
            text,
            max(text.find(other.group(0)), 0),
            "the target of the row's own measure, or a row of the part's own",
            reason=f"{other.group(0)!r}: the target of a part, not of {indicator!r}",
        )
    first = re.search(r"\d", blank(text, YEARS))
    whole = _WHOLE.search(text[: first.start()] if first else text)  # "45% dân số toàn tỉnh"
    if whole is not None and own and not named:
        raise TargetParseError(
            text,
            whole.start(),
            "the target of the row's part, or a row of the whole's own",
            reason=f"{whole.group(0)!r}: the target of the whole, in a row of a part "
            f"({', '.join(sorted(own))})",
        )
