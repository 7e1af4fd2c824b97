"""The plans shipped with the library, as listed by ``data/plans/manifest.yaml``.

The manifest names, for every shipped plan, its id, its plan file, its agency registry file, its
province and the legal document it is.  Shipping another province's plan is adding its plan file
and its registry file and one line to the manifest; nothing here changes.

Examples:
    >>> [(p.id, p.province) for p in shipped_plans()]
    [('ben-tre-922-2025', 'Bến Tre')]
    >>> shipped_plan("ben-tre-922-2025").plan_path.name
    'ben_tre_922_2025.yaml'
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from kh922core._plans.fields import FrozenModel, Slug, Text
from kh922core._plans.file_problems import Sources, add_pydantic_error, ordered_problems
from kh922core._plans.strict_yaml import read_document
from kh922core._text import did_you_mean
from kh922core.errors import PlanNotFoundError, PlanValidationError

__all__ = [
    "ShippedPlan",
    "available_plans",
    "data_dir",
    "default_plan",
    "in_allowed_place",
    "shipped_plan",
    "shipped_plans",
]

_MANIFEST = "manifest.yaml"


def data_dir() -> Path:
    """The folder of the library's data files (``kh922core/data``)."""
    return Path(str(resources.files("kh922core") / "data"))


def in_allowed_place(path: Path, folder: Path) -> bool:
    """Whether a plan in ``folder`` may name the file ``path`` without ``allow_outside``.

    A plan may name files in its own folder or below it, and the files shipped in the library's
    data folder (the shipped plans name their registry in ``../agencies/``).  Links are
    followed: a link in the folder that points elsewhere is elsewhere.

    Examples:
        >>> folder = Path("/srv/plans/mine")
        >>> in_allowed_place(folder / "agencies.yaml", folder)
        True
        >>> in_allowed_place(folder / "../other/agencies.yaml", folder)
        False
        >>> in_allowed_place(data_dir() / "agencies" / "ben_tre.yaml", folder)
        True
    """
    real = path.resolve()
    return any(real.is_relative_to(place.resolve()) for place in (folder, data_dir()))


def _plans_dir() -> Path:
    return data_dir() / "plans"


class ShippedPlan(FrozenModel):
    """One entry of the manifest: a plan shipped with the library.

    Attributes:
        id: The plan's id (the ``id`` its file gives it).
        file: The plan file, relative to ``data/plans/``.
        agencies: Its agency registry file, relative to ``data/plans/``.
        province: The province, as the plan names it.
        source: The legal document the plan is (number, date, issuer), in Vietnamese.
    """

    id: Slug
    file: Text
    agencies: Text
    province: Text
    source: Text

    @property
    def plan_path(self) -> Path:
        """Where the plan file is."""
        return _plans_dir() / self.file

    @property
    def agencies_path(self) -> Path:
        """Where the agency registry file is."""
        return (_plans_dir() / self.agencies).resolve()


class _Manifest(FrozenModel):
    schema_version: Literal[1] = 1
    default: Slug
    plans: tuple[ShippedPlan, ...] = Field(min_length=1)


def _check(sources: Sources, manifest: _Manifest) -> None:
    ids: dict[str, int] = {}
    for index, entry in enumerate(manifest.plans):
        if entry.id in ids:
            sources.add(
                ("plans", index, "id"),
                f"the plan id {entry.id!r} is listed twice (first at plans[{ids[entry.id]}])",
                entry.id,
            )
        ids.setdefault(entry.id, index)
        for key, path in (("file", entry.plan_path), ("agencies", entry.agencies_path)):
            if not path.is_file():
                sources.add(
                    ("plans", index, key),
                    f"there is no file {path.name!r} (looked for {path})",
                    str(getattr(entry, key)),
                )
    if manifest.default not in ids:
        sources.add(
            ("default",),
            f"the default plan {manifest.default!r} is not listed under 'plans'"
            + did_you_mean(manifest.default, list(ids)),
            manifest.default,
        )


@functools.cache
def _manifest() -> _Manifest:
    path = _plans_dir() / _MANIFEST
    document = read_document(path, str(path))
    sources = Sources(document)
    sources.problems.extend(document.problems)
    manifest = None
    if not document.problems:
        try:
            manifest = _Manifest.model_validate(document.data)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                add_pydantic_error(sources, _Manifest, item)
    if manifest is not None:
        _check(sources, manifest)
    if manifest is None or sources.problems:
        raise PlanValidationError(ordered_problems(sources))
    return manifest


def shipped_plans() -> tuple[ShippedPlan, ...]:
    """Every plan shipped with the library, in the manifest's order.

    Raises:
        PlanValidationError: When the manifest itself has problems.
    """
    return _manifest().plans


def available_plans() -> list[str]:
    """Ids of the plans shipped with the library.

    Examples:
        >>> from kh922core import available_plans
        >>> available_plans()
        ['ben-tre-922-2025']
    """
    return sorted(entry.id for entry in shipped_plans())


def shipped_plan(plan_id: str) -> ShippedPlan:
    """The shipped plan with this id.

    Raises:
        PlanNotFoundError: When no shipped plan has this id.
    """
    for entry in shipped_plans():
        if entry.id == plan_id:
            return entry
    shipped = ", ".join(available_plans())
    raise PlanNotFoundError(f"no shipped plan has the id {plan_id!r} (shipped: {shipped})")


def default_plan() -> ShippedPlan:
    """The plan loaded when none is named (the manifest's ``default``)."""
    return shipped_plan(_manifest().default)
