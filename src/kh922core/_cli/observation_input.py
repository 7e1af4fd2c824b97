"""The observations a command reads from ``--observations FILE``: an observation table as
:func:`kh922core.read_observations` reads it, or a reporting template that ``kh922 template``
wrote and an agency filled in, read as ``kh922 collect`` reads it (the cells it could not use
are listed on standard error)."""

from __future__ import annotations

import sys
from typing import Any

from kh922core._cli.terminal_text import echo
from kh922core.errors import ObservationError, UnknownFormatError

__all__ = ["read_observation_file"]

#: The columns of a collected template that the engine reads.
_ENGINE_COLUMNS = ("indicator", "value", "unit", "year", "assessment", "cohort_size")


def read_observation_file(path: str, plan: Any) -> Any:
    """The observations of ``path`` for ``plan``: a table, or a filled agency template."""
    from kh922core._reports import collect
    from kh922core._tracking import read_observations

    try:
        return read_observations(path)
    except (ObservationError, UnknownFormatError) as error:
        refused = error
    collection = collect([path], plan=plan)
    if "template" not in collection.sources["kind"].to_list():
        raise refused
    for line in [str(r) for r in collection.rejected] + collection.conflict_lines():
        echo(f"  not used: {line}", file=sys.stderr)
    frame = collection.observations
    return frame.select([c for c in _ENGINE_COLUMNS if c in frame.columns])
