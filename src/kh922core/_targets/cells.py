"""The cells of a table that hold several targets: where one part ends and the next begins.

A cell such as ``90% cấp tỉnh, 80% cấp huyện`` holds two targets.  :func:`cut_cell` cuts it at
``;``, at commas that are not decimal commas, at ``và`` and at ``trong đó``, and then puts back
together the pieces that hold no number of their own (a year that only dates the sentence does
not count): such a piece belongs to a neighbour.  It goes to the next part when that part begins
with its own label (``nông, lâm nghiệp và thủy sản chiếm 20%``), otherwise to the part before it
(``95% thôn, ấp và 100% trường học``: ``ấp`` ends the first part, it is no second target).

:func:`label_end` says where the words before a number stop being a label and start being the
comparison the grammar reads (``nông nghiệp chiếm 20%``: the label ends before ``chiếm``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kh922core._targets.kinds import ChangeKind, TargetSpec
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.scanner import YEARS, blank, match_phrase, read_phrases
from kh922core._targets.unit_fit import is_rate
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = [
    "Cut",
    "comparison_start",
    "cut_cell",
    "label_end",
    "label_from",
    "numbered_parts",
    "refuse_clauses",
    "refuse_count_of_what_it_covers",
    "refuse_estimate",
    "refuse_exclusion",
    "refuse_points_beyond_a_share",
    "refuse_read_cells",
    "refuse_size_named",
]

#: Where a cell may be cut: only where each side keeps a number of its own.
_SEPARATOR = re.compile(r";|\n|\t|,(?!\d)|(?<!\d),|\bvà\b|\btrong\s+đó(?:\s+có)?\b", re.IGNORECASE)
#: Words that introduce a part of the whole before it (``…, trong đó năm 2026 đạt …``).
_SUBSET = re.compile(r"\btrong\s+đó\b|^\s*riêng\b", re.IGNORECASE)
#: The words between a label and the comparison are at most this many: a longer run is a label.
_COMPARISON_WORDS = 10
#: A colon that ends a label (``Nông nghiệp: 20%``), not one between digits (``7:30``).
_COLON = re.compile(r":(?!\d)|(?<!\d):")
#: Connectors and prepositions around a label, never part of it (``ở cấp tỉnh`` is ``cấp tỉnh``).
_LABEL_HEAD = re.compile(
    r"^(?:(?:trong\s+đó(?:\s+có)?|riêng|còn|và|với|ở|tại|đối\s+với|cho|của|thuộc)(?:\s+|$))+",
    re.IGNORECASE,
)
_LABEL_EDGES = " \t\n.;:,-–—"


@dataclass(frozen=True, slots=True)
class Cut:
    """One part of a cell: where it starts, its verbatim text, and whether it is a part of the
    whole before it (introduced by ``trong đó`` or ``riêng``)."""

    start: int
    text: str
    subset: bool


def label_from(words: str) -> str | None:
    """The label a run of words names: years, connectors and edge punctuation set aside."""
    label = " ".join(blank(words, YEARS).split()).strip(_LABEL_EDGES)
    label = _LABEL_HEAD.sub("", label).strip(_LABEL_EDGES)
    return label or None


def comparison_start(text: str, blanked: str) -> int:
    """Where the number part of a cut begins: after the last label colon before its last number
    (``Khu vực 1: 20%``), else at its beginning."""
    numbers = list(NUMBER_PATTERN.finditer(blanked))
    if not numbers:
        return 0
    colons = [m.end() for m in _COLON.finditer(text, 0, numbers[-1].start())]
    return colons[-1] if colons else 0


def label_end(blanked: str, start: int, number: int) -> int:
    """The earliest word start in ``blanked[start:number]`` after which only phrases of the
    grammar (operators, fillers such as ``đạt``, ``chiếm``) come before the number."""
    starts = [
        i
        for i in range(start, number)
        if not blanked[i].isspace() and (i == start or blanked[i - 1].isspace())
    ]
    lower = blanked.lower()
    nouns = frozenset({"noun"})
    inside = {  # the words inside a noun that holds a phrase's word ("đồng bằng": no "bằng")
        i
        for at in starts
        if (noun := match_phrase(lower, at, nouns)) is not None
        for i in starts
        if at < i < noun.end
    }
    for candidate in [*starts[-_COMPARISON_WORDS:], number]:
        if candidate not in inside and read_phrases(blanked, candidate, number)[1] is None:
            return candidate
    return number  # not reached: reading nothing always succeeds


def _leads(text: str, blanked: str) -> bool:
    """Whether a piece with a number begins with a label of its own (``dịch vụ chiếm 45%``)."""
    start = comparison_start(text, blanked)
    number = NUMBER_PATTERN.search(blanked, start)
    if number is None:
        return False
    if start:
        return True
    return label_from(text[: label_end(blanked, start, number.start())]) is not None


def cut_cell(text: str) -> list[Cut]:
    """The parts of a cell, each holding a number; a cell without a number has none."""
    blanked = blank(text, YEARS)
    pieces: list[tuple[int, int, str]] = []  # start, end, the separator before
    start, before = 0, ""
    for separator in _SEPARATOR.finditer(text):
        pieces.append((start, separator.start(), before))
        start, before = separator.end(), separator.group(0)
    pieces.append((start, len(text), before))
    pieces = [(s, e, b) for s, e, b in pieces if text[s:e].strip()]
    numbered = [NUMBER_PATTERN.search(blanked[s:e]) is not None for s, e, _ in pieces]
    if not any(numbered):
        return []
    owner = list(range(len(pieces)))
    leads: dict[int, bool] = {}
    for index, has_number in enumerate(numbered):
        if has_number:
            continue
        previous = next((i for i in range(index - 1, -1, -1) if numbered[i]), None)
        following = next((i for i in range(index + 1, len(pieces)) if numbered[i]), None)
        if following is not None and following not in leads:
            start, end, _ = pieces[following]
            leads[following] = _leads(text[start:end], blanked[start:end])
        # "nhóm 20 tỉnh, thành phố dẫn đầu; DTI …": a comma before, a ";" after: the words
        # end the part before (the stronger separator closes it)
        closed = pieces[index][2] == "," and previous is not None
        closed = closed and following is not None and pieces[following][2] in (";", "\n")
        if following is not None and (previous is None or leads[following]) and not closed:
            owner[index] = following
        else:
            owner[index] = previous if previous is not None else index
    cuts: list[Cut] = []
    for group in sorted(set(owner)):
        members = [i for i, o in enumerate(owner) if o == group]
        first, last = pieces[members[0]], pieces[members[-1]]
        raw = text[first[0] : last[1]]
        part = raw.strip()
        for mark, other in (("(", ")"), (")", "(")):  # "≥ 98% (trong đó 100% trường THPT)"
            if part.endswith(mark) and part.count(mark) > part.count(other):
                part = part[:-1].rstrip(" ;,\n")
        subset = bool(_SUBSET.search(first[2]) or _SUBSET.match(part))
        cuts.append(Cut(first[0] + len(raw) - len(raw.lstrip()), part, subset))
    return cuts


def numbered_parts(text: str) -> list[tuple[int, str]]:
    """Where each part of a cell starts, and its text (see :func:`cut_cell`)."""
    return [(cut.start, cut.text) for cut in cut_cell(text)]


#: An estimate of what was done (``năm 2025 ước đạt 95%``, ``80 (ước)``), a forecast (``Dự báo
#: đạt 8%``) or what may or may hardly be reached (``có thể đạt``, ``khó đạt``) opening a
#: clause: no targets (inside a subject they are its words: ``Tỷ lệ bản tin dự báo đạt yêu cầu
#: 90%``).
_ESTIMATE = re.compile(
    r"(?<!\w)(?<!quy\s)(?<!hương\s)(?<!hiệp\s)(?<!công\s)ước\s+(?:đạt|tăng|giảm)(?!\w)"  # "quy ước"
    r"|\(\s*(?:ước(?:\s+(?:đạt|thực\s+hiện|TH|tính))?|ƯTH|UTH|sơ\s+bộ|dự\s+báo)\s*\)"  # "80 (ước)"
    r"|(?:^|(?<=[,;:(]))\s*(?:dự\s+báo|khó|có\s+thể)\s+(?:đạt|tăng|giảm)(?!\w)"
    # a clause that opens with the estimate or the forecast: "Ước khoảng 30%", "Dự báo dưới 4%"
    r"|(?:^|(?<=[,;:]))\s*(?:ước(?:\s+tính)?|dự\s+báo)(?=\s*(?:(?:đạt|khoảng|trên|dưới|từ|tối\s+"
    r"(?:thiểu|đa)|ít\s+nhất|không\s+quá|xấp\s+xỉ|gần|tăng|giảm)(?!\w)|[\d≥≤<>~]))",
    re.IGNORECASE,
)


#: An exclusion opening a clause with a quantity right after it (``95 xã, trừ 5 xã vùng cao``,
#: ``(không bao gồm 50.000 tỷ đồng vốn FDI)``): what the target leaves out, never a target of its
#: own (not ``phòng, trừ sâu bệnh``, nor a note whose digits are a year or a decree's number).
_EXCLUSION = re.compile(
    r"(?:^|(?<=[,;(]))\s*(?:ngoại\s+trừ|loại\s+trừ|trừ|không\s+(?:bao\s+gồm|kể|tính)"
    r"|chưa\s+(?:kể|tính|bao\s+gồm))\s+(?:các\s+|khoảng\s+|gần\s+)?"
    r"(?!(?:19|20)\d\d(?!\d))\d[\d.,]*(?![\d/]|\s*[-–]\s*\d)",  # a quantity, not a year, a decree
    re.IGNORECASE,
)


def refuse_exclusion(text: str) -> None:
    """Refuse a cell whose clause leaves something out with a number of its own: read as a
    part, the number left out would be a target."""
    found = _EXCLUSION.search(text)
    if found is not None:
        raise TargetParseError(
            text,
            found.start(),
            "the target alone, what it leaves out in a note column",
            reason=f"{found.group(0).strip()!r} and a number: what the target leaves out is no "
            "target of its own",
        )


#: A base year right before a bracket (its estimate qualifies the base, not the target).
_BASE_BEFORE = re.compile(r"so\s+với\s+(?:năm\s+)?(?:19|20)\d\d\s*$", re.IGNORECASE)


def refuse_estimate(text: str) -> None:
    """Refuse an estimate of what was done, alone (``Ước đạt 10%``) or beside the targets of a
    cell (``đạt 98%, năm 2025 ước đạt 95%``), and a forecast (``dự báo đạt 8%``, ``khó đạt``)."""
    estimate = next(  # "so với năm 2025 (ước)": the base year's figure is the estimate
        (e for e in _ESTIMATE.finditer(text) if not _BASE_BEFORE.search(text[: e.start()])), None
    )
    if estimate is not None:
        raise TargetParseError(
            text,
            estimate.start(),
            "the targets, without the estimate ('đạt 98%')",
            reason=f"{estimate.group(0)!r}: an estimate of what was done, or a forecast, is not "
            "a target",
        )


#: A number that counts what a change covers, not how much it moves (``Giảm số vụ tai nạn giao
#: thông trên cả 3 tiêu chí``), not a time (``cả 3 năm``).
_COVERED = re.compile(
    r"(?<!\w)cả\s+\d+(?=\s|$)(?!\s+(?:năm|tháng|quý|kỳ|giai\s+đoạn|ngày|tuần)(?!\w))",
    re.IGNORECASE,
)


def refuse_count_of_what_it_covers(text: str, spec: TargetSpec) -> None:
    """Refuse a change whose number counts what it covers (``trên cả 3 tiêu chí``): read as
    the size of the change, a fall on all three would fail a target of 3."""
    found = _COVERED.search(text) if spec.change is not None else None
    if found is not None:
        raise TargetParseError(
            text,
            found.start(),
            "the size of the change ('giảm 5% so với năm 2025'), what it covers in a note",
            reason=f"{found.group(0).strip()!r} counts what the change covers, not how much it "
            "moves",
        )


#: A change in % of a share this size or more cannot be in points: no share moves that far.
_MANY_POINTS = 100.0
#: A change in % of a share this size or more is refused as points too: points, or relative?
_HALF_A_SHARE = 50.0
#: Points written as such (``điểm %``, ``điểm phần trăm``).
_POINTS_WORD = re.compile(r"(?<!\w)điểm(?!\w)", re.IGNORECASE)


def refuse_points_beyond_a_share(text: str, spec: TargetSpec) -> None:
    """Refuse a change in % of a share read as 100 points or more (``Tỷ lệ hộ nghèo giảm 120% so
    với năm 2020``): no share moves that far, so it is a relative change, which a share in %
    does not read (``giảm một nửa`` is one); written in points (``tăng 150 điểm %``), it
    stands.  From 50 points (``Tỷ lệ sử dụng túi ni lông giảm 50%``, ``Tỷ lệ che phủ rừng tăng
    trên 80%``) it is refused too: half a share or more is seldom the change a plan means, and
    a halving is."""
    change = spec.change
    if change is None or change.kind not in (ChangeKind.POINTS, ChangeKind.POINTS_PER_YEAR):
        return
    numbers = [getattr(spec, name, None) for name in ("value", "low", "high")]
    if _POINTS_WORD.search(text) is not None:  # "tăng 150 điểm %": points, as written
        return
    largest = max((abs(number) for number in numbers if number is not None), default=0.0)
    if getattr(spec, "unit", None) != "%":
        return
    if largest >= _MANY_POINTS:
        raise TargetParseError(
            text,
            0,
            "the points written as such ('giảm 20 điểm %'), or a multiple of the base ('giảm "
            "một nửa', 'gấp 2 lần')",
            reason=f"a change of {_MANY_POINTS:g} or more in % of a share: no share moves that "
            "far in points; a relative change (giảm 50%: halved) is not how a share reads one",
        )
    if largest >= _HALF_A_SHARE:
        raise TargetParseError(
            text,
            0,
            f"the points written as such ('{largest:g} điểm %'), a multiple of the base ('giảm "
            "một nửa'), or the level to reach ('xuống còn …', 'lên …')",
            reason=f"a change of {largest:g}% of a share: {largest:g} percentage points, or "
            f"{largest:g}% of its level (a halving is written so)?",
        )


#: The size of a change named as what the row measures (``Mức giảm tỷ lệ hộ nghèo …``).
_SIZE_NAMED = re.compile(
    r"\s*(?:[^\W\d]+\s+){0,3}mức\s+(?:tăng|giảm|hạ|nâng)(?!\s*trưởng)(?!\w)", re.IGNORECASE
)


#: A time that opens a text ("Đến năm 2030", "Giai đoạn 2026-2030,", "Cuối năm 2026").
_LEADING_TIME = re.compile(
    r"^\s*(?:(?:đến|tới|trước|vào|trong|cuối|đầu|giai\s+đoạn|thời\s+kỳ)\s+)*(?:năm\s+)?"
    r"(?:19|20|21)\d{2}(?:\s*[-–]\s*(?:19|20|21)\d{2})?\s*[,:]?",
    re.IGNORECASE,
)


def refuse_size_named(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a level of the size of a change (``Mức giảm tỷ lệ hộ nghèo 1%/năm``) but in a row
    of that change (its unit a rate, ``%/năm``): in a row of the level it changes, is the
    number the change's (a fall of 1 point a year) or the level's?"""
    note = getattr(spec, "note", None) or ""
    text = _LEADING_TIME.sub("", text)  # "Đến năm 2030, mức giảm …": the time before it
    named = _SIZE_NAMED.match(note) is not None and _SIZE_NAMED.match(text) is not None
    if named and spec.change is None and not (unit is not None and is_rate(unit)):
        raise TargetParseError(
            text,
            0,
            "a row of the change (its unit a rate: '%/năm'), or the change of the level "
            "('Tỷ lệ hộ nghèo giảm bình quân 1%/năm')",
            reason="'mức tăng/giảm …' names the size of a change, in a row that is not one of "
            "that change: a level of the change, or the change of the row's level?",
        )


#: A rank among a number of provinces: "xếp thứ 5 trong 63 tỉnh", "Thứ 10 trên 34 địa phương",
#: "Duy trì thứ 10 trên 34", "Năm 2030: thứ 10 trên 34".
_RANK_AMONG = re.compile(
    r"(?:(?<!\w)(?:xếp|đứng|hạng|duy\s+trì|giữ\s+vững|đạt)(?:\s+hạng)?\s+|(?:^|[:;(–-])\s*)thứ\s+\d+\s+(?:trong|trên)\s+(?:tổng\s+số\s+|số\s+)?\d+"
    r"(?![\d.,]|\s*(?:%|tháng|năm|ngày|tuổi))",
    re.IGNORECASE,
)


def refuse_read_cells(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """The refusals of this module that need the reading, and a rank among a number of
    provinces (``xếp thứ 5 trong 63 tỉnh``), whose rank would be set aside as a qualifier and
    the 63 read as a rank group, always met."""
    among = _RANK_AMONG.search(" ".join(text.split()))
    if among is not None:
        raise TargetParseError(
            text,
            max(text.find("thứ"), 0),
            "the rank and its cohort as 'thứ 5/63'",
            reason=f"{among.group(0)!r}: a rank among a number of provinces",
        )
    refuse_count_of_what_it_covers(text, spec)
    refuse_points_beyond_a_share(text, spec)
    refuse_size_named(text, spec, unit)


#: Clauses no target reads, each with what to write instead and why.
_CLAUSES = (
    (  # "Bổ sung thêm tối thiểu 500 giường bệnh": an addition, not the level
        re.compile(
            r"(?<!\w)(?<!tăng\s)(?<!giảm\s)(?<!có\s)(?<!nâng\s)(?<!lên\s)thêm\s+(?:(?:ít\s+nhất|tối\s+(?:thiểu|đa)"
            r"|trên|dưới|khoảng|hơn|gần|từ|được)\s+)?\d",
            re.IGNORECASE,
        ),
        "a change of the level ('tăng thêm 500 giường bệnh so với năm 2025')",
        "a number more ('thêm'): read as the level, the addition would be lost",
    ),
    (  # "Đạt 30%, trong đó ít nhất một nửa là nữ", "95%; riêng cấp xã cơ bản hoàn thành"
        re.compile(
            r"\d[^\d,;(]*[,;(]\s*(?:trong\s+đó|riêng|ngoại\s+trừ|trừ)\b[^\d]*?"
            r"\b(?:một\s+nửa|phần\s+lớn|đa\s+số|hầu\s+hết|phần\s+nhỏ|ít\s+nhất|tối\s+thiểu|"
            r"toàn\s+bộ|tất\s+cả|cơ\s+bản\s+hoàn\s+thành|không\s+áp\s+dụng|"
            r"chưa\s+(?:áp\s+dụng|xác\s+định|đạt|có))\b[^\d]*$",
            re.IGNORECASE,
        ),
        "the part's number ('trong đó cấp xã 90%'), or the words in a note column",
        "a part of the target in words, which no number checks: the target would be read for "
        "the whole",
    ),
    (
        re.compile(  # "Giữa nhiệm kỳ đạt 50%", "đạt 80% vào giữa kỳ"; not "(đánh giá giữa kỳ)"
            r"(?:^|(?<=[,;:]))\W*(?:(?:vào|đến|tới|trước)\s+)?giữa\s+(?:nhiệm\s+kỳ|giai\s+đoạn)(?!\w)"
            r"|\b(?:vào|đến|tới|trước)\s+giữa\s+(?:nhiệm\s+kỳ|giai\s+đoạn|kỳ)(?!\s*[^\W\d_])",
            re.IGNORECASE,
        ),
        "the milestone's year ('Năm 2028: 50%'), or the target at the horizon",
        "a milestone half-way through the period: its year is not the horizon's",
    ),
    (
        re.compile(  # "Trong đó nữ chiếm 50%": one part, one number (no list, no "Trong đó: 35%")
            r"^\W*trong\s+đó\s*:?\s*(?=[^\W\d_])(?=[^\d]*\d)(?![^\d]*\d[\d.,]*\D+\d)",
            re.IGNORECASE,
        ),
        "the row's own target, or a row of its own for the part",
        "a part of the row's total ('trong đó …'), not the row's level",
    ),
)


def refuse_clauses(text: str) -> None:
    """Refuse an estimate (:func:`refuse_estimate`), an exclusion (:func:`refuse_exclusion`), an
    addition read as a level (``Bổ sung thêm tối thiểu 500 giường bệnh``) and a part of the
    target in words (``Đạt 30%, trong đó ít nhất một nửa là nữ``)."""
    refuse_estimate(text)
    refuse_exclusion(text)
    spaced = " ".join(text.split())  # "tăng  thêm": one space, as the patterns write it
    for pattern, expected, why in _CLAUSES:
        found = pattern.search(spaced)
        if found is not None:
            raise TargetParseError(
                text,
                max(text.find(found.group(0).split()[0]), 0),
                expected,
                reason=f"{found.group(0)!r}: {why}",
            )
