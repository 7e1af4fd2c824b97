"""Cells that hold several targets, read part by part: :func:`split_targets` and
:class:`TargetPart`.

A part's label is what tells it apart from the other parts of its cell.  It is read from one of
three places, tried in this order, the same place for every part of a cell:

1. the words before the comparison: ``Nông nghiệp: 20%``, ``nông nghiệp chiếm 20%``,
   ``cấp xã đạt 85%`` (a year or a connector such as ``trong đó``, ``riêng``, ``còn`` among them
   is no label);
2. a year: ``trong đó năm 2026 đạt 9.000 tỷ đồng`` is ``năm 2026``;
3. the words after the number and its unit: ``95% ở cấp tỉnh`` is ``cấp tỉnh``, ``95% thôn, ấp``
   is ``thôn, ấp``; a part with no such words is labelled by its unit when no other part has
   that unit, so that a counted noun labels its part whether or not it is a known unit
   (``10 hợp tác xã; 30 tổ hợp tác``).

The first place that labels every part, with labels that differ, wins; when none does, each part
is labelled from the first of these places that labels it (``95% cấp tỉnh, còn cấp xã đạt 85%``
mixes the third and the first), if the labels so found differ.  The first part alone may
go without a label when the cell reads "the whole, then a part of it": the later parts are years
(``đạt 50.000 tỷ đồng, trong đó năm 2026 đạt 9.000 tỷ đồng``) or are introduced by ``trong đó`` or
``riêng``; its label is then ``None``, the whole (the plan's horizon).  A cell whose parts no
place tells apart is refused, naming the parts: two parts are never merged silently.

A part's spec is parsed from its text without the label (the words before the comparison always
leave it, those after the number when they are the label; a unit stays), read as its whole text
reads where the label decides (``Công nghiệp tăng bình quân 12%/năm`` in a % row: a growth rate).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from kh922core._targets.cell_tidying import without_marks
from kh922core._targets.cells import (
    Cut,
    comparison_start,
    cut_cell,
    label_end,
    label_from,
)
from kh922core._targets.change_words import base_span
from kh922core._targets.grammar import MAX_TARGET_LENGTH, parse_target
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.lost_words import refuse_unread_parts
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.part_checks import (
    refuse_cell_shapes,
    refuse_mixed_years,
    refuse_part_words,
)
from kh922core._targets.part_readings import (
    as_written,
    refuse_groups_beside_years,
    refuse_joined_labels,
    refuse_operator_labels,
    refuse_period_parts,
    refuse_share_of_the_whole,
)
from kh922core._targets.scanner import YEARS, Match, blank, match_phrase, read_unit
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["TargetPart", "split_targets"]

_AFTER = frozenset({"after_ge", "after_le"})
_EDGE_CHARS = " \t\n.;:,"
#: A bullet before a part written on a line of its own ("- Năm 2026: 30%", "+ Thành thị: 98%").
_BULLET = re.compile(r"^\s*[-+•*]\s+")
#: What read_unit sets aside before a unit (spaces and punctuation).
_EDGE = re.compile(r"^[\s.;:,]+")
_YEAR_LABEL = re.compile(r"năm \d{4}", re.IGNORECASE)
_SPAN = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")
_YEAR = re.compile(r"\d{4}")
_PLACES = ("words before the number", "a year", "words after the number", "each part's own")


class TargetPart(BaseModel):
    """One target of a cell that holds several, as :func:`split_targets` reads it.

    Attributes:
        label: What tells the part apart from the others: a level (``cấp tỉnh``), a year
            (``năm 2026``), a sector (``dịch vụ``, ``Khu vực II``) or a counted noun
            (``hợp tác xã``); ``None`` for a cell's only target, or for the whole that the
            other parts divide (``đạt 50.000 tỷ đồng, trong đó năm 2026 …``).
        text: The part's text, verbatim as the cell writes it.
        spec: The part's target, parsed from its text without the label.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str | None
    text: str
    spec: TargetSpec


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one part offers: its label in each place, and the text the grammar reads."""

    lead: str | None
    year: str | None
    note: str | None
    unit: str | None
    target: str
    untrailed: str


def _year_label(text: str) -> str | None:
    found = YEARS.search(text)
    if found is None:
        return None
    span = _SPAN.search(found.group(0))
    if span is not None:
        return f"giai đoạn {span.group(1)}-{span.group(2)}"
    year = _YEAR.search(found.group(0))
    return f"năm {year.group(0)}" if year is not None else None


def _unbased(text: str) -> str:
    """``text`` with the base of a change (``so với năm 2020``, ``so với cùng kỳ``) blanked: a
    base is part of its target, never its label or its year."""
    span = base_span(text)
    if span is None:
        return text
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


#: Closing marks and what opens each.
_CLOSERS = {")": "(", "]": "[", "”": "“", "»": "«"}


def _unclosed(text: str) -> str:
    """``text`` without the closing marks at its end that no mark of it opens (``lúa 1.200.000
    tấn)``: the bracket was opened in an earlier part of the cell)."""
    while True:
        trimmed = text.rstrip(" .;:,")
        last = trimmed[-1:]
        if last not in _CLOSERS or trimmed.count(_CLOSERS[last]) >= trimmed.count(last):
            return text
        text = trimmed[:-1]


def _read(text: str) -> _Reading:
    text = _unclosed(text)
    unbased = without_marks(_unbased(text))  # "100% cấp tỉnh (1)": the mark labels nothing
    blanked = blank(unbased, YEARS)
    start = comparison_start(text, blanked)
    numbers = list(NUMBER_PATTERN.finditer(blanked, start))
    if not numbers:  # "2025-05-31" cut from "…, 2025-05-31": a date, no target's number
        raise TargetParseError(text, 0, "a number in each part", reason="a part with no number")
    first, last = numbers[0], numbers[-1]
    begin = label_end(blanked, start, first.start())
    rest = blanked[last.end() :]
    lower = rest.lower()
    after: list[Match] = []
    for position in range(len(lower)):
        if position and lower[position - 1].isalnum():
            continue
        match = match_phrase(lower, position, _AFTER)
        if match is not None:
            after.append(match)
            rest = rest[: match.start] + " " * (match.end - match.start) + rest[match.end :]
    unit, note, stray = read_unit(rest, 0, len(rest))
    target = text[begin:].strip()
    untrailed = target
    label = label_from(note) if note is not None and stray is None else None
    if label is not None and label.split()[0].casefold() == "lần":
        label = None  # "tăng 2 lần so với năm 2025": "lần" makes the multiple, it labels nothing
    if label is not None:
        edge = len(rest) - len(_EDGE.sub("", rest, count=1))
        tokens = list(re.finditer(r"\S+", rest[edge:]))
        cut = edge + tokens[len(unit.split()) if unit is not None else 0].start()
        kept = [m.phrase for m in after if m.start >= cut]
        untrailed = " ".join([text[begin : last.end() + cut].rstrip(_EDGE_CHARS), *kept]).strip()
    return _Reading(
        lead=label_from(_BULLET.sub("", text[:begin])),
        year=_year_label(unbased),
        note=label,
        unit=unit if stray is None else None,
        target=target,
        untrailed=untrailed,
    )


def _from_note(place: int, label: str | None, reading: _Reading) -> bool:
    """Whether ``label`` is the words after the part's number (then they leave its target)."""
    own = place == 2 or (place == 3 and reading.lead is None and reading.year is None)
    return own and label is not None and label == reading.note


def _key(label: str | None) -> str | None:
    return None if label is None else " ".join(label.casefold().split())


def _labels(readings: list[_Reading], place: int) -> list[str | None]:
    """The label of each part in one place; a label of punctuation alone (``)`` that closes a
    bracket opened in another part) is none."""
    return [
        label if label is None or any(ch.isalnum() or ch == "%" for ch in label) else None
        for label in _labels_in(readings, place)
    ]


def _labels_in(readings: list[_Reading], place: int) -> list[str | None]:
    if place == 0:
        return [r.lead for r in readings]
    if place == 1:
        return [r.year for r in readings]
    trailing = [
        r.note
        if r.note is not None
        else r.unit
        if r.unit is not None and all(o.unit != r.unit for o in readings if o is not r)
        else None
        for r in readings
    ]
    if place == 2:
        return trailing
    return [
        next((label for label in own if label is not None), None)
        for own in zip(_labels(readings, 0), _labels(readings, 1), trailing, strict=True)
    ]


def _tells_apart(labels: list[str | None], whole_first: bool) -> bool:
    keys = [_key(label) for label in labels]
    named = keys[1:] if whole_first else keys
    return None not in named and len(set(keys)) == len(keys)


def _refuse(text: str, cuts: list[Cut], candidates: list[list[str | None]]) -> TargetParseError:
    listed = ", ".join(repr(cut.text) for cut in cuts)
    reason = f"no label tells the {len(cuts)} targets apart: {listed}"
    for labels in candidates:
        keys = [_key(label) for label in labels if label is not None]
        twice = next((key for key in keys if keys.count(key) > 1), None)
        if twice is not None:
            reason = f"two of the targets {listed} have the label {twice!r}"
            break
    return TargetParseError(
        text,
        cuts[1].start,
        "parts told apart by a label: a level ('cấp tỉnh'), a year ('năm 2026'), a sector "
        "('Nông nghiệp: 20%') or a counted noun ('10 hợp tác xã; 30 tổ hợp tác')",
        reason=reason,
        parts=[cut.text for cut in cuts],
    )


def split_targets(
    text: str,
    *,
    direction: Direction | str | None = None,
    unit: str | Unit | None = None,
    indicator: str | None = None,
) -> list[TargetPart]:
    """Read a cell that may hold several targets, each with the label that tells it apart.

    The cell is cut at ``;``, at commas (never decimal commas), at ``và`` and at ``trong đó``,
    only where each side holds a number of its own: ``95% thôn, ấp và 100% trường học`` has two
    parts, ``95% thôn, ấp`` and ``100% trường học``.  The "Target semantics" page tells how.

    Args:
        text: The cell text.
        direction: The indicator's direction (``None``: not stated).
        unit: The indicator's unit, if known.
        indicator: The indicator's name, if known (see :func:`~kh922core.parse_target`).

    Returns:
        One :class:`TargetPart` for every part; a single target gives a one-element list whose
        label is ``None`` and whose spec is :func:`parse_target`'s.

    Raises:
        TargetParseError: When no label tells the parts apart (two parts have the same label,
            or some part has none), naming the parts in ``parts``; or when a part does not
            follow the grammar.

    Examples:
        >>> [(p.label, p.spec.render()) for p in split_targets("95% ở cấp tỉnh, 85% ở cấp xã")]
        [('cấp tỉnh', '95%'), ('cấp xã', '85%')]
        >>> [(p.label, p.spec.value) for p in split_targets("Nông nghiệp: 20%; Dịch vụ: 45%")]
        [('Nông nghiệp', 20.0), ('Dịch vụ', 45.0)]
        >>> cell = "đạt 50.000 tỷ đồng, trong đó năm 2026 đạt 9.000 tỷ đồng"
        >>> [(p.label, p.text) for p in split_targets(cell)]
        [(None, 'đạt 50.000 tỷ đồng'), ('năm 2026', 'năm 2026 đạt 9.000 tỷ đồng')]
    """
    if not isinstance(text, str) or len(text) > MAX_TARGET_LENGTH or not text.strip():
        return [TargetPart(label=None, text=str(text), spec=parse_target(text))]
    text = unicodedata.normalize("NFC", text)
    cuts = cut_cell(text)
    if len(cuts) < 2:
        spec = parse_target(text, direction=direction, unit=unit, indicator=indicator)
        return [TargetPart(label=None, text=text.strip(), spec=spec)]
    refuse_cell_shapes(text)
    readings = [_read(cut.text) for cut in cuts]
    subset = any(cut.subset for cut in cuts[1:])
    candidates = [_labels(readings, place) for place in range(len(_PLACES))]
    refusals: list[TargetParseError] = []
    for place, labels in enumerate(candidates):
        if _tells_apart(labels, whole_first=subset or place == 1):
            if place == 1:  # "Thành thị 100%; nông thôn: năm 2026 đạt 80%, …": two kinds
                leads, notes = [r.lead for r in readings], [r.note for r in readings]
                years = [r.year for r in readings]
                refuse_groups_beside_years(
                    text, [c.text for c in cuts], leads, notes, years, indicator
                )
            parts = [
                TargetPart(
                    label=label,
                    text=cut.text,
                    spec=as_written(
                        reading.untrailed if _from_note(place, label, reading) else reading.target,
                        cut.text,
                        (direction, unit, indicator),
                        refusals,
                    ),
                )
                for label, cut, reading in zip(labels, cuts, readings, strict=True)
            ]
            _refuse_unshared(text, parts)
            refuse_operator_labels(text, [(p.label, p.text) for p in parts])
            refuse_joined_labels(text, [(p.label, p.text) for p in parts])
            refuse_part_words(text, [(p.label, p.text, p.spec.kind) for p in parts])
            refuse_share_of_the_whole(text, cuts, [(p.text, p.spec) for p in parts], unit)
            refuse_unread_parts(text, [(p.text, p.label, p.spec) for p in parts], unit)
            refuse_period_parts([(p.text, p.spec) for p in parts], unit, indicator)
            if refusals:  # a refusal a part's label gives holds: "Nông nghiệp tăng 3%"
                raise refusals[0]
            return parts
    raise _refuse(text, cuts, candidates)


def _phrased(text: str) -> bool:
    """Whether ``text`` writes a phrase of the grammar (a verb, an operator, ``đạt`` …) before
    its first number: a part that writes none is a bare number."""
    lower = blank(text.lower(), YEARS)  # "năm 2030 đạt 80%": the year is no number of it
    number = NUMBER_PATTERN.search(lower)
    end = number.start() if number is not None else len(lower)
    return any(
        getattr(match_phrase(lower[:end], position), "role", "noun") != "noun"
        for position in range(end)
        if position == 0 or not lower[position - 1].isalnum()
    )


def _refuse_unshared(text: str, parts: list[TargetPart]) -> None:
    """Refuse a cell whose parts would read a verb or a base that only one of them writes:
    ``giảm 2% ở thành thị và 3% ở nông thôn`` (the second part has no verb: a level, where the
    reader carries the fall), ``cấp tỉnh tăng 10%, cấp xã tăng 5% so với năm 2020`` (the first
    part has no base), ``So với năm 2025: thành thị tăng 5%; nông thôn tăng 3%``."""
    refuse_mixed_years(text, [(part.text, part.spec) for part in parts])
    changed = [part for part in parts if part.spec.change is not None]
    earlier = None  # the first part that writes a change, once one has
    compared = None  # the first part that writes a comparator (trên, dưới, ≥ …), once one has
    for part in parts:
        bare = part.spec.change is None and (
            part.spec.kind == "range" or getattr(part.spec, "operator", None) == "target"
        )
        if earlier is not None and bare and not _phrased(part.text):
            raise TargetParseError(
                text,
                text.find(part.text),
                f"a verb in each part ('{earlier.text}' writes one)",
                reason=f"the part {part.text!r} has no verb of its own",
                parts=[part.text for part in parts],
            )
        if compared is not None and bare and not _phrased(part.text):
            _refuse_uncarried(text, compared, part, parts)
        if earlier is None and part.spec.change is not None:
            earlier = part
        if compared is None and part.spec.change is None and _compares(part.spec):
            compared = part
    # "Năm 2026 tăng 8%; năm 2027 tăng 9%": each year's change, from the year before or from
    # the plan baseline? A reader takes the year before; the plan baseline would be the rule.
    yearly = sum(1 for part in parts if part.label and _YEAR_LABEL.fullmatch(part.label)) > 1
    for part in changed:
        change = part.spec.change
        dated = bool(part.label and _YEAR_LABEL.fullmatch(part.label))  # "riêng năm 2026 tăng 8%"
        if base_span(text) is None and not yearly and not dated:
            continue
        if change is not None and change.since is None and not change.previous_year:
            said = "its parts are years" if yearly or dated else "the cell names one"
            raise TargetParseError(
                text,
                text.find(part.text),
                "the base in each part of change ('tăng 10% so với năm 2020', 'so với năm trước')",
                reason=f"the part {part.text!r} names no base, but {said}",
                parts=[part.text for part in parts],
            )


def _compares(spec: TargetSpec) -> bool:
    """Whether ``spec`` writes a comparator of its own (``trên 90%``, ``≤ 5``, ``khoảng 90%``)."""
    return spec.kind == "approximate" or getattr(spec, "operator", None) in ("ge", "gt", "le", "lt")


def _refuse_uncarried(
    text: str, compared: TargetPart, part: TargetPart, parts: list[TargetPart]
) -> None:
    """Refuse a bare part after a part with a comparator when the reader's reading (the
    comparator carried: ``trên 90% cấp tỉnh, 80% cấp xã`` is above 80 % in the communes) is
    not the bare number's (at least 80 %, met at 80 %): the part's text alone would give the
    bare reading wherever it is read again (a plan file keeps each part's text)."""
    carried = getattr(compared.spec, "operator", None)
    own = part.spec._operator() if hasattr(part.spec, "_operator") else None
    if part.spec.kind != "comparison" or own == carried:
        return
    raise TargetParseError(
        text,
        text.find(part.text),
        f"a comparator in each part ('{compared.text}' writes one)",
        reason=f"the part {part.text!r} has no comparator of its own: alone it reads "
        f"{part.spec.render()!r}, not as the comparator of {compared.text!r}",
        parts=[part.text for part in parts],
    )
