"""The ``kh922`` command (also ``python -m kh922core``).

Exit codes: 0 success, 1 findings or failed checks (when the command says so), 2 a mistake in
the command line or its input.  A mistake is reported on standard error as one line,
``kh922 COMMAND: error: …``, never as a Python traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from kh922core._cli.terminal_text import echo, visible
from kh922core._version import __version__
from kh922core.errors import Kh922Error

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]

#: Exceptions that come from what the user gave (files, their contents), not from a bug.
_USER_MISTAKES: tuple[type[BaseException], ...] = (
    Kh922Error,
    OSError,  # a missing, unreadable or directory path
    UnicodeDecodeError,  # a file that is not UTF-8 text
)


def _user_mistakes() -> tuple[type[BaseException], ...]:
    """:data:`_USER_MISTAKES`, and a table Polars cannot read when a command loaded Polars
    (the command line does not load it for commands that do not need it)."""
    polars = sys.modules.get("polars")
    if polars is None:
        return _USER_MISTAKES
    return (*_USER_MISTAKES, polars.exceptions.PolarsError)


def _explain(args: argparse.Namespace) -> int:
    """How a target text is read; a cell of several targets that ``split_targets`` labels is
    explained part by part (each read as the plan reads it)."""
    from kh922core._targets import explain, split_targets
    from kh922core.errors import TargetParseError

    given = {"direction": args.direction, "unit": args.unit, "indicator": args.indicator}
    try:
        echo(explain(args.text, **given))
    except TargetParseError as error:
        if not error.parts:
            raise
        try:
            parts = split_targets(args.text, **given)
        except Kh922Error:
            raise error from None
        echo(f"text:       {args.text}\n{len(parts)} targets, one per part:")
        for number, part in enumerate(parts, start=1):
            echo(f"\n[{number}] {part.label}\n{explain(part.text, **given)}")
    return 0


def _version() -> str:
    return f"kh922 (kh922core) {__version__}"


class _Parser(argparse.ArgumentParser):
    """A parser whose usage errors are one line on standard error (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {visible(message)} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kh922",
        description="Vietnamese provincial action plans (Kế hoạch 922/KH-UBND) as data.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    explain = commands.add_parser("explain", help="show how a target text is understood")
    explain.add_argument("text", help='a target text, e.g. "≥ 55" or "trên 80%%"')
    explain.add_argument(
        "--direction",
        default=None,
        choices=["higher_is_better", "lower_is_better", "band"],
        help="the indicator's direction (default: not stated, read as higher_is_better; a target "
        "of none at all, 'không còn …', is refused on an indicator stated higher_is_better)",
    )
    explain.add_argument("--unit", default=None, help="the indicator's unit text, e.g. '%%'")
    explain.add_argument(
        "--indicator",
        default=None,
        help="the indicator's name, e.g. 'Tốc độ tăng trưởng GRDP' (a rate of change)",
    )
    explain.set_defaults(handler=_explain)
    from kh922core._cli.tracking_commands import add_tracking_commands

    add_tracking_commands(commands)
    from kh922core._cli.plan_commands import add_plan_commands

    add_plan_commands(commands)
    from kh922core._cli.evaluate_command import add_evaluate_command

    add_evaluate_command(commands)
    from kh922core._cli.exchange_commands import add_exchange_commands

    add_exchange_commands(commands)
    from kh922core._cli.report_commands import add_report_commands

    add_report_commands(commands)
    from kh922core._cli.status_commands import add_status_commands

    add_status_commands(commands)
    return parser


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser  # pragma: no cover - the main parser always has subcommands


def _message(error: BaseException) -> str:
    """One line saying what went wrong, without Python's vocabulary where it can be avoided."""
    if isinstance(error, FileNotFoundError) and not isinstance(error, Kh922Error):
        return f"no such file: {error.filename}" if error.filename else f"no such file: {error}"
    if isinstance(error, IsADirectoryError):
        return f"a folder where a file was expected: {error.filename or error}"
    if isinstance(error, PermissionError):
        return f"cannot read {error.filename or error}: permission denied"
    if isinstance(error, UnicodeDecodeError):
        return f"the file is not UTF-8 text ({error.reason} at byte {error.start})"
    polars = sys.modules.get("polars")
    if polars is not None and isinstance(error, polars.exceptions.PolarsError):
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return f"cannot read the table: {first}"
    return str(error)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kh922`` command line; returns the exit code.

    Examples:
        >>> main(["explain", "trên 80%"])
        text:       trên 80%
        kind:       more than
        met when:   value > 80
        unit:       %
        direction:  higher_is_better
        canonical:  > 80%
        0
    """
    parser = _parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:  # said by the subcommand, whose help lists what it takes
            _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(extras)}")
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handler: Handler = args.handler
    try:
        code = handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``kh922 evaluate | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except _user_mistakes() as error:
        lines = visible(str(_message(error))).split("\n") or [type(error).__name__]
        echo(f"kh922 {args.command}: error: {lines[0] or type(error).__name__}", file=sys.stderr)
        for line in lines[1:]:  # the details (problems, a pointer under the text), as written
            echo(line.rstrip(), file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
