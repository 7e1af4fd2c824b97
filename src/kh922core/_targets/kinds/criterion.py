"""What a target kind asks of one value, as plain data: :class:`Criterion`.

Every kind computes its criterion in one method; the scalar reference methods (``is_met``,
``status``, ``shortfall``, ``attainment``), the engine's bounds table, the progress measure and the
test strategies read it instead of asking which kind they hold.  A kind also says what it means
in plain words (:class:`Explanation`, for ``kh922 explain``) and what it asks for in a form that
two targets can be compared in (:class:`Signature`, for the audit).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from kh922core.errors import InvalidValueError

__all__ = ["Criterion", "Explanation", "RankScaling", "Signature"]

_INF = math.inf


@dataclass(frozen=True, slots=True)
class RankScaling:
    """A rank group whose size follows the current cohort (the ``proportional`` cohort policy).

    Attributes:
        size: The group size ``N`` as written.
        adopted_cohort: The cohort size when the target was adopted.

    Examples:
        >>> RankScaling(size=30, adopted_cohort=63).size_at(34)
        16
    """

    size: int
    adopted_cohort: int

    def size_at(self, cohort_size: int) -> int:
        """``N`` scaled by ``cohort_size`` over the adopted cohort, rounded down, at least 1."""
        return max(1, (self.size * cohort_size) // self.adopted_cohort)


@dataclass(frozen=True, slots=True)
class Criterion:
    """What a target asks of one value: bounds, the exceed band, shortfall and attainment.

    The bounds are the numbers as written; every comparison with them allows the relative
    tolerance ``COMPARISON_RTOL`` of the bound (``v ≥ x`` is ``v ≥ x − 1e-9·|x|``).

    Attributes:
        lower: A value meets the target only from here up (``None``: no lower bound).
        lower_strict: Whether ``lower`` itself is not enough (``> x``).
        upper: A value meets the target only from here down (``None``: no upper bound).
        upper_strict: Whether ``upper`` itself is too much (``< x``).
        exceeded_above: A met value above it is ``exceeded`` (with ``exceeded_below`` too, a met
            value between the two); ``None`` when not set.
        exceeded_below: A met value below it is ``exceeded``; ``None`` when not set.
        short_lower: The shortfall of a value that misses is its distance below this ...
        short_upper: ... or above this, ...
        slack: ... minus this slack.
        ratio_bound: The attainment is ``v / ratio_bound`` (``ratio_up``) or ``ratio_bound / v``;
            ``None`` when the target has no attainment.
        ratio_up: See ``ratio_bound``.
        progress: The way progress goes: +1 up, -1 down, 0 toward a band from either side (or
            none, for a target in words).
        rank: Whether the values are ranks (1 is best).
        qualitative: Whether only an assessment (true or false) judges it; the numbers are unset.
        rank_scaling: Set when the rank bound follows the cohort size, still unknown: ``upper``,
            ``short_upper`` and ``ratio_bound`` are then unset (see :meth:`resolved`).

    Examples:
        >>> criterion = Criterion.at_least(55.0, strict=True)
        >>> criterion.lower, criterion.lower_strict, criterion.ratio_bound, criterion.progress
        (55.0, True, 55.0, 1)
        >>> Criterion.within(8.0, 10.0).numbers
        (8.0, 10.0)
    """

    lower: float | None = None
    lower_strict: bool = False
    upper: float | None = None
    upper_strict: bool = False
    exceeded_above: float | None = None
    exceeded_below: float | None = None
    short_lower: float = -_INF
    short_upper: float = _INF
    slack: float = 0.0
    ratio_bound: float | None = None
    ratio_up: bool = True
    progress: int = 0
    rank: bool = False
    qualitative: bool = False
    rank_scaling: RankScaling | None = None

    @classmethod
    def at_least(cls, bound: float, *, strict: bool = False) -> Criterion:
        """Met from ``bound`` up (``> bound`` when ``strict``); attainment ``v / bound``."""
        return cls(
            lower=bound, lower_strict=strict, short_lower=bound, ratio_bound=bound, progress=1
        )

    @classmethod
    def at_most(cls, bound: float, *, strict: bool = False) -> Criterion:
        """Met from ``bound`` down (``< bound`` when ``strict``); attainment ``bound / v``."""
        return cls(
            upper=bound,
            upper_strict=strict,
            short_upper=bound,
            ratio_bound=bound,
            ratio_up=False,
            progress=-1,
        )

    @classmethod
    def within(cls, low: float, high: float) -> Criterion:
        """Met inside ``[low, high]``; no attainment."""
        return cls(lower=low, upper=high, short_lower=low, short_upper=high)

    @classmethod
    def about(cls, centre: float, slack: float) -> Criterion:
        """Met within ``slack`` of ``centre``; the shortfall is ``|v − centre| − slack``."""
        return cls(
            lower=centre - slack,
            upper=centre + slack,
            short_lower=centre,
            short_upper=centre,
            slack=slack,
        )

    @classmethod
    def rank_within(cls, size: float) -> Criterion:
        """A rank of ``size`` or better (1 is best)."""
        return replace(cls.at_most(size), rank=True)

    @classmethod
    def scaled_rank(cls, scaling: RankScaling) -> Criterion:
        """A rank within a group whose size follows the cohort size, not known yet."""
        return cls(ratio_up=False, progress=-1, rank=True, rank_scaling=scaling)

    @classmethod
    def by_assessment(cls) -> Criterion:
        """A target in words: only an explicit assessment says whether it is met."""
        return cls(qualitative=True)

    @property
    def numbers(self) -> tuple[float, ...]:
        """The finite numbers it names, ascending and distinct (where values change meaning)."""
        named = (
            self.lower,
            self.upper,
            self.exceeded_above,
            self.exceeded_below,
            self.short_lower,
            self.short_upper,
            self.ratio_bound,
        )
        return tuple(sorted({n for n in named if n is not None and math.isfinite(n)}))

    def resolved(self, cohort_size: object = None) -> Criterion:
        """This criterion with a rank bound that follows the cohort fixed for ``cohort_size``.

        Args:
            cohort_size: The current cohort size; needed only when :attr:`rank_scaling` is set.

        Returns:
            Itself when nothing follows the cohort, else the plain rank criterion.

        Raises:
            InvalidValueError: The bound follows the cohort and ``cohort_size`` is not an integer
                of at least 1 (a cohort of no province ranks nothing).

        Examples:
            >>> scaled = Criterion.scaled_rank(RankScaling(size=30, adopted_cohort=63))
            >>> scaled.upper, scaled.resolved(34).upper
            (None, 16.0)
        """
        scaling = self.rank_scaling
        if scaling is None:
            return self
        if not isinstance(cohort_size, int) or isinstance(cohort_size, bool):
            raise InvalidValueError(
                "the proportional cohort policy needs integer cohort_size and adopted_cohort, "
                f"got {cohort_size!r} and {scaling.adopted_cohort!r}"
            )
        if cohort_size < 1:
            raise InvalidValueError(
                f"cohort_size must be at least 1 (the provinces ranked), got {cohort_size!r}"
            )
        return Criterion.rank_within(float(scaling.size_at(cohort_size)))


@dataclass(frozen=True, slots=True)
class Explanation:
    """A kind in plain English, for ``kh922 explain``.

    Attributes:
        kind: A short name of the kind, e.g. ``"at least"`` or ``"range (band)"``.
        met_when: The condition under which it is met, e.g. ``"value ≥ 55"``.
    """

    kind: str
    met_when: str


@dataclass(frozen=True, slots=True)
class Signature:
    """What a target asks for, in a form that two targets can be compared in (the audit).

    Attributes:
        kind: ``"ge"``, ``"gt"``, ``"le"`` or ``"lt"`` (a bare number read through the
            direction), ``"target"`` (a bare number on a band), ``"range"``, ``"approx"``,
            ``"rank"`` or ``"words"``.
        numbers: The numbers it names: one, ``(low, high)`` for a range, none for words.
        words: The folded text of a target in words; ``None`` for the others.
        description: Short English: ``"at least 55"``, ``"from 8 to 10"``, ``"about 30"``,
            ``"a rank within the top 30"``, ``"a target in words, with no number"``.

    Examples:
        >>> a = Signature("ge", (80.0,), None, "at least 80")
        >>> a.matches(Signature("ge", (80.00000000001,), None, "at least 80"))
        True
        >>> a.matches(Signature("gt", (80.0,), None, "more than 80"))
        False
    """

    kind: str
    numbers: tuple[float, ...]
    words: str | None
    description: str

    def matches(self, other: Signature) -> bool:
        """Whether ``other`` asks for the same: same kind and words, numbers within 1e-9."""
        return (
            self.kind == other.kind
            and self.words == other.words
            and len(self.numbers) == len(other.numbers)
            and all(
                math.isclose(a, b, rel_tol=1e-9)
                for a, b in zip(self.numbers, other.numbers, strict=True)
            )
        )
