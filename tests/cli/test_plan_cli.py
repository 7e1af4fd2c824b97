"""``kh922 validate`` and ``kh922 schema``; the worked example of docs/adapting.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kh922core import load_plan
from kh922core._cli.command import main
from kh922core._plans.json_schema import agencies_json_schema, plan_json_schema, schema_text

if TYPE_CHECKING:
    from tests.conftest import PlanFiles

ROOT = Path(__file__).parents[2]
DATA = ROOT / "src" / "kh922core" / "data"
BUILTIN = DATA / "plans" / "ben_tre_922_2025.yaml"
EXAMPLE = ROOT / "examples" / "adapting" / "my_province_plan.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_the_builtin_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(BUILTIN), "--as-of", "2025-07-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        f"{BUILTIN}: valid plan 922/KH-UBND (Bến Tre): 38 targets, 44 tasks, 7 task groups, "
        "38 agencies"
    )
    assert lines[1].startswith("  audit as of 2025-07-01: 0 errors, 10 warnings, ")
    assert any(
        line.startswith("  warning KH001 objectives[specific-2030-2].claims[3]") for line in lines
    )
    assert not any(line.startswith("  info ") for line in lines)
    assert lines[-1].endswith("not shown; add --all to see them)")


def test_validate_all_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(BUILTIN), "--as-of", "2025-07-01", "--all")
    assert code == 0
    assert "  info KH013 issuer (the plan's issuer): " in out
    code, _, _ = run(capsys, "validate", str(BUILTIN), "--as-of", "2025-07-01", "--strict")
    assert code == 1
    code, out, _ = run(capsys, "validate", str(BUILTIN), "--no-audit", "--strict")
    assert (code, out.count("\n")) == (0, 1)


def test_validate_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan_files: PlanFiles
) -> None:
    text = plan_files.broken(plan_files.minimal, 'text: "≥ 30"', 'txet: "≥ 30"')
    path = plan_files.write(tmp_path, text)
    first = plan_files.line_of(text, '  - id: "2030-1"')
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}: 2 problems",
        f"  {path}:{first}:5: targets[0].text: the required field 'text' is missing",
        f"  {path}:{plan_files.line_of(text, 'txet')}:5: targets[0].txet: "
        "unknown field 'txet'; did you mean 'text'?",
    ]


def test_validate_error_findings_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan_files: PlanFiles
) -> None:
    path = plan_files.write(tmp_path, plan_files.minimal)
    agencies = (tmp_path / "agencies.yaml").read_text(encoding="utf-8")
    (tmp_path / "agencies.yaml").write_text(
        agencies.replace('name: "Sở Tài chính"', 'name: "Sở Tài chính"\n    until: "2025-05-01"'),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(path), "--as-of", "2025-06-01")
    assert code == 1
    assert "  error KH013 targets[2030-5.10]" in out
    code, _, _ = run(capsys, "validate", str(path), "--as-of", "2025-04-01")
    assert code == 0


def test_validate_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert "no such file" in err
    code, _, err = run(capsys, "validate")
    assert code == 2
    code, _, err = run(capsys, "validate", str(BUILTIN), "--as-of", "14/02/2025")
    assert code == 2
    assert "expected a date YYYY-MM-DD" in err


def test_validate_several_files_and_an_agency_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan_files: PlanFiles
) -> None:
    good = plan_files.write(tmp_path, plan_files.minimal)
    code, out, _ = run(
        capsys, "validate", str(good), str(tmp_path / "agencies.yaml"), "--as-of", "2025-04-01"
    )
    assert code == 0
    assert f"{tmp_path / 'agencies.yaml'}: valid agency file, 3 agencies" in out
    (tmp_path / "bad.yaml").write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(good), str(tmp_path / "bad.yaml"))
    assert code == 1


def test_schema_command_prints_the_shipped_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert out == (DATA / "plan.schema.json").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "schema", "--agencies")
    assert out == (DATA / "agencies.schema.json").read_text(encoding="utf-8")


def test_committed_schemas_are_up_to_date() -> None:
    """Regenerate with ``kh922 schema > src/kh922core/data/plan.schema.json`` (and --agencies)."""
    assert (DATA / "plan.schema.json").read_text(encoding="utf-8") == schema_text(
        plan_json_schema()
    )
    assert (DATA / "agencies.schema.json").read_text(encoding="utf-8") == schema_text(
        agencies_json_schema()
    )


def test_schema_accepts_the_shipped_files_and_a_dump() -> None:
    import jsonschema  # in the test extra

    from kh922core import dump_plan
    from kh922core._plans.strict_yaml import read_document

    validator = jsonschema.Draft202012Validator(plan_json_schema())
    validator.check_schema(plan_json_schema())
    for path in (BUILTIN, EXAMPLE):
        assert list(validator.iter_errors(read_document(path).data)) == []
    assert list(validator.iter_errors(json.loads(dump_plan(load_plan(), "json")))) == []
    agencies = jsonschema.Draft202012Validator(agencies_json_schema())
    assert list(agencies.iter_errors(read_document(DATA / "agencies" / "ben_tre.yaml").data)) == []
    broken_plan = read_document(BUILTIN).data
    broken_plan["targets"][0]["txet"] = "x"
    assert [e.validator for e in validator.iter_errors(broken_plan)] == ["additionalProperties"]


def test_the_worked_example_validates(capsys: pytest.CaptureFixture[str]) -> None:
    plan = load_plan(EXAMPLE)
    assert (plan.province.name, len(plan.targets), len(plan.tasks)) == ("Tỉnh Mẫu", 4, 2)
    code, out, _ = run(capsys, "validate", str(EXAMPLE), "--as-of", "2025-08-01", "--strict")
    assert code == 0
    assert "0 errors, 0 warnings, 1 note" in out
    code, _, _ = run(capsys, "validate", str(EXAMPLE.parent / "agencies.yaml"))
    assert code == 0


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kh922core", "validate", str(BUILTIN), "--no-audit"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "valid plan 922/KH-UBND" in result.stdout


DOC_MISTAKES = [
    ('    horizon: 2030\n    section: "I"\n    row: "1" ',
     '    horizon: "2030"\n    section: "I"\n    row: "1" '),
    ('    row: "2"', "    row: 2.10"),
    ('    text: "≥ 80"', '    txet: "≥ 80"'),
    ('    lead_agencies: ["van-phong-ubnd-tinh"]', '    lead_agencies: ["VP UBND tỉnh"]'),
    ('    indicator: "smart-cities"', '    indicator: "smart-city"'),
    ('    text: "≥ 25"', '    text: "≥ 25 tỷ đồng"'),
    ('deadline: "Quý IV/2026"', 'deadline: "giữa năm 2026"'),
    ('date: "2025-03-10"', 'date: "10/03/2025"'),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new"), DOC_MISTAKES)
def test_the_messages_shown_in_the_docs_are_current(
    tmp_path: Path, old: str, new: str, plan_files: PlanFiles
) -> None:
    """docs/adapting.md quotes these messages; they must be what the loader says."""
    from kh922core import check_plan_file

    docs = (ROOT / "docs" / "adapting.md").read_text(encoding="utf-8")
    (tmp_path / "agencies.yaml").write_text(
        (EXAMPLE.parent / "agencies.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "my_province_plan.yaml"
    path.write_text(
        plan_files.broken(EXAMPLE.read_text(encoding="utf-8"), old, new), encoding="utf-8"
    )
    plan, problems = check_plan_file(path, file="my_province_plan.yaml")
    assert plan is None
    for problem in problems:
        assert str(problem) in docs


def test_validate_allows_files_outside_the_plans_folder_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan_files: PlanFiles
) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    (tmp_path / "agencies.yaml").write_text(plan_files.agencies, encoding="utf-8")
    text = plan_files.broken(
        plan_files.minimal, 'agencies: "agencies.yaml"', 'agencies: "../agencies.yaml"'
    )
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path), "--no-audit"]) == 1
    refused = capsys.readouterr().out
    assert "../agencies.yaml" in refused
    assert main(["validate", str(path), "--no-audit", "--allow-outside"]) == 0
    assert "valid plan" in capsys.readouterr().out
