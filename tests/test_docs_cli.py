"""The command-line pages are real: docs/cli.md documents every command and option of ``kh922``,
and every example on it and on docs/huong-dan-nhanh.md runs as shown.

In a ``console`` block of these pages, each ``$ kh922 …`` line is run (in a folder that holds the
repository's ``examples/`` and ``src/`` and the example files the pages show); the lines shown
under it, up to the next ``$``, must be among the lines it prints (``…`` skips), and it must end
with status 0 unless a ``$ echo $?`` line below it shows another.  Other commands (``pip``,
``python3 -m venv``) are shown, not run.
"""

from __future__ import annotations

import argparse
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kh922core._cli import main

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "docs" / "cli.md"
QUICK_START = ROOT / "docs" / "huong-dan-nhanh.md"

#: The example files the pages show, as they show them.
FILES = {
    "so-lieu.csv": (
        "indicator;year;value;unit\n"
        "tfp-contribution;2024;49,5;%\n"
        "cashless-transactions;2024;62;%\n"
        "pii-rank;2024;25;\n"
    ),
    "hoan-thanh.csv": "task_id;completed_on\ntask-07;2025-06-15\n",
}


@dataclass
class Example:
    """One ``$ kh922 …`` line of a page, what it shows, and the status it ends with."""

    page: str
    command: str
    shown: list[str] = field(default_factory=list)
    status: int = 0


def _console_blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL)]


def _examples(page: Path) -> list[Example]:
    return _examples_in(page.read_text(encoding="utf-8"), page.name)


def _examples_in(text: str, page: str) -> list[Example]:
    examples: list[Example] = []
    for block in _console_blocks(text):
        current: Example | None = None
        waiting_for_status = False
        for line in block:
            if line.startswith("$ "):
                command = line[2:].strip()
                waiting_for_status = command == "echo $?"
                if command.startswith("kh922 "):
                    current = Example(page, command)
                    examples.append(current)
                elif not waiting_for_status:
                    current = None  # shown, not run
                continue
            if waiting_for_status and current is not None:
                current.status = int(line.strip())
                waiting_for_status = False
            elif current is not None and line.strip() not in ("", "…"):
                current.shown.append(line)
    return examples


ALL_EXAMPLES = _examples(CLI) + _examples(QUICK_START)


def _squeeze(line: str) -> str:
    return " ".join(line.replace("\ufeff", "").split())


@pytest.fixture
def example_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("examples", "src"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    return tmp_path


@pytest.mark.parametrize(
    "example", ALL_EXAMPLES, ids=[f"{e.page}:{e.command}" for e in ALL_EXAMPLES]
)
def test_every_example_runs_as_shown(
    example: Example, example_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(shlex.split(example.command)[1:])
    captured = capsys.readouterr()
    printed = {_squeeze(line) for line in (captured.out + captured.err).splitlines()}
    assert status == example.status, captured.err
    missing = [line for line in example.shown if _squeeze(line) not in printed]
    assert missing == [], captured.out + captured.err


def test_the_pages_have_examples_of_each_status_and_show_the_files_they_use() -> None:
    assert {e.status for e in _examples(CLI)} == {0, 1, 2}
    quick = [e.command.split()[1] for e in _examples(QUICK_START)]
    assert {"validate", "evaluate", "tasks", "calendar"} <= set(quick)
    for page in (CLI, QUICK_START):
        text = page.read_text(encoding="utf-8")
        for name, content in FILES.items():
            if name in text:
                assert content in text, (page.name, name)


def test_the_example_reader_reads_commands_outputs_and_statuses() -> None:
    page = (
        "```console\n$ pip install .\nnot checked\n$ kh922 a 'b c'\nshown\n…\n$ echo $?\n1\n"
        "$ kh922 d\n```\n```text\n$ kh922 not-run\n```\n"
    )
    assert _examples_in(page, "x.md") == [
        Example("x.md", "kh922 a 'b c'", ["shown"], 1),
        Example("x.md", "kh922 d", [], 0),
    ]


# --- every command and every option is documented ---------------------------------------------


def _commands() -> dict[str, argparse.ArgumentParser]:
    from kh922core._cli.command import _parser

    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("kh922 has no subcommands")  # pragma: no cover


def _sections(text: str) -> dict[str, str]:
    """The text of each ``## `kh922 COMMAND``` section."""
    parts = re.split(r"^## `kh922 (\w+)`\s*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_command_has_a_section_with_every_option() -> None:
    sections = _sections(CLI.read_text(encoding="utf-8"))
    commands = _commands()
    assert set(sections) == set(commands)
    for name, parser in commands.items():
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            spelled = action.option_strings or [action.metavar or action.dest]
            shown = [s for s in spelled if isinstance(s, str) and f"`{s}" in sections[name]]
            documented = shown or [
                s for s in spelled if isinstance(s, str) and s.upper() in sections[name]
            ]
            assert documented, f"kh922 {name}: {spelled} is not in docs/cli.md"


def test_the_exit_statuses_are_documented() -> None:
    text = CLI.read_text(encoding="utf-8")
    table = text[text.index("## Exit status") : text.index("(kh922-explain)=")]
    for status in ("`0`", "`1`", "`2`"):
        assert f"| {status} |" in table
