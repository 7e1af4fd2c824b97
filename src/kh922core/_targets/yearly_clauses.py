"""A number a year after the verb's clause, a level a year of a share, a year's count of a stock.

Three ways a plan writes a number a year without a verb beside it that the row cannot take as
its level as it stands:

* the verb, then after a comma only words of how and when, then the number a year
  (``Giảm nghèo nhanh, bình quân 1,5%/năm``, ``Giảm dần, bình quân 0,5%/năm``, ``Giảm, mỗi năm
  1%``): the verb's clause runs on to the number.  In a row of a level (money, counts) a per
  cent a year can only be its growth, and the verb is kept; in a row of a rate (``%/năm``, an
  indicator named ``Tốc độ tăng trưởng …``) the number is a level of that rate; in a row of a
  share (``%``) it is the change a year or the level, which the text does not say: refused;
* a level in ``%/năm`` with no verb, in a row in ``%`` of an indicator named as a share
  (``1,5%/năm`` of ``Tỷ lệ hộ nghèo``): a share has no level a year; refused;
* a number each year with no verb, of a count the indicator keeps over the years (``Mỗi năm
  có 5 xã đạt chuẩn nông thôn mới`` of ``Số xã đạt chuẩn nông thôn mới``): five more a year,
  or five in all?  Refused; of a flow (``Số doanh nghiệp thành lập mới``, money, visits,
  accidents) it is the level of a year.
"""

from __future__ import annotations

import re

from kh922core._targets.subject_kinds import (
    RATE_IN_PERCENT,
    RATE_WORDS,
    SHARE_LIKE,
    SHARE_WORDS,
    names_a_rate,
)
from kh922core._targets.unit_fit import counts_things, is_rate, is_share, per_year_part
from kh922core._targets.units import Unit
from kh922core._targets.verbs import Verb
from kh922core.errors import TargetParseError

__all__ = ["keeps_verb", "only_qualifiers", "refuse_yearly_levels"]

#: A share's name that says it moves (``Tỷ lệ giảm nghèo``, ``Tỷ lệ tăng dân số``, ``Tỷ lệ đổi
#: mới công nghệ``, ``Tỷ lệ chuyển dịch lao động``): its level is one a year.
_MOVING_NAME = re.compile(
    r"(?<!\w)(?:tăng|giảm|đổi\s+mới|chuyển\s+dịch|chuyển\s+đổi|thay\s+đổi)(?!\w)", re.IGNORECASE
)

#: Words of how, when and how much on average, between a separator and the number: they name
#: no measure of their own (``, bình quân``, ``, bền vững, mỗi năm``, ``, giai đoạn 2026-2030``).
_QUALIFIER = (
    r"(?:bình\s+quân|trung\s+bình|(?:mỗi|hằng|hàng)\s+năm|năm|nhanh|mạnh|bền\s+vững|liên\s+tục|"
    r"đều|dần|ổn\s+định|rõ\s+rệt|đáng\s+kể|giai\s+đoạn|cả|toàn|trong|đến|tới|từ|phấn\s+đấu|"
    r"cơ\s+bản|khoảng|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+(?:dưới|quá)|trên|dưới|hơn|"
    r"và|[-–—\d])"
)
_QUALIFIED = re.compile(rf"\s*(?:{_QUALIFIER}(?!\w)\s*)+", re.IGNORECASE)


def only_qualifiers(after_verb: str) -> bool:
    """Whether the words after the verb and up to the number are the verb's own clause, then
    after each separator only qualifiers (``nghèo nhanh, bền vững, bình quân``).

    Examples:
        >>> only_qualifiers(" nghèo nhanh, bình quân "), only_qualifiers(", tỷ lệ hộ nghèo ")
        (True, False)
    """
    clauses = re.split(r"[,;:]", after_verb)
    return len(clauses) > 1 and all(
        _QUALIFIED.fullmatch(clause) is not None for clause in clauses[1:]
    )


def _rate(text: str, unit: Unit | None, indicator: str | None) -> bool:
    """Whether the row, its indicator or the text says a rate of change (a growth, a price
    index, the change of a level a row in ``%`` can only hold as its rate: ``Thu ngân sách``)."""
    plain = unit is None or unit.expression == "percent"
    words = RATE_IN_PERCENT.search(text) or RATE_IN_PERCENT.search(indicator or "")
    in_percent = plain and words is not None
    return (
        (unit is not None and is_rate(unit))
        or names_a_rate(indicator)
        or RATE_WORDS.search(text) is not None
        or (in_percent and SHARE_WORDS.search(f"{text} {indicator or ''}") is None)
    )


def keeps_verb(
    text: str, verb: Verb, unit: Unit | None, indicator: str | None, written: str | None
) -> bool:
    """Whether a verb whose clause a separator ended, then only qualifiers and a number a year
    (``Giảm dần, bình quân 0,5%/năm``), bounds that number: in a row of a level, a per cent a
    year is its growth.

    Raises:
        TargetParseError: A row of a share, or no unit, and a number in ``%`` (or with none):
            the change a year, or the level?
    """
    if verb.to_level or verb.maintain or not (written is None or written.startswith("%")):
        return False  # "Thu nhập tăng, bình quân 150 triệu đồng/người/năm": a level
    if _rate(text, unit, indicator):
        return False  # a level of the rate
    if unit is not None and not (is_share(unit) or unit.is_rank):
        return True
    raise TargetParseError(
        text,
        0,
        f"the change a year with its verb ('{verb.phrase} bình quân 1,5%/năm'), or the level "
        "to reach ('đạt 1,5%')",
        reason=f"{verb.phrase!r}, then after a separator a number a year with no verb of its "
        "own: the change a year, or the level?",
    )


#: A verb or noun of change in the text ("giảm nghèo"): a number each year is then its size.
_CHANGE_WORD = re.compile(r"(?<!\w)(?:tăng|giảm)(?!\w)", re.IGNORECASE)
#: Words of a year in the text itself (not "bình quân", which may say per head).
_EACH_YEAR = re.compile(r"(?<!\w)(?:mỗi|hằng|hàng|từng)\s+năm(?!\w)|/\s*năm(?!\w)", re.IGNORECASE)
#: An indicator's name that counts a flow (what is new, set up, granted, received in a year).
_FLOW_NAME = re.compile(
    r"(?<!\w)(?:(?<!thôn\s)(?<!đổi\s)mới|thành\s+lập|được\s+cấp|cấp\s+mới|phát\s+sinh|tăng\s+thêm|đón|lượt|"
    r"(?<!nhiệm\s)vụ|ca|tai\s+nạn|tội\s+phạm|vi\s+phạm|được\s+(?:đào\s+tạo|giải\s+quyết|tạo|hỗ\s+trợ)|"
    r"giải\s+quyết\s+việc\s+làm|tuyển\s+sinh|"
    r"(?:mỗi|hằng|hàng|trong|từng)\s+năm)(?!\w)|/\s*năm",
    re.IGNORECASE,
)

#: An indicator's name that counts what stands over the years (firms, cooperatives, centres,
#: communes, households, schools, subscribers …): a number written a year of it (``100 doanh
#: nghiệp/năm`` of ``Số doanh nghiệp``) says how many more a year, and is refused; of another
#: count (``5.000 học sinh/năm`` of ``Số học sinh tốt nghiệp``) it is the level of a year.
_STOCK_NAME = re.compile(
    r"^\s*(?:tổng\s+)?số\s+(?:lượng\s+)?(?:doanh\s+nghiệp|hợp\s+tác\s+xã|tổ\s+hợp\s+tác|trung\s+tâm"
    r"|tổ\s+chức|cơ\s+sở|xã|phường|thôn|ấp|hộ|trường|bệnh\s+viện|trạm|khu|cụm|đô\s+thị|điểm"
    r"|sản\s+phẩm|nền\s+tảng|thuê\s+bao|tài\s+khoản|thư\s+viện|chợ|làng)(?!\w)",
    re.IGNORECASE,
)


def refuse_yearly_levels(
    text: str, written: str | None, unit: Unit | None, name: str | None, yearly_words: bool
) -> None:
    """Refuse a level a year with no verb that the row cannot hold as its level: of a share
    (:func:`refuse_share_a_year`), and of a count the indicator keeps over the years (``Mỗi năm
    có 5 xã đạt chuẩn nông thôn mới`` of ``Số xã đạt chuẩn nông thôn mới``: five more a year,
    not five in all; of ``Số doanh nghiệp thành lập mới`` it is the level of a year's flow)."""
    refuse_share_a_year(text, written, unit, name, yearly_words)
    area = unit is not None and unit.dimension == "[length] ** 2"  # "ha" of a forest
    counted = unit is not None and (area or counts_things(unit)) and "visit" not in unit.dimension
    if not (counted and name and _EACH_YEAR.search(text)) or _FLOW_NAME.search(name):
        return
    if (written or "").lstrip().startswith("%") or per_year_part(unit.text if unit else None)[1]:
        return  # "≥ 0%/năm": a rate; a row in "vụ/năm": its unit says a year's count
    if per_year_part(written)[1] and not _STOCK_NAME.search(name):
        return  # "5.000 học sinh/năm" of "Số học sinh tốt nghiệp": a year's count
    if unit is not None and (unit.is_rank or is_share(unit)):
        return
    raise TargetParseError(
        text,
        0,
        "the change a year with its verb ('tăng thêm 5 xã mỗi năm'), or the level to reach",
        reason=f"a number each year of {name!r}, a count the indicator keeps over the years: "
        "so many more a year, or so many in all?",
    )


def refuse_share_a_year(
    text: str, written: str | None, unit: Unit | None, name: str | None, yearly_words: bool
) -> None:
    """Refuse a level a year with no verb in a row in ``%`` of an indicator named as a share:
    in ``%/năm`` (``1,5%/năm`` of ``Tỷ lệ hộ nghèo``), or each year of a change the text names
    (``Giảm nghèo nhanh, mỗi năm 1,5%``).  An indicator named as a rate, or as a share that
    moves (``Tỷ lệ giảm nghèo``, ``Tỷ lệ tăng dân số``), holds its level a year."""
    base, per_unit = per_year_part(written)
    yearly = per_unit or (yearly_words and _CHANGE_WORD.search(text) is not None)
    if not (yearly and base in (None, "%") and unit is not None and unit.expression == "percent"):
        return
    if not name or not (SHARE_WORDS.search(name) or SHARE_LIKE.search(name)):
        return
    if _rate(text, unit, name) or _MOVING_NAME.search(name):
        return
    raise TargetParseError(
        text,
        0,
        "the change a year with its verb ('giảm bình quân 1,5%/năm'), or the level ('1,5%')",
        reason=f"a number a year ({written or 'no unit'!r}) of a share ({name!r}) with no verb: "
        "the change a year, or the level?",
    )
