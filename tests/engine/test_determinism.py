"""Results are the same whatever thread or process computes them (kept from the adversarial run:
the lazy tables, the unit registry and the plan cache are built once, safely)."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import polars as pl

import kh922core

_WORK = """
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
import kh922core

barrier = threading.Barrier(8)

def work(i):
    barrier.wait()  # every thread meets the lazy tables for the first time together
    plan = kh922core.load_plan()
    spec = kh922core.parse_target("trên 80%", unit="%")
    factor = kh922core.conversion_factor("người/1000 dân", "Người/vạn dân")
    figures = kh922core.published_figures()
    result = kh922core.evaluate(plan, figures).sort(["target_id", "year", "entity"])
    return [plan.id, spec.render(), factor, result.select("target_id", "status").rows()]

with ThreadPoolExecutor(8) as pool:
    answers = list(pool.map(work, range(8)))
print(json.dumps(answers, ensure_ascii=False, default=str))
"""


def _fresh_process() -> list[list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", _WORK], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    answers: list[list[object]] = json.loads(done.stdout)
    return answers


def test_threads_of_a_fresh_process_and_two_processes_agree() -> None:
    first, second = _fresh_process(), _fresh_process()
    assert all(answer == first[0] for answer in first), "the threads of one process differ"
    assert second == first, "two processes differ"
    assert first[0][1] == "> 80%"
    assert first[0][2] == 10.0


def test_threads_of_this_process_evaluate_alike(kh922_plan: kh922core.Plan) -> None:
    figures = kh922core.published_figures()

    def run(_: int) -> list[tuple[object, ...]]:
        result = kh922core.evaluate(kh922_plan, figures.lazy()).collect()
        return result.sort(["target_id", "year", "entity"]).select(pl.all().exclude("note")).rows()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, range(8)))
    assert all(result == results[0] for result in results)
    assert results[0]
