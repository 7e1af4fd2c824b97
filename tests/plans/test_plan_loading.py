"""Loading plans: the built-in plan, plan files (YAML and JSON), round trips, strict scalars."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import (
    Plan,
    available_plans,
    check_plan_file,
    dump_plan,
    load_agencies,
    load_plan,
)
from kh922core._plans.strict_yaml import format_path, read_text

BUILTIN = (
    Path(__file__).parents[2] / "src" / "kh922core" / "data" / "plans" / "ben_tre_922_2025.yaml"
)


def test_builtin_plan_by_default_by_id_and_by_path() -> None:
    plan = load_plan()
    assert available_plans() == ["ben-tre-922-2025"]
    assert load_plan("ben-tre-922-2025") == plan
    assert load_plan(BUILTIN) == plan
    assert (plan.id, plan.number, plan.date.isoformat()) == (
        "ben-tre-922-2025",
        "922/KH-UBND",
        "2025-02-14",
    )
    assert len(plan.agencies) == 38


def test_loading_twice_gives_the_same_object() -> None:
    assert load_plan() is load_plan()


def test_no_such_plan() -> None:
    with pytest.raises(FileNotFoundError, match="ben-tre-922-2025"):
        load_plan("no-such-plan")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_dump_and_load_round_trip(tmp_path: Path, fmt: str) -> None:
    plan = load_plan()
    path = tmp_path / f"plan.{fmt}"
    path.write_text(dump_plan(plan, fmt), encoding="utf-8")  # type: ignore[arg-type]
    again = load_plan(path)
    assert again == plan
    assert again.target("2030-5.10").row == "5.10"
    assert again.target("2030-8").spec == plan.target("2030-8").spec
    assert dump_plan(again, fmt) == dump_plan(plan, fmt)  # type: ignore[arg-type]


def test_dump_quotes_every_text(tmp_path: Path) -> None:
    text = dump_plan(load_plan())
    assert 'code: "83"' in text
    assert 'row: "5.10"' in text
    assert "horizon: 2030" in text
    assert 'date: "2025-02-14"' in text


def test_dump_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="format must be"):
        dump_plan(load_plan(), "toml")  # type: ignore[arg-type]


def test_plan_model_still_accepts_python_data() -> None:
    plan = load_plan()
    data = plan.model_dump(by_alias=True)
    assert Plan.model_validate(data) == plan


def test_load_agencies() -> None:
    registry = load_agencies()
    assert len(registry) == 38
    assert registry.find("Sở KH&ĐT").id == "so-khdt"
    with pytest.raises(FileNotFoundError):
        load_agencies("nowhere")


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("x: no", "no"),
        ("x: yes", "yes"),
        ("x: on", "on"),
        ("x: off", "off"),
        ("x: 08", "08"),
        ("x: 0x1F", "0x1F"),
        ("x: 1e3", "1e3"),
        ("x: 2025-02-14", "2025-02-14"),
        ("x: .inf", ".inf"),
        ("x: 1_000", "1_000"),
        ("x: 12:30", "12:30"),
        ("x: '2030'", "2030"),
        ('x: "true"', "true"),
        ("x: 2030", 2030),
        ("x: -5", -5),
        ("x: 0", 0),
        ("x: 0.05", 0.05),
        ("x: 5.10", 5.1),
        ("x: 1.5e3", 1500.0),
        ("x: true", True),
        ("x: False", False),
        ("x: null", None),
        ("x: ~", None),
        ("x:", None),
        ("x: !!str 2030", "2030"),
    ],
)
def test_plain_scalars_follow_the_strict_table(written: str, value: object) -> None:
    document = read_text(written + "\n", "t.yaml")
    assert document.problems == []
    assert document.data == {"x": value}
    assert type(document.data["x"]) is type(value)


def test_marks_keep_the_text_as_written() -> None:
    document = read_text('a:\n  - b: 5.10\n    c: "08"\n', "t.yaml")
    row = document.marks[("a", 0, "b")]
    assert (row.line, row.column, row.raw, row.quoted) == (2, 8, "5.10", False)
    code = document.marks[("a", 0, "c")]
    assert (code.line, code.raw, code.quoted, code.key_line, code.key_column) == (
        3,
        "08",
        True,
        3,
        5,
    )
    assert document.locate(("a", 0, "missing")) == (2, 5)
    assert format_path(("a", 0, "c")) == "a[0].c"


def test_alias_bombs_are_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 7)]
    document = read_text("\n".join(lines) + "\n", "bomb.yaml")
    assert any("too large" in p.message for p in document.problems)


def test_merge_keys_are_refused() -> None:
    document = read_text("base: &b {x: 1}\nother:\n  <<: *b\n", "t.yaml")
    assert [p.message for p in document.problems] == [
        "merge keys ('<<') are not allowed in a plan file; write the fields out"
    ]
    assert document.problems[0].line == 3


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b'id: "x"\ntitle: "K\xea ho\xb8ch"\n')  # TCVN3 / Latin-1 bytes
    plan, problems = check_plan_file(path)
    assert plan is None
    assert problems[0].message == "the file is not UTF-8 text; save it as UTF-8"


def test_a_plan_prints_short() -> None:
    plan = load_plan()
    expected = (
        "Plan(id='ben-tre-922-2025', number='922/KH-UBND', province='Bến Tre', 38 targets, "
        "44 tasks)"
    )
    assert repr(plan) == expected
    assert str(plan) == expected
