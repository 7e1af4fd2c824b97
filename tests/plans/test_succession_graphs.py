"""Registries with many successions: a "diamond ladder", a chain of a thousand, a circle.

Each is generated, loaded through the agency file reader (the cross-checks walk the successions)
and asked who carries a duty (:meth:`AgencyRegistry.responsible` walks them again).  Every walk
visits each agency once: the ladder of 73 agencies has 2**24 ways from top to bottom, the chain
is deeper than Python's recursion limit.  A guard stops a test that hangs; the bound on the
processor time is generous, for a loaded machine.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kh922core import check_plan_file, load_plan
from kh922core._plans import Agency, AgencyRegistry, check_agency_file

if TYPE_CHECKING:
    from tests.conftest import PlanFiles

DAY = date(2025, 6, 1)


@contextmanager
def quickly(seconds: float = 2.0) -> Iterator[None]:
    """Fail (rather than hang) after a minute; fail when the processor time passes ``seconds``."""
    previous = signal.signal(signal.SIGALRM, _too_long)
    signal.alarm(60)
    started = time.process_time()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert time.process_time() - started < seconds


def _too_long(signum: int, frame: object) -> None:
    raise TimeoutError("the walk did not end within a minute")


def _registry_text(successions: dict[str, list[str]]) -> str:
    """An agency file: one agency per key, its successors (from 2025-01-01) as listed."""
    lines = ["schema_version: 1", "agencies:"]
    for agency_id, successors in successions.items():
        lines += [f'  - id: "{agency_id}"', f'    name: "Ban {agency_id.upper()}"']
        lines.append('    level: "province"')
        if successors:
            lines.append("    successors:")
            lines += [f'      - {{agency: "{s}", from: "2025-01-01"}}' for s in successors]
            lines.append('    until: "2025-01-01"')
    return "\n".join(lines) + "\n"


def _ladder(rungs: int) -> dict[str, list[str]]:
    """a0 → (b0, c0) → a1 → (b1, c1) → … → a{rungs}: 3 * rungs + 1 agencies."""
    successions: dict[str, list[str]] = {}
    for rung in range(rungs):
        successions[f"a{rung}"] = [f"b{rung}", f"c{rung}"]
        successions[f"b{rung}"] = [f"a{rung + 1}"]
        successions[f"c{rung}"] = [f"a{rung + 1}"]
    successions[f"a{rungs}"] = []
    return successions


def _chain(length: int) -> dict[str, list[str]]:
    return {f"a{i}": [f"a{i + 1}"] if i + 1 < length else [] for i in range(length)}


def _registry(tmp_path: Path, successions: dict[str, list[str]]) -> AgencyRegistry:
    path = tmp_path / "agencies.yaml"
    path.write_text(_registry_text(successions), encoding="utf-8")
    registry, problems = check_agency_file(path)
    assert problems == []
    assert registry is not None
    return registry


def test_a_diamond_ladder_of_73_agencies(tmp_path: Path) -> None:
    with quickly():
        registry = _registry(tmp_path, _ladder(24))
        (carrier,) = registry.responsible(["a0"], DAY)
    assert len(registry) == 73
    assert (carrier.agency, carrier.printed, carrier.exists) == ("a24", ("a0",), True)
    assert len(carrier.notes) == 4 * 24  # every succession once
    assert carrier.notes[:3] == (
        "Ban A0 → Ban B0 from 2025-01-01",
        "Ban B0 → Ban A1 from 2025-01-01",
        "Ban A1 → Ban B1 from 2025-01-01",
    )
    assert carrier.notes[48:50] == (
        "Ban A23 → Ban C23 from 2025-01-01",
        "Ban C23 → Ban A24 from 2025-01-01",
    )
    assert carrier.notes[-1] == "Ban C0 → Ban A1 from 2025-01-01"


def test_a_plan_over_a_diamond_ladder_loads(tmp_path: Path, plan_files: PlanFiles) -> None:
    ladder = _registry_text(_ladder(24)).split("agencies:\n", 1)[1]
    path = plan_files.write(tmp_path, plan_files.minimal, plan_files.agencies + ladder)
    with quickly():
        plan = load_plan(path)
        (carrier,) = plan.registry.responsible("a3", DAY)
    assert len(plan.registry) == 76
    assert carrier.agency == "a24"


def test_a_chain_of_a_thousand_successions(tmp_path: Path) -> None:
    with quickly():
        registry = _registry(tmp_path, _chain(1000))
        (carrier,) = registry.responsible("a0", DAY)
    assert (carrier.agency, carrier.printed) == ("a999", ("a0",))
    assert len(carrier.notes) == 999
    assert carrier.notes[0] == "Ban A0 → Ban A1 from 2025-01-01"
    assert carrier.notes[-1] == "Ban A998 → Ban A999 from 2025-01-01"


def test_a_circle_of_successions_is_a_located_problem(tmp_path: Path) -> None:
    successions = {"x": [], "a": ["b"], "b": ["c"], "c": ["a"]}
    path = tmp_path / "agencies.yaml"
    text = _registry_text(successions)
    path.write_text(text, encoding="utf-8")
    registry, problems = check_agency_file(path)
    assert registry is None
    (problem,) = problems
    assert problem.message == "successions go round in a circle: a → b → c → a"
    assert (problem.path, problem.line) == ("agencies[1].successors", 10)
    assert text.splitlines()[9] == '      - {agency: "b", from: "2025-01-01"}'


def test_a_circle_of_a_thousand_is_found_once(tmp_path: Path) -> None:
    successions = _chain(1000)
    successions["a999"] = ["a0"]
    path = tmp_path / "agencies.yaml"
    path.write_text(_registry_text(successions), encoding="utf-8")
    with quickly():
        registry, problems = check_agency_file(path)
    assert registry is None
    (problem,) = problems
    assert problem.path == "agencies[0].successors"
    assert problem.message.startswith("successions go round in a circle: a0 → a1 → a2 → ")
    assert problem.message.endswith(" → a998 → a999 → a0")


def test_a_circle_in_a_registry_built_in_code_ends(plan_files: PlanFiles) -> None:
    """The loader refuses circles; a registry built from agencies directly still answers."""
    agencies = [
        Agency.model_validate(
            {
                "id": agency_id,
                "name": f"Ban {agency_id.upper()}",
                "level": "province",
                "successors": [{"agency": successor, "from": "2025-01-01"}],
            }
        )
        for agency_id, successor in (("a", "b"), ("b", "c"), ("c", "a"))
    ]
    with quickly():
        (carrier,) = AgencyRegistry(agencies).responsible(["a"], DAY)
    assert carrier.agency == "c"
    assert carrier.notes == ("Ban A → Ban B from 2025-01-01", "Ban B → Ban C from 2025-01-01")


def test_a_plan_with_a_circle_is_refused_at_its_line(tmp_path: Path, plan_files: PlanFiles) -> None:
    circle = _registry_text({"a": ["b"], "b": ["a"]}).split("agencies:\n", 1)[1]
    agencies = plan_files.agencies + circle
    plan, problems = check_plan_file(plan_files.write(tmp_path, plan_files.minimal, agencies))
    assert plan is None
    (problem,) = problems
    assert problem.message == "successions go round in a circle: a → b → a"
    assert problem.line == plan_files.line_of(agencies, '{agency: "b"')


@pytest.mark.parametrize("rungs", [1, 2])
def test_several_ways_to_one_carrier_give_their_notes_once(tmp_path: Path, rungs: int) -> None:
    (carrier,) = _registry(tmp_path, _ladder(rungs)).responsible(["a0"], DAY)
    expected = {
        1: (
            "Ban A0 → Ban B0 from 2025-01-01",
            "Ban B0 → Ban A1 from 2025-01-01",
            "Ban A0 → Ban C0 from 2025-01-01",
            "Ban C0 → Ban A1 from 2025-01-01",
        ),
        2: (
            "Ban A0 → Ban B0 from 2025-01-01",
            "Ban B0 → Ban A1 from 2025-01-01",
            "Ban A1 → Ban B1 from 2025-01-01",
            "Ban B1 → Ban A2 from 2025-01-01",
            "Ban A1 → Ban C1 from 2025-01-01",
            "Ban C1 → Ban A2 from 2025-01-01",
            "Ban A0 → Ban C0 from 2025-01-01",
            "Ban C0 → Ban A1 from 2025-01-01",
        ),
    }
    assert carrier.notes == expected[rungs]
