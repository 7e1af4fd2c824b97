"""How a collection names each file it read: by its name, or with its folders where two files
of one collection share a name.

Offices keep each round's returned files in a folder of its own (``Thang5/so-khcn.xlsx``,
``Thang11/so-khcn.xlsx``).  Named by its name alone, a cell of the one would read as a cell of
the other, and a reader who follows the provenance would open the wrong file: where names are
shared, each such file is named by as many of its last folders as tell it apart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from kh922core._reports.file_readings import FileReading

__all__ = ["renamed", "shown_names"]


def shown_names(paths: Sequence[Path]) -> dict[Path, str]:
    """The name each of ``paths`` is shown by: its name, or its last parts where another path
    has the same name (``Thang5/so-khcn.xlsx``).

    Examples:
        >>> found = shown_names([Path("/a/T5/so.xlsx"), Path("/a/T11/so.xlsx"), Path("/a/y.csv")])
        >>> sorted(found.values())
        ['T11/so.xlsx', 'T5/so.xlsx', 'y.csv']
    """
    resolved = {path: path.resolve() for path in paths}
    shown: dict[Path, str] = {}
    for path in paths:
        own = resolved[path]
        others = [resolved[p] for p in paths if p.name == path.name and resolved[p] != own]
        parts = own.parts
        depth = 1
        while others and depth < len(parts):
            tail = parts[-depth:]
            if all(other.parts[-depth:] != tail for other in others):
                break
            depth += 1
        shown[path] = "/".join(parts[-depth:]) if others else path.name
    return shown


def renamed(reading: FileReading, name: str) -> FileReading:
    """``reading`` with its cells and rows naming its file ``name`` instead of its bare name."""
    bare = reading.path.name
    if name == bare:
        return reading
    reading.rejected = [
        dataclasses.replace(r, file=name) if r.file == bare else r for r in reading.rejected
    ]
    frame = reading.observations
    if "source_file" in frame.columns:
        source = pl.col("source_file")
        reading.observations = frame.with_columns(
            pl.when(source == bare).then(pl.lit(name)).otherwise(source).alias("source_file")
        )
    return reading
