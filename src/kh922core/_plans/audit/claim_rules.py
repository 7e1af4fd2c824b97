"""Rules KH001-KH004: the narrative's targets (sections II and III) against Phụ lục I."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kh922core._plans.audit.findings import (
    AuditContext,
    Finding,
    Severity,
    indicator_of,
    target_source,
)
from kh922core._plans.model import Claim, Indicator, Plan, Target
from kh922core._targets import (
    Direction,
    TargetSpec,
    Unit,
    normalize_unit_text,
    parse_target,
)
from kh922core.errors import Kh922Error

__all__ = [
    "claim_horizon",
    "missing_from_appendix",
    "narrative_differs",
    "narrative_unit_differs",
]


@dataclass(frozen=True, slots=True)
class _Claim:
    claim: Claim
    location: str
    source: str
    horizon: int | None


def _claims(plan: Plan) -> Iterator[_Claim]:
    for objective in plan.objectives:
        for index, claim in enumerate(objective.claims):
            yield _Claim(
                claim,
                f"objectives[{objective.id}].claims[{index}]",
                f"Mục {objective.source}",
                claim.horizon if claim.horizon is not None else None,
            )
    for group in plan.solution_groups:
        for item in group.items:
            for index, claim in enumerate(item.claims):
                yield _Claim(
                    claim,
                    f"solution_groups[{group.id}].items[{item.letter}].claims[{index}]",
                    f"Mục {group.id}.{item.letter}",
                    claim.horizon,
                )


# ---------------------------------------------------------------------------------------------
# Comparing a narrative claim with an appendix target
# ---------------------------------------------------------------------------------------------


def _claim_spec(claim: Claim, indicator: Indicator | None) -> TargetSpec | None:
    direction = indicator.direction if indicator is not None else Direction.HIGHER_IS_BETTER
    unit = indicator.unit if indicator is not None else None
    try:
        return parse_target(
            claim.text,
            direction=direction,
            unit=unit if unit is not None and unit.is_rank else None,
            indicator=indicator.name if indicator is not None else None,
        )
    except (Kh922Error, ValueError):
        return None


def _claim_targets(plan: Plan, found: _Claim) -> list[Target]:
    return [
        t
        for t in plan.targets
        if t.indicator == found.claim.indicator
        and (found.horizon is None or t.horizon == found.horizon)
    ]


def narrative_differs(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    for found in _claims(plan):
        claim = found.claim
        indicator = indicator_of(plan, claim.indicator)
        if indicator is None:
            continue
        spec = _claim_spec(claim, indicator)
        if spec is None:
            continue
        for target in _claim_targets(plan, found):
            if spec.signature().matches(target.spec.signature()):
                continue
            yield Finding(
                "KH001",
                Severity.WARNING,
                found.location,
                found.source,
                f"the narrative says {claim.text!r} ({spec.signature().description}) in "
                f"“{claim.quote}”, but {target_source(target)} says {target.text!r} "
                f"({target.spec.signature().description}) for {indicator.id!r} in {target.horizon}",
            )


def _unit_key(text: str) -> str:
    return normalize_unit_text(text)


def narrative_unit_differs(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    for found in _claims(plan):
        claim = found.claim
        if claim.unit is None or claim.indicator is None:
            continue
        for target in _claim_targets(plan, found):
            unit = target.unit or _target_indicator_unit(plan, target)
            if unit is None or _unit_key(unit.text) == _unit_key(claim.unit):
                continue
            read_as = f" (read as {unit.variant_of!r})" if unit.variant_of else ""
            yield Finding(
                "KH002",
                Severity.WARNING,
                found.location,
                found.source,
                f"the narrative gives {claim.text!r} in {claim.unit!r}, but "
                f"{target_source(target)} writes the unit {unit.text!r}{read_as}",
            )


def _target_indicator_unit(plan: Plan, target: Target) -> Unit | None:
    indicator = indicator_of(plan, target.indicator)
    return indicator.unit if indicator is not None else None


def missing_from_appendix(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    for found in _claims(plan):
        claim = found.claim
        when = f" by {found.horizon}" if found.horizon is not None else ""
        if claim.indicator is None:
            yield Finding(
                "KH003",
                Severity.WARNING,
                found.location,
                found.source,
                f"the narrative sets {claim.text!r}{when} (“{claim.quote}”), "
                "but Phụ lục I has no row for it",
            )
        elif not _claim_targets(plan, found):
            yield Finding(
                "KH003",
                Severity.WARNING,
                found.location,
                found.source,
                f"the narrative sets {claim.text!r}{when} for {claim.indicator!r} "
                f"(“{claim.quote}”), but Phụ lục I has no row for {claim.indicator!r}"
                + (f" in {found.horizon}" if found.horizon is not None else ""),
            )


def claim_horizon(context: AuditContext) -> Iterator[Finding]:
    for objective in context.plan.objectives:
        for index, claim in enumerate(objective.claims):
            if (
                claim.horizon is not None
                and objective.horizon is not None
                and claim.horizon != objective.horizon
            ):
                yield Finding(
                    "KH004",
                    Severity.WARNING,
                    f"objectives[{objective.id}].claims[{index}]",
                    f"Mục {objective.source}",
                    f"the claim {claim.text!r} is dated {claim.horizon}, "
                    f"but its paragraph speaks of {objective.horizon}",
                )
