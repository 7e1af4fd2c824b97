"""Which backend runs a frame: the engine's entry points dispatch on the kind of frame given.

A backend says which frames it handles and evaluates them, returning the caller's kind of frame.
Polars (eager and lazy) is the fast path; every other engine that Narwhals supports (pandas,
PyArrow, DuckDB, PySpark, SQLFrame) is the second backend
(:mod:`kh922core._engine.native_evaluate`).  Another engine is added by writing its
``evaluate`` and one :class:`Backend` entry in :data:`BACKENDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from kh922core._engine.native_evaluate import evaluate_native, handles_native
from kh922core._engine.polars_evaluate import evaluate_polars
from kh922core.errors import UnsupportedFrameError

__all__ = ["BACKENDS", "Backend", "backend_for"]


@dataclass(frozen=True, slots=True)
class Backend:
    """One engine that can evaluate observations.

    Attributes:
        name: Its name in messages (``"polars"``).
        kinds: The kinds of frame it takes, as users know them, for messages.
        handles: Whether it takes this frame.
        evaluate: :func:`kh922core.evaluate` for such frames, returning the same kind.
    """

    name: str
    kinds: str
    handles: Callable[[object], bool]
    evaluate: Callable[..., Any]


def _is_polars(frame: object) -> bool:
    return isinstance(frame, pl.DataFrame | pl.LazyFrame)


#: The backends, tried in order.
BACKENDS: tuple[Backend, ...] = (
    Backend(
        name="polars",
        kinds="a polars DataFrame or LazyFrame",
        handles=_is_polars,
        evaluate=evaluate_polars,
    ),
    Backend(
        name="narwhals",
        kinds="a pandas DataFrame, a pyarrow Table, a DuckDB relation, a PySpark or SQLFrame "
        "DataFrame",
        handles=handles_native,
        evaluate=evaluate_native,
    ),
)


def backend_for(frame: object, backends: Sequence[Backend] = BACKENDS) -> Backend:
    """The backend that handles ``frame``.

    Raises:
        UnsupportedFrameError: No backend takes this kind of frame (also a ``TypeError``).

    Examples:
        >>> import polars as pl
        >>> backend_for(pl.LazyFrame({"indicator": ["a"], "value": [1.0]})).name
        'polars'
        >>> backend_for([("a", 1.0)])
        Traceback (most recent call last):
        ...
        kh922core.errors.UnsupportedFrameError: observations must be a polars DataFrame or LazyFrame or a pandas DataFrame, a pyarrow Table, a DuckDB relation, a PySpark or SQLFrame DataFrame, got list
    """  # noqa: E501
    for backend in backends:
        if backend.handles(frame):
            return backend
    raise UnsupportedFrameError(frame, [backend.kinds for backend in backends])
