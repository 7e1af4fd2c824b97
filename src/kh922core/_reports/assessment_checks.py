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
from kh922core.errors import Kh922Error

__all__ = ["contradicted"]

_ROW = "_kh_row"


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
            f"{'does not meet' if said else 'meets'} the target {text!r} ({target}): the value "
            "is judged; check the value, or the assessment",
        )
        for sheet, row, said, value, text, target in mine.select(
            "source_sheet", "source_row", "assessment", "value", "target_text", "target_id"
        ).iter_rows()
    ]
