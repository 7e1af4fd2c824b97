"""Successions and silence: asked about an agency that others took over, say who did.

The successions come from the agency registry (``data/agencies/ben_tre.yaml``): Sở TT&TT and
Sở KH&ĐT merged into Sở KH&CN and Sở Tài chính from 01/03/2025 (Sở VHTTDL took press and
publishing from Sở TT&TT); the districts were abolished from 01/07/2025, their duties passing to
the communes and to the new tỉnh Vĩnh Long.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from kh922core import Plan, evaluate, load_plan, reporting_calendar, summarize
from kh922core._tracking import leads_on, printed_duties, takeover

#: The targets Phụ lục I prints for Sở TT&TT and for Sở KH&CN (column "Cơ quan chủ trì").
TTTT_TARGETS = [
    "2030-2",
    "2030-4",
    "2030-5.1",
    "2030-15",
    "2030-15.1",
    "2030-15.2",
    "2030-17",
    "2030-19",
    "2030-21",
    "2045-1",
    "2045-3",
]
KHCN_TARGETS = [
    "2030-1",
    "2030-3",
    "2030-7",
    "2030-8",
    "2030-9",
    "2030-10",
    "2030-11",
    "2030-13",
    "2030-14",
    "2045-2",
]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def test_the_duties_printed_for_an_agency(plan: Plan) -> None:
    assert printed_duties(plan, "so-tttt")[0] == TTTT_TARGETS
    assert printed_duties(plan, "so-khcn")[0] == KHCN_TARGETS
    assert printed_duties(plan, "so-khdt") == ([], ["task-17", "task-43", "task-44"])
    assert printed_duties(plan, "ubnd-tinh-vinh-long") == ([], [])


def test_a_merger_is_a_takeover_from_its_day(plan: Plan) -> None:
    assert takeover(plan, "so-khdt", "2025-02-28") is None
    moved = takeover(plan, "so-khdt", "2025-03-01")
    assert moved is not None
    assert (moved.agency, moved.ended, moved.carriers, moved.partial) == (
        "so-khdt",
        date(2025, 3, 1),
        ("so-tai-chinh",),
        (),
    )


def test_a_partial_successor_is_named_beside_the_main_one(plan: Plan) -> None:
    moved = takeover(plan, "so-tttt", date(2026, 11, 28))
    assert moved is not None
    assert moved.carriers == ("so-khcn",)
    assert [(a, d) for a, d, _ in moved.partial] == [("so-vhttdl", date(2025, 3, 1))]
    assert "báo chí, xuất bản" in (moved.partial[0][2] or "")


def test_an_abolished_district_hands_over_to_two(plan: Plan) -> None:
    moved = takeover(plan, "ubnd-tp-ben-tre", "2025-07-01")
    assert moved is not None
    assert set(moved.carriers) == {"ubnd-cap-xa", "ubnd-tinh-vinh-long"}
    assert moved.ended == date(2025, 7, 1)


def test_who_carries_its_own_duties_took_nothing_over(plan: Plan) -> None:
    assert takeover(plan, "so-khcn", "2026-11-28") is None  # it absorbed others, it did not end
    assert takeover(plan, "ubnd-tinh-vinh-long", "2025-01-01") is None  # not there yet


def test_the_plan_with_the_leads_of_a_day(plan: Plan) -> None:
    on = leads_on(plan, "2026-11-28")
    assert on.target("2030-2").lead_agencies == ("so-khcn",)
    assert on.target("2030-16").lead_agencies == ("ubnd-cap-xa", "ubnd-tinh-vinh-long")
    assert on.task("task-17").lead_agencies == ("so-khcn", "so-tai-chinh")  # once each
    assert plan.target("2030-2").lead_agencies == ("so-tttt",)  # the plan is left as it was
    before = leads_on(plan, "2025-02-01")
    assert all(
        a.lead_agencies == b.lead_agencies
        for a, b in zip(before.targets, plan.targets, strict=True)
    )


def test_a_summary_by_lead_agency_after_succession(plan: Plan) -> None:
    result = evaluate(plan, pl.DataFrame({"indicator": ["dti-rank"], "value": [51.0]}))
    printed = summarize(result, by="lead_agency", plan=plan)
    merged = summarize(result, by="lead_agency", plan=leads_on(plan, "2026-11-28"))
    count = dict(zip(printed["lead_agency"], printed["n_targets"], strict=True))
    assert (count["so-khcn"], count["so-tttt"]) == (len(KHCN_TARGETS), len(TTTT_TARGETS))
    after = {r["lead_agency"]: r for r in merged.iter_rows(named=True)}
    assert "so-tttt" not in after
    assert "so-khdt" not in after
    khcn = after["so-khcn"]
    assert khcn["n_targets"] == len(KHCN_TARGETS) + len(TTTT_TARGETS)
    assert (khcn["n_with_data"], khcn["status_not_met"]) == (1, 1)  # DTI rank 51: not in 30


def test_the_calendar_of_a_merged_department(plan: Plan) -> None:
    table = reporting_calendar(plan, "2026-01-01", "2026-12-31", agency="Sở TT&TT")
    assert table["report_date"].to_list() == [date(2026, 5, 31), date(2026, 11, 14)]
    assert table["agency"].to_list() == ["so-khcn", "so-khcn"]
    assert table["targets"].to_list() == [TTTT_TARGETS, TTTT_TARGETS]
    assert table["n_targets"].to_list() == [11, 11]
    # Asked for itself, Sở KH&CN reports its own targets and those it took over.
    own = reporting_calendar(plan, "2026-01-01", "2026-06-30", agency="so-khcn")
    assert set(own["targets"].item()) == set(KHCN_TARGETS) | set(TTTT_TARGETS)


def test_the_calendar_of_an_abolished_district(plan: Plan) -> None:
    table = reporting_calendar(plan, "2025-01-01", "2025-12-31", agency="ubnd-tp-ben-tre")
    assert table.select("report_date", "agency", "targets").rows() == [
        (date(2025, 5, 31), "ubnd-tp-ben-tre", ["2030-16"]),
        (date(2025, 11, 14), "ubnd-cap-xa", ["2030-16"]),
        (date(2025, 11, 14), "ubnd-tinh-vinh-long", ["2030-16"]),
    ]


def test_a_takeover_of_nothing_reports_nothing(plan: Plan) -> None:
    """UBND tỉnh Bến Tre leads no target or task: its successor has nothing of it to report."""
    assert reporting_calendar(
        plan, "2026-01-01", "2026-12-31", agency="ubnd-tinh-ben-tre"
    ).is_empty()
