"""What a filled template's title block says against its hidden keys.

A template is made for one agency: its hidden sheet names it, and its values are credited to
it.  An agency that fills another's template by mistake and writes its own name in the title
(``Cơ quan báo cáo: Công an tỉnh`` over Sở Khoa học và Công nghệ's keys) would have its values
credited to the other; the title line that names another agency is listed, with its cell.
"""

from __future__ import annotations

import re

from kh922core._plans import Plan

__all__ = ["other_agency"]

#: The title line that names the reporting agency, in either language.
_AGENCY_LINE = re.compile(r"^\s*(?:Cơ quan báo cáo|Reporting agency)\s*:\s*(?P<name>.+?)\s*$")


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
