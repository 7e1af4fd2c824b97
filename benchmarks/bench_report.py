"""How long the consolidated report takes for 34 provinces x 40 indicators x 10 years.

Builds the observations (every plan indicator with a target, up to 40, for 34 entities and the
years 2016-2025), then times ``build_report`` and ``write_report`` to .html, .docx and .xlsx.

    python benchmarks/bench_report.py [--reps 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

import kh922core


def observations(plan: kh922core.Plan, provinces: int = 34, years: int = 10) -> pl.DataFrame:
    indicators = list(dict.fromkeys(t.indicator for t in plan.targets))[:40]
    rng = np.random.default_rng(922)
    rows = [
        (i, f"Tỉnh {p:02d}", 2016 + y)
        for i in indicators
        for p in range(provinces)
        for y in range(years)
    ]
    frame = pl.DataFrame(rows, schema=["indicator", "entity", "year"], orient="row")
    return frame.with_columns(pl.Series("value", rng.uniform(1, 100, frame.height)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    plan = kh922core.load_plan()
    data = observations(plan)
    print(f"{data.height} observations ({data['indicator'].n_unique()} indicators x 34 x 10)")
    folder = Path(tempfile.mkdtemp())
    steps = {"build_report": lambda: kh922core.build_report(plan, data, as_of=date(2025, 11, 1))}
    report = steps["build_report"]()
    for suffix in ("html", "docx", "xlsx"):
        steps[f"write .{suffix}"] = lambda s=suffix: kh922core.write_report(
            report, folder / f"r.{s}"
        )
    for name, step in steps.items():
        times = []
        for _ in range(args.reps):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        print(
            f"{name:14s} best {min(times):6.2f} s  median {sorted(times)[len(times) // 2]:6.2f} s"
        )


if __name__ == "__main__":
    main()
