"""The tables of a Word document (``.docx``) as grids, with their merged cells and titles.

python-docx opens the document; the tables are read from its XML, cell by cell, so that a cell
spanning columns (``gridSpan``) or merged down rows (``vMerge``) is one text at its first
position and a merged range, as a spreadsheet has it.  The paragraphs between two tables are the
second table's title block (``PHỤ LỤC I``, ``Kèm theo Kế hoạch số …``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kh922core._exchange.grids import Grid
from kh922core._output_formats import import_optional
from kh922core.errors import TableImportError

__all__ = ["docx_grids"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element: Any) -> str:
    """The text of a cell or paragraph: its paragraphs on lines, breaks and tabs kept."""
    lines = []
    for paragraph in element.iter(f"{_W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
            elif node.tag == f"{_W}tab":
                pieces.append(" ")
        lines.append("".join(pieces))
    return "\n".join(lines).strip()


def _value(properties: Any, name: str) -> str | None:
    if properties is None:
        return None
    found = properties.find(f"{_W}{name}")
    if found is None:
        return None
    return str(found.get(f"{_W}val", "continue"))


def _table(element: Any, file: str, number: int, title: list[str]) -> Grid:
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    open_down: dict[int, int] = {}  # column -> index in merges of the range merged down
    for row_index, row in enumerate(element.findall(f"{_W}tr")):
        cells: list[str] = []
        before = _value(row.find(f"{_W}trPr"), "gridBefore")
        cells += [""] * (int(before) if before and before.isdigit() else 0)
        for cell in row.findall(f"{_W}tc"):
            properties = cell.find(f"{_W}tcPr")
            span_text = _value(properties, "gridSpan")
            span = max(int(span_text), 1) if span_text and span_text.isdigit() else 1
            column = len(cells)
            merged = _value(properties, "vMerge")
            if merged is not None and merged != "restart" and column in open_down:
                first_row, first_column, _, last_column = merges[open_down[column]]
                merges[open_down[column]] = (first_row, first_column, row_index, last_column)
                cells += [""] * span
                continue
            text = _text(cell)
            open_down.pop(column, None)
            if merged == "restart" or span > 1:
                merges.append((row_index, column, row_index, column + span - 1))
                if merged == "restart":
                    open_down[column] = len(merges) - 1
            cells += [text] + [""] * (span - 1)
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    merges = [m for m in merges if m[0] != m[2] or m[1] != m[3]]
    return Grid(file, f"table {number}", rows, merges, title=title, letters=False)


def docx_grids(path: Path) -> list[Grid]:
    """Every table of a Word document, in order, each with the paragraphs above it.

    Tables nested in a cell are read as that cell's text.
    """
    docx = import_optional("docx", extra="office", purpose="reading .docx")
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for a broken package
        raise TableImportError(
            f"{path.name}: not a Word document that can be opened ({type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else 'unreadable'})"
        ) from None
    grids: list[Grid] = []
    title: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            text = _text(element)
            if text:
                title.append(text)
        elif element.tag == f"{_W}tbl":
            grids.append(_table(element, path.name, len(grids) + 1, title))
            title = []
    return grids
