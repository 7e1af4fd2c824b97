"""Loading, checking and writing plan files.

:func:`load_plan` reads a plan file (YAML or JSON) strictly (see
:mod:`kh922core._plans.strict_yaml`), reads the agency registry it points to, validates
everything against the typed model and the cross-checks, and raises one
:class:`~kh922core.PlanValidationError` that lists *every* problem with its file, line, column,
field path, bad value and what was expected.
"""

from __future__ import annotations

import json
import os
import re
import typing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError

from kh922core._plans.agencies import AgencyFile, AgencyRegistry
from kh922core._plans.cross_checks import CROSS_PROBLEMS, CrossProblem, cross_problems
from kh922core._plans.model import Plan
from kh922core._plans.strict_yaml import Document, Mark, PathKey, format_path, read_document
from kh922core._text import did_you_mean
from kh922core.errors import PlanNotFoundError, PlanValidationError, ValidationProblem

__all__ = [
    "available_plans",
    "check_agency_file",
    "check_plan_file",
    "dump_plan",
    "load_agencies",
    "load_plan",
]

_BUILTIN = "ben-tre-922-2025"
_BUILTIN_AGENCIES = "ben_tre"
#: Target fields that are computed from the text and must not be written in a file.
_COMPUTED_TARGET_FIELDS = ("spec", "cohort_at_adoption", "approximate_tolerance")
_AGENCY_FIELDS = frozenset(
    {"lead_agencies", "cooperating_agencies", "issuer", "recipient", "via", "agency"}
)


def _data_dir() -> Path:
    return Path(str(resources.files("kh922core") / "data"))


def _plans_dir() -> Path:
    return _data_dir() / "plans"


def available_plans() -> list[str]:
    """Ids of the plans shipped with the library.

    Examples:
        >>> from kh922core._plans.loader import available_plans
        >>> available_plans()
        ['ben-tre-922-2025']
    """
    return sorted(p.stem.replace("_", "-") for p in _plans_dir().glob("*.yaml"))


def _resolve(source: str | Path | None) -> Path:
    if source is None:
        source = _BUILTIN
    path = Path(source)
    if path.is_file():
        return path
    if isinstance(source, str) and source in available_plans():
        return _plans_dir() / (source.replace("-", "_") + ".yaml")
    shipped = ", ".join(available_plans())
    raise PlanNotFoundError(
        f"no plan file {str(source)!r} (and no shipped plan of that id; shipped: {shipped})"
    )


# ---------------------------------------------------------------------------------------------
# Turning pydantic errors into problems officials can act on
# ---------------------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated``, ``X | None`` and ``tuple[X, ...]`` down to the model or type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
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
    """The value as the file shows it: ``"2030"`` (quoted), ``08`` (plain)."""
    if mark is not None and mark.raw is not None:
        return f'"{mark.raw}"' if mark.quoted else (mark.raw or "(empty)")
    if value is None:
        return "(empty)"
    if isinstance(value, str | int | float | bool):
        return json.dumps(value, ensure_ascii=False)
    return None


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
class _Sources:
    """The plan document and (when the plan points to one) its agency document."""

    plan: Document
    agencies: Document | None = None
    problems: list[ValidationProblem] = field(default_factory=list)
    registry: AgencyRegistry | None = None

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


def _agency_hint(sources: _Sources, path: PathKey, value: object) -> str:
    if sources.registry is None or not isinstance(value, str):
        return ""
    if not any(part in _AGENCY_FIELDS for part in path if isinstance(part, str)):
        return ""
    try:
        agency = sources.registry.find(value)
    except KeyError:
        return ""
    return f"; {value!r} is the agency {agency.id!r}: write its id"


def _pydantic_problem(
    sources: _Sources, root: type[BaseModel], error: Any, prefix: PathKey = ()
) -> None:
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


def _cross_problem(sources: _Sources, problem: CrossProblem) -> None:
    if format_path(problem.path) in {p.path for p in sources.problems}:
        return  # the value itself is already reported (e.g. not an id at all)
    mark = sources.mark(problem.path)
    sources.add(problem.path, problem.message, _written(mark, problem.value))


def _check_agency_file(sources: _Sources, data: dict[str, Any], base: Path) -> Any:
    """Read the agency file the plan points to; return its agencies (raw) or ``None``."""
    reference = data["agencies"]
    path = (base / reference).resolve() if not Path(reference).is_absolute() else Path(reference)
    if not path.is_file():
        sources.add(
            ("agencies",),
            f"the agency file {reference!r} does not exist (looked for {path}); "
            "the path is relative to the plan file",
            json.dumps(reference, ensure_ascii=False),
        )
        return None
    display = os.path.normpath(Path(sources.plan.file).parent / reference)
    document = read_document(path, display)
    sources.agencies = document
    before = len(sources.problems)
    sources.problems.extend(document.problems)
    if document.data is None:
        return None
    if not isinstance(document.data, dict):
        sources.add(("agencies", 0), "an agency file is a block with the key 'agencies'")
        return None
    sink: list[CrossProblem] = []
    try:
        registry = AgencyFile.model_validate(document.data, context={CROSS_PROBLEMS: sink})
    except ValidationError as error:
        for item in error.errors(include_url=False):
            _pydantic_problem(sources, AgencyFile, item)
        for problem in cross_problems(document.data):
            _cross_problem(sources, problem)
        return None
    for problem in sink:
        _cross_problem(sources, problem)
    if len(sources.problems) > before:
        return None
    sources.registry = AgencyRegistry(registry.agencies)
    return document.data.get("agencies")


def _validate(sources: _Sources, base: Path) -> Plan | None:
    data = sources.plan.data
    if data is None:
        if not sources.problems:
            sources.add((), "the file is empty; a plan starts with 'schema_version: 1'")
        return None
    if not isinstance(data, dict):
        sources.add((), "a plan file is a block of fields (schema_version, id, number, …)")
        return None
    for index, target in enumerate(data.get("targets") or ()):
        if isinstance(target, dict):
            for name in _COMPUTED_TARGET_FIELDS:
                if name in target:
                    sources.add(
                        ("targets", index, name),
                        f"unknown field {name!r}: it is computed from 'text', do not write it",
                        key=True,
                    )
    data = dict(data)
    if isinstance(data.get("agencies"), str):
        agencies = _check_agency_file(sources, data, base)
        data["agencies"] = agencies if agencies is not None else []
    elif isinstance(data.get("agencies"), list):
        inline = [a for a in data["agencies"] if isinstance(a, dict)]
        try:
            sources.registry = AgencyRegistry(
                AgencyFile.model_validate({"agencies": inline}).agencies
            )
        except (ValidationError, ValueError):
            sources.registry = None
    for index, target in enumerate(data.get("targets") or ()):
        if isinstance(target, dict) and any(n in target for n in _COMPUTED_TARGET_FIELDS):
            data["targets"] = list(data["targets"])
            data["targets"][index] = {
                k: v for k, v in target.items() if k not in _COMPUTED_TARGET_FIELDS
            }
    sink: list[CrossProblem] = []
    try:
        plan = Plan.model_validate(data, context={CROSS_PROBLEMS: sink})
    except ValidationError as error:
        for item in error.errors(include_url=False):
            _pydantic_problem(sources, Plan, item)
        for problem in cross_problems(data):
            _cross_problem(sources, problem)
        return None
    for problem in sink:
        _cross_problem(sources, problem)
    return plan if not sources.problems else None


def _ordered(sources: _Sources) -> list[ValidationProblem]:
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


def check_plan_file(
    path: str | Path, *, file: str | None = None
) -> tuple[Plan | None, list[ValidationProblem]]:
    """Read and validate a plan file; return the plan (or ``None``) and every problem found.

    Args:
        path: The plan file (``.yaml``/``.yml`` or ``.json``).
        file: The name to use in messages; default the path as given.

    Returns:
        ``(plan, [])`` for a valid file, ``(None, problems)`` otherwise.
    """
    path = Path(path)
    sources = _Sources(read_document(path, str(path) if file is None else file))
    sources.problems.extend(sources.plan.problems)
    plan = _validate(sources, path.parent) if not sources.plan.problems else None
    return plan, _ordered(sources)


_CACHE: dict[tuple[str, int, int], Plan] = {}


def _cache_key(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.resolve().stat()
    except OSError:
        return None
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def load_plan(source: str | Path | None = None) -> Plan:
    """Load a plan: the built-in one, a shipped one by id, or any plan file (YAML or JSON).

    The file is read strictly: values are never converted silently, unknown keys are refused
    with a "did you mean", and every problem of the file (and of its agency file) is collected
    into one :class:`~kh922core.PlanValidationError`.

    Args:
        source: ``None`` for the built-in plan (Bến Tre, 922/KH-UBND), the id of a shipped plan
            (see :func:`available_plans`), or the path of a plan file.

    Returns:
        The validated plan.

    Raises:
        PlanValidationError: When the file has problems; ``problems`` lists them all, each with
            file, line, column, field path, message and value.
        FileNotFoundError: When ``source`` is neither a file nor a shipped plan.

    Examples:
        >>> from kh922core._plans.loader import load_plan
        >>> plan = load_plan()
        >>> plan.number, len(plan.targets), len(plan.tasks), len(plan.task_groups)
        ('922/KH-UBND', 38, 44, 7)
    """
    path = _resolve(source)
    key = _cache_key(path)
    cached = _CACHE.get(key) if key is not None else None
    if cached is not None:
        return cached
    plan, problems = check_plan_file(path)
    if plan is None:
        raise PlanValidationError(problems)
    if key is not None:
        if len(_CACHE) >= 16:
            _CACHE.clear()
        _CACHE[key] = plan
    return plan


def check_agency_file(
    path: str | Path, *, file: str | None = None
) -> tuple[AgencyRegistry | None, list[ValidationProblem]]:
    """Read and validate an agency file; return the registry (or ``None``) and every problem."""
    path = Path(path)
    document = read_document(path, str(path) if file is None else file)
    sources = _Sources(document, document)
    sources.problems.extend(document.problems)
    if document.data is None:
        if not sources.problems:
            sources.add((), "the file is empty; an agency file starts with 'schema_version: 1'")
        return None, _ordered(sources)
    sink: list[CrossProblem] = []
    try:
        registry = AgencyFile.model_validate(document.data, context={CROSS_PROBLEMS: sink})
    except ValidationError as error:
        for item in error.errors(include_url=False):
            _pydantic_problem(sources, AgencyFile, item)
        if isinstance(document.data, dict):
            for problem in cross_problems(document.data):
                _cross_problem(sources, problem)
        return None, _ordered(sources)
    for problem in sink:
        _cross_problem(sources, problem)
    if sources.problems:
        return None, _ordered(sources)
    return AgencyRegistry(registry.agencies), []


def load_agencies(source: str | Path | None = None) -> AgencyRegistry:
    """Load an agency registry file (by default the shipped Bến Tre registry).

    Args:
        source: ``None``, the name of a shipped registry (``"ben_tre"``) or a path.

    Raises:
        PlanValidationError: When the file has problems (all of them are listed).
        FileNotFoundError: When there is no such file or shipped registry.

    Examples:
        >>> from kh922core._plans.loader import load_agencies
        >>> load_agencies().find("Sở TT&TT").successors[0].agency
        'so-khcn'
    """
    if source is None:
        source = _BUILTIN_AGENCIES
    path = Path(source)
    if not path.is_file():
        shipped = _data_dir() / "agencies" / f"{source}.yaml"
        if not shipped.is_file():
            raise PlanNotFoundError(f"no agency file {str(source)!r}")
        path = shipped
    registry, problems = check_agency_file(path)
    if registry is None:
        raise PlanValidationError(problems)
    return registry


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Writes every text in double quotes, so that no reader can take it for a number."""


def _quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


def _mapping(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.MappingNode:
    pairs = [
        (dumper.represent_scalar("tag:yaml.org,2002:str", key), dumper.represent_data(value))
        for key, value in data.items()
    ]
    return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)


_Dumper.add_representer(str, _quoted)
_Dumper.add_representer(dict, _mapping)


def dump_plan(plan: Plan, format: Literal["yaml", "json"] = "yaml") -> str:
    """Write a plan as a plan file's text; loading it gives back an equal plan.

    The agencies are written inline (a list), computed fields (a target's parsed ``spec``) are
    left out, every text is double-quoted and dates are ISO texts.

    Args:
        plan: The plan.
        format: ``"yaml"`` (default) or ``"json"``.

    Returns:
        The text of the file.

    Examples:
        >>> from kh922core._plans.loader import load_plan
        >>> print(dump_plan(load_plan()).splitlines()[1])
        id: "ben-tre-922-2025"
    """
    data = plan.model_dump(mode="json", by_alias=True)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format != "yaml":
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    text: str = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return text
