"""The audit's rules, in code order (:data:`AUDIT_RULES`), and :func:`audit`, which runs them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kh922core._dates import DateLike, optional_date
from kh922core._plans.audit.agency_rules import (
    agency_cells,
    agency_gone,
    agency_not_yet,
    collective_lead,
    lead_cooperates,
)
from kh922core._plans.audit.change_rules import fall_past_zero
from kh922core._plans.audit.claim_rules import (
    claim_horizon,
    missing_from_appendix,
    narrative_differs,
    narrative_unit_differs,
)
from kh922core._plans.audit.deadline_rules import deadline_before_plan, deadline_passed
from kh922core._plans.audit.findings import (
    AuditContext,
    AuditRule,
    Finding,
)
from kh922core._plans.audit.row_rules import (
    digits_in_words,
    row_name_differs,
    row_without_parent,
    unit_variant,
)
from kh922core._plans.audit.text_rules import (
    document_numbers,
    group_titles,
    items_without_task,
    repeated_sentences,
)
from kh922core._plans.model import Plan
from kh922core._text import did_you_mean
from kh922core.errors import UnknownIdError

__all__ = ["AUDIT_RULES", "audit"]


AUDIT_RULES: tuple[AuditRule, ...] = (
    AuditRule(
        "KH001",
        "narrative-target-differs",
        "A target in sections II-III asks for something else than its row of Phụ lục I "
        "(another operator, number or kind).",
        False,
        narrative_differs,
    ),
    AuditRule(
        "KH002",
        "narrative-unit-differs",
        "A target in sections II-III is in another unit text than its row of Phụ lục I.",
        False,
        narrative_unit_differs,
    ),
    AuditRule(
        "KH003",
        "missing-from-appendix",
        "A target in sections II-III has no row in Phụ lục I (for its indicator or horizon).",
        False,
        missing_from_appendix,
    ),
    AuditRule(
        "KH004",
        "claim-horizon-differs",
        "A narrative target is dated another year than its paragraph.",
        False,
        claim_horizon,
    ),
    AuditRule(
        "KH005",
        "unit-variant",
        "A unit is written in a variant form that is read as another unit ('%GDP' as '% GRDP').",
        False,
        unit_variant,
    ),
    AuditRule(
        "KH006",
        "row-name-differs",
        "A row of Phụ lục I names its indicator differently from the indicator's name.",
        False,
        row_name_differs,
    ),
    AuditRule(
        "KH007",
        "row-without-parent",
        "Rows numbered 'N.1', 'N.2' … under a row N that has no target of its own.",
        False,
        row_without_parent,
    ),
    AuditRule(
        "KH008",
        "agency-cell-mismatch",
        "An agency cell names an agency the registry does not know, or other agencies than the "
        "ids listed for it.",
        False,
        agency_cells,
    ),
    AuditRule(
        "KH009",
        "agency-cell-punctuation",
        "An agency cell lacks a comma between two agencies or ends with a separator.",
        False,
        agency_cells,
    ),
    AuditRule(
        "KH010",
        "collective-lead",
        "A target or task is led only by a group ('Các sở, ban, ngành, địa phương').",
        False,
        collective_lead,
    ),
    AuditRule(
        "KH011",
        "lead-also-cooperates",
        "The same agency both leads and cooperates on a task.",
        False,
        lead_cooperates,
    ),
    AuditRule(
        "KH012",
        "agency-not-yet-created",
        "An agency named by the plan was created only after the plan's date.",
        False,
        agency_not_yet,
    ),
    AuditRule(
        "KH013",
        "agency-no-longer-exists",
        "On the audit date an agency that leads, cooperates, issued or receives reports no "
        "longer exists (info when a successor carries on, error when nobody does).",
        True,
        agency_gone,
    ),
    AuditRule(
        "KH014",
        "deadline-before-plan",
        "A task falls due before the plan's own date.",
        False,
        deadline_before_plan,
    ),
    AuditRule(
        "KH015",
        "deadline-passed",
        "A task's deadline is before the audit date.",
        True,
        deadline_passed,
    ),
    AuditRule(
        "KH016",
        "group-title-differs",
        "A group of Phụ lục II is titled differently from its group of section III.",
        False,
        group_titles,
    ),
    AuditRule(
        "KH017",
        "item-without-task",
        "An item of section III that no task of Phụ lục II carries out.",
        False,
        items_without_task,
    ),
    AuditRule(
        "KH018",
        "document-number-variant",
        "A document number written differently from the way the plan cites it elsewhere.",
        False,
        document_numbers,
    ),
    AuditRule(
        "KH019",
        "repeated-sentence",
        "A sentence repeated (almost) word for word within one paragraph.",
        False,
        repeated_sentences,
    ),
    AuditRule(
        "KH020",
        "digits-in-words",
        "A target read as words (met only by an assessment) although its text holds digits.",
        False,
        digits_in_words,
    ),
    AuditRule(
        "KH021",
        "fall-past-zero",
        "A share asked to fall by more percentage points than its baseline holds (a fall of "
        "some per cent of the level, read as points?).",
        False,
        fall_past_zero,
    ),
)


def audit(
    plan: Plan, as_of: DateLike | None = None, *, codes: str | Iterable[str] | None = None
) -> list[Finding]:
    """Audit a plan: what a careful reader notices.

    Args:
        plan: The plan.
        as_of: The day to judge agencies and deadlines on (a date, a datetime or
            ``"YYYY-MM-DD"``); ``None`` skips the rules that need a date (KH013 agencies that no
            longer exist, KH015 deadlines passed).
        codes: Run only these rules (``["KH001", "KH003"]``; one text is one code); default all.

    Raises:
        KeyError: A code that is no rule's (a :class:`~kh922core.errors.UnknownIdError`).

    Returns:
        The findings, rule by rule (in code order), each in plan order.

    Examples:
        >>> from kh922core import load_plan
        >>> findings = audit(load_plan(), codes=["KH001"])
        >>> [(f.code, f.location, f.source) for f in findings][0]
        ('KH001', 'objectives[specific-2030-2].claims[3]', 'Mục II.2.a')
        >>> print(findings[0].message)  # doctest: +ELLIPSIS
        the narrative says 'trên 80%' (more than 80) in “...”, but Phụ lục I, mục I, dòng 5.1 says '≥ 80' (at least 80) ...
    """  # noqa: E501
    day = optional_date(as_of, "as_of")
    wanted = ({codes} if isinstance(codes, str) else set(codes)) if codes is not None else None
    unknown = sorted(wanted - {rule.code for rule in AUDIT_RULES}) if wanted else []
    if unknown:
        known = [rule.code for rule in AUDIT_RULES]
        raise UnknownIdError(
            f"no audit rule {unknown[0]!r}{did_you_mean(unknown[0], known)} (the rules are "
            f"{known[0]} to {known[-1]})"
        )
    context = AuditContext(plan, day)
    findings: list[Finding] = []
    done: set[Callable[[AuditContext], Iterable[Finding]]] = set()
    for rule in AUDIT_RULES:
        if wanted is not None and rule.code not in wanted:
            continue
        if rule.needs_date and day is None:
            continue
        if rule.check in done:  # one function serves two codes
            continue
        done.add(rule.check)
        for finding in rule.check(context):
            if wanted is None or finding.code in wanted:
                findings.append(finding)
    order = {rule.code: index for index, rule in enumerate(AUDIT_RULES)}
    return sorted(findings, key=lambda f: order[f.code])
