"""Benchmark of the vectorised engine against a hand-written Polars query, DuckDB, pandas and
the scalar reference, at 1M and 10M observation rows (and a 50M-row Parquet input, streamed).

Every measurement runs in a child process of its own, so that its peak memory is its own: the
child loads the input, resets the kernel's peak-RSS mark (``/proc/self/clear_refs``), runs the
workload ``--reps`` times and reports the best time, the resident memory before the run and the
peak during it (``VmHWM``; ``ru_maxrss`` where the mark cannot be reset).

Run from the repository root (needs the ``bench`` extra: duckdb, pandas, pyarrow)::

    python benchmarks/bench_engine.py --rows 1000000 10000000 --out benchmarks/results.md
    python benchmarks/bench_engine.py --rows 50000000 --only load_scan engine_sink hand_sink

The synthetic observations are the plan's indicators (those with targets) × 63 provinces × 7
years (2024-2030) × as many scenarios as the row count needs; 10 % of the rows in percent are
given as fractions (unit ``fraction``), 1 % of the values are missing, the qualitative indicator
has assessments.  They are written once to ``benchmarks/_data/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
PROVINCES = 63
YEARS = np.arange(2024, 2031, dtype=np.int32)
SCALAR_SAMPLE = 20_000
STATUSES = ["met", "exceeded", "not_met", "no_data", "needs_assessment"]
STATUS = pl.Enum(STATUSES)
RTOL = 1e-9  # kh922core.COMPARISON_RTOL
KEYS = ["province", "year", "scenario"]

# ---------------------------------------------------------------------------------------------
# Synthetic data
# ---------------------------------------------------------------------------------------------


def load_plan() -> Any:
    from kh922core._plans.loader import load_plan as load

    return load()


def _indicators(plan: Any) -> list[tuple[str, str | None, float]]:
    """Indicators with targets: id, unit text (``None``: qualitative), a typical value."""
    from kh922core._targets import Qualitative, Range, RankGroup

    rows: list[tuple[str, str | None, float]] = []
    for indicator in plan.indicators:
        targets = plan.targets_of(indicator.id)
        if not targets:
            continue
        spec = targets[0].spec
        if isinstance(spec, Qualitative):
            rows.append((indicator.id, None, 0.0))
        elif isinstance(spec, RankGroup):
            rows.append((indicator.id, indicator.unit.text, float(spec.size)))
        elif isinstance(spec, Range):
            rows.append((indicator.id, indicator.unit.text, spec.low))
        else:
            rows.append((indicator.id, indicator.unit.text, spec.value))
    return rows


def make_block(plan: Any, scenarios: np.ndarray, seed: int) -> pl.DataFrame:
    """Observations of every indicator × province × year for some scenarios."""
    rng = np.random.default_rng(seed)
    indicators = _indicators(plan)
    cell = PROVINCES * len(YEARS)
    n = len(indicators) * cell * len(scenarios)
    which = np.tile(np.repeat(np.arange(len(indicators)), cell), len(scenarios))
    units = [unit for _, unit, _ in indicators]
    value = np.array([typical for _, _, typical in indicators])[which] * rng.uniform(0.5, 1.5, n)
    is_rank = np.array([unit == "Thứ bậc" for unit in units])[which]
    value = np.where(is_rank, np.ceil(rng.uniform(0, PROVINCES, n)), value)
    qualitative = np.array([unit is None for unit in units])[which]
    as_fraction = np.array([unit == "%" for unit in units])[which] & (rng.uniform(0, 1, n) < 0.1)
    value = np.where(as_fraction, value / 100, value)
    missing = qualitative | (rng.uniform(0, 1, n) < 0.01)
    unit_text = np.where(as_fraction, "fraction", np.array([u or "" for u in units])[which])
    unit_enum = pl.Enum(sorted({u for u in units if u} | {"fraction"}))
    return pl.DataFrame(
        {
            "indicator": pl.Series(np.array([i for i, _, _ in indicators])[which]).cast(
                pl.Enum([i.id for i in plan.indicators])
            ),
            "value": np.where(missing, np.nan, value),
            "unit": unit_text,
            "assessment": rng.uniform(0, 1, n) < 0.5,
            "province": np.tile(
                np.repeat(np.arange(1, PROVINCES + 1, dtype=np.int32), len(YEARS)),
                len(indicators) * len(scenarios),
            ),
            "year": np.tile(YEARS, PROVINCES * len(indicators) * len(scenarios)),
            "scenario": np.repeat(scenarios.astype(np.int32), len(indicators) * cell),
        }
    ).with_columns(
        pl.when(pl.col("value").is_nan()).then(None).otherwise(pl.col("value")).alias("value"),
        pl.when(pl.col("unit") == "")
        .then(None)
        .otherwise(pl.col("unit"))
        .cast(unit_enum)
        .alias("unit"),
        pl.when(pl.Series(qualitative)).then(pl.col("assessment")).alias("assessment"),
    )


def dataset(rows: int) -> Path:
    """Parquet files of ``rows`` observations (written once), as a directory."""
    plan = load_plan()
    per_scenario = len(_indicators(plan)) * PROVINCES * len(YEARS)
    folder = DATA / f"obs_{rows}"
    if (folder / "_done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    scenarios = math.ceil(rows / per_scenario)
    chunk = max(1, 5_000_000 // per_scenario)
    written = 0
    for number, start in enumerate(range(0, scenarios, chunk)):
        block = make_block(plan, np.arange(start, min(start + chunk, scenarios)), seed=number)
        block = block.head(rows - written)
        block.write_parquet(folder / f"part-{number:04d}.parquet")
        written += block.height
    (folder / "_done").write_text(str(written))
    return folder


# ---------------------------------------------------------------------------------------------
# The workloads
# ---------------------------------------------------------------------------------------------


def hand_bounds(plan: Any, units: list[str | None]) -> pl.DataFrame:
    """The per-target table a person would write for this plan, by hand: one row per
    (indicator, unit, target) with the factor and the bounds (tolerance applied, strict bounds
    folded with nextafter), exceed bounds, shortfall bounds and the attainment bound."""
    from kh922core._targets import Comparison, Operator, Qualitative, Range, RankGroup
    from kh922core._targets.units import conversion_factor

    inf = math.inf
    rows = []
    for target in plan.targets:
        spec, unit = target.spec, target.unit
        kind: dict[str, Any] = {
            "lo": -inf, "hi": inf, "ex_lo": inf, "ex_hi": -inf,
            "s_lo": -inf, "s_hi": inf, "r": None, "up": True, "qual": False,
        }  # fmt: skip
        if isinstance(spec, Qualitative):
            kind["qual"] = True
        elif isinstance(spec, RankGroup):
            size = float(spec.size)
            kind |= {"hi": size + RTOL * size, "s_hi": size, "r": size, "up": False}
        elif isinstance(spec, Range):  # higher is better in this plan
            high = spec.high + RTOL * abs(spec.high)
            kind |= {"lo": spec.low - RTOL * abs(spec.low), "ex_lo": math.nextafter(high, inf)}
            kind |= {"ex_hi": inf, "s_lo": spec.low, "s_hi": spec.high, "r": spec.low}
        elif isinstance(spec, Comparison) and spec.operator is Operator.GT:
            edge = spec.value + RTOL * abs(spec.value)
            kind |= {"lo": math.nextafter(edge, inf), "s_lo": spec.value, "r": spec.value}
        else:  # ≥ X and bare numbers (higher is better)
            lo = spec.value - RTOL * abs(spec.value)
            kind |= {"lo": lo, "s_lo": spec.value, "r": spec.value or None}
        for text in units:
            factor = None if kind["qual"] else 1.0
            if text is not None and not kind["qual"]:
                try:
                    factor = conversion_factor(text, unit)
                except ValueError:
                    continue
            rows.append(
                {"indicator": target.indicator, "unit": text, "factor": factor,
                 "target_id": target.id, "row": target.row, "horizon": target.horizon,
                 "target_text": target.text, **kind}
            )  # fmt: skip
    ids = [t.id for t in plan.targets]
    return pl.DataFrame(rows).with_columns(
        pl.col("target_id").cast(pl.Enum(ids)),
        pl.col("row").cast(pl.Enum(list(dict.fromkeys(t.row for t in plan.targets)))),
        pl.col("horizon").cast(pl.Int16),
        pl.col("target_text").cast(pl.Enum(list(dict.fromkeys(t.text for t in plan.targets)))),
        pl.col("r").cast(pl.Float64),
    )


def hand_query(observations: pl.LazyFrame, bounds: pl.DataFrame, packed: bool) -> pl.LazyFrame:
    """The hand-written single query: join the bounds, one range test, the outputs."""
    schema = observations.collect_schema()
    table = bounds.with_columns(
        pl.col("indicator").cast(schema["indicator"]), pl.col("unit").cast(schema["unit"])
    )
    if packed:  # one integer key instead of two columns
        key = (
            pl.col("indicator").to_physical().cast(pl.UInt64) * (1 << 32)
            + pl.col("unit").to_physical().cast(pl.UInt64).fill_null((1 << 32) - 1)
        ).alias("key")
        joined = observations.with_columns(key).join(
            table.with_columns(key).drop("indicator", "unit").lazy(), on="key"
        )
    else:
        joined = observations.join(table.lazy(), on=["indicator", "unit"], nulls_equal=True)
    v = pl.col("value_converted")
    met_value = (v >= pl.col("lo")) & (v <= pl.col("hi"))

    def status(name: str) -> pl.Expr:
        return pl.lit(name, dtype=STATUS)

    converted = (pl.col("value") * pl.col("factor")).fill_nan(None)
    met = pl.when(pl.col("qual")).then(pl.col("assessment")).otherwise(pl.col("met_value"))
    return (
        joined.with_columns(converted.alias("value_converted"))
        .with_columns(met_value.alias("met_value"))
        .with_columns(
            met.alias("met")
        )
        .with_columns(
            pl.when(pl.col("met_value") & (v >= pl.col("ex_lo")) & (v <= pl.col("ex_hi")))
            .then(status("exceeded"))
            .when(pl.col("met")).then(status("met"))
            .when(~pl.col("met")).then(status("not_met"))
            .when(pl.col("qual")).then(status("needs_assessment"))
            .otherwise(status("no_data"))
            .alias("status"),
            pl.when(pl.col("met_value")).then(0.0)
            .otherwise(pl.max_horizontal(pl.col("s_lo") - v, v - pl.col("s_hi")).clip(0.0))
            .alias("shortfall"),
            pl.when(~v.is_finite()).then(None)
            .when(pl.col("up")).then(v / pl.col("r"))
            .when(v != 0.0).then(pl.col("r") / v)
            .alias("attainment"),
            pl.lit(False).alias("computed"),
        )
        .select(
            *schema.names(), "target_id", "row", "horizon", "target_text", "value_converted",
            "met", "status", "shortfall", "attainment", "computed",
        )
    )  # fmt: skip


def duckdb_query() -> str:
    return """
    WITH j AS (
      SELECT o.*, b.target_id, b."row", b.horizon, b.target_text, b.qual, b.lo, b.hi,
             b.ex_lo, b.ex_hi, b.s_lo, b.s_hi, b.r, b.up,
             CASE WHEN isnan(o.value * b.factor) THEN NULL ELSE o.value * b.factor END AS vc
      FROM obs o JOIN bounds b
        ON o.indicator = b.indicator AND o.unit IS NOT DISTINCT FROM b.unit
    ), m AS (
      SELECT *, (vc >= lo AND vc <= hi) AS met_value FROM j
    )
    SELECT * EXCLUDE (qual, lo, hi, ex_lo, ex_hi, s_lo, s_hi, r, up, vc, met_value),
      vc AS value_converted,
      CASE WHEN qual THEN assessment ELSE met_value END AS met,
      CASE WHEN met_value AND vc >= ex_lo AND vc <= ex_hi THEN 'exceeded'
           WHEN (CASE WHEN qual THEN assessment ELSE met_value END) THEN 'met'
           WHEN NOT (CASE WHEN qual THEN assessment ELSE met_value END) THEN 'not_met'
           WHEN qual THEN 'needs_assessment' ELSE 'no_data' END AS status,
      CASE WHEN met_value THEN 0.0
           ELSE greatest(s_lo - vc, vc - s_hi, 0.0) END AS shortfall,
      CASE WHEN NOT isfinite(vc) THEN NULL WHEN up THEN vc / r
           WHEN vc <> 0 THEN r / vc END AS attainment
    FROM m
    """


def pandas_run(frame: Any, bounds: Any) -> Any:
    import numpy as np_
    import pandas as pd

    joined = frame.merge(bounds, on=["indicator", "unit"], how="inner")
    v = (joined["value"] * joined["factor"]).to_numpy(dtype="float64", na_value=np_.nan)
    with np_.errstate(invalid="ignore", divide="ignore"):
        met_value = (v >= joined["lo"].to_numpy()) & (v <= joined["hi"].to_numpy())
        known = ~np_.isnan(v)
        qual = joined["qual"].to_numpy(dtype=bool)
        assessment = joined["assessment"]
        met = np_.where(qual, assessment.fillna(False).to_numpy(dtype=bool), met_value)
        met_known = np_.where(qual, assessment.notna().to_numpy(), known)
        ex_lo, ex_hi = joined["ex_lo"].to_numpy(), joined["ex_hi"].to_numpy()
        exceeded = met_value & known & (v >= ex_lo) & (v <= ex_hi)
        codes = np_.select(
            [exceeded, met_known & met, met_known & ~met, qual], [1, 0, 2, 4], 3
        ).astype(np_.int8)
        gap = np_.maximum(joined["s_lo"].to_numpy() - v, v - joined["s_hi"].to_numpy())
        shortfall = np_.where(met_value, 0.0, np_.maximum(gap, 0.0))
        r = joined["r"].to_numpy(dtype="float64", na_value=np_.nan)
        up = joined["up"].to_numpy(dtype=bool)
        attainment = np_.where(up, v / r, r / v)
        attainment[~np_.isfinite(v) | (~up & (v == 0))] = np_.nan
    joined["value_converted"] = v
    joined["met"] = pd.arrays.BooleanArray(met, ~met_known)
    joined["status"] = pd.Categorical.from_codes(codes, categories=STATUSES)
    joined["shortfall"] = np_.where(known, shortfall, np_.nan)
    joined["attainment"] = attainment
    return joined.drop(
        columns=["factor", "lo", "hi", "ex_lo", "ex_hi", "s_lo", "s_hi", "r", "up", "qual"]
    )


def scalar_run(plan: Any, rows: list[dict[str, Any]]) -> int:
    """The scalar reference, one observation and target at a time (a plain Python loop)."""
    from kh922core._targets import Qualitative

    targets = {i.id: plan.targets_of(i.id) for i in plan.indicators}
    evaluated = 0
    for row in rows:
        for target in targets[row["indicator"]]:
            qualitative = isinstance(target.spec, Qualitative)
            value = row["assessment"] if qualitative else row["value"]
            unit = None if qualitative else row["unit"]
            target.is_met(value, unit=unit)
            target.status(value, unit=unit)
            target.shortfall(value, unit=unit)
            target.spec.attainment(target._convert(value, unit))
            evaluated += 1
    return evaluated


# ---------------------------------------------------------------------------------------------
# Child process: one measurement
# ---------------------------------------------------------------------------------------------


def _rss_mb(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child(measure: str, folder: Path, reps: int, output: Path) -> dict[str, Any]:
    from kh922core._engine import evaluate

    plan = load_plan()
    files = str(folder / "*.parquet")
    lazy_input = measure in {"engine_sink", "hand_sink", "load_scan"}
    frame = None if lazy_input else pl.read_parquet(files)
    if frame is not None:
        input_mb = frame.estimated_size() / 2**20
    else:  # the size the input would have in memory, one file at a time
        parts = sorted(folder.glob("*.parquet"))
        input_mb = sum(pl.read_parquet(part).estimated_size() for part in parts) / 2**20
    rows = int((folder / "_done").read_text())
    work: Callable[[], Any]
    if measure == "load":
        work = lambda: None  # noqa: E731
    elif measure == "load_scan":
        work = lambda: pl.scan_parquet(files).select(pl.len()).collect(engine="streaming")  # noqa: E731
    elif measure == "engine_eager":
        work = lambda: evaluate(plan, frame)  # noqa: E731
    elif measure == "engine_lazy":
        work = lambda: evaluate(plan, frame.lazy()).collect(engine="streaming")  # noqa: E731
    elif measure in {"hand_lazy", "hand_packed", "hand_eager"}:
        units = frame["unit"].cast(pl.String).unique().to_list()
        bounds = hand_bounds(plan, units)
        packed = measure == "hand_packed"
        engine = "in-memory" if measure == "hand_eager" else "streaming"
        work = lambda: hand_query(frame.lazy(), bounds, packed).collect(engine=engine)  # noqa: E731
    elif measure == "engine_sink":
        # The engine's rows have no order: let the sink write them as they come (see the docs).
        work = lambda: evaluate(plan, pl.scan_parquet(files)).sink_parquet(  # noqa: E731
            output, maintain_order=False
        )
    elif measure == "hand_sink":
        units = pl.scan_parquet(files).select(pl.col("unit").cast(pl.String).unique()).collect()
        bounds = hand_bounds(plan, units["unit"].to_list())
        work = lambda: hand_query(pl.scan_parquet(files), bounds, True).sink_parquet(  # noqa: E731
            output, maintain_order=False
        )
    elif measure == "duckdb":
        import duckdb

        connection = duckdb.connect()
        connection.execute(f"SET threads = {os.cpu_count()}")
        units = frame["unit"].cast(pl.String).unique().to_list()
        bounds = hand_bounds(plan, units).with_columns(pl.col(pl.Enum).cast(pl.String))
        arrow = frame.with_columns(pl.col("indicator", "unit").cast(pl.String)).to_arrow()
        del frame
        connection.register("obs", arrow)
        connection.register("bounds", bounds.to_arrow())
        sql = duckdb_query()
        work = lambda: connection.sql(sql).to_arrow_table()  # noqa: E731
    elif measure == "pandas":
        units = frame["unit"].cast(pl.String).unique().to_list()
        bounds = hand_bounds(plan, units).with_columns(  # categorical keys on both sides
            pl.col("indicator").cast(frame.schema["indicator"]),
            pl.col("unit").cast(frame.schema["unit"]),
        )
        bounds = bounds.to_pandas()
        pandas_frame = frame.to_pandas()
        del frame
        work = lambda: pandas_run(pandas_frame, bounds)  # noqa: E731
    elif measure == "scalar":
        sample = frame.head(SCALAR_SAMPLE).with_columns(pl.col("indicator", "unit").cast(pl.String))
        records = sample.to_dicts()
        rows = len(records)
        del frame
        work = lambda: scalar_run(plan, records)  # noqa: E731
    else:
        raise SystemExit(f"unknown measure {measure!r}")
    before = _rss_mb("VmRSS")
    resettable = _reset_peak()
    times = []
    result = None
    first_peak = None
    for _ in range(reps):
        result = None
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
        if first_peak is None and resettable:
            first_peak = _rss_mb("VmHWM")
    peak = _rss_mb("VmHWM") if resettable else None
    if peak is None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out_rows = out_mb = None
    if isinstance(result, pl.DataFrame):
        out_rows, out_mb = result.height, result.estimated_size() / 2**20
    return {
        "measure": measure,
        "rows": rows,
        "best_s": min(times),
        "times": times,
        "input_mb": input_mb,
        "rss_before_mb": before,
        "peak_mb": peak,
        "first_peak_mb": first_peak,
        "output_rows": out_rows,
        "output_mb": out_mb,
    }


# ---------------------------------------------------------------------------------------------
# Parent: run the children, write the table
# ---------------------------------------------------------------------------------------------

MEASURES = [
    "load",
    "engine_eager",
    "engine_lazy",
    "hand_lazy",
    "hand_packed",
    "hand_eager",
    "duckdb",
    "pandas",
    "scalar",
]
LABELS = {
    "load": "load the Parquet input (baseline)",
    "load_scan": "scan the Parquet input (baseline)",
    "engine_eager": "kh922core.evaluate, DataFrame in/out",
    "engine_lazy": "kh922core.evaluate, LazyFrame, streaming collect",
    "engine_sink": "kh922core.evaluate, scan_parquet → sink_parquet",
    "hand_lazy": "hand-written Polars query (lazy, streaming)",
    "hand_packed": "hand-written Polars query, packed join key",
    "hand_eager": "hand-written Polars query (in-memory engine)",
    "hand_sink": "hand-written query, scan_parquet → sink_parquet",
    "duckdb": "DuckDB SQL (Arrow in, Arrow out)",
    "pandas": "pandas merge + NumPy",
    "scalar": f"scalar reference, Python loop ({SCALAR_SAMPLE:,} rows)",
}


def run_child(measure: str, folder: Path, reps: int) -> dict[str, Any]:
    output = DATA / f"out_{measure}.parquet"
    command = [sys.executable, __file__, "--child", measure, "--data", str(folder)]
    command += ["--reps", str(reps), "--output", str(output)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{measure} failed:\n{done.stderr}")
    output.unlink(missing_ok=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def check(folder: Path, rows: int = 200_000) -> str:
    """The engine, the hand-written query, DuckDB and pandas agree on a sample (not timed)."""
    import duckdb

    from kh922core._engine import evaluate

    plan = load_plan()
    frame = pl.read_parquet(str(folder / "*.parquet"), n_rows=rows).with_row_index("obs")
    order = ["obs", "target_id"]
    columns = ["value_converted", "met", "status", "shortfall", "attainment"]
    engine = evaluate(plan, frame).sort(order)
    bounds = hand_bounds(plan, frame["unit"].cast(pl.String).unique().to_list())
    hand = hand_query(frame.lazy(), bounds, False).collect().sort(order)
    assert engine.select(order, *columns).equals(hand.select(order, *columns))
    strings = frame.with_columns(pl.col("indicator", "unit").cast(pl.String))
    flat = bounds.with_columns(pl.col(pl.Enum).cast(pl.String))
    connection = duckdb.connect()
    connection.register("obs", strings.to_arrow())
    connection.register("bounds", flat.to_arrow())
    sql = pl.from_arrow(connection.sql(duckdb_query()).to_arrow_table())
    pandas = pl.from_pandas(pandas_run(strings.to_pandas(), flat.to_pandas()))
    for other in (sql, pandas):
        other = other.with_columns(pl.col("target_id").cast(pl.String)).sort(order)
        assert (
            other["status"].cast(pl.String).to_list() == engine["status"].cast(pl.String).to_list()
        )
    counts = engine["status"].value_counts().sort("status")
    return (
        f"checked {engine.height:,} rows: engine = hand-written = DuckDB = pandas; {counts.rows()}"
    )


def table(results: list[dict[str, Any]]) -> str:
    by_measure = {r["measure"]: r for r in results}
    engine = by_measure.get("engine_lazy") or by_measure.get("engine_sink")
    input_mb = next((r["input_mb"] for r in results if r["input_mb"]), None)
    lines = [
        "| measurement | best time (s) | rows/s | peak RSS (MiB) | RSS added by the run (MiB)"
        " | added / input | added by the first run / input | time / engine (lazy) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r["measure"] in {"load", "load_scan"}:
            lines.append(f"| {LABELS[r['measure']]} | – | – | {r['peak_mb']:.0f} | – | – | – | – |")
            continue
        rate = r["rows"] / r["best_s"]
        added = max(0.0, r["peak_mb"] - (r["rss_before_mb"] or 0))
        share = f"{added / input_mb:.2f}×" if input_mb else "–"
        first = "–"
        if input_mb and r.get("first_peak_mb") is not None and r["measure"] != "scalar":
            first_added = max(0.0, r["first_peak_mb"] - (r["rss_before_mb"] or 0))
            first = f"{first_added / input_mb:.2f}×"
        ratio = "–"
        if engine and r["measure"] != "scalar":
            ratio = f"{r['best_s'] / engine['best_s']:.2f}"
        elif engine:
            ratio = f"{(engine['rows'] / engine['best_s']) / rate:.0f}× slower per row"
        lines.append(
            f"| {LABELS[r['measure']]} | {r['best_s']:.3f} | {rate:,.0f} | {r['peak_mb']:.0f} "
            f"| {added:.0f} | {share} | {first} | {ratio} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--only", nargs="+", default=None, help=f"from {MEASURES}")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="append the tables here")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data, args.reps, args.output)))
        return
    header = (
        f"Polars {pl.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}; best of {args.reps}"
    )
    print(header)
    chunks = [header]
    for number, rows in enumerate(args.rows):
        folder = dataset(rows)
        if number == 0 and args.only is None:
            print(check(folder))
        results = []
        for measure in args.only or MEASURES:
            reps = 1 if measure in {"pandas", "scalar"} and rows > 1_000_000 else args.reps
            result = run_child(measure, folder, reps)
            results.append(result)
            seconds, peak = result["best_s"], result["peak_mb"]
            print(f"{rows:>10,} {measure:<14} {seconds:.3f}s peak {peak:.0f} MiB")
        input_mb = next((r["input_mb"] for r in results if r["input_mb"]), None)
        title = f"\n### {rows:,} observation rows" + (
            f" (input frame {input_mb:.0f} MiB)" if input_mb else ""
        )
        text = title + "\n\n" + table(results)
        print(text)
        chunks.append(text)
        (DATA / f"results_{rows}.json").write_text(json.dumps(results, indent=1))
    if args.out:
        with args.out.open("a", encoding="utf-8") as handle:
            handle.write("\n".join(chunks) + "\n")


if __name__ == "__main__":
    main()
