"""``export_tables``: a plan's Phụ lục I and II in the official layout, in Word, Excel or CSV.

Phụ lục I has the columns TT, Chỉ tiêu, Đơn vị tính, Kết quả, Cơ quan chủ trì and Ghi chú,
with a group row (``I  Đến năm 2030``) merged across the table before the targets of each
section and horizon; Phụ lục II has TT, Tên nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp and
Thời gian hoàn thành, with a group row for each task group.  Each appendix has its title block
(``PHỤ LỤC I``, ``(Kèm theo Kế hoạch số … ngày … của Ủy ban nhân dân tỉnh …)``).  Word: A4
landscape, Times New Roman 13, header rows repeated on each page; Excel: one sheet per appendix,
frozen header, column widths; CSV: both appendices one below the other.  A direction other than
"higher is better" is said in Ghi chú (``Chỉ tiêu nghịch``), so that importing the file gives
back the same targets and tasks.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kh922core._exchange.row_texts import direction_words
from kh922core._output_formats import import_optional
from kh922core._plans import Plan
from kh922core.errors import UnknownFormatError

__all__ = ["Appendix", "appendices", "export_tables"]

_INDICATOR_COLUMNS = ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì", "Ghi chú")
_TASK_COLUMNS = (
    "TT",
    "Tên nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
)
#: Column widths in characters (Excel) and centimetres (Word, 25.7 cm between the margins).
_WIDTHS = {
    _INDICATOR_COLUMNS: ((7, 1.4), (60, 9.0), (14, 2.8), (26, 4.5), (36, 5.5), (20, 2.5)),
    _TASK_COLUMNS: ((7, 1.4), (70, 11.0), (30, 5.0), (40, 5.3), (20, 3.0)),
}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_FORMATS = [("docx", (".docx",)), ("xlsx", (".xlsx",)), ("csv", (".csv",))]


@dataclass(frozen=True, slots=True)
class Appendix:
    """One appendix to write: its title lines, its columns and its rows (group rows flagged)."""

    sheet: str
    title: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[bool, tuple[str, ...]], ...]


def _issued(plan: Plan) -> str:
    day = plan.date
    issuer = next((a.name for a in plan.agencies if a.id == plan.issuer), None)
    committee = issuer or f"Ủy ban nhân dân tỉnh {plan.province.name}"  # "… thành phố Cần Thơ"
    return (
        f"(Kèm theo Kế hoạch số {plan.number} ngày {day.day} tháng {day.month} năm {day.year} "
        f"của {committee})"
    )


def _names(plan: Plan, ids: tuple[str, ...]) -> str:
    known = {agency.id: agency.name for agency in plan.agencies}
    return ", ".join(known.get(i, i) for i in ids)


def _indicators(plan: Plan) -> Appendix:
    indicators = {i.id: i for i in plan.indicators}
    groups: dict[tuple[str | None, int], list[Any]] = {}
    for target in plan.targets:
        groups.setdefault((target.section, target.horizon), []).append(target)
    rows: list[tuple[bool, tuple[str, ...]]] = []
    # a column of cooperating agencies only where a target has them (the seed's has none)
    helped = any(t.cooperating_agencies or t.cooperating_agencies_text for t in plan.targets)
    for number, ((section, horizon), targets) in enumerate(groups.items()):
        numeral = section or _ROMAN[number % len(_ROMAN)]
        rows.append((True, (numeral, f"Đến năm {horizon}")))
        for target in targets:
            indicator = indicators[target.indicator]
            unit = target.unit or indicator.unit
            lead = target.lead_agencies_text or _names(plan, target.lead_agencies)
            helps = target.cooperating_agencies_text or _names(plan, target.cooperating_agencies)
            cells = (
                target.row,
                target.name or indicator.name,
                unit.text if unit is not None else "",
                target.text,
                lead,
                *((helps,) if helped else ()),
                direction_words(indicator.direction),
            )
            rows.append((False, cells))
    title = ("PHỤ LỤC I", "CÁC CHỈ TIÊU CỤ THỂ", _issued(plan))
    columns: tuple[str, ...] = _INDICATOR_COLUMNS
    if helped:
        columns = (*columns[:5], "Cơ quan phối hợp", *columns[5:])
    return Appendix("Phụ lục I", title, columns, tuple(rows))


def _tasks(plan: Plan) -> Appendix:
    rows: list[tuple[bool, tuple[str, ...]]] = []
    titles = {group.id: group.title for group in plan.task_groups}
    order = [*titles, *(t.group for t in plan.tasks if t.group not in titles)]
    for group in dict.fromkeys(order):
        tasks = [task for task in plan.tasks if task.group == group]
        if not tasks:
            continue
        rows.append((True, (group, titles.get(group, ""))))
        for task in tasks:
            lead = task.lead_agencies_text or _names(plan, task.lead_agencies)
            cooperating = task.cooperating_agencies_text or _names(plan, task.cooperating_agencies)
            cells = (str(task.number), task.name, lead, cooperating, task.deadline.text)
            rows.append((False, cells))
    title = ("PHỤ LỤC II", "DANH MỤC CÁC NHIỆM VỤ", _issued(plan))
    return Appendix("Phụ lục II", title, _TASK_COLUMNS, tuple(rows))


def appendices(plan: Plan) -> list[Appendix]:
    """The appendices a plan has: Phụ lục I when it has targets, Phụ lục II when it has tasks."""
    found = []
    if plan.targets:
        found.append(_indicators(plan))
    if plan.tasks:
        found.append(_tasks(plan))
    return found


# ---------------------------------------------------------------------------------- writers


def _csv(parts: list[Appendix], path: Path) -> None:
    def inert(text: str) -> str:  # a spreadsheet must not run a cell as a formula
        return f"'{text}" if len(text) > 1 and text[0] in "=+-@" else text

    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for number, part in enumerate(parts):
            if number:
                writer.writerow([])
            writer.writerows([line] for line in part.title)
            writer.writerow(part.columns)
            for _, cells in part.rows:
                padded = [*cells, *[""] * (len(part.columns) - len(cells))]
                writer.writerow([inert(cell) for cell in padded])


def _xlsx(parts: list[Appendix], path: Path) -> None:
    openpyxl = import_optional("openpyxl", extra="office", purpose="writing .xlsx")
    styles = openpyxl.styles
    font, bold = (
        styles.Font(name="Times New Roman", size=13),
        styles.Font(name="Times New Roman", size=13, bold=True),
    )
    thin = styles.Side(style="thin")
    border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    centred = styles.Alignment(wrap_text=True, horizontal="center", vertical="center")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for part in parts:
        sheet = workbook.create_sheet(part.sheet)
        width = len(part.columns)
        last = openpyxl.utils.get_column_letter(width)
        for row, line in enumerate(part.title, start=1):
            sheet.cell(row=row, column=1, value=line).font = bold if row < 3 else font
            sheet.cell(row=row, column=1).alignment = centred
            sheet.merge_cells(f"A{row}:{last}{row}")
        header = len(part.title) + 2
        for column, heading in enumerate(part.columns, start=1):
            cell = sheet.cell(row=header, column=column, value=heading)
            cell.font, cell.border, cell.alignment = bold, border, centred
        for row, (group, cells) in enumerate(part.rows, start=header + 1):
            for column in range(1, width + 1):
                text = cells[column - 1] if column <= len(cells) else ""
                cell = sheet.cell(row=row, column=column, value=text or None)
                if text.startswith("="):
                    cell.data_type = "s"
                cell.font, cell.border, cell.alignment = bold if group else font, border, wrap
            if group:
                sheet.merge_cells(f"B{row}:{last}{row}")
        for column, (characters, _) in enumerate(_WIDTHS[part.columns], start=1):
            sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = characters
        sheet.freeze_panes = f"A{header + 1}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.print_title_rows = f"{header}:{header}"
    workbook.save(path)


def _docx(parts: list[Appendix], path: Path) -> None:
    docx = import_optional("docx", extra="office", purpose="writing .docx")
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(13)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Times New Roman")
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    for number, part in enumerate(parts):
        if number:
            document.add_page_break()
        for line_number, line in enumerate(part.title):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            run.bold, run.italic = line_number < 2, line_number >= 2
        table = document.add_table(rows=1, cols=len(part.columns))
        table.style = "Table Grid"
        heading_row = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        heading_row._tr.get_or_add_trPr().append(repeat)
        for cell, heading in zip(heading_row.cells, part.columns, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(heading)
            run.bold = True
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for group, cells in part.rows:
            row_cells = table.add_row().cells
            if group:
                row_cells[0].text = cells[0]
                merged = row_cells[1].merge(row_cells[-1])
                merged.text = ""
                merged.paragraphs[0].add_run(cells[1]).bold = True
                continue
            for cell, text in zip(row_cells, cells, strict=False):
                cell.text = text
        for column, (_, centimetres) in enumerate(_WIDTHS[part.columns]):
            for cell in table.columns[column].cells:
                cell.width = Cm(centimetres)
    document.save(str(path))


def export_tables(plan: Plan, path: str | Path) -> Path:
    """Write a plan's Phụ lục I and II as a Word document, an Excel workbook or a CSV file.

    The layout is the official one (see "Adapting the plan for your province"), so that
    :func:`kh922core.import_tables` reads the file back into the same targets (text, horizon,
    row, meaning) and tasks (text, agencies, deadline).

    Args:
        plan: The plan.
        path: The file to write: ``.docx``, ``.xlsx`` or ``.csv`` (its suffix chooses).

    Returns:
        The path written.

    Raises:
        UnknownFormatError: The suffix is none of the three.
        MissingDependencyError: ``.docx`` or ``.xlsx`` without the ``office`` extra.

    Examples:
        >>> import kh922core, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> path = kh922core.export_tables(kh922core.load_plan(), folder / "phu-luc.xlsx")
        >>> plan, problems = kh922core.import_tables(path)
        >>> len(plan.targets), len(plan.tasks), len(problems)
        (38, 44, 0)
    """
    path = Path(path)
    suffix = path.suffix.lower()
    writers = {".docx": _docx, ".xlsx": _xlsx, ".csv": _csv}
    if suffix not in writers:
        raise UnknownFormatError(str(path), _FORMATS, why="cannot export the appendices to")
    writers[suffix](appendices(plan), path)
    return path
