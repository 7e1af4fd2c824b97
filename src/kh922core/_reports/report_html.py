"""The report as one self-contained HTML page: inline CSS and inline SVG charts, no script, no
link to fetch (a Content-Security-Policy forbids any), readable on a laptop and in print."""

from __future__ import annotations

import html
import re
from pathlib import Path

from kh922core._reports.report_charts import agency_chart, attainment_chart, trend_chart
from kh922core._reports.report_content import Report
from kh922core._reports.report_tables import Section, header_lines, sections
from kh922core._reports.report_words import Words

__all__ = ["write_html"]

_STYLE = """
body{font-family:"Times New Roman",Times,serif;font-size:13pt;margin:2em auto;max-width:70em;
padding:0 1em;color:#111}
h1{font-size:15pt;text-align:center;margin-bottom:.2em}
h2{font-size:13pt;margin-top:1.6em;border-bottom:1px solid #999}
p.sub{text-align:center;margin:.2em}
table{border-collapse:collapse;width:100%;font-size:11pt;margin:.5em 0}
th,td{border:1px solid #888;padding:.2em .4em;vertical-align:top;text-align:left}
th{background:#e8edf3}
td.n{text-align:right;white-space:nowrap}
.met{color:#1b5e20;font-weight:bold}.not_met{color:#b71c1c;font-weight:bold}
figure{margin:1em 0}figure svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}
tr{break-inside:avoid}figure{break-inside:avoid}}
"""
_NUMBER = re.compile(r"[-−]?\d[\d.,]*")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _table(section: Section) -> str:
    if not section.headings:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in section.headings)
    body = []
    for row in section.rows:
        cells = []
        for text in row:
            numeric = _NUMBER.fullmatch(text) is not None
            css = ' class="n"' if numeric else ""
            cells.append(f"<td{css}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(report: Report, said: Words) -> str:
    """The page's text."""
    plan = report.plan
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{said.lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(said('report_title', plan=plan.number))}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(said('report_title', plan=plan.number))}</h1>",
        *(f'<p class="sub">{html.escape(line)}</p>' for line in header_lines(report, said)),
    ]
    total = report.summary().row(0, named=True)
    names = {a.id: a.name for a in plan.agencies}
    indicators = {i.id: i.name for i in plan.indicators}
    for section in sections(report, said):
        extra = ""
        if section.key == "summary":
            extra = " ".join(f'data-{k.replace("_", "-")}="{v}"' for k, v in total.items())
        parts.append(f'<section id="{section.key}" {extra}>'.replace(" >", ">"))
        parts.append(f"<h2>{html.escape(section.title)}</h2>")
        if section.note:
            parts.append(f"<p>{html.escape(section.note)}</p>")
        parts.append(_table(section))
        if section.key == "by-lead_agency":
            summary = report.summary("lead_agency")
            parts.append(f"<figure>{agency_chart(summary, said, names)}</figure>")
        if section.key == "targets":
            parts.append(f"<h2>{html.escape(said('charts'))}</h2>")
            parts.append(f"<figure>{attainment_chart(report.targets, said)}</figure>")
            trends = trend_chart(report.series, said, indicators)
            if trends is not None:
                parts.append(f"<figure>{trends}</figure>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html(report: Report, path: Path, said: Words) -> None:
    """Write the page to ``path`` (UTF-8)."""
    path.write_text(render_html(report, said), encoding="utf-8")
