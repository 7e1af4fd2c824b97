"""Phụ lục I tables to indicators and targets.

Each data row names an indicator (rows with the same name and unit are one) and holds a target
in each target column not blank (``""``, ``-``, ``x``), at the column's year, else the row's
own (``Năm đạt``), else the table's.  A row's number is kept as printed (``5.1``); a row printed
with ``a)``, ``-``, ``+`` or none is numbered under the row it details, its parent.  A cell of
several targets gives one per part that :func:`kh922core.split_targets` labels: a year is the
target's horizon, another label makes an indicator of its own (``Tỷ lệ … (cấp tỉnh)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kh922core._exchange.agency_cells import AgencyReader, slug
from kh922core._exchange.agency_roles import TargetAgencies, lead_cell, with_cooperating
from kh922core._exchange.decimal_dots import doubtful_dot
from kh922core._exchange.format_units import ZERO_SHOWN_AS_DASH, format_unit
from kh922core._exchange.header_roles import heading_key, unread_column, years_in
from kh922core._exchange.import_problems import Sink
from kh922core._exchange.row_baselines import give_baselines
from kh922core._exchange.row_texts import (
    BLANKS,
    BULLET,
    NO_HORIZON,
    NO_TARGET,
    PLUS,
    cell_horizon,
    cell_line,
    direction_words,
    is_lettered,
    lower_name,
    merged_targets,
    note_direction,
    note_merged_down,
    past_period,
    past_target,
    readable_part,
    reason_of,
    report_number,
    restarts,
    row_number,
    row_year,
    twice_in_cell,
    twice_numbered,
    under_parent,
)
from kh922core._exchange.row_units import heading_unit, parsed_unit, row_unit
from kh922core._exchange.span_columns import span_total
from kh922core._exchange.table_walk import Line, Table, unread_unit_line
from kh922core._exchange.unread_lines import unread_line
from kh922core._plans import Plan
from kh922core._targets import Direction, Unit, split_targets
from kh922core._text import fold
from kh922core.errors import Kh922Error, TargetParseError

__all__ = ["IndicatorBuilder"]


_NOTE = "a note (Ghi chú): a plan file has no place for it; copy it by hand"
_UNIT_LINE_UNREAD = (
    "a unit line above the table in words the import does not read: no row takes a unit from "
    "it; write each row's unit in a column 'Đơn vị tính', or make the line 'Đơn vị tính: %'"
)
#: The columns of a row's figures (beside which a number may be doubted).
_FIGURES = ("target", "baseline")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}")


@dataclass(slots=True)
class _Row:
    """What a data row gives its targets: its number, indicator and lead."""

    row: str
    indicator: str
    name: str
    unit: str | None
    unit_value: Unit | None
    direction: Direction
    lead: int | None = None


@dataclass(slots=True)
class IndicatorBuilder:
    """Builds indicators and targets from the Phụ lục I tables of an import, in order."""

    sink: Sink
    agencies: AgencyReader
    reference: Plan | None
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)
    targets: list[dict[str, Any]] = field(default_factory=list)
    _keys: dict[tuple[str, str], str] = field(default_factory=dict)
    _taken: dict[tuple[int, str], int] = field(default_factory=dict)  # to its grid row
    _horizon: int | None = None
    _section: str | None = None
    #: The year of the plan's date, where the title gives it: a target before it is refused.
    plan_year: int | None = None
    #: The indicators whose direction is guessed from their name's words (or their lack): why.
    guessed: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ indicators

    def _direction(
        self, name: str, unit: Unit | None, note: Direction | None
    ) -> tuple[Direction, str, bool]:
        """The indicator's direction, why, and whether it is guessed from the name's words."""
        if note is not None:
            why = f"from the note beside the row ('{direction_words(note) or note.value}')"
            return note, why, False
        for indicator in self.reference.indicators if self.reference is not None else ():
            same_unit = (indicator.unit and indicator.unit.text) == (unit and unit.text)
            if heading_key(indicator.name) == heading_key(name) and same_unit:
                why = f"as the indicator '{indicator.id}' of the reference plan"
                return indicator.direction, why, False
        if unit is not None and unit.is_rank:
            why = f"inferred: the unit '{unit.text}' is a rank (1 is best)"
            return Direction.LOWER_IS_BETTER, why, False
        found = lower_name(name)
        if found is not None:
            return Direction.LOWER_IS_BETTER, f"inferred: '{found}' is better lower", True
        why = "inferred: nothing in the name or unit says lower is better"
        return Direction.HIGHER_IS_BETTER, why, True

    def _indicator(
        self,
        name: str,
        unit_text: str | None,
        unit: Unit | None,
        parent: str | None,
        note: Direction | None,
    ) -> tuple[str, Direction]:
        name = under_parent(name, self.indicators[parent]["name"] if parent else None)
        key = (heading_key(name), fold(unit_text or ""))
        if key in self._keys:
            found = self.indicators[self._keys[key]]
            return found["id"], Direction(found["direction"])
        direction, why, guessed = self._direction(name, unit, note)
        identifier = None
        if self.reference is not None:
            identifier = next(
                (
                    i.id
                    for i in self.reference.indicators
                    if heading_key(i.name) == key[0]
                    and fold(i.unit.text if i.unit else "") == key[1]
                ),
                None,
            )
        base = identifier or slug(name, 40) or "indicator"
        identifier, n = base, 2
        while identifier in self.indicators:
            identifier, n = f"{base}-{n}", n + 1
        self.indicators[identifier] = {
            "id": identifier,
            "name": name,
            "unit": unit_text if unit is not None else None,
            "direction": direction.value,
            "parent": parent,
        }
        self._keys[key] = identifier
        self.guessed |= {identifier: why.removeprefix("inferred: ")} if guessed else {}
        self.sink.note("indicators", identifier, f"direction {direction.value}: {why}")
        return identifier, direction

    # ------------------------------------------------------------------ rows

    def table(self, table: Table, horizon: int | None, *, carry: bool = False) -> None:
        """Read one Phụ lục I table (``horizon``: its title's; ``carry``: it goes on the last)."""
        header, grid = table.header, table.grid
        table.unit = table.unit or heading_unit(header)  # "Năm 2030 (%)"
        printed = {line.number for line in table.lines}
        section: str | None = self._section if carry else None
        horizon = horizon if horizon is not None or not carry else self._horizon
        by_row: dict[str, _Row] = {}
        last_numbered = last_bullet = None
        counts: dict[str, int] = {}
        inherited: dict[int, tuple[str, int, int, bool]] = {}  # by line: lead text, place, used
        prefix = restarts(table)
        if header.one("unit") is None and (words := unread_unit_line(table.title)):
            self.sink.problem(grid, header, None, None, words, _UNIT_LINE_UNREAD)
        for number, line in enumerate(table.lines):
            why = unread_line(line, table.lines[number + 1 :], header.one("name"))
            if why is not None:  # a row of totals, a note under the table
                first = next(c for c, t in enumerate(line.cells) if t.strip())
                shown = " | ".join(t for t in line.cells if t.strip())
                self.sink.problem(grid, header, line.index, first, shown, why)
                continue
            if line.group:
                years = years_in(line.title)
                if years:
                    horizon = years[-1]
                section = line.group_id or section
                by_row, last_numbered, last_bullet = {}, None, None
                continue
            row, parent_row = row_number(
                line, grid.numbers, header.one("row"), printed, last_numbered, last_bullet, counts
            )
            if prefix and section and line.number and row[:1].isdigit():
                row = f"{section}.{row}"
                parent_row = f"{section}.{parent_row}" if parent_row else None
            elif section and parent_row is None and is_lettered(line.number):  # "I", then "a"
                row = f"{section}.{row}"
            if BULLET.match(line.number) or not (line.number or header.one("row") is None):
                last_bullet = row  # "-" or no number under "1": 1.1, 1.2 (siblings, no chain)
            elif not PLUS.match(line.number):  # a lettered row numbers none below it
                lettered = is_lettered(line.number) and parent_row is not None
                last_numbered, last_bullet = parent_row if lettered else row, None
            parent = by_row.get(parent_row) if parent_row else None
            self._data_row(table, line, row, parent, section, horizon, by_row, inherited)
        self._horizon, self._section = horizon, section
        for text, index, column, used in inherited.values():
            if not used:
                self.sink.problem(
                    grid,
                    header,
                    index,
                    column,
                    text,
                    "agencies on a row without a target (and no row below it "
                    "takes them): not in the plan",
                )

    def _data_row(
        self,
        table: Table,
        line: Line,
        row: str,
        parent: _Row | None,
        section: str | None,
        horizon: int | None,
        by_row: dict[str, _Row],
        inherited: dict[int, tuple[str, int, int, bool]],
    ) -> None:
        header, grid, sink = table.header, table.grid, self.sink
        cells = line.cells
        name_column, unit_column = header.one("name"), header.one("unit")
        name = cell_line(cells[name_column]) if name_column is not None else ""
        own = cell_line(cells[unit_column]) if unit_column is not None else ""
        name, unit_text, unit_note = row_unit(own, name, table, unit_column is not None)
        unit, why = parsed_unit(unit_text, name if own else "")  # unknown, or not the name's
        if why is not None:
            sink.problem(grid, header, line.index, unit_column, unit_text, why)
        note = None
        for column in header.of("note"):
            text = cells[column.index].strip()
            if text:
                note = note_direction(text)
                if note is None:
                    sink.problem(grid, header, line.index, column.index, text, _NOTE)
        own_year = None  # "Giá trị mục tiêu | Năm đạt": the row's own horizon
        for column in header.columns:
            text = cells[column.index].strip()
            unread = column.role == "agencies" and header.one("lead") is not None
            if column.role == "deadline" and (own_year := row_year(text, header)) is not None:
                continue
            if text and (column.role in (None, "deadline") or unread):
                what = "agencies or a deadline in a table of indicators"
                reason = f"{what}: a plan file has no place for it; copy it by hand"
                reason = unread_column(column.heading) if column.role is None else reason
                sink.problem(grid, header, line.index, column.index, text, reason)
        if not name:
            name = f"Chỉ tiêu dòng {row}"
            sink.note("indicators", row, f"row {row} has no name: '{name}' written in its place")
        indicator, direction = self._indicator(
            name, unit_text or None, unit, parent.indicator if parent else None, note
        )
        report_number(sink, table, line, indicator, row)  # none printed, or none readable
        if unit_note is not None:
            sink.note("indicators", indicator, unit_note)
        here = _Row(row, indicator, name, unit_text or None, unit, direction)
        by_row[row] = here
        lead_ids: tuple[str, ...] = ()
        lead_text: str | None = None
        both = header.one("lead") is None and header.one("agencies") is not None
        lead_column = header.one("agencies") if both else header.one("lead")
        own_lead = lead_column is not None and bool(cells[lead_column].strip())
        helps, coop = TargetAgencies(), header.of("cooperating")
        if lead_column is not None and own_lead:
            helps = lead_cell(self.agencies, cells[lead_column], both=both)
            lead_ids, lead_text = helps.lead, helps.lead_text
            if helps.check:
                sink.problem(grid, header, line.index, lead_column, cells[lead_column], helps.check)
        elif parent is not None and parent.lead is not None:  # and on to its own sub-rows
            lead_ids, lead_text = self.agencies.read(inherited[parent.lead][0])
            here.lead = parent.lead
        made = 0
        spans = [(a, b) for r, a, _, b in grid.merges if b > a and r <= line.index <= _]
        for column in header.of("target"):
            text = cell_line(cells[column.index])
            if (line.index, column.index) in grid.hidden_zeros:  # 0 shown as "-"
                sink.problem(grid, header, line.index, column.index, text, ZERO_SHOWN_AS_DASH)
                continue
            if text in BLANKS or NO_TARGET.match(text):  # "Không giao": none that year
                continue
            also = merged_targets(header, column.index, spans)
            if also:
                what = f"a target merged across the columns {column.heading!r} and {also}"
                why = f"{what}: one target to a cell; write it in each column it holds for"
                sink.problem(grid, header, line.index, column.index, text, why)
                continue
            year = column.year or own_year or horizon  # "Năm 2025: 50; năm 2030: 80": its own
            unused = NO_HORIZON if year is None and not years_in(text) else None
            unused = unused or past_period(column.heading, self.plan_year)
            unused = unused or format_unit(grid, line.index, column.index, unit)  # "1500 lượt"
            figures = [cells[c.index] for c in header.columns if c.role in _FIGURES and c != column]
            unused = unused or doubtful_dot(text, unit, figures)  # "95.125" of a percentage
            if (unused := unused or span_total(column.heading, unit, name)) is not None:
                sink.problem(grid, header, line.index, column.index, text, unused)
                continue
            made += self._cell(
                table, line, column.index, text, here, year, section, (lead_ids, lead_text)
            )
        if own_lead and lead_text is not None and lead_column is not None:
            inherited[line.index] = (lead_text, line.index, lead_column, made > 0)
            here.lead = line.index
        given = parent.lead if parent is not None else None  # the same lead, merged down too
        if made and given is not None and (not own_lead or inherited[given][0] == lead_text):
            kept, index, place, _ = inherited[given]
            inherited[given] = (kept, index, place, True)
        if made:
            give_baselines(table, line, self.sink, self.targets[len(self.targets) - made :], here)
            note_merged_down(self.sink, self.targets[len(self.targets) - made :])
        cooperating = with_cooperating(self.agencies, helps, [cells[c.index] for c in coop])
        for target in self.targets[len(self.targets) - made :] if cooperating[0] else []:
            target["cooperating_agencies"], target["cooperating_agencies_text"] = cooperating
        for column in [*header.of("baseline"), *coop]:
            text = cells[column.index].strip()
            what = "a baseline" if column.role == "baseline" else "cooperating agencies"
            if text and not made:
                why = f"{what} on a row without a target: not in the plan"
                sink.problem(grid, header, line.index, column.index, text, why)

    def _cell(
        self,
        table: Table,
        line: Line,
        column: int,
        text: str,
        row: _Row,
        horizon: int | None,
        section: str | None,
        lead: tuple[tuple[str, ...], str | None],
    ) -> int:
        grid, header = table.grid, table.header
        try:
            parts = split_targets(
                text, direction=row.direction, unit=row.unit_value, indicator=row.name
            )
        except (TargetParseError, Kh922Error) as error:
            reason = reason_of(error)
            if grid.letters and _DATE.fullmatch(text):  # "8-10" typed in Excel became 8 October
                reason = (
                    f"the cell holds a date ({text}): Excel turns a range typed '8-10' into one; "
                    "type it as text ('8 - 10%')"
                )
            self.sink.problem(grid, header, line.index, column, text, reason)
            return 0
        found: list[dict[str, Any]] = []  # a cell is read whole, or listed part by part
        problems: list[tuple[str, str]] = []
        named = cell_horizon(text, horizon)[1] if any(p.label for p in parts) else None
        for part in parts:
            label, indicator, row_text, part_horizon = part.label, row.indicator, row.row, horizon
            years = years_in(label or "")
            target_text = part.text if len(parts) > 1 else text
            if label is not None and years:
                part_horizon = years[-1]
            elif label is not None:
                indicator, _ = self._indicator(
                    f"{row.name} ({label})",
                    row.unit,
                    row.unit_value,
                    row.indicator,
                    row.direction if row.direction is not Direction.HIGHER_IS_BETTER else None,
                )
                row_text = f"{row.row} ({label})"
                target_text = readable_part(
                    part.text, label, row.direction, row.unit_value, row.name
                )
            own = cell_horizon(part.text, part_horizon) if label is None else (part_horizon, None)
            part_horizon, why = own  # "Năm 2030: 80%", "trước năm 2027": the cell's own year
            why = why if years or named is None else named  # "Đến năm 2028: cấp tỉnh …, …"
            why = why or (None if target_text else "the part does not read alone, nor its label")
            why = why or twice_in_cell(found, part_horizon, row_text)  # "80%; năm 2030: 100%"
            if part_horizon is None or why is not None:
                problems.append((part.text, why or NO_HORIZON))
                continue
            why = past_target(part_horizon, self.plan_year)
            first = self._taken.get((part_horizon, row_text))
            if first is not None:
                why = twice_numbered(grid, first, line.index, row_text, part_horizon)
            if why is not None:  # a part read right that is no target: the others hold
                self.sink.problem(grid, header, line.index, column, part.text, why)
                continue
            found.append(
                {
                    "id": f"{part_horizon}-{row_text}",
                    "indicator": indicator,
                    "horizon": part_horizon,
                    "section": section,
                    "row": row_text,
                    "name": row.name,
                    "unit": row.unit if row.unit_value is not None else None,
                    "text": target_text,
                    "lead_agencies": list(lead[0]),
                    "lead_agencies_text": lead[1],
                    "_place": (grid, header, line.index, column),
                }
            )
        for shown, why in problems:  # a part unread: none of the cell is (a cut may be wrong)
            kept = "" if len(parts) == 1 else "; the cell's other parts are not imported either"
            self.sink.problem(grid, header, line.index, column, shown, why + kept)
        for target in [] if problems else found:
            self._taken[(target["horizon"], target["row"])] = line.index
            self.targets.append(target)
        return 0 if problems else len(found)
