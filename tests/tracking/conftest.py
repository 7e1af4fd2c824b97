"""Fixtures of the tracking tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kh922core import Baseline, Qualitative, RankGroup, Target, TargetSpec, parse_unit


def _make_target(
    spec: TargetSpec,
    *,
    horizon: int = 2030,
    baseline: tuple[int, float] | None = None,
    target_id: str = "t-1",
    indicator: str = "ind",
    cohort: int | None = None,
) -> Target:
    """A target with this spec (unit ``Thứ bậc`` for rank groups, ``%`` otherwise)."""
    if isinstance(spec, RankGroup):
        unit = parse_unit("Thứ bậc")
    elif isinstance(spec, Qualitative):
        unit = None
    else:
        unit = parse_unit("%")
    return Target(
        id=target_id,
        indicator=indicator,
        horizon=horizon,
        row="1",
        text=spec.render(),
        unit=unit,
        spec=spec,
        baseline=Baseline(value=baseline[1], year=baseline[0]) if baseline else None,
        cohort_at_adoption=cohort,
    )


@pytest.fixture(scope="session")
def make_target() -> Callable[..., Target]:
    """A function that makes a stand-alone target for tests of the progress measure.

    ``make_target(spec, *, horizon=2030, baseline=(year, value) | None, target_id="t-1",
    indicator="ind", cohort=None)``; the unit is ``Thứ bậc`` for a rank group, none for a
    qualitative target, ``%`` otherwise.  Session-scoped, so Hypothesis tests may use it.
    """
    return _make_target
