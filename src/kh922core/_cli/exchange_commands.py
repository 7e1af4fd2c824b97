"""The ``kh922 import`` and ``kh922 export`` subcommands (registered by
:mod:`kh922core._cli.command`).

``kh922 import FILE`` reads a province's appendices (Word, Excel or CSV) and writes a draft plan
file and its agency file; every cell it could not use is listed with its place.  Exit status:
``0`` clean, ``1`` written with problems, ``2`` a file that cannot be read (one line, no
traceback).  ``kh922 export [PLAN] -o FILE`` writes a plan's Phụ lục I and II.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kh922core._cli.terminal_text import echo

__all__ = ["add_exchange_commands"]


def _import(args: argparse.Namespace) -> int:
    from kh922core._exchange import import_tables, write_import

    source = Path(args.file)
    result = import_tables(source, agencies=args.agencies, province=args.province)
    output = Path(args.output) if args.output else source.with_suffix(".yaml")
    if output.suffix.lower() not in (".yaml", ".yml"):
        output = output.with_suffix(".yaml")
    plan_path, agency_path = write_import(result, output, force=args.force)
    plan = result.plan
    echo(
        f"wrote {plan_path}: {len(plan.indicators)} indicators, {len(plan.targets)} targets, "
        f"{len(plan.tasks)} tasks, {len(plan.agencies)} agencies in {agency_path.name} "
        f"({len(result.drafts)} drafts to check)"
    )
    count = len(result.problems)
    if count:
        echo(f"{count} cell{'s' if count != 1 else ''} not imported:")
        for problem in result.problems:
            echo(f"  {problem}")
    echo(f"next: read the comments in {plan_path.name}, fix, then kh922 validate {plan_path}")
    if plan.reporting is None:  # no appendix holds section IV
        echo(
            "before kh922 template and kh922 report: add a 'reporting:' block (section IV: its "
            "text, due dates, recipient and reporters), which no appendix holds"
        )
    return 1 if count else 0


def _export(args: argparse.Namespace) -> int:
    from kh922core._exchange import export_tables
    from kh922core._plans import load_plan

    plan = load_plan(args.plan, allow_outside=args.allow_outside)
    path = export_tables(plan, args.output)
    echo(
        f"wrote {path}: Phụ lục I ({len(plan.targets)} targets) and Phụ lục II "
        f"({len(plan.tasks)} tasks) of {plan.number} ({plan.province.name})"
    )
    return 0


def add_exchange_commands(commands: Any) -> None:
    """Register ``import`` and ``export``."""
    importing = commands.add_parser(
        "import",
        help="read a province's appendices (.docx, .xlsx, .csv) into a draft plan file",
        description="Read Phụ lục I (indicators and targets) and Phụ lục II (tasks) from a "
        "Word, Excel or CSV file into a draft plan file and its agency file; list every cell "
        "that could not be used.  Exit status 0: clean; 1: written with problems; 2: the file "
        "cannot be read.",
    )
    importing.add_argument("file", metavar="FILE", help="the appendix: .docx, .xlsx or .csv")
    importing.add_argument(
        "-o", "--output", metavar="PLAN.yaml", help="the plan file to write (default: FILE.yaml)"
    )
    importing.add_argument(
        "--agencies",
        metavar="REGISTRY",
        help="the agency file to read agency cells against (default: the shipped one)",
    )
    importing.add_argument(
        "--province", metavar="NAME", help="the province, when the title block does not say it"
    )
    importing.add_argument(
        "--force", action="store_true", help="write over the plan and agency files if they exist"
    )
    importing.set_defaults(handler=_import)

    exporting = commands.add_parser(
        "export",
        help="write a plan's Phụ lục I and II as .docx, .xlsx or .csv",
        description="Write Phụ lục I and II of a plan in the official layout.",
    )
    exporting.add_argument(
        "plan", nargs="?", metavar="PLAN", help="a plan file or shipped plan id (default: built-in)"
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the file: .docx, .xlsx or .csv"
    )
    exporting.add_argument(
        "--allow-outside",
        action="store_true",
        help="read an agency or wording file the plan names outside its folder",
    )
    exporting.set_defaults(handler=_export)
