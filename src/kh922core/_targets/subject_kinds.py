"""What the subject of a change names: a share, a level that is no share, or a rate of change.

A change written in ``%`` reads by what changes (see :mod:`kh922core._targets.readings`): points
of a share, the growth of a level, or the level of a rate.  The text's subject decides
(``Tỷ lệ hộ nghèo``, ``Giá trị sản xuất``, ``Tăng trưởng kinh tế``), and where the text names
none, the indicator's name (:func:`names_a_rate`: ``Tốc độ tăng trưởng GRDP`` in a row in ``%``).
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec

__all__ = [
    "INDEX_GROWTH",
    "LIST_NUMBER",
    "PERCENT_OF",
    "RATE_IN_PERCENT",
    "RATE_WORDS",
    "SHARE_LIKE",
    "SHARE_WORDS",
    "changing_thing",
    "names_a_growth",
    "names_a_level",
    "names_a_rate",
    "unknown_thing",
]

RATE_WORDS = re.compile(r"\btốc\s+độ\s+(?:tăng|phát\s+triển|giảm)", re.IGNORECASE)
#: What names a rate of change in a row whose unit is a plain "%" (a share's unit too): growth,
#: inflation, and the change of a level that is no share, which such a row can only hold as its
#: growth rate ("Tăng trưởng kinh tế trên 8%", "CPI tăng dưới 4%", "GRDP tăng 8%", "Kim ngạch
#: xuất khẩu tăng 12%"); never with a share's words ("tỷ trọng … trong GRDP").
RATE_IN_PERCENT = re.compile(
    r"\btăng\s+trưởng\b|\btốc\s+độ\s+(?:tăng|phát\s+triển|giảm)|\blạm\s+phát\b"
    r"|\bchỉ\s+số\s+giá\b|\bCPI\b|\bGRDP\b|\bGDP\b|\bIIP\b|\bchỉ\s+số\s+sản\s+xuất\b"
    r"|\bkim\s+ngạch\b|\bthu\s+ngân\s+sách\b|\bnăng\s+suất\b|\bvốn\s+đầu\s+tư\b"
    r"|\bdoanh\s+thu\b|\bsản\s+lượng\b",
    re.IGNORECASE,
)
SHARE_WORDS = re.compile(
    r"\bt[ỷỉ]\s+(?:lệ|trọng)\b|\bđóng\s+góp\b[^,;]{0,80}?\bvào\b",  # "đóng góp của TFP vào …"
    re.IGNORECASE,
)
#: A price or output index, or the product, whose growth a row in % holds (``CPI``, ``IIP``,
#: ``GRDP``).
INDEX_GROWTH = re.compile(
    r"\bchỉ\s+số\s+giá\b|\bCPI\b|\bIIP\b|\bchỉ\s+số\s+(?:sản\s+xuất|phát\s+triển)\b"
    r"|\bGRDP\b|\bGDP\b|\btổng\s+sản\s+phẩm\b",
    re.IGNORECASE,
)


#: Words that make a thing in % a share ("độ che phủ rừng", "mức độ hài lòng").
SHARE_LIKE = re.compile(
    r"\b(?:t[ỷỉ]\s+(?:lệ|trọng|suất)|(?:độ\s+)?(?:che\s+)?phủ|mức\s+độ|phần\s+trăm|chỉ\s+số)\b",
    re.IGNORECASE,
)
#: Words that begin a note that names no thing (a place, a time, a qualifier).
_NO_THING = re.compile(
    r"^(?:trên|tại|ở|trong|của|cho|giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|đến|tới|từ|theo|so\s+với|"
    r"mỗi|(?:hằng|hàng)\s+(?:năm|tháng|quý)|bình\s+quân|đối\s+với|vào|năm|toàn|cả)\b|^\W",
    re.IGNORECASE,
)
#: The head of a subject that names a level that is no share: a value, an income, a count of
#: things ("Số doanh nghiệp"), a population, a cost or the time a process takes ("Thời gian
#: giải quyết …"), a sector's output ("Khu vực dịch vụ", "Công nghiệp"); not a share written
#: short ("Lao động qua đào tạo", "Hộ sử dụng nước sạch") nor a part of the whole ("Khu vực
#: nông thôn", "Vùng đồng bào …", "Các xã miền núi").
_LEVEL_HEAD = re.compile(
    r"^(?:tổng\s+)?(?:giá\s+trị|thu\s+nhập|doanh\s+(?:thu|số)|số\s+lượng|số(?!\s+hóa)|lượng|"
    r"kim\s+ngạch|vốn|sản\s+lượng|dân\s+số(?!\s+(?:tham|được|có|sử|biết|đạt))|quy\s+mô|chi\s+phí|thời\s+gian\s+(?:giải\s+quyết|xử\s+lý|thông\s+quan|chờ|thực\s+hiện|cấp|trả|khám|làm|tiếp\s+nhận|phê\s+duyệt|thẩm\s+định|hoàn\s+thành|đi\s+lại|vận\s+chuyển)|cường\s+độ|thu\s+ngân\s+sách|"
    r"sản\s+phẩm|(?:(?:ngành|khu\s+vực|lĩnh\s+vực)\s+)?(?:công\s+nghiệp|dịch\s+vụ|nông\s+nghiệp|"
    r"nông,?\s+lâm|thương\s+mại|du\s+lịch|xây\s+dựng|thủy\s+sản|xuất\s+khẩu|nhập\s+khẩu)|"
    r"khu\s+vực\s+I{1,3}\b|lượt|khách|thu\s+(?:nội\s+địa|thuế)|dư\s+nợ|mức\s+bán\s+lẻ|phát\s+thải|"
    r"chi\s+(?:ngân\s+sách|đầu\s+tư|thường\s+xuyên))\b",
    re.IGNORECASE,
)


#: The head of a subject that a row in % counts as a share, written short ("Hộ nghèo", "Lao
#: động qua đào tạo", "Người dân tham gia …", "Trường đạt chuẩn", "Đô thị hóa"), or a part
#: of the whole ("Khu vực nông thôn", "Vùng …", "Các xã …", "Riêng …", "Cấp xã", "Nữ").
_SHARE_HEAD = re.compile(
    r"^(?:hộ|người|lao\s+động\s+(?:qua|được)|trẻ|học\s+sinh|sinh\s+viên|trường|xã|"
    r"phường|thôn|ấp|(?:tốc\s+độ\s+)?đô\s+thị\s+hóa|khu\s+vực|vùng|các|riêng|huyện|cấp|nữ|nam|phụ\s+nữ|"
    r"cán\s+bộ|công\s+chức|viên\s+chức|dịch\s+vụ\s+công|(?:sự\s+)?hài\s+lòng|suy\s+dinh\s+dưỡng|"
    r"cơ\s+cấu|đóng\s+góp|"
    r"mức\s+độ|diện\s+tích\s+(?:che\s+phủ|được)|độ\s+)",
    re.IGNORECASE,
)


#: A place before the subject ("Trên địa bàn tỉnh, số doanh nghiệp …", "Toàn tỉnh có …").
_PLACE = re.compile(
    r"^(?:trên\s+địa\s+bàn|toàn)\s+(?:tỉnh|huyện|thành\s+phố|xã)\s*,?\s*(?:có\s+)?", re.IGNORECASE
)


#: "2% số trường": a per cent of a count after the number, which no rate of growth is.
PERCENT_OF = re.compile(r"%\s*(?:/\s*năm\s*)?(?:của\s+)?(?:tổng\s+)?số\b", re.IGNORECASE)


def _names_nothing(spec: TargetSpec) -> bool:
    """Whether the words a reading left in the note name no subject (none, a place, a time)."""
    note = _PLACE.sub("", (getattr(spec, "note", None) or "").strip())
    return not re.search(r"[^\W\d_]", note) or _NO_THING.match(note) is not None


def unknown_thing(spec: TargetSpec) -> str | None:
    """A subject the grammar cannot place in a row of a share: no share words, no head of a
    share written short or of a part of the whole, no head of a level (``Thu nội địa``,
    ``Kinh tế số``, ``phát thải khí nhà kính``); ``None`` for any other (or none)."""
    note = _PLACE.sub("", (getattr(spec, "note", None) or "").strip())
    if _names_nothing(spec) or SHARE_LIKE.search(note):
        return None
    if _SHARE_HEAD.match(note) or _LEVEL_HEAD.match(note):
        return None
    return note


def changing_thing(spec: TargetSpec, indicator: str | None = None) -> str | None:
    """The thing whose change the text bounds when its note names a level that is no share
    (``Giá trị sản xuất công nghiệp``, ``số vụ tai nạn giao thông``), or, when the note names
    no subject at all, the ``indicator``'s name does (:func:`names_a_level`); else ``None``: a
    share, a part of the whole, a place or a time keep the reading of the row's unit."""
    note = _PLACE.sub("", (getattr(spec, "note", None) or "").strip())
    if not re.search(r"[^\W\d_]", note) or _NO_THING.match(note):
        return names_a_level(indicator)
    if not _LEVEL_HEAD.match(note) or SHARE_LIKE.search(note):
        return None
    return note


#: What makes a name a ratio to something else ("… so với GRDP", "… trên 1.000 dân", "…/người");
#: a level per head ("Thu nhập bình quân đầu người") is still a level.
_RATIO = re.compile(r"\bso\s+với\b|\btrên\b(?!\s+địa\s+bàn)|/|%", re.IGNORECASE)
#: A list number or mark before a name or a label ("1. ", "a) ", "II. ", "- ").
LIST_NUMBER = re.compile(r"^\W*(?:(?:\d+(?:\.\d+)*|[IVX]+|[a-zđ])[.)]\s*)?", re.IGNORECASE)


def names_a_level(name: str | None) -> str | None:
    """An indicator's ``name`` whose first words name a level that is no share and no ratio
    (``Thu ngân sách nhà nước``, ``Số doanh nghiệp``, ``Giá trị sản xuất công nghiệp``), which a
    row in a plain ``%`` holds only as its growth rate; else ``None``.

    Examples:
        >>> names_a_level("Thu ngân sách nhà nước"), names_a_level("Tỷ lệ hộ nghèo")
        ('Thu ngân sách nhà nước', None)
        >>> names_a_level("Vốn đầu tư toàn xã hội so với GRDP") is None
        True
    """
    if not name:
        return None
    name = LIST_NUMBER.sub("", name, count=1).strip()
    if not _LEVEL_HEAD.match(name) or SHARE_LIKE.search(name) or SHARE_WORDS.search(name):
        return None
    return None if _RATIO.search(name) else name


#: An indicator's name that says, from its first words, that it measures a rate of change: its
#: speed (``Tốc độ tăng trưởng GRDP``, ``Tốc độ phát triển …``), growth (``Tăng trưởng kinh
#: tế``, not ``… tăng trưởng xanh``), inflation or a price or output index (``Chỉ số giá tiêu
#: dùng``, ``CPI``, ``Chỉ số sản xuất công nghiệp (IIP)``).
_RATE_NAME = re.compile(
    r"(?:(?:mức\s+|tốc\s+độ\s+)?tăng\s+trưởng\b(?!\s+xanh)|tốc\s+độ\s+(?:tăng|phát\s+triển|giảm)\b"
    r"|lạm\s+phát\b|chỉ\s+số\s+(?:giá|sản\s+xuất)\b|CPI\b|IIP\b)",
    re.IGNORECASE,
)


def names_a_rate(name: str | None) -> bool:
    """Whether an indicator's ``name`` says it measures a rate of change, and names no share
    (``Tỷ lệ …``, ``Tỷ trọng …``, ``Đóng góp của TFP vào tăng trưởng``).

    Examples:
        >>> names_a_rate("Tốc độ tăng trưởng GRDP bình quân"), names_a_rate("Tỷ lệ hộ nghèo")
        (True, False)
        >>> names_a_rate("Đóng góp của TFP trong tăng trưởng kinh tế")
        False
    """
    if not name:
        return False
    named = LIST_NUMBER.sub("", name, count=1)
    return _RATE_NAME.match(named) is not None and SHARE_WORDS.search(named) is None


def names_a_growth(name: str | None) -> bool:
    """Whether an indicator's ``name`` is one a row in a plain ``%`` holds only as a rate of
    change: a rate (:func:`names_a_rate`), or, from its first words, the output, a value or a
    flow that grows, as the same words in a text say (``GRDP``, ``Tổng sản phẩm trên địa bàn``,
    ``Năng suất lao động``, ``Kim ngạch xuất khẩu``, ``Chỉ số phát triển công nghiệp``), and a
    rate of growth called a ratio (``Tỷ lệ tăng trưởng kinh tế``, ``Tỷ lệ tăng thu ngân
    sách``); never a ratio to a whole (``Vốn đầu tư … so với GRDP``) nor with a share's words.

    Examples:
        >>> names_a_growth("Tổng sản phẩm trên địa bàn (GRDP)"), names_a_growth("Tỷ lệ hộ nghèo")
        (True, False)
        >>> names_a_growth("Đóng góp của TFP trong tăng trưởng kinh tế")
        False
        >>> names_a_growth("Kim ngạch xuất khẩu chế biến sâu trong tổng kim ngạch xuất khẩu")
        False
    """
    if not name:
        return False
    named = LIST_NUMBER.sub("", name, count=1).strip()
    grows = _GROWING_NAME.match(named)
    if grows is None or _RATIO.search(named) or _PART_OF.search(named):
        return names_a_rate(name)
    rate_called_a_ratio = SHARE_WORDS.match(grows.group()) is not None  # "Tỷ lệ tăng …"
    return rate_called_a_ratio or SHARE_WORDS.search(named) is None


#: A part of a whole in a name ("… chiếm trong GRDP", "… trong tổng kim ngạch"): a share.
_PART_OF = re.compile(r"\bchiếm\b|\btrong\s+(?!tỉnh\b|nước\b|địa\s+bàn\b)", re.IGNORECASE)
#: The first words of a name of what grows (its row in % holds its growth rate).
_GROWING_NAME = re.compile(
    r"(?:t[ỷỉ]\s+lệ\s+tăng|GRDP|GDP|tổng\s+sản\s+phẩm|năng\s+suất|kim\s+ngạch|thu\s+ngân\s+sách"
    r"|doanh\s+thu|sản\s+lượng|chỉ\s+số\s+(?:sản\s+xuất|phát\s+triển)|giá\s+trị\s+sản\s+xuất)\b",
    re.IGNORECASE,
)
