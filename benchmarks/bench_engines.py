"""Benchmark of ``kh922core.evaluate`` where the data lives: DuckDB, pandas and Spark.

* DuckDB: ``evaluate(plan, relation)`` materialised in DuckDB (``.create``) against hand-written
  DuckDB SQL (join a bounds table, one range test), same input table, same run; with all the
  output columns, and with ``outputs=`` the hand-written query's (:data:`SAME_OUTPUTS`).
* pandas: a pandas DataFrame in, a pandas DataFrame out, against a hand-written pandas
  ``merge`` of the bounds table and one comparison; the keys as pandas' default ``str``
  (``--only pandas-str``) and as ``category`` (``--only pandas-category``; ``pandas``: both);
  all the output columns, and the hand-written ``merge``'s (:data:`SAME_OUTPUTS`).
  The Polars engine alone on the converted frame, the conversion in, and the way back (the
  outputs converted, the caller's own columns taken from the caller's frame) are timed too.
* Spark: ``evaluate(plan, spark_dataframe)`` run on a local Spark (``local[2]``) to the ``noop``
  sink, with its time (and that of the checks), the JVM's CPU time and its peak resident memory
  (``VmHWM``), and the shuffles of the physical plan.

The workloads of one engine are alternated within each repetition; the best time of each is
printed.  The observations are those of ``bench_engine.py`` (run it first: it writes
``benchmarks/_data/obs_N``).  Run from the repository root::

    python benchmarks/bench_engines.py --rows 10000000 --only duckdb spark
    python benchmarks/bench_engines.py --rows 1000000 --only pandas
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from kh922core import evaluate, load_plan
from kh922core._engine.compile import compile_targets
from kh922core._engine.conversion import resolve_units
from kh922core._engine.polars_query import TargetDtypes, bounds_table

HERE = Path(__file__).resolve().parent
#: The output columns that the hand-written queries compute, asked of ``evaluate`` for a
#: like-for-like time (``outputs=``); the full result has 10.
SAME_OUTPUTS = ("target_id", "value_converted", "met")


def _best(run: Callable[[], Any], reps: int) -> float:
    return _alternated({"run": run}, reps)["run"]


def _alternated(runs: dict[str, Callable[[], Any]], reps: int) -> dict[str, float]:
    """The best time of each workload over ``reps`` rounds, the workloads alternated within a
    round (in reverse order every other round), so that the load of a shared machine falls on
    all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for rep in range(reps):
        order = list(runs.items())
        for name, run in order if rep % 2 == 0 else reversed(order):
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: min(found) for name, found in times.items()}


def _bounds(frame: pl.DataFrame) -> pl.DataFrame:
    """The plan's bounds per (indicator, unit) pair of ``frame``: what a hand-written query
    joins (its factor, lower and upper)."""
    plan = load_plan()
    compiled = compile_targets(plan)
    units = {i.id: i.unit for i in plan.indicators}
    pairs = frame.select(pl.col("indicator", "unit").cast(pl.String)).unique().rows()
    factors, _ = resolve_units([p for p in pairs if p[0] in compiled], compiled, units)
    table = bounds_table(factors, compiled, TargetDtypes.of(plan), with_unit=True)
    return table.select(
        "indicator",
        pl.col("unit").fill_null(""),
        pl.col("target_id").cast(pl.String),
        pl.col("_kh_factor").alias("factor"),
        pl.col("_kh_lower").alias("lower"),
        pl.col("_kh_upper").alias("upper"),
    )


def bench_duckdb(frame: pl.DataFrame, reps: int) -> None:
    import duckdb

    con = duckdb.connect()
    arrow = frame.with_columns(pl.col(pl.Enum).cast(pl.String)).to_arrow()
    con.register("obs_arrow", arrow)
    con.execute("CREATE TABLE obs AS SELECT * FROM obs_arrow")
    con.register("bounds_arrow", _bounds(frame).to_arrow())
    con.execute("CREATE TABLE bounds AS SELECT * FROM bounds_arrow")
    plan = load_plan()
    hand = (
        "CREATE OR REPLACE TABLE hand AS SELECT o.*, b.target_id, o.value * b.factor AS "
        "value_converted, (o.value * b.factor BETWEEN b.lower AND b.upper) AS met FROM obs o "
        "JOIN bounds b ON o.indicator = b.indicator AND coalesce(o.unit, '') = b.unit"
    )

    def engine(outputs: tuple[str, ...] | None = None) -> None:
        con.execute("DROP TABLE IF EXISTS engine_out")
        evaluate(plan, con.table("obs"), outputs=outputs).create("engine_out")

    best = _alternated(
        {
            "engine": engine,
            "engine_same": lambda: engine(SAME_OUTPUTS),
            "hand": lambda: con.execute(hand),
        },
        reps,
    )
    t_engine, t_same, t_hand = best["engine"], best["engine_same"], best["hand"]
    rows = con.sql("SELECT count(*) FROM engine_out").fetchall()[0][0]
    hand_rows = con.sql("SELECT count(*) FROM hand").fetchall()[0][0]
    print(
        f"duckdb {frame.height:,} rows: evaluate {t_engine:.2f} s (all 10 output columns), "
        f"{t_same:.2f} s with outputs={SAME_OUTPUTS} (the hand-written query's); hand-written "
        f"SQL {t_hand:.2f} s; ratios {t_engine / t_hand:.2f}x and {t_same / t_hand:.2f}x "
        f"(rows out {rows}, hand {hand_rows})"
    )


def bench_pandas(frame: pl.DataFrame, reps: int, keys: str) -> None:
    """pandas in, pandas out, against a hand-written ``merge``; with the Polars engine on the same
    rows as a Polars frame (the floor of the pandas path) and the two conversions alone.

    ``keys``: ``"str"``, the indicator and unit as pandas' default string dtype; ``"category"``,
    as categories (what ``pd.read_parquet`` gives for the Parquet file's dictionary columns), the
    bounds table's keys then cast to the same categories, so that ``merge`` joins codes."""
    from kh922core._engine.native_frames import native, to_polars
    from kh922core._engine.pandas_frames import _assembled
    from kh922core._engine.polars_evaluate import default_keys

    if keys == "category":
        observations = frame.to_pandas()
        bounds = _bounds(frame).to_pandas()
        bounds["unit"] = bounds["unit"].replace("", None)  # pandas joins a missing unit to one
        bounds = bounds.astype({k: observations[k].dtype for k in ("indicator", "unit")})
    else:  # pandas' default dtypes: str, float64, object booleans
        observations = frame.with_columns(pl.col(pl.Enum).cast(pl.String)).to_pandas()
        bounds = _bounds(frame).to_pandas()  # a missing unit as "" (a text key joins texts)
    plan = load_plan()
    wrapped = native(observations)
    assert wrapped is not None
    converted = to_polars(wrapped)
    result = evaluate(plan, converted)
    placed = evaluate(plan, converted.with_row_index("_place"), keys=default_keys(frame.columns))

    def hand() -> Any:
        if keys == "category":
            merged = observations.merge(bounds, on=["indicator", "unit"])
        else:
            keyed = observations.assign(unit_key=observations["unit"].fillna(""))
            right = bounds.rename(columns={"unit": "unit_key"})
            merged = keyed.merge(right, on=["indicator", "unit_key"])
        converted = merged["value"] * merged["factor"]
        merged["value_converted"] = converted
        merged["met"] = (converted >= merged["lower"]) & (converted <= merged["upper"])
        return merged

    assert len(hand()) == result.height
    best = _alternated(
        {
            "engine": lambda: evaluate(plan, observations),
            "engine_same": lambda: evaluate(plan, observations, outputs=SAME_OUTPUTS),
            "hand": hand,
            "polars": lambda: evaluate(plan, converted),
            "to_polars": lambda: to_polars(wrapped),
            "back": lambda: _assembled(placed, observations, "_place", frame.columns),
        },
        reps,
    )
    t_engine, t_hand, t_polars = best["engine"], best["hand"], best["polars"]
    print(
        f"pandas ({keys} keys) {frame.height:,} rows: evaluate (pandas in, pandas out) "
        f"{t_engine:.3f} s, hand-written merge + comparison {t_hand:.3f} s: "
        f"{t_hand / t_engine:.2f}x faster; with outputs={SAME_OUTPUTS} {best['engine_same']:.3f} s "
        f"({t_hand / best['engine_same']:.2f}x faster); the Polars engine on the converted frame "
        f"{t_polars:.3f} s (at most {t_hand / t_polars:.2f}x faster); conversions "
        f"{best['to_polars']:.3f} s in, {best['back']:.3f} s back"
    )


def bench_spark(path: Path, rows: int, reps: int) -> None:
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    observations = spark.read.parquet(str(path))
    plan = load_plan()

    physical = evaluate(plan, observations)._jdf.queryExecution().executedPlan().toString()
    exchanges = [line.strip() for line in physical.splitlines() if "Exchange" in line]
    shuffles = [line for line in exchanges if "BroadcastExchange" not in line]
    broadcasts = len(exchanges) - len(shuffles)
    print(f"spark plan: {broadcasts} broadcast exchange(s), shuffles: {shuffles or 'none'}")
    pid = spark.sparkContext._gateway.proc.pid  # type: ignore[union-attr]

    def cpu() -> float:  # the JVM's user + system time, seconds (all its threads)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    runs = []
    for _ in range(reps):  # evaluate() runs the checks (Spark jobs); the sink runs the query
        start, start_cpu = time.perf_counter(), cpu()
        evaluated = evaluate(plan, observations)
        checked = time.perf_counter()
        evaluated.write.format("noop").mode("overwrite").save()
        runs.append((time.perf_counter() - start, checked - start, cpu() - start_cpu))
    seconds, checks, core_seconds = min(runs)
    status = Path(f"/proc/{pid}/status").read_text()
    peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    print(
        f"spark local[2] {rows:,} rows: evaluate to the noop sink {seconds:.2f} s, of which "
        f"the checks {checks:.2f} s ({seconds / rows * 1e9:.0f} ns per row on 2 cores; "
        f"every run: {', '.join(f'{t:.2f}' for t, _, _ in runs)} s); JVM CPU time "
        f"{core_seconds:.1f} s ({core_seconds / rows * 1e9:.0f} ns per row), "
        f"JVM peak RSS {int(peak) / 1024:.0f} MiB"
    )
    spark.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", nargs="+", default=["duckdb", "pandas", "spark"])
    args = parser.parse_args()
    path = HERE / "_data" / f"obs_{args.rows}"
    if not (path / "_done").exists():
        raise SystemExit(f"run benchmarks/bench_engine.py --rows {args.rows} first (writes {path})")
    frame = pl.read_parquet(path / "*.parquet")
    if "duckdb" in args.only:
        bench_duckdb(frame, args.reps)
    for keys in ("str", "category"):
        if "pandas" in args.only or f"pandas-{keys}" in args.only:
            bench_pandas(frame, args.reps, keys)
    if "spark" in args.only:
        bench_spark(path, args.rows, args.reps)


if __name__ == "__main__":
    main()
