"""The qualitative kind: a target in words, met only by an explicit assessment."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kh922core._targets.kinds.base import Status, _Spec

__all__ = ["Qualitative"]


class Qualitative(_Spec):
    """A target in words (``Tiên tiến, hiện đại``): only an explicit assessment says it is met.

    Examples:
        >>> spec = Qualitative(text="Tiên tiến, hiện đại")
        >>> spec.status(True).value, spec.status(None).value, spec.status(0.9).value
        ('met', 'needs_assessment', 'needs_assessment')
    """

    kind: Literal["qualitative"] = "qualitative"
    text: str = Field(min_length=1)

    def is_met(self, value: float | bool | None, **options: object) -> bool | None:
        return value if isinstance(value, bool) else None

    def status(self, value: float | bool | None, **options: object) -> Status:
        met = self.is_met(value)
        if met is None:
            return Status.NEEDS_ASSESSMENT
        return Status.MET if met else Status.NOT_MET

    def shortfall(self, value: float | bool | None, **options: object) -> float | None:
        return None

    def attainment(self, value: float | bool | None, **options: object) -> float | None:
        return None

    def render(self) -> str:
        return self.text
