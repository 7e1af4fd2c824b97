"""Deadlines as Phụ lục II writes them ("Thời gian hoàn thành").

Forms (matched case-insensitively, after NFC normalisation and whitespace folding):

- ``Thường xuyên``, ``Hằng năm``: ``recurring``, no dates (reported every cycle).
- ``12/2025``, ``Tháng 3/2026``, ``T3/2026`` (``Th3/2026``), ``Tháng 12 năm 2025``, ``12-2025``:
  ``month``, due on the last day of the month.
- ``Quý II/2025``, ``Quý 2/2025``, ``Q4/2025``: ``quarter``, due on the last day of the quarter.
- ``Năm 2030``, ``2030``, ``Cuối năm 2030``: ``year``, due on 31 December.
- ``2025 - 2026``, ``Năm 2025-2026``: ``period``, starts 1 January, due 31 December.
- ``6 tháng đầu năm 2027``: ``period``, January to 30 June (``6 tháng cuối năm``: July to
  31 December).
- ``31/12/2025``, ``31.12.2025``, ``31-12-2025``, ``2025-12-31``: ``date``, due that day.
- ``Hoàn thành …`` before any of these (``Hoàn thành trong Quý III/2025``): the time alone.
- ``Trước 01/6/2025``, ``Trước tháng 6/2025``: "before", so due the day before (31 May 2025);
  the reporting calendar reads "trước ngày 01/6" the same way.
- ``Năm 2025 và các năm tiếp theo``, ``Năm 2025 trở lên``, ``Từ năm 2025``: ``open_ended``,
  starts 1 January, no due date.
- ``Sau khi …``, ``… sau khi có …``: ``conditional``, waits on the trigger it names.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from pydantic import BaseModel, ConfigDict

from kh922core.errors import DeadlineParseError

__all__ = ["Deadline", "DeadlineKind", "parse_deadline"]


class DeadlineKind(StrEnum):
    """The forms a deadline takes."""

    RECURRING = "recurring"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    PERIOD = "period"
    DATE = "date"
    OPEN_ENDED = "open_ended"
    CONDITIONAL = "conditional"


class Deadline(BaseModel):
    """A parsed deadline; ``text`` keeps the cell verbatim.

    Attributes:
        text: The deadline as printed.
        kind: Its form.
        start: First day of the period it covers (``period``, ``open_ended``, a ``recurring``
            duty over years: ``2025-2030 (hằng năm)``), else ``None``.
        due: The day it falls due (the last day of a recurring duty's years), or ``None``
            (recurring, open-ended, conditional).
        trigger: For a conditional deadline, the event it waits on (verbatim).
        action: For a conditional deadline, what is to be done once it happens, when the text
            says (``Trình UBND tỉnh phê duyệt``), else ``None``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: DeadlineKind
    start: date | None = None
    due: date | None = None
    trigger: str | None = None
    action: str | None = None


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"((?:19|20)\d{2})"
_FORMS: tuple[tuple[DeadlineKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            DeadlineKind.RECURRING,
            r"(?:thường xuyên|hằng năm|hàng năm|(?:hằng|hàng) (?:quý|tháng)|định kỳ"
            r"(?: (?:hằng|hàng) (?:năm|quý|tháng)| \d{1,2} tháng(?:/lần| một lần)?)?)",
        ),
        (
            DeadlineKind.QUARTER,
            r"(?:trong\s+)?(?:quý\s+|q\.?\s*)(i{1,3}|iv|[1-4])(?:\s*[/-]\s*(?:năm\s+)?|\s+năm\s+)"
            + _YEAR,
        ),
        (
            DeadlineKind.DATE,
            r"(trước\s+(?:ngày\s+)?|ngày\s+)?(\d{1,2})([/.-])(\d{1,2})\3" + _YEAR,
        ),
        (
            DeadlineKind.MONTH,
            r"(trước\s+)?(?:trong\s+)?(?:tháng\s+|th?\.?\s*)?(\d{1,2})\s*[/.-]\s*(?:năm\s+)?"
            + _YEAR
            + r"|(trước\s+)?(?:trong\s+)?tháng\s+(\d{1,2})\s+năm\s+"
            + _YEAR,
        ),
        (
            DeadlineKind.OPEN_ENDED,
            r"(?:từ\s+(?:năm\s+)?" + _YEAR + r"(?:\s+trở đi)?"
            r"|(?:năm\s+)?" + _YEAR + r"\s+(?:và các năm tiếp theo|trở lên|trở đi))",
        ),
        (
            DeadlineKind.PERIOD,
            r"(?:giai đoạn\s+|từ\s+)?(?:năm\s+)?"
            + _YEAR
            + r"\s*(?:[-–]|đến|tới)\s*(?:năm\s+)?"
            + _YEAR,
        ),
        (
            DeadlineKind.YEAR,
            r"(?:(?:trong|đến|tới|đến hết|hết|chậm nhất(?: đến| vào| là)?)\s+)?"
            r"(?:(?:cuối\s+)?năm\s+)?" + _YEAR,
        ),
    )
)
_CONDITIONAL = re.compile(r"\bsau khi\b", re.IGNORECASE)
#: A time after the event, a clause of nothing else: "…; chậm nhất Quý II/2026", "…, năm 2026"
#: (not a year of the event's own words: "Luật Khoa học, công nghệ … năm 2025 có hiệu lực").
_STOP = re.compile(
    r"[;,]\s*(?:(?:chậm\s+nhất|muộn\s+nhất|trước|trong|không\s+quá|đến(?:\s+hết)?|vào"
    r"|hoàn\s+thành)\s+)?(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*(?:\d{1,2}\s*[/.-]\s*)?)?(?:(?:quý|tháng)\s+(?:[IVX]+|\d{1,2})"
    r"\s*(?:/|năm)?\s*|năm\s+)?(?:19|20)\d{2}\s*\.?\s*$",
    re.IGNORECASE,
)
#: "Hoàn thành" before the time it is done by: the time alone says it.
_DONE = re.compile(r"^(?:hoàn thành|xong)\s+(?=\S)", re.IGNORECASE)
#: A date written year first: "2025/12/31", "2025-12-31".
_ISO_DATE = re.compile(_YEAR + r"([/-])(\d{1,2})\2(\d{1,2})")
#: A half of a year: "6 tháng đầu năm 2027", "6 tháng cuối năm 2027".
_HALF = re.compile(r"(?:trong\s+)?6\s+tháng\s+(đầu|cuối)\s+(?:năm\s+)?" + _YEAR, re.IGNORECASE)


#: Times in a list, or from one to another: "Năm 2025, 2026", "Quý I/2026 và Quý II/2026",
#: "12/2025 - 6/2026" (a dash between spaces: "10-12-2025" is a date).
_LIST_MARKS = re.compile(r"\s*[,;]\s*|\s+(?:và|đến|tới)\s+|\s+[-–]\s+", re.IGNORECASE)
#: Quarters of one year: "Quý I, II/2026", "Quý III và IV năm 2026".
_QUARTERS = re.compile(
    r"quý\s+((?:i{1,3}|iv|[1-4])(?:\s*(?:,|và|-)\s*(?:i{1,3}|iv|[1-4]))+)\s*(?:/|năm)\s*" + _YEAR,
    re.IGNORECASE,
)
#: A year narrowed in brackets: "Năm 2026 (Quý II)", "2026 (tháng 6)".
_NARROWED = re.compile(
    r"(?:năm\s+)?" + _YEAR + r"\s*\(\s*((?:quý|tháng)\s+(?:i{1,3}|iv|\d{1,2}))\s*\)",
    re.IGNORECASE,
)


def _first_day(deadline: Deadline) -> date:
    """The first day of the time a deadline names (its quarter's, month's or year's)."""
    due = deadline.due or date.max
    if deadline.start is not None or deadline.kind is DeadlineKind.DATE:
        return deadline.start or due
    if deadline.kind is DeadlineKind.QUARTER:
        return date(due.year, due.month - 2, 1)
    return date(due.year, due.month if deadline.kind is DeadlineKind.MONTH else 1, 1)


def _listed(text: str, folded: str) -> Deadline | None:
    """Several times of a cell as one period, from the first one's start to the last one's end
    (``Năm 2025, 2026``, ``Quý I, II/2026``, ``12/2025 - 6/2026``), or a year narrowed in
    brackets (``Năm 2026 (Quý II)``: the quarter); ``None`` where the pieces are no times.

    Raises:
        DeadlineParseError: Times listed apart (``Năm 2026, 2028``: two milestones, or the
            years between too?).
    """
    narrowed = _NARROWED.fullmatch(folded)
    if narrowed is not None:
        return parse_deadline(f"{narrowed.group(2)}/{narrowed.group(1)}").model_copy(
            update={"text": text}
        )
    quarters = _QUARTERS.fullmatch(folded)
    if quarters is not None:
        numbers = re.split(r"\s*(?:,|và|-)\s*", quarters.group(1))
        folded = ", ".join(f"Quý {number}/{quarters.group(2)}" for number in numbers)
    pieces = _LIST_MARKS.split(folded)
    if len(pieces) < 2:
        return None
    try:
        times = [parse_deadline(piece) for piece in pieces]
    except DeadlineParseError:
        return None
    if any(t.due is None for t in times):
        return None  # "Thường xuyên, 2026": no period
    spans = sorted((_first_day(t), t.due) for t in times if t.due is not None)
    ranged = len(pieces) == 2 and re.search(r"\s(?:[-–]|đến|tới)\s", folded, re.IGNORECASE)
    if not ranged and any(b[0] > a[1] + timedelta(days=1) for a, b in pairwise(spans)):
        raise DeadlineParseError(  # "Năm 2026, 2028": two milestones, or the years between?
            f"deadline {text!r}: times listed apart, no one period: write the task once for "
            "each time, or the period ('2026 - 2028')"
        )
    return Deadline(text=text, kind=DeadlineKind.PERIOD, start=spans[0][0], due=spans[-1][1])


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


#: A duty that comes back each year, quarter or month, or always.
_EVERY = re.compile(
    r"(?<!\w)(?:thường\s+xuyên|(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng))(?!\w)",
    re.IGNORECASE,
)
#: What may stand beside it: the years it runs over ("2025-2030", "giai đoạn 2025 - 2030"), or
#: the day of each year it falls due by ("trước ngày 15/11", "trước 15 tháng 11").
_EVERY_SPAN = re.compile(
    r"(?:giai\s+đoạn\s+|từ\s+(?:năm\s+)?)?" + _YEAR + r"\s*(?:[-–]|đến|tới)\s*(?:năm\s+)?" + _YEAR,
    re.IGNORECASE,
)
_EVERY_DAY = re.compile(
    r"(?:(?:trước|chậm\s+nhất|vào|đến)\s+)?(?:ngày\s+)?\d{1,2}\s*(?:[/.-]|tháng)\s*\d{1,2}",
    re.IGNORECASE,
)


def _recurring(text: str, folded: str) -> Deadline | None:
    """A recurring deadline with what it says beside the recurrence: the years it runs over
    (their first and last day), or each year's day it falls due by (kept in the text)."""
    every = _EVERY.search(folded)
    if every is None:
        return None
    rest = (folded[: every.start()] + " " + folded[every.end() :]).strip(" ,;.()")
    rest = " ".join(re.sub(r"[(),;]", " ", rest).split())
    if not rest or _EVERY_DAY.fullmatch(rest) or _EVERY.fullmatch(rest):
        return Deadline(text=text, kind=DeadlineKind.RECURRING)
    span = _EVERY_SPAN.fullmatch(rest)
    if span is None:
        return None
    first, last = int(span.group(1)), int(span.group(2))
    if first > last:
        raise DeadlineParseError(f"deadline {text!r}: {first} is after {last}")
    return Deadline(
        text=text, kind=DeadlineKind.RECURRING, start=date(first, 1, 1), due=date(last, 12, 31)
    )


def parse_deadline(text: str) -> Deadline:
    """Parse a deadline text of Phụ lục II.

    Args:
        text: The "Thời gian hoàn thành" cell.

    Returns:
        The parsed deadline.

    Raises:
        DeadlineParseError: When the text follows none of the known forms.

    Examples:
        >>> parse_deadline("Quý II/2025").due
        datetime.date(2025, 6, 30)
        >>> parse_deadline("3/2026").due
        datetime.date(2026, 3, 31)
        >>> parse_deadline("Năm 2025 trở lên").kind.value, parse_deadline("Năm 2025 trở lên").start
        ('open_ended', datetime.date(2025, 1, 1))
        >>> parse_deadline("Sau khi Bộ Nội vụ ban hành Đề án").trigger
        'Bộ Nội vụ ban hành Đề án'
        >>> every = parse_deadline("2025-2030 (hằng năm)")
        >>> every.kind.value, every.start, every.due
        ('recurring', datetime.date(2025, 1, 1), datetime.date(2030, 12, 31))
        >>> listed = parse_deadline("Quý I, II/2026")
        >>> listed.kind.value, listed.start, listed.due
        ('period', datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    """
    if not isinstance(text, str) or not text.strip():
        raise DeadlineParseError(
            f"empty deadline {text!r}: expected e.g. 'Quý II/2025' or '12/2025'"
        )
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    condition = _CONDITIONAL.search(folded)
    if condition is not None:
        trigger = folded[condition.end() :].strip(" .;")
        if not trigger:
            raise DeadlineParseError(f"deadline {text!r}: 'sau khi' names no event")
        stop = _STOP.search(trigger)
        if stop is not None:  # "Sau khi Đề án được phê duyệt; chậm nhất Quý II/2026"
            raise DeadlineParseError(
                f"deadline {text!r}: an event and a time ({stop.group(0).strip(' ,;')!r}): "
                "which holds? Write the time alone ('Quý II/2026'), or the event alone"
            )
        action = folded[: condition.start()].strip(" ,.;") or None
        return Deadline(text=text, kind=DeadlineKind.CONDITIONAL, trigger=trigger, action=action)
    recurring = _recurring(text, folded)  # "2025-2030 (hằng năm)", "Trước 15/11 hằng năm"
    if recurring is not None:
        return recurring
    folded = _DONE.sub("", folded)  # "Hoàn thành trong Quý III/2025": the quarter
    folded = re.sub(r"\bqúy\b", "quý", folded, flags=re.IGNORECASE)  # "Qúy IV": the mark misplaced
    iso = _ISO_DATE.fullmatch(folded)
    if iso is not None:  # "2025/12/31", "2025-12-31": year first
        folded = f"{iso.group(4)}/{iso.group(3)}/{iso.group(1)}"
    half = _HALF.fullmatch(folded)
    if half is not None:  # "6 tháng đầu năm 2027": the first half, January to June
        year, first = int(half.group(2)), half.group(1).lower() == "đầu"
        start, due = (
            (date(year, 1, 1), date(year, 6, 30))
            if first
            else (date(year, 7, 1), date(year, 12, 31))
        )
        return Deadline(text=text, kind=DeadlineKind.PERIOD, start=start, due=due)
    for kind, pattern in _FORMS:
        match = pattern.fullmatch(folded)
        if match is None:
            continue
        groups = match.groups()
        if kind is DeadlineKind.RECURRING:
            return Deadline(text=text, kind=kind)
        if kind is DeadlineKind.QUARTER:
            quarter = _ROMAN.get(groups[0].lower()) or int(groups[0])
            return Deadline(text=text, kind=kind, due=_end_of_month(int(groups[1]), quarter * 3))
        if kind is DeadlineKind.DATE:
            before = (groups[0] or "").lower().startswith("trước")
            day, month, year = int(groups[1]), int(groups[3]), int(groups[4])
            if groups[2] == "-" and day <= 12 and not iso:  # "10-12-2025": months 10 to 12?
                raise DeadlineParseError(
                    f"deadline {text!r}: a day or months? Write '10/12/2025' or 'Quý IV/2025'"
                )
            try:
                due = date(year, month, day)
            except ValueError:
                raise DeadlineParseError(f"deadline {text!r}: no such date") from None
            return Deadline(text=text, kind=kind, due=due - timedelta(days=1) if before else due)
        if kind is DeadlineKind.MONTH:
            if groups[1] is None:  # "Tháng 12 năm 2025"
                groups = groups[3:]
            month, year = int(groups[1]), int(groups[2])
            if not 1 <= month <= 12:
                raise DeadlineParseError(f"deadline {text!r}: month {month} is not 1-12")
            due = _end_of_month(year, month)
            if groups[0]:  # "trước tháng 6/2025": before June, so by the end of May
                due = date(year, month, 1) - timedelta(days=1)
            return Deadline(text=text, kind=kind, due=due)
        if kind is DeadlineKind.OPEN_ENDED:
            first_year = next(g for g in groups if g is not None)
            return Deadline(text=text, kind=kind, start=date(int(first_year), 1, 1))
        if kind is DeadlineKind.PERIOD:
            first, last = int(groups[0]), int(groups[1])
            if first > last:
                raise DeadlineParseError(f"deadline {text!r}: {first} is after {last}")
            return Deadline(text=text, kind=kind, start=date(first, 1, 1), due=date(last, 12, 31))
        return Deadline(text=text, kind=kind, due=date(int(groups[0]), 12, 31))
    listed = _listed(text, folded)
    if listed is not None:
        return listed
    raise DeadlineParseError(
        f"cannot read deadline {text!r}: expected 'Thường xuyên', 'Quý II/2025', '12/2025', "
        "'Năm 2030', '2025 - 2026', 'Năm 2025 và các năm tiếp theo' or 'Sau khi …'"
    )
