"""What a filled template's title block says against its hidden keys.

A template is made for one agency: its hidden sheet names it, and its values are credited to
it.  An agency that fills another's template by mistake and writes its own name in the title
(``Cơ quan báo cáo: Công an tỉnh`` over Sở Khoa học và Công nghệ's keys) would have its values
credited to the other; the title line that names another agency is listed, with its cell.

A sheet copied out of its template into another workbook loses the hidden sheet: its agency and
year are then those its title names (:func:`title_identity`), where it names an agency of the
plan and a year; else nobody's and no year's, and its values are not read.
"""

from __future__ import annotations

import re

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.file_readings import Rejection
from kh922core._reports.row_checks import shown
from kh922core._text import fold

__all__ = ["other_agency", "other_plan", "title_identity", "unkeyed"]

#: The title line that names the reporting agency, in either language (after a CSV's "#").
_AGENCY_LINE = re.compile(r"^[#\s]*(?:Cơ quan báo cáo|Reporting agency)\s*:\s*(?P<name>.+?)\s*$")
#: The title line that names the plan by its number (after a CSV's "#"), as a template writes it
#: or an official edits it ("… KẾ HOẠCH SỐ 922 / KH–UBND, NGÀY …").
_PLAN_LINE = re.compile(
    r"(?:KẾT\s+QUẢ\s+THỰC\s+HIỆN\s+KẾ\s+HOẠCH\s+SỐ|REPORTING\s+TEMPLATE\s+OF\s+PLAN)\s*"
    r"(?P<number>\d+\s*/\s*[^\W_]+(?:\s*[-–—‑]\s*[^\W_]+)*)",
    re.IGNORECASE,
)
#: Where the period line names whom the report goes to ("… đến Ủy ban nhân dân tỉnh Bến Tre (qua
#: …)").
_RECIPIENT = re.compile(r"(?:hạn\s+gửi|send\s+by)\s+\S+\s+(?:đến|to)\s+(?P<name>[^(;]+)", re.I)
#: The title line that names the period, up to its due date ("Kỳ báo cáo: 6 tháng đầu năm 2026;").
_PERIOD_LINE = re.compile(r"^[#\s]*(?:Kỳ báo cáo|Period)\s*:\s*(?P<period>[^;]+)")


def title_identity(
    grids: list[tuple[str, list[list[str | None]]]], plan: Plan | None
) -> tuple[str | None, int | None]:
    """The agency (an agency of ``plan`` the title names in full) and the year (the last one its
    period line names) of a template's title block; ``None`` for what it does not say."""
    agency, year = None, None
    names = {" ".join(a.name.split()).casefold(): a.id for a in plan.agencies} if plan else {}
    for _, rows in grids:
        for row in rows[:12]:
            for cell in row:
                found = _AGENCY_LINE.match(cell or "")
                if found is not None and agency is None:
                    agency = names.get(" ".join(found.group("name").split()).casefold())
                period = _PERIOD_LINE.match(cell or "")
                years = re.findall(r"\b(?:19|20)\d\d\b", period.group("period")) if period else []
                year = int(years[-1]) if years and year is None else year
    return agency, year


def _same_number(one: str, other: str) -> bool:
    """Whether two plan numbers are one (spaces, case and the kind of dash aside)."""

    def key(number: str) -> str:
        return re.sub(r"[–—‑−]", "-", "".join(number.split())).casefold()

    return key(one) == key(other)


def _title_cells(grids: list[tuple[str, list[list[str | None]]]]) -> list[str]:
    return [cell for _, rows in grids for row in rows[:12] for cell in row if cell]


def _stranger(grids: list[tuple[str, list[list[str | None]]]], plan: Plan) -> str | None:
    """The recipient the period line of a title names, where it is no agency of ``plan``."""
    names = {fold(" ".join(a.name.split())) for a in plan.agencies}
    for cell in _title_cells(grids):
        found = _PERIOD_LINE.match(cell) and _RECIPIENT.search(cell)
        if found:
            named = " ".join(found.group("name").split()).rstrip(" .,")
            return None if fold(named) in names else named
    return None


def other_plan(
    grids: list[tuple[str, list[list[str | None]]]], meta: dict[str, str], plan: Plan | None
) -> str | None:
    """Why a template is not one of ``plan``: its hidden keys (or, where a copy lost them, its
    title) name another plan; ``None`` when it is the plan's, or does not say.  Its values are
    another province's figures, or another plan's targets: never credited to this plan."""
    if plan is None:
        return None
    number, named = meta.get("plan_number"), meta.get("plan")
    stranger = None
    if number is None and named is None:  # a copy: its title says whose
        titles = (_PLAN_LINE.search(cell) for cell in _title_cells(grids))
        number = next((found.group("number") for found in titles if found), None)
        stranger = _stranger(grids, plan)
    same = number is None or _same_number(number, plan.number)
    if same and named in (None, plan.id) and stranger is None:
        return None
    if same and named in (None, plan.id):  # the plan's number, another province's recipient
        return (
            f"the template's period line sends it to {stranger!r}, no agency of this plan "
            f"({plan.number}, {plan.province.name}): another province's template? Fill this "
            "plan's template"
        )
    if same:  # one number, two plan files (two provinces' plans numbered alike)
        return (
            f"the template was made from another plan file (its id {named!r}; this plan's is "
            f"{plan.id!r}), of another province's plan numbered alike? Collect it with that "
            "plan (--plan), or fill this plan's template"
        )
    shown = " ".join(str(part) for part in (number, f"({named})" if named else None) if part)
    return (
        f"the template is of plan {shown}, not of this plan ({plan.number}): its figures are "
        "not this plan's; collect it with its own plan (--plan), or fill this plan's template"
    )


def other_agency(
    grids: list[tuple[str, list[list[str | None]]]], agency: str | None, plan: Plan | None
) -> list[tuple[str | None, int, str, str]]:
    """The title line naming another agency than the one the template was made for (its
    hidden key), as its sheet, row, text and why: the file may be another agency's, its values
    credited to the wrong one."""
    if agency is None or plan is None or agency not in {a.id for a in plan.agencies}:
        return []
    own = " ".join(plan.agency(agency).name.split()).casefold()
    for sheet, rows in grids:
        for number, row in enumerate(rows[:12]):
            for cell in row:
                found = _AGENCY_LINE.match(cell or "")
                named = " ".join(found.group("name").split()) if found else ""
                if named and named.casefold() != own:
                    why = (
                        f"names another agency than the template's ({plan.agency(agency).name}), "
                        "to which its values are credited: if the file is that agency's, fill its "
                        "own template"
                    )
                    return [(sheet or None, number + 1, named, why)]
    return []


#: Why the values of a sheet copied out of its template are not read.
_UNKEYED = (
    "the sheet was copied out of its template (its hidden sheet is gone), and its title does not "
    "name an agency of the plan and a reporting period: whose figures, of which year? Fill the "
    "template file itself"
)


def unkeyed(frame: pl.DataFrame, file: str, why: str = _UNKEYED) -> list[Rejection]:
    """Every value of a sheet copied out of its template whose title does not say whose and of
    which year (or, with ``why``, of a template that is not the plan's), as a cell not used."""
    return [
        Rejection(file, sheet, row, "value", shown(value, assessment), why)
        for sheet, row, value, assessment in frame.select(
            "source_sheet", "source_row", "value", "assessment"
        ).iter_rows()
    ]
