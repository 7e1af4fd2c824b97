"""What reading one returned file gives: its observations, and each cell not used."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

__all__ = ["SOURCES_SCHEMA", "FileReading", "Rejection"]

#: The columns of a collection's sources: one row per file (the report's sources too).
SOURCES_SCHEMA = {
    "file": pl.String,
    "kind": pl.String,
    "agency": pl.String,
    "n_values": pl.Int64,
    "year": pl.Int64,
    "period": pl.String,
}


@dataclass(frozen=True, slots=True)
class Rejection:
    """A cell that was not used: where it is, what it holds and why."""

    file: str
    sheet: str | None
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        place = ":".join(str(p) for p in (self.file, self.sheet, self.row) if p is not None)
        return f"{place}: {self.column} {self.value!r}: {self.reason}"


@dataclass(slots=True)
class FileReading:
    """What one file brought: its kind (``template`` or ``observations``), its agency (a
    template's), its observations with provenance, the cells refused, and the rows written but
    not read (``withheld``: their ``indicator`` and ``year``), whose earlier figures they
    supersede all the same."""

    path: Path
    kind: str
    agency: str | None
    observations: pl.DataFrame
    rejected: list[Rejection] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    withheld: pl.DataFrame | None = None
