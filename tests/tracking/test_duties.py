"""Who answers for what on a date: agency names, successions, and the duties they carry."""

from __future__ import annotations

from datetime import date

import pytest

import kh922core
from kh922core import Plan
from kh922core._tracking.duties import agency_duties, resolve_agency, responsible_agencies
from kh922core.errors import UnknownAgencyError


@pytest.fixture(scope="module")
def plan() -> Plan:
    return kh922core.load_plan()


def test_an_agency_is_found_by_id_name_or_alias(plan: Plan) -> None:
    assert resolve_agency(plan, "so-y-te") == "so-y-te"
    assert resolve_agency(plan, "Sở  Y TẾ") == "so-y-te"
    with pytest.raises(UnknownAgencyError):
        resolve_agency(plan, "Sở Không Có")


def test_succession_is_transitive_and_dated(plan: Plan) -> None:
    assert responsible_agencies(plan, "so-tttt", date(2025, 2, 28)) == ("so-tttt",)
    assert responsible_agencies(plan, "so-tttt", date(2025, 3, 1)) == ("so-khcn",)
    assert responsible_agencies(plan, "ubnd-huyen-ba-tri", date(2025, 7, 1)) == (
        "ubnd-cap-xa",
        "ubnd-tinh-vinh-long",
    )


def test_one_text_is_one_agency_not_a_list_of_letters(plan: Plan) -> None:
    day = date(2025, 3, 1)
    assert responsible_agencies(plan, "so-tttt", day) == responsible_agencies(
        plan, ["so-tttt"], day
    )
    assert responsible_agencies(plan, ("so-tttt", "so-y-te"), day) == ("so-khcn", "so-y-te")


def test_duties_follow_the_successions_of_the_day(plan: Plan) -> None:
    # The DTI rank (2030-2) is printed under Sở TT&TT, merged into Sở KH&CN on 2025-03-01.
    printed = agency_duties(plan, None)
    assert "2030-2" in printed["so-tttt"][0]
    assert "2030-2" not in printed["so-khcn"][0]
    merged = agency_duties(plan, date(2025, 3, 1))
    assert "so-tttt" not in merged
    assert "2030-2" in merged["so-khcn"][0]
