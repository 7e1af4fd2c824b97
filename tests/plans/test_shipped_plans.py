"""Every plan shipped with the library (``data/plans/manifest.yaml``) loads, validates and audits
without an error, and no plan file is shipped without being listed.

These tests are about the manifest, so they read it through its private module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kh922core import (
    PlanValidationError,
    Severity,
    audit,
    available_plans,
    check_plan_file,
    load_agencies,
    load_plan,
)
from kh922core._plans import shipped
from kh922core._plans.shipped import ShippedPlan, data_dir, shipped_plans
from kh922core._plans.strict_yaml import read_document

ENTRIES = shipped_plans()
PLAN_SUFFIXES = (".yaml", ".yml", ".json")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.id)
def test_a_shipped_plan_validates_and_audits_without_errors(entry: ShippedPlan) -> None:
    plan, problems = check_plan_file(entry.plan_path)
    assert problems == []
    assert plan is not None
    assert (plan.id, plan.province.name) == (entry.id, entry.province)
    assert plan.number in entry.source
    assert load_plan(entry.id).id == entry.id
    errors = [f for f in audit(plan, as_of=plan.date) if f.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.id)
def test_the_manifest_names_the_registry_the_plan_points_to(entry: ShippedPlan) -> None:
    data = read_document(entry.plan_path).data
    assert isinstance(data, dict)
    assert (entry.plan_path.parent / data["agencies"]).resolve() == entry.agencies_path
    assert len(load_agencies(entry.id)) > 0


def test_every_plan_file_is_listed_in_the_manifest() -> None:
    on_disk = {
        path.name
        for path in (data_dir() / "plans").iterdir()
        if path.suffix in PLAN_SUFFIXES and path.name != "manifest.yaml"
    }
    assert on_disk - {entry.plan_path.name for entry in ENTRIES} == set()


def test_every_agency_file_belongs_to_a_listed_plan() -> None:
    on_disk = {path.resolve() for path in (data_dir() / "agencies").glob("*.yaml")}
    assert on_disk - {entry.agencies_path for entry in ENTRIES} == set()


def test_available_plans_are_the_manifest_ids() -> None:
    assert available_plans() == sorted(entry.id for entry in ENTRIES)
    assert load_plan().id == shipped.default_plan().id


@pytest.fixture
def manifest_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A plans folder with its own manifest in place of the shipped one."""
    monkeypatch.setattr(shipped, "_plans_dir", lambda: tmp_path)
    shipped._manifest.cache_clear()
    yield tmp_path
    shipped._manifest.cache_clear()


def test_a_broken_manifest_is_reported_with_its_lines(manifest_dir: Path) -> None:
    (manifest_dir / "a.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    (manifest_dir / "manifest.yaml").write_text(
        'schema_version: 1\ndefault: "c"\nplans:\n'
        '  - {id: "a", file: "a.yaml", agencies: "a.yaml", province: "P", source: "S"}\n'
        '  - {id: "a", file: "b.yaml", agencies: "a.yaml", province: "P", source: "S"}\n',
        encoding="utf-8",
    )
    with pytest.raises(PlanValidationError) as raised:
        available_plans()
    found = [(p.line, p.path, p.message.split(" (")[0]) for p in raised.value.problems]
    assert found == [
        (2, "default", "the default plan 'c' is not listed under 'plans'"),
        (5, "plans[1].id", "the plan id 'a' is listed twice"),
        (5, "plans[1].file", "there is no file 'b.yaml'"),
    ]
