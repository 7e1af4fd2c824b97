"""The ``kh922 validate`` and ``kh922 schema`` subcommands
(registered by :mod:`kh922core._cli.command`).

``kh922 validate FILE...`` checks plan files (and agency files) and prints a report:

* every problem of a file, as ``file:line:column: field: message (got value)``;
* for a valid plan, the audit's findings (warnings and errors; notes with ``--all``).

Exit status: ``0`` when every file is valid and the audit found no error (with ``--strict``: no
warning either); ``1`` when a file has problems or the audit found an error (or, with
``--strict``, a warning); ``2`` for a usage error (a missing file, a bad option).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kh922core._cli.arguments import date_argument
from kh922core._cli.terminal_text import echo

__all__ = ["add_plan_commands"]


def _is_agency_file(path: Path) -> bool:
    """Whether a (readable) file looks like an agency file rather than a plan file."""
    from kh922core._plans import read_document

    data = read_document(path).data
    plan_keys = {"id", "number", "indicators", "targets", "tasks"}
    return isinstance(data, dict) and "agencies" in data and not plan_keys & set(data)


def _plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def _validate_one(path: Path, args: argparse.Namespace) -> int:
    from kh922core._plans import Severity, audit, check_agency_file, check_plan_file

    if _is_agency_file(path):
        registry, problems = check_agency_file(path, file=str(path))
        if registry is not None:
            echo(f"{path}: valid agency file, {_plural(len(registry), 'agency')}")
            return 0
        summary = f"{path}: {_plural(len(problems), 'problem')}"
        echo(summary)
        for problem in problems:
            echo(f"  {problem}")
        return 1
    plan, problems = check_plan_file(path, file=str(path), allow_outside=args.allow_outside)
    if plan is None:
        echo(f"{path}: {_plural(len(problems), 'problem')}")
        for problem in problems:
            echo(f"  {problem}")
        return 1
    as_of = args.as_of if args.as_of is not None else date.today()
    findings = [] if args.no_audit else audit(plan, as_of)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    echo(
        f"{path}: valid plan {plan.number} ({plan.province.name}): "
        f"{_plural(len(plan.targets), 'target')}, {_plural(len(plan.tasks), 'task')}, "
        f"{_plural(len(plan.task_groups), 'task group')}, {_plural(len(plan.agencies), 'agency')}"
    )
    if not args.no_audit:
        echo(
            f"  audit as of {as_of.isoformat()}: {_plural(counts[Severity.ERROR], 'error')}, "
            f"{_plural(counts[Severity.WARNING], 'warning')}, "
            f"{_plural(counts[Severity.INFO], 'note')}"
        )
    shown = [f for f in findings if args.all or f.severity is not Severity.INFO]
    for finding in shown:
        echo(f"  {finding}")
    hidden = len(findings) - len(shown)
    if hidden:
        echo(f"  ({_plural(hidden, 'note')} not shown; add --all to see them)")
    if counts[Severity.ERROR] or (args.strict and counts[Severity.WARNING]):
        return 1
    return 0


def _validate(args: argparse.Namespace) -> int:
    missing = [name for name in args.files if not Path(name).is_file()]
    for name in missing:
        echo(f"kh922 validate: error: no such file: {name}", file=sys.stderr)
    status = 0
    for name in args.files:
        if name not in missing:
            status = max(status, _validate_one(Path(name), args))
    return 2 if missing else status


def _schema(args: argparse.Namespace) -> int:
    from kh922core._plans import agencies_json_schema, plan_json_schema, schema_text

    schema = agencies_json_schema() if args.agencies else plan_json_schema()
    sys.stdout.write(schema_text(schema))
    return 0


def add_plan_commands(commands: Any) -> None:
    """Add ``validate`` and ``schema`` to the ``kh922`` subcommands."""
    validate = commands.add_parser(
        "validate",
        help="check plan files (and agency files): strict loading, cross-checks and the audit",
        description=(
            "Check plan files. Exit status: 0 valid, 1 problems or audit errors "
            "(with --strict also warnings), 2 usage errors such as a missing file."
        ),
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="plan or agency files")
    validate.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="judge agencies and deadlines on this day (default: today)",
    )
    validate.add_argument(
        "--strict", action="store_true", help="also fail (exit 1) on audit warnings"
    )
    validate.add_argument(
        "--all", action="store_true", help="also print the audit's notes (severity info)"
    )
    validate.add_argument("--no-audit", action="store_true", help="skip the audit")
    validate.add_argument(
        "--allow-outside",
        action="store_true",
        help="let a plan name agency and wording files outside its own folder",
    )
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a plan file",
        description=(
            "Print the JSON Schema of a plan file (or, with --agencies, of an agency file), "
            "for editors that check YAML or JSON files against a schema."
        ),
    )
    schema.add_argument(
        "--agencies", action="store_true", help="the schema of an agency file instead"
    )
    schema.set_defaults(handler=_schema)
