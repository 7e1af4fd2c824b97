"""The same targets where the data lives: pandas, PyArrow, DuckDB, Spark give the Polars answers.

One equivalence suite, parametrised over every backend: the same generated observations
(Hypothesis: nulls, NaN, ±inf, units, rank groups of both cohort policies, words) give the same
rows, row for row, as the Polars engine (which equals the scalar reference, see
test_engine_properties.py).  The Spark tests need pyspark and Java and are marked ``spark``
(``-m "not spark"`` skips them locally; CI runs them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kh922core import evaluate, load_plan, progress, published_figures, rank, summarize
from kh922core._engine.native_frames import native, to_polars
from kh922core._plans.model import Plan
from kh922core.errors import ObservationError
from kh922core.testing import strategies as kst
from tests.engine.lazy_frames import fetched
from tests.engine.spark_session import to_spark
from tests.engine.test_engine_properties import _reference as scalar_reference
from tests.engine.test_engine_properties import _same_number as same_number

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

duckdb = pytest.importorskip("duckdb")


#: Each backend: the frame the caller holds, and its result back as Polars.
BACKENDS: dict[str, tuple[Callable[[pl.DataFrame], Any], Callable[[Any], pl.DataFrame]]] = {
    "pandas": (lambda f: f.to_pandas(use_pyarrow_extension_array=True), pl.from_pandas),
    "pyarrow": (lambda f: f.to_arrow(), pl.from_arrow),  # type: ignore[dict-item]
    "polars-lazy": (lambda f: f.lazy(), lambda r: r.collect()),
    "duckdb": (lambda f: duckdb.from_arrow(f.to_arrow()), lambda r: r.pl()),
}


def _normal(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one order, texts as text, NaN as null (pandas holds a missing number as NaN)."""
    frame = frame.with_columns(
        pl.col(pl.Enum, pl.Categorical).cast(pl.String), pl.col(pl.Float64).fill_nan(None)
    )
    frame = frame.with_columns(pl.col("met").cast(pl.Boolean), pl.col("horizon").cast(pl.Int16))
    return frame.sort(frame.columns, nulls_last=True)


def _same_as_polars(
    plan: Plan,
    frame: pl.DataFrame,
    to: Callable[[pl.DataFrame], Any],
    back: Callable[..., Any],
    **options: Any,
) -> None:
    expected = evaluate(plan, frame, **options)
    got = back(evaluate(plan, to(frame), **options))
    assert got.height == expected.height  # rows in x matched targets = rows out
    assert set(got["status"].cast(pl.String).to_list()) <= {
        "met",
        "exceeded",
        "not_met",
        "no_data",
        "needs_assessment",
    }
    assert _normal(got).equals(_normal(expected)), (_normal(got), _normal(expected))


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@_SETTINGS
@given(data=st.data(), plan=kst.plans(max_indicators=3))
def test_every_backend_gives_the_polars_and_the_scalar_answers(
    backend: str, data: st.DataObject, plan: Plan
) -> None:
    # The Polars engine's rows, and each row what the scalar path (Target.is_met, status,
    # shortfall, attainment) says of its observation, exactly.
    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    tolerance = data.draw(st.sampled_from([None, 0.0, 0.2]))
    policy = data.draw(st.sampled_from(["absolute", "proportional"]))
    to, back = BACKENDS[backend]
    _same_as_polars(plan, frame, to, back, tolerance=tolerance, cohort_policy=policy)
    observations = frame.with_row_index("obs").with_columns(pl.col("obs").cast(pl.Int64))
    result = _normal(
        back(evaluate(plan, to(observations), tolerance=tolerance, cohort_policy=policy))
    )
    expected = sum(len(plan.targets_of(i)) for i in frame["indicator"].cast(pl.String).to_list())
    assert result.height == expected
    rows = frame.to_dicts()
    for out in result.iter_rows(named=True):
        target = plan.target(out["target_id"])
        met, status, shortfall, attainment = scalar_reference(
            target, rows[out["obs"]], tolerance, policy
        )
        where = (backend, target.spec, rows[out["obs"]], out)
        assert out["met"] is met, where
        assert out["status"] == status, where
        assert same_number(out["shortfall"], shortfall), where
        assert same_number(out["attainment"], attainment), where


@pytest.mark.spark
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data(), plan=kst.plans(max_indicators=3))
def test_spark_gives_the_polars_answers(spark: Any, data: st.DataObject, plan: Plan) -> None:
    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    policy = data.draw(st.sampled_from(["absolute", "proportional"]))
    result = evaluate(plan, to_spark(spark)(frame), cohort_policy=policy)
    assert type(result).__name__ == "DataFrame"  # unevaluated: a Spark DataFrame
    _same_as_polars(plan, frame, to_spark(spark), fetched, cohort_policy=policy)


@pytest.mark.parametrize("arrow", [False, True], ids=["numpy-dtypes", "arrow-dtypes"])
@_SETTINGS
@given(data=st.data(), plan=kst.plans(max_indicators=3))
def test_a_pandas_frame_converts_as_polars_from_pandas_converts_it(
    arrow: bool, data: st.DataObject, plan: Plan
) -> None:
    # the faster conversion of pandas frames gives pl.from_pandas's frame, dtypes and all: NaN
    # as null, a column of only None as text, an object column of booleans as Boolean
    frame = data.draw(kst.observation_frames(plan, max_rows=15))
    given_frame = frame.to_pandas(use_pyarrow_extension_array=arrow)
    wrapped = native(given_frame)
    assert wrapped is not None
    assert_frame_equal(to_polars(wrapped), pl.from_pandas(given_frame))


def test_a_pandas_result_has_pandas_dtypes() -> None:
    figures = published_figures().to_pandas(use_pyarrow_extension_array=True)
    result = evaluate(load_plan(), figures)
    dtypes = result.dtypes.astype(str).to_dict()
    assert dtypes["met"] == "boolean"  # nullable: None where the status is no_data
    assert {dtypes[c] for c in ("status", "target_id", "row", "target_text")} == {"category"}
    assert result["status"].dtype.ordered
    assert list(result["status"].dtype.categories[:3]) == ["met", "exceeded", "not_met"]
    assert (dtypes["horizon"], dtypes["computed"], dtypes["shortfall"]) == (
        "int16",
        "bool",
        "float64",
    )
    result.loc[0, "status"] = "not_met"  # writable, like any pandas frame
    result.loc[0, "met"] = None
    assert result.loc[0, "met"] is pd.NA
    # the caller's own columns keep their dtypes: a category keeps its categories and order
    kind = pd.CategoricalDtype(["zz-unused", *sorted(set(figures["indicator"]))], ordered=True)
    given = figures.astype({"indicator": kind})
    assert evaluate(load_plan(), given)["indicator"].dtype == kind
    assert evaluate(load_plan(), given.iloc[:0])["indicator"].dtype == kind


def test_lazy_engines_return_lazy_frames() -> None:
    frame = pl.DataFrame({"indicator": ["pii-rank"], "value": [31.0]})
    result = evaluate(load_plan(), duckdb.from_arrow(frame.to_arrow()))
    assert isinstance(result, duckdb.DuckDBPyRelation)
    assert isinstance(evaluate(load_plan(), frame.to_pandas()), pd.DataFrame)
    assert isinstance(evaluate(load_plan(), frame.to_arrow()), pa.Table)


def test_duckdb_keeps_the_statuses_and_ids_as_enums_of_the_polars_categories() -> None:
    frame = pl.DataFrame({"indicator": ["pii-rank", "hdi", "hdi"], "value": [31.0, 0.8, None]})
    expected = evaluate(load_plan(), frame)
    relation = evaluate(load_plan(), duckdb.from_arrow(frame.to_arrow()))
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    for column in ("status", "target_id", "row", "target_text"):
        categories = expected.schema[column].categories.to_list()  # type: ignore[attr-defined]
        quoted = ", ".join("'" + c.replace("'", "''") + "'" for c in categories)
        assert types[column] == f"ENUM({quoted})", column
    found = relation.pl().sort("target_id", "value", nulls_last=True)
    expected = expected.sort("target_id", "value", nulls_last=True)
    for column in ("status", "target_id", "row", "target_text"):
        assert found[column].cast(pl.String).to_list() == expected[column].cast(pl.String).to_list()


@pytest.mark.parametrize("backend", ["pandas", "pyarrow", "duckdb"])
def test_type_problems_give_the_same_observation_error(backend: str) -> None:
    frame = pl.DataFrame(
        {
            "indicator": ["pii-rank", "no-such-thing", "tfp-contribution", None],
            "value": [31.0, 1.0, 0.5, 2.0],
            "unit": [None, None, "kg", None],
        }
    )
    with pytest.raises(ObservationError) as expected:
        evaluate(load_plan(), frame)
    with pytest.raises(ObservationError) as got:
        evaluate(load_plan(), BACKENDS[backend][0](frame))
    assert got.value.problems == expected.value.problems
    assert {p.rows for p in got.value.problems} == {(1,), (2,), (3,)}


def test_a_lazy_engine_computes_derived_indicators_as_polars_does() -> None:
    plan = load_plan()
    derived = next(i for i in plan.indicators if i.derived is not None)
    assert derived.derived is not None
    frame = pl.DataFrame(
        {
            "indicator": [derived.derived.numerator, derived.derived.denominator],
            "value": [1_560.0, 1_300_000.0],
        }
    )
    expected = evaluate(plan, frame)
    assert expected.height > 0  # the derived indicator is computed and has targets
    found = evaluate(plan, duckdb.from_arrow(frame.to_arrow())).pl()
    assert found["value_converted"].to_list() == expected["value_converted"].to_list()
    assert found["status"].cast(pl.String).to_list() == expected["status"].cast(pl.String).to_list()
    # the same frame in pandas runs by the Polars engine: every feature
    assert len(evaluate(plan, frame.to_pandas())) == len(expected)


def test_importing_the_library_imports_no_other_engine() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kh922core, polars as pl; "
        "kh922core.evaluate(kh922core.load_plan(), pl.DataFrame({'indicator': ['pii-rank'], "
        "'value': [1.0]})); "
        "print(sorted(m for m in ('narwhals', 'pandas', 'duckdb', 'pyspark', 'sqlframe') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("by", [None, "year"])
def test_rank_gives_the_polars_ranks(backend: str, by: str | None) -> None:
    frame = pl.DataFrame(
        {"year": [2023, 2023, 2023, 2024, 2024], "score": [37.6, 40.1, 37.6, None, 2.0]}
    )
    to, back = BACKENDS[backend]
    got = back(rank(to(frame), by=by, higher_is_better=False))
    expected = rank(frame, by=by, higher_is_better=False)
    assert _sorted(got).equals(_sorted(expected))


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    frame = frame.with_columns(pl.col("score").fill_nan(None), pl.col("rank").cast(pl.Int64))
    return frame.sort(frame.columns, nulls_last=True)


@pytest.mark.parametrize("backend", ["pandas", "pyarrow"])
def test_summarize_and_progress_take_eager_frames(backend: str) -> None:
    plan = load_plan()
    to, back = BACKENDS[backend]
    result = evaluate(plan, published_figures())
    got = back(summarize(to(result), by="indicator", plan=plan))
    assert got.equals(summarize(result, by="indicator", plan=plan))
    ranks = pl.DataFrame(
        {"indicator": ["dti-rank"] * 3, "year": [2020, 2021, 2022], "value": [33.0, 31.0, 51.0]}
    )
    expected = progress(plan, ranks, targets="2030-2")
    assert _normal_any(back(progress(plan, to(ranks), targets="2030-2"))).equals(
        _normal_any(expected)
    )


def _normal_any(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col(pl.Enum, pl.Categorical).cast(pl.String), pl.col(pl.Float64).fill_nan(None)
    )
