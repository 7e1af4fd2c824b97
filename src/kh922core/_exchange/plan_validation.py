"""The imported plan validated: a target or task the model refuses is listed by its cell and
left out, and the rest is validated again (never the whole import lost for one cell)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kh922core._exchange.import_problems import Sink
from kh922core._exchange.row_texts import reason_of
from kh922core._plans import Plan
from kh922core.errors import TableImportError

__all__ = ["validated"]


def validated(data: dict[str, Any], sink: Sink) -> Plan:
    """The plan; a target or task that the model refuses becomes a problem and is left out."""
    for _ in range(5):
        clean = {
            **data,
            "targets": [{k: v for k, v in t.items() if k != "_place"} for t in data["targets"]],
        }
        try:
            return Plan.model_validate(clean)
        except ValidationError as error:
            refused: dict[tuple[str, int], str] = {}
            for item in error.errors(include_url=False):
                where = item["loc"]
                if (
                    len(where) >= 2
                    and where[0] in ("targets", "tasks")
                    and isinstance(where[1], int)
                ):
                    refused.setdefault((str(where[0]), where[1]), str(item["msg"]))
            if not refused:
                raise TableImportError(f"the imported plan is not valid: {error}") from None
            for (section, index), message in refused.items():
                item = data[section][index]
                if section == "targets":
                    grid, header, row, column = item["_place"]
                    lead = item.get("lead_agencies_text")
                    kept = any(  # the row's agencies stay with another target of it
                        t["_place"][:3] == item["_place"][:3] and ("targets", i) not in refused
                        for i, t in enumerate(data["targets"])
                    )
                    also = (
                        f"; its agencies ({lead}) are not imported either"
                        if lead and not kept
                        else ""
                    )
                    sink.problem(
                        grid,
                        header,
                        row,
                        column,
                        item["text"],
                        reason_of(ValueError(message.removeprefix("Value error, "))) + also,
                    )
            for section in ("targets", "tasks"):
                data[section] = [
                    t for i, t in enumerate(data[section]) if (section, i) not in refused
                ]
    raise TableImportError("the imported plan is not valid")  # pragma: no cover
