"""The agency registry and who carries a target or task after the 2025 reorganisation."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import pytest

from kh922core import Agency, AgencyRegistry, Plan, Succession, UnknownAgencyError, load_plan
from kh922core.errors import DateFormatError, UnknownIdError

BEFORE_MERGERS = date(2025, 2, 28)
DEPARTMENTS_MERGED = date(2025, 3, 1)
PROVINCES_MERGED = date(2025, 7, 1)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


@pytest.mark.parametrize(
    ("spelling", "agency_id"),
    [
        ("Sở KH&CN", "so-khcn"),
        ("sở kh&cn", "so-khcn"),
        ("Sở  Khoa học và Công nghệ ", "so-khcn"),
        ("VP UBND tỉnh", "van-phong-ubnd-tinh"),
        ("Văn phòng UBND tỉnh", "van-phong-ubnd-tinh"),
        ("NHNN chi nhánh Bến Tre", "nhnn-chi-nhanh-ben-tre"),
        ("Sở TT&TT", "so-tttt"),
        ("Sở KH&ĐT", "so-khdt"),
        ("UBND các huyện, thị xã, thành phố", "ubnd-cac-huyen-thanh-pho"),
        ("so-tai-chinh", "so-tai-chinh"),
        (unicodedata.normalize("NFD", "Sở Y tế"), "so-y-te"),
    ],
)
def test_find_by_name_abbreviation_or_id(plan: Plan, spelling: str, agency_id: str) -> None:
    assert plan.registry.find(spelling).id == agency_id


def test_find_and_get_suggest_a_close_agency(plan: Plan) -> None:
    with pytest.raises(
        UnknownAgencyError,
        match="no agency is called 'Sở Khoa học Công nghệ'; did you mean 'Sở Khoa học và Công ",
    ):
        plan.registry.find("Sở Khoa học Công nghệ")
    with pytest.raises(UnknownAgencyError, match="did you mean 'so-khcn'"):
        plan.registry.get("so-khcm")


def test_existence_on_dates(plan: Plan) -> None:
    registry = plan.registry
    assert registry.exists_on("so-tttt", BEFORE_MERGERS)
    assert not registry.exists_on("so-tttt", DEPARTMENTS_MERGED)
    assert registry.exists_on("ubnd-tinh-ben-tre", date(2025, 6, 30))
    assert not registry.exists_on("ubnd-tinh-ben-tre", PROVINCES_MERGED)
    assert not registry.exists_on("so-nnmt", BEFORE_MERGERS)
    assert registry.exists_on("so-nnmt", DEPARTMENTS_MERGED)
    assert [s.agency for s in registry.successors_on("so-tttt", BEFORE_MERGERS)] == []
    assert [s.agency for s in registry.successors_on("so-tttt", DEPARTMENTS_MERGED)] == [
        "so-khcn",
        "so-vhttdl",
    ]


def test_responsible_before_and_after_the_department_mergers(plan: Plan) -> None:
    before = plan.responsible("2030-2", BEFORE_MERGERS)
    assert [(r.agency, r.printed, r.inherited) for r in before] == [
        ("so-tttt", ("so-tttt",), False)
    ]
    after = plan.responsible("2030-2", DEPARTMENTS_MERGED)
    # Sở VHTTDL took over only press and publishing (scope "partial"): it is named in the notes
    # but does not inherit the plan's targets and tasks.
    assert [r.agency for r in after] == ["so-khcn"]
    assert after[0].notes == (
        "Sở Văn hóa, Thể thao và Du lịch took over part of Sở Thông tin và Truyền thông's duties "
        "from 2025-03-01 (press and publishing only (báo chí, xuất bản))",
        "Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ from 2025-03-01 "
        "(merged into Sở Khoa học và Công nghệ)",
    )
    assert all(r.exists and r.inherited for r in after)


def test_responsible_merges_printed_agencies_into_one_carrier(plan: Plan) -> None:
    task = plan.task("task-44")
    carriers = plan.responsible(task, DEPARTMENTS_MERGED)
    assert [(r.agency, r.printed) for r in carriers] == [
        ("so-tai-chinh", ("so-khdt",)),
        ("so-khcn", ("so-khcn", "so-tttt")),
    ]


def test_district_level_abolished(plan: Plan) -> None:
    carriers = plan.responsible("2030-16", PROVINCES_MERGED)
    assert [(r.agency, r.collective) for r in carriers] == [
        ("ubnd-cap-xa", True),
        ("ubnd-tinh-vinh-long", False),
    ]
    assert carriers[0].printed == ("ubnd-tp-ben-tre", "ubnd-huyen-mo-cay-nam", "ubnd-huyen-ba-tri")
    assert [r.agency for r in plan.responsible("2030-16", date(2025, 6, 30))] == [
        "ubnd-tp-ben-tre",
        "ubnd-huyen-mo-cay-nam",
        "ubnd-huyen-ba-tri",
    ]


def test_cooperating_and_all_roles(plan: Plan) -> None:
    task = plan.task("task-12")
    assert [r.agency for r in plan.responsible(task, BEFORE_MERGERS, role="cooperating")] == [
        "so-khcn",
        "so-tttt",
    ]
    assert [r.agency for r in plan.responsible(task, DEPARTMENTS_MERGED, role="all")] == [
        "so-noi-vu",
        "so-khcn",
    ]
    assert plan.responsible(plan.target("2030-3"), BEFORE_MERGERS, role="cooperating") == ()


def test_responsible_defaults_to_today(plan: Plan) -> None:
    assert plan.responsible("task-43") == plan.responsible("task-43", date.today())


def test_unknown_item(plan: Plan) -> None:
    with pytest.raises(KeyError, match="task-99"):
        plan.responsible("task-99")


def _registry(*agencies: Agency) -> AgencyRegistry:
    return AgencyRegistry(agencies)


def test_abolished_without_successor_says_so() -> None:
    registry = _registry(
        Agency(id="a", name="Ban A", level="province", until=date(2025, 7, 1)),
    )
    (carrier,) = registry.responsible(["a"], date(2025, 8, 1))
    assert (carrier.agency, carrier.exists) == ("a", False)
    assert carrier.notes == ("Ban A ceased to exist on 2025-07-01 and no successor is recorded",)
    (before,) = registry.responsible(["a"], date(2025, 6, 1))
    assert before.exists
    assert before.notes == ()


def test_chains_of_successions_are_followed() -> None:
    registry = _registry(
        Agency(id="a", name="A", level="province", until=date(2025, 3, 1),
               successors=(Succession(agency="b", from_=date(2025, 3, 1)),)),
        Agency(id="b", name="B", level="province", until=date(2025, 7, 1),
               successors=(Succession(agency="c", from_=date(2025, 7, 1), note="merged"),)),
        Agency(id="c", name="C", level="province"),
    )  # fmt: skip
    assert [r.agency for r in registry.responsible(["a"], date(2025, 4, 1))] == ["b"]
    (carrier,) = registry.responsible(["a"], date(2025, 7, 1))
    assert carrier.agency == "c"
    assert carrier.notes == ("A → B from 2025-03-01", "B → C from 2025-07-01 (merged)")


def test_read_cell_handles_commas_in_collective_names(plan: Plan) -> None:
    reading = plan.registry.read_cell(
        "Các sở, ngành, UBND các huyện, thành phố; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các "
        "tổ chức CT-XH; Đài Phát thanh và Truyền hình, Báo Đồng Khởi, Cổng TTĐT tỉnh"
    )
    assert reading.ids == plan.task("task-01").cooperating_agencies
    assert (reading.unknown, reading.unseparated, reading.trailing) == ((), (), None)


def test_read_cell_reports_what_it_cannot_read(plan: Plan) -> None:
    reading = plan.registry.read_cell("Sở Y tế, Sở Lao động - Thương binh và Xã hội;")
    assert reading.ids == ("so-y-te",)
    assert reading.unknown == ("Sở Lao động - Thương binh và Xã hội",)
    assert reading.trailing == ";"


def test_every_agency_cell_of_the_plan_reads_as_its_ids(plan: Plan) -> None:
    registry = plan.registry
    cells = [(t.lead_agencies_text, t.lead_agencies) for t in plan.targets]
    cells += [(t.lead_agencies_text, t.lead_agencies) for t in plan.tasks]
    cells += [(t.cooperating_agencies_text, t.cooperating_agencies) for t in plan.tasks]
    for text, ids in cells:
        if text is not None:
            reading = registry.read_cell(text)
            assert reading.unknown == (), text
            assert reading.ids == ids, text


# --- one way in for dates; one text is one id --------------------------------------------------


def test_registry_dates_may_be_iso_texts_or_datetimes(kh922_plan: Plan) -> None:
    registry = kh922_plan.registry
    as_date = [r.agency for r in registry.responsible(["so-khdt"], date(2025, 3, 1))]
    assert [r.agency for r in registry.responsible(["so-khdt"], "2025-03-01")] == as_date
    assert registry.exists_on("so-tttt", datetime(2025, 2, 28, 23, 59)) is True
    assert registry.exists_on("so-tttt", "2025-03-01") is False
    assert registry.successors_on("so-tttt", "2025-02-28") == ()


def test_one_agency_id_is_not_read_letter_by_letter(kh922_plan: Plan) -> None:
    registry = kh922_plan.registry
    one = registry.responsible("so-khdt", "2025-03-01")
    assert [r.agency for r in one] == [
        r.agency for r in registry.responsible(["so-khdt"], "2025-03-01")
    ]


@pytest.mark.parametrize("day", [20250301, None, 2025.0])
def test_a_date_of_another_type_is_a_type_error_naming_the_parameter(
    kh922_plan: Plan, day: object
) -> None:
    with pytest.raises(TypeError, match=r"as_of must be a date, a datetime or an ISO"):
        kh922_plan.registry.responsible(["so-khdt"], day)  # type: ignore[arg-type]


def test_a_date_text_that_is_not_iso_names_the_parameter(kh922_plan: Plan) -> None:
    with pytest.raises(
        DateFormatError, match=r"^day must be a date written YYYY-MM-DD, got '1/3/2025'$"
    ):
        kh922_plan.registry.exists_on("so-tttt", "1/3/2025")


def test_plan_responsible_takes_text_dates_and_names_an_unknown_item(kh922_plan: Plan) -> None:
    assert [r.agency for r in kh922_plan.responsible("task-17", "2025-03-01")] == [
        "so-khcn",
        "so-tai-chinh",
    ]
    with pytest.raises(UnknownIdError, match="has no target or task 'task-99'") as caught:
        kh922_plan.responsible("task-99", "2025-03-01")
    assert isinstance(caught.value, KeyError)


# --- the abolition of the district level (01/07/2025) and the collectives ----------------------

DISTRICTS_ABOLISHED = PROVINCES_MERGED
LOCAL_LEVEL = ("ubnd-cap-xa", "ubnd-tinh-vinh-long")  # where district duties go (NQ 202/2025/QH15)


def test_the_district_committees_pass_their_duties_to_the_communes_and_the_province(
    plan: Plan,
) -> None:
    for district in ("ubnd-cac-huyen-thanh-pho", "ubnd-tp-ben-tre", "ubnd-huyen-ba-tri"):
        carriers = plan.registry.responsible(district, DISTRICTS_ABOLISHED)
        assert tuple(r.agency for r in carriers) == LOCAL_LEVEL


@pytest.mark.parametrize(
    ("collective", "carriers"),
    [
        # wholly local: the urban areas and the localities go as the district committees do
        ("cac-do-thi", LOCAL_LEVEL),
        ("cac-do-thi-du-dieu-kien", LOCAL_LEVEL),
        ("cac-dia-phuong", LOCAL_LEVEL),
        # departments and localities: the departments carry on, the local part goes as above
        ("cac-so-ban-nganh-dia-phuong", ("cac-so-ban-nganh", *LOCAL_LEVEL)),
    ],
)
def test_collectives_with_a_district_part_pass_it_on_when_the_districts_go(
    plan: Plan, collective: str, carriers: tuple[str, ...]
) -> None:
    registry = plan.registry
    (before,) = registry.responsible(collective, date(2025, 6, 30))
    assert (before.agency, before.exists, before.inherited) == (collective, True, False)
    after = registry.responsible(collective, DISTRICTS_ABOLISHED)
    assert tuple(r.agency for r in after) == carriers
    assert all(r.exists and r.printed == (collective,) for r in after)
    assert not registry.exists_on(collective, DISTRICTS_ABOLISHED)
    # the same legal instrument and the same day as the district committees
    for succession in registry.get(collective).successors:
        assert succession.from_ == DISTRICTS_ABOLISHED
        assert succession.source == "Nghị quyết 202/2025/QH15"
        assert succession.scope == "all"


@pytest.mark.parametrize(
    ("task_id", "printed", "carriers"),
    [
        ("task-18", "cac-do-thi", LOCAL_LEVEL),  # bản sao số cho ít nhất một đô thị
        ("task-19", "cac-do-thi-du-dieu-kien", LOCAL_LEVEL),  # đô thị thông minh
        ("task-21", "cac-dia-phuong", LOCAL_LEVEL),  # hạ tầng viễn thông
        ("task-07", "cac-so-ban-nganh-dia-phuong", ("cac-so-ban-nganh", *LOCAL_LEVEL)),
    ],
)
def test_tasks_led_by_such_collectives_follow(
    plan: Plan, task_id: str, printed: str, carriers: tuple[str, ...]
) -> None:
    assert plan.task(task_id).lead_agencies == (printed,)
    assert [r.agency for r in plan.responsible(task_id, date(2025, 6, 30))] == [printed]
    after = plan.responsible(task_id, DISTRICTS_ABOLISHED)
    assert tuple(r.agency for r in after) == carriers
    assert all(r.inherited and r.printed == (printed,) for r in after)


@pytest.mark.parametrize(
    "collective",
    ["cac-so-ban-nganh", "cac-so-nganh-co-to-chuc-khcn-cong-lap", "cac-to-chuc-ct-xh-tinh"],
)
def test_provincial_collectives_keep_their_duties(plan: Plan, collective: str) -> None:
    (carrier,) = plan.registry.responsible(collective, date(2026, 1, 1))
    assert (carrier.agency, carrier.exists, carrier.notes) == (collective, True, ())


def test_no_body_of_the_local_level_carries_a_duty_after_the_abolition(plan: Plan) -> None:
    """Every body the registry places at the district level, and every collective whose name
    names the local level (địa phương, đô thị, huyện), has handed its duties on by 01/07/2025;
    every duty the plan prints is then carried by a body that exists."""
    local_words = ("địa phương", "đô thị", "huyện")
    local = [
        agency.id
        for agency in plan.registry
        if agency.level == "district"
        or (agency.level == "collective" and any(w in agency.name.lower() for w in local_words))
    ]
    assert {"cac-dia-phuong", "cac-do-thi", "cac-so-ban-nganh-dia-phuong"} <= set(local)
    for agency_id in local:
        assert plan.registry.get(agency_id).until == DISTRICTS_ABOLISHED, agency_id
    printed = {a for item in (*plan.targets, *plan.tasks) for a in item.lead_agencies}
    printed |= {a for task in plan.tasks for a in task.cooperating_agencies}
    carriers = plan.registry.responsible(sorted(printed), date(2026, 1, 1))
    assert all(r.exists for r in carriers)
    assert not {r.agency for r in carriers} & set(local)


def test_successions_cite_a_legal_instrument(plan: Plan) -> None:
    instrument = re.compile(r"^Nghị (?:định \d+/2025/NĐ-CP|quyết \d+/2025/QH15)\b")
    for agency in plan.registry:
        for succession in agency.successors:
            assert succession.source is not None, agency.id
            assert instrument.match(succession.source), (agency.id, succession.source)
