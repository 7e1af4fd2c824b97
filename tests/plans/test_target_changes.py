"""A plan file states the reading of a target (``change:``); change targets in the plan model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kh922core import (
    Change,
    ChangeKind,
    Status,
    check_plan_file,
    dump_plan,
    load_plan,
    plan_json_schema,
)
from kh922core.errors import PlanValidationError

PLAN = """\
schema_version: 1
id: "thu-1"
number: "1/KH-TEST"
title: "Kế hoạch thử"
date: "2025-02-14"
province: {name: "Tỉnh thử", code: "00"}
issuer: "ubnd-tinh-thu"
agencies: []
indicators:
  - {id: "budget", name: "Thu ngân sách", unit: "tỷ đồng", direction: "higher_is_better"}
  - {id: "poverty", name: "Tỷ lệ hộ nghèo", unit: "%", direction: "lower_is_better"}
  - {id: "rank", name: "Xếp hạng", unit: "Thứ bậc", direction: "lower_is_better"}
targets:
  - id: "2030-1"
    indicator: "budget"
    horizon: 2030
    row: "1"
    text: "≥ 20"
    change: {kind: "relative", since: 2023}
    baseline: {value: 1000.0, year: 2023}
  - id: "2030-2"
    indicator: "poverty"
    horizon: 2030
    row: "2"
    text: "2"
    change: {kind: "points_per_year", falling: true}
    baseline: {value: 10.0, year: 2024}
  - id: "2030-3"
    indicator: "budget"
    horizon: 2030
    row: "3"
    text: "9"
    change: {kind: "growth_per_year", previous_year: true}
  - id: "2030-4"
    indicator: "poverty"
    horizon: 2030
    row: "4"
    text: "≤ 3"
    change: "level"
    baseline: {value: 10.0, year: 2024}
"""


def _write(tmp_path: Path, text: str = PLAN, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_stated_change_is_read_into_the_spec(tmp_path: Path) -> None:
    plan = load_plan(_write(tmp_path))
    assert plan.target("2030-1").spec.change == Change(kind="relative", since=2023)
    assert plan.target("2030-2").spec.change == Change(kind="points_per_year", falling=True)
    assert plan.target("2030-3").spec.change == Change(
        kind=ChangeKind.GROWTH_PER_YEAR, previous_year=True
    )
    stated = plan.target("2030-1").change
    assert stated is not None
    assert stated != "level"
    assert (stated.kind, stated.since, stated.falling) == ("relative", 2023, False)


def test_level_forces_the_level_reading(tmp_path: Path) -> None:
    target = load_plan(_write(tmp_path)).target("2030-4")
    assert target.change == "level"
    assert target.spec.change is None
    assert target.status(2.5) is Status.MET  # a level: no base asked for


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_stated_reading_survives_a_round_trip(tmp_path: Path, fmt: str) -> None:
    plan = load_plan(_write(tmp_path))
    text = dump_plan(plan, fmt)  # type: ignore[arg-type]
    again = load_plan(_write(tmp_path, text, f"again.{fmt}"))
    assert again == plan
    assert again.target("2030-4").change == "level"
    assert dump_plan(again, fmt) == text  # type: ignore[arg-type]
    if fmt == "json":
        written = json.loads(text)["targets"]
        assert written[0]["change"] == {
            "kind": "relative",
            "since": 2023,
            "previous_year": False,
            "falling": False,
        }
        assert written[3]["change"] == "level"


def test_the_schema_describes_the_change_key(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = plan_json_schema()
    change = schema["$defs"]["Target"]["properties"]["change"]
    assert {"const": "level", "type": "string"} in change["anyOf"]
    assert schema["$defs"]["StatedChange"]["required"] == ["kind"]
    validator = jsonschema.Draft202012Validator(schema)
    dumped = json.loads(dump_plan(load_plan(_write(tmp_path)), "json"))
    assert list(validator.iter_errors(dumped)) == []
    dumped["targets"][0]["change"] = {"kind": "doubling"}
    assert list(validator.iter_errors(dumped)) != []


@pytest.mark.parametrize(
    ("written", "where", "message"),
    [
        ('{kind: "doubling", since: 2023}', "change.kind", "expected one of 'growth_per_year'"),
        ('{kind: "relative", since: "2023"}', "change.since", "whole number"),
        ('{kind: "relative", since: 1800}', "change.since", "1900"),
        ('{kind: "relative", since: 2023, previous_year: true}', "change", "one base"),
        ('{kind: "relative", falling: "yes"}', "change.falling", ""),
        ('{kind: "relative", sinse: 2023}', "change.sinse", "did you mean 'since'"),
        ('"levle"', "change", "target '2030-1': 'change' is a mapping"),
    ],
)
def test_a_wrong_change_is_located_and_named(
    tmp_path: Path, written: str, where: str, message: str
) -> None:
    text = PLAN.replace('change: {kind: "relative", since: 2023}', f"change: {written}")
    plan, problems = check_plan_file(_write(tmp_path, text))
    assert plan is None
    found = [p for p in problems if p.path == f"targets[0].{where}"]
    assert found, [str(p) for p in problems]
    assert message in found[0].message
    assert found[0].line is not None


def test_a_rank_group_cannot_bound_a_change(tmp_path: Path) -> None:
    text = PLAN + (
        '  - {id: "2030-5", indicator: "rank", horizon: 2030, row: "5",'
        ' text: "Xếp hạng ở nhóm 30 tỉnh, thành", change: {kind: "relative", since: 2023}}\n'
    )
    with pytest.raises(PlanValidationError) as raised:
        load_plan(_write(tmp_path, text))
    (problem,) = raised.value.problems
    assert problem.path == "targets[4].change"
    assert "target '2030-5' is a rank group target, which cannot bound a change" in problem.message


# ------------------------------------------------------------------ the target's scalar methods


def test_the_plan_baseline_is_the_base_when_its_year_is_the_base_year(tmp_path: Path) -> None:
    budget = load_plan(_write(tmp_path)).target("2030-1")  # tăng ≥ 20% so với năm 2023, base 1000
    assert budget.status(1250.0, year=2025) is Status.MET  # +25 %
    assert budget.status(1100.0, year=2025) is Status.NOT_MET  # +10 %: 10 points short
    assert budget.shortfall(1100.0, year=2025) == pytest.approx(10.0)
    assert budget.attainment(1300.0, year=2026) == pytest.approx(30.0 / 20.0)
    # The value in another unit, and a base the caller gives (in that unit too).
    assert budget.status(1_250_000.0, unit="triệu đồng", year=2025) is Status.MET
    assert budget.status(1_250_000.0, unit="triệu đồng", baseline=1_150_000.0) is Status.NOT_MET
    # The base year itself, or before it: nothing to measure.
    assert budget.status(1250.0, year=2023) is Status.NO_DATA
    assert budget.status(1250.0, year=2020) is Status.NO_DATA
    # A base that is not known: no data, never a guess.
    assert budget.status(1250.0, baseline=None) is Status.NO_DATA


def test_a_plan_baseline_of_another_year_is_not_the_base(tmp_path: Path) -> None:
    text = PLAN.replace("{value: 1000.0, year: 2023}", "{value: 1000.0, year: 2022}")
    budget = load_plan(_write(tmp_path, text)).target("2030-1")
    assert budget.status(1250.0, year=2025) is Status.NO_DATA
    assert budget.status(1250.0, year=2025, baseline=1000.0) is Status.MET


def test_without_a_base_year_in_the_text_the_plan_baseline_is_the_base(tmp_path: Path) -> None:
    poverty = load_plan(_write(tmp_path)).target("2030-2")  # giảm bình quân 2 điểm/năm từ 10 (2024)
    assert poverty.status(6.0, year=2026) is Status.MET  # a fall of 4 points in 2 years
    assert poverty.status(6.5, year=2026) is Status.NOT_MET  # 1.75 a year
    assert poverty.shortfall(6.5, year=2026) == pytest.approx(0.25)
    assert poverty.status(6.5, years=1) is Status.MET  # 3.5 points in the one year given


def test_previous_year_targets_need_the_previous_level(tmp_path: Path) -> None:
    growth = load_plan(_write(tmp_path)).target("2030-3")  # 9 %/năm so với cùng kỳ
    assert growth.status(1090.0, year=2025) is Status.NO_DATA  # no plan baseline of 2024
    assert growth.status(1090.0, baseline=1000.0, year=2025) is Status.MET
    assert growth.status(1089.0, baseline=1000.0, year=2025) is Status.NOT_MET


def test_a_change_target_asks_for_its_base_and_a_level_target_ignores_it(tmp_path: Path) -> None:
    plan = load_plan(_write(tmp_path))
    level = plan.target("2030-4")
    assert level.status(2.5, baseline=100.0, year=2030) is Status.MET
    with pytest.raises(TypeError, match="baseline"):
        plan.target("2030-3").spec.status(1.0)
