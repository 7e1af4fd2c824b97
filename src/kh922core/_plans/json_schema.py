"""JSON Schemas of the plan file and of the agency file, for editors and other tools.

The schemas are generated from the typed model.  Copies are shipped as
``kh922core/data/plan.schema.json`` and ``kh922core/data/agencies.schema.json`` (the plan files
point editors to them with a ``# yaml-language-server: $schema=...`` line).  A test holds the
copies equal to the generated schemas; regenerate them with::

    kh922 schema > src/kh922core/data/plan.schema.json
    kh922 schema --agencies > src/kh922core/data/agencies.schema.json

A schema checks the *shape* of a file (fields, types, patterns).  The strict loader checks more:
that target texts can be read, that units agree, that every id referred to exists.  Use
``kh922 validate`` for the whole check.
"""

from __future__ import annotations

import json
from typing import Any

from kh922core._plans.agencies import AgencyFile
from kh922core._plans.model import Plan

__all__ = ["agencies_json_schema", "plan_json_schema", "schema_text"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _first_paragraph(node: Any) -> None:
    """Keep only the first paragraph of every description (docstrings carry examples)."""
    if isinstance(node, dict):
        description = node.get("description")
        if isinstance(description, str):
            node["description"] = description.split("\n\n", 1)[0].strip()
        for value in node.values():
            _first_paragraph(value)
    elif isinstance(node, list):
        for value in node:
            _first_paragraph(value)


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (draft 2020-12).

    The ``agencies`` field accepts either the path of an agency file (as the shipped plan writes
    it) or the list of agencies itself.

    Examples:
        >>> from kh922core import plan_json_schema
        >>> schema = plan_json_schema()
        >>> schema["title"], schema["additionalProperties"]
        ('Plan', False)
        >>> [option.get("type") for option in schema["properties"]["agencies"]["anyOf"]]
        ['string', 'array']
    """
    schema = Plan.model_json_schema(mode="validation")
    properties = schema["properties"]
    inline = properties["agencies"]
    inline.pop("default", None)
    inline.pop("title", None)
    properties["agencies"] = {
        "title": "Agencies",
        "description": (
            "The agency registry: the path of an agency file, relative to this file "
            "(e.g. '../agencies/ben_tre.yaml'), or the list of agencies itself."
        ),
        "anyOf": [
            {"type": "string", "minLength": 1, "description": "path of an agency file"},
            inline,
        ],
    }
    _first_paragraph(schema)
    return {"$schema": _DIALECT, **schema}


def agencies_json_schema() -> dict[str, Any]:
    """The JSON Schema of an agency file (draft 2020-12).

    Examples:
        >>> from kh922core import agencies_json_schema
        >>> sorted(agencies_json_schema()["properties"])
        ['agencies', 'province', 'schema_version']
    """
    schema = AgencyFile.model_json_schema(mode="validation")
    _first_paragraph(schema)
    return {"$schema": _DIALECT, **schema}


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as the shipped ``*.schema.json`` files write it (2-space indent, UTF-8)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
