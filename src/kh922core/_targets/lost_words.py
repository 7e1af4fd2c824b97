"""Words whose meaning a reading would drop into the note, refused by name.

The grammar reads a number, its comparator, its unit and its verb; the words it does not read go
to the target's note.  Some of those words change what the number means, so a target read
without them would be a wrong answer given silently: each is refused with a reason instead
(``kh922 explain`` and the error say which):

* a scale word with no unit (``500 triệu`` in a ``tỷ đồng`` row: 500 triệu đồng, or 500 tỷ?);
* a sign in words (``tăng trưởng âm không quá 2%``);
* a per unit with no head the row cannot complete (``35/vạn dân`` in a row of ``%``);
* ``lần`` with no verb and no base on an indicator that is not a ratio (``hơn 2 lần``);
* a multiple of another level (``gấp 1,5 lần bình quân cả nước``) or per year
  (``gấp đôi mỗi năm``);
* points after the level to reach (``tăng lên 5 điểm %``);
* a negation before a comparator or a verb that no phrase of the grammar holds with it
  (``không vượt 5%`` is a phrase, at most 5 %; ``không hề vượt 5%`` is not: read word by word
  it would be *more than* 5 %), and a negated clause whose comparator comes after words of its
  subject (``Không để tỷ lệ nợ xấu vượt 3%``);
* a comparator after the number that the grammar does not read there (``5% tối đa``);
* a change from a plan or an estimate (``tăng 10% so với dự toán``: 110 % of the estimate, not
  10 % more than the series' own base);
* a yearly change whose ``/năm`` follows a noun (``giảm 500 hộ nghèo/năm``: 500 a year, not in
  all).
"""

from __future__ import annotations

import re

from kh922core._targets.apart_bounds import refuse_bound_apart
from kh922core._targets.change_words import AfterCues, BaseCues, plan_base
from kh922core._targets.kinds import TargetSpec
from kh922core._targets.measure_words import refuse_signed_change, refuse_words_of_another_measure
from kh922core._targets.misspellings import refuse_misspelt_after
from kh922core._targets.multiple_words import refuse_multiple_words
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.other_clauses import refuse_other_clauses
from kh922core._targets.scale_words import refuse_scale_without_unit, starts_with_scale
from kh922core._targets.scanner import match_phrase
from kh922core._targets.time_phrases import refuse_year_of_change
from kh922core._targets.unit_fit import is_share, per_year_part, refuse_unknown_word
from kh922core._targets.units import Unit, parse_unit
from kh922core._targets.verbs import Verb, verb_first, way_of_level
from kh922core.errors import TargetParseError

__all__ = ["note_drops_meaning", "refuse_lost_words", "refuse_unread_parts", "refuse_unread_verb"]

#: A negation, with the words that may follow it before what it negates.
_NEGATION = re.compile(
    r"(?<![\w])(?:tuyệt\s+đối\s+)?(?:không|chưa|chẳng)(?:\s+(?:được|để|hề|thể|bao\s+giờ|đạt|ở|phải|có"
    r"|phép|nên|hẳn|xảy\s+ra|phát\s+sinh))*"
    r"\s+",
    re.IGNORECASE,
)
#: What a negation may not be read apart from: comparators and verbs of change (a level to
#: reach may stand in a subject: "tỷ lệ học sinh không được lên lớp dưới 1%").
_NEGATABLE = frozenset({"ge", "gt", "le", "lt", "eq", "approx", "rise", "fall", "multiple", "rank"})
#: What may stand between a negation and its comparator ("không còn trên 2%", "không xuống …").
_BETWEEN = frozenset({"zero", "to_level", "filler"})
#: A rank group counted from the bottom, or left ("nhóm 10 tỉnh cuối bảng", "ra khỏi nhóm"):
#: not the best ranks the group means.
_BOTTOM_GROUP = re.compile(
    r"\b(?:khỏi|rơi\s+vào|cuối\s+bảng|xếp\s+cuối|đội\s+sổ|thấp\s+nhất|kém\s+nhất|cuối)\b",
    re.IGNORECASE,
)
#: A region that a rank is counted in ("xếp thứ 1 vùng", "top 3 vùng Đồng bằng sông Cửu Long"):
#: the library ranks a province among all of the country's.
_REGION = re.compile(
    r"(?<![\w])(?:vùng|khu\s+vực(?!\s+(?:công|tư|nhà\s+nước|kinh\s+tế|fdi|đầu\s+tư|dịch\s+vụ|"
    r"cơ\s+quan|hành\s+chính|sự\s+nghiệp|"
    r"nông|công\s+nghiệp|doanh\s+nghiệp|thành\s+phố|đô\s+thị|nông\s+thôn|biên\s+giới|i|ii|iii)"
    r"(?![\w]))|miền(?!\s+núi)|đbscl|đồng\s+bằng\s+sông|"
    r"tây\s+nguyên|duyên\s+hải|(?:trung|nam|bắc)\s+bộ|tây\s+bắc|đông\s+bắc|đông\s+nam\s+bộ|"
    r"tây\s+nam\s+bộ|phía\s+(?:nam|bắc)|trung\s+du)(?![\w])",
    re.IGNORECASE,
)
#: "trở lên", "trở xuống" after a number: of a rank, the better ranks or the larger numbers?
_ONWARDS = re.compile(r"(?<![\w])trở\s+(?:lên|xuống)(?![\w])", re.IGNORECASE)
#: Verbs of change the grammar does not read, right before the number or its comparator
#: ("cải thiện ít nhất 3 bậc": a change of the rank, not the rank 3; "tụt ít nhất 2%").
_UNREAD_VERB = re.compile(
    r"(?<![\w])(?P<verb>cải\s+thiện|vươn\s+lên|thăng(?:\s+(?:hạng|bậc))?|tụt(?:\s+(?:hạng|bậc))?|"
    r"(?:tăng|lên|nâng|giảm|xuống)\s+(?:hạng|bậc))"
    r"(?:\s+(?:được|thêm|ít\s+nhất|tối\s+thiểu|tối\s+đa|trên|dưới|hơn|khoảng|từ|"
    r"không\s+(?:quá|dưới|ít\s+hơn)|nhiều\s+hơn|[<>≥≤=]+))*\s*$",
    re.IGNORECASE,
)
#: Words that make the verb after them a noun of the subject ("mức tiết kiệm", "tỷ lệ cải thiện").
_NOMINAL = re.compile(r"(?:mức|tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số|tốc\s+độ|số|kết\s+quả)\s*$", re.IGNORECASE)
#: A negation of a clause ("Không để tỷ lệ nợ xấu vượt 3%", "Nghiêm cấm …"), however far.
_CLAUSE_NEGATION = re.compile(
    r"(?<![\w])(?:không|chưa|chẳng)\s+(?:được\s+)?(?:để|cho\s+phép|cho)(?![\w])"
    r"|(?:^|(?<=[,;:(]))\s*(?:nghiêm\s+)?(?:cấm|tránh)(?![\w])",  # opening: not "hàng cấm"
    re.IGNORECASE,
)
#: Comparators after the number that the grammar reads only before it ("5% tối đa").
_TRAILING_COMPARATOR = re.compile(
    r"^\W*(?:là\s+)?(?P<word>tối\s+đa|tối\s+thiểu|ít\s+nhất|nhiều\s+nhất)\W*$"
    r"|^\W*(?:là\s+)?(?P<head>tối\s+đa|tối\s+thiểu|ít\s+nhất|nhiều\s+nhất)\W*[,;(]",
    re.IGNORECASE,
)
#: A verb of change that ends the note ("Tỷ lệ hộ nghèo 2% (giảm)"): read as a note's word,
#: the change would be a level ("giá trị gia tăng" names).
_TRAILING_VERB = re.compile(
    r"(?<![\w])(?<!gia\s)(?P<verb>giảm|tăng|hạ|nâng)(?:\s+thêm)?[\W_]*$", re.IGNORECASE
)
#: "/năm" after a noun, as a yearly change writes it ("giảm 500 hộ nghèo/năm").
_PER_YEAR_NOTE = re.compile(r"/\s*năm(?![\w])", re.IGNORECASE)

#: A word of an average in brackets after a change's number ("Tăng 10% (BQ)", "(bình quân)").
_AVERAGE_AFTER = re.compile(
    r"(?<=\()\s*(?:bình\s+quân|trung\s+bình|bq)(?:\s+(?:năm|hằng\s+năm|mỗi\s+năm))?\s*(?=\))",
    re.IGNORECASE,
)
#: "hơn 2 lần …" read with no verb: "lần" is the first word after the number.
_TIMES_NOTE = re.compile(r"lần\b", re.IGNORECASE)
#: "lần" right after the target's number (not a frequency: "2 lần/năm").
_TIMES_AFTER = re.compile(r"\s*lần\b(?!\s*/)", re.IGNORECASE)
#: "tăng 10% năm": "năm" right after a change's per cent, with no year after it ("tăng 2 năm"
#: of an age counts years).
_BARE_YEAR_AFTER = re.compile(r"\s*(?:điểm\s*)?%\s*năm\b(?!\s*\d)", re.IGNORECASE)
#: "tăng trưởng âm", "âm không quá 2%": a negative level, whose sign the number does not carry.
_NEGATIVE = re.compile(r"(?<![\w])âm(?![\w])", re.IGNORECASE)


def note_drops_meaning(note: str) -> bool:
    """Whether a note would carry a meaning the number lost: a per unit with no head (``/…``)
    or a scale word (``tỉ USD``), as a target of none at all may leave one."""
    return note.startswith("/") or starts_with_scale(note)


def refuse_lost_words(
    text: str,
    spec: TargetSpec,
    verb: Verb,
    base: BaseCues,
    after: AfterCues,
    unit: Unit | None,
    indicator: str | None = None,
) -> None:
    """Refuse the words whose meaning the reading would otherwise drop into the note: a sign
    (``âm``), a per unit with no head (``35/vạn dân``), a multiple with no verb or base
    (``hơn 2 lần`` of an indicator in money, counts, % …; a ratio's ``dưới 3 lần`` is its
    level), of another entity (``gấp 1,5 lần bình quân cả nước``) or per year
    (``gấp đôi mỗi năm``), and points after the level to reach (``tăng lên 5 điểm %``)."""
    if way_of_level(verb.to_level) is None:  # "chỉ còn 2%" says its way
        refuse_bound_apart(text, spec)  # "dưới mức trần 15%": a cap read bare, as a floor
    note = getattr(spec, "note", None) or ""
    refuse_scale_without_unit(text, spec, unit)  # "500 triệu" in a row of "tỷ đồng"
    negative = _NEGATIVE.search(text)
    if negative is not None:
        raise TargetParseError(
            text,
            negative.start(),
            "the bound as a signed number ('≥ -2%')",
            reason="'âm' (negative): the sign is not in the number",
        )
    if note.startswith("/"):
        raise TargetParseError(
            text,
            text.find("/"),
            "the whole unit after the number ('35 giường bệnh/vạn dân')",
            reason=f"a per unit with no head: {note.split()[0]!r}",
        )
    numbers = list(NUMBER_PATTERN.finditer(text))  # "Số doanh nghiệp đạt 2 lần": not the note's
    times = verb.multiple or after.times or _TIMES_NOTE.match(note) is not None
    times = times or bool(numbers and _TIMES_AFTER.match(text, numbers[-1].end()))
    ratio = unit is None or (unit.dimension == "dimensionless" and not is_share(unit))
    if times and not verb.changes and not base.named and not ratio:
        raise TargetParseError(
            text,
            0,
            "a verb of change ('gấp 2 lần', 'tăng gấp đôi') or a base ('so với năm 2020')",
            reason="'lần' with no verb of change and no base: a multiple of what is not said",
        )
    if times:
        refuse_multiple_words(text, note, verb)
    yearly = verb.per_year or after.per_year or note.startswith(("/năm", "/ năm"))
    if times and yearly:
        raise TargetParseError(
            text,
            0,
            "a multiple over the whole period ('gấp 2 lần so với năm 2020') or a growth rate "
            "('tăng bình quân 15%/năm')",
            reason="a multiple per year is not a target the library measures",
        )
    a_year = per_year_part(getattr(spec, "unit", None))[1]  # "tăng 10%/năm": no base needed
    if verb.changes and not (verb.per_year or after.per_year or base.named or verb.to_level):
        if not a_year:
            refuse_year_of_change(text)  # "Năm 2026 tăng 8%" (not "giảm còn 3% năm 2025": a level)
        if numbers and (bare := _BARE_YEAR_AFTER.match(text, numbers[-1].end())):
            why = "'năm' right after the change, with no year: per year, or a year not named?"
            raise TargetParseError(text, bare.end() - 3, "'tăng 10%/năm'", reason=why)
    averaged = _AVERAGE_AFTER.search(text, numbers[-1].end()) if numbers else None
    if verb.changes and not (verb.per_year or after.per_year) and averaged is not None:
        raise TargetParseError(  # "Tăng 10% (BQ)": 10 % a year, or in all?
            text,
            averaged.start(),
            "the average a year written with the verb ('tăng bình quân 10%/năm')",
            reason=f"{averaged.group(0)!r} after the change: a yearly average, or the change "
            "in all?",
        )
    _refuse_negated(text)
    refuse_unread_verb(text)
    _refuse_rank_group(text, spec, unit)
    planned = plan_base(text)
    if verb.changes and not verb.linked and planned is not None:  # "tăng thêm đạt 105% …"
        raise TargetParseError(
            text,
            planned.start(),
            "the level to reach as a share of the plan ('đạt ít nhất 110% kế hoạch') or a base "
            "year ('so với năm 2025')",
            reason=f"a change from {planned.group(0)!r}: a plan or an estimate is not a level of "
            "the series to measure from",
        )
    _refuse_trailing(text, spec, verb, after)
    if after.points and verb.to_level:
        raise TargetParseError(
            text,
            0,
            "a change in points ('tăng 5 điểm %') or the level to reach ('tăng lên 45%')",
            reason=f"'điểm %' after {verb.to_level!r}: a change and a level at once",
        )
    refuse_other_clauses(text, spec, base, indicator)
    refuse_words_of_another_measure(text, spec, indicator, unit)
    refuse_signed_change(text, verb.phrase if verb.way else None)


def _refuse_negated(text: str) -> None:
    """A negation before the number read apart from what it negates would reverse it: refused
    unless a phrase holds both (``không quá``, ``không vượt``, ``không còn`` …); after the
    number, the words are a note; ``không tăng quá`` is read as ``tăng không quá``."""
    lower = verb_first(text).lower()
    first = NUMBER_PATTERN.search(lower)
    end = first.start() if first else len(lower)
    clause = _CLAUSE_NEGATION.search(lower, 0, end)
    own = match_phrase(lower, clause.start()) if clause is not None else None
    if clause is not None and (own is None or own.end < clause.end()):
        _refuse_clause(text, lower, clause, end)  # "không để vượt quá" is a phrase: read
    for found in _NEGATION.finditer(lower, 0, end):
        own = match_phrase(lower, found.start())
        after = found.end()
        if own is not None and own.end > found.start() + len(found.group(0).split()[0]):
            if own.role != "zero":
                continue  # "không quá", "không được vượt quá": the grammar's phrase
            after = own.end  # "không còn trên 2%": none left, then a comparison?
            while after < end and lower[after].isspace():
                after += 1
        negated = match_phrase(lower, after)
        while negated is not None and negated.role in _BETWEEN and negated.end < end:
            after = negated.end
            while after < end and lower[after].isspace():
                after += 1
            negated = match_phrase(lower, after)
        if negated is not None and negated.role in _NEGATABLE:
            raise TargetParseError(
                text,
                found.start(),
                "a comparison the grammar knows with its negation ('không quá 5%', 'không vượt "
                "5%', 'không dưới 42%')",
                reason=f"{found.group(0).strip()!r} before {negated.phrase!r}: read word by "
                "word, the negation would be lost and the comparison reversed",
            )


def _refuse_trailing(text: str, spec: TargetSpec, verb: Verb, after: AfterCues) -> None:
    """Words after the number that the reading would drop: a comparator (``5% tối đa``), and
    ``/năm`` after a noun of a change that is not yearly (``giảm 500 hộ nghèo/năm``)."""
    numbers = list(NUMBER_PATTERN.finditer(text))
    if not numbers:
        return
    note = getattr(spec, "note", None) or ""
    # the whole note, or its first words before a comma or a bracket ("5% (tối đa)", "5% tối
    # đa, …"); inside a note's words they qualify them ("sử dụng ít nhất một dịch vụ"); after a
    # subject, the words after the number and its unit ("Tỷ lệ nợ xấu 3% (tối đa)")
    unit = getattr(spec, "unit", None)
    tail = text[numbers[-1].end() :].lstrip()
    tail = tail[len(unit) :] if isinstance(unit, str) and unit and tail.startswith(unit) else tail
    refuse_misspelt_after(text, len(text) - len(tail))  # "5% tro xuong", "2% mổi năm"
    comparator = _TRAILING_COMPARATOR.search(note) or _TRAILING_COMPARATOR.search(tail)
    trailing = _TRAILING_VERB.search(note) if getattr(spec, "change", None) is None else None
    if trailing is not None:
        said = trailing.group("verb")
        raise TargetParseError(
            text,
            max(text.casefold().rfind(said.casefold()), 0),
            f"the verb before the number ('{said} 2%')",
            reason=f"{said!r} after the number is not read there",
        )
    if comparator is not None:
        said = comparator.group("word") or comparator.group("head")
        raise TargetParseError(
            text,
            max(text.casefold().find(said.casefold()), 0),
            f"the comparator before the number ('{said} 5%')",
            reason=f"{said!r} after the number is not read there",
        )
    per_year = _PER_YEAR_NOTE.search(note)
    if verb.changes and not (verb.per_year or after.per_year) and per_year is not None:
        raise TargetParseError(
            text,
            max(text.find(per_year.group(0)), 0),
            "a yearly change with its unit per year ('giảm bình quân 500 hộ/năm', 'tăng 10%/năm')",
            reason=f"{per_year.group(0)!r} after a noun: a change a year, read as a change in all",
        )


def _refuse_clause(text: str, lower: str, clause: re.Match[str], end: int) -> None:
    """Refuse a negated clause whose comparison or verb comes after words of its subject."""
    position = clause.end()
    while position < end:
        found = match_phrase(lower, position)
        if found is not None and found.role in _NEGATABLE:
            raise TargetParseError(
                text,
                clause.start(),
                "the comparison as its own phrase ('tỷ lệ nợ xấu không vượt 3%', 'không quá 3%')",
                reason=f"{clause.group(0).strip()!r} negates {found.phrase!r} after the words "
                "between them: read word by word, the comparison would be reversed",
            )
        position = lower.find(" ", position, end)
        if position < 0:
            return
        position += 1


def refuse_unread_verb(text: str) -> None:
    """A verb of change the grammar does not read, right before the number or its comparator
    (read as words of the subject, its change would be a level: "cải thiện ít nhất 3 bậc")."""
    for number in NUMBER_PATTERN.finditer(text):  # "Đến năm 2030 cải thiện ít nhất 3 bậc"
        unread = _UNREAD_VERB.search(text, 0, number.start())
        if unread is not None and not _NOMINAL.search(text, 0, unread.start()):
            break
    else:
        return
    if unread is not None:
        raise TargetParseError(
            text,
            unread.start(),
            "a verb of change the grammar reads ('tăng', 'giảm', 'nâng lên', 'giảm xuống') "
            "or the level to reach ('đạt nhóm 20', 'đạt ≥ 90%')",
            reason=f"{unread.group('verb')!r} before the number: a change the grammar does not "
            "read (read as words of the subject, the change would be a level)",
        )


def _refuse_rank_group(text: str, spec: TargetSpec, unit: Unit | None) -> None:
    """A rank group ("nhóm 20 tỉnh dẫn đầu") is the best ranks: refused when its words count it
    from the bottom or leave it ("nhóm 10 tỉnh cuối bảng", "ra khỏi nhóm 10"), and in a row
    whose indicator is no rank ("chỉ số PCI nằm trong nhóm 20" of a score in "điểm")."""
    region = _REGION.search(text)
    if region is not None and (spec.kind == "rank_group" or (unit is not None and unit.is_rank)):
        raise TargetParseError(
            text,
            region.start(),
            "a rank among all the provinces of the country ('nhóm 20 tỉnh dẫn đầu cả nước')",
            reason=f"{region.group(0)!r}: a rank in a region is not a rank the library measures "
            "(it ranks a province among all the country's)",
        )
    onwards = _ONWARDS.search(text)
    ranked = spec.kind == "rank_group" or (unit is not None and unit.is_rank)
    if onwards is not None and ranked and spec.kind in ("comparison", "rank_group"):
        raise TargetParseError(
            text,
            onwards.start(),
            "the group of the best ranks ('nhóm 10') or the rank as a number ('≤ 10')",
            reason=f"{onwards.group(0)!r} after a rank: the better ranks (smaller numbers) or the "
            "larger numbers?",
        )
    if spec.kind != "rank_group":
        return
    bottom = _BOTTOM_GROUP.search(text)
    if bottom is not None:
        raise TargetParseError(
            text,
            bottom.start(),
            "the best ranks to reach ('nhóm 20 tỉnh dẫn đầu', 'nằm trong nhóm 40')",
            reason=f"{bottom.group(0)!r}: a group counted from the bottom, or one to leave, is "
            "not the group of the best ranks",
        )
    if unit is not None and not unit.is_rank:
        raise TargetParseError(
            text,
            0,
            f"a target in the indicator's unit ({unit.text!r}), or a rank indicator",
            reason=f"a rank group of an indicator measured in {unit.text!r}",
        )


def refuse_unread_parts(
    text: str, parts: list[tuple[str, str | None, TargetSpec]], unit: str | Unit | None
) -> None:
    """Refuse a split cell a part of which (its text, label and spec) had words that change
    its number taken by its label (``1.500 kWp mái nhà``, ``PCI: cải thiện ít nhất 3 bậc``,
    ``nhóm 3 vùng Đông Nam Bộ``: a rank in a region)."""
    indicator = parse_unit(unit) if isinstance(unit, str) else unit
    for part, label, spec in parts:
        try:
            refuse_unread_verb(part)
            _refuse_rank_group(part, spec, indicator)  # "nhóm 3 vùng": its label is a region
            if indicator is not None and getattr(spec, "unit", "") is None and label:
                refuse_unknown_word(part, spec.model_copy(update={"note": label}), indicator)
        except TargetParseError as error:
            raise TargetParseError(
                text,
                max(text.find(part), 0),
                "parts that each read alone",
                reason=f"the part {part!r}: {error.reason}",
                parts=[other for other, _, _ in parts],
            ) from None
