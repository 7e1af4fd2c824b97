"""Text raised or lowered in a run (superscript, subscript) as the reader sees it.

A footnote mark typed as a raised digit after a number (``50`` then a superscript ``1``) is
no digit of the number: read as plain text, the cell would say ``501``.  A raised or lowered
run therefore keeps the look it has on the page: its digits, signs and brackets become the
Unicode superscript or subscript characters (``50¹``, ``km²``, ``CO₂``), which the target
grammar reads as a mark after the number, never as its digits; the marks of a footnote that no
raising changes (``*``, ``†``, ``‡``) stay as they are; any other raised text is set apart as
``^(…)`` or ``_(…)``, which no number or unit can swallow.
"""

from __future__ import annotations

__all__ = ["LOWERED", "RAISED", "raised_text"]

#: The vertical alignments of a run that raise or lower its text (Word's ``w:vertAlign``,
#: Excel's ``vertAlign``).
RAISED = "superscript"
LOWERED = "subscript"
_SUPERSCRIPTS = str.maketrans("0123456789+-−=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿ")
_SUBSCRIPTS = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_KEPT = frozenset(" *†‡")
_SHOWN = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎") | _KEPT


def raised_text(text: str, alignment: str | None) -> str:
    """``text`` of a run with the vertical ``alignment`` (``superscript``, ``subscript``, else
    left as it is) as it looks.

    Examples:
        >>> raised_text("1", "superscript"), raised_text("2", "subscript")
        ('¹', '₂')
        >>> raised_text("(*)", "superscript"), raised_text("a", "superscript")
        ('⁽*⁾', '^(a)')
        >>> raised_text("50", "baseline")
        '50'
    """
    if alignment not in (RAISED, LOWERED) or not text.strip():
        return text
    table = _SUPERSCRIPTS if alignment == RAISED else _SUBSCRIPTS
    shown = text.translate(table)
    if all(character in _SHOWN for character in shown):
        return shown
    return f"{'^' if alignment == RAISED else '_'}({text.strip()})"
