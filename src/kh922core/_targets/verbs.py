"""The verb phrases of a target, found before its number (``tăng``, ``giảm … xuống còn``,
``gấp``, ``duy trì``): what :mod:`kh922core._targets.readings` decides a reading from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from kh922core._targets.scanner import Match, manner_words, match_phrase
from kh922core.errors import TargetParseError

__all__ = [
    "NOUN_VERBS",
    "Verb",
    "grows_named",
    "links_a_noun",
    "names_change",
    "refuse_bound_before_verb",
    "refuse_clash",
    "refuse_floor_of_a_fall",
    "refuse_lost_negation",
    "refuse_up_to",
    "refuse_verb_in_a_name",
    "verb_first",
    "way_of_level",
]

#: A negation before a verb of change and ``quá`` (``không tăng quá 3%``): ``tăng không quá``.
_NEGATED_VERB = re.compile(r"(?<!\w)(không)(\s+)(tăng|giảm)(?=\s+quá(?!\w))", re.IGNORECASE)


def verb_first(text: str) -> str:
    """``text`` with a negated verb of change written as its verb and a negated bound, the same
    length (``Không tăng quá 3%`` reads as ``tăng không quá 3%``: a rise of at most 3 %)."""
    return _NEGATED_VERB.sub(lambda m: m.group(3) + m.group(2) + m.group(1), text)


@dataclass(frozen=True, slots=True)
class Verb:
    """The verb phrases found before the number.

    Attributes:
        way: ``"rise"``, ``"fall"`` or ``None`` (no verb of change).
        phrase: The verb as written (``"tăng trưởng"``), for messages.
        multiple: ``gấp`` was written.
        per_year: ``bình quân``, ``trung bình``, ``mỗi năm`` before the number.
        to_level: The level to reach follows (``xuống còn``, ``lên``); its phrase.
        maintain: ``duy trì`` was written.
        linked: A linking word follows the verb (``… nâng cao đạt 50%``): the verb may be
            part of the subject.
        opening: The verb opens the sentence and its clause runs to the number (``Hạ tỷ lệ
            thất nghiệp đạt 2%``; not ``Cắt giảm thủ tục, tỷ lệ … đạt 98%``): its linking word,
            this phrase, may name the level to reach (see the readings).
        clause_ended: A separator stands between the verb and the number (``Nâng cao hiệu quả
            giảm nghèo, tỷ lệ hộ nghèo còn 1,5%``): the verb is another clause's.
        clause_qualified: After each separator only words of how and when follow (``Giảm
            dần, bình quân 0,5%/năm``): the verb's clause may run on to the number.
        of_change: The subject is itself a change, named by a verb before this one
            (``Tăng trưởng tín dụng giảm 2 điểm %``): of a rate, the verb moves the rate.
        clash: A verb of the other way in the same clause (``Giảm tỷ lệ hộ nghèo tăng thêm
            2%``): which one the number bounds is not said.
        up_to: ``đến``/``tới`` right after the verb (``tăng đến 70%``): up to the level, or a
            change of up to that much?
    """

    way: str | None
    phrase: str | None
    multiple: bool
    per_year: bool
    to_level: str | None
    maintain: bool
    linked: bool = False
    opening: str | None = None
    clause_ended: bool = False
    clause_qualified: bool = False
    of_change: bool = False
    clash: str | None = None
    up_to: str | None = None

    @property
    def changes(self) -> bool:
        """Whether the text may bound a change (a verb of change or ``gấp``)."""
        return self.way is not None or self.multiple


class _Phrase(Protocol):
    @property
    def role(self) -> str: ...
    @property
    def phrase(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


#: Verbs of change that also name a change as a noun, and so a subject (``Tăng trưởng tín
#: dụng giảm 2 điểm %``: the growth of credit falls).
NOUN_VERBS = frozenset({"tăng trưởng", "mức tăng trưởng"})


#: What grows, named after ``Tăng trưởng`` (``kinh tế``, ``tín dụng``, ``xuất khẩu`` …), with no
#: word that would change how (``chậm lại``, ``lũy kế``, ``xanh``, ``chênh lệch``, ``nếu``).
_GROWN = re.compile(
    r"\s*(?:kinh\s+tế|GRDP|GDP|tổng\s+sản\s+phẩm|tín\s+dụng|dư\s+nợ|huy\s+động\s+vốn|xuất\s+khẩu"
    r"|nhập\s+khẩu|kim\s+ngạch|thu\s+ngân\s+sách|thu\s+nhập|vốn|đầu\s+tư|công\s+nghiệp"
    r"|nông\s+nghiệp|dịch\s+vụ|khu\s+vực|ngành|giá\s+trị|doanh\s+thu|du\s+lịch|thương\s+mại"
    r"|bán\s+lẻ|năng\s+suất|sản\s+lượng|quy\s+mô|tiêu\s+dùng)(?!\w)"
    r"(?!.*(?<!\w)(?:lại|chậm|sụt|mất|giảm|tốc|chững|âm|dương|xanh|lũy|cộng\s+dồn|tích\s+lũy"
    r"|kể|nếu|trường\s+hợp|chênh|cách\s+biệt|xuống|không|chỉ|ước|dự|khoảng\s+cách)(?!\w))",
    re.IGNORECASE,
)


def grows_named(text: str, blanked: str, found: list[Match], span: tuple[int, int]) -> bool:
    """Whether a verb that also names the change (``Tăng trưởng``) is the only phrase before
    ``span`` (the words before the number), and those words name what grows with no word that
    changes how: ``Tăng trưởng kinh tế 8%`` is the growth of the economy, as ``Tăng trưởng 8%``
    is (not ``Tăng trưởng chậm lại 2%``)."""
    stop, end = span
    return (
        len(found) == 1
        and found[0].phrase.casefold() in NOUN_VERBS
        and not blanked[found[0].end : stop].strip()
        and _GROWN.match(text[stop:end]) is not None
        and not re.search(r"\d", text[stop:end])
    )


def names_change(text: str, first: _Phrase, second: _Phrase) -> bool:
    """Whether the verb phrase ``first`` names the subject, a change, which the verb ``second``
    moves: a verb that is also a noun (``tăng trưởng``), then one of the other way or words of
    its subject (``Mức tăng trưởng giảm 1%``, ``Tăng trưởng tín dụng giảm 2 điểm %``)."""
    if first.phrase.casefold() not in NOUN_VERBS:
        return False
    return first.role != second.role or bool(re.search(r"[^\W\d_]", text[first.end : second.start]))


def refuse_up_to(text: str, verb: Verb) -> None:
    """Refuse ``đến``/``tới`` right after a verb of change with no level named (``tăng đến
    70%``, ``giảm tới 2%``): the level to reach, or a change of up to that much (``giảm đến 50%
    lệ phí``)?  ``tăng lên đến``, ``giảm xuống còn``, ``tới mức`` name the level."""
    if verb.changes and verb.up_to and not verb.to_level:
        raise TargetParseError(
            text,
            0,
            "the level to reach ('tăng lên 70%', 'giảm xuống còn 2%') or the change ('tăng 5%',"
            " 'giảm tối đa 50%')",
            reason=f"{verb.phrase!r} {verb.up_to!r}: up to the level, or a change of up to "
            "that much?",
        )


def refuse_clash(text: str, verb: Verb) -> None:
    """Refuse two verbs of change of opposite ways in one clause (``Giảm tỷ lệ hộ nghèo tăng
    thêm 2%``): which way the number moves the level is not said."""
    if verb.changes and verb.clash:
        raise TargetParseError(
            text,
            0,
            "one verb of change before the number",
            reason=f"{verb.phrase!r} and {verb.clash!r}: which way the number moves the level "
            "is not said",
        )


#: A subject that ends in a negation: a mark glued before it kept it from the phrase after it
#: (``/không thấp hơn 50%``, ``Tỷ lệ •không quá 3%``), or written short (``ko``, ``khg dưới 30%``).
_LOST_NEGATION = re.compile(
    r"(?<![^\W_])(?<!hàng\s)(?:không|chưa|chẳng|ko|kô|k|kh|khg|khô|khôg|khôn|hông|hok|khong|chua)"
    r"(?:\s+(?:được|để|hề|thể|phải))*"
    r"[\W_]*$",
    re.IGNORECASE,
)


def refuse_lost_negation(text: str, at: int, subject: str) -> None:
    """Refuse a subject that ends in a negation read apart from the comparison it governs:
    the negation would be lost and the comparison reversed."""
    if _LOST_NEGATION.search(subject):
        raise TargetParseError(
            text,
            at,
            "the negation and its comparator together ('không dưới 90%')",
            reason=f"{subject!r} ends in a negation read apart from what it negates (a mark or a "
            "word between): the negation would be lost and the comparison reversed",
        )


def way_of_level(phrase: str | None) -> str | None:
    """The way a level to reach says with no verb of change: up to it (``lên``), down to it
    (``xuống``, ``còn``, ``khống chế``, ``kiềm chế``); ``None`` for a phrase that says neither
    (``tới mức``)."""
    if phrase is None:
        return None
    words = phrase.casefold().split()
    first = words[1] if words[0] == "được" and len(words) > 1 else words[0]  # "được khống chế"
    falls = ("xuống", "còn", "khống", "kiềm", "về")  # "khống chế", "kiềm chế": held down to it
    return "rise" if first == "lên" else "fall" if first in falls else None


def refuse_floor_of_a_fall(text: str, verb: Verb, operator: object) -> None:
    """Refuse a lower bound on the level a fall reaches (``giảm tối thiểu còn 2%``: at most
    2 %, or a fall of at least that much? read as ≥ 2 %, a rate of 10 % would meet it), and a
    rise held down to a level (``Tăng trưởng tín dụng khống chế 15%``: read by the verb, ≥ 15 %;
    a cap, or a verb that names the subject?)."""
    if verb.way == "rise" and way_of_level(verb.to_level) == "fall":
        raise TargetParseError(
            text,
            0,
            "the level alone with its bound ('≤ 15%', 'khống chế dưới 15%')",
            reason=f"{verb.phrase!r} and {verb.to_level!r}: a rise, or a level held down?",
        )
    if verb.way == "fall" and verb.to_level and str(operator) in ("ge", "gt"):
        raise TargetParseError(
            text,
            0,
            "the level to reach ('giảm còn 2%', 'giảm xuống dưới 2%')",
            reason="a lower bound on the level a fall reaches: at most that level, or a fall of "
            "at least that much?",
        )


_BOUNDS = frozenset({"ge", "gt", "le", "lt", "approx"})


def refuse_bound_before_verb(text: str, prefix: list[Match]) -> None:
    """Refuse a comparison before the verb of change, with none after it (``Số ngày vượt ngưỡng
    giảm 20%``): it names the subject (the days over the threshold), and read as the change's
    bound it would make the fall "more than 20%" and cut the subject (``giảm trên 20%`` says
    that, and then the words before the verb are the subject's)."""
    verbs = [m for m in prefix if m.role in ("rise", "fall", "multiple")]
    bounds = [m for m in prefix if m.role in _BOUNDS]
    after = any(bound.start > verbs[0].start for bound in bounds) if verbs else False
    if verbs and bounds and bounds[0].start < verbs[0].start and not after:
        raise TargetParseError(
            text,
            bounds[0].start,
            f"the comparison after the verb ('{verbs[0].phrase} trên 20%'), or the subject's "
            "words out of the target cell",
            reason=f"{bounds[0].phrase!r} before {verbs[0].phrase!r}: a word of the subject, or "
            "the change's bound?",
        )


#: Words before a verb that make it a noun of the subject (``Tỷ lệ tăng dân số``, ``việc giảm
#: thủ tục``, ``đóng góp của … vào tăng trưởng``, ``được cắt giảm``).
_NAMING_BEFORE = frozenset(
    {"lệ", "trọng", "độ", "mức", "số", "vào", "của", "cho", "về", "sự", "được", "bị", "đã"}
    | {"đang", "việc", "khi", "sau", "để", "do", "nhằm"}
)


#: Words that, right after such a verb, say how or against what it moves (``theo chuẩn mới``,
#: ``qua các năm``, ``hơn``), as the words of manner do; an object (``tăng thu nhập``, ``nâng
#: chuẩn quốc gia``, ``Giá trị tăng thêm ngành …``) names the subject.
_HOW = frozenset({"theo", "hơn", "qua", "so", "chậm", "nhiều", "ít"})


def refuse_verb_in_a_name(text: str, start: int, end: int) -> None:
    """Refuse the words ``text[start:end]``, read as the name before the number, when a verb of
    change in them is followed by words that say how it moves (``Tỷ lệ hộ nghèo giảm theo
    chuẩn mới 1,5%/năm``, ``… giảm nhanh hơn 2%``): the number may bound the change, or be the
    level; read as a name, it was the level."""
    lower = text.lower()  # the whole text: "nhanh hơn" is no manner of the verb
    for word in re.finditer(r"(?<!\w)\w", lower[start:end]):
        at = start + word.start()
        found = match_phrase(lower, at)
        if found is None or found.role not in ("rise", "fall", "multiple") or text[at].isupper():
            continue  # "TP. Hạ Long": a name
        before = lower[start:at].split()[-1:]
        after = lower[found.end : max(end, found.end)].strip(" ,:;")
        if found.phrase in NOUN_VERBS or not after or (before and before[0] in _NAMING_BEFORE):
            continue
        first = after.split()[0]
        if first not in _HOW and not any(after.startswith(w) for w in manner_words()):
            continue  # "Số trường nâng chuẩn quốc gia 20 trường": the verb has an object
        if re.search(r"(?<!\w)(?:có|mà)(?!\w)", lower[start:at]):
            continue  # "Tỷ lệ hộ có thu nhập tăng qua các năm 60%": a clause of the subject
        raise TargetParseError(
            text,
            at,
            "the verb right before the number ('giảm 1,5%/năm'), or the level without the "
            "verb ('Tỷ lệ hộ nghèo 1,5%')",
            reason=f"{text[at : found.end]!r} then {text[found.end : end].strip()!r} before "
            "the number: a change, or the level?",
        )


#: Words after which a verb names a thing in the subject, not the target's change ("vào tăng
#: trưởng", "sự tăng trưởng", "được nâng lên").
_NOUN_LINKS = frozenset({"vào", "của", "cho", "về", "sự", "được", "bị", "đã", "đang", "việc"})
#: Words that end a compound with "sự" or "việc" as its second word ("hình sự", "vụ việc"):
#: then no noun link ("Số vụ phạm pháp hình sự giảm 5%").
_COMPOUND_HEADS = {
    "sự": frozenset({"hình", "dân", "nhân", "quân", "thẩm", "hộ", "tư", "thực", "sự"}),
    "việc": frozenset({"vụ", "công", "sự", "làm", "mọi", "các"}),
}


def links_a_noun(previous: list[str]) -> bool:
    """Whether the last of the words before a verb makes it a noun of the subject (``sự tăng
    trưởng``, ``được nâng lên``; not the "sự" of ``hình sự``)."""
    if not previous or previous[-1] not in _NOUN_LINKS:
        return False
    heads = _COMPOUND_HEADS.get(previous[-1], frozenset())
    return not (len(previous) > 1 and previous[-2] in heads)
