"""One registry of the file formats tables are written in (and, where a reader exists, read).

Each :class:`OutputFormat` has a name (``csv``, ``xlsx``, ``json``, ``parquet``), the file
suffixes that select it, the optional dependency it needs (the ``pip`` extra that brings it) and a
writer ``(frame, path, *, layout) -> None``.  :func:`format_for` picks a format from a file name
or a format name; :func:`write_frame` writes a table with it.

Adding a format takes a writer (and a reader, if the format can be read back), one
:func:`register` call below, and its test.

Examples:
    >>> format_for("so-y-te.xlsx").name, format_for("CSV").name
    ('xlsx', 'csv')
    >>> format_for("report.txt")
    Traceback (most recent call last):
    ...
    kh922core.errors.UnknownFormatError: unknown file format 'report.txt'; \
the formats are csv (.csv), xlsx (.xlsx), json (.json), parquet (.parquet, .pq)
"""

from __future__ import annotations

import importlib
import io
import os
import warnings
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import polars as pl

from kh922core.errors import MissingDependencyError, UnknownFormatError

__all__ = [
    "Layout",
    "OutputFormat",
    "Reader",
    "Writer",
    "csv_bytes",
    "escape_csv_text",
    "format_for",
    "formats",
    "import_optional",
    "open_workbook",
    "register",
    "unescape_csv_text",
    "write_frame",
]


@dataclass(frozen=True, slots=True)
class Layout:
    """How a table is laid out for people; each writer uses what its format can show.

    Attributes:
        sheet: Name of the sheet holding the table (``xlsx``).
        title: A heading, first line of the notes sheet (``xlsx``).
        notes: Lines of explanation on a second sheet (``xlsx``).
        notes_sheet: Name of that sheet.
        fill: Columns people fill in: highlighted (``xlsx``).
        widths: Column widths in characters (``xlsx``; other columns: 12).
    """

    sheet: str = "data"
    title: str | None = None
    notes: tuple[str, ...] = ()
    notes_sheet: str = "notes"
    fill: frozenset[str] = frozenset()
    widths: Mapping[str, int] = field(default_factory=dict)


class Writer(Protocol):
    """Writes ``frame`` to ``path`` (the directory exists), laid out as ``layout`` says."""

    def __call__(self, frame: pl.DataFrame, path: Path, *, layout: Layout) -> None: ...


class Reader(Protocol):
    """Reads a table back from ``path`` (from ``sheet``, or the first one, where there are)."""

    def __call__(self, path: Path, *, sheet: str | None = None) -> pl.DataFrame: ...


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """A file format tables are written in.

    Attributes:
        name: Short lower-case name (``csv``), as users may give it.
        suffixes: File suffixes that select it, lower case with the dot; the first is the usual.
        writer: Writes a table.
        reader: Reads a table back, or ``None``.
        extra: The ``pip install 'kh922core[EXTRA]'`` extra it needs, or ``None``.
        description: One line for people.
    """

    name: str
    suffixes: tuple[str, ...]
    writer: Writer
    reader: Reader | None = None
    extra: str | None = None
    description: str = ""

    def write(
        self, frame: pl.DataFrame, path: str | os.PathLike[str], *, layout: Layout | None = None
    ) -> Path:
        """Write ``frame`` to ``path`` in this format; return the path written.

        Raises:
            MissingDependencyError: The format's optional dependency is not installed.
        """
        target = Path(path)
        self.writer(frame, target, layout=layout if layout is not None else Layout())
        return target

    def read(self, path: str | os.PathLike[str], *, sheet: str | None = None) -> pl.DataFrame:
        """Read a table written in this format (from ``sheet``, or the first, where there are).

        Raises:
            UnknownFormatError: The format has no reader.
            MissingDependencyError: The format's optional dependency is not installed.
        """
        if self.reader is None:
            readable = [f for f in _FORMATS.values() if f.reader is not None]
            raise UnknownFormatError(
                os.fspath(path),
                [(f.name, f.suffixes) for f in readable],
                why=f"{self.name} cannot be read:",
            )
        return self.reader(Path(path), sheet=sheet)


_FORMATS: dict[str, OutputFormat] = {}


def register(output_format: OutputFormat) -> OutputFormat:
    """Add a format to the registry (its name and suffixes must be new); return it."""
    taken = {s for f in _FORMATS.values() for s in f.suffixes}
    clash = [s for s in output_format.suffixes if s in taken or s != s.lower() or s[:1] != "."]
    if output_format.name in _FORMATS or clash or not output_format.suffixes:
        raise ValueError(f"format {output_format.name!r} clashes or has bad suffixes: {clash}")
    _FORMATS[output_format.name] = output_format
    return output_format


def formats() -> tuple[OutputFormat, ...]:
    """Every registered format, in the order of registration.

    Examples:
        >>> [f.name for f in formats()]
        ['csv', 'xlsx', 'json', 'parquet']
    """
    return tuple(_FORMATS.values())


def format_for(
    path_or_name: str | os.PathLike[str], *, among: Collection[str] | None = None
) -> OutputFormat:
    """The format of a file name (by its suffix) or a format name (``"csv"``, any case).

    Args:
        path_or_name: A path, a file name, a bare suffix (``".xlsx"``) or a format name.
        among: Only these format names are possible (the error lists only them).

    Raises:
        UnknownFormatError: No possible format answers to it (the message lists the formats).

    Examples:
        >>> format_for("out/so-y-te.CSV").name
        'csv'
        >>> format_for("t.json", among=("csv", "xlsx"))
        Traceback (most recent call last):
        ...
        kh922core.errors.UnknownFormatError: not a file format possible here: 't.json'; \
the formats are csv (.csv), xlsx (.xlsx)
    """
    possible = [f for f in _FORMATS.values() if among is None or f.name in among]
    given = os.fspath(path_or_name)
    by_name = {f.name: f for f in possible}
    if given.strip().lower() in by_name:
        return by_name[given.strip().lower()]
    file_name = Path(given).name.lower()
    by_suffix = sorted(((s, f) for f in possible for s in f.suffixes), key=lambda p: -len(p[0]))
    for suffix, output_format in by_suffix:
        if file_name.endswith(suffix):
            return output_format
    why = "" if among is None else "not a file format possible here:"
    raise UnknownFormatError(given, [(f.name, f.suffixes) for f in possible], why=why)


def write_frame(
    frame: pl.DataFrame,
    path: str | os.PathLike[str],
    *,
    output_format: str | None = None,
    layout: Layout | None = None,
) -> Path:
    """Write ``frame`` to ``path`` in the format its suffix (or ``output_format``) names.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> frame = pl.DataFrame({"tỉnh": ["Bến Tre"], "năm": [2025]})
        >>> path = write_frame(frame, folder / "t.csv")
        >>> path.read_bytes()[:3]
        b'\\xef\\xbb\\xbf'
        >>> format_for(path).read(path).equals(frame)
        True
    """
    chosen = format_for(output_format if output_format is not None else path)
    return chosen.write(frame, path, layout=layout)


def import_optional(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import an optional dependency, or say which extra to install.

    Raises:
        MissingDependencyError: ``module`` is not installed.

    Examples:
        >>> import_optional("json", extra="xlsx", purpose="reading").__name__
        'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"{purpose} needs the optional dependency {module}: "
            f"pip install 'kh922core[{extra}]' (or use a .csv file)",
            name=module,
        ) from None


# ------------------------------------------------------------------------------------- csv


def _text_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """List columns as text, items separated by ``", "`` (CSV has no lists); an empty list is
    an empty cell."""
    lists = [c for c, d in frame.schema.items() if isinstance(d, pl.List)]
    return frame.with_columns(
        pl.when(pl.col(c).list.len() > 0).then(pl.col(c).cast(pl.List(pl.String)).list.join(", "))
        for c in lists
    )


#: What a spreadsheet takes for the start of a formula in a text cell (OWASP's list).
_FORMULA_START = "=+-@\t\r"


def escape_csv_text(expr: pl.Expr) -> pl.Expr:
    """Text that a spreadsheet would run as a formula (a cell starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return), made inert by a leading ``'``, as OWASP recommends
    against CSV injection; other text as it is.

    Examples:
        >>> texts = pl.Series(["=1+1", "-x", "@SUM(A1)", "Bến Tre", None])
        >>> pl.select(escape_csv_text(pl.lit(texts))).to_series().to_list()
        ["'=1+1", "'-x", "'@SUM(A1)", 'Bến Tre', None]
    """
    return expr.cast(pl.String).str.replace(r"^([=+\-@\t\r])", "'$1")


def unescape_csv_text(expr: pl.Expr) -> pl.Expr:
    """Text read back from a CSV written with :func:`escape_csv_text`: the ``'`` it put before
    a formula's first character is taken off."""
    return expr.cast(pl.String).str.replace(r"^'([=+\-@\t\r])", "$1")


def csv_bytes(frame: pl.DataFrame, *, header: bool = True) -> bytes:
    """A table as the CSV people get (a file or a command's output): UTF-8 with a byte-order
    mark, so that Excel shows Vietnamese letters right; list cells as text; every text cell and
    column name that Excel would run as a formula escaped (:func:`escape_csv_text`), numbers
    as numbers (``-2`` is a number).  Without ``header``, the rows only (a later batch).

    Examples:
        >>> csv_bytes(pl.DataFrame({"tỉnh": ["Bến Tre"], "mã": [["83", "86"]]}))
        b'\\xef\\xbb\\xbft\\xe1\\xbb\\x89nh,m\\xc3\\xa3\\nB\\xe1\\xba\\xbfn Tre,"83, 86"\\n'
    """
    table = _text_lists(frame)
    texts = [c for c, d in table.schema.items() if d in (pl.String, pl.Categorical, pl.Enum)]
    table = table.with_columns(escape_csv_text(pl.col(c)) for c in texts)
    table = table.rename({c: f"'{c}" for c in table.columns if c[:1] and c[0] in _FORMULA_START})
    buffer = io.BytesIO()
    table.write_csv(buffer, include_bom=header, include_header=header)
    return buffer.getvalue()


def _write_csv(frame: pl.DataFrame, path: Path, *, layout: Layout) -> None:
    """UTF-8 with a byte-order mark, so that Excel shows Vietnamese letters right."""
    path.write_bytes(csv_bytes(frame))


def _read_csv(path: Path, *, sheet: str | None = None) -> pl.DataFrame:
    """The table back; the escapes of text that would run as a formula are taken off."""
    frame = pl.read_csv(path, try_parse_dates=True, infer_schema_length=None)
    texts = [c for c, d in frame.schema.items() if d == pl.String]
    frame = frame.with_columns(unescape_csv_text(pl.col(c)) for c in texts)
    escaped = [c for c in frame.columns if c[:1] == "'" and c[1:2] and c[1] in _FORMULA_START]
    return frame.rename({c: c[1:] for c in escaped})


# ------------------------------------------------------------------------------------ xlsx


def _pixels(characters: int) -> int:
    """A column width in characters as Excel's pixels (the conversion xlsxwriter uses)."""
    return int(characters * 7 + 0.5) + 5


def _write_xlsx(frame: pl.DataFrame, path: Path, *, layout: Layout) -> None:
    """The table on ``layout.sheet`` (header frozen, fill columns highlighted), notes beside."""
    xlsxwriter = import_optional("xlsxwriter", extra="xlsx", purpose="writing .xlsx")
    # Text is text: never a formula (CSV injection) or a link, whatever it starts with.
    options = {"nan_inf_to_errors": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        fill = {"bg_color": "#FFF2CC", "border": 1}
        table = _text_lists(frame)
        table.write_excel(
            workbook=workbook,
            worksheet=layout.sheet,
            header_format={"bold": True, "bg_color": "#DDDDDD", "border": 1},
            column_formats={c: fill for c in table.columns if c in layout.fill},
            dtype_formats={d: "General" for d in set(table.dtypes) if d.is_numeric()},
            column_widths={c: _pixels(layout.widths.get(c, 12)) for c in table.columns},
            freeze_panes=(1, 0),
            autofit=False,
        )
        if layout.title is not None or layout.notes:
            notes = workbook.add_worksheet(layout.notes_sheet)
            notes.set_column(0, 0, 100)
            row = 0
            if layout.title is not None:
                notes.write_string(0, 0, layout.title, workbook.add_format({"bold": True}))
                row = 1
            for offset, line in enumerate(layout.notes):
                notes.write_string(row + offset, 0, line)
    finally:
        workbook.close()


def open_workbook(openpyxl: Any, path: Path, **options: bool) -> Any:
    """``openpyxl.load_workbook(path, **options)``, without the warning it gives of a file that
    another program wrote with no default style (harmless: the cells read the same)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Workbook contains no default style")
        return openpyxl.load_workbook(path, **options)


def _read_xlsx(path: Path, *, sheet: str | None = None) -> pl.DataFrame:
    """The sheet (``sheet``, else the first) as a table, cells typed as Excel stored them; a
    column of datetimes all at midnight is read as dates."""
    openpyxl = import_optional("openpyxl", extra="xlsx", purpose="reading .xlsx")
    workbook = open_workbook(openpyxl, path, read_only=True, data_only=True)
    try:
        shown = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]  # not hidden
        chosen = workbook[sheet] if sheet in workbook.sheetnames else [*shown, workbook.active][0]
        cells = list(chosen.iter_rows(values_only=True))
    finally:
        workbook.close()
    header = [str(c).strip() if c is not None else "" for c in cells[0]] if cells else []
    rows = [dict(zip(header, row, strict=False)) for row in cells[1:]]
    frame = pl.DataFrame(rows, infer_schema_length=None)
    midnight = [
        c
        for c, dtype in frame.schema.items()
        if isinstance(dtype, pl.Datetime)
        and frame[c].drop_nulls().dt.time().eq(time(0)).all()
        and not frame[c].drop_nulls().is_empty()
    ]
    return frame.with_columns(pl.col(c).dt.date() for c in midnight)


# ------------------------------------------------------------------------- json, parquet


def _write_json(frame: pl.DataFrame, path: Path, *, layout: Layout) -> None:
    """One JSON object per row, in a list (NaN is written as null)."""
    frame.write_json(path)


def _read_json(path: Path, *, sheet: str | None = None) -> pl.DataFrame:
    """The rows back; a text column of ISO dates only (as dates are written) is read as dates."""
    frame = pl.read_json(path, infer_schema_length=None)
    texts = [c for c, dtype in frame.schema.items() if dtype == pl.String]
    parsed = frame.select(pl.col(texts).str.to_date("%Y-%m-%d", strict=False))
    dates = [c for c in texts if parsed[c].null_count() == frame[c].null_count()]
    return frame.with_columns(parsed.select(dates))


def _write_parquet(frame: pl.DataFrame, path: Path, *, layout: Layout) -> None:
    frame.write_parquet(path)


def _read_parquet(path: Path, *, sheet: str | None = None) -> pl.DataFrame:
    return pl.read_parquet(path)


register(OutputFormat("csv", (".csv",), _write_csv, _read_csv, description="CSV for Excel"))
register(
    OutputFormat(
        "xlsx", (".xlsx",), _write_xlsx, _read_xlsx, extra="xlsx", description="Excel workbook"
    )
)
register(OutputFormat("json", (".json",), _write_json, _read_json, description="JSON rows"))
register(
    OutputFormat(
        "parquet", (".parquet", ".pq"), _write_parquet, _read_parquet, description="Parquet"
    )
)
