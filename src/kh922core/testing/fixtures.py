"""pytest fixtures, registered through the ``pytest11`` entry point.

This module is imported by every pytest run in an environment where kh922core is installed, so
it imports nothing but pytest at module level; kh922core and Polars are imported inside the
fixtures, when a test asks for one.

The fixtures:

* ``kh922_plan``: the built-in plan (Kế hoạch 922/KH-UBND), loaded once per session;
* ``kh922_published_figures``: the shipped published figures for Bến Tre as a Polars DataFrame
  in the input schema of ``kh922core.evaluate`` (proxy rows left out).
"""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["kh922_plan", "kh922_published_figures"]


@pytest.fixture(scope="session")
def kh922_plan() -> Any:
    """The built-in plan, loaded once per test session."""
    from kh922core._plans import load_plan

    return load_plan()


@pytest.fixture(scope="session")
def kh922_published_figures() -> Any:
    """The shipped published figures, ready for ``kh922core.evaluate``."""
    from kh922core._plans import published_figures

    return published_figures()
