"""Benchmark of ``kh922core.evaluate`` where the data lives: DuckDB, pandas and Spark.

* DuckDB: ``evaluate(plan, relation)`` materialised in DuckDB (``.create``) against hand-written
  DuckDB SQL (join a bounds table, one range test), same input table, same run.
* pandas: a pandas DataFrame in, a pandas DataFrame out, against a hand-written pandas
  ``merge`` of the bounds table and one comparison.
* Spark: ``evaluate(plan, spark_dataframe)`` run on a local Spark (``local[2]``) to the ``noop``
  sink, with its time and the JVM's peak resident memory (``VmHWM``).

The observations are those of ``bench_engine.py`` (run it first: it writes
``benchmarks/_data/obs_N``).  Run from the repository root::

    python benchmarks/bench_engines.py --rows 10000000 --only duckdb spark
    python benchmarks/bench_engines.py --rows 1000000 --only pandas
"""

from __future__ import annotations

import argparse
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


def _best(run: Callable[[], Any], reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


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

    def engine() -> None:
        con.execute("DROP TABLE IF EXISTS engine_out")
        evaluate(plan, con.table("obs")).create("engine_out")

    t_engine, t_hand = _best(engine, reps), _best(lambda: con.execute(hand), reps)
    rows = con.sql("SELECT count(*) FROM engine_out").fetchall()[0][0]
    hand_rows = con.sql("SELECT count(*) FROM hand").fetchall()[0][0]
    print(
        f"duckdb {frame.height:,} rows: evaluate {t_engine:.2f} s, hand-written SQL "
        f"{t_hand:.2f} s, ratio {t_engine / t_hand:.2f}x (rows out {rows}, hand {hand_rows})"
    )


def bench_pandas(frame: pl.DataFrame, reps: int) -> None:
    plain = frame.with_columns(pl.col(pl.Enum).cast(pl.String))
    observations = plain.to_pandas()
    bounds = _bounds(frame).to_pandas()
    plan = load_plan()

    def hand() -> Any:
        keyed = observations.assign(unit_key=observations["unit"].fillna(""))
        merged = keyed.merge(
            bounds.rename(columns={"unit": "unit_key"}), on=["indicator", "unit_key"]
        )
        converted = merged["value"] * merged["factor"]
        merged["value_converted"] = converted
        merged["met"] = (converted >= merged["lower"]) & (converted <= merged["upper"])
        return merged

    t_engine = _best(lambda: evaluate(plan, observations), reps)
    t_hand = _best(hand, reps)
    print(
        f"pandas {frame.height:,} rows: evaluate (pandas in, pandas out) {t_engine:.2f} s, "
        f"hand-written merge + comparison {t_hand:.2f} s, {t_hand / t_engine:.2f}x faster"
    )


def bench_spark(path: Path, rows: int, reps: int) -> None:
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    observations = spark.read.parquet(str(path))
    plan = load_plan()

    def run() -> None:
        evaluate(plan, observations).write.format("noop").mode("overwrite").save()

    seconds = _best(run, reps)
    pid = spark.sparkContext._gateway.proc.pid  # type: ignore[union-attr]
    status = Path(f"/proc/{pid}/status").read_text()
    peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    print(
        f"spark local[2] {rows:,} rows: evaluate to the noop sink {seconds:.2f} s "
        f"({seconds / rows * 1e9:.0f} ns per row on 2 cores), "
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
    if "pandas" in args.only:
        bench_pandas(frame, args.reps)
    if "spark" in args.only:
        bench_spark(path, args.rows, args.reps)


if __name__ == "__main__":
    main()
