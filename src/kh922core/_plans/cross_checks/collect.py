"""Every cross-check run together (:func:`cross_problems`), and the problems handed to the loader
(:func:`report_cross_problems`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kh922core._plans.cross_checks.agency_checks import agency_problems
from kh922core._plans.cross_checks.cross_problem import (
    CrossProblem,
    items_of,
    value_of,
)
from kh922core._plans.cross_checks.link_checks import link_problems, reporting_problems
from kh922core._plans.cross_checks.target_checks import indicator_problems, target_problems

__all__ = ["CROSS_PROBLEMS", "cross_problems", "report_cross_problems"]

#: Validation-context key: a list there collects cross-check problems instead of raising.
CROSS_PROBLEMS = "kh922core.cross_problems"


def _unique(section: str, items: list[Any], key: str, what: str) -> Iterator[CrossProblem]:
    first: dict[object, int] = {}
    for index, item in enumerate(items):
        value = value_of(item, key)
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        if value in first:
            yield CrossProblem(
                (section, index, key),
                f"the {what} {value!r} is used twice (first at {section}[{first[value]}]); "
                f"every {what} must be different",
                value,
            )
        else:
            first[value] = index


_CHECKS: tuple[Callable[[object], Iterator[CrossProblem]], ...] = (
    target_problems,
    indicator_problems,
    agency_problems,
    link_problems,
    reporting_problems,
)


def cross_problems(plan: object) -> list[CrossProblem]:
    """Every cross-field problem of a plan (a :class:`~kh922core.Plan` or a plan file's data).

    Args:
        plan: A validated plan, or the dict read from a plan file (agencies spliced in).

    Returns:
        The problems, in the order of the checks (duplicates, targets, indicators, agencies,
        links, reporting).

    Examples:
        >>> data = {"indicators": [{"id": "a"}], "targets": [
        ...     {"id": "2030-1", "indicator": "b", "horizon": 2030, "row": "1"}]}
        >>> [(p.path, p.message) for p in cross_problems(data)]
        [(('targets', 0, 'indicator'), "names the indicator 'b', which is not defined under 'indicators'")]
    """  # noqa: E501
    problems: list[CrossProblem] = []
    for section, key, what in (
        ("indicators", "id", "indicator id"),
        ("targets", "id", "target id"),
        ("agencies", "id", "agency id"),
        ("objectives", "id", "objective id"),
        ("legal_bases", "id", "legal basis id"),
        ("solution_groups", "id", "solution group id"),
        ("task_groups", "id", "task group id"),
        ("tasks", "id", "task id"),
        ("tasks", "number", "task number"),
    ):
        problems += _unique(section, items_of(plan, section), key, what)
    for check in _CHECKS:
        problems += check(plan)
    return problems


def report_cross_problems(model: object, context: object) -> None:
    """Hand a validated model's cross-field problems to the loader, or refuse the model.

    The loader passes a list under :data:`CROSS_PROBLEMS` in the validation context and maps
    each problem to a line of the file; without it (``Plan.model_validate`` on a dict) the
    problems are raised together as one ``ValueError``.
    """
    problems = cross_problems(model)
    if not problems:
        return
    sink = context.get(CROSS_PROBLEMS) if isinstance(context, dict) else None
    if not isinstance(sink, list):
        raise ValueError("; ".join(p.message for p in problems))
    sink.extend(problems)
