"""Problems of a plan or agency file, located and worded for the officials who fix them.

Turns pydantic's errors and the cross-checks' problems into
:class:`~kh922core.ValidationProblem` s, each with its file, line, column, field path, the value
as the file shows it and what was expected.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kh922core._plans.agencies import AgencyRegistry
from kh922core._plans.cross_checks import CrossProblem
from kh922core._plans.strict_yaml import Document, Mark, PathKey, format_path
from kh922core._text import did_you_mean
from kh922core.errors import ValidationProblem

__all__ = [
    "Sources",
    "add_cross_problem",
    "add_pydantic_error",
    "ordered_problems",
]

#: The longest value a problem shows in full.
_LONGEST_VALUE = 200
_AGENCY_FIELDS = frozenset(
    {"lead_agencies", "cooperating_agencies", "issuer", "recipient", "via", "agency"}
)


# ---------------------------------------------------------------------------------------------
# Turning pydantic errors into problems officials can act on
# ---------------------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated``, ``X | None`` (``Model | Literal[...]``) and ``tuple[X, ...]`` down to
    the model or type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if len(args) == 1 or len(models) == 1:  # a model or a word (change: level)
                annotation = args[0] if len(args) == 1 else models[0]
                continue
        return annotation


def _model_at(root: type[BaseModel], path: PathKey) -> type[BaseModel] | None:
    """The model class of the value at ``path`` (``None`` when it is not a model)."""
    current: Any = root
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            if typing.get_origin(current) in (tuple, list):
                current = typing.get_args(current)[0]
                continue
            return None
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = next(
            (f for n, f in current.model_fields.items() if part in (n, f.alias)),
            None,
        )
        if info is None:
            return None
        current = info.annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or n for n, f in model.model_fields.items() if not f.exclude]


def _written(mark: Mark | None, value: object) -> str | None:
    """The value as the file shows it: ``"2030"`` (quoted), ``08`` (plain); a long one cut.

    Examples:
        >>> _written(Mark(1, 1, "08"), None), _written(Mark(1, 1, "2030", True), None)
        ('08', '"2030"')
        >>> written = _written(Mark(1, 1, "x" * 300, True), None)
        >>> len(written), written[-22:]
        (98, 'xxxx… (302 characters)')
    """
    if mark is not None and mark.raw is not None:
        written = f'"{mark.raw}"' if mark.quoted else (mark.raw or "(empty)")
    elif value is None:
        return "(empty)"
    elif isinstance(value, str | int | float | bool):
        written = json.dumps(value, ensure_ascii=False)
    else:
        return None
    if len(written) > _LONGEST_VALUE:
        written = f"{written[:80]}… ({len(written):,} characters)"
    return written


def _number_hint(mark: Mark | None, value: object, whole: bool) -> str:
    kind = "a whole number" if whole else "a number such as 0.05"
    raw = mark.raw if mark is not None and mark.raw is not None else None
    if isinstance(value, bool):
        return f"expected {kind}, but {raw or value} is read as yes/no"
    if value is None:
        return f"expected {kind}, but the value is empty"
    if isinstance(value, float) and whole:
        return f"expected a whole number, got the decimal number {raw or value}"
    text = raw if raw is not None else str(value)
    if mark is not None and mark.quoted:
        try:
            float(text.replace(",", "."))
        except ValueError:
            return f"expected {kind}, got the text {text!r}"
        return (
            f"expected {kind}; {text!r} is in quotes, which makes it text: write it without quotes"
        )
    stripped = text.lstrip("+-")
    if stripped[:1] == "0" and stripped[1:2].isdigit() and stripped.isdigit():
        return (
            f"expected {kind}; {text} starts with 0, which makes it text: "
            f"write {int(text)} without the leading 0"
        )
    if re.fullmatch(r"[-+]?\d+(?:\.\d*)?[eE][-+]?\d+", text):
        return (
            f"expected {kind}; {text} is read as text, not as a power of ten: "
            f"write {float(text):g} in full"
        )
    if "," in text and text.replace(",", "", 1).lstrip("+-").isdigit():
        return (
            f"expected {kind}; write the decimal point as '.', not ',' ({text.replace(',', '.')})"
        )
    return f"expected {kind}, got the text {text!r}"


def _quoted_values(expected: str) -> list[str]:
    values: list[str] = []
    for part in expected.replace(" or ", ", ").split(", "):
        part = part.strip()
        if len(part) >= 2 and part[0] == part[-1] and part[0] in "'\"":
            values.append(part[1:-1])
        elif part:
            values.append(part)
    return values


@dataclass
class Sources:
    """The plan document and (when the plan points to one) its agency document.

    ``read`` lists every file read and the SHA-256 of its bytes (what the loader's memory of
    plans is keyed on).
    """

    plan: Document
    agencies: Document | None = None
    problems: list[ValidationProblem] = field(default_factory=list)
    registry: AgencyRegistry | None = None
    read: list[tuple[Path, bytes]] = field(default_factory=list)

    def document_for(self, path: PathKey) -> Document:
        if self.agencies is not None and len(path) > 1 and path[0] == "agencies":
            return self.agencies
        return self.plan

    def mark(self, path: PathKey) -> Mark | None:
        return self.document_for(path).marks.get(path)

    def add(
        self, path: PathKey, message: str, value: str | None = None, *, key: bool = False
    ) -> None:
        document = self.document_for(path)
        line, column = document.locate(path, key=key)
        self.problems.append(
            ValidationProblem(document.file, line, column, format_path(path), message, value)
        )


def _agency_hint(sources: Sources, path: PathKey, value: object) -> str:
    if sources.registry is None or not isinstance(value, str):
        return ""
    if not any(part in _AGENCY_FIELDS for part in path if isinstance(part, str)):
        return ""
    try:
        agency = sources.registry.find(value)
    except KeyError:
        return ""
    return f"; {value!r} is the agency {agency.id!r}: write its id"


def add_pydantic_error(
    sources: Sources, root: type[BaseModel], error: Any, prefix: PathKey = ()
) -> None:
    """Report one of pydantic's errors at its line, worded for the person who fixes the file."""
    loc: PathKey = (*prefix, *error["loc"])
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    mark = sources.mark(loc)
    written = _written(mark, value)
    if kind == "missing":
        if loc[-1] == "spec":  # no indicator to read the text with: reported by the cross-checks
            return
        sources.add(loc, f"the required field {loc[-1]!r} is missing")
        return
    if kind == "extra_forbidden":
        names = _field_names(_model_at(root, loc[len(prefix) : -1]))
        hint = did_you_mean(str(loc[-1]), names)
        if not hint and names:
            hint = "; the fields allowed here are " + ", ".join(repr(n) for n in names)
        sources.add(loc, f"unknown field {loc[-1]!r}{hint}", key=True)
        return
    if loc[-1] == "spec" and kind == "value_error":
        text_path = (*loc[:-1], "text")
        text_mark = sources.mark(text_path)
        reason = str(ctx.get("error", error["msg"]))
        sources.add(text_path, f"cannot read this target: {reason}", _written(text_mark, None))
        return
    if kind in ("int_type", "int_parsing", "int_from_float"):
        message = _number_hint(mark, value, whole=True)
    elif kind in ("float_type", "float_parsing"):
        message = _number_hint(mark, value, whole=False)
    elif kind == "string_type":
        if isinstance(value, bool):
            message = f"expected text, but {written} is read as yes/no: put it in quotes"
        elif isinstance(value, int | float):
            message = f"expected text, but {written} is read as a number: put it in quotes"
        elif value is None:
            message = "expected text, but the value is empty"
        else:
            message = "expected text (a quoted string)"
    elif kind in ("literal_error", "enum"):
        allowed = _quoted_values(str(ctx.get("expected", "")))
        hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
        message = f"expected one of {', '.join(repr(a) for a in allowed)}{hint}"
    elif kind == "string_pattern_mismatch":
        message = (
            "expected an id made of lower-case letters a-z, digits and '-' (e.g. 'so-khcn')"
            + _agency_hint(sources, loc, value)
        )
    elif kind == "string_too_short":
        message = "this must not be empty"
    elif kind in ("tuple_type", "list_type"):
        message = "expected a list (lines starting with '- ', or [a, b])"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = "expected a block of fields ('key: value' lines)"
    elif kind.startswith("date") or (kind == "value_error" and "YYYY-MM-DD" in error["msg"]):
        message = "expected a date written YYYY-MM-DD, e.g. 2025-02-14"
    elif kind == "too_short" and "min_length" in ctx:
        message = f"expected at least {ctx['min_length']} entries"
    elif kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    else:
        message = str(error["msg"])
    sources.add(loc, message, written)


def add_cross_problem(sources: Sources, problem: CrossProblem) -> None:
    """Report a cross-check's problem at its line (unless the value is reported already)."""
    if format_path(problem.path) in {p.path for p in sources.problems}:
        return  # the value itself is already reported (e.g. not an id at all)
    mark = sources.mark(problem.path)
    sources.add(problem.path, problem.message, _written(mark, problem.value))


def ordered_problems(sources: Sources) -> list[ValidationProblem]:
    """Every problem once, file by file (plan first), in line and column order."""
    unique = list(dict.fromkeys(sources.problems))
    files = [sources.plan.file] + ([sources.agencies.file] if sources.agencies else [])
    return sorted(
        unique,
        key=lambda p: (
            files.index(p.file) if p.file in files else len(files),
            p.line or 0,
            p.column or 0,
        ),
    )
