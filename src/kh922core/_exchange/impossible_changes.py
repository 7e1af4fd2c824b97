"""A change in points of a share that its own row's baseline makes impossible is listed.

A change written in % of a share reads as percentage points (``Tỷ lệ hộ nghèo giảm 1,5% so
với năm 2025``: 1,5 points; see the semantics page), which is how plans write the moves of a
share.  Plans also write a share's *relative* change so (``Tỷ lệ hộ nghèo giảm 30% so với năm
2025``: by a third of its level), and the words do not tell the two apart below half a share
(from 50 the grammar refuses the text).  Read as points, such a target is never met, silently:
a share of 4,2 % cannot fall by 30 points.

The row's baseline tells: where the change, in points, would take the share below 0 % or
above 100 % from the baseline (``giảm 30%`` from 4,2 %; ``tăng 30%`` from 85 %), for every
size the target accepts, the target is listed, asking for the points or the level to be
written (``giảm 30 điểm %``, ``xuống còn 3%``), and left out.  Per-year points count the years
from the baseline to the target's year.  A change from another year than the baseline's, or
from the year before, is not checked (its base is not in the plan); nor is one whose text says
``điểm``, nor a ratio that may pass 100 % or fall below 0 (``… so với GRDP``, ``… so với dự
toán``, a net rate).
"""

from __future__ import annotations

import re
from typing import Any

from kh922core._exchange.import_problems import Sink
from kh922core._plans import Plan, Target
from kh922core._targets import ChangeKind, format_number
from kh922core.errors import Kh922Error

__all__ = ["refuse_impossible_changes"]

#: The limits of a share, in %.
_EMPTY, _WHOLE = 0.0, 100.0

_WHY = (
    "read as percentage points, a {move} of {size} {points}{a_year} from the baseline {base}% "
    "({year}) would take the share {beyond}: never met.  Is it {size}%{per_year} of its level "
    "(a relative change)?  Write the points as such ('{verb} {size} điểm %{per_year}') or the "
    "level to reach ('{to} …%')"
)


#: A name of a ratio that may pass 100 % or fall below 0 (``Tỷ lệ dư nợ tín dụng so với GRDP``,
#: ``… thu ngân sách so với dự toán``, net and balance rates): no share of a whole.
_NO_SHARE = re.compile(
    r"\bso\s+với\b|\btrên\b(?!\s+địa\s+bàn)|/|\btăng\b|\bgiảm\b|\bthuần\b|lợi\s+nhuận|lạm\s+phát"
    r"|chênh\s+lệch|cán\s+cân|tốc\s+độ|chỉ\s+số",
    re.IGNORECASE,
)


def _sizes(target: Target, name: str) -> tuple[float, float] | None:
    """The sizes of the change that keep the share between 0 and 100 % from the row's
    baseline (in the change's direction, per year for a per-year kind), or ``None`` when the
    target is not a change in points of a share from its baseline."""
    spec, base = target.spec, target.baseline
    change = spec.change
    if change is None or change.kind not in (ChangeKind.POINTS, ChangeKind.POINTS_PER_YEAR):
        return None
    if getattr(spec, "unit", None) != "%" or "điểm" in target.text.lower():
        return None
    if _NO_SHARE.search(name):
        return None
    if base is None or change.previous_year or change.since not in (None, base.year):
        return None
    if not _EMPTY <= base.value <= _WHOLE:
        return None
    years = target.horizon - base.year if change.kind is ChangeKind.POINTS_PER_YEAR else 1
    if years <= 0:
        return None
    low, high = _EMPTY - base.value, _WHOLE - base.value  # the rises the share allows
    if change.falling:
        low, high = -high, -low
    return low / years, high / years


def _impossible(target: Target, name: str) -> str | None:
    """Why ``target`` can never be met, read in points from its baseline, or ``None``
    (``name``: its indicator's)."""
    sizes = _sizes(target, name)
    if sizes is None:
        return None
    low, high = sizes
    try:
        criterion = target.spec.criterion()
    except Kh922Error:
        return None
    lower, upper = criterion.lower, criterion.upper
    above = lower is not None and lower > high + 1e-9 * max(1.0, abs(high))
    below = upper is not None and upper < low - 1e-9 * max(1.0, abs(low))
    if not (above or below):
        return None
    change, base = target.spec.change, target.baseline
    assert change is not None
    assert base is not None
    per_year = change.kind is ChangeKind.POINTS_PER_YEAR
    size = format_number(_written(target, lower if above else upper))
    return _WHY.format(
        move="fall" if change.falling else "rise",
        size=size,
        points="point" if size == "1" else "points",
        a_year=" a year" if per_year else "",
        per_year="/năm" if per_year else "",
        base=format_number(base.value),
        year=base.year,
        beyond="below 0 %" if change.falling == above else "above 100 %",
        verb="giảm" if change.falling else "tăng",
        to="xuống còn" if change.falling else "lên",
    )


def _written(target: Target, bound: float | None) -> float:
    """The number of the text that makes ``bound`` (``khoảng 15``: 15, not the 14,25 its
    tolerance allows; a range's end)."""
    numbers = [getattr(target.spec, name, None) for name in ("value", "low", "high")]
    found = [n for n in numbers if isinstance(n, float)]
    if bound is None or not found:
        return bound or 0.0
    return min(found, key=lambda number: abs(number - bound))


def refuse_impossible_changes(plan: Plan, cells: list[dict[str, Any]], sink: Sink) -> set[str]:
    """The ids of the targets to leave out, each listed by its cell (see the module
    docstring)."""
    names = {indicator.id: indicator.name for indicator in plan.indicators}
    refused = {
        t.id: why
        for t in plan.targets
        if (why := _impossible(t, t.name or names.get(t.indicator, ""))) is not None
    }
    for cell in cells:
        if cell["id"] in refused:
            grid, header, row, column = cell["_place"]
            sink.problem(grid, header, row, column, cell["text"], refused[cell["id"]])
    return set(refused)
