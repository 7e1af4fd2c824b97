"""The templates agencies fill in for section IV: Vietnamese headings, a title block, the cells
to fill highlighted and validated, a hidden key, an instructions sheet.

An ``.xlsx`` template holds its table on the sheet ``Bao cao``: the title block (plan, agency,
period, due date), the row of headings, then a hidden row of keys (``kh922:value`` …) that
travels with its column when someone inserts or reorders columns, so that the file reads back
whatever was done to its layout; a very hidden sheet ``kh922`` records the plan, the agency and
the period.  A ``.csv`` template has the title block as lines starting with ``#`` and is read
back by its headings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from kh922core._dates import DateLike, as_date
from kh922core._output_formats import csv_bytes, format_for, import_optional
from kh922core._plans import Plan
from kh922core._reports.periods import Period, reporting_of, reporting_period
from kh922core._reports.report_words import Words, words
from kh922core._targets import Qualitative
from kh922core._tracking import agency_duties, reporting_template, resolve_agency, takeover
from kh922core.errors import Kh922Error, MissingFileError

__all__ = [
    "KEY_PREFIX",
    "META_SHEET",
    "TEMPLATE_COLUMNS",
    "TemplateColumn",
    "template_agencies",
    "write_agency_template",
    "write_templates",
]

KEY_PREFIX = "kh922:"
META_SHEET = "kh922"
#: The mark on the first line of a ``.csv`` template (a comment line).
CSV_MARK = "#kh922-template"
_FIRST_ROW = 6  # the headings, counted from 1; the keys are on the row below


@dataclass(frozen=True, slots=True)
class TemplateColumn:
    """A column of the template: its key, its heading's label, its width, whether it is filled
    in, whether it is hidden."""

    key: str
    label: str
    width: int
    fill: bool = False
    hidden: bool = False


TEMPLATE_COLUMNS = (
    TemplateColumn("indicator", "col_indicator", 18, hidden=True),
    TemplateColumn("target_id", "col_target_id", 9),
    TemplateColumn("name", "col_name", 48),
    TemplateColumn("unit", "col_unit", 12),
    TemplateColumn("target", "col_target", 22),
    TemplateColumn("horizon", "col_horizon", 9),
    TemplateColumn("last", "col_last", 18),
    TemplateColumn("year", "col_year", 8, fill=True),
    TemplateColumn("value", "col_value", 16, fill=True),
    TemplateColumn("assessment", "col_assessment", 13, fill=True),
    TemplateColumn("note", "col_note", 30, fill=True),
)


def template_agencies(plan: Plan, as_of: date) -> list[str]:
    """The agencies that report on targets on ``as_of`` (after successions), in plan order.

    Examples:
        >>> import kh922core
        >>> template_agencies(kh922core.load_plan(), date(2025, 5, 20))[:3]
        ['so-khcn', 'cuc-thong-ke', 'van-phong-ubnd-tinh']
    """
    return [a for a, (targets, _) in agency_duties(plan, as_of).items() if targets]


def _rows(plan: Plan, agency_id: str, day: date, year: int, said: Words) -> pl.DataFrame:
    sheet = reporting_template(plan, agency_id, as_of=day, year=year)
    last = [
        f"{said.number(v)} ({y})" if v is not None else ""
        for v, y in zip(sheet["last_value"], sheet["last_year"], strict=True)
    ]
    return sheet.select(
        "indicator",
        "target_id",
        "name",
        "unit",
        "target",
        pl.col("horizon").cast(pl.String),
        pl.Series("last", last, dtype=pl.String),
        pl.col("year").cast(pl.String),
        pl.lit(None, dtype=pl.String).alias("value"),
        pl.lit(None, dtype=pl.String).alias("assessment"),
        pl.lit(None, dtype=pl.String).alias("note"),
    )


def _title_lines(plan: Plan, agency_id: str, day: date, period: Period, said: Words) -> list[str]:
    reporting = reporting_of(plan)
    via = reporting.via
    lines = [
        said("template_title", plan=plan.number),
        said("template_agency", agency=plan.agency(agency_id).name),
        said(
            "template_period",
            period=period.label(said),
            due=said.day(period.due),
            recipient=plan.agency(reporting.recipient).name,
            via=plan.agency(via).name if via else "",
        ),
        said("template_as_of", date=said.day(day)),
    ]
    if period.kind == "half":  # May's figures: the year's estimate, as November's replace them
        lines.append(said("template_half", year=period.year))
    moved = takeover(plan, agency_id, day)
    if moved is not None and moved.carriers:
        carriers = ", ".join(plan.agency(a).name for a in moved.carriers)
        lines[3] += "; " + said(
            "template_taken_over", date=said.day(moved.ended), carriers=carriers
        )
    return lines


def _heading(column: TemplateColumn, said: Words, meta: dict[str, str]) -> str:
    """A column's heading; the value's, in the half-year template, says it is the year's
    estimate (``Giá trị thực hiện (ước cả năm 2026)``: read back as the value's heading)."""
    if column.key == "value" and meta["period"] == "half":
        return f"{said(column.label)} ({said('value_half', year=meta['year'])})"
    return said(column.label)


def _metadata(plan: Plan, agency_id: str, day: date, period: Period) -> dict[str, str]:
    return {
        "format": "kh922-template",
        "version": "1",
        "plan": plan.id,
        "plan_number": plan.number,
        "agency": agency_id,
        "as_of": day.isoformat(),
        "period": period.kind,
        "year": str(period.year),
        "due": period.due.isoformat(),
    }


def _write_xlsx(
    path: Path, rows: pl.DataFrame, plan: Plan, title: list[str], meta: dict[str, str], said: Words
) -> None:
    xlsxwriter = import_optional("xlsxwriter", extra="xlsx", purpose="writing .xlsx templates")
    book = xlsxwriter.Workbook(os.fspath(path))
    try:
        sheet = book.add_worksheet(said("template_sheet"))
        bold = book.add_format({"bold": True, "font_size": 13})
        head = book.add_format(
            {
                "bold": True,
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
                "bg_color": "#DDE4EE",
            }
        )
        cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        fill = book.add_format({"border": 1, "bg_color": "#FFF2CC", "valign": "top"})
        for index, line in enumerate(title):
            sheet.write_string(index, 0 + 1, line, bold if index == 0 else None)
        top = _FIRST_ROW - 1
        for col, column in enumerate(TEMPLATE_COLUMNS):
            sheet.set_column(col, col, column.width, None, {"hidden": column.hidden})
            sheet.write_string(top, col, _heading(column, said, meta), head)
            sheet.write_string(top + 1, col, KEY_PREFIX + column.key)
        sheet.set_row(top + 1, None, None, {"hidden": True})
        first, last = top + 2, top + 1 + rows.height
        for offset, record in enumerate(rows.iter_rows(named=True)):
            row = first + offset
            for col, column in enumerate(TEMPLATE_COLUMNS):
                text = record[column.key]
                style = fill if column.fill else cell
                if column.key == "year" and text:
                    sheet.write_number(row, col, int(text), style)
                elif text:
                    sheet.write_string(row, col, text, style)
                else:
                    sheet.write_blank(row, col, None, style)
            qualitative = isinstance(plan.target(record["target_id"]).spec, Qualitative)
            keyed = {c.key: i for i, c in enumerate(TEMPLATE_COLUMNS)}
            if qualitative:
                sheet.data_validation(
                    row,
                    keyed["assessment"],
                    row,
                    keyed["assessment"],
                    {
                        "validate": "list",
                        "source": ["Đạt", "Không đạt"],
                        "error_message": said("template_assessment_error"),
                    },
                )
            else:
                sheet.data_validation(
                    row,
                    keyed["value"],
                    row,
                    keyed["value"],
                    {
                        "validate": "decimal",
                        "criteria": "between",
                        "minimum": -1e15,
                        "maximum": 1e15,
                        "error_message": said("template_number_error"),
                    },
                )
        if rows.height:
            year = next(i for i, c in enumerate(TEMPLATE_COLUMNS) if c.key == "year")
            sheet.data_validation(
                first,
                year,
                last,
                year,
                {
                    "validate": "integer",
                    "criteria": "between",
                    "minimum": 1900,
                    "maximum": 2200,
                    "error_message": said("template_year_error"),
                },
            )
        sheet.freeze_panes(first, 0)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        guide = book.add_worksheet(said("guide_sheet"))
        guide.set_column(0, 0, 110)
        guide.write_string(0, 0, title[0], bold)
        reporting = reporting_of(plan)  # the office that consolidates: the plan's, not Bến Tre's
        office = plan.agency(reporting.via or reporting.recipient).name
        for index in range(1, 5):
            guide.write_string(index + 1, 0, said(f"guide_{index}", office=office))
        hidden = book.add_worksheet(META_SHEET)
        for index, (key, value) in enumerate(meta.items()):
            hidden.write_string(index, 0, key)
            hidden.write_string(index, 1, value)
        hidden.very_hidden()
        sheet.activate()
    finally:
        book.close()


def _write_csv(path: Path, rows: pl.DataFrame, title: list[str], meta: dict[str, str]) -> None:
    said = words("vi")
    mark = " ".join([CSV_MARK, *(f"{k}={v}" for k, v in meta.items() if " " not in v)])
    lines = [mark, *(f"# {line.replace(',', ' ').replace(';', ' ')}" for line in title)]
    shown = rows.rename({c.key: _heading(c, said, meta) for c in TEMPLATE_COLUMNS})
    head = "\r\n".join(lines).encode("utf-8-sig") + b"\r\n"
    path.write_bytes(head + csv_bytes(shown).removeprefix(b"\xef\xbb\xbf"))


def write_agency_template(
    path: str | os.PathLike[str],
    plan: Plan,
    agency: str,
    *,
    as_of: DateLike | None = None,
    year: int | None = None,
    lang: str = "vi",
) -> Path:
    """Write the template of one agency (``.xlsx``, or ``.csv``) and return its path.

    Args:
        path: The file to write; its suffix chooses the format.
        plan: The plan.
        agency: The agency (id, name or alias).
        as_of: Resolve successions on this date (a successor gets its predecessors' targets)
            and choose the period (the next report due); default: today.
        year: The year of the figures asked for (prefilled in the Năm column); default: the
            period's year.
        lang: ``vi`` (default) or ``en`` headings (read back either way).

    Raises:
        kh922core.errors.UnknownAgencyError: ``agency`` names no agency.
        kh922core.errors.UnknownFormatError: Not a ``.xlsx`` or ``.csv`` file.
        kh922core.errors.MissingDependencyError: ``.xlsx`` without the ``xlsx`` extra.
    """
    target = Path(path)
    kind = format_for(target, among=("xlsx", "csv")).name
    if not target.parent.is_dir():
        raise MissingFileError(f"no folder {str(target.parent)!r} to write in", str(target.parent))
    day = as_date(as_of, "as_of") if as_of is not None else date.today()
    agency_id = resolve_agency(plan, agency)
    period = reporting_period(plan, day)
    said = words(lang)
    rows = _rows(plan, agency_id, day, year if year is not None else period.year, said)
    title = _title_lines(plan, agency_id, day, period, said)
    meta = _metadata(plan, agency_id, day, period)
    if kind == "xlsx":
        _write_xlsx(target, rows, plan, title, meta, said)
    else:
        _write_csv(target, rows, title, meta)
    return target


def write_templates(
    output: str | os.PathLike[str],
    plan: Plan,
    agencies: list[str] | None = None,
    *,
    as_of: DateLike | None = None,
    year: int | None = None,
    file_format: str = "xlsx",
    lang: str = "vi",
) -> list[Path]:
    """Write the templates of several agencies (``None``: every agency with targets on the
    date) into the folder ``output`` (made if missing), one ``AGENCY.xlsx`` (or ``.csv``) each;
    with one agency and ``output`` a file name, that file.

    Returns:
        The paths written.

    Examples:
        >>> import tempfile, kh922core
        >>> folder = Path(tempfile.mkdtemp())
        >>> paths = write_templates(folder, kh922core.load_plan(), as_of="2025-05-20",
        ...                         file_format="csv")
        >>> [p.name for p in paths][:2]
        ['so-khcn.csv', 'cuc-thong-ke.csv']
    """
    day = as_date(as_of, "as_of") if as_of is not None else date.today()
    chosen = agencies if agencies is not None else template_agencies(plan, day)
    target = Path(output)
    if not chosen:
        raise Kh922Error("no agency to write a template for")
    suffixes = (".xlsx", ".csv")
    if len(chosen) == 1 and target.suffix.lower() in suffixes:
        return [write_agency_template(target, plan, chosen[0], as_of=day, year=year, lang=lang)]
    if target.suffix.lower() in suffixes:
        raise Kh922Error(f"{len(chosen)} templates need a folder, not the file {str(target)!r}")
    suffix = format_for(file_format, among=("xlsx", "csv")).suffixes[0]
    target.mkdir(parents=True, exist_ok=True)
    return [
        write_agency_template(
            target / f"{resolve_agency(plan, a)}{suffix}", plan, a, as_of=day, year=year, lang=lang
        )
        for a in chosen
    ]
