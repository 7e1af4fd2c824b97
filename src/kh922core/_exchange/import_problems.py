"""What an import could not use, and what it inferred: the records it hands back.

An :class:`ImportProblem` is a cell of a recognised table that is not in the plan, with its
place (file, table or sheet, row, column) and why; an inference (a direction guessed from a
unit, a row number given to an unnumbered row, an agency drafted) is a note on the plan item it
concerns, written beside it in the plan file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kh922core._exchange.grids import Grid
from kh922core._exchange.header_roles import Header
from kh922core._exchange.table_walk import place
from kh922core._plans import Plan

__all__ = ["ImportProblem", "Sink", "note_unbased"]


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A cell of an appendix that the imported plan does not hold, and why.

    Attributes:
        file: The file's name.
        table: The table: ``table 2`` (Word), ``sheet 'Phụ lục I'`` (Excel), ``table`` (CSV).
        row: The row as the file shows it (a sheet's row number, a Word table's row from 1);
            empty for a problem of the whole table.
        column: The column, with its heading: ``D (Kết quả)`` (a sheet), ``4 (Kết quả)`` (Word).
        text: The cell's text, verbatim.
        reason: Why it is not in the plan, and what to do.
    """

    file: str
    table: str
    row: str
    column: str
    text: str
    reason: str

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.table,
                f"row {self.row}" if self.row else "",
                f"column {self.column}" if self.column else "",
            )
            if part
        )
        shown = f" {self.text!r}:" if self.text else ""
        return f"{self.file}: {where}:{shown} {self.reason}"


@dataclass(slots=True)
class Sink:
    """Collects the problems of an import and its notes (by plan item: ``("targets", id)``)."""

    problems: list[ImportProblem] = field(default_factory=list)
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def problem(
        self,
        grid: Grid,
        header: Header | None,
        row: int | None,
        column: int | None,
        text: str,
        reason: str,
    ) -> None:
        where_row, where_column = place(grid, header, row, column) if row is not None else ("", "")
        self.problems.append(
            ImportProblem(grid.file, grid.name, where_row, where_column, text, reason)
        )

    def note(self, section: str, item: str, text: str) -> None:
        found = self.notes.setdefault((section, item), [])
        if text not in found:
            found.append(text)


_UNBASED = "a change with no base year and no baseline: give it a baseline, or 'so với năm 2025'"


def note_unbased(plan: Plan, sink: Sink) -> None:
    """Note each change target that names no base and has no baseline (``tăng 6%``)."""
    for target in plan.targets:
        change = getattr(target.spec, "change", None)
        if change and change.since is None and not change.previous_year and not target.baseline:
            sink.note("targets", target.id, _UNBASED)
