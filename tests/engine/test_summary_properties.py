"""``summarize`` with the plan counts every target once per group, as a hand count does.

The reference below counts, for each group of the result's own key columns, the status of every
evaluated row, and then one missing status for each target of the plan that the group has no row
for: ``no_data``, whatever the kind (``needs_assessment`` belongs to an observation of words given
without its assessment, not to a group in which nothing was observed).  The counts are written
from that rule, not from the library.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kh922core import Plan, Status, evaluate, load_plan, summarize
from kh922core.testing import strategies as kst

#: Columns a roll-up takes from the target rather than from the observation.
_TARGET_FACTS = ("indicator", "horizon", "group", "row", "target_id")


def _missing_status(plan: Plan, target_id: str) -> str:
    return "no_data"


def _facts(plan: Plan, target_id: str) -> dict[str, Any]:
    target = plan.target(target_id)
    return {
        "indicator": target.indicator,
        "horizon": target.horizon,
        "group": target.section,
        "row": target.row,
        "target_id": target.id,
    }


def _hand_count(plan: Plan, result: pl.DataFrame, by: list[str]) -> dict[tuple[Any, ...], Counter]:
    """Status counts per group of ``by``, every target of the plan counted in every row group."""
    row_keys = [k for k in by if k not in _TARGET_FACTS]
    rows = result.with_columns(pl.col("target_id", "status").cast(pl.String)).to_dicts()
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(row[k] for k in row_keys)].append(row)
    if not row_keys:
        groups.setdefault((), [])
    counts: dict[tuple[Any, ...], Counter] = defaultdict(Counter)

    def key(group: tuple[Any, ...], target_id: str) -> tuple[Any, ...]:
        known = dict(zip(row_keys, group, strict=True)) | _facts(plan, target_id)
        return tuple(known[k] for k in by)

    for group, members in groups.items():
        seen = {row["target_id"] for row in members}
        for row in members:
            counts[key(group, row["target_id"])][row["status"]] += 1
        for target in plan.targets:
            if target.id not in seen:
                counts[key(group, target.id)][_missing_status(plan, target.id)] += 1
    return counts


def _check(plan: Plan, result: pl.DataFrame, by: list[str], lazy: bool = False) -> None:
    summary = summarize(result.lazy() if lazy else result, by=by, plan=plan)
    if isinstance(summary, pl.LazyFrame):
        summary = summary.collect()
    expected = _hand_count(plan, result, by)
    got = {tuple(row[k] for k in by): row for row in summary.iter_rows(named=True)}
    assert set(got) == set(expected)
    for group, counts in expected.items():
        row = got[group]
        for status in Status:
            assert row[f"status_{status.value}"] == counts[status.value], (group, status)
        assert row["n_targets"] == sum(counts.values()), group
        with_data = counts["met"] + counts["exceeded"] + counts["not_met"]
        assert row["n_with_data"] == with_data, group
        assert row["n_met"] == counts["met"] + counts["exceeded"], group


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), plan=kst.plans())
def test_every_target_counts_once_in_every_group(data: st.DataObject, plan: Plan) -> None:
    frame = data.draw(kst.observation_frames(plan))
    if data.draw(st.booleans()):
        frame = frame.drop("assessment")  # words then always need an assessment
    keys = ["year", "horizon", "indicator", "group", "target_id"]
    by = data.draw(st.lists(st.sampled_from(keys), unique=True))
    _check(plan, evaluate(plan, frame), by, lazy=data.draw(st.booleans()))


# --- on the built-in plan ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def test_words_need_an_assessment_only_where_they_were_observed(plan: Plan) -> None:
    """2030-15 (Hạ tầng số: "Tiên tiến, hiện đại") is in words: a year with a row for it but no
    assessment needs one; a year in which nothing was said of it has no data; a year with an
    assessment is met or not_met."""
    observations = pl.DataFrame(
        {
            "year": [2023, 2024, 2024, 2025],
            "indicator": [
                "pii-rank",
                "dti-rank",
                "digital-infrastructure",
                "digital-infrastructure",
            ],
            "value": [28.0, 51.0, None, None],
            "assessment": [None, None, None, True],
        }
    )
    result = evaluate(plan, observations)
    summary = summarize(result, by="year", plan=plan)
    rows = summary.select(
        "year",
        "n_targets",
        "status_met",
        "status_not_met",
        "status_needs_assessment",
        "status_no_data",
    ).rows()
    # 2023: PII rank 28 meets its two targets, the other 36 (the words too) have no data;
    # 2024: DTI rank 51 misses its one, the words were reported without an assessment;
    # 2025: the words are assessed as met.  Every year counts all 38 targets.
    assert rows == [(2023, 38, 2, 0, 0, 36), (2024, 38, 0, 1, 1, 36), (2025, 38, 1, 0, 0, 37)]
    _check(plan, result, ["year"])
    _check(plan, result, ["year", "horizon"], lazy=True)


def test_grouping_by_target_id_with_the_plan(plan: Plan) -> None:
    observations = pl.DataFrame(
        {"year": [2023, 2024], "indicator": ["pii-rank", "pii-rank"], "value": [28.0, None]}
    )
    result = evaluate(plan, observations)
    summary = summarize(result, by=["year", "target_id"], plan=plan)
    assert summary.height == 2 * len(plan.targets)
    words = summary.filter(pl.col("target_id") == "2030-15")
    assert words["status_needs_assessment"].to_list() == [0, 0]
    assert words["status_no_data"].to_list() == [1, 1]
    _check(plan, result, ["year", "target_id"])


def test_a_result_read_back_as_text_rolls_up_the_same(plan: Plan) -> None:
    observations = pl.DataFrame(
        {"year": [2023, 2024], "indicator": ["pii-rank", "dti-rank"], "value": [28.0, 51.0]}
    )
    result = evaluate(plan, observations)
    as_text = result.with_columns(pl.col("target_id", "status").cast(pl.String))
    assert summarize(as_text, by="year", plan=plan).equals(summarize(result, by="year", plan=plan))
    assert summarize(as_text, by="year").equals(summarize(result, by="year"))
