"""Checks of the rows collected from many files, before they are consolidated: each row that
cannot be a figure of the plan is listed with its file, sheet and row, and left out.

* a row of an indicator the plan does not have (a row of totals, a misspelt id);
* a unit that does not convert to the indicator's (``%`` for a count of cities);
* a value that cannot be one of its indicator (a rank below 1 or not whole, a percentage above
  1000: ``85,5`` typed in a cell formatted as a percentage);
* an assessment with no value, of an indicator whose targets are numbers.
"""

from __future__ import annotations

import math

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.file_readings import Rejection
from kh922core._targets import Unit, conversion_factor, format_number, parse_unit
from kh922core._text import did_you_mean
from kh922core.errors import Kh922Error

__all__ = ["assessed_numbers", "fitting_units", "known_indicators", "possible_values", "shown"]


def shown(value: float | None, assessment: bool | None) -> str:
    """A value as the official wrote it (``49,5``), else the assessment in words."""
    if value is not None:  # exactly, as the official wrote it (never 1.23457e+06)
        return format_number(value) if math.isfinite(value) else str(value)
    return {True: "đạt", False: "không đạt"}.get(assessment, "") if assessment is not None else ""


def known_indicators(table: pl.DataFrame, plan: Plan) -> tuple[pl.DataFrame, list[Rejection]]:
    """The rows whose indicator the plan has, and a rejection for each other one (a row of
    totals, a misspelt id): the table would be clean, and no value of it evaluated."""
    ids = [i.id for i in plan.indicators]
    stranger = pl.col("indicator").is_not_null() & ~pl.col("indicator").is_in(ids)
    rows = table.filter(stranger).select("source_file", "source_sheet", "source_row", "indicator")
    rejected = [
        Rejection(
            file or "",
            sheet,
            row,
            "indicator",
            text,
            f"names no indicator of the plan{did_you_mean(text, ids)}",
        )
        for file, sheet, row, text in rows.iter_rows()
    ]
    return table.filter(~stranger), rejected


def fitting_units(table: pl.DataFrame, plan: Plan) -> tuple[pl.DataFrame, list[Rejection]]:
    """The rows whose unit converts to their indicator's, and a rejection for each other one
    (``%`` for a count of cities, ``người`` for a share): the engine would refuse the whole
    table for one such row, so it is listed here and left out."""
    units = {i.id: i.unit for i in plan.indicators if i.unit is not None}
    misfit: dict[tuple[str, str], str] = {}
    for indicator, unit in table.select("indicator", "unit").unique().drop_nulls().iter_rows():
        if indicator not in units:
            continue
        try:
            conversion_factor(parse_unit(unit), units[indicator])
        except Kh922Error as error:
            own = units[indicator].text
            misfit[(indicator, unit)] = (
                f"is not the indicator's unit ({own}), and cannot be converted to it ({error}): "
                f"write the value in {own}, with the unit the template gives"
            )
    if not misfit:
        return table, []
    pair = pl.struct("indicator", "unit")
    wrong = pair.is_in([{"indicator": i, "unit": u} for i, u in misfit]).fill_null(False)
    rows = table.filter(wrong)
    rejected = [
        Rejection(
            r["source_file"] or "",
            r["source_sheet"],
            r["source_row"],
            "unit",
            r["unit"],
            misfit[(r["indicator"], r["unit"])],
        )
        for r in rows.iter_rows(named=True)
    ]
    return table.filter(~wrong), rejected


def possible_values(table: pl.DataFrame, plan: Plan) -> tuple[pl.DataFrame, list[Rejection]]:
    """The rows whose value can be one of their indicator: a rank is a whole number from 1,
    at most twice the places its targets rank (63 at least); no percentage in the indicator's
    own unit is above 1000 (``85,5`` typed in a cell formatted as a percentage shows 8550 %),
    nor a fraction from 0 to 1 of a share whose targets are all 5 % or more (``0,855`` typed
    for 85,5 %), nor 500 times the largest level its targets bound or more (``12.500`` typed
    for 12,5); a rejection for each other one."""
    ranks = [i.id for i in plan.indicators if i.unit is not None and i.unit.is_rank]
    limits = _rank_limits(plan, ranks)
    shares = [i.id for i in plan.indicators if i.unit is not None and _share(i.unit)]
    fractions = _fraction_shares(plan, shares)
    texts = {i: u.text.strip() for i, u in ((i.id, i.unit) for i in plan.indicators) if u}
    value, own = (  # a value in the indicator's own unit (none written: the template's)
        pl.col("value"),
        pl.col("unit").is_null()
        | (
            pl.col("unit").str.strip_chars()
            == pl.col("indicator").replace_strict(texts, default=None, return_dtype=pl.String)
        ),
    )
    limit = pl.col("indicator").replace_strict(limits, default=None, return_dtype=pl.Float64)
    rank = pl.col("indicator").is_in(ranks) & (
        (value < 1) | (value != value.floor()) | (value > limit)
    )
    share = pl.col("indicator").is_in(shares) & own & (value.abs() > 1000)
    fraction = pl.col("indicator").is_in(list(fractions)) & own & (value > 0) & (value <= 1)
    scales = _target_scales(plan, ranks)
    scale = pl.col("indicator").replace_strict(scales, default=None, return_dtype=pl.Float64)
    far = own & (value.abs() >= _FAR * scale)
    wrong = (rank | share | fraction | far).fill_null(False)
    rejected = [
        Rejection(
            r["source_file"] or "",
            r["source_sheet"],
            r["source_row"],
            "value",
            shown(r["value"], None),
            _why(r["indicator"], r["value"], limits, fractions, scales),
        )
        for r in table.filter(wrong).iter_rows(named=True)
    ]
    return table.filter(~wrong), rejected


def _why(
    indicator: str,
    value: float,
    limits: dict[str, float],
    least: dict[str, float],
    scales: dict[str, float],
) -> str:
    """Why ``value`` cannot be one of ``indicator`` (see :func:`possible_values`)."""
    if indicator in scales and abs(value) >= _FAR * scales[indicator]:
        return (
            f"is more than {_FAR} times the largest target ({format_number(scales[indicator])}):"
            f" a dot group typed for a decimal comma ({format_number(value / 1000)})? Write the "
            "figure in the indicator's unit, with a decimal comma"
        )
    if indicator in limits:
        if value > limits[indicator]:
            return (
                f"is far beyond the {limits[indicator] // 2:g} places its targets rank: a dot "
                "group (1.250) typed for 1,25?"
            )
        return "is no rank (a rank is a whole number from 1)"
    if indicator in least and 0 < value <= 1:
        return (
            f"is a fraction of a share whose targets are {format_number(least[indicator])}% "
            f"and more: {format_number(value * 100)}% typed as a fraction? Write the percentage"
        )
    return (
        "is no percentage (85,5 typed in a cell formatted as a percentage shows 8550%): write "
        "it in a cell formatted as a number"
    )


def _share(unit: Unit) -> bool:
    """Whether a unit is a share in per cent: ``%``, ``% GRDP``, ``% dân số`` (not ``%/năm``)."""
    return (
        unit.text.strip().startswith("%")
        and unit.expression.startswith("percent")
        and ("year" not in unit.expression)
    )


def _fraction_shares(plan: Plan, shares: list[str]) -> dict[str, float]:
    """The shares whose level targets all bound 5 % or more, and their least bound: a value
    from 0 to 1 of them is a fraction typed for a percentage."""
    least: dict[str, float] = {}
    for target in plan.targets:
        spec = target.spec
        if target.indicator not in shares:
            continue
        number = getattr(spec, "value", getattr(spec, "low", None))
        if spec.change is not None or not isinstance(number, float):
            least[target.indicator] = -1.0  # a change, or words: nothing said of the level
            continue
        least[target.indicator] = min(least.get(target.indicator, number), number)
    return {indicator: bound for indicator, bound in least.items() if bound >= 5}


#: How many times the largest target a value must be to be listed: ``12.500`` typed for
#: ``12,5`` doctors per 10,000 people is 1,000 times it.
_FAR = 500


def _target_scales(plan: Plan, ranks: list[str]) -> dict[str, float]:
    """The largest number the targets of each indicator bound, where every target of it is a
    level of 1 or more (a change, words, a rank or a cap say nothing of the level's size)."""
    largest: dict[str, float] = {}
    units = {i.id: i.unit for i in plan.indicators}
    for target in plan.targets:
        spec, own = target.spec, units.get(target.indicator)
        number = getattr(spec, "high", None) or getattr(spec, "value", None)
        if isinstance(number, float) and target.unit is not None and own is not None:
            try:  # a target in its own unit (nghìn tỷ đồng of a row in tỷ đồng)
                number *= conversion_factor(target.unit, own)
            except Kh922Error:
                number = None
        capped = str(getattr(spec, "operator", "")) in ("le", "lt")  # no size: "≤ 1 vụ"
        if spec.change is not None or not isinstance(number, float) or abs(number) < 1 or capped:
            largest[target.indicator] = math.inf  # nothing said of the level's size
        elif target.indicator not in ranks:
            largest[target.indicator] = max(largest.get(target.indicator, 0.0), abs(number))
    return {indicator: scale for indicator, scale in largest.items() if math.isfinite(scale)}


def _rank_limits(plan: Plan, ranks: list[str]) -> dict[str, float]:
    """Twice the most places each ranked indicator's targets count (a cohort, ``nhóm 30/63``,
    else the group's size), and 63 at least (the provinces of the old map): a rank above is
    none of the cohort's (``1.250`` read as 1250)."""
    counted: dict[str, float] = dict.fromkeys(ranks, 63.0)
    for target in plan.targets:
        if target.indicator in counted:
            size = getattr(target.spec, "cohort", None) or getattr(target.spec, "size", None)
            counted[target.indicator] = max(counted[target.indicator], float(size or 0))
    return {indicator: 2 * most for indicator, most in counted.items()}


def assessed_numbers(table: pl.DataFrame, plan: Plan) -> tuple[pl.DataFrame, list[Rejection]]:
    """``table`` without each assessment (``Đạt``) with no value, of an indicator whose targets
    are all numbers, and each one listed: the engine judges the number, so the assessment alone
    says nothing it reads (kept, it was a figure the agency gave, and counted so); and, the
    other way round, without each number with no assessment of an indicator whose targets are
    all in words."""
    worded = {t.indicator for t in plan.targets if t.spec.kind == "qualitative"}
    numbered = {t.indicator for t in plan.targets if t.spec.kind != "qualitative"}
    alone = (
        pl.col("value").is_null()
        & pl.col("assessment").is_not_null()
        & ~pl.col("indicator").is_in(sorted(worded))
    )
    # round 167: a number with no assessment, for an indicator whose targets are all in words,
    # was read and judged by nothing (only an assessment meets a target in words)
    bare = (
        pl.col("value").is_not_null()
        & pl.col("assessment").is_null()
        & pl.col("indicator").is_in(sorted(worded - numbered))
    )
    why = {
        True: "an assessment with no value, for an indicator whose targets are numbers: write "
        "the value",
        False: "a number with no assessment, for an indicator whose targets are in words: write "
        "the assessment (Đạt or Không đạt)",
    }
    rows = table.filter(alone | bare)
    return table.filter(~(alone | bare)), [
        Rejection(
            r["source_file"],
            r["source_sheet"],
            r["source_row"],
            "assessment" if r["value"] is None else "value",
            shown(r["value"], r["assessment"]),
            why[r["value"] is None],
        )
        for r in rows.iter_rows(named=True)
    ]
