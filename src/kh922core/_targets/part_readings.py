"""How a part of a cell reads: as its whole sentence reads, where its label decides.

:func:`kh922core.split_targets` parses a part from its text without its label.  Where the label
decides the reading, that would read otherwise than the sentence: ``Công nghiệp tăng bình quân
12%/năm`` in a % row is a growth rate (a sector's output is no share), ``tăng bình quân 12%/năm``
alone points of a share.  :func:`as_written` reads the part as its sentence reads, and keeps
the refusal its label gives (``Nông nghiệp tăng 3%``: points of a share, or a growth?).  A
label that holds a verb or a comparator is refused (:func:`refuse_operator_labels`).
"""

from __future__ import annotations

import re

from kh922core._targets.cells import Cut
from kh922core._targets.grammar import parse_target
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.period_levels import refuse_period_average
from kh922core._targets.scanner import YEARS, blank, match_phrase
from kh922core._targets.subject_kinds import LIST_NUMBER
from kh922core._targets.units import Unit, parse_unit
from kh922core._text import fold
from kh922core.errors import TargetParseError

__all__ = [
    "as_written",
    "refuse_groups_beside_years",
    "refuse_joined_labels",
    "refuse_operator_labels",
    "refuse_period_parts",
    "refuse_share_of_the_whole",
]


def as_written(
    target: str,
    text: str,
    reading: tuple[Direction | str | None, Unit | str | None, str | None],
    refusals: list[TargetParseError],
) -> TargetSpec:
    """A part's ``target`` (its text without its label), as its whole ``text`` reads (``reading``:
    the indicator's direction, unit and name); the refusal its label gives goes to ``refusals``."""
    direction, unit, indicator = reading
    spec = parse_target(target, direction=direction, unit=unit, indicator=indicator)
    try:
        whole = parse_target(text, direction=direction, unit=unit, indicator=indicator)
    except TargetParseError as error:
        kept = ("points of a share", "a growth rate, in a row of the share", "period's years")
        refusals += [error] if any(reason in str(error) for reason in kept) else []
        return spec
    same = whole.change == spec.change and whole.kind == spec.kind
    return spec if same else whole.model_copy(update={"note": getattr(spec, "note", None)})


#: Roles of phrases that are no words of a label: a verb or a comparator before the labels
#: ("Giảm: thành thị 1%, nông thôn 2%") would be read by the first part only.
_OPERATOR_ROLES = frozenset({"rise", "fall", "multiple", "ge", "gt", "le", "lt", "approx"})


def refuse_operator_labels(text: str, parts: list[tuple[str | None, str]]) -> None:
    """Refuse a verb or a comparator that heads the labels (``Giảm: thành thị 1%, nông thôn
    2%``, ``Phấn đấu giảm thành thị 1%, …``, ``Đạt trên: cấp tỉnh 95%, …``, ``Giảm: 1% ở thành
    thị, …``): it stands apart from the first part's number, behind a colon or a label, so each
    part would read its number without it.  ``parts``: each part's label and text."""
    for _, part_text in parts[:1]:  # a heading stands before the first label
        lower = blank(part_text.lower(), YEARS)  # "năm 2026: 1%": the year is no number of it
        number = NUMBER_PATTERN.search(lower)
        head = lower[: number.start()] if number is not None else lower
        for position in range(len(head)):
            if position and head[position - 1].isalnum():
                continue
            match = match_phrase(head, position)
            if match is None or match.role not in _OPERATOR_ROLES:
                continue
            before, apart = head[: match.start], head[match.end :]
            # "Tỷ lệ hộ nghèo giảm:", "Đạt trên:": the colon right after; "Phấn đấu giảm thành
            # thị 1%", "Giảm: 1% ở …": it opens the cell (a name's verb does not: "Tỷ lệ tăng
            # dân số tự nhiên: thành thị 1%")
            colon = ":" in apart and _phrases_only(apart.split(":", 1)[0])
            worded = re.search(r"[^\W\d_]", apart) is not None and not _phrases_only(apart)
            if colon or (_phrases_only(before) and (":" in apart or worded)):
                raise TargetParseError(
                    text,
                    text.find(part_text),
                    f"the verb or comparator in each part ('{match.phrase} 1%, {match.phrase} 2%')",
                    reason=f"{match.phrase!r} stands before the labels: it would be read by "
                    "the first part only",
                    parts=[text for _, text in parts],
                )


def _phrases_only(words: str) -> bool:
    """Whether ``words`` are phrases of the grammar only (``xuống còn``, ``bình quân``): the
    verb's own words, no label."""
    position = 0
    while position < len(words):
        if words[position].isspace() or words[position] in ",":
            position += 1
            continue
        match = match_phrase(words, position)
        if match is None or match.role == "noun":
            return False
        position = match.end
    return True


#: A group a part may be for, a family of short labels: an administrative level or unit, an
#: area, a sex, a school level, a sector ("Cấp tỉnh", "Thành thị", "Nữ", "THPT", "Dịch vụ").
_GROUP = re.compile(
    r"(?:cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở)|tỉnh|huyện|xã|phường|thị\s+(?:trấn|xã)|thành\s+(?:phố|thị)"
    r"|nông\s+thôn|đô\s+thị|vùng|khu\s+vực|miền\s+núi|đồng\s+bằng|ven\s+biển|nam|nữ|mầm\s+non"
    r"|tiểu\s+học|THCS|THPT|trung\s+học|nông\s+nghiệp|công\s+nghiệp|dịch\s+vụ|các\s+(?:xã|huyện|phường|thôn|ấp))\b",
    re.IGNORECASE,
)


def _group(words: str | None, indicator: str | None) -> str | None:
    """``words`` when they are a group's short label (at most three words, all of
    :data:`_GROUP`'s family or a number: ``Khu vực I``) that the indicator's name does not hold;
    else ``None``."""
    label = LIST_NUMBER.sub("", words or "", count=1).strip(" :")
    words = rf"(?:{_GROUP.pattern})(?:\s+(?:{_GROUP.pattern}|[IVX]+|\d+))*"
    if not label or len(label.split()) > 3 or re.fullmatch(words, label, re.IGNORECASE) is None:
        return None  # "Đô thị hóa", "xã hội", "Nông thôn mới": words of a subject
    return None if indicator is not None and fold(label) in fold(indicator) else label


def refuse_groups_beside_years(
    text: str,
    parts: list[str],
    leads: list[str | None],
    notes: list[str | None],
    years: list[str | None],
    indicator: str | None,
) -> None:
    """Refuse a cell told apart by its years (``parts``: their texts) where a part also names a
    group (:func:`_group`): before its number (``Thành thị 100%; năm 2030 đạt 95%``, ``…;
    nông thôn: năm 2026 đạt 80%``) or, on the part for the whole, after it (``100% ở thành
    thị; …``): a part for that group, or for the whole?  Subjects (``Hộ dùng nước sạch năm
    2026 …``) and a place every part names (``… tại trụ sở``) are no group."""
    # groups after the numbers of dated parts, not every one the same ("Năm 2027: 100% cấp
    # tỉnh; năm 2030: 100% cấp xã"; "… 80% xã" in every part is the subject)
    dated = {_group(n, indicator) for n, y in zip(notes, years, strict=True) if y is not None}
    for part, lead, note, year in zip(parts, leads, notes, years, strict=True):
        located = (
            year is None
            and note is not None
            and re.search(rf"\b(?:ở|tại)\s+{re.escape(note)}", part)
        ) or (year is not None and len(dated) > 1)
        group = _group(lead, indicator) or (_group(note, indicator) if located else None)
        if group is None:
            continue
        raise TargetParseError(
            text,
            text.find(part),
            "parts told apart by one kind of label: each group with its years in a cell of its "
            "own ('Thành thị: 100%' and 'Nông thôn: năm 2026 đạt 80%, năm 2030 đạt 95%')",
            reason=f"{group!r} names a group beside the parts' years: a part for that group, "
            "or for the whole?",
        )


def refuse_share_of_the_whole(
    text: str, cuts: list[Cut], parts: list[tuple[str, TargetSpec]], unit: str | Unit | None
) -> None:
    """Refuse a part of the whole (``trong đó …``) written in a bare ``%`` in a row of a
    particular percentage (``% GRDP``): ``chi cho R&D đạt 2% GRDP, trong đó kinh phí từ xã hội
    chiếm hơn 60%`` means 60 % of the R&D spending, which a bare ``%`` in a ``% GRDP`` row would
    read as 60 % of GRDP."""
    row = parse_unit(unit) if isinstance(unit, str) else unit
    if row is None or not row.expression.startswith("percent") or row.expression == "percent":
        return
    whole = any(getattr(spec, "unit", None) not in (None, "%") for _, spec in parts)  # "2% GRDP"
    for cut, (part, spec) in zip(cuts, parts, strict=True):
        if (cut.subset or whole) and getattr(spec, "unit", None) == "%":
            raise TargetParseError(
                text,
                text.find(part),
                f"the part in the row's unit ('{row.text}'), or a cell of its own",
                reason=f"the part {part!r} of the whole, in a bare '%': a share of the whole, "
                f"or {row.text!r}?",
                parts=[part for part, _ in parts],
            )


#: A label's piece with no number of its own before a comma: a mark or words of no target
#: ("cấp huyện: -, …", "cấp huyện: chưa xác định, …"), or a second label ("…: a, b: …").
_NO_TARGET = re.compile(
    r":\s*(?:[^\w\s]+|(?:chưa|không)(?:\s+[^\W\d_]+){0,3})\s*[,;]|:[^:]*[,;][^:]*:", re.IGNORECASE
)


def refuse_joined_labels(text: str, parts: list[tuple[str | None, str]]) -> None:
    """Refuse a label that joins a part with no number of its own (``cấp huyện: -``, ``cấp
    huyện: chưa xác định``) to the next one, whose number it would seem to share; a heading
    (``Tỷ lệ: thành thị, thị trấn 100%; …``) is no such part."""
    for label, part in parts:
        if label is not None and _NO_TARGET.search(label):
            head = label.split(":")[0].strip()
            raise TargetParseError(
                text,
                text.find(part),
                f"a target for {head!r}, or no mention of it in the cell",
                reason=f"{head!r} has no number of its own: it would share {part!r}'s",
                parts=[part for _, part in parts],
            )


def refuse_period_parts(
    parts: list[tuple[str, TargetSpec]], unit: str | Unit | None, indicator: str | None
) -> None:
    """Refuse a part that is an average over a period, read whole (``Trung bình 5 năm, tuổi
    thọ trung bình đạt 75 tuổi``: without its label ``năm``, the part ``Trung bình 5`` would be
    a level of 5 years)."""
    row = parse_unit(unit) if isinstance(unit, str) else unit
    for text, spec in parts:
        refuse_period_average(text, spec, row, indicator)
