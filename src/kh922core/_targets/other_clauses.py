"""Clauses beside the number that would make a second target, or another reference, if read.

A target's text sometimes says more than its number bounds:

* a second target of none at all, after a comma or before the first (``Tỷ lệ hộ nghèo dưới 1%,
  không còn xã đặc biệt khó khăn``; ``Xóa hết phòng học tạm, tỷ lệ phòng học kiên cố đạt
  95%``): the number is one target, the clause another, which a note would hide;
* the number as a share of another level (``bằng 120% năm 2025``, ``chỉ bằng 50% mức bình quân
  cả nước``) or a change with the year after it and no ``so với`` (``tăng 20% năm 2025``: from
  2025, or in 2025?): read as a level, or with the year as a deadline, it would be wrong;
* a level to fall to with a year after it, no ``vào``, ``đến`` and no share named (``giảm
  còn 50% năm 2020``: half of 2020's level, or 50 % in 2020?), or a share above 100 % with
  one (``đạt 120% năm 2025``: 120 % of that year's level);
* two measures before one number (``Giảm tỷ lệ hộ nghèo, tỷ lệ hộ cận nghèo đạt 3%``: both at
  3 %, or their sum?), or a measure with its verb before another with its verb and number
  (``Diện tích lúa giảm, diện tích cây ăn quả tăng 5%/năm``: which is the row's?);
* a verb of change, then after a comma a number each year with no verb of its own (``Tỷ lệ hộ
  nghèo giảm bền vững, mỗi năm 1,5%``: the change a year, or the level?);
* a multiple of another level (``bằng 1,2 lần cả nước``);
* a rank group whose cohort is a fraction's denominator (``nhóm 1/3 tỉnh dẫn đầu``: the top
  third, not rank 1 of 3), or a share of the provinces (``nhóm 20% tỉnh dẫn đầu``).

:func:`refuse_other_clauses` refuses each, naming what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kh922core._targets.change_words import BaseCues
from kh922core._targets.kinds import TargetSpec
from kh922core._targets.kinds.rank_group import FRACTION_COHORT
from kh922core.errors import TargetParseError

__all__ = ["refuse_other_clauses"]

_ZERO_WORDS = (
    r"(?:không\s+còn|không\s+có|(?:xóa|xoá)\s+(?:hết|bỏ|xong|toàn\s+bộ|trắng)"
    r"|không\s+để\s+(?:xảy\s+ra|phát\s+sinh))"
)
#: A target of none at all that opens the text or follows a separator (or "và"), after words
#: that lead to it ("cơ bản", "phấn đấu", "đến năm 2030"): a clause of its own.
_ZERO_CLAUSE = re.compile(
    r"(?:^|[,;:.]\s*|\s-\s|\svà\s+|\strong\s+đó\s+)"
    r"(?:(?:và|đồng\s+thời|trong\s+đó|cơ\s+bản|phấn\s+đấu|hướng\s+tới|đến\s+năm\s+\d{4},?)\s+)*"
    rf"{_ZERO_WORDS}(?!\w)",
    re.IGNORECASE,
)
_NUMBER = r"\d[\d.,]*\s*%"
#: "bằng 120% năm 2025", "chỉ bằng 50% mức bình quân cả nước": a share of another level.
_SHARE_OF = re.compile(
    rf"(?<!\w)bằng\s+(?:khoảng\s+|ít\s+nhất\s+|tối\s+thiểu\s+|trên\s+|dưới\s+)?{_NUMBER}\s*"
    r"(?!\s*(?:vào|đến|tới|trong|trở|$|[;,.)]))(?=\S)",
    re.IGNORECASE,
)
#: "đạt 90% mức bình quân cả nước", "80% so với chỉ tiêu Trung ương giao", "110% mức Trung ương
#: giao": a share of the country's, a region's or an assigned level, with no "bằng".
_PERCENT_OF_OTHER = re.compile(
    rf"{_NUMBER}\s*(?:so\s+với\s+|của\s+)?"
    r"(?:mức\s+(?:(?:bình|trung)\s+quân|trung\s+bình)|cả\s+nước|toàn\s+quốc"
    r"|mức\s+(?:của\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán)"
    r"|mức\s+(?:được\s+)?(?:Trung\s+ương|Chính\s+phủ|cấp\s+trên)"
    r"|(?:(?:bình|trung)\s+quân|trung\s+bình)\s+(?:chung\s+)?(?:của\s+)?(?:cả\s+nước|toàn\s+quốc|vùng)"
    r"|chỉ\s+tiêu\s+(?:được\s+)?(?:Trung\s+ương|Chính\s+phủ|Thủ\s+tướng|cấp\s+trên|Bộ|tỉnh))(?!\w)",
    re.IGNORECASE,
)
#: "95% mức năm trước", "đạt 90% mức của năm 2025": a share of a year's level, with no "bằng".
_PERCENT_OF_YEAR = re.compile(
    rf"{_NUMBER}\s*mức\s+(?:của\s+)?(?:năm|cùng\s+kỳ)(?!\w)", re.IGNORECASE
)
#: "tăng 20% năm 2025", "tăng 15-20% từ năm 2025": a change and a year after it, with no "so
#: với", no "vào", "đến".
_CHANGE_YEAR = re.compile(
    r"(?<!\w)(?:tăng|giảm)(?:\s+(?:thêm|ít\s+nhất|tối\s+thiểu|tối\s+đa|trên|hơn|dưới|không\s+quá|"
    r"khoảng|bình\s+quân))*\s+\d[\d.,]*\s*%?\s*(?:[-–—]|đến)?\s*"
    r"(?:\d[\d.,]*\s*)?%\s*\(?\s*(?:của\s+|với\s+|từ\s+|cuối\s+)?(?:mức\s+)?năm\s+(?:19|20)\d\d(?!\d)",
    re.IGNORECASE,
)
#: "giảm còn 50% năm 2020": a level to fall to and a year after it, with no "vào", "đến" and
#: no share named (half of that year's level, or the level in that year?).
_TO_LEVEL_YEAR = re.compile(
    r"(?<!\w)(?:(?:giảm|hạ)\s+)?(?:còn|xuống\s+còn)\s+"
    r"(?:(?:mức|khoảng|dưới|trên|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+quá)\s+)*"
    r"\d[\d.,]*\s*%\s*\(?\s*(?:của\s+|so\s+)?(?:mức\s+)?năm\s+(?:19|20)\d\d(?!\d)",
    re.IGNORECASE,
)
_SHARE_NAMED = re.compile(r"(?<!\w)t[ỷỉ]\s+(?:lệ|trọng)(?!\w)", re.IGNORECASE)
#: "đạt 120% năm 2025": more than the whole, with a year after it: of that year's level.
_ABOVE_WHOLE_YEAR = re.compile(
    r"(?<![\w.,])(?:[1-9]\d{3,}|[2-9]\d\d|1[1-9]\d|10[1-9])(?:,\d+)?\s*%\s*\(?\s*"
    r"(?:của\s+)?(?:mức\s+)?năm\s+(?:19|20)\d\d(?!\d)",
    re.IGNORECASE,
)
#: "tỷ lệ hộ nghèo, tỷ lệ hộ cận nghèo đạt 3%": two measures and one number after them.
_TWO_MEASURES = re.compile(
    r"(?<!\w)(?:t[ỷỉ]\s+(?:lệ|trọng)|số\s+lượng)\b[^\d,;]*[,;]\s*(?:và\s+)?"
    r"(?:t[ỷỉ]\s+(?:lệ|trọng)|số\s+lượng)\b[^\d]*\d",
    re.IGNORECASE,
)
#: "Tỷ lệ hộ nghèo giảm bền vững, mỗi năm 1,5%": a verb of change, then, after a comma, a
#: number each year or on average with no verb of its own (the change a year, or the level?).
#: A verb of change that is not part of a name ("tốc độ tăng", "được cắt giảm", "tăng trưởng",
#: "gia tăng", "tăng cường", "hạ tầng").
_VERB = (
    r"(?<!\w)(?<!độ\s)(?<!lệ\s)(?<!mức\s)(?<!số\s)(?<!cắt\s)(?<!được\s)(?<!bị\s)(?<!đã\s)"
    r"(?<!gia\s)(?<!tiết\s)(?:giảm|tăng|hạ|nâng)(?!\w)"
    r"(?!\s+(?:trưởng|thêm|cường|tầng|cấp|nghèo|thấp|cao)(?!\w))"
)
_VERB_THEN_YEARLY = re.compile(
    rf"{_VERB}[^\d,;]*[,;]\s*(?:[^\d,;]*[,;]\s*)*"
    r"(?:(?:(?:bình|trung)\s+quân|(?:mỗi|hằng|hàng)\s+năm)(?!\w)"
    r"(?:(?!\b(?:giảm|tăng|hạ|nâng|đạt)\b)[^\d])*\d"
    r"|đạt\s+[^\d]*\d[\d.,]*\s*%\s*/\s*năm)",  # "giảm, đạt 1,5%/năm": a level a year?
    re.IGNORECASE,
)
#: "Diện tích lúa giảm, diện tích cây ăn quả tăng 5%/năm": a clause with its own measure and
#: verb before the one with the number (which measure is the row's?).
_CLAUSE_BEFORE = re.compile(
    rf"{_VERB}(?:\s+(?:dần|nhanh|mạnh|liên\s+tục|đều|bền\s+vững|ổn\s+định))*"
    r"\s*(?:[,;]|\s+trong\s+khi|\s+đồng\s+thời)\s*(?:và\s+|đồng\s+thời\s+)?"
    r"(?P<subject>[^\d,;]*?[^\W\d_][^\d,;]*?)\s+(?:tăng|giảm|hạ|nâng|đạt|chiếm)(?!\w)[^\d]*\d",
    re.IGNORECASE,
)
#: Words after a comma that lead a number of the same measure (when, how, where, a general
#: noun for the measure itself), not a measure of their own.
_SAME_MEASURE = re.compile(
    r"(?:bình\s+quân(?:\s+đầu\s+người)?|trung\s+bình|mỗi\s+năm|hằng\s+năm|hàng\s+năm|"
    r"bền\s+vững|nhanh|mạnh|liên\s+tục|ổn\s+định|đều|dần|giai\s+đoạn|nhiệm\s+kỳ|kỳ|"
    r"từ\s+năm|đến|năm|phấn\s+đấu|cơ\s+bản|và|với|mức|khoảng|tối\s+thiểu|ít\s+nhất|"
    r"duy\s+trì|giữ(?:\s+vững)?|tiến\s+tới|toàn|cả|cuối|đầu|trong|về|vẫn|đồng\s+thời|"
    r"trên\s+địa\s+bàn(?:\s+tỉnh)?|theo\s+[^\d,;]+|tỷ\s+lệ|tỷ\s+trọng|quy\s+mô|giá\s+trị|"
    r"số\s+lượng|tổng\s+số|tổng|(?:19|20)\d\d|[-–]|\s)+",
    re.IGNORECASE,
)


def _own_measure(text: str) -> bool:
    """Whether a measure before the verb, and the words after the verb and separator, name two
    measures (``Diện tích lúa giảm, diện tích cây ăn quả tăng``; not ``Tăng, tối thiểu đạt``,
    ``Thu ngân sách tăng, toàn giai đoạn đạt``)."""
    found = _CLAUSE_BEFORE.search(text)
    if found is None or not re.search(r"[^\W\d_]", text[: found.start()]):
        return False
    return _SAME_MEASURE.fullmatch(found.group("subject")) is None


#: A share named before the verb, or after a verb that opens the text ("Giảm tỷ lệ …").
_SHARE_FIRST = re.compile(
    r"^\s*(?:(?:giảm|tăng|hạ|nâng)\s+)?t[ỷỉ]\s+(?:lệ|trọng)(?!\w)", re.IGNORECASE
)


def _share_a_year(text: str) -> bool:
    """Whether a share's verb is followed, after a comma, by a per cent with no verb (``Tỷ lệ hộ
    nghèo giảm bền vững, mỗi năm 1,5%``): of a share, the change a year or the level?"""
    found = _VERB_THEN_YEARLY.search(text)
    if found is None or not _SHARE_FIRST.match(text):
        return False
    number = re.search(r"\d[\d.,]*\s*(%)?", text[found.start() :])
    return number is not None and number.group(1) is not None


#: "bằng 1,2 lần cả nước": a multiple of another level, with words after "lần" ("gấp 2 lần …"
#: with words after it is how a multiple renders its note: lost_words names another entity).
_TIMES_OF = re.compile(
    r"(?<!\w)bằng\s+(?:khoảng\s+)?\d[\d.,]*\s*lần\s+(?!so\s+với|năm\s)(?=\w)",
    re.IGNORECASE,
)
#: "đạt 80%, cao hơn bình quân cả nước", "80% (≥ mức bình quân cả nước)", "80% và không thấp
#: hơn năm trước": a second condition, against another level, that the number does not check
#: ("bằng", "tương đương": the number is that level, "80% (bằng bình quân cả nước)", a note).
_REFERENCE_AFTER = re.compile(
    r"\d[\d.,]*[^\d,;(]{0,30}?(?:[,;(]\s*|\s+(?:và|đồng\s+thời)\s+|\s+|(?=[≥>]))(?:và\s+)?"
    r"(?P<clause>(?:(?:cao|lớn|nhiều|nhanh)\s+hơn|không\s+(?:thấp|kém|ít|chậm)\s+hơn|vượt(?!\w)|[≥>]+)"
    r"\s*(?:so\s+với\s+)?(?:mức\s+)?(?:tăng\s+(?:trưởng\s+)?)?(?:của\s+)?(?:(?:bình|trung)\s+quân"
    r"|trung\s+bình|cả\s+nước|toàn\s+quốc|vùng|khu\s+vực|năm\s+trước|cùng\s+kỳ|chỉ\s+tiêu"
    r"|kế\s+hoạch|(?:được\s+)?Trung\s+ương|các\s+tỉnh)(?!\w)"
    r"(?:\s+(?:chung\s+)?(?:của\s+)?(?:cả\s+nước|toàn\s+quốc|vùng|khu\s+vực|giao)(?!\w))?)",
    re.IGNORECASE,
)
#: "gấp 2 năm 2025", "gấp 2 (năm 2025)": a multiple and a year right after it, with no "lần"
#: and no "so với": of that year's level, or by then?
_TIMES_YEAR = re.compile(
    r"(?<!\w)gấp\s+(?:\d[\d.,]*|đôi|rưỡi|hai|ba|bốn)\s*\(?\s*(?:mức\s+)?(?:của\s+)?"
    r"năm\s+(?:(?:19|20)\d\d|trước|ngoái)(?!\w)",
    re.IGNORECASE,
)
#: "nhóm 20% tỉnh dẫn đầu", "top 10%": a share of the provinces, not a rank.
_PERCENT_GROUP = re.compile(
    r"(?<!\w)(?:nhóm|top|tốp|thứ|hạng)\s*\d[\d.,]*\s*%(?![^\W\d_])", re.IGNORECASE
)
#: A group counted as a fraction: "nhóm 1/3", "top 1/3" (not an ordinal: "xếp thứ 1/3").
_GROUP_FRACTION = re.compile(r"(?<!\w)(?:nhóm|top|tốp)\s*\d+\s*/\s*(\d+)(?!\d)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Clause:
    """One clause refused: where it is, when it holds, what to write, and why (from the words
    it matched)."""

    pattern: re.Pattern[str]
    expected: str
    reason: Callable[[str], str]
    holds: Callable[[TargetSpec, BaseCues, str], bool] = lambda spec, base, text: True


_CLAUSES = (
    _Clause(  # before the number or after it: a note would hide it either way
        _ZERO_CLAUSE,
        "each target in a row of its own: the number's here, the 'không còn …' one in another",
        lambda rest: (
            f"a second target beside the number: {rest.strip(' ,;:-')!r} (none at all) "
            "is a target of its own"
        ),
    ),
    _Clause(
        _SHARE_OF,
        "the level to reach, or a change from a base year ('tăng 20% so với năm 2025')",
        lambda words: (
            f"{words.strip()!r} of another level: a share of another level (a year's, the "
            "country's) is not a level of the series"
        ),
        lambda spec, base, text: getattr(spec, "unit", None) in (None, "%"),  # not "35% GRDP"
    ),
    _Clause(
        _PERCENT_OF_OTHER,
        "the level to reach, in the indicator's unit",
        lambda words: (
            f"{words.strip()!r}: a share of another level (the country's, a region's, an "
            "assigned one) is not a level of the series"
        ),
    ),
    _Clause(
        _TIMES_OF,
        "a multiple of the series' own base ('gấp 2 lần so với năm 2020')",
        lambda words: (
            f"{words.strip()!r} of another level: a multiple of another level (the "
            "country's, a region's) is not a level of the series"
        ),
        lambda spec, base, text: not base.named,
    ),
    _Clause(
        _REFERENCE_AFTER,
        "the number alone in this row, and the comparison with the other level in a note or "
        "a row of its own",
        lambda words: (
            f"{words!r}: a second condition, against another level (the country's, a "
            "region's, a year's, an assigned one), which the number does not check"
        ),
    ),
    _Clause(
        _TIMES_YEAR,
        "'gấp 2 lần so với năm 2025' for a base, or 'vào năm …' / 'đến năm …' for when",
        lambda words: f"{words!r}: a multiple of that year's level, or the multiple by then?",
        lambda spec, base, text: not base.named,
    ),
    _Clause(
        _CHANGE_YEAR,
        "'so với năm …' for a base ('tăng 20% so với năm 2025'), or 'vào năm …' / 'đến năm …' "
        "for when",
        lambda words: f"{words!r}: a change from that year, or within it?",
        lambda spec, base, text: not base.named,
    ),
    _Clause(
        _TO_LEVEL_YEAR,
        "'vào năm …' / 'đến năm …' for when, or a change from a base year ('giảm 50% so với "
        "năm 2020')",
        lambda words: f"{words!r}: a share of that year's level, or the level in that year?",
        lambda spec, base, text: not base.named and not _SHARE_NAMED.search(text),
    ),
    _Clause(
        _ABOVE_WHOLE_YEAR,
        "'vào năm …' for when, or a multiple of the base ('gấp 1,2 lần so với năm 2025')",
        lambda words: f"{words!r}: more than the whole, of that year's level?",
        lambda spec, base, text: not base.named,
    ),
    _Clause(
        _PERCENT_OF_YEAR,
        "the level to reach, or a change from a base year ('tăng 20% so với năm 2025')",
        lambda words: f"{words.strip()!r}: a share of a year's level is not a level of the series",
        lambda spec, base, text: not base.named,
    ),
    _Clause(
        _TWO_MEASURES,
        "each measure in a row of its own, with its own number",
        lambda words: f"{words!r}: two measures and one number (each at it, or their sum?)",
    ),
    _Clause(
        _CLAUSE_BEFORE,
        "each measure in a row of its own, with its own verb and number",
        lambda words: f"{words!r}: two measures, each with its verb (which is the row's?)",
        lambda spec, base, text: _own_measure(text),
    ),
    _Clause(
        _VERB_THEN_YEARLY,
        "the change a year with its verb ('giảm bình quân 1,5%/năm'), or the level to reach",
        lambda words: (
            f"{words!r}: a verb of change, then a number a year with no verb (the "
            "change a year, or the level?)"
        ),
        lambda spec, base, text: spec.change is None and _share_a_year(text),
    ),
    _Clause(
        _PERCENT_GROUP,
        "the rank to reach as a number of provinces ('nhóm 7', 'nhóm 7/34')",
        lambda words: f"{words!r}: a share of the provinces is not a rank group",
    ),
)


#: An indicator that is itself a ratio to another level ("Chỉ số sản xuất công nghiệp so với
#: cùng kỳ", "Tỷ lệ thu ngân sách so với dự toán"): a per cent of that level is its own level.
_RATIO_NAME = re.compile(r"(?<!\w)so\s+với(?!\w)", re.IGNORECASE)
#: The clauses of another level that such an indicator's own level reads as.
_OWN_RATIO = (_PERCENT_OF_OTHER, _PERCENT_OF_YEAR, _REFERENCE_AFTER)


def refuse_other_clauses(
    text: str, spec: TargetSpec, base: BaseCues, indicator: str | None = None
) -> None:
    """Refuse a text whose clauses beside the number make a second target or another
    reference (see the module's docstring); ``indicator``, the indicator's name, may say the
    level is itself a ratio to another (``… so với cùng kỳ``)."""
    ratio = indicator is not None and _RATIO_NAME.search(indicator) is not None
    for clause in _CLAUSES:
        if ratio and clause.pattern in _OWN_RATIO:
            continue
        found = clause.pattern.search(text)
        if found is not None and clause.holds(spec, base, text):
            part = "clause" if "clause" in clause.pattern.groupindex else 0  # the words meant
            whole = text[found.start() :] if clause.pattern is _ZERO_CLAUSE else found.group(part)
            raise TargetParseError(
                text, found.start(part), clause.expected, reason=clause.reason(whole)
            )
    note = getattr(spec, "note", None) or ""
    zero = _ZERO_CLAUSE.search(note)  # "… ; trở lại không để xảy ra": the note's own clause
    if zero is not None and zero.start() > 0:
        raise TargetParseError(
            text,
            max(text.find(zero.group(0).strip(" ,;:-")), 0),
            "each target in a row of its own: the number's here, the 'không còn …' one in another",
            reason=f"a second target beside the number: {note[zero.start() :].strip(' ,;:-')!r} "
            "(none at all) is a target of its own",
        )
    cohort = getattr(spec, "cohort", None)
    fraction = _GROUP_FRACTION.search(text)
    if spec.kind == "rank_group" and cohort is not None and cohort <= FRACTION_COHORT and fraction:
        size = getattr(spec, "size", "?")
        raise TargetParseError(
            text,
            0,
            "the rank to reach as a number of provinces ('nhóm 21', 'nhóm 21/63')",
            reason=f"'{size}/{cohort}' reads as a fraction of the provinces (the best "
            f"{size}/{cohort} of them?), not a rank among {cohort}",
        )
