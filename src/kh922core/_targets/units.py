"""Units of measure: the unit texts that plans print, read through a private pint registry.

Plans print units as Vietnamese texts ("% GRDP", "Người/vạn dân", "Thứ bậc").  Two data files
give them meaning:

* ``data/units.txt`` -- pint definitions of the units and their dimensions;
* ``data/unit_texts.txt`` -- the table from printed texts to pint expressions.

Both are loaded once, lazily, into a private :class:`pint.UnitRegistry`; pint's application
registry is never read or changed.  Texts are matched after normalisation (see
:func:`normalize_unit_text`).  A text that is not in the table is read as a composed text when
its ``/`` mean "per" (``"bác sĩ/vạn dân"``, ``"triệu đồng/người/năm"``), or else accepted when it
is a plain pint expression over the defined units (``"percent"``, ``"person / inhabitant"``).
Counts of different things (``hộ``, ``xã``) each have their own dimension.

Example:
    >>> parse_unit("Người/vạn dân").dimension
    '[person] / [inhabitant]'
    >>> conversion_factor("fraction", "%")
    100.0
    >>> is_compatible("% GRDP", "%")
    False
    >>> conversion_factor("bác sĩ/1.000 dân", "Bác sĩ/vạn dân")
    10.0
    >>> is_compatible("hộ", "xã")
    False
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from pydantic import BaseModel, ConfigDict

from kh922core._targets.unit_table import (
    PER,
    RANK_DIMENSION,
    ExpressionError,
    TableState,
    canonical_expression,
    evaluate_expression,
    is_plain_expression,
    known_unit_texts,
    normalize_unit_text,
    table_state,
    unit_registry,
)
from kh922core._targets.wording import on_change
from kh922core._text import strip_diacritics
from kh922core.errors import IncompatibleUnitError, InvalidValueError, UnknownUnitError

__all__ = [
    "Unit",
    "conversion_factor",
    "is_compatible",
    "known_unit_texts",
    "normalize_unit_text",
    "parse_unit",
    "unit_registry",
]


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
        return self.dimension == RANK_DIMENSION


def parse_unit(text: str) -> Unit:
    """Read a unit text.

    The text is looked up in the unit-text table after :func:`normalize_unit_text`; an empty
    or blank text is no unit, and refused (a plain number is ``fraction``).  A text that is not listed is read as composed
    when it is the longest listed text before a ``/`` followed by parts, each after a ``/``, that
    are listed texts or per texts (``/vạn dân``, ``/năm``): ``"hộ/xã"`` is households per
    commune.  Otherwise the text must be a plain pint expression over the units of
    ``units.txt`` (names, numbers, ``*``, ``/``, parentheses and a unit name raised to a small
    integer power).

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
        >>> parse_unit("Giường bệnh / 1.000 dân").expression
        '0.001 * hospital_bed / inhabitant'
        >>> parse_unit("Nguoi/van dan")
        Traceback (most recent call last):
        ...
        kh922core.errors.UnknownUnitError: unknown unit 'Nguoi/van dan'; did you mean 'Người/vạn dân'?
    """  # noqa: E501
    if not isinstance(text, str):
        raise InvalidValueError(
            f"a unit is a text (or a kh922core.Unit), got {type(text).__name__} {text!r}"
        )
    return _parse_unit(text)


def _parse_unit(text: str) -> Unit:
    found = _read(text)
    if isinstance(found, Unit):
        return found
    raise UnknownUnitError(text, found)


#: Bytes a second (``MB/s``, ``GBps``: the texts are matched without case, and ``Mb/s`` is
#: megabits): eight times the bits, or bits written loosely?  Refused, suggesting the bits.
_BYTES = re.compile(r"(?<![^\W\d_])([kKMGT])B\s*(?:/\s*(?:s|giây)\b|ps\b)")


@functools.lru_cache(maxsize=4096)
def _read(text: str) -> Unit | tuple[str, ...]:
    """The unit of a text, or the suggestions for an unknown one (cached: the grammar tries
    the words after a number again and again)."""
    state = table_state()
    key = normalize_unit_text(text)
    if _BYTES.search(text):  # "MB/s": bytes, eight bits each, or bits written loosely?
        return tuple(f"{b[0]}bps" for b in _BYTES.findall(text))
    entry = state.entries.get(key)
    if entry is not None:
        return Unit(
            text=text,
            expression=entry.expression,
            dimension=entry.dimension,
            variant_of=entry.variant_of,
        )
    if not key:  # "" or "  ": no unit, never a plain number (55 % would be 0,55)
        return ()
    expression = (
        _composed(state, key)
        or _scaled(state, key)
        or _composed(state, _PER_POPULATION.sub(PER, key, count=1))
        or unicodedata.normalize("NFC", text).strip()
    )
    if is_plain_expression(expression):
        try:
            canonical, dimension = canonical_expression(unit_registry(), expression)
        except ExpressionError:
            pass
        else:
            return Unit(text=text, expression=canonical, dimension=dimension)
    return tuple(_suggestions(state, key))


on_change(_read.cache_clear)


#: "trên (một) vạn dân" after a listed text: the per text "/vạn dân" ("bác sĩ trên 1 vạn dân" is
#: "bác sĩ/vạn dân"; a per text is listed with its scale, so no other "trên" is read so).
_PER_POPULATION = re.compile(r"\s+trên\s+(?:(?:một|1|01)\s+)?(?=[^\s/]+\s+dân$)")


def _composed(state: TableState, key: str) -> str | None:
    """The expression of a text whose ``/`` mean "per": the longest listed text before a ``/``,
    divided by each part after one (a per text, a listed text, or a power of ten of one);
    ``None`` when it is not."""
    segments = key.split(PER)
    for cut in range(len(segments) - 1, 0, -1):
        head = state.entries.get(PER.join(segments[:cut]))
        parts = [_per_part(state, segment) for segment in segments[cut:]]
        if head is None or any(part is None for part in parts):
            continue
        if RANK_DIMENSION in head.dimension or "" in parts:
            return None  # a rank is never combined
        return " / ".join(f"({expression})" for expression in [head.expression, *parts])
    return None


#: A denominator's number before a listed text ("/100.000 trẻ đẻ sống", "/100 hộ"): a power of
#: ten, written in digits (the table's key has no thousands separators).
_COUNTED = re.compile(r"(1(?:0){1,6}) (\S.*)")


def _per_part(state: TableState, segment: str) -> str | None:
    """The expression of a part after a ``/``: a per text, a listed text, or a power of ten of
    a listed text (``100000 trẻ đẻ sống``); ``""`` for a rank (never combined), ``None`` for
    none of them."""
    entry = state.per.get(PER + segment) or state.entries.get(segment)
    found = _COUNTED.fullmatch(segment) if entry is None else None
    if found is not None:
        entry = state.entries.get(found.group(2))
    if entry is None:
        return None
    if RANK_DIMENSION in entry.dimension:
        return ""
    return entry.expression if found is None else f"{found.group(1)} * ({entry.expression})"


#: Scale words before a unit ("8,5 triệu lượt", "500 nghìn tỷ đồng"): the unit times the scale.
_SCALES = {
    "trăm": 100,
    "nghìn": 1_000,
    "ngàn": 1_000,
    "vạn": 10_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
}


def _scaled(state: TableState, key: str) -> str | None:
    """The expression of a scale word and a unit (``triệu lượt``, ``nghìn tỷ đồng``)."""
    word, _, rest = key.partition(" ")
    scale = _SCALES.get(word)
    if scale is None or not rest:
        return None
    entry = state.entries.get(rest)
    if entry is not None and RANK_DIMENSION in entry.dimension:
        return None
    inner = entry.expression if entry is not None else _composed(state, rest)
    return None if inner is None else f"{scale} * ({inner})"


def _suggestions(state: TableState, key: str) -> list[str]:
    folded = strip_diacritics(key)
    if folded in state.candidates:  # the same text without (or with other) diacritics
        return [state.candidates[folded]]
    if PER in key.strip(PER):  # a composed text: the closest text or part around each "/"
        head, *parts = key.split(PER)
        pieces = [_close(state.candidates, head)]
        for part in parts:
            per = _close(state.per_candidates, PER + part)
            pieces.append(per or [PER + close for close in _close(state.candidates, part)])
        if all(pieces):
            return ["".join(piece[0] for piece in pieces)]
    return _close(state.candidates, key, 3)


def _close(candidates: dict[str, str], key: str, n: int = 1) -> list[str]:
    folded = strip_diacritics(key)
    if folded in candidates:
        return [candidates[folded]]
    matches = difflib.get_close_matches(folded, list(candidates), n=n, cutoff=0.6)
    return [candidates[match] for match in matches]


def _as_unit(unit: str | Unit) -> Unit:
    return unit if isinstance(unit, Unit) else parse_unit(unit)


@functools.lru_cache(maxsize=1024)
def _pair_factor(source_expression: str, target_expression: str) -> tuple[float | None, str]:
    """Factor from one canonical expression to another, or ``None`` and the reason."""
    if source_expression == target_expression:
        return 1.0, ""  # the same unit: no need to ask pint
    registry = unit_registry()
    source = evaluate_expression(registry, source_expression)
    target = evaluate_expression(registry, target_expression)
    source_dimension = str(source.dimensionality)
    target_dimension = str(target.dimensionality)
    if RANK_DIMENSION in (source_dimension, target_dimension) and (
        source_expression != target_expression
    ):
        return None, "a rank converts only to a rank"
    if source.dimensionality != target.dimensionality:
        return None, f"dimension {source_dimension} is not {target_dimension}"
    import pint  # loaded by the registry already; named here for its error class

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
