"""Writing a plan back as a plan file's text (YAML or JSON)."""

from __future__ import annotations

import json
from typing import Any, Literal

import yaml

from kh922core._plans.model import Plan

__all__ = ["dump_plan", "quoted_yaml"]


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
        >>> from kh922core import load_plan
        >>> print(dump_plan(load_plan()).splitlines()[1])
        id: "ben-tre-922-2025"
    """
    data = plan.model_dump(mode="json", by_alias=True)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format != "yaml":
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    return quoted_yaml(data)


def quoted_yaml(data: object) -> str:
    """``data`` as YAML the way plan files are written: every text in double quotes, keys in
    their order, Unicode as it is, no line folding."""
    text: str = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return text
