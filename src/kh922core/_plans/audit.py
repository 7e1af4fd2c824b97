"""The audit: what a careful reader of a plan notices, as a list of findings.

A plan that loads is consistent as *data*; the audit looks at it as a *document*: narrative
targets (sections II and III) that disagree with the appendix or are missing from it, units
written in a variant form, agency cells that do not read cleanly, agencies that no longer exist
on a date, deadlines already past, and other loose ends.

Every rule is a small function over the plan (see :data:`AUDIT_RULES`); none knows anything
about a particular province: they compare the plan's own parts with each other.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kh922core._plans.model import Claim, Indicator, Plan, Target, Task
from kh922core._targets.grammar import parse_target
from kh922core._targets.specs import (
    Approximate,
    Comparison,
    Direction,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    TargetSpec,
)
from kh922core._targets.units import Unit, normalize_unit_text
from kh922core._text import fold
from kh922core.errors import Kh922Error

__all__ = ["AUDIT_RULES", "AuditRule", "Finding", "Severity", "audit"]


class Severity(StrEnum):
    """How much a finding matters."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the audit noticed.

    Attributes:
        code: The rule's code, e.g. ``"KH001"``.
        severity: ``info``, ``warning`` or ``error``.
        location: Where in the plan data, e.g. ``"objectives[specific-2030-2].claims[3]"``.
        source: Where in the printed plan, e.g. ``"Mục II.2.a"`` or ``"Phụ lục II, nhiệm vụ 17"``.
        message: What was noticed, in plain words.
    """

    code: str
    severity: Severity
    location: str
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code} {self.location} ({self.source}): {self.message}"


@dataclass(frozen=True, slots=True)
class _Context:
    plan: Plan
    as_of: date | None


@dataclass(frozen=True, slots=True)
class AuditRule:
    """One audit rule.

    Attributes:
        code: Its code (``KH001`` …).
        name: A short name.
        description: What it looks for.
        needs_date: Whether it runs only when the audit is given a date (``as_of``).
        check: The function that yields its findings.
    """

    code: str
    name: str
    description: str
    needs_date: bool
    check: Callable[[_Context], Iterable[Finding]]


# ---------------------------------------------------------------------------------------------
# Where things are
# ---------------------------------------------------------------------------------------------


def _target_source(target: Target) -> str:
    section = f"mục {target.section}, " if target.section else ""
    return f"Phụ lục I, {section}dòng {target.row}"


def _task_source(task: Task) -> str:
    return f"Phụ lục II, nhiệm vụ {task.number}"


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

_WORDS = {
    Operator.GE: "at least",
    Operator.GT: "more than",
    Operator.LE: "at most",
    Operator.LT: "less than",
}


def _bound(spec: TargetSpec) -> tuple[str, object]:
    """What a target asks for, with a bare number read through its direction."""
    if isinstance(spec, Comparison):
        operator = spec.operator
        if operator is Operator.TARGET:
            operator = {
                Direction.HIGHER_IS_BETTER: Operator.GE,
                Direction.LOWER_IS_BETTER: Operator.LE,
            }.get(spec.direction, Operator.TARGET)
        return operator.value, spec.value
    if isinstance(spec, RankGroup):
        return "rank", float(spec.size)
    if isinstance(spec, Range):
        return "range", (spec.low, spec.high)
    if isinstance(spec, Approximate):
        return "approx", spec.value
    assert isinstance(spec, Qualitative)
    return "words", fold(spec.text)


def _describe(spec: TargetSpec) -> str:
    kind, value = _bound(spec)
    if kind == "rank":
        return f"a rank within the top {value:g}"
    if kind == "range":
        assert isinstance(spec, Range)
        return f"from {spec.low:g} to {spec.high:g}"
    if kind == "approx":
        return f"about {value:g}"
    if kind == "words":
        return "a target in words, with no number"
    if kind == Operator.TARGET.value:
        return f"{value:g}"
    return f"{_WORDS[Operator(kind)]} {value:g}"


def _same(left: tuple[str, object], right: tuple[str, object]) -> bool:
    if left[0] != right[0]:
        return False
    a, b = left[1], right[1]
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(math.isclose(x, y, rel_tol=1e-9) for x, y in zip(a, b, strict=True))
    return a == b


def _claim_spec(claim: Claim, indicator: Indicator | None) -> TargetSpec | None:
    direction = indicator.direction if indicator is not None else Direction.HIGHER_IS_BETTER
    unit = indicator.unit if indicator is not None else None
    try:
        return parse_target(
            claim.text,
            direction=direction,
            unit=unit if unit is not None and unit.is_rank else None,
        )
    except (Kh922Error, ValueError):
        return None


def _indicator(plan: Plan, indicator_id: str | None) -> Indicator | None:
    return next((i for i in plan.indicators if i.id == indicator_id), None)


def _claim_targets(plan: Plan, found: _Claim) -> list[Target]:
    return [
        t
        for t in plan.targets
        if t.indicator == found.claim.indicator
        and (found.horizon is None or t.horizon == found.horizon)
    ]


def _narrative_differs(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    for found in _claims(plan):
        claim = found.claim
        indicator = _indicator(plan, claim.indicator)
        if indicator is None:
            continue
        spec = _claim_spec(claim, indicator)
        if spec is None:
            continue
        for target in _claim_targets(plan, found):
            if _same(_bound(spec), _bound(target.spec)):
                continue
            yield Finding(
                "KH001",
                Severity.WARNING,
                found.location,
                found.source,
                f"the narrative says {claim.text!r} ({_describe(spec)}) in "
                f"“{claim.quote}”, but {_target_source(target)} says {target.text!r} "
                f"({_describe(target.spec)}) for {indicator.id!r} in {target.horizon}",
            )


def _unit_key(text: str) -> str:
    return normalize_unit_text(text)


def _narrative_unit_differs(context: _Context) -> Iterator[Finding]:
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
                f"{_target_source(target)} writes the unit {unit.text!r}{read_as}",
            )


def _target_indicator_unit(plan: Plan, target: Target) -> Unit | None:
    indicator = _indicator(plan, target.indicator)
    return indicator.unit if indicator is not None else None


def _missing_from_appendix(context: _Context) -> Iterator[Finding]:
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


def _claim_horizon(context: _Context) -> Iterator[Finding]:
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


# ---------------------------------------------------------------------------------------------
# The appendix itself
# ---------------------------------------------------------------------------------------------


def _unit_variant(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    for target in plan.targets:
        unit = target.unit
        if unit is not None and unit.variant_of is not None:
            indicator = _indicator(plan, target.indicator)
            elsewhere = (
                f"; the indicator {indicator.id!r} is in {indicator.unit.text!r}"
                if indicator is not None and indicator.unit is not None
                else ""
            )
            yield Finding(
                "KH005",
                Severity.WARNING,
                f"targets[{target.id}]",
                _target_source(target),
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


def _row_name_differs(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    for target in plan.targets:
        indicator = _indicator(plan, target.indicator)
        if target.name is None or indicator is None or fold(target.name) == fold(indicator.name):
            continue
        yield Finding(
            "KH006",
            Severity.INFO,
            f"targets[{target.id}]",
            _target_source(target),
            f"the row names the indicator {target.name!r}; elsewhere it is {indicator.name!r}"
            f" ({_word_changes(indicator.name, target.name)})",
        )


def _row_without_parent(context: _Context) -> Iterator[Finding]:
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
                _target_source(target),
                (
                    f"rows {children[0]}–{children[-1]} are"
                    if len(children) > 1
                    else f"row {children[0]} is"
                )
                + f" numbered under a row {parent} that the table does not print "
                f"(horizon {target.horizon})",
            )


# ---------------------------------------------------------------------------------------------
# Agencies
# ---------------------------------------------------------------------------------------------


def _cells(plan: Plan) -> Iterator[tuple[str, str, str, str | None, tuple[str, ...]]]:
    for target in plan.targets:
        yield (
            f"targets[{target.id}]",
            _target_source(target),
            "lead_agencies",
            target.lead_agencies_text,
            target.lead_agencies,
        )
    for task in plan.tasks:
        yield (
            f"tasks[{task.id}]",
            _task_source(task),
            "lead_agencies",
            task.lead_agencies_text,
            task.lead_agencies,
        )
        yield (
            f"tasks[{task.id}]",
            _task_source(task),
            "cooperating_agencies",
            task.cooperating_agencies_text,
            task.cooperating_agencies,
        )


_ROLE = {"lead_agencies": "lead", "cooperating_agencies": "cooperating"}


def _agency_cells(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    if not plan.agencies:
        return
    registry = plan.registry
    for location, source, role, text, ids in _cells(plan):
        if text is None:
            continue
        reading = registry.read_cell(text)
        cell = f"the {_ROLE[role]} cell {text!r}"
        if reading.unknown:
            pieces = ", ".join(repr(p) for p in reading.unknown)
            yield Finding(
                "KH008",
                Severity.WARNING,
                location,
                source,
                f"{cell} names {pieces}, which the agency registry does not know "
                "(add the spelling as an alias, or correct the cell)",
            )
        elif set(reading.ids) != set(ids):
            yield Finding(
                "KH008",
                Severity.WARNING,
                location,
                source,
                f"{cell} reads as {list(reading.ids)}, but {role} lists {list(ids)}",
            )
        for left, right in reading.unseparated:
            yield Finding(
                "KH009",
                Severity.INFO,
                location,
                source,
                f"{cell} has no comma between {registry.get(left).name!r} and "
                f"{registry.get(right).name!r}",
            )
        if reading.trailing is not None:
            yield Finding(
                "KH009",
                Severity.INFO,
                location,
                source,
                f"{cell} ends with {reading.trailing!r}: an agency may be missing after it",
            )


def _collective_lead(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    if not plan.agencies:
        return
    registry = plan.registry
    items: list[tuple[str, str, tuple[str, ...]]] = [
        (f"targets[{t.id}]", _target_source(t), t.lead_agencies) for t in plan.targets
    ]
    items += [(f"tasks[{t.id}]", _task_source(t), t.lead_agencies) for t in plan.tasks]
    for location, source, leads in items:
        agencies = [registry.get(a) for a in leads if a in registry]
        if agencies and all(a.level == "collective" for a in agencies):
            names = ", ".join(repr(a.name) for a in agencies)
            yield Finding(
                "KH010",
                Severity.INFO,
                location,
                source,
                f"led only by a group ({names}): no single body is accountable for it",
            )


def _lead_cooperates(context: _Context) -> Iterator[Finding]:
    for task in context.plan.tasks:
        both = [a for a in task.lead_agencies if a in task.cooperating_agencies]
        if both:
            yield Finding(
                "KH011",
                Severity.WARNING,
                f"tasks[{task.id}]",
                _task_source(task),
                f"{', '.join(repr(a) for a in both)} both leads and cooperates on this task",
            )


def _agency_not_yet(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    if not plan.agencies:
        return
    registry = plan.registry
    for location, source, role, _text, ids in _cells(plan):
        for agency_id in ids:
            agency = registry.get(agency_id) if agency_id in registry else None
            if agency is not None and agency.since is not None and plan.date < agency.since:
                yield Finding(
                    "KH012",
                    Severity.WARNING,
                    location,
                    source,
                    f"{_ROLE[role]} agency {agency.name!r} exists only from "
                    f"{agency.since.isoformat()}, after the plan's date {plan.date.isoformat()}",
                )


def _agency_gone(context: _Context) -> Iterator[Finding]:
    plan, as_of = context.plan, context.as_of
    if not plan.agencies or as_of is None:
        return
    registry = plan.registry
    duties: list[tuple[str, str, tuple[str, ...], str]] = [
        (f"targets[{t.id}]", _target_source(t), t.lead_agencies, "leads") for t in plan.targets
    ]
    for task in plan.tasks:
        duties.append((f"tasks[{task.id}]", _task_source(task), task.lead_agencies, "leads"))
        duties.append(
            (f"tasks[{task.id}]", _task_source(task), task.cooperating_agencies, "cooperates on")
        )
    duties.append(("issuer", "the plan's issuer", (plan.issuer,), "issued"))
    if plan.reporting is not None:
        duties.append(("reporting.recipient", "reporting", (plan.reporting.recipient,), "receives"))
        if plan.reporting.via is not None:
            duties.append(("reporting.via", "reporting", (plan.reporting.via,), "collects"))
    day = as_of.isoformat()
    for location, source, agencies, verb in duties:
        for agency_id in agencies:
            if agency_id not in registry or registry.exists_on(agency_id, as_of):
                continue
            agency = registry.get(agency_id)
            if agency.since is not None and as_of < agency.since:
                continue  # not yet created: reported by KH012 where it matters
            holders = [c for c in registry.responsible([agency_id], as_of) if c.exists]
            gone = f"{agency.name!r}, which {verb} it, no longer exists on {day}"
            if holders:
                steps = [
                    registry.get(s.agency).name + (f" ({s.note})" if s.note else "")
                    for s in registry.successors_on(agency_id, as_of)
                ]
                direct = {s.agency for s in registry.successors_on(agency_id, as_of)}
                now = [c.name for c in holders if c.agency not in direct]
                message = f"{gone}; it passes to " + "; ".join(steps)
                if now:
                    message += "; now carried by " + "; ".join(now)
                yield Finding("KH013", Severity.INFO, location, source, message)
            else:
                yield Finding(
                    "KH013",
                    Severity.ERROR,
                    location,
                    source,
                    f"{gone}, and no successor is recorded: nobody carries it",
                )


# ---------------------------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------------------------


def _deadline_before_plan(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    for task in plan.tasks:
        due = task.deadline.due
        if due is not None and due < plan.date:
            yield Finding(
                "KH014",
                Severity.WARNING,
                f"tasks[{task.id}]",
                _task_source(task),
                f"the deadline {task.deadline.text!r} ({due.isoformat()}) is before the plan's "
                f"own date ({plan.date.isoformat()})",
            )


def _deadline_passed(context: _Context) -> Iterator[Finding]:
    as_of = context.as_of
    if as_of is None:
        return
    for task in context.plan.tasks:
        due = task.deadline.due
        if due is not None and due < as_of:
            yield Finding(
                "KH015",
                Severity.INFO,
                f"tasks[{task.id}]",
                _task_source(task),
                f"the deadline {task.deadline.text!r} fell on {due.isoformat()}, "
                f"before {as_of.isoformat()}",
            )


# ---------------------------------------------------------------------------------------------
# Sections II-III against Phụ lục II, and the text itself
# ---------------------------------------------------------------------------------------------


_TOKEN = re.compile(r"[\w-]+|[^\w\s]")


def _word_changes(before: str, after: str) -> str:
    """Describe how ``after`` differs from ``before`` word by word."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)

    def words(tokens: list[str]) -> str:
        return re.sub(r" (?=[^\w\s])|(?<=[(]) ", "", " ".join(tokens))

    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "delete":
            changes.append(f"drops {words(old[i1:i2])!r}")
        elif tag == "insert":
            changes.append(f"adds {words(new[j1:j2])!r}")
        elif tag == "replace":
            changes.append(f"writes {words(new[j1:j2])!r} for {words(old[i1:i2])!r}")
    return ", ".join(changes) or "spacing only"


def _group_titles(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    solution_groups = {g.id: g for g in plan.solution_groups}
    for group in plan.task_groups:
        solution = solution_groups.get(group.solution_group or "")
        if solution is None or fold(solution.title) == fold(group.title):
            continue
        yield Finding(
            "KH016",
            Severity.INFO,
            f"task_groups[{group.id}]",
            f"Phụ lục II, nhóm {group.id}",
            f"the title differs from Mục {solution.id}: Phụ lục II "
            + _word_changes(solution.title, group.title),
        )


def _items_without_task(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    if not plan.tasks:
        return
    covered = {s for task in plan.tasks for s in task.solutions}
    for group in plan.solution_groups:
        for item in group.items:
            key = f"{group.id}.{item.letter}"
            if key not in covered:
                first = item.text.split(";")[0].split(". ")[0]
                yield Finding(
                    "KH017",
                    Severity.INFO,
                    f"solution_groups[{group.id}].items[{item.letter}]",
                    f"Mục {key}",
                    f"no task of Phụ lục II carries out this item (“{first}”)",
                )


_DOCUMENT_NUMBER = re.compile(
    r"(?<![\w/-])\d{1,5}(?:/\d{4})?[-/][A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ]*)*"
)


def _number_key(number: str) -> str:
    return re.sub(r"[-/]", "", number).upper()


def _texts(plan: Plan) -> Iterator[tuple[str, str, str]]:
    for index, text in enumerate(plan.purpose):
        yield f"purpose[{index}]", "Mục I.1", text
    for index, text in enumerate(plan.requirements):
        yield f"requirements[{index}]", "Mục I.2", text
    for objective in plan.objectives:
        yield f"objectives[{objective.id}]", f"Mục {objective.source}", objective.text
    for group in plan.solution_groups:
        for item in group.items:
            yield (
                f"solution_groups[{group.id}].items[{item.letter}]",
                f"Mục {group.id}.{item.letter}",
                item.text,
            )
    for task in plan.tasks:
        yield f"tasks[{task.id}]", _task_source(task), task.name
    if plan.reporting is not None:
        yield "reporting", "Mục IV.1", plan.reporting.text
    for index, text in enumerate(plan.implementation):
        yield f"implementation[{index}]", "Mục IV", text


def _document_numbers(context: _Context) -> Iterator[Finding]:
    plan = context.plan
    numbers = [b.number for b in plan.legal_bases if b.number] + [plan.number]
    by_key = {_number_key(n): n for n in numbers}
    for location, source, text in _texts(plan):
        for cited in dict.fromkeys(_DOCUMENT_NUMBER.findall(text)):
            proper = by_key.get(_number_key(cited))
            if proper is not None and proper != cited:
                yield Finding(
                    "KH018",
                    Severity.INFO,
                    location,
                    source,
                    f"the document number is written {cited!r}; the plan cites it elsewhere "
                    f"as {proper!r}",
                )


_SENTENCE = re.compile(r"(?<=[.;])\s+")


def _repeated_sentences(context: _Context) -> Iterator[Finding]:
    for location, source, text in _texts(context.plan):
        sentences = [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) >= 40]
        for first in range(len(sentences)):
            for second in range(first + 1, len(sentences)):
                ratio = difflib.SequenceMatcher(
                    None, fold(sentences[first]), fold(sentences[second])
                ).ratio()
                if ratio >= 0.8:
                    yield Finding(
                        "KH019",
                        Severity.INFO,
                        location,
                        source,
                        f"the sentence “{sentences[second]}” repeats “{sentences[first]}”"
                        + ("" if ratio == 1 else " almost word for word"),
                    )


AUDIT_RULES: tuple[AuditRule, ...] = (
    AuditRule(
        "KH001",
        "narrative-target-differs",
        "A target in sections II-III asks for something else than its row of Phụ lục I "
        "(another operator, number or kind).",
        False,
        _narrative_differs,
    ),
    AuditRule(
        "KH002",
        "narrative-unit-differs",
        "A target in sections II-III is in another unit text than its row of Phụ lục I.",
        False,
        _narrative_unit_differs,
    ),
    AuditRule(
        "KH003",
        "missing-from-appendix",
        "A target in sections II-III has no row in Phụ lục I (for its indicator or horizon).",
        False,
        _missing_from_appendix,
    ),
    AuditRule(
        "KH004",
        "claim-horizon-differs",
        "A narrative target is dated another year than its paragraph.",
        False,
        _claim_horizon,
    ),
    AuditRule(
        "KH005",
        "unit-variant",
        "A unit is written in a variant form that is read as another unit ('%GDP' as '% GRDP').",
        False,
        _unit_variant,
    ),
    AuditRule(
        "KH006",
        "row-name-differs",
        "A row of Phụ lục I names its indicator differently from the indicator's name.",
        False,
        _row_name_differs,
    ),
    AuditRule(
        "KH007",
        "row-without-parent",
        "Rows numbered 'N.1', 'N.2' … under a row N that the table does not print.",
        False,
        _row_without_parent,
    ),
    AuditRule(
        "KH008",
        "agency-cell-mismatch",
        "An agency cell names an agency the registry does not know, or other agencies than the "
        "ids listed for it.",
        False,
        _agency_cells,
    ),
    AuditRule(
        "KH009",
        "agency-cell-punctuation",
        "An agency cell lacks a comma between two agencies or ends with a separator.",
        False,
        _agency_cells,
    ),
    AuditRule(
        "KH010",
        "collective-lead",
        "A target or task is led only by a group ('Các sở, ban, ngành, địa phương').",
        False,
        _collective_lead,
    ),
    AuditRule(
        "KH011",
        "lead-also-cooperates",
        "The same agency both leads and cooperates on a task.",
        False,
        _lead_cooperates,
    ),
    AuditRule(
        "KH012",
        "agency-not-yet-created",
        "An agency named by the plan was created only after the plan's date.",
        False,
        _agency_not_yet,
    ),
    AuditRule(
        "KH013",
        "agency-no-longer-exists",
        "On the audit date an agency that leads, cooperates, issued or receives reports no "
        "longer exists (info when a successor carries on, error when nobody does).",
        True,
        _agency_gone,
    ),
    AuditRule(
        "KH014",
        "deadline-before-plan",
        "A task falls due before the plan's own date.",
        False,
        _deadline_before_plan,
    ),
    AuditRule(
        "KH015",
        "deadline-passed",
        "A task's deadline is before the audit date.",
        True,
        _deadline_passed,
    ),
    AuditRule(
        "KH016",
        "group-title-differs",
        "A group of Phụ lục II is titled differently from its group of section III.",
        False,
        _group_titles,
    ),
    AuditRule(
        "KH017",
        "item-without-task",
        "An item of section III that no task of Phụ lục II carries out.",
        False,
        _items_without_task,
    ),
    AuditRule(
        "KH018",
        "document-number-variant",
        "A document number written differently from the way the plan cites it elsewhere.",
        False,
        _document_numbers,
    ),
    AuditRule(
        "KH019",
        "repeated-sentence",
        "A sentence repeated (almost) word for word within one paragraph.",
        False,
        _repeated_sentences,
    ),
)


def audit(
    plan: Plan, as_of: date | None = None, *, codes: Iterable[str] | None = None
) -> list[Finding]:
    """Audit a plan: what a careful reader notices.

    Args:
        plan: The plan.
        as_of: The day to judge agencies and deadlines on; ``None`` skips the rules that need a
            date (KH013 agencies that no longer exist, KH015 deadlines passed).
        codes: Run only these rules (``["KH001", "KH003"]``); default all.

    Returns:
        The findings, rule by rule (in code order), each in plan order.

    Examples:
        >>> from kh922core._plans.loader import load_plan
        >>> findings = audit(load_plan(), codes=["KH001"])
        >>> [(f.code, f.location, f.source) for f in findings][0]
        ('KH001', 'objectives[specific-2030-2].claims[3]', 'Mục II.2.a')
        >>> print(findings[0].message)  # doctest: +ELLIPSIS
        the narrative says 'trên 80%' (more than 80) in “...”, but Phụ lục I, mục I, dòng 5.1 says '≥ 80' (at least 80) ...
    """  # noqa: E501
    wanted = set(codes) if codes is not None else None
    context = _Context(plan, as_of)
    findings: list[Finding] = []
    done: set[Callable[[_Context], Iterable[Finding]]] = set()
    for rule in AUDIT_RULES:
        if wanted is not None and rule.code not in wanted:
            continue
        if rule.needs_date and as_of is None:
            continue
        if rule.check in done:  # one function serves two codes
            continue
        done.add(rule.check)
        for finding in rule.check(context):
            if wanted is None or finding.code in wanted:
                findings.append(finding)
    order = {rule.code: index for index, rule in enumerate(AUDIT_RULES)}
    return sorted(findings, key=lambda f: order[f.code])


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among ``findings`` (``None`` when there are none)."""
    ranked = sorted((f.severity for f in findings), key=lambda s: s.rank)
    return ranked[-1] if ranked else None
