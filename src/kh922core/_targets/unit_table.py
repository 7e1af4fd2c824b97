"""The unit-text table and the private pint registry, read once from the data files.

* ``data/units.txt`` -- pint definitions of the units and their dimensions;
* ``data/unit_texts.txt`` -- the table from printed texts to pint expressions, with any layers
  added on top (:mod:`kh922core._targets.wording`); ``TEXT = count(NAME)`` defines a count
  ``NAME = [NAME]`` of its own dimension, and a per text ``/TEXT`` is read only after a ``/``.

Both are loaded lazily (thread-safe) into a private :class:`pint.UnitRegistry`.  Texts are
looked up after :func:`normalize_unit_text`; expressions are evaluated only when they stay within
a small safe subset of pint's syntax.  :mod:`kh922core._targets.units` reads units and converts
values on top of this.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kh922core._targets.wording import (
    UNIT_TEXTS_FILE,
    Layer,
    on_change,
    register_check,
    unit_text_layers,
)
from kh922core._text import strip_diacritics
from kh922core.errors import UnitError

if TYPE_CHECKING:
    import pint

__all__ = [
    "DIMENSIONLESS",
    "RANK_DIMENSION",
    "ExpressionError",
    "TableState",
    "canonical_expression",
    "evaluate_expression",
    "is_plain_expression",
    "known_unit_texts",
    "normalize_unit_text",
    "table_state",
    "unit_registry",
]

_DATA_PACKAGE = "kh922core"
_UNITS_FILE = "units.txt"
#: pint's canonical form of each expression of the shipped unit texts (see
#: :func:`write_expressions_file`).
_EXPRESSIONS_FILE = "unit_expressions.json"
RANK_DIMENSION = "[rank]"
_RANK_EXPRESSION = "rank"
DIMENSIONLESS = "dimensionless"
_MAX_EXPRESSION_LENGTH = 200
#: ``count(NAME)``: NAME counts a thing of its own kind, the unit ``NAME = [NAME]``.
_COUNT = re.compile(r"count\(\s*([a-z][a-z0-9_]*)\s*\)")
#: The first character of a per text (``/vạn dân``), read only after a ``/``.
PER = "/"

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


def is_plain_expression(text: str) -> bool:
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
class TableState:
    """The unit-text table: its texts, its per texts (keys start with ``/``), the texts and
    expressions to suggest (by key without diacritics), and the count nouns it defines."""

    entries: dict[str, _Entry]
    texts: tuple[str, ...]
    candidates: dict[str, str]
    per: dict[str, _Entry]
    per_candidates: dict[str, str]
    nouns: frozenset[str]
    added: int = 0  # how many texts the last layer added


_LOCK = threading.Lock()
_STATE: TableState | None = None


_REGISTRY_LOCK = threading.Lock()
#: A registry per set of count nouns (a layer may add nouns).
_REGISTRIES: dict[frozenset[str], pint.UnitRegistry[Any]] = {}


def table_state() -> TableState:
    """Return the table, building it on first use (thread-safe)."""
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


def _forget() -> None:
    global _STATE
    with _LOCK:
        _STATE = None


on_change(_forget)


def _check_layers(layers: tuple[Layer, ...]) -> int:
    """Read every layer (raising on a bad line); how many texts the last one adds."""
    return _build_state(layers).added


register_check("unit_texts", _check_layers)


class _Line(NamedTuple):
    where: str
    text: str
    expression: str
    variant_of: str | None


def _lines(layer: Layer) -> Iterator[_Line]:
    for number, raw in enumerate(layer.text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{layer.name}:{number}"
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
        key = normalize_unit_text(text)
        if key.startswith(PER) and (key.count(PER) > 1 or key == PER or variant_of):
            raise UnitError(f"{where}: a per text is '/' and words without '/', got {text!r}")
        yield _Line(where, text, expression, variant_of)


@functools.cache
def _units_names() -> dict[str, bool]:
    """Each name that units.txt defines (aliases too), and whether it is a count there
    (``NAME = [NAME]``)."""
    names: dict[str, bool] = {}
    for raw in _read_data(_UNITS_FILE).splitlines():
        fields = [field.strip() for field in raw.partition("#")[0].split("=")]
        if len(fields) > 1 and re.fullmatch(_NAME, fields[0]):
            names.update((alias, False) for alias in fields[2:])
            names[fields[0]] = fields[1] == f"[{fields[0]}]"
    return names


def _nouns(lines: list[_Line]) -> frozenset[str]:
    """The count nouns that ``count(NAME)`` lines define beyond units.txt."""
    nouns: set[str] = set()
    for line in lines:
        match = _COUNT.fullmatch(line.expression)
        if match is None:
            continue
        known = _units_names().get(match[1])
        if known is False:
            raise UnitError(f"{line.where}: {match[1]!r} is a unit of units.txt, not a count")
        if known is None:
            nouns.add(match[1])
    return frozenset(nouns)


def _definitions(nouns: frozenset[str]) -> list[str]:
    """The registry's definitions: units.txt, then one base unit per count noun."""
    return [*_read_data(_UNITS_FILE).splitlines(), *(f"{n} = [{n}]" for n in sorted(nouns))]


def _shipped_nouns() -> frozenset[str]:
    return _nouns(list(_lines(Layer(UNIT_TEXTS_FILE, _read_data(UNIT_TEXTS_FILE)))))


def _units_fingerprint() -> str:
    return hashlib.sha256("\n".join(_definitions(_shipped_nouns())).encode("utf-8")).hexdigest()


@functools.cache
def _known_expressions() -> dict[str, tuple[str, str]]:
    """The canonical form and dimension of the shipped table's expressions, as pint computed
    them for this very ``units.txt`` (empty when the file has changed since)."""
    data = json.loads(_read_data(_EXPRESSIONS_FILE))
    if data.get("units_sha256") != _units_fingerprint():
        return {}
    return {
        text: (canonical, dimension) for text, (canonical, dimension) in data["expressions"].items()
    }


def _canonical(expression: str, nouns: frozenset[str]) -> tuple[str, str]:
    """:func:`canonical_expression` of an expression, from :data:`_EXPRESSIONS_FILE` when the
    shipped table has it, so that reading the shipped units does not load pint."""
    count = _COUNT.fullmatch(expression)
    if count is not None:
        return count[1], f"[{count[1]}]"
    known = _known_expressions().get(expression)
    return known or canonical_expression(_registry_for(nouns), expression)


def write_expressions_file() -> Path:
    """Recompute, with pint, the file of the shipped table's canonical expressions.

    Run ``python -c "from kh922core._targets.unit_table import write_expressions_file as w; w()"``
    after changing ``units.txt`` or ``unit_texts.txt``; a test fails while the file is stale.
    """
    registry = _registry_for(_shipped_nouns())
    expressions: dict[str, list[str]] = {}
    for line in _lines(Layer(UNIT_TEXTS_FILE, _read_data(UNIT_TEXTS_FILE))):
        if _COUNT.fullmatch(line.expression) is None:  # a count needs no pint
            expressions[line.expression] = list(canonical_expression(registry, line.expression))
    document = {
        "about": "Generated from units.txt and unit_texts.txt by write_expressions_file() of "
        "kh922core._targets.unit_table; do not edit.",
        "units_sha256": _units_fingerprint(),
        "expressions": dict(sorted(expressions.items())),
    }
    path = Path(str(resources.files(_DATA_PACKAGE) / "data" / _EXPRESSIONS_FILE))
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _known_expressions.cache_clear()
    return path


def _build_state(layers: tuple[Layer, ...] | None = None) -> TableState:
    tables: dict[bool, dict[str, _Entry]] = {False: {}, True: {}}  # by "is a per text"
    texts: list[str] = []
    added = 0
    chosen = unit_text_layers() if layers is None else layers
    lines = [(layer, line) for layer in chosen for line in _lines(layer)]
    nouns = _nouns([line for _, line in lines])
    for layer, line in lines:
        try:
            canonical, dimension = _canonical(line.expression, nouns)
        except UnitError as exc:
            raise UnitError(f"{line.where}: {exc}") from exc
        key = normalize_unit_text(line.text)
        previous = tables[key.startswith(PER)].get(key)
        if previous is None:
            tables[key.startswith(PER)][key] = _Entry(
                line.text, canonical, dimension, line.variant_of
            )
            texts.extend([] if key.startswith(PER) else [line.text])
            added += layer is chosen[-1]
        elif (previous.expression, previous.variant_of) != (canonical, line.variant_of):
            where, text = line.where, line.text
            raise UnitError(f"{where}: {text!r} contradicts the earlier line for {previous.text!r}")
    entries, per = tables[False], tables[True]
    for _, line in lines:
        if line.variant_of and normalize_unit_text(line.variant_of) not in entries:
            raise UnitError(f"{line.where}: variant_of {line.variant_of!r} is not listed")
    pairs = [(strip_diacritics(key), entry.text) for key, entry in entries.items()]
    pairs += [(strip_diacritics(e.expression.casefold()), e.expression) for e in entries.values()]
    candidates = dict(reversed(pairs))  # the first text or expression of each folded key
    per_candidates = {strip_diacritics(key): entry.text for key, entry in per.items()}
    return TableState(entries, tuple(texts), candidates, per, per_candidates, nouns, added)


class ExpressionError(UnitError):
    """An expression that pint cannot read (turned into :class:`UnknownUnitError`)."""


def evaluate_expression(registry: pint.UnitRegistry[Any], expression: str) -> Any:
    """Evaluate a pint expression to a quantity (a number times units)."""
    if not is_plain_expression(expression):
        raise ExpressionError(f"{expression!r} is not a plain unit expression")
    try:
        quantity = registry.parse_expression(expression)
    except Exception as exc:  # pint raises many kinds (UndefinedUnitError, AssertionError, ...)
        raise ExpressionError(f"cannot read {expression!r}: {exc}") from exc
    if not isinstance(quantity, registry.Quantity):
        quantity = registry.Quantity(quantity, DIMENSIONLESS)
    return quantity


def canonical_expression(registry: pint.UnitRegistry[Any], expression: str) -> tuple[str, str]:
    """Return the canonical expression and the readable dimension of a pint expression."""
    quantity = evaluate_expression(registry, expression)
    magnitude = float(quantity.magnitude)
    if not math.isfinite(magnitude) or magnitude <= 0:
        raise UnitError(f"{expression!r} has scale {magnitude!r}; a scale must be positive")
    units = str(quantity.units)
    canonical = units if magnitude == 1 else f"{magnitude!r} * {units}"
    dimension = str(quantity.dimensionality)
    if RANK_DIMENSION in dimension and canonical != _RANK_EXPRESSION:
        raise UnitError(f"{expression!r} scales or combines a rank; a rank is only 'rank'")
    return canonical, dimension


def unit_registry() -> pint.UnitRegistry[Any]:
    """Return the library's private pint registry, built on first use from ``units.txt`` and
    the count nouns of the unit-text table (thread-safe).

    The same object is returned on every call, until a layer of unit texts adds a count noun.
    It is not pint's application registry; do not add definitions to it.

    Returns:
        The private :class:`pint.UnitRegistry`.

    Example:
        >>> unit_registry() is unit_registry()
        True
        >>> str(unit_registry().Quantity(30, "percent_grdp").to("fraction_grdp"))
        '0.3 fraction_grdp'
    """
    return _registry_for(table_state().nouns)


def _registry_for(nouns: frozenset[str]) -> pint.UnitRegistry[Any]:
    with _REGISTRY_LOCK:
        registry = _REGISTRIES.get(nouns)
        if registry is None:
            import pint  # imported here: a process that converts no unit never loads it

            registry = pint.UnitRegistry(None)
            registry.load_definitions(_definitions(nouns))
            _REGISTRIES[nouns] = registry
        return registry


def known_unit_texts() -> tuple[str, ...]:
    """Return the unit texts of the table, in file order, one per normalised key.

    Example:
        >>> known_unit_texts()[:3]
        ('%', '% GRDP', '%GDP')
    """
    return table_state().texts
