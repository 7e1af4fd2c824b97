"""The target grammar: from a Vietnamese target text to a parsed target kind.

The grammar is a small scanner driven by a table of phrases (``data/target_phrases.txt``):

1. years that only date the sentence (``đến năm 2030``, ``giai đoạn 2021-2025``) are set aside;
2. the numbers are found (Vietnamese formats, see :mod:`kh922core._targets.numbers`);
3. the words before the number are read as phrases of the table (operators, ``khoảng``, ``nhóm``,
   fillers such as ``đạt``); any other word is an error that says what was expected;
4. the words after it are a unit (the longest prefix that :func:`parse_unit` knows), an optional
   ``trở lên``/``trở xuống``, and a note kept verbatim;
5. two numbers joined by ``-`` or ``đến`` make a range; no number at all makes a qualitative
   target, unless the text begins with an operator (then the number is missing).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from kh922core._targets.cells import numbered_parts
from kh922core._targets.kinds import (
    Approximate,
    Change,
    Comparison,
    Direction,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    TargetSpec,
)
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.scanner import (
    YEARS,
    Match,
    blank,
    ends_with_phrase,
    match_phrase,
    number_at,
    read_phrases,
    read_unit,
)
from kh922core._targets.units import Unit, is_compatible, parse_unit
from kh922core.errors import IncompatibleUnitError, InvalidValueError, TargetParseError

__all__ = ["MAX_TARGET_LENGTH", "parse_target"]

#: The longest target text read (a table cell; longer texts are refused, never read slowly).
MAX_TARGET_LENGTH = 2000

_OPERATOR_ROLES = {
    "ge": Operator.GE,
    "gt": Operator.GT,
    "le": Operator.LE,
    "lt": Operator.LT,
    "eq": Operator.TARGET,
    "after_ge": Operator.GE,
    "after_le": Operator.LE,
}
#: Roles that start a numeric target: after them, digits must be a number.
_COMPARING_ROLES = frozenset({*_OPERATOR_ROLES, "approx", "rank", "from", "maintain", "filler"})
_LETTER_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_EXPECTED_BEFORE = (
    "an operator or phrase such as '≥', '>', 'trên', 'tối thiểu', 'dưới', 'khoảng', 'nhóm', "
    "'từ … đến …' or 'đạt' before the number"
)


def _as_unit(unit: str | Unit | None) -> Unit | None:
    if unit is None or isinstance(unit, Unit):
        return unit
    return parse_unit(unit)


def parse_target(
    text: str,
    *,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
    unit: str | Unit | None = None,
    change: Change | Literal["level"] | None = None,
) -> TargetSpec:
    """Parse one target text into its kind: comparison, range, rank group, approximate or words.

    Args:
        text: The target as printed, e.g. ``"≥ 55"``, ``"trên 80%"``, ``"8-10%"``, ``"nhóm 30"``.
        direction: The indicator's direction (``higher_is_better``, ``lower_is_better``, ``band``).
        unit: The indicator's unit; a unit in the text must be compatible with it, and with a rank
            unit (``Thứ bậc``) ``≤ N`` or a bare ``N`` means a rank group.
        change: The reading stated by the plan, which wins over the one the text and the unit
            suggest: a :class:`~kh922core.Change` (the number bounds that change), or
            ``"level"`` (the number bounds the level); ``None`` (default) infers it.

    Returns:
        The parsed target kind.

    Raises:
        TargetParseError: When the text does not follow the grammar; the message quotes the text,
            points at the position and says what was expected.
        IncompatibleUnitError: When the text's unit contradicts ``unit``.

    Examples:
        >>> parse_target("> 0,7").is_met(0.71)
        True
        >>> parse_target("Xếp hạng ở nhóm 30 tỉnh, thành").size
        30
        >>> spec = parse_target("8-10%")
        >>> (spec.kind, spec.low, spec.high, spec.unit)
        ('range', 8.0, 10.0, '%')
        >>> parse_target("đến năm 2030 đạt 168 triệu đồng").value
        168.0
    """
    spec = _parse(text, direction, unit)
    return _stated(text, spec, change)


def _stated(text: str, spec: TargetSpec, change: Change | Literal["level"] | None) -> TargetSpec:
    """``spec`` with the reading the plan states (``change``), which wins over the inferred one."""
    if change is None:
        return spec
    if change == "level":
        return spec.model_copy(update={"change": None})
    if not isinstance(change, Change):
        raise InvalidValueError(f"change must be a Change, 'level' or None, got {change!r}")
    if spec.kind in ("rank_group", "qualitative"):
        raise TargetParseError(
            text, 0, "a number, a range or 'khoảng' before a change", reason=f"a {spec.kind}"
        )
    return spec.model_copy(update={"change": change})


def _parse(text: str, direction: Direction | str, unit: str | Unit | None) -> TargetSpec:
    if not isinstance(text, str):
        raise TargetParseError(repr(text), 0, "a target text (a string)", reason="not a string")
    if len(text) > MAX_TARGET_LENGTH:
        raise TargetParseError(
            text[:60] + "…",
            MAX_TARGET_LENGTH,
            f"a target of at most {MAX_TARGET_LENGTH} characters",
            reason=f"the text has {len(text)} characters; a table cell holds a target, not a page",
        )
    if direction not in tuple(Direction):
        choices = ", ".join(repr(d.value) for d in Direction)
        raise InvalidValueError(f"direction must be one of {choices}, got {direction!r}")
    direction = Direction(direction)
    text = unicodedata.normalize("NFC", text)
    indicator_unit = _as_unit(unit)
    if not text.strip():
        raise TargetParseError(
            text, 0, "a target such as '≥ 55', '8-10%', 'nhóm 30'", reason="the text is empty"
        )
    parts = numbered_parts(text)
    if len(parts) > 1:
        listed = ", ".join(repr(part) for _, part in parts)
        raise TargetParseError(
            text,
            parts[1][0],
            "one target per cell (use split_targets to read each part)",
            reason=f"the cell holds {len(parts)} targets: {listed}",
            parts=[part for _, part in parts],
        )
    blanked = blank(text, YEARS)
    numbers = list(NUMBER_PATTERN.finditer(blanked))
    if not numbers:
        if any(ch.isdigit() for ch in blanked):
            return _glued(text, blanked, direction, indicator_unit)
        return _qualitative(text, blanked, direction)
    if len(numbers) > 2:
        raise TargetParseError(
            text, numbers[2].start(), "at most two numbers (a range)", reason="too many numbers"
        )
    prefix, stop = read_phrases(blanked, 0, numbers[0].start())
    if stop is not None:
        raise TargetParseError(
            text,
            stop,
            _EXPECTED_BEFORE,
            reason=f"unexpected words {blanked[stop : numbers[0].start()].strip()!r}",
        )
    if len(numbers) == 2:
        between = blanked[numbers[0].end() : numbers[1].start()]
        ranked = any(m.role == "rank" for m in prefix) or (
            indicator_unit is not None and indicator_unit.is_rank
        )
        if between == "/" and ranked:  # "nhóm 30/63": a rank group and its cohort
            return _single(
                text, blanked, numbers[0], prefix, direction, indicator_unit, cohort=numbers[1]
            )
        return _range(text, blanked, numbers, prefix, direction, indicator_unit)
    return _single(text, blanked, numbers[0], prefix, direction, indicator_unit)


def _glued(
    text: str, blanked: str, direction: Direction, indicator_unit: Unit | None
) -> TargetSpec:
    """A text with digits but no number apart: a number glued to a phrase (``trên95``,
    ``nhóm30``) is read as if written apart; digits after a comparison that no phrase explains
    are refused; digits inside words (``5G``, ``IPv6``) leave a target in words."""
    lower = blanked.lower()
    cuts = [
        glue.start()
        for glue in _LETTER_THEN_DIGIT.finditer(lower)
        if ends_with_phrase(lower, glue.start())
    ]
    if cuts:
        spaced = "".join(
            text[start:end] + (" " if end in cuts else "")
            for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)
        )
        return parse_target(spaced, direction=direction, unit=indicator_unit)
    found, stop = read_phrases(blanked, 0, len(blanked))
    leading = len(blanked) - len(blanked.lstrip())
    if found and found[0].start == leading and found[0].role in _COMPARING_ROLES:
        where = stop if stop is not None else found[-1].end
        word = blanked[where:].split()[0] if blanked[where:].split() else ""
        raise TargetParseError(
            text,
            where,
            f"a number written apart after {found[-1].phrase!r}",
            reason=f"digits glued to the word {word!r}",
        )
    return _qualitative(text, blanked, direction)


def _qualitative(text: str, blanked: str, direction: Direction) -> TargetSpec:
    found, stop = read_phrases(blanked, 0, len(blanked))
    if found and stop is None:
        raise TargetParseError(
            text,
            found[-1].end,
            f"a number after {found[-1].phrase!r}",
            reason="the number is missing",
        )
    leading = len(blanked) - len(blanked.lstrip())
    if found and found[0].start == leading and not found[0].phrase[-1].isalnum():
        raise TargetParseError(
            text,
            stop if stop is not None else found[-1].end,
            f"a number after {found[0].phrase!r}",
            reason="letters where a number belongs",
        )
    if not any(ch.isalpha() for ch in text):
        raise TargetParseError(text, 0, "a number, a range or a target in words")
    return Qualitative(text=" ".join(text.split()), direction=direction)


def _operator(text: str, matches: list[Match]) -> tuple[Operator | None, set[str]]:
    operator: Operator | None = None
    roles = {m.role for m in matches}
    for match in matches:
        if match.role not in _OPERATOR_ROLES:
            continue
        found = _OPERATOR_ROLES[match.role]
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


def _check_unit(text: str, written: str | None, indicator_unit: Unit | None) -> None:
    if written is None or indicator_unit is None:
        return
    if not is_compatible(parse_unit(written), indicator_unit):
        raise IncompatibleUnitError(
            written, indicator_unit.text, f"the target text {text!r} contradicts the indicator"
        )


def _single(
    text: str,
    blanked: str,
    number: re.Match[str],
    prefix: list[Match],
    direction: Direction,
    indicator_unit: Unit | None,
    *,
    cohort: re.Match[str] | None = None,
) -> TargetSpec:
    value = number_at(text, number)
    last = cohort if cohort is not None else number
    suffix_text = blanked[last.end() :]
    lower = suffix_text.lower()
    after: list[Match] = []
    for position in range(len(lower)):
        if position and lower[position - 1].isalnum():
            continue
        match = match_phrase(lower, position, frozenset({"after_ge", "after_le"}))
        if match is not None:
            after.append(Match(match.role, match.phrase, match.start, match.end))
    for match in after:
        suffix_text = (
            suffix_text[: match.start] + " " * len(match.phrase) + suffix_text[match.end :]
        )
    shifted = [Match(m.role, m.phrase, m.start + last.end(), m.end + last.end()) for m in after]
    unit_text, note, stray = read_unit(blanked[: last.end()] + suffix_text, last.end(), len(text))
    if stray is not None:
        raise TargetParseError(
            text, stray, "a unit or words after the number", reason="a stray number"
        )
    operator, roles = _operator(text, prefix + shifted)
    _check_unit(text, unit_text, indicator_unit)
    rank_unit = indicator_unit is not None and indicator_unit.is_rank
    if "rank" in roles or (rank_unit and operator in (Operator.LE, Operator.TARGET, None)):
        if operator not in (None, Operator.LE, Operator.TARGET) or "approx" in roles:
            raise TargetParseError(
                text, number.start(), "'nhóm N' alone", reason="a rank group takes no operator"
            )
        if unit_text is not None and not (rank_unit or parse_unit(unit_text).is_rank):
            raise TargetParseError(
                text, number.end(), "no unit after a rank", reason=f"unit {unit_text!r} on a rank"
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
    if operator is None:
        operator = Operator.GE if roles & {"from", "maintain"} else Operator.TARGET
    return Comparison(
        operator=operator, value=value, unit=unit_text, note=note, direction=direction
    )


def _range(
    text: str,
    blanked: str,
    numbers: list[re.Match[str]],
    prefix: list[Match],
    direction: Direction,
    indicator_unit: Unit | None,
) -> TargetSpec:
    first, second = numbers
    lower = blanked.lower()
    separator: Match | None = None
    for position in range(first.end(), second.start()):
        match = match_phrase(lower[: second.start()], position, frozenset({"range"}))
        if match is not None and not lower[match.end : second.start()].strip():
            separator = match
            break
    if separator is None:
        raise TargetParseError(
            text,
            first.end(),
            "a range separator such as '-', '–' or 'đến' between two numbers",
            reason="two numbers without a range between them",
        )
    bad = [m for m in prefix if m.role not in ("from", "approx", "filler")]
    if bad:
        raise TargetParseError(
            text, bad[0].start, "a plain range", reason=f"{bad[0].phrase!r} before a range"
        )
    first_unit, first_note, stray = read_unit(blanked, first.end(), separator.start)
    unit_text, note, stray2 = read_unit(blanked, second.end(), len(blanked))
    if stray is not None or stray2 is not None or first_note is not None:
        where = stray if stray is not None else stray2 if stray2 is not None else first.end()
        raise TargetParseError(text, where, "'A-B' with an optional unit", reason="unexpected text")
    if first_unit is not None and unit_text is not None and first_unit != unit_text:
        raise TargetParseError(
            text, first.end(), f"the same unit on both bounds ({unit_text!r})", reason="two units"
        )
    unit_text = unit_text or first_unit
    _check_unit(text, unit_text, indicator_unit)
    low, high = number_at(text, first), number_at(text, second)
    if low > high:
        raise TargetParseError(
            text, first.start(), "the lower bound first", reason=f"{low:g} is above {high:g}"
        )
    return Range(low=low, high=high, unit=unit_text, note=note, direction=direction)
