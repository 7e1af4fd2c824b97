"""How a part of a cell reads: as its whole sentence reads, where its label decides.

:func:`kh922core.split_targets` parses a part from its text without its label.  Where the label
decides the reading, that would read otherwise than the sentence: ``Công nghiệp tăng bình quân
12%/năm`` in a % row is a growth rate (a sector's output is no share), ``tăng bình quân 12%/năm``
alone points of a share.  :func:`as_written` reads the part as its sentence reads, and keeps
the refusal its label gives (``Nông nghiệp tăng 3%``: points of a share, or a growth?).  A
label that holds a verb or a comparator is refused (:func:`refuse_operator_labels`).
"""

from __future__ import annotations

from kh922core._targets.grammar import parse_target
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.scanner import match_phrase
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["as_written", "refuse_operator_labels"]


def as_written(
    target: str,
    text: str,
    reading: tuple[Direction | str, Unit | str | None],
    refusals: list[TargetParseError],
) -> TargetSpec:
    """A part's ``target`` (its text without its label), as its whole ``text`` reads; the
    refusal its label gives goes to ``refusals``."""
    spec = parse_target(target, direction=reading[0], unit=reading[1])
    try:
        whole = parse_target(text, direction=reading[0], unit=reading[1])
    except TargetParseError as error:
        refusals += [error] if "points of a share" in str(error) else []
        return spec
    same = whole.change == spec.change and whole.kind == spec.kind
    return spec if same else whole.model_copy(update={"note": getattr(spec, "note", None)})


#: Roles of phrases that are no words of a label: a verb or a comparator before the labels
#: ("Giảm: thành thị 1%, nông thôn 2%") would be read by the first part only.
_OPERATOR_ROLES = frozenset({"rise", "fall", "multiple", "ge", "gt", "le", "lt", "approx"})


def refuse_operator_labels(text: str, parts: list[tuple[str | None, str]]) -> None:
    """Refuse a first label that starts with a verb or a comparator (``Giảm: thành thị 1%, nông
    thôn 2%``): it heads every part, where each part reads only its own words.  ``parts``: each
    part's label and text."""
    for label, part_text in parts[:1]:  # a heading stands before the first label
        lower = (label or "").lower()
        start = len(lower) - len(lower.lstrip(" -–•+*:"))
        match = match_phrase(lower, start) if lower else None
        found = [match] if match is not None and match.role in _OPERATOR_ROLES else []
        if found:
            raise TargetParseError(
                text,
                text.find(part_text),
                f"the verb or comparator in each part ('{found[0].phrase} 1%, "
                f"{found[0].phrase} 2%')",
                reason=f"{found[0].phrase!r} stands before the labels: it would be read by the "
                "first part only",
                parts=[text for _, text in parts],
            )
