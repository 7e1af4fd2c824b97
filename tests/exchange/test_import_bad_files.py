"""Files that cannot be imported: one clear error (a TableImportError), and for the command
one line and exit status 2, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from kh922core import TableImportError, export_tables, import_tables, load_plan
from kh922core._cli import main

from .office_builders import write_docx, write_xlsx

pytest.importorskip("docx")


def _truncated(tmp_path: Path) -> Path:
    whole = export_tables(load_plan(), tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _bomb(tmp_path: Path) -> Path:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    return path


def _no_tables(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC I")
    document.add_paragraph("Các chỉ tiêu được trình bày trong văn bản, không có bảng.")
    path = tmp_path / "no-table.docx"
    document.save(str(path))
    return path


def _no_header(tmp_path: Path) -> Path:
    rows = [["Một", "Hai", "Ba"], ["1", "2", "3"], ["x", "y", "z"]]
    return write_xlsx(tmp_path / "no-header.xlsx", [("Sheet", rows, [])])


def _renamed(tmp_path: Path) -> Path:
    path = tmp_path / "plan.docx"
    path.write_text("TT;Chỉ tiêu;Đơn vị;Kết quả\n", encoding="utf-8")
    return path


def _encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


def _old(tmp_path: Path) -> Path:
    path = tmp_path / "phu-luc.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


def _latin1(tmp_path: Path) -> Path:
    path = tmp_path / "bang.csv"
    path.write_bytes("TT;Chỉ tiêu;Đơn vị;Kết quả\n".encode("cp1258", errors="replace") + b"\xff")
    return path


def _corrupt_part(tmp_path: Path) -> Path:
    """A part whose packed bytes are damaged: the zip's directory is whole."""
    good = export_tables(load_plan(), tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        part = archive.getinfo("word/document.xml")
    data = bytearray(good.read_bytes())
    start = part.header_offset + 30 + len(part.filename) + len(part.extra) + 200
    for i in range(start, start + 100):
        data[i] ^= 0xFF
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    return path


def _deflate64(tmp_path: Path) -> Path:
    """A part packed with a method Python's zip reader does not unpack (deflate64)."""
    import struct

    good = export_tables(load_plan(), tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        part = archive.getinfo("word/styles.xml")
    data = bytearray(good.read_bytes())
    data[part.header_offset + 8 : part.header_offset + 10] = struct.pack("<H", 9)
    directory = data.find(b"PK\x01\x02")
    while directory != -1:  # the central directory's entry of the same part
        name_length = struct.unpack("<H", data[directory + 28 : directory + 30])[0]
        if data[directory + 46 : directory + 46 + name_length] == b"word/styles.xml":
            data[directory + 10 : directory + 12] = struct.pack("<H", 9)
        directory = data.find(b"PK\x01\x02", directory + 4)
    path = tmp_path / "deflate64.docx"
    path.write_bytes(bytes(data))
    return path


def _new_named_old(tmp_path: Path) -> Path:
    path = tmp_path / "phu-luc.xls"
    path.write_bytes(export_tables(load_plan(), tmp_path / "good.xlsx").read_bytes())
    return path


BAD = {
    "a damaged part": (_corrupt_part, "damaged"),
    "a part packed with deflate64": (_deflate64, "packed in a way office files are not"),
    "an .xlsx named .xls": (_new_named_old, "rename it phu-luc.xlsx"),
    "truncated zip": (_truncated, "damaged or truncated"),
    "zip bomb": (_bomb, "far more than it weighs"),
    "docx without tables": (_no_tables, "no table with a recognisable header"),
    "table without a header": (_no_header, "no table with a recognisable header"),
    "text renamed .docx": (_renamed, "not an office file"),
    "encrypted workbook": (_encrypted, "encrypted"),
    "old binary .doc": (_old, "save it as .docx"),
    "csv not in UTF-8": (_latin1, "not UTF-8"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_is_one_clear_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, says = BAD[name]
    path = make(tmp_path)
    with pytest.raises(TableImportError, match=says):
        import_tables(path)
    assert main(["import", str(path), "-o", str(tmp_path / "out.yaml")]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("kh922 import: error: ")
    assert says in line
    assert not (tmp_path / "out.yaml").exists()


def test_a_table_without_header_beside_a_good_one_is_a_problem(tmp_path: Path) -> None:
    good = [["TT", "Chỉ tiêu", "Đơn vị", "Đến năm 2030"], ["1", "Tỷ lệ A", "%", "≥ 50"]]
    stray = [["Ghi chú", "Số liệu ước tính"], ["Nguồn", "Cục Thống kê"]]
    path = write_docx(tmp_path / "two.docx", [([], good, []), (["Bảng phụ"], stray, [])])
    plan, problems = import_tables(path)
    assert [t.text for t in plan.targets] == ["≥ 50"]
    (problem,) = problems
    assert (problem.table, problem.text) == ("table 2", "Ghi chú")
    assert "not read" in problem.reason


def test_a_docx_import_without_python_docx_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from kh922core import MissingDependencyError

    path = export_tables(load_plan(), tmp_path / "phu-luc.docx")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingDependencyError, match=r"kh922core\[office\]"):
        import_tables(path)


def test_the_archive_check_reads_no_part(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    path = tmp_path / "empty.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TableImportError):
        import_tables(path)


def test_a_workbook_missing_a_part_names_the_part(tmp_path: Path) -> None:
    good = export_tables(load_plan(), tmp_path / "good.xlsx")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            if name != "xl/workbook.xml":  # as a broken converter left it
                target.writestr(name, source.read(name))
    with pytest.raises(TableImportError, match=r"xl/workbook\.xml.*save it again"):
        import_tables(broken)
