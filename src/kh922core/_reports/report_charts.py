"""The report's charts, drawn with matplotlib (the ``report`` extra) without pyplot and without
touching its global backend: attainment per target, trend lines where a series exists, status
by agency.  SVG keeps its text as text (the figures are in the page's DOM); PNG is for Word.
"""

from __future__ import annotations

import io
from typing import Any

import polars as pl

from kh922core._reports.report_words import Words
from kh922core.errors import MissingDependencyError

__all__ = [
    "agency_chart",
    "attainment_chart",
    "attainment_png",
    "require_report_extra",
    "trend_chart",
]

#: The most series drawn as trend lines (the rest are in the tables).
MAX_TRENDS = 12
_COLOURS = {"met": "#2e7d32", "not_met": "#c62828", "no_data": "#9e9e9e"}


def require_report_extra(module: str = "matplotlib") -> Any:
    """Import a module of the ``report`` extra, or say how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"the report needs the optional dependency {module}: "
            "pip install 'kh922core[report]' (the report extra)",
            name=module,
        ) from None


def _figure(width: float, height: float) -> Any:
    require_report_extra()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _save(figure: Any, kind: str) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    settings: Any = {"svg.fonttype": "none", "svg.hashsalt": "kh922", "font.size": 9}
    with matplotlib.rc_context(settings):
        metadata = {"Date": None} if kind == "svg" else None
        figure.savefig(buffer, format=kind, metadata=metadata)
    return buffer.getvalue()


def _svg(figure: Any) -> str:
    text = _save(figure, "svg").decode("utf-8")
    return text[text.index("<svg") :]


def attainment_chart(targets: pl.DataFrame, said: Words) -> str:
    """Horizontal bars: each judged target's attainment (capped at 150%), coloured by status."""
    return _svg(_attainment(targets, said))


def attainment_png(targets: pl.DataFrame, said: Words) -> bytes:
    """:func:`attainment_chart` as a PNG picture (for Word)."""
    return _save(_attainment(targets, said), "png")


def _attainment(targets: pl.DataFrame, said: Words) -> Any:
    rows = targets.filter(pl.col("attainment").is_not_null()).head(60)
    figure = _figure(7.5, 0.9 + 0.24 * max(rows.height, 1))
    axes = figure.add_subplot()
    labels = [
        f"{t} {e or ''}".strip() for t, e in zip(rows["target_id"], rows["entity"], strict=True)
    ]
    shares = [min(a, 1.5) * 100 for a in rows["attainment"].to_list()]
    status = ["met" if s in ("met", "exceeded") else "not_met" for s in rows["status"]]
    axes.barh(range(rows.height), shares, color=[_COLOURS[s] for s in status])
    axes.set_yticks(range(rows.height), labels)
    axes.invert_yaxis()
    axes.axvline(100, color="#333333", linewidth=0.8, linestyle="--")
    axes.set_xlabel("%")
    axes.set_title(said("chart_attainment"))
    for index, share in enumerate(shares):
        axes.text(share + 1, index, said.number(share), va="center", fontsize=8)
    return figure


def trend_chart(series: pl.DataFrame, said: Words, names: dict[str, str]) -> str | None:
    """Small multiples: one line per indicator with at least two years (``None`` if none)."""
    data = series.filter(pl.col("value").is_not_null()).sort("year")
    counts = (
        data.group_by("indicator")
        .agg(pl.col("year").n_unique().alias("n"))
        .filter(pl.col("n") >= 2)
    )
    chosen = sorted(counts["indicator"].to_list())[:MAX_TRENDS]
    if not chosen:
        return None
    columns = min(3, len(chosen))
    lines = -(-len(chosen) // columns)
    figure = _figure(7.5, 2.1 * lines + 0.4)
    figure.suptitle(said("chart_trend"))
    for index, indicator in enumerate(chosen):
        axes = figure.add_subplot(lines, columns, index + 1)
        points = data.filter(pl.col("indicator") == indicator)
        for entity, part in points.group_by("entity", maintain_order=True):
            axes.plot(part["year"], part["value"], marker="o", label=str(entity[0] or ""))
        axes.set_title(names.get(indicator, indicator)[:40], fontsize=8)
        axes.tick_params(labelsize=7)
        axes.xaxis.get_major_locator().set_params(integer=True)
    return _svg(figure)


def agency_chart(summary: pl.DataFrame, said: Words, names: dict[str, str]) -> str:
    """Stacked bars: targets met, not met and without data for each lead agency."""
    figure = _figure(7.5, 0.9 + 0.3 * max(summary.height, 1))
    axes = figure.add_subplot()
    labels = [names.get(a, a)[:45] for a in summary["group_key"].to_list()]
    left = [0] * summary.height
    for status, key in (("met", "col_met"), ("not_met", "col_not_met"), ("no_data", "col_no_data")):
        values = summary[status].to_list()
        axes.barh(range(summary.height), values, left=left, color=_COLOURS[status], label=said(key))
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(range(summary.height), labels)
    axes.invert_yaxis()
    axes.legend(loc="lower right", fontsize=8)
    axes.set_title(said("chart_agency"))
    return _svg(figure)
