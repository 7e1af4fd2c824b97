"""The ``kh922`` command (also ``python -m kh922core``).

Exit codes: 0 success, 1 findings or failed checks, 2 usage or input errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from kh922core.errors import Kh922Error

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _explain(args: argparse.Namespace) -> int:
    from kh922core._targets.explain import explain
    from kh922core._targets.grammar import parse_target

    spec = parse_target(args.text, direction=args.direction, unit=args.unit)
    print(explain(spec, args.text))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kh922",
        description="Vietnamese provincial action plans (Kế hoạch 922/KH-UBND) as data.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    explain = commands.add_parser("explain", help="show how a target text is understood")
    explain.add_argument("text", help='a target text, e.g. "≥ 55" or "trên 80%%"')
    explain.add_argument(
        "--direction",
        default="higher_is_better",
        choices=["higher_is_better", "lower_is_better", "band"],
        help="the indicator's direction (default: higher_is_better)",
    )
    explain.add_argument("--unit", default=None, help="the indicator's unit text, e.g. '%%'")
    explain.set_defaults(handler=_explain)
    from kh922core._cli.tracking_commands import add_tracking_commands

    add_tracking_commands(commands)
    from kh922core._cli.plan_commands import add_plan_commands

    add_plan_commands(commands)
    from kh922core._cli.evaluate_command import add_evaluate_command

    add_evaluate_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kh922`` command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handler: Handler = args.handler
    try:
        code = handler(args)
        sys.stdout.flush()
    except Kh922Error as error:
        print(f"kh922: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``kh922 evaluate | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
