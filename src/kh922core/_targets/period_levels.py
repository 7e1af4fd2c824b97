"""Levels over a span of years, which a level at the horizon does not check: an average of
the years (``Bình quân giai đoạn 2026-2030 đạt 8%``) and a total of them (``Giai đoạn 2026-2030
thu hút 50 dự án``).  Both are refused with what to write; a rate's average, an average per
head, a stock, a share, a ratio and an indicator whose name holds the span are read.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.subject_kinds import RATE_IN_PERCENT, names_a_rate
from kh922core._targets.unit_fit import is_rate, is_share
from kh922core._targets.units import Unit, parse_unit
from kh922core.errors import TargetParseError

__all__ = ["names_a_span_total", "refuse_new_ones", "refuse_period_average", "refuse_period_total"]


#: An average over a period ("Bình quân giai đoạn 2026-2030", "Trung bình 5 năm"), not per head.
_PERIOD_AVERAGE = re.compile(
    r"\b(?:bình\s+quân|trung\s+bình)\s+(?:cả\s+|của\s+)?(?:giai\s+đoạn|thời\s+kỳ|\d+\s+năm)\b",
    re.IGNORECASE,
)


def refuse_period_average(
    text: str, spec: TargetSpec, unit: Unit | None, indicator: str | None
) -> None:
    """Refuse a level averaged over a period (``Bình quân giai đoạn 2026-2030 đạt 8%``): the
    average of the years, or the level at the horizon?  A rate's average is its level (the
    average growth of a period is how a growth target is written)."""
    found = _PERIOD_AVERAGE.search(text)
    if found is None or spec.change is not None:
        return
    if spec.kind not in ("comparison", "range", "approximate"):
        return
    written = getattr(spec, "unit", None) or ""
    rate = (unit is not None and is_rate(unit)) or "/năm" in written.replace(" ", "")
    in_percent = unit is None or unit.expression == "percent"  # "năng suất" in tấn/ha: a level
    if rate or (in_percent and RATE_IN_PERCENT.search(text)) or names_a_rate(indicator):
        return
    raise TargetParseError(
        text,
        found.start(),
        "the level at the horizon without the average ('đạt 8%'), or the average in the "
        "indicator's name",
        reason=f"{found.group(0)!r}: the average of the period's years, or the level at its end?",
    )


#: A span of years a level of a count or an amount is summed over ("giai đoạn 2026-2030",
#: "cả giai đoạn", "trong 5 năm", "tổng cộng", "Tổng vốn đầu tư 5 năm", "lũy kế 5 năm"; a
#: running total to a year, "lũy kế đến năm 2030", is the level of a stock).
_PERIOD_TOTAL = re.compile(
    r"\bgiai\s+đoạn\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b|\bcả\s+giai\s+đoạn\b"
    r"|\btrong\s+(?:\d+|cả)\s+năm\b|\btổng\s+cộng\b|(?<![\d.,])\d\s+năm\s+(?:tới|qua|\d{4})\b"
    r"|\btổng\b[^\d%]{0,60}?\b\d\s+năm\b"
    r"|\(\s*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\s*\)|/\s*\d+\s*năm\b"
    r"|\b(?:l(?:ũy|uỹ)\s+kế|cộng\s+dồn)\s+(?:\d+\s+năm|cả\s+giai\s+đoạn)\b",
    re.IGNORECASE,
)
#: Of :data:`_PERIOD_TOTAL`, the words that say a total whatever the verb: a span of named
#: years, a total, a number per some years, an accumulation.
_TOTAL_SAID = re.compile(
    r"\btổng\b|\bcả\s+giai\s+đoạn\b|(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}|/\s*\d+\s*năm"
    r"|\bl(?:ũy|uỹ)\s+kế\b|\bcộng\s+dồn\b",
    re.IGNORECASE,
)
#: Words before a span that name what it dates, not a period summed ("Bộ tiêu chí giai đoạn
#: 2026-2030", "chuẩn nghèo giai đoạn 2026-2030").
_DATED_NAME = re.compile(
    r"(?:tiêu\s+chí|chuẩn(?:\s+nghèo)?(?:\s+đa\s+chiều)?|chương\s+trình|kế\s+hoạch|quy\s+hoạch"
    r"|đề\s+án|chiến\s+lược)(?:\s+[^\W\d_]+){0,10}\s*$",
    re.IGNORECASE,
)


#: A name that says its figure is a year's, though it names a span ("Số lao động được giải quyết
#: việc làm bình quân hằng năm giai đoạn 2026-2030", "Tốc độ …", "Tỷ lệ …").
_YEARLY_NAME = re.compile(
    r"\b(?:bình\s+quân|trung\s+bình|hằng\s+năm|hàng\s+năm|mỗi\s+năm|năm\s+cuối|cuối\s+giai\s+đoạn"
    r"|tốc\s+độ|tỷ\s+lệ|tỷ\s+trọng|đến\s+năm|vào\s+năm)\b|/\s*năm\b",
    re.IGNORECASE,
)


def names_a_span_total(indicator: str) -> bool:
    """Whether an indicator's name holds a span of years it totals (``Số lao động được giải
    quyết việc làm giai đoạn 2026-2030``, ``… trong 5 năm``), not the span a standard or a
    programme dates (``… theo Bộ tiêu chí giai đoạn 2021-2025``) nor a year's figure
    (``bình quân hằng năm giai đoạn …``).

    Example:
        >>> names_a_span_total("Số doanh nghiệp thành lập mới giai đoạn 2026-2030")
        True
        >>> names_a_span_total("Số xã đạt chuẩn theo Bộ tiêu chí giai đoạn 2021-2025")
        False
        >>> names_a_span_total("Vốn đầu tư bình quân hằng năm giai đoạn 2026-2030")
        False
    """
    if _YEARLY_NAME.search(indicator):
        return False
    return any(
        not _DATED_NAME.search(indicator[: found.start()])
        for found in _PERIOD_TOTAL.finditer(indicator)
    )


#: Verbs that add to a count over time ("thu hút 50 dự án", "đào tạo 10.000 lao động").
_ADDS = re.compile(
    r"\b(?:thu\s+hút|đào\s+tạo|giải\s+quyết\s+việc\s+làm|tạo\s+(?:mới\s+)?việc\s+làm|thành\s+lập|"
    r"trồng(?:\s+mới)?|phát\s+triển\s+mới|xây\s+(?:dựng|mới)|hoàn\s+thành|cấp\s+(?:mới|phép)|"
    r"hỗ\s+trợ|huy\s+động|đón|kêu\s+gọi|khởi\s+công|đưa)\b",
    re.IGNORECASE,
)


def refuse_period_total(
    text: str, spec: TargetSpec, unit: Unit | None, indicator: str | None
) -> None:
    """Refuse a level of a count or an amount over a span of years (``Giai đoạn 2026-2030 thu
    hút 50 dự án``, ``Trong 5 năm đào tạo 10.000 lao động``, ``Tổng vốn đầu tư 5 năm đạt
    500.000 tỷ đồng``): the total of the span's years, or the level at its end?  A share, a
    rate, and an indicator whose name holds the span (``… giai đoạn 2026-2030``) are read."""
    found = next(
        (f for f in _PERIOD_TOTAL.finditer(text) if not _DATED_NAME.search(text[: f.start()])),
        None,
    )
    if found is None or spec.change is not None:
        return
    if spec.kind not in ("comparison", "range", "approximate"):
        return
    shown = getattr(spec, "unit", None)
    written = parse_unit(shown) if shown else unit
    if written is None or is_share(written) or is_rate(written):
        return
    if indicator and _PERIOD_TOTAL.search(indicator):
        return
    # a flow summed: an amount of money, a verb that adds ("thu hút", "đào tạo"), a total's word;
    # "Trong vòng 5 năm tới có 500 doanh nghiệp" has them: a level by then
    per = "/" in written.text or (unit is not None and "/" in unit.text)  # "USD/người": a ratio
    summed = ("currency" in written.dimension and not per) or _ADDS.search(text) is not None
    if not summed and (per or not _TOTAL_SAID.search(found.group(0))):
        return
    raise TargetParseError(
        text,
        found.start(),
        "the level at the horizon ('đến năm 2030 có 500 doanh nghiệp'), or the span's total in "
        "the indicator's name ('Số dự án thu hút giai đoạn 2026-2030')",
        reason=f"{found.group(0)!r}: the total of the span's years, or the level at its end?",
    )


#: New things counted (``Thành lập mới 1.000 doanh nghiệp``, ``Trồng mới 5.000 ha rừng``, ``1.000
#: doanh nghiệp mới``, ``Thành lập 500 doanh nghiệp``: what is set up is new, where the verb comes
#: before its number, not ``đã``/``được``/``không`` set up): how many are added, not how many.
_NEW = re.compile(
    r"\b(?:thành\s+lập|phát\s+triển|trồng|xây\s+dựng|xây|tạo|cấp|thu\s+hút|đầu\s+tư|tuyển"
    r"|kết\s+nạp|đăng\s+ký|mở|bổ\s+sung)\s+mới\b|\bmới\s+thành\s+lập\b"
    r"|(?<!đã\s)(?<!được\s)(?<!không\s)(?<!định\s)(?<!ký\s)\bthành\s+lập\b"
    r"(?=[^\d;()]*(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d)"
    r"|\b(?:doanh\s+nghiệp|hợp\s+tác\s+xã|dự\s+án|việc\s+làm|thuê\s+bao)\s+mới\b",
    re.IGNORECASE,
)
#: An indicator whose name counts what is added (``Số doanh nghiệp thành lập mới``; the ``mới``
#: of ``đổi mới``, innovation, counts nothing new: ``Số trung tâm đổi mới sáng tạo``).
_NAMES_NEW = re.compile(
    r"(?<!đổi\s)\bmới\b|thành\s+lập|\btrồng\b|tăng\s+thêm|phát\s+triển\s+thêm|được\s+cấp|gia\s+nhập"
    r"|thu\s+hút|chấp\s+thuận|xây\s+dựng|hoàn\s+thành|việc\s+làm|tạo\s+ra|đầu\s+tư|đăng\s+ký"
    r"|phát\s+triển",
    re.IGNORECASE,
)
#: A note of what a total counts in (``kể cả doanh nghiệp mới thành lập``): no new ones counted.
_COUNTED_IN = re.compile(r"(?:kể\s+cả|tính\s+cả|không\s+tính|bao\s+gồm|trừ)\s+[^\d;]*$", re.I)


#: A name that counts what its period adds ("Số sản phẩm OCOP được công nhận mới", "Số doanh
#: nghiệp thành lập mới"), not what there is ("… đạt chuẩn nông thôn mới", "đổi mới").
_COUNTS_ADDED = re.compile(
    r"\b(?:thành\s+lập|công\s+nhận|cấp|trồng|tạo|tuyển(?:\s+sinh)?|đăng\s+ký|thu\s+hút|kết\s+nạp"
    r"|phát\s+triển|xây\s+dựng|đầu\s+tư|mở|phát\s+sinh)\s+mới\b|\bmới\s+(?:thành\s+lập|được)\b"
    r"|\btăng\s+thêm\b|\bthêm\s+mới\b",
    re.IGNORECASE,
)
_MORE = re.compile(r"\bthêm\b", re.IGNORECASE)
#: A name of a share, or of a stock that the new ones are part of ("… (lũy kế)", "Tổng số …
#: bao gồm công nhận mới", "… đang hoạt động (kể cả thành lập mới)").
_NOT_ADDED = re.compile(
    r"^\W*t[ỷỉ]\s+(?:lệ|trọng)\b|\bl[ũu]ỹ?\s+kế\b|\blũy\s+kế\b|\btổng\s+số\b|\bbao\s+gồm\b"
    r"|\bkể\s+cả\b|\bđang\s+hoạt\s+động\b",
    re.IGNORECASE,
)


def _refuse_more_of_new_ones(text: str, spec: TargetSpec, indicator: str | None) -> None:
    """Refuse ``thêm`` (more) with no base in a row that counts what is added (``Có thêm 50 sản
    phẩm OCOP`` in ``Số sản phẩm OCOP được công nhận mới``): the new ones are the row's own
    figure, so 50 more is their level, or a rise of it from the baseline?"""
    change = spec.change
    if change is None or indicator is None or change.falling or change.kind != "points":
        return
    more = _MORE.search(text)
    if change.since is not None or change.previous_year or more is None or "%" in text:
        return
    if _COUNTS_ADDED.search(indicator) and not _NOT_ADDED.search(indicator):
        raise TargetParseError(
            text,
            more.start(),
            "the number of new ones as the row's level ('đạt 50 sản phẩm'), or the rise with its "
            "base ('tăng thêm 50 so với năm 2025')",
            reason=f"'thêm' (more) in a row that counts what is added ({indicator!r}): the "
            "level of the new ones, or its rise from the baseline?",
        )


def refuse_new_ones(text: str, spec: TargetSpec, unit: Unit | None, indicator: str | None) -> None:
    """Refuse a level of new things (``Thành lập mới 1.000 doanh nghiệp``, ``Trồng mới 5.000 ha
    rừng``) in a row whose indicator counts them all (``Số doanh nghiệp``, ``Diện tích rừng``):
    how many are added, not how many there are.  An indicator that names them (``Số doanh
    nghiệp thành lập mới``, ``Diện tích rừng trồng mới``), a share and a rate read.  And the
    reverse: ``thêm`` with no base in a row that counts the new ones."""
    _refuse_more_of_new_ones(text, spec, indicator)
    found = next(
        (f for f in _NEW.finditer(text) if not _COUNTED_IN.search(text[: f.start()])), None
    )
    if found is None or indicator is None or spec.change is not None:
        return
    if spec.kind not in ("comparison", "range", "approximate") or _NAMES_NEW.search(indicator):
        return
    shown = getattr(spec, "unit", None)
    written = parse_unit(shown) if shown else unit
    per = [u for u in (written, unit) if u is not None and "/" in u.text]
    if per or (written is not None and (is_share(written) or is_rate(written))):
        return  # "doanh nghiệp/năm", "ha/năm": a rate of new ones
    raise TargetParseError(
        text,
        found.start(),
        "the increase ('tăng thêm 1.000 doanh nghiệp'), or an indicator that counts the new "
        "ones ('Số doanh nghiệp thành lập mới')",
        reason=f"{found.group(0)!r}: how many are added, but the indicator {indicator!r} counts "
        "them all",
    )
