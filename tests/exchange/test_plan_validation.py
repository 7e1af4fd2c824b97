"""A target the plan model refuses after the import read it: listed by its cell, with the
agencies that go with it (they were dropped in silence with the target)."""

from __future__ import annotations

from typing import Any

import kh922core
from kh922core._exchange.grids import Grid
from kh922core._exchange.import_problems import Sink
from kh922core._exchange.plan_validation import validated


def _data(texts: list[str]) -> dict[str, Any]:
    plan = kh922core.load_plan()
    data = plan.model_dump(mode="json", by_alias=True)
    grid = Grid("pl.xlsx", "sheet 'PL I'", [["x"] * 5 for _ in range(5)], [])
    first = data["targets"][1]
    kept = [{**t, "_place": (grid, None, 0, 0)} for t in data["targets"]]
    data["targets"] = kept + [
        {
            **first,
            "id": f"2030-{n}",
            "row": str(n),
            "text": text,
            "lead_agencies_text": "Công an tỉnh",
            "_place": (grid, None, 2, 3),
        }
        for n, text in enumerate(texts, start=90)
    ]
    return data


def test_a_refused_target_names_its_agencies() -> None:
    sink = Sink()
    plan = validated(_data(["khoảng chừng 100 sao"]), sink)
    assert "2030-90" not in {t.id for t in plan.targets}
    (problem,) = sink.problems
    assert problem.text == "khoảng chừng 100 sao"
    assert "its agencies (Công an tỉnh) are not imported either" in problem.reason


def test_agencies_kept_by_another_target_of_the_row_are_not_said_lost() -> None:
    sink = Sink()
    plan = validated(_data(["khoảng chừng 100 sao", "≤ 30"]), sink)
    assert [t.text for t in plan.targets if t.id in ("2030-90", "2030-91")] == ["≤ 30"]
    (problem,) = sink.problems
    assert "not imported either" not in problem.reason
