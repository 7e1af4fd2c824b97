"""The report's sections as tables of text, in the report's language: what the HTML, Word and
Excel writers lay out, each in its own way, so that the three say the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kh922core._reports.periods import reporting_of
from kh922core._reports.report_content import DUE_SOON_DAYS, Report, other_half
from kh922core._reports.report_words import Words

__all__ = ["Section", "header_lines", "sections", "summary_line"]


@dataclass(frozen=True, slots=True)
class Section:
    """A titled table: its key (an id in HTML), title, headings and rows of text."""

    key: str
    title: str
    headings: list[str]
    rows: list[list[str]]
    note: str = ""


def _name(report: Report, agency_id: str | None) -> str:
    if agency_id is None:
        return ""
    try:
        return report.plan.agency(agency_id).name
    except Exception:  # an id the registry does not hold: shown as it is
        return agency_id


def _group(report: Report, key: str) -> str:
    if key.startswith("section-"):  # a target of no section (an imported table): the appendix
        section = key.removeprefix("section-")
        return f"Phụ lục I, mục {section}" if section else "Phụ lục I"
    found = [o for o in report.plan.objectives if o.id == key]
    text = found[0].text if found else key
    return text if len(text) <= 90 else text[:88].rstrip() + "…"


def header_lines(report: Report, said: Words) -> list[str]:
    """The lines under the title: period and date, recipient."""
    reporting = reporting_of(report.plan)
    via = reporting.via
    return [
        said(
            "report_subtitle",
            period=report.period.label(said),
            due=said.day(report.period.due),
            date=said.day(report.as_of),
        ),
        said(
            "report_recipient",
            recipient=_name(report, reporting.recipient),
            via=_name(report, via) if via else "",
        ),
    ]


def summary_line(report: Report, said: Words) -> str:
    """``2/38 mục tiêu đạt, 2 không đạt, 34 chưa có số liệu``."""
    total = report.summary().row(0, named=True)
    return said(
        "summary_line",
        met=total["met"],
        total=total["n_targets"],
        not_met=total["not_met"],
        no_data=total["no_data"],
    )


def _counts(said: Words, first: str) -> list[str]:
    return [first, said("col_n_targets"), said("col_met"), said("col_not_met"), said("col_no_data")]


def _status_said(said: Words, row: dict[str, Any], year: int) -> str:
    """A target's status in words, with why it has no data where the engine says (a change
    target without its base: ``Chưa có số liệu (thiếu số liệu năm gốc)``)."""
    shown = said(_status(row["status"], row["horizon"], year))
    why = row.get("no_data_reason")
    if row["status"] == "no_data" and why:
        shown += f" ({said('why_' + why.replace(' ', '_'))})"
    return shown


def _status(status: str, horizon: int | None, year: int) -> str:
    """A target not met by its horizon's year (not over yet) is not met yet ("Chưa đạt"), not
    failed; the summaries count both as not met ("chưa đạt")."""
    late = horizon is not None and horizon >= year
    return "not_met_yet" if status == "not_met" and late else status


def _summary_section(report: Report, said: Words, by: str, title: str) -> Section:
    table = report.summary(by)
    label = {"horizon": said("col_horizon"), "group": said("col_group")}
    rows = []
    for record in table.iter_rows(named=True):
        key = record["horizon"] if by == "horizon" else record["group_key"]
        shown = (
            str(key)
            if by == "horizon"
            else _group(report, key)
            if by == "group"
            else _name(report, key)
        )
        rows.append([shown, *(str(record[c]) for c in ("n_targets", "met", "not_met", "no_data"))])
    return Section(f"by-{by}", title, _counts(said, label.get(by, said("col_agency"))), rows)


def sections(report: Report, said: Words) -> list[Section]:
    """Every section of the report, in order."""
    sources = [
        [
            str(r["file"]) if r["file"] else said("shipped_figures"),
            _name(report, r["agency"]),
            str(r["n_values"]),
        ]
        for r in report.sources.iter_rows(named=True)
    ]
    notes = []
    other = [  # a template of another period (last year's, filled again): its years are its own
        Path(str(r["file"])).name
        for r in report.sources.iter_rows(named=True)
        if r["year"] is not None and r["year"] != report.period.year
    ]
    if other:
        notes.append(said("other_period", files=", ".join(other), year=report.period.year))
    halves = [  # May's template in November's report, of an agency that sent no other
        Path(file).name for file in other_half(report.sources, report.period)
    ]
    if halves:
        shown = report.period.label(said)
        notes.append(said("other_half", files=", ".join(halves), period=shown))
    if report.period.kind == "half":  # the half-year template asks for the year's estimate
        notes.append(said("half_estimates", year=report.period.year))
    if report.conflicts:
        notes.append(said("conflicts", count=report.conflicts))
    if report.rejected:
        notes.append(said("rejected", count=len(report.rejected)))
    has_entity = report.targets["entity"].drop_nulls().n_unique() > 1
    target_heads = [
        said("col_target_id"),
        said("col_name"),
        said("col_unit"),
        said("col_target"),
        *([said("col_entity")] if has_entity else []),
        said("col_year"),
        said("col_value"),
        said("col_status"),
        said("col_shortfall"),
        said("col_category"),
    ]
    targets = [
        [
            r["target_id"],
            r["name"],
            r["unit"] or "",
            r["target"],
            *([r["entity"] or ""] if has_entity else []),
            str(r["year"]) if r["year"] is not None else "",
            said.number(r["value"]),
            _status_said(said, r, report.as_of.year),
            said.number(r["shortfall"]),
            said(r["category"]) if r["category"] else "",
        ]
        for r in report.targets.iter_rows(named=True)
    ]
    counts = report.tasks["state"].value_counts()
    state = dict(zip(counts["state"], counts["count"], strict=True))
    tasks = [
        [
            r["task_id"],
            r["name"],
            _name(report, r["agency"]),
            said.day(r["due"]) if r["due"] is not None else "",
            str(r["days_left"]) if r["days_left"] is not None else "",
            said(r["state"]),
        ]
        for r in report.tasks.iter_rows(named=True)
    ]
    task_note = said(
        "tasks_line",
        done=state.get("done", 0),
        overdue=state.get("overdue", 0),
        due_soon=state.get("due_soon", 0),
        days=DUE_SOON_DAYS,
    )
    sent = set(report.sources["agency"].drop_nulls().to_list())  # a file, none of it used
    if "agency" in report.series.columns:  # a consolidated table: its rows say who sent them
        sent |= {str(a) for a in report.series["agency"].drop_nulls().to_list()}
    waiting = [
        [a, _name(report, a), said("sent_unused" if a in sent else "not_sent")]
        for a in report.not_reported
    ]
    waiting_note = (
        said("no_templates")
        if not report.templates_collected
        else ("" if waiting else said("all_reported"))
    )
    findings = [[f.code, said(f.severity.value), f.location, f.message] for f in report.findings]
    provenance = [
        [
            r["indicator"],
            str(r["year"] or ""),
            said.number(r["value"]),
            r["unit"] or "",
            r["entity"] or "",
            r["source"] or "",
        ]
        for r in report.provenance.iter_rows(named=True)
    ]
    return [
        Section(
            "sources",
            said("sources"),
            [said("col_file"), said("col_agency"), said("col_values")],
            sources,
            "; ".join(notes),
        ),
        Section("summary", said("summary"), [], [], summary_line(report, said)),
        _summary_section(report, said, "horizon", said("by_horizon")),
        _summary_section(report, said, "group", said("by_group")),
        _summary_section(report, said, "lead_agency", said("by_agency")),
        Section("targets", said("targets"), target_heads, targets),
        Section(
            "tasks",
            said("tasks"),
            [
                said("col_target_id"),
                said("col_task"),
                said("col_agency"),
                said("col_deadline"),
                said("col_days_left"),
                said("col_task_status"),
            ],
            tasks,
            task_note,
        ),
        Section(
            "not-reported",
            said("not_reported"),
            [said("col_code"), said("col_agency"), said("col_report_state")],
            waiting,
            waiting_note,
        ),
        Section(
            "findings",
            said("findings"),
            [said("col_code"), said("col_severity"), said("col_source"), said("col_finding")],
            findings,
            "" if findings else said("no_findings"),
        ),
        Section(
            "provenance",
            said("provenance"),
            [
                said("col_indicator"),
                said("col_year"),
                said("col_value"),
                said("col_unit"),
                said("col_entity"),
                said("col_source"),
            ],
            provenance,
        ),
        Section(
            "unread",
            said("unread"),
            [said("col_place"), said("col_column"), said("col_written"), said("col_reason")],
            [
                [
                    ":".join(str(p) for p in (r.file, r.sheet, r.row) if p is not None),
                    r.column,
                    r.value,
                    r.reason,
                ]
                for r in report.rejected
            ],
            said("unread_note") if report.rejected else said("no_unread"),
        ),
    ]
