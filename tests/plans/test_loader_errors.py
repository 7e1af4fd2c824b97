"""Broken plan files: each kind of mistake gives a problem with a clear message and its line.

Every case starts from ``plan_files.minimal`` (a small valid plan with an agency file), breaks
one thing, and checks the message, the field path and the line (found by searching the broken
text, so the expectation is visible in the case itself).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kh922core import Plan, PlanValidationError, ValidationProblem, check_plan_file, load_plan

if TYPE_CHECKING:
    from tests.conftest import PlanFiles

#: The ``problems`` fixture: write a plan text (and agency text), return its problems.
Problems = Callable[..., list[ValidationProblem]]


@pytest.fixture
def problems(tmp_path: Path, plan_files: PlanFiles) -> Problems:
    """Write a plan (and its agency file) and return its problems; the file must be refused."""

    def check(plan: str, agencies: str | None = None) -> list[ValidationProblem]:
        result, found = check_plan_file(plan_files.write(tmp_path, plan, agencies))
        assert result is None, "the broken file was accepted"
        assert found
        return found

    return check


def only(found: list[ValidationProblem]) -> ValidationProblem:
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


def test_the_template_is_valid(tmp_path: Path, plan_files: PlanFiles) -> None:
    plan = load_plan(plan_files.write(tmp_path, plan_files.minimal))
    assert isinstance(plan, Plan)
    assert [t.id for t in plan.targets] == ["2030-1", "2030-5.10"]
    assert plan.target("2030-5.10").row == "5.10"


# --- 1. unknown keys ---------------------------------------------------------------------------


def test_unknown_key_suggests_the_field(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, '    text: "≥ 30"', '    txet: "≥ 30"')
    found = problems(text)
    typo = next(p for p in found if p.path == "targets[0].txet")
    assert typo.message == "unknown field 'txet'; did you mean 'text'?"
    assert (typo.line, typo.column) == (plan_files.line_of(text, "txet"), 5)
    missing = next(p for p in found if p.path == "targets[0].text")
    assert missing.message == "the required field 'text' is missing"
    assert missing.line == plan_files.line_of(text, '  - id: "2030-1"')


def test_unknown_top_level_key(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, 'number: "1/KH-UBND"', 'numbr: "1/KH-UBND"')
    found = problems(text)
    typo = next(p for p in found if p.path == "numbr")
    assert typo.message == "unknown field 'numbr'; did you mean 'number'?"
    assert typo.line == plan_files.line_of(text, "numbr")


def test_unknown_key_without_close_match_lists_the_fields(
    plan_files: PlanFiles, problems: Problems
) -> None:
    text = plan_files.broken(
        plan_files.minimal, '{name: "Tỉnh Mẫu", code: "99"}', '{name: "Tỉnh Mẫu", zzz: "99"}'
    )
    found = problems(text)
    extra = next(p for p in found if p.path == "province.zzz")
    assert extra.message == "unknown field 'zzz'; the fields allowed here are 'name', 'code'"
    assert extra.line == plan_files.line_of(text, "zzz")


# --- 2. YAML 1.1 surprises never coerce silently ---------------------------------------------


def test_quoted_number_where_a_number_belongs(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, '    horizon: 2030\n    row: "1"', '    horizon: "2030"\n    row: "1"'
    )
    problem = only(problems(text))
    assert problem.path == "targets[0].horizon"
    assert problem.message == (
        "expected a whole number; '2030' is in quotes, which makes it text: write it without quotes"
    )
    assert problem.value == '"2030"'
    assert (problem.line, problem.column) == (plan_files.line_of(text, 'horizon: "2030"'), 14)


def test_leading_zero_is_text_not_a_number(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, "    number: 1\n    group", "    number: 08\n    group"
    )
    problem = only(problems(text))
    assert problem.path == "tasks[0].number"
    assert problem.message == (
        "expected a whole number; 08 starts with 0, which makes it text: "
        "write 8 without the leading 0"
    )
    assert problem.value == "08"
    assert problem.line == plan_files.line_of(text, "number: 08")


def test_exponent_without_a_point_is_text(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, "approximate_tolerance: 0.05", "approximate_tolerance: 5e-2"
    )
    problem = only(problems(text))
    assert problem.path == "approximate_tolerance"
    assert problem.message == (
        "expected a number such as 0.05; 5e-2 is read as text, not as a power of ten: "
        "write 0.05 in full"
    )
    assert problem.line == plan_files.line_of(text, "5e-2")


def test_unquoted_row_is_a_number_and_keeps_its_zero_in_the_message(
    plan_files: PlanFiles, problems: Problems
) -> None:
    text = plan_files.broken(plan_files.minimal, '    row: "5.10"', "    row: 5.10")
    problem = only(problems(text))
    assert problem.path == "targets[1].row"
    assert problem.message == "expected text, but 5.10 is read as a number: put it in quotes"
    assert problem.value == "5.10"
    assert problem.line == plan_files.line_of(text, "row: 5.10")


def test_no_is_a_word_not_false(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal,
        'direction: "higher_is_better"\n  - id: "online',
        'direction: no\n  - id: "online',
    )
    problem = only(problems(text))
    assert problem.path == "indicators[0].direction"
    assert problem.message == "expected one of 'higher_is_better', 'lower_is_better', 'band'"
    assert problem.value == "no"
    assert problem.line == plan_files.line_of(text, "direction: no")


def test_yes_no_words_and_codes_with_zeros_stay_text(tmp_path: Path, plan_files: PlanFiles) -> None:
    text = plan_files.broken(plan_files.minimal, 'code: "99"', "code: 08")
    text = plan_files.broken(text, 'title: "Kế hoạch mẫu"', "title: no")
    plan = load_plan(plan_files.write(tmp_path, text))
    assert plan.province.code == "08"
    assert plan.title == "no"


def test_unquoted_date_is_read_as_a_date_only_where_a_date_belongs(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    text = plan_files.broken(plan_files.minimal, 'date: "2025-03-01"', "date: 2025-03-01")
    text = plan_files.broken(text, 'title: "Kế hoạch mẫu"', "title: 2025-03-01")
    plan = load_plan(plan_files.write(tmp_path, text))
    assert plan.date.isoformat() == "2025-03-01"
    assert plan.title == "2025-03-01"


def test_date_in_the_wrong_form(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, 'date: "2025-03-01"', 'date: "01/03/2025"')
    problem = only(problems(text))
    assert problem.path == "date"
    assert problem.message == "expected a date written YYYY-MM-DD, e.g. 2025-02-14"
    assert problem.line == plan_files.line_of(text, "01/03/2025")


def test_duplicate_key(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, '    text: "100"', '    text: "100"\n    text: "90"'
    )
    first = plan_files.line_of(text, 'text: "100"')
    problem = only(problems(text))
    assert problem.path == "targets[1].text"
    assert problem.message == (
        f"the key 'text' appears twice in the same block (first on line {first}); keep only one"
    )
    assert problem.line == plan_files.line_of(text, 'text: "90"')


def test_python_tags_are_refused(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, 'title: "Kế hoạch mẫu"', "title: !!python/name:os.system ''"
    )
    problem = only(problems(text))
    assert problem.path == "title"
    assert (
        "tags such as 'tag:yaml.org,2002:python/name:os.system' are not allowed" in problem.message
    )
    assert problem.line == plan_files.line_of(text, "!!python")


def test_not_yaml_at_all(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, '    kind: "specific"', '   kind: "specific"')
    problem = only(problems(text))
    assert problem.path == "(file)"
    assert problem.message.startswith("this is not valid YAML: ")
    assert problem.line == plan_files.line_of(text, '   kind: "specific"')


def test_empty_file(problems: Problems) -> None:
    problem = only(problems("# nothing yet\n"))
    assert problem.message == "the file is empty; a plan starts with 'schema_version: 1'"


def test_a_list_where_a_block_belongs(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, 'province: {name: "Tỉnh Mẫu", code: "99"}', 'province: ["Tỉnh Mẫu"]'
    )
    problem = only(problems(text))
    assert problem.path == "province"
    assert problem.message == "expected a block of fields ('key: value' lines)"
    assert problem.line == plan_files.line_of(text, 'province: ["')


# --- 3. target texts, units, ids ---------------------------------------------------------------


def test_target_text_that_cannot_be_read(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, 'text: "≥ 30"', 'text: "≥ ba mươi"')
    problem = only(problems(text))
    assert problem.path == "targets[0].text"
    assert problem.message.startswith("cannot read this target: cannot parse target '≥ ba mươi'")
    assert "expected a number after '≥'" in problem.message
    assert problem.value == '"≥ ba mươi"'
    assert problem.line == plan_files.line_of(text, "≥ ba mươi")


def test_target_text_in_another_unit_than_its_indicator(
    plan_files: PlanFiles, problems: Problems
) -> None:
    text = plan_files.broken(plan_files.minimal, 'text: "100"', 'text: "100 tỷ đồng"')
    problem = only(problems(text))
    assert problem.path == "targets[1].text"
    assert "cannot convert unit 'tỷ đồng' to '%'" in problem.message
    assert problem.line == plan_files.line_of(text, "100 tỷ đồng")


def test_target_unit_that_does_not_match_its_indicator(
    plan_files: PlanFiles, problems: Problems
) -> None:
    text = plan_files.broken(
        plan_files.minimal, '    unit: "% GRDP"\n    text', '    unit: "%"\n    text'
    )
    problem = only(problems(text))
    assert problem.path == "targets[0].unit"
    assert problem.message == (
        "the unit '%' does not match the unit '% GRDP' of its indicator "
        "'digital-economy-share'; a target is set in its indicator's unit"
    )
    assert problem.line == plan_files.line_of(text, '    unit: "%"\n    text')


def test_unknown_unit_suggests_a_known_one(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, '    unit: "% GRDP"\n    direction', '    unit: "% GRPD"\n    direction'
    )
    found = problems(text)
    problem = next(p for p in found if p.path == "indicators[0].unit")
    assert problem.message.startswith("unknown unit '% GRPD'; did you mean")
    assert problem.line == plan_files.line_of(text, "% GRPD")


def test_unknown_indicator(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, 'indicator: "online-services"', 'indicator: "online-service"'
    )
    problem = only(problems(text))
    assert problem.path == "targets[1].indicator"
    assert problem.message == (
        "names the indicator 'online-service', which is not defined under 'indicators'; "
        "did you mean 'online-services'?"
    )
    assert problem.line == plan_files.line_of(text, '"online-service"')


def test_duplicate_row_in_a_horizon(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, '  - id: "2030-5.10"', '  - id: "2030-1"')
    text = plan_files.broken(text, '    row: "5.10"', '    row: "1"')
    found = problems(text)
    rows = next(p for p in found if p.path == "targets[1].row")
    assert rows.message == (
        "row '1' appears twice under the horizon 2030 (first at targets[0]); "
        "row numbers must differ within a horizon"
    )
    assert rows.line == plan_files.line_of(text, '    row: "1"\n    text: "100"')
    ids = next(p for p in found if p.path == "targets[1].id")
    assert ids.message.startswith("the target id '2030-1' is used twice (first at targets[0])")


def test_target_id_is_horizon_and_row(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, '  - id: "2030-5.10"', '  - id: "2030-5.1"')
    text = plan_files.broken(text, '["2030-1"]', '["2030-1", "2030-5.1"]')
    problem = only(problems(text))
    assert problem.path == "targets[1].id"
    assert problem.message == "a target's id is '<horizon>-<row>': expected '2030-5.10'"
    assert problem.line == plan_files.line_of(text, '  - id: "2030-5.1"')


# --- 4. links between parts of the plan -------------------------------------------------------


def test_objective_links_a_target_that_does_not_exist(
    plan_files: PlanFiles, problems: Problems
) -> None:
    text = plan_files.broken(
        plan_files.minimal, 'targets: ["2030-1"]', 'targets: ["2030-1", "2030-2"]'
    )
    problem = only(problems(text))
    assert problem.path == "objectives[0].targets[1]"
    assert problem.message.startswith(
        "names the target '2030-2', which is not defined under 'targets'"
    )
    line = plan_files.line_of(text, '"2030-2"')
    assert (problem.line, problem.column) == (
        line,
        text.splitlines()[line - 1].index('"2030-2"') + 1,
    )


def test_task_names_a_section_iii_item_that_does_not_exist(
    plan_files: PlanFiles, problems: Problems
) -> None:
    text = plan_files.broken(plan_files.minimal, 'solutions: ["III.1.a"]', 'solutions: ["III.1.b"]')
    problem = only(problems(text))
    assert problem.path == "tasks[0].solutions[0]"
    assert problem.message == (
        "names the section III item 'III.1.b', which is not defined under 'solution_groups' "
        "(write '<group id>.<letter>', e.g. 'III.1.a'); did you mean 'III.1.a'?"
    )
    assert problem.line == plan_files.line_of(text, "III.1.b")


def test_task_in_a_group_that_does_not_exist(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, '    group: "I"', '    group: "II"')
    problem = only(problems(text))
    assert problem.path == "tasks[0].group"
    assert problem.message.startswith("names the task group 'II', which is not defined")
    assert problem.line == plan_files.line_of(text, 'group: "II"')


def test_deadline_that_cannot_be_read(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, 'deadline: "Quý II/2025"', 'deadline: "Quý V/2025"'
    )
    problem = only(problems(text))
    assert problem.path == "tasks[0].deadline"
    assert problem.message.startswith("cannot read deadline 'Quý V/2025': expected 'Thường xuyên'")
    assert problem.line == plan_files.line_of(text, "Quý V/2025")


def test_reporting_day_that_does_not_exist(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(plan_files.minimal, "{month: 11, day: 15}", "{month: 2, day: 30}")
    problem = only(problems(text))
    assert problem.path == "reporting.due[0]"
    assert problem.message == "there is no day 30/2 in a year"
    assert problem.line == plan_files.line_of(text, "{month: 2")


def test_computed_spec_must_not_be_written(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, '    text: "100"', '    text: "100"\n    spec: {kind: "comparison"}'
    )
    problem = only(problems(text))
    assert problem.path == "targets[1].spec"
    assert problem.message == "unknown field 'spec': it is computed from 'text', do not write it"
    assert problem.line == plan_files.line_of(text, "spec:")


# --- 5. agencies -------------------------------------------------------------------------------


def test_unknown_agency_id(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal,
        'lead_agencies: ["so-khcn", "so-tai-chinh"]',
        'lead_agencies: ["so-khcn", "so-taichinh"]',
    )
    problem = only(problems(text))
    assert problem.path == "targets[1].lead_agencies[1]"
    assert problem.message == (
        "names the agency 'so-taichinh', which is not defined in the agency registry; "
        "did you mean 'so-tai-chinh'?"
    )
    assert problem.line == plan_files.line_of(text, "so-taichinh")


def test_agency_name_where_its_id_belongs(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal,
        '    lead_agencies: ["so-khcn"]\n    deadline',
        '    lead_agencies: ["Sở KH&CN"]\n    deadline',
    )
    problem = only(problems(text))
    assert problem.path == "tasks[0].lead_agencies[0]"
    assert problem.message == (
        "expected an id made of lower-case letters a-z, digits and '-' (e.g. 'so-khcn'); "
        "'Sở KH&CN' is the agency 'so-khcn': write its id"
    )
    assert problem.line == plan_files.line_of(text, '["Sở KH&CN"]')


def test_missing_agency_file(plan_files: PlanFiles, problems: Problems) -> None:
    text = plan_files.broken(
        plan_files.minimal, 'agencies: "agencies.yaml"', 'agencies: "agency.yaml"'
    )
    problem = only(problems(text))
    assert problem.path == "agencies"
    assert problem.message.startswith("the agency file 'agency.yaml' does not exist")
    assert problem.line == plan_files.line_of(text, "agency.yaml")


def test_problem_in_the_agency_file_names_that_file(
    plan_files: PlanFiles, problems: Problems
) -> None:
    agencies = plan_files.broken(
        plan_files.agencies,
        '    level: "province"\n  - id: "so-tai-chinh"',
        '    levl: "province"\n  - id: "so-tai-chinh"',
    )
    found = problems(plan_files.minimal, agencies)
    typo = next(p for p in found if p.path == "agencies[1].levl")
    assert Path(typo.file).name == "agencies.yaml"
    assert typo.message == "unknown field 'levl'; did you mean 'level'?"
    assert typo.line == plan_files.line_of(agencies, "levl")


def test_one_spelling_for_two_agencies(plan_files: PlanFiles, problems: Problems) -> None:
    agencies = plan_files.broken(
        plan_files.agencies, 'aliases: ["UBND tỉnh"]', 'aliases: ["UBND tỉnh", "Sở KH&CN"]'
    )
    problem = only(problems(plan_files.minimal, agencies))
    assert problem.path == "agencies[1].aliases[0]"
    assert problem.message == (
        "the spelling 'Sở KH&CN' already names the agency 'ubnd-tinh'; "
        "a name or alias must belong to one agency only"
    )
    assert problem.line == plan_files.line_of(agencies, '["Sở KH&CN"]')


def test_successions_that_go_round(plan_files: PlanFiles, problems: Problems) -> None:
    agencies = plan_files.agencies + (
        '  - id: "a"\n    name: "A"\n    level: "province"\n'
        '    successors: [{agency: "b", from: "2025-03-01"}]\n'
        '  - id: "b"\n    name: "B"\n    level: "province"\n'
        '    successors: [{agency: "a", from: "2025-03-01"}]\n'
    )
    problem = only(problems(plan_files.minimal, agencies))
    assert problem.message == "successions go round in a circle: a → b → a"
    assert problem.line == plan_files.line_of(agencies, '[{agency: "b"')


# --- 6. many problems, one report; JSON -------------------------------------------------------


def test_all_problems_of_a_file_are_reported_together(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    text = plan_files.broken(
        plan_files.minimal, '    horizon: 2030\n    row: "1"', '    horizon: "2030"\n    row: "1"'
    )
    text = plan_files.broken(text, 'indicator: "online-services"', 'indicator: "online-service"')
    text = plan_files.broken(text, 'deadline: "Quý II/2025"', 'deadline: "sắp tới"')
    text = plan_files.broken(text, 'date: "2025-03-01"', 'date: "1/3/2025"')
    path = plan_files.write(tmp_path, text)
    with pytest.raises(PlanValidationError) as caught:
        load_plan(path)
    found = caught.value.problems
    assert [p.path for p in found] == [
        "date",
        "targets[0].horizon",
        "targets[1].indicator",
        "tasks[0].deadline",
    ]
    assert [p.line for p in found] == sorted(p.line or 0 for p in found)
    assert str(caught.value).startswith("4 problems in plan file:\n  ")
    assert f"{path}:{plan_files.line_of(text, '1/3/2025')}:7: date: " in str(caught.value)


def test_json_plan_errors_have_lines(tmp_path: Path, plan_files: PlanFiles) -> None:
    plan = load_plan(plan_files.write(tmp_path, plan_files.minimal))
    data = json.loads(json.dumps(plan.model_dump(mode="json", by_alias=True)))
    data["targets"][1]["horizon"] = "2030"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path = plan_files.write(tmp_path, text, name="plan.json")
    problem = only(check_plan_file(path)[1])
    assert problem.path == "targets[1].horizon"
    assert "'2030' is in quotes" in problem.message
    lines = text.splitlines()
    assert lines[problem.line - 1].strip() == '"horizon": "2030",'  # type: ignore[operator]


def test_invalid_json(tmp_path: Path, plan_files: PlanFiles) -> None:
    path = plan_files.write(tmp_path, '{"schema_version": 1,\n "id": }', name="plan.json")
    problem = only(check_plan_file(path)[1])
    assert problem.message == "this is not valid JSON: Expecting value"
    assert (problem.line, problem.column) == (2, 8)


def test_the_model_still_refuses_a_broken_plan_without_the_loader(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    plan = load_plan(plan_files.write(tmp_path, plan_files.minimal))
    data = plan.model_dump(by_alias=True)
    data["objectives"][0]["targets"] = ["2030-9"]
    with pytest.raises(ValueError, match="names the target '2030-9'"):
        Plan.model_validate(data)
