"""How a part of a cell reads: as its whole sentence reads, where its label decides.

:func:`kh922core.split_targets` parses a part from its text without its label.  Where the label
decides the reading, that would read otherwise than the sentence: ``Công nghiệp tăng bình quân
12%/năm`` in a % row is a growth rate (a sector's output is no share), ``tăng bình quân 12%/năm``
alone points of a share.  :func:`as_written` reads the part as its sentence reads, and keeps
the refusal its label gives (``Nông nghiệp tăng 3%``: points of a share, or a growth?).
"""

from __future__ import annotations

from kh922core._targets.grammar import parse_target
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["as_written"]


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
