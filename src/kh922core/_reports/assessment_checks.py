"""An agency's own assessment (``Đạt``, ``Không đạt``) beside a value that says otherwise.

A template row has a value and, optionally, the agency's assessment of it.  The engine judges
the value; an assessment that contradicts that judgement (``Đạt`` beside 50 for a target of
``≥ 80``) means the value or the assessment is wrong, and either would go unnoticed: it is
listed, naming the target and what the value gives, and the value is judged.  The judgement is
the engine's (:func:`kh922core.evaluate`, vectorised), for the level targets of the rows'
``Mã``; a row whose value the engine cannot read (its unit, say) is listed by the other checks.
"""

from __future__ import annotations

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.row_checks import shown
from kh922core._targets import conversion_factor, parse_unit
from kh922core.errors import Kh922Error

__all__ = ["assessment_flag", "contradicted"]

_ROW = "_kh_row"
#: Assessments (not "x": "không áp dụng" in statistical tables), in other words too (done,
#: exceeded) and typed without the accents.
_TRUE = ("đạt", "có", "true", "yes", "met", "hoàn thành", "vượt", "vượt chỉ tiêu", "dat", "co")
_TRUE_TOO = ("hoan thanh",)
_FALSE = ("không đạt", "không", "chưa đạt", "false", "no", "not met", "chưa hoàn thành")
_FALSE_TOO = ("không hoàn thành", "khong dat", "chua dat", "khong")


def assessment_flag(text: pl.Expr) -> pl.Expr:
    """An assessment typed in a template (``Đạt``, ``Không đạt`` and their other words) as a
    Boolean; null for other words (``Cơ bản đạt``: a degree, listed by the reader)."""
    folded = text.str.normalize("NFC").str.to_lowercase().str.replace_all(r"\s+", " ")
    words = dict.fromkeys(_TRUE + _TRUE_TOO, True) | dict.fromkeys(_FALSE + _FALSE_TOO, False)
    return folded.str.strip_chars().replace_strict(words, default=None, return_dtype=pl.Boolean)


def _convertible(rows: pl.DataFrame, plan: Plan) -> pl.Series:
    """Whether each row's unit converts to its indicator's (checked once per pair)."""
    units = {i.id: i.unit for i in plan.indicators if i.unit is not None}
    pairs = rows.select("indicator", "unit").unique().rows()
    good = []
    for indicator, unit in pairs:
        try:
            if unit is not None and indicator in units:
                conversion_factor(parse_unit(unit), units[indicator])
        except Kh922Error:
            continue
        good.append({"indicator": indicator, "unit": unit})
    return rows.select(pl.struct("indicator", "unit").is_in(good)).to_series()


def contradicted(frame: pl.DataFrame, plan: Plan) -> list[tuple[str | None, int, str, str]]:
    """The rows of ``frame`` (a template's: ``target_id``, ``indicator``, ``value``, ``unit``,
    ``year``, ``assessment``, ``source_sheet``, ``source_row``) whose assessment contradicts
    what their value gives for their target: sheet, row, the assessment and why."""
    from kh922core._engine import evaluate

    levels = [t.id for t in plan.targets if t.spec.kind != "qualitative" and t.spec.change is None]
    rows = frame.filter(
        pl.col("value").is_not_null()
        & pl.col("assessment").is_not_null()
        & pl.col("target_id").is_in(levels)
    ).with_row_index(_ROW)
    rows = rows.filter(_convertible(rows, plan))  # another check lists the others
    if rows.is_empty():
        return []
    try:
        judged = evaluate(
            plan, rows.select("indicator", "value", "unit", "year", _ROW), keys=[_ROW]
        )
    except Kh922Error:  # a unit or a value the other checks list
        return []
    mine = rows.join(
        judged.select(_ROW, pl.col("target_id").cast(pl.String), "met", "target_text"),
        on=[_ROW, "target_id"],
    ).filter(pl.col("met").is_not_null() & (pl.col("met") != pl.col("assessment")))
    return [
        (
            sheet,
            row,
            "đạt" if said else "không đạt",
            f"says {'Đạt' if said else 'Không đạt'}, but the value {shown(value, None)} "
            f"{'does not meet' if said else 'meets'} the target {text!r} ({target}): a number "
            "is judged against the plan's target (the Đánh giá column is read for targets in "
            "words); check the value, or leave the assessment empty",
        )
        for sheet, row, said, value, text, target in mine.select(
            "source_sheet", "source_row", "assessment", "value", "target_text", "target_id"
        ).iter_rows()
    ]
