"""A number counted per each of something in a row that counts the whole.

``Mỗi xã có ít nhất 2 sản phẩm OCOP`` in a row in ``sản phẩm``: the row's observations are the
province's products, the text asks two in every commune.  Read as ``≥ 2 sản phẩm``, any
province with two products would meet it.  So is ``Đạt 2 cán bộ CNTT/cơ quan`` in a row in
``người``.  Refused, naming the thing counted per; read where the row's unit is per that thing
(``sản phẩm/xã``: see the unit fitting) or the indicator's name says it counts per each
(``Số sản phẩm OCOP bình quân mỗi xã``).  A share (``%``) has its own rule: a count in a row
of a share is refused.

In a row per person (``triệu đồng/người/năm``: ``Thu nhập bình quân đầu người``), an income
or a holding per household or per worker (``Thu nhập bình quân mỗi hộ đạt 300 triệu đồng``,
``… của hộ nông dân``, ``… một lao động``) is refused too: a household's income is several
people's, read per person it was met four times over.  A row whose name counts per that thing
(``Thu nhập bình quân của người lao động``) reads it.  A period after the written unit
(``3 tỷ đồng/năm``) says no thing counted per: ``mỗi hợp tác xã`` before it still is one.

A figure per so many inhabitants or per hectare named in the subject (``Số bác sĩ trên 1 vạn
dân đạt 15``, ``… trên 10.000 dân``, ``Giá trị sản phẩm trên 1 ha đạt 150 triệu đồng``) is
refused where the row counts per another number of them (``bác sĩ/nghìn dân``: 15 a ten
thousand read as 15 a thousand) or where neither the row's unit nor its name says it counts
per any (``Số bác sĩ`` in ``bác sĩ``: 15 doctors in the province); a yield per hectare with no
name given reads, the text naming the measure (``triệu đồng``).
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import TargetSpec
from kh922core._targets.unit_fit import is_rate, is_share
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["refuse_per_each"]

#: "mỗi xã", "mỗi cơ quan, đơn vị": each of a thing, not of a period ("mỗi năm", "mỗi quý").
_EACH = re.compile(
    r"(?<!\w)(?:mỗi|từng)\s+(?!(?:năm|quý|tháng|tuần|ngày|kỳ|giai|nhiệm|lần|khi|bước|người\s+dân\s+đều)(?!\w))"
    r"(?P<noun>[^\W\d_]+(?:\s+(?!(?:có|đạt|được|phải|từ|ít|tối|trên|xã)(?!\w))[^\W\d_]+){0,2})",
    re.IGNORECASE,
)
#: Every one of a thing, said otherwise: "tất cả các xã", "các xã đều có", "xã nào cũng có",
#: "2 sản phẩm một xã".
_EVERY = re.compile(
    r"(?<!\w)(?:(?:tất\s+cả|toàn\s+bộ)\s+(?:các\s+)?(?P<all>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:đều\s+)?có"
    r"|các\s+(?P<both>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+đều\s+có"
    r"|(?P<any>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+nào\s+cũng\s+có"
    r"|(?<=\s)một\s+(?P<one>xã|phường|huyện|hộ|trường|cơ\s+quan|đơn\s+vị|doanh\s+nghiệp)\s*$)"
    r"(?!\w)",
    re.IGNORECASE,
)
#: A per unit left in the note (``cán bộ CNTT/cơ quan``): counted per that thing.
_PER_NOUN = re.compile(r"/\s*(?P<noun>[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+)?)\s*$")
#: An indicator's name that counts per each (``bình quân mỗi xã``, ``trên 1 vạn dân``, ``/xã``).
_PER_NAME = re.compile(r"(?<!\w)(?:mỗi|bình\s+quân|trung\s+bình|trên)(?!\w)|/", re.IGNORECASE)
#: A unit per person ("triệu đồng/người/năm", "USD/người").
_PER_PERSON = re.compile(r"/\s*(?:người|đầu\s+người|nhân\s+khẩu)(?!\w)", re.IGNORECASE)
#: A household or a worker as what a number is per ("mỗi hộ", "bình quân hộ gia đình", "của
#: hộ nông dân", "một lao động").
_OTHER_HOLDER = re.compile(
    r"(?<!\w)(?:mỗi|một|bình\s+quân(?:\s+(?:của|mỗi|một))?|của)\s+(?P<noun>hộ(?:\s+gia\s+đình)?|"
    r"(?:người\s+)?lao\s+động)(?!\w)",
    re.IGNORECASE,
)
#: A figure per a number of inhabitants or per hectare: "trên 1 vạn dân", "trên 10.000 dân",
#: "/vạn dân", "trên 1 ha", "/ha" (in a subject, a unit or a name); "có trên 1 vạn dân" is more.
_PER_MANY = re.compile(
    r"(?:(?<!\w)(?<!có\s)(?:trên|mỗi)|/)\s*(?:(?P<digits>0?1(?:[.,\u00a0 ]?0){0,6}|một)\s*)?"
    r"(?P<scale>vạn|nghìn|ngàn|triệu)?\s*(?P<what>(?:người\s+)?dân|ha|hecta|héc-ta)(?!\w)",
    re.IGNORECASE,
)
#: Per person: "/người", "đầu người", "mỗi người dân", "trên mỗi người dân" (not "người lao
#: động": a worker).
_PER_ONE = re.compile(
    r"(?:(?<!\w)(?:trên\s+mỗi|trên|mỗi|đầu|bình\s+quân)\s+người|/\s*người)(?:\s+dân)?"
    r"(?!\s+lao)(?!\w)",
    re.IGNORECASE,
)
#: The words that say a figure is per person, whoever holds it ("đầu người của hộ nghèo",
#: "nhân khẩu của hộ", "… triệu đồng/người/năm của hộ gia đình").
_SAID_PER_PERSON = re.compile(
    r"(?<!\w)(?:đầu\s+người|nhân\s+khẩu|mỗi\s+người(?!\s+lao))(?!\w)|/\s*người(?!\w)",
    re.IGNORECASE,
)
_SCALES = {"vạn": 10_000, "nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000}
#: A period after a written unit ("tỷ đồng/năm"): no thing counted per.
_PERIOD = re.compile(r"\s*/\s*(?:năm|quý|tháng|tuần|ngày)\s*$", re.IGNORECASE)


def refuse_per_each(text: str, spec: TargetSpec, unit: Unit | None, name: str | None) -> None:
    """Refuse a number counted per each of something (``mỗi xã có …``, ``…/cơ quan``) in a row
    whose unit counts the whole (see the module)."""
    if spec.kind not in ("comparison", "range", "approximate") or spec.change is not None:
        return
    _refuse_other_holder(text, unit, name)
    _refuse_other_denominator(text, spec, unit, name)
    if unit is None or "/" in unit.text or is_share(unit) or is_rate(unit) or unit.is_rank:
        return  # no row's unit: nothing says the row counts the whole
    written = _PERIOD.sub("", getattr(spec, "unit", None) or "")
    if "/" in written or written.startswith("%") or (name and _PER_NAME.search(name)):
        return
    found = _EACH.search(text) or _EVERY.search(text)
    noun = next((n for n in found.groupdict().values() if n), None) if found else None
    if noun is None:
        per = _PER_NOUN.search(getattr(spec, "note", None) or "")
        noun = per.group("noun") if per is not None else None
    if noun is None:
        return
    whole = unit.text
    raise TargetParseError(
        text,
        found.start() if found is not None else max(text.find("/"), 0),
        f"the row's total ({whole!r}), or the row's unit per {noun!r} ('{whole}/{noun}')",
        reason=f"counted per {noun!r}, in a row that counts the whole: any total of it would "
        "meet the number",
    )


def _refuse_other_holder(text: str, unit: Unit | None, name: str | None) -> None:
    """Refuse an income per household or per worker in a row per person (see the module)."""
    if unit is None or not _PER_PERSON.search(unit.text):
        return
    found = _OTHER_HOLDER.search(text)
    if found is None or _SAID_PER_PERSON.search(text):
        return  # none, or the text says per person ("đầu người của hộ nghèo")
    head = "hộ" if found.group("noun").startswith("hộ") else "lao động"
    if re.search(rf"(?<!\w){head}(?!\w)", name or "", re.IGNORECASE):
        return  # the row's own holder ("Thu nhập bình quân của lao động nông thôn")
    if head == "lao động" and not re.search(r"đầu\s+người|\bdân\b", name or "", re.IGNORECASE):
        return  # a worker is a person, unless the row is per inhabitant
    raise TargetParseError(
        text,
        found.start(),
        f"the figure per person of the row ({unit.text!r}), or a row of its own per "
        f"{found.group('noun')!r}",
        reason=f"{found.group(0)!r}: per {found.group('noun')!r}, in a row per person",
    )


def _per_many(text: str, subject: bool = False) -> tuple[str, int] | None:
    """What a figure is per (``dân``, ``ha``) and how many of them, as ``text`` writes it; in
    a ``subject``, only with its number, before the target's (``Dân số trên 1 triệu dân`` is
    the level, ``trên dân số`` no figure per)."""
    if not subject and re.search(
        r"(?:trên|/)\s*(?:1\s+|một\s+)?đơn\s+vị\s+diện\s+tích", text, re.I
    ):
        return "ha", 1  # "Giá trị sản phẩm trên đơn vị diện tích đất canh tác"
    found = _PER_MANY.search(text)
    person = None if subject else _PER_ONE.search(text)  # a subject's person names no per
    if person is not None and (found is None or person.start() < found.start()):
        return "dân", 1  # "mỗi người dân", "/người", "đầu người"
    if found is None or (subject and not re.search(r"\d", text[found.end() :])):
        return None
    if subject and not (found.group("digits") or found.group("scale")):
        return None
    digits = re.sub(r"\D", "", found.group("digits") or "1") or "1"  # "một"
    scale = _SCALES.get((found.group("scale") or "").lower(), 1)
    what = "ha" if found.group("what").lower() in ("ha", "hecta", "héc-ta") else "dân"
    return what, int(digits) * scale


def _refuse_other_denominator(
    text: str, spec: TargetSpec, unit: Unit | None, name: str | None
) -> None:
    """Refuse a figure per so many inhabitants or hectares named in the subject, where the row
    counts per another number or per none (see the module)."""
    said = _per_many(text, subject=True)
    written = getattr(spec, "unit", None) or ""
    if said is None or unit is None or _per_many(written) is not None:
        return  # none said, no row to judge by, or the per is the written unit's (converted)
    own = _per_many(unit.text) or _per_many(name or "")
    productivity = re.match(r"\W*năng\s+suất", name or "", re.IGNORECASE) is not None
    unnamed_area = own is None and name is None and said[0] == "ha"
    if own == said or unit.text.strip() in ("‰", "%") or unnamed_area:
        return  # the row's own per; or a yield per hectare, no name to judge by ("triệu đồng")
    if productivity and own is None:
        return  # "Năng suất rừng trồng" in "m³": a yield, per hectare by its name
    per = f"{said[1]:,} {said[0]}".replace(",", ".")
    raise TargetParseError(
        text,
        next((m.start() for m in _PER_MANY.finditer(text)), 0),
        f"the figure in the row's unit ({unit.text!r}), or the unit per {per}",
        reason=f"a figure per {per}, in a row "
        + (f"per {own[1]:,} {own[0]}".replace(",", ".") if own else "that counts no figure per")
        + f" ({unit.text!r})",
    )
