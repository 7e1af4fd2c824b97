"""The vectorised engine equals the scalar reference, row for row (Hypothesis).

The contract, for every observation and every target of its indicator:

* ``met``, ``status`` and ``shortfall`` equal the scalar reference exactly;
* ``attainment`` equals it exactly too, bit for bit: both divide the same two Float64 numbers
  once (value ÷ bound, or bound ÷ value when lower is better), and IEEE division is correctly
  rounded.  The engine keeps every divisor a column, never a scalar literal, because Polars
  divides by a scalar as a multiplication by its reciprocal, which may be one ulp off (see
  ``test_attainment_of_a_one_target_plan_is_the_exact_quotient`` in test_engine_backends.py).

Should a remaining divergence ever show, it is a bug to fix in the engine, not a tolerance to add
here.  The derandomised CI run explores a fixed set of examples; ``.ci/run`` runs this module
once more with a random seed that it prints, and ``--hypothesis-profile=thorough`` runs more
examples per test (at least the count each test sets here).  To replay a failure:
``python -m pytest tests/engine/test_engine_properties.py --hypothesis-seed=SEED``.
"""

from __future__ import annotations

import math
from typing import Any

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kh922core._engine import evaluate, rank
from kh922core._plans.model import Plan, Target
from kh922core._targets import CohortPolicy, Qualitative
from kh922core.testing import strategies as kst


def _examples(count: int) -> int:
    """``count``, or more when the chosen profile asks for more (``thorough``)."""
    return max(count, settings().max_examples)


_SETTINGS = settings(
    max_examples=_examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _same_number(engine: float | None, reference: float | None) -> bool:
    if engine is None or reference is None:
        return engine is None and reference is None
    if math.isnan(reference):  # pragma: no cover - the reference never returns NaN
        return math.isnan(engine)
    return engine == reference


def _reference(
    target: Target,
    row: dict[str, Any],
    tolerance: float | None,
    policy: CohortPolicy,
) -> tuple[bool | None, str, float | None, float | None]:
    """What the scalar reference says of one observation and one target (whether the target has
    a unit of its own or is set in its indicator's)."""
    qualitative = isinstance(target.spec, Qualitative)
    value = row["assessment"] if qualitative else row["value"]
    options: dict[str, Any] = {
        "unit": row["unit"],
        "tolerance": tolerance,
        "cohort_policy": policy,
        "cohort_size": row["cohort_size"],
    }
    return (
        target.is_met(value, **options),
        target.status(value, **options).value,
        target.shortfall(value, **options),
        target.attainment(value, **options),
    )


def _check(
    plan: Plan,
    frame: pl.DataFrame,
    tolerance: float | None,
    policy: CohortPolicy,
    lazy: bool = False,
) -> None:
    observations = frame.with_row_index("obs")
    if lazy:
        result = evaluate(
            plan, observations.lazy(), tolerance=tolerance, cohort_policy=policy
        ).collect()
    else:
        result = evaluate(plan, observations, tolerance=tolerance, cohort_policy=policy)
    expected = {
        (number, target.id)
        for number, indicator in enumerate(frame["indicator"].to_list())
        for target in plan.targets_of(indicator)
    }
    pairs = list(zip(result["obs"].to_list(), result["target_id"].cast(pl.String), strict=True))
    assert len(pairs) == len(expected)
    assert set(pairs) == expected
    assert result.schema["status"] == pl.Enum(
        ["met", "exceeded", "not_met", "no_data", "needs_assessment"]
    )
    rows = frame.to_dicts()
    for out in result.iter_rows(named=True):
        target = plan.target(out["target_id"])
        met, status, shortfall, attainment = _reference(target, rows[out["obs"]], tolerance, policy)
        where = (target.spec, rows[out["obs"]], out)
        assert out["met"] is met, where
        assert out["status"] == status, where
        assert _same_number(out["shortfall"], shortfall), where
        assert _same_number(out["attainment"], attainment), where


def test_plans_draw_targets_with_and_without_a_unit_of_their_own() -> None:
    own: set[bool] = set()

    @settings(max_examples=200, deadline=None, database=None)
    @given(plan=kst.plans())
    def collect(plan: Plan) -> None:
        own.update(t.unit is not None for t in plan.targets if t.indicator_unit is not None)

    collect()
    assert own == {True, False}


@_SETTINGS
@given(data=st.data(), plan=kst.plans())
def test_engine_equals_the_scalar_reference(data: st.DataObject, plan: Plan) -> None:
    frame = data.draw(kst.observation_frames(plan))
    tolerance = data.draw(st.sampled_from([None, 0.0, 0.05, 0.2]))
    policy = data.draw(st.sampled_from(["absolute", "proportional"]))
    _check(plan, frame, tolerance, policy)


@settings(max_examples=_examples(60), deadline=None)
@given(data=st.data(), plan=kst.plans(max_indicators=3))
def test_lazy_input_gives_the_same_rows(data: st.DataObject, plan: Plan) -> None:
    frame = data.draw(kst.observation_frames(plan, max_rows=10))
    _check(plan, frame, None, "absolute", lazy=True)


@settings(max_examples=_examples(100), deadline=None)
@given(
    scores=st.lists(
        st.tuples(
            st.sampled_from([2023, 2024]),
            st.one_of(
                st.none(), st.just(math.nan), st.integers(0, 5).map(float), kst.finite_numbers()
            ),
        ),
        max_size=25,
    ),
    higher_is_better=st.booleans(),
)
def test_rank_shares_the_best_rank_on_ties(
    scores: list[tuple[int, float | None]], higher_is_better: bool
) -> None:
    frame = pl.DataFrame(scores, schema={"year": pl.Int64, "score": pl.Float64}, orient="row")
    ranked = rank(frame, by="year", higher_is_better=higher_is_better)
    for year, score, got, size in ranked.select("year", "score", "rank", "cohort_size").rows():
        cohort = [s for y, s in scores if y == year and s is not None and not math.isnan(s)]
        assert size == len(cohort)
        if score is None or math.isnan(score):
            assert got is None
            continue
        better = [s for s in cohort if (s > score if higher_is_better else s < score)]
        assert got == 1 + len(better)


@settings(max_examples=_examples(100), deadline=None)
@given(
    data=st.data(),
    scores=st.lists(st.integers(0, 10).map(float), min_size=1, max_size=40),
)
def test_ranked_scores_evaluate_like_the_reference(
    data: st.DataObject, scores: list[float]
) -> None:
    plan = data.draw(
        kst.plans(max_indicators=2).filter(lambda p: any(t.cohort_at_adoption for t in p.targets))
    )
    indicator = next(t.indicator for t in plan.targets if t.cohort_at_adoption)
    ranked = rank(pl.DataFrame({"score": scores}))
    observations = ranked.select(
        pl.lit(indicator).alias("indicator"),
        pl.col("rank").cast(pl.Float64).alias("value"),
        pl.lit(None, dtype=pl.String).alias("unit"),
        pl.lit(None, dtype=pl.Boolean).alias("assessment"),
        "cohort_size",
        pl.lit(2025, dtype=pl.Int64).alias("year"),
    )
    policy = data.draw(st.sampled_from(["absolute", "proportional"]))
    _check(plan, observations, None, policy)
