"""Derived and growth indicators, computed from component observations as Polars transforms.

* A **derived** indicator (``derived: {numerator, denominator, scale}`` in the plan file) is
  ``numerator / denominator × scale``: the two component observations are joined on the key
  columns (every pass-through column, ``year`` included, unless ``keys=`` says otherwise).  The
  scale is the plan's ``scale`` or, by default, the factor that takes the unit
  ``numerator unit / denominator unit`` to the indicator's unit (× 10 000 for persons per 10,000
  inhabitants), computed once with pint; units that do not fit are an error.  Every observation
  of the numerator (what the indicator counts) gives one computed row: where the denominator is
  missing for its keys (a partial dataset, or components of different years), its value is
  missing, and its targets say ``no_data``.  A denominator alone (a population, which several
  indicators divide by) gives no row.
* A **growth** indicator (``growth_of: <level indicator>``, unit ``%/năm``) is the compound
  average annual growth of the level from the earliest year of each key group (the keys without
  ``year``) to every later year: ``(level_y / level_first) ** (1 / (y - first)) - 1``.  The row
  of year ``y`` says how fast the level grew on average from the first year to ``y``.  Every
  observation of the level gives one row; the earliest year of a group has nothing to grow from,
  so its value is missing (``no_data``), and so is that of a group of a single year.
* Two observations of one component for the same keys cannot be combined (which of the two is
  it?): :attr:`Components.duplicates` locates them, and the engine refuses them.

Computed rows are marked ``computed = True``; their other pass-through columns are null.  The
temporary columns have names that none of the key columns use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import polars as pl

from kh922core._engine.columns import COMPUTED, INDICATOR, UNIT, VALUE, YEAR, unused_name
from kh922core._engine.frame_checks import RowProblem
from kh922core._plans import Indicator, Plan
from kh922core._targets import Unit, conversion_factor, parse_unit
from kh922core.errors import UnitError

__all__ = ["Components", "component_factors", "computed_observations"]

#: Unit factor of one observation unit (``None``: no unit) to a component's unit.
FactorOf = Callable[[str, str | None], float]

# Bases of the names of temporary columns (see unused_name).
_NUMERATOR = "_kh_numerator"
_DENOMINATOR = "_kh_denominator"
_LINK = "_kh_link"
_FIRST_YEAR = "_kh_first_year"
_FIRST_LEVEL = "_kh_first_level"


@dataclass
class Components:
    """What :func:`computed_observations` produced.

    Attributes:
        frames: The computed observations, one lazy frame per computed indicator.
        pairs: Their ``(indicator, unit)`` pairs.
        needs_year: Level indicators whose growth cannot be computed for want of a ``year`` key.
        duplicates: Components observed more than once for the same keys, to be located.
    """

    frames: list[pl.LazyFrame] = field(default_factory=list)
    pairs: list[tuple[str, str | None]] = field(default_factory=list)
    needs_year: list[str] = field(default_factory=list)
    duplicates: list[RowProblem] = field(default_factory=list)

    def year_problems(self) -> list[RowProblem]:
        """The rows of the levels whose growth needs a ``year`` key, to be located."""
        return [
            RowProblem(
                YEAR,
                f"the growth of {level!r} is computed from levels by year: add a year column",
                pl.col(INDICATOR).cast(pl.String) == level,
                INDICATOR,
            )
            for level in self.needs_year
        ]


def component_factors(plan: Plan) -> FactorOf:
    """The factor of an observation's unit to its component's own unit (no unit, or a blank
    one: the component's own)."""
    units = {indicator.id: indicator.unit for indicator in plan.indicators}

    def factor_of(indicator: str, unit: str | None) -> float:
        own = units[indicator]
        if unit is None or not unit.strip() or own is None:
            return 1.0
        return conversion_factor(unit, own)

    return factor_of


def _unit_of(indicator: Indicator) -> Unit:
    if indicator.unit is None:
        raise UnitError(f"indicator {indicator.id!r} has no unit, so it cannot be computed")
    return indicator.unit


def _levels(
    frame: pl.LazyFrame,
    indicator: str,
    units: Sequence[str | None],
    factor_of: FactorOf,
    keys: Sequence[str],
) -> pl.LazyFrame:
    """The observations of one component, converted to its unit (one factor per unit); none
    when it is not observed (``units`` is empty)."""
    factor: pl.Expr = pl.lit(factor_of(indicator, None))
    for unit in units:
        if unit is not None:
            factor = (
                pl.when(pl.col(UNIT) == unit).then(factor_of(indicator, unit)).otherwise(factor)
            )
    rows = frame.filter(pl.col(INDICATOR) == indicator if units else pl.lit(False))
    value = (pl.col(VALUE).cast(pl.Float64) * factor).fill_nan(None)
    return rows.select(*keys, value.alias(VALUE))


def _rows(values: pl.LazyFrame, keys: Sequence[str], indicator: Indicator) -> pl.LazyFrame:
    unit = _unit_of(indicator)
    return values.select(
        *keys,
        pl.lit(indicator.id, dtype=pl.String).alias(INDICATOR),
        pl.col(VALUE),
        pl.lit(unit.text, dtype=pl.String).alias(UNIT),
        pl.lit(True).alias(COMPUTED),
    )


def _ratio_scale(plan: Plan, indicator: Indicator) -> float:
    assert indicator.derived is not None
    numerator = _unit_of(plan.indicator(indicator.derived.numerator))
    denominator = _unit_of(plan.indicator(indicator.derived.denominator))
    ratio = parse_unit(f"({numerator.expression}) / ({denominator.expression})")
    try:
        factor = conversion_factor(ratio, _unit_of(indicator))
    except UnitError as error:
        raise UnitError(
            f"indicator {indicator.id!r} = {numerator.text!r} / {denominator.text!r} "
            f"cannot be expressed in {_unit_of(indicator).text!r}: {error}"
        ) from error
    return indicator.derived.scale if indicator.derived.scale is not None else factor


def _derived(
    frame: pl.LazyFrame,
    plan: Plan,
    indicator: Indicator,
    units: dict[str, list[str | None]],
    factor_of: FactorOf,
    keys: Sequence[str],
) -> pl.LazyFrame:
    assert indicator.derived is not None
    scale = _ratio_scale(plan, indicator)
    over = unused_name(_NUMERATOR, keys)
    under = unused_name(_DENOMINATOR, [*keys, over])
    link = unused_name(_LINK, [*keys, over, under])  # joins the two when there are no keys
    numerator, denominator = (
        _levels(frame, component, units.get(component, []), factor_of, keys)
        .rename({VALUE: name})
        .with_columns(pl.lit(0).alias(link))
        for component, name in (
            (indicator.derived.numerator, over),
            (indicator.derived.denominator, under),
        )
    )
    # A left join: a numerator without its denominator gives a row whose value is missing.
    joined = numerator.join(denominator, on=[*keys, link], how="left", nulls_equal=True)
    value = pl.when(pl.col(under) != 0.0).then(pl.col(over) / pl.col(under) * scale).fill_nan(None)
    return _rows(joined.with_columns(value.alias(VALUE)), keys, indicator)


def _growth(
    frame: pl.LazyFrame,
    indicator: Indicator,
    level: str,
    units: list[str | None],
    factor_of: FactorOf,
    keys: Sequence[str],
) -> pl.LazyFrame:
    per_year = conversion_factor("fraction_per_year", _unit_of(indicator))
    groups = [key for key in keys if key != YEAR]
    levels = _levels(frame, level, units, factor_of, keys)
    since = unused_name(_FIRST_YEAR, keys)
    base = unused_name(_FIRST_LEVEL, [*keys, since])

    def window(expr: pl.Expr) -> pl.Expr:
        # One group: still a window (a column), never a scalar, by which Polars would divide as
        # a multiplication by its reciprocal (not the exact quotient; NaN for 0 / 5e-324).
        return expr.over(groups) if groups else expr.over(pl.lit(0))

    first_year = window(pl.col(YEAR).min())
    first_level = window(pl.col(VALUE).filter(pl.col(YEAR) == pl.col(YEAR).min()).first())
    years = (pl.col(YEAR) - pl.col(since)).cast(pl.Float64)
    ratio = pl.col(VALUE) / pl.col(base)
    growth = (
        # The first year of a group (and a year that is missing) has no growth: no data.
        pl.when((pl.col(YEAR) > pl.col(since)) & (pl.col(base) > 0.0) & (pl.col(VALUE) >= 0.0))
        .then((ratio.pow(1.0 / years) - 1.0) * per_year)
        .fill_nan(None)
    )
    rates = levels.with_columns(first_year.alias(since), first_level.alias(base)).with_columns(
        growth.alias(VALUE)
    )
    return _rows(rates, keys, indicator)


def _duplicates(component: str, computed: str, keys: Sequence[str]) -> RowProblem:
    """The observations of ``component`` that share their keys with another one."""
    named = f" ({', '.join(keys)})" if keys else ""
    return RowProblem(
        VALUE,
        f"several values of {component!r} for the same keys{named}: {computed!r} is computed "
        "from one value per key group; remove the duplicates, or pass keys= that tell them apart",
        (pl.col(INDICATOR).cast(pl.String) == component) & (pl.len().over([INDICATOR, *keys]) > 1),
        VALUE,
    )


def computed_observations(
    frame: pl.LazyFrame,
    plan: Plan,
    pairs: Sequence[tuple[str, str | None]],
    factor_of: FactorOf,
    keys: Sequence[str],
) -> Components:
    """Observations of the plan's derived and growth indicators, from their components.

    A derived indicator is computed when its numerator occurs in ``pairs``, a growth indicator
    when its level does.

    Args:
        frame: The (checked) observations.
        plan: The plan that declares derived and growth indicators.
        pairs: Distinct ``(indicator, unit)`` pairs of the observations.
        factor_of: The factor of a unit to a component's own unit.
        keys: Columns that identify an observation apart from its indicator.

    Returns:
        The computed observations (lazy), their ``(indicator, unit)`` pairs, the growth
        indicators that could not be computed for want of a ``year`` key, and the components
        observed twice for the same keys.
    """
    units: dict[str, list[str | None]] = {}
    for indicator_id, unit in pairs:
        units.setdefault(indicator_id, []).append(unit)
    result = Components()
    checked: set[str] = set()

    def refuse_duplicates(components: Sequence[str], computed: str) -> None:
        for component in components:
            if component in units and component not in checked:
                checked.add(component)
                result.duplicates.append(_duplicates(component, computed, keys))

    for indicator in plan.indicators:
        if indicator.derived is not None and indicator.derived.numerator in units:
            refuse_duplicates(
                (indicator.derived.numerator, indicator.derived.denominator), indicator.id
            )
            result.frames.append(_derived(frame, plan, indicator, units, factor_of, keys))
        elif indicator.growth_of is not None and indicator.growth_of in units:
            if YEAR not in keys:
                result.needs_year.append(indicator.growth_of)
                continue
            refuse_duplicates((indicator.growth_of,), indicator.id)
            result.frames.append(
                _growth(
                    frame,
                    indicator,
                    indicator.growth_of,
                    units[indicator.growth_of],
                    factor_of,
                    keys,
                )
            )
        else:
            continue
        result.pairs.append((indicator.id, _unit_of(indicator).text))
    return result
