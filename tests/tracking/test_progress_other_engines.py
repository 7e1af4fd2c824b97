"""``progress`` on lazy engines (DuckDB, SQLFrame, Spark): the Polars answers, computed there.

The Polars path is the reference (held equal to the scalar reference by test_progress.py, and
here once more on the stand-alone targets of every kind).  Generated plans have level targets
of every kind in several units, rank groups (both cohort policies), qualitative targets and
change targets of every kind and base; generated observations have key groups (a null key
among them), units to convert (blank ones too), nulls, NaN, a column left out, and sometimes a
problem (a duplicate, a row without a year or an indicator, an infinite value, an unknown id,
a unit of another dimension).  Each engine must give the Polars rows, row for row and in the
same order, or raise the same error.

DuckDB (and SQLFrame on DuckDB) computes with the C library's ``pow``, as Polars does: their
floats are compared exactly, except in a result of one row, where Polars raises a column of one
value to an integral power from 2 to 9 by repeated multiplication (``x · x · x · x`` for
``x ** 4.0``, a bit off the C library's), and floats are compared to ``1e-14``; so they are
where each target stands alone, as Polars may divide by a level of 0 replaced by 0.001 as a
product with its reciprocal (a growth rate one ulp off DuckDB's and the scalar path's
quotient).  Spark's ``pow`` is Java's ``StrictMath.pow``, which may differ in the last bit:
on Spark, floats are compared to a relative and an absolute tolerance of ``1e-12``,
everything else exactly.  The Spark tests need pyspark and Java (marked ``spark``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kh922core import Plan, Target, load_plan, progress
from kh922core._engine import native
from kh922core._tracking.narwhals_progress import progress_lazy
from kh922core._tracking.progress_vectorised import progress_of_targets
from kh922core.errors import (
    IncompatibleUnitError,
    InvalidValueError,
    Kh922Error,
    ObservationError,
    UnsupportedFrameError,
)
from kh922core.testing import strategies as kst
from tests.engine.lazy_frames import fetched, to_duckdb
from tests.engine.spark_session import to_spark
from tests.tracking.test_progress import _cases as _single_cases
from tests.tracking.test_progress import _frame as _single_frame
from tests.tracking.test_progress import _targeted, same_as_reference

duckdb = pytest.importorskip("duckdb")

#: Each unit of generated indicators, and texts an observation may give instead (factor to it).
_UNITS: dict[str | None, tuple[tuple[str | None, float], ...]] = {
    None: ((None, 1.0),),
    "%": ((None, 1.0), ("%", 1.0), ("fraction", 100.0), (" ", 1.0)),
    "% GRDP": ((None, 1.0), ("fraction_grdp", 100.0), ("%GDP", 1.0)),
    "Người/vạn dân": ((None, 1.0), ("người/1000 dân", 10.0), ("% dân số", 100.0)),
    "%/năm": ((None, 1.0), ("fraction_per_year", 100.0)),
    "Thứ bậc": ((None, 1.0), ("Thứ bậc", 1.0)),
}
_NUMBERS = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.integers(min_value=-5, max_value=120).map(float),
    st.sampled_from([0.0, 1.0, 30.0, 55.0, 100.0]),
)

_VALUES = st.one_of(*[_NUMBERS] * 8, st.none(), st.just(math.nan))
_TROUBLES = (None,) * 10 + ("twice", "no year", "no indicator", "infinite", "unknown", "unit")
_SCHEMA = {
    "indicator": pl.String,
    "entity": pl.String,
    "year": pl.Int64,
    "value": pl.Float64,
    "unit": pl.String,
    "assessment": pl.Boolean,
}


# --------------------------------------------------------------------------- plans and data


def _rows(draw: st.DrawFn, plan: Plan, entities: list[str | None]) -> list[dict[str, Any]]:
    """Series of some indicators of ``plan`` per entity, in any unit of their dimension."""
    rows = []
    for indicator in plan.indicators:
        if draw(st.integers(0, 3)) == 0:
            continue
        texts = _UNITS.get(indicator.unit.text if indicator.unit else None, ((None, 1.0),))
        for entity in entities:
            size = draw(st.integers(1, 6))
            years = st.lists(st.integers(2015, 2032), min_size=size, max_size=size, unique=True)
            for year in draw(years):
                unit, factor = draw(st.sampled_from(texts))
                value = draw(_VALUES)
                rows.append(
                    {
                        "indicator": indicator.id,
                        "entity": entity,
                        "year": year,
                        "value": value if value is None else value / factor,
                        "unit": unit,
                        "assessment": draw(st.none() | st.booleans()),
                    }
                )
    return rows


def _troubled(draw: st.DrawFn, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with one problem of the checks, sometimes."""
    trouble = draw(st.sampled_from(_TROUBLES))
    if trouble is None or not rows:
        return rows
    row = dict(draw(st.sampled_from(rows)))
    changed: dict[str, Any] = {
        "twice": {"value": draw(_NUMBERS)},
        "no year": {"year": None},
        "no indicator": {"indicator": None},
        "infinite": {"value": draw(st.sampled_from([math.inf, -math.inf]))},
        "unknown": {"indicator": "khong-co"},
        "unit": {"unit": "km", "value": 1.0},
    }[trouble]
    if trouble == "twice":
        return [*rows, row | changed]
    return [*rows[:-1], rows[-1] | changed] if draw(st.booleans()) else [*rows, row | changed]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Plan, pl.DataFrame, dict[str, Any]]:
    """A plan, observations of it, and the options of ``progress``."""
    plan = draw(kst.plans(max_indicators=4, changes=True))
    entities = draw(st.lists(st.none() | st.sampled_from("abc"), min_size=1, max_size=3))
    rows = _troubled(draw, _rows(draw, plan, list(dict.fromkeys(entities))))
    frame = pl.DataFrame(rows, schema=_SCHEMA)
    optional = ("entity", "unit", "assessment")
    frame = frame.drop(name for name in optional if draw(st.integers(0, 3)) == 0)
    frame = frame.select(draw(st.permutations(frame.columns)))
    ids = [target.id for target in plan.targets]
    options = {
        "as_of": draw(st.none() | st.integers(2014, 2033) | st.just(date(2024, 6, 30))),
        "baseline": draw(st.sampled_from(["plan", "series"])),
        "base_year": draw(st.none() | st.integers(2014, 2033)),
        "cohort_policy": draw(st.sampled_from(["absolute", "proportional"])),
        "cohort_size": draw(st.sampled_from([None, 34, 63]) | st.integers(1, 80)),
        "targets": draw(st.none() | st.lists(st.sampled_from(ids), min_size=1, unique=True)),
    }
    return plan, frame, options


# ------------------------------------------------------------------------------- comparison


def _outcome(plan: Plan, frame: Any, options: dict[str, Any]) -> object:
    """The result, or the error raised instead."""
    try:
        return progress(plan, frame, **options)
    except Kh922Error as error:  # ObservationError, IncompatibleUnitError, InvalidValueError
        return error


def _same_outcome(
    expected: object, got: object, back: Callable[[Any], pl.DataFrame], exact: bool = True
) -> None:
    if isinstance(expected, Exception):
        assert type(got) is type(expected), got
        assert str(got) == str(expected)
        if isinstance(expected, ObservationError):
            assert isinstance(got, ObservationError)
            assert got.problems == expected.problems
    else:
        assert isinstance(expected, pl.DataFrame), expected
        assert not isinstance(got, Exception), got
        assert_frame_equal(back(got), expected, **_tolerance(expected, exact))  # type: ignore[arg-type]


def _tolerance(expected: pl.DataFrame, exact: bool = True) -> dict[str, Any]:
    """How closely floats must agree (see the module docstring)."""
    if not exact:
        return {"check_exact": False, "rel_tol": 1e-12, "abs_tol": 1e-12}
    if expected.height == 1:  # Polars' integral power of one value: repeated multiplication
        return {"check_exact": False, "rel_tol": 1e-14, "abs_tol": 1e-14}
    return {"check_exact": True}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cases())
def test_duckdb_gives_the_polars_answers(case: tuple[Plan, pl.DataFrame, dict[str, Any]]) -> None:
    plan, frame, options = case
    expected = _outcome(plan, frame, options)
    event(type(expected).__name__)
    if isinstance(expected, pl.DataFrame):
        event(f"series measured: {int((expected['n_points'] > 1).sum() > 0)}")
        event(f"change targets measured: {any(t.spec.change for t in plan.targets)}")
    got = _outcome(plan, to_duckdb(frame), options)
    if not isinstance(got, Exception):
        assert isinstance(got, duckdb.DuckDBPyRelation)
    _same_outcome(expected, got, fetched)


@settings(
    max_examples=5,  # SQLFrame writes its SQL in Python: seconds a case
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=_cases())
def test_sqlframe_gives_the_polars_answers(
    case: tuple[Plan, pl.DataFrame, dict[str, Any]],
    to_sqlframe: Callable[[pl.DataFrame], Any],
) -> None:
    from sqlframe.duckdb import DuckDBDataFrame

    plan, frame, options = case
    expected = _outcome(plan, frame, options)
    got = _outcome(plan, to_sqlframe(frame), options)
    if not isinstance(got, Exception):
        assert isinstance(got, DuckDBDataFrame)
    _same_outcome(expected, got, fetched)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_single_cases())
def test_duckdb_equals_the_scalar_reference(
    case: dict[str, Any], make_target: Callable[..., Target]
) -> None:
    """Every kind of target, stand-alone, in every unit: DuckDB's rows are the scalar path's."""
    case = _targeted(case, make_target)
    target: Target = case["target"]
    frame = _single_frame(case)
    wrapped = native(to_duckdb(frame))
    assert wrapped is not None
    options: dict[str, Any] = {
        "as_of": case["as_of"],
        "baseline": case["baseline"],
        "base_year": case["base_year"],
        "cohort_policy": "absolute",
        "cohort_size": None,
    }
    result = progress_lazy(
        (target,),
        wrapped,
        **options,
        known_indicators=None,
        polars_path=lambda fetched: progress_of_targets((target,), fetched, **options),
    ).pl()
    same_as_reference(case, result)
    expected = progress_of_targets((target,), frame, **options)
    # a level of 0 replaced by 0.001 in a growth rate: Polars may divide by it as a product
    # with its reciprocal (one ulp off the quotient DuckDB and the scalar path compute)
    assert_frame_equal(result, expected, check_exact=False, rel_tol=1e-14, abs_tol=1e-14)


# ------------------------------------------------------------------- the kind of the result


def test_duckdb_gives_an_unevaluated_relation() -> None:
    """The result is a query: rows added to the table afterwards are in it when it runs."""
    plan = load_plan()
    connection = duckdb.connect()
    connection.execute("CREATE TABLE obs (indicator VARCHAR, year BIGINT, value DOUBLE)")
    connection.execute("INSERT INTO obs VALUES ('dti-rank', 2020, 33.0), ('dti-rank', 2021, 31.0)")
    result = progress(plan, connection.table("obs"), targets="2030-2")
    assert isinstance(result, duckdb.DuckDBPyRelation)
    connection.execute("INSERT INTO obs VALUES ('dti-rank', 2022, 51.0)")
    row = result.pl().row(0, named=True)
    assert (row["current_year"], row["n_points"], row["category"]) == (2022, 3, "deterioration")
    ranks = pl.DataFrame(
        {"indicator": ["dti-rank"] * 3, "year": [2020, 2021, 2022], "value": [33.0, 31.0, 51.0]}
    )
    assert_frame_equal(result.pl(), progress(plan, ranks, targets="2030-2"), check_exact=True)


def _published() -> pl.DataFrame:
    """The plan's published figures, with an entity key (a null one among them)."""
    from kh922core import published_figures

    figures = published_figures().select("indicator", "year", "value", "unit")
    entities = pl.Series("entity", ["a", None, "b"] * figures.height)[: figures.height]
    return figures.with_columns(entities)


# --------------------------------------------------------------------------------- the checks


_GOOD: dict[str, list[Any]] = {
    "indicator": ["dti-rank", "dti-rank"],
    "year": [2020, 2022],
    "value": [33.0, 31.0],
}
#: Observations that each check refuses, and the error it raises (on Polars first).
_REFUSED: dict[str, dict[str, list[Any]]] = {
    "missing column": {"indicator": ["dti-rank"], "value": [33.0]},
    "unreadable value": {**_GOOD, "value": ["33", "abc"]},
    "unreadable year": {**_GOOD, "year": ["2020", "20x2"]},
    "missing indicator": {**_GOOD, "indicator": ["dti-rank", None]},
    "missing year": {**_GOOD, "year": [2020, None]},
    "infinite value": {**_GOOD, "value": [33.0, math.inf]},
    "unknown indicator": {**_GOOD, "indicator": ["dti-rank", "dti-rang"]},
    "two values a year": {**_GOOD, "year": [2022, 2022]},
    "result column as a key": {**_GOOD, "category": ["x", "y"]},
    "underscore key": {**_GOOD, "_entity": ["x", "y"]},
    "incompatible unit": {**_GOOD, "unit": ["Thứ bậc", "km"]},
}


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
@pytest.mark.parametrize("problem", sorted(_REFUSED))
def test_each_check_raises_the_polars_error(
    problem: str, engine: str, request: pytest.FixtureRequest
) -> None:
    frame = pl.DataFrame(_REFUSED[problem], strict=False)
    to = to_duckdb if engine == "duckdb" else request.getfixturevalue("to_sqlframe")
    plan = load_plan()
    expected = _outcome(plan, frame, {})
    assert isinstance(expected, ObservationError | IncompatibleUnitError)
    _same_outcome(expected, _outcome(plan, to(frame), {}), fetched)


def _texts() -> pl.DataFrame:
    """Values written the Vietnamese way (white space around some), years as texts."""
    texts = ["12.000", " 49,5 ", "6.388,3", "0.75", "−2", "-0,5", None, "\u00a07\u2003"]
    years = ["2015", "+2016", "02017", "2018", "2019", "2020", "2021", "2022"]
    return pl.DataFrame({"indicator": ["tfp-contribution"] * 8, "year": years, "value": texts})


@pytest.mark.parametrize("engine", ["duckdb", "sqlframe"])
def test_texts_are_read_the_vietnamese_way_in_the_engine(
    engine: str, request: pytest.FixtureRequest
) -> None:
    to = to_duckdb if engine == "duckdb" else request.getfixturevalue("to_sqlframe")
    plan = load_plan()
    expected = progress(plan, _texts(), targets="2030-3")
    assert expected["n_points"].item() == 7  # every text read but the missing one
    got = progress(plan, to(_texts()), targets="2030-3")
    assert_frame_equal(fetched(got), expected, check_exact=True)


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("value", ["1e3", "31"]),  # Polars reads 1e3 the English way; the engines are not asked to
        ("year", [2020.0, 2022.0]),  # a float year: Polars truncates it
        ("year", [date(2020, 1, 1), date(2022, 1, 1)]),
        ("assessment", [1, 0]),
    ],
)
def test_what_polars_reads_otherwise_is_refused_by_name(column: str, values: list[Any]) -> None:
    frame = pl.DataFrame({**_GOOD, column: values})
    plan = load_plan()
    progress(plan, frame)  # Polars reads it, in its own way
    with pytest.raises(UnsupportedFrameError, match=f"for progress on duckdb, not {column}"):
        progress(plan, to_duckdb(frame))


def test_wrong_options_are_refused_before_the_engine_is_asked() -> None:
    relation = to_duckdb(pl.DataFrame(_GOOD))
    with pytest.raises(InvalidValueError, match="baseline must be"):
        progress(load_plan(), relation, baseline="first")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="as_of must be"):
        progress(load_plan(), relation, as_of=2024.5)  # type: ignore[arg-type]


# -------------------------------------------------------------------------------------- Spark


@pytest.mark.spark
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=_cases())
def test_spark_gives_the_polars_answers(
    case: tuple[Plan, pl.DataFrame, dict[str, Any]], spark: Any
) -> None:
    plan, frame, options = case
    expected = _outcome(plan, frame, options)
    got = _outcome(plan, to_spark(spark)(frame), options)
    _same_outcome(expected, got, fetched, exact=False)


@pytest.mark.spark
def test_spark_gives_an_unevaluated_dataframe_and_the_polars_errors(spark: Any) -> None:
    from pyspark.sql import DataFrame

    plan, observations = load_plan(), _published()
    result = progress(plan, to_spark(spark)(observations))
    assert isinstance(result, DataFrame)
    expected = progress(plan, observations)
    got = fetched(result)
    assert_frame_equal(got, expected, check_exact=False, rel_tol=1e-12, abs_tol=1e-12)
    got = fetched(progress(plan, to_spark(spark)(_texts()), targets="2030-3"))
    expected = progress(plan, _texts(), targets="2030-3")
    assert_frame_equal(got, expected, check_exact=False, rel_tol=1e-12)
    for problem in ("unreadable year", "two values a year", "unknown indicator"):
        frame = pl.DataFrame(_REFUSED[problem], strict=False)
        _same_outcome(
            _outcome(plan, frame, {}), _outcome(plan, to_spark(spark)(frame), {}), fetched
        )
