"""Loading plan files (interim loader: YAML/JSON via safe_load; the strict loader replaces it)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kh922core._models import Plan

__all__ = ["available_plans", "load_plan"]

_BUILTIN = "ben-tre-922-2025"


def _plans_dir() -> Path:
    return Path(str(resources.files("kh922core") / "data" / "plans"))


def available_plans() -> list[str]:
    """Ids of the plans shipped with the library."""
    return sorted(p.stem.replace("_", "-") for p in _plans_dir().glob("*.yaml"))


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.safe_load(text)


def load_plan(source: str | Path | None = None) -> Plan:
    """Load a plan: the built-in one by default, a shipped one by id, or any plan file."""
    if source is None:
        source = _BUILTIN
    path = Path(source)
    if not path.exists() and str(source) in available_plans():
        path = _plans_dir() / (str(source).replace("-", "_") + ".yaml")
    data = _read(path)
    agencies = data.get("agencies")
    if isinstance(agencies, str):
        registry = _read(path.parent / agencies)
        data = {**data, "agencies": registry["agencies"]}
    return Plan.model_validate(data)
