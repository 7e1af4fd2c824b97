"""The ``kh922`` command line: :func:`main` runs it (``kh922``, ``python -m kh922core``)."""

from kh922core._cli.command import main

__all__ = ["main"]
