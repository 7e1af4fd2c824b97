"""Targets with no number: none at all (``không còn …``, ``xóa hết …``: ``≤ 0``), or a target
in words (met only by an assessment).

A target of none at all names what must vanish, which is better lower: on an indicator stated
better higher (or a band) it is refused (:func:`none_at_all`), as its worst level would meet it.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import Comparison, Direction, Operator, Qualitative, TargetSpec
from kh922core._targets.lost_words import note_drops_meaning
from kh922core._targets.scanner import read_phrases, read_unit
from kh922core._targets.set_aside import NUMBER_WORDS
from kh922core._targets.subject_phrases import has_meaning
from kh922core.errors import TargetParseError

__all__ = ["NONE_AT_ALL", "bare_zero", "none_at_all", "word_target"]

#: The start of the reason of a target of none at all (``không còn …``).
NONE_AT_ALL = "a level of none at all"


def none_at_all(text: str, spec: TargetSpec, stated: Direction | str | None) -> TargetSpec:
    """A target of none at all (``không còn …``) names what must vanish, which is better
    lower: it is refused on an indicator stated better higher or a band (``Xóa hết nhà tạm``
    on ``Tỷ lệ hộ được xóa nhà tạm``: 100 % would fail ``≤ 0``)."""
    if stated is None or Direction(stated) is Direction.LOWER_IS_BETTER:
        return spec
    raise TargetParseError(
        text,
        0,
        "the level to reach ('đạt 100%'), or an indicator better lower (what must vanish)",
        reason=f"none at all ('≤ 0') on an indicator {Direction(stated).value}: its worst level "
        "would meet it",
    )


def bare_zero(text: str, spec: TargetSpec, stated: Direction | str | None) -> TargetSpec:
    """A bare number 0, about 0, or a range from 0 (``Tỷ lệ hồ sơ trễ hạn 0%``, ``0 sự cố``,
    ``khoảng 0%``, ``0-1%``) is none at all or little, better lower where the indicator states
    no direction; stated better higher, every level would meet it: refused."""
    bare = isinstance(spec, Comparison) and spec.operator is Operator.TARGET and spec.value == 0
    about = spec.kind == "approximate" and getattr(spec, "value", None) == 0
    from_zero = spec.kind == "range" and getattr(spec, "low", None) == 0
    if not (bare or about or from_zero) or spec.change is not None:
        _refuse_all_removed(text, spec, stated)
        return spec
    if stated is None:
        return spec.model_copy(update={"direction": Direction.LOWER_IS_BETTER})
    if Direction(stated) is Direction.HIGHER_IS_BETTER:
        raise TargetParseError(
            text,
            0,
            "the level to reach, or an indicator better lower (what must vanish)",
            reason="a target of 0 on an indicator better higher: every level would meet it",
        )
    return spec


#: Words that make "none" of a part of the count: the large, the serious ones ("không để xảy ra
#: cháy rừng lớn", "tai nạn lao động nghiêm trọng", "ngộ độc thực phẩm đông người").
_QUALIFIED_NONE = re.compile(
    r"(?<![\w])(?:lớn|nghiêm\s+trọng|đông\s+người|kéo\s+dài|phức\s+tạp|diện\s+rộng)(?![\w])",
    re.IGNORECASE,
)

#: A verb of removing before the share removed ("Xóa 100% nhà tạm", "Loại bỏ 100% …").
_REMOVED = re.compile(r"(?<![\w])(?:xóa|xoá|loại\s+bỏ|chấm\s+dứt|xóa\s+bỏ)\s+100\s*%", re.I)


def _refuse_all_removed(text: str, spec: TargetSpec, stated: Direction | str | None) -> None:
    """Refuse ``Xóa 100% nhà tạm`` read bare on an indicator stated better lower (the share
    left, ``Tỷ lệ hộ ở nhà tạm``): read as ``≤ 100 %``, every level would meet it; the share
    removed (``Tỷ lệ nhà tạm được xóa``, better higher) reads ``≥ 100 %``."""
    bare = isinstance(spec, Comparison) and spec.operator is Operator.TARGET
    lower = stated is not None and Direction(stated) is Direction.LOWER_IS_BETTER
    if bare and lower and _REMOVED.search(text):
        raise TargetParseError(
            text,
            0,
            "the level left ('không còn nhà tạm', '0%'), or an indicator of the share removed",
            reason="all removed (100 %) on an indicator better lower: the share removed, or 0 "
            "left? Read as ≤ 100 %, every level would meet it",
        )


def word_target(text: str, blanked: str, direction: Direction) -> tuple[TargetSpec, str | None]:
    """A text with no number: none at all (``không còn …``), or a target in words."""
    found, stop = read_phrases(blanked, 0, len(blanked))
    leading = len(blanked) - len(blanked.lstrip())
    # "không còn …", "phấn đấu xóa hết …": the first phrase after any fillers says none at all
    zero = next((m for m in found if m.role != "filler"), None)
    rest = " ".join(blanked[zero.end :].split()).strip(" .;:,") if zero is not None else ""
    if zero is not None and zero.role == "zero" and _QUALIFIED_NONE.search(rest):
        # "Không để xảy ra cháy rừng lớn": none of the large ones (small fires meet it), not
        # none at all of the count: what is large, an official says
        return Qualitative(text=" ".join(text.split()), direction=direction), None
    if (
        zero is not None
        and zero.role == "zero"
        and found[0].start == leading
        and not any(ch.isdigit() for ch in rest)
        and not has_meaning(rest)
        and not rest.startswith("/")  # "xóa hết/…": a per unit of nothing
    ):
        # without a closing quotation mark or a footnote mark ("“Không còn hộ nghèo”", "…¹")
        words = " ".join(text[zero.end :].split()).strip(" .;:,”»’¹²³⁴⁵⁶⁷⁸⁹⁰")
        unit_text, note, _ = read_unit(words, 0, len(words))
        if not note_drops_meaning(note or ""):  # "… bệnh viện / …", "‰ tỉ USD"
            spec = Comparison(
                operator=Operator.LE, value=0.0, unit=unit_text, note=note, direction=direction
            )
            return spec, f"{NONE_AT_ALL}: {zero.phrase!r} means ≤ 0"
    # only words that carry no comparison ("Hoàn thành", "Đạt"), or a level kept with no
    # number ("Duy trì", "Giữ ổn định": the level it has): a target in words
    roles = {match.role for match in found} - {"filler"}
    if found and stop is None and roles and roles != {"maintain"}:
        raise TargetParseError(
            text,
            found[-1].end,
            f"a number after {found[-1].phrase!r}",
            reason="the number is missing",
        )
    if found and found[0].start == leading and not found[0].phrase[-1].isalnum():
        raise TargetParseError(
            text,
            stop if stop is not None else found[-1].end,
            f"a number after {found[0].phrase!r}",
            reason="letters where a number belongs",
        )
    if not any(ch.isalpha() for ch in text):
        raise TargetParseError(text, 0, "a number, a range or a target in words")
    spelled = NUMBER_WORDS.search(blanked.lower())
    if spelled is not None and blanked[spelled.start("word")].islower():  # "không quá hai ngày"
        raise TargetParseError(
            text,
            spelled.start("word"),
            "the number in digits ('không quá 2 ngày', 'giảm còn 50%')",
            reason=f"a number written in words ({spelled.group('word')!r}) with a comparison",
        )
    return Qualitative(text=" ".join(text.split()), direction=direction), None
