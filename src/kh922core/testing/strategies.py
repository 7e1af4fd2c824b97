"""Hypothesis strategies for kh922core's data: numbers, target kinds, values near boundaries.

Import them in downstream test suites (needs the ``test`` extra, which brings Hypothesis)::

    from hypothesis import given
    from kh922core.testing import strategies as kst

    @given(kst.target_specs(), kst.values())
    def test_my_dashboard_never_crashes(spec, value): ...

Importing this module also registers its strategies for the public models with Hypothesis, so
that ``st.from_type`` (and ``st.builds`` or ``@given`` with type annotations) draws valid ones:
each kind of target (``Comparison``, ``Range``, ``RankGroup``, ``Approximate``,
``Qualitative``: :func:`target_specs` of that kind) and ``Plan`` (:func:`plans`).

Change targets (``tăng 20% so với năm 2023``) are drawn by :func:`change_specs` (and by
:func:`target_specs` and :func:`plans` with ``changes=True``), with :func:`changes`,
:func:`change_sizes` and :func:`level_series`; never by default, since a change target asks for
its base (``spec.status(value, baseline=…)``).
"""

from __future__ import annotations

import math
from typing import Any, assert_never

import polars as pl

from kh922core.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError as missing:
    raise MissingDependencyError(
        "kh922core.testing.strategies needs Hypothesis, which the 'test' extra installs: "
        "pip install 'kh922core[test]' (from a clone of the repository: "
        "pip install -e '.[test]')",
        name="hypothesis",
    ) from missing

from kh922core._plans import Plan
from kh922core._targets import (
    KIND_NAMES,
    Approximate,
    Comparison,
    Direction,
    KindName,
    Qualitative,
    Range,
    RankGroup,
    TargetSpec,
)
from kh922core.testing._change_strategies import change_sizes, changes, level_series
from kh922core.testing._spec_strategies import (
    boundary_values,
    change_specs,
    directions,
    finite_numbers,
    target_specs,
    values,
)

__all__ = [
    "boundary_values",
    "change_sizes",
    "change_specs",
    "changes",
    "directions",
    "finite_numbers",
    "level_series",
    "observation_frames",
    "plans",
    "spec_class",
    "target_specs",
    "values",
]

# ---------------------------------------------------------------------------------------------
# Plans and observation frames, for the vectorised engine
# ---------------------------------------------------------------------------------------------

#: Units of generated numeric indicators, each with other texts of the same dimension that an
#: observation may use instead (and the factor from that text to the indicator's unit).
_NUMERIC_UNITS: dict[str | None, tuple[tuple[str, float], ...]] = {
    None: (),
    "%": (("fraction", 100.0), ("phần trăm", 1.0)),
    "% GRDP": (("fraction_grdp", 100.0), ("%GDP", 1.0)),
    "Người/vạn dân": (("người/1000 dân", 10.0), ("% dân số", 100.0)),
    "%/năm": (("fraction_per_year", 100.0),),
}
_RANK_UNIT = "Thứ bậc"
#: The unit texts a target of an indicator of each unit may write (the same unit, or none): a
#: plan file whose target names another unit than its indicator's is refused.
_SPEC_UNITS: dict[str | None, tuple[str | None, ...]] = {
    None: (None,),
    "%": (None, "%"),
    "% GRDP": (None, "% GRDP"),
    "Người/vạn dân": (None, "người/vạn dân"),
    "%/năm": (None, "%/năm"),
}
#: A change target's plan baseline: its value and year.
_BASELINE = {"value": finite_numbers(1e4), "year": st.integers(min_value=2015, max_value=2030)}
#: Kinds of numeric indicators (ranks get rank groups, unit-less indicators words).
_NUMERIC_KINDS: tuple[KindName, ...] = tuple(
    kind for kind in KIND_NAMES if kind not in ("rank_group", "qualitative")
)


@st.composite
def _indicator_targets(
    draw: st.DrawFn, number: int, cohort: int, tolerance: float, changes: bool
) -> tuple[dict[str, object], list[dict[str, object]]]:
    kind = draw(st.sampled_from(["numeric", "numeric", "numeric", "rank", "qualitative"]))
    identifier = f"indicator-{number}"
    if kind == "rank":
        unit: str | None = _RANK_UNIT
        direction = Direction.LOWER_IS_BETTER
    elif kind == "qualitative":
        unit, direction = None, draw(directions())
    else:
        unit, direction = draw(st.sampled_from(list(_NUMERIC_UNITS))), draw(directions())
    indicator: dict[str, object] = {
        "id": identifier,
        "name": f"Chỉ tiêu {number}",
        "unit": unit,
        "direction": direction.value,
    }
    targets: list[dict[str, object]] = []
    for horizon in draw(
        st.lists(st.sampled_from([2030, 2045]), min_size=1, max_size=2, unique=True)
    ):
        adopted: int | None = None
        baseline = None
        if kind == "rank":
            size = draw(st.integers(min_value=1, max_value=70))
            # Sometimes the text names its own cohort ("nhóm 30/63"), which wins over the plan's.
            own = draw(st.one_of(st.none(), st.integers(min_value=size, max_value=100)))
            spec: TargetSpec = RankGroup(size=size, cohort=own)
            adopted = own if own is not None else cohort  # as a plan file has it
        elif kind == "qualitative":
            spec = Qualitative(text="Tiên tiến, hiện đại", direction=direction)
        elif changes and draw(st.booleans()):
            spec = draw(change_specs(direction, units=_SPEC_UNITS[unit]))
            baseline = draw(st.none() | st.fixed_dictionaries(_BASELINE))
        else:
            spec = draw(target_specs(direction, kinds=_NUMERIC_KINDS, units=_SPEC_UNITS[unit]))
        targets.append(
            {
                "id": f"{horizon}-{number}",
                "indicator": identifier,
                "horizon": horizon,
                "row": str(number),
                # A plan file may leave a target's unit out: it is then its indicator's.
                "unit": draw(st.sampled_from([unit, None])),
                "text": spec.render(),
                "spec": spec,
                "cohort_at_adoption": adopted,
                "approximate_tolerance": tolerance,
                "baseline": baseline,
            }
        )
    return indicator, targets


@st.composite
def plans(draw: st.DrawFn, max_indicators: int = 5, *, changes: bool = False) -> Plan:
    """Small plans with every kind of target: numbers in several units, ranks, words.

    Each indicator has one or two targets (horizons 2030 and 2045) of a kind that fits its unit:
    ranks (``Thứ bậc``) get rank groups, unit-less qualitative indicators get words, the others
    comparisons, ranges and approximate targets in any direction.  A target writes its
    indicator's unit, or (as a plan file may) none, and is then set in its indicator's.

    Args:
        draw: Supplied by Hypothesis.
        max_indicators: At most this many indicators.
        changes: Whether numeric targets may bound a change (:func:`change_specs`; half of
            them do, some with a plan baseline).  Their observations need one value per key
            group and year: draw them per key group with :func:`level_series`.
    """
    cohort = draw(st.integers(min_value=1, max_value=100))
    tolerance = draw(st.sampled_from([0.0, 0.05, 0.1, 0.25]))
    count = draw(st.integers(min_value=1, max_value=max_indicators))
    indicators, targets = [], []
    for number in range(1, count + 1):
        indicator, its_targets = draw(_indicator_targets(number, cohort, tolerance, changes))
        indicators.append(indicator)
        targets += its_targets
    return Plan.model_validate(
        {
            "id": "generated-plan",
            "number": "1/KH-TEST",
            "title": "Kế hoạch thử",
            "date": "2025-02-14",
            "province": {"name": "Tỉnh thử", "code": "00"},
            "issuer": "ubnd-tinh-thu",
            "rank_cohort": {"size": cohort, "as_of": "2025-02-14"},
            "approximate_tolerance": tolerance,
            "indicators": indicators,
            "targets": targets,
        }
    )


@st.composite
def _observation(draw: st.DrawFn, plan: Plan) -> dict[str, object]:
    indicator = draw(st.sampled_from(plan.indicators))
    targets = plan.targets_of(indicator.id)
    text = indicator.unit.text if indicator.unit is not None else None
    unit, factor = draw(st.sampled_from([(None, 1.0), (text, 1.0), *_NUMERIC_UNITS.get(text, ())]))
    value = draw(values(draw(st.sampled_from(targets)).spec))
    if value is not None and draw(st.booleans()):
        value = value / factor  # the same quantity in the observation's unit
    if text == _RANK_UNIT and value is not None and math.isfinite(value) and draw(st.booleans()):
        value = float(round(value))
    return {
        "indicator": indicator.id,
        "value": value,
        "unit": unit,
        "assessment": draw(st.sampled_from([None, True, False])),
        "cohort_size": draw(st.integers(min_value=1, max_value=120)),
        "year": draw(st.integers(min_value=2020, max_value=2030)),
    }


@st.composite
def observation_frames(
    draw: st.DrawFn, plan: Plan, *, max_rows: int = 30, min_rows: int = 0
) -> pl.DataFrame:
    """Observation frames for ``plan`` in the engine's input schema.

    Columns: ``indicator`` (ids of the plan), ``value`` (missing, NaN, ±inf, ordinary numbers and
    numbers hugging the targets' bounds, sometimes in another unit of the same dimension),
    ``unit`` (missing, the indicator's own text, or a convertible one such as ``fraction`` for
    ``%``), ``assessment``, ``cohort_size`` and ``year``.  The frame may be empty.

    Args:
        draw: Supplied by Hypothesis.
        plan: The plan whose indicators the observations measure.
        max_rows: At most this many rows.
        min_rows: At least this many rows.
    """
    rows = draw(st.lists(_observation(plan), min_size=min_rows, max_size=max_rows))
    return pl.DataFrame(
        rows,
        schema={
            "indicator": pl.String,
            "value": pl.Float64,
            "unit": pl.String,
            "assessment": pl.Boolean,
            "cohort_size": pl.Int64,
            "year": pl.Int64,
        },
        orient="row",
    )


# ---------------------------------------------------------------------------------------------
# Registration with Hypothesis: st.from_type(Comparison), st.from_type(Plan), ...
# ---------------------------------------------------------------------------------------------


def spec_class(kind: KindName) -> type[TargetSpec]:
    """The class of the target kind named ``kind``.

    Examples:
        >>> spec_class("rank_group").__name__
        'RankGroup'
    """
    match kind:
        case "comparison":
            return Comparison
        case "range":
            return Range
        case "rank_group":
            return RankGroup
        case "approximate":
            return Approximate
        case "qualitative":
            return Qualitative
        case _:  # a kind without its case here is a mypy error
            assert_never(kind)


def _register() -> None:
    """Register the strategies of the public models, so that ``st.from_type`` draws them."""
    for kind in KIND_NAMES:
        drawn: st.SearchStrategy[Any] = target_specs(kinds=(kind,))
        st.register_type_strategy(spec_class(kind), drawn)
    st.register_type_strategy(Plan, plans())


_register()
