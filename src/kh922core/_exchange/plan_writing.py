"""An import written as files: the plan file and, beside it, the agency file it names.

The plan file is :func:`kh922core.dump_plan`'s text with the agencies in a file of their own
(``PLAN.agencies.yaml``: the registry's agencies, the spellings the cells use, and the drafts,
each marked), a header that lists every problem of the import, and each inference written as a
comment beside the item it concerns (``direction: "lower_is_better"`` and why), so that a
reviewer sees what to check where it is.  ``load_plan`` and ``kh922 validate`` read both at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kh922core._exchange.importing import ImportResult
from kh922core._plans import dump_plan, quoted_yaml
from kh922core.errors import MissingFileError, TableImportError

__all__ = ["agency_file_text", "plan_file_text", "write_import"]

_ITEM = re.compile(r'^(\s*)- id: "([^"]*)"')
_KEY = re.compile(r"^([a-z_]+):")


def _comment(text: str) -> str:
    return " ".join(text.split())


def agency_file_text(result: ImportResult) -> str:
    """The agency file: the plan's agencies, with the spellings found and the drafts marked."""
    agencies: list[dict[str, Any]] = []
    for agency in result.plan.agencies:
        data = agency.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        extra = result.aliases.get(agency.id, ())
        if extra:
            data["aliases"] = [*data.get("aliases", []), *extra]
        agencies.append(data)
    body = quoted_yaml(
        {"schema_version": 1, "province": result.plan.province.name, "agencies": agencies}
    )
    drafts = set(result.drafts)
    lines = [
        f"# Agency registry for {result.plan.province.name}, written by kh922 import from "
        f"{result.source}.",
        f"# {len(drafts)} draft agencies (marked DRAFT) were not in the registry given: check "
        "each name and level, and add",
        "# its 2025 successions; keep the ids of bodies every province has (so-khcn, so-noi-vu …).",
        "",
    ]
    for line in body.splitlines():
        found = _ITEM.match(line)
        if found is not None and found.group(2) in drafts:
            line += "   # DRAFT"
        lines.append(line)
    return "\n".join(lines) + "\n"


def plan_file_text(result: ImportResult, agency_file: str) -> str:
    """The plan file: ``dump_plan``'s text naming ``agency_file``, with the problems listed
    at its top and each inference beside its item."""
    text = dump_plan(result.plan)
    kept: list[str] = []
    section = ""
    skipping = False
    notes = result.notes
    for line in text.splitlines():
        key = _KEY.match(line)
        if key is not None:
            section = key.group(1)
            skipping = section == "agencies"
            if skipping:
                kept.append(f'agencies: "{agency_file}"')
                continue
            said = notes.get(("plan", section))
            kept.append(f"{line}   # CHECK: {_comment('; '.join(said))}" if said else line)
            continue
        if skipping:
            continue
        item = _ITEM.match(line)
        said = notes.get((section, item.group(2))) if item is not None else None
        kept.append(f"{line}   # {_comment('; '.join(said))}" if said else line)
    count = len(result.problems)
    head = [
        f"# Draft plan written by kh922 import from {result.source}: "
        f"{len(result.plan.indicators)} indicators, {len(result.plan.targets)} targets, "
        f"{len(result.plan.tasks)} tasks.",
        "# Check the lines marked CHECK and the comments beside indicators and tasks, then run",
        "#   kh922 validate THIS_FILE",
    ]
    if count:
        head.append(
            f"# {count} cell{'s' if count != 1 else ''} of the appendix are NOT in this "
            "file (fix them here, or in the appendix and import again):"
        )
        head += [f"#   {_comment(str(problem))}" for problem in result.problems]
    return "\n".join([*head, "", *kept]) + "\n"


def write_import(
    result: ImportResult, path: str | Path, *, force: bool = False
) -> tuple[Path, Path]:
    """Write an import as a plan file and the agency file beside it (``PLAN.agencies.yaml``).

    Args:
        result: What :func:`kh922core.import_tables` returned.
        path: The plan file to write (``.yaml``).
        force: Write over files that exist.

    Returns:
        The plan file and the agency file written.

    Raises:
        TableImportError: A file exists and ``force`` is not given.
        MissingFileError: The folder to write in does not exist.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise MissingFileError(
            f"no folder {str(path.parent)!r} to write {path.name} in: create it first",
            str(path.parent),
        )
    agencies = path.with_name(f"{path.stem}.agencies.yaml")
    for target in (path, agencies):
        if target.exists() and not force:
            raise TableImportError(
                f"{target} exists: give another file with -o, or --force to write over it"
            )
    agencies.write_text(agency_file_text(result), encoding="utf-8")
    path.write_text(plan_file_text(result, agencies.name), encoding="utf-8")
    return path, agencies
