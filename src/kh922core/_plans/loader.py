"""Loading and checking plan files and agency files.

:func:`load_plan` reads a plan file (YAML or JSON) strictly (see
:mod:`kh922core._plans.strict_yaml`), reads the agency registry it points to, validates
everything against the typed model and the cross-checks, and raises one
:class:`~kh922core.PlanValidationError` that lists *every* problem with its file, line, column,
field path, bad value and what was expected (worded by :mod:`kh922core._plans.file_problems`).
Writing a plan back is :mod:`kh922core._plans.dumping`; the shipped plans are listed by
:mod:`kh922core._plans.shipped`.

The files a plan names (its agency file, its wording files) must lie in the plan's folder or
below it, or in the library's data folder, unless the caller passes ``allow_outside=True``.
:func:`load_plan` keeps the plans it loaded, keyed by the bytes of every file they were read
from: any change to any of them is seen, whatever its size and time stamp.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kh922core._plans.agencies import AgencyFile, AgencyRegistry
from kh922core._plans.cross_checks import CROSS_PROBLEMS, CrossProblem, cross_problems
from kh922core._plans.file_problems import (
    Sources,
    add_cross_problem,
    add_pydantic_error,
    ordered_problems,
)
from kh922core._plans.model import Plan
from kh922core._plans.shipped import (
    available_plans,
    data_dir,
    default_plan,
    in_allowed_place,
    shipped_plan,
)
from kh922core._plans.strict_yaml import read_bytes, read_document
from kh922core._targets import add_target_phrases, add_unit_texts
from kh922core.errors import (
    MissingFileError,
    PlanNotFoundError,
    PlanValidationError,
    UnitError,
    ValidationProblem,
    WordingError,
)

__all__ = [
    "check_agency_file",
    "check_plan_file",
    "load_agencies",
    "load_plan",
]

#: Target fields that are computed from the text and must not be written in a file.
_COMPUTED_TARGET_FIELDS = ("spec", "cohort_at_adoption", "approximate_tolerance")


def _resolve(source: str | Path | None) -> Path:
    if source is None:
        return default_plan().plan_path
    path = Path(source)
    if path.is_file():
        return path
    if isinstance(source, str) and source in available_plans():
        return shipped_plan(source).plan_path
    shipped = ", ".join(available_plans())
    raise PlanNotFoundError(
        f"no plan file {str(source)!r} (and no shipped plan of that id; shipped: {shipped})"
    )


def _outside(
    sources: Sources, where: tuple[str | int, ...], what: str, name: str, path: Path
) -> None:
    sources.add(
        where,
        f"the {what} {name!r} is outside the plan's folder: a plan may name files only in its "
        "own folder (or below it) or in the library's data folder; to read it all the same, "
        "pass allow_outside=True",
        json.dumps(name, ensure_ascii=False),
    )


def _check_agency_file(
    sources: Sources, data: dict[str, Any], base: Path, allow_outside: bool
) -> Any:
    """Read the agency file the plan points to; return its agencies (raw) or ``None``."""
    reference = data["agencies"]
    path = base / reference
    if not (allow_outside or in_allowed_place(path, base)):
        _outside(sources, ("agencies",), "agency file", reference, path)
        return None
    if not path.exists():
        sources.add(
            ("agencies",),
            f"the agency file {reference!r} does not exist (looked for {path.resolve()}); "
            "the path is relative to the plan file",
            json.dumps(reference, ensure_ascii=False),
        )
        return None
    display = os.path.normpath(Path(sources.plan.file).parent / reference)
    document = read_document(path, display)
    sources.agencies = document
    if document.digest is not None:
        sources.read.append((path, document.digest))
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
            add_pydantic_error(sources, AgencyFile, item)
        for problem in cross_problems(document.data):
            add_cross_problem(sources, problem)
        return None
    for problem in sink:
        add_cross_problem(sources, problem)
    if len(sources.problems) > before:
        return None
    sources.registry = AgencyRegistry(registry.agencies)
    return document.data.get("agencies")


def _add_wording(
    sources: Sources, wording: dict[str, Any], base: Path, allow_outside: bool
) -> None:
    """Layer the plan's own wording files on the shipped tables, before its targets are read."""
    adders = {"target_phrases": add_target_phrases, "unit_texts": add_unit_texts}
    for key, add in adders.items():
        names = wording.get(key)
        for index, name in enumerate(names if isinstance(names, list) else ()):
            if not isinstance(name, str):
                continue  # the model reports the type
            where = ("wording", key, index)
            path = base / name
            if not (allow_outside or in_allowed_place(path, base)):
                _outside(sources, where, "wording file", name, path)
                continue
            raw = read_bytes(path) if path.exists() else None
            if raw is None:
                sources.add(
                    where,
                    f"the wording file {name!r} does not exist (looked for {path}); "
                    "the path is relative to the plan file",
                    json.dumps(name, ensure_ascii=False),
                )
                continue
            if isinstance(raw, str):
                sources.add(where, f"the wording file {name!r}: {raw}")
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                sources.add(where, f"the wording file {name!r} is not UTF-8 text; save it as UTF-8")
                continue
            sources.read.append((path, hashlib.sha256(raw).digest()))
            try:
                add(path)
            except MissingFileError:
                sources.add(where, f"the wording file {name!r} cannot be read")
            except (WordingError, UnitError) as error:
                sources.add(where, str(error))


def _validate(sources: Sources, base: Path, allow_outside: bool) -> Plan | None:
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
    if isinstance(data.get("wording"), dict):
        _add_wording(sources, data["wording"], base, allow_outside)
    if isinstance(data.get("agencies"), str):
        agencies = _check_agency_file(sources, data, base, allow_outside)
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
            add_pydantic_error(sources, Plan, item)
        for problem in cross_problems(data):
            add_cross_problem(sources, problem)
        return None
    for problem in sink:
        add_cross_problem(sources, problem)
    return plan if not sources.problems else None


def _check(
    path: Path, file: str | None, allow_outside: bool
) -> tuple[Plan | None, list[ValidationProblem], list[tuple[Path, bytes]]]:
    sources = Sources(read_document(path, str(path) if file is None else file))
    if sources.plan.digest is not None:
        sources.read.append((path, sources.plan.digest))
    sources.problems.extend(sources.plan.problems)
    plan = None
    if not sources.plan.problems:
        plan = _validate(sources, path.parent, allow_outside)
    return plan, ordered_problems(sources), sources.read


def check_plan_file(
    path: str | Path, *, file: str | None = None, allow_outside: bool = False
) -> tuple[Plan | None, list[ValidationProblem]]:
    """Read and validate a plan file; return the plan (or ``None``) and every problem found.

    Args:
        path: The plan file (``.yaml``/``.yml`` or ``.json``).
        file: The name to use in messages; default the path as given.
        allow_outside: Read an agency file or wording file the plan names even when it lies
            outside the plan's folder (and outside the library's data folder).

    Returns:
        ``(plan, [])`` for a valid file, ``(None, problems)`` otherwise.
    """
    plan, problems, _ = _check(Path(path), file, allow_outside)
    return plan, problems


@dataclass(frozen=True, slots=True)
class _Loaded:
    """A plan loaded, and the digest of the bytes of every file it was read from."""

    inputs: tuple[tuple[Path, bytes], ...]
    plan: Plan


_CACHE: dict[tuple[str, bool], _Loaded] = {}


def _unchanged(inputs: tuple[tuple[Path, bytes], ...]) -> bool:
    for path, digest in inputs:
        raw = read_bytes(path)
        if isinstance(raw, str) or hashlib.sha256(raw).digest() != digest:
            return False
    return True


def load_plan(source: str | Path | None = None, *, allow_outside: bool = False) -> Plan:
    """Load a plan: the built-in one, a shipped one by id, or any plan file (YAML or JSON).

    The file is read strictly: values are never converted silently, unknown keys are refused
    with a "did you mean", and every problem of the file (and of its agency file) is collected
    into one :class:`~kh922core.PlanValidationError`.  A plan file may name an agency file and
    wording files in its own folder (or below it), or in the library's data folder;
    ``allow_outside=True`` lifts that rule.  A plan loaded again is taken from memory as long
    as none of its files has changed (their bytes are compared, not their time stamps).

    Args:
        source: ``None`` for the built-in plan (Bến Tre, 922/KH-UBND), the id of a shipped plan
            (see :func:`available_plans`), or the path of a plan file.
        allow_outside: Read the files the plan names even outside its folder.

    Returns:
        The validated plan.

    Raises:
        PlanValidationError: When the file has problems; ``problems`` lists them all, each with
            file, line, column, field path, message and value.
        FileNotFoundError: When ``source`` is neither a file nor a shipped plan.

    Examples:
        >>> from kh922core import load_plan
        >>> plan = load_plan()
        >>> plan.number, len(plan.targets), len(plan.tasks), len(plan.task_groups)
        ('922/KH-UBND', 38, 44, 7)
    """
    path = _resolve(source)
    key = (str(path.resolve()), allow_outside)
    cached = _CACHE.get(key)
    if cached is not None and _unchanged(cached.inputs):
        return cached.plan
    plan, problems, inputs = _check(path, None, allow_outside)
    if plan is None:
        raise PlanValidationError(problems)
    if len(_CACHE) >= 16:
        _CACHE.clear()
    _CACHE[key] = _Loaded(tuple(inputs), plan)
    return plan


def check_agency_file(
    path: str | Path, *, file: str | None = None
) -> tuple[AgencyRegistry | None, list[ValidationProblem]]:
    """Read and validate an agency file; return the registry (or ``None``) and every problem."""
    path = Path(path)
    document = read_document(path, str(path) if file is None else file)
    sources = Sources(document, document)
    sources.problems.extend(document.problems)
    if document.data is None:
        if not sources.problems:
            sources.add((), "the file is empty; an agency file starts with 'schema_version: 1'")
        return None, ordered_problems(sources)
    sink: list[CrossProblem] = []
    try:
        registry = AgencyFile.model_validate(document.data, context={CROSS_PROBLEMS: sink})
    except ValidationError as error:
        for item in error.errors(include_url=False):
            add_pydantic_error(sources, AgencyFile, item)
        if isinstance(document.data, dict):
            for problem in cross_problems(document.data):
                add_cross_problem(sources, problem)
        return None, ordered_problems(sources)
    for problem in sink:
        add_cross_problem(sources, problem)
    if sources.problems:
        return None, ordered_problems(sources)
    return AgencyRegistry(registry.agencies), []


def load_agencies(source: str | Path | None = None) -> AgencyRegistry:
    """Load an agency registry file (by default the registry of the default shipped plan).

    Args:
        source: ``None``, the id of a shipped plan (its registry), the name of a shipped
            registry (``"ben_tre"``) or a path.

    Raises:
        PlanValidationError: When the file has problems (all of them are listed).
        FileNotFoundError: When there is no such file or shipped registry.

    Examples:
        >>> from kh922core import load_agencies
        >>> load_agencies().find("Sở TT&TT").successors[0].agency
        'so-khcn'
    """
    if source is None:
        source = default_plan().agencies_path
    elif isinstance(source, str) and source in available_plans():
        source = shipped_plan(source).agencies_path
    path = Path(source)
    if not path.is_file():
        shipped = data_dir() / "agencies" / f"{source}.yaml"
        if not shipped.is_file():
            raise PlanNotFoundError(f"no agency file {str(source)!r}")
        path = shipped
    registry, problems = check_agency_file(path)
    if registry is None:
        raise PlanValidationError(problems)
    return registry
