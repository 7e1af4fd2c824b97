"""Shapes of a sentence that the grammar refuses before reading it: a verb that may end the
measure's name (``Tỷ lệ khu công nghiệp mở rộng 40%``), and a dash before the number that may
be a list mark or a minus sign (``- 2%`` of a rate; ``-95%`` of a share, which is never below 0).
"""

from __future__ import annotations

import re

from kh922core._targets.amount_words import (
    refuse_amount_words,
    refuse_multiple_of_one,
    refuse_permille_change,
    refuse_rank_move,
)
from kh922core._targets.cells import refuse_clauses, refuse_read_cells
from kh922core._targets.kinds import TargetSpec
from kh922core._targets.noun_spans import in_a_noun
from kh922core._targets.scanner import YEARS, Match, blank, read_unit
from kh922core._targets.set_aside import GROUP_BOUND, NOT_TARGET_NUMBERS, QUALIFIER_NUMBERS
from kh922core._targets.time_phrases import refuse_other_period, refuse_yearly_cap, set_aside_times
from kh922core._targets.unit_fit import is_rate, is_share
from kh922core._targets.units import Unit, parse_unit
from kh922core.errors import TargetParseError, UnknownUnitError

__all__ = [
    "refuse_amount_in_words",
    "refuse_count_in_share",
    "refuse_marked_number",
    "refuse_read_shapes",
    "refuse_shapes",
    "refuse_verb_or_name",
]

#: A dash set apart before the first number ("- 2%", "– 2%"), or a dash that is no minus sign
#: glued to it ("–2%/năm": the number reads 2).
_DASH_APART = re.compile(r"^\s*(?:[-–—−]\s+|[–—])\d")
#: A dash glued to the first number: "-95%".
_DASH_GLUED = re.compile(r"^\s*[-−]\d")
#: Dimensions whose levels may be below 0: money, growth, scores of an index, temperatures.
_SIGNED = ("currency", "growth", "index", "temperature")


#: An amount written in words, in a text with no digits: a share (``một nửa``, ``phần trăm``) or
#: a sign (``không âm``): read as a target in words, its number would be lost.
_AMOUNT_WORDS = re.compile(
    r"(?<!\w)(?:một\s+nửa|phần\s+(?:trăm|nghìn|ngàn))(?!\w)|(?<=\s)âm(?=\s*(?:$|[,.;)]))"
    r"|(?<!\w)(?:một|hai|ba|bốn)\s+phần\s+(?:hai|ba|bốn|tư|năm|mười)(?!\w)"  # "hai phần ba"
    r"|(?<!\w)(?:hàng|vài|mấy|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|lăm|chục|trăm)\s+"
    r"(?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ(?!\s+(?:lệ|trọng|suất|giá)))(?!\w)",  # "hàng nghìn"
    re.IGNORECASE,
)


#: A number in words before what it counts (``hai mươi xã``, ``một sản phẩm OCOP``, ``Năm
#: doanh nghiệp``: ``năm`` is five, not the year, where it opens the cell or follows a word that
#: leads to a count: ``có``, ``đạt``, ``thêm``, ``ít nhất``, ``tối thiểu``; never ``năm cơ sở``,
#: the base year, nor ``năm thứ …``).
_NUMBER_WORD = re.compile(
    r"(?:(?<!\w)(?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi|lăm|chục)|"
    r"(?:^|(?<=\s)(?<!\w)(?:(?<=có\s)|(?<=đạt\s)|(?<=thêm\s)|(?<=nhất\s)|(?<=thiểu\s)))\s*"
    r"năm(?!\s+(?:cơ\s+sở|thứ)(?!\w)))\s+"
    r"(?=(?P<counted>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}))",  # each number word tried in turn
    re.IGNORECASE,
)


_WORDS_BEFORE = re.compile(r"(?:(?<!\w)(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+)*$", re.I)


def refuse_amount_in_words(text: str) -> None:
    """Refuse a text with no digits whose words write an amount (``chiếm một nửa tổng số``,
    ``một trăm phần trăm``, ``tăng trưởng không âm``, ``hai phần ba số xã``), or count what a
    unit counts (``Có hai mươi xã đạt chuẩn``, ``Mỗi xã có một sản phẩm OCOP``): a target in
    words would drop it."""
    _refuse_first(
        text,
        _AMOUNT_WORDS,
        "the amount in digits ('≥ 50%', '≥ 0%/năm')",
        "writes an amount in words: a target in words would drop it",
    )
    for found in _NUMBER_WORD.finditer(text):
        words = found.group("counted").split()
        if " ".join(words[:2]).casefold() == "con số":  # "hai con số": double digits
            continue
        for size in range(len(words), 0, -1):
            try:
                parse_unit(" ".join(words[:size]))
            except UnknownUnitError:
                continue
            before = _WORDS_BEFORE.search(text, 0, found.start())  # "hai mươi xã"
            start = found.start() if before is None else before.start()
            shown = text[start : found.start("counted")] + " ".join(words[:size])
            raise TargetParseError(
                text,
                start,
                "the count in digits ('≥ 20 xã', 'mỗi xã có ít nhất 1 sản phẩm')",
                reason=f"{' '.join(shown.split())!r} counts in words: a target in words would "
                "drop the number",
            )


def _refuse_first(text: str, pattern: re.Pattern[str], expected: str, why: str) -> None:
    """Refuse ``text`` where ``pattern`` is found first, naming the words found and ``why``; in
    the text as read too, its years set aside (``chưa tới 2030 (…``: ``chưa (…``)."""
    found = pattern.search(text) or pattern.search(" ".join(YEARS.sub(" ", text).split()))
    if found is not None:
        at = min(found.start(), len(text))
        raise TargetParseError(text, at, expected, reason=f"{found.group(0)!r} {why}")


def _never_negative(unit: Unit) -> bool:
    """Whether no level in ``unit`` is below 0: a share, a count, a duration, an area …"""
    if is_share(unit):
        return True
    return unit.dimension != "dimensionless" and not any(w in unit.dimension for w in _SIGNED)


#: Verbs that also end the name of a measure ("Tỷ lệ khu công nghiệp mở rộng", "… nâng cao").
_NAME_VERBS = frozenset({"mở rộng", "nâng cao", "gia tăng"})


def refuse_verb_or_name(text: str, prefix: list[Match], subject: str | None, at: int) -> None:
    """Refuse a subject, one of :data:`_NAME_VERBS` and the number right after it (``Tỷ lệ
    khu công nghiệp mở rộng 40%``): a change of the measure, or a word of its name?"""
    verbs = [m for m in prefix if m.role in ("rise", "fall")]
    if not subject or len(verbs) != 1 or len(prefix) != 1:
        return
    verb = verbs[0]
    if verb.phrase.casefold() in _NAME_VERBS and not text[verb.end : at].strip():
        raise TargetParseError(
            text,
            verb.start,
            f"a verb with its words ('{verb.phrase} thêm 40%', '{verb.phrase} lên 40%') or the "
            "measure's name in its own column",
            reason=f"{verb.phrase!r} right before the number: a change of the measure, or a word "
            "of its name?",
        )


def refuse_sign_or_mark(text: str, unit: Unit | None) -> None:
    """Refuse ``- 2%`` where a level may be below 0 (a rate of change, no unit: a list mark, or
    a minus sign set apart?), and ``-95%`` where none is (a share, a count: a list mark glued
    to the number?)."""
    apart = " set apart" if re.match(r"^\s*\S\s", text) else ""
    if _DASH_APART.match(text) is not None and (unit is None or is_rate(unit)):
        raise TargetParseError(
            text,
            0,
            "a minus sign glued to its number ('-2%'), or no dash before the number",
            reason=f"{text.strip()[:12]!r}: a list mark, or a minus sign{apart}?",
        )
    if _DASH_GLUED.match(text) is not None and unit is not None and _never_negative(unit):
        raise TargetParseError(
            text,
            0,
            "the number without a dash before it ('95%'), or a list mark set apart ('- 95%')",
            reason=f"{text.strip()[:12]!r}: no level in {unit.text!r} is below 0: a list mark "
            "glued to the number?",
        )


#: Digits that start a word after a mark (``...3%``, ``#60%``, ``¹60%``): a number the grammar
#: cannot read apart; not a bracket or a quote (``(3%)``), nor a mark inside a word
#: (``COVID-19``, ``57-NQ/TW``).
_MARKED_NUMBER = re.compile(r"(?<!\S)([^\w\s(\[{\"“„'‘«]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)[0-9]")


def refuse_marked_number(text: str, blanked: str) -> None:
    """Refuse a number glued after a mark (``Tỷ lệ nợ xấu tối đa ...3%``), which would leave the
    text a target in words: its number lost."""
    marked = _MARKED_NUMBER.search(blanked)
    if marked is not None and _MARKED_NUMBER.match(text, marked.start()):  # not "2025-A.1"
        raise TargetParseError(
            text,
            marked.start(),
            "the number apart from the mark before it ('tối đa 3%')",
            reason=f"digits glued after {marked.group(1)!r}: the number would not be read",
        )


_VERB_OR_NUMBER = (
    r"(?=\s*(?:,\s*)?(?:đạt|hoàn\s+thành|xong|được|phủ|bao\s+phủ|không\s+còn|xóa|đáp\s+ứng|"
    r"có|chiếm|tăng|giảm|nâng|hạ|\d))"
)
#: A negation parted from the word after it by a mark (``Không (dưới 90%)``, ``Không “thấp
#: hơn” 90%``): the comparator would be read alone, the other way round.
_SPLIT_NEGATION = re.compile(
    r"(?<!\w)(?:không|chưa)(?:\s+(?:được|để|hề))?\s*[\"“”„'‘’«»(\[{*]+\s*\w", re.IGNORECASE
)
#: Words that hedge the number after them ("cơ bản đạt 100%", "hầu hết đạt"): is 98% met?
_HEDGES = re.compile(
    r"(?<!\w)(?P<hedge>(?:về\s+)?cơ\s+bản|hầu\s+hết|phần\s+lớn|đa\s+số|gần\s+hết)"
    + _VERB_OR_NUMBER
    + r"(?!\w)",
    re.IGNORECASE,
)
#: Last words of nouns that end in "cơ bản" ("xây dựng cơ bản", "giáo dục cơ bản", "dịch vụ
#: thiết yếu cơ bản"): there it names, it does not hedge.
_NOUN_TAILS = frozenset(
    [
        "dựng",
        "dục",
        "thức",
        "vụ",
        "yếu",
        "tầng",
        "cầu",
        "tra",
        "cứu",
        "học",
        "quyền",
        "chí",
        "năng",
        "lý",
        "tắc",
        "sở",
        "điều",
        "hình",
        "chuẩn",
        "số",  # "kỹ năng số cơ bản"
        "công",  # "dịch vụ công cơ bản"
        "tế",
        "lương",
        "tin",
        "thuật",
    ]
)
#: Words after which "hầu hết", "phần lớn", "đa số" hedge what follows (elsewhere they end a
#: name: "dân tộc đa số", "chiếm phần lớn").
_HEDGE_AFTER = frozenset(
    ["đấu", "về", "đã", "sẽ", "phải", "cần", "đến", "tới", "thì", "nhằm", "để", "đảm", "là", "và"]
)
#: A floor or a ceiling, then a level to reach: "từ 70% trở lên đến 75%".
_BOUND_THEN_LEVEL = re.compile(
    r"trở\s+(?:lên|xuống)\s*,?\s*(?:đến|tới|lên\s+đến|lên\s+tới|xuống\s+đến)\s*\S*\d",
    re.IGNORECASE,
)
#: A comparison with another level before the number ("cao hơn bình quân cả nước 1,5%", "năm
#: sau cao hơn năm trước 0,5%", "vượt mức tăng bình quân cả nước 1%"): the difference.
_COMPARED_WITH = re.compile(
    r"(?<!\w)(?:(?:cao|thấp|nhiều|ít|lớn|nhỏ|bé|kém|nhanh|chậm)\s+hơn|vượt(?=\s+(?:mức|tốc)))\s+(?:so\s+với\s+)?"
    r"(?:(?:mức|tốc\s+độ)\s+(?:(?:tăng|giảm)(?:\s+trưởng)?\s+)?(?:chung\s+)?(?:của\s+)?)?"
    r"(?:bình\s+quân|trung\s+bình|năm|cùng\s+kỳ|cả\s+nước|chung|giai\s+đoạn|kỳ(?!\s+vọng)|vùng|khu\s+vực|"
    r"toàn\s+quốc|các\s+tỉnh|tỉnh)(?!\w)(?=[^\d]*\d)",
    re.IGNORECASE,
)
#: A level in one year, then one in a later year ("10% năm 2026 đến 12% năm 2030"): a path,
#: not a range.
_DATED_PATH = re.compile(
    r"(?<![\d.,])\d[\d.,]*(?![\d.,])\s*(?:%|(?:[^\W\d_]+\s+){0,3}?)\s*\(?\s*(?:năm\s+)?"
    r"(?<![\d.,])(?:19|20)\d\d(?!\d)\s*\)?"
    r"\s*(?:đến|tới|[-–—])(?!\s*(?:năm\s+)?(?:19|20)\d\d(?![\d.,%]))(?=\s*\S*\d)",
    re.IGNORECASE,
)
#: A bound that qualifies the subject before the target's number (``người từ 18 tuổi trở lên
#: 20%``): not the target's bound; the reading sets it aside (see ``QUALIFIER_NUMBERS``).
_QUALIFIED_BOUND = re.compile(
    r"\b(?:từ|trên|dưới|đủ)\s+\d{1,3}\s*(?:tuổi|sao)\s*trở\s+(?:lên|xuống)\b(?=\D*\d)"
    r"|" + GROUP_BOUND,
    re.IGNORECASE,
)
#: The start of a year as the base: the level at the end of the year before.
_START_OF_YEAR = re.compile(
    r"so\s+với\s+(?:thời\s+điểm\s+|lúc\s+|khi\s+)?đầu\s+năm\s+(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)


def _hedging(hedge: re.Match[str]) -> bool:
    """Whether a hedge word hedges: at the start of a clause or after a particle; "cơ bản"
    anywhere but at the end of a noun."""
    words = hedge.string[: hedge.start()].split()
    last = words[-1].lower() if words else ""
    if not last or last[-1] in ",;:(" or last[-1].isdigit():
        return True
    last = last.strip(".,;:()")
    if hedge.group("hedge").lower().split()[-1] == "bản":
        return last not in _NOUN_TAILS
    return last in _HEDGE_AFTER


def _dated(text: str) -> str:
    """``text`` with its years, dates and durations blanked (same length)."""
    return set_aside_times(blank(text, YEARS))


def refuse_shapes(text: str, unit: Unit | None) -> None:
    """The refusals of :func:`refuse_sign_or_mark`, and of a number hedged (``Cơ bản đạt
    100%``), a floor with a level after it (``Từ 70% trở lên đến 75%``) and a base at the start
    of a year (``so với đầu năm 2026``: the level of the end of 2025)."""
    refuse_sign_or_mark(text, unit)
    refuse_amount_words(text, unit)
    _refuse_first(
        text,
        _SPLIT_NEGATION,
        "the negation and its comparator together ('không dưới 90%')",
        "holds a mark between a negation and what it negates",
    )
    dated = _dated(text)
    for hedge in _HEDGES.finditer(dated):
        if re.search(r"\d", dated[hedge.end() :]) and _hedging(hedge):
            raise TargetParseError(
                text,
                hedge.start(),
                "the number meant, without a hedge ('≥ 95%')",
                reason=f"{hedge.group(0)!r} hedges the number: is a little less met?",
            )
    bound = _BOUND_THEN_LEVEL.search(dated)
    if bound is not None:
        raise TargetParseError(
            text,
            bound.start(),
            "a range ('từ 70% đến 75%') or one bound ('từ 70% trở lên')",
            reason=f"{bound.group(0)!r}: a bound, then a level to reach",
        )
    refuse_clauses(text)
    qualified = _QUALIFIED_BOUND.search(dated)
    if qualified is not None:  # read again with it set aside, and kept in the note
        raise TargetParseError(
            text,
            qualified.start(),
            "the target's own bound after its number",
            reason=f"{qualified.group(0)!r} qualifies the subject: its bound is not the target's",
        )
    _refuse_first(
        text,
        _COMPARED_WITH,
        "the level to reach ('≥ 8%'), or the change from a base ('tăng 2 điểm % so với năm 2025')",
        "makes a comparison with another level, whose difference the number would be",
    )
    _refuse_first(
        text,
        _DATED_PATH,
        "one target a cell ('12% năm 2030'), or a range with no years inside it",
        "is a level in one year, then one in a later year",
    )
    start = _START_OF_YEAR.search(text)
    if start is not None:
        year = int(start.group("year"))
        raise TargetParseError(
            text,
            start.start(),
            f"the year whose level is the base ('so với năm {year - 1}', the level at its end)",
            reason=f"{start.group(0)!r}: the level at the start of {year} is that of the end "
            f"of {year - 1}",
        )


#: A bound word after a range ("70-75% trở xuống", "10-12 doanh nghiệp trở lên").
_BOUND_AFTER = re.compile(r"(?<!\w)(?:trở\s+(?:lên|xuống)|lên|xuống)(?!\w)", re.IGNORECASE)


def refuse_bound_after_range(text: str, kind: str) -> None:
    """Refuse ``70-75% trở xuống``, ``khoảng 10-12 doanh nghiệp trở lên``: a range, or a
    bound?  ``trở lên``, ``trở xuống`` anywhere after the range; ``lên``, ``xuống`` right after
    the range or its unit (after other words they are a note's: ``từ 8 đến 10 căn nhà ở xuống
    cấp``)."""
    dated = blank(_dated(text), NOT_TARGET_NUMBERS)  # "dân số 2030": no number of the range
    # the range's last digit, not a qualifier's after it ("8-10 trở lên con thứ 3")
    digits = [m.end() for m in re.finditer(r"\d", blank(dated, QUALIFIER_NUMBERS))]
    digits = digits or [m.end() for m in re.finditer(r"\d", dated)]
    found = _BOUND_AFTER.search(dated, digits[-1]) if digits and kind == "range" else None
    if found is None or in_a_noun(dated.lower(), found.start()):  # "(giỏi trở lên)"
        return
    if not found.group(0).lower().startswith("trở"):  # "lên", "xuống": also verbs ("lên sàn")
        between = dated[digits[-1] : found.start()]
        _, note, _ = read_unit(dated, digits[-1], found.start())
        if "(" in between or (note is not None and not re.search(r"[,;]", between)):
            return  # a note's word ("… căn nhà ở xuống cấp", "… % (lên tới …)")
    raise TargetParseError(
        text,
        found.start(),
        "a range alone ('70 - 75%') or one bound ('≤ 75%')",
        reason=f"a range with {found.group(0)!r} after it: a range, or a bound?",
    )


#: Words right before a number that make it a count of what follows ("có 95 hợp tác xã", "mỗi
#: xã có ít nhất 1 tổ …"), not a level with a label after it ("90 cấp tỉnh").
_COUNTING_BEFORE = re.compile(
    r"(?<!\w)có(?:\s+(?:ít\s+nhất|tối\s+thiểu|tối\s+đa|trên|dưới|khoảng|hơn|từ|gần|"
    r"không\s+dưới|không\s+quá))?\s*$",
    re.IGNORECASE,
)


def refuse_count_in_share(
    text: str, words: str | None, unit: Unit | None, number: tuple[int, int]
) -> None:
    """Refuse a number that counts the words after it in a row of a share (``Mỗi xã có ít nhất
    1 tổ công nghệ số`` where the indicator is in %): a count of those, or a share?"""
    start, end = number
    if words is None or unit is None or not is_share(unit):
        return
    after = text[end:].lstrip(" \t")
    if not after or not after[0].isalpha() or not _COUNTING_BEFORE.search(text[:start]):
        return  # "95 (ước tính)", "95, …": a note set apart; "90 cấp tỉnh": a label
    raise TargetParseError(
        text,
        end,
        f"a share in {unit.text!r} ('≥ 95%'), or the count in a row of its own unit",
        reason=f"a number with {words!r} after it in a row of {unit.text!r}: a count of "
        f"{words!r}, or a share?",
    )


def refuse_read_shapes(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """The refusals that need the reading: a bound after a range, a period other than the
    year (:func:`kh922core._targets.time_phrases.refuse_other_period`)."""
    refuse_bound_after_range(text, spec.kind)
    refuse_other_period(text, spec, unit)
    refuse_permille_change(text, spec, unit)
    refuse_multiple_of_one(text, spec)
    refuse_rank_move(text, spec, unit)
    refuse_yearly_cap(text, spec, unit)
    refuse_read_cells(text, spec, unit)
