"""The shipped agency registry read for a plan of another province.

The registry that ships with the library is Bến Tre's: its provincial bodies carry the
province's name and its 2025 successions (Bến Tre merged into the new tỉnh Vĩnh Long; district
people's committees ended).  Read as it is for another province's appendices, ``UBND tỉnh``
would be Bến Tre's committee and every task would pass to Vĩnh Long.  For a plan whose title
names another province, the import reads the registry's bodies without their successions and
without the bodies named after its province; the generic names of its province's committee
(``UBND tỉnh``, ``Ủy ban nhân dân tỉnh``) go to the plan's own issuer, and a note says so.
"""

from __future__ import annotations

from kh922core._exchange.import_problems import Sink
from kh922core._plans import Agency, AgencyRegistry
from kh922core._text import fold

__all__ = ["registry_for"]


def registry_for(
    registry: AgencyRegistry, own: str | None, province: str, sink: Sink
) -> tuple[list[Agency], tuple[str, ...]]:
    """The agencies of ``registry`` (the registry of province ``own``) for a plan of
    ``province``, and the generic names that go to that plan's issuer.

    ``own`` is ``None`` when the caller gave the registry (it is read as given).
    """
    agencies = list(registry)
    if own is None or fold(own) == fold(province):
        return agencies, ()
    named = fold(own)
    kept: list[Agency] = []
    generic: list[str] = []
    for agency in agencies:
        if named in fold(agency.name):
            if fold(agency.name).startswith(fold("Ủy ban nhân dân tỉnh")):
                generic += [a for a in agency.aliases if named not in fold(a)]
            continue
        kept.append(agency.model_copy(update={"successors": (), "until": None}))
    sink.note(
        "plan",
        "agencies",
        f"the agency registry of {own} was read for a plan of {province}: its successions of "
        f"2025 and the bodies named after {own} are left out; check the agency file",
    )
    return kept, tuple(generic)
