"""The rank-group kind: ``nhóm 30``, ``top 20``, ``nhóm 30/63`` (rank ``≤ N``, 1 is best)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from kh922core._targets.kinds.base import BaseSpec, CriterionOptions, Direction
from kh922core._targets.kinds.criterion import Criterion, Explanation, Signature
from kh922core._targets.kinds.written import with_unit

__all__ = ["RankGroup"]


#: The largest cohort a "nhóm N/M" may name and still read as a fraction (1/2, 2/3, 1/4 …).
FRACTION_COHORT = 10


class RankGroup(BaseSpec):
    """``Xếp hạng ở nhóm 30 tỉnh, thành``, ``nhóm 30``, ``top 20``: rank ``≤ N`` (1 is best).

    ``nhóm 30/63`` (or ``xếp thứ 15/63``) also names the cohort of 63 the rank was set against.

    Under the ``proportional`` cohort policy ``N`` is scaled by the current cohort size over the
    cohort size at adoption and rounded down (never below 1).

    Examples:
        >>> spec = RankGroup(size=30)
        >>> spec.is_met(28), spec.is_met(31)
        (True, False)
        >>> spec.is_met(17, cohort_policy="proportional", cohort_size=34, adopted_cohort=63)
        False
        >>> spec.effective_size(cohort_policy="proportional", cohort_size=34, adopted_cohort=63)
        16
    """

    kind: Literal["rank_group"] = "rank_group"
    _takes_change: ClassVar[bool] = False
    size: int = Field(ge=1)
    cohort: int | None = Field(default=None, ge=1)
    note: str | None = None
    direction: Direction = Direction.LOWER_IS_BETTER

    @model_validator(mode="after")
    def _within_cohort(self) -> RankGroup:
        if self.cohort is not None and self.size > self.cohort:
            raise ValueError(f"rank group {self.size} is larger than its cohort {self.cohort}")
        return self

    def _criterion(self, options: CriterionOptions) -> Criterion:
        scaling = options.rank_scaling(self.size, self.cohort)
        if scaling is None:
            return Criterion.rank_within(float(self.size))
        return Criterion.scaled_rank(scaling)

    def effective_size(self, **options: object) -> int:
        """The rank a value must reach, after the cohort policy.

        The cohort at adoption is the one the text names (``nhóm 30/63``), else the
        ``adopted_cohort`` option (a plan's ``rank_cohort``).
        """
        upper = self._resolved(options).upper
        assert upper is not None  # a resolved rank criterion has its bound
        return int(upper)

    def explanation(self) -> Explanation:
        """The kind in plain English.

        Examples:
            >>> RankGroup(size=30, cohort=63).explanation().met_when
            "rank ≤ 30 of 63 (1 is best; 'proportional' scales it)"
        """
        of = f" of {self.cohort}" if self.cohort is not None else ""
        return Explanation(
            "rank group", f"rank ≤ {self.size}{of} (1 is best; 'proportional' scales it)"
        )

    def signature(self) -> Signature:
        """What it asks for, for the audit (the group as written, whatever the cohort).

        Examples:
            >>> RankGroup(size=30).signature().description
            'a rank within the top 30'
        """
        size = float(self.size)
        return Signature("rank", (size,), None, f"a rank within the top {size:g}")

    def render(self) -> str:
        cohort = f"/{self.cohort}" if self.cohort is not None else ""
        # "nhóm 1/3" would read as a fraction (the best third): an ordinal has no such reading
        small = self.cohort is not None and self.cohort <= FRACTION_COHORT
        # a word right after the cohort would read as what it counts ("30/63 vị trí"): brackets
        return with_unit(
            f"{'xếp thứ' if small else 'nhóm'} {self.size}{cohort}",
            None,
            self.note,
            counted=self.cohort is not None,
        )
