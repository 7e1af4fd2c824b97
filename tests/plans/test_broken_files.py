"""A corpus of broken plan, agency and office files, as officials (and attackers) produce them.

Every case is checked three ways: the checker (:func:`check_plan_file` or
:func:`check_agency_file`) returns a problem that names the file, the line where there is one,
and says what is wrong; the loader (:func:`load_plan` or :func:`load_agencies`) raises a
:class:`~kh922core.errors.Kh922Error` that names them too; and ``kh922 validate FILE`` answers
as docs/cli.md says, with no traceback: status 1 and the problems on standard output, or status
2 and one line ``kh922 validate: error: …`` on standard error.  The messages and lines are
written by hand.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kh922core import check_plan_file, load_agencies, load_plan
from kh922core._cli import main
from kh922core._plans import check_agency_file
from kh922core.errors import Kh922Error, PlanNotFoundError, PlanValidationError

if TYPE_CHECKING:
    from tests.conftest import PlanFiles

DEPTH = "the values are nested more than 100 levels deep"
NOT_TEXT = "not text: a plan or agency file is YAML or JSON text"
CONTROL = "cannot be in a plan or agency file (is it a binary file, or one not saved as UTF-8?)"
NOT_UTF8 = "the file is not UTF-8 text; save it as UTF-8"
NOT_A_BLOCK = "a plan file is a block of fields (schema_version, id, number, …)"
EMPTY = "the file is empty; a plan starts with 'schema_version: 1'"
TOO_MANY = "the file holds more than 100,000 values (an alias counts every value it repeats)"
OUTSIDE = "is outside the plan's folder: a plan may name files only in its own folder"

Writer = Callable[[Path, "PlanFiles"], Path]


@dataclass(frozen=True)
class Broken:
    """One broken file: how to write it, and what the problem must say.

    Attributes:
        write: Writes the files into a folder; returns the file given to the checker.
        message: Text the problem's message holds.
        line: The line of the problem (``None`` where a file has no line to point at).
        in_agencies: The problem is in the plan's agency file (``agencies.yaml``).
        agency_file: The file is an agency file (checked with ``check_agency_file``).
        status: The status of ``kh922 validate FILE``.
    """

    write: Writer
    message: str
    line: int | None
    in_agencies: bool = False
    agency_file: bool = False
    status: int = 1


def _bytes(content: bytes, name: str = "plan.yaml") -> Writer:
    def write(folder: Path, plan_files: PlanFiles) -> Path:
        plan_files.write(folder, plan_files.minimal)  # an agency file beside it
        path = folder / name
        path.write_bytes(content)
        return path

    return write


def _text(content: str, name: str = "plan.yaml") -> Writer:
    return _bytes(content.encode("utf-8"), name)


def _minimal(old: str, new: str) -> Writer:
    def write(folder: Path, plan_files: PlanFiles) -> Path:
        return plan_files.write(folder, plan_files.broken(plan_files.minimal, old, new))

    return write


def _agencies(content: bytes) -> Writer:
    def write(folder: Path, plan_files: PlanFiles) -> Path:
        path = plan_files.write(folder, plan_files.minimal)
        (folder / "agencies.yaml").write_bytes(content)
        return path

    return write


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<document>schema_version: 1</document>")
    return buffer.getvalue()


def _json(content: str) -> Writer:
    return _text(content, "plan.json")


def _folder(folder: Path, plan_files: PlanFiles) -> Path:
    (folder / "plan.yaml").mkdir()
    return folder / "plan.yaml"


def _link_loop(folder: Path, plan_files: PlanFiles) -> Path:
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    return folder / "a.yaml"


def _pipe(folder: Path, plan_files: PlanFiles) -> Path:
    os.mkfifo(folder / "plan.yaml")  # opening it would wait for a writer: it must not be opened
    return folder / "plan.yaml"


def _sparse(folder: Path, plan_files: PlanFiles) -> Path:
    with (folder / "plan.yaml").open("wb") as stream:
        stream.truncate(50_000_000)
    return folder / "plan.yaml"


def _agency_folder(folder: Path, plan_files: PlanFiles) -> Path:
    path = plan_files.write(folder, plan_files.minimal)
    (folder / "agencies.yaml").unlink()
    (folder / "agencies.yaml").mkdir()
    return path


def _wording(content: bytes, name: str = "cum-tu.txt") -> Writer:
    def write(folder: Path, plan_files: PlanFiles) -> Path:
        (folder / "cum-tu.txt").write_bytes(content)
        text = plan_files.broken(
            plan_files.minimal,
            'agencies: "agencies.yaml"\n',
            f'agencies: "agencies.yaml"\nwording: {{target_phrases: ["{name}"]}}\n',
        )
        return plan_files.write(folder, text)

    return write


def _agency_file(content: str) -> Writer:
    def write(folder: Path, plan_files: PlanFiles) -> Path:
        path = folder / "agencies.yaml"
        path.write_text(content, encoding="utf-8")
        return path

    return write


_LAUGHS = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
)
_CIRCLE = (
    'schema_version: 1\nagencies:\n  - {id: "a", name: "A", level: "province",\n'
    '     successors: [{agency: "b", from: "2025-03-01"}]}\n'
    '  - {id: "b", name: "B", level: "province",\n'
    '     successors: [{agency: "a", from: "2025-03-01"}]}\n'
)

CASES: dict[str, Broken] = {
    # --- what is not a text file at all
    "empty": Broken(_text(""), EMPTY, None),
    "only-comments": Broken(_text("# Kế hoạch 922\n\n"), EMPTY, None),
    "utf-16": Broken(_bytes('schema_version: 1\nid: "x"\n'.encode("utf-16")), "UTF-16", 1),
    "tcvn3-on-line-3": Broken(
        _bytes(b'schema_version: 1\nid: "x"\ntitle: "K\xea ho\xb8ch"\n'), NOT_UTF8, 3
    ),
    "png-image": Broken(_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), NOT_UTF8, 1),
    "garbage-bytes": Broken(_bytes(b"\xff\xfd" * 2048), NOT_UTF8, 1),
    "nul-bytes": Broken(_text('schema_version: 1\nid: "a\x00b"\n'), f"U+0000 {CONTROL}", 2),
    "bell-character": Broken(_text('schema_version: 1\ntitle: "x"\x07\n'), f"U+0007 {CONTROL}", 2),
    "surrogate-bytes": Broken(_bytes(b'schema_version: 1\nid: "\xed\xa0\x80"\n'), NOT_UTF8, 2),
    "docx": Broken(
        _bytes(_zip("word/document.xml"), "plan.docx"),
        f"a ZIP archive (a Word .docx or Excel .xlsx document?), {NOT_TEXT}",
        None,
    ),
    "xlsx": Broken(
        _bytes(_zip("xl/workbook.xml"), "plan.xlsx"),
        f"this is a ZIP archive (a Word .docx or Excel .xlsx document?), {NOT_TEXT}",
        None,
    ),
    "xlsx-named-yaml": Broken(_bytes(_zip("xl/workbook.xml")), "this is a ZIP archive", None),
    "old-xls": Broken(
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "plan.xls"),
        f"this is an old Word or Excel document (.doc or .xls), {NOT_TEXT}",
        None,
    ),
    "pdf": Broken(
        _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "plan.pdf"),
        f"this is a PDF document, {NOT_TEXT}",
        None,
    ),
    # --- what is not a file
    "a-folder": Broken(_folder, "this is a folder, not a file", None, status=2),
    "a-link-loop": Broken(
        _link_loop, "cannot read the file: Too many levels of symbolic links", None, status=2
    ),
    "a-pipe": Broken(_pipe, "this is not a regular file (a device, a pipe?)", None, status=2),
    "fifty-megabytes": Broken(
        _sparse,
        "the file has 50,000,000 bytes; a plan or agency file may have at most 5,000,000 (5 MB)",
        None,
    ),
    # --- YAML that is not a plan
    "bom-then-a-list": Broken(_text("\ufeff- schema_version: 1\n- id: x\n"), NOT_A_BLOCK, 1),
    "text-at-top-level": Broken(_text("Kế hoạch 922/KH-UBND\n"), NOT_A_BLOCK, 1),
    "tabs": Broken(
        _text("schema_version: 1\nprovince:\n\tname: x\n"),
        "this is not valid YAML: found character",
        3,
    ),
    "unclosed-quote": Broken(
        _text('schema_version: 1\ntitle: "Kế hoạch\n'),
        "this is not valid YAML: found unexpected end of stream (while scanning a quoted scalar)",
        3,
    ),
    "billion-laughs": Broken(_text(_LAUGHS), TOO_MANY, 5),
    "a-million-values": Broken(_text("- 0\n" * 1_000_000), TOO_MANY, 100_000),
    "undefined-alias": Broken(
        _text("schema_version: 1\nid: *nowhere\n"),
        "this is not valid YAML: found undefined alias 'nowhere'",
        2,
    ),
    "huge-plain-key": Broken(
        _text("k" * 2000 + ": 1\n"), "this is not valid YAML: mapping values are not allowed", 1
    ),
    "huge-explicit-key": Broken(
        _text("schema_version: 1\n? " + "k" * 100_000 + "\n: 1\n"),
        "a key of 100,000 characters; keys are short words such as 'id' or 'text' "
        "(at most 200 characters)",
        2,
    ),
    "a-list-as-key": Broken(
        _text("schema_version: 1\n? [id]\n: x\n"),
        "a key must be a plain word such as 'id' or 'text'",
        2,
    ),
    "python-tag": Broken(
        _text("!!python/object/apply:os.system [echo hi]\n"),
        "tags such as 'tag:yaml.org,2002:python/object/apply:os.system' "
        "are not allowed in a plan file",
        1,
    ),
    "merge-key": Broken(
        _text("base: &b {x: 1}\nprovince:\n  <<: *b\n"),
        "merge keys ('<<') are not allowed in a plan file; write the fields out",
        3,
    ),
    "duplicate-key": Broken(
        _minimal('title: "Kế hoạch mẫu"\n', 'title: "Kế hoạch mẫu"\nid: "lai"\n'),
        "the key 'id' appears twice in the same block (first on line 2); keep only one",
        5,
    ),
    "two-documents": Broken(
        _text("schema_version: 1\n---\nschema_version: 1\n"),
        "the file holds more than one YAML document (a second '---'); "
        "a plan or agency file is one document",
        2,
    ),
    "deep-yaml": Broken(
        _text("schema_version: 1\nagencies: " + "[" * 10_000 + "]" * 10_000 + "\n"), DEPTH, 2
    ),
    "deep-yaml-blocks": Broken(
        _text("".join(" " * level + "- \n" for level in range(200))), DEPTH, 102
    ),
    "huge-integer": Broken(
        _text("schema_version: " + "9" * 4301 + "\n"),
        "a whole number of 4,301 digits; a plan's whole numbers have at most 18 "
        "(put it in quotes if it is text)",
        1,
    ),
    "309-digit-tolerance": Broken(
        _minimal("approximate_tolerance: 0.05", "approximate_tolerance: 1" + "0" * 308),
        "a whole number of 309 digits",
        9,
    ),
    "huge-decimal": Broken(
        _minimal("approximate_tolerance: 0.05", "approximate_tolerance: 1.0e999"),
        "a number too large to compute with (more than 1.8e308); put it in quotes if it is text",
        9,
    ),
    # --- JSON that is not a plan
    "json-empty": Broken(_json(""), "this is not valid JSON: Expecting value", 1),
    "json-list": Broken(_json("[1, 2]"), NOT_A_BLOCK, 1),
    "json-trailing-comma": Broken(
        _json('{"schema_version": 1,\n}'),
        "this is not valid JSON: Expecting property name enclosed in double quotes",
        2,
    ),
    "json-duplicate-key": Broken(
        _json('{"id": "a",\n "id": "b"}'),
        "the key 'id' appears twice in the same object (first on line 1); keep only one",
        2,
    ),
    "json-nan": Broken(
        _json('{"schema_version": 1,\n "approximate_tolerance": NaN}'),
        "this is not valid JSON: NaN is not a number a plan can use",
        2,
    ),
    "json-infinite": Broken(
        _json('{"approximate_tolerance": 1e999}'),
        "a number too large to compute with (more than 1.8e308)",
        1,
    ),
    "json-huge-integer": Broken(
        _json('{"schema_version":\n' + "9" * 5000 + "}"), "a whole number of 5,000 digits", 2
    ),
    "json-deep": Broken(_json('{"agencies": ' + "[" * 10_000 + "]" * 10_000 + "}"), DEPTH, 1),
    "json-nul": Broken(_json('{"id": "a\x00"}'), f"U+0000 {CONTROL}", 1),
    # --- the agency file and the wording files a plan names
    "agencies-not-utf8": Broken(
        _agencies(b"schema_version: 1\nagencies:\n  - id: \xc0\xc1\n"),
        NOT_UTF8,
        3,
        in_agencies=True,
    ),
    "agencies-a-list": Broken(
        _agencies(b"- id: a\n"),
        "an agency file is a block with the key 'agencies'",
        1,
        in_agencies=True,
    ),
    "agencies-deep": Broken(
        _agencies(b"agencies: " + b"[" * 5000 + b"]" * 5000), DEPTH, 1, in_agencies=True
    ),
    "agencies-laughs": Broken(_agencies(_LAUGHS.encode()), TOO_MANY, 5, in_agencies=True),
    "agencies-missing": Broken(
        _minimal('agencies: "agencies.yaml"', 'agencies: "khong-co.yaml"'),
        "the agency file 'khong-co.yaml' does not exist",
        8,
    ),
    "agencies-a-folder": Broken(
        _agency_folder, "this is a folder, not a file", None, in_agencies=True
    ),
    "agencies-etc-passwd": Broken(
        _minimal('agencies: "agencies.yaml"', 'agencies: "/etc/passwd"'),
        f"the agency file '/etc/passwd' {OUTSIDE}",
        8,
    ),
    "agencies-up-two": Broken(
        _minimal('agencies: "agencies.yaml"', 'agencies: "../../agencies.yaml"'),
        f"the agency file '../../agencies.yaml' {OUTSIDE}",
        8,
    ),
    "wording-not-utf8": Broken(
        _wording(b"ge  ch\xe9ng k\xe9m\n"),
        "the wording file 'cum-tu.txt' is not UTF-8 text; save it as UTF-8",
        9,
    ),
    "wording-outside": Broken(
        _wording(b"ge  x\n", "../cum-tu.txt"), f"the wording file '../cum-tu.txt' {OUTSIDE}", 9
    ),
    # --- agency files given on their own
    "agency-file-circle": Broken(
        _agency_file(_CIRCLE), "successions go round in a circle: a → b → a", 4, agency_file=True
    ),
    "agency-file-duplicate-key": Broken(
        _agency_file("schema_version: 1\nagencies: []\nagencies: []\n"),
        "the key 'agencies' appears twice in the same block (first on line 2); keep only one",
        3,
        agency_file=True,
    ),
}


@pytest.fixture(params=sorted(CASES))
def broken(
    request: pytest.FixtureRequest, tmp_path: Path, plan_files: PlanFiles
) -> tuple[Broken, Path]:
    case = CASES[request.param]
    return case, case.write(tmp_path, plan_files)


def test_the_corpus_has_thirty_kinds_of_broken_file() -> None:
    assert len(CASES) >= 30


def test_the_checker_names_the_file_and_the_line(broken: tuple[Broken, Path]) -> None:
    case, path = broken
    if case.agency_file:
        result, problems = check_agency_file(path)
    else:
        result, problems = check_plan_file(path)  # type: ignore[assignment]
    assert result is None
    problem = next((p for p in problems if case.message in p.message), None)
    assert problem is not None, "\n".join(str(p) for p in problems)
    assert problem.file == str(path.parent / "agencies.yaml" if case.in_agencies else path)
    assert problem.line == case.line


def test_the_loader_raises_a_located_error(broken: tuple[Broken, Path]) -> None:
    case, path = broken
    load = load_agencies if case.agency_file else load_plan
    with pytest.raises(Kh922Error) as caught:
        load(path)
    if case.status == 2:  # not a file at all
        assert isinstance(caught.value, PlanNotFoundError)
        assert str(path) in str(caught.value)
        return
    assert isinstance(caught.value, PlanValidationError)
    file = str(path.parent / "agencies.yaml" if case.in_agencies else path)
    where = file if case.line is None else f"{file}:{case.line}:"
    assert any(
        str(p).startswith(where) and case.message in p.message for p in caught.value.problems
    )


def test_validate_answers_without_a_traceback(
    broken: tuple[Broken, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    case, path = broken
    status = main(["validate", str(path), "--no-audit"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert status == case.status
    if status == 2:
        assert out == ""
        assert err.splitlines() == [f"kh922 validate: error: no such file: {path}"]
    else:
        assert err == ""
        assert out.splitlines()[0].startswith(f"{path}: ")
        assert out.splitlines()[0].endswith(("1 problem", " problems"))
        assert case.message in out


def test_a_byte_order_mark_is_not_a_problem(tmp_path: Path, plan_files: PlanFiles) -> None:
    path = plan_files.write(tmp_path, "\ufeff" + plan_files.minimal)
    assert check_plan_file(path)[1] == []
