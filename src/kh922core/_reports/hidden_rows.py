"""A row of a filled template that its sheet hides (by hand, or filtered out) is listed with its
file, sheet and row, and its figures are not read.

An agency that hides a row it filled may have meant it out of the report (a row of another
agency, an old figure) or hidden it by mistake; read, it would count unseen, and a reader of the
printed sheet would not see it.  A hidden sheet is listed whole (see
:mod:`kh922core._reports.template_reading`); the rows of the template's own that it hides (the
row of keys, above the headings) are not concerned.  The appendix importer lists hidden rows
the same way.
"""

from __future__ import annotations

from pathlib import Path

from kh922core._tracking import hidden_rows

__all__ = ["HIDDEN_ROWS", "hidden_rows_of", "without_hidden_rows"]

#: The start of a metadata key that lists a sheet's hidden rows (``"\x00hidden rows:Báo cáo"``).
HIDDEN_ROWS = "\x00hidden rows:"
_WHY = "the row is hidden (filtered out?): its figures are not read; show it, or delete it"


def hidden_rows_of(path: Path, title: str) -> dict[str, str]:
    """The metadata entry of a sheet's hidden rows (from 1), or none."""
    found = sorted(hidden_rows(path, title))
    return {f"{HIDDEN_ROWS}{title}": ",".join(map(str, found))} if found else {}


def without_hidden_rows(
    meta: dict[str, str], sheet: str, rows: list[list[str | None]], start: int
) -> tuple[list[list[str | None]], list[tuple[int, str, str, str]]]:
    """``rows`` without the figures of the rows ``sheet`` hides below its headings (``start``:
    the headings' row, from 0), and each such row with a figure refused: its row (from 1), the
    column ``row``, its first text and why."""
    hidden = meta.get(f"{HIDDEN_ROWS}{sheet}", "")
    refused: list[tuple[int, str, str, str]] = []
    for number in (int(n) for n in hidden.split(",") if n):
        if number < start + 2 or number > len(rows):
            continue
        texts = [text for text in rows[number - 1] if text and text.strip()]
        if texts:
            refused.append((number, "row", texts[0], _WHY))
            rows[number - 1] = [None] * len(rows[number - 1])
    return rows, refused
