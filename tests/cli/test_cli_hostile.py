"""What the ``kh922`` command prints from hostile files: shown, never obeyed; large, streamed.

* Text from a plan or an observations file that holds terminal control sequences (an escape
  that clears the screen or sets the window title, a bell) or bidirectional overrides is
  printed with those characters as visible escapes, in tables, sentences and errors alike.
* ``--format csv`` escapes text that Excel would run as a formula (OWASP); numbers stay numbers.
* ``--format json`` and ``--format csv`` write a batch of rows at a time, never the whole
  document as one Python string.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import unicodedata
from pathlib import Path

import polars as pl
import pytest

from kh922core import evaluate, load_plan, read_observations, summarize
from kh922core._cli import main
from kh922core._cli.machine_output import write_csv, write_json_document
from kh922core._output_formats import csv_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "adapting"
#: Clear the screen, set the window title (ended by a bell), reverse the text that follows.
HOSTILE = "\\e[2J\\e]0;pwned\\a\\u202e"


def _hidden(text: str) -> list[str]:
    """The characters of ``text`` a terminal would run or that hide text (not line feeds)."""
    return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hostile_plan(tmp_path: Path) -> Path:
    """The worked example plan, with control sequences in the province's and an indicator's
    names, and a formula as a target's name."""
    for name in ("my_province_plan.yaml", "agencies.yaml"):
        (tmp_path / name).write_text((EXAMPLE / name).read_text(encoding="utf-8"), "utf-8")
    path = tmp_path / "my_province_plan.yaml"
    text = path.read_text(encoding="utf-8")
    replaced = (
        text.replace('province: {name: "Tỉnh Mẫu"', f'province: {{name: "Tỉnh {HOSTILE}Mẫu"')
        .replace('name: "Số đô thị thông minh"', f'name: "Số đô thị {HOSTILE}thông minh"')
        .replace(
            '    name: "Quy mô kinh tế số"', '    name: "=HYPERLINK(\\"http://x\\",\\"bấm\\")"'
        )
    )
    assert replaced.count(HOSTILE) >= 2
    assert "HYPERLINK" in replaced
    path.write_text(replaced, encoding="utf-8")
    return path


# ------------------------------------------------------------------- terminal sequences


def test_names_from_a_plan_are_shown_not_run(
    hostile_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    observations = tmp_path / "o.csv"
    observations.write_text("indicator;year;value\nsmart-cities;2025;3\n", encoding="utf-8")
    plan = str(hostile_plan)
    runs = {
        "validate": _run(capsys, "validate", plan, "--as-of", "2025-08-01", "--all"),
        "evaluate": _run(capsys, "evaluate", "--plan", plan, "--observations", str(observations)),
        "tasks": _run(capsys, "tasks", "--plan", plan, "--as-of", "2025-08-01"),
    }
    for command, (code, out, err) in runs.items():
        assert code == 0, (command, err)
        assert _hidden(out + err) == [], command
    assert "Tỉnh \\x1b[2J\\x1b]0;pwned\\x07\\u202eMẫu" in runs["validate"][1]
    assert "\\x1b]0;pwned\\x07" in runs["evaluate"][1]  # the indicator's name in the table


def test_cells_of_an_observations_file_are_shown_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value;entity\n"
        "tfp-contribution;2024;47;\x1b[31mBến Tre\u202e\n"
        "tfp-contribution;2025;nhiều\x1b[2J\x07;Bến Tre\n",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "evaluate", "--observations", str(path))
    assert code == 2
    assert _hidden(out + err) == []
    assert "nhiều\\x1b[2J\\x07" in err  # the unreadable cell, in the error
    path.write_text(path.read_text(encoding="utf-8").replace("nhiều\x1b[2J\x07", "48"), "utf-8")
    code, out, err = _run(capsys, "evaluate", "--observations", str(path), "--by", "entity")
    assert code == 0
    assert _hidden(out + err) == []
    assert "\\x1b[31mBến Tre\\u202e" in out  # a key column, in the table and the summary


def test_explain_shows_what_it_was_given(capsys: pytest.CaptureFixture[str]) -> None:
    for text in ("≥ 55\x1b[2J", "trên 80%\u202e"):
        code, out, err = _run(capsys, "explain", text)
        assert _hidden(out + err) == [], (text, code)


def test_a_json_document_escapes_what_a_terminal_would_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value;entity\ntfp-contribution;2024;47;\x1b[31mBến\u202eTre\U000e0041\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "evaluate", "--observations", str(path), "--format", "json")
    assert code == 0
    assert _hidden(out) == []
    assert "\\u001b[31mBến\\u202eTre\\udb40\\udc41" in out
    document = json.loads(out)
    assert document["results"][0]["entity"] == "\x1b[31mBến\u202eTre\U000e0041"


def test_csv_on_a_terminal_shows_control_characters(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written to a terminal, CSV is read by people; written to a file, by Excel."""
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value;entity\ntfp-contribution;2024;47;Bến\x1b[2JTre\n", encoding="utf-8"
    )
    args = ["evaluate", "--observations", str(path), "--format", "csv"]
    assert main(args) == 0
    assert "Bến\x1b[2JTre" in capsysbinary.readouterr().out.decode("utf-8-sig")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(args) == 0
    shown = capsysbinary.readouterr().out.decode("utf-8-sig")
    assert "Bến\\x1b[2JTre" in shown
    assert _hidden(shown) == []


def test_the_command_line_prints_through_echo_only() -> None:
    """Every ``print`` of the command line goes through :func:`echo`, which shows control
    characters; a new ``print`` would bypass it."""
    folder = ROOT / "src" / "kh922core" / "_cli"
    calls = [
        f"{path.name}:{node.lineno}"
        for path in sorted(folder.glob("*.py"))
        if path.name != "terminal_text.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"
    ]
    assert calls == []


# ---------------------------------------------------------------------- formula injection


def test_csv_output_escapes_formulas_and_keeps_numbers(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "indicator;year;value;entity;=cmd\n"
        "tfp-contribution;2024;-5;=2+5+cmd|' /C calc'!A0;+1\n"
        "tfp-contribution;2025;47;@SUM(A1);-x\n"
        "tfp-contribution;2023;48;Bến Tre;−1\n",
        encoding="utf-8",
    )
    assert main(["evaluate", "--observations", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8-sig"))))
    assert "'=cmd" in rows[0]
    by_year = {row["year"]: row for row in rows}
    assert by_year["2024"]["entity"] == "'=2+5+cmd|' /C calc'!A0"
    assert by_year["2024"]["'=cmd"] == "'+1"
    assert by_year["2024"]["value"] == "-5.0"  # a negative number is a number
    assert by_year["2025"]["entity"] == "'@SUM(A1)"
    assert by_year["2025"]["'=cmd"] == "'-x"
    assert (by_year["2023"]["entity"], by_year["2023"]["'=cmd"]) == ("Bến Tre", "−1")


# ------------------------------------------------------------------------ large outputs


class _Recording(io.BytesIO):
    """A file object that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data: object) -> int:
        self.sizes.append(len(data))  # type: ignore[arg-type]
        return super().write(data)  # type: ignore[call-overload, no-any-return]


def _rows(count: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "target_id": [f"2030-{i % 30}" for i in range(count)],
            "value": [i / 7 for i in range(count)],
            "status": pl.Series(
                ["met", "not_met"] * (count // 2), dtype=pl.Enum(["met", "not_met"])
            ),
            "note": [None if i % 3 else f'xã {i}\n"ngoặc"' for i in range(count)],
        }
    )


def test_a_json_document_is_written_a_batch_at_a_time() -> None:
    results, summary = _rows(4000), _rows(2)
    out = _Recording()
    fields = {"plan": "922/KH-UBND", "as_of": None}
    write_json_document(
        fields, {"results": results, "summary": summary}, stream=out, batch_rows=500
    )
    document = json.loads(out.getvalue())
    assert document == {
        "plan": "922/KH-UBND",
        "as_of": None,
        "results": json.loads(results.write_json()),
        "summary": json.loads(summary.write_json()),
    }
    assert len(out.sizes) >= 4000 // 500
    assert max(out.sizes) < len(out.getvalue()) / 4


def test_an_empty_table_is_an_empty_list() -> None:
    out = io.BytesIO()
    write_json_document({}, {"results": _rows(0)}, stream=out)
    assert json.loads(out.getvalue()) == {"results": []}


def test_csv_is_written_a_batch_at_a_time() -> None:
    frame = _rows(3000)
    out = _Recording()
    write_csv(frame, stream=out, batch_rows=400)
    assert out.getvalue() == csv_bytes(frame)  # one byte-order mark, one header
    assert len(out.sizes) == 8
    empty = io.BytesIO()
    write_csv(frame.clear(), stream=empty)
    assert empty.getvalue() == csv_bytes(frame.clear())


def test_evaluate_json_of_thousands_of_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document is right, and standard output gets it in pieces, not in one string."""
    monkeypatch.setattr("kh922core._cli.machine_output.BATCH_ROWS", 700)
    path = tmp_path / "o.csv"
    lines = [f"tfp-contribution;2024;{i % 90},5;xã {i}" for i in range(3000)]
    path.write_text("indicator;year;value;entity\n" + "\n".join(lines) + "\n", encoding="utf-8")
    recording = _Recording()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(recording, encoding="utf-8"))
    assert main(["evaluate", "--observations", str(path), "--format", "json"]) == 0
    output = recording.getvalue()
    assert max(recording.sizes) < len(output) / 4
    document = json.loads(output)
    assert list(document) == ["plan", "as_of", "results", "summary"]
    expected = evaluate(load_plan(), read_observations(path))
    expected = expected.sort("target_id", "year", "entity")
    assert document["results"] == json.loads(expected.write_json())
    assert len(document["results"]) == 3000
    summary = summarize(expected, by=["year", "horizon"], plan=load_plan())
    assert document["summary"] == json.loads(summary.write_json())
