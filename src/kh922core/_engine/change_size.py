"""The size of a change target's change, per row, as :meth:`kh922core.Change.size` computes it.

Every kind's size is one pipeline whose constants depend only on the target's *shape* (its
kind, and whether it falls), each step exact where it does not apply (``x − 0``, ``x · 1`` and
``x / 1`` are ``x``)::

    q    = v − b (points, per year) | v / b (relative, growth, multiple) | b / v (falling multiple)
    q    = q ^ (1 / years)                      growth only
    size = ((q − offset) · factor) [/ years]
           offset 1 for relative and growth; factor = sign × scale, sign −1 when falling (not
           for a multiple), scale 100 for relative and growth; / years for points per year

(``(x · sign) · 100`` is ``x · (sign · 100)``: a sign changes no rounding)

which makes the same operations in the same order as :meth:`kh922core.Change.size`.  What each
row costs is kept small, because every row pays it:

* a step that no target of the plan needs is left out, and a constant that all its change
  targets share is a literal;
* otherwise the row's shape (a small integer, gathered once) chooses the constant by a few
  comparisons (cheaper than gathers), not a gather from the bounds table per constant;
* a level is finite or null already (and so is a base from the series): only a plan baseline
  is tested for an infinity, and only a lower bound that a finite number may be under (``> 0``
  for a ratio) is tested;
* the power of a compound growth is taken only by the rows of growth targets (the others raise
  to 0 and keep their quotient);
* the years are a float only where a kind divides by them (growth, points per year); else the
  query only compares the row's year with its base year, as integers.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.columns import BASE_VALUE, BASE_YEAR, VALUE_CONVERTED
from kh922core._targets import Change, ChangeKind

__all__ = ["Shape", "SizePipeline"]

_RATIO = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR, ChangeKind.MULTIPLE})
_PERCENT = frozenset({ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR})
_PER_YEAR = frozenset({ChangeKind.GROWTH_PER_YEAR, ChangeKind.POINTS_PER_YEAR})
_TINY = 5e-324  # the smallest float above 0: ``x > 0`` is ``x >= _TINY``
#: What decides the size pipeline's constants of a target: its kind and whether it falls.
Shape = tuple[ChangeKind, bool]


def _constants(shape: Shape) -> dict[str, object]:
    """The size pipeline's constants of one shape (see the module docstring)."""
    kind, falling = shape
    multiple = kind is ChangeKind.MULTIPLE
    return {
        "form": 0 if kind not in _RATIO else (2 if multiple and falling else 1),
        "growth": kind is ChangeKind.GROWTH_PER_YEAR,
        "offset": 1.0 if kind in _PERCENT else 0.0,
        "factor": (-1.0 if falling and not multiple else 1.0)
        * (100.0 if kind in _PERCENT else 1.0),
        "per_year": kind is ChangeKind.POINTS_PER_YEAR,
        # The lowest finite level and base the size is defined for: ``x >= low & x < inf``
        # is ``x`` finite and at least ``low``.
        "base_min": _TINY if kind in _RATIO else -sys.float_info.max,
        "value_min": 0.0
        if kind is ChangeKind.GROWTH_PER_YEAR
        else (_TINY if multiple and falling else -sys.float_info.max),
    }


@dataclass(frozen=True)
class SizePipeline:
    """The size pipeline of a plan's change targets (see the module docstring).

    Attributes:
        changes: The change of every change target, in plan order.
    """

    changes: tuple[Change, ...]

    def shapes(self) -> list[Shape]:
        """The distinct shapes of the change targets, in plan order (a row's shape is its
        target's place among them)."""
        return list(dict.fromkeys((c.kind, c.falling) for c in self.changes))

    def _shared(self, name: str) -> list[object]:
        """The distinct values of one constant over the change targets."""
        return list(dict.fromkeys(_constants(shape)[name] for shape in self.shapes()))

    def _constant(self, shape: pl.Expr, name: str) -> pl.Expr:
        """A constant of the size pipeline: a literal when every change target has the same,
        else chosen by the row's shape (a comparison of a small integer per distinct value:
        cheaper than a gather)."""
        values = self._shared(name)
        if len(values) == 1:
            return pl.lit(values[0], dtype=pl.Float64)
        chain: Any = pl
        for value in values[:-1]:
            chain = chain.when(self._has(shape, name, value)).then(pl.lit(value, pl.Float64))
        return chain.otherwise(pl.lit(values[-1], dtype=pl.Float64))  # type: ignore[no-any-return]

    def _has(self, shape: pl.Expr, name: str, value: object) -> pl.Expr:
        """Whether the row's shape has ``value`` for the constant ``name``."""
        codes = [n for n, s in enumerate(self.shapes()) if _constants(s)[name] == value]
        if len(codes) == 1:
            return shape == codes[0]
        return shape.is_in(pl.Series(codes, dtype=pl.Int8).implode())

    def one_year(self) -> bool:
        """Whether every change target measures from the year before the row's: its years
        are then 1 (``q ^ (1 / 1)`` and ``x / 1`` are ``x``: no power, no division)."""
        return all(c.previous_year for c in self.changes)

    def counts_years(self) -> bool:
        """Whether a kind of the plan divides by the years (growth, points per year)."""
        return any(c.kind in _PER_YEAR for c in self.changes)

    def years(self, year: pl.Expr) -> pl.Expr:
        """The years from the base year to the row's ``year``: a float where a kind divides
        by them, else only whether the row's year is after its base year."""
        base = pl.col(BASE_YEAR)
        if self.one_year():  # the year before the row's: 1 wherever there is a base
            return pl.when(base.is_not_null()).then(pl.lit(1.0))
        if not self.counts_years():
            return year > base
        # in floats: an Int32 difference of absurd years would wrap around (-2147483648 - 2020)
        return year.cast(pl.Float64) - base.cast(pl.Float64)

    def after(self, years: pl.Expr) -> pl.Expr:
        """Whether the row's year is after its base year, from its :meth:`years`."""
        return years > 0.0 if self.one_year() or self.counts_years() else years

    def _growth(self) -> list[object]:
        """Whether the change targets take a power: ``[False]`` (none does, or every one
        measures one year), ``[True]`` (every one), or both."""
        return [False] if self.one_year() else self._shared("growth")

    def reads_quotient_once(self) -> bool:
        """Whether :meth:`size` reads its quotient once: where every target takes its power,
        or none does (else the rows that take none keep the quotient as it is)."""
        return len(self._growth()) == 1

    def quotient(self, shape: pl.Expr) -> pl.Expr:
        """The first step of the size: ``v − b``, ``v / b`` or ``b / v``."""
        v, b = pl.col(VALUE_CONVERTED), pl.col(BASE_VALUE)
        forms = [int(form) for form in self._shared("form")]  # type: ignore[call-overload]
        quotients = {0: v - b, 1: v / b, 2: b / v}
        if len(forms) == 1:
            return quotients[forms[0]]
        chain: Any = pl
        for number in forms[:-1]:
            chain = chain.when(self._has(shape, "form", number)).then(quotients[number])
        return chain.otherwise(quotients[forms[-1]])  # type: ignore[no-any-return]

    def size(self, q: pl.Expr, years: pl.Expr, shape: pl.Expr, plan_bases: bool) -> pl.Expr:
        """:meth:`kh922core.Change.size` of every row from its quotient ``q`` (a column) and
        its :meth:`years` (a column), null where undefined; for a row of a level target,
        whatever its constants give (its base is null: so is its size).

        Each row's level is finite or null (the query nulls every other before), and so is a
        base from the series (a base that is no finite number is none); a plan baseline
        (``plan_bases``: whether a row may take one) may be an infinity, once converted.  So
        only a plan baseline is tested for one, and a bound below that no finite number is
        under is no test."""
        v, b = pl.col(VALUE_CONVERTED), pl.col(BASE_VALUE)
        one_year = self.one_year()
        growth = self._growth()
        if growth == [True]:
            q = q.pow(1.0 / years)
        elif True in growth:  # only the rows of growth targets take their power
            grows = self._has(shape, "growth", True)
            exponent = pl.when(grows).then(1.0 / years).otherwise(0.0)
            q = pl.when(grows).then(q.pow(exponent)).otherwise(q)
        offsets = self._shared("offset")
        if offsets != [0.0]:  # x − 0 is x
            q = q - self._constant(shape, "offset")
        if self._shared("factor") != [1.0]:  # sign × scale: a sign changes no rounding
            q = q * self._constant(shape, "factor")
        per_year = [False] if one_year else self._shared("per_year")
        if per_year == [True]:
            q = q / years
        elif True in per_year:  # x / 1 is x
            q = q / pl.when(self._has(shape, "per_year", True)).then(years).otherwise(1.0)
        known = pl.lit(True) if one_year else self.after(years)
        for name, value in (("base_min", b), ("value_min", v)):
            if self._shared(name) != [-sys.float_info.max]:
                known = known & (value >= self._constant(shape, name))
        if plan_bases:
            known = known & (b < math.inf)
        return pl.when(known).then(q)
