"""The targets wing: target texts, their parsed kinds, numbers and units.

Other wings import from here, never from the modules inside.
"""

from __future__ import annotations

from kh922core._targets.explain import explain
from kh922core._targets.grammar import parse_target
from kh922core._targets.kinds import (
    COMPARISON_RTOL,
    DEFAULT_APPROXIMATE_TOLERANCE,
    KIND_NAMES,
    Approximate,
    Change,
    ChangeKind,
    CohortPolicy,
    Comparison,
    Criterion,
    Direction,
    Explanation,
    InvalidValueError,
    KindName,
    Operator,
    Qualitative,
    Range,
    RankGroup,
    RankScaling,
    Signature,
    Status,
    TargetSpec,
    is_number,
    written_float,
)
from kh922core._targets.numbers import NUMBER_PATTERN, format_number, parse_number
from kh922core._targets.parts import TargetPart, split_targets
from kh922core._targets.time_phrases import DEADLINES
from kh922core._targets.units import (
    Unit,
    conversion_factor,
    is_compatible,
    known_unit_texts,
    normalize_unit_text,
    parse_unit,
    unit_registry,
)
from kh922core._targets.wording import add_target_phrases, add_unit_texts

__all__ = [
    "COMPARISON_RTOL",
    "DEADLINES",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "KIND_NAMES",
    "NUMBER_PATTERN",
    "Approximate",
    "Change",
    "ChangeKind",
    "CohortPolicy",
    "Comparison",
    "Criterion",
    "Direction",
    "Explanation",
    "InvalidValueError",
    "KindName",
    "Operator",
    "Qualitative",
    "Range",
    "RankGroup",
    "RankScaling",
    "Signature",
    "Status",
    "TargetPart",
    "TargetSpec",
    "Unit",
    "add_target_phrases",
    "add_unit_texts",
    "conversion_factor",
    "explain",
    "format_number",
    "is_compatible",
    "is_number",
    "known_unit_texts",
    "normalize_unit_text",
    "parse_number",
    "parse_target",
    "parse_unit",
    "split_targets",
    "unit_registry",
    "written_float",
]
