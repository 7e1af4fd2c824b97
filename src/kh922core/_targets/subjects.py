"""The words before a target's number: its subject, its verb, and the phrases that lead to it.

``tỷ lệ hộ nghèo giảm bình quân 1%/năm``: the subject (``tỷ lệ hộ nghèo``) goes to the note, the
verb (``giảm``) and its words (``bình quân``) decide the reading (see
:mod:`kh922core._targets.readings`), and the phrases next to the number give the comparison.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kh922core._targets.change_words import read_after
from kh922core._targets.kinds import TargetSpec, reads_as_unit
from kh922core._targets.levels import OPERATOR_ROLES
from kh922core._targets.misspellings import refuse_misspelt
from kh922core._targets.name_nouns import ends_in_a_noun
from kh922core._targets.scanner import Match, closed_note, match_phrase, read_phrases, read_unit
from kh922core._targets.subject_phrases import after_number_words
from kh922core._targets.verbs import (
    Verb,
    grows_named,
    links_a_noun,
    names_change,
    refuse_lost_negation,
    refuse_verb_in_a_name,
)
from kh922core._targets.yearly_clauses import only_qualifiers
from kh922core.errors import TargetParseError

__all__ = ["EXPECTED_BEFORE", "read_prefix", "verb_of", "with_subject"]

#: Roles that may follow the subject of a sentence and lead to the number.
_ANCHOR_ROLES = frozenset(
    {*OPERATOR_ROLES, "approx", "rank", "from", "maintain", "filler"}
    | {"rise", "fall", "multiple", "to_level", "zero", "per_year"}
)
#: Words in an operator that name the level to reach ("xuống dưới", "còn dưới").
_TO_LEVEL_WORDS = re.compile(r"\b(?:xuống|lên|còn|về)\b")
_VERB_ROLES = frozenset({"rise", "fall", "multiple"})
#: Fillers after a verb that say it was done ("giảm được 1,5%"; "tăng, đạt 90%": the subject).
_AUXILIARIES = frozenset({"được"})
#: The most words a subject before the number may have.
_MAX_SUBJECT_WORDS = 30
#: The head of a subject that names a measure: a share, a count.
_MEASURE = re.compile(
    r"(?:(?:tổng\s+)?t[ỷỉ]\s+(?:lệ|trọng|suất|số)|số\s+lượng|tổng\s+số|số(?!\s+hóa)|giá\s+trị|thu\s+nhập|kim\s+ngạch"
    r"|sản\s+lượng|tốc\s+độ|chỉ\s+số|năng\s+suất|doanh\s+thu|tuổi\s+thọ|mật\s+độ|diện\s+tích"
    r"|GRDP|quy\s+mô|mức\s+(?:tăng|giảm|hạ|nâng))\s+\w"
    r"|(?:thu\s+ngân\s+sách|vốn\s+đầu\s+tư|diện\s+tích)(?:\s+\w|$)",  # "Diện tích 5.000 ha"
    re.IGNORECASE,
)
#: Words before a number that would qualify it, and that the grammar does not read: after them
#: the number is no label's ("Tỷ lệ hộ nghèo chỉ 2%", "… quá 5%", "… ước 3%").
_QUALIFIER_WORDS = (
    "quá cỡ chừng non ngót tầm ngoài hoặc hay không chỉ ước dự kiến tương đương gần như giữ "
    "kém thiếu thêm bớt cộng trừ là ít nhiều cao thấp lớn nhỏ tối hơn mức vượt còn bằng từ đến "
    "tới lên xuống hạ nhất chưa trên dưới khoảng độ đạt và với so phấn đấu"
)
_QUALIFIERS = frozenset(_QUALIFIER_WORDS.split()) | frozenset(
    {"dự kiến", "ước tính", "tương đương", "gần như", "cao nhất", "thấp nhất"}
)
EXPECTED_BEFORE = (
    "an operator or phrase such as '≥', '>', 'trên', 'tối thiểu', 'dưới', 'khoảng', 'nhóm', "
    "'từ … đến …' or 'đạt' before the number"
)


def with_subject(text: str, level: TargetSpec, subject: str) -> TargetSpec:
    """The level with the subject's words in its note; a subject that begins with a unit
    (``hộ nghèo giảm 500``) gives the unit when the number has none."""
    unit_text, rest, _ = read_unit(subject, 0, len(subject))
    update: dict[str, object] = {}
    level_unit = getattr(level, "unit", None)
    alone = getattr(level, "unit", "") is None and getattr(level, "note", None) is None
    if unit_text is not None and alone:
        update["unit"] = unit_text
        subject = (rest or "").strip(" ,:;./-–—")
    note = " ".join(part for part in (subject, getattr(level, "note", None)) if part)
    shown = unit_text if "unit" in update else level_unit
    cut = match_phrase(note.lower(), 0, frozenset({"range"})) is not None
    bracketed = "(" in note or ")" in note
    unit_first = shown is None and read_unit(note, 0, len(note))[0] is not None  # "%(…", "m(x)"
    # no unit after a rank: "Chỉ số … (DTI) thuộc nhóm 10", its brackets paired
    ranked = level.kind == "rank_group" and _paired(note)
    if cut or (bracketed and not ranked and (reads_as_unit(shown, note) or unit_first)):
        raise TargetParseError(
            text,
            0,
            "words before the number that are not a unit",
            reason="unit words in the subject",
        )
    update["note"] = closed_note(note)  # "(p) giảm … 5" renders "5 (p)": reads "p"
    return level.model_copy(update=update)


def _paired(note: str) -> bool:
    """Whether every bracket of ``note`` closes one it opened."""
    depth = 0
    for char in note:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


_MARKS = "\"“„'‘«([{* "
#: Marks that close what another opened.
_CLOSING = {"”": "“", "’": "‘", "»": "«", ")": "(", "]": "[", "}": "{", '"': '"'}


def _balanced(subject: str) -> str:
    """A subject without the marks at its end that open what follows (``Tỷ lệ … (``), nor
    those that close what no mark of it opened (``Tỷ lệ hộ … sạch”``: its opening quote stood
    before the reading started)."""
    subject = subject.rstrip("“„‘«([{* ")
    while subject and subject[-1] in _CLOSING:
        closing, opening = subject[-1], _CLOSING[subject[-1]]
        if opening == closing:  # '"': a pair, or one quote left open
            if subject.count(closing) % 2 == 0:
                break
        elif subject.count(opening) >= subject.count(closing):
            break
        subject = subject[:-1].rstrip()
    return subject


#: The start of a word, after the marks that may be glued before it (quotes, a bracket), or
#: glued after a closing mark or a comma (``Tỷ lệ nợ xấu (NPL)không quá 3%``).
_WORD_START = re.compile(r"(?:(?<!\S)[\"“„'‘«(\[{*]*|(?<=[)\]}”’»,:]))(\S)")


#: A mark glued before a word that no phrase reading passes (``•tối đa``, ``#giảm``): quotes,
#: brackets, an asterisk, a comma, a colon and dashes are passed (``"Không dưới 90%"``).
_GLUED = re.compile(r"(?:[^\w\s\"“”„'‘’«»()\[\]{}*,:;%\-–—]|_)+(?=[^\W_])")
#: Signs of comparison in the words before the number: a sign the grammar does not read
#: (``＜``, ``>/=``, ``±``) or one a mark parted from the number (``≤… 3%``).
_SIGNS = re.compile(r"[<>＜＞≤≥≦≧⩽⩾≯≮≰≱≲≳≼≽⪯⪰±∓∼～≈≃≅=]")
#: Phrases whose meaning a subject cannot hold: a comparator, a verb, a level to reach.
_MEANINGFUL = frozenset(
    {"ge", "gt", "le", "lt", "eq", "approx", "rank", "from", "maintain", "range"}
    | {"rise", "fall", "multiple", "to_level", "zero"}
)


def _refuse_hidden(text: str, blanked: str, start: int, end: int, words_end: int) -> None:
    """Refuse the words ``blanked[start:end]`` before the number (or the phrases that lead to
    it, up to ``words_end``) where a mark, a sign or a slip of spelling hides a phrase from the
    reading: its meaning would be lost."""
    _refuse_sign(text, blanked, start, end)
    _refuse_split_phrase(text, blanked, start, end)
    _refuse_glued(text, blanked, start, end)
    refuse_misspelt(text, blanked, start, end, words_end)


def _refuse_sign(text: str, blanked: str, start: int, end: int) -> None:
    """A sign of comparison among the words (``Tỷ lệ nợ xấu ＜ 3%``, ``(≤) 3%``)."""
    sign = _SIGNS.search(blanked, start, end)
    if sign is not None:
        raise TargetParseError(
            text,
            sign.start(),
            "a sign of comparison right before the number ('≤ 3%')",
            reason=f"{sign.group(0)!r} among the words before the number: read as a word, the "
            "comparison would be lost",
        )


def _refuse_split_phrase(text: str, blanked: str, start: int, end: int) -> None:
    """A phrase whose first word ends the words and a mark parts from the rest (``(thấp) hơn
    5%``, ``thấp - hơn 5%``: ``hơn`` alone would be read, the other way round)."""
    lower = blanked.lower()
    split = re.search(r"([^\W\d_]+)([\W_]*)$", blanked[start:end])
    rest = lower[end:]
    lead = rest[: len(rest) - len(re.sub(r"^[\W_]+", "", rest))]
    if split is not None and (split.group(2) + lead).strip():
        word = split.group(1).lower()
        joined = match_phrase(word + " " + rest[len(lead) :], 0)
        if joined is not None and joined.role in _MEANINGFUL and joined.end > len(word) + 1:
            raise TargetParseError(
                text,
                start + split.start(),
                "the phrase without marks inside it ('thấp hơn 5%')",
                reason=f"{joined.phrase!r} parted by a mark: read apart, its meaning would be "
                "lost or reversed",
            )


def _refuse_glued(text: str, blanked: str, start: int, end: int) -> None:
    """A phrase that a mark glued before it keeps in the subject (``Tỷ lệ nợ xấu •tối đa 3%``
    read as the level 3 %, ``Tỷ lệ hộ nghèo #giảm 2%`` as a level)."""
    lower = blanked.lower()
    for glued in _GLUED.finditer(blanked, start, end):
        named = glued.start() > 0 and blanked[glued.start() - 1].isalnum()
        if named and glued.group(0) in ("/", "."):  # "tăng/giảm", "TP.Hạ Long": one name
            continue
        found = match_phrase(lower, glued.end())
        if found is not None and found.role in _MEANINGFUL:
            raise TargetParseError(
                text,
                glued.start(),
                "the phrase apart from the mark before it ('• Tối đa 3%')",
                reason=f"{glued.group(0)!r} glued before {found.phrase!r}: read as a word of "
                "the subject, its meaning would be lost",
            )


def _refuse_phrase_at_the_end(text: str, blanked: str, start: int, end: int) -> None:
    """Refuse words before the number that end in a phrase a mark kept from it (``Tỷ lệ nợ xấu
    (tối đa) 3%``, ``… không quá... 3%``, ``… giảm# 2%``): read as a measure's name, the
    number would be a plain level and the phrase's meaning lost."""
    lower = blanked.lower()
    for word in re.finditer(r"(?<!\w)\w", lower[start:end]):
        found = match_phrase(lower, start + word.start())
        after = lower[found.end : end].strip(" :") if found is not None else "x"
        # a mark between, and nothing else: "mở rộng 98%", "gia tăng 40%" name the measure
        if (
            found is not None
            and found.role in _MEANINGFUL
            and after
            and not re.search(r"\w|[(\[{]", after)  # "tăng trưởng (%) 8": a unit after it
        ):
            raise TargetParseError(
                text,
                found.start,
                "the phrase right before the number ('tối đa 3%')",
                reason=f"{found.phrase!r} ends the words before the number, parted from it by "
                f"{after!r}: read as a name, its meaning would be lost",
            )


def read_prefix(text: str, blanked: str, end: int) -> tuple[list[Match], str | None]:
    """The phrases before the number, and the subject: words that are not phrases, followed by
    phrases that lead to the number (``tỷ lệ hộ nghèo giảm …``, ``mỗi xã có ít nhất …``)."""
    found, stop = read_phrases(blanked, 0, end)
    if stop is None:
        return found, None
    lower = blanked[:end].lower()
    # each word, after a mark glued to it: "(không dưới 95%)" reads "không dưới", not "dưới"
    words = [stop + w.start(1) for w in _WORD_START.finditer(blanked[stop:end])]
    named = match_phrase(lower, stop)  # "hạ tầng số …": a subject's words that hold a phrase's
    inside = named.end if named is not None and named.role == "noun" else stop
    for position in words[1 : _MAX_SUBJECT_WORDS + 1]:
        if any(ch.isdigit() or ch == ";" for ch in blanked[stop:position]):
            break  # a number or a second part in the subject: not a sentence the grammar reads
        if position < inside:
            continue
        leading = match_phrase(lower, position)
        if leading is not None and leading.role == "noun":
            inside = leading.end
            continue
        if leading is None or leading.role in ("after_ge", "after_le"):
            continue  # "hoạt động trở lại đạt 80%": words after a number are the subject's here
        previous = lower[:position].split()[-2:]
        if leading.role in _VERB_ROLES and links_a_noun(previous):
            continue  # "đóng góp của TFP vào tăng trưởng trên 55%": a verb inside the subject
        rest, rest_stop = read_phrases(blanked, position, end)
        if rest_stop is None and any(m.role in _ANCHOR_ROLES for m in rest):
            if after_number_words(lower, stop, position):
                break  # "trở lên", "mỗi năm" … belong to the target, not to its subject
            subject = _balanced(" ".join(blanked[stop:position].split()).strip(" ,:;./-–—"))
            _refuse_hidden(text, blanked, stop, position, end)
            refuse_lost_negation(text, stop, subject)  # "/không thấp hơn 50%": "thấp hơn"
            if rest[0].phrase.startswith("hơn"):  # "… giảm nhanh hơn 2%": faster than what?
                refuse_verb_in_a_name(text, stop, position)
            return found + rest, subject if any(ch.isalnum() for ch in subject) else None
    head = blanked[stop:end].strip()
    _refuse_hidden(text, blanked, stop, end, end)
    _refuse_phrase_at_the_end(text, blanked, stop, end)
    plain = not any(ch.isdigit() or ch == ";" for ch in head)
    label = head.endswith(":") and plain
    if label and not after_number_words(lower, stop, end):  # "Nông nghiệp: 20%"
        return found, " ".join(head[:-1].split()).strip(" ,:;./-–—") or None
    after = read_after(" " + blanked[end:], 0)  # "… 2 lần", "… 2% mỗi năm": no label's number
    labelled = not (after.per_year or after.points or after.times)
    if plain and labelled and _named_measure(head) and not after_number_words(lower, stop, end):
        refuse_verb_in_a_name(text, stop, end)  # "Tỷ lệ hộ nghèo giảm theo chuẩn mới 1,5%"
        return found, " ".join(head.split()).strip(" ,:;./-–—")  # "Tỷ lệ hộ … sạch 98%"
    grows = grows_named(text, blanked, found, (stop, end)) and not (after.points or after.times)
    if grows and _opens(blanked, found, found[0].end):  # "Tăng trưởng kinh tế 8%"
        return found, " ".join(head.split()).strip(" ,:;./-–—")
    raise TargetParseError(
        text,
        stop,
        EXPECTED_BEFORE,
        reason=f"unexpected words {blanked[stop:end].strip()!r}",
    )


def _named_measure(head: str) -> bool:
    """Whether ``head`` (the words before the number, no phrase leading to it) names a measure
    and ends in a word of its thing: a share or a count whose number follows it as a label's
    would (``Tỷ lệ hộ dân dùng nước sạch 98%``), not a word that would bound or qualify the
    number (``quá``, ``cỡ``, ``chỉ``, ``ước``): those the grammar does not read."""
    words = re.findall(r"\w+", head.casefold())  # "không/quá", "quá…": the words, not marks
    return (
        _MEASURE.match(head) is not None
        and len(words) <= _MAX_SUBJECT_WORDS
        and (ends_in_a_noun(head) or words[-1] not in _QUALIFIERS)
        and " ".join(words[-2:]) not in _QUALIFIERS
    )


def _opens(text: str, prefix: list[Match], at: int) -> bool:
    """Whether nothing but phrases stands before position ``at`` of ``text``."""
    covered = [False] * at
    mark = re.match(r"\s*(?:[a-zđ\d]{1,2}[.)]|[-+•])\s+", text[:at], re.IGNORECASE)
    for position in range(mark.end() if mark else 0):  # "a) Giảm …": a list mark opens nothing
        covered[position] = True
    for match in prefix:
        for position in range(match.start, min(match.end, at)):
            covered[position] = True
    return not any(ch.isalnum() and not covered[i] for i, ch in enumerate(text[:at]))


def _opens_before_verb(text: str, prefix: list[Match], at: int, verb_at: int) -> bool:
    """Whether the phrase ``prefix[at]`` opens the text (no word before it) and the verb
    follows it with no word between (``Bình quân tăng 9%``, ``Bình quân 5 năm tăng``, the years
    set aside); ``Bình quân thu nhập đầu người tăng 10%`` names its subject."""
    before = text[: prefix[at].start]
    between = text[prefix[at].end : prefix[verb_at].start]
    return at + 1 == verb_at and not re.search(r"[^\W\d_]", before) and not between.strip()


def verb_of(prefix: list[Match], text: str = "") -> Verb:
    """The verb of the phrases before the number (``text``: the text up to it).  A verb that
    opens the sentence (only phrases before it, no separator after it) and a filler after it
    (``đạt``, ``ở mức``) give ``opening``: the readings may take the filler as naming the level
    to reach (``Giảm tỷ lệ thất nghiệp đạt 2%``: ≤ 2%); after a subject, a verb and a filler
    may be the subject's words (``tỷ lệ xã … nâng cao đạt 50%``: linked)."""
    clause = max((c.end() for c in re.finditer(r"[,;:](?=[^,;:]*[^\W\d_])", text)), default=0)
    verbs = [m.start >= clause for m in prefix if m.role in _VERB_ROLES]
    if clause and True in verbs and False in verbs:  # "tăng, gấp 2 lần": the last clause's verb
        return verb_of([m for m in prefix if m.start >= clause], text)
    roles = [m.role for m in prefix]
    ways = [m for m in prefix if m.role in ("rise", "fall")]
    if len(ways) > 1 and names_change(text, ways[0], ways[1]):  # "Tăng trưởng … giảm"
        return replace(verb_of([m for m in prefix if m is not ways[0]], text), of_change=True)
    clash = next((m.phrase for m in ways[1:] if m.role != ways[0].role), None)
    to_level = next((m.phrase for m in prefix if m.role == "to_level"), None)
    operators = [m for m in prefix if m.role in OPERATOR_ROLES]
    if to_level is None and ways:
        # "xuống dưới", "còn dưới": an operator that names the level; "giảm dưới 5%" too
        said = [m for m in operators if _TO_LEVEL_WORDS.search(m.phrase)]
        to_level = said[0].phrase if said else None
    verb_at = next((i for i, m in enumerate(prefix) if m.role in _VERB_ROLES), None)
    fillers = (
        []
        if verb_at is None
        else [
            m
            for m in prefix[verb_at + 1 :]
            if m.role == "filler" and m.phrase.lower() not in _AUXILIARIES
        ]
    )
    opens = verb_at is not None and text and _opens(text, prefix, prefix[verb_at].start)
    # a clause after the separator, not only the number ("Tỷ lệ hộ nghèo giảm, 2%": the verb's)
    after = text[prefix[verb_at].end :] if verb_at is not None else ""
    ended = verb_at is not None and bool(re.search(r"[,;:].*[^\W\d_]", after))
    opens = opens and not ended  # "Cắt giảm thủ tục, tỷ lệ … đạt 98%": the verb's clause ended
    linked = bool(fillers)
    # before the verb, "bình quân" names the subject ("năng suất lao động bình quân tăng 40%")
    # unless no word stands before it ("Bình quân tăng 9%"); "mỗi năm", "bình quân hằng năm"
    # say a yearly average wherever they stand
    per_year = any(
        m.role == "per_year"
        and (
            verb_at is None
            or i > verb_at
            or "năm" in m.phrase
            or "đoạn" in m.phrase
            or (_opens_before_verb(text, prefix, i, verb_at))
        )
        for i, m in enumerate(prefix)
    )
    after_verb = prefix[prefix.index(ways[0]) + 1 :] if ways else []
    lone = len(after_verb) == 1 and after_verb[0].role == "range"  # "giảm đến dưới 2%": a level
    up_to = after_verb[0].phrase if lone else None
    return Verb(
        way=ways[0].role if ways else None,
        phrase=ways[0].phrase if ways else None,
        multiple="multiple" in roles,
        per_year=per_year,
        to_level=to_level,
        maintain="maintain" in roles,
        linked=linked,
        opening=fillers[0].phrase if opens and fillers and ways else None,
        clause_ended=ended,
        clause_qualified=ended and only_qualifiers(after),
        clash=clash,
        up_to=up_to,
    )
