"""Checks of an observations table: every problem is found, located and reported at once."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import polars as pl

from kh922core._engine.columns import (
    ASSESSMENT,
    COHORT_SIZE,
    INDICATOR,
    RESERVED,
    UNIT,
    VALUE,
    YEAR,
    unused_name,
)
from kh922core.errors import ObservationProblem

__all__ = ["SHOWN", "RowProblem", "check_columns", "locate", "locate_bases", "unknown_indicators"]

#: How many rows and values a problem lists.
SHOWN = 20
_ROW_INDEX = "_kh_row"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A problem of the rows where ``condition`` holds, to be located by :func:`locate`."""

    column: str
    message: str
    condition: pl.Expr
    shown: str  # the column whose values are shown


def _is_text(dtype: pl.DataType) -> bool:
    return dtype in (pl.String, pl.Null) or isinstance(dtype, pl.Categorical | pl.Enum)


#: Why a column of integers may be a float: pandas makes one so when a value is missing.
_FLOAT_HINT = (
    " (pandas stores a column of integers with a missing value as floats): cast it to an "
    "integer type, such as pandas' nullable 'Int64'"
)


def _expected(column: str, dtype: pl.DataType, wanted: str, hint: str = "") -> ObservationProblem:
    return ObservationProblem(column=column, message=f"expected {wanted}, got {dtype}{hint}")


def check_columns(
    schema: pl.Schema, reserved: Collection[str] = ()
) -> tuple[list[ObservationProblem], list[RowProblem]]:
    """Problems of the columns themselves: missing, reserved or of the wrong type.

    Args:
        schema: The observations' schema.
        reserved: Output columns of this evaluation besides the usual ones (those of change
            targets).

    Returns:
        Problems that need no data, and problems whose rows are still to be located.
    """
    problems: list[ObservationProblem] = []
    located: list[RowProblem] = []
    for column in (INDICATOR, VALUE):
        if column not in schema:
            problems.append(ObservationProblem(column=column, message="required column is missing"))
    for column in schema:
        if column == "*" or (column.startswith("^") and column.endswith("$")):
            problems.append(
                ObservationProblem(
                    column=column,
                    message="Polars reads this name as a pattern of names, not a column; rename it",
                )
            )
    for column in sorted((RESERVED | set(reserved)) & set(schema)):
        problems.append(
            ObservationProblem(
                column=column, message="this name is an output column of evaluate(); rename it"
            )
        )
    if INDICATOR in schema and not _is_text(schema[INDICATOR]):
        problems.append(_expected(INDICATOR, schema[INDICATOR], "text (String or Categorical)"))
    if UNIT in schema and not _is_text(schema[UNIT]):
        problems.append(_expected(UNIT, schema[UNIT], "text (String or Categorical)"))
    if ASSESSMENT in schema and schema[ASSESSMENT] not in (pl.Boolean, pl.Null):
        problems.append(_expected(ASSESSMENT, schema[ASSESSMENT], "Boolean"))
    for column in (YEAR, COHORT_SIZE):
        if column in schema and not (schema[column].is_integer() or schema[column] == pl.Null):
            hint = _FLOAT_HINT if schema[column].is_float() else ""
            problems.append(_expected(column, schema[column], "an integer", hint))
    if VALUE in schema:
        dtype = schema[VALUE]
        if _is_text(dtype) and dtype != pl.Null:
            number = pl.col(VALUE).cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)
            located.append(
                RowProblem(
                    VALUE,
                    "not a number",
                    pl.col(VALUE).is_not_null() & number.is_null(),
                    VALUE,
                )
            )
            problems.append(
                _expected(VALUE, dtype, "a numeric column (Float64 or an integer)", "; cast it")
            )
        elif not (dtype.is_numeric() or dtype == pl.Null):
            problems.append(_expected(VALUE, dtype, "a numeric column (Float64 or an integer)"))
    return problems, located


def unknown_indicators(found: Collection[str | None], known: Sequence[str]) -> list[RowProblem]:
    """Problems for indicator ids that the plan does not define, and for missing ids."""
    problems: list[RowProblem] = []
    if None in found:
        problems.append(
            RowProblem(INDICATOR, "indicator id is missing", pl.col(INDICATOR).is_null(), INDICATOR)
        )
    ids = set(known)
    unknown = sorted(i for i in found if i is not None and i not in ids)
    if unknown:
        hints = []
        for item in unknown[:5]:
            close = difflib.get_close_matches(item, known, n=1)
            if close:
                hints.append(f"{item!r} → {close[0]!r}?")
        hint = f" (did you mean {', '.join(hints)})" if hints else ""
        message = (
            f"unknown indicator id(s) {', '.join(repr(i) for i in unknown[:SHOWN])}; "
            f"expected an id of the plan's indicators{hint}"
        )
        problems.append(
            RowProblem(
                INDICATOR,
                message,
                pl.col(INDICATOR).cast(pl.String).is_in(unknown),
                INDICATOR,
            )
        )
    return problems


def locate(frame: pl.LazyFrame, problems: Sequence[RowProblem]) -> list[ObservationProblem]:
    """Find the rows of each problem: their zero-based indices and values (the first
    :data:`SHOWN`) and how many there are; a problem that no row has is dropped."""
    if not problems:
        return []
    row_index = unused_name(_ROW_INDEX, frame.collect_schema())
    indexed = frame.with_row_index(row_index)
    queries: list[pl.LazyFrame] = []
    for problem in problems:
        hits = indexed.filter(problem.condition)
        queries.append(hits.select(row_index, pl.col(problem.shown).cast(pl.String)).head(SHOWN))
        queries.append(hits.select(pl.len()))
    results = pl.collect_all(queries)
    located: list[ObservationProblem] = []
    for number, problem in enumerate(problems):
        sample, count = results[2 * number], results[2 * number + 1].item()
        if not count:
            continue
        located.append(
            ObservationProblem(
                column=problem.column,
                message=problem.message,
                rows=tuple(sample[row_index].to_list()),
                values=tuple("null" if v is None else v for v in sample[problem.shown].to_list()),
                count=int(count),
            )
        )
    return located


def locate_bases(frame: pl.LazyFrame, problems: Sequence[RowProblem]) -> list[ObservationProblem]:
    """:func:`locate` for the key groups observed twice at a change target's base year: a
    problem with no row of ``frame`` (duplicates among the rows computed from components,
    which the user's frame does not hold) is still named, with what to do."""
    located = locate(frame, problems)
    named = {problem.message for problem in located}
    return located + [
        ObservationProblem(
            column=problem.column,
            message=f"{problem.message} (rows computed from its components are among "
            "them: give the indicator or its components for a key group, not both)",
        )
        for problem in problems
        if problem.message not in named
    ]
