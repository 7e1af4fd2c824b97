"""The target grammar: from a Vietnamese target text to a parsed target kind.

The grammar is a small scanner driven by a table of phrases (``data/target_phrases.txt``):

1. years that only date the sentence (``đến năm 2030``, ``giai đoạn 2021-2025``) are set aside;
2. the numbers are found (Vietnamese formats, see :mod:`kh922core._targets.numbers`);
3. the words before the number are read as phrases of the table (operators, ``khoảng``, ``nhóm``,
   fillers such as ``đạt``); any other word is an error that says what was expected;
4. the words after it: a unit (as :func:`parse_unit` reads), ``trở lên``/``xuống``, a note;
5. two numbers joined by ``-`` or ``đến`` make a range; no number at all makes a qualitative
   target, unless the text begins with an operator (then the number is missing).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from kh922core._targets.another_kind import refuse_negative_change
from kh922core._targets.cell_tidying import tidied
from kh922core._targets.cells import numbered_parts
from kh922core._targets.change_words import AfterCues, read_after, read_base
from kh922core._targets.counted_opposites import refuse_counted_opposite
from kh922core._targets.denominators import without_denominators
from kh922core._targets.held_levels import read_held_levels
from kh922core._targets.kinds import Change, ChangeKind, Direction, TargetSpec
from kh922core._targets.kinds.written import LIST_MARK
from kh922core._targets.levels import OPERATOR_ROLES, read_range, read_single, refuse_rank_words
from kh922core._targets.name_nouns import nouns_of
from kh922core._targets.numbers import NUMBER_PATTERN, range_dash
from kh922core._targets.per_each import refuse_per_each
from kh922core._targets.period_levels import (
    refuse_new_ones,
    refuse_period_average,
    refuse_period_total,
)
from kh922core._targets.readings import read_reading
from kh922core._targets.scanner import (
    YEARS,
    Match,
    blank,
    ends_with_phrase,
    read_phrases,
)
from kh922core._targets.sentence_checks import (
    refuse_amount_in_words,
    refuse_marked_number,
    refuse_read_shapes,
    refuse_shapes,
    refuse_verb_or_name,
)
from kh922core._targets.set_aside import NOT_TARGET_NUMBERS, qualified_text, with_qualifiers
from kh922core._targets.subjects import read_prefix, verb_of, with_subject
from kh922core._targets.time_phrases import set_aside_times
from kh922core._targets.typed_digits import refuse_letters_for_digits
from kh922core._targets.unit_fit import fit_unit
from kh922core._targets.units import Unit, parse_unit
from kh922core._targets.verbs import refuse_bound_before_verb
from kh922core._targets.whole_shares import refuse_more_than_all
from kh922core._targets.word_targets import NONE_AT_ALL, bare_zero, none_at_all, word_target
from kh922core._text import INVISIBLE
from kh922core.errors import InvalidValueError, Kh922Error, TargetParseError

__all__ = ["MAX_TARGET_LENGTH", "parse_target", "parse_with_reading"]

#: Invisible characters between two letters, where a space was meant.
_BETWEEN_LETTERS = re.compile(rf"(?<=[^\W\d_]){INVISIBLE.pattern}+(?=[^\W\d_])")
#: The longest target text read (a table cell; longer texts are refused, never read slowly).
MAX_TARGET_LENGTH = 2000

#: Kinds of change whose size has no unit of the indicator's (a % of the base, a multiple).
_UNITLESS_CHANGES = frozenset(
    {ChangeKind.RELATIVE, ChangeKind.GROWTH_PER_YEAR, ChangeKind.MULTIPLE}
)
#: Roles that start a numeric target: after them, digits must be a number.
_COMPARING_ROLES = frozenset(
    {*OPERATOR_ROLES, "approx", "rank", "from", "maintain", "filler"}
    | {"rise", "fall", "multiple", "to_level", "zero"}
)
#: Between the two numbers of "từ 35% lên 45%": the first one's unit, then the way to the level,
#: then a bound on it ("từ 3,5% xuống dưới 1,5%"; read as phrases of the table).
#: Between a rank and its cohort: ``nhóm 30/63``, ``Top 10 trong số 34 tỉnh``.
_COHORT_OF = re.compile(r"\s*/\s*|\s+(?:trong|trên)\s+(?:tổng\s+)?(?:số\s+)?", re.IGNORECASE)
#: What a cohort written in words counts (``… trong số 34 tỉnh, thành phố``).
_COHORT_NOUN = re.compile(r"\s*(?:tỉnh|địa\s+phương|thành\s+phố)\b", re.IGNORECASE)
_FROM_TO = re.compile(
    r"\s*(?:[^\d\s]+\s+){0,3}?[^\d\s]*\s*(?<!trở\s)(?P<to>(?:lên|xuống)(?:\s+(?:còn|mức|tới|đến))?)"
    r"(?P<bound>(?:\s+[^\d\s]+){0,3}?)\s*",
    re.IGNORECASE,
)
#: Digits glued to the letters after them (``500ha``, ``8m2/người``).
_DIGIT_THEN_LETTER = re.compile(r"(?<![\w.,])\d[\d.,]*[^\W\d_]\S*")
_LETTER_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")


def _as_unit(unit: str | Unit | None) -> Unit | None:
    if unit is None or isinstance(unit, Unit):
        return unit
    return parse_unit(unit)


def parse_target(
    text: str,
    *,
    direction: Direction | str | None = None,
    unit: str | Unit | None = None,
    change: Change | Literal["level"] | None = None,
    indicator: str | None = None,
) -> TargetSpec:
    """Parse one target text into its kind: comparison, range, rank group, approximate or words.

    Args:
        text: The target as printed, e.g. ``"≥ 55"``, ``"trên 80%"``, ``"8-10%"``, ``"nhóm 30"``.
        direction: The indicator's direction (``higher_is_better``, ``lower_is_better``,
            ``band``); ``None`` (default): not stated, read as higher is better.  A target of
            none at all (``không còn …``, ``xóa hết …``) names what must vanish, which is better
            lower: on an indicator stated better higher (or a band) it is refused, as its
            worst level would meet it.
        unit: The indicator's unit; a unit in the text must be compatible with it, and with a rank
            unit (``Thứ bậc``) ``≤ N`` or a bare ``N`` means a rank group.
        change: The reading stated by the plan, which wins over the one the text and the unit
            suggest: a :class:`~kh922core.Change` (the number bounds that change), or
            ``"level"`` (the number bounds the level); ``None`` (default) infers it.
        indicator: The indicator's name, which decides what the text leaves open: a name that
            says a rate of change (``Tốc độ tăng trưởng GRDP``, ``Tăng trưởng kinh tế``,
            ``Chỉ số giá tiêu dùng``) makes ``tăng bình quân 8%/năm`` in a row in ``%`` a level
            of that rate, as the same words in the text do; ``None`` (default): not given.

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
    return parse_with_reading(
        text, direction=direction, unit=unit, change=change, indicator=indicator
    )[0]


def parse_with_reading(
    text: str,
    *,
    direction: Direction | str | None = None,
    unit: str | Unit | None = None,
    change: Change | Literal["level"] | None = None,
    indicator: str | None = None,
) -> tuple[TargetSpec, str | None]:
    """:func:`parse_target`, and the reason for the reading taken (``None`` for a plain level).

    Examples:
        >>> spec, why = parse_with_reading("giảm 2 - 3%", unit="%")
        >>> spec.change.kind.value, why
        ('points', 'points: the indicator is a share in %, so a change written in % is in percentage points')
    """  # noqa: E501
    try:
        with nouns_of(indicator, unit, direction):  # "… mức sống tối thiểu 5%": the name's
            return _parse_target(text, direction, unit, change, indicator)
    except TargetParseError as error:  # shown as written ("gấp đôi …", not "gấp 2   …")
        raise _as_written(error, text) from None


def _as_written(error: TargetParseError, given: object) -> TargetParseError:
    """``error`` on the text as written, where the grammar changed it in place (a multiple in
    words as digits, a price base blanked): the same length, the same positions."""
    written = unicodedata.normalize("NFC", given) if isinstance(given, str) else None
    if written is None or written == error.text or len(written) != len(error.text):
        return error
    return TargetParseError(
        written, error.position, error.expected, reason=error.reason, parts=error.parts
    )


def _parse_target(
    text: str,
    direction: Direction | str | None,
    unit: str | Unit | None,
    change: Change | Literal["level"] | None,
    indicator: str | None,
) -> tuple[TargetSpec, str | None]:
    if isinstance(change, Change) and change.kind in _UNITLESS_CHANGES:
        unit = None  # the text's number is the size of the change (%, lần), not a level
    if isinstance(text, str):  # a BOM, a zero-width space: nothing, or a space between letters
        # ("Không\u200bthấp"); a price base ("giá so sánh năm 2010"): how a value is measured
        text = INVISIBLE.sub("", _BETWEEN_LETTERS.sub(" ", text))
        text = _PRICE_BASE.sub(lambda m: " " * len(m.group(0)), text)
    stated, direction = direction, Direction.HIGHER_IS_BETTER if direction is None else direction
    try:
        spec, reason = _parse(text, direction, unit, _named(indicator))
    except TargetParseError as first:
        qualified = (
            qualified_text(unicodedata.normalize("NFC", text))
            if isinstance(text, str) and len(text) <= MAX_TARGET_LENGTH
            else None
        )
        if (
            qualified is None
            or qualified == unicodedata.normalize("NFC", text)
            or first.parts  # "Nam: 72,5 tuổi, nữ: 78 tuổi": several targets, not qualifiers
        ):
            raise
        try:  # "tỷ lệ trẻ em dưới 5 tuổi …": the age qualifies the subject
            spec, reason = _parse(qualified, direction, unit, _named(indicator))
        except Kh922Error:
            raise first from None
        if spec.kind == "qualitative":  # every number blanked: they were the target's own
            raise first from None
        spec = with_qualifiers(spec, unicodedata.normalize("NFC", text))
    spec, reason = read_held_levels(text, spec, reason, stated, _named(indicator))
    refuse_more_than_all(text, spec)  # "phủ sóng trên 100% địa bàn": on every place
    refuse_read_shapes(unicodedata.normalize("NFC", text), spec, _as_unit(unit))
    refuse_period_average(text, spec, _as_unit(unit), _named(indicator))
    refuse_period_total(text, spec, _as_unit(unit), _named(indicator))
    refuse_new_ones(text, spec, _as_unit(unit), _named(indicator))
    refuse_per_each(unicodedata.normalize("NFC", text), spec, _as_unit(unit), _named(indicator))
    if reason is not None and reason.startswith(NONE_AT_ALL):
        spec = none_at_all(text, spec, stated)
    spec = bare_zero(text, spec, stated)  # "Tỷ lệ hồ sơ trễ hạn 0%", "0 sự cố": none at all
    refuse_counted_opposite(text, spec, _as_unit(unit), _named(indicator), stated)
    return _stated(text, spec, change, reason)


def _stated(
    text: str, spec: TargetSpec, change: Change | Literal["level"] | None, reason: str | None
) -> tuple[TargetSpec, str | None]:
    """``spec`` with the reading the plan states (``change``), which wins over the inferred one."""
    if change is None:
        return spec, reason
    if change == "level":
        return spec.model_copy(update={"change": None}), "a level: stated by the plan"
    if not isinstance(change, Change):
        raise InvalidValueError(f"change must be a Change, 'level' or None, got {change!r}")
    if spec.kind in ("rank_group", "qualitative"):
        raise TargetParseError(
            text, 0, "a number, a range or 'khoảng' before a change", reason=f"a {spec.kind}"
        )
    return spec.model_copy(update={"change": change}), f"{change.kind.value}: stated by the plan"


def _named(indicator: object) -> str | None:
    """The indicator's name given to the grammar, checked."""
    if indicator is not None and not isinstance(indicator, str):
        raise InvalidValueError(
            f"indicator must be the indicator's name (a text), got {indicator!r}"
        )
    return indicator


def _parse(
    text: str, direction: Direction | str, unit: str | Unit | None, indicator: str | None = None
) -> tuple[TargetSpec, str | None]:
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
    refuse_shapes(text, indicator_unit)
    refuse_letters_for_digits(text)  # "O,8%", "1.OOO", "9,O%": a letter where a digit belongs
    base = read_base(tidied(text))
    blanked = blank(blank(blank(set_aside_times(base.text), YEARS), NOT_TARGET_NUMBERS), LIST_MARK)
    numbers = range_dash(list(NUMBER_PATTERN.finditer(without_denominators(blanked))))
    if not numbers:
        if base.named:
            raise TargetParseError(
                text, base.position or 0, "a number before the base", reason="no number"
            )
        if any(ch.isdigit() for ch in blanked):
            return _glued(text, blanked, direction, indicator_unit, indicator), None
        spec, reason = word_target(text, blanked, direction)
        refuse_amount_in_words(text)  # "chiếm một nửa", "không âm": no target in words
        return fit_unit(text, spec, indicator_unit), reason
    if len(numbers) > 2:
        raise TargetParseError(
            text, numbers[2].start(), "at most two numbers (a range)", reason="too many numbers"
        )
    prefix, subject = read_prefix(text, blanked, numbers[0].start())
    verb = verb_of(prefix, blanked[: numbers[0].start()])
    refuse_verb_or_name(text, prefix, subject, numbers[0].start())
    refuse_bound_before_verb(text, prefix)  # "Số ngày vượt ngưỡng giảm 20%"
    noticed = verb.changes or base.named  # "bằng 1,5 lần năm 2025": a multiple of a base
    after = read_after(blanked, numbers[0].start()) if noticed else AfterCues(blanked)
    blanked = after.text
    if len(numbers) == 2:
        between = blanked[numbers[0].end() : numbers[1].start()]
        ranked = any(m.role == "rank" for m in prefix) or (
            indicator_unit is not None and indicator_unit.is_rank
        )
        step = _FROM_TO.fullmatch(between)
        cohort = between == "/" or (
            _COHORT_OF.fullmatch(between) is not None
            and _COHORT_NOUN.match(blanked, numbers[1].end()) is not None
        )
        if cohort and ranked:  # "nhóm 30/63", "Top 10 trong số 34 tỉnh": a rank group, its cohort
            level = read_single(
                text, blanked, numbers[0], prefix, direction, indicator_unit, cohort=numbers[1]
            )
        elif (bound := _bound(blanked, numbers[0].end(), step)) is not None and any(
            m.role == "from" for m in prefix
        ):
            # "nâng tỷ lệ … từ 35% lên 45%": the level to reach is the second number
            start = numbers[0].end() + step.start("to")  # type: ignore[union-attr]
            to = step.group("to")  # type: ignore[union-attr]
            reach = Match("to_level", to, start, start + len(to))
            prefix = [m for m in prefix if m.role != "from"] + [reach, *bound]
            verb = verb_of(prefix, blanked[: numbers[0].start()])
            level = read_single(text, blanked, numbers[1], prefix, direction, indicator_unit)
        else:
            level = read_range(text, blanked, numbers, prefix, direction, indicator_unit)
    else:
        level = read_single(text, blanked, numbers[0], prefix, direction, indicator_unit)
    if subject:
        level = with_subject(text, level, subject)
    reading = read_reading(text, level, verb, base, after, indicator_unit, indicator)
    if (indicator_unit is not None and indicator_unit.is_rank) or level.kind == "rank_group":
        refuse_rank_words(text, prefix)  # "cao hơn 30", "không dưới 30" on a rank
    return refuse_negative_change(text, reading)  # "tăng ≥ -3": which way?


def _bound(blanked: str, first: int, step: re.Match[str] | None) -> list[Match] | None:
    """The bound after the way to the level (``xuống dưới``, ``lên ít nhất``): phrases that
    compare the way it goes, read at their places; ``None`` when the words after it are no
    such bound (``xuống trên 1,5%``: down, to above?)."""
    if step is None:
        return None
    start, end = first + step.start("bound"), first + step.end("bound")
    found, stop = read_phrases(blanked, start, end)
    way = {"lt", "le", "eq"} if step.group("to").lower().startswith("x") else {"gt", "ge", "eq"}
    return found if stop is None and all(m.role in way for m in found) else None


#: The price base of a value: "GRDP (theo giá so sánh năm 2010) tăng 8%".
_PRICE_BASE = re.compile(
    r"\(?\s*(?:\btheo\s+)?\bgiá\s+(?:so\s+sánh|SS|cố\s+định)(?:\s+năm)?\s+\d{4}\b\s*\)?,?",
    re.IGNORECASE,
)


def _glued(
    text: str,
    blanked: str,
    direction: Direction,
    indicator_unit: Unit | None,
    indicator: str | None,
) -> TargetSpec:
    """A text with digits but no number apart: a number glued to a phrase (``trên95``,
    ``nhóm30``) is read as if written apart; digits after a comparison that no phrase explains,
    or after a mark, are refused; digits inside words (``5G``, ``IPv6``) leave a target in words."""
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
        return parse_target(spaced, direction=direction, unit=indicator_unit, indicator=indicator)
    found, stop = read_phrases(blanked, 0, len(blanked))
    leading = len(blanked) - len(blanked.lstrip())
    where = stop if stop is not None else found[-1].end if found else 0
    word = blanked[where:].split()[0] if blanked[where:].split() else ""
    glued = stop is None or any(ch.isdigit() for ch in word)
    if found and found[0].start == leading and found[0].role in _COMPARING_ROLES and glued:
        raise TargetParseError(
            text,
            where,
            f"a number written apart after {found[-1].phrase!r}",
            reason=f"digits glued to the word {word!r}",
        )
    for number in _DIGIT_THEN_LETTER.finditer(blanked):  # "… đạt 500ha", "2500DN" (not "5G")
        opens = number.start() == leading and re.match(r"\d[\d.,]*\d", number.group(0))
        if opens or ends_with_phrase(lower, len(blanked[: number.start()].rstrip())):
            raise TargetParseError(
                text,
                number.start(),
                "the number apart from its unit ('500 ha')",
                reason=f"digits glued to the word {number.group(0)!r}",
            )
    refuse_marked_number(text, blanked)  # "Tỷ lệ nợ xấu tối đa ...3%": no target in words
    return word_target(text, blanked, direction)[0]
