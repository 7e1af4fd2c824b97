"""The audit: narrative against appendix, units, agency cells, agencies and deadlines on a date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kh922core import AUDIT_RULES, Finding, Plan, Severity, audit, load_plan
from kh922core.errors import DateFormatError, UnknownIdError

if TYPE_CHECKING:
    from tests.conftest import PlanFiles

#: The ``audit_file`` fixture: write a plan text (and agency text), load it, audit it.
AuditFile = Callable[..., list[Finding]]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def by_code(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_rules_are_listed_once_in_code_order() -> None:
    codes = [rule.code for rule in AUDIT_RULES]
    assert codes == sorted(set(codes))
    assert all(rule.description and rule.name for rule in AUDIT_RULES)


def test_online_services_more_than_80_against_at_least_80(plan: Plan) -> None:
    (finding, toan_tinh) = audit(plan, codes=["KH001"])
    assert finding.severity is Severity.WARNING
    assert finding.location == "objectives[specific-2030-2].claims[3]"
    assert finding.source == "Mục II.2.a"
    assert "'trên 80%' (more than 80)" in finding.message
    assert "Phụ lục I, mục I, dòng 5.1 says '≥ 80' (at least 80)" in finding.message
    assert toan_tinh.location == "objectives[specific-2030-4].claims[0]"
    assert "'toàn tỉnh' (a target in words, with no number)" in toan_tinh.message
    assert "dòng 15.2 says '99' (at least 99)" in toan_tinh.message


def test_digital_economy_2045_unit_gdp_against_grdp(plan: Plan) -> None:
    (narrative,) = audit(plan, codes=["KH002"])
    assert narrative.location == "objectives[specific-2045-1].claims[0]"
    assert narrative.source == "Mục II.2.b"
    assert narrative.message == (
        "the narrative gives '35% GRDP' in '% GRDP', but Phụ lục I, mục II, dòng 1 writes "
        "the unit '%GDP' (read as '% GRDP')"
    )
    (variant,) = audit(plan, codes=["KH005"])
    assert variant.location == "targets[2045-1]"
    assert "written '%GDP', read as '% GRDP'" in variant.message


def test_narrative_targets_missing_from_the_appendix(plan: Plan) -> None:
    missing = audit(plan, codes=["KH003"])
    quoted = {f.location: f.message for f in missing}
    assert set(quoted) == {
        "objectives[specific-2030-2].claims[1]",  # high-tech exports 50%
        "objectives[specific-2045-1].claims[2]",  # DTI in the top 30 by 2045
        "objectives[specific-2045-1].claims[3]",  # 05 digital-technology enterprises
        "solution_groups[III.1].items[e].claims[0]",  # 25% of leaders with technical background
        "solution_groups[III.3].items[e].claims[0]",  # a digital twin for at least 01 city
        "solution_groups[III.6].items[g].claims[0]",  # at least 03 high-tech zones
    }
    assert (
        "Tỷ trọng xuất khẩu sản phẩm công nghệ cao"
        in quoted["objectives[specific-2030-2].claims[1]"]
    )
    assert "'05' by 2045" in quoted["objectives[specific-2045-1].claims[3]"]
    assert "no row for 'dti-rank' in 2045" in quoted["objectives[specific-2045-1].claims[2]"]
    assert "'25%'" in quoted["solution_groups[III.1].items[e].claims[0]"]
    assert all(f.severity is Severity.WARNING for f in missing)


def test_matching_narrative_targets_are_quiet(plan: Plan) -> None:
    flagged = {f.location for f in audit(plan, codes=["KH001", "KH002", "KH003"])}
    for quiet in (
        "objectives[specific-2030-1].claims[0]",  # nhóm 30 = Xếp hạng ở nhóm 30 tỉnh, thành
        "objectives[specific-2030-2].claims[0]",  # 55% = ≥ 55
        "objectives[specific-2030-2].claims[6]",  # trên 0,7 = > 0,7
        "objectives[specific-2030-3].claims[0]",  # tối thiểu 2% = 2 (% tổng chi NSNN)
        "objectives[specific-2045-1].claims[1]",  # nhóm 30 = ≤ 30 (Thứ bậc)
        "solution_groups[III.2].items[d].claims[0]",  # no year: compared with 2030-11
    ):
        assert quiet not in flagged


def test_appendix_and_document_findings(plan: Plan) -> None:
    findings = audit(plan)
    assert [f.location for f in by_code(findings, "KH006")] == ["targets[2045-2]"]
    assert "drops '(PII)'" in by_code(findings, "KH006")[0].message
    assert [f.message for f in by_code(findings, "KH007")] == [
        "rows 5.1–5.12 are numbered under a row 5 that has no target of its own (horizon 2030)"
    ]
    assert by_code(findings, "KH008") == []
    punctuation = {(f.location, f.message.split(": ")[-1]) for f in by_code(findings, "KH009")}
    assert ("targets[2030-9]", "an agency may be missing after it") in punctuation
    assert {f.location for f in by_code(findings, "KH009")} == {
        "targets[2030-9]",
        "tasks[task-17]",
        "tasks[task-35]",
    }
    assert {f.location for f in by_code(findings, "KH010")} == {
        f"tasks[task-{n:02d}]" for n in (6, 7, 18, 19, 20, 21, 39)
    }
    assert {"KH008", "KH011", "KH012", "KH014"}.isdisjoint(f.code for f in findings)
    groups = {f.location: f.message for f in by_code(findings, "KH016")}
    assert groups["task_groups[III]"].endswith("Phụ lục II drops 'từng bước', adds 'quốc gia'")
    assert "adds 'quốc gia'" in groups["task_groups[V]"]
    assert len(by_code(findings, "KH017")) == 21
    (number,) = by_code(findings, "KH018")
    assert number.location == "tasks[task-01]"
    assert "'57/NQ-TW'" in number.message
    (repeat,) = by_code(findings, "KH019")
    assert repeat.source == "Mục III.2.d"


def test_date_rules_need_a_date(plan: Plan) -> None:
    undated = audit(plan)
    assert {"KH013", "KH015"}.isdisjoint(f.code for f in undated)


def test_agencies_that_no_longer_exist(plan: Plan) -> None:
    assert by_code(audit(plan, date(2025, 2, 28)), "KH013") == []
    march = by_code(audit(plan, date(2025, 3, 1)), "KH013")
    assert {f.severity for f in march} == {Severity.INFO}
    first = next(f for f in march if f.location == "targets[2030-2]")
    assert first.message == (
        "'Sở Thông tin và Truyền thông', which leads it, no longer exists on 2025-03-01; it "
        "passes to Sở Khoa học và Công nghệ (merged into Sở Khoa học và Công nghệ); Sở Văn "
        "hóa, Thể thao và Du lịch (press and publishing only (báo chí, xuất bản))"
    )
    assert not any(f.location == "issuer" for f in march)
    july = by_code(audit(plan, date(2025, 7, 1)), "KH013")
    assert any(f.location == "issuer" and "Vĩnh Long" in f.message for f in july)
    assert any(f.location == "targets[2030-16]" and "cấp xã" in f.message for f in july)


def test_deadlines_already_past(plan: Plan) -> None:
    assert by_code(audit(plan, date(2025, 6, 30)), "KH015") == []
    passed = by_code(audit(plan, date(2026, 1, 1)), "KH015")
    assert [f.location for f in passed] == [
        "tasks[task-07]", "tasks[task-12]", "tasks[task-16]", "tasks[task-22]",
        "tasks[task-27]", "tasks[task-30]", "tasks[task-36]", "tasks[task-38]",
    ]  # fmt: skip
    assert passed[0].message == "the deadline 'Quý II/2025' fell on 2025-06-30, before 2026-01-01"


def test_codes_filter(plan: Plan) -> None:
    assert {f.code for f in audit(plan, date(2026, 1, 1), codes=["KH009", "KH015"])} == {
        "KH009",
        "KH015",
    }


@pytest.fixture
def audit_file(tmp_path: Path, plan_files: PlanFiles) -> AuditFile:
    """Write a plan (and its agency file), load it and audit it (``audit``'s keywords)."""

    def run(text: str, agencies: str | None = None, **kwargs: Any) -> list[Finding]:
        return audit(load_plan(plan_files.write(tmp_path, text, agencies)), **kwargs)

    return run


def test_the_template_plan_has_one_note(audit_file: AuditFile, plan_files: PlanFiles) -> None:
    (note,) = audit_file(plan_files.minimal, as_of=date(2025, 4, 1))
    assert note.code == "KH007"
    assert note.message == (
        "row 5.10 is numbered under a row 5 that has no target of its own (horizon 2030)"
    )


def test_nobody_carries_a_task_of_an_abolished_agency(
    audit_file: AuditFile, plan_files: PlanFiles
) -> None:
    agencies = plan_files.agencies + '    until: "2025-05-01"\n'
    findings = audit_file(plan_files.minimal, agencies, as_of=date(2025, 6, 1))
    (gone,) = by_code(findings, "KH013")
    assert gone.severity is Severity.ERROR
    assert gone.location == "targets[2030-5.10]"
    assert gone.message == (
        "'Sở Tài chính', which leads it, no longer exists on 2025-06-01, and no successor is "
        "recorded: nobody carries it"
    )


def test_agency_created_after_the_plan(audit_file: AuditFile, plan_files: PlanFiles) -> None:
    agencies = plan_files.agencies + '    since: "2025-04-01"\n'
    (finding,) = by_code(audit_file(plan_files.minimal, agencies), "KH012")
    assert finding.message == (
        "lead agency 'Sở Tài chính' exists only from 2025-04-01, after the plan's date 2025-03-01"
    )


def test_deadline_before_the_plan(audit_file: AuditFile, plan_files: PlanFiles) -> None:
    text = plan_files.broken(plan_files.minimal, 'deadline: "Quý II/2025"', 'deadline: "12/2024"')
    (finding,) = by_code(audit_file(text), "KH014")
    assert finding.location == "tasks[task-01]"
    assert "before the plan's own date (2025-03-01)" in finding.message


def test_lead_that_also_cooperates_and_cells_that_do_not_match(
    audit_file: AuditFile, plan_files: PlanFiles
) -> None:
    text = plan_files.broken(
        plan_files.minimal,
        '    lead_agencies: ["so-khcn"]\n    deadline',
        '    lead_agencies: ["so-khcn"]\n    lead_agencies_text: "Sở Tài chính"\n'
        '    cooperating_agencies: ["so-khcn"]\n    cooperating_agencies_text: "Sở KH&CN, Sở Mới"\n'
        "    deadline",
    )
    findings = audit_file(text)
    (both,) = by_code(findings, "KH011")
    assert both.message == "'so-khcn' both leads and cooperates on this task"
    cells = [f.message for f in by_code(findings, "KH008")]
    assert cells == [
        "the lead cell 'Sở Tài chính' reads as ['so-tai-chinh'], "
        "but lead_agencies lists ['so-khcn']",
        "the cooperating cell 'Sở KH&CN, Sở Mới' names 'Sở Mới', which the agency registry does "
        "not know (add the spelling as an alias, or correct the cell)",
    ]


def test_claims_against_another_plan(audit_file: AuditFile, plan_files: PlanFiles) -> None:
    text = plan_files.broken(
        plan_files.minimal,
        "    claims: []\nindicators",
        '    claims:\n      - {text: "25% GRDP", quote: "Kinh tế số chiếm 25% GRDP", '
        'indicator: "digital-economy-share", unit: "% GRDP", horizon: 2045}\nindicators',
    )
    findings = audit_file(text, codes=["KH001", "KH003", "KH004"])
    assert [f.code for f in findings] == ["KH003", "KH004"]
    assert findings[0].message.endswith("no row for 'digital-economy-share' in 2045")
    assert (
        findings[1].message
        == "the claim '25% GRDP' is dated 2045, but its paragraph speaks of 2030"
    )
    text = text.replace("horizon: 2045}", "horizon: 2030}")
    (differs,) = audit_file(text, codes=["KH001", "KH003", "KH004"])
    assert differs.code == "KH001"
    assert "'25% GRDP' (at least 25)" in differs.message
    assert "'≥ 30' (at least 30)" in differs.message


def test_finding_text() -> None:
    finding = Finding("KH999", Severity.WARNING, "targets[2030-1]", "Phụ lục I", "something")
    assert str(finding) == "warning KH999 targets[2030-1] (Phụ lục I): something"


# --- one way in for dates; codes ---------------------------------------------------------------


def test_audit_takes_the_day_as_text_or_datetime(kh922_plan: Plan) -> None:
    on_date = audit(kh922_plan, date(2026, 11, 28), codes=["KH013", "KH015"])
    assert audit(kh922_plan, "2026-11-28", codes=["KH013", "KH015"]) == on_date
    assert audit(kh922_plan, datetime(2026, 11, 28, 8, 30), codes=["KH013", "KH015"]) == on_date
    assert on_date, "the plan has findings on that day"


def test_audit_refuses_a_day_of_another_kind(kh922_plan: Plan) -> None:
    with pytest.raises(TypeError, match="as_of must be a date"):
        audit(kh922_plan, 2026)  # type: ignore[arg-type]
    with pytest.raises(DateFormatError, match="as_of must be a date written YYYY-MM-DD"):
        audit(kh922_plan, "28/11/2026")


def test_one_code_is_one_rule_and_an_unknown_code_is_named(kh922_plan: Plan) -> None:
    assert audit(kh922_plan, codes="KH001") == audit(kh922_plan, codes=["KH001"])
    with pytest.raises(UnknownIdError, match="no audit rule 'KH999'"):
        audit(kh922_plan, codes=["KH001", "KH999"])
    with pytest.raises(KeyError, match="did you mean 'KH001'"):
        audit(kh922_plan, codes=["kh001"])
