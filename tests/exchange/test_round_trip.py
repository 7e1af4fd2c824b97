"""``import(export(plan))`` gives back the same targets (text, horizon, row, meaning) and tasks
(text, agencies, deadline): for the built-in plan in the three formats, and for generated
plans (a Hypothesis property)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import kh922core
from kh922core import Plan, export_tables, import_tables, load_plan
from kh922core.testing.strategies import plans

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

FORMATS = (".docx", ".xlsx", ".csv")
#: A number with one dot before three digits (``1.000``).
_DOTTED = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")


def _percent(target: kh922core.Target) -> bool:
    unit = target.indicator_unit or target.unit
    return unit is not None and "percent" in unit.expression


def _targets(plan: Plan) -> dict[tuple[int, str], tuple[str, object]]:
    return {(t.horizon, t.row): (t.text, t.spec) for t in plan.targets}


def _tasks(plan: Plan) -> dict[int, tuple[object, ...]]:
    return {
        t.number: (t.name, t.lead_agencies, t.cooperating_agencies, t.deadline.text)
        for t in plan.tasks
    }


def _same(plan: Plan, back: Plan) -> None:
    assert _targets(back) == _targets(plan)
    assert _tasks(back) == _tasks(plan)


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_built_in_plan_comes_back_whole(suffix: str, tmp_path: Path) -> None:
    plan = load_plan()
    back, problems = import_tables(export_tables(plan, tmp_path / f"phu-luc{suffix}"))
    assert problems == ()
    _same(plan, back)
    assert (back.number, back.date, back.province.name) == (plan.number, plan.date, "Bến Tre")


_NAMES = (
    st.text(st.sampled_from("abcdeghiklmnopqrstuvxyàáạảãâăđêôơưệộ "), min_size=3, max_size=40)
    .map(lambda text: " ".join(text.split()).capitalize())
    .filter(lambda text: len(text) >= 3)
)
_DEADLINES = st.sampled_from(
    ["Thường xuyên", "Quý II/2025", "12/2026", "Năm 2030", "2025 - 2026", "Sau khi có đề án"]
)


@st.composite
def _plans_with_tasks(draw: st.DrawFn) -> Plan:
    plan = draw(plans(max_indicators=4))
    registry = list(load_plan().registry)
    agencies = [a for a in registry if a.until is None and a.level != "national"][:30]
    issuer = next(a for a in registry if a.id == "ubnd-tinh-ben-tre")
    tasks = []
    for number in range(1, draw(st.integers(min_value=0, max_value=4)) + 1):
        lead = draw(st.lists(st.sampled_from(agencies), min_size=1, max_size=2, unique=True))
        tasks.append(
            {
                "id": f"task-{number:02d}",
                "number": number,
                "group": "I",
                "name": draw(_NAMES),
                "lead_agencies": [a.id for a in lead],
                "lead_agencies_text": ", ".join(a.name for a in lead),
                "deadline": draw(_DEADLINES),
            }
        )
    data = plan.model_dump(mode="json", by_alias=True)
    data.update(
        issuer=issuer.id,
        agencies=[a.model_dump(mode="json", by_alias=True) for a in registry],
        task_groups=[{"id": "I", "title": "Nhiệm vụ chung"}] if tasks else [],
        tasks=tasks,
    )
    for target in data["targets"]:
        target["text"] = " ".join(target["text"].split())
    return Plan.model_validate(data)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(plan=_plans_with_tasks(), suffix=st.sampled_from(FORMATS))
def test_a_generated_plan_comes_back_whole(plan: Plan, suffix: str) -> None:
    # A percentage written with one thousands dot ("≥ 1.000" %) is listed by the importer, as a
    # decimal typed with a dot may be meant (95.125: 95125 %?); no real plan's share has one.
    assume(not any(_DOTTED.search(t.text) and _percent(t) for t in plan.targets))
    with tempfile.TemporaryDirectory() as folder:
        path = export_tables(plan, Path(folder) / f"phu-luc{suffix}")
        back, problems = import_tables(path, agencies=plan.registry)
    assert problems == ()
    _same(plan, back)
    directions = {i.id: i.direction for i in plan.indicators}
    for target in back.targets:
        original = next(
            t for t in plan.targets if (t.horizon, t.row) == (target.horizon, target.row)
        )
        assert back.indicator(target.indicator).direction == directions[original.indicator]


def test_export_refuses_another_suffix(tmp_path: Path) -> None:
    with pytest.raises(kh922core.UnknownFormatError, match="cannot export"):
        export_tables(load_plan(), tmp_path / "phu-luc.pdf")
