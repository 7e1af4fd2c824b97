"""Units of measure: the unit texts that plans print, read through a private pint registry.

Plans print units as Vietnamese texts ("% GRDP", "Người/vạn dân", "Thứ bậc").  Two data files
give them meaning:

* ``data/units.txt`` -- pint definitions of the units and their dimensions;
* ``data/unit_texts.txt`` -- the table from printed texts to pint expressions.

Both are loaded once, lazily, into a private :class:`pint.UnitRegistry`; pint's application
registry is never read or changed.  Texts are matched after normalisation (see
:func:`normalize_unit_text`); a text that is not in the table is accepted when it is a plain pint
expression over the defined units (``"percent"``, ``"person / inhabitant"``).

Example:
    >>> parse_unit("Người/vạn dân").dimension
    '[person] / [inhabitant]'
    >>> conversion_factor("fraction", "%")
    100.0
    >>> is_compatible("% GRDP", "%")
    False
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pint
from pydantic import BaseModel, ConfigDict

from kh922core._text import strip_diacritics
from kh922core.errors import IncompatibleUnitError, UnitError, UnknownUnitError

__all__ = [
    "Unit",
    "conversion_factor",
    "is_compatible",
    "known_unit_texts",
    "normalize_unit_text",
    "parse_unit",
    "unit_registry",
]

_DATA_PACKAGE = "kh922core"
_UNITS_FILE = "units.txt"
_TEXTS_FILE = "unit_texts.txt"
_RANK_DIMENSION = "[rank]"
_RANK_EXPRESSION = "rank"
_DIMENSIONLESS = "dimensionless"
_MAX_EXPRESSION_LENGTH = 200

# ---------------------------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------------------------

_SPACE_AROUND = re.compile(r"\s*([%/()])\s*")
_THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[.,\s](?=\d{3}(?!\d))")


def normalize_unit_text(text: str) -> str:
    """Return the key under which a unit text is looked up.

    The key is the text in Unicode NFC form, case-folded, with runs of white space collapsed to
    one space, no spaces around ``%``, ``/``, ``(`` and ``)``, and no thousands separators
    between digits.

    Args:
        text: A unit text as written in a plan.

    Returns:
        The normalised key.

    Example:
        >>> normalize_unit_text("  % GRDP ")
        '%grdp'
        >>> normalize_unit_text("Người / 10.000  dân")
        'người/10000 dân'
    """
    key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    key = _SPACE_AROUND.sub(r"\1", key)
    return _THOUSANDS_SEPARATOR.sub("", key)


# ---------------------------------------------------------------------------------------------
# Plain pint expressions: a small safe subset (names, numbers, *, /, (), name ** small integer)
# ---------------------------------------------------------------------------------------------

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_NUMBER = r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_EXPRESSION_TOKEN = re.compile(
    rf"\s*(?:{_NAME}\s*(?:\*\*|\^)\s*-?\d{{1,2}}(?![\d.])|{_NAME}|{_NUMBER}|\*(?!\*)|[/()])"
)


def _is_plain_expression(text: str) -> bool:
    """Whether ``text`` uses only the expression subset that is safe and cheap to evaluate.

    Powers are allowed only on a unit name with a small integer exponent, so that no text can
    make pint compute a huge number; ``+`` and ``-`` between terms are not allowed at all.
    """
    if not text or len(text) > _MAX_EXPRESSION_LENGTH:
        return False
    position = 0
    while position < len(text):
        match = _EXPRESSION_TOKEN.match(text, position)
        if match is None:
            return False
        position = match.end()
    return True


# ---------------------------------------------------------------------------------------------
# The registry and the unit-text table, built once
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """One resolved line of the unit-text table."""

    text: str
    expression: str
    dimension: str
    variant_of: str | None


@dataclass(frozen=True, slots=True)
class _State:
    """The private registry and the unit-text table."""

    registry: pint.UnitRegistry[Any]
    entries: dict[str, _Entry]
    texts: tuple[str, ...]
    candidates: dict[str, str]


_LOCK = threading.Lock()
_STATE: _State | None = None


def _state() -> _State:
    """Return the registry and table, building them on first use (thread-safe)."""
    global _STATE
    state = _STATE
    if state is None:
        with _LOCK:
            if _STATE is None:
                _STATE = _build_state()
            state = _STATE
    return state


def _read_data(name: str) -> str:
    return (resources.files(_DATA_PACKAGE) / "data" / name).read_text(encoding="utf-8")


def _build_state() -> _State:
    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(None)
    registry.load_definitions(_read_data(_UNITS_FILE).splitlines())
    entries: dict[str, _Entry] = {}
    texts: list[str] = []
    variants: list[tuple[int, str]] = []
    for number, raw in enumerate(_read_data(_TEXTS_FILE).splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{_TEXTS_FILE}:{number}"
        body, _, flag = line.partition("|")
        text, equals, expression = body.partition("=")
        text, expression = text.strip(), expression.strip()
        if not equals or not text or not expression:
            raise UnitError(f"{where}: expected 'TEXT = EXPRESSION', got {line!r}")
        variant_of: str | None = None
        if flag.strip():
            name, equals, value = flag.partition("=")
            if name.strip() != "variant_of" or not equals or not value.strip():
                raise UnitError(f"{where}: expected '| variant_of = TEXT', got {flag.strip()!r}")
            variant_of = value.strip()
            variants.append((number, variant_of))
        try:
            canonical, dimension = _canonical(registry, expression)
        except UnitError as exc:
            raise UnitError(f"{where}: {exc}") from exc
        entry = _Entry(text, canonical, dimension, variant_of)
        key = normalize_unit_text(text)
        previous = entries.get(key)
        if previous is None:
            entries[key] = entry
            texts.append(text)
        elif (previous.expression, previous.variant_of) != (canonical, variant_of):
            raise UnitError(f"{where}: {text!r} contradicts the earlier line for {previous.text!r}")
    for number, variant_of in variants:
        if normalize_unit_text(variant_of) not in entries:
            raise UnitError(f"{_TEXTS_FILE}:{number}: variant_of {variant_of!r} is not listed")
    candidates: dict[str, str] = {}
    for key, entry in entries.items():
        candidates.setdefault(strip_diacritics(key), entry.text)
    for entry in list(entries.values()):
        candidates.setdefault(strip_diacritics(entry.expression.casefold()), entry.expression)
    return _State(registry, entries, tuple(texts), candidates)


class _ExpressionError(UnitError):
    """An expression that pint cannot read (turned into :class:`UnknownUnitError`)."""


def _evaluate(registry: pint.UnitRegistry[Any], expression: str) -> Any:
    """Evaluate a pint expression to a quantity (a number times units)."""
    if not _is_plain_expression(expression):
        raise _ExpressionError(f"{expression!r} is not a plain unit expression")
    try:
        quantity = registry.parse_expression(expression)
    except Exception as exc:  # pint raises many kinds (UndefinedUnitError, AssertionError, ...)
        raise _ExpressionError(f"cannot read {expression!r}: {exc}") from exc
    if not isinstance(quantity, registry.Quantity):
        quantity = registry.Quantity(quantity, _DIMENSIONLESS)
    return quantity


def _canonical(registry: pint.UnitRegistry[Any], expression: str) -> tuple[str, str]:
    """Return the canonical expression and the readable dimension of a pint expression."""
    quantity = _evaluate(registry, expression)
    magnitude = float(quantity.magnitude)
    if not math.isfinite(magnitude) or magnitude <= 0:
        raise UnitError(f"{expression!r} has scale {magnitude!r}; a scale must be positive")
    units = str(quantity.units)
    canonical = units if magnitude == 1 else f"{magnitude!r} * {units}"
    dimension = str(quantity.dimensionality)
    if _RANK_DIMENSION in dimension and canonical != _RANK_EXPRESSION:
        raise UnitError(f"{expression!r} scales or combines a rank; a rank is only 'rank'")
    return canonical, dimension


def unit_registry() -> pint.UnitRegistry[Any]:
    """Return the library's private pint registry, built on first use from ``units.txt``.

    The same object is returned on every call.  It is not pint's application registry; do not
    add definitions to it.

    Returns:
        The private :class:`pint.UnitRegistry`.

    Example:
        >>> unit_registry() is unit_registry()
        True
        >>> str(unit_registry().Quantity(30, "percent_grdp").to("fraction_grdp"))
        '0.3 fraction_grdp'
    """
    return _state().registry


def known_unit_texts() -> tuple[str, ...]:
    """Return the unit texts of the table, in file order, one per normalised key.

    Example:
        >>> known_unit_texts()[:3]
        ('%', '% GRDP', '%GDP')
    """
    return _state().texts


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


class Unit(BaseModel):
    """A unit of measure, as written in a plan and as understood by the library.

    Attributes:
        text: The unit text verbatim as given.
        expression: The canonical pint expression; two texts mean the same unit exactly when
            their expressions are equal.
        dimension: The pint dimensionality, readable (``"[rank]"``, ``"dimensionless"``,
            ``"[person] / [inhabitant]"``).
        variant_of: For a text read as another one (``"%GDP"`` read as ``"% GRDP"``), that
            other text; ``None`` otherwise.

    Example:
        >>> unit = parse_unit("%GDP")
        >>> unit.expression, unit.dimension, unit.variant_of
        ('percent_grdp', '[grdp_share]', '% GRDP')
        >>> parse_unit("Thứ bậc").is_rank
        True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    expression: str
    dimension: str
    variant_of: str | None = None

    @property
    def is_rank(self) -> bool:
        """Whether this unit is an ordinal rank (converts only to a rank, never added)."""
        return self.dimension == _RANK_DIMENSION


def parse_unit(text: str) -> Unit:
    """Read a unit text.

    The text is looked up in the unit-text table after :func:`normalize_unit_text`; an empty
    text means a plain number (dimensionless); otherwise the text must be a plain pint expression
    over the units of ``units.txt`` (names, numbers, ``*``, ``/``, parentheses and a unit name
    raised to a small integer power).

    Args:
        text: The unit text, e.g. ``"% GRDP"`` or ``"person / inhabitant"``.

    Returns:
        The :class:`Unit`; its ``text`` is ``text`` verbatim.

    Raises:
        UnknownUnitError: The text is neither in the table nor a valid expression; the error
            carries "did you mean" suggestions.
        UnitError: The text scales or combines a rank (``"2 * rank"``).

    Example:
        >>> parse_unit("Người / 10.000 dân").expression
        'person_per_ten_thousand_inhabitants'
        >>> parse_unit("person / (1000 * inhabitant)").expression
        '0.001 * person / inhabitant'
        >>> parse_unit("Nguoi/van dan")
        Traceback (most recent call last):
        ...
        kh922core.errors.UnknownUnitError: unknown unit 'Nguoi/van dan'; did you mean 'Người/vạn dân'?
    """  # noqa: E501
    return _parse_unit(text)


@functools.lru_cache(maxsize=2048)
def _parse_unit(text: str) -> Unit:
    state = _state()
    key = normalize_unit_text(text)
    entry = state.entries.get(key)
    if entry is not None:
        return Unit(
            text=text,
            expression=entry.expression,
            dimension=entry.dimension,
            variant_of=entry.variant_of,
        )
    if not key:
        return Unit(text=text, expression=_DIMENSIONLESS, dimension=_DIMENSIONLESS)
    expression = unicodedata.normalize("NFC", text).strip()
    if _is_plain_expression(expression):
        try:
            canonical, dimension = _canonical(state.registry, expression)
        except _ExpressionError:
            pass
        else:
            return Unit(text=text, expression=canonical, dimension=dimension)
    raise UnknownUnitError(text, _suggestions(state, key))


def _suggestions(state: _State, key: str) -> list[str]:
    folded = strip_diacritics(key)
    if folded in state.candidates:  # the same text without (or with other) diacritics
        return [state.candidates[folded]]
    matches = difflib.get_close_matches(folded, list(state.candidates), n=3, cutoff=0.6)
    return [state.candidates[match] for match in matches]


def _as_unit(unit: str | Unit) -> Unit:
    return unit if isinstance(unit, Unit) else parse_unit(unit)


@functools.lru_cache(maxsize=1024)
def _pair_factor(source_expression: str, target_expression: str) -> tuple[float | None, str]:
    """Factor from one canonical expression to another, or ``None`` and the reason."""
    registry = _state().registry
    source = _evaluate(registry, source_expression)
    target = _evaluate(registry, target_expression)
    source_dimension = str(source.dimensionality)
    target_dimension = str(target.dimensionality)
    if _RANK_DIMENSION in (source_dimension, target_dimension) and (
        source_expression != target_expression
    ):
        return None, "a rank converts only to a rank"
    if source.dimensionality != target.dimensionality:
        return None, f"dimension {source_dimension} is not {target_dimension}"
    try:
        factor = float(source.to(target.units).magnitude) / float(target.magnitude)
        zero = float(registry.Quantity(0.0, source.units).to(target.units).magnitude)
    except pint.errors.PintError as exc:
        return None, str(exc)
    if zero != 0.0:
        return None, "units with an offset are not supported"
    # Definitions are short decimals: drop the binary floating-point dust (10.000000000000002).
    return float(f"{factor:.15g}"), ""


def conversion_factor(source: str | Unit, target: str | Unit) -> float:
    """Return the factor that converts a value from ``source`` to ``target``.

    ``value_in_target = value_in_source * factor``.  Factors are computed by pint once per pair
    of canonical expressions and cached.

    Args:
        source: The unit the value is in (a text or a :class:`Unit`).
        target: The unit wanted.

    Returns:
        The multiplicative factor (rounded to 15 significant digits).

    Raises:
        UnknownUnitError: A unit text is unknown.
        IncompatibleUnitError: The units have different dimensions, or one is a rank and the
            other is not; the error names both unit texts.

    Example:
        >>> conversion_factor("người/1000 dân", "Người/vạn dân")
        10.0
        >>> conversion_factor("%", "fraction")
        0.01
        >>> conversion_factor("% GRDP", "%")
        Traceback (most recent call last):
        ...
        kh922core.errors.IncompatibleUnitError: cannot convert unit '% GRDP' to '%' (dimension [grdp_share] is not dimensionless)
    """  # noqa: E501
    source_unit, target_unit = _as_unit(source), _as_unit(target)
    factor, detail = _pair_factor(source_unit.expression, target_unit.expression)
    if factor is None:
        raise IncompatibleUnitError(source_unit.text, target_unit.text, detail)
    return factor


def is_compatible(a: str | Unit, b: str | Unit) -> bool:
    """Whether a value in unit ``a`` can be converted to unit ``b``.

    Args:
        a: A unit text or :class:`Unit`.
        b: Another one.

    Returns:
        ``True`` when :func:`conversion_factor` would succeed.

    Raises:
        UnknownUnitError: A unit text is unknown (an unknown text is an error, not an
            incompatibility).

    Example:
        >>> is_compatible("% dân số", "Người/vạn dân")
        True
        >>> is_compatible("Đô thị", "Trung tâm dữ liệu")
        False
    """
    factor, _ = _pair_factor(_as_unit(a).expression, _as_unit(b).expression)
    return factor is not None
