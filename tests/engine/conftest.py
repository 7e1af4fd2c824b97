"""Fixtures of the engine tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.engine.spark_session import spark_session


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for all the engine tests (see spark_session.py)."""
    yield from spark_session()
