"""A level read from its number: one number (a comparison, ``khoảng``, a rank group) or two (a
range, or a rank group and its cohort ``nhóm 30/63``).

The grammar (:mod:`kh922core._targets.grammar`) has found the numbers and read the phrases
before them; these functions read the comparator, the unit and the note around the numbers.
Whether the number bounds a level or a change, and whether its unit fits the indicator, is
decided afterwards (:mod:`kh922core._targets.readings`).
"""

from __future__ import annotations

import re

from kh922core._targets.headless_per import headless_unit
from kh922core._targets.kinds import (
    Approximate,
    Comparison,
    Direction,
    Operator,
    Range,
    RankGroup,
    TargetSpec,
)
from kh922core._targets.scanner import Match, match_phrase, number_at, read_unit
from kh922core._targets.sentence_checks import refuse_count_in_share
from kh922core._targets.unit_fit import counts_things, per_year_part
from kh922core._targets.units import Unit, conversion_factor, parse_unit
from kh922core.errors import Kh922Error, TargetParseError

__all__ = [
    "OPERATOR_ROLES",
    "read_range",
    "read_single",
    "refuse_onwards_before",
    "refuse_rank_words",
]

OPERATOR_ROLES = {
    "ge": Operator.GE,
    "gt": Operator.GT,
    "le": Operator.LE,
    "lt": Operator.LT,
    "eq": Operator.TARGET,
    "after_ge": Operator.GE,
    "after_le": Operator.LE,
}
#: The phrases a range may follow: "từ", "khoảng", fillers, verbs and their words.
_RANGE_PREFIX_ROLES = frozenset(
    {"from", "approx", "filler", "rise", "fall", "multiple", "per_year", "to_level", "maintain"}
)


def _operator(text: str, matches: list[Match]) -> tuple[Operator | None, set[str]]:
    operator: Operator | None = None
    roles = {m.role for m in matches}
    for match in matches:
        if match.role not in OPERATOR_ROLES:
            continue
        found = OPERATOR_ROLES[match.role]
        if operator is not None and found is not operator:
            raise TargetParseError(
                text,
                match.start,
                "a single comparison",
                reason=f"two operators: {operator.value!r} and {match.phrase!r}",
            )
        operator = found
    if operator is not None and "approx" in roles:
        raise TargetParseError(
            text, matches[0].start, "a single comparison", reason="'khoảng' with another operator"
        )
    return operator, roles


def refuse_onwards_before(text: str, prefix: list[Match]) -> None:
    """Refuse ``trở lên``, ``trở xuống`` before the target's number: they bound the words
    before them (``Tỷ lệ trẻ suy dinh dưỡng mức độ trung bình trở lên 5%``, ``học lực khá trở
    lên``), never the number after them."""
    for onwards in (m for m in prefix if m.role in ("after_ge", "after_le")):
        raise TargetParseError(
            text,
            onwards.start,
            "a bound after the target's number ('80% trở lên')",
            reason=f"{onwards.phrase!r} before the number bounds the words before it, not the "
            "number",
        )


#: Symbols that bound a rank's number as numbers do: "< 10" is a rank better than 10th.
_RANK_SYMBOLS = frozenset({"<", "≤", "<=", "< =", "=<", "⩽", "≦"})
#: Words of an upper bound that say a place in the table ("thấp hơn", "dưới", "không cao hơn").
_PLACE_WORDS = re.compile(r"\b(?:cao|thấp|trên|dưới|lớn|nhỏ|bé|nhiều|ít)\b")


#: A tier of an index (PCI, PAPI: "nhóm khá", "nhóm rất tốt", "nhóm cao nhất", "nhóm trung bình
#: cao"), not a group of places.
_TIER = re.compile(
    r"(?<!\w)nhóm\s+(?:rất\s+)?(?:tốt|khá|trung\s+bình|yếu|kém|xuất\s+sắc|(?:cao|thấp)\s+nhất)"
    r"(?!\w)",
    re.IGNORECASE,
)


def refuse_rank_words(text: str, matches: list[Match]) -> None:
    """Refuse a bound on a rank other than an upper one: a rank's good side is its small
    numbers, so a lower bound (``≥ 30``, ``không dưới 30``) is never a rank to reach, and words
    that bound it ("cao hơn 30", "thấp hơn 30", "dưới 30") say a place in the table (a better
    rank than 30th?) as much as a number."""
    for match in matches:
        role = match.role
        phrase = match.phrase.strip().casefold()
        placed = (
            role in ("lt", "le") and phrase not in _RANK_SYMBOLS and _PLACE_WORDS.search(phrase)
        )
        if role in ("ge", "gt", "after_ge", "after_le") or placed:
            raise TargetParseError(
                text,
                match.start,
                "the rank to reach as a group ('nhóm 30', 'trong nhóm 30 tỉnh dẫn đầu') or an "
                "upper bound ('≤ 30', 'tối đa 30')",
                reason=f"{match.phrase!r} on a rank: a rank's good side is its small numbers, so "
                "a higher or lower place in the table, or a larger or smaller number?",
            )
    tier = _TIER.search(text)
    if tier is not None:  # "Thuộc nhóm khá (nhóm 2)": the index's second tier, or 2nd place?
        raise TargetParseError(
            text,
            tier.start(),
            "the rank to reach as a number of provinces ('nhóm 7')",
            reason=f"{tier.group(0)!r}: a tier of an index, not a place in the ranking",
        )
    percent = text.find("%")
    if percent >= 0:  # "% tốp 10", "%/nb nhóm 10": a share of the provinces, or a rank?
        raise TargetParseError(
            text,
            percent,
            "the rank to reach as a number of provinces ('nhóm 7')",
            reason="'%' on a rank",
        )


#: A grade of what is counted right before a "trở lên" after the number, which makes it the
#: grade's: "2% ở các xã khu vực II trở lên", "1% (cấp huyện trở lên)", "85% trường đạt
#: chuẩn mức độ 1 trở lên" (the communes of area II and above, not at least 2 %); a source or
#: a base between (``1,5% (theo chuẩn nghèo đa chiều) trở xuống``) leaves it the number's.
_QUALIFIED = re.compile(
    r"(?<!\w)(?:cấp|loại|hạng|bậc|mức\s+độ|cấp\s+độ|khu\s+vực|trình\s+độ|nhóm)"
    r"(?:\s+[^\W_]+){1,3}\s*$",
    re.IGNORECASE,
)


def _is_unit(text: str) -> bool:
    """Whether ``text`` is a unit whole (its grade word is the unit's: ``2030 đơn vị hành chính
    cấp xã trở lên`` is at least 2030 of them)."""
    try:
        parse_unit(text.strip())
    except Kh922Error:
        return False
    return True


def _unit_after(
    text: str, blanked: str, start: int, indicator_unit: Unit | None
) -> tuple[str | None, str | None, int | None]:
    """:func:`read_unit` after a number, where a per unit with no head (``12/vạn dân``) takes
    the row unit's head (:func:`headless_unit`)."""
    headless = headless_unit(text, blanked[start:], start, indicator_unit)
    if headless is None:
        return read_unit(blanked, start, len(blanked))
    unit_text, end = headless
    after = start + end
    rest_unit, note, stray = read_unit(
        blanked[:start] + " " * end + blanked[after:], start, len(blanked)
    )
    if rest_unit is not None:  # "12/vạn dân người": a second unit
        raise TargetParseError(text, after, "one unit after the number", reason="two units")
    return unit_text, note, stray


def read_single(
    text: str,
    blanked: str,
    number: re.Match[str],
    prefix: list[Match],
    direction: Direction,
    indicator_unit: Unit | None,
    *,
    cohort: re.Match[str] | None = None,
) -> TargetSpec:
    refuse_onwards_before(text, prefix)
    value = number_at(text, number)
    last = cohort if cohort is not None else number
    suffix_text = blanked[last.end() :]
    lower = suffix_text.lower()
    after: list[Match] = []
    hidden: list[Match] = []  # a qualifier's "trở lên" whose qualifier was set aside
    covered = 0  # a noun's words ("hộ khá giả trở lên") are the note's
    for position in range(len(lower)):
        if (position and lower[position - 1].isalnum()) or position < covered:
            continue
        match = match_phrase(lower, position, frozenset({"after_ge", "after_le", "noun"}))
        if match is None or match.role == "noun":
            covered = match.end if match is not None else covered
            continue
        found = Match(match.role, match.phrase, match.start, match.end)
        between = text[last.end() : last.end() + position]
        if not _QUALIFIED.search(between) or _is_unit(between):  # "đơn vị hành chính cấp xã"
            after.append(found)
        elif not _QUALIFIED.search(lower[:position]):  # "mức độ 1 trở lên": both set aside
            hidden.append(found)
    for match in after + hidden:
        suffix_text = (
            suffix_text[: match.start] + " " * (match.end - match.start) + suffix_text[match.end :]
        )
    shifted = [Match(m.role, m.phrase, m.start + last.end(), m.end + last.end()) for m in after]
    unit_text, note, stray = _unit_after(
        text, blanked[: last.end()] + suffix_text, last.end(), indicator_unit
    )
    if stray is not None:
        raise TargetParseError(
            text, stray, "a unit or words after the number", reason="a stray number"
        )
    if unit_text is None and cohort is None:  # "có ít nhất 1 tổ …" in a row of a share
        refuse_count_in_share(text, note, indicator_unit, (number.start(), last.end()))
    if note is not None and match_phrase(note.lower(), 0, frozenset({"range"})) is not None:
        raise TargetParseError(
            text,
            last.end(),
            "a range with both bounds ('8 - 10%', 'từ 5 đến 8%')",
            reason=f"the range is cut off after {number.group(0)!r}",
        )
    operator, roles = _operator(text, prefix + shifted)
    rank_unit = indicator_unit is not None and indicator_unit.is_rank
    if "rank" in roles or (rank_unit and operator in (Operator.LE, Operator.TARGET, None)):
        if operator not in (None, Operator.LE, Operator.TARGET) or "approx" in roles:
            raise TargetParseError(
                text, number.start(), "'nhóm N' alone", reason="a rank group takes no operator"
            )
        written = parse_unit(unit_text) if unit_text is not None else None
        if written is not None and not (written.is_rank or (rank_unit and counts_things(written))):
            raise TargetParseError(  # "70 điểm" in a row of ranks: a score, no place
                text, number.end(), "no unit after a rank", reason=f"unit {unit_text!r} on a rank"
            )
        if unit_text is not None and note and read_unit(note, 0, len(note))[0] is not None:
            raise TargetParseError(
                text, number.end(), "words after a rank", reason=f"a unit in {note!r}"
            )
        if not value.is_integer() or value < 1:
            raise TargetParseError(
                text, number.start(), "a whole rank of 1 or more", reason=f"rank {value!r}"
            )
        size = int(value)
        if cohort is None:
            return RankGroup(size=size, note=note)
        of = number_at(text, cohort)
        if not of.is_integer() or of < size:
            raise TargetParseError(
                text,
                cohort.start(),
                f"a whole cohort of at least {size} after '/'",
                reason=f"cohort {of:g}",
            )
        return RankGroup(size=size, cohort=int(of), note=note)
    if "approx" in roles:
        return Approximate(value=value, unit=unit_text, note=note, direction=direction)
    if operator is None and "maintain" in roles and value == 0:
        operator = Operator.TARGET  # "giữ ở mức 0%": none kept, a bare 0 (≥ 0 meets everything)
    if operator is None and "maintain" in roles and direction is Direction.LOWER_IS_BETTER:
        operator = Operator.LE  # "duy trì tỷ lệ thất nghiệp ở mức 2%": keep it at most there
    if operator is None and "maintain" in roles and direction is Direction.BAND:
        operator = Operator.TARGET  # "duy trì ở mức 2,1 con" of a band: keep it at that level
    if operator is None:
        operator = Operator.GE if roles & {"from", "maintain"} else Operator.TARGET
    return Comparison(
        operator=operator, value=value, unit=unit_text, note=note, direction=direction
    )


def read_range(
    text: str,
    blanked: str,
    numbers: list[re.Match[str]],
    prefix: list[Match],
    direction: Direction,
    indicator_unit: Unit | None,
) -> TargetSpec:
    refuse_onwards_before(text, prefix)
    first, second = numbers
    lower = blanked.lower()
    separator: Match | None = None
    for position in range(first.end(), second.start()):
        match = match_phrase(lower[: second.start()], position, frozenset({"range"}))
        if match is not None and not lower[match.end : second.start()].strip():
            separator = match
            break
    if separator is None:
        between = blanked[first.end() : second.start()].strip()
        if between == "/":  # "24/24 xã", "2/3 số xã": a ratio, not a range
            raise TargetParseError(
                text,
                first.end(),
                "the count ('24 xã') or the share ('100%') the ratio means",
                reason=f"a ratio ({text[first.start() : second.end()]!r}) is no target the "
                "grammar reads",
            )
        raise TargetParseError(
            text,
            first.end(),
            "a range separator such as '-', '–' or 'đến' between two numbers, or one number "
            "(a second one in brackets or a note is not read)",
            reason="two numbers without a range between them",
        )
    bad = [m for m in prefix if m.role not in _RANGE_PREFIX_ROLES]
    if bad:
        raise TargetParseError(
            text, bad[0].start, "a plain range", reason=f"{bad[0].phrase!r} before a range"
        )
    first_unit, first_note, stray = read_unit(blanked, first.end(), separator.start)
    unit_text, note, stray2 = _unit_after(text, blanked, second.end(), indicator_unit)
    scales = _scaled_bounds(first_note, unit_text) if stray is None and stray2 is None else None
    if scales is not None:  # "1,2 triệu - 1,5 triệu lượt", "800 triệu đến 1 tỷ USD"
        first_note, (first_unit, unit_text, low_factor, high_factor) = None, scales
    else:
        low_factor = high_factor = 1.0
    if stray is not None or stray2 is not None or first_note is not None:
        where = stray if stray is not None else stray2 if stray2 is not None else first.end()
        raise TargetParseError(text, where, "'A-B' with an optional unit", reason="unexpected text")
    if first_unit is not None and per_year_part(unit_text) == (first_unit, True):
        first_unit = unit_text  # "8,5% - 9%/năm": the year is the whole range's
    if first_unit is not None and unit_text is not None and first_unit != unit_text:
        raise TargetParseError(
            text, first.end(), f"the same unit on both bounds ({unit_text!r})", reason="two units"
        )
    unit_text = unit_text or first_unit
    low, high = number_at(text, first) * low_factor, number_at(text, second) * high_factor
    if low > high:
        raise TargetParseError(
            text, first.start(), "the lower bound first", reason=f"{low:g} is above {high:g}"
        )
    if indicator_unit is not None and indicator_unit.is_rank:
        direction = Direction.LOWER_IS_BETTER  # a rank's good side is the small numbers
    return Range(low=low, high=high, unit=unit_text, note=note, direction=direction)


#: A scale word alone after a range's first number, and one that leads the unit after the second.
_SCALE = r"(?:nghìn\s+tỷ|ngàn\s+tỷ|nghìn\s+tỉ|ngàn\s+tỉ|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)"
_SCALE_ALONE = re.compile(rf"{_SCALE}", re.IGNORECASE)
_SCALE_FIRST = re.compile(rf"(?P<scale>{_SCALE})\s+(?P<rest>\S.*)", re.IGNORECASE)


def _scaled_bounds(first: str | None, second: str | None) -> tuple[str, str, float, float] | None:
    """A range whose bounds each have a scale (``1,2 triệu - 1,5 triệu lượt``, ``800 triệu đến
    1 tỷ USD``): the unit of the smaller scale for both, and the factor of each bound into it
    (the larger scale's bound times a power of ten, exactly); ``None`` for any other range."""
    if first is None or second is None or not _SCALE_ALONE.fullmatch(first.strip()):
        return None
    found = _SCALE_FIRST.fullmatch(second.strip())
    if found is None:
        return None
    own = f"{' '.join(first.split())} {found.group('rest')}"
    try:
        factor = conversion_factor(parse_unit(second), parse_unit(own))
    except Kh922Error:
        return None
    if factor >= 1:
        return own, own, 1.0, factor
    return second, second, conversion_factor(parse_unit(own), parse_unit(second)), 1.0
