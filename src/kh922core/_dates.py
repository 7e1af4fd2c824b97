"""One way in for dates: every public parameter that takes a date goes through :func:`as_date`."""

from __future__ import annotations

from datetime import date, datetime

from kh922core.errors import DateFormatError, InvalidValueError

__all__ = ["DateLike", "as_date", "optional_date"]

#: What a date parameter accepts: a date, a datetime (its date is used) or ISO ``"YYYY-MM-DD"``.
DateLike = date | datetime | str


def as_date(value: object, name: str) -> date:
    """``value`` as a :class:`~datetime.date`.

    Args:
        value: A ``date``, a ``datetime`` (its date) or an ISO ``"YYYY-MM-DD"`` text.
        name: The parameter's name, for the error message.

    Raises:
        TypeError: ``value`` is of another type.
        kh922core.errors.DateFormatError: a text that is not an ISO date (also a ``ValueError``).

    Examples:
        >>> as_date("2026-06-01", "as_of")
        datetime.date(2026, 6, 1)
        >>> as_date(20260601, "as_of")
        Traceback (most recent call last):
        ...
        kh922core.errors.InvalidValueError: as_of must be a date, a datetime or an ISO 'YYYY-MM-DD' text, got int 20260601
    """  # noqa: E501
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise DateFormatError(name, value) from None
    raise InvalidValueError(  # a TypeError too
        f"{name} must be a date, a datetime or an ISO 'YYYY-MM-DD' text, "
        f"got {type(value).__name__} {value!r}"
    )


def optional_date(value: object, name: str) -> date | None:
    """:func:`as_date`, with ``None`` passed through."""
    return None if value is None else as_date(value, name)
