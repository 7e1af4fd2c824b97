"""Numbers a target text sets aside: they are not the target's.

* :data:`NOT_TARGET_NUMBERS`: the numbers of documents and numbered items (``Nghị quyết số
  05-NQ/TU``, ``tiêu chí số 17``, ``mức độ 4``, ``Bệnh viện số 2``), never read;
* :data:`QUALIFIER_NUMBERS`: numbers that qualify the subject (``trẻ em dưới 5 tuổi``, ``3 sao
  trở lên``), set aside when the target cannot be read with them, and kept at the end of its
  note (:func:`with_qualifiers`);
* :data:`NUMBER_WORDS`: a number written in words right after a comparison (``không quá hai
  ngày``), which a target in words would drop: refused.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.scanner import blank

__all__ = [
    "GROUP_BOUND",
    "NOT_TARGET_NUMBERS",
    "NUMBER_WORDS",
    "QUALIFIER_NUMBERS",
    "SHARE_QUALIFIERS",
    "qualified_text",
    "with_qualifiers",
]

#: Numbers in a text that are not a target's: document numbers (``Nghị quyết số 05-NQ/TU``,
#: ``318/QĐ-TTg``) and numbered criteria or levels (``tiêu chí số 17``, ``mức độ 4``).  A
#: ``số`` numbers a document or an item after its noun, or where no unit and no comparison
#: follow its number (``Bệnh viện số 2``): ``chuyển đổi số 100%``, ``dân số 500 người/km²``
#: hold targets.  A name with a number after a hyphen (``COVID-19``, ``SARS-CoV-2``), a mobile
#: network (``5G``, ``4G/5G``), ``IPv6``, ``công nghệ 4.0``, a pollutant or a gas (``PM2.5``,
#: ``PM10``, ``CO2``) and a level of a service (``định
#: danh điện tử mức 2 đạt …``) hold none, nor does a measure per one unit of area or
#: population before the target's number (``Giá trị sản phẩm trên 1 ha đạt 150 triệu đồng``),
#: a document named by its number alone (``Nghị quyết 57``) or a standard (``QCVN 02:2009/BYT``).
NOT_TARGET_NUMBERS = re.compile(
    r"\b\d+(?:/\d{4})?[-/][A-ZĐ][\w]*(?:[-/][\w]+)*"
    r"|\b(?:[^\W\d_]*[A-ZĐ][^\W\d_]*|[Cc]ovid)-\d+\b(?![.,]\d|\s*%)"
    r"|\b[2-6]G(?:/[2-6]G)?\b|\bIPv[46]\b|(?i:(?:(?<=nghệ\s)|(?<=nghiệp\s))4\.0\b)"
    # a pollutant or a gas named with its number after the words it names ("bụi PM2.5", "khí
    # CO2", "Nồng độ NO₂"; leading the sentence, its subject would vanish: "CO2 giảm 15%")
    r"|(?<=[^\W\d_]\s)(?:PM\s?(?:2[.,]5|10|1)\b(?![.,]\d)"
    r"|(?<!tấn\s)(?<!kg\s)(?:CO|NO|SO|CH|N|O)[2-4₂-₄](?![\w.,]))"  # "5 tấn CO2": the unit's
    r"|(?i:(?<!ở\s)(?<!đạt\s)\bmức\s+\d\b(?=\s+(?:đạt|có|được|là|và)\b|\s*,(?!\d)))"
    # per one unit of area or population, before the target's number ("trên 1 ha … đạt 150")
    r"|(?i:\btrên\s+0?1\s+(?:ha|hecta|héc-ta|(?:vạn|nghìn|ngàn)\s+dân)\b(?=\D*\d))"
    r"|(?i:(?<=[^\W\d_]\s)(?<!có\s)\btrên\s+1(?:[.,\u00a0 ]?0){2,5}\s+(?:người\s+)?dân\b(?=\D*\d))"
    # the "1" of a per population after the number ("15 bác sĩ trên 1 vạn dân")
    r"|(?i:(?<=trên\s)0?1(?=\s+(?:vạn|nghìn|ngàn)\s+dân\b))"
    r"|(?i:\b(?:(?:tiêu\s+chí|chỉ\s+tiêu|nghị\s+quyết|quyết\s+định|nghị\s+định|thông\s+tư|"
    r"chỉ\s+thị|kết\s+luận|kế\s+hoạch|đề\s+án|dự\s+án|chương\s+trình|văn\s+bản|công\s+văn|"
    r"luật|mục|điều|khoản|phụ\s+lục|biểu|mẫu|nhiệm\s+vụ|giải\s+pháp|tuyến|quốc\s+lộ|"
    r"tỉnh\s+lộ|đường|trường|học|thcs|thpt|mầm\s+non|khu|cụm|khu\s+công\s+nghiệp|gói\s+thầu|"
    r"báo\s+cáo|thông\s+báo|tờ\s+trình|hợp\s+đồng|công\s+trình|thôn|ấp|tổ|khu\s+phố|lô|"
    r"trạm|cảng|bến|nhà\s+máy|mục\s+tiêu|dự\s+thảo)\s+số|mức\s+độ|cấp\s+độ)\s+\d+\b"
    r"(?!\s*[%,.]?\d)"
    r"|\bsố\s+\d+\b(?![.,]\d)(?=\s*(?:$|[,;.)]|(?:của|đạt|có|được|là|thuộc|tại|ở|và)(?![\w]))))"
    # a document or a programme named by its number alone ("Nghị quyết 57", "Chương trình 135",
    # "Đề án 06") before a word that leads to the target ("đạt", "có", a comma; not a unit:
    # "theo Nghị quyết 12 hộ" is 12 hộ), and a standard's code with its year ("QCVN
    # 02:2009/BYT", "TCVN 5945:2005", "ISO 9001:2015"; "đạt QCVN 90%" is 90 %)
    r"|(?i:(?:(?<=nghị\squyết\s)|(?<=quyết\sđịnh\s)|(?<=nghị\sđịnh\s)|(?<=thông\stư\s)"
    r"|(?<=chỉ\sthị\s)|(?<=kết\sluận\s)|(?<=chương\strình\s)|(?<=đề\sán\s))"
    r"\d{1,4}\b(?![\d.,/%\-])"
    r"(?=\s+(?:đạt|có|được|là|của|về|và|trên|dưới|từ|tối|ít|không|khoảng)(?!\w)|\s*[,;)]))"
    r"|(?:(?<=QCVN\s)|(?<=TCVN\s)|(?<=ISO\s)|(?<=IEC\s))\d+(?:-\d+)?[:/]\d[\w.:/\-]*",
)
#: A bound on the things a subject counts, in words after a subject and before a target in %
#: (``Tỷ lệ cặp vợ chồng sinh từ 3 con trở lên 5%``, ``Tỷ lệ hộ nghèo thiếu hụt từ 3 chỉ số
#: trở lên``, ``đạt kiểm định từ cấp độ 2 trở lên``): its bound is the group's, never the
#: target's.
GROUP_BOUND = (
    r"(?<=[^\W\d_]\s)\b(?:từ|trên|dưới|đủ)\s+(?:\d{1,3}(?:[.,]\d+)?\s*(?![\d%])"
    r"(?:[^\W\d_]+\s+){1,3}?|(?:cấp\s+độ|mức\s+độ|cấp|mức|hạng|loại)\s+(?:\d{1,2}|[IVX]{1,4})\s+)"
    r"trở\s+(?:lên|xuống)\b(?=[^\d%]*\d[\d.,]*\s*%)"
)
#: Numbers that qualify a subject (``trẻ em dưới 5 tuổi``, ``3 sao trở lên``, ``con thứ 3``,
#: ``5 năm``, a :data:`GROUP_BOUND`), or restate the target in brackets (``(tương đương 45
#: xã)``): set aside when the target cannot be read with them.
QUALIFIER_NUMBERS = re.compile(
    GROUP_BOUND + r"|(?:\b(?:dưới|trên|từ|đủ)\s+)?(?<![\w.,\-–—~/→‐‑‒])(?<![\-–—~/→‐‑‒]\s)"
    r"(?<!năm\s)(?<!hoặc\s)\d{1,3}\s*(?:tuổi|sao)\b"
    r"(?:\s*trở\s+(?:lên|xuống))?"
    r"|\bthứ\s+\d+\b(?!\s*(?:[-–—]|đến)\s*\d|[.,]\d)(?:\s*trở\s+lên)?"
    r"|(?<![\w.,])\d+\s+năm\b(?!\s*\d)"
    # "trẻ từ 3-5 tuổi", "độ tuổi từ 15 đến 60", "học sinh (từ) lớp 12 (trở lên)", "xã đạt
    # 19/19 tiêu chí", "sản phẩm OCOP 4-5 sao", "học 2 buổi/ngày": what the subject counts
    r"|\b(?:(?:trong\s+)?độ\s+tuổi\s+)?(?:từ\s+)?\d{1,2}\s*(?:[-–]|đến)\s*\d{1,2}\s*tuổi\b"
    r"|\b(?:trong\s+)?độ\s+tuổi\s+(?:từ\s+)?\d{1,2}\s*(?:[-–]|đến)\s*\d{1,2}\b(?![\d.,%])"
    r"|\b(?:từ\s+)?lớp\s+\d{1,2}\b(?![\d.,%])(?:\s*trở\s+(?:lên|xuống)\b)?|\b\d{1,2}/\d{1,2}\s+tiêu\s+chí\b"
    r"|(?<![\d.,])\d\s*[-–]\s*\d\s*sao\b|(?<![\d.,])\d\s+buổi\s*/\s*ngày\b"
    # the target again in other words, in brackets ("Đạt 50% (tương đương 45 xã)", "12.000 tỷ
    # đồng (tương đương khoảng 480 triệu USD)"): the number before it, with its unit, is the
    # target (after a bare number, "45 (tương đương 50%)", which is it?)
    r"|(?<=[^\d\s(])\s*\(\s*tương\s+đương\s+(?:(?:với|khoảng|gần|xấp\s+xỉ)\s+)*\d[^()]*\)",
    re.IGNORECASE,
)
#: In a text whose target is a percentage, a count that says which things the share counts
#: (``100% xã có ít nhất 01 tổ công nghệ số``, ``90% hộ có tối thiểu 1 người có kỹ năng số``,
#: ``100% bệnh viện đạt mức 3 trở lên``): never the target's number.  Only where a percentage
#: stays to be read (:func:`qualified_text`): ``có ít nhất 500 doanh nghiệp`` alone is the target.
SHARE_QUALIFIERS = re.compile(
    r"(?<=\bcó\s)(?:ít\s+nhất|tối\s+thiểu)\s+0?[1-9]\d?\s+(?=[^\W\d_])"
    # "100% doanh nghiệp có từ 50 lao động trở lên", "… có quy mô trên 10 lao động" (a level's
    # share only: _share_qualifiers)
    r"|(?P<size>(?<=\bcó\s)(?:quy\s+mô\s+)?(?:từ|trên)\s+\d[\d.,]*\s+"
    r"(?:(?:[^\W\d_]+\s+){1,3}?trở\s+lên\b|(?=[^\W\d_])(?![^\d;,]*\btrở\s+lên\b)))"
    r"|(?<=[^\W\d_]\s)(?<!\btừ\s)(?:đạt\s+)?(?:cấp\s+độ|mức\s+độ|mức|cấp|hạng|loại)"
    r"\s+(?:\d|[IVX]{1,4})\s+trở\s+lên\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s*%")
#: A verb of change before a size that qualifies (``Giảm 5% số xã có từ 3 hộ nghèo trở lên``:
#: a fall of the number of such communes, refused as two numbers).
_CHANGED = re.compile(r"(?<!\w)(?:giảm|tăng|nâng|hạ|gấp)(?!\w)", re.IGNORECASE)
#: A text whose subject is a share ("Tỷ lệ xã có ít nhất 01 điểm phục vụ … đạt 100%").
_SHARE_SUBJECT = re.compile(r"^\W*t[ỷỉ]\s+lệ\b", re.IGNORECASE)


def _share_qualifiers(text: str) -> list[re.Match[str]]:
    """The :data:`SHARE_QUALIFIERS` of ``text`` that qualify its share: after the share's
    number (``100% xã có ít nhất 01 …``), or in a subject that names a share (``Tỷ lệ xã có
    ít nhất 01 …``); never a count that leads the sentence (``Có ít nhất 10 xã có tỷ lệ hộ
    nghèo dưới 1%``: the count is the target, the share says which communes), nor a size after
    a verb of change (:data:`_CHANGED`)."""
    share = _SHARE_SUBJECT.match(text) is not None
    return [
        found
        for found in SHARE_QUALIFIERS.finditer(text)
        if (
            _PERCENT.search(text[: found.start()])
            or (share and not re.search(r"\d", text[: found.start()]))
        )
        and not (found.group("size") and _CHANGED.search(text[: found.start()]))
    ]


def qualified_text(text: str) -> str:
    """``text`` with the numbers that qualify its subject blanked (:data:`QUALIFIER_NUMBERS`,
    and :data:`SHARE_QUALIFIERS` that qualify its share, where a percentage is left to be the
    target)."""
    qualified = blank(text, QUALIFIER_NUMBERS)
    shared = qualified
    for found in _share_qualifiers(qualified):
        shared = shared[: found.start()] + " " * len(found.group(0)) + shared[found.end() :]
    return shared if _PERCENT.search(shared) else qualified


#: A number written in words right after a comparison ("không quá hai ngày"); "năm" (also a
#: year), "một số" (some), "một cửa" (one-stop) are no such number.
NUMBER_WORDS = re.compile(
    r"(?<![\w])(?<!dựa\s)(?:không\s+quá|tối\s+(?:đa|thiểu)|ít\s+nhất|nhiều\s+nhất|trên|dưới|hơn|khoảng|"
    r"đạt|tăng|giảm|còn|xuống|lên|gấp|thứ|vượt|quá|từ|đến)(?:\s+(?:được|thêm|lên|xuống|còn))*"
    r"\s+(?P<word>(?:một(?!\s+(?:số|cửa|lần|cách)(?![\w]))|hai|ba|bốn|sáu|bảy|tám|chín|mười|"
    r"mươi|trăm|nghìn|ngàn|triệu|nửa|rưỡi|đôi))(?![\w])",
)


def with_qualifiers(spec: TargetSpec, text: str) -> TargetSpec:
    """``spec`` read with the subject's qualifiers set aside, with them back at the end of its
    note (``30 sản phẩm OCOP 4 sao``: the stars tell which products)."""
    parted = _PARTED.search(getattr(spec, "note", "") or "") or _PARTED.search(
        getattr(spec, "unit", "") or ""
    )
    dated = re.search(r"(?<!\w)năm$", getattr(spec, "note", "") or "", re.IGNORECASE)
    if not hasattr(spec, "note") or parted or dated:  # a comma ("xã, phường"); "năm 55 tuổi"
        return spec  # after a mark that parts a cell, a number would read as a part of its own
    shared = _share_qualifiers(text) if _PERCENT.search(qualified_text(text)) else []
    found = sorted([*QUALIFIER_NUMBERS.finditer(text), *shared], key=lambda m: m.start())
    kept = [m for n, m in enumerate(found) if all(o.end() <= m.start() for o in found[:n])]
    qualifiers = [" ".join(match.group(0).split()) for match in kept]  # each words once
    note = " ".join(" ".join(part for part in (spec.note, *qualifiers) if part).split())
    return spec.model_copy(update={"note": note or None})


#: What may part a cell, or open a bracket, in a note: no number goes after it.
_PARTED = re.compile(
    r"[;,:\n()\[\]\u202a-\u202e\u2066-\u2069]|\bvà\b|\btrong\s+đó\b", re.IGNORECASE
)
