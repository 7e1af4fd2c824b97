"""Files of appendices as grids of cell texts: what every reader gives the table finder.

:func:`read_grids` gives every table of a file as a :class:`~kh922core._exchange.grids.Grid`,
and checks the file
before any reader opens it: an old binary ``.doc``/``.xls``, an encrypted document, a file that
is not an office file, a damaged or truncated archive and an archive that would unpack to far
more than it weighs (a "zip bomb") are each refused with one clear sentence.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from kh922core._exchange.grids import Grid
from kh922core.errors import MissingFileError, TableImportError

__all__ = ["READABLE", "check_archive", "read_grids"]

#: The suffixes read, and what each is.
READABLE = {
    ".docx": "Word document",
    ".xlsx": "Excel workbook",
    ".xlsm": "Excel macro-enabled workbook",  # its sheets are read (its macros never run)
    ".csv": "CSV table",
}
#: Old binary formats, and what to save them as.
_OLD = {".doc": ".docx", ".xls": ".xlsx", ".rtf": ".docx"}
#: The signature of an OLE compound file: old binary documents, and encrypted new ones.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The most bytes a file may have, and its parts unpacked together.
MAX_FILE_BYTES = 50_000_000
MAX_UNPACKED_BYTES = 300_000_000
#: The most parts an archive may hold, and how much more than its packed size a part may unpack.
MAX_PARTS = 5_000
MAX_RATIO = 200


def _refuse(path: Path, why: str) -> TableImportError:
    return TableImportError(f"{path.name}: {why}")


def check_archive(path: Path) -> None:
    """Refuse an archive that is damaged, or would unpack to far more than it weighs."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise _refuse(path, f"the file holds {len(parts):,} parts; an office file has few")
            total = sum(part.file_size for part in parts)
            swollen = next(
                (
                    p
                    for p in parts
                    if p.file_size > 1_000_000 and p.file_size > MAX_RATIO * max(p.compress_size, 1)
                ),
                None,
            )
            if total > MAX_UNPACKED_BYTES or swollen is not None:
                raise _refuse(
                    path,
                    f"the file would unpack to {total:,} bytes, far more than it weighs "
                    "(a damaged or malicious archive); it is not read",
                )
            broken = archive.testzip()
            if broken is not None:
                raise _refuse(path, f"the file is damaged (its part {broken!r} is corrupt)")
    except zipfile.BadZipFile:
        raise _refuse(
            path, "the file is damaged or truncated (not a complete zip archive)"
        ) from None
    except (zlib.error, NotImplementedError, EOFError) as error:  # a part that will not unpack
        raise _refuse(
            path,
            f"the file is damaged or packed in a way office files are not ({error}); open it "
            "and save it again",
        ) from None


def _check(path: Path) -> str:
    """The suffix of a readable file, after refusing what must not be opened."""
    if not path.exists():
        raise MissingFileError(f"no such file: {path}", str(path))
    if not path.is_file():
        raise _refuse(path, "a folder, not a file")
    suffix = path.suffix.lower()
    if suffix == ".docm":
        raise _refuse(path, "a macro-enabled Word document (.docm): save it in Word as .docx")
    if suffix in _OLD:
        with path.open("rb") as handle:
            zipped = handle.read(4) == b"PK\x03\x04"  # a new file named the old way
        raise _refuse(
            path,
            f"a {_OLD[suffix]} file named {suffix}: rename it {path.stem}{_OLD[suffix]}"
            if zipped
            else f"an old binary {suffix} file cannot be read: open it in Word or Excel and "
            f"save it as {_OLD[suffix]}",
        )
    if suffix not in READABLE:
        known = ", ".join(f"{s} ({what})" for s, what in READABLE.items())
        hint = ""
        if suffix == ".txt":  # Excel's "Unicode Text" (tab-separated, UTF-16) is named .txt
            hint = "; a table saved as Excel's 'Unicode Text' is read as a CSV table: rename "
            hint += f"it {path.stem}.csv"
        raise _refuse(path, f"not a file the importer reads; it reads {known}{hint}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refuse(path, f"the file has {size:,} bytes; an appendix has at most {50:,} MB")
    if suffix == ".csv":
        with path.open("rb") as handle:
            if handle.read(4) == b"PK\x03\x04":  # a workbook (or a document) named .csv
                raise _refuse(
                    path,
                    "an Excel workbook (or a Word document) named .csv: rename it "
                    f"{path.stem}.xlsx (or .docx)",
                )
        return suffix
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE:
        raise _refuse(
            path,
            "the file is encrypted (protected by a password) or is an old binary document "
            f"renamed {suffix}: remove the password, or save it again as {suffix}",
        )
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK\x03\x04"):
            raise _refuse(path, "the file is damaged or truncated (its zip archive is incomplete)")
        what = READABLE[suffix]
        raise _refuse(
            path,
            f"not an office file: a {suffix} {what} is a zip archive, and this file is not "
            "one (damaged, truncated, or another kind of file renamed)",
        )
    check_archive(path)
    with zipfile.ZipFile(path) as archive:
        relations = archive.read("_rels/.rels") if "_rels/.rels" in archive.namelist() else b""
    if b"purl.oclc.org/ooxml" in relations:  # ISO 29500 Strict: other names for every part
        raise _refuse(
            path,
            f"this {READABLE[suffix]} was saved as 'Strict Open XML', which is not read: save "
            f"it again as an ordinary {READABLE[suffix]} ({suffix})",
        )
    return suffix


def read_grids(path: str | Path) -> list[Grid]:
    """Every table of a ``.docx``, every sheet of a ``.xlsx``, or the table of a ``.csv``.

    Raises:
        TableImportError: The file cannot be read as an office file or a CSV table.
        MissingDependencyError: python-docx or openpyxl is not installed (the ``office`` extra).
        MissingFileError: There is no such file.
    """
    path = Path(path)
    suffix = _check(path)
    if suffix == ".docx":
        from kh922core._exchange.word_grids import docx_grids

        return docx_grids(path)
    from kh922core._exchange.sheet_grids import csv_grids, xlsx_grids

    return csv_grids(path) if suffix == ".csv" else xlsx_grids(path)
