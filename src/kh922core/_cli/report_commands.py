"""The reporting cycle of section IV on the command line: ``kh922 template`` (the templates
agencies fill in), ``kh922 collect`` (their filled files consolidated) and ``kh922 report``
(the consolidated report the department sends upward)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kh922core._cli.arguments import date_argument
from kh922core._cli.terminal_text import echo
from kh922core.errors import Kh922Error

__all__ = ["add_report_commands"]


def _template(args: argparse.Namespace) -> int:
    from kh922core._plans import load_plan
    from kh922core._reports import write_templates

    plan = load_plan(args.plan)
    if bool(args.agencies) == bool(args.all):
        raise Kh922Error("name the agencies, or give --all (not both)")
    day = args.as_of if args.as_of is not None else date.today()
    paths = write_templates(
        args.output,
        plan,
        None if args.all else args.agencies,
        as_of=day,
        year=args.year,
        file_format=args.format,
        lang=args.lang,
    )
    for path in paths:
        echo(str(path))
    echo(f"{len(paths)} template{'s' if len(paths) != 1 else ''} ({plan.number}, {day:%d/%m/%Y})")
    return 0


def _collected_lines(collection: Any) -> list[str]:
    lines = [f"  {r}" for r in collection.rejected]
    lines += [f"  conflict: {line}" for line in collection.conflict_lines()]
    return lines


def _many(count: int, noun: str) -> str:
    """``1 value``, ``2 values``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _collect(args: argparse.Namespace) -> int:
    from kh922core._plans import load_plan
    from kh922core._reports import collect, write_observations

    collection = collect(args.files, plan=load_plan(args.plan))
    for record in collection.sources.iter_rows(named=True):
        agency = f" ({record['agency']})" if record["agency"] else ""
        echo(f"{record['file']}: {record['kind']}{agency}, {_many(record['n_values'], 'value')}")
    path = write_observations(collection, args.output)
    echo(f"wrote {path}: {_many(collection.observations.height, 'value')}")
    if collection.rejected:  # each heading over its own lines
        echo(f"{_many(len(collection.rejected), 'cell')} not used:")
        for rejected in collection.rejected:
            echo(f"  {rejected}")
    if not collection.conflicts.is_empty():
        echo("values in conflict (left out; correct one of the files):")
        for line in collection.conflict_lines():
            echo(f"  conflict: {line}")
    return 0 if collection.clean else 1


def _report(args: argparse.Namespace) -> int:
    from kh922core._plans import load_plan
    from kh922core._reports import build_report, collect, summary_line, words, write_report
    from kh922core._tracking import read_table_text

    plan = load_plan(args.plan)
    if not args.observations and plan.id != load_plan().id:
        raise Kh922Error(
            f"no observations for plan {plan.id!r}: the shipped published figures belong to "
            f"the built-in plan {load_plan().number}; pass your own with --observations FILE"
        )
    data = collect(args.observations, plan=plan) if args.observations else None
    completions = read_table_text(args.completions) if args.completions else None
    day = args.as_of if args.as_of is not None else date.today()
    report = build_report(plan, data, as_of=day, completions=completions)
    path = write_report(report, args.output, lang=args.lang)
    said = words(args.lang)
    echo(str(Path(path).resolve()))
    echo(said("report_title", plan=plan.number))
    echo(f"{report.period.label(said)}: {summary_line(report, said)}")
    for record in report.summary("horizon").iter_rows(named=True):
        echo(
            f"  {said('col_horizon')} {record['horizon']}: {record['met']}/{record['n_targets']} "
            f"{said('col_met').lower()}, {record['not_met']} {said('col_not_met').lower()}, "
            f"{record['no_data']} {said('col_no_data').lower()}"
        )
    if data is not None and not data.clean:
        for line in _collected_lines(data):
            echo(line, file=sys.stderr)
    return 0


def add_report_commands(commands: Any) -> None:
    """Register ``template``, ``collect`` and ``report``."""
    template = commands.add_parser(
        "template",
        help="write the reporting templates agencies fill in (section IV)",
        description="Write each agency's reporting template: Vietnamese headings, the agency "
        "and period in a title block, the cells to fill highlighted and validated, a hidden "
        "key, an instructions sheet.  Successions are resolved on --as-of.",
    )
    template.add_argument("agencies", nargs="*", metavar="AGENCY", help="agency ids or names")
    template.add_argument("--all", action="store_true", help="every agency with targets")
    template.add_argument(
        "-o", "--output", required=True, metavar="FILE|DIR", help="a .xlsx/.csv file, or a folder"
    )
    template.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="duties and period on this day (default: today)",
    )
    template.add_argument("--year", type=int, default=None, help="the year asked for")
    template.add_argument("--plan", default=None, help="a plan file or id (default: built-in)")
    template.add_argument(
        "--format", default="xlsx", choices=["xlsx", "csv"], help="in a folder (default: xlsx)"
    )
    template.add_argument("--lang", default="vi", choices=["vi", "en"], help="headings")
    template.set_defaults(handler=_template)

    collecting = commands.add_parser(
        "collect",
        help="consolidate filled templates and observation tables into one table",
        description="Read filled templates (.xlsx, .csv) and observation tables (.csv, .xlsx, "
        ".parquet) into one table of observations with provenance.  Exit status 1 when a cell "
        "was not used or two files disagree; 2 when a file is neither a template nor a table.",
    )
    collecting.add_argument("files", nargs="+", metavar="FILE", help="the filled files")
    collecting.add_argument(
        "-o", "--output", required=True, metavar="OBSERVATIONS", help="a .csv or .parquet file"
    )
    collecting.add_argument("--plan", default=None, help="a plan file or id (default: built-in)")
    collecting.set_defaults(handler=_collect)

    report = commands.add_parser(
        "report",
        help="write the consolidated report (.html, .docx or .xlsx)",
        description="Write the consolidated report of section IV: period, sources, targets met "
        "by horizon, objective group and lead agency, each target with its latest value and "
        "on-track category, tasks, agencies that have not reported, audit findings, provenance.",
    )
    report.add_argument("--plan", default=None, help="a plan file or id (default: built-in)")
    report.add_argument(
        "--observations",
        nargs="+",
        default=None,
        metavar="FILE",
        help="filled templates or observation tables (default: the shipped published figures)",
    )
    report.add_argument(
        "--completions",
        default=None,
        metavar="FILE",
        help="task completions (task_id, completed_on)",
    )
    report.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="the report's date (default: today)",
    )
    report.add_argument("--lang", default="vi", choices=["vi", "en"], help="the report's language")
    report.add_argument(
        "-o", "--output", required=True, metavar="REPORT", help="a .html, .docx or .xlsx file"
    )
    report.set_defaults(handler=_report)
