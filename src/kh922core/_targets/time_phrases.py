"""Times a target names that are no number of it, and periods it cannot be judged over.

* **Deadlines finer than a year** (``Đến quý II/2026``, ``trước tháng 6/2026``, ``Đến
  30/6/2026``, ``Trong 6 tháng đầu năm 2026``, ``Trong 2 năm 2026-2027``) date the target as
  ``đến năm 2030`` does: their digits are set aside before the numbers are read
  (:data:`DEADLINES`; an import checks the year they name against the target's column).
* **Durations** (``Trong vòng 3 năm tới``, ``trong thời hạn 5 năm``, ``sau 2 năm``) before or
  after the target's own number are set aside too, where a number is left to read: alone
  (``trong vòng 24 giờ``) the duration *is* the target (at most 24 hours).
* **Periods other than the year** (``mỗi quý tăng 5%``, ``hằng tháng có 10 doanh nghiệp``,
  ``mỗi nhiệm kỳ``, ``mỗi 5 năm``): a change or a count per quarter, month or term is refused
  (:func:`refuse_other_period`), since an observation is the level of a year: read as a yearly
  figure it would be silently wrong.  A share (``100% hồ sơ được cập nhật hằng ngày``) is read.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.scanner import YEARS, blank
from kh922core._targets.unit_fit import is_rate, is_share
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = [
    "DEADLINES",
    "refuse_other_period",
    "refuse_year_of_change",
    "refuse_yearly_cap",
    "set_aside_times",
]

_YEAR = r"(?:19|20)\d\d"
_BEFORE = (
    r"(?:(?:đến\s+hết|đến|tới|vào|trong|trước|sau|từ|hết|chậm\s+nhất(?:\s+(?:là|đến|vào))?|"
    r"cuối|đầu|giữa)\s+)?"
)
_DATE_PARTS = r"\d{1,2}\s*(?P<mark>[/.\-])\s*\d{1,2}\s*(?P=mark)\s*"
#: A deadline finer than a year, or a span of years counted, with its year.
DEADLINES = re.compile(
    _BEFORE
    + r"(?:(?:ngày\s+)?"
    + _DATE_PARTS
    + _YEAR
    + r"|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+"
    + _YEAR
    + r"|(?:quý\s+(?:[IV]{1,3}|[1-4])|tháng\s+\d{1,2})\s*(?:/|[-–]|(?:\s+)năm\s+)\s*"
    + _YEAR
    + r"|\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm\s+"
    + _YEAR
    + r"|\d\s+năm\s*\(?\s*(?:năm\s+)?"
    + _YEAR
    + r"\s*[-–]\s*"
    + _YEAR
    + r"\s*\)?"
    + r")(?!\w)",
    re.IGNORECASE,
)
#: A duration that dates the target ("trong vòng 3 năm tới").
_DURATION = re.compile(
    r"\b(?:trong(?:\s+(?:vòng|thời\s+hạn|khoảng))?|sau)\s+\d{1,2}\s+(?:năm|tháng|quý|tuần|ngày)"
    r"(?:\s+(?:tới|qua|đầu|cuối|còn\s+lại|tiếp\s+theo))?\b",
    re.IGNORECASE,
)
#: The years an average is taken over ("Bình quân 5 năm tăng 9%", "trung bình các năm tới"),
#: not after a noun it would qualify (after a verb of change: "Tăng bình quân 5 năm 12%"): the
#: average is a yearly one, as "bình quân giai đoạn" is (group ``span``: blanked).
_AVERAGED = re.compile(
    r"(?:(?<![^\W\d_]\s)|(?<=\btăng\s)|(?<=\bgiảm\s)|(?<=\btrưởng\s))\b(?:bình\s+quân|trung\s+bình)\s+(?P<span>(?:\d{1,2}\s+năm|các\s+năm|những\s+năm)"
    r"(?:\s+(?:tới|qua|tiếp\s+theo|còn\s+lại))?)(?!\w)",
    re.IGNORECASE,
)
#: A number of a duration: the target is then a duration, and a duration beside it its own.
_DURATION_NUMBER = re.compile(
    r"\d(?:[\d.,]*\d)?\s*(?:năm|tháng|quý|tuần|ngày|giờ|phút)(?!\w)", re.IGNORECASE
)
#: A period other than the year that a change or count is given for: "mỗi quý", "từng kỳ";
#: "hằng tháng" where it starts a clause or follows the number (after a noun it names the
#: measure: "thu nhập hằng tháng").
_OTHER_PERIOD = re.compile(
    r"(?P<word>mỗi|hằng|hàng|từng)\s+(?P<period>quý|tháng|tuần|ngày|nhiệm\s+kỳ|kỳ|giai\s+đoạn|"
    r"(?:[2-9]|\d{2})\s+năm)(?!\w)",
    re.IGNORECASE,
)
_PER_UNIT = {"quý": "/quý", "tháng": "/tháng", "tuần": "/tuần", "ngày": "/ngày"}


def _blank(text: str, found: re.Match[str]) -> str:
    return text[: found.start()] + " " * len(found.group(0)) + text[found.end() :]


def set_aside_times(text: str) -> str:
    """``text`` with its deadlines finer than a year blanked, and its durations where a number
    is left outside them that is no duration itself (same length).

    Examples:
        >>> set_aside_times("Đến quý II/2026 đạt 100%").strip()
        'đạt 100%'
        >>> set_aside_times("Trong vòng 3 năm tới đạt 80%").strip()
        'đạt 80%'
        >>> set_aside_times("trong vòng 24 giờ")
        'trong vòng 24 giờ'
        >>> set_aside_times("giảm từ 15 ngày xuống trong vòng 7 ngày")
        'giảm từ 15 ngày xuống trong vòng 7 ngày'
    """
    text = DEADLINES.sub(lambda m: " " * len(m.group(0)), text)
    for found in list(_AVERAGED.finditer(text)):  # "bình quân 5 năm tăng 9%": 9% a year
        text = text[: found.start("span")] + " " * len(found["span"]) + text[found.end("span") :]
    for found in list(_DURATION.finditer(text)):
        rest = blank(_blank(text, found), YEARS)
        if NUMBER_PATTERN.search(rest) and not _DURATION_NUMBER.search(rest):
            text = _blank(text, found)
    return text


def _target_period(found: re.Match[str]) -> bool:
    """Whether a period phrase gives the target's period (``mỗi quý``, ``Hằng quý tăng``,
    ``… 5% hằng quý``), not the measure's (``thu nhập hằng tháng``)."""
    if found.group("word").lower() in ("mỗi", "từng"):
        return True
    before = found.string[: found.start()].rstrip()
    return not before or not before[-1].isalpha()  # at the start, after a number or a mark


#: A month in the subject, before the number: the measure is a month's ("Thu nhập bình quân đầu
#: người/tháng", "… hằng tháng", "… một tháng"); not a date ("tháng 12/2030").
_MONTH_MEASURE = re.compile(r"(?<!\w)tháng(?!\s*\d)(?!\w)", re.IGNORECASE)


def _refuse_month_measure(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a level of a month's measure (``Thu nhập bình quân đầu người/tháng đạt 10 triệu
    đồng``) in a row whose unit is no month's (``triệu đồng/người/năm``, ``triệu đồng``): read
    against the row's figures, 10 a month would be 10 a year."""
    first = re.search(r"\d", text)
    found = _MONTH_MEASURE.search(text)
    own = getattr(spec, "unit", None) or ""
    if found is not None and first is not None and found.start() > first.start():
        found = None  # after the number: "… /tháng" is its unit, "mỗi tháng" a period
    if found is None or unit is None or "%" in unit.text or spec.change is not None:
        return
    if spec.kind not in ("comparison", "range", "approximate"):
        return  # "Tháng, quý, năm đều tăng": a target in words
    if "/tháng" in (own + unit.text).replace(" ", ""):
        return  # "10 triệu đồng/người/tháng": converted to the row's unit
    raise TargetParseError(
        text,
        found.start(),
        f"the figure in a unit of a month ('10 triệu đồng/người/tháng'), or of the row's "
        f"({unit.text!r})",
        reason=f"the subject names a month's figure, and the row's unit {unit.text!r} is none",
    )


def refuse_other_period(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a change, or a level that is not a share, given per quarter, month, day or term
    (``Mỗi quý tăng 5%``, ``Mỗi tháng có 10 doanh nghiệp thành lập mới``), unless the unit is
    one per that period (``triệu đồng/người/tháng``); and a level of a month's measure in a
    row whose unit is no month's (:func:`_refuse_month_measure`)."""
    found = next((f for f in _OTHER_PERIOD.finditer(text) if _target_period(f)), None)
    if found is None:  # "mỗi năm 2030 ngày": the year set aside, "mỗi ngày" is what is read
        unyeared = " ".join(YEARS.sub(" ", text).split())
        found = next((f for f in _OTHER_PERIOD.finditer(unyeared) if _target_period(f)), None)
    if found is None:  # no period of the target's: a month's measure, though?
        _refuse_month_measure(text, spec, unit)
    if found is None or spec.kind in ("qualitative", "rank_group"):
        return
    own = getattr(spec, "unit", None)
    shown = own if own is not None else (unit.text if unit is not None else None)
    per = _PER_UNIT.get(found.group("period").lower())
    units = " ".join(u for u in (own, unit.text if unit is not None else None) if u)
    if per is not None and per in units.replace(" ", ""):
        return  # "8 triệu đồng/người/tháng": the unit is one per that period
    if (
        spec.change is None
        and shown is not None
        and "%" in shown
        and (unit is None or is_share(unit))
    ):
        return  # "100% hồ sơ được cập nhật hằng ngày": a share
    raise TargetParseError(
        text,
        min(found.start(), len(text)),
        "the target of a year ('tăng bình quân 9%/năm', 'đạt 120 doanh nghiệp/năm')",
        reason=f"{found.group(0)!r}: a figure per {found.group('period')}, while "
        "an observation is the level of a year",
    )


#: A fall capped, then a rate a year: "giảm không quá 1%/năm", "giảm dưới 1%/năm".
_YEARLY_CAP = re.compile(
    r"(?<!\w)(?:giảm|hạ|kéo\s+giảm)\s+(?:không\s+quá|tối\s+đa|dưới|không\s+vượt\s+quá|ít\s+hơn"
    r"|nhiều\s+nhất)\s*\d[\d.,]*\s*%\s*/\s*năm",  # not "xuống dưới", "còn dưới": a level
    re.IGNORECASE,
)


def refuse_yearly_cap(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a capped fall a year read as a level of a share (``Tỷ lệ hộ nghèo giảm không
    quá 1%/năm`` in a row in %): a fall of at most 1 point a year, or a level below 1 %?"""
    share = unit is None or (is_share(unit) and not is_rate(unit))
    if spec.change is None and share and spec.kind == "comparison":
        found = _YEARLY_CAP.search(text)
        if found is not None:
            raise TargetParseError(
                text,
                found.start(),
                "a yearly change ('giảm bình quân 1 điểm %/năm') or the level to reach ('giảm "
                "xuống dưới 1%')",
                reason=f"{found.group(0)!r} caps a fall a year: a fall of at most that much a "
                "year, or a level below it?",
            )


#: "năm 2026" (or "năm nay", "cuối năm") and the word before it: a change within that year
#: ("Năm 2026 tăng 8%", "tăng 10% trong năm 2026"), unless the word says a deadline or a span
#: ("đến năm 2030").
_YEAR_NAMED = re.compile(
    r"(?:(?<=\s)|^)(?:(?P<lead>\w+)\s+)?(?P<time>năm\s+(?:19|20)\d\d(?!\d)"
    r"|năm\s+(?:nay|sau|tới)(?!\w)(?!\s+(?:cao|thấp|lớn|nhỏ|nhiều|ít|tăng)\s+hơn)"  # "năm sau
    r"|cuối\s+năm(?![\s\d]*\d))",  # cao hơn năm trước": each year more; "năm nay", "cuối năm"
    re.I,
)
_DEADLINE_WORDS = frozenset(
    {"đến", "tới", "vào", "từ", "cuối", "sau", "trước", "đầu", "hết", "đoạn", "kỳ", "với", "gốc"}
    | {"hoạch", "toán", "tiêu"}  # "kế hoạch năm 2025", "dự toán năm …": refused as a plan's
)


#: Words before "năm tới" that count years: a duration ("các năm tới", "hai năm tới").
_COUNTING = frozenset(
    {"các", "những", "vài", "mấy", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}
)


def refuse_year_of_change(text: str) -> None:
    """Refuse a change with no base and a year named as when it happens (``Năm 2026 tăng 8%``,
    ``tăng 10% trong năm 2026``): from the year before, or from the plan baseline?"""
    for found in _YEAR_NAMED.finditer(text):
        lead = (found.group("lead") or "").casefold()
        if lead not in _DEADLINE_WORDS and not lead.isdigit() and lead not in _COUNTING:
            raise TargetParseError(
                text,
                found.start(),
                "a base ('so với năm trước', 'so với năm 2025') or a deadline ('đến năm 2030')",
                reason=f"{found.group('time')!r} and a change with no base: from the year "
                "before, or from the plan baseline?",
            )
