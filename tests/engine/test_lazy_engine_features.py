"""Derived, growth and change targets run in the lazy engines (DuckDB, Spark): the Polars answers.

The Polars engine is the reference (it equals the scalar path, see test_change_targets.py and
test_engine.py).  Generated plans have a derived indicator (``người / người dân`` in
``Người/vạn dân``), a growth indicator (``%/năm`` of a level) and change targets of every kind
and base (a year the text names, the previous year, the plan baseline); generated observations
have several key groups (null keys among them), units to convert, missing base years, nulls,
NaN, infinities, and sometimes duplicates (in the last year too, whose base no row reads) or no
``year`` column; a computed indicator may be observed as well, in its own unit's text too, and
at a base year (twins with its computed rows).  Each engine must give the Polars rows, row for
row, or raise the same :class:`~kh922core.errors.ObservationError`.

DuckDB computes with the same C library as Polars (``pow`` included), so its floats are compared
exactly.  Spark's ``pow`` is Java's ``StrictMath.pow`` (fdlibm), which differs from the C
library's in the last bit for about one power in twenty: on Spark, floats are compared to a
relative tolerance of ``1e-12`` and an absolute one of ``1e-12`` (a growth rate ``(q − 1) × 100``
of a ratio ``q`` near 1 turns one bit of ``q``, ``2e-16``, into ``2e-14`` of the rate, a large
relative error of a tiny number); statuses, reasons and every other column are compared
exactly.  The Spark tests need pyspark and Java and are marked ``spark``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kh922core import Change, Comparison, Plan, evaluate
from kh922core.errors import ObservationError
from kh922core.testing import strategies as kst
from tests.engine.lazy_frames import fetched, to_duckdb
from tests.engine.spark_session import to_spark

duckdb = pytest.importorskip("duckdb")

#: The years of generated series and of the bases that change targets name.
_YEARS = (2019, 2023)
#: Each indicator, its unit, and the texts an observation may give instead (factor to it).
#: A computed indicator may be observed in its own unit's text: that ``(indicator, unit)``
#: pair is then both observed and computed, and each of its rows meets each target once.
_UNITS: dict[str, tuple[str, tuple[tuple[str | None, float], ...]]] = {
    "count": ("người", ((None, 1.0), ("người", 1.0), ("trăm người", 100.0))),
    "people": ("người dân", ((None, 1.0), ("nghìn người dân", 1000.0))),
    "density": ("Người/vạn dân", ((None, 1.0), ("người/vạn dân", 1.0), ("Người/vạn dân", 1.0))),
    "level": ("công bố", ((None, 1.0), ("nghìn công bố", 1000.0))),
    "growth": ("%/năm", ((None, 1.0), ("fraction_per_year", 100.0), ("%/năm", 1.0))),
}
#: Columns that say which observation a row is (sorted on first: a float never reorders rows).
_IDENTITY = ("indicator", "entity", "scenario", "year", "source", "unit", "target_id", "computed")


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
    a pass-through ``source`` column; sometimes every indicator (computed ones observed too),
    a duplicated row (often in the last year) or a row without a year."""
    entities = draw(st.lists(st.none() | st.integers(0, 3), min_size=1, max_size=3, unique=True))
    observed = draw(st.lists(st.sampled_from(sorted(_UNITS)), min_size=1, max_size=5, unique=True))
    if draw(st.integers(0, 3)) == 0:  # computed indicators given too, with their components
        observed = sorted(_UNITS)
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
        final = max(found for row in rows if isinstance(found := row["year"], int))
        last = [row for row in rows if row["year"] == final]
        twin = dict(draw(st.sampled_from(last if draw(st.booleans()) else rows)))
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
    own = pl.concat_str("indicator", "unit").is_in(["densityNgười/vạn dân", "growth%/năm"])
    event(f"a computed indicator observed in its own unit: {not frame.filter(own).is_empty()}")
    if "year" in frame.columns:  # a key group twice in the last year (no row reads its base)
        last = frame.filter(pl.col("year") == pl.col("year").max(), pl.col("value").is_not_nan())
        twins = last.select(pl.struct("indicator", "entity", "scenario").is_duplicated().any())
        event(f"two values in the last year: {twins.item()}")
    if not isinstance(expected, pl.DataFrame):
        assert isinstance(expected, tuple)  # the problems
        computed = any("computed from its" in problem.message for problem in expected)
        event(f"an ObservationError (computed rows among the duplicates: {computed})")
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
    _same_as_polars(plan, frame, to_duckdb, lambda r: r.pl(), keys, exact=True)


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
    _same_as_polars(plan, frame, to_spark(spark), fetched, keys, exact=False)


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
    got = evaluate(plan, to_duckdb(_EXAMPLE))
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


def _one_target(indicator: str, change: Change) -> Plan:
    spec = Comparison(operator="target", value=10.0, change=change)
    target = {"id": "2030-1", "indicator": indicator, "horizon": 2030, "row": "1"}
    return _plan([target | {"text": spec.render(), "spec": spec}])


@pytest.mark.parametrize("rule", ["since", "previous"])
def test_two_values_at_a_base_year_are_the_same_error(rule: str) -> None:
    change = (
        Change(kind="relative", since=2020)
        if rule == "since"
        else Change(kind="relative", previous_year=True)
    )
    plan = _one_target("growth", change)
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
        evaluate(plan, to_duckdb(frame))
    assert got.value.problems == expected.value.problems
    assert got.value.problems[0].rows == (0, 1)


_OWN = pl.DataFrame(  # density given in its own unit for 2021, and computed for 2020 and 2021
    {
        "indicator": ["density", "count", "people", "count", "people"],
        "year": [2021, 2020, 2020, 2021, 2021],
        "value": [12.0, 30.0, 10_000.0, 36.0, 10_000.0],
        "unit": ["Người/vạn dân", None, None, None, None],
    }
)


_LAST = pl.DataFrame({"indicator": "growth", "year": [2020, 2021, 2021], "value": [1.0, 2.0, 3.0]})


def _same_outcome(plan: Plan, frame: pl.DataFrame, spark: Any = None) -> object:
    """The Polars engine's outcome, after checking that DuckDB's (or Spark's) is the same."""
    expected = _outcome(plan, frame, None)
    got = _outcome(plan, to_spark(spark)(frame) if spark else to_duckdb(frame), None)
    if not isinstance(expected, pl.DataFrame):
        assert got == expected
    elif spark:
        rows = _normal(fetched(got))
        assert_frame_equal(rows, _normal(expected), rel_tol=1e-12, abs_tol=1e-12)
    else:
        assert _normal(got.pl()).equals(_normal(expected))  # type: ignore[attr-defined]
    return expected


def test_a_computed_indicator_observed_in_its_own_unit_meets_its_target_once() -> None:
    rows = _same_outcome(_one_target("density", Change(kind="points", since=2020)), _OWN)
    assert isinstance(rows, pl.DataFrame)
    # The observed row of 2021 and the computed rows of 2020 and 2021: each once.
    assert rows.select("year", "computed", "value_converted").sort("year", "computed").rows() == [
        (2020, True, 30.0),
        (2021, False, 12.0),
        (2021, True, 36.0),
    ]


def test_observed_and_computed_values_at_a_base_year_are_named() -> None:
    plan = _one_target("density", Change(kind="points", since=2021))
    problems = _same_outcome(plan, _OWN)
    assert isinstance(problems, tuple)
    assert len(problems) == 1  # named: not an error without problems
    assert "several values of 'density'" in problems[0].message
    assert "computed from its components" in problems[0].message


def test_two_values_in_the_last_year_are_read_by_no_row() -> None:
    plan = _one_target("growth", Change(kind="relative", previous_year=True))
    rows = _same_outcome(plan, _LAST)
    assert isinstance(rows, pl.DataFrame)
    assert rows["base_value"].to_list() == [None, 1.0, 1.0]
    earlier = _same_outcome(plan, _LAST.with_columns(pl.Series("year", [2020, 2020, 2021])))
    assert isinstance(earlier, tuple)
    assert earlier[0].rows == (0, 1)


def test_a_component_given_twice_is_the_same_error() -> None:
    plan = _previous_year_plan()
    frame = _EXAMPLE.vstack(_EXAMPLE.head(1))
    with pytest.raises(ObservationError, match="several values of 'level'") as expected:
        evaluate(plan, frame)
    with pytest.raises(ObservationError) as got:
        evaluate(plan, to_duckdb(frame))
    assert got.value.problems == expected.value.problems


def test_a_growth_without_a_year_is_the_same_error() -> None:
    plan = _previous_year_plan()
    frame = _EXAMPLE.drop("year")
    with pytest.raises(ObservationError, match="add a year column") as expected:
        evaluate(plan, frame)
    with pytest.raises(ObservationError) as got:
        evaluate(plan, to_duckdb(frame))
    assert got.value.problems == expected.value.problems


@pytest.mark.spark
def test_spark_reads_the_same_bases_and_stays_lazy(spark: Any) -> None:
    plan = _previous_year_plan()
    frame = _EXAMPLE.with_columns(pl.col("entity").fill_null("-"))
    got = evaluate(plan, to_spark(spark)(frame))
    assert type(got).__name__ == "DataFrame"  # unevaluated: a Spark DataFrame
    rows = _normal(fetched(got))
    assert_frame_equal(rows, _normal(evaluate(plan, frame)), rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.spark
def test_spark_gives_the_polars_answers_with_computed_and_last_year_twins(spark: Any) -> None:
    for indicator, change, frame in (
        ("density", Change(kind="points", since=2020), _OWN),  # own unit: rows once
        ("density", Change(kind="points", since=2021), _OWN),  # computed twins: named
        ("growth", Change(kind="relative", previous_year=True), _LAST),  # read by no row
    ):
        _same_outcome(_one_target(indicator, change), frame, spark)
