"""The rows of a filled template, and the rows whose keys disagree with one another.

Each data row carries three keys of its indicator: the hidden id (column A), the ``Mã`` of its
target and the name of the indicator.  An official who sorts or moves rows from column B
onwards leaves the hidden ids behind: a figure typed on the TFP row then sits beside the id of
the digital signatures.  Read by the hidden id, it would be given to the wrong indicator.  A row
whose ``Mã`` is a target of another indicator than its hidden id, or whose name is another
indicator's, is refused, naming both; its value is read nowhere (see
:func:`kh922core._reports.template_reading.read_filled_file`).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from kh922core._plans import Plan, Target
from kh922core._reports.heading_periods import heading_text, period_disagreement
from kh922core._reports.report_words import heading_of
from kh922core._reports.stray_numbers import STRAY_DTYPE, stray_cells
from kh922core._text import fold

__all__ = ["swapped_headings", "template_frame"]

#: The keys of a row read into the frame.
_WANTED = ("target_id", "indicator", "name", "unit", "year", "value", "assessment", "note")


@dataclass(frozen=True, slots=True)
class _PlanKeys:
    """The plan's targets by id, by target text and its indicators by name, built once per
    template (each row looks its keys up)."""

    targets: dict[str, Target]
    texts: dict[str, list[str]]
    names: dict[str, str]
    own: dict[str, str]

    @classmethod
    def of(cls, plan: Plan) -> _PlanKeys:
        texts: dict[str, list[str]] = {}
        for target in plan.targets:
            texts.setdefault(fold(target.text), []).append(target.id)
        return cls(
            {t.id: t for t in plan.targets},
            texts,
            {fold(i.name): i.id for i in plan.indicators},
            {i.id: fold(i.name) for i in plan.indicators},
        )


def _disagreement(record: dict[str, str | None], target: str | None, keys: _PlanKeys) -> str | None:
    """Why a row's hidden id, ``Mã``, name and target text name different indicators; else
    ``None``.  A ``Mã`` that agrees with the hidden id settles it, unless the target text
    beside them is another target's (rows sorted from a later column); a name is compared
    where no ``Mã`` is left, and only where it is another indicator's whole name (an official
    may shorten or edit one)."""
    indicator, target_id, name = record["indicator"], record["target_id"], record["name"]
    if indicator is None:
        return None
    moved = "were rows sorted or moved without column A? Sort whole rows, or type the figure on "
    moved += "its own row"
    coded = keys.targets.get(target_id) if target_id else None
    if coded is not None and coded.indicator != indicator:
        return (
            f"its Mã {target_id!r} is a target of {coded.indicator!r}, its hidden key (column A) "
            f"names {indicator!r}: {moved}"
        )
    if coded is not None and target and fold(target) != fold(coded.text):
        others = [i for i in keys.texts.get(fold(target), []) if i != coded.id]
        if others:
            return (
                f"its Mục tiêu {target!r} is that of {others[0]!r}, its Mã {target_id!r}: {moved}"
            )
    if coded is not None:
        return None
    named = keys.names.get(fold(name)) if name else None
    if named is not None and named != indicator:
        return (
            f"its name is that of {named!r}, its hidden key (column A) names {indicator!r}: {moved}"
        )
    return None


def _renamed(record: dict[str, str | None], keys: _PlanKeys) -> tuple[str, str] | None:
    """Why a row whose ``Mã`` agrees with its hidden id bears another indicator's whole name:
    a name copied in error (read, when one row of the sheet has it), or rows sorted from
    column C, the names and figures moved and the keys left (refused, when several have it,
    each the name of a row of the sheet); and the indicator it names."""
    indicator, target_id, name = record["indicator"], record["target_id"], record["name"]
    named = keys.names.get(fold(name)) if name else None
    if (
        indicator is None
        or named in (None, indicator)
        or keys.own.get(indicator) == fold(name or "")
    ):
        return None
    return (
        f"its name is that of {named!r}, its Mã {target_id!r} and hidden key (column A) name "
        f"{indicator!r}, as on other rows of the sheet: were rows sorted or moved from column C? "
        "Sort whole rows, or type the figure on its own row",
        str(named),
    )


def _written(target: Target | None, plan: Plan) -> frozenset[str]:
    """What the template wrote on ``target``'s row: its Mã, name, unit, target and year (a
    renamed column holding them holds no value)."""
    if target is None:
        return frozenset()
    indicator = plan.indicator(target.indicator)
    unit = indicator.unit or target.unit
    texts = (target.id, target.text, str(target.horizon), target.name or indicator.name)
    return frozenset(t.strip() for t in (*texts, unit.text if unit else "") if t)


def template_frame(
    rows: list[list[str | None]],
    start: int,
    keys: dict[int, str],
    plan: Plan | None,
    year: int | None = None,
) -> tuple[pl.DataFrame, list[tuple[int, str, str]]]:
    """The data rows under the row of keys ``start`` (their cells by ``keys``), and the rows
    whose keys disagree, or whose heading or note names another period than their year (the
    template's ``year`` where they give none): (row, the figure as typed, why), to leave out
    once the template is known to be the plan's (another plan's is listed whole)."""
    records: list[dict[str, object]] = []
    disagreeing: list[tuple[int, str, str]] = []
    suspects: list[tuple[int, str, str, str]] = []  # row, figure, why, the indicator named
    sorted_rows = False  # a row whose keys disagree: the sheet was sorted
    value = next((i for i, key in keys.items() if key == "value"), None)
    heading = heading_text(rows, start, value)
    known = _PlanKeys.of(plan) if plan is not None else None
    ids = set(known.targets) if known is not None else set()
    column = next((i for i, key in keys.items() if key == "target_id"), None)
    for number, row in enumerate(rows, start=1):
        above = number <= start + 1  # the headings, or rows sorted above the row of keys
        if above and not (column is not None and column < len(row) and row[column] in ids):
            continue
        record: dict[str, str | None] = dict.fromkeys(_WANTED)
        for index, key in keys.items():
            if key in record and index < len(row) and row[index] is not None:
                record[key] = row[index].strip() or None  # type: ignore[union-attr]
        target = next((row[i] for i, key in keys.items() if key == "target" and i < len(row)), None)
        why = _disagreement(record, target, known) if known is not None else None
        sorted_rows = sorted_rows or (why is not None and bool(record["value"]))
        why = why or period_disagreement(heading, record["note"], record["year"], year)
        said = record["value"] or record["assessment"]
        if why is not None and said:
            disagreeing.append((number, said, why))
        renamed = _renamed(record, known) if known is not None and why is None else None
        if renamed is not None and said:
            suspects.append((number, said, *renamed))
        coded = known.targets.get(record["target_id"] or "") if known is not None else None
        if record["indicator"] is None and coded is not None:
            record["indicator"] = coded.indicator
        written = _written(coded, plan) if plan is not None else frozenset()
        records.append(
            {**record, "stray": stray_cells(rows, start, keys, row, written), "source_row": number}
        )
    # names moved by a sort are names of the sheet's own rows; one copied in error is read
    on_sheet = {str(r["indicator"]) for r in records}
    moved = [(row, said, why) for row, said, why, named in suspects if named in on_sheet]
    if len(moved) > 1 or (moved and sorted_rows):
        disagreeing = sorted(disagreeing + moved)
    schema: dict[str, pl.DataType] = {**dict.fromkeys(_WANTED, pl.String()), "stray": STRAY_DTYPE}
    schema["source_row"] = pl.Int64()
    return pl.DataFrame(records, schema=schema, orient="row"), disagreeing


def swapped_headings(
    rows: list[list[str | None]], start: int, keys: dict[int, str], headings: dict[str, str]
) -> list[tuple[int, str, str, str]]:
    """The headings over the hidden keys (the row above them) that name another column of
    the template than their key (``Giá trị thực hiện`` over ``kh922:year``): the headings and
    figures were swapped, the hidden keys left behind, and every figure would be read as
    another column's (the year as the value).  Each is ``(row, "heading", text, why)``; none
    when the columns were found by their headings."""
    if start == 0 or not any(str(c or "").startswith("kh922:") for c in rows[start]):
        return []
    above = rows[start - 1]
    found = []
    for column, key in keys.items():
        text = above[column] if column < len(above) else None
        named = headings.get(heading_of(text or ""))
        if named is not None and named != key and named in keys.values():
            found.append(
                (
                    start,
                    "heading",
                    str(text),
                    f"the heading names another column than the hidden key under it ({key}): "
                    "columns moved without the hidden row of keys? No cell of this sheet is "
                    "read; put the headings back, or copy the figures into a fresh template",
                )
            )
    return found
