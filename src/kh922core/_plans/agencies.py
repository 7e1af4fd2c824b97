"""The agency registry: ids, names, the abbreviations officials write, and who succeeded whom.

A plan names the bodies that lead and cooperate on its targets and tasks as they were when it
was issued.  The 2025 reorganisation merged departments (Sở Thông tin và Truyền thông into Sở Khoa
học và Công nghệ, Sở Kế hoạch và Đầu tư into Sở Tài chính, from 01/03/2025), merged provinces (Bến
Tre into the new Vĩnh Long) and abolished the district level (from 01/07/2025).  The registry
records these successions with their dates, so that :meth:`AgencyRegistry.responsible` (and
:meth:`kh922core.Plan.responsible`) can say who carries a duty on any date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from kh922core._dates import DateLike, as_date
from kh922core._plans.cross_checks import report_cross_problems
from kh922core._plans.fields import FrozenModel, IsoDate, Slug, Text
from kh922core._plans.succession_walk import walk_successions
from kh922core._text import did_you_mean, fold
from kh922core.errors import UnknownAgencyError

__all__ = [
    "Agency",
    "AgencyFile",
    "AgencyRegistry",
    "CellReading",
    "Responsibility",
    "Succession",
]


class Succession(FrozenModel):
    """One agency taking over another's duties from a date.

    ``scope`` is ``all`` when the successor takes over every duty (a merger), ``partial`` when it
    takes only a named part (the note says which): a partial successor is reported beside the
    main one but does not inherit the plan's targets and tasks.
    """

    agency: Slug
    from_: IsoDate = Field(alias="from")
    scope: Literal["all", "partial"] = "all"
    note: str | None = None
    source: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Agency(FrozenModel):
    """A body that leads or cooperates on targets and tasks."""

    id: Slug
    name: Text
    aliases: tuple[str, ...] = ()
    level: Literal["national", "province", "district", "commune", "collective", "other"]
    successors: tuple[Succession, ...] = ()
    until: IsoDate | None = None
    since: IsoDate | None = None
    note: str | None = None


class AgencyFile(BaseModel):
    """An agency registry file (``data/agencies/<province>.yaml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    province: str | None = None
    agencies: tuple[Agency, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> AgencyFile:
        # Cross-checks live in cross_checks/ (shared with the loader, which maps each to a line).
        report_cross_problems(self, info.context)
        return self


class Responsibility(BaseModel):
    """Who carries a duty on a date, and why.

    Attributes:
        agency: Id of the agency that carries the duty on the date.
        name: Its full name.
        printed: The agencies the plan printed whose duty it carries (itself, or the bodies it
            took over).
        notes: The successions followed, with their dates and notes, in plain words.
        exists: ``False`` when the agency no longer exists on the date and nobody is recorded as
            taking over: the duty has no holder.
        collective: Whether the agency is a group ("Các sở, ban, ngành, địa phương") rather than a
            single body.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    agency: str
    name: str
    printed: tuple[str, ...]
    notes: tuple[str, ...] = ()
    exists: bool = True
    collective: bool = False

    @property
    def inherited(self) -> bool:
        """Whether the agency carries the duty because it took over another body's."""
        return self.printed != (self.agency,)


@dataclass(frozen=True, slots=True)
class CellReading:
    """An agency cell ("Cơ quan chủ trì") read against the registry.

    Attributes:
        ids: The agencies recognised, in the order written.
        unknown: Pieces of the text that name no known agency.
        unseparated: Pairs of recognised agencies written one after the other with no comma or
            semicolon between them.
        trailing: A separator left dangling at the end of the cell
            (``"Sở Khoa học và Công nghệ;"``).
    """

    ids: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    unseparated: tuple[tuple[str, str], ...] = ()
    trailing: str | None = None


_SEPARATORS = ",;"
_JOINER = re.compile(r"(?:và|cùng)\b", re.IGNORECASE)


def _fold_with_positions(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, its index in ``text`` (after NFC)."""
    folded: list[str] = []
    positions: list[int] = []
    space = False
    for index, char in enumerate(text):
        if char.isspace():
            space = bool(folded)
            continue
        if space:
            folded.append(" ")
            positions.append(index - 1)
            space = False
        for piece in char.casefold():
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


class AgencyRegistry:
    """The agencies of a plan, looked up by id, by name or by abbreviation.

    Examples:
        >>> from datetime import date
        >>> from kh922core import load_plan
        >>> registry = load_plan().registry
        >>> registry.find("Sở KH&CN").id, registry.find("vp ubnd tỉnh").id
        ('so-khcn', 'van-phong-ubnd-tinh')
        >>> registry.exists_on("so-tttt", date(2025, 3, 1))
        False
        >>> [r.agency for r in registry.responsible(["so-khdt"], date(2025, 3, 1))]
        ['so-tai-chinh']
    """

    def __init__(self, agencies: Iterable[Agency]) -> None:
        self._agencies = tuple(agencies)
        self._by_id = {agency.id: agency for agency in self._agencies}
        self._spellings: dict[str, str] = {}
        for agency in self._agencies:
            for spelling in (agency.id, agency.name, *agency.aliases):
                self._spellings.setdefault(fold(spelling), agency.id)
        self._longest_first = sorted(
            ((s, i) for s, i in self._spellings.items() if s != i), key=lambda p: -len(p[0])
        )

    def __len__(self) -> int:
        return len(self._agencies)

    def __iter__(self) -> Iterator[Agency]:
        return iter(self._agencies)

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self._by_id

    def __repr__(self) -> str:
        return f"AgencyRegistry({len(self)} agencies)"

    def get(self, agency_id: str) -> Agency:
        """The agency with this id.

        Raises:
            UnknownAgencyError: When no agency has this id (the message suggests a close one).
        """
        agency = self._by_id.get(agency_id)
        if agency is None:
            hint = did_you_mean(agency_id, list(self._by_id))
            raise UnknownAgencyError(f"no agency has the id {agency_id!r}{hint}")
        return agency

    def find(self, text: str) -> Agency:
        """The agency that ``text`` names: its id, full name or an alias.

        Matching ignores case, Unicode form (NFC) and repeated spaces.

        Raises:
            UnknownAgencyError: When no agency is called so (the message suggests a close one).

        Examples:
            >>> from kh922core import load_plan
            >>> load_plan().registry.find("NHNN chi nhánh Bến Tre").name
            'Ngân hàng nhà nước Việt Nam - Chi nhánh Bến Tre'
        """
        agency_id = self._spellings.get(fold(text))
        if agency_id is None:
            hint = did_you_mean(text, [a.name for a in self._agencies])
            raise UnknownAgencyError(f"no agency is called {text!r}{hint}")
        return self._by_id[agency_id]

    def exists_on(self, agency_id: str, day: DateLike) -> bool:
        """Whether the agency exists on ``day`` (between its ``since`` and its ``until``).

        ``day`` is a date, a datetime or an ISO ``"YYYY-MM-DD"`` text, as everywhere.
        """
        day = as_date(day, "day")
        agency = self.get(agency_id)
        return (agency.since is None or agency.since <= day) and (
            agency.until is None or day < agency.until
        )

    def successors_on(self, agency_id: str, day: DateLike) -> tuple[Succession, ...]:
        """The successions of the agency that have taken effect by ``day``."""
        day = as_date(day, "day")
        return tuple(s for s in self.get(agency_id).successors if s.from_ <= day)

    def responsible(
        self, agency_ids: str | Iterable[str], as_of: DateLike
    ) -> tuple[Responsibility, ...]:
        """Who carries the duties of ``agency_ids`` on ``as_of``.

        Successions that have taken effect by ``as_of`` are followed, through any number of
        steps; an agency with several successors hands its duty to all of them (the notes say
        which part goes where, when the registry says so).  Each carrier appears once, in the
        order of the printed agencies.  Each agency is visited once, so that a long chain or
        many ways to the same agency take time in proportion to the successions recorded.

        Args:
            agency_ids: The agencies as the plan prints them (one text is one id).
            as_of: The day asked about (a date, a datetime or ``"YYYY-MM-DD"``).

        Returns:
            One :class:`Responsibility` per carrier.

        Raises:
            UnknownAgencyError: When an id is not in the registry.
        """
        as_of = as_date(as_of, "as_of")
        if isinstance(agency_ids, str):
            agency_ids = (agency_ids,)
        carriers: dict[str, tuple[list[str], list[str]]] = {}
        for printed in agency_ids:
            for holder, steps in walk_successions(self.get, printed, as_of):
                entry = carriers.setdefault(holder, ([], []))
                if printed not in entry[0]:
                    entry[0].append(printed)
                entry[1].extend(n for n in steps if n not in entry[1])
        result = []
        for holder, (printed_ids, notes) in carriers.items():
            agency = self._by_id[holder]
            exists = self.exists_on(holder, as_of)
            if agency.until is not None and agency.until <= as_of:
                notes.append(
                    f"{agency.name} ceased to exist on {agency.until.isoformat()}"
                    " and no successor is recorded"
                )
            elif agency.since is not None and as_of < agency.since:
                notes.append(f"{agency.name} exists only from {agency.since.isoformat()}")
            result.append(
                Responsibility(
                    agency=holder,
                    name=agency.name,
                    printed=tuple(printed_ids),
                    notes=tuple(notes),
                    exists=exists,
                    collective=agency.level == "collective",
                )
            )
        return tuple(result)

    def read_cell(self, text: str) -> CellReading:
        """Read an agency cell as the plan prints it into agency ids.

        The longest known name or alias is taken at each point; commas, semicolons and the word
        "và" separate agencies.

        Examples:
            >>> from kh922core import load_plan
            >>> reading = load_plan().registry.read_cell(
            ...     "Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông Sở Kế hoạch và Đầu tư")
            >>> reading.ids
            ('so-khcn', 'so-tttt', 'so-khdt')
            >>> reading.unseparated
            (('so-tttt', 'so-khdt'),)
        """
        original = unicodedata.normalize("NFC", text)
        folded, positions = _fold_with_positions(original)
        ids: list[str] = []
        unknown: list[str] = []
        unseparated: list[tuple[str, str]] = []
        position, separated, last_separator = 0, True, None
        while position < len(folded):
            char = folded[position]
            if char == " ":
                position += 1
                continue
            if char in _SEPARATORS:
                separated, last_separator = True, char
                position += 1
                continue
            joiner = _JOINER.match(folded, position)
            if joiner is not None and ids:
                separated, last_separator = True, None
                position = joiner.end()
                continue
            match = self._match(folded, position)
            if match is None:
                end = min(
                    (folded.find(s, position) for s in _SEPARATORS if s in folded[position:]),
                    default=len(folded),
                )
                start_index = positions[position]
                end_index = positions[end - 1] + 1 if end > position else start_index
                piece = original[start_index:end_index].strip()
                if piece:
                    unknown.append(piece)
                position, separated, last_separator = end, False, None
                continue
            spelling, agency_id = match
            if ids and not separated:
                unseparated.append((ids[-1], agency_id))
            ids.append(agency_id)
            position += len(spelling)
            separated, last_separator = False, None
        return CellReading(
            ids=tuple(ids),
            unknown=tuple(unknown),
            unseparated=tuple(unseparated),
            trailing=last_separator if separated and ids else None,
        )

    def _match(self, folded: str, position: int) -> tuple[str, str] | None:
        for spelling, agency_id in self._longest_first:
            end = position + len(spelling)
            if folded.startswith(spelling, position) and (
                end == len(folded) or not folded[end].isalnum()
            ):
                return spelling, agency_id
        return None
