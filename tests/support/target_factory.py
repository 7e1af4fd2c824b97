"""A stand-alone target for tests of the progress measure (shared by several test modules)."""

from __future__ import annotations

from kh922core._plans.model import Baseline, Target
from kh922core._targets import Qualitative, RankGroup, TargetSpec
from kh922core._targets.units import parse_unit


def make_target(
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
