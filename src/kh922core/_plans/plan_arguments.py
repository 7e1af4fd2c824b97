"""The plan given to a function of the library: a :class:`~kh922core.Plan`, or a clear error.

A plan id or a path (``evaluate("ben-tre", …)``) was met by an ``AttributeError`` deep in the
engine; it is named here with what to write instead.
"""

from __future__ import annotations

from kh922core._plans.model import Plan
from kh922core.errors import InvalidValueError

__all__ = ["checked_plan"]


def checked_plan(plan: object, name: str = "plan") -> Plan:
    """``plan`` when it is a :class:`~kh922core.Plan`.

    Raises:
        InvalidValueError: Anything else, named with what loads a plan.

    Examples:
        >>> checked_plan("ben-tre")
        Traceback (most recent call last):
        ...
        kh922core.errors.InvalidValueError: plan must be a Plan, got the text 'ben-tre': load it first (kh922core.load_plan('ben-tre'))
    """  # noqa: E501
    if isinstance(plan, Plan):
        return plan
    if isinstance(plan, str):
        raise InvalidValueError(
            f"{name} must be a Plan, got the text {plan!r}: load it first "
            f"(kh922core.load_plan({plan!r}))"
        )
    raise InvalidValueError(
        f"{name} must be a Plan (kh922core.load_plan() loads one), got {type(plan).__name__}"
    )
