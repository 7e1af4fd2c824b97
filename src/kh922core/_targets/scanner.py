"""The scanner under the target grammar: phrases, dating years, parts, units and numbers.

It reads the pieces of a target text that :mod:`kh922core._targets.grammar` puts together:

* the phrase table (``data/target_phrases.txt`` and any added layers, see
  :mod:`kh922core._targets.wording`): operators, ``khoảng``, ``nhóm``, fillers, each
  with its role, matched longest first;
* the years that only date a sentence (``đến năm 2030``), blanked out before numbers are read;
* the parts of a cell that holds several targets;
* the unit after a number (the longest prefix that :func:`parse_unit` knows) and the note;
* the numbers themselves (Vietnamese formats, see :mod:`kh922core._targets.numbers`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from kh922core._targets.denominators import DENOMINATOR_DIGITS, PER_WRITTEN
from kh922core._targets.name_noun_context import named_noun_at
from kh922core._targets.numbers import parse_number
from kh922core._targets.opening_verbs import leads_to_number, opens_text
from kh922core._targets.tone_placement import other_placement
from kh922core._targets.units import parse_unit
from kh922core._targets.wording import Layer, on_change, phrase_layers, register_check
from kh922core.errors import NumberFormatError, TargetParseError, UnknownUnitError, WordingError

__all__ = [
    "YEARS",
    "Match",
    "blank",
    "closed_note",
    "ends_with_phrase",
    "manner_words",
    "match_phrase",
    "number_at",
    "phrase_texts",
    "read_phrases",
    "read_unit",
    "unwrapped_note",
]

_ROLES = frozenset(
    {"ge", "gt", "le", "lt", "eq", "approx", "rank", "from", "maintain", "filler", "noun"}
    | {"after_ge", "after_le", "range"}
    | {"rise", "fall", "multiple", "per_year", "to_level", "zero", "manner", "action"}
)
#: Verbs of change that also name a change, which no word of manner extends (``Tỷ lệ doanh
#: nghiệp tăng trưởng nhanh 10%``: the share of fast-growing firms).
_NAMING_VERBS = frozenset({"tăng trưởng", "mức tăng trưởng"})
YEARS = re.compile(
    r"(?:\bchậm\s+nhất\s+(?:là\s+)?)?"
    r"(?:\b(?:đến\s+hết|đến|tới|vào|trong|từ|cuối|đầu|giữa|sau|trước|hết|chậm\s+nhất)\s+)?"
    r"\bnăm\s+\d{4}(?:\s*[-–]\s*\d{4})?\b"
    r"|(?<!bình\squân\s)(?<!trung\sbình\s)(?:\btrong\s+)?\bgiai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}\b"
    r"|(?<=giai\sđoạn\s)\d{4}\s*[-–]\s*\d{4}\b"  # "bình quân giai đoạn …": the phrase stays
    r"|(?<!\d\s)(?<!\d)\b(?:đến|tới|vào)\s+(?:(?:cuối|hết)\s+)?(?:19|20)\d{2}\b(?!\s*[%,.]?\d)"
    r"|^\s*(?:19|20)\d{2}(?=\s*:)",  # "2030: 90%": the year's label, as "Năm 2030: 90%"
    re.IGNORECASE,
)
#: The most words a unit text has (``người trên một vạn dân`` has five; expressions a few more).
_MAX_UNIT_WORDS = 12
_TRAILING_PUNCTUATION = ".;:,"
#: What opens the next part of a cell at the end of a note ("95% (trong đó …"), with the spaces
#: and punctuation around it.
_OPENING_END = re.compile(r"[\s([{“‘«.;:,]+$")
#: What closes a bracket or a quote opened before the number (not part of the unit after it).
_CLOSING = {")": "(", "]": "[", "}": "{", "”": "“", "’": "‘", "»": "«", '"': '"', "'": "'"}
#: Spaces and punctuation at either end of the words after a number ("ả ô. ;" is "ả ô").
#: Words that are only a scale (a number): pint reads them as a unit, a plan never means one.
_SCALE_ONLY = re.compile(r"[\d.,eE+\-*/()\s]+")
_EDGE_PUNCTUATION = re.compile(r"^[\s.;:,]+|[\s.;:,]+$")


@dataclass(frozen=True, slots=True)
class _Phrase:
    role: str
    phrase: str
    wordlike: bool


@dataclass(frozen=True, slots=True)
class Match:
    role: str
    phrase: str
    start: int
    end: int


def _read_layer(layer: Layer) -> list[_Phrase]:
    table: list[_Phrase] = []
    for number, raw in enumerate(layer.text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        role, _, phrase = line.partition(" ")
        phrase = unicodedata.normalize("NFC", phrase.strip()).lower()
        if role not in _ROLES or not phrase:
            roles = ", ".join(sorted(_ROLES))
            raise WordingError(
                f"{layer.name}:{number}: expected 'ROLE  PHRASE' with a ROLE among {roles}, "
                f"got {raw.strip()!r}"
            )
        table.append(_Phrase(role, phrase, phrase[-1].isalnum()))
    return table


def _check_layers(layers: tuple[Layer, ...]) -> int:
    """Read every layer (raising on a bad line); how many phrases the last one adds."""
    known = {p.phrase: (p.role, layer.name) for layer in layers[:-1] for p in _read_layer(layer)}
    added = {(p.role, p.phrase) for p in _read_layer(layers[-1])}
    for role, phrase in sorted(added):
        if phrase in known and known[phrase][0] != role:
            other, where = known[phrase]
            raise WordingError(
                f"{layers[-1].name}: the phrase {phrase!r} is {role!r} here but {other!r} in "
                f"{where}; a layer may add phrases, not change what one means"
            )
    return len({(role, phrase) for role, phrase in added if phrase not in known})


@lru_cache(maxsize=1)
def _table() -> tuple[_Phrase, ...]:
    """The phrase table (shipped, then added layers), longest phrase first; a phrase with an
    open syllable in ``oa``, ``oe``, ``uy`` also with its tone on the other vowel."""
    table = [phrase for layer in phrase_layers() for phrase in _read_layer(layer)]
    table += [
        _Phrase(p.role, other, p.wordlike)
        for p in table
        if (other := other_placement(p.phrase)) != p.phrase
    ]
    table.sort(key=lambda p: -len(p.phrase))
    return tuple(table)


@lru_cache(maxsize=1)
def _phrases() -> tuple[_Phrase, ...]:
    """The phrases read wherever they stand (every role but ``manner``)."""
    return tuple(p for p in _table() if p.role != "manner")


@lru_cache(maxsize=1)
def manner_words() -> tuple[str, ...]:
    """The words of manner (``bền vững``, ``nhanh`` …), read only right after a verb of change,
    longest first."""
    return tuple(p.phrase for p in _table() if p.role == "manner")


_JOINED = re.compile(r"\s*(?:(?:và|,)\s*)?")
_COMPARATIVE = re.compile(r"\s+hơn(?!\w)")


def _manner_at(lower: str, position: int) -> int | None:
    """Where a word of manner (and ``và``/``,`` before another) starting at ``position`` ends,
    unless a comparative follows it (``nhanh hơn``); ``None`` when none starts there."""
    end = None
    at = position
    while True:
        start = _JOINED.match(lower, at).end() if end is not None else at  # type: ignore[union-attr]
        found = next(
            (
                start + len(word)
                for word in manner_words()
                if lower.startswith(word, start)
                and not lower[start + len(word) : start + len(word) + 1].isalnum()
            ),
            None,
        )
        if found is None:
            break
        end = at = found
    if end is not None and _COMPARATIVE.match(lower, end):
        return None
    return end


for _cached in (_table, _phrases, manner_words):
    on_change(_cached.cache_clear)
register_check("phrases", _check_layers)


def phrase_texts() -> tuple[str, ...]:
    """Every phrase of the table (shipped and added layers), longest first."""
    return tuple(entry.phrase for entry in _phrases())


def phrases_of(*roles: str) -> tuple[str, ...]:
    """The phrases of the table (shipped and added layers) with one of ``roles``, longest
    first."""
    return tuple(entry.phrase for entry in _phrases() if entry.role in roles)


def ends_with_phrase(lower: str, position: int) -> bool:
    """Whether a phrase of the table ends at ``position`` of ``lower`` and starts a word."""
    for entry in _phrases():
        start = position - len(entry.phrase)
        starts_word = start == 0 or (start > 0 and not lower[start - 1].isalnum())
        if starts_word and lower.startswith(entry.phrase, start):
            return True
    return False


@lru_cache(maxsize=4096)
def _spaced(phrase: str) -> re.Pattern[str]:
    """A phrase of several words, any run of white space between them (``tối  thiểu``: text
    copied from a justified Word paragraph, or with a tab or no-break space), and before a
    comma in it."""
    words = phrase.split(" ")
    pattern = re.escape(words[0]).replace(",", r"\s*,")
    for before, word in pairwise(words):  # "đạt , vượt", "đạt ,vượt": spaces around a comma
        pattern += (r"\s*" if before.endswith(",") else r"\s+") + re.escape(word).replace(
            ",", r"\s*,"
        )
    return re.compile(pattern)


def match_phrase(lower: str, position: int, roles: frozenset[str] | None = None) -> Match | None:
    found = _match_table(lower, position, roles)
    named = named_noun_at(lower, position) if roles is None or "noun" in roles else None
    if named is None or (found is not None and found.end >= named[1]):
        return found
    return Match("noun", named[0], position, named[1])  # "sống tối thiểu": the row's name


def _match_table(
    lower: str, position: int, roles: frozenset[str] | None, checked: bool = True
) -> Match | None:
    """The longest phrase at ``position`` (of ``roles``); a verb of doing only where it opens
    the text and leads to the number (``checked``; unchecked: wherever it stands)."""
    for entry in _phrases():
        role = "filler" if entry.role == "action" else entry.role
        if roles is not None and role not in roles:
            continue
        end = position + len(entry.phrase)
        if not lower.startswith(entry.phrase, position):
            head = entry.phrase.split(" ", 1)[0].rstrip(",")
            if head == entry.phrase or not lower.startswith(head, position):
                continue
            spaced = _spaced(entry.phrase).match(lower, position)
            if spaced is None:
                continue
            end = spaced.end()
        if entry.wordlike and end < len(lower) and lower[end].isalnum():
            continue
        if entry.role == "action" and checked and not _opening(lower, position, end):
            continue  # "Xây dựng 5 mô hình"; not "công nghiệp - xây dựng chiếm 35%"
        if entry.role in ("rise", "fall") and entry.phrase not in _NAMING_VERBS:
            manner = _manner_at(lower, end + 1) if lower[end : end + 1].isspace() else None
            end = manner if manner is not None else end  # "giảm bền vững": the verb's words
        return Match(role, entry.phrase, position, end)
    return None


def _opening(lower: str, position: int, end: int) -> bool:
    """Whether a verb of doing from ``position`` to ``end`` opens the text and leads to the
    number (:mod:`kh922core._targets.opening_verbs`)."""

    def unchecked(text: str, at: int) -> Match | None:
        return _match_table(text, at, None, checked=False)

    return opens_text(lower, position, unchecked) and leads_to_number(lower, end, unchecked)


#: What may stand between phrases, or before one glued to its first word (``"Không dưới 90%"``,
#: ``(không dưới 95%)``): never part of a phrase, never read past a word.
_BETWEEN_PHRASES = frozenset(",:\"“”„'‘’«»([{*")


def read_phrases(text: str, start: int, end: int) -> tuple[list[Match], int | None]:
    """Read ``text[start:end]`` as a run of phrases; return them and where reading stopped."""
    lower = text[:end].lower()  # once: slicing at every step made long texts quadratic
    found: list[Match] = []
    position = start
    while position < end:
        if text[position].isspace() or text[position] in _BETWEEN_PHRASES:
            position += 1
            continue
        match = match_phrase(lower, position)
        if match is None or match.role == "noun":  # "hạ tầng số": words of a subject
            return found, position
        found.append(match)
        position = match.end
    return found, None


def blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def read_unit(text: str, start: int, end: int) -> tuple[str | None, str | None, int | None]:
    """Split ``text[start:end]`` into a unit (longest known prefix) and a note.

    Returns the unit text, the note, and the position of a stray digit (or ``None``).
    """
    rest = text[start:end]
    stripped = _EDGE_PUNCTUATION.sub("", rest)
    if not stripped:
        return None, None, None
    offset = start + rest.index(stripped)
    masked = DENOMINATOR_DIGITS.sub(lambda m: "/" + " " * (len(m.group(0)) - 1), stripped)
    masked = PER_WRITTEN.sub(lambda m: " " * len(m.group(0)), masked)  # after the number
    # digits of a per unit's denominator may stand inside a unit, never in a note
    # (a digit glued after a letter is the unit's own: "m³", "km2")
    digit = next(
        (i for i, ch in enumerate(masked) if ch.isdigit() and not (i and masked[i - 1].isalpha())),
        None,
    )
    raw_digit = next((i for i, ch in enumerate(stripped) if ch.isdigit()), None)
    # A word and a bracket glued to it are two tokens: "tấn(ước)" is the unit "tấn" and a note.
    tokens = list(re.finditer(r"[^\W\d_]+(?=\([^\s()]*\))|\S+", stripped))
    # A unit is a few words: only the first ones are tried, so that a long note costs linear time.
    for count in range(min(len(tokens), _MAX_UNIT_WORDS), 0, -1):
        candidate = stripped[: tokens[count - 1].end()].rstrip(_TRAILING_PUNCTUATION)
        if digit is not None and digit < len(candidate) and count > 1:
            continue
        if _SCALE_ONLY.fullmatch(candidate):
            continue  # a number after the number is a stray number, never its unit ("3 .8")
        try:
            parse_unit(candidate)
        except UnknownUnitError:
            # "(… 1.200.000 tấn)": a bracket or a quote that closes what began before the number
            closed = _closed(candidate, text[:start])
            if closed == candidate or not closed:
                continue
            try:
                parse_unit(closed)
            except UnknownUnitError:
                continue
            candidate = closed
        after = _EDGE_PUNCTUATION.sub("", stripped[tokens[count - 1].end() :])
        # "95% (trong đó …": what the cell opens next is not this part's note
        note = closed_note(after)
        if note is not None and any(ch.isdigit() for ch in note):
            end = tokens[count - 1].end()
            return (
                None,
                None,
                offset + end + next(i for i, ch in enumerate(stripped[end:]) if ch.isdigit()),
            )
        return " ".join(candidate.split()), note, None
    if raw_digit is not None:
        return None, None, offset + raw_digit
    return None, closed_note(" ".join(stripped.split())), None


def _closed(candidate: str, before: str) -> str:
    """``candidate`` without the brackets and quotes at its end that close one opened in
    ``before`` (the text before the number), and the punctuation and spaces around them."""
    while True:
        trimmed = candidate.rstrip(_TRAILING_PUNCTUATION + " \t\n\r\u00a0")
        last = trimmed[-1:]
        if last not in _CLOSING or _CLOSING[last] not in before:
            return trimmed
        candidate = trimmed[:-1]


def closed_note(note: str | None) -> str | None:
    """A note without what opens the next part of its cell at its end (``95% (trong đó …``
    leaves ``(``), and without the parentheses a rendered target puts around it; its white
    space one space (what the grammar set aside leaves none: ``theo Nghị quyết số 57``), and
    no separator it starts with (``vụ việc\n, …``: as the rendered ``vụ việc , …`` reads)."""
    spaced = " ".join((note or "").split()).lstrip(",; ")
    return unwrapped_note(_OPENING_END.sub("", spaced) or None)


def unwrapped_note(note: str | None) -> str | None:
    """A note without the parentheses a rendered target puts around it (``(GRDP)``)."""
    if note is None or not (note.startswith("(") and note.endswith(")")):
        return note
    depth = 0
    for place, char in enumerate(note):  # the first bracket closes at the end, not before
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth <= 0 and place < len(note) - 1:
            return note  # "(a) và (b)"
    if depth != 0:
        return note  # "((x)": unbalanced
    return note[1:-1].strip() or None


def number_at(text: str, match: re.Match[str]) -> float:
    token = match.group(0)
    if " " in token and text[match.end() :].lstrip().startswith("%"):
        raise TargetParseError(  # "đạt 95 100%": 95100 %, or two numbers?
            text,
            match.start(),
            "a percentage written without spaces in its digits",
            reason=f"{token!r} before '%': thousands written with a space, or two numbers?",
        )
    try:
        value = parse_number(token)
    except NumberFormatError as error:
        raise TargetParseError(
            text,
            match.start(),
            "a number such as '55', '0,7', '12.000' or '6.388,3'",
            reason=str(error),
        ) from None
    if not math.isfinite(value) or (value == 0 and any(ch in "123456789" for ch in token)):
        raise TargetParseError(
            text,
            match.start(),
            "a number a computer can hold (about 15 significant digits, not beyond 10^308)",
            reason=f"the number {token[:40]!r}{'…' if len(token) > 40 else ''} is out of range",
        )
    return value
