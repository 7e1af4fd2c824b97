"""Hostile but realistic input on the lazy engines (DuckDB, SQLFrame, Spark): the Polars answers.

Each case was found by comparing every backend with the Polars engine on frames users really
have: a growth computed on SQLFrame (its ``POWER`` of a division was SQL that DuckDB cannot
parse), and columns of the caller's that the bounds table also names (``_kh_lower``,
``_kh_key_unit``, a cohort column ``_kh_rank_size``): the join read the caller's column in place
of the table's, or failed with a raw engine error.  The Spark tests need pyspark and Java and
are marked ``spark``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from kh922core import Change, Comparison, evaluate, load_plan, published_figures, summarize
from kh922core._plans.model import Plan
from kh922core.errors import ObservationError
from tests.engine.lazy_frames import fetched, to_duckdb

duckdb = pytest.importorskip("duckdb")

_KEYS = ["province", "year"]


def _plan_with_changes() -> Plan:
    """The built-in plan with change targets on three of its indicators (one a growth per
    year, which raises to a power)."""
    plan = load_plan()
    specs = {
        "tfp-contribution": Comparison(
            operator="target", value=10.0, change=Change(kind="relative", since=2020)
        ),
        "online-payment": Comparison(
            operator="target", value=5.0, change=Change(kind="relative", previous_year=True)
        ),
        "rnd-personnel": Comparison(
            operator="target", value=3.0, change=Change(kind="growth_per_year", since=2020)
        ),
    }
    targets = tuple(
        t.model_copy(update={"spec": specs[t.indicator]}) if t.indicator in specs else t
        for t in plan.targets
    )
    return plan.model_copy(update={"targets": targets})


def _observations() -> pl.DataFrame:
    """Three provinces over three years: ranks (with cohort sizes), percentages in two units,
    the components of a derived indicator and the levels of a growth indicator."""
    rows = []
    for number, province in enumerate(["Bến Tre", "Trà Vinh", "Vĩnh Long"]):
        for year in (2020, 2023, 2025):
            rows += [
                ("pii-rank", 20.0 + number + year - 2020, "Thứ bậc", year, province, 63),
                ("dti-rank", 35.0 - number, "Thứ bậc", year, province, 63),
                ("tfp-contribution", 50.0 + number + year - 2020, "%", year, province, None),
                ("online-payment", 0.7 + 0.01 * (year - 2020), "fraction", year, province, None),
                ("rnd-personnel-headcount", 1200.0 + 10 * number, "người", year, province, None),
                ("population", 1.3e6, None, year, province, None),
                (
                    "international-publications",
                    40.0 * 1.1 ** (year - 2020),
                    None,
                    year,
                    province,
                    None,
                ),
            ]
    schema = {
        "indicator": pl.String,
        "value": pl.Float64,
        "unit": pl.String,
        "year": pl.Int64,
        "province": pl.String,
        "cohort_size": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def _normal(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one order, texts as text, NaN as null."""
    frame = frame.with_columns(
        pl.col(pl.Enum, pl.Categorical).cast(pl.String), pl.col(pl.Float64).fill_nan(None)
    )
    frame = frame.with_columns(pl.col("met").cast(pl.Boolean), pl.col("horizon").cast(pl.Int16))
    return frame.sort(frame.columns, nulls_last=True)


def _assert_same(expected: pl.DataFrame, got: pl.DataFrame) -> None:
    assert got.columns == expected.columns
    assert got.height == expected.height
    assert _normal(got).equals(_normal(expected)), (_normal(got), _normal(expected))


def _engines(request: pytest.FixtureRequest, engine: str) -> tuple[Callable[..., Any], Any]:
    if engine == "duckdb":
        return to_duckdb, lambda relation: relation.pl()
    return request.getfixturevalue("to_sqlframe"), fetched


# --- growth: a power of a division --------------------------------------------------------------


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
@pytest.mark.parametrize("keys", [None, _KEYS])
def test_growth_indicators_are_computed_as_in_polars(
    request: pytest.FixtureRequest, engine: str, keys: list[str] | None
) -> None:
    to, back = _engines(request, engine)
    frame = _observations().filter(pl.col("indicator") == "international-publications")
    if keys is None:
        frame = frame.filter(pl.col("province") == "Bến Tre")
    expected = evaluate(load_plan(), frame, keys=keys)
    assert expected["computed"].any()
    _assert_same(expected, back(evaluate(load_plan(), to(frame), keys=keys)))


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
def test_change_targets_with_a_growth_per_year_are_sized_as_in_polars(
    request: pytest.FixtureRequest, engine: str
) -> None:
    to, back = _engines(request, engine)
    plan, frame = _plan_with_changes(), _observations()
    expected = evaluate(plan, frame, keys=_KEYS)
    assert expected["change_size"].is_not_null().any()
    _assert_same(expected, back(evaluate(plan, to(frame), keys=_KEYS)))


# --- the caller's columns named like the bounds table's -----------------------------------------


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
@pytest.mark.parametrize(
    ("name", "fill"),
    [
        ("_kh_lower", pl.lit(1e9)),  # a number: read in place of the bound, every status wrong
        ("_kh_factor", pl.lit("x")),  # a text: a raw binder error
        ("_kh_key_unit", pl.lit("x")),  # overwritten by the join key
        ("_kh_qualitative", pl.lit(True)),
    ],
)
def test_a_column_named_like_a_bounds_column_is_kept_and_not_read(
    request: pytest.FixtureRequest, engine: str, name: str, fill: pl.Expr
) -> None:
    to, back = _engines(request, engine)
    frame = _observations().with_columns(fill.alias(name))
    expected = evaluate(load_plan(), frame, keys=_KEYS, cohort_policy="proportional")
    got = back(evaluate(load_plan(), to(frame), keys=_KEYS, cohort_policy="proportional"))
    _assert_same(expected, got)


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
def test_a_cohort_column_named_like_a_bounds_column_sizes_the_ranks(
    request: pytest.FixtureRequest, engine: str
) -> None:
    to, back = _engines(request, engine)
    frame = _observations().rename({"cohort_size": "_kh_rank_size"})
    options: dict[str, Any] = {
        "keys": _KEYS,
        "cohort_policy": "proportional",
        "cohort_size": "_kh_rank_size",
    }
    expected = evaluate(load_plan(), frame, **options)
    assert set(expected["status"].cast(pl.String)) >= {"met", "not_met"}
    _assert_same(expected, back(evaluate(load_plan(), to(frame), **options)))


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
@pytest.mark.parametrize("key", ["_kh_lower", "_kh_since"])
def test_a_key_named_like_a_bounds_column_groups_the_change_bases(
    request: pytest.FixtureRequest, engine: str, key: str
) -> None:
    to, back = _engines(request, engine)
    plan = _plan_with_changes()
    frame = _observations().rename({"province": key})
    expected = evaluate(plan, frame, keys=[key, "year"])
    _assert_same(expected, back(evaluate(plan, to(frame), keys=[key, "year"])))


def test_a_duckdb_key_whose_name_has_a_dot_groups_every_function() -> None:
    """Narwhals writes DuckDB's GROUP BY names unquoted: ``nguon.ma`` was a column of a table
    ``nguon`` (a raw Binder Error) for the change bases, progress, summarize and rank."""
    from kh922core import progress, rank

    plan = _plan_with_changes()
    frame = _observations().rename({"province": "nguon.ma"})
    expected = evaluate(plan, frame)
    _assert_same(expected, fetched(evaluate(plan, to_duckdb(frame))))
    keyed = evaluate(plan, frame, keys=["nguon.ma", "year"])
    _assert_same(keyed, fetched(evaluate(plan, to_duckdb(frame), keys=["nguon.ma", "year"])))
    by = summarize(expected, by="nguon.ma").sort("nguon.ma")
    got = fetched(summarize(evaluate(plan, to_duckdb(frame)), by="nguon.ma")).sort("nguon.ma")
    assert got.select(pl.all().cast(pl.String)).equals(by.select(pl.all().cast(pl.String)))
    levels = frame.filter(pl.col("indicator") != "population")
    measured = progress(load_plan(), levels)
    got = fetched(progress(load_plan(), to_duckdb(levels)))
    assert got.columns == measured.columns
    assert got.select(pl.all().cast(pl.String)).equals(measured.select(pl.all().cast(pl.String)))
    scores = pl.DataFrame({"vung.ma": ["a", "a", "b"], "diem": [1.0, 2.0, 3.0]})
    ranked = fetched(rank(to_duckdb(scores), score="diem", by="vung.ma")).sort("diem")
    assert ranked.columns == ["vung.ma", "diem", "rank", "cohort_size"]
    assert ranked["rank"].to_list() == [2, 1, 1]


def test_a_duckdb_problem_names_a_dotted_column_by_its_own_name() -> None:
    plan = _plan_with_changes()
    frame = _observations().rename({"province": "nguon.ma"})
    base = (pl.col("indicator") == "tfp-contribution") & (pl.col("year") == 2020)
    other = frame.filter(base).head(1).with_columns(pl.col("value") + 1.0)  # another level
    twice = pl.concat([frame, other])  # a key group twice at its base year
    with pytest.raises(ObservationError) as caught:
        evaluate(plan, to_duckdb(twice))
    with pytest.raises(ObservationError) as polars:
        evaluate(plan, twice)
    assert str(caught.value) == str(polars.value)
    assert "nguon.ma" in str(caught.value)
    assert "kh922_dotted" not in str(caught.value)


# --- Spark (a few: slow) ------------------------------------------------------------------------


@pytest.mark.spark
def test_spark_keeps_a_numeric_column_named_like_a_bound_and_computes_growth(spark: Any) -> None:
    plan = _plan_with_changes()
    frame = _observations().with_columns(pl.lit(1e9).alias("_kh_lower"))
    expected = evaluate(plan, frame, keys=_KEYS)
    result = evaluate(plan, spark.createDataFrame(frame.to_arrow()), keys=_KEYS)
    got = fetched(result)
    assert got.columns == expected.columns
    order = ["indicator", "province", "year", "target_id"]
    left = _normal(expected).sort(order, nulls_last=True)
    right = _normal(got).sort(order, nulls_last=True)
    # Spark's pow is Java's StrictMath.pow: a growth may differ in its last digits
    close = ["value", "value_converted", "shortfall", "attainment", "change_size"]
    exact = [c for c in expected.columns if c not in close]
    assert left.select(exact).equals(right.select(exact))
    for column in close:
        pairs = zip(left[column].to_list(), right[column].to_list(), strict=True)
        assert all(
            (a is None and b is None) or a == b or abs(a - b) <= 1e-12 * abs(a) for a, b in pairs
        ), column


# --- a DuckDB column of type NULL ---------------------------------------------------------------


def test_a_duckdb_column_of_nulls_is_a_column_of_missing_values() -> None:
    frame = _observations().with_columns(pl.lit(None).alias("value"), pl.lit(None).alias("unit"))
    relation = to_duckdb(frame)
    assert [str(t).strip('"') for t in relation.types][1:3] == ["NULL", "NULL"]
    expected = evaluate(load_plan(), frame, keys=_KEYS)
    got = evaluate(load_plan(), relation, keys=_KEYS).pl()
    assert set(got["status"]) == {"no_data"}
    _assert_same(expected, got.with_columns(got["unit"].cast(expected.schema["unit"])))


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_status_text_that_is_no_status_is_refused_by_name(engine: str) -> None:
    # a result edited or read back wrong: never counted in n_targets and no status column
    result = evaluate(load_plan(), published_figures())
    edited = result.with_columns(pl.col("status").cast(pl.String).replace("met", "MET"))
    given = edited if engine == "polars" else duckdb.from_arrow(edited.to_arrow())
    with pytest.raises(ObservationError, match="not a status") as raised:
        summarize(given, by="year")
    assert [p.column for p in raised.value.problems] == ["status"]
    assert set(raised.value.problems[0].values) == {"MET"}
