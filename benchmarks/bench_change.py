"""Benchmark of change targets: the same level observations evaluated against change targets and
against level targets, at 1M and 10M rows.

The observations are those of ``bench_engine.py`` (the built-in plan's indicators × 63 provinces
× 7 years, 2024-2030, × scenarios; keys ``province``, ``year``, ``scenario``).  Three plans are
evaluated on them:

* *level*: the built-in plan as it is (38 targets);
* *change, one kind*: the same plan with every numeric target made a relative change measured
  from 2024 (``tăng … % so với năm 2024``): each key group's 2024 level is its base;
* *change, five kinds*: the same with the kinds taken in turn (relative, growth per year, points,
  points per year, multiple; rising and falling), the worst case: every step of the size is
  computed for every row, and its constants are gathered per row;
* *change, previous year*: five kinds measured from the previous year (``so với cùng kỳ``):
  each observation's base is its key group's level of the year before.

Rank and qualitative targets stay as they are (they cannot bound a change).  The workloads
alternate in one process (``--reps`` rounds of level, named year, previous year), so that the
machine's noise falls on all of them alike; the table gives the best and the median time of
each, and their ratio to the level plan's.  Every run materialises the whole result
(``evaluate(plan, frame.lazy()).collect(engine="streaming")``, and the DataFrame in/out call).

Run from the repository root::

    python benchmarks/bench_change.py --rows 1000000 10000000 --reps 5
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import dataset

from kh922core._engine.columns import OUTPUT_COLUMNS

KINDS = ("relative", "growth_per_year", "points", "points_per_year", "multiple")


def plans() -> dict[str, Any]:
    """The level plan, and the same plan with its numeric targets made change targets."""
    from kh922core import Change, load_plan

    plan = load_plan()

    def changed(kinds: tuple[str, ...], base: dict[str, Any]) -> Any:
        targets = []
        numeric = 0
        for target in plan.targets:
            spec = target.spec
            if spec.kind in ("comparison", "range", "approximate"):
                kind = kinds[numeric % len(kinds)]
                falling = len(kinds) > 1 and numeric % 2 == 1
                change = Change(kind=kind, falling=falling, **base)
                spec = spec.model_copy(update={"change": change})
                numeric += 1
            targets.append(target.model_copy(update={"spec": spec}))
        return plan.model_copy(update={"targets": tuple(targets)})

    return {
        "level": plan,
        "change_one": changed(("relative",), {"since": 2024}),
        "change_since": changed(KINDS, {"since": 2024}),
        "change_previous": changed(KINDS, {"previous_year": True}),
    }


LABELS = {
    "level": "level targets (the built-in plan)",
    "change_one": "change targets, one kind (relative, so với năm 2024)",
    "change_since": "change targets, five kinds (so với năm 2024)",
    "change_previous": "change targets, five kinds, base the previous year (so với cùng kỳ)",
}


def measure(
    frame: pl.DataFrame, reps: int, lazy: bool, outputs: tuple[str, ...] | None = None
) -> dict[str, list[float]]:
    """Seconds per run of each plan, the plans alternating; ``outputs``: the output columns
    asked of every plan (``None``: each plan's all, 10 for levels, 15 with change targets)."""
    from kh922core import evaluate

    chosen = plans()
    work: dict[str, Callable[[], Any]] = {}
    for name, plan in chosen.items():
        if lazy:
            work[name] = lambda p=plan: evaluate(p, frame.lazy(), outputs=outputs).collect(
                engine="streaming"
            )
        else:
            work[name] = lambda p=plan: evaluate(p, frame, outputs=outputs)
    times: dict[str, list[float]] = {name: [] for name in work}
    heights: dict[str, int] = {}
    for name, run in work.items():  # one warm-up each (caches, allocator)
        heights[name] = run().height
    for _ in range(reps):
        for name, run in work.items():
            start = time.perf_counter()
            result = run()
            times[name].append(time.perf_counter() - start)
            del result
    assert len(set(heights.values())) == 1, heights  # the same rows for every plan
    return times


def table(rows: int, times: dict[str, list[float]]) -> str:
    level_best, level_median = min(times["level"]), statistics.median(times["level"])
    lines = [
        "| plan | best (s) | median (s) | rows/s (best) | best / level | median / level |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, runs in times.items():
        best, median = min(runs), statistics.median(runs)
        lines.append(
            f"| {LABELS[name]} | {best:.3f} | {median:.3f} | {rows / best:,.0f} "
            f"| {best / level_best:.2f}× | {median / level_median:.2f}× |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--eager", action="store_true", help="DataFrame in/out (default lazy)")
    parser.add_argument(
        "--level-outputs",
        action="store_true",
        help="ask every plan for the level plan's output columns only (the same columns out)",
    )
    args = parser.parse_args()
    outputs = OUTPUT_COLUMNS if args.level_outputs else None
    print(
        f"Polars {pl.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{platform.machine()}; {args.reps} alternating rounds, "
        f"{'DataFrame in/out' if args.eager else 'LazyFrame, streaming collect'}"
        f"{'; the level output columns only' if outputs else ''}"
    )
    for rows in args.rows:
        frame = pl.read_parquet(str(dataset(rows) / "*.parquet"))
        times = measure(frame, args.reps, lazy=not args.eager, outputs=outputs)
        print(f"\n### {rows:,} observation rows\n\n{table(rows, times)}")


if __name__ == "__main__":
    main()
