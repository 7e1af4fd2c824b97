"""Parsed target kinds: what each asks of a value, and their scalar reference semantics.

Each kind computes its :class:`Criterion` (bounds, exceed band, shortfall and attainment
references, progress direction) in one method; ``is_met``, ``status``, ``shortfall`` and
``attainment`` come from it once, in :class:`~kh922core._targets.kinds.base.BaseSpec`.  These
methods are the *reference semantics* (the "Target semantics" page): the vectorised engine
is held equal to them by property tests, so they favour clarity over speed.

A new kind is a module here (its fields, ``_criterion``, ``explanation``, ``signature`` and
``render``), a member of :data:`TargetSpec` and of :data:`KindName`, its phrases in the grammar,
and its case in :func:`kh922core.testing.strategies.target_specs`.

Examples:
    >>> Comparison(operator="ge", value=55).criterion().lower
    55.0
    >>> sorted(KIND_NAMES)
    ['approximate', 'comparison', 'qualitative', 'range', 'rank_group']
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, get_args

from pydantic import Field

from kh922core._targets.kinds.approximate import Approximate
from kh922core._targets.kinds.base import (
    COMPARISON_RTOL,
    DEFAULT_APPROXIMATE_TOLERANCE,
    BaseSpec,
    CohortPolicy,
    CriterionOptions,
    Direction,
    Operator,
    Status,
    is_number,
    written_float,
)
from kh922core._targets.kinds.change import Change, ChangeKind
from kh922core._targets.kinds.comparison import Comparison
from kh922core._targets.kinds.criterion import Criterion, Explanation, RankScaling, Signature
from kh922core._targets.kinds.qualitative import Qualitative
from kh922core._targets.kinds.range import Range
from kh922core._targets.kinds.rank_group import RankGroup
from kh922core._targets.kinds.written import reads_as_unit
from kh922core.errors import InvalidValueError

__all__ = [
    "COMPARISON_RTOL",
    "DEFAULT_APPROXIMATE_TOLERANCE",
    "KIND_NAMES",
    "Approximate",
    "BaseSpec",
    "Change",
    "ChangeKind",
    "CohortPolicy",
    "Comparison",
    "Criterion",
    "CriterionOptions",
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
    "TargetSpec",
    "is_number",
    "reads_as_unit",
    "written_float",
]

#: The parsed kinds, discriminated on ``kind``.
TargetSpec: TypeAlias = Annotated[
    Comparison | Range | RankGroup | Approximate | Qualitative, Field(discriminator="kind")
]

#: The ``kind`` of each member of :data:`TargetSpec` (a test holds the two equal).
KindName: TypeAlias = Literal["comparison", "range", "rank_group", "approximate", "qualitative"]
#: Every kind name, in declaration order.
KIND_NAMES: tuple[KindName, ...] = get_args(KindName)
