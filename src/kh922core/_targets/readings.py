"""Which reading a target with a verb takes: a level, or a change of which kind, and why.

The grammar reads the number, the comparator and the written unit as it does for a level; this
module decides what they bound, from the verb (``tăng``, ``giảm``, ``gấp``), the words around
the number (``so với năm 2020``, ``điểm %``, ``bình quân``, ``xuống còn``) and the indicator's
unit, and says why in one line (``kh922 explain`` shows it):

* a verb followed by the level to reach (``giảm … xuống còn 2%``, ``nâng lên 70%``) or
  ``duy trì`` makes a level target; a bare number takes the verb's way;
* an indicator that is itself a rate of change (``%/năm``) takes ``tăng X%`` as a level of that
  rate;
* a share in ``%`` takes a change written in ``%`` as percentage points;
* a level in money, counts, mass … takes it as relative (compound growth when it is a yearly
  average);
* ``điểm %`` is always points, ``gấp … lần`` always a multiple;
* a change phrasing that fits none of these is refused, never read as a level.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kh922core._targets.another_kind import refuse_multiple_of_a_rate
from kh922core._targets.change_words import AfterCues, BaseCues
from kh922core._targets.cut_names import cut_level
from kh922core._targets.kinds import (
    Change,
    ChangeKind,
    Comparison,
    Direction,
    Operator,
    TargetSpec,
)
from kh922core._targets.lost_words import refuse_lost_words
from kh922core._targets.subject_kinds import (
    INDEX_GROWTH,
    PERCENT_OF,
    RATE_IN_PERCENT,
    RATE_WORDS,
    SHARE_LIKE,
    SHARE_WORDS,
    changing_thing,
    names_a_growth,
    unknown_thing,
)
from kh922core._targets.unit_fit import RATE_UNIT, fit_unit, is_rate, is_share, per_year_part
from kh922core._targets.units import Unit, parse_unit
from kh922core._targets.verbs import (
    NOUN_VERBS,
    Verb,
    refuse_clash,
    refuse_floor_of_a_fall,
    refuse_up_to,
    way_of_level,
)
from kh922core._targets.yearly_clauses import keeps_verb, refuse_yearly_levels
from kh922core.errors import IncompatibleUnitError, TargetParseError

__all__ = ["read_reading"]


#: A comparison sign (``<``, ``≥``, ``=`` …) in the words kept as a note, with no word after it
#: (``đạt 50% <=``, ``… < = -``): a bound cut off.  One before a word compares with what it names
#: (``100% (≥ QCVN)``) and stays in the note (before another level, ``(≥ mức bình quân cả
#: nước)``, it is a second condition: other_clauses refuses it).
_SIGN = re.compile(r"[<>=≤≥≠≦≧]+(?![<>=≤≥≠≦≧]*\s*[^\W\d_])")
#: "(= 01/01/2025)", "(= 8.000 USD)": an equivalent with a number of its own, set aside unread.
_EQUALS_NUMBER = re.compile(r"\(\s*=\s*(?=\d)")


def _refuse_stray_sign(text: str, spec: TargetSpec) -> None:
    """Refuse a comparison sign left in the note with no word after it (``đạt 50% <=``): a
    bound garbled or cut off, whose number the reading would silently drop; and an equivalent
    in brackets with a number of its own (``45658 (= 01/01/2025)``)."""
    if spec.kind not in ("comparison", "range", "approximate"):
        return
    found = _SIGN.search(getattr(spec, "note", None) or "")
    if found is not None:
        raise TargetParseError(
            text,
            max(text.find(found.group(0)), 0),
            "one comparison, before its number ('≥ 50%')",
            reason=f"the comparison sign {found.group(0)!r} with no number of its own",
        )
    equals = _EQUALS_NUMBER.search(text)
    if equals is not None:
        raise TargetParseError(
            text,
            equals.start(),
            "the target alone ('≥ 50%'), its equivalent out of the cell",
            reason="an equivalent '(= …)' with a number of its own: which one is the target?",
        )


def _level(spec: TargetSpec, verb: Verb) -> TargetSpec:
    """A level target whose bare number takes the verb's way (≥ rising, ≤ falling), and so
    do an approximate one and a range (``giảm xuống khoảng 20%``: about 20 % or less;
    ``giảm xuống 20-22%``: 22 % or less), whatever the indicator's direction."""
    if isinstance(spec, Comparison) and spec.operator is Operator.TARGET and verb.way:
        operator = Operator.GE if verb.way == "rise" else Operator.LE
        return spec.model_copy(update={"operator": operator})
    if spec.kind in ("approximate", "range") and verb.way:
        way = Direction.HIGHER_IS_BETTER if verb.way == "rise" else Direction.LOWER_IS_BETTER
        return spec.model_copy(update={"direction": way})
    return spec


def _changed(
    spec: TargetSpec, kind: ChangeKind, base: BaseCues, verb: Verb, unit: str | None
) -> TargetSpec:
    change = Change(
        kind=kind, since=base.since, previous_year=base.previous_year, falling=verb.way == "fall"
    )
    return spec.model_copy(update={"change": change, "unit": unit})


def _refuse_base(text: str, base: BaseCues, expected: str, reason: str) -> None:
    if base.named:
        raise TargetParseError(text, base.position or 0, expected, reason=reason)


def read_reading(
    text: str,
    spec: TargetSpec,
    verb: Verb,
    base: BaseCues,
    after: AfterCues,
    unit: Unit | None,
    indicator: str | None = None,
) -> tuple[TargetSpec, str | None]:
    """The target ``spec`` (read as a level, its unit not yet fitted) and why, given its verb;
    ``indicator``: the indicator's name, which may say it is a rate of change (``Tốc độ tăng
    …``) or a level (``Thu ngân sách``) where the text names no subject.

    Returns:
        The target, with ``change`` set when it bounds a change, and the reason for a reading
        that needed one (``None`` for a plain level).

    Raises:
        TargetParseError: A base, ``điểm %`` or ``lần`` with no verb of change; a change of a
            rank or of a target in words; a base on a level target.
        IncompatibleUnitError: The written unit contradicts the indicator's.
    """
    times = after.times or (getattr(spec, "note", None) or "").startswith("lần")
    if verb.changes and verb.to_level and times:  # "tăng lên 2 lần": twofold, not a level of 2
        verb = replace(verb, multiple=True, to_level=None)
    refuse_lost_words(text, spec, verb, base, after, unit, indicator)
    _refuse_stray_sign(text, spec)
    written = getattr(spec, "unit", None)
    shared = SHARE_LIKE.search(getattr(spec, "note", None) or "") is not None
    ranked = spec.kind in ("rank_group", "qualitative") or (unit is not None and unit.is_rank)
    yearly_words = verb.per_year or after.per_year or per_year_part(written)[1]
    if verb.changes and verb.clause_ended:  # "Nâng cao hiệu quả giảm nghèo, tỷ lệ … còn 1,5%"
        kept = verb.clause_qualified and yearly_words  # "Giảm dần, bình quân 0,5%/năm"?
        if not (kept and keeps_verb(text, verb, unit, indicator, written)):
            verb = Verb(None, None, False, verb.per_year, verb.to_level, verb.maintain)
    refuse_clash(text, verb)  # "Giảm tỷ lệ hộ nghèo tăng thêm 2%"
    if not (after.times or after.points or yearly_words or base.named):  # those say a change
        refuse_up_to(text, verb)  # "tăng đến 70%": the level, or a change of up to 70 %?
    if verb.changes and verb.maintain:
        raise TargetParseError(
            text,
            0,
            "the change ('giảm …') or the level to keep ('duy trì ở mức …')",
            reason=f"{verb.phrase!r} and 'duy trì': a change, or a level kept?",
        )
    level_said = shared and not ranked and not yearly_words
    if verb.opening and verb.changes and not verb.to_level and level_said:
        verb = replace(verb, to_level=verb.opening)  # "Hạ tỷ lệ thất nghiệp đạt 2%": ≤ 2 %
    if verb.linked and verb.changes and not verb.to_level:  # "xuống còn", "lên": a level verb
        yearly = per_year_part(written)[1] or (written is not None and is_rate(parse_unit(written)))
        level = unit is not None and not (is_share(unit) or is_rate(unit))
        # the text's share, or the indicator's where the text names no subject of its own
        unnamed = not (getattr(spec, "note", None) or "").strip()
        subject = SHARE_WORDS.search(text) or (unnamed and SHARE_WORDS.search(indicator or ""))
        of_share = subject and not RATE_WORDS.search(text) and not level
        of_share = of_share and not (unit is not None and is_rate(unit))
        if of_share and yearly_words and (written or "%").startswith("%"):
            raise TargetParseError(  # "Giảm tỷ lệ hộ nghèo đạt 1%/năm", "… giảm bình quân đạt"
                text,
                0,
                "the change a year ('Giảm tỷ lệ hộ nghèo bình quân 1%/năm') or the level each "
                "year without the verb ('Tỷ lệ hồ sơ đúng hạn đạt 98%')",
                reason=f"{verb.phrase!r} … 'đạt' X% a year of a share: a change a "
                "year (a fall of 1 point a year), or a level reached each year (98% a year)?",
            )
        if not (yearly and level):  # "tỷ lệ xã … nâng cao đạt 50%": the verb is in the subject
            verb = Verb(None, None, False, verb.per_year, verb.to_level, verb.maintain, True)
    if not verb.changes and after.times and base.named:  # "bằng 1,5 lần năm 2025"
        verb = Verb(None, None, True, verb.per_year, verb.to_level, verb.maintain)
    if not verb.changes:
        refuse_yearly_levels(  # "1,5%/năm" of "Tỷ lệ hộ nghèo", "Mỗi năm có 5 xã …" of a stock
            text, written, unit, indicator, yearly_words
        )
        _refuse_base(
            text,
            base,
            "a verb of change ('tăng', 'giảm', 'gấp') before the number",
            "a base ('so với …') on a target with no change",
        )
        if after.points:
            raise TargetParseError(
                text, 0, "'tăng' or 'giảm' before '… điểm %'", reason="points with no change"
            )
        way = way_of_level(verb.to_level)
        if way is not None:  # "còn 2%", "đưa tỷ lệ xuống 2%", "lên 50%": the words say the way
            said = f"a level: {verb.to_level!r} names the level to reach"
            return fit_unit(text, _level(spec, replace(verb, way=way)), unit), said
        return fit_unit(text, spec, unit), None
    if spec.kind in ("rank_group", "qualitative") or (unit is not None and unit.is_rank):
        raise TargetParseError(
            text,
            0,
            "the rank to reach ('nhóm 30', '≤ 10'), or a change of a level ('tăng 20%')",
            reason=f"a change of a {'rank' if spec.kind != 'qualitative' else 'target in words'} "
            "is not a target the library reads",
        )
    at_most = isinstance(spec, Comparison) and spec.operator in (Operator.LE, Operator.LT)
    written = getattr(spec, "unit", None)
    # "Diện tích đất lúa giảm không quá 5%": % of a level in ha can only be a relative fall
    relative = unit is not None and not (is_share(unit) or is_rate(unit))
    # ... but not of a count better lower ("Số vụ tai nạn giảm dưới 5%": every rise meets it)
    lower = spec.direction is Direction.LOWER_IS_BETTER
    relative = relative and (written or "").startswith("%") and not lower
    if verb.way == "fall" and at_most and not verb.to_level and not after.points and not relative:
        share = (unit is not None and (is_share(unit) or is_rate(unit))) or (
            unit is None and (written is None or written.startswith("%"))
        )
        if not share:  # "diện tích lúa giảm không quá 500 ha": a fall of 500 ha at most?
            raise TargetParseError(
                text,
                0,
                "the level to reach with 'xuống' ('giảm xuống dưới 500 ha'), or the reading in "
                "the plan file (change: {kind: points})",
                reason=f"{verb.phrase!r} and an upper bound on a level in "
                f"{unit.text if unit is not None else written!r}: the level to fall below, or "
                "a fall of at most that much?",
            )
        capped = getattr(spec, "operator", None) is Operator.LE
        capped = capped and spec.direction is Direction.HIGHER_IS_BETTER
        if (unit is not None and is_rate(unit)) or capped:
            # "Tỷ lệ che phủ rừng giảm không quá 1%": a fall of at most 1 (no indicator better
            # higher aims at a cap); a rate: "giảm dưới 2%", a rate under 2, or 2 points lower?
            raise TargetParseError(
                text,
                0,
                "the level to reach with 'xuống' ('giảm xuống dưới 1%'), or the reading in the "
                "plan file (change: {kind: points})",
                reason=f"{verb.phrase!r} and an upper bound on a rate or an indicator better "
                "higher: the level to fall below, or a fall of at most that much?",
            )
        # "giảm dưới 1%", "giảm … 5% trở xuống" of a share: the level to fall below
        verb = Verb(verb.way, verb.phrase, verb.multiple, verb.per_year, "≤/<", verb.maintain)
    if verb.to_level or verb.maintain:
        said = verb.to_level or "duy trì"
        _refuse_base(text, base, "no base on a level target", f"{said!r} names the level to reach")
        refuse_floor_of_a_fall(text, verb, getattr(spec, "operator", None))
        return fit_unit(text, _level(spec, verb), unit), (
            f"a level: {said!r} names the level to reach or keep"
        )
    return _change(text, spec, verb, base, after, unit, indicator)


def _of_a_whole(unit: Unit) -> bool:
    """Whether ``unit`` is a percentage of a named whole (``% dân số``, ``% GRDP``)."""
    return unit.expression.startswith("percent_") and not is_rate(unit)


def _change(
    text: str,
    spec: TargetSpec,
    verb: Verb,
    base: BaseCues,
    after: AfterCues,
    unit: Unit | None,
    indicator: str | None,
) -> tuple[TargetSpec, str | None]:
    written, yearly = per_year_part(getattr(spec, "unit", None))
    if yearly and unit is not None and per_year_part(unit.text)[1] and written not in ("%", "‰"):
        # "20 triệu đồng/người/năm" in a row of that unit: its "/năm" is the unit's own (never
        # that of "tăng 10%/năm", a yearly growth)
        written, yearly = getattr(spec, "unit", None), False
    per_year = verb.per_year or after.per_year or yearly or verb.phrase in NOUN_VERBS
    if verb.multiple or after.times:
        if written is not None:
            raise TargetParseError(
                text,
                0,
                "'gấp N lần' with no unit (a multiple of the base)",
                reason=f"unit {written!r} after a multiple",
            )
        refuse_multiple_of_a_rate(text, unit, indicator)  # "GRDP gấp 1,6 lần" in a rate's row
        reason = "'gấp … lần': the level as a multiple of the base"
        return _changed(spec, ChangeKind.MULTIPLE, base, verb, "lần"), reason
    points_kind = ChangeKind.POINTS_PER_YEAR if per_year else ChangeKind.POINTS
    written_unit = parse_unit(written) if written is not None else None
    # "% dân số", "% GRDP": a share of a named whole, whose change is never relative to the base
    whole = written_unit is not None and _of_a_whole(written_unit)
    if whole and unit is not None and unit.expression == "percent":  # "tăng 5% GRDP" in "%"
        raise IncompatibleUnitError(
            written or "", unit.text, f"a change of a share of a whole in {text!r}, in a row in %"
        )
    if after.points:
        if unit is not None and not is_share(unit):
            raise IncompatibleUnitError(
                "điểm %", unit.text, f"percentage points in {text!r} on an indicator not in %"
            )
        shown = getattr(fit_unit(text, spec, unit), "unit", None) if whole else "%"
        return _changed(spec, points_kind, base, verb, shown), "'điểm %': percentage points"
    cut = None if whole else cut_level(text, spec, verb, base, unit, written_unit, indicator)
    if cut is not None:  # "Cắt giảm ít nhất 30%" of "Tỷ lệ cắt giảm …": the cut's level
        return cut
    percent = written_unit is not None and (is_share(written_unit) or is_rate(written_unit))
    rate = (unit is not None and is_rate(unit)) or (
        unit is None and RATE_WORDS.search(text) is not None
    )
    plain_percent = unit is not None and unit.expression == "percent"
    if plain_percent and not base.named and not SHARE_WORDS.search(text):
        rate = rate or RATE_IN_PERCENT.search(text) is not None
    # "tăng bình quân 8%/năm" of "Tốc độ tăng trưởng GRDP" in %: the text names no share
    named_rate = names_a_growth(indicator) and (unit is None or plain_percent)
    named_rate = named_rate and not SHARE_WORDS.search(text)
    by_name, rate = named_rate and not rate, rate or named_rate
    # "Chỉ số giá tiêu dùng tăng dưới 4% so với cùng kỳ": a price or output index's growth, the
    # level of a row in % (over the year before: the base says what the rate is measured from)
    index = plain_percent and bool(INDEX_GROWTH.search(text)) and not SHARE_WORDS.search(text)
    by_name = by_name and not index
    index = index or named_rate  # a rate's name: its level is measured from the year before
    rate = rate or index
    thing = changing_thing(spec, indicator if plain_percent else None)
    shared = unit is not None and is_share(unit) and percent  # "Thu … tăng 10%" in % GRDP too
    unknown = unknown_thing(spec) or (None if plain_percent else thing)
    if shared and unknown and not rate and not whole and not SHARE_WORDS.search(text):
        raise TargetParseError(
            text,
            0,
            f"a share ('tỷ lệ …', 'tỷ trọng …'), or the row in the unit of {unknown!r}",
            reason=f"a change in % of {unknown!r} in a row in {unit.text if unit else '%'}: "
            "points of a share, or a growth of its level?",
        )
    if plain_percent and percent and thing and not rate and not SHARE_WORDS.search(text):
        # "Giá trị sản xuất … tăng bình quân 12%/năm" in a row in %: a level's growth rate
        if not per_year or base.named or PERCENT_OF.search(text):  # "Mỗi năm tăng 2% số xã"
            raise TargetParseError(
                text,
                0,
                f"a share ('tỷ lệ …', 'tỷ trọng …'), a yearly growth ('{thing} tăng bình quân "
                "X%/năm'), or the row in the unit of the level",
                reason=f"a change in % of {thing!r}, which is no share, in a row in %: points of "
                "a share, or a growth of the level?",
            )
        rate = True
    share = bool(unit and is_share(unit)) or (unit is None and bool(SHARE_WORDS.search(text)))
    rate = rate and not whole  # "tăng 5% GRDP": a share of GRDP, not the growth of GRDP
    if rate and (written_unit is None or percent):
        if not (index and base.previous_year):
            _refuse_base(
                text,
                base,
                "no base on the level of a rate",
                "the indicator is itself a rate of change: 'tăng X%' is its level",
            )
        more = verb.of_change or (verb.phrase is not None and "thêm" in verb.phrase.split())
        if verb.way == "fall" or more:  # a rate of −2 %, or a rate 2 points lower? Not said
            what = f"the growth rate of {thing!r}" if thing else "itself a rate of change"
            raise TargetParseError(
                text,
                0,
                "the rate to reach as a signed level ('≥ -2%/năm', '≤ 1,5%/năm')",
                reason=f"{verb.phrase!r} X% of an indicator that is {what}: a "
                + (
                    "negative rate, or a rate lower"
                    if verb.way == "fall"
                    else "rate of X, or a rate higher"
                )
                + " by X points?",
            )
        level = spec.model_copy(update={"unit": unit.text if unit is not None else RATE_UNIT})
        what = "'s name says it is" if by_name else " is itself"
        return level, (
            f"a level: the indicator{what} a rate of change (%/năm), so "
            f"{verb.phrase!r} X% is a level of that rate"
        )
    if percent and written_unit is not None:
        if share or whole or written_unit.expression == "permille":  # ‰: a rate's, never relative
            shown = "%" if written_unit.expression in ("percent", "percent_per_year") else written
            if shown != "%":  # "giảm 0,2‰" in a % row: 0,02 points, in the row's unit
                spec = fit_unit(text, spec.model_copy(update={"unit": shown}), unit)
                shown = getattr(spec, "unit", None) or shown
            why = "the indicator is a share in %" if unit is not None else "'tỷ lệ' is a share"
            if whole and not share:
                why = f"{written!r} is a share of a whole"
            return _changed(spec, points_kind, base, verb, shown), (
                f"{points_kind.value}: {why}, so a change written in % is in percentage points"
            )
        if written_unit.expression not in ("percent", "percent_per_year"):
            fit_unit(text, spec.model_copy(update={"unit": written}), unit)
        kind = ChangeKind.GROWTH_PER_YEAR if per_year else ChangeKind.RELATIVE
        shown = "%/năm" if kind is ChangeKind.GROWTH_PER_YEAR else "%"
        if unit is not None:
            why = f"the indicator is a level in {unit.text!r}"
        else:
            why = "no indicator unit is given (a share in % would read percentage points)"
        return _changed(spec, kind, base, verb, shown), (
            f"{kind.value}: {why}, so a change written in % is relative to the base"
        )
    if rate:
        return fit_unit(text, spec, unit), "a level: the indicator is itself a rate of change"
    own = fit_unit(text, spec.model_copy(update={"unit": written}), unit)
    shown = getattr(own, "unit", None)
    if shown is None and share and unit is not None:
        shown = "%"
    return _changed(own, points_kind, base, verb, shown), (
        f"{points_kind.value}: a change in the indicator's own unit"
    )
