"""Plain-language explanations of parsed targets (used by ``kh922 explain``)."""

from __future__ import annotations

from kh922core._targets.kinds import TargetSpec

__all__ = ["explain"]

_INDICATOR_UNIT = "(the indicator's)"


def explain(spec: TargetSpec, text: str | None = None) -> str:
    """Explain a parsed target in plain words, one fact a line.

    The kind and the condition come from the kind's own :meth:`explanation`; a kind with a
    ``unit`` field also shows its unit.

    Args:
        spec: The parsed target.
        text: The text it was parsed from, shown first when given.

    Returns:
        A multi-line explanation.

    Examples:
        >>> from kh922core import parse_target
        >>> print(explain(parse_target("≥ 55"), "≥ 55"))
        text:       ≥ 55
        kind:       at least
        met when:   value ≥ 55
        unit:       (the indicator's)
        direction:  higher_is_better
        canonical:  ≥ 55
    """
    explanation = spec.explanation()
    lines = []
    if text is not None:
        lines.append(f"text:       {text}")
    lines += [f"kind:       {explanation.kind}", f"met when:   {explanation.met_when}"]
    if "unit" in type(spec).model_fields:
        lines.append(f"unit:       {getattr(spec, 'unit', None) or _INDICATOR_UNIT}")
    if getattr(spec, "note", None):
        lines.append(f"note:       {getattr(spec, 'note', '')}")
    lines += [f"direction:  {spec.direction.value}", f"canonical:  {spec.render()}"]
    return "\n".join(lines)
