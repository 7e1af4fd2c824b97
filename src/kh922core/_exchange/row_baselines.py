"""A row's baseline given to its targets: to the row's own indicator's, never to the parts of a
cell split into indicators of their own (``100% cấp tỉnh, 90% cấp xã``), each of which is
noted to need its own."""

from __future__ import annotations

from typing import Any

from kh922core._exchange.import_problems import Sink
from kh922core._exchange.row_texts import row_baseline
from kh922core._exchange.table_walk import Line, Table

__all__ = ["give_baselines"]


def give_baselines(
    table: Table, line: Line, sink: Sink, targets: list[dict[str, Any]], own: str
) -> None:
    """Give the row's baseline to ``targets`` of the indicator ``own`` (the row's); with none of
    them, each baseline cell is a problem; else each other target (a part) is noted."""
    mine = [t for t in targets if t["indicator"] == own]  # not a split part's
    parts = [] if mine else [t["row"] for t in targets]
    found = row_baseline(table, line, sink, parts)
    if found is None:
        return
    for target in mine:
        target["baseline"] = {"value": found[0], "year": found[1]}
    for target in (t for t in targets if t["indicator"] != own):
        why = f"the row's baseline ({found[0]:g}) is the whole row's: give this part its own"
        sink.note("targets", target["id"], why)
