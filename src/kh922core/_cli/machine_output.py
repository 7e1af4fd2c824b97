"""What ``--format csv`` and ``--format json`` write on standard output, a batch at a time.

A command may answer with a million rows; its output is written in batches of rows, each
turned into bytes by Polars, so that no copy of the whole output is ever built in Python.  CSV
is written for Excel (UTF-8 with a byte-order mark, text that Excel would run as a formula
escaped: :func:`kh922core._output_formats.csv_bytes`); written to a terminal, its control
characters are shown as escapes.  JSON is one document, ``{"plan": …, "results": [rows],
…}``, one row a line; a character a terminal would run or hide is written as its ``\\uXXXX``
escape, which JSON reads back as the same character.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, BinaryIO

from kh922core._cli.terminal_text import json_safe, visible

if TYPE_CHECKING:
    import polars as pl

__all__ = ["BATCH_ROWS", "write_csv", "write_json_document"]

#: Rows turned into bytes at a time.
BATCH_ROWS = 10_000


def _writer(stream: BinaryIO | None) -> Callable[[bytes], object]:
    """Where the bytes go: ``stream``, else standard output (after what was printed to it)."""
    if stream is not None:
        return stream.write
    sys.stdout.flush()
    buffer: BinaryIO | None = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return buffer.write
    return lambda data: sys.stdout.write(data.decode("utf-8"))  # a text-only stream


def _flush(stream: BinaryIO | None) -> None:
    target = stream if stream is not None else getattr(sys.stdout, "buffer", sys.stdout)
    target.flush()


def _slices(frame: pl.DataFrame, batch_rows: int) -> list[pl.DataFrame]:
    """The frame in slices of ``batch_rows`` rows (one empty slice for an empty frame)."""
    return list(frame.iter_slices(batch_rows)) or [frame]


def write_csv(
    frame: pl.DataFrame, *, stream: BinaryIO | None = None, batch_rows: int | None = None
) -> None:
    """Write ``frame`` as CSV on standard output (or ``stream``), as a CSV file for people is
    written, a batch of rows at a time."""
    from kh922core._output_formats import csv_bytes

    write = _writer(stream)
    terminal = stream is None and sys.stdout.isatty()
    for index, batch in enumerate(_slices(frame, batch_rows or BATCH_ROWS)):
        data = csv_bytes(batch, header=index == 0)
        if terminal:
            data = visible(data.decode("utf-8")).encode("utf-8")
        write(data)
    _flush(stream)


def write_json_document(
    fields: Mapping[str, object],
    tables: Mapping[str, pl.DataFrame],
    *,
    stream: BinaryIO | None = None,
    batch_rows: int | None = None,
) -> None:
    """Write one JSON object: ``fields`` (plain values), then each of ``tables`` as a list of
    row objects, one row a line, a batch of rows at a time.

    Examples:
        >>> import polars as pl
        >>> out = io.BytesIO()
        >>> write_json_document({"plan": "922/KH-UBND"}, {"rows": pl.DataFrame({"a": [1, 2]})},
        ...                     stream=out)
        >>> print(out.getvalue().decode())
        {
          "plan": "922/KH-UBND",
          "rows": [
            {"a":1},
            {"a":2}
          ]
        }
        <BLANKLINE>
    """
    write = _writer(stream)
    parts = [
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, default=str)}"
        for k, v in fields.items()
    ]
    write(("{\n" + json_safe(",\n".join(parts))).encode("utf-8"))
    for index, (key, frame) in enumerate(tables.items()):
        comma = ",\n" if parts or index else ""
        write(f"{comma}  {json.dumps(key)}: [".encode())
        for number, batch in enumerate(frame.iter_slices(batch_rows or BATCH_ROWS)):
            rows = io.BytesIO()
            batch.write_ndjson(rows)
            text = rows.getvalue().decode("utf-8").rstrip("\n").replace("\n", ",\n    ")
            write(((",\n    " if number else "\n    ") + json_safe(text)).encode("utf-8"))
        write(b"\n  ]" if frame.height else b"]")
    write(b"\n}\n")
    _flush(stream)
