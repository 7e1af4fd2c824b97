"""Rules KH005-KH007 and KH020: the rows of Phụ lục I themselves (units, names, numbering,
words that hold digits)."""

from __future__ import annotations

from collections.abc import Iterator

from kh922core._plans.audit.findings import (
    AuditContext,
    Finding,
    Severity,
    indicator_of,
    target_source,
)
from kh922core._plans.audit.text_rules import word_changes
from kh922core._text import fold

__all__ = [
    "digits_in_words",
    "row_name_differs",
    "row_without_parent",
    "unit_variant",
]


def unit_variant(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    for target in plan.targets:
        unit = target.unit
        if unit is not None and unit.variant_of is not None:
            indicator = indicator_of(plan, target.indicator)
            elsewhere = (
                f"; the indicator {indicator.id!r} is in {indicator.unit.text!r}"
                if indicator is not None and indicator.unit is not None
                else ""
            )
            yield Finding(
                "KH005",
                Severity.WARNING,
                f"targets[{target.id}]",
                target_source(target),
                f"the unit is written {unit.text!r}, read as {unit.variant_of!r}{elsewhere}: "
                "check which one the plan means",
            )
    for indicator in plan.indicators:
        unit = indicator.unit
        if unit is not None and unit.variant_of is not None:
            yield Finding(
                "KH005",
                Severity.WARNING,
                f"indicators[{indicator.id}]",
                "Phụ lục I",
                f"the unit is written {unit.text!r}, read as {unit.variant_of!r}: check it",
            )


def row_name_differs(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    for target in plan.targets:
        indicator = indicator_of(plan, target.indicator)
        if target.name is None or indicator is None or fold(target.name) == fold(indicator.name):
            continue
        yield Finding(
            "KH006",
            Severity.INFO,
            f"targets[{target.id}]",
            target_source(target),
            f"the row names the indicator {target.name!r}; elsewhere it is {indicator.name!r}"
            f" ({word_changes(indicator.name, target.name)})",
        )


def row_without_parent(context: AuditContext) -> Iterator[Finding]:
    rows = {(t.horizon, t.row) for t in context.plan.targets}
    reported: set[tuple[int, str]] = set()
    for target in context.plan.targets:
        parent = target.row.rpartition(".")[0]
        if parent and (target.horizon, parent) not in rows | reported:
            reported.add((target.horizon, parent))
            children = sorted(
                (
                    t.row
                    for t in context.plan.targets
                    if t.horizon == target.horizon and t.row.rpartition(".")[0] == parent
                ),
                key=lambda r: [int(p) if p.isdigit() else 0 for p in r.split(".")],
            )
            yield Finding(
                "KH007",
                Severity.INFO,
                f"targets[{target.id}]",
                target_source(target),
                (
                    f"rows {children[0]}–{children[-1]} are"
                    if len(children) > 1
                    else f"row {children[0]} is"
                )
                + f" numbered under a row {parent} that has no target of its own "
                f"(horizon {target.horizon})",
            )


def digits_in_words(context: AuditContext) -> Iterator[Finding]:
    """A target read as words although its text holds digits (``Phủ sóng 5G``): a reader checks
    that no number was meant, since only an assessment can meet a target in words."""
    for target in context.plan.targets:
        if target.spec.criterion().qualitative and any(ch.isdigit() for ch in target.text):
            yield Finding(
                "KH020",
                Severity.WARNING,
                f"targets[{target.id}]",
                target_source(target),
                f"the target {target.text!r} is read as words (met only by an assessment) "
                "although it holds digits: check that it sets no number",
            )
