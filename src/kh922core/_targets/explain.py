"""Plain-language explanations of parsed targets (used by ``kh922 explain``)."""

from __future__ import annotations

from kh922core._targets.kinds import (
    Approximate,
    Comparison,
    Direction,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    TargetSpec,
)
from kh922core._targets.numbers import format_number

__all__ = ["explain"]

_WORDS = {
    Operator.GE: ("at least", "≥"),
    Operator.GT: ("more than", ">"),
    Operator.LE: ("at most", "≤"),
    Operator.LT: ("less than", "<"),
}


def _met_when(spec: TargetSpec) -> tuple[str, str]:
    """A short name of the kind and the condition under which it is met."""
    if isinstance(spec, Comparison):
        value = format_number(spec.value)
        if spec.operator is Operator.TARGET:
            if spec.direction is Direction.HIGHER_IS_BETTER:
                return "bare number (at least)", f"value ≥ {value}"
            if spec.direction is Direction.LOWER_IS_BETTER:
                return "bare number (at most)", f"value ≤ {value}"
            return "bare number (exactly)", f"value = {value}"
        words, symbol = _WORDS[spec.operator]
        return words, f"value {symbol} {value}"
    if isinstance(spec, Range):
        low, high = format_number(spec.low), format_number(spec.high)
        if spec.direction is Direction.HIGHER_IS_BETTER:
            return "range", f"value ≥ {low}; above {high} the status is 'exceeded'"
        if spec.direction is Direction.LOWER_IS_BETTER:
            return "range", f"value ≤ {high}; below {low} the status is 'exceeded'"
        return "range (band)", f"{low} ≤ value ≤ {high}"
    if isinstance(spec, RankGroup):
        of = f" of {spec.cohort}" if spec.cohort is not None else ""
        return "rank group", f"rank ≤ {spec.size}{of} (1 is best; 'proportional' scales it)"
    if isinstance(spec, Approximate):
        value = format_number(spec.value)
        if spec.direction is Direction.LOWER_IS_BETTER:
            return "approximately", f"value ≤ {value}·(1 + tolerance), tolerance 5 % by default"
        if spec.direction is Direction.BAND:
            return "approximately", f"|value − {value}| ≤ tolerance·{value}, 5 % by default"
        return "approximately", f"value ≥ {value}·(1 − tolerance), tolerance 5 % by default"
    assert isinstance(spec, Qualitative)
    return "qualitative", "an explicit assessment (true/false) says so; a number never does"


def explain(spec: TargetSpec, text: str | None = None) -> str:
    """Explain a parsed target in plain words, one fact a line.

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
    kind, condition = _met_when(spec)
    lines = []
    if text is not None:
        lines.append(f"text:       {text}")
    lines += [f"kind:       {kind}", f"met when:   {condition}"]
    if not isinstance(spec, Qualitative | RankGroup):
        lines.append(f"unit:       {spec.unit or '(the indicator' + chr(39) + 's)'}")
    if getattr(spec, "note", None):
        lines.append(f"note:       {getattr(spec, 'note', '')}")
    lines += [f"direction:  {spec.direction.value}", f"canonical:  {spec.render()}"]
    return "\n".join(lines)
