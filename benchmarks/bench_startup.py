"""How long a fresh process takes to start kh922core and do one small thing.

Each workload runs in a new interpreter ``--runs`` times; the table gives the median wall time
and the median CPU time (user + system) of the whole process, interpreter start included, and
the baseline of an interpreter that imports nothing.  Benchmarks are not tests: nothing here runs
in ``pytest``.

    python benchmarks/bench_startup.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

WORKLOADS = {
    "python (nothing)": "pass",
    "import kh922core": "import kh922core",
    "parse_target('≥ 55')": "import kh922core; kh922core.parse_target('≥ 55')",
    "parse_target('trên 80%')": "import kh922core; kh922core.parse_target('trên 80%')",
    "load_plan()": "import kh922core; kh922core.load_plan()",
    "kh922 explain": "from kh922core._cli import main; main(['explain', 'trên 80%'])",
    "kh922 validate (built-in plan)": (
        "import pathlib, kh922core; from kh922core._cli import main; "
        "main(['validate', str(pathlib.Path(kh922core.__file__).parent / 'data' / 'plans' / "
        "'ben_tre_922_2025.yaml'), '--as-of', '2026-11-28'])"
    ),
    "evaluate (published figures)": (
        "import kh922core; kh922core.evaluate(kh922core.load_plan(), kh922core.published_figures())"
    ),
}


def _run(code: str) -> tuple[float, float]:
    """Wall and CPU seconds of one child process running ``code``."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"| workload | median wall (s) | median CPU (s) |   ({args.runs} runs each)")
    print("|---|---|---|")
    for name, code in WORKLOADS.items():
        _run(code)  # warm the file cache
        samples = [_run(code) for _ in range(args.runs)]
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        print(f"| {name} | {wall:.3f} | {cpu:.3f} |")


if __name__ == "__main__":
    main()
