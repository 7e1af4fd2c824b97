"""Values an official typed that read as numbers of the indicator, but that the row itself says
are another figure: listed with their file, sheet and row, and left out until corrected.

* a negative share or count (``-1,4`` typed in the row of a poverty rate for its fall: a
  share, a count, an area is never below 0; a rate of change, a balance, a difference may be);
* a share above 100 % and five times its largest target or more (``580`` typed for ``58,0``:
  the decimal comma lost);
* a share of 10 to 100 % and 25 times its largest target or more (``0,8`` typed for 0,8 % of
  GRDP in a column formatted as a percentage, which shows and holds it as 80 %);
* a value of money whose note names another unit than the row's (``150.000`` in a row in
  ``tỷ đồng``, noted ``đơn vị: triệu đồng``: the figure is in the note's unit);
* a price or output index as published (``103,5``: the year before is 100) in a row in % of
  its rise, whose targets are all under 20 (``Kiểm soát lạm phát ở mức 4%``): a rise of 3,5 %?
* an index of 0 to 1 (``HDI > 0,7``) typed in per cent (``72`` for 0,72, ``30`` for 0,30);
* a count of things in its own unit that is no whole number (``1.1802`` doanh nghiệp, read
  1,1802: a decimal point, or a footnote mark typed after 1.180).
"""

from __future__ import annotations

import re

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.file_readings import Rejection
from kh922core._reports.row_checks import shown
from kh922core._targets import Unit, conversion_factor, format_number, parse_unit
from kh922core.errors import Kh922Error

__all__ = ["unlikely_values"]

#: An indicator whose level may be below 0: a change, a rate, a balance, a difference.
_SIGNED_NAME = re.compile(
    r"(?<!\w)(?:tăng|giảm|tốc\s+độ|biến\s+động|chênh\s+lệch|thay\s+đổi|cán\s+cân|cân\s+đối"
    r"|(?<!có\s)(?:lợi\s+nhuận|lãi)|lỗ|kết\s+quả\s+(?:kinh\s+doanh|hoạt\s+động|tài\s+chính)"
    r"|bội\s+chi"
    r"|thặng\s+dư|chỉ\s+số\s+(?:giá|sản\s+xuất)|lạm\s+phát|thuần|ròng"
    r"|di\s+cư|xuất\s+siêu|nhập\s+siêu)(?!\w)",
    re.IGNORECASE,
)
#: An index published with the year before at 100 ("Chỉ số giá tiêu dùng (CPI)", "IIP"), and
#: the values it is then typed as (a rise of -20 % to 30 %), where its targets are all under 20.
_INDEX_NAME = re.compile(
    r"(?<!\w)(?:chỉ\s+số\s+(?:giá|sản\s+xuất)|CPI|IIP|lạm\s+phát)(?!\w)", re.IGNORECASE
)
_INDEX_FORM = (80.0, 130.0)
_INDEX_TARGETS = 20.0
#: An index of 0 to 1 ("Chỉ số phát triển con người (HDI) > 0,7", "Hệ số Gini"), typed in per
#: cent (30 for 0,30): its targets are all within 0 and 1, its unit no share and no count.
_UNIT_INDEX = re.compile(r"(?<!\w)(?:chỉ\s+số|hệ\s+số|HDI|Gini|index)(?!\w)", re.IGNORECASE)
#: Dimensions of whole units that are no counts of things, and names of an average of counts.
_NOT_COUNTED = (
    "[year_of_age",
    "[rank",
    "[index",
    "[currency",
    "[mass",
    "[time",
    "[energy",
    "[length",
    "[volume",
    "[power",
)
_AVERAGED = re.compile(r"(?<!\w)(?:bình\s+quân|trung\s+bình|mỗi|/)(?!\w)", re.IGNORECASE)
#: The unit a note names (``đơn vị: triệu đồng``, ``ĐVT: nghìn tỷ đồng``, ``tính bằng triệu
#: USD``): to the end of its clause.
_NOTED_UNIT = re.compile(
    r"(?<!\w)(?:đơn\s+vị(?:\s+tính)?|đvt|tính\s+(?:bằng|theo))\s*[:：]?\s*"
    r"(?P<unit>(?:[^;,.()]|\.(?=\S))+)",  # "Tr.đồng", "1.000 đồng": a dot inside the unit
    re.IGNORECASE,
)
#: A note's unit of a scale alone ("ĐVT: nghìn tỷ", "Đơn vị: triệu"), of the row's currency.
_SCALES = re.compile(r"^(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s*)+$", re.IGNORECASE)
#: How many times the largest target a share above 100 % must be to be listed.
_LOST_COMMA = 5
#: How many times the largest target a share of 10 to 100 % must be to be listed (a fraction
#: in a cell formatted as a percentage: 0,8 shows 80 %).
_SCALED_UP = 25


def _never_negative(unit: Unit, name: str) -> bool:
    """Whether an indicator's level is never below 0: a share, a count, an area, a mass …,
    unless its name says it moves or balances."""
    if _SIGNED_NAME.search(name) or unit.is_rank:
        return False
    share = unit.text.strip().startswith("%") and "year" not in unit.expression
    counted = (
        re.fullmatch(r"\[\w+\]", unit.dimension) is not None and "currency" not in unit.dimension
    )
    area = unit.dimension == "[length] ** 2"
    return share or counted or area


def _largest_targets(plan: Plan) -> dict[str, float]:
    """The largest level each share's targets bound, where every target of it is a level."""
    largest: dict[str, float] = {}
    for target in plan.targets:
        spec = target.spec
        number = getattr(spec, "high", None) or getattr(spec, "value", None)
        if spec.change is not None or not isinstance(number, float):
            largest[target.indicator] = float("inf")
        else:
            largest[target.indicator] = max(largest.get(target.indicator, 0.0), number)
    return {i: v for i, v in largest.items() if v != float("inf") and v > 0}


def _numbers_of(plan: Plan, indicator: str) -> list[float]:
    """Every number the targets of ``indicator`` bound (their levels, or their changes)."""
    found = (
        getattr(t.spec, f, None)
        for t in plan.targets
        if t.indicator == indicator
        for f in ("value", "low", "high")
    )
    return [n for n in found if isinstance(n, float)]


def _published_indexes(plan: Plan, names: dict[str, str], texts: dict[str, str]) -> list[str]:
    """The indicators of a price or output index's rise in % (``Chỉ số giá tiêu dùng``), whose
    level targets are all under :data:`_INDEX_TARGETS`: a value of 80 to 130 is the index as
    published."""
    return [
        i
        for i, v in _largest_targets(plan).items()
        if v < _INDEX_TARGETS
        and texts[i] == "%"
        and _INDEX_NAME.search(names.get(i, "")) is not None
        and all(abs(n) < _INDEX_TARGETS for n in _numbers_of(plan, i))
    ]


def _indexes_of_one(plan: Plan, units: dict[str, Unit], names: dict[str, str]) -> list[str]:
    """The indicators of an index of 0 to 1 (``HDI > 0,7``): named an index, in a unit of its
    own (no share, no rank, no count named ``Số …``), every target a level within 0 and 1."""
    found = []
    for i, u in units.items():
        name = names.get(i, "")
        if not _UNIT_INDEX.search(name) or u.text.strip().startswith("%") or u.is_rank:
            continue
        if re.fullmatch(r"\[\w+\]", u.dimension) is None or re.match(r"\W*số\b", name, re.I):
            continue
        numbers = _numbers_of(plan, i)
        levels = all(t.spec.change is None for t in plan.targets if t.indicator == i)
        if numbers and levels and all(0 < n <= 1 for n in numbers) and min(numbers) < 1:
            found.append(i)
    return found


def _whole_counts(units: dict[str, Unit], names: dict[str, str]) -> list[str]:
    """The indicators that count things in their own unit (``doanh nghiệp``, ``đô thị``), no
    average of them: never a part of one."""
    return [
        i
        for i, u in units.items()
        if re.fullmatch(r"[a-z_]+", u.expression)
        and not u.expression.startswith(("percent", "permille"))
        and re.fullmatch(r"\[\w+\]", u.dimension)
        and not u.dimension.startswith(_NOT_COUNTED)
        and not re.search(r"share|growth|index|score|hdi|rate", u.dimension)
        and not _AVERAGED.search(names.get(i, ""))
    ]


def _noted_units(notes: list[tuple[str, str]], units: dict[str, Unit]) -> dict[str, str]:
    """For each distinct (indicator, note), the unit the note names where it reads and is not
    the indicator's (``triệu đồng`` in a row in ``tỷ đồng``; ``tỷ VND`` is ``tỷ VNĐ``), keyed
    ``indicator|note``."""
    found: dict[str, str] = {}
    for indicator, note in notes:
        named = _NOTED_UNIT.search(note)
        if named is None:
            continue
        text = named.group("unit").strip()
        if _SCALES.match(text):  # "nghìn tỷ" in a row of "tỷ đồng": nghìn tỷ đồng
            words = units[indicator].text.split()
            text = " ".join([text, *(w for w in words if not _SCALES.match(w))])
        try:
            unit = parse_unit(text)
        except Kh922Error:
            continue  # no unit the note names: its words
        try:
            same = conversion_factor(unit, units[indicator]) == 1.0
        except Kh922Error:  # "triệu USD" in a row in "tỷ đồng" (not "triệu đồng" of one per head)
            same = "/" in units[indicator].dimension or "currency" not in unit.dimension
        if not same:
            found[f"{indicator}|{note}"] = text
    return found


def unlikely_values(table: pl.DataFrame, plan: Plan) -> tuple[pl.DataFrame, list[Rejection]]:
    """``table`` without the rows of the module docstring, and a rejection for each."""
    units = {i.id: i.unit for i in plan.indicators if i.unit is not None}
    names = {i.id: i.name for i in plan.indicators}
    texts = {i: u.text.strip() for i, u in units.items()}
    own = pl.col("unit").is_null() | (
        pl.col("unit").str.strip_chars()
        == pl.col("indicator").replace_strict(texts, default=None, return_dtype=pl.String)
    )
    value = pl.col("value")
    positive = [i for i, u in units.items() if _never_negative(u, names.get(i, ""))]
    negative = pl.col("indicator").is_in(positive) & (value < 0)
    shares = [
        i
        for i in positive
        if units[i].text.strip().startswith("%") and "so với" not in names.get(i, "")
    ]
    largest = {i: v for i, v in _largest_targets(plan).items() if i in shares}
    scale = pl.col("indicator").replace_strict(largest, default=None, return_dtype=pl.Float64)
    comma = own & (value > 100) & (value >= _LOST_COMMA * scale)
    scaled = own & (value >= 10) & (value <= 100) & (value >= _SCALED_UP * scale)
    indexed = _published_indexes(plan, names, texts)
    index = own & pl.col("indicator").is_in(indexed) & value.is_between(*_INDEX_FORM)
    of_one = own & pl.col("indicator").is_in(_indexes_of_one(plan, units, names))
    percent_of_one = of_one & value.is_between(1, 100, "right")
    whole = _whole_counts(units, names)
    part = own & pl.col("indicator").is_in(whole) & (value % 1 != 0)
    money = [i for i, u in units.items() if "currency" in u.dimension]
    pairs = (
        table.filter(pl.col("indicator").is_in(money) & pl.col("note").is_not_null())
        .select("indicator", "note")
        .unique()
        .rows()
    )
    noted = _noted_units(pairs, units)
    key = pl.concat_str(pl.col("indicator"), pl.col("note"), separator="|")
    said = key.replace_strict(noted, default=None, return_dtype=pl.String)
    other = own & said.is_not_null()
    wrong = (negative | comma | scaled | other | index | percent_of_one | part).fill_null(False)
    flagged = table.with_columns(
        part.fill_null(False).alias("_part"),
        index.fill_null(False).alias("_index"),
        percent_of_one.fill_null(False).alias("_of_one"),
        negative.fill_null(False).alias("_negative"),
        comma.fill_null(False).alias("_comma"),
        scaled.fill_null(False).alias("_scaled"),
        said.alias("_said"),
    ).filter(wrong)
    rejected = []
    for row in flagged.iter_rows(named=True):
        indicator = row["indicator"]
        if row["_part"] and not row["_negative"]:
            why = (
                f"is not a whole number, and {names.get(indicator, indicator)!r} counts "
                f"{texts[indicator]!r}: a decimal point typed for a thousands dot, or a "
                "footnote mark typed after it? Write the count"
            )
        elif row["_of_one"]:
            why = (
                f"is above 1, and every target of {names.get(indicator, indicator)!r} is "
                f"between 0 and 1: an index written in per cent? Write "
                f"{format_number(row['value'] / 100)} for {format_number(row['value'])}"
            )
        elif row["_index"]:
            why = (
                f"is an index as published (the year before = 100)? The row is the rise in %, "
                f"its targets under {format_number(_INDEX_TARGETS)}: write "
                f"{format_number(round(row['value'] - 100, 6))} for {format_number(row['value'])}"
            )
        elif row["_negative"]:
            why = (
                f"is below 0, which {names.get(indicator, indicator)!r} never is: a fall typed "
                "for the level? Write the level"
            )
        elif row["_comma"]:
            why = (
                f"is above 100% and {_LOST_COMMA} times the largest target "
                f"({format_number(largest[indicator])}%) or more: a decimal comma lost "
                f"({format_number(row['value'] / 10)})? Write the percentage with its comma"
            )
        elif row["_scaled"]:
            why = (
                f"is {_SCALED_UP} times the largest target ({format_number(largest[indicator])}"
                f"{'%' if texts[indicator] == '%' else ' ' + texts[indicator]}) or more: "
                f"{format_number(row['value'] / 100)} typed in a cell formatted as a percentage "
                f"(it shows {format_number(row['value'])}%)? Write the figure as the row has it, "
                "in a cell formatted General"
            )
        else:
            why = (
                f"is noted in {row['_said']!r}, and the row is in {texts[indicator]!r}: write the "
                f"figure in {texts[indicator]!r}, or its unit in the unit cell"
            )
        rejected.append(
            Rejection(
                row["source_file"] or "",
                row["source_sheet"],
                row["source_row"],
                "value",
                shown(row["value"], None),
                why,
            )
        )
    return table.filter(~wrong), rejected
