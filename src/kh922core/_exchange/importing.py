"""``import_tables``: an appendix in Word, Excel or CSV to a draft plan and its problems.

The file's grids are read (:mod:`~kh922core._exchange.office_files`), every table is found by
its header (:mod:`~kh922core._exchange.header_roles`, :mod:`~kh922core._exchange.table_walk`),
the Phụ lục I tables give indicators and targets and the Phụ lục II tables tasks; the plan's
number, date and province are read from the title block above the tables (``Kèm theo Kế hoạch
số 123/KH-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh …``).  Every non-empty cell of
a recognised table is in the plan or in the problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kh922core._exchange.agency_cells import AgencyReader, slug
from kh922core._exchange.decimal_dots import refuse_dot_thousands
from kh922core._exchange.direction_checks import refuse_against_direction
from kh922core._exchange.foreign_registry import UNNAMED_PROVINCE, registry_for, repointed
from kh922core._exchange.garbled_text import (
    garbled_text,
    legacy_row,
    legacy_text,
    look_alike_row,
    look_alike_text,
)
from kh922core._exchange.grids import COVERED, STRUCK, Grid
from kh922core._exchange.header_roles import later_baselines
from kh922core._exchange.import_problems import ImportProblem, Sink, note_unbased
from kh922core._exchange.impossible_changes import refuse_impossible_changes
from kh922core._exchange.indicator_rows import IndicatorBuilder
from kh922core._exchange.moved_rows import refuse_moved_rows
from kh922core._exchange.office_files import read_grids
from kh922core._exchange.plan_validation import validated
from kh922core._exchange.repeated_changes import repeated_changes
from kh922core._exchange.sheet_grids import FORMULA, NO_TEXT, SHOWN_OTHERWISE
from kh922core._exchange.table_walk import Table, continuation, find_tables
from kh922core._exchange.task_rows import TaskBuilder
from kh922core._plans import AgencyRegistry, Plan, load_agencies, load_plan
from kh922core._text import fold
from kh922core.errors import TableImportError

__all__ = ["ImportResult", "import_tables"]

_NUMBER = re.compile(
    r"\bsố\s*:?\s*(\d+\s*/\s*[0-9A-Za-zĐđ][0-9A-Za-zĐđ\-/.]*[0-9A-Za-zĐđ])", re.IGNORECASE
)
_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/)(\d{1,2})\s*(?:năm\s+|/)(\d{4})", re.I)
_PROVINCE = re.compile(
    r"\b(?P<kind>tỉnh|thành phố|TỈNH|THÀNH PHỐ)[^\S\n]+"
    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\w’']*[^\S\n]*){1,4})"
)
#: A city's name as it is shortened ("TP HCM", "TP.HCM", "TPHCM").
_SHORT_CITIES = {"hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "hồ chí minh": "Hồ Chí Minh"}
#: The cities that are provinces of their own (thành phố trực thuộc trung ương): their people's
#: committee is "Ủy ban nhân dân thành phố …", never "… tỉnh …".
_CITIES = frozenset(
    fold(name) for name in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
)
#: A line that cites another document ("Căn cứ Kế hoạch số …"), and the lines of the document's
#: own number and date ("Số: 45/KH-UBND", "Hòa Mỹ, ngày 10 tháng 3 năm 2025").
_CITED = re.compile(r"^\W*(?:căn\s+cứ|thực\s+hiện|theo)\b", re.IGNORECASE)
_WITH = re.compile(r"kèm\s+theo", re.IGNORECASE)
_OWN = re.compile(r"^\s*(?:số\s*:|[^,\d]{2,40},\s*ngày\b)", re.IGNORECASE)
_HORIZON = re.compile(r"(?:đến|tới)\s+năm\s+(\d{4})|giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})", re.I)


@dataclass(frozen=True)
class ImportResult:
    """What :func:`kh922core.import_tables` read: the draft plan, and every problem.

    It unpacks as ``plan, problems = kh922core.import_tables(path)``.

    Attributes:
        plan: The draft plan: every indicator, target and task that could be read, and its
            agencies (the registry's and the drafts).
        problems: Every cell of a recognised table that is not in the plan, with its place and
            why; empty when the import is clean.
        notes: What was inferred, by plan item (``("indicators", id)``, ``("tasks", id)``,
            ``("plan", field)``): directions, row numbers given, placeholders to check.
        drafts: The ids of the agencies that the registry lacked (drafts to complete).
        aliases: Spellings the cells use for registry agencies, by id, that the registry does
            not list (the agency file written beside the plan adds them).
        source: The file's name.
    """

    plan: Plan
    problems: tuple[ImportProblem, ...]
    notes: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    drafts: tuple[str, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = ""

    def __iter__(self) -> Iterator[Any]:
        yield self.plan
        yield self.problems

    def __repr__(self) -> str:
        return (
            f"ImportResult({self.plan!r}, {len(self.problems)} problems, "
            f"{len(self.drafts)} draft agencies)"
        )


def _title_horizon(lines: list[str]) -> int | None:
    for line in lines:
        found = _HORIZON.search(line)
        if found is not None:
            return int(found.group(1) or found.group(2))
    return None


def _metadata(lines: list[str], province: str | None, sink: Sink) -> dict[str, Any]:
    # what the appendix goes with first ("Kèm theo …"), then the document's own number and
    # date lines; never a document it cites ("Căn cứ Kế hoạch số 12/KH-UBND ngày …")
    own = [line for line in lines if not _CITED.match(line)]
    text = "\n".join(sorted(own, key=lambda line: (not _WITH.search(line), not _OWN.match(line))))
    number = _NUMBER.search(text)
    day = _DATE.search(text)
    named = _PROVINCE.search(text)
    found = named.group(2).strip() if named else None
    found_province = province or (found.title() if found and found.isupper() else found)
    # "TP. Cần Thơ", "Thành phố Cần Thơ" given: the city's name is "Cần Thơ"
    found_province = re.sub(r"^(?i:thành\s+phố|tp\.?)\s*(?=\w)", "", found_province or "") or None
    found_province = _SHORT_CITIES.get(fold(found_province or ""), found_province)  # "HCM"
    city = fold(found_province or "") in _CITIES  # a city that is a province of its own
    titled = named is not None and province is None and fold(named["kind"]) == "thành phố"
    if number is None:
        sink.note("plan", "number", "the plan's number was not found above the tables: write it")
    if day is None:
        sink.note(
            "plan",
            "date",
            "the plan's date was not found above the tables: today's is written in its place",
        )
    if found_province is None:
        sink.note(
            "plan",
            "province",
            "the province was not found above the tables (give "
            "--province): 'Tỉnh mới' is written in its place",
        )
    sink.note("plan", "province", "the province's code is not in the appendix: write it")
    when, dated = date.today(), False
    if day is not None:
        try:
            when = date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
            dated = _own_date(lines, day.group(0))
        except ValueError:
            sink.note("plan", "date", f"'{day.group(0)}' is no date: today's is written instead")
    return {
        "dated": dated,
        "number": " ".join(number.group(1).split()).replace(" ", "") if number else "…/KH-UBND",
        "date": when,
        "province": found_province or UNNAMED_PROVINCE,
        "kind": "thành phố" if city or titled else "tỉnh",  # the committee's: "… thành phố Sa Đéc"
        "city": city,
    }


#: A city's people's committee named alone, in its own plan.
_GENERIC_CITY = ("UBND thành phố", "Ủy ban nhân dân thành phố", "UBND TP")


def _city_names(kind: str, place: str) -> tuple[str, ...]:
    """A city's people's committee as cells also write it (``UBND TP. Cần Thơ``)."""
    if kind != "thành phố":
        return ()
    return tuple(f"{head} {place}" for head in ("UBND TP.", "UBND TP", "Ủy ban nhân dân TP."))


def _own_date(lines: list[str], found: str) -> bool:
    """Whether ``found`` is the plan's own date: in the line that says what the appendix goes
    with (``Kèm theo Kế hoạch số … ngày …``), the first date, the first document number before
    it; not that of a document the line cites (``… thực hiện Nghị quyết 57-NQ/TW ngày …``)."""
    for line in lines:
        lower = line.lower()
        if "kèm theo" in lower and found in line:
            before = lower[lower.index("kèm theo") : line.index(found)]
            return "ngày" not in before and before.count("số") <= 1
    return any(_OWN.match(line) and line.find(found) >= 0 for line in lines)  # "…, ngày …"


def _registry(agencies: str | Path | AgencyRegistry | None) -> AgencyRegistry:
    if isinstance(agencies, AgencyRegistry):
        return agencies
    return load_agencies(agencies)


def _unread(grid: Grid, sink: Sink) -> None:
    """A grid no header announces: one problem naming it, with its first text."""
    first = next(
        ((r, c, t) for r, row in enumerate(grid.rows) for c, t in enumerate(row) if t), None
    )
    if first is not None:
        sink.problem(
            grid,
            None,
            first[0],
            first[1],
            first[2],
            "this table has no header of an indicator or a task table (TT, Chỉ tiêu, "
            "Đơn vị, Kết quả, Cơ quan chủ trì, Thời gian hoàn thành …): it is not read",
        )


_UNREAD_CELLS = {
    FORMULA: "a formula whose result the file does not hold (it was written by a program, not "
    "saved by Excel): open it in Excel and save it, or type the value",
    NO_TEXT: "a spreadsheet's error (#N/A, Err:502) or a truth value, no text of a target or a "
    "name: correct the formula, or type the text",
    STRUCK: "struck-through text (whole or in part), which may be withdrawn: not read; delete "
    "what is struck through, or remove the strike-through if it holds",
    SHOWN_OTHERWISE: "a number its format shows rounded, or hides (the signed appendix shows one "
    "figure, the cell holds another): not read; type the figure as it should read, or give the "
    "cell a format that shows all of it",
}


_COVERED = (
    "text in a cell merged into another (the merged cell reads as the first one's text; Word "
    "and LibreOffice keep what the others held): not read; unmerge the cells if the text is "
    "this row's, or delete it"
)
_HIDDEN_COLUMN = (
    "in a column the sheet hides (an old or a working column?): not read; unhide the column "
    "if it holds, or delete it"
)


def _formulas(table: Table, sink: Sink) -> None:
    """Each cell of a table that holds no text to read (a formula without a result, an Excel
    error, a truth value): a problem, and no text."""
    keys = {table.header.one("row"), table.header.one("name")} - {None}
    grid = table.grid
    for line in table.lines:
        if line.index in grid.hidden_rows and any(line.cells):
            line.cells = [c.removeprefix(STRUCK) for c in line.cells]
            line.unread = "the row, or its sheet, is hidden: not read; unhide it if it holds"
            continue
        for column, text in enumerate(grid.rows[line.index]):  # the merge shows another text
            if text.startswith(COVERED):
                shown = text.removeprefix(COVERED)
                sink.problem(grid, table.header, line.index, column, shown, _COVERED)
        for column in sorted(grid.hidden_columns):
            if column < len(line.cells) and line.cells[column].strip():
                shown = line.cells[column].removeprefix(STRUCK)
                line.cells[column] = ""
                sink.problem(grid, table.header, line.index, column, shown, _HIDDEN_COLUMN)
        if (legacy := next(filter(None, map(legacy_text, line.cells)), None)) is not None:
            line.unread = legacy_row(legacy)
            continue
        if (mixed := next(filter(None, map(look_alike_text, line.cells)), None)) is not None:
            line.unread = look_alike_row(mixed)  # "Tӹ lӋ hӝ nghèo": copied from a PDF
            continue
        if any(line.cells[column].startswith(STRUCK) for column in keys):  # type: ignore[index]
            line.cells = [c.removeprefix(STRUCK) for c in line.cells]
            line.unread = "the row's number or name is struck through: the row is not read"
            continue  # withdrawn, whole: reported as a row (see indicator_rows, task_rows)
        for column, text in enumerate(line.cells):
            mark = next((m for m in _UNREAD_CELLS if text.startswith(m)), None)
            if mark is not None:
                line.cells[column] = ""
                shown = text.removeprefix(mark)
                sink.problem(
                    table.grid, table.header, line.index, column, shown, _UNREAD_CELLS[mark]
                )


def _tables(grids: list[Grid], sink: Sink) -> list[Table]:
    tables: list[Table] = []
    for grid in grids:
        found = find_tables(grid)
        going_on = continuation(grid, tables[-1]) if not found and tables else None
        if going_on is not None:
            found = [going_on]
        elif not found:
            _unread(grid, sink)
        for table in found:
            table.number = len(tables) + 1
            _formulas(table, sink)
            refuse_moved_rows(table, sink)
        tables += found
    return tables


def import_tables(
    path: str | Path,
    *,
    agencies: str | Path | AgencyRegistry | None = None,
    province: str | None = None,
) -> ImportResult:
    """Read a province's appendices (Phụ lục I and II) from Word, Excel or CSV into a plan.

    Every table is found by its header, whatever its layout (see "Adapting the plan for your
    province"); every non-empty cell of a recognised table ends up in the plan or in the
    problems, each with its file, table or sheet, row, column, text and reason.

    Args:
        path: A ``.docx``, ``.xlsx`` or ``.csv`` file.
        agencies: The agency registry to read agency cells against: a registry, the path of an
            agency file, the name of a shipped one; default the shipped one.  Bodies it lacks
            become draft agencies.
        province: The province's name, when the title above the tables does not say it.

    Returns:
        An :class:`ImportResult`, which unpacks as ``plan, problems``.

    Raises:
        TableImportError: The file cannot be read (an old ``.doc``/``.xls``, encrypted,
            damaged, not an office file) or holds no table with a recognisable header.
        MissingDependencyError: The ``office`` extra (python-docx, openpyxl) is not installed.

    Examples:
        >>> import kh922core, pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "phu-luc.csv"
        >>> _ = path.write_text(
        ...     "PHỤ LỤC I\\n"
        ...     "(Kèm theo Kế hoạch số 7/KH-UBND ngày 2 tháng 1 năm 2025 của UBND tỉnh Mẫu)\\n"
        ...     "TT;Chỉ tiêu;ĐVT;Đến năm 2030;Cơ quan chủ trì\\n"
        ...     "1;Xếp hạng chỉ số PCI;Thứ bậc;nhóm 20;Sở Tài chính\\n"
        ...     "2;Tỷ lệ hộ nghèo;%;dưới 1;Sở Y tế\\n"
        ...     "3;Số doanh nghiệp;doanh nghiệp;≥ abc;Sở Tài chính\\n", encoding="utf-8")
        >>> plan, problems = kh922core.import_tables(path)
        >>> [(t.id, t.text, plan.indicator(t.indicator).direction.value) for t in plan.targets]
        [('2030-1', 'nhóm 20', 'lower_is_better'), ('2030-2', 'dưới 1', 'lower_is_better')]
        >>> print(problems[0].row, problems[0].column, problems[0].text)
        6 D (Đến năm 2030) ≥ abc
    """
    path = Path(path)
    sink = Sink()
    grids = read_grids(path)
    tables = _tables(grids, sink)
    if not tables:
        texts = (cell for grid in grids for row in grid.rows for cell in row)
        garbled = next(filter(None, map(garbled_text, texts)), None)
        raise TableImportError(
            f"{path.name}: no table with a recognisable header (TT, Chỉ tiêu or Nội dung, Đơn "
            "vị, Kết quả or a year, Cơ quan chủ trì, Thời gian hoàn thành …)"
            + (
                f"; its Vietnamese letters are garbled ({garbled!r}): the file was opened as "
                "another encoding and saved, or written in a legacy one (TCVN3, VNI); use the "
                "original, convert it to Unicode (Unikey's converter), or save it as 'CSV UTF-8'"
                if garbled
                else ""
            )
        )
    titles = [line for table in tables for line in table.title]
    meta = _metadata(titles, province, sink)
    own = load_plan().province.name if agencies is None else None  # the shipped registry's
    known, generic = registry_for(_registry(agencies), own, meta["province"], sink)
    kind = "thành phố" if meta["city"] else "tỉnh"  # "Công an thành phố" of a city's own plan
    reader = AgencyReader(known, source=path.name, province=meta["province"], kind=kind)
    issuer_name = f"Ủy ban nhân dân {meta['kind']} {meta['province']}"
    issuer = reader.draft(issuer_name)
    reader.add_aliases(issuer, generic + _city_names(meta["kind"], meta["province"]))
    reader.agencies = repointed(reader.agencies, own, meta["province"], issuer)  # not Vĩnh Long
    indicators = IndicatorBuilder(sink, reader, load_plan())
    indicators.plan_year = meta["date"].year if meta["dated"] else None
    tasks = TaskBuilder(sink, reader)
    for table in tables:
        if table.header.kind == "indicators":
            table.header = later_baselines(table.header, indicators.plan_year)
            refuse_dot_thousands(sink, table)  # "3.125" beside "1.5": a decimal, or 3125?
            indicators.table(table, _title_horizon(table.title), carry=not table.title)
        else:
            tasks.table(table)
    if meta["city"]:  # "UBND thành phố" alone: the city's own (known once every cell is read,
        reader.add_aliases(issuer, _GENERIC_CITY)  # so that no other city's is read as it)
    if tables and not indicators.targets and not tasks.tasks and not sink.problems:
        first = tables[0]  # a header and nothing under it: no plan to write, and no cell listed
        why = "the table has a header and no row of an indicator or a task under it: nothing read"
        heading = " | ".join(c for c in first.grid.rows[first.header.first] if c.strip())
        sink.problem(first.grid, first.header, first.header.first, 0, heading, why)
    year = meta["date"].year
    digits = re.match(r"\d+", meta["number"])
    data: dict[str, Any] = {
        "id": slug(f"{meta['province']} {digits.group(0) if digits else 'moi'} {year}"),
        "number": meta["number"],
        "title": f"Kế hoạch số {meta['number']} của {issuer_name}",
        "date": meta["date"].isoformat(),
        "province": {"name": meta["province"], "code": "00"},
        "issuer": issuer,
        "agencies": [a.model_dump(mode="json", by_alias=True) for a in reader.agencies],
        "indicators": list(indicators.indicators.values()),
        "targets": indicators.targets,
        "task_groups": tasks.groups,
        "tasks": tasks.tasks,
    }
    plan = validated(data, sink)
    refused = repeated_changes(plan, data["targets"], sink)  # "Giảm 0,5%" in every year
    refused |= refuse_against_direction(plan, data["targets"], indicators.guessed, sink)
    refused |= refuse_impossible_changes(plan, data["targets"], sink)  # 30 points from 4,2 %
    if refused:
        data["targets"] = [t for t in data["targets"] if t["id"] not in refused]
        plan = validated(data, sink)
    note_unbased(plan, sink)
    return ImportResult(
        plan=plan,
        problems=tuple(sink.problems),
        notes={key: tuple(value) for key, value in sink.notes.items()},
        drafts=tuple(reader.drafts),
        aliases={key: tuple(value) for key, value in reader.aliases.items()},
        source=path.name,
    )
