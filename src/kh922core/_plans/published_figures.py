"""Sample data shipped with the library: published figures for Bến Tre, in the engine's schema."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

__all__ = ["PUBLISHED_INDICATORS", "published_figures"]

#: The published figures' indicator names and the plan indicator each one measures.  A name
#: whose figure is a *proxy* (it measures something close to the indicator) maps to the
#: indicator it stands in for; the row's ``quality`` column says ``proxy``.  ``PII score`` has no
#: plan indicator (the plan targets the rank, not the score).
PUBLISHED_INDICATORS: dict[str, str | None] = {
    "PII rank": "pii-rank",
    "PII score": None,
    "DTI rank": "dti-rank",
    "TFP contribution to growth": "tfp-contribution",
    "Online applications / applications processed electronically": "online-public-service-usage",
    "Online public services / administrative procedures": "end-to-end-online-services",
}

_FILE = "ben_tre_published_figures.csv"


def _read() -> pl.DataFrame:
    import polars as pl  # loaded when the figures are asked for, not with the plans

    source = resources.files("kh922core") / "data" / "samples" / _FILE
    return pl.read_csv(
        source.read_bytes(),
        comment_prefix="#",
        schema_overrides={"period": pl.Int64, "value": pl.Float64, "cohort": pl.Int64},
    )


def published_figures(*, proxies: bool = False) -> pl.DataFrame:
    """Published figures for Bến Tre (and, from July 2025, the new Vĩnh Long), ready to evaluate.

    The shipped file ``data/samples/ben_tre_published_figures.csv`` keeps its sources (one URL
    per row).  Its indicator names are mapped to the plan's indicator ids with
    :data:`PUBLISHED_INDICATORS`.  Rows without a plan indicator (the PII score) are left out.
    Proxy rows measure something close to, but not the same as, the plan's indicator: they are
    left out unless ``proxies=True``, and then keep ``quality == "proxy"``, a pass-through
    column, so every result row evaluated from one says so.

    Columns: ``indicator``, ``value``, ``unit``, ``year``, ``cohort_size`` (the size of the cohort
    a rank was published against: 63 provinces, 34 after July 2025), and the pass-through keys
    ``entity``, ``quality`` (``published``, ``derived`` or ``proxy``), ``published_as`` (the
    source's indicator name), ``note`` and ``source`` (URL).

    Args:
        proxies: Include the proxy rows.

    Returns:
        The figures as a :class:`polars.DataFrame` in the input schema of
        :func:`~kh922core.evaluate`.

    Examples:
        >>> import polars as pl
        >>> from kh922core import published_figures
        >>> figures = published_figures()
        >>> figures.filter(pl.col("indicator") == "pii-rank").select("year", "value").rows()
        [(2023, 28.0), (2025, 17.0)]
        >>> published_figures(proxies=True).filter(pl.col("quality") == "proxy").height
        2
    """
    import polars as pl

    raw = _read()
    names = pl.col("indicator").replace_strict(
        PUBLISHED_INDICATORS, default=None, return_dtype=pl.String
    )
    figures = raw.select(
        names.alias("indicator"),
        pl.col("value"),
        pl.col("unit"),
        pl.col("period").alias("year"),
        pl.col("cohort").alias("cohort_size"),
        pl.col("entity"),
        pl.col("quality"),
        pl.col("indicator").alias("published_as"),
        pl.col("note"),
        pl.col("source_url").alias("source"),
    ).filter(pl.col("indicator").is_not_null())
    if not proxies:
        figures = figures.filter(pl.col("quality") != "proxy")
    return figures
