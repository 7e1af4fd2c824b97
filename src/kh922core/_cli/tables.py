"""Tables for people: what the ``kh922`` commands print in a terminal, and their CSV.

Headings, statuses and the sentences around a table are in Vietnamese by default and in English
with ``--lang en``; they come from ``data/table_labels.yaml``, not from the code.  A table fits
the terminal's width: long texts wrap at spaces, lists of ids wrap between ids, and an id is
never cut.  CSV and JSON keep the machine names; CSV is written for Excel (UTF-8 with a
byte-order mark).
"""

from __future__ import annotations

import argparse
import math
import shutil
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from kh922core._cli.terminal_text import visible

if TYPE_CHECKING:
    import polars as pl

    from kh922core._plans import Plan
    from kh922core._tracking import Takeover

__all__ = [
    "LANGUAGES",
    "Column",
    "Labels",
    "add_lang_option",
    "labels",
    "named",
    "render",
    "takeover_lines",
]

LANGUAGES = ("vi", "en")
#: How a column is shown: ``id`` (never wrapped), ``ids`` (a list of ids, wrapped between
#: them), ``text`` (wrapped at spaces), ``named`` (a name and its id in brackets, wrapped at
#: spaces, the id never cut: see :func:`named`), ``value`` (a status, in words), ``number``
#: and ``percent`` (right-aligned), ``date``.
Kind = Literal["id", "ids", "text", "named", "value", "number", "percent", "date"]
_GAP = "  "
#: A text column is not made narrower than its longest word, up to this many characters.
_LONGEST_WORD = 20
#: Nor narrower than this (or its whole text, if shorter).
_NARROWEST_TEXT = 10
#: A long text is wrapped to this width before the headings of other columns are.
_COMFORTABLE = 24
_FALLBACK_SIZE = (100, 24)


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a printed table: its machine name (the key of its heading) and its kind."""

    name: str
    kind: Kind = "text"


@dataclass(frozen=True, slots=True)
class Labels:
    """The words of one language: headings, values (statuses) and sentences."""

    lang: str
    columns: Mapping[str, str]
    values: Mapping[str, str]
    messages: Mapping[str, str]

    def column(self, name: str) -> str:
        """The heading of a column (its machine name when there is none)."""
        return self.columns.get(name, name)

    def value(self, value: str) -> str:
        """A value (a status) in words; other values as they are."""
        return self.values.get(value, value)

    def say(self, key: str, **fields: object) -> str:
        """A sentence, with its ``{fields}`` filled in."""
        return self.messages[key].format(**fields)

    def day(self, day: date) -> str:
        """A date as people of the language write it: ``31/05/2025`` or ``2025-05-31``."""
        return f"{day:%d/%m/%Y}" if self.lang == "vi" else day.isoformat()

    def number(self, value: float) -> str:
        """A number to three decimals: ``6.388,3`` in Vietnamese, ``6,388.3`` in English."""
        if not math.isfinite(value):
            return ""
        rounded = round(value, 3) + 0.0
        if self.lang == "vi":
            from kh922core._targets import format_number

            return format_number(rounded)
        return f"{rounded:,.3f}".rstrip("0").rstrip(".")

    def percent(self, share: float) -> str:
        """A share as a percentage with one decimal (``7,9%``)."""
        if not math.isfinite(share):
            return ""
        text = f"{share * 100:.1f}%"
        return text.replace(".", ",") if self.lang == "vi" else text

    def agency(self, plan: Plan, agency_id: str) -> str:
        """An agency as people read it: its name, then its id."""
        return f"{plan.agency(agency_id).name} ({agency_id})"


@cache
def labels(lang: str = "vi") -> Labels:
    """The words of ``lang`` (``vi`` or ``en``), read from ``data/table_labels.yaml``.

    Examples:
        >>> labels("vi").value("not_met"), labels("en").value("not_met")
        ('Không đạt', 'not met')
        >>> labels("vi").column("status_no_data")
        'Chưa có số liệu'
    """
    import yaml

    text = (resources.files("kh922core") / "data" / "table_labels.yaml").read_text("utf-8")
    data = yaml.safe_load(text)

    def section(name: str) -> dict[str, str]:
        return {str(key): str(words[lang]) for key, words in data[name].items()}

    return Labels(lang, section("columns"), section("values"), section("messages"))


def named(name: str, column: str, names: Mapping[str, str]) -> pl.Expr:
    """A column of ids as ``name (id)`` (a ``named`` column of a table): ``names`` maps the ids
    to their names; an id without a name is shown alone.

    Examples:
        >>> import polars as pl
        >>> frame = pl.DataFrame({"agency": ["so-y-te", "so-moi", None]})
        >>> frame.select(named("agency", "agency", {"so-y-te": "Sở Y tế"}))["agency"].to_list()
        ['Sở Y tế (so-y-te)', 'so-moi', None]
    """
    import polars as pl

    ids = pl.col(column).cast(pl.String)
    found = ids.replace_strict(dict(names), default=None, return_dtype=pl.String)
    return (
        pl.when(found.is_not_null())
        .then(pl.concat_str([found, pl.lit(" ("), ids, pl.lit(")")]))
        .otherwise(ids)
        .alias(name)
    )


def add_lang_option(command: argparse.ArgumentParser) -> None:
    """The ``--lang`` option of a command that prints tables for people."""
    command.add_argument(
        "--lang",
        default="vi",
        choices=LANGUAGES,
        help="language of the printed table: vi (default) or en; CSV and JSON keep the "
        "machine names",
    )


def _cell(value: object, kind: Kind, words: Labels) -> str | list[str]:
    """One cell as text (a list of ids for an ``ids`` column)."""
    if kind == "ids":
        if value is None:
            return []
        items = value if isinstance(value, list) else str(value).split(",")
        return [visible(str(item).strip(), lines=False) for item in items if str(item).strip()]
    if value is None:
        return ""
    if kind == "value":
        return visible(words.value(str(value)), lines=False)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return words.day(value)
    if isinstance(value, float):
        return words.percent(value) if kind == "percent" else words.number(value)
    return visible(str(value), lines=False)


def _flat(cell: str | list[str]) -> str:
    return ", ".join(cell) if isinstance(cell, list) else cell


def _least(heading: str, cells: list[str | list[str]], kind: Kind) -> int:
    """The narrowest a column may be: no heading word, id or number is ever cut."""
    head = max((len(word) for word in heading.split()), default=1)
    if kind == "ids":
        return max([head, *(len(item) + 1 for cell in cells for item in cell)])
    texts = [_flat(cell) for cell in cells]
    if kind == "value":
        return max([head, *(len(word) for text in texts for word in text.split())])
    if kind in ("text", "named"):
        longest = max((len(word) for text in texts for word in text.split()), default=1)
        whole = max((len(text) for text in texts), default=1)
        ids = [len(text.split()[-1]) for text in texts if text.split()] if kind == "named" else []
        return max([head, min(longest, _LONGEST_WORD), min(whole, _NARROWEST_TEXT), *ids])
    return max([head, *(len(text) for text in texts)])


def _narrow(widths: list[int], floor: list[int], room: int) -> list[int]:
    """Narrow the widest columns first, one character at a time, until the table fits ``room``
    or every column is at its ``floor``."""
    widths = list(widths)
    excess = sum(widths) - room
    while excess > 0:
        narrower = [i for i, width in enumerate(widths) if width > floor[i]]
        if not narrower:
            break
        widest = max(narrower, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _fit(natural: list[int], least: list[int], long: list[bool], room: int) -> list[int]:
    """Column widths that fit ``room`` characters: first the long texts wrap down to a
    comfortable width, then the headings of the other columns wrap, then the long texts wrap
    further; never below ``least`` (the table is then wider than the room)."""
    comfortable = [
        min(n, max(m, _COMFORTABLE)) if is_long else n
        for n, m, is_long in zip(natural, least, long, strict=True)
    ]
    headings_wrap = [
        c if is_long else m for c, m, is_long in zip(comfortable, least, long, strict=True)
    ]
    widths = natural
    for floor in (comfortable, headings_wrap, least):
        widths = _narrow(widths, floor, room)
    return widths


def _ids_lines(items: list[str], width: int) -> list[str]:
    """Ids joined by ``", "``, a new line before an id that does not fit; none is cut."""
    lines: list[str] = []
    line = ""
    for index, item in enumerate(items):
        piece = item + ("," if index < len(items) - 1 else "")
        if line and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    return [*lines, line] if line or not lines else lines


def _lines(cell: str | list[str], kind: Kind, width: int) -> list[str]:
    if isinstance(cell, list):
        return _ids_lines(cell, width)
    if kind in ("text", "named", "value"):
        return textwrap.wrap(cell, width, break_on_hyphens=False) or [""]
    return [cell]


def _block(cells: list[list[str]], widths: list[int], right: list[bool]) -> list[str]:
    height = max(len(lines) for lines in cells)
    out = []
    for k in range(height):
        parts = []
        for lines, width, to_right in zip(cells, widths, right, strict=True):
            text = lines[k] if k < len(lines) else ""
            parts.append(text.rjust(width) if to_right else text.ljust(width))
        out.append(_GAP.join(parts).rstrip())
    return out


def render(
    frame: pl.DataFrame, columns: Sequence[Column], words: Labels, *, width: int | None = None
) -> str:
    """``frame``'s ``columns`` as a table for people, fitting ``width`` (default: the terminal).

    Examples:
        >>> import polars as pl
        >>> frame = pl.DataFrame({"task_id": ["task-07"], "status": ["overdue"],
        ...                       "days_left": [-1]})
        >>> columns = [Column("task_id", "id"), Column("status", "value"),
        ...            Column("days_left", "number")]
        >>> print(render(frame, columns, labels("vi"), width=40))
        Mã nhiệm vụ  Kết quả  Còn (ngày)
        -----------  -------  ----------
        task-07      Quá hạn          -1
    """
    total = width if width is not None else shutil.get_terminal_size(_FALLBACK_SIZE).columns
    headings = [visible(words.column(c.name), lines=False) for c in columns]
    rows = [
        [_cell(value, c.kind, words) for value, c in zip(row, columns, strict=True)]
        for row in frame.select([c.name for c in columns]).rows()
    ]
    natural = [
        max([len(headings[i]), *(len(_flat(row[i])) for row in rows)]) for i in range(len(columns))
    ]
    least = [_least(headings[i], [row[i] for row in rows], c.kind) for i, c in enumerate(columns)]
    least = [min(a, b) for a, b in zip(least, natural, strict=True)]
    long = [c.kind in ("text", "named", "ids") for c in columns]
    widths = _fit(natural, least, long, total - len(_GAP) * (len(columns) - 1))
    right = [c.kind in ("number", "percent") for c in columns]
    out = _block(
        [
            textwrap.wrap(h, w, break_on_hyphens=False)
            for h, w in zip(headings, widths, strict=True)
        ],
        widths,
        right,
    )
    out.append(_GAP.join("-" * w for w in widths))
    blocks = [
        [_lines(cell, c.kind, w) for cell, c, w in zip(row, columns, widths, strict=True)]
        for row in rows
    ]
    tall = any(len(lines) > 1 for block in blocks for lines in block)
    for index, block in enumerate(blocks):
        if tall and index:
            out.append("")
        out += _block(block, widths, right)
    return "\n".join(out)


def takeover_lines(plan: Plan, moved: Takeover, words: Labels) -> list[str]:
    """The sentences that say who took over an agency's duties, and from when.

    Examples:
        >>> import kh922core
        >>> from kh922core._tracking import takeover
        >>> plan = kh922core.load_plan()
        >>> for line in takeover_lines(plan, takeover(plan, "so-khdt", "2026-11-28"),
        ...                            labels("en")):
        ...     print(line)
        Sở Kế hoạch và Đầu tư (so-khdt) ceased on 2025-03-01; its targets and tasks are carried \
by Sở Tài chính (so-tai-chinh) (the table below).
    """
    agency = words.agency(plan, moved.agency)
    if not moved.carriers:
        lines = [words.say("takeover_none", agency=agency, date=words.day(moved.ended))]
    else:
        carriers = words.say("and").join(words.agency(plan, a) for a in moved.carriers)
        lines = [
            words.say("takeover", agency=agency, date=words.day(moved.ended), carriers=carriers)
        ]
    for successor, start, note in moved.partial:
        lines.append(
            words.say(
                "takeover_partial",
                agency=words.agency(plan, successor),
                date=words.day(start),
                note=note or "",
            )
        )
    return lines
