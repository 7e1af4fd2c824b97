"""Small integer codes of key columns, so that a key group indexes a dense array.

An integer key (a date, a Boolean, an Enum …) is coded by its value minus the smallest one of
the whole observations (found by one small aggregate); a text key by its place among the texts
of the base table, with a code for a text it lacks and one for null.  A column of another type
(a float, a list …) has no small codes: its key groups are joined instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

__all__ = ["KeyCode", "key_codes", "text_codes"]

_MAX_CODE = 1 << 12  # beyond, Categorical codes are re-coded (the lookup would be too big)


def _physical(dtype: pl.DataType) -> bool:
    """Whether a key column's values are integers underneath (a code is the value minus the
    smallest one)."""
    if dtype == pl.UInt64:
        return False  # may not fit an Int64
    if dtype.is_integer() or dtype in (pl.Boolean, pl.Null) or isinstance(dtype, pl.Enum):
        return True
    return dtype.is_temporal()


def _text(dtype: pl.DataType) -> bool:
    return dtype == pl.String or isinstance(dtype, pl.Categorical)


def _extreme(column: str, which: str) -> pl.Expr:
    physical = pl.col(column).to_physical()
    return (physical.min() if which == "min" else physical.max()).cast(pl.Int64)


@dataclass(frozen=True, slots=True)
class KeyCode:
    """The code of one key column, from ``0`` to ``size − 1``.

    An integer (a date, a Boolean, an Enum …) is its value minus the smallest one of the whole
    observations (``offset``, folded into the target's own offset), null the code after the
    largest; a text is its place among the base table's texts, then one code for a text it
    lacks and one for null.
    """

    column: str
    size: int
    offset: int = 0
    nulls: bool = False
    words: pl.Enum | None = None

    def reach(self) -> int:
        """The largest magnitude of a code before ``offset`` is subtracted (of the value
        itself: the smallest or the largest)."""
        return max(abs(self.offset), abs(self.offset + self.size - 1))

    def expr(self, dtype: pl.DataType | type[pl.DataType] = pl.Int64) -> pl.Expr:
        """The code of each row, less ``offset`` (which the caller subtracts once), as
        ``dtype`` (an Int32 only where every value fits one: see :meth:`reach`)."""
        given = pl.col(self.column)
        if self.words is not None:
            found = given.cast(pl.String).cast(self.words, strict=False).to_physical()
            return (
                pl.when(given.is_null())
                .then(pl.lit(self.size - 1, dtype=dtype))
                .otherwise(found.cast(dtype).fill_null(self.size - 2))
            )
        if self.size == 1 and self.nulls:  # every value is null
            return pl.lit(0, dtype=dtype)
        number = pl.col(self.column).to_physical().cast(dtype)
        return number.fill_null(self.offset + self.size - 1) if self.nulls else number


def key_codes(
    frame: pl.LazyFrame, base: pl.DataFrame | pl.LazyFrame, columns: Sequence[str]
) -> list[KeyCode] | None:
    """The codes of ``columns``: integers over the whole observations' range, texts over the
    base observations' (``base``); one small query for both; ``None`` when a column has no
    small codes."""
    schema = frame.collect_schema()
    numbers = [c for c in columns if _physical(schema[c]) and schema[c] != pl.Null]
    texts = [c for c in columns if _text(schema[c])]
    if any(not (_text(schema[c]) or _physical(schema[c])) for c in columns):
        return None
    # the extremes of the values as they are, then cast (a cast of every value costs more)
    stats = frame.select(
        *(_extreme(c, "min").alias(f"{n}min") for n, c in enumerate(numbers)),
        *(_extreme(c, "max").alias(f"{n}max") for n, c in enumerate(numbers)),
        *(pl.col(c).null_count().alias(f"{n}nulls") for n, c in enumerate(numbers)),
    )
    if texts:  # the base observations are read only for their texts
        words = base.lazy().select(
            pl.col(c).drop_nulls().cast(pl.String).unique().sort().implode() for c in texts
        )
        found, found_words = pl.collect_all([stats, words])
    else:
        found, found_words = stats.collect(), pl.DataFrame()
    codes: list[KeyCode] = []
    for column in columns:
        dtype = schema[column]
        if _text(dtype):
            values = found_words[column][0].to_list()
            codes.append(KeyCode(column, len(values) + 2, words=pl.Enum(values)))
        elif dtype == pl.Null:
            codes.append(KeyCode(column, 1, nulls=True))
        else:
            n = numbers.index(column)
            low, high, nulls = found[f"{n}min"][0], found[f"{n}max"][0], found[f"{n}nulls"][0]
            if low is None:
                codes.append(KeyCode(column, 1, nulls=True))
            else:
                codes.append(KeyCode(column, high - low + 1 + (nulls > 0), low, nulls > 0))
    return codes


def text_codes(column: str, dtype: pl.DataType, values: Sequence[str]) -> tuple[pl.Expr, list[int]]:
    """Small integer codes of a text column: per row, and of each of ``values`` (every value that
    occurs, as the checks found them).

    An Enum or Categorical column already holds codes (free); a String column is cast to an Enum
    of the values that occur.  Categorical codes index a process-wide pool and may be large: when
    they would make the lookup array too big, the column is re-coded like a String one."""
    observed = pl.col(column)
    target: pl.DataType = dtype
    if not isinstance(dtype, pl.Enum | pl.Categorical):
        target = pl.Enum(values)
    codes = pl.Series(values, dtype=pl.String).cast(target).to_physical().cast(pl.Int64).to_list()
    if isinstance(dtype, pl.Categorical) and max(codes, default=0) >= _MAX_CODE:
        target = pl.Enum(values)
        observed = observed.cast(pl.String)
        codes = list(range(len(values)))
    if target != dtype:
        observed = observed.cast(target)
    return observed.to_physical().cast(pl.UInt32), codes
