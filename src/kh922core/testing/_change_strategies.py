"""Hypothesis strategies for change targets: how a change is measured, and level series.

:mod:`kh922core.testing.strategies` re-exports them (use them from there); they live here so
that each module stays small.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from kh922core._targets import Change, ChangeKind

__all__ = ["change_sizes", "changes", "level_series"]

#: Base years a generated change names.
_YEARS = (2015, 2035)


@st.composite
def changes(
    draw: st.DrawFn,
    kinds: tuple[ChangeKind | str, ...] = tuple(ChangeKind),
    *,
    bases: tuple[str, ...] = ("since", "previous_year", "plan"),
    years: tuple[int, int] = _YEARS,
) -> Change:
    """How a change target measures its change: any kind, rising or falling, from a year the
    text names (``since``), from the previous year, or from the plan's baseline (no base in
    the text: ``plan``).

    Args:
        draw: Supplied by Hypothesis.
        kinds: The kinds of change to draw from (:class:`~kh922core.ChangeKind` values).
        bases: Which bases to draw from: ``"since"``, ``"previous_year"``, ``"plan"``.
        years: The first and last base year a text may name.
    """
    base = draw(st.sampled_from(bases))
    return Change(
        kind=draw(st.sampled_from(kinds)),
        since=draw(st.integers(*years)) if base == "since" else None,
        previous_year=base == "previous_year",
        falling=draw(st.booleans()),
    )


def change_sizes() -> st.SearchStrategy[float]:
    """Sizes a change target may bound: growth rates and changes in % or points (small, zero
    and negative ones), multiples, and numbers of any size."""
    return st.one_of(
        st.sampled_from([0.0, 1.0, 2.0, 5.0, 9.0, 10.0, 20.0, 100.0, -5.0]),
        st.floats(min_value=-50.0, max_value=200.0, allow_nan=False),
        st.floats(min_value=0.25, max_value=5.0, allow_nan=False),
        st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    )


def _levels() -> st.SearchStrategy[float | None]:
    numbers = st.floats(min_value=-100.0, max_value=1e4, allow_nan=False, allow_infinity=False)
    return st.one_of(
        numbers,
        numbers.filter(lambda number: number > 0),
        st.sampled_from([0.0, 1.0, 50.0, 100.0, 110.0, 120.0, 121.0, 200.0, -10.0]),
        st.sampled_from([None, None, math.nan, math.inf]),
    )


@st.composite
def level_series(
    draw: st.DrawFn,
    *,
    years: tuple[int, int] = _YEARS,
    max_years: int = 6,
    values: st.SearchStrategy[float | None] | None = None,
) -> list[tuple[int, float | None]]:
    """A series of levels by year, as a change is measured from: distinct years in
    ``years``, values that rise, fall, stay, vanish (``None``, NaN), go to 0, below 0 or to
    infinity.

    Args:
        draw: Supplied by Hypothesis.
        years: The first and last year a value may have.
        max_years: At most this many years.
        values: The values to draw (default: levels as above).
    """
    chosen = draw(st.lists(st.integers(*years), max_size=max_years, unique=True))
    drawn = values if values is not None else _levels()
    return [(year, draw(drawn)) for year in sorted(chosen)]
