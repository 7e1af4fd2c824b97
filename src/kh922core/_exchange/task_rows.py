"""Phụ lục II tables to task groups and tasks.

A group row (``I``, ``II.``, ``A``, or a title merged across the table) opens a task group, as
does a numbered row with no agency and no deadline over sub-rows that have theirs (``1`` over
``1.1``, ``1.2``); a data row is a task: its name, its leading and cooperating agencies, and
its deadline read with :func:`kh922core.parse_deadline`.  A row printed with ``-`` or ``+``
and nothing but a name adds a line to the task above it; with agencies or a deadline of its own
it is a task.  A deadline that cannot be read is a problem, and the task keeps ``Thường xuyên``
until it is fixed (the plan file says so beside it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kh922core._exchange.agency_cells import AgencyReader
from kh922core._exchange.agency_roles import marked_roles
from kh922core._exchange.header_roles import Role
from kh922core._exchange.import_problems import Sink
from kh922core._exchange.row_texts import BLANKS, cell_line, reason_of
from kh922core._exchange.table_walk import Line, Table
from kh922core._exchange.task_schedule import MARKS, schedule_columns, scheduled, unmarked
from kh922core._plans import parse_deadline
from kh922core.errors import Kh922Error

__all__ = ["PLACEHOLDER_DEADLINE", "TaskBuilder"]

#: The deadline a task keeps while its cell cannot be read (or the table has none).
PLACEHOLDER_DEADLINE = "Thường xuyên"
_INTEGER = re.compile(r"^(\d+)\s*[.)]?$")
_SUB = re.compile(r"^(?:[-–—+•*·]|[a-zđ][.)]|\d+(?:\.\d+)+\.?)$")
#: A sub-row's number under a heading: a bare letter too (``a``, ``b`` in Word tables), which
#: elsewhere may label a group of its own.
_SUB_BELOW = re.compile(r"^(?:[-–—+•*·]|[a-zđ][.)]?|\d+(?:\.\d+)+\.?)$")


@dataclass(slots=True)
class _Agencies:
    """The agencies of a task row by role, with the cells' texts (kept as printed)."""

    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)
    guessed: str | None = None  # why the lead was taken as the first named, if it was

    def add(self, role: str, ids: list[str], text: str | None) -> None:
        found = self.lead if role == "lead" else self.cooperating
        found.extend(i for i in ids if i not in found)
        if text:
            self.texts.setdefault(role, []).append(text)

    def text(self, role: str) -> str | None:
        return "; ".join(self.texts[role]) if role in self.texts else None


@dataclass(slots=True)
class TaskBuilder:
    """Builds task groups and tasks from the Phụ lục II tables of an import, in order."""

    sink: Sink
    agencies: AgencyReader
    groups: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    _group: str | None = None
    _enclosing: str | None = None  # the group a numbered heading's group (``1``) stands in
    _headed: bool = False  # whether the current group is a numbered heading's

    def _open_group(self, identifier: str | None, title: str, table: Table) -> None:
        identifier = identifier or str(len(self.groups) + 1)
        taken = {g["id"] for g in self.groups}
        base, n = identifier, 2
        while identifier in taken:
            identifier, n = f"{base}.{n}", n + 1
        if not title:
            title = next((t for t in table.title if "nhiệm vụ" in t.lower()), "Nhiệm vụ")
            self.sink.note(
                "task_groups",
                identifier,
                "no group row: the title was taken from the table's title block",
            )
        self.groups.append({"id": identifier, "title": title})
        self._group = identifier

    def table(self, table: Table) -> None:
        """Read one Phụ lục II table."""
        for number, line in enumerate(table.lines):
            if self._heads_tasks(table, line, table.lines[number + 1 :]):
                name_column = table.header.one("name")
                title = cell_line(line.cells[name_column]) if name_column is not None else ""
                enclosing = self._enclosing if self._headed else self._group
                self._open_group(line.number.rstrip(".)"), title, table)
                self._enclosing, self._headed = enclosing, True  # until a task numbered as it
                continue
            if self._headed and (line.group or _INTEGER.match(line.number)):
                self._group, self._enclosing, self._headed = self._enclosing, None, False
            if line.unread is not None:  # the signature block under the table
                first = next(c for c, t in enumerate(line.cells) if t.strip())
                shown = " | ".join(t for t in line.cells if t.strip())
                self.sink.problem(table.grid, table.header, line.index, first, shown, line.unread)
                continue
            if line.group:
                self._open_group(line.group_id, line.title, table)
                continue
            self._task(table, line)

    def _heads_tasks(self, table: Table, line: Line, rest: list[Line]) -> bool:
        """Whether a numbered row with no agency and no deadline heads the sub-rows below it
        (``1`` over ``1.1``, ``a)``, ``-`` that have their own): a group, not a task."""
        if line.group or line.unread is not None or not _INTEGER.match(line.number):
            return False
        header = table.header
        roles: tuple[Role, ...] = ("lead", "cooperating", "agencies", "deadline")
        keys = {header.one("row"), header.one("name")}
        if any(  # a cell beyond its number and name: a task's (a note, a product …)
            line.cells[c.index].strip() not in BLANKS for c in header.columns if c.index not in keys
        ):
            return False
        below = next((other for other in rest if other.unread is None), None)
        return (
            below is not None
            and not below.group
            and bool(_SUB_BELOW.match(below.number))
            and any(
                (column := header.one(role)) is not None
                and below.cells[column].strip() not in BLANKS
                for role in roles
            )
        )

    def _agencies(self, table: Table, line: Line) -> _Agencies:
        """The lead and cooperating agencies of a row, from their columns and from the role
        words of the cells (``Sở Nội vụ (chủ trì)``, ``Phối hợp: …``); a column of both roles
        without such words gives its first agency the lead, and says so."""
        found = _Agencies()
        roles: tuple[Role, ...] = ("lead", "cooperating", "agencies")
        for role in roles:
            column = table.header.one(role)
            if column is None or line.cells[column].strip() in BLANKS:
                continue
            parts = marked_roles(line.cells[column])
            if role == "agencies" and all(part.role is None for part in parts):
                ids, text = self.agencies.read(line.cells[column])
                found.add("lead", list(ids[:1]), text)
                found.add("cooperating", list(ids[1:]), None)
                heading = next(c.heading for c in table.header.columns if c.index == column)
                found.guessed = (
                    f"the column {heading!r} names the lead and the cooperating agencies "
                    "together, and the cell says not which is which: the first named is read "
                    "as the lead; check it"
                )
                continue
            leads = any(part.role == "lead" for part in parts)
            for part in parts:
                ids, text = self.agencies.read(part.text)
                given = part.role or (
                    role if role != "agencies" else "cooperating" if leads else "lead"
                )
                found.add(given, list(ids), text)
        return found

    def _task(self, table: Table, line: Line) -> None:
        header, grid = table.header, table.grid
        name_column = header.one("name")
        name = cell_line(line.cells[name_column]) if name_column is not None else ""
        deadline_column = header.one("deadline")
        deadline = cell_line(line.cells[deadline_column]) if deadline_column is not None else ""
        schedule = schedule_columns(header)
        spans = [(a, b) for r, a, r2, b in grid.merges if r <= line.index <= r2 and b > a]
        if schedule:  # "Thời gian thực hiện" over "Năm 2025 | Năm 2026": the years marked
            deadline, others = scheduled(line.cells, schedule, spans)
            for index in others:
                self.sink.problem(
                    grid,
                    header,
                    line.index,
                    index,
                    line.cells[index].strip(),
                    "a cell of the schedule by year that holds no mark ('x'): not read",
                )
        agencies = self._agencies(table, line)
        lead, lead_text = agencies.lead, agencies.text("lead")
        cooperating, cooperating_text = agencies.cooperating, agencies.text("cooperating")
        unread = [c for c in header.columns if c.role is None and c not in schedule]
        for column in [*header.of("note"), *unread]:
            text = line.cells[column.index].strip()
            if text:
                what = (
                    "a note (Ghi chú)"
                    if column.role == "note"
                    else "a column the importer does not read"
                )
                self.sink.problem(
                    grid,
                    header,
                    line.index,
                    column.index,
                    text,
                    f"{what}: a plan file has no place for it; copy it by hand",
                )
        for column in [*header.of("target"), *header.of("unit"), *header.of("baseline")]:
            text = line.cells[column.index].strip()
            if text:
                self.sink.problem(
                    grid,
                    header,
                    line.index,
                    column.index,
                    text,
                    "a target cell in a table of tasks: not in the plan",
                )
        if (
            _SUB.match(line.number)
            and self.tasks
            and not (lead_text or cooperating_text)
            and (deadline in BLANKS)
        ):
            last = self.tasks[-1]
            last["name"] = f"{last['name']}\n{line.number} {name}".strip()
            return
        if not (name or line.number) and self.tasks and header.one("row") is not None:
            first = next(c for c, text in enumerate(line.cells) if text.strip())
            why = "no number and no name, in a table of numbered tasks: the row above's, going on?"
            shown = " | ".join(text.strip() for text in line.cells if text.strip())
            self.sink.problem(grid, header, line.index, first, shown, f"{why} Not read")
            return
        if self._group is None:
            self._open_group(None, "", table)
        numbers = {t["number"] for t in self.tasks}
        found = _INTEGER.match(line.number)
        number = int(found.group(1)) if found else max(numbers, default=0) + 1
        if number in numbers:
            number = max(numbers) + 1
        identifier = f"task-{number:02d}"
        if not found or int(found.group(1)) != number:
            printed = f"'{line.number}'" if line.number else "without a number"
            self.sink.note("tasks", identifier, f"printed {printed}; numbered {number}")
        if agencies.guessed:
            self.sink.note("tasks", identifier, agencies.guessed)
        if not name:
            name = f"Nhiệm vụ {number}"
            self.sink.note("tasks", identifier, "no name in the row: write it")
        if schedule and deadline:
            gaps = unmarked(line.cells, schedule, spans, deadline)
            gap = f" ({', '.join(map(str, gaps))} not marked)" if gaps else ""
            self.sink.note(
                "tasks", identifier, f"deadline from the years marked: {deadline!r}{gap}"
            )
        if not schedule and deadline.casefold() in MARKS and deadline_column is not None:
            why = "a mark in the deadline column: the time it marks is not read; write it"
            self.sink.problem(grid, header, line.index, deadline_column, deadline, why)
            deadline = ""
        if deadline in BLANKS:
            self.sink.note(
                "tasks",
                identifier,
                f"no deadline in the table: "
                f"'{PLACEHOLDER_DEADLINE}' written in its place; check it",
            )
            deadline = PLACEHOLDER_DEADLINE
        else:
            try:
                parse_deadline(deadline)
            except Kh922Error as error:
                self.sink.problem(
                    grid,
                    header,
                    line.index,
                    deadline_column,
                    deadline,
                    f"{reason_of(error)}; the task keeps '{PLACEHOLDER_DEADLINE}' "
                    "until it is fixed",
                )
                self.sink.note(
                    "tasks",
                    identifier,
                    f"the deadline {deadline!r} could not be "
                    f"read: '{PLACEHOLDER_DEADLINE}' written in its place",
                )
                deadline = PLACEHOLDER_DEADLINE
        self.tasks.append(
            {
                "id": identifier,
                "number": number,
                "group": self._group,
                "name": name,
                "lead_agencies": lead,
                "lead_agencies_text": lead_text,
                "cooperating_agencies": cooperating,
                "cooperating_agencies_text": cooperating_text,
                "deadline": deadline,
            }
        )
