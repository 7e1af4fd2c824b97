"""Plain-language explanations of parsed targets (used by ``kh922 explain``)."""

from __future__ import annotations

from kh922core._targets.grammar import parse_target
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.units import Unit

__all__ = ["explain"]

_INDICATOR_UNIT = "(the indicator's)"


def explain(
    spec: TargetSpec | str,
    text: str | None = None,
    *,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
    unit: str | Unit | None = None,
) -> str:
    """Explain a target in plain words, one fact a line, as ``kh922 explain`` does.

    The kind and the condition come from the kind's own :meth:`explanation`; a kind with a
    ``unit`` field also shows its unit.

    Args:
        spec: The parsed target, or a target text (parsed with ``direction`` and ``unit``).
        text: The text it was parsed from, shown first when given (default: ``spec`` when it
            is a text).
        direction: The indicator's direction, for a text.
        unit: The indicator's unit, for a text.

    Raises:
        TargetParseError: ``spec`` is a text the grammar cannot read.
        TypeError: ``spec`` is neither a parsed target nor a text.

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
        >>> print(explain("trên 80%").splitlines()[1])
        kind:       more than
    """
    if isinstance(spec, str):
        text = spec if text is None else text
        spec = parse_target(spec, direction=direction, unit=unit)
    elif not hasattr(spec, "explanation"):
        raise TypeError(f"explain needs a parsed target or a target text, got {spec!r}")
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
