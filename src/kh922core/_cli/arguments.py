"""Argument types shared by the ``kh922`` subcommands: one way to read a date."""

from __future__ import annotations

import argparse
from datetime import date

from kh922core._dates import as_date
from kh922core.errors import DateFormatError

__all__ = ["date_argument"]


def date_argument(text: str) -> date:
    """An ``argparse`` type for ``YYYY-MM-DD`` options and arguments.

    Examples:
        >>> date_argument("2026-06-01")
        datetime.date(2026, 6, 1)
        >>> date_argument("01/06/2026")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: expected a date YYYY-MM-DD, got '01/06/2026'
    """
    try:
        return as_date(text, "date")
    except DateFormatError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None
