"""The consolidated report written as ``.html``, ``.docx`` or ``.xlsx`` (the ``report``
extra)."""

from __future__ import annotations

import os
from pathlib import Path

from kh922core._reports.report_charts import require_report_extra
from kh922core._reports.report_content import Report
from kh922core._reports.report_words import words
from kh922core.errors import MissingFileError, UnknownFormatError

__all__ = ["REPORT_FORMATS", "write_report"]

#: The report's formats and their suffixes.
REPORT_FORMATS = (("html", (".html", ".htm")), ("docx", (".docx",)), ("xlsx", (".xlsx",)))


def write_report(report: Report, path: str | os.PathLike[str], *, lang: str = "vi") -> Path:
    """Write ``report`` to ``path``; its suffix chooses the format (``.html``, ``.docx``,
    ``.xlsx``).

    Raises:
        kh922core.errors.UnknownFormatError: Another suffix.
        kh922core.errors.MissingDependencyError: The ``report`` extra is not installed.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    kind = next((name for name, suffixes in REPORT_FORMATS if suffix in suffixes), None)
    if kind is None:
        raise UnknownFormatError(str(path), REPORT_FORMATS, why="not a report format:")
    if not target.parent.is_dir():
        raise MissingFileError(f"no folder {str(target.parent)!r} to write in", str(target.parent))
    said = words(lang)
    require_report_extra("matplotlib")
    if kind == "html":
        from kh922core._reports.report_html import write_html

        write_html(report, target, said)
    elif kind == "docx":
        from kh922core._reports.report_docx import write_docx

        write_docx(report, target, said)
    else:
        from kh922core._reports.report_xlsx import write_xlsx

        write_xlsx(report, target, said)
    return target
