"""The roles an agency cell marks with words: who leads (chủ trì), who cooperates (phối hợp).

Plans that give one column to both roles ("Cơ quan chủ trì, phối hợp") say which is which in the
cell, and a lead column sometimes says it again:

* after each name: ``Sở Nội vụ (chủ trì); Sở Tài chính (phối hợp)``, ``Sở Nội vụ chủ trì, các
  sở, ngành phối hợp``;
* as labels before the names: ``Chủ trì: Sở Nội vụ; Phối hợp: Sở Tài chính, Công an tỉnh``.

``thường trực`` (the standing body) leads.  :func:`marked_roles` cuts such a cell into its
parts; a cell without role words is one part of no role (its column says the role).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kh922core._exchange.agency_cells import AgencyReader

__all__ = ["MarkedPart", "TargetAgencies", "lead_cell", "marked_roles", "with_cooperating"]

AgencyRole = Literal["lead", "cooperating"]
_ROLE = (
    r"(?:(?:cơ quan|đơn vị)\s+)?(?:chủ\s+trì|phối\s+hợp|thường\s+trực|chỉ\s+đạo)"
    r"(?:\s+thực\s+hiện)?"
)
#: ``Chủ trì:`` at the start of the cell or after a separator.
_LABEL = re.compile(rf"(?:^|(?<=[;,.\n]))\s*({_ROLE})\s*:", re.IGNORECASE)
#: ``(chủ trì)`` or ``chủ trì`` after a name, before a separator or the end.
_AFTER = re.compile(rf"\s*(?:\(\s*({_ROLE})\s*\)|\s({_ROLE}))\s*(?=[;,.\n]|$)", re.IGNORECASE)
#: ``phối hợp với …``, ``phối hợp …``, ``với sự phối hợp của …`` before names: the names after
#: it cooperate (``… các sở, ngành phối hợp``, with no name after it, marks the names before).
_WITH = re.compile(
    r"\s*[,;]?\s*(?:và\s+)?(?:phối\s+hợp(?:\s+với)?|với\s+sự\s+phối\s+hợp\s+của)\s*:?\s+"
    r"(?=[^\W\d_])(?!(?:thực\s+hiện|triển\s+khai|tổ\s+chức|chặt\s+chẽ|cùng|theo)\b)",
    re.IGNORECASE,
)
#: Where a part that a role word after it marks begins at the latest: after a ";", a "." or a
#: line break (a comma may stand inside the part: "các sở, ngành phối hợp").
_PART_BREAK = re.compile(r"[;.\n]")


@dataclass(frozen=True, slots=True)
class MarkedPart:
    """A part of an agency cell: its text (role words removed) and the role its words give
    (``None``: the cell marks no role)."""

    text: str
    role: AgencyRole | None


def _role(words: str) -> AgencyRole | None:
    lower = words.lower()
    return "cooperating" if "phối" in lower else None if "chỉ" in lower else "lead"


def marked_roles(text: str) -> list[MarkedPart]:
    """The parts of an agency cell by the roles its words mark.

    Examples:
        >>> [(p.text, p.role) for p in marked_roles("Sở Nội vụ chủ trì; các sở, ngành phối hợp")]
        [('Sở Nội vụ', 'lead'), ('các sở, ngành', 'cooperating')]
        >>> [(p.text, p.role) for p in marked_roles("Chủ trì: Sở Nội vụ. Phối hợp: Công an tỉnh")]
        [('Sở Nội vụ', 'lead'), ('Công an tỉnh', 'cooperating')]
        >>> [(p.text, p.role) for p in marked_roles("Sở Tài chính, Sở Nội vụ")]
        [('Sở Tài chính, Sở Nội vụ', None)]
    """
    labels = list(_LABEL.finditer(text))
    led = labels and not text[: labels[0].start()].strip(" ;,.\n")
    joined = None if led and len(labels) > 1 else _WITH.search(text)  # "Phối hợp: …; Chủ trì: …"
    if joined is not None:  # "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính"
        before = marked_roles(_clean(text[: joined.start()]))
        unmarked = [MarkedPart(p.text, "lead") if p.role is None else p for p in before]
        return [*unmarked, MarkedPart(_clean(text[joined.end() :]), "cooperating")]
    if led:
        parts = []
        for number, label in enumerate(labels):
            end = labels[number + 1].start() if number + 1 < len(labels) else len(text)
            parts.append(MarkedPart(_clean(text[label.end() : end]), _role(label.group(1))))
        return [part for part in parts if part.text]
    marks = list(_AFTER.finditer(text))
    if not marks:
        return [MarkedPart(text, None)]
    parts, start = [], 0
    for mark in marks:
        breaks = [b.end() for b in _PART_BREAK.finditer(text, start, mark.start())]
        if breaks:  # "Sở Nội vụ; Sở Tài chính phối hợp": the mark is the last part's only
            parts.append(MarkedPart(_clean(text[start : breaks[-1]]), None))
            start = breaks[-1]
        parts.append(MarkedPart(_clean(text[start : mark.start()]), _role(mark.group(0))))
        start = mark.end()
    rest = _clean(text[start:])
    if rest:  # names after the last mark: the role of none (the column's)
        parts.append(MarkedPart(rest, None))
    return [part for part in parts if part.text]


def _clean(text: str) -> str:
    """A part without separators around it, nor a bracket left open or closed by a role phrase
    (``Sở Y tế (phối hợp Sở Nội vụ)``); a name's own brackets stay (``Văn phòng (VP)``)."""
    text = text.strip(" ;,.\n\t")
    if text.count("(") != text.count(")"):
        text = text.strip("()").strip(" ;,.\n\t")
    return text


@dataclass(frozen=True, slots=True)
class TargetAgencies:
    """The agencies of a target read from its agency cell: who leads, who cooperates (ids and
    the text kept), and why the reading needs checking, if it does."""

    lead: tuple[str, ...] = ()
    lead_text: str | None = None
    cooperating: tuple[str, ...] = ()
    cooperating_text: str | None = None
    check: str | None = None


def lead_cell(reader: AgencyReader, text: str, *, both: bool = False) -> TargetAgencies:
    """A target's agencies from its lead cell: the names its role words mark as cooperating
    (``… chủ trì, phối hợp Sở Tài chính``) cooperate, the others lead.

    ``both``: the column gives both roles ("Cơ quan chủ trì, phối hợp"); without role words
    in the cell, its first agency is the lead and the others cooperate, which ``check`` says.
    """
    parts = marked_roles(text)
    if both and all(part.role is None for part in parts):
        named, kept = reader.read(text)
        if len(named) < 2:
            return TargetAgencies(named, kept)
        unmarked = (
            "the column names the lead and the cooperating agencies together, and the cell "
            "says not which is which: the first named is read as the lead, the others as "
            "cooperating; check it"
        )
        return TargetAgencies(named[:1], kept, named[1:], None, unmarked)
    found: dict[bool, tuple[list[str], list[str]]] = {True: ([], []), False: ([], [])}
    for part in parts:
        ids, texts = found[part.role != "cooperating"]
        named, kept = reader.read(part.text)
        ids.extend(i for i in named if i not in ids)
        if kept:
            texts.append(kept)
    (leads, lead_texts), (helps, help_texts) = found[True], found[False]
    alone = (
        "the lead column names only cooperating agencies: no lead is read; write who leads"
        if helps and not leads
        else None
    )
    return TargetAgencies(
        tuple(leads),
        "; ".join(lead_texts) or None,
        tuple(i for i in helps if i not in leads),
        "; ".join(help_texts) or None,
        alone,
    )


def with_cooperating(
    reader: AgencyReader, read: TargetAgencies, cells: list[str]
) -> tuple[tuple[str, ...], str | None]:
    """The cooperating agencies of a row's targets: those its lead cell marks, and those of
    its cells of a ``Cơ quan phối hợp`` column (ids, and the texts kept)."""
    ids, texts = list(read.cooperating), [read.cooperating_text] if read.cooperating_text else []
    for cell in cells:
        if cell.strip():
            named, kept = reader.read(cell)
            ids.extend(i for i in named if i not in ids and i not in read.lead)
            texts.append(kept or cell.strip())
    return tuple(ids), "; ".join(texts) or None
