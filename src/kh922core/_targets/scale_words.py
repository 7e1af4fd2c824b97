"""A scale word with no unit it multiplies, which a reading would drop into the note.

``500 triệu`` in a row in ``tỷ đồng`` is 500 triệu đồng, or 500 tỷ?  ``Dưới 1,2 triệu dân`` in a
row in ``người`` was read as fewer than 1,2 people, the ``triệu dân`` in the note.  Such a text is
refused, naming the scale word; a scale that is the row's own, the noun unsaid (``10.000 tỷ`` in
a row in ``tỷ đồng``, ``50 nghìn dân`` in one in ``nghìn người``), reads, and so does a scale in
a population's denominator (``15 bác sĩ trên 1 vạn dân``).
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["refuse_scale_without_unit", "starts_with_scale"]

#: Scale words, which multiply the unit after them ("triệu đồng", "nghìn tỷ đồng"); "dân" is
#: a unit after one ("bác sĩ trên 1 vạn dân").
_SCALE_AFTER = re.compile(
    r"(?<![\d.,])\d[\d.,]*\s*(?P<word>trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|tr\.?|ng\.?)(?!\w)"
    r"(?!\s+(?:lệ|trọng|suất|dân)(?!\w))",
    re.IGNORECASE,
)
#: A scale before "dân" that is the target's own number ("Dưới 1,2 triệu dân"), not a
#: population's denominator ("trên 1 vạn dân", "/1 triệu dân").
_SCALED_PEOPLE = re.compile(
    r"(?<![/\d.,])(?<!/\s)(?P<number>\d[\d.,]*)\s*"
    r"(?P<word>nghìn|ngàn|vạn|triệu)\s+dân(?:\s+cư)?(?!\w)",
    re.IGNORECASE,
)


def starts_with_scale(note: str) -> bool:
    """Whether a note begins with a scale word (as a render writes one: ``(triệu)``)."""
    return _SCALE_AFTER.match("0 " + note) is not None


def refuse_scale_without_unit(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """Refuse a scale word after the number, or leading the note, that no unit follows (see
    the module docstring); ``unit``: the row's."""
    note = getattr(spec, "note", None) or ""
    trailing = _SCALE_AFTER.search(text)
    written = (getattr(spec, "unit", None) or "").casefold()
    ratio = note.casefold().startswith(("tỷ số", "tỉ số"))  # "Tỷ số giới tính …": a ratio
    leading = None if ratio else _SCALE_AFTER.match("0 " + note)
    scale = leading.group("word") if leading is not None else None
    if trailing is not None and not written.startswith(trailing.group("word").casefold()):
        scale = scale or trailing.group("word")
    people = _SCALED_PEOPLE.search(text)  # "1,2 triệu dân": the scale, with "dân" in the note
    before = text[: people.start()].rstrip().casefold() if people is not None else ""
    # "15 bác sĩ trên 1 vạn dân": a population's denominator, beside the target's number
    other = people is not None and re.search(r"\d", text[: people.start()] + text[people.end() :])
    if other and people.group("number") == "1" and before.endswith(("trên", "mỗi")):  # type: ignore[union-attr]
        people = None
    if people is not None and not written.startswith(people.group("word").casefold()):
        scale = scale or people.group("word")
    row = (unit.text.casefold().split() if unit is not None else []) + [""]
    if scale is not None and not (len(row) == 3 and scale.casefold() == row[0]):  # "10.000 tỷ"
        raise TargetParseError(  # (not of a row in "tỷ đồng": its own scale, the noun unsaid)
            text,
            max(text.casefold().find(scale.casefold()), 0),
            "a unit after the scale word ('500 triệu đồng', '1,5 triệu lượt')",
            reason=f"the scale word {scale!r} with no unit it multiplies",
        )
