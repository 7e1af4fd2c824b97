"""The unit a target text writes, fitted to its indicator's unit.

A plan's unit column says ``tỷ đồng`` and the cell says ``168 triệu đồng``; the column says
``% GRDP`` and the cell says ``20%``.  :func:`fit_unit` decides, once per target:

* the same unit, or one the cell shortens (``%`` for any percentage, ``triệu đồng`` for
  ``triệu đồng/người``, ``tỷ đồng/năm`` for a yearly ``tỷ đồng``): the numbers stand as written;
* a unit of the same dimension on another scale (``triệu đồng`` for ``tỷ đồng``, ``%`` for a
  fraction, ``triệu lượt`` for ``lượt``): the numbers are converted into the indicator's unit
  (the factor from pint, computed once per unit pair), so that the target compares with values
  in the indicator's unit, never silently with the written scale;
* a percentage of a named whole in a row in ``%`` (``kinh tế số chiếm 30% GRDP``, ``phủ sóng
  99% dân số``): the row's ``%``, the whole kept in the note (the row names no whole of its own);
* anything else is refused (:class:`~kh922core.errors.IncompatibleUnitError`, naming both);
* a number that writes no unit but a word that looks like one the grammar does not know (glued
  to the number, ``5%o``; abbreviated or with a ``/``, ``120 tr.đ``, ``5 lượt/ngày``; a count of
  months or quarters, ``1 tháng``; a rating, ``4 sao``; a unit with its space lost, ``12.500
  tỷđồng``) is refused too, in a row with a unit:
  the number read in the indicator's unit would be a wrong answer.  Other words after such a
  number are a label (``90 cấp tỉnh``, ``≥ 95 hằng năm``).

Examples:
    >>> from kh922core._targets.kinds import Comparison
    >>> spec = Comparison(operator="ge", value=168, unit="triệu đồng")
    >>> fitted = fit_unit("≥ 168 triệu đồng", spec, parse_unit("tỷ đồng"))
    >>> fitted.value, fitted.unit
    (0.168, 'tỷ đồng')
    >>> twenty = Comparison(operator="target", value=20, unit="%")
    >>> fit_unit("20%", twenty, parse_unit("% GRDP")).unit
    '%'
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import Comparison, Operator, TargetSpec
from kh922core._targets.name_noun_context import NAME
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.units import (
    Unit,
    conversion_factor,
    is_compatible,
    normalize_unit_text,
    parse_unit,
)
from kh922core._text import fold
from kh922core.errors import IncompatibleUnitError, TargetParseError, UnknownUnitError

__all__ = [
    "counts_things",
    "fit_unit",
    "is_rate",
    "is_share",
    "per_year_part",
    "refuse_unknown_word",
]

#: The unit of a rate of change: an indicator in it takes "tăng X%" as its level.
RATE_UNIT = "%/năm"
_PER_YEAR = re.compile(r"^(?P<base>.+?)\s*/\s*năm$", re.IGNORECASE)
#: Significant digits kept of a converted number (a factor such as 0.001 leaves float noise).
_DIGITS = 12


def is_rate(unit: Unit) -> bool:
    """Whether ``unit`` measures a rate of change (``%/năm``)."""
    return unit.dimension == parse_unit(RATE_UNIT).dimension


#: Dimensions of a measure, not of a count of things (money, mass, time, a score …).
_MEASURES = (
    "currency",
    "mass",
    "time",
    "energy",
    "length",
    "volume",
    "power",
    "index_score",
    "data_rate",
    "working",
)


def counts_things(unit: Unit) -> bool:
    """Whether ``unit`` counts things (``trường``, ``doanh nghiệp``, ``xã``), not a measure
    (``điểm``, money, mass, time …).

    Examples:
        >>> counts_things(parse_unit("doanh nghiệp")), counts_things(parse_unit("tỷ đồng"))
        (True, False)
    """
    found = re.fullmatch(r"\[(\w+)\]", unit.dimension)
    return found is not None and not found.group(1).startswith(_MEASURES)


def is_share(unit: Unit) -> bool:
    """Whether ``unit`` is a percentage or a fraction of something (``%``, ``% GRDP``)."""
    return not is_rate(unit) and (
        unit.expression.startswith("percent") or unit.dimension == "dimensionless"
    )


def per_year_part(written: str | None) -> tuple[str | None, bool]:
    """A written unit without a trailing ``/năm``, and whether it had one (``hộ/năm``).

    ``%/năm`` gives ``("%", True)``; a text whose part before ``/năm`` is no unit is kept whole.
    """
    if written is None:
        return None, False
    found = _PER_YEAR.match(written.strip())
    if found is None:
        return written, False
    base = found.group("base").strip()
    try:
        parse_unit(base)
    except UnknownUnitError:
        return written, False
    return base, True


#: A subject that counts per each of something ("mỗi trạm y tế", "bình quân mỗi hộ").
_PER_EACH = re.compile(
    r"^(?:bình\s+quân\s+|trung\s+bình\s+)?mỗi\s+(?P<noun>.+?)(?:\s+(?:có|đạt|được)\b.*)?$",
    re.IGNORECASE,
)


#: Words that make a per cent of a whole another level's (the country's, a region's, a year's,
#: per head: "90% GRDP bình quân đầu người cả nước", "30% GRDP năm 2025").
_OTHER_LEVEL = re.compile(
    r"(?<!\w)(?:cả\s+nước|toàn\s+quốc|vùng|bình\s+quân\s+đầu\s+người"
    r"|(?P<year>năm\s+(?:19|20)\d\d))(?!\w)",  # a year right after the whole: that year's
    re.IGNORECASE,
)


def _of_a_whole(unit: Unit) -> bool:
    """Whether ``unit`` is a percentage of a named whole (``% GRDP``, ``% dân số``)."""
    return unit.expression.startswith("percent_") and not is_rate(unit)


def _shortened(written: Unit, unit: Unit) -> bool:
    """Whether the written unit is a short form of the indicator's (numbers as written)."""
    if written.expression == "percent" and (unit.expression.startswith("percent") or is_rate(unit)):
        return True  # "20%" in a "% GRDP" or "%/năm" row
    # "triệu đồng" in a "triệu đồng/người/năm" row: the head of a per unit (written as the row
    # writes it, or in another text of the same unit: "tr.đồng")
    if normalize_unit_text(unit.text).startswith(normalize_unit_text(written.text) + "/"):
        return True
    head = unit.text.split("/")[0]
    if "/" not in unit.text or not head.strip():
        return False
    try:
        return parse_unit(head).expression == written.expression
    except UnknownUnitError:
        return False


def _refuse_other_denominator(text: str, spec: TargetSpec, written: Unit, unit: Unit) -> None:
    """``mỗi trạm y tế có ít nhất 1 bác sĩ`` in a ``bác sĩ/vạn dân`` row: the head of the per
    unit, counted per something else than its denominator, is not the indicator's number."""
    found = _PER_EACH.match(getattr(spec, "note", None) or "")
    if found is None or written.expression == "percent":
        return
    each = normalize_unit_text(found.group("noun"))
    denominators = [normalize_unit_text(part) for part in unit.text.split("/")[1:]]
    if not any(each.startswith(part) or part.startswith(each) for part in denominators):
        raise IncompatibleUnitError(
            f"{written.text} per {found.group('noun').strip()}",
            unit.text,
            f"the target text {text!r} counts per another thing than the indicator",
        )


#: A subject that names a total ("Số bác sĩ", "Tổng số giường bệnh", "Toàn tỉnh có"), and words
#: that count per something ("bình quân", "mỗi"): which a per unit's head leaves apart.
_TOTAL = re.compile(
    r"^\W*(?:phấn\s+đấu\s+)?(?:(?:tổng\s+)?số\b|tổng\b(?!\s+sản\s+phẩm)|(?:toàn|cả)\s+(?:tỉnh|huyện|thành\s+phố)\s*,?\s*có\b)",
    re.IGNORECASE,
)
_PER_WORDS = re.compile(
    r"\b(?:bình\s+quân|trung\s+bình|đầu\s+người|mỗi|trên\s+(?:1\s+|một\s+)?(?:vạn|nghìn|ngàn|"
    r"trăm|triệu)|trên\s+[\d.]+\s+(?:dân|người))\b",
    re.IGNORECASE,
)


def _refuse_total(text: str, written: Unit, unit: Unit) -> None:
    """``Số bác sĩ đạt 2.000 bác sĩ`` in a ``bác sĩ/vạn dân`` row: the head of the per unit
    after a subject that names the total (``Số …``, ``Toàn tỉnh có``), and no word of the
    denominator anywhere: a total, not the indicator's number per its denominator."""
    number = NUMBER_PATTERN.search(text)
    subject = text[: number.start()] if number is not None else text
    denominators = [normalize_unit_text(part) for part in unit.text.split("/")[1:]]
    per = _PER_WORDS.search(text) or any(  # before the number or after it
        part and part in normalize_unit_text(text) for part in denominators
    )
    if _TOTAL.match(subject) and not per:
        raise IncompatibleUnitError(
            written.text,
            unit.text,
            f"the target text {text!r} names a total ({subject.strip()!r}), not a number per "
            f"{'/'.join(unit.text.split('/')[1:])}",
        )


def _scaled(spec: TargetSpec, factor: float, unit: Unit) -> TargetSpec:
    update: dict[str, object] = {"unit": unit.text}
    for field in ("value", "low", "high"):
        number = getattr(spec, field, None)
        if isinstance(number, float):
            update[field] = float(f"{number * factor:.{_DIGITS}g}")
    return spec.model_copy(update=update)


def fit_unit(text: str, spec: TargetSpec, unit: Unit | None) -> TargetSpec:
    """``spec`` with its written unit fitted to the indicator's ``unit`` (see the module).

    Raises:
        IncompatibleUnitError: The written unit measures something else than the indicator.
    """
    written_text = getattr(spec, "unit", None)
    if written_text is None and unit is not None:
        refuse_unknown_word(text, spec, unit)
    if written_text is None or unit is None:
        return spec
    written = parse_unit(written_text)
    if written.expression == unit.expression:
        return spec
    if "‰" in (written.variant_of, unit.variant_of):  # "5%o" in a "%" row, "95%" in "%o"
        raise TargetParseError(  # 5 ‰, or 5 % and a stray letter?
            text,
            max(text.find(written_text), 0),
            f"the unit of the row ({unit.text!r}), or '‰' written as it is",
            reason=f"{written_text!r} in a row of {unit.text!r}: a per mille written with "
            "letters is not converted into another unit, nor another unit into it",
        )
    if _shortened(written, unit):
        _refuse_other_denominator(text, spec, written, unit)
        if written.expression != "percent":
            _refuse_total(text, written, unit)
        return spec
    if unit.expression == "percent" and _of_a_whole(written):  # "30% GRDP" in a "%" row
        whole = written_text.split("%", 1)[1].strip()
        at = text.casefold().find(whole.casefold())
        other = _OTHER_LEVEL.search(text, at + len(whole)) if at >= 0 else None
        if other is not None and (
            other.group("year") is None or not text[at + len(whole) : other.start()].strip()
        ):  # "90% GRDP bình quân đầu người cả nước": another level's share
            raise TargetParseError(
                text,
                max(text.find(other.group(0)), 0),
                "the level to reach, in the indicator's unit",
                reason=f"{written_text!r} of {other.group(0)!r}: a share of another level "
                "(the country's, a region's, a year's) is not a level of the series",
            )
        note = ", ".join(part for part in (getattr(spec, "note", None), f"% {whole}") if part)
        return spec.model_copy(update={"unit": "%", "note": note})
    if is_compatible(written, unit):
        factor = conversion_factor(written, unit)
        return spec if factor == 1.0 else _scaled(spec, factor, unit)
    base, yearly = per_year_part(written_text)
    other_time = re.search(r"/\s*(?:tháng|quý|tuần|ngày|giờ)(?!\w)", unit.text, re.IGNORECASE)
    if yearly and base is not None and other_time is None:  # "12.000 tỷ đồng/năm" in a yearly
        # "tỷ đồng" row (a row per month or per day is no yearly row: "/năm" would be lost)
        fitted = fit_unit(text, spec.model_copy(update={"unit": base}), unit)
        if fitted.unit == base:  # type: ignore[union-attr]
            return spec
        # "25 nghìn người/năm" in a "người" row: 25.000, and still a year's ("người/năm")
        return fitted.model_copy(update={"unit": f"{unit.text}/năm"})
    if unit.expression == "percent" and _none_of_a_count(spec, written):
        # "Không còn hộ nghèo" in "Tỷ lệ hộ nghèo" (%): none of them is 0 % of them
        note = " ".join(part for part in (written_text, getattr(spec, "note", None)) if part)
        return spec.model_copy(update={"unit": "%", "note": note})
    raise IncompatibleUnitError(
        written_text, unit.text, f"the target text {text!r} contradicts the indicator"
    )


def _none_of_a_count(spec: TargetSpec, written: Unit) -> bool:
    """Whether ``spec`` is none at all (``≤ 0``) of a count (``hộ``, ``xã``: not an amount) that
    the row's name, where one is given, has as its whole subject (``hộ nghèo`` of ``Tỷ lệ hộ
    nghèo (…)``; not of ``Tỷ lệ hộ cận nghèo``, ``Tỷ lệ hộ nghèo và cận nghèo``, ``Tỷ lệ giảm hộ
    nghèo``, nor ``huyện nghèo``: none of them is no share of the row)."""
    none = isinstance(spec, Comparison) and spec.operator is Operator.LE and spec.value == 0
    if not (none and spec.change is None and counts_things(written)):
        return False
    name = NAME.get()
    counted = " ".join(p for p in (written.text, getattr(spec, "note", None)) if p)
    head = " ".join(re.split(r"[,(;]|\btheo\b", counted)[0].split())  # "hộ nghèo (trừ …)"
    subject = re.sub(r"^\W*t[ỷỉ]\s+lệ\s+|\([^()]*\)", " ", fold(name or ""))  # "Tỷ lệ hộ nghèo"
    return name is None or fold(head) == " ".join(subject.split())


#: Words after a number that name what it counts though the table lists them only after "/"
#: (a count of years, months or quarters) or not at all (an OCOP rating in stars; the local land
#: measure "sào", whose size differs from one region to another).
_COUNTING_WORDS = frozenset({"năm", "tháng", "quý", "sao", "sào"})
#: A symbol of a unit the table does not know, written in Latin letters as units are: a prefix
#: and a symbol ("kWp", "kV", "MVA") or a rate of bits ("Gbps").
_UNIT_SYMBOL = re.compile(
    r"[kMGTm](?:W|V|A|B)|[kMGTm]?(?:Wp|VA|Ah|Hz)|[kKMGT]?bps|KVA|KWP|MWP", re.ASCII
)
#: A counting word's compounds that count no such thing ("năm học", "năm cuối kỳ").
_COMPOUNDS = {"năm": ("học", "cuối", "đầu", "sau", "trước", "tiếp", "nay", "tới")}
#: The indicators' units in which a count of years is the unit's own ("≥ 75 năm" of an age).
_YEARS_UNITS = ("tuổi", "năm")
#: Marks of a unit that the table does not know: an abbreviation ("tr.đ"), a per unit, a
#: quote or a bracket glued to it, a per-mille written with letters ("%o").
_UNIT_MARKS = re.compile(r"[./\"”’)\]]|^%")
_WORD = re.compile(r"\s*((?:%|[^\W\d_])\S*)")
#: Words, then a "/" and a word: a per unit the table does not know, right after a number.
_WORDS_PER = re.compile(r"[^\W\d_][^\s/]*(?:\s+[^\W\d_][^\s/]*){0,3}\s*/\s*\w")


def refuse_unknown_word(text: str, spec: TargetSpec, unit: Unit) -> None:
    """Refuse a number that writes a word the grammar read as a note, not a unit, right after
    it, in a row whose indicator has a unit (see the module docstring)."""
    note = getattr(spec, "note", None)
    if not note or spec.kind not in ("comparison", "range", "approximate"):
        return
    if note.startswith("(") and note.endswith(")"):  # in brackets, as a render writes one
        return
    words = set(note.casefold().split())
    for number in NUMBER_PATTERN.finditer(text):
        after = _WORD.match(text, number.end())
        if after is None:
            continue
        word = after.group(1)
        glued = after.start(1) == number.end()  # "5%o", "24h"
        counting = word.casefold() in _COUNTING_WORDS and not _compound(text, after.end(1), word)
        if counting and word.casefold() == "năm" and unit.text.casefold() in _YEARS_UNITS:
            counting = False
        unit_like = bool(
            glued or _UNIT_MARKS.search(word) or counting or _UNIT_SYMBOL.fullmatch(word)
        ) or _space_lost(word)  # "12.500 tỷđồng": "tỷ đồng", not a label
        per = _WORDS_PER.match(text, after.start(1))  # "3 y sỹ/nghìn dân", "2 bác sĩ/trạm"
        unit_like = unit_like or (per is not None and "/" in unit.text)
        if not unit_like or word.casefold() not in words:
            continue  # "90 cấp tỉnh", "≥ 95 hằng năm": a label, not what the number counts
        raise TargetParseError(
            text,
            after.start(1),
            f"a unit of the indicator's ({unit.text!r}) after the number, or the words before it",
            reason=f"{_shown(text, per) if per else word!r} after {number.group(0)!r} is not a "
            "unit the grammar knows: read in "
            f"{unit.text!r}, the number would count something else",
        )


def _shown(text: str, per: re.Match[str]) -> str:
    """The per unit as written, to its end (``y sỹ/nghìn dân``)."""
    rest = re.match(r"[^\s,;()]*(?:\s+(?:dân|người|dân số))?", text[per.end() :])
    return text[per.start() : per.end() + (rest.end() if rest else 0)]


def _space_lost(word: str) -> bool:
    """Whether ``word`` is a unit of the table written without the space inside it
    (``tỷđồng``, ``nghìntấn``)."""
    for cut in range(1, len(word)):
        try:
            parse_unit(f"{word[:cut]} {word[cut:]}")
        except UnknownUnitError:
            continue
        return True
    return False


def _compound(text: str, end: int, word: str) -> bool:
    """Whether the counting ``word`` ending at ``end`` starts a compound that counts another
    thing ("năm học", "mẫu giáo")."""
    following = text[end:].split(maxsplit=1)
    return bool(following) and following[0].casefold() in _COMPOUNDS.get(word.casefold(), ())
