"""Hostile and messy input, plan-file side: a stale memory of plans, deep nesting, huge numbers,
huge files, and plan files that point outside their folder.

Each test pins one finding of the adversarial run (issue "Hostile and messy input"); the
successions are in ``test_succession_graphs.py``, the corpus of broken files in
``test_broken_files.py``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kh922core import PlanValidationError, ValidationProblem, check_plan_file, load_plan
from kh922core._cli import main
from kh922core._plans import strict_yaml
from kh922core._plans.strict_yaml import read_document, read_text
from kh922core._targets.wording import restore_shipped_wording

if TYPE_CHECKING:
    from tests.conftest import PlanFiles

DEPTH = (
    "the values are nested more than 100 levels deep; "
    "a plan or agency file is never nested so deeply"
)
OUTSIDE = (
    "is outside the plan's folder: a plan may name files only in its own folder (or below it) "
    "or in the library's data folder; to read it all the same, pass allow_outside=True"
)


def only(found: list[ValidationProblem]) -> ValidationProblem:
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


@pytest.fixture
def shipped_wording_only() -> Iterator[None]:
    restore_shipped_wording()
    yield
    restore_shipped_wording()


# --- 1. load_plan sees every change of every file the plan was read from ----------------------


def test_load_plan_sees_a_changed_agency_file(tmp_path: Path, plan_files: PlanFiles) -> None:
    path = plan_files.write(tmp_path, plan_files.minimal)
    assert load_plan(path).registry.get("so-tai-chinh").name == "Sở Tài chính"
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text(
        plan_files.agencies.replace('name: "Sở Tài chính"', 'name: "Sở Tài chính tỉnh"'),
        encoding="utf-8",
    )
    assert load_plan(path).registry.get("so-tai-chinh").name == "Sở Tài chính tỉnh"


def test_load_plan_sees_an_edit_that_keeps_size_and_time(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    path = plan_files.write(tmp_path, plan_files.minimal)
    assert load_plan(path).title == "Kế hoạch mẫu"
    before = path.stat()
    edited = plan_files.broken(plan_files.minimal, 'title: "Kế hoạch mẫu"', 'title: "Kế hoạch mẩu"')
    assert len(edited.encode()) == before.st_size  # 'ẫ' and 'ẩ' take three bytes each
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert load_plan(path).title == "Kế hoạch mẩu"


def test_load_plan_sees_a_changed_wording_file(
    tmp_path: Path, plan_files: PlanFiles, shipped_wording_only: None
) -> None:
    phrases = tmp_path / "cum-tu.txt"
    phrases.write_text("ge  chẳng kém\n", encoding="utf-8")
    text = plan_files.broken(
        plan_files.minimal,
        'agencies: "agencies.yaml"\n',
        'agencies: "agencies.yaml"\nwording: {target_phrases: ["cum-tu.txt"]}\n',
    )
    text = plan_files.broken(text, 'text: "100"', 'text: "chẳng kém 90"')
    path = plan_files.write(tmp_path, text)
    first = load_plan(path)
    assert load_plan(path) is first  # unchanged: taken from memory
    phrases.write_text("ge  chẳng kém\nge  không thấp hơn\n", encoding="utf-8")
    second = load_plan(path)
    assert second is not first
    assert second.target("2030-5.10").spec.render() == "≥ 90"


def test_allow_outside_is_part_of_what_load_plan_remembers(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "agencies.yaml").write_text(plan_files.agencies, encoding="utf-8")
    (tmp_path / "plan").mkdir()
    text = plan_files.broken(
        plan_files.minimal, 'agencies: "agencies.yaml"', 'agencies: "../shared/agencies.yaml"'
    )
    path = tmp_path / "plan" / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert len(load_plan(path, allow_outside=True).registry) == 3
    with pytest.raises(PlanValidationError, match="outside the plan's folder"):
        load_plan(path)


# --- 3. deep nesting and huge numbers: located problems, checked while reading ----------------


@pytest.fixture(params=["libyaml", "python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs on libyaml's parser (when PyYAML has it) and on PyYAML's own."""
    if request.param == "python":
        monkeypatch.setattr(strict_yaml, "_FastLoader", strict_yaml._Loader)
    return str(request.param)


def test_yaml_nested_ten_thousand_deep(yaml_parser: str) -> None:
    document = read_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "deep.yaml")
    problem = only(document.problems)
    assert (problem.message, problem.line, problem.path) == (DEPTH, 1, "(file)")
    assert document.data is None


def test_yaml_blocks_nested_beyond_the_limit(yaml_parser: str) -> None:
    text = "".join(" " * level + "- \n" for level in range(150))
    problem = only(read_text(text, "deep.yaml").problems)
    # the list on line 102 is the first inside 101 others
    assert (problem.line, problem.column, problem.message) == (102, 102, DEPTH)


def test_a_hundred_levels_are_read() -> None:
    document = read_text("[" * 99 + "1" + "]" * 99, "deep.yaml")
    assert document.problems == []


def test_json_nested_ten_thousand_deep(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"a": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="utf-8")
    plan, problems = check_plan_file(path)
    problem = only(problems)
    assert plan is None
    # '{"a": ' is 6 characters; the 101st list opens at column 7 + 100
    assert (problem.line, problem.column, problem.message) == (1, 107, DEPTH)


def test_a_yaml_integer_of_4301_digits(yaml_parser: str) -> None:
    problem = only(read_text("schema_version: " + "7" * 4301 + "\n", "big.yaml").problems)
    assert (problem.line, problem.column, problem.path) == (1, 17, "schema_version")
    assert problem.message == (
        "a whole number of 4,301 digits; a plan's whole numbers have at most 18 "
        "(put it in quotes if it is text)"
    )
    assert problem.value == "77777777777777777777… (4,301 characters)"


def test_a_json_integer_of_4301_digits() -> None:
    document = read_text(
        '{\n  "schema_version": ' + "7" * 4301 + "\n}", "big.json", json_format=True
    )
    problem = only(document.problems)
    assert (problem.line, problem.column, problem.path) == (2, 21, "schema_version")
    assert problem.message.startswith("a whole number of 4,301 digits")


def test_309_digits_in_a_numeric_field(tmp_path: Path, plan_files: PlanFiles) -> None:
    huge = "1" + "0" * 308
    text = plan_files.broken(
        plan_files.minimal, "{month: 11, day: 15}", f"{{month: 11, day: {huge}}}"
    )
    text = plan_files.broken(
        text, "approximate_tolerance: 0.05", f"approximate_tolerance: {huge}.5"
    )
    plan, problems = check_plan_file(plan_files.write(tmp_path, text))
    assert plan is None
    assert [(p.path, p.line, p.message) for p in problems] == [
        (
            "approximate_tolerance",
            plan_files.line_of(text, "approximate_tolerance"),
            "a number written with 311 characters; a plan's numbers have at most 40 "
            "(put it in quotes if it is text)",
        ),
        (
            "reporting.due[0].day",
            plan_files.line_of(text, "{month: 11"),
            "a whole number of 309 digits; a plan's whole numbers have at most 18 "
            "(put it in quotes if it is text)",
        ),
    ]


def test_a_json_number_beyond_floating_point(tmp_path: Path, plan_files: PlanFiles) -> None:
    data = {"schema_version": 1, "approximate_tolerance": 1e308}
    text = json.dumps(data, indent=1).replace("1e+308", "1e999")
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    problem = only(check_plan_file(path)[1])
    assert (problem.path, problem.line, problem.column) == ("approximate_tolerance", 3, 27)
    assert problem.message == (
        "a number too large to compute with (more than 1.8e308); put it in quotes if it is text"
    )


def test_a_number_in_quotes_is_text_of_any_length(plan_files: PlanFiles) -> None:
    document = read_text(f'code: "{"9" * 5000}"\n', "t.yaml")
    assert document.problems == []
    assert document.data == {"code": "9" * 5000}


# --- 4. size: refused before reading, each file read once -------------------------------------


def test_a_50_mb_plan_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    with path.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: nothing is written, the size is there
    started = time.process_time()
    plan, problems = check_plan_file(path)
    spent = time.process_time() - started
    problem = only(problems)
    assert plan is None
    assert (problem.file, problem.line, problem.path) == (str(path), None, "(file)")
    assert problem.message == (
        "the file has 50,000,000 bytes; a plan or agency file may have at most 5,000,000 (5 MB)"
    )
    assert spent < 0.5  # reading and decoding 50 MB takes longer


def test_an_agency_file_over_the_limit(tmp_path: Path, plan_files: PlanFiles) -> None:
    path = plan_files.write(tmp_path, plan_files.minimal)
    with (tmp_path / "agencies.yaml").open("ab") as stream:
        stream.write(b"# " + b"x" * 5_000_000 + b"\n")
    problem = only(check_plan_file(path)[1])
    assert (problem.file, problem.line) == (str(tmp_path / "agencies.yaml"), None)
    assert problem.message.startswith("the file has 5,000,")
    assert problem.message.endswith(
        "bytes; a plan or agency file may have at most 5,000,000 (5 MB)"
    )


def test_validate_parses_a_plan_file_once(
    tmp_path: Path, plan_files: PlanFiles, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    parsed: list[str] = []
    parser = strict_yaml._FastLoader

    class Counting(parser):  # type: ignore[valid-type,misc]
        def __init__(self, stream: str) -> None:
            parsed.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(strict_yaml, "_FastLoader", Counting)
    path = plan_files.write(tmp_path, plan_files.minimal)
    assert main(["validate", str(path), "--no-audit"]) == 0
    assert "valid plan 1/KH-UBND" in capsys.readouterr().out
    assert parsed.count(plan_files.minimal) == 1
    assert parsed.count(plan_files.agencies) == 1


def test_a_json_plan_is_parsed_once(tmp_path: Path, monkeypatch: Any) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a JSON plan is read by one reader, once")

    monkeypatch.setattr(json, "loads", refuse)
    monkeypatch.setattr(strict_yaml, "_FastLoader", refuse)
    monkeypatch.setattr(strict_yaml, "_Loader", refuse)
    path = tmp_path / "plan.json"
    path.write_text('{"schema_version": 1,\n "id": "x"}', encoding="utf-8")
    document = read_document(path)
    assert document.data == {"schema_version": 1, "id": "x"}
    assert document.marks[("id",)].line == 2


# --- 5. the files a plan names stay in its folder ---------------------------------------------


def _plan_naming(tmp_path: Path, plan_files: PlanFiles, reference: str) -> tuple[Path, str]:
    (tmp_path / "plan").mkdir()
    text = plan_files.broken(
        plan_files.minimal, 'agencies: "agencies.yaml"', f"agencies: {json.dumps(reference)}"
    )
    path = tmp_path / "plan" / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


@pytest.mark.parametrize(
    "where", ["../agencies.yaml", "{tmp}/agencies.yaml", "sub/../../agencies.yaml"]
)
def test_an_agency_file_outside_the_plan_folder_is_refused(
    tmp_path: Path, plan_files: PlanFiles, where: str
) -> None:
    (tmp_path / "agencies.yaml").write_text(plan_files.agencies, encoding="utf-8")
    reference = where.format(tmp=tmp_path)
    path, text = _plan_naming(tmp_path, plan_files, reference)
    (path.parent / "sub").mkdir()
    plan, problems = check_plan_file(path)
    problem = only(problems)
    assert plan is None
    assert (problem.path, problem.line, problem.column) == (
        "agencies",
        plan_files.line_of(text, "agencies:"),
        11,
    )
    assert problem.message == f"the agency file {reference!r} {OUTSIDE}"
    assert problem.value == json.dumps(reference)
    assert len(load_plan(path, allow_outside=True).registry) == 3
    plan, problems = check_plan_file(path, allow_outside=True)
    assert plan is not None
    assert problems == []


def test_a_link_that_leads_outside_is_outside(tmp_path: Path, plan_files: PlanFiles) -> None:
    (tmp_path / "agencies.yaml").write_text(plan_files.agencies, encoding="utf-8")
    path, _ = _plan_naming(tmp_path, plan_files, "linked.yaml")
    (path.parent / "linked.yaml").symlink_to(tmp_path / "agencies.yaml")
    problem = only(check_plan_file(path)[1])
    assert problem.message == f"the agency file 'linked.yaml' {OUTSIDE}"


def test_a_file_below_the_plan_folder_is_inside(tmp_path: Path, plan_files: PlanFiles) -> None:
    path, _ = _plan_naming(tmp_path, plan_files, "registry/agencies.yaml")
    (path.parent / "registry").mkdir()
    (path.parent / "registry" / "agencies.yaml").write_text(plan_files.agencies, encoding="utf-8")
    assert len(load_plan(path).registry) == 3


def test_the_shipped_registry_may_be_named_from_anywhere(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    shipped = Path(strict_yaml.__file__).parents[1] / "data" / "agencies" / "ben_tre.yaml"
    path, _ = _plan_naming(tmp_path, plan_files, str(shipped))
    plan, problems = check_plan_file(path)
    assert plan is None  # Bến Tre's registry has no 'ubnd-tinh': the registry was read
    assert [p.message for p in problems] == [
        "names the agency 'ubnd-tinh', which is not defined in the agency registry; "
        "did you mean 'ubmttq-tinh'?"
    ] * 2
    assert load_plan().registry.find("Sở KH&CN").id == "so-khcn"  # ../agencies/ of the data


def test_a_wording_file_outside_the_plan_folder_is_refused(
    tmp_path: Path, plan_files: PlanFiles, shipped_wording_only: None
) -> None:
    (tmp_path / "cum-tu.txt").write_text("ge  chẳng kém\n", encoding="utf-8")
    (tmp_path / "plan").mkdir()
    text = plan_files.broken(
        plan_files.minimal,
        'agencies: "agencies.yaml"\n',
        'agencies: "agencies.yaml"\nwording: {target_phrases: ["../cum-tu.txt"]}\n',
    )
    path = plan_files.write(tmp_path / "plan", text)
    problem = only(check_plan_file(path)[1])
    assert (problem.path, problem.line) == (
        "wording.target_phrases[0]",
        plan_files.line_of(text, "wording:"),
    )
    assert problem.message == f"the wording file '../cum-tu.txt' {OUTSIDE}"
    assert check_plan_file(path, allow_outside=True)[1] == []


def test_the_limits_shown_in_the_docs_are_current(tmp_path: Path) -> None:
    """docs/adapting.md quotes these two problems; they must be what the reader says."""
    docs = (Path(__file__).parents[2] / "docs" / "adapting.md").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    (large,) = read_document(path, "plan.yaml").problems
    deep = read_text("schema_version: 1\nagencies: " + "[" * 200 + "]" * 200, "plan.yaml")
    assert f"\n{large}\n{deep.problems[0]}\n" in docs
