"""Phrases of the grammar written with their marks missing, misplaced or parted by a mark.

A comparator or a verb that the grammar does not recognise is read as a word of the subject,
and the number after it as a plain level: ``Tỷ lệ nợ xấu khong qua 3%`` (``không quá``
without its marks) would be the level 3 %, ``Tỷ lệ nợ xấu thâp hơn 3%`` (``thấp`` without its
tone) would read ``hơn`` alone, more than 3 %.  Such a spelling is refused by name where it
ends the words before the number (only fillers such as ``đạt``, ``mức`` after it) or begins
the words after it (``5% tro xuong``), since only there would its meaning be lost:

* a syllable **without some of its marks** (``khong``, ``thâp``, ``duới``): its letters are the
  phrase's, its vowels shaped as the phrase's or less, and no tone the phrase does not have;
* a syllable with its tone **on another vowel** (``qúa``, ``khỏang``: the old placement, or a
  slip), or with the tones hỏi and ngã mixed up (``giãm``); in a phrase of several syllables,
  any other tone (``thẩp hơn``: the other syllables tell the phrase);
* the syllables of a phrase **parted by a mark** (``tối ◦ đa``, ``xấp - xỉ``);
* a phrase of several syllables **glued to the word after it** (``không ít hơnbình quân``),
  anywhere in the subject: read as a word, its meaning would be lost (letters without a vowel
  after it end a longer syllable: ``tối thiểu làm việc``).

One syllable with another tone or another vowel is another word (``giám sát``, ``bảo tàng``,
``tầng``), and so is a spelling that is a word of its own (:data:`_WORDS`: ``vốn đầu tư``,
``sinh con``, ``(ha)``, ``tạm giam``), alone or after ``không`` (``gia đình không con``), except
right after a comparator or a verb (``tăng len 70%``); a verb of change so spelt is a word only
after the word that makes it one (``tạm giam``, ``đám tang``, ``u nang``: ``Tỷ lệ hộ nghèo giam
2%`` is refused).  A word in capitals among words that are not is an acronym (``GAP``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from kh922core._targets.scanner import match_phrase, phrases_of, read_phrases
from kh922core.errors import TargetParseError

__all__ = ["refuse_misspelt", "refuse_misspelt_after"]

#: The roles of the phrases whose meaning a subject cannot hold.
_ROLES = (
    *("ge", "gt", "le", "lt", "approx", "from", "maintain", "range"),
    *("rise", "fall", "multiple", "to_level", "zero"),
)
#: The roles of the phrases that may follow the number, and those whose meaning a note cannot
#: hold (``5% trở xuống``, ``giảm 2% mỗi năm``, ``3% tối đa``).
_AFTER_ROLES = (*_ROLES, "after_ge", "after_le", "per_year")
#: Vietnamese tone marks (combining); the other marks shape a vowel (â, ă, ơ, ư) or make đ.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Words spelt as a one-syllable phrase without (some of) its marks that are words of their
#: own, and may end a measure's name: never refused.
_WORDS = frozenset(
    {"con", "tư", "tu", "tù", "gan", "gân", "băng", "bang", "khoang", "len", "ha", "tơi", "đen"}
    | {"giam", "tang", "nang", "lai"}  # "tạm giam", "việc tang", "u nang", "con lai"
)
#: Words of their own spelt as a verb of change without its marks, and the words before them
#: that make them so (``tạm giam``, ``đám tang``, ``u nang``); without one, the verb is refused
#: (``Tỷ lệ che phủ rừng tang 2%`` would be the level 2 %).
_PARTNERS = {
    "giam": frozenset({"tạm", "trại", "bị", "nhà", "buồng", "phòng", "biệt"}),
    "tang": frozenset({"đám", "lễ", "việc", "để", "nhà", "chịu", "nghĩa"}),
    "nang": frozenset({"u", "túi", "viên", "bào", "nang"}),
}
#: Fillers after which the level follows, never a noun (``đạt khoang 30%``).
_LEVEL_FILLERS = frozenset({"đạt", "đạt mức", "ở mức", "mức", "phấn đấu đạt", "đạt được"})
#: The words beside which a word of its own stays one (``gia đình không con``).
_NEGATIONS = frozenset({"không"})
#: The tones hỏi and ngã, which writers mix up most.
_ASKING_AND_TUMBLING = {"\u0309", "\u0303"}
#: A run of letters: one syllable.
_SYLLABLE = re.compile(r"[^\W\d_]+")
#: A phrase of words: syllables, with spaces, a comma, a dash or a slash between them.
_WORDY = re.compile(r"[^\W\d_]+(?:[\s,\-/]+[^\W\d_]+)*")
#: The most syllables a phrase of the table has that this module looks at.
_LONGEST = 6


def _parts(syllable: str) -> tuple[str, frozenset[tuple[int, str]], str | None]:
    """A syllable's letters without marks, its shaping marks (with the letter they sit on), and
    its tone."""
    letters: list[str] = []
    shapes: set[tuple[int, str]] = set()
    tone: str | None = None
    for char in unicodedata.normalize("NFD", syllable.lower()):
        if unicodedata.combining(char):
            if char in _TONES:
                tone = char
            else:
                shapes.add((len(letters) - 1, char))
        elif char == "đ":
            shapes.add((len(letters), "đ"))
            letters.append("d")
        else:
            letters.append(char)
    return "".join(letters), frozenset(shapes), tone


def _misspelt(written: str, proper: str, *, alone: bool) -> bool:
    """Whether ``written`` is ``proper`` with marks missing, its tone on another vowel, or the
    tones hỏi and ngã mixed up (``giãm``); in a phrase of several syllables (not ``alone``),
    any other tone too (``thẩp hơn``: the other syllables tell the phrase)."""
    if written.lower() == proper:
        return False
    letters, shapes, tone = _parts(written)
    own_letters, own_shapes, own_tone = _parts(proper)
    if letters != own_letters or not shapes <= own_shapes:
        return False
    return not alone or tone in (None, own_tone) or {tone, own_tone} == _ASKING_AND_TUMBLING


@lru_cache(maxsize=8)
def _phrases(table: tuple[str, ...]) -> dict[str, list[tuple[list[str], list[str]]]]:
    """The phrases of ``table`` made of words, by the skeleton of their first syllable: each
    as its syllables and what stands between them."""
    found: dict[str, list[tuple[list[str], list[str]]]] = {}
    for phrase in table:
        syllables = _SYLLABLE.findall(phrase)
        if len(syllables) > _LONGEST or not _WORDY.fullmatch(phrase):
            continue  # a sign (">="), or a phrase longer than any slip looked for
        between = [gap.strip() for gap in _SYLLABLE.split(phrase)[1:-1]]
        found.setdefault(_parts(syllables[0])[0], []).append((syllables, between))
    return found


@lru_cache(maxsize=1)
def _glued() -> re.Pattern[str]:
    """A phrase of several syllables glued to letters after it (``ít hơnbình``)."""
    several = sorted((p for p in phrases_of(*_ROLES) if " " in p and p[:1].isalpha()), key=len)
    words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in reversed(several))
    return re.compile(rf"(?<!\w)(?:{words})(?=[^\W\d_])", re.IGNORECASE)


def _a_syllable(glued: re.Match[str]) -> bool:
    """Whether the letters glued after a phrase hold a vowel: a syllable of their own
    (``hơnbình``), not the end of a longer one (``tối thiểu là`` + ``m``: ``làm``)."""
    run = re.match(r"[^\W\d_]+", glued.string[glued.end() :])
    letters = unicodedata.normalize("NFD", run.group(0).casefold()) if run else ""
    return any(ch in "aeiouy" for ch in letters)


def refuse_misspelt(text: str, blanked: str, start: int, end: int, words_end: int) -> None:
    """Refuse the subject ``blanked[start:end]`` where a phrase misspelt or parted by a mark
    ends it (reading on to ``words_end``, where the words before the number end)."""
    glued = next((m for m in _glued().finditer(blanked, start, end) if _a_syllable(m)), None)
    if glued is not None:
        raise TargetParseError(
            text,
            glued.start(),
            f"a space after {glued.group(0)!r}",
            reason=f"{glued.group(0)!r} glued to the word after it: read as a word, its meaning "
            "would be lost",
        )
    runs = list(_SYLLABLE.finditer(blanked, start, words_end))
    inside = [n for n, run in enumerate(runs) if run.start() < end]
    if not inside:
        return
    last = inside[-1]
    table = _phrases(phrases_of(*_ROLES))
    for first in range(max(0, last - _LONGEST - 1), last + 1):
        for syllables, between in table.get(_parts(runs[first].group(0))[0], []):
            taken = runs[first : first + len(syllables)]
            if len(taken) < len(syllables):
                continue
            # the phrase ends the subject, or only fillers stand between it and the subject's end
            if taken[-1].end() < end and not _only_fillers(blanked, taken[-1].end(), end):
                continue
            _refuse_one(text, blanked, taken, syllables, between)


def refuse_misspelt_after(text: str, start: int) -> None:
    """Refuse the words after the number (from ``start``, past its unit) where they begin with
    a phrase misspelt or parted by a mark (``Tỷ lệ nợ xấu 5% tro xuong``, ``giảm 2% mổi
    năm``): read as a note, its meaning would be lost."""
    runs = list(_SYLLABLE.finditer(text, start))
    if not runs:
        return
    for syllables, between in _phrases(phrases_of(*_AFTER_ROLES)).get(
        _parts(runs[0].group(0))[0], []
    ):
        taken = runs[: len(syllables)]
        if len(taken) == len(syllables):
            _refuse_one(text, text, taken, syllables, between, after=True)


def _only_fillers(blanked: str, start: int, end: int) -> bool:
    """Whether ``blanked[start:end]`` holds only fillers (``đạt``, ``mức``) and marks."""
    words = re.sub(r"[^\w\s]|_", " ", blanked[:end])
    found, stop = read_phrases(words, start, end)
    return stop is None and all(match.role == "filler" for match in found)


def _refuse_one(
    text: str,
    blanked: str,
    taken: list[re.Match[str]],
    syllables: list[str],
    between: list[str],
    *,
    after: bool = False,
) -> None:
    """Refuse the syllables ``taken`` where they spell the phrase ``syllables`` with a slip
    (``after`` the number: a word of its own stays one, a unit as ``ha`` may follow a phrase)."""
    written = [run.group(0) for run in taken]
    if not all(_parts(w)[0] == _parts(s)[0] for w, s in zip(written, syllables, strict=True)):
        return
    alone = len(syllables) == 1
    pairs = list(zip(written, syllables, strict=True))
    if not all(w.lower() == s or _misspelt(w, s, alone=alone) for w, s in pairs):
        return
    spans = [blanked[a.end() : b.start()] for a, b in pairwise(taken)]
    if any(len(span) > 2 and not span.strip() for span in spans):
        return  # words a blanked qualifier left apart ("con thứ 3 trở lên dưới"): no phrase
    gaps = [span.strip() for span in spans]
    parted = gaps != between
    slips = [w for w, s in zip(written, syllables, strict=True) if w.lower() != s]
    if (not parted and not slips) or (after and parted):  # a note's marks are its own
        return
    read = match_phrase(blanked.lower(), taken[0].start())  # "hàng năm", "đạt - vượt"
    if read is not None and read.end >= taken[-1].end():
        return
    # "GAP", a word in capitals beside words that are not; not "NHO HON" (a phrase of several)
    acronym = alone and written[0].isupper() and len(written[0]) > 1 and not text.isupper()
    # words of their own, alone or after a negation ("tạm giam", "con lai", "không con"); not
    # after a verb ("tăng len 70%"), nor beside the right words of the phrase ("hơn hoặc bang")
    kept = {w.lower() for w in written if w not in slips}
    words = all(w.lower() in _WORDS for w in slips) and (after or kept <= _NEGATIONS)
    words = words and (after or _partnered(blanked, taken[0]))
    if not parted and (acronym or (words and (after or not _after_phrase(blanked, taken[0])))):
        return
    phrase = " ".join(syllables) if not any(between) else _joined(syllables, between)
    shown = blanked[taken[0].start() : taken[-1].end()]
    how = "parted by a mark" if parted and not slips else "with its marks missing or misplaced"
    raise TargetParseError(
        text,
        taken[0].start(),
        f"the phrase written as the grammar knows it ({phrase!r})",
        reason=f"{shown!r} looks like {phrase!r} {how}: read as words of the subject, its "
        "meaning would be lost",
    )


def _partnered(blanked: str, first: re.Match[str]) -> bool:
    """Whether the syllable ``first``, where it spells a verb of change without its marks, has
    before it a word that makes it a word of its own (``tạm giam``), or is a name's (``xã Tà
    Nang``); every other word passes."""
    partners = _PARTNERS.get(first.group(0).lower())
    before = blanked[: first.start()].split()
    named = first.group(0)[0].isupper() and bool(before) and before[-1][:1].isupper()
    return partners is None or named or (bool(before) and before[-1].lower() in partners)


def _after_phrase(blanked: str, first: re.Match[str]) -> bool:
    """Whether a comparator, a verb or a filler that names the level of the grammar ends right
    before the syllable ``first``, where no measure's name ends (``tăng len 70%``, ``giảm con
    3%``, ``đạt khoang 30%``; not ``có``: ``Số hộ có con 500``)."""
    before = blanked[: first.start()].rstrip().lower()
    last = list(re.finditer(r"\S+", before))[-1:]
    if last and last[0].group(0) in _PARTNERS and not _partnered(before, last[0]):
        return True  # a verb without its marks: "giam con 2%"
    starts = [word.start() for word in re.finditer(r"\S+", before)][-_LONGEST:]
    roles = frozenset({*_AFTER_ROLES, "filler"})
    return any(
        (found := match_phrase(before, start, roles)) is not None
        and found.end == len(before)
        and (found.role != "filler" or found.phrase in _LEVEL_FILLERS)
        for start in starts
    )


def _joined(syllables: list[str], between: list[str]) -> str:
    parts = [syllables[0]]
    for gap, syllable in zip(between, syllables[1:], strict=True):
        parts.append(f"{gap} {syllable}" if gap else f" {syllable}")
    return "".join(parts)
