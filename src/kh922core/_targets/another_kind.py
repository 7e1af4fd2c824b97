"""Numbers of another kind than the row's level, which a reading would take for it: a year, a
per cent with a decimal point, a per cent of another whole, a growth rate in a row of a share,
the target of one group only.

:func:`refuse_numbers_of_another_kind` refuses each, naming what to write instead.  Each rule is
narrow: the words that make it are the row's own far more often than not (a whole named in the
row's unit, a group that is the indicator's subject), and a refusal is kept for the wordings
where the reading was wrong.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.period_levels import names_a_span_total
from kh922core._targets.population_parts import refuse_a_part
from kh922core._targets.scanner import YEARS, blank
from kh922core._targets.subject_kinds import SHARE_WORDS, names_a_growth, names_a_rate
from kh922core._targets.unit_fit import is_rate
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = [
    "refuse_multiple_of_a_rate",
    "refuse_negative_change",
    "refuse_numbers_of_another_kind",
]

#: A year as the number of a target: four bare digits 2000-2100 ("Hoàn thành 2027", "2026-2027").
_YEAR = re.compile(r"(?<![\d.,])(?:20\d\d|2100)(?![\d.,]|\s*%)")
#: A year right after a verb of completion ("Hoàn thành 2027", "đưa vào sử dụng 2028").
_DONE_IN = re.compile(
    r"(?:hoàn\s+thành|khánh\s+thành|đưa\s+vào\s+(?:sử\s+dụng|vận\s+hành|khai\s+thác)|xong)"
    r"\s+(?:trước\s+|trong\s+|vào\s+)?(?P<year>20\d\d|2100)(?![\d.,])",
    re.IGNORECASE,
)
#: A count's name: its number may be 2000-2100 ("Số doanh nghiệp … | Trên 2000").
_COUNT_NAME = re.compile(r"^\W*(?:tổng\s+)?(?:số|lượng|sản\s+lượng)\b", re.IGNORECASE)
#: A per cent with a group of thousands ("1.500%", "Trên 99.500%"): a decimal point, as an
#: English-language spreadsheet writes 1.5 %, or a thousand per cent?  (Not "0.750%".)
_DOTTED_PERCENT = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+\s*%")
#: A whole named right after a per cent ("30% tổng vốn đầu tư", "30% giá trị sản xuất").
_WHOLE_AFTER = re.compile(
    r"\d\s*%\s*(?:của\s+)?(?P<whole>(?:tổng|giá\s+trị)\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,4})",
    re.IGNORECASE,
)
#: The product of the country or a region ("30% GRDP cả nước", "5% GDP toàn quốc").
_COUNTRY = re.compile(
    r"\d\s*%\s*(?:của\s+)?(?P<whole>(?:GRDP|GDP)\s+(?:của\s+)?(?:cả\s+nước|toàn\s+quốc|vùng)\b)",
    re.IGNORECASE,
)
#: A share of GRDP written after a per cent ("Chiếm 10% GRDP").
_GRDP_AFTER = re.compile(r"\d\s*%\s*(?:của\s+)?(?:GRDP|GDP)\b", re.IGNORECASE)
_GRDP = re.compile(r"GRDP|GDP|tổng\s+sản\s+phẩm", re.IGNORECASE)
#: The whole a share's name says ("… trong tổng chi ngân sách", "… so với tổng …", "… vào
#: tăng trưởng").
_WHOLE_NAMED = re.compile(
    r"(?:trong|trên|so\s+với|vào)\s+(?:tổng|giá\s+trị|GRDP|GDP|tăng\s+trưởng)(?:\s+[^\W\d_]+){0,5}",
    re.IGNORECASE,
)
#: A share of the budget named without its whole ("Tỷ lệ chi ngân sách cho khoa học …": of the
#: budget's spending, not of GRDP).
_BUDGET_SHARE = re.compile(
    r"(?<!\w)(?:tỷ|tỉ)\s+(?:lệ|trọng)\s+chi\s+(?:từ\s+|của\s+)?(?:ngân\s+sách|NSNN|NSĐP|NS)(?!\w)",
    re.IGNORECASE,
)
#: Words of a whole that name nothing of their own.
_PLAIN_WORDS = frozenset(
    {"tổng", "số", "giá", "trị", "các", "của", "toàn", "trên", "địa", "bàn", "tỉnh", "năm"}
    | {"được", "và", "trong", "cả", "nước"}
)
#: Words of a growth rate as the subject before a number ("tốc độ tăng trưởng 9%/năm",
#: "Tăng trưởng 2%"); not what a share is of ("đóng góp vào tăng trưởng", "trong tăng trưởng").
_RATE_BEFORE = re.compile(
    r"(?<!vào\s)(?<!trong\s)(?<!với\s)(?<!cho\s)(?<!\w)(?:tốc\s+độ\s+)?tăng\s+trưởng(?!\w)"
    r"|(?<!\w)tốc\s+độ\s+(?:tăng|phát\s+triển|giảm)",
    re.IGNORECASE,
)
#: A share's name that is a rate's or a change's ("Tỷ lệ tăng dân số", "Tỷ lệ lạm phát", "Mức
#: giảm tỷ lệ …"), or a contribution to growth.
_RATE_NAME = re.compile(
    r"tăng|giảm|lạm\s+phát|tốc\s+độ|biến\s+động|đóng\s+góp|trượt\s+giá", re.IGNORECASE
)
#: A row of a period's total ("Tổng vốn đầu tư toàn xã hội 5 năm", "… giai đoạn 2026-2030",
#: "… lũy kế"), and a figure of one year in a text ("mỗi năm", "hằng năm", "/năm", "năm 2030").
_PERIOD_TOTAL = re.compile(
    r"(?<!\w)(?:tổng|lũy\s+kế|cộng\s+dồn)(?!\w).*(?<!\w)(?:\d+\s+năm|giai\s+đoạn|cả\s+kỳ)(?!\w)"
    r"|(?<!\w)lũy\s+kế(?!\w)",
    re.IGNORECASE,
)
_ONE_YEAR = re.compile(
    r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)|/\s*năm(?!\w)"
    r"|(?<!đến\s)(?<!tới\s)(?<!hết\s)(?<!trước\s)(?<!đoạn\s)(?<!từ\s)(?<!\w)năm\s+(?:19|20)\d\d"
    r"(?!\d)(?!\s*[-–])",  # not "đến năm 2030", "giai đoạn 2026-2030"
    re.IGNORECASE,
)
#: A verb of change: "Mỗi năm giảm 500 hộ", "tăng bình quân 5%/năm" bound a change a year.
_CHANGING = re.compile(
    r"(?<!\w)(?:tăng|giảm|thêm|nâng|hạ|rút\s+ngắn|cắt\s+giảm|gấp)(?!\w)", re.IGNORECASE
)
#: Of :data:`_ONE_YEAR`, a figure of each year (not of a named one, which in a row named for its
#: span may be the level of a stock at that year: "Năm 2025 đạt 50 xã").
_EACH_YEAR = re.compile(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)|/\s*năm(?!\w)", re.IGNORECASE)
#: The target of one group only, before the number ("Riêng huyện nghèo dưới 10%").
_ONE_GROUP = re.compile(r"^\W*riêng\s+(?!lẻ\b|biệt\b)(?P<group>[^\d]*)", re.IGNORECASE)
#: Words of a group's phrase that name no group: marks of a target, of a place, of a time.
_GROUP_PLAIN = frozenset(
    {"các", "những", "của", "tại", "ở", "đối", "với", "khu", "vực", "vùng", "trong", "năm"}
    | {"đạt", "dưới", "trên", "tối", "thiểu", "đa", "ít", "nhất", "không", "quá", "vượt", "từ"}
    | {"khoảng", "là", "tăng", "giảm", "còn", "chiếm", "phấn", "đấu", "duy", "trì", "có", "mức"}
    | {"bình", "quân", "xuống", "lên"}
)


#: The part of trained workers with a degree or a certificate ("có bằng cấp, chứng chỉ đạt
#: 35%"), a measure of its own beside the share trained ("qua đào tạo đạt 75%").
_CERTIFIED = re.compile(r"bằng\s+cấp|chứng\s+chỉ|văn\s+bằng", re.IGNORECASE)


def _numbers(spec: TargetSpec) -> list[float]:
    """The numbers a level target bounds."""
    found = [getattr(spec, name, None) for name in ("value", "low", "high")]
    return [number for number in found if isinstance(number, float | int)]


def _words(text: str) -> list[str]:
    """The words of ``text``, lower case, without marks ("xã," is "xã")."""
    return re.findall(r"[^\W_]+", text.casefold())


def refuse_numbers_of_another_kind(
    text: str, spec: TargetSpec, indicator: str | None, unit: Unit | None
) -> None:
    """Refuse a number that is no level of the row's measure (see the module docstring)."""
    if spec.kind not in ("comparison", "range", "approximate"):
        return
    row = None if unit is None else unit.text.strip()
    _refuse_year(text, spec, indicator, row)
    dotted = _DOTTED_PERCENT.search(text)  # of a share (at most 100 %): no thousands in it
    if dotted is not None and indicator is not None and SHARE_WORDS.search(indicator):
        raise TargetParseError(
            text,
            dotted.start(),
            "a decimal comma ('1,5%') or the per cent without a dot ('1500%')",
            reason=f"{dotted.group(0)!r}: a decimal point, or a thousand per cent and more?",
        )
    _refuse_other_whole(text, indicator, row)
    _refuse_growth_rate(text, spec, indicator)
    _refuse_year_of_a_total(text, indicator, row, spec)
    _refuse_count_as_share(text, spec, unit)
    first = re.search(r"\d", text)
    certified = _CERTIFIED.search(text[: first.start()] if first else text)
    trained = indicator is not None and re.search(r"đào\s+tạo", indicator, re.IGNORECASE)
    if certified is not None and trained and not _CERTIFIED.search(indicator or ""):
        raise TargetParseError(
            text,
            certified.start(),
            "the share of the row's own measure, or a row of its own for the part certified",
            reason=f"{certified.group(0)!r}: the part with a degree or a certificate, not the row",
        )
    group = _ONE_GROUP.search(blank(text, YEARS))  # "Riêng năm 2026 đạt …": that year's
    own = _words(indicator or "")
    words = [w for w in _words(group.group("group")) if w not in _GROUP_PLAIN] if group else []
    if group is not None and not (indicator is not None and all(w in own for w in words)):
        raise TargetParseError(
            text,
            group.start(),
            "the target of the whole row, or a row of the group's own",
            reason=f"{text[group.start() : group.end()].strip()!r}: the target of one group "
            "only, not of the row",
        )
    refuse_a_part(text, indicator)  # "… của người dân nông thôn đạt 90 triệu đồng"


def _refuse_year(text: str, spec: TargetSpec, indicator: str | None, row: str | None) -> None:
    """A year read as the number (``Hoàn thành 2027``) in a row with no unit, not a count's,
    or in ``%``: every number read is a year written bare, outside a phrase of time."""
    numbers = _numbers(spec)
    done = _DONE_IN.search(blank(text, YEARS))  # "Hoàn thành 2027" in any row: its deadline
    if done is not None and numbers and all(n == int(done.group("year")) for n in numbers):
        raise TargetParseError(
            text,
            done.start("year"),
            "a deadline in words ('Hoàn thành năm 2027') or a number in the row's unit",
            reason=f"{done.group(0)!r}: a year, not a level to reach (a later year would meet it)",
        )
    if row not in (None, "", "%") or getattr(spec, "unit", None) not in (None, "%") or not numbers:
        return
    if row != "%" and indicator is not None and _COUNT_NAME.search(indicator):
        return  # "Số lao động … | Trên 2000": a count
    bare = {int(found.group(0)): found for found in _YEAR.finditer(blank(text, YEARS))}
    if all(float(n).is_integer() and int(n) in bare for n in numbers):
        year = bare[int(numbers[0])]
        raise TargetParseError(
            text,
            year.start(),
            "a deadline in words ('Hoàn thành năm 2027') or a number in the row's unit",
            reason=f"{year.group(0)!r}: a year, not a level to reach (a later year would meet it)",
        )


def _refuse_other_whole(text: str, indicator: str | None, row: str | None) -> None:
    """A per cent of another whole than the row's: of the country's product (``30% GRDP cả
    nước``); a whole named after it (``30% tổng vốn đầu tư``) in a row of a named whole (``%
    GRDP``) that is not it; ``% GRDP`` in a row whose name gives another whole.  In a row of a
    plain ``%`` a whole after the number stays in the note: the name says the row's whole in
    words of its own (``tổng diện tích tự nhiên`` of ``Tỷ lệ che phủ rừng``)."""
    if row is not None and not row.startswith("%"):
        return  # another unit: the unit check says it
    found = _COUNTRY.search(text)
    whole = _WHOLE_AFTER.search(text) if found is None else None
    named = row not in (None, "", "%")  # "% GRDP", "% dân số": a named whole
    if whole is not None and named:
        own = _GRDP.search(row or "") if _GRDP.match(whole.group("whole")) else None
        words = [w for w in _words(whole.group("whole")) if w not in _PLAIN_WORDS]
        found = None if own or any(w in _words(row or "") for w in words) else whole
    if found is not None:
        raise TargetParseError(
            text,
            found.start("whole"),
            "a share of the whole the row measures, or a row of its own",
            reason=f"a per cent of {found.group('whole')!r}, another whole than the row's",
        )
    grdp = _GRDP_AFTER.search(text)
    named_whole = _WHOLE_NAMED.search(indicator or "")  # "… trong tổng chi ngân sách"
    if named_whole is None and not _GRDP.search(f"{indicator or ''} {row or ''}"):
        named_whole = _BUDGET_SHARE.search(indicator or "")  # "Tỷ lệ chi ngân sách cho …"
    if grdp is not None and named_whole is not None and not _GRDP.search(named_whole.group(0)):
        raise TargetParseError(
            text,
            grdp.start(),
            "a share of the whole the row measures, or a row of its own",
            reason=f"a per cent of GRDP, in a row of {indicator!r}",
        )


def _refuse_growth_rate(text: str, spec: TargetSpec, indicator: str | None) -> None:
    """A growth rate as the subject before the number (``tăng trưởng 2%/năm``), in a row of a
    share that is no rate nor change (``Tỷ lệ dân số tham gia bảo hiểm y tế``)."""
    if indicator is None or spec.change is not None or not SHARE_WORDS.search(indicator):
        return
    if names_a_rate(indicator) or _RATE_NAME.search(indicator):
        return
    plain = blank(text, YEARS)  # "Đến năm 2030, tăng trưởng 9%": the year is no number of it
    first = re.search(r"\d", plain)
    rate = _RATE_BEFORE.search(plain[: first.start()]) if first is not None else None
    clause = (
        rate is not None
        and first is not None
        and not re.search(r"[,;:]", plain[rate.end() : first.start()])
    )
    if rate is not None and clause:  # "Tăng trưởng rừng ổn định, đạt 42%": a clause of its own
        raise TargetParseError(
            text,
            rate.start(),
            "the share to reach ('Đạt 45%'), its change ('tăng bình quân 1 điểm %/năm'), or "
            "the growth in a row of its own",
            reason=f"{rate.group(0)!r}: a growth rate, in a row of the share {indicator!r}",
        )


def refuse_multiple_of_a_rate(text: str, unit: Unit | None, indicator: str | None) -> None:
    """Refuse a multiple (``GRDP năm 2030 gấp 1,6 lần năm 2025``, ``tăng gấp đôi``) in a row of
    a rate of change (``%/năm``, or a plain ``%`` named as a growth): the level it names grows
    so many times, not the rate, whose multiple would be read."""
    plain = unit is None or unit.expression == "percent"
    rate = unit is not None and is_rate(unit)
    if rate or (plain and names_a_growth(indicator)):
        raise TargetParseError(
            text,
            0,
            "the rate to reach ('bình quân 10%/năm'), or the multiple in the row of the level",
            reason="a multiple of a level in a row of a rate of change: the level grows so many "
            "times, not its rate",
        )


def _refuse_year_of_a_total(
    text: str, indicator: str | None, row: str | None, spec: TargetSpec
) -> None:
    """Refuse a figure of one year (``Bình quân mỗi năm đạt 100 nghìn tỷ đồng``, ``… năm 2030
    đạt 130 nghìn tỷ``) in the row of a period's total (``Tổng vốn đầu tư toàn xã hội 5 năm``),
    and a figure of each year (``25.000 người/năm``) in a row named for its span (``Số lao động
    được giải quyết việc làm giai đoạn 2026-2030``): read as the total, a year's figure would
    meet it at once.  Not in a row in % (a rate a year); in a row named for its span, only a
    level (with no verb of change: ``Mỗi năm giảm 500 hộ`` bounds a change a year), of no
    ratio or rate (``USD/người``, ``triệu đồng/ha``, ``%/năm``: a level per head, per hectare,
    a rate a year)."""
    if indicator is None or (row is not None and "%" in row) or "/năm" in (row or ""):
        return
    year = _ONE_YEAR.search(text)
    if year is not None and not _PERIOD_TOTAL.search(indicator):
        # a row named for its span ("… giai đoạn 2026-2030"): a level "mỗi năm", "/năm"
        written = str(getattr(spec, "unit", None) or "").removesuffix("/năm")
        level = not _CHANGING.search(text) and not {"/", "%"} & set((row or "") + written)
        year = _EACH_YEAR.search(text) if level and names_a_span_total(indicator) else None
    if year is not None:
        raise TargetParseError(
            text,
            year.start(),
            "the period's total, or a row of its own for the figure of a year",
            reason=f"{year.group(0)!r}: a figure of a year, in the row of a period's total",
        )


#: A subject that counts ("Số doanh nghiệp", "Tổng số ca mắc"), not a share ("Số hóa …" is
#: digitising; "Số liệu …" data).
_COUNT_SUBJECT = re.compile(r"^\W*(?:tổng\s+)?số\s+(?!hóa\b|hoá\b|liệu\b)\w", re.IGNORECASE)


def _refuse_count_as_share(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a bare number after a subject that counts (``Số doanh nghiệp đạt 100``, ``Số ca
    mắc dưới 100``) in a row of a share (``%``): read as 100 %, the count would be a share."""
    note = str(getattr(spec, "note", None) or "")
    if unit is None or unit.expression != "percent" or getattr(spec, "unit", None) is not None:
        return
    changing = _CHANGING.search(text) is not None or re.search(r"\blần\b", text) is not None
    if not changing and _COUNT_SUBJECT.match(note) and not SHARE_WORDS.search(text):
        raise TargetParseError(
            text,
            0,
            "the share with its '%' ('đạt 95%'), or the count in a row of its own unit",
            reason=f"a number after {note!r}, a count, in a row in %: so many, or a share?",
        )


def refuse_negative_change(
    text: str, reading: tuple[TargetSpec, str | None]
) -> tuple[TargetSpec, str | None]:
    """``reading``, unless it is a change whose size is bounded by a number below 0 (``nâng cao
    không còn -3``, ``mức tăng trưởng đạt - vượt -3 %`` read as ``tăng ≥ -3``): a minus sign on
    the size of a change says neither way (``Giảm -2%`` is refused so), and its render would
    not read back."""
    spec = reading[0]
    if spec.change is not None and any(number < 0 for number in _numbers(spec)):
        minus = re.search(r"[-−–]\s*\d", text)
        raise TargetParseError(
            text,
            minus.start() if minus else 0,
            "the change with its verb and no sign ('giảm 2%', 'tăng 2%')",
            reason="a change whose size is below 0: which way does it move?",
        )
    return reading
