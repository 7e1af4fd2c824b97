"""Derived, growth and change targets run in the lazy engines (DuckDB, Spark): the Polars answers.

The Polars engine is the reference (it equals the scalar path, see test_change_targets.py and
test_engine.py).  Generated plans have a derived indicator (``người / người dân`` in
``Người/vạn dân``), a growth indicator (``%/năm`` of a level) and change targets of every kind
and base (a year the text names, the previous year, the plan baseline); generated observations
have several key groups (null keys among them), units to convert, missing base years, nulls,
NaN, infinities, and sometimes duplicates or no ``year`` column.  Each engine must give the
Polars rows, row for row, or raise the same :class:`~kh922core.errors.ObservationError`.

DuckDB computes with the same C library as Polars (``pow`` included), so its floats are compared
exactly.  Spark's ``pow`` is Java's ``StrictMath.pow`` (fdlibm), which differs from the C
library's in the last bit for about one power in twenty: on Spark, floats are compared to a
relative tolerance of ``1e-12`` and an absolute one of ``1e-12`` (a growth rate ``(q − 1) × 100``
of a ratio ``q`` near 1 turns one bit of ``q``, ``2e-16``, into ``2e-14`` of the rate, a large
relative error of a tiny number); statuses, reasons and every other column are compared
exactly.  The Spark tests need pyspark and Java and are marked ``spark``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kh922core import Change, Comparison, Plan, evaluate
from kh922core.errors import ObservationError
from kh922core.testing import strategies as kst

duckdb = pytest.importorskip("duckdb")

#: The years of generated series and of the bases that change targets name.
_YEARS = (2019, 2023)
#: Each indicator, its unit, and the texts an observation may give instead (factor to it).
#: A computed indicator observed as well never gives its own unit's text: the Polars engine
#: would list that ``(indicator, unit)`` pair twice (once observed, once computed) and evaluate
#: those rows twice, or refuse them as duplicated bases (an error without rows).
_UNITS: dict[str, tuple[str, tuple[tuple[str | None, float], ...]]] = {
    "count": ("người", ((None, 1.0), ("người", 1.0), ("trăm người", 100.0))),
    "people": ("người dân", ((None, 1.0), ("nghìn người dân", 1000.0))),
    "density": ("Người/vạn dân", ((None, 1.0), ("người/vạn dân", 1.0))),
    "level": ("công bố", ((None, 1.0), ("nghìn công bố", 1000.0))),
    "growth": ("%/năm", ((None, 1.0), ("fraction_per_year", 100.0))),
}
#: Columns that say which observation a row is (sorted on first: a float never reorders rows).
_IDENTITY = ("indicator", "entity", "scenario", "year", "source", "unit", "target_id", "computed")

_SPARK_TYPES = {pl.String: "string", pl.Float64: "double", pl.Int64: "bigint"}


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A local Spark session on two cores (skipped without pyspark or Java)."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java (apt-get install default-jre-headless)")
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("kh922core-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _to_spark(session: Any) -> Callable[[pl.DataFrame], Any]:
    def convert(frame: pl.DataFrame) -> Any:
        schema = ", ".join(f"`{n}` {_SPARK_TYPES[t.base_type()]}" for n, t in frame.schema.items())
        return session.createDataFrame(frame.rows(), schema=schema)

    return convert


def _to_duckdb(frame: pl.DataFrame) -> Any:
    return duckdb.from_arrow(frame.to_arrow())


def _from_spark(result: Any) -> pl.DataFrame:
    frame = pl.from_arrow(result.toArrow())
    assert isinstance(frame, pl.DataFrame)
    return frame


# --------------------------------------------------------------------------- plans and data


@st.composite
def _targets(draw: st.DrawFn, indicator: str, first: int, least: int = 0) -> list[dict[str, Any]]:
    """``least`` to two targets of ``indicator``: changes of any kind and base, or levels."""
    targets = []
    for number in range(first, first + draw(st.integers(least, 2))):
        baseline = None
        if draw(st.booleans()):
            spec = draw(kst.change_specs(units=(None,), years=_YEARS))
            if draw(st.booleans()):
                year = draw(st.integers(*_YEARS))
                baseline = {"value": draw(kst.finite_numbers(1e4)), "year": year}
        else:
            spec = draw(kst.target_specs(kinds=("comparison", "range"), units=(None,)))
        targets.append(
            {
                "id": f"2030-{number}",
                "indicator": indicator,
                "horizon": 2030,
                "row": str(number),
                "text": spec.render(),
                "spec": spec,
                "baseline": baseline,
            }
        )
    return targets


def _indicator(identifier: str) -> dict[str, object]:
    unit = _UNITS[identifier][0]
    return {"id": identifier, "name": identifier, "unit": unit, "direction": "higher_is_better"}


def _plan(targets: list[dict[str, Any]]) -> Plan:
    """A plan of two components, their derived indicator, a level and its growth."""
    indicators = [_indicator(name) for name in ("count", "people", "density", "level", "growth")]
    indicators[2]["derived"] = {"numerator": "count", "denominator": "people"}
    indicators[4]["growth_of"] = "level"
    return Plan.model_validate(
        {
            "id": "thu",
            "number": "1/KH-TEST",
            "title": "Kế hoạch thử",
            "date": "2025-02-14",
            "province": {"name": "Tỉnh thử", "code": "00"},
            "issuer": "ubnd-tinh-thu",
            "indicators": indicators,
            "targets": targets,
        }
    )


@st.composite
def _plans(draw: st.DrawFn) -> Plan:
    targets: list[dict[str, Any]] = []
    for indicator in ("density", "growth", "level", "count"):
        targets += draw(_targets(indicator, len(targets) + 1))
    if not targets:  # a plan has at least one target
        targets = draw(_targets("density", 1, least=1))
    return _plan(targets)


@st.composite
def _frames(draw: st.DrawFn) -> pl.DataFrame:
    """Level series per indicator and key group (``entity`` null sometimes), in any unit, with
    a pass-through ``source`` column; sometimes a duplicated row or a row without a year."""
    entities = draw(st.lists(st.none() | st.integers(0, 3), min_size=1, max_size=3, unique=True))
    observed = draw(st.lists(st.sampled_from(sorted(_UNITS)), min_size=1, max_size=5, unique=True))
    rows = []
    for entity in entities:
        for scenario in range(draw(st.integers(1, 2))):
            for indicator in observed:
                for year, value in draw(kst.level_series(years=_YEARS, max_years=4)):
                    unit, factor = draw(st.sampled_from(_UNITS[indicator][1]))
                    given = value / factor if value is not None else None
                    row = {"indicator": indicator, "entity": entity, "scenario": scenario}
                    rows.append(row | {"year": year, "value": given, "unit": unit})
    if rows and draw(st.integers(0, 3)) == 0:  # a second value for the same keys
        twin = dict(draw(st.sampled_from(rows)))
        rows.append(twin | {"value": draw(st.sampled_from([None, 7.0, 40.0]))})
    if rows and draw(st.integers(0, 3)) == 0:
        rows.append(dict(draw(st.sampled_from(rows))) | {"year": None})
    rows = draw(st.permutations(rows))
    frame = pl.DataFrame(
        [row | {"source": "obs"} for row in rows],
        schema={
            "indicator": pl.String,
            "entity": pl.Int64,
            "scenario": pl.Int64,
            "year": pl.Int64,
            "value": pl.Float64,
            "unit": pl.String,
            "source": pl.String,
        },
    )
    if draw(st.booleans()):  # text keys
        frame = frame.with_columns(pl.format("e{}", "entity").alias("entity"))
    if draw(st.integers(0, 9)) == 0:
        frame = frame.drop("year")
    return frame


# ------------------------------------------------------------------------------- comparison


def _outcome(plan: Plan, frame: object, keys: list[str] | None) -> object:
    """The evaluated rows, or the problems of the ObservationError raised instead."""
    try:
        return evaluate(plan, frame, keys=keys)
    except ObservationError as error:
        return error.problems


def _normal(frame: pl.DataFrame) -> pl.DataFrame:
    """Texts as text, NaN as null, rows in one order (their identity first)."""
    frame = frame.with_columns(
        pl.col(pl.Enum, pl.Categorical).cast(pl.String), pl.col(pl.Float64).fill_nan(None)
    )
    frame = frame.with_columns(pl.col("met").cast(pl.Boolean), pl.col("horizon").cast(pl.Int16))
    first = [name for name in _IDENTITY if name in frame.columns]
    order = [*first, *(name for name in frame.columns if name not in first)]
    return frame.sort(order, nulls_last=True)


def _same_as_polars(
    plan: Plan,
    frame: pl.DataFrame,
    to: Callable[[pl.DataFrame], Any],
    back: Callable[[Any], pl.DataFrame],
    keys: list[str] | None,
    exact: bool,
) -> None:
    expected = _outcome(plan, frame, keys)
    got = _outcome(plan, to(frame), keys)
    if not isinstance(expected, pl.DataFrame):
        event("an ObservationError")
        assert got == expected  # the same problems, rows and values
        return
    for what, rows in (
        ("a computed row", pl.col("computed")),
        ("a base from the series", pl.col("baseline_source") == "series"),
        ("a base from the plan", pl.col("baseline_source") == "plan"),
        ("a change size", pl.col("change_size").is_not_null()),
    ):
        if what.startswith("a computed") or "change_size" in expected.columns:
            event(f"{what}: {not expected.filter(rows).is_empty()}")
    assert not isinstance(got, list), got
    got = back(got)
    assert got.height == expected.height
    if exact:
        assert _normal(got).equals(_normal(expected)), (_normal(got), _normal(expected))
    else:
        assert_frame_equal(_normal(got), _normal(expected), rel_tol=1e-12, abs_tol=1e-12)


@st.composite
def _keys(draw: st.DrawFn, frame: pl.DataFrame) -> list[str] | None:
    """Every pass-through column (``None``), or the key columns without ``source``."""
    if draw(st.booleans()):
        return None
    return [name for name in ("entity", "scenario", "year") if name in frame.columns]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=_plans(), data=st.data())
def test_duckdb_gives_the_polars_rows(plan: Plan, data: st.DataObject) -> None:
    frame = data.draw(_frames())
    keys = data.draw(_keys(frame))
    _same_as_polars(plan, frame, _to_duckdb, lambda r: r.pl(), keys, exact=True)


@pytest.mark.spark
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plan=_plans(), data=st.data())
def test_spark_gives_the_polars_rows(spark: Any, plan: Plan, data: st.DataObject) -> None:
    frame = data.draw(_frames())
    keys = data.draw(_keys(frame))
    _same_as_polars(plan, frame, _to_spark(spark), _from_spark, keys, exact=False)


# ------------------------------------------------------------------------ hand-made examples


def _previous_year_plan() -> Plan:
    yearly = Comparison(
        operator="target", value=5.0, change=Change(kind="relative", previous_year=True)
    )
    since = Comparison(operator="target", value=10.0, change=Change(kind="points", since=2020))
    return _plan(
        [
            {
                "id": "2030-1",
                "indicator": "level",
                "horizon": 2030,
                "row": "1",
                "text": yearly.render(),
                "spec": yearly,
            },
            {
                "id": "2030-2",
                "indicator": "density",
                "horizon": 2030,
                "row": "2",
                "text": since.render(),
                "spec": since,
                "baseline": {"value": 5.0, "year": 2020},
            },
        ]
    )


_EXAMPLE = pl.DataFrame(
    {
        "indicator": ["level"] * 5 + ["count", "people", "count", "people", "count"],
        "entity": ["A", "A", "A", None, None, "A", "A", "A", "A", None],
        "year": [2021, 2022, 2023, 2022, 2023, 2020, 2020, 2021, 2021, 2021],
        "value": [100.0, 106.0, 0.108, 50.0, 45.0, 30.0, 10.0, 36.0, 0.01, 7.0],
        "unit": [
            None,
            None,
            "nghìn công bố",
            None,
            None,
            None,
            None,
            None,
            "nghìn người dân",
            None,
        ],
    }
)


def test_the_lazy_engine_reads_bases_of_null_keys_and_computed_rows() -> None:
    plan = _previous_year_plan()
    got = evaluate(plan, _to_duckdb(_EXAMPLE))
    assert isinstance(got, duckdb.DuckDBPyRelation)  # unevaluated, in DuckDB
    rows = _normal(got.pl())
    assert rows.equals(_normal(evaluate(plan, _EXAMPLE)))
    level = rows.filter(pl.col("target_id") == "2030-1")
    # A: +6 %, 108 / 106; the null entity is a key group of its own: 45 / 50 (a fall).
    by_key = {(r["entity"], r["year"]): r for r in level.to_dicts()}
    assert by_key["A", 2022]["change_size"] == pytest.approx(6.0)
    assert by_key["A", 2023]["base_value"] == 106.0
    assert by_key[None, 2023]["change_size"] == pytest.approx(-10.0)
    assert by_key[None, 2022]["no_data_reason"] == "no base value"
    density = rows.filter(pl.col("target_id") == "2030-2").to_dicts()
    # Computed from count / people × 10 000: A 2020 = 30 000, 2021 = 36 / 10 × 10 000 = 36 000.
    found = {(r["entity"], r["year"]): r for r in density}
    assert found["A", 2021]["base_value"] == 30000.0
    assert found["A", 2021]["baseline_source"] == "series"
    assert found[None, 2021]["value_converted"] is None  # no people for the null entity
    assert found[None, 2021]["no_data_reason"] == "no value"


@pytest.mark.parametrize("rule", ["since", "previous"])
def test_two_values_at_a_base_year_are_the_same_error(rule: str) -> None:
    change = (
        Change(kind="relative", since=2020)
        if rule == "since"
        else Change(kind="relative", previous_year=True)
    )
    spec = Comparison(operator="target", value=10.0, change=change)
    plan = _plan(
        [
            {
                "id": "2030-1",
                "indicator": "growth",
                "horizon": 2030,
                "row": "1",
                "text": spec.render(),
                "spec": spec,
            }
        ]
    )
    frame = pl.DataFrame(
        {
            "indicator": ["growth"] * 4,
            "entity": ["A", "A", "A", "B"],
            "year": [2020, 2020, 2021, 2020],
            "value": [1.0, 2.0, 3.0, 4.0],
        }
    )
    with pytest.raises(ObservationError, match="several values of 'growth'") as expected:
        evaluate(plan, frame)
    with pytest.raises(ObservationError) as got:
        evaluate(plan, _to_duckdb(frame))
    assert got.value.problems == expected.value.problems
    assert got.value.problems[0].rows == (0, 1)


def test_a_component_given_twice_is_the_same_error() -> None:
    plan = _previous_year_plan()
    frame = _EXAMPLE.vstack(_EXAMPLE.head(1))
    with pytest.raises(ObservationError, match="several values of 'level'") as expected:
        evaluate(plan, frame)
    with pytest.raises(ObservationError) as got:
        evaluate(plan, _to_duckdb(frame))
    assert got.value.problems == expected.value.problems


def test_a_growth_without_a_year_is_the_same_error() -> None:
    plan = _previous_year_plan()
    frame = _EXAMPLE.drop("year")
    with pytest.raises(ObservationError, match="add a year column") as expected:
        evaluate(plan, frame)
    with pytest.raises(ObservationError) as got:
        evaluate(plan, _to_duckdb(frame))
    assert got.value.problems == expected.value.problems


@pytest.mark.spark
def test_spark_reads_the_same_bases_and_stays_lazy(spark: Any) -> None:
    plan = _previous_year_plan()
    frame = _EXAMPLE.with_columns(pl.col("entity").fill_null("-"))
    got = evaluate(plan, _to_spark(spark)(frame))
    assert type(got).__name__ == "DataFrame"  # unevaluated: a Spark DataFrame
    rows = _normal(_from_spark(got))
    assert_frame_equal(rows, _normal(evaluate(plan, frame)), rel_tol=1e-12, abs_tol=1e-12)
