"""Configuration shared by every test the suite collects: tests/, the doctests of src/ and docs/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kh922core._targets.wording import restore_shipped_wording


@pytest.fixture(autouse=True)
def _shipped_wording_after_each_test() -> Iterator[None]:
    """A test (or an example) that adds wording layers does not leave them to the next one."""
    yield
    restore_shipped_wording()
