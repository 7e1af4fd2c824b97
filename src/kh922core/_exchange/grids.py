"""A :class:`Grid`: one table of a Word document, one sheet of a workbook, or a CSV file.

Every cell is text (``""`` when empty), with the merged ranges, the numbers a workbook stored as
numbers, and the lines of text above the table (a Word table's title block).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["COVERED", "STRUCK", "Grid", "column_name", "filled", "spread_headings"]

#: The start of the text of a cell struck through, whole or in part (reported by the importer).
STRUCK = "\x00struck:"
#: The start of the text of a Word cell merged into the one above it (reported by the importer).
COVERED = "\x00covered:"


@dataclass(slots=True)
class Grid:
    """One table as text.

    Attributes:
        file: The file's name as messages show it.
        name: The table's place in the file: ``table 2`` (Word), ``sheet 'Phụ lục I'`` (Excel),
            ``table`` (CSV).
        rows: Every row, every cell as text (``""`` when empty); all rows have the same length.
        merges: Merged ranges, ``(first row, first column, last row, last column)`` from 0.
        numbers: The cells a workbook stored as numbers, by ``(row, column)``.
        title: Lines of text above the table (a Word document's paragraphs).
        letters: Whether columns are named by letters (sheets) or numbers (Word tables).
        first_row: The number the file shows for ``rows[0]``.
        written: The number of cells each row of a CSV file writes (empty for other files): a
            row that writes more than its header has a separator inside a cell.
        separator: A CSV file's separator.
        hidden_rows: The rows a sheet hides, from 0 (reported, never read).
        hidden_columns: The columns a sheet hides, from 0 (reported, never read).
        format_words: The words a workbook cell's number format adds to its number (``lượt``
            of ``#,##0 "lượt"``), by ``(row, column)``.
        hidden_zeros: The workbook cells that hold the number 0 and show a dash or nothing
            (Excel's Accounting format, ``0;-0;"-"``), as ``(row, column)``.
        percent_wholes: The workbook cells that hold a number of 2 or more and show it as a
            percentage (95 shown ``9500%``: a percentage typed whole in a cell so formatted).

    The text of every cell and title line is NFC: a file from a Mac or a web page may write a
    letter and its marks apart (``e`` + U+0302 + U+0301 for ``ế``), which reads the same.
    """

    file: str
    name: str
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    numbers: dict[tuple[int, int], float] = field(default_factory=dict)
    title: list[str] = field(default_factory=list)
    letters: bool = True
    first_row: int = 1
    written: list[int] = field(default_factory=list)
    separator: str = ""
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    format_words: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_zeros: set[tuple[int, int]] = field(default_factory=set)
    percent_wholes: set[tuple[int, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.rows = [[unicodedata.normalize("NFC", cell) for cell in row] for row in self.rows]
        self.title = [unicodedata.normalize("NFC", line) for line in self.title]

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def column_name(index: int, letters: bool) -> str:
    """A column as people name it: ``D`` in a sheet, ``4`` in a Word table.

    Examples:
        >>> column_name(3, True), column_name(27, True), column_name(3, False)
        ('D', 'AB', '4')
    """
    if not letters:
        return str(index + 1)
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def spread_headings(top: list[str], below: list[str] | None) -> tuple[list[str], set[int]]:
    """A row of headings as merged cells would show it, and the sub-columns it spans: an
    empty heading right after a heading of a year takes its text (a merged one has it) where
    the row below labels both, and labels nothing else (``Năm 2030 |`` over ``Thành thị | Nông
    thôn``: a CSV file, which merges no cells, writes a heading over its sub-columns so).  Each
    sub-column is a part of the heading (urban, rural), no target of the whole row.

    Examples:
        >>> spread_headings(["Chỉ tiêu", "Năm 2030", ""], ["", "Thành thị", "Nông thôn"])
        (['Chỉ tiêu', 'Năm 2030', 'Năm 2030'], {1, 2})
        >>> spread_headings(["Năm 2030", ""], ["80", "Sở Y tế"])
        (['Năm 2030', ''], set())
    """
    spread, under = list(top), set[int]()
    if below is None or any(ch.isdigit() for cell in below for ch in cell):
        return spread, under
    for column in range(1, min(len(top), len(below))):
        labelled = below[column - 1].strip() and below[column].strip()
        spans = not top[column].strip() or top[column] == top[column - 1]  # empty, or merged
        if spans and re.search(r"(?:19|20)\d\d", spread[column - 1]) and labelled:
            spread[column] = spread[column - 1]
            under |= {column - 1, column}
    if any(cell.strip() for c, cell in enumerate(below) if c not in under):
        return list(top), set()  # a row of data, or of other headings
    return spread, under


def filled(grid: Grid) -> list[list[str]]:
    """The grid with every merged range's text in each of its cells."""
    rows = [list(row) for row in grid.rows]
    for first_row, first_column, last_row, last_column in grid.merges:
        if first_row >= len(rows) or first_column >= grid.width:
            continue
        text = rows[first_row][first_column]
        for r in range(first_row, min(last_row, len(rows) - 1) + 1):
            for c in range(first_column, min(last_column, grid.width - 1) + 1):
                rows[r][c] = text
    return rows
