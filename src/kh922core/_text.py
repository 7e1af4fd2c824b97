"""Text helpers shared by every wing: the folded form names are compared in, and "did you mean"."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

__all__ = ["INVISIBLE", "decode_csv", "did_you_mean", "fold", "strip_diacritics"]

#: Characters that show nothing: soft hyphen, zero-width spaces and joiners, direction marks,
#: the byte-order mark.  A file's text is read without them (``1\u00ad500`` is ``1500``).
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def fold(text: str) -> str:
    """The form under which names are compared: NFC, case-folded, single spaces.

    Examples:
        >>> fold("  Sở  KH&CN ")
        'sở kh&cn'
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def strip_diacritics(text: str) -> str:
    """``text`` without Vietnamese diacritics (``đ`` as ``d``), for lenient suggestions.

    Examples:
        >>> strip_diacritics("thứ bậc")
        'thu bac'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def did_you_mean(value: object, candidates: Sequence[str]) -> str:
    """``"; did you mean 'x'?"`` when a candidate is close to ``value``, else ``""``.

    Examples:
        >>> did_you_mean("so-khcm", ["so-khcn", "so-tttt"])
        "; did you mean 'so-khcn'?"
    """
    if not isinstance(value, str) or not candidates:
        return ""
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    if not close:
        folded = {fold(c): c for c in candidates}
        close = [folded[k] for k in difflib.get_close_matches(fold(value), list(folded), 1, 0.6)]
    return f"; did you mean {close[0]!r}?" if close else ""


def decode_csv(raw: bytes) -> str:
    """A CSV file's text: UTF-16 where its byte-order mark says so (Excel's *Unicode Text*),
    else UTF-8 with or without a byte-order mark; never a guess.

    Raises:
        UnicodeDecodeError: The bytes are not text in that encoding (the caller names the file).

    Examples:
        >>> decode_csv("a;b".encode("utf-16")), decode_csv("\ufeffa;b".encode())
        ('a;b', 'a;b')
    """
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    return raw.decode(encoding)
