"""How each row finds its series base: a dense array gathered by key codes, or a join.

A change target's rows read the level of their key group at the base year (see
:mod:`kh922core._engine.change_bases`).  The levels become a lookup:

* a **dense** array, when the key columns are integers, Booleans, dates or texts and the
  combinations of their observed values are few enough (:data:`DENSE_LIMIT`): each key value
  becomes a small code (:mod:`kh922core._engine.key_codes`), the codes of a row make one index,
  and the base is a gather from the array, as the engine gathers bounds.  The array is written
  straight from the base observations (:func:`dense_lookup`: one pass that gives each its index
  and level, and one scatter), without a table of their keys;
* otherwise a **join** on the target and the key columns (nulls equal), from a table of the
  base observations (:func:`table_lookup`), which also finds the key groups observed twice at
  a base year.

Both give the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from kh922core._engine.alike_levels import alike_levels
from kh922core._engine.columns import YEAR, unused_name
from kh922core._engine.key_codes import KeyCode, key_codes

__all__ = ["DENSE_LIMIT", "BaseLookup", "base_wanted", "dense_lookup", "table_lookup"]

#: The most cells a dense lookup may have (8 bytes each); beyond, the lookup is a join.
DENSE_LIMIT = 1 << 24


@dataclass(frozen=True)
class BaseLookup:
    """How the rows of one rule (named base year, or previous year) find their series base.

    A row gives its target's key (:meth:`key_of` its slot; null for the targets of other
    rules) and its key columns (and ``year``, for the previous year); :meth:`added_to` adds its
    base, null when the series has no level there.  A dense lookup's key is the target's place
    in the array, less the offsets of the codes, so that a row's index is that key plus its
    codes times their strides (the offsets are subtracted code by code instead where a value
    times its stride would leave an Int64).
    """

    keys: tuple[str, ...]
    with_year: bool
    table: pl.DataFrame | None  # slot, keys, [year], base (None: a dense array written directly)
    slot: str
    base: str
    codes: tuple[KeyCode, ...] | None = None  # dense: the codes of the keys (and year)
    values: pl.Series | None = None
    cells: int = 0  # dense: the cells of the array (its slots times the cells of one)

    def _strides(self) -> list[int]:
        assert self.codes is not None
        strides, stride = [], 1
        for code in reversed(self.codes):
            strides.append(stride)
            stride *= code.size
        return [stride, *reversed(strides)]  # the slot's, then each code's

    def _offsets(self) -> int:
        _, *strides = self._strides()
        assert self.codes is not None
        return sum(code.offset * stride for code, stride in zip(self.codes, strides, strict=True))

    def _reach(self) -> int:
        """The largest magnitude a step of :meth:`index` may take where the key holds the
        codes' offsets: the key, then the key plus each value times its stride."""
        assert self.codes is not None
        _, *strides = self._strides()
        offsets = self._offsets()
        return max(abs(offsets), abs(self.cells - offsets)) + sum(
            code.reach() * stride for code, stride in zip(self.codes, strides, strict=True)
        )

    def _folded(self) -> bool:
        """Whether the key holds the codes' offsets (one subtraction less per code and row);
        not where a value times its stride would leave an Int64 (a key of values near its
        ends, a time in nanoseconds): each code then subtracts its own offset first."""
        return self._reach() < 2**63 - 1

    def key_of(self, slot: int) -> int:
        """What a row of the target in ``slot`` gathers as its key."""
        if self.codes is None:
            return slot
        slot_stride = self._strides()[0]
        return slot * slot_stride - (self._offsets() if self._folded() else 0)

    def key_dtype(self) -> type[pl.DataType]:
        """The integer type of the keys and of a row's place in the dense array: an Int32
        where no step of :meth:`index` can leave its range (half the bytes of an Int64 to
        read and write per row), else an Int64."""
        if self.codes is None:
            return pl.Int64
        return pl.Int32 if self._reach() < 2**31 - 1 else pl.Int64

    def index(self, key: pl.Expr) -> pl.Expr:
        """Each row's place in the dense array, from its target's key (of :meth:`key_dtype`)."""
        assert self.codes is not None
        _, *strides = self._strides()
        dtype, folded = self.key_dtype(), self._folded()
        index = key
        for code, stride in zip(self.codes, strides, strict=True):
            number = code.expr(dtype)
            if not folded and code.offset:  # a value less its offset: from 0 to its size
                number = number - pl.lit(code.offset, dtype=dtype)
            index = index + (number * stride if stride != 1 else number)
        return index

    def added_to(self, rows: pl.LazyFrame, key: pl.Expr, name: str) -> pl.LazyFrame:
        """``rows`` with the column ``name``: each row's series base (null: none)."""
        if self.values is not None:
            return rows.with_columns(pl.lit(self.values).gather(self.index(key)).alias(name))
        if self.table is None or self.table.is_empty():
            return rows.with_columns(pl.lit(None, dtype=pl.Float64).alias(name))
        taken = rows.collect_schema().names()
        on = unused_name(self.slot, taken)
        year = unused_name("_kh_year", [*taken, on])
        table = self.table.rename({self.slot: on, self.base: name})
        keys = [on, *self.keys]
        added = [key.cast(pl.UInt32).alias(on)]
        if self.with_year:
            table = table.rename({YEAR: year})
            added.append(pl.col(YEAR).cast(pl.Int64).alias(year))
            keys.append(year)
        joined = rows.with_columns(added).join(table.lazy(), on=keys, how="left", nulls_equal=True)
        return joined.drop(on, year, strict=False)


def _written(size: int, index: pl.Series, values: pl.Series) -> tuple[pl.Series, int]:
    """The dense array of ``size`` cells: ``values`` at ``index``, null elsewhere; and how many
    rows were written to a cell of it (an index of ``size`` is a row left out).

    ``values`` are finite or infinite, never null; NaN is a value left out too.  NumPy writes the
    cells (3 to 5 times faster than Polars' ``scatter``, which took 0.12 s for the 9M levels of
    previous-year bases), stretch by stretch where neither column changes chunk (each stretch
    is read in place: no copy of the rows, even where the two columns' chunks differ); NaN
    marks a cell not written, and becomes null.  The cell at ``size``, where the rows left out
    are written, is never read: it is there too because a one-value literal would be a scalar to
    Polars, which divides by a scalar as a multiplication by its reciprocal (one ulp off
    ``v / b``).
    """
    import numpy as np

    cells = np.full(size + 1, np.nan)
    left_out = 0
    start = 0
    for end in _chunk_ends(index, values):
        where = index.slice(start, end - start).to_numpy()
        cells[where] = values.slice(start, end - start).to_numpy()
        left_out += int(np.count_nonzero(where == size))
        start = end
    cells[size] = np.nan
    return pl.Series(cells, nan_to_null=True), index.len() - left_out


def _chunk_ends(*columns: pl.Series) -> list[int]:
    """Where a chunk of any of ``columns`` (of one length) ends: between two of these places,
    each column is one stretch of one chunk (a slice of it is no copy)."""
    ends: set[int] = set()
    for column in columns:
        end = 0
        for chunk in column.get_chunks():
            end += chunk.len()
            ends.add(end)
    return sorted(end for end in ends if end > 0)


def base_wanted(slot: str, base: str) -> pl.Expr:
    """Whether a row of the base observations is a base: it has a target's slot, and a level
    that is a finite number (not null, NaN or an infinity: no value, as an observation's)."""
    return pl.col(slot).is_not_null() & pl.col(base).is_finite().fill_null(False)


def dense_lookup(
    frame: pl.LazyFrame,
    rows: pl.LazyFrame,
    slots: int,
    keys: Sequence[str],
    names: tuple[str, str],
    year: bool,
) -> BaseLookup | None:
    """The dense lookup of the base observations ``rows`` (lazy: ``slot``, the keys, [``year``],
    ``base``; for ``slots`` targets), written straight from them: each row's index and level
    in one pass, then one scatter.

    ``None`` when the keys have no small codes, the array would be too big, or two rows fall
    in one cell (a key group observed twice at a base year): :func:`table_lookup` then joins,
    or finds the duplicates.
    """
    slot, base = names
    codes = key_codes(frame, rows, [*keys, *([YEAR] if year else [])])
    if codes is None:
        return None
    size = slots
    for code in codes:
        size *= code.size
    if size > DENSE_LIMIT:
        return None
    wanted = base_wanted(slot, base)
    if year:  # the base of a year after the last one is read by no row
        last = codes[-1].offset + codes[-1].size - 1 - codes[-1].nulls
        wanted = wanted & (pl.col(YEAR) <= last)
    dense = BaseLookup(tuple(keys), year, None, slot, base, tuple(codes), cells=size)
    targets_keys = pl.Series(
        [dense.key_of(number) for number in range(slots)] + [0], dtype=dense.key_dtype()
    )
    index = unused_name("_kh_index", [slot, base, *keys, YEAR])
    key = unused_name("_kh_key", [slot, base, *keys, YEAR, index])
    kept = unused_name("_kh_kept", [slot, base, *keys, YEAR, index, key])
    # One pass, no filter (which would copy the rows): a row left out is written to the cell
    # at ``size``, which no row reads.  Each step is a column of its own: Polars shares no
    # gather between the expressions that read it.
    found = (
        rows.with_columns(pl.lit(targets_keys).gather(pl.col(slot)).alias(key), wanted.alias(kept))
        .select(
            pl.when(pl.col(kept))
            .then(dense.index(pl.col(key)))
            .otherwise(pl.lit(size, dtype=dense.key_dtype()))
            .alias(index),
            pl.when(pl.col(kept)).then(pl.col(base)).otherwise(pl.lit(0.0)),
        )
        .collect()
    )
    values, written = _written(size, found[index], found[base])
    if values.len() - values.null_count() != written:  # a cell written twice
        return None
    return BaseLookup(dense.keys, year, None, slot, base, dense.codes, values, size)


def _duplicated(table: pl.DataFrame, lookup: BaseLookup, index: pl.Series | None) -> pl.Series:
    """Which rows of the base table share their slot, keys (and year) with another one."""
    if index is not None and lookup.values is not None:
        written = lookup.values.len() - lookup.values.null_count()  # the cells written to
        if written == table.height:  # each row in a cell of its own (the usual case)
            return pl.repeat(False, table.height, dtype=pl.Boolean, eager=True)
        rows = pl.int_range(table.height, dtype=pl.Int64, eager=True)
        owner = pl.repeat(None, lookup.values.len(), dtype=pl.Int64, eager=True)
        owner = owner.scatter(index, rows)  # the last row written to a cell is its owner
        return owner.gather(index) != rows
    columns = [lookup.slot, *lookup.keys, *([YEAR] if lookup.with_year else [])]
    return table.select(pl.struct(columns).is_duplicated()).to_series()


def table_lookup(
    frame: pl.LazyFrame,
    table: pl.DataFrame,
    slots: int,
    keys: Sequence[str],
    names: tuple[str, str],
    year: bool,
) -> tuple[BaseLookup, pl.Series]:
    """The dense lookup of ``table`` (for ``slots`` targets) when its keys have small codes,
    else the join; and which of its rows are duplicated."""
    slot, base = names
    table = table.filter(pl.col(base).is_finite())  # a product beyond the floats: no level
    table = table.unique(maintain_order=True)  # one figure from two sources alike: one base
    group = [slot, *keys, *([YEAR] if year else [])]
    if table.select(pl.struct(group).is_duplicated().any()).item():  # in two units: alike?
        table = table.with_columns(alike_levels(base, group)).unique(maintain_order=True)
    if year and not table.is_empty():  # the base of a year after the last one is read by no row
        last = frame.select(pl.col(YEAR).max()).collect().item()
        table = table.filter(pl.col(YEAR) <= last) if last is not None else table.clear()
    lookup = BaseLookup(tuple(keys), year, table, slot, base)
    codes = (
        None if table.is_empty() else key_codes(frame, table, [*keys, *([YEAR] if year else [])])
    )
    size = slots
    for code in codes or ():
        size *= code.size
    if codes is None or size > DENSE_LIMIT:
        return lookup, _duplicated(table, lookup, None)
    dense = BaseLookup(tuple(keys), year, table, slot, base, tuple(codes), cells=size)
    targets_keys = pl.Series(
        [dense.key_of(number) for number in range(slots)] + [0], dtype=dense.key_dtype()
    )
    keyed = pl.lit(targets_keys).gather(pl.col(slot))
    index = table.select(dense.index(keyed)).to_series()
    values, _ = _written(size, index, table[base])
    dense = BaseLookup(dense.keys, year, table, slot, base, dense.codes, values, size)
    return dense, _duplicated(table, dense, index)
