"""Plain-language explanations of parsed targets (used by ``kh922 explain``)."""

from __future__ import annotations

from kh922core._targets.grammar import parse_with_reading
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.units import Unit

__all__ = ["explain"]

_INDICATOR_UNIT = "(the indicator's)"


def explain(
    spec: TargetSpec | str,
    text: str | None = None,
    *,
    direction: Direction | str | None = None,
    unit: str | Unit | None = None,
    indicator: str | None = None,
) -> str:
    """Explain a target in plain words, one fact a line, as ``kh922 explain`` does.

    The kind and the condition come from the kind's own :meth:`explanation`; a kind with a
    ``unit`` field also shows its unit.  A change target shows its kind of change and its base,
    and a text read one way among several (a change or a level, relative or in points) says
    which reading was taken and why.

    Args:
        spec: The parsed target, or a target text (parsed with ``direction`` and ``unit``).
        text: The text it was parsed from, shown first when given (default: ``spec`` when it
            is a text).
        direction: The indicator's direction, for a text (``None``: not stated; see
            :func:`~kh922core.parse_target`).
        unit: The indicator's unit, for a text.
        indicator: The indicator's name, for a text (see :func:`~kh922core.parse_target`).

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
        >>> print(explain("tăng tối thiểu 20%", unit="tỷ đồng"))
        text:       tăng tối thiểu 20%
        kind:       relative change: at least
        met when:   size ≥ 20, where size = (value / base − 1) × 100
        unit:       %
        change:     relative, rising
        base:       the target's baseline in the plan
        reading:    relative: the indicator is a level in 'tỷ đồng', so a change written in % is relative to the base
        direction:  higher_is_better
        canonical:  tăng ≥ 20%
    """  # noqa: E501
    reading: str | None = None
    if isinstance(spec, str):
        text = spec if text is None else text
        spec, reading = parse_with_reading(
            spec, direction=direction, unit=unit, indicator=indicator
        )
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
    change = spec.change
    if change is not None:
        if change.previous_year:
            base = "the previous year (so với cùng kỳ)"
        elif change.since is not None:
            base = f"the level of {change.since}"
        else:
            base = "the target's baseline in the plan"
        lines.append(
            f"change:     {change.kind.value}, {'falling' if change.falling else 'rising'}"
        )
        lines.append(f"base:       {base}")
    if reading is not None:
        lines.append(f"reading:    {reading}")
    lines += [f"direction:  {spec.direction.value}", f"canonical:  {spec.render()}"]
    return "\n".join(lines)
