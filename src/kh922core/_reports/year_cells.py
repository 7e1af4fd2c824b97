"""The year column of a filled template, as people type it.

``2026``, ``Năm 2026``, and a year marked as the figure's estimate or a preliminary figure:
``2026 (ước)``, ``2026 ước``, ``Ước 2026``, ``2026 (ước tính)``, ``(ước thực hiện)``, ``(ƯTH)``,
``(sơ bộ)``, in whatever Unicode form the file holds (a Mac writes it decomposed).  Such a mark
is the year's, and is kept in the figure's note, never dropped in silence; a plan or a forecast
(``2026 (dự kiến)``, ``(kế hoạch)``) is no figure of the year, and stays refused.
"""

from __future__ import annotations

import polars as pl

__all__ = ["estimate_mark", "year_typed"]

_MARK = r"(?:ước(?:\s+(?:tính|thực\s+hiện|đạt))?|ưth|sơ\s+bộ)"
_YEAR = rf"(?i)^(?:(?:năm|nam)\s+)?(?:{_MARK}\s+)?(\d{{4}})\s*(?:\(\s*{_MARK}\s*\)|{_MARK})?$"


def _typed(column: str) -> pl.Expr:
    return pl.col(column).str.normalize("NFC").str.strip_chars()


def year_typed(column: str = "year") -> pl.Expr:
    """The year a cell of ``column`` names (null where it names none).

    Examples:
        >>> frame = pl.DataFrame({"year": ["2026", "Năm 2026", "2026 (Ước)", "2026 (dự kiến)"]})
        >>> frame.select(year_typed()).to_series().to_list()
        [2026, 2026, 2026, None]
    """
    return _typed(column).str.replace(_YEAR, "$1").cast(pl.Int64, strict=False)


def estimate_mark(column: str = "year") -> pl.Expr:
    """The cell of ``column`` where it marks its year as an estimate (``2026 (ước)``), for the
    figure's note; null otherwise."""
    typed = _typed(column)
    marked = typed.str.contains(_YEAR) & typed.str.contains(rf"(?i){_MARK}")
    return pl.when(marked).then(typed)
