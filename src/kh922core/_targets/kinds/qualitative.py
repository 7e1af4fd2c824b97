"""The qualitative kind: a target in words, met only by an explicit assessment."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from kh922core._targets.kinds.base import BaseSpec, CriterionOptions
from kh922core._targets.kinds.criterion import Criterion, Explanation, Signature
from kh922core._text import fold

__all__ = ["Qualitative"]


class Qualitative(BaseSpec):
    """A target in words (``Tiên tiến, hiện đại``): only an explicit assessment says it is met.

    Examples:
        >>> spec = Qualitative(text="Tiên tiến, hiện đại")
        >>> spec.status(True).value, spec.status(None).value, spec.status(0.9).value
        ('met', 'needs_assessment', 'needs_assessment')
    """

    kind: Literal["qualitative"] = "qualitative"
    _takes_change: ClassVar[bool] = False
    text: str = Field(min_length=1)

    def _criterion(self, options: CriterionOptions) -> Criterion:
        return Criterion.by_assessment()

    def explanation(self) -> Explanation:
        """The kind in plain English."""
        return Explanation(
            "qualitative", "an explicit assessment (true/false) says so; a number never does"
        )

    def signature(self) -> Signature:
        """What it asks for, for the audit: its words, folded.

        Examples:
            >>> Qualitative(text="Hoàn  thành").signature().words
            'hoàn thành'
        """
        return Signature("words", (), fold(self.text), "a target in words, with no number")

    def render(self) -> str:
        return self.text
