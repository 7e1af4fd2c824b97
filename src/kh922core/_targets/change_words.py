"""The words of a change target that the phrase table does not hold: base, points, per year.

A change target names its base (``so với năm 2020``, ``so với cùng kỳ``), may count in
percentage points (``3 điểm %``), may say ``mỗi năm`` after the number, and may write its
multiple in words (``gấp đôi``, ``gấp rưỡi``).  :func:`read_base` and :func:`read_after` find
these and blank them out of the text (same length, so that positions in error messages stay
right), for the grammar to read the rest as it reads a level.

Examples:
    >>> cues = read_base("tăng 20% so với năm 2023")
    >>> cues.since, cues.text.rstrip()
    (2023, 'tăng 20%')
    >>> read_base("giảm 5% so với cùng kỳ").previous_year
    True
    >>> read_base("tăng gấp rưỡi").text
    'tăng gấp 1,5 '
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kh922core._targets.verbs import verb_first
from kh922core.errors import TargetParseError

__all__ = ["AfterCues", "BaseCues", "base_span", "plan_base", "read_after", "read_base"]

_PREVIOUS = re.compile(
    r"(?:\bso\s+(?:với\s+)?|(?:(?<=\blần)|(?<=\bgấp\s\d\s\s)|(?<=\bgấp\s\d,\d\s))\s+)"
    r"(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|liền\s+trước))?"
    r"|năm\s+(?:trước|liền\s+trước|liền\s+kề(?:\s+trước)?|ngoái))\b",
    re.IGNORECASE,
)
#: Words that name the level of the base year after "lần" ("gấp 2 lần mức năm 2025").
_LEVEL_WORDS = (
    r"(?:(?:mức|kết\s+quả|giá\s+trị|quy\s+mô|con\s+số|số\s+liệu)\s+(?:bình\s+quân\s+|thực\s+hiện\s+)?"
    r"(?:của\s+)?)?"
)
_SINCE = re.compile(
    r"\bso\s+(?:với\s+)?(?:cùng\s+kỳ\s+|(?:kết\s+quả\s+)?(?:ước\s+)?(?:thực\s+hiện\s+)?"
    r"(?:thời\s+điểm\s+)?(?:mức\s+)?(?:cuối\s+|đầu\s+)?)?(?:năm\s+)?(?P<year>(?:19|20|21)\d{2})\b"
    r"|(?:(?<=\blần)|(?<=\bgấp\s\d\s\s)|(?<=\bgấp\s\d,\d\s))\s+(?:so\s+(?:với\s+)?)?"
    rf"(?:\(\s*)?{_LEVEL_WORDS}(?:(?:cuối\s+)?năm\s+)?(?P<after>(?:19|20|21)\d{{2}})\b",
    re.IGNORECASE,
)
#: A base named without a year: the target's baseline in the plan file is the base.
#: A year in brackets after it names the base year ("so với đầu nhiệm kỳ (năm 2025)"), as do a
#: year right after "gốc" ("so với năm gốc 2020") and "năm" and a year right after the words of
#: a term ("so với đầu nhiệm kỳ năm 2021"; after "hiện nay" it may be the horizon: refused).
_PLAN_BASE = re.compile(
    r"\bso\s+(?:với\s+)?(?:thời\s+điểm\s+)?(?:đầu\s+kỳ|đầu\s+nhiệm\s+kỳ|năm\s+gốc|kỳ\s+gốc|mức\s+nền"
    r"|hiện\s+nay|hiện\s+tại)\b(?:\s*\(\s*(?:năm\s+)?(?P<year>(?:19|20|21)\d{2})\s*\)"
    r"|(?<=gốc)\s+(?:là\s+)?(?:năm\s+)?(?P<named>(?:19|20|21)\d{2})\b"
    r"|(?:(?<=kỳ)|(?<=nền))\s+(?:là\s+)?năm\s+(?P<stated>(?:19|20|21)\d{2})\b(?!\s*[-–/]))?",
    re.IGNORECASE,
)
#: A year or a period right after the words of a plan's base, unread: "… đầu nhiệm kỳ 2020-2025".
_YEAR_AFTER = re.compile(
    r"\s*\(?\s*(?:năm|nhiệm\s+kỳ|giai\s+đoạn|kỳ)?\s*(?:19|20|21)\d{2}", re.IGNORECASE
)
#: A base that is a period, not a year: which level it means is not said (``so với giai đoạn
#: 2016-2020``, ``gấp 2 lần giai đoạn …``, ``gấp đôi giai đoạn …``).
_PERIOD_BASE = re.compile(
    r"\b(?:so(?:\s+với)?|lần|(?<=gấp\s)\d+(?:[.,]\d+)?)\s+(?:so\s+(?:với\s+)?)?(?:giai\s+đoạn\b|thời\s+kỳ\b"
    r"|(?:(?:các\s+)?năm\s+)?(?:19|20|21)\d{2}\s*[-–]\s*(?:19|20|21)\d{2}\b)",
    re.IGNORECASE,
)
#: Words right after a base that make it another level than the series' own at that year: of
#: the country or a region (``của cả nước``, ``bình quân cả nước``; not a province or place
#: named, which may be the plan's own), a plan's
#: figure (``(kế hoạch)``, ``theo dự toán``), or a second base (``và năm 2025``).
_NOT_OWN_BASE = re.compile(
    r"\s*(?:\(\s*)?(?:(?:của|ở|tại)\s+(?:cả\s+nước|toàn\s+quốc|vùng|khu\s+vực)"
    r"|(?:bình\s+quân|trung\s+bình|mức)\s+"
    r"(?:chung\s+)?(?:của\s+)?"
    r"(?:cả\s+nước|toàn\s+quốc|vùng|khu\s+vực)\b|cả\s+nước\b|toàn\s+quốc\b"
    r"|(?:theo\s+|số\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)\b"
    r"|(?:và|hoặc)\s+(?:năm\s+)?(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
#: "so với kế hoạch", "so với dự toán": the level is a share of the plan, not a change.
_PLAN_SHARE = re.compile(r"\bso\s+(?:với\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)\b", re.IGNORECASE)
#: "vượt 10% dự toán", "vượt 10% so với kế hoạch", "vượt dự toán … 10%": exceeding a plan by
#: some per cent (a level of 110% of it), never "more than 10%".
_EXCEEDS_PLAN = re.compile(
    r"\bvượt\s+(?:(?:mức\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)\b"
    r"|[^%]{0,12}%\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)\b)",
    re.IGNORECASE,
)
_BASE_WORDS = re.compile(
    rf"so\s+(?:với\s+)?|(?:{_LEVEL_WORDS[3:-2]})|cuối\s+năm|năm", re.IGNORECASE
)
_ANY_BASE = re.compile(r"\bso\b", re.IGNORECASE)
#: Words of a time after "lần" that name no base year the grammar reads ("gấp 2 lần 5 năm
#: trước", "… lần nhiệm kỳ trước", "… lần hiện nay"): the level of when is not said.
_TIME_AFTER_TIMES = re.compile(
    r"(?<=lần)\s+(?:\S+\s+){0,3}?(?:trước|nhiệm\s+kỳ|đầu\s+kỳ|hiện\s+nay|hiện\s+tại|gốc|ngoái)"
    r"(?:\s+trước)?(?!\w)",
    re.IGNORECASE,
)
#: Multiples in words, each replaced by digits no longer than the word.
_WORD_MULTIPLES = re.compile(
    r"(?<=\bgấp\s)(đôi|hai|ba|bốn|tư|năm|rưỡi|mười)\b(?!\s*\d)", re.IGNORECASE
)
_HALF = re.compile(r"(?<=\bgiảm\s)một\s+nửa\b(?!\s*\d)", re.IGNORECASE)
_WORD_VALUES = {
    "đôi": "2",
    "hai": "2",
    "ba": "3",
    "bốn": "4",
    "tư": "4",
    "năm": "5",
    "rưỡi": "1,5",
    "mười": "10",
}
_POINTS = re.compile(r"(?<=[\d\s])điểm(?=\s*(?:%|phần\s+trăm))", re.IGNORECASE)
_PER_YEAR_AFTER = re.compile(
    r"\b(?:bình\s+quân\s+|trung\s+bình\s+)?(?:mỗi|hằng|hàng|một)\s+năm\b", re.IGNORECASE
)
#: "tăng 8% bình quân 5 năm" (its years set aside), "… bình quân giai đoạn 2026-2030": an
#: average right after the number and its unit, at the end of the target.
_AVERAGE_AFTER = re.compile(
    r"\b(?:bình\s+quân|trung\s+bình)(?:\s+(?:cả\s+|trong\s+)?giai\s+đoạn)?"
    r"(?=[\s\d()\-–]*(?:$|[,;.(]))",
    re.IGNORECASE,
)
_TIMES = re.compile(r"(?<=[\d\s])lần\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class BaseCues:
    """What :func:`read_base` found: the text without the base, and the base.

    Attributes:
        text: The text with the base phrase blanked and multiples in words as digits.
        since: The base year named; ``None`` when none is.
        previous_year: The base is the previous year (``so với cùng kỳ``).
        named: Whether the text names a base at all (then it must be a change).
        position: Where the base phrase starts (for messages); ``None`` when there is none.
    """

    text: str
    since: int | None = None
    previous_year: bool = False
    named: bool = False
    position: int | None = None


@dataclass(frozen=True, slots=True)
class AfterCues:
    """What :func:`read_after` found after the number: points, per year, ``lần``.

    Attributes:
        text: The text with those words blanked (``điểm %`` keeps its ``%``).
        points: ``điểm %`` or ``điểm phần trăm``: percentage points.
        per_year: ``mỗi năm``, ``hằng năm`` (``%/năm`` is a unit: growth per year).
        times: ``lần`` right after the number (a multiple).
    """

    text: str
    points: bool = False
    per_year: bool = False
    times: bool = False


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def base_span(text: str) -> tuple[int, int, int | None, bool] | None:
    """Where the base of a change is named (``so với năm 2020``, ``so với cùng kỳ``, ``gấp 3
    lần năm 2021``'s year): its start and end, its year, whether it is the previous year;
    ``None`` when the text names none the grammar reads.

    Examples:
        >>> base_span("tăng 20% so với năm 2020, đạt 1.200 tỷ đồng")
        (9, 24, 2020, False)
    """
    found = _SINCE.search(text)
    if found is not None:
        group = "year" if found.group("year") else "after"
        cut = found.start() if group == "year" else found.start(group)
        if group == "after":  # "gấp 3 lần năm 2021": keep "lần", blank the base year
            words = _BASE_WORDS.search(text, found.start(), found.start(group))
            cut = found.start(group) if words is None else words.start()
        return cut, found.end(), int(found.group(group)), False
    found = _PREVIOUS.search(text)
    if found is not None:
        return found.start(), found.end(), None, True
    found = _PLAN_BASE.search(text)
    if found is not None:
        year = found.group("year") or found.group("named") or found.group("stated")
        return found.start(), found.end(), int(year) if year else None, False
    return None


def plan_base(text: str) -> re.Match[str] | None:
    """Where a text measures from a plan, an estimate or a target (``so với kế hoạch``,
    ``so với dự toán``): a change from it is not a change of the series."""
    return _PLAN_SHARE.search(text)


def read_base(text: str) -> BaseCues:
    """Find the base of a change and blank it; write multiples in words as digits, and a
    negated verb of change before ``quá`` as the verb first (:func:`verb_first`).

    Raises:
        TargetParseError: The base is a period (``so với giai đoạn 2016-2020``) or ``so với``
            is followed by words that name no base the library can find.
    """
    text = verb_first(text)
    for match in _WORD_MULTIPLES.finditer(text):
        digits = _WORD_VALUES[match.group(1).lower()]
        text = text[: match.start()] + digits.ljust(len(match.group(1))) + text[match.end() :]
    for match in _HALF.finditer(text):  # "giảm một nửa": a fall to half, a multiple of 2
        text = text[: match.start()] + "2 lần".ljust(len(match.group(0))) + text[match.end() :]
    period = _PERIOD_BASE.search(text)
    if period is not None:
        raise TargetParseError(
            text,
            period.start(),
            "a base year ('so với năm 2020') or 'so với cùng kỳ'",
            reason="the base is a period: which year's level it means is not said",
        )
    exceeds = _EXCEEDS_PLAN.search(text)
    if exceeds is not None:
        raise TargetParseError(
            text,
            exceeds.start(),
            "the level to reach as a share of the plan ('đạt ít nhất 110% dự toán')",
            reason="'vượt' a plan or an estimate by some per cent is a level above it, not the "
            "per cent itself",
        )
    named = base_span(text)
    if named is not None:
        cut, end, year, previous = named
        if year is None and not previous and _YEAR_AFTER.match(text, end):
            raise TargetParseError(  # "so với đầu nhiệm kỳ năm 2020-2025", "… đầu kỳ 2021"
                text,
                end,
                "a base year ('so với năm 2020'), or the words alone ('so với đầu nhiệm kỳ')",
                reason="a year or a period after the words of the base: which year is the base?",
            )
        other = _NOT_OWN_BASE.match(text, end)
        if other is not None:  # "so với năm 2025 của cả nước", "so với năm 2025 (kế hoạch)"
            raise TargetParseError(
                text,
                other.start(),
                "a base of the series' own level ('so với năm 2025')",
                reason=f"{re.split(r'[,;)]', text[other.start() :])[0].strip(' (')!r} after "
                "the base: another level, or a plan's figure, is not the series' own",
            )
        return BaseCues(_blank(text, cut, end), year, previous, True, cut)
    unread = _TIME_AFTER_TIMES.search(text)
    if unread is not None:  # "gấp 2 lần 5 năm trước", "gấp 2 lần nhiệm kỳ trước"
        raise TargetParseError(
            text,
            unread.start(),
            "a base year ('gấp 2 lần năm 2020'), or 'so với năm trước'",
            reason=f"{unread.group(0).strip()!r}: a base the grammar cannot read after 'lần'",
        )
    loose = _ANY_BASE.search(text)
    if loose is not None and _PLAN_SHARE.match(text, loose.start()) is None:
        raise TargetParseError(
            text,
            loose.start(),
            "a base year ('so với năm 2020'), 'so với cùng kỳ' or 'so với năm trước'",
            reason="'so với' names no base the grammar can read",
        )
    return BaseCues(text)


def read_after(text: str, start: int) -> AfterCues:
    """Find ``điểm %``, ``mỗi năm`` and ``lần`` from ``start`` (the number) on, and blank them."""
    points = per_year = times = False
    head, tail = text[:start], text[start:]
    for match in list(_TIMES.finditer(tail)):
        tail = _blank(tail, match.start(), match.end())
        times = True
    for match in list(_POINTS.finditer(tail)):
        tail = _blank(tail, match.start(), match.end())
        points = True
    for match in list(_PER_YEAR_AFTER.finditer(tail)):
        tail = _blank(tail, match.start(), match.end())
        per_year = True
    for match in list(_AVERAGE_AFTER.finditer(tail)):
        if re.fullmatch(r"[\d.,\s%‰/]*(?:năm)?\s*", tail[: match.start()], re.IGNORECASE):
            tail = _blank(tail, match.start(), match.end())
            per_year = True
    return AfterCues(head + tail, points, per_year, times)
