"""A change that names no base, written in several years' columns of one row, is listed.

``Giảm 0,5%`` under ``Năm 2026``, ``Năm 2027`` and ``Năm 2028`` is, read alone, a fall of 0,5
points from the plan baseline in each year: by 2028 the same 0,5 points as in 2026.  A plan
that writes it in every year's column most often means a fall of 0,5 points *each year* (from
the year before); one that writes ``Tăng 5%``, ``Tăng 10%``, ``Tăng 15%`` may mean a total since
the baseline, or a yearly rise that grows.  Nothing in the cells tells which, so each of them
is listed, asking for the base to be written (``so với năm trước``, ``so với năm 2024``).
Changes measured per year (``tăng bình quân 8%/năm``) mean the same in every column and read,
as does a change in one column only.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kh922core._exchange.import_problems import Sink
from kh922core._plans import Plan, Target
from kh922core._targets import ChangeKind

__all__ = ["repeated_changes"]

#: The kinds whose size is a total since the base (not a yearly average).
_TOTALS = (ChangeKind.RELATIVE, ChangeKind.POINTS, ChangeKind.MULTIPLE)

_WHY = (
    "a change with no base year in the columns of several years ({years}): from the baseline "
    "each year, or from the year before? write the base in the cell ('so với năm trước'{since})"
)


def repeated_changes(plan: Plan, targets: list[dict[str, Any]], sink: Sink) -> set[str]:
    """The ids of the targets to leave out, each listed by its cell: the changes that name no
    base, of an indicator that has them in the columns of two or more years."""
    found: defaultdict[str, list[Target]] = defaultdict(list)
    for target in plan.targets:
        change = target.spec.change
        if change and change.kind in _TOTALS and change.since is None and not change.previous_year:
            found[target.indicator].append(target)
    refused: dict[str, str] = {}
    for group in found.values():
        years = sorted({target.horizon for target in group})
        if len(years) < 2:
            continue
        base = next((t.baseline.year for t in group if t.baseline and t.baseline.year), None)
        since = f", 'so với năm {base}'" if base else ""
        why = _WHY.format(years=", ".join(map(str, years)), since=since)
        refused |= {target.id: why for target in group}
    for cell in targets:
        if cell["id"] in refused:
            grid, header, row, column = cell["_place"]
            sink.problem(grid, header, row, column, cell["text"], refused[cell["id"]])
    return set(refused)
