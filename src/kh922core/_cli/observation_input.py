"""The observations a command reads from ``--observations FILE``: an observation table as
:func:`kh922core.read_observations` reads it, or a reporting template that ``kh922 template``
wrote and an agency filled in, read as ``kh922 collect`` reads it (the cells it could not use
are listed on standard error)."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

from kh922core._cli.terminal_text import echo
from kh922core.errors import ObservationError, UnknownFormatError

__all__ = ["in_file_rows", "read_observation_file", "read_with_rows"]

#: The columns of a collected template that the engine reads.
_ENGINE_COLUMNS = ("indicator", "value", "unit", "year", "assessment", "cohort_size")


def read_observation_file(path: str, plan: Any) -> Any:
    """The observations of ``path`` for ``plan``: a table, or a filled agency template."""
    return read_with_rows(path, plan)[0]


def read_with_rows(path: str, plan: Any) -> tuple[Any, list[int] | None]:
    """:func:`read_observation_file`, and the row in the file of each row of a table (so that
    a problem the engine finds names the rows the official sees: :func:`in_file_rows`)."""
    from kh922core._reports import collect
    from kh922core._tracking import read_observations

    try:
        table = read_observations(path, source_rows=True)
    except (ObservationError, UnknownFormatError) as error:
        refused = error
    else:
        if "source_row" not in table.columns:  # a Parquet table: its rows are the file's
            return table, None
        rows = [int(r) for r in table["source_row"].to_list()]
        return table.drop("source_row"), rows
    collection = collect([path], plan=plan)
    if "template" not in collection.sources["kind"].to_list():
        raise refused
    for line in [str(r) for r in collection.rejected] + collection.conflict_lines():
        echo(f"  not used: {line}", file=sys.stderr)
    frame = collection.observations
    return frame.select([c for c in _ENGINE_COLUMNS if c in frame.columns]), None


def in_file_rows(error: ObservationError, rows: list[int] | None) -> ObservationError:
    """``error`` with each problem's rows (places in the table read) as the file's rows."""
    if rows is None:
        return error
    return ObservationError(
        [
            replace(
                problem,
                rows=tuple(rows[r] for r in problem.rows if r < len(rows)),
                message=f"{problem.message} (rows of the file)"
                if problem.rows
                else problem.message,
            )
            for problem in error.problems
        ]
    )
