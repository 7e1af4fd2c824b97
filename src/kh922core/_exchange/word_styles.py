"""What a Word document's styles add to its runs and paragraphs: hidden text, strike-through,
raised or lowered text, list numbering.

A run shows a property set on it (``w:rPr``); where it sets none, the property comes from its
character style (``w:rStyle``) and the styles that style is based on, then from its paragraph's
style (``w:pStyle``) and its bases, then from the document's defaults (``w:docDefaults``).  A
paragraph style may also number its paragraphs (``w:numPr`` in the style: Word's "List Number").
:class:`WordStyles` follows those chains, so that a run hidden or struck through by a style is
read as Word shows it, as one hidden by its own properties is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["WordStyles", "switched_on"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The most styles a chain of ``basedOn`` follows (a loop in a broken file stops there).
_MAX_CHAIN = 32


def switched_on(element: Any) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:strike w:val="0"/>``) is on."""
    return str(element.get(f"{_W}val", "true")).lower() not in ("0", "false", "off")


@dataclass(frozen=True)
class WordStyles:
    """A document's styles by id: each style's run and paragraph properties and its base.

    Attributes:
        styles: Style id to ``(rPr, pPr, basedOn)``.
        defaults: The run properties of ``w:docDefaults`` (``None``: none).
    """

    styles: dict[str, tuple[Any, Any, str | None]] = field(default_factory=dict)
    defaults: Any = None

    @classmethod
    def of(cls, document: Any) -> WordStyles:
        """The styles of a python-docx document (none when it has no styles part)."""
        try:
            element = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        styles: dict[str, tuple[Any, Any, str | None]] = {}
        for style in element.findall(f"{_W}style"):
            based = style.find(f"{_W}basedOn")
            styles[style.get(f"{_W}styleId") or ""] = (
                style.find(f"{_W}rPr"),
                style.find(f"{_W}pPr"),
                None if based is None else based.get(f"{_W}val"),
            )
        defaults = element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        return cls(styles, defaults)

    def _chain(self, style_id: str | None) -> Iterator[tuple[Any, Any]]:
        """The properties of a style and of the styles it is based on, nearest first."""
        seen: set[str] = set()
        while (
            style_id
            and style_id in self.styles
            and style_id not in seen
            and len(seen) < (_MAX_CHAIN)
        ):
            seen.add(style_id)
            run, paragraph, style_id = self.styles[style_id]
            yield run, paragraph

    def run_property(self, run: Any, names: tuple[str, ...]) -> bool:
        """Whether any of the toggle properties ``names`` (``vanish``; ``strike``, ``dstrike``)
        is on for ``run``, set on it or by its styles."""
        for name in names:
            for properties in self._run_properties(run):
                found = None if properties is None else properties.find(f"{_W}{name}")
                if found is not None:
                    if switched_on(found):
                        return True
                    break  # switched off nearer than any style that switches it on
        return False

    def vertical_alignment(self, run: Any) -> str | None:
        """The vertical alignment of ``run`` (``superscript``, ``subscript``, ``baseline``),
        set on it or by its styles; ``None`` where nothing sets one."""
        for properties in self._run_properties(run):
            found = None if properties is None else properties.find(f"{_W}vertAlign")
            if found is not None:
                return str(found.get(f"{_W}val") or "") or None
        return None

    def _run_properties(self, run: Any) -> Iterator[Any]:
        """The run properties that apply to ``run``, nearest first."""
        own = run.find(f"{_W}rPr")
        yield own
        style = None if own is None else own.find(f"{_W}rStyle")
        if style is not None:
            yield from (properties for properties, _ in self._chain(style.get(f"{_W}val")))
        paragraph = next(run.iterancestors(f"{_W}p"), None)
        if paragraph is not None:
            yield from (properties for properties, _ in self._chain(_paragraph_style(paragraph)))
        yield self.defaults

    def numbering(self, paragraph: Any) -> Any:
        """The ``w:numPr`` that numbers ``paragraph``: its own, else its style's (``None``)."""
        own = paragraph.find(f"{_W}pPr/{_W}numPr")
        if own is not None:
            return own
        for _, properties in self._chain(_paragraph_style(paragraph)):
            found = None if properties is None else properties.find(f"{_W}numPr")
            if found is not None:
                return found
        return None

    def style_numbering(self, style_id: str) -> str | None:
        """The list (``numId``) a numbering style names (``w:numStyleLink``), else ``None``."""
        for _, properties in self._chain(style_id):
            found = None if properties is None else properties.find(f"{_W}numPr/{_W}numId")
            if found is not None:
                return str(found.get(f"{_W}val") or "") or None
        return None


def _paragraph_style(paragraph: Any) -> str | None:
    found = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return None if found is None else found.get(f"{_W}val")
