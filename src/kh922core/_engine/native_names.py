"""Column names that Narwhals cannot take to an engine: renamed on the way in, named again on
the way out.

Narwhals writes the names of a DuckDB ``GROUP BY`` unquoted, so that a column whose name has a
dot (``nguon.ma``, as a join or a spreadsheet header gives it) reads as a column of another
table (``nguon``), and DuckDB answers with a Binder Error.  For the query, such a column gets a
name of the engine's own; the result gives it its name back, and so does every problem
reported (:class:`~kh922core.errors.ObservationError`).  Other engines, and other names, pass
unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from kh922core._engine.columns import unused_name
from kh922core._engine.native_frames import Native
from kh922core.errors import ObservationError, ObservationProblem

__all__ = ["Aliases", "dotless"]

_ALIAS = "kh922_dotted"  # no leading "_": progress refuses such key names
_Name = TypeVar("_Name", str, None)


@dataclass(frozen=True)
class Aliases:
    """The names given to a frame's columns for the query (none: nothing renamed).

    Attributes:
        names: Each renamed column's own name and the name it has in the query.
    """

    names: dict[str, str] = field(default_factory=dict)

    def of(self, name: _Name) -> _Name:
        """The name in the query of the column ``name`` (itself, when it is not renamed)."""
        return name if name is None else self.names.get(name, name)

    def all_of(self, names: Sequence[str] | None) -> list[str] | None:
        """:meth:`of` each of ``names`` (``None`` stays ``None``)."""
        return None if names is None else [self.of(name) for name in names]

    def restored(self, result: Any) -> Any:
        """A native lazy result with each renamed column's own name back."""
        if not self.names:
            return result
        import narwhals as nw

        frame = nw.from_native(result)
        present = set(frame.collect_schema().names())
        back = {alias: name for name, alias in self.names.items() if alias in present}
        return nw.to_native(frame.rename(back)) if back else result

    def _problem(self, problem: ObservationProblem) -> ObservationProblem:
        message = problem.message
        for name, alias in self.names.items():
            message = message.replace(alias, name)
        column = next((n for n, a in self.names.items() if a == problem.column), problem.column)
        return replace(problem, column=column, message=message)

    @contextmanager
    def named_again(self) -> Iterator[None]:
        """Problems found during the query, naming each column by its own name."""
        try:
            yield
        except ObservationError as error:
            if not self.names:
                raise
            raise ObservationError([self._problem(p) for p in error.problems]) from None


def dotless(wrapped: Native) -> tuple[Native, Aliases]:
    """``wrapped`` with its columns that DuckDB would misread renamed, and their names."""
    if wrapped.kind != "duckdb":
        return wrapped, Aliases()
    names = wrapped.frame.collect_schema().names()
    aliases: dict[str, str] = {}
    for name in names:
        if "." in name:
            aliases[name] = unused_name(_ALIAS, [*names, *aliases.values()])
    if not aliases:
        return wrapped, Aliases()
    return replace(wrapped, frame=wrapped.frame.rename(aliases)), Aliases(aliases)
