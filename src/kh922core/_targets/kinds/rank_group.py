"""The rank-group kind: ``nhóm 30``, ``top 20``, ``nhóm 30/63`` (rank ``≤ N``, 1 is best)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from kh922core._targets.kinds.base import Direction, Status, _le, _number, _ratio, _Spec
from kh922core.errors import InvalidValueError

__all__ = ["RankGroup"]


class RankGroup(_Spec):
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
    size: int = Field(ge=1)
    cohort: int | None = Field(default=None, ge=1)
    note: str | None = None
    direction: Direction = Direction.LOWER_IS_BETTER

    @model_validator(mode="after")
    def _within_cohort(self) -> RankGroup:
        if self.cohort is not None and self.size > self.cohort:
            raise ValueError(f"rank group {self.size} is larger than its cohort {self.cohort}")
        return self

    def effective_size(self, **options: object) -> int:
        """The rank a value must reach, after the cohort policy.

        The cohort at adoption is the one the text names (``nhóm 30/63``), else the
        ``adopted_cohort`` option (a plan's ``rank_cohort``).
        """
        policy = options.get("cohort_policy", "absolute") or "absolute"
        if policy == "absolute":
            return self.size
        if policy != "proportional":
            raise InvalidValueError(
                f"cohort_policy must be 'absolute' or 'proportional', got {policy!r}"
            )
        current = options.get("cohort_size")
        adopted = self.cohort if self.cohort is not None else options.get("adopted_cohort")
        if not isinstance(current, int) or not isinstance(adopted, int) or adopted < 1:
            raise InvalidValueError(
                "the proportional cohort policy needs integer cohort_size and adopted_cohort, "
                f"got {current!r} and {adopted!r}"
            )
        return max(1, (self.size * current) // adopted)

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        number = _number(value)
        if number is None:
            return None
        return _le(number, float(self.effective_size(**options)))

    def status(self, value: float | bool | None, **options: object) -> Status:
        met = self.is_met(value, **options)
        if met is None:
            return Status.NO_DATA
        return Status.MET if met else Status.NOT_MET

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        met = self.is_met(value, **options)
        if number is None or met is None:
            return None
        return 0.0 if met else number - self.effective_size(**options)

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        number = _number(value)
        if number is None:
            return None
        return _ratio(float(self.effective_size(**options)), number)

    def render(self) -> str:
        cohort = f"/{self.cohort}" if self.cohort is not None else ""
        return f"nhóm {self.size}{cohort}" + (f" {self.note}" if self.note else "")
