"""The annotated field types every plan and agency model is built from.

Numbers, integers and booleans are *strict*: a plan file that writes ``"08"`` where a number
belongs, or ``no`` where a word belongs, is an error rather than a silent conversion.  Dates are
ISO texts (``"2025-02-14"``); units and deadlines are written as their verbatim text and parsed
into a :class:`~kh922core.Unit` or :class:`~kh922core.Deadline`.

Examples:
    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(IsoDate).validate_python("2025-02-14")
    datetime.date(2025, 2, 14)
    >>> TypeAdapter(UnitField).validate_python("% GRDP").text
    '% GRDP'
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    WithJsonSchema,
)

from kh922core._plans.deadlines import Deadline, parse_deadline
from kh922core._targets import Unit, parse_unit

__all__ = [
    "DeadlineField",
    "FiniteFloat",
    "FrozenModel",
    "IsoDate",
    "Slug",
    "StrictFloat",
    "StrictInt",
    "Text",
    "UnitField",
    "Year",
]

StrictInt: TypeAlias = Annotated[int, Strict()]
StrictFloat: TypeAlias = Annotated[float, Strict()]
#: A number that is neither infinite nor NaN (a value something is measured from).
FiniteFloat: TypeAlias = Annotated[float, Strict(), Field(allow_inf_nan=False)]
#: A year, as dates are written (``YYYY``): a horizon, a baseline's year.
Year: TypeAlias = Annotated[int, Strict(), Field(ge=1, le=9999)]
Slug: TypeAlias = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")]
Text: TypeAlias = Annotated[str, Field(min_length=1)]


def _iso_date(value: object) -> object:
    """Accept ISO dates written as text (JSON and quoted YAML); reject other strings clearly."""
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")
        return date.fromisoformat(value)
    return value


IsoDate: TypeAlias = Annotated[date, BeforeValidator(_iso_date)]


def _to_unit(value: object) -> object:
    if isinstance(value, str):
        return parse_unit(value)
    if isinstance(value, dict) and "text" in value:
        return parse_unit(str(value["text"]))
    return value


#: A unit written as its verbatim text in files, parsed into a :class:`~kh922core.Unit`.
UnitField: TypeAlias = Annotated[
    Unit,
    BeforeValidator(_to_unit),
    PlainSerializer(lambda u: u.text, return_type=str),
    WithJsonSchema({"type": "string", "minLength": 1, "description": "unit text as printed"}),
]


def _to_deadline(value: object) -> object:
    return parse_deadline(value) if isinstance(value, str) else value


DeadlineField: TypeAlias = Annotated[
    Deadline,
    BeforeValidator(_to_deadline),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema({"type": "string", "minLength": 1, "description": "deadline text as printed"}),
]


class FrozenModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
