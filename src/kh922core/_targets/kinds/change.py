"""Change targets: a target on how much the level moves, not on the level itself.

``thu ngân sách tăng bình quân 9%/năm``, ``tăng ít nhất 20% so với năm 2023``, ``giảm 2 - 3%``
(points of a share), ``gấp 3 lần năm 2021``: each is a level kind (a comparison, a range, an
approximate value) whose number bounds the **size of the change in the text's direction**, with a
:class:`Change` saying how that size is measured from two levels, the base and the observed one.

The size is always measured so that a bigger number means more of what the verb says: for
``giảm`` (falling) it is the fall.  A bare number is therefore *at least* that size, whatever the
indicator's direction: ``giảm 5%`` is met by a fall of 5 % or more.

Examples:
    >>> change = Change(kind="relative", since=2023)
    >>> change.size(150.0, baseline=100.0)
    50.0
    >>> round(Change(kind="growth_per_year").size(121.0, baseline=100.0, years=2), 9)
    10.0
    >>> Change(kind="points", falling=True).size(3.0, baseline=5.0)
    2.0
"""

from __future__ import annotations

import math
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from kh922core.errors import InvalidValueError

__all__ = ["Change", "ChangeKind"]

#: The earliest and latest base year a text may name (a year, not a count).
_YEARS = range(1900, 2201)


class ChangeKind(StrEnum):
    """How the size of a change is measured from the base level ``b`` and the level ``v``.

    Rising (``tăng``) sizes; a falling one (``giảm``) is the same measure taken downwards.
    """

    GROWTH_PER_YEAR = "growth_per_year"
    """Compound average annual growth, in %/năm: ``((v / b) ** (1 / years) − 1) × 100``."""
    RELATIVE = "relative"
    """Change relative to the base, in %: ``(v / b − 1) × 100``."""
    POINTS = "points"
    """Change in the indicator's own unit (percentage points of a share): ``v − b``."""
    POINTS_PER_YEAR = "points_per_year"
    """The yearly average of that: ``(v − b) / years``."""
    MULTIPLE = "multiple"
    """The level as a multiple of the base: ``v / b``."""


#: The kinds whose size depends on the number of years between the base and the value.
PER_YEAR = frozenset({ChangeKind.GROWTH_PER_YEAR, ChangeKind.POINTS_PER_YEAR})
#: The kinds that divide by the base (undefined for a base of 0 or below).
RATIO = frozenset({ChangeKind.GROWTH_PER_YEAR, ChangeKind.RELATIVE, ChangeKind.MULTIPLE})

_FORMULAS = {
    (ChangeKind.GROWTH_PER_YEAR, False): "((value / base)^(1/years) − 1) × 100",
    (ChangeKind.GROWTH_PER_YEAR, True): "(1 − (value / base)^(1/years)) × 100",
    (ChangeKind.RELATIVE, False): "(value / base − 1) × 100",
    (ChangeKind.RELATIVE, True): "(1 − value / base) × 100",
    (ChangeKind.POINTS, False): "value − base",
    (ChangeKind.POINTS, True): "base − value",
    (ChangeKind.POINTS_PER_YEAR, False): "(value − base) / years",
    (ChangeKind.POINTS_PER_YEAR, True): "(base − value) / years",
    (ChangeKind.MULTIPLE, False): "value / base",
    (ChangeKind.MULTIPLE, True): "base / value",
}
_NAMES = {
    ChangeKind.GROWTH_PER_YEAR: "average yearly growth",
    ChangeKind.RELATIVE: "relative change",
    ChangeKind.POINTS: "change in points",
    ChangeKind.POINTS_PER_YEAR: "yearly change in points",
    ChangeKind.MULTIPLE: "multiple of the base",
}


class Change(BaseModel):
    """How a change target measures the change of the level from its base.

    Attributes:
        kind: How the size is measured (see :class:`ChangeKind`).
        since: The base year the text names (``so với năm 2020``); ``None`` when it names none
            (the base is then the target's baseline, or the previous year, see
            ``previous_year``).
        previous_year: The base is the year before the observed one (``so với cùng kỳ``,
            ``so với năm trước``).
        falling: The text says the level falls (``giảm``, ``hạ``, ``cắt giảm``): the size is
            the fall.

    Examples:
        >>> Change(kind="multiple").size(300.0, baseline=100.0)
        3.0
        >>> Change(kind="relative", falling=True).formula
        '(1 − value / base) × 100'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ChangeKind
    since: int | None = None
    previous_year: bool = False
    falling: bool = False

    @model_validator(mode="after")
    def _one_base(self) -> Change:
        if self.since is not None and self.previous_year:
            raise ValueError("a change has one base: a year (since) or the previous year")
        if self.since is not None and self.since not in _YEARS:
            raise ValueError(f"since must be a year from 1900 to 2200, got {self.since!r}")
        return self

    @property
    def per_year(self) -> bool:
        """Whether the size is a yearly average (it depends on the number of years)."""
        return self.kind in PER_YEAR

    @property
    def formula(self) -> str:
        """How the size is computed from ``value``, ``base`` and ``years``, in words."""
        return _FORMULAS[(self.kind, self.falling)]

    @property
    def name(self) -> str:
        """The kind of change in plain English, with its direction (``"relative fall"``)."""
        name = _NAMES[self.kind]
        if not self.falling:
            return name
        return (
            name.replace("growth", "fall")
            .replace("change", "fall")
            .replace("multiple of the base", "fall as a multiple (base / value)")
        )

    @property
    def verb(self) -> str:
        """The words that start the canonical text: ``tăng``, ``giảm bình quân``, ``gấp`` …"""
        if self.kind is ChangeKind.MULTIPLE:
            return "giảm" if self.falling else "gấp"
        verb = "giảm" if self.falling else "tăng"
        return f"{verb} bình quân" if self.per_year else verb

    @property
    def base_words(self) -> str:
        """The words that name the base at the end of the canonical text (or nothing)."""
        if self.previous_year:
            return " so với cùng kỳ"
        return "" if self.since is None else f" so với năm {self.since}"

    def shown_unit(self, unit: str | None) -> str | None:
        """The unit as the canonical text writes it: points of a % share are ``điểm %``."""
        if self.kind is ChangeKind.MULTIPLE:
            return "lần"
        if self.kind is ChangeKind.RELATIVE:
            return "%"
        if self.kind is ChangeKind.GROWTH_PER_YEAR:
            return "%/năm"
        if self.kind in (ChangeKind.POINTS, ChangeKind.POINTS_PER_YEAR) and unit == "%":
            return "điểm %"
        return unit

    def years_from(self, year: int | None) -> int | None:
        """The years between the base and ``year``, when both are known."""
        if year is None:
            return None
        if self.previous_year:
            return 1
        return None if self.since is None else year - self.since

    def size(self, value: float, *, baseline: float, years: float | None = None) -> float | None:
        """The size of the change from ``baseline`` to ``value``, in the text's direction.

        Args:
            value: The observed level.
            baseline: The level at the base.
            years: The years between them, for the per-year kinds (default 1).

        Returns:
            The size; ``None`` where it is undefined (a ratio to a base of 0 or less, a
            negative level under a compound growth, a fall as a multiple to 0).

        Raises:
            InvalidValueError: ``years`` is not a number above 0 for a per-year kind.
        """
        span = 1.0 if years is None else years
        if self.per_year and (
            isinstance(span, bool) or not isinstance(span, int | float) or not span > 0
        ):
            raise InvalidValueError(
                f"years must be a number above 0 (the years from the base to the value), "
                f"got {years!r}"
            )
        if not (math.isfinite(value) and math.isfinite(baseline)):
            return None
        if self.kind in RATIO and baseline <= 0:
            return None
        sign = -1.0 if self.falling else 1.0
        if self.kind is ChangeKind.POINTS:
            return sign * (value - baseline)
        if self.kind is ChangeKind.POINTS_PER_YEAR:
            return sign * (value - baseline) / span
        if self.kind is ChangeKind.RELATIVE:
            return sign * (value / baseline - 1.0) * 100.0
        if self.kind is ChangeKind.MULTIPLE:
            if not self.falling:
                return value / baseline
            return baseline / value if value > 0 else None
        if value < 0:
            return None
        growth: float = (value / baseline) ** (1.0 / span) - 1.0
        return sign * growth * 100.0
