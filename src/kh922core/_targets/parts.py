"""Cells that hold several targets, read part by part: :func:`split_targets`."""

from __future__ import annotations

import unicodedata

from kh922core._targets.cells import numbered_parts
from kh922core._targets.grammar import parse_target
from kh922core._targets.kinds import Direction, TargetSpec
from kh922core._targets.units import Unit

__all__ = ["split_targets"]


def split_targets(
    text: str,
    *,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
    unit: str | Unit | None = None,
) -> list[tuple[str, TargetSpec]]:
    """Parse a cell that may hold several targets (``90% cấp tỉnh, 80% cấp huyện``).

    Args:
        text: The cell text.
        direction: The indicator's direction.
        unit: The indicator's unit, if known.

    Returns:
        ``(part, spec)`` for every part; a single target gives a one-element list.

    Examples:
        >>> [(part, spec.render()) for part, spec in split_targets("90% cấp tỉnh; 80% cấp huyện")]
        [('90% cấp tỉnh', '90% cấp tỉnh'), ('80% cấp huyện', '80% cấp huyện')]
    """
    text = unicodedata.normalize("NFC", text)
    parts = numbered_parts(text)
    if len(parts) < 2:
        return [(text.strip(), parse_target(text, direction=direction, unit=unit))]
    return [(part, parse_target(part, direction=direction, unit=unit)) for _, part in parts]
