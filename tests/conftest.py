"""Test-suite configuration: Hypothesis profiles, and the fixtures the whole suite shares.

* ``default`` (local runs): random exploration, no per-example deadline (timing belongs in
  ``benchmarks/``, and a loaded two-core machine must not turn a slow example into a failure).
* ``ci`` (chosen when the ``CI`` environment variable is set, as CI does): the same, but
  derandomised and without the example database, so that a CI run is reproducible.

Choose another with ``pytest --hypothesis-profile=NAME``; ``thorough`` runs ten times as many
examples.

Fixtures shared by the whole suite:

* ``plan_files`` (session): a small valid plan file and its agency file, as text, with helpers to
  break one thing in them and to write them into a test's folder (:class:`PlanFiles`).
* ``spark`` (session): one local Spark session for every test that asks for it (the engine and
  the tracking tests; skipped without pyspark or Java, see ``tests/engine/spark_session.py``).
* ``to_sqlframe`` (module): turns Polars frames into SQLFrame DataFrames of a DuckDB session
  (skipped without sqlframe).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.engine.spark_session import spark_session

settings.register_profile("default", deadline=None, print_blob=True)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.register_profile("thorough", deadline=None, max_examples=1000, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

_AGENCIES = """\
schema_version: 1
province: "Tỉnh Mẫu"
agencies:
  - id: "ubnd-tinh"
    name: "Ủy ban nhân dân tỉnh"
    aliases: ["UBND tỉnh"]
    level: "province"
  - id: "so-khcn"
    name: "Sở Khoa học và Công nghệ"
    aliases: ["Sở KH&CN"]
    level: "province"
  - id: "so-tai-chinh"
    name: "Sở Tài chính"
    level: "province"
"""

_MINIMAL = """\
schema_version: 1
id: "mau-1-2025"
number: "1/KH-UBND"
title: "Kế hoạch mẫu"
date: "2025-03-01"
province: {name: "Tỉnh Mẫu", code: "99"}
issuer: "ubnd-tinh"
agencies: "agencies.yaml"
approximate_tolerance: 0.05
objectives:
  - id: "specific-2030-1"
    kind: "specific"
    horizon: 2030
    source: "II.2.a"
    text: "Kinh tế số chiếm 30% GRDP."
    targets: ["2030-1"]
    claims: []
indicators:
  - id: "digital-economy-share"
    name: "Quy mô kinh tế số"
    unit: "% GRDP"
    direction: "higher_is_better"
  - id: "online-services"
    name: "Tỷ lệ dịch vụ công trực tuyến"
    unit: "%"
    direction: "higher_is_better"
targets:
  - id: "2030-1"
    indicator: "digital-economy-share"
    horizon: 2030
    row: "1"
    unit: "% GRDP"
    text: "≥ 30"
    lead_agencies: ["so-khcn"]
  - id: "2030-5.10"
    indicator: "online-services"
    horizon: 2030
    row: "5.10"
    text: "100"
    lead_agencies: ["so-khcn", "so-tai-chinh"]
solution_groups:
  - id: "III.1"
    number: 1
    title: "Nâng cao nhận thức"
    task_group: "I"
    items:
      - {letter: "a", text: "Tuyên truyền.", claims: []}
task_groups:
  - {id: "I", title: "Nâng cao nhận thức", solution_group: "III.1"}
tasks:
  - id: "task-01"
    number: 1
    group: "I"
    name: "Tuyên truyền."
    lead_agencies: ["so-khcn"]
    deadline: "Quý II/2025"
    solutions: ["III.1.a"]
reporting:
  text: "Báo cáo trước ngày 15/11 hằng năm."
  due: [{month: 11, day: 15}]
  recipient: "ubnd-tinh"
  via: "so-khcn"
"""


@dataclass(frozen=True)
class PlanFiles:
    """A small valid plan and its agency file, and helpers to break them and write them out.

    Attributes:
        minimal: The plan file's text: two indicators, two targets, one task; it names its agency
            file ``agencies.yaml``.
        agencies: The agency file's text: three agencies.
    """

    minimal: str = _MINIMAL
    agencies: str = _AGENCIES

    def write(
        self,
        folder: Path,
        plan: str,
        agencies: str | None = None,
        name: str = "plan.yaml",
    ) -> Path:
        """Write ``plan`` as ``folder/name`` beside ``agencies.yaml`` (default
        :attr:`agencies`); return the plan file's path."""
        (folder / "agencies.yaml").write_text(
            self.agencies if agencies is None else agencies, encoding="utf-8"
        )
        path = folder / name
        path.write_text(plan, encoding="utf-8")
        return path

    @staticmethod
    def broken(text: str, old: str, new: str) -> str:
        """``text`` with its one occurrence of ``old`` replaced by ``new``."""
        assert text.count(old) == 1, f"{old!r} must occur once in the template"
        return text.replace(old, new)

    @staticmethod
    def line_of(text: str, needle: str) -> int:
        """The one-based line where ``needle`` first occurs in ``text``."""
        index = text.index(needle)
        return text.count("\n", 0, index) + 1


@pytest.fixture(scope="session")
def plan_files() -> PlanFiles:
    """A small valid plan file and its agency file, as text, with helpers (:class:`PlanFiles`)."""
    return PlanFiles()


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for all the tests that need one (see spark_session.py)."""
    yield from spark_session()


@pytest.fixture(scope="module")
def to_sqlframe() -> Iterator[Callable[[Any], Any]]:
    """Polars frames as SQLFrame DataFrames of a DuckDB session on a connection of its own, one
    session per test module (skipped without sqlframe)."""
    duckdb = pytest.importorskip("duckdb")
    sqlframe_duckdb = pytest.importorskip("sqlframe.duckdb")
    connection = duckdb.connect()
    session = sqlframe_duckdb.DuckDBSession(conn=connection)
    names = (f"_kh_test_{n}" for n in itertools.count())

    def convert(frame: Any) -> Any:
        # A table of the session's connection: SQLFrame's createDataFrame writes an infinity
        # as a FLOAT literal, which makes DuckDB read every double of the column as a float.
        name = next(names)
        connection.from_arrow(frame.to_arrow()).create(name)
        return session.table(name)

    yield convert
    session.stop()  # SQLFrame keeps one session per process: let the next one start afresh
