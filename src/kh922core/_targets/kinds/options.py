"""What a criterion may depend on besides the target: the tolerance of ``khoảng`` and cohorts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kh922core._targets.kinds.criterion import RankScaling
from kh922core.errors import InvalidValueError

__all__ = [
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "CriterionOptions",
    "check_option_names",
    "checked_tolerance",
]

#: Relative tolerance of ``khoảng X`` targets unless a plan sets its own.
DEFAULT_APPROXIMATE_TOLERANCE = 0.05


def checked_tolerance(tolerance: object) -> float:
    """``tolerance`` as a float, when it is a relative tolerance: a number from 0 up to (not
    including) 1, as a plan's ``approximate_tolerance`` is.

    Raises:
        InvalidValueError: It is not a number (a boolean neither), or it is NaN, infinite,
            negative or 1 and more; the message names the parameter and the value.

    Examples:
        >>> checked_tolerance(0.1)
        0.1
        >>> checked_tolerance(float("nan"))
        Traceback (most recent call last):
        ...
        kh922core.errors.InvalidValueError: tolerance must be a relative tolerance from 0 up to (not including) 1, got nan
    """  # noqa: E501
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
        raise InvalidValueError(f"tolerance must be a number, got {tolerance!r}")
    number = float(tolerance)
    if not 0.0 <= number < 1.0:  # NaN fails too
        raise InvalidValueError(
            "tolerance must be a relative tolerance from 0 up to (not including) 1, "
            f"got {tolerance!r}"
        )
    return number


_OPTIONS = frozenset({"tolerance", "cohort_policy", "cohort_size", "adopted_cohort"})


def check_option_names(options: Mapping[str, object]) -> None:
    """Refuse a keyword that is no option of a target's methods.

    Raises:
        TypeError: A keyword that is no option (``unit=`` among them: a value is in the
            target's unit), as Python says of a function's unexpected keyword.
    """
    unknown = sorted(set(options) - _OPTIONS)
    if not unknown:
        return
    hint = (
        " (a value is in the target's unit: multiply it by kh922core.conversion_factor(its "
        "unit, the target's unit) first, or ask the plan's Target, whose methods take unit=)"
        if "unit" in unknown
        else ""
    )
    raise TypeError(
        f"unexpected keyword argument {', '.join(map(repr, unknown))}: the options are "
        f"{', '.join(sorted(_OPTIONS))}{hint}"
    )


@dataclass(frozen=True, slots=True)
class CriterionOptions:
    """What a criterion may depend on besides the target; a kind checks only what it reads.

    Attributes:
        tolerance: Relative tolerance of approximate targets (``None``: 5 %).
        cohort_policy: ``"absolute"`` (``None`` too) or ``"proportional"``.
        cohort_size: The current cohort size (``None``: not known, e.g. one per row).
        adopted_cohort: The cohort at adoption, when the target's text does not name one.
    """

    tolerance: object = None
    cohort_policy: object = None
    cohort_size: object = None
    adopted_cohort: object = None

    @classmethod
    def of(cls, options: Mapping[str, object]) -> CriterionOptions:
        """The options among keyword options (:func:`check_option_names` first; a kind checks
        the values of those it reads)."""
        check_option_names(options)
        return cls(
            tolerance=options.get("tolerance"),
            cohort_policy=options.get("cohort_policy"),
            cohort_size=options.get("cohort_size"),
            adopted_cohort=options.get("adopted_cohort"),
        )

    def relative_tolerance(self) -> float:
        """The tolerance of approximate targets.

        Raises:
            InvalidValueError: It is not a number, or not a fraction from 0 up to (not
                including) 1, as a plan's ``approximate_tolerance`` is.
        """
        if self.tolerance is None:
            return DEFAULT_APPROXIMATE_TOLERANCE
        return checked_tolerance(self.tolerance)

    def rank_scaling(self, size: int, cohort: int | None) -> RankScaling | None:
        """How a rank group of ``size`` follows the cohort; ``None`` under the absolute policy.

        Args:
            size: The group size as written.
            cohort: The cohort the text names (``nhóm 30/63``); else :attr:`adopted_cohort`.

        Raises:
            InvalidValueError: An unknown policy, or no integer cohort at adoption.
        """
        policy = self.cohort_policy or "absolute"
        if policy == "absolute":
            return None
        if policy != "proportional":
            raise InvalidValueError(
                f"cohort_policy must be 'absolute' or 'proportional', got {policy!r}"
            )
        adopted = cohort if cohort is not None else self.adopted_cohort
        if not isinstance(adopted, int) or isinstance(adopted, bool) or adopted < 1:
            raise InvalidValueError(
                "the proportional cohort policy needs integer cohort_size and adopted_cohort "
                "(the cohort at adoption: the text's 'nhóm N/M' or the plan's rank_cohort), "
                f"got {self.cohort_size!r} and {adopted!r}"
            )
        return RankScaling(size, adopted)
