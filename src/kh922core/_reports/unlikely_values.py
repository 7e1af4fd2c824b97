"""Values an official typed that read as numbers of the indicator, but that the row itself says
are another figure: listed with their file, sheet and row, and left out until corrected.

* a negative share or count (``-1,4`` typed in the row of a poverty rate for its fall: a
  share, a count, an area is never below 0; a rate of change, a balance, a difference may be);
* a share above 100 % and five times its largest target or more (``580`` typed for ``58,0``:
  the decimal comma lost);
* a value whose note names another unit of money than the row's (``150.000`` in a row in
  ``tỷ đồng``, noted ``đơn vị: triệu đồng``: the figure is in the note's unit).
"""

from __future__ import annotations

import re

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.file_readings import Rejection
from kh922core._reports.row_checks import shown
from kh922core._targets import Unit, format_number, parse_unit
from kh922core.errors import Kh922Error

__all__ = ["unlikely_values"]

#: An indicator whose level may be below 0: a change, a rate, a balance, a difference.
_SIGNED_NAME = re.compile(
    r"(?<!\w)(?:tăng|giảm|tốc\s+độ|biến\s+động|chênh\s+lệch|thay\s+đổi|cán\s+cân|cân\s+đối"
    r"|lợi\s+nhuận|lãi|lỗ|kết\s+quả|bội\s+chi|thặng\s+dư|chỉ\s+số)(?!\w)",
    re.IGNORECASE,
)
#: A unit of money named in a note (``đơn vị: triệu đồng``, ``tính bằng nghìn tỷ đồng``).
_MONEY = re.compile(
    r"(?<!\w)(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)*(?:đồng|USD|VNĐ|VND)(?!\w)", re.IGNORECASE
)
#: How many times the largest target a share above 100 % must be to be listed.
_LOST_COMMA = 5


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


def _noted_money(notes: list[str]) -> dict[str, str]:
    """For each distinct note, the unit of money it names, where that unit reads."""
    found: dict[str, str] = {}
    for note in notes:
        money = _MONEY.search(note)
        if money is None:
            continue
        try:
            parse_unit(money.group(0))
        except Kh922Error:
            continue
        found[note] = money.group(0)
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
    shares = [i for i, u in units.items() if u.text.strip() == "%" and "so với" not in names[i]]
    largest = {i: v for i, v in _largest_targets(plan).items() if i in shares}
    scale = pl.col("indicator").replace_strict(largest, default=None, return_dtype=pl.Float64)
    comma = own & (value > 100) & (value >= _LOST_COMMA * scale)
    money = [i for i, u in units.items() if "currency" in u.dimension]
    notes = table.filter(pl.col("indicator").is_in(money))["note"].drop_nulls().unique()
    noted = _noted_money(notes.to_list())
    said = pl.col("note").replace_strict(noted, default=None, return_dtype=pl.String)
    other = (
        pl.col("indicator").is_in(money)
        & own
        & said.is_not_null()
        & (
            said.str.to_lowercase()
            != pl.col("indicator").replace_strict(texts, default=None).str.to_lowercase()
        )
    )
    wrong = (negative | comma | other).fill_null(False)
    flagged = table.with_columns(
        negative.fill_null(False).alias("_negative"),
        comma.fill_null(False).alias("_comma"),
        said.alias("_said"),
    ).filter(wrong)
    rejected = []
    for row in flagged.iter_rows(named=True):
        indicator = row["indicator"]
        if row["_negative"]:
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
