"""The shipped agency registry read for a plan of another province.

The registry that ships with the library is Bến Tre's: its provincial bodies carry the
province's name and its 2025 successions (Bến Tre merged into the new tỉnh Vĩnh Long; district
people's committees ended).  Read as it is for another province's appendices, ``UBND tỉnh``
would be Bến Tre's committee and every task would pass to Vĩnh Long.  For a plan whose title
names another province, the generic names of the registry's committee (``UBND tỉnh``, ``Ủy ban
nhân dân tỉnh``) go to the plan's own issuer, and a note says so.  Every body keeps its
successions (the 2025 reorganisation of departments and districts holds in every province), but
a part that passed to the registry's province (the new tỉnh Vĩnh Long) passes to the plan's own
issuer (:func:`repointed`); a cell that names Bến Tre's committee in full still reads as it.
"""

from __future__ import annotations

import re

from kh922core._exchange.import_problems import Sink
from kh922core._plans import Agency, AgencyRegistry
from kh922core._text import fold, strip_diacritics

__all__ = ["UNNAMED_PROVINCE", "registry_for", "repointed"]

#: The province a plan is given when its title names none.
UNNAMED_PROVINCE = "Tỉnh mới"


def registry_for(
    registry: AgencyRegistry, own: str | None, province: str, sink: Sink
) -> tuple[list[Agency], tuple[str, ...]]:
    """The agencies of ``registry`` (the registry of province ``own``) for a plan of
    ``province``, and the generic names of ``own``'s committee that go to that plan's issuer.

    ``own`` is ``None`` when the caller gave the registry (it is read as given); a province not
    found in the title (``Tỉnh mới``) is taken for the registry's own.
    """
    agencies = list(registry)
    if own is None or province == UNNAMED_PROVINCE or _same(own, province):
        return agencies, ()
    named = _folded(own)
    kept: list[Agency] = []
    generic: list[str] = []
    for agency in agencies:
        if named in _folded(agency.name) and _folded(agency.name).startswith(_COMMITTEE):
            generic += [a for a in agency.aliases if named not in _folded(a)]
            agency = agency.model_copy(
                update={"aliases": tuple(a for a in agency.aliases if named in _folded(a))}
            )
        kept.append(agency)
    sink.note(
        "plan",
        "agencies",
        f"the agency registry of {own} was read for a plan of {province}: 'UBND tỉnh' is the "
        f"plan's own committee, not that of {own}; check the agency file",
    )
    return kept, tuple(generic)


def _folded(text: str) -> str:
    return strip_diacritics(fold(text))


def _same(own: str, province: str) -> bool:
    """Whether two names are one province's (``BẾN TRE``, ``Ben Tre``)."""
    return _folded(own) == _folded(province)


_COMMITTEE = _folded("Ủy ban nhân dân tỉnh")


def repointed(agencies: list[Agency], own: str | None, province: str, issuer: str) -> list[Agency]:
    """``agencies`` with each succession to the registry's province (its committee, and what
    that passed to: ``ubnd-tinh-vinh-long``) made one to the plan's ``issuer``, where the
    registry (of province ``own``) is read for a plan of another ``province``; the bodies named
    for ``own`` keep theirs."""
    if own is None or province == UNNAMED_PROVINCE or _same(own, province):
        return agencies
    named = _folded(own)
    provincial = {a.id for a in agencies if a.level == "province" and named in _folded(a.name)}
    provincial |= {s.agency for a in agencies if a.id in provincial for s in a.successors}
    kept: list[Agency] = []
    for agency in agencies:
        if agency.id not in provincial and named not in _folded(agency.name):
            successors = tuple(
                s.model_copy(update={"agency": issuer, "note": _here(s.note, province)})
                if s.agency in provincial
                else s
                for s in agency.successors
            )
            agency = agency.model_copy(update={"successors": successors})
        kept.append(agency)
    return kept


def _here(note: str | None, province: str) -> str:
    """A succession's note with the registry's province made the plan's own."""
    said = re.sub(r"\s*\([^)]*tỉnh [^)]*\)", "", note or "").strip()
    return f"{said} (here: {province})".strip()
