"""Agency cells read against a registry, and the agencies it lacks as drafts.

Officials write one body many ways: ``Sở KH & CN`` and ``Sở KH&CN``, ``Uỷ ban`` and ``Ủy ban``,
``UBND tỉnh`` and ``Ủy ban nhân dân tỉnh``, a line break where a comma belongs.  A cell is
normalised (NFC, the tone mark on ``oa``/``oe``/``uy`` where the registry has it, ``&`` without
spaces, line breaks as separators) and read against the registry's names and aliases, each also
known with ``UBND`` for ``Ủy ban nhân dân`` and back.  A collective lead (``Các sở, ban, ngành
tỉnh``, ``UBND các xã, phường``) is one agency, commas and all.  What the registry does not
know becomes a draft agency (level guessed from its name), which the plan file's reviewer
completes; every draft is listed.  So does a body whose name holds a comma of its own (``Báo và
Phát thanh, Truyền hình Đồng Tháp``), whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kh922core._plans import Agency, AgencyRegistry
from kh922core._text import fold, strip_diacritics
from kh922core.errors import UnknownAgencyError

__all__ = ["AgencyReader", "normalise_name", "slug"]

#: Old tone placement (``hoà``, ``uỷ``) to the one the registry writes (``hòa``, ``ủy``): only in
#: a syllable that ends there (``Đoàn``, ``toàn``, ``Quỳnh`` place it alike in both styles).
_TONES = {
    f"{vowel}{unicodedata.normalize('NFC', base + mark)}": unicodedata.normalize(
        "NFC", vowel + mark
    )[:1]
    + base
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for vowel in (first, first.upper())
    for base in (second, second.upper())
    for mark in ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
}
_TONE = re.compile("(?:" + "|".join(sorted(_TONES, key=len, reverse=True)) + r")(?![^\W\d_])")
_COLLECTIVE_WORDS = (
    r"sở|ban|ngành|địa phương|quận|huyện|thị xã|thành phố|xã|phường|thị trấn|đặc khu|cơ quan|"
    r"đơn vị|tổ chức|hội|đoàn thể|doanh nghiệp|trường(?: đại học)?|đại học|cao đẳng|"
    r"trung cấp|viện|trung tâm|cơ sở|tỉnh"
)
_COLLECTIVE = re.compile(
    rf"(?:(?:UBND|Ủy ban nhân dân|Thủ trưởng|Lãnh đạo)\s+)?các\s+(?:{_COLLECTIVE_WORDS})"
    rf"(?:\s*(?:,|và|/)?\s*(?:{_COLLECTIVE_WORDS}))*"
    r"(?:\s+(?:tỉnh|có liên quan|liên quan|trên địa bàn(?: tỉnh)?|thuộc tỉnh|cấp xã|cấp tỉnh))*",
    re.IGNORECASE,
)
_UBND = re.compile(r"\bỦy ban nhân dân\b", re.IGNORECASE)
#: A body's name with a comma of its own ("Báo và Phát thanh, Truyền hình Đồng Tháp", "Trung
#: tâm Văn hóa, Thể thao …"): one body, not two, where the registry lacks it.
_COMMA_NAME = re.compile(
    r"[^,;()]*?\b(?:Phát\s+thanh\s*,\s*Truyền\s+hình|Văn\s+hóa\s*,\s*(?:Thể\s+thao|Thông\s+tin)|"
    r"Lao\s+động\s*,\s*Thương\s+binh|Khoa\s+học\s*,\s*Công\s+nghệ|Đầu\s+tư\s*,\s*Thương\s+mại)"
    r"[^,;()]*",
    re.IGNORECASE,
)
#: The first word of a body's name that is no name of a department ("Công an tỉnh", "UBND
#: các huyện"): after a shared head ("các Sở: …"), such a name is not the head's.
_AGENCY_WORD = re.compile(
    r"(?:UBND|Ủy\s+ban|Công\s+an|Văn\s+phòng|Ban|Bộ|Cục|Chi\s+cục|Trung\s+tâm|Đài|Báo|Hội|"
    r"Liên\s+đoàn|Trường|Kho\s+bạc|Ngân\s+hàng|Quỹ|Viện|Bệnh\s+viện|Đoàn|Mặt\s+trận|Hải\s+quan|"
    r"Bảo\s+hiểm|Thanh\s+tra|Sở|Phòng|Các|Tỉnh|Thuế|Bộ\s+chỉ\s+huy)\b",
    re.IGNORECASE,
)
#: A list mark at the start of a line of a cell.
_LIST_MARK = re.compile(r"^(?:[-–—+•*·◦▪►➢∙]\s*|(?:\d{1,2}|[a-zđ])[.)]\s+)+", re.IGNORECASE)
#: ``các Sở: Tài chính, Nội vụ`` (a colon, or a capital after the head): one head for a list.
_SHARED_HEAD = re.compile(
    r"\b[Cc]ác\s+(?P<head>[Ss]ở|[Pp]hòng)"
    rf"(?:\s*:\s*|\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])(?!(?i:{_COLLECTIVE_WORDS})\b))"
    r"(?P<names>[^,;:()]+(?:\s*[,;]\s*[A-ZĐ][^,;:()]*)*)",
)


#: Where a body is, after its name ("Sở Y tế tỉnh", "Cục Thống kê tỉnh Vĩnh Long"): the same
#: body where that is the plan's province.  Group ``name``: the words of the province's name.
_PLACE = re.compile(r"tỉnh(?P<name>(?:\s+[^\W\d_]+){0,3})", re.IGNORECASE)
#: A place below the province after a body's name ("… thành phố Mẫu", "… huyện Ba Tri"): a
#: body of that place, not the province's.
_LOCAL = re.compile(
    r"(?:thành\s+phố|thị\s+xã|huyện|quận|xã|phường|thị\s+trấn|đặc\s+khu)(?:\s+[^\W\d_]+){0,3}",
    re.IGNORECASE,
)
#: A province's name alone, after a body whose name ends in "tỉnh" ("Công an tỉnh Mẫu").
_PROVINCE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}")
#: "Sở TTTT (nay là Sở Khoa học và Công nghệ)": the body the cell names now.
_NOW = re.compile(r"[^,;()]+?\s*\(\s*nay\s+(?:là\s+)?(?P<now>[^()]+?)\s*\)")


def normalise_name(text: str) -> str:
    """An agency text as the registry writes names: NFC, new tone placement, ``&`` unspaced.

    Examples:
        >>> normalise_name("Uỷ ban nhân dân  tỉnh"), normalise_name("Sở KH & CN")
        ('Ủy ban nhân dân tỉnh', 'Sở KH&CN')
        >>> normalise_name("Tỉnh Đoàn"), normalise_name("Hội Nông dân tỉnh Khánh Hoà")
        ('Tỉnh Đoàn', 'Hội Nông dân tỉnh Khánh Hòa')
    """
    text = unicodedata.normalize("NFC", text)
    text = _TONE.sub(lambda m: _TONES[m.group(0)], text)
    text = re.sub(r"\s*&\s*", "&", text)
    return " ".join(text.split())


def slug(text: str, limit: int = 48) -> str:
    """An ASCII id for a name: ``Sở Nông nghiệp và Môi trường`` is ``so-nong-nghiep-va-moi-truong``.

    Examples:
        >>> slug("Ban Quản lý các Khu công nghiệp (BQL)")
        'ban-quan-ly-cac-khu-cong-nghiep-bql'
    """
    words = re.sub(r"[^a-z0-9]+", " ", strip_diacritics(fold(text))).split()
    out = ""
    for word in words:
        if out and len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "agency"


def _level(name: str) -> str:
    """The level of a body, from the words of its name, marks kept (``quản`` is no ``quận``,
    ``xã hội`` no ``xã``; ``thị xã`` is a district)."""
    key = fold(normalise_name(name))
    if _COLLECTIVE.fullmatch(name) or key.startswith("các "):
        return "collective"
    provincial = re.search(r"\btỉnh\b", key) is not None  # "Bộ Chỉ huy Quân sự tỉnh"
    local = provincial or key.startswith(("sở ", "bộ chỉ huy"))
    if re.search(r"\b(bộ|chính phủ|thủ tướng)\b", key) and not local:
        return "national"
    if re.search(r"\b(huyện|thị xã|quận)\b", key):
        return "district"
    if re.search(r"\b(xã|phường|thị trấn)\b(?!\s+hội)", key):
        return "commune"
    province = r"(sở|ban|văn phòng|công an|bộ chỉ huy|thanh tra|đài|báo|ubnd tỉnh|ủy ban)"
    if re.match(province, key) or provincial:
        return "province"
    return "other"


def _variants(spelling: str) -> list[str]:
    normal = normalise_name(spelling)
    out = [spelling, normal]
    if _UBND.search(normal):
        out.append(_UBND.sub("UBND", normal))
    if re.search(r"\bUBND\b", normal):
        out.append(re.sub(r"\bUBND\b", "Ủy ban nhân dân", normal))
    return out


@dataclass(slots=True)
class AgencyReader:
    """Reads agency cells against a registry, adding a draft for each body it lacks.

    Attributes:
        agencies: The registry's agencies, then the drafts, in the order found.
        drafts: The ids of the drafts.
        aliases: Spellings found in cells that the registry writes otherwise, by agency id
            (added to the agency file so that it reads the cells as printed).
        province: The plan's province: ``Sở Y tế tỉnh <province>`` is its ``Sở Y tế``.
        kind: ``"tỉnh"``, or ``"thành phố"`` for a city that is a province of its own: its
            ``Sở Y tế thành phố`` and ``Công an thành phố`` are the registry's ``… tỉnh``.
    """

    agencies: list[Agency]
    source: str
    province: str | None = None
    kind: str = "tỉnh"
    drafts: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    _reader: AgencyRegistry | None = None

    def _registry(self) -> AgencyRegistry:
        if self._reader is None:
            shadow = [
                a.model_copy(
                    update={
                        "aliases": tuple(
                            v
                            for s in (a.name, *a.aliases, *self.aliases.get(a.id, ()))
                            for v in _variants(s)
                        )
                    }
                )
                for a in self.agencies
            ]
            self._reader = AgencyRegistry(shadow)
        return self._reader

    def _known(self, name: str) -> str | None:
        try:
            return self._registry().find(name).id
        except UnknownAgencyError:
            return None

    def draft(self, name: str) -> str:
        """The id of the agency called ``name``; a new draft when the registry lacks it."""
        known = self._known(name)
        if known is not None:
            return known
        written = slug(_UBND.sub("UBND", name), limit=200)  # "Các sở ban ngành": commas apart
        for agency in self.agencies:
            for spelling in (agency.name, *agency.aliases):
                if slug(_UBND.sub("UBND", spelling), limit=200) == written:
                    self._alias(agency.id, name)  # the cell then reads as printed
                    self._reader = None
                    return agency.id
        taken = {a.id for a in self.agencies}
        base = slug(_UBND.sub("UBND", name))  # ubnd-tinh-…, as the shipped ids
        identifier, n = base, 2
        while identifier in taken:
            identifier, n = f"{base}-{n}", n + 1
        note = f"draft from {self.source}: check the name, the level and the 2025 successions"
        self.agencies.append(Agency(id=identifier, name=name, level=_level(name), note=note))
        self.drafts.append(identifier)
        self._reader = None
        return identifier

    def add_aliases(self, agency_id: str, aliases: tuple[str, ...]) -> None:
        """Give ``aliases`` to the agency ``agency_id`` (the plan's issuer: ``UBND tỉnh``)."""
        self.agencies = [
            a.model_copy(update={"aliases": (*a.aliases, *aliases)}) if a.id == agency_id else a
            for a in self.agencies
        ]
        self._reader = None

    def _alias(self, agency_id: str, spelling: str) -> None:
        """Remember a spelling the agency file must list for the cell to read as printed."""
        agency = next(a for a in self.agencies if a.id == agency_id)
        known = {fold(s) for a in self.agencies for s in (a.id, a.name, *a.aliases)}
        added = {fold(s) for spellings in self.aliases.values() for s in spellings}
        if fold(spelling) not in known | added and agency.id not in self.drafts:
            self.aliases.setdefault(agency_id, []).append(spelling)

    def read(self, text: str) -> tuple[tuple[str, ...], str]:
        """The agency ids a cell names, in order, and the cell as the plan keeps it (its
        line breaks as ``", "`` or spaces, its list marks left out); unknown bodies become
        drafts."""
        kept = ""
        for line in (" ".join(line.split()) for line in text.splitlines() if line.strip()):
            line = _LIST_MARK.sub("", line)  # "- Sở Tài chính", "• …", "1. …", "a) …"
            if not line:
                continue
            if kept and not line[:1].islower() and kept[-1] not in ",;":
                kept += ","  # a line of its own is an agency of its own
            kept = f"{kept} {line}" if kept else line
        normal = self._spelled_out(self._placed(normalise_name(kept)))
        reading = self._registry().read_cell(normal)
        if reading.unknown:  # a collective's commas are not separators: draft it whole
            collectives = [found.group(0).strip(" ,") for found in _COLLECTIVE.finditer(normal)]
            for phrase in (*collectives, *self._comma_names(normal)):
                if any(fold(piece) in fold(phrase) for piece in reading.unknown):
                    self.draft(phrase)
            reading = self._registry().read_cell(normal)
        drafted = []  # a piece the registry knows once stripped ("- Sở Tài chính") is never lost
        for piece in reading.unknown:
            name = piece.strip(" ,;.:-–—")
            if name:  # a stop or a dash alone names no body
                drafted.append(self.draft(name))
        if reading.unknown:
            reading = self._registry().read_cell(normal)
        for agency_id in reading.ids:
            if agency_id not in self.drafts:
                self._spelled(agency_id, kept)
        return tuple(dict.fromkeys((*reading.ids, *drafted))), kept

    def _comma_names(self, normal: str) -> list[str]:
        """The names with a comma of their own in ``normal`` (:data:`_COMMA_NAME`), outside
        brackets, each without a body the registry knows before a ``và`` (``Sở Y tế và Đài
        Phát thanh, Truyền hình tỉnh``: the second body)."""
        names = []
        for found in _COMMA_NAME.finditer(normal):
            if normal[: found.start()].count("(") > normal[: found.start()].count(")"):
                continue  # "Sở Nội vụ (lĩnh vực Lao động, Thương binh và Xã hội)": a remark
            phrase = found.group(0).strip(" ,")
            while " và " in phrase:
                left, right = phrase.split(" và ", 1)
                if self._known(left.strip()) is None:
                    break
                phrase = right.strip()
            names.append(phrase)
        return names

    def _placed(self, normal: str) -> str:
        """A cell without the place after a body's name (``Sở Y tế tỉnh``, ``Công an tỉnh
        Mẫu`` in a plan of Mẫu) or its former name (``Sở TTTT (nay là Sở Khoa học và Công
        nghệ)``), where the registry knows the body so and not with it; each such spelling
        becomes an alias.  A name with ``và`` is tried whole first (``Sở Khoa học và Công nghệ
        tỉnh``), then each side of it (``Sở Y tế tỉnh và Công an tỉnh``)."""
        normal = _NOW.sub(lambda m: m["now"] if self._known(m["now"]) else m[0], normal)
        pieces = re.split(r"(\s*[,;]\s*)", normal)
        for number in range(0, len(pieces), 2):
            piece = pieces[number].strip()
            if not piece or self._known(piece) is not None:
                continue
            body = self._city_body(piece) or self._without_place(piece)
            if body is None and re.search(r"\svà\s", piece):
                sides = re.split(r"(\s+và\s+)", piece)
                sides = [s if n % 2 else self._without_place(s) or s for n, s in enumerate(sides)]
                body = "".join(sides)
            pieces[number] = body or pieces[number]
        return "".join(pieces)

    def _city_body(self, piece: str) -> str | None:
        """In a city's plan, the registry's body that ``piece`` names with ``thành phố`` where
        the registry writes ``tỉnh`` (``Công an thành phố``, ``Sở Y tế thành phố Cần Thơ``)."""
        if self.kind != "thành phố":
            return None
        if re.fullmatch(r"(?:ubnd|ủy\s+ban\s+nhân\s+dân)\s+(?:thành\s+phố|tp\.?)", fold(piece)):
            committee = f"Ủy ban nhân dân thành phố {self.province}"  # "UBND thành phố": its own
            return committee if self._known(committee) is not None else None
        own = re.escape(self.province or "")
        city = rf"(?:\bthành\s+phố|\bTP\b\.?)(?:\s*{own})?$"  # "Công an TP. Cần Thơ"
        provincial = re.sub(city, "tỉnh", piece, flags=re.IGNORECASE)
        if provincial == piece:
            return None
        known = self._known(provincial)
        body = None if known is not None else self._without_place(provincial)
        found = known if known is not None else (self._known(body) if body else None)
        if found is None or found in self.drafts:
            return None
        self._alias(found, piece)
        self._reader = None
        return provincial if known is not None else body

    def _without_place(self, piece: str) -> str | None:
        """``piece`` without the place after a known body's name (see :meth:`_placed`); ``None``
        where it has none, or names another province (its body then drafted whole)."""
        for gap in reversed(list(re.finditer(r"\s+", piece))[-5:]):
            body, rest = piece[: gap.start()], piece[gap.end() :]
            if _LOCAL.fullmatch(rest) and self._known(body) is not None:
                self.draft(piece)  # "Đài … thành phố Mẫu": a body of the city, drafted whole
                return None
            place = _PLACE.fullmatch(rest)
            alone = place is None and re.search(r"\btỉnh$", body, re.IGNORECASE) is not None
            if place is None and not (alone and _PROVINCE.fullmatch(rest)):
                continue
            named = place["name"].strip() if place is not None else rest
            own = not named or (self.province is not None and fold(named) == fold(self.province))
            known = self._known(body)
            if own and known not in (None, *self.drafts):
                self._alias(known, piece)  # type: ignore[arg-type]
                self._reader = None
                return body
            if known is not None:  # "Sở Y tế tỉnh Vĩnh Long" in a plan of another: a body of
                self.draft(piece)  # its own, drafted whole
                return None
        return None

    def _spelled_out(self, normal: str) -> str:
        """A cell as the registry reads it best: ``Các Sở: Tài chính, Nội vụ`` as ``Sở Tài
        chính, Sở Nội vụ``; a ``/`` or a dash between two agencies as a comma, an ``&`` as
        ``và``, where that leaves no body unknown that was not unknown before."""
        before = len(self._registry().read_cell(normal).unknown)
        shared = _SHARED_HEAD.sub(self._distributed, normal)
        unknown = self._registry().read_cell(shared).unknown
        normal = shared if len(unknown) <= before else normal  # never more bodies unknown
        if not unknown:
            return normal
        for pattern, replacement in ((r"\s*/\s*", ", "), (r"&", " và "), (r"\s*[-–—]\s*", ", ")):
            other = " ".join(re.sub(pattern, replacement, normal).split())
            if other != normal and not self._registry().read_cell(other).unknown:
                return other
        return normal

    def _distributed(self, found: re.Match[str]) -> str:
        """The names after a shared head (``các Sở``), each with the head: ``Sở Tài chính, Sở
        Nội vụ``; a name with ``và`` is cut there only when its halves are known and it is not
        (``Sở Kế hoạch và Đầu tư`` is one body)."""
        head = found.group("head")
        head = head[:1].upper() + head[1:]
        names = []
        for name in re.split(r"\s*[,;]\s*", found.group("names").strip()):
            known = self._known(name)
            if (known is not None and known not in self.drafts) or _AGENCY_WORD.match(name):
                names.append(name)  # "Các Sở: Tài chính, Công an tỉnh": a body of its own
                continue
            whole = f"{head} {name}"
            halves = [f"{head} {half}" for half in re.split(r"\s+và\s+", name)]
            split = len(halves) > 1 and self._known(whole) is None
            names.extend(
                halves if split and all(self._known(h) is not None for h in halves) else [whole]
            )
        return ", ".join(names)

    def _spelled(self, agency_id: str, cell: str) -> None:
        """Add the cell's spelling of a known agency to its aliases when the registry itself
        (without this reader's variants) would not read it."""
        plain = AgencyRegistry(self.agencies)
        if agency_id in plain.read_cell(cell).ids:
            return
        for piece in re.split(r"\s*[,;]\s*", cell):
            normal = normalise_name(piece)
            if self._known(normal) == agency_id:
                self._alias(agency_id, piece.strip())
