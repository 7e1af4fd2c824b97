"""An indicator that is itself the size of a cut: ``giảm X%`` is its level.

``Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính``, ``Tỷ lệ thủ tục hành chính được cắt
giảm``, ``Số thủ tục hành chính được cắt giảm``, ``Tỷ lệ giảm phát thải khí nhà kính``, ``Mức
giảm tỷ lệ hộ nghèo``, ``Tốc độ giảm …``, ``Tỷ lệ rút ngắn …``, ``Tỷ lệ giảm nghèo``: the figure
of such a row is how much was cut (a count of what is cut reads a cut in its own unit, and
refuses one in %).  ``Cắt giảm ít
nhất 30%`` in it says that figure reaches 30 % (a level, at least 30), never that the cut rate
itself falls by 30 points; ``Giảm 1,5%/năm`` of ``Tỷ lệ giảm nghèo`` is a cut of 1,5 a year, its
level.  A bare number is at least that much cut (``Giảm 30%``: ≥ 30 %, whatever the direction
given), a range or a bound keeps its words (``giảm 5-10%``, ``giảm tối đa 5%``).

What the text cannot say of such a figure is refused: a base (``so với năm 2025`` is the cut
rate's own reference, which its figure already holds: the level of a cut measured against the
base, or a change of the cut rate since then?) and a cut of more (``giảm thêm 5%``).
"""

from __future__ import annotations

import re

from kh922core._targets.change_words import BaseCues
from kh922core._targets.kinds import Comparison, Operator, TargetSpec
from kh922core._targets.units import Unit
from kh922core._targets.verbs import Verb
from kh922core.errors import TargetParseError

__all__ = ["cut_level", "names_a_cut"]

#: The first words of a name of the size of a cut (after any list number).
_CUT_NAME = re.compile(
    r"^\s*(?:[\dIVXivx]+[.)]\s*)*(?:t[ỷỉ]\s+lệ|mức|tốc\s+độ)\s+"
    r"(?:cắt\s+giảm|kéo\s+giảm|rút\s+ngắn|giảm(?!\s+(?:thị\s+lực|thính\s+lực|mật\s+độ|trí\s+nhớ|"
    r"cân|chức\s+năng|miễn\s+dịch|sức\s+(?:nghe|nhìn)|dân\s+số)\b))\b"
    # "Tỷ lệ thủ tục hành chính được cắt giảm", "Tỷ lệ thời gian giải quyết được rút ngắn",
    # "Số thủ tục hành chính được cắt giảm" (a count of what is cut)
    r"|^\s*(?:[\dIVXivx]+[.)]\s*)*(?:t[ỷỉ]\s+lệ|số(?:\s+lượng)?)\s+"
    r"(?:(?!chưa\b|không\b)[^\W\d_]+\s+){1,8}?(?:được\s+)?"
    r"(?:cắt\s+giảm|rút\s+ngắn|tinh\s+giản)\s*(?:[(,;]|so\s+với\b|$)",
    re.IGNORECASE,
)
#: The units of a cut written in %: a plain percentage, or one a year.
_PERCENT = ("percent", "percent_per_year")


def names_a_cut(name: str | None) -> bool:
    """Whether an indicator's ``name`` says, from its first words, that its figure is the size
    of a cut.

    Examples:
        >>> names_a_cut("Tỷ lệ cắt giảm thời gian giải quyết TTHC"), names_a_cut("Tỷ lệ hộ nghèo")
        (True, False)
        >>> names_a_cut("3. Mức giảm tỷ lệ hộ nghèo"), names_a_cut("Giảm tỷ lệ hộ nghèo")
        (True, False)
        >>> names_a_cut("Tỷ lệ thủ tục hành chính được cắt giảm")
        True
        >>> names_a_cut("Số thủ tục hành chính được cắt giảm, đơn giản hóa")
        True
    """
    return bool(name) and _CUT_NAME.match(name or "") is not None


def cut_level(
    text: str,
    spec: TargetSpec,
    verb: Verb,
    base: BaseCues,
    unit: Unit | None,
    written: Unit | None,
    indicator: str | None,
) -> tuple[TargetSpec, str] | None:
    """The level of the cut that ``spec`` (read after a verb of falling) bounds, when the
    indicator names a cut and the text writes it in the row's kind of unit (``Giảm 30%`` of a
    cut in %, ``Giảm 500 tấn`` of a cut in tấn); ``None`` otherwise.

    Raises:
        TargetParseError: A base, or a cut of more, on such an indicator.
    """
    if verb.way != "fall" or verb.multiple or not names_a_cut(indicator):
        return None
    row_percent = None if unit is None else unit.expression in _PERCENT
    text_percent = None if written is None else written.expression in _PERCENT
    expected = "the cut to reach as a level ('Cắt giảm ít nhất 30%', 'Giảm 5-10%')"
    if None not in (row_percent, text_percent) and row_percent != text_percent:
        if row_percent:  # "Giảm 500 hộ" of "Tỷ lệ giảm nghèo": the reading of a change decides
            return None
        raise TargetParseError(  # "Cắt giảm 30% số TTHC" of "Số TTHC được cắt giảm"
            text,
            0,
            f"the cut in the row's unit ({unit.text if unit else ''!r})",
            reason=f"a cut in % of an indicator that counts what is cut ({indicator!r}): "
            "of which total, and how many is that?",
        )
    if base.named:
        raise TargetParseError(
            text,
            base.position or 0,
            expected,
            reason=f"a base on an indicator that is itself a cut ({indicator!r}): its figure "
            "is measured against its own reference; the level of the cut, or a change of the "
            "cut rate since the base?",
        )
    if verb.of_change or (verb.phrase is not None and "thêm" in verb.phrase.split()):
        raise TargetParseError(
            text,
            0,
            expected,
            reason=f"{verb.phrase!r} X% of an indicator that is itself a cut: a cut of X, or a "
            "cut rate higher by X points?",
        )
    percent = row_percent if row_percent is not None else text_percent is not False
    shown = (unit.text if unit is not None else "%") if percent else getattr(spec, "unit", None)
    level = spec.model_copy(update={"unit": shown, "change": None})
    if isinstance(level, Comparison) and level.operator is Operator.TARGET:
        level = level.model_copy(update={"operator": Operator.GE})  # at least that much cut
    return level, (
        f"a level: the indicator's name says its figure is a cut ({indicator!r}), so "
        f"{verb.phrase!r} X% is the level of that cut (at least X for a bare number)"
    )
