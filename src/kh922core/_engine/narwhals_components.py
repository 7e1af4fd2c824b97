"""Derived and growth indicators computed in the engine of a lazy frame, through Narwhals.

The rows of :mod:`kh922core._engine.components` (the same values, by the same operations in the
same order), lowered to Narwhals expressions so that DuckDB and Spark compute them where the
data lives, and the result stays lazy:

* a **derived** indicator (``numerator / denominator × scale``): the rows of its two components
  (each converted to its component's unit) are stacked, and each numerator row reads the
  denominator of its key group with a window (``max(…) over (partition by the keys)``: one
  value, since a component observed twice for the same keys is refused).  A window groups null
  keys together, as the Polars engine's join (``nulls_equal``) matches them;
* a **growth** indicator (compound average growth from the earliest year of each key group): the
  earliest year and its level are windows over the key group (the keys without ``year``).

The checks are those of the Polars engine, with the same errors: a small aggregate in the engine
says whether a component is observed twice for the same keys; only then (or when a growth needs
a ``year`` key) are the columns the problems read fetched, to locate the offending rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.columns import COMPUTED, INDICATOR, UNIT, VALUE, YEAR, unused_name
from kh922core._engine.compile import CompiledTarget
from kh922core._engine.components import component_factors, computed_observations
from kh922core._engine.conversion import PairFactors, resolve_units
from kh922core._engine.frame_checks import RowProblem, locate
from kh922core._engine.polars_evaluate import Checked
from kh922core._plans import Indicator, Plan
from kh922core._targets import Unit, conversion_factor, parse_unit
from kh922core.errors import ObservationError, UnitError

__all__ = ["Pull", "WithComponents", "add_lazy_components", "power"]

#: Fetches these columns of the caller's frame as a Polars frame (on an error only).
Pull = Callable[[Sequence[str]], pl.LazyFrame]
#: The factor of an observation's unit (``None``: none) to a component's own unit.
FactorOf = Callable[[str, str | None], float]

# Bases of the names of temporary columns (see unused_name).
_DENOMINATOR = "_kh_denominator"
_NUMERATOR_ROW = "_kh_numerator_row"
_GROUP = "_kh_group"
_FIRST_YEAR = "_kh_first_year"
_FIRST_LEVEL = "_kh_first_level"


@dataclass(frozen=True)
class WithComponents:
    """The observations with the computed rows of derived and growth indicators.

    Attributes:
        frame: The observations (a Narwhals LazyFrame), computed rows stacked below them.
        factors: The unit factors of every ``(indicator, unit)`` pair, computed ones included.
        with_unit: Whether ``frame`` has a unit column.
        computed: Whether ``frame`` has a ``computed`` column (else no row is computed).
    """

    frame: Any
    factors: list[PairFactors]
    with_unit: bool
    computed: bool


def _unit_of(indicator: Indicator) -> Unit:
    if indicator.unit is None:
        raise UnitError(f"indicator {indicator.id!r} has no unit, so it cannot be computed")
    return indicator.unit


def _ratio_scale(plan: Plan, indicator: Indicator) -> float:
    """The scale of a derived indicator, as :mod:`kh922core._engine.components` computes it."""
    assert indicator.derived is not None
    numerator = _unit_of(plan.indicator(indicator.derived.numerator))
    denominator = _unit_of(plan.indicator(indicator.derived.denominator))
    ratio = parse_unit(f"({numerator.expression}) / ({denominator.expression})")
    factor = conversion_factor(ratio, _unit_of(indicator))  # checked by the Polars components
    return indicator.derived.scale if indicator.derived.scale is not None else factor


def power(base: Any, exponent: Any) -> Any:
    """``base ** exponent`` of two Narwhals expressions.  Each side is cast to Float64 (a no-op
    for a float): SQLFrame writes a division nested in ``POWER(…)`` with an alias inside the
    call (``POWER(CASE … END AS when__y__, …)``), which DuckDB cannot parse; a cast puts it in
    a call of its own."""
    import narwhals as nw

    return base.cast(nw.Float64) ** exponent.cast(nw.Float64)


def _partition(frame: Any, columns: Sequence[str]) -> tuple[Any, list[str]]:
    """``frame`` and the columns to partition a window by: ``columns``, or one constant column
    when there are none (a window over the whole frame)."""
    import narwhals as nw

    if columns:
        return frame, list(columns)
    name = unused_name(_GROUP, frame.collect_schema().names())
    return frame.with_columns(nw.lit(0).alias(name)), [name]


def _levels(
    frame: Any, indicator: str, units: Sequence[str | None], factor_of: FactorOf, keys: list[str]
) -> Any:
    """The observations of one component, converted to its unit (one factor per unit)."""
    import narwhals as nw

    factor: Any = nw.lit(factor_of(indicator, None), dtype=nw.Float64)
    for unit in units:
        if unit is not None:
            factor = (
                nw.when(nw.col(UNIT).cast(nw.String) == unit)
                .then(nw.lit(factor_of(indicator, unit), dtype=nw.Float64))
                .otherwise(factor)
            )
    rows = frame.filter(nw.col(INDICATOR).cast(nw.String) == indicator)
    value = (nw.col(VALUE).cast(nw.Float64) * factor).fill_nan(None)
    return rows.select(*keys, value.alias(VALUE))


def _rows(values: Any, keys: list[str], indicator: Indicator) -> Any:
    import narwhals as nw

    return values.select(
        *keys,
        nw.lit(indicator.id, dtype=nw.String).alias(INDICATOR),
        nw.col(VALUE),
        nw.lit(_unit_of(indicator).text, dtype=nw.String).alias(UNIT),
        nw.lit(True).alias(COMPUTED),
    )


def _derived(
    frame: Any,
    plan: Plan,
    indicator: Indicator,
    units: Mapping[str, list[str | None]],
    factor_of: FactorOf,
    keys: list[str],
) -> Any:
    import narwhals as nw

    assert indicator.derived is not None
    scale = _ratio_scale(plan, indicator)
    over, under = indicator.derived.numerator, indicator.derived.denominator
    mark = unused_name(_NUMERATOR_ROW, keys)
    denominator = unused_name(_DENOMINATOR, [*keys, mark])
    stacked = nw.concat(
        [
            _levels(frame, component, units.get(component, []), factor_of, keys).with_columns(
                nw.lit(is_numerator).alias(mark)
            )
            for component, is_numerator in ((over, True), (under, False))
        ],
        how="vertical",
    )
    stacked, partition = _partition(stacked, keys)
    # A numerator without its denominator gives a row whose value is missing.
    below = nw.when(~nw.col(mark)).then(nw.col(VALUE)).max().over(*partition)
    ratio = nw.when(nw.col(denominator) != 0.0).then(
        nw.col(VALUE) / nw.col(denominator) * nw.lit(scale, dtype=nw.Float64)
    )
    joined = (
        stacked.with_columns(below.alias(denominator))
        .filter(nw.col(mark))
        .with_columns(ratio.fill_nan(None).alias(VALUE))
    )
    return _rows(joined, keys, indicator)


def _growth(
    frame: Any,
    indicator: Indicator,
    units: list[str | None],
    factor_of: FactorOf,
    keys: list[str],
) -> Any:
    import narwhals as nw

    assert indicator.growth_of is not None
    per_year = conversion_factor("fraction_per_year", _unit_of(indicator))
    levels = _levels(frame, indicator.growth_of, units, factor_of, keys)
    since = unused_name(_FIRST_YEAR, keys)
    base = unused_name(_FIRST_LEVEL, [*keys, since])
    levels, groups = _partition(levels, [key for key in keys if key != YEAR])
    year, value = nw.col(YEAR), nw.col(VALUE)
    first_level = nw.when(year == nw.col(since)).then(value).max().over(*groups)
    years = (year - nw.col(since)).cast(nw.Float64)
    ratio = value / nw.col(base)
    growth = nw.when(
        # The first year of a group (and a year that is missing) has no growth: no data.
        (year > nw.col(since)) & (nw.col(base) > 0.0) & (value >= 0.0)
    ).then((power(ratio, 1.0 / years) - 1.0) * nw.lit(per_year, dtype=nw.Float64))
    rates = (
        levels.with_columns(year.min().over(*groups).alias(since))
        .with_columns(first_level.alias(base))
        .with_columns(growth.fill_nan(None).alias(VALUE))
    )
    return _rows(rates, keys, indicator)


def _stacked(frame: Any, computed: list[Any], with_unit: bool) -> Any:
    """The observations (texts as text, values as floats, ``computed`` False) with the computed
    rows below them; a column the computed rows lack is null there, as in Polars'
    ``concat(how="diagonal_relaxed")``."""
    import narwhals as nw

    schema = frame.collect_schema()
    texts = [nw.col(INDICATOR).cast(nw.String)]
    texts.append(nw.col(UNIT).cast(nw.String) if with_unit else nw.lit(None, dtype=nw.String))
    observed = frame.with_columns(
        *(text.alias(name) for text, name in zip(texts, (INDICATOR, UNIT), strict=True)),
        nw.col(VALUE).cast(nw.Float64),
        nw.lit(False).alias(COMPUTED),
    )
    names = observed.collect_schema().names()
    dtypes = dict(schema.items())
    parts = [observed]
    for rows in computed:
        given = set(rows.collect_schema().names())
        parts.append(
            rows.select(
                nw.col(name) if name in given else nw.lit(None, dtype=dtypes[name]).alias(name)
                for name in names
            )
        )
    return nw.concat(parts, how="vertical")


def _located_problems(
    frame: Any,
    components: list[str],
    keys: list[str],
    problems: list[RowProblem],
    duplicates: list[RowProblem],
    pull: Pull,
) -> None:
    """Raise the Polars engine's error when a growth needs a year (``problems``) or a component
    is observed twice for the same keys (one small aggregate in the engine says whether)."""
    import narwhals as nw

    if not problems and components:
        found = (
            frame.filter(nw.col(INDICATOR).cast(nw.String).is_in(components))
            .group_by(INDICATOR, *keys)
            .agg(nw.len().alias(unused_name("_kh_count", [INDICATOR, *keys])))
        )
        count = found.collect_schema().names()[-1]
        twice = found.filter(nw.col(count) > 1).select(count).head(1)
        if twice.collect(backend="polars").to_native().is_empty():
            return
    if problems or components:
        located = locate(pull([INDICATOR, VALUE, *keys]), [*problems, *duplicates])
        if located:
            raise ObservationError(located)


def add_lazy_components(
    plan: Plan,
    checked: Checked,
    compiled: Mapping[str, tuple[CompiledTarget, ...]],
    frame: Any,
    pull: Pull,
) -> WithComponents:
    """The observations with the rows of derived and growth indicators computed from their
    components, in the engine of ``frame`` (lazy); the same rows as the Polars engine's.

    Args:
        plan: The plan that declares derived and growth indicators.
        checked: What the checks learnt of the observations (pairs, keys, schema).
        compiled: Compiled targets by indicator id.
        frame: The observations, a Narwhals LazyFrame.
        pull: Fetches columns of the observations, to locate the rows of a problem.

    Returns:
        The observations with the computed rows, and the factors of all their pairs.

    Raises:
        ObservationError: A growth without a ``year`` key, or a component observed twice for
            the same keys.
        UnitError: A derived or growth indicator whose units do not fit.
    """
    units = {indicator.id: indicator.unit for indicator in plan.indicators}
    factor_of = component_factors(plan)
    keys = list(checked.keys)
    # The Polars transforms of an empty frame (never run): their checks, errors and pairs.
    found = computed_observations(checked.frame, plan, checked.pairs, factor_of, keys)
    needs_year = found.year_problems()
    observed: dict[str, list[str | None]] = {}
    for indicator_id, unit in checked.pairs:
        observed.setdefault(indicator_id, []).append(unit)
    computed: list[Any] = []
    components: list[str] = []
    for indicator in plan.indicators:
        if indicator.derived is not None and indicator.derived.numerator in observed:
            parts = (indicator.derived.numerator, indicator.derived.denominator)
            components += [part for part in parts if part in observed]
            computed.append(_derived(frame, plan, indicator, observed, factor_of, keys))
        elif indicator.growth_of in observed and YEAR in keys:  # else: needs_year
            assert indicator.growth_of is not None
            components.append(indicator.growth_of)
            level_units = observed[indicator.growth_of]
            computed.append(_growth(frame, indicator, level_units, factor_of, keys))
    components = sorted(set(components))
    _located_problems(frame, components, keys, needs_year, found.duplicates, pull)
    with_unit = UNIT in checked.schema and checked.schema[UNIT] != pl.Null
    if not computed:
        return WithComponents(frame, checked.factors, with_unit, computed=False)
    # A computed indicator also observed in the same unit text has that pair once, as in the
    # Polars engine: a second entry in the bounds table would join each of its rows twice.
    seen = {(pair.indicator, pair.unit) for pair in checked.factors}
    extra, _ = resolve_units([pair for pair in found.pairs if pair not in seen], compiled, units)
    stacked = _stacked(frame, computed, UNIT in checked.schema)
    return WithComponents(stacked, [*checked.factors, *extra], with_unit=True, computed=True)
