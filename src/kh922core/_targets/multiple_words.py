"""Words around a multiple (``gấp 2 lần …``) that would name another level, or that its
reading would drop: a multiple of another entity (``gấp 1,5 lần bình quân cả nước``, ``gấp 2
lần Hà Nội``), a comparison before it with no verb of change (``thấp hơn 3 lần``: a third, or
three times less?), and words in brackets its render could not place.

After ``lần`` the library reads a base of the series' own (``so với năm 2020``, ``năm 2020``,
``mức năm 2025``), words of when or how (``trở lên``, ``vào năm 2030``), or nothing.
"""

from __future__ import annotations

import re

from kh922core._targets.scanner import match_phrase
from kh922core._targets.verbs import Verb
from kh922core.errors import TargetParseError

__all__ = ["refuse_multiple_words"]

#: Words after a multiple that name another entity's level as its base ("gấp 1,5 lần bình
#: quân cả nước"): not the series' own base, which the library measures from.
_OTHER_ENTITY = re.compile(
    r"\b(?:bình\s+quân|trung\s+bình|mức)\s+(?:chung\s+)?(?:của\s+)?(?:cả\s+nước|toàn\s+quốc"
    r"|vùng|khu\s+vực)\b|\bcả\s+nước\b|\btoàn\s+quốc\b",
    re.IGNORECASE,
)
#: "thấp hơn 3 lần", "cao hơn 2 lần": a comparison before a multiple with no verb of change.
_COMPARED_TIMES = re.compile(
    r"(?<!\w)(?:thấp|ít|nhỏ|bé|cao|lớn|nhiều|kém)\s+hơn\s+\d[\d.,]*\s*(?:[-–]\s*\d[\d.,]*\s*)?lần\b",
    re.IGNORECASE,
)
#: "lần" after a number: what follows names the level it is a multiple of, if anything.
_AFTER_TIMES = re.compile(r"\d\s*(?:[-–]\s*\d[\d.,]*\s*)?lần\b", re.IGNORECASE)
#: "gấp 2", "gấp khoảng 1,5": a multiple's number, "lần" after it or not.
_MULTIPLE_NUMBER = re.compile(
    r"gấp\s+(?:(?:khoảng|hơn|trên|ít\s+nhất|tối\s+thiểu|xấp\s+xỉ|gần|~|≥|>)\s*)*"
    r"\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?(?:\s*lần\b)?",
    re.IGNORECASE,
)
#: What may follow "lần" when the base is the series' own: nothing, a base (``so với …``,
#: ``năm 2020``, ``hiện nay``), words of when or of how (``trở lên``, ``mỗi năm``, ``vào
#: năm 2030``), a bracket or a separator.
_OWN_BASE_AFTER_TIMES = re.compile(
    r"\s*(?:$|[,;.:)(/–-]|(?:so|năm|trở|mỗi|hằng|hàng|trong|vào|đến|tới|hiện|đầu|kỳ|sau|cuối|"
    r"giai|thời|nhiệm|trước|lúc|khi|cùng|(?:mức|kết\s+quả|giá\s+trị|quy\s+mô)"
    r"(?:\s+(?:bình\s+quân|thực\s+hiện|của))*\s*(?:$|năm|[,;.)(])|trở\s+lên)\b)",
    re.IGNORECASE,
)
#: Words that can lead a sentence as its subject: letters, spaces, brackets, "/", "&", "-".
_SUBJECT_WORDS = re.compile(r"[^\W\d_][^\W\d_\s()/&-]*(?:[\s()/&-]+[^\W\d_]+)*\)?")


def _has_phrase(words: str) -> bool:
    """Whether ``words`` hold a phrase of the grammar (an operator, a verb, a filler …)."""
    lower = words.lower()
    return any(match_phrase(lower, w.start()) is not None for w in re.finditer(r"\w+", lower))


def refuse_multiple_words(text: str, note: str, verb: Verb) -> None:
    """Refuse the words of a multiple's ``text`` (its ``note``, its ``verb``) that name another
    level or that its reading would drop (see the module's docstring)."""
    other = _OTHER_ENTITY.search(text)
    if other is not None:
        raise TargetParseError(
            text,
            other.start(),
            "a multiple of the series' own base ('gấp 2 lần so với năm 2020')",
            reason=f"a multiple of another level ({other.group(0)!r}) is not a target the "
            "library measures",
        )
    compared = _COMPARED_TIMES.search(text)
    if compared is not None and not verb.multiple and verb.way is None:
        raise TargetParseError(
            text,
            compared.start(),
            "a verb of change ('giảm 3 lần', 'gấp 2 lần', 'tăng hơn 2 lần')",
            reason=f"{compared.group(0)!r}: 'N lần' after a comparison says a multiple, or a "
            "fall to 1/N, or N + 1 times: not said",
        )
    named = _AFTER_TIMES.search(text) or _MULTIPLE_NUMBER.search(text)
    if named is not None and not _OWN_BASE_AFTER_TIMES.match(text, named.end()):
        raise TargetParseError(
            text,
            named.end(),
            "a multiple of the series' own base ('gấp 2 lần so với năm 2020', 'gấp 2 lần năm "
            "2020')",
            reason=f"{text[named.end() :].strip()!r} after 'lần': a multiple of another level?",
        )
    bracketed = "(" in note or ")" in note
    if bracketed and (_has_phrase(note) or not _SUBJECT_WORDS.fullmatch(note)):
        # such a note leads the sentence when rendered: its phrases would be read
        raise TargetParseError(
            text,
            0,
            "the words of a multiple without brackets, or in a note column",
            reason=f"brackets and words of a comparison in the words of a multiple ({note!r})",
        )
