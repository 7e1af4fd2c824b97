"""Text from files, shown in a terminal as it is written, never obeyed.

A plan's names and texts, an observation file's cells and an error about them reach the
terminal through :func:`echo`.  A control character (the escape that starts a terminal's
colour or cursor sequence, a carriage return, a bell) and an invisible format character (the
bidirectional overrides that reverse what follows, zero-width characters) would be run by the
terminal or hide what the text says; they are shown as their escapes instead (``\\x1b``,
``\\u202e``).  Vietnamese letters, in either normal form, are shown as they are.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

__all__ = ["echo", "json_safe", "visible"]

#: Control characters (C0, DEL, C1), invisible format characters (soft hyphen, Arabic and
#: Syriac marks, zero-width characters, bidirectional marks, embeddings, overrides and
#: isolates, the byte-order mark, interlinear annotations, tags), line and paragraph
#: separators, and lone surrogates.
_INVISIBLE = (
    "\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
_HIDDEN = re.compile(f"[\x00-\x1f{_INVISIBLE}]")
#: In JSON text a C0 character is whitespace between values (strings hold their escapes).
_HIDDEN_IN_JSON = re.compile(f"[{_INVISIBLE}]")


def _escape(found: re.Match[str]) -> str:
    code = ord(found[0])
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, lines: bool = True) -> str:
    """``text`` with its control and invisible format characters shown as escapes; with
    ``lines``, a line feed still ends a line.

    Examples:
        >>> visible("Sở \\x1b[31mY tế\\u202e")
        'Sở \\\\x1b[31mY tế\\\\u202e'
        >>> visible("hai\\ndòng"), visible("hai\\ndòng", lines=False)
        ('hai\\ndòng', 'hai\\\\x0adòng')
    """
    if text.isprintable():
        return text
    return _HIDDEN.sub(lambda m: m[0] if lines and m[0] == "\n" else _escape(m), text)


def _json_escape(found: re.Match[str]) -> str:
    code = ord(found[0])
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def json_safe(text: str) -> str:
    """JSON text whose strings hold no character a terminal would run or hide: each is
    written as its ``\\uXXXX`` escape, which JSON reads back as the same character.

    Examples:
        >>> json_safe('{"name": "Y t\\u1ebf\\u202e"}')
        '{"name": "Y tế\\\\u202e"}'
    """
    return _HIDDEN_IN_JSON.sub(_json_escape, text)


def echo(*texts: object, file: TextIO | None = None) -> None:
    """Print ``texts`` (as ``print`` does, one line) with :func:`visible`."""
    print(visible(" ".join(str(t) for t in texts)), file=file if file is not None else sys.stdout)
