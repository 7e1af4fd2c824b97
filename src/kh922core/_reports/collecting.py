"""Many agencies' filled files gathered into one table of observations: the consolidation the
Department of Science and Technology does before each report of section IV.

Two files (or two rows) giving different values for the same indicator, year and entity are a
conflict: both are reported and neither is kept, never a silent pick.  The same value given
twice (one indicator with a target for 2030 and one for 2045) counts once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from kh922core._plans import Plan
from kh922core._reports.file_names import renamed, shown_names
from kh922core._reports.file_readings import SOURCES_SCHEMA
from kh922core._reports.row_checks import (
    assessed_numbers,
    fitting_units,
    known_indicators,
    possible_values,
    shown,
)
from kh922core._reports.template_periods import (
    PERIOD,
    period_rank,
    superseded,
    superseded_by_refused,
)
from kh922core._reports.template_reading import PROVENANCE, FileReading, Rejection, read_filled_file
from kh922core._reports.unlikely_values import unlikely_values
from kh922core._targets import parse_unit
from kh922core.errors import Kh922Error, MissingFileError, ObservationError, UnknownFormatError

__all__ = ["Collection", "collect", "write_observations"]

_KEY = ("indicator", "year", "entity")
_COLUMNS = ("indicator", "value", "unit", "year", "assessment", "entity", "note", *PROVENANCE)


@dataclass(slots=True)
class Collection:
    """What the files brought, consolidated.

    Attributes:
        observations: One row per indicator, year and entity, in the engine's input columns
            (``indicator``, ``value``, ``unit``, ``year``, ``assessment``, ``entity``) with
            ``note`` and the provenance ``agency``, ``source_file``, ``source_sheet`` and
            ``source_row``; conflicting values are left out.
        sources: One row per file: ``file``, ``kind`` (``template`` or ``observations``),
            ``agency``, ``n_values`` (the values it brought into ``observations``), ``year``
            (a template's: the year of the period it was made for) and ``period`` (a
            template's: ``half`` or ``year``).
        rejected: Every cell not used, with its file, sheet, row and reason.
        conflicts: One row per value in conflict: the key, ``value``, ``assessment`` and where
            it comes from.
        repeated: One row per value read once though another agency's file gave it too (it is
            listed in ``rejected``): the key, that ``agency`` (which reported all the same)
            and its ``source_file``.
    """

    observations: pl.DataFrame
    sources: pl.DataFrame
    rejected: list[Rejection] = field(default_factory=list)
    conflicts: pl.DataFrame = field(default_factory=pl.DataFrame)
    repeated: pl.DataFrame = field(default_factory=pl.DataFrame)

    @property
    def clean(self) -> bool:
        """Whether every cell was used and no two values disagree."""
        return not self.rejected and self.conflicts.is_empty()

    def conflict_lines(self) -> list[str]:
        """Each conflict as one line: the key, then each value with its place."""
        lines = []
        grouped = self.conflicts.group_by(list(_KEY), maintain_order=True).agg(pl.all())
        for record in grouped.iter_rows(named=True):
            where = "; ".join(
                f"{shown(v, a)} ({_place(f, s, r)})"
                for v, a, f, s, r in zip(
                    record["value"],
                    record["assessment"],
                    record["source_file"],
                    record["source_sheet"],
                    record["source_row"],
                    strict=True,
                )
            )
            entity = f", {record['entity']}" if record["entity"] else ""
            lines.append(f"{record['indicator']} {record['year']}{entity}: {where}")
        return lines


def _place(file: str | None, sheet: str | None, row: int | None) -> str:
    return ":".join(str(p) for p in (file, sheet, row) if p is not None)


def _frame(reading: FileReading, cohorts: bool) -> pl.DataFrame:
    frame = reading.observations
    return frame.select(
        pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c)
        for c, t in _schema(cohorts).items()
    )


def _schema(cohorts: bool = False) -> dict[str, pl.DataType]:
    """The columns of the consolidated table; ``cohort_size`` when a file gives it."""
    types: dict[str, pl.DataType] = dict.fromkeys(_COLUMNS, pl.String())
    types.update(
        value=pl.Float64(), year=pl.Int64(), assessment=pl.Boolean(), source_row=pl.Int64()
    )
    if cohorts:
        types["cohort_size"] = pl.Int64()
    return types


def _empty_templates(readings: list[FileReading], names: dict[Path, str]) -> list[Rejection]:
    """Each template that came back with nothing filled in (not a report of the period)."""
    return [
        Rejection(
            names.get(r.path, r.path.name),
            None,
            None,
            "value",
            "",
            "nothing is filled in: the template came back empty",
        )
        for r in readings
        if r.kind == "template" and r.observations.is_empty() and not r.rejected
    ]


def _repeated_by_others(
    table: pl.DataFrame, same: list[str]
) -> tuple[list[Rejection], pl.DataFrame]:
    """Each value that another agency's file gave already (the same indicator, year, entity
    and value): read once, and listed, since both may be parts of a whole (three districts
    that each built one smart city) rather than one figure sent twice; and those rows (the
    key and the agency that gave it again: it reported all the same)."""
    rows = table.with_row_index("_i")
    first = rows.group_by(same, maintain_order=True).agg(pl.col("_i").min().alias("_first"))
    joined = rows.join(first, on=same, nulls_equal=True).filter(pl.col("_i") != pl.col("_first"))
    if joined.is_empty():
        return [], table.select(*_KEY, "agency", "source_file").clear()
    earlier = rows.select(
        pl.col("_i").alias("_first"),
        pl.col("_file").alias("_first_file"),
        pl.col("agency").alias("_first_agency"),
        pl.col("source_file").alias("_first_source"),
        pl.col("source_sheet").alias("_first_sheet"),
        pl.col("source_row").alias("_first_row"),
    )
    others = joined.join(earlier, on="_first").filter(
        (pl.col("_file") != pl.col("_first_file"))
        & pl.col("agency").ne_missing(pl.col("_first_agency"))
    )
    return [
        Rejection(
            r["source_file"],
            r["source_sheet"],
            r["source_row"],
            "value",
            shown(r["value"], r["assessment"]),
            f"the same value as {_place(r['_first_source'], r['_first_sheet'], r['_first_row'])}"
            f"{f' ({a})' if (a := r['_first_agency']) else ''}: read once; if each agency "
            "reports its own part, add the parts up in one file, or give each its entity",
        )
        for r in others.iter_rows(named=True)
    ], others.select(*_KEY, "agency", "source_file")


def _unit_key(table: pl.DataFrame, plan: Plan) -> pl.Expr:
    """Each row's unit as what it means (``%`` and ``phần trăm`` alike; no unit as the
    indicator's own), so that one value written in two spellings is no conflict."""
    units = {i.id: i.unit.text for i in plan.indicators if i.unit is not None}
    written = table.select(pl.struct("indicator", "unit").unique()).to_series().to_list()
    meaning: dict[str, str] = {}
    for pair in written:
        text: str | None = pair["unit"] or units.get(pair["indicator"])
        key = f"{pair['indicator']}|{pair['unit']}"
        try:
            meaning[key] = parse_unit(text).expression if text is not None else ""
        except Kh922Error:
            meaning[key] = f"text:{text}"
    pair_text = pl.concat_str(pl.col("indicator"), pl.col("unit").fill_null("None"), separator="|")
    return pair_text.replace_strict(meaning, default=None, return_dtype=pl.String)


#: The files a folder holds that are read: templates and tables of observations.
_READ_IN_FOLDERS = (".xlsx", ".csv", ".parquet", ".pq")
#: Why another file of a folder is not read, by its suffix.
_NOT_READ = {
    ".xls": "an old Excel workbook (.xls): open it in Excel and save it as .xlsx",
    ".docx": "a Word document: the agencies fill the Excel template (.xlsx)",
    ".doc": "a Word document: the agencies fill the Excel template (.xlsx)",
    "": "neither a template nor a table of observations (.xlsx, .csv, .parquet)",
}


def _files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[tuple[Path, bool]], list[tuple[Path, str]]]:
    """The files to read (and whether each is a folder's): each path, a folder's files in
    name order; and those left out, listed: Excel's lock file of a workbook open
    (``~$so-y-te.xlsx``), and in a folder a file that is neither a template nor a table."""
    files: list[tuple[Path, bool]] = []
    skipped: list[tuple[Path, str]] = []
    for given in map(Path, paths):
        inside = sorted(p for p in given.iterdir() if p.is_file()) if given.is_dir() else [given]
        for path in inside:
            if path.name.startswith("~$"):
                why = (
                    f"Excel's lock file: '{path.name[2:]}' is open in Excel (close it and save, "
                    "then collect again); not read"
                )
                skipped.append((path, why))
            elif given.is_dir() and path.suffix.lower() not in _READ_IN_FOLDERS:
                if not path.name.startswith("."):
                    skipped.append((path, _NOT_READ.get(path.suffix.lower(), _NOT_READ[""])))
            else:
                files.append((path, given.is_dir()))
    return files, skipped


def _withheld(readings: Sequence[FileReading], schema: pl.Schema) -> list[pl.DataFrame]:
    """The rows each template wrote but did not read (``withheld_keys``), as rows of the
    refused values: they supersede the same agency's earlier figures all the same."""
    return [
        r.withheld.select(
            pl.col("indicator").cast(schema["indicator"]),
            pl.col("year").cast(schema["year"]),
            pl.lit(r.agency, schema["agency"]).alias("agency"),
            pl.lit(period_rank(r.metadata.get("period"), r.metadata.get("year")))
            .cast(schema[PERIOD])
            .alias(PERIOD),
            pl.lit(i).cast(schema["_file"]).alias("_file"),
        )
        for i, r in enumerate(readings)
        if r.kind == "template" and r.withheld is not None and not r.withheld.is_empty()
    ]


def collect(paths: Iterable[str | os.PathLike[str]], *, plan: Plan | None = None) -> Collection:
    """Read filled templates and observation tables and consolidate them.

    Args:
        paths: ``.xlsx`` or ``.csv`` templates as :func:`write_templates` writes them (filled
            and saved again by Excel or LibreOffice: numbers typed as text with a decimal
            comma, percent-formatted cells, blank and extra rows, notes, columns inserted or
            reordered), or observation tables (``.csv``, ``.xlsx``, ``.parquet``), or folders
            of them (their other files, and Excel's lock files ``~$…``, are listed in
            ``rejected``, not read).
        plan: The plan, to find a row's indicator by its ``Mã`` when the hidden column is gone
            (default: the built-in plan).

    Returns:
        A :class:`Collection`.

    Raises:
        kh922core.errors.UnknownFormatError: A file that is neither a template nor an
            observation table (the message names it).
        kh922core.errors.MissingFileError: No such file.

    Examples:
        >>> import tempfile, kh922core
        >>> folder = Path(tempfile.mkdtemp())
        >>> path = folder / "so-lieu.csv"
        >>> _ = path.write_text("indicator;year;value\\ntfp-contribution;2024;49,5\\n")
        >>> found = collect([path])
        >>> found.observations.select("indicator", "year", "value").rows(), found.clean
        ([('tfp-contribution', 2024, 49.5)], True)
    """
    if plan is None:
        from kh922core._plans import load_plan

        plan = load_plan()
    files, left = _files(paths)
    names = shown_names([path for path, _ in (*files, *left)])  # "T5/so-khcn.xlsx", if shared
    skipped = [Rejection(names[path], None, None, "file", "", why) for path, why in left]
    readings, unread = [], []
    for path, in_folder in files:
        try:
            readings.append(renamed(read_filled_file(path, plan), names[path]))
        except UnknownFormatError as error:  # a broken file in a folder: listed, the rest read
            if not in_folder:
                raise
            skipped.append(Rejection(names[path], None, None, "file", "", f"not read: {error}"))
        except ObservationError as error:  # a cell of a table that is no number, no year …
            unread.append(error)
            skipped += [  # listed by its place; the other files read
                Rejection(
                    names[path],
                    None,
                    None,
                    problem.column,
                    ", ".join(problem.values),
                    f"{problem.message}: the file is not read (correct it, and collect again)",
                )
                for problem in error.problems
            ]
    if not readings and len(unread) == 1 == len(files):  # the one table given: its problems
        raise unread[0]
    if not readings:
        raise Kh922Error("no file to collect" + (f": {skipped[0]}" if skipped else ""))
    cohorts = any("cohort_size" in r.observations.columns for r in readings)
    frames = [
        _frame(r, cohorts).with_columns(
            pl.lit(i).alias("_file"),
            pl.lit(
                period_rank(r.metadata.get("period"), r.metadata.get("year"))
                if r.kind == "template"
                else 0
            ).alias(PERIOD),
        )
        for i, r in enumerate(readings)
    ]
    table, strangers = known_indicators(pl.concat(frames), plan)
    checked = table.with_columns(pl.int_range(pl.len()).alias("_checked"))
    table, misfits = fitting_units(checked, plan)
    table, impossible = possible_values(table, plan)
    table, unlikely = unlikely_values(table, plan)
    table, assessed = assessed_numbers(table, plan)  # refused: a later one supersedes all the same
    refused = checked.join(table.select("_checked"), on="_checked", how="anti")
    refused = pl.concat([refused, *_withheld(readings, refused.schema)], how="diagonal")
    table, overruled = superseded_by_refused(table, refused, _KEY, [str(r.path) for r in readings])
    table = table.drop("_checked")
    strangers += misfits + impossible + unlikely + overruled
    # the assessment is the figure only where there is no value, or the targets are in words:
    # one value on the 2030 row (Đạt) and on the 2045 row (Không đạt) is one figure
    worded = sorted({t.indicator for t in plan.targets if t.spec.kind == "qualitative"})
    said = pl.when(pl.col("value").is_null() | pl.col("indicator").is_in(worded))
    table = table.with_columns(
        _unit_key(table, plan).alias("_unit"),
        said.then(pl.col("assessment")).alias("_said"),
        pl.int_range(pl.len()).alias("_order"),
    )
    same = [*_KEY, "value", "_said", "_unit"]
    repeated, again = _repeated_by_others(table, same)
    # one figure given twice is read once, from the year's template rather than the half's
    table = (
        table.sort([PERIOD, "_order"], descending=[True, False])
        .unique(subset=same, keep="first", maintain_order=True)
        .sort("_order")
    )
    given = [str(r.path) for r in readings]
    table, replaced = superseded(table.drop("_unit", "_said", "_order"), _KEY, given)
    clash = pl.struct(*_KEY).is_duplicated()
    conflicts = table.filter(clash).drop("_file", PERIOD)
    kept = table.filter(~clash)
    counts = kept.group_by("_file").len()
    brought = dict(zip(counts["_file"], counts["len"], strict=True))
    sources = pl.DataFrame(
        {
            "file": [str(r.path) for r in readings],
            "kind": [r.kind for r in readings],
            "agency": [r.agency for r in readings],
            "n_values": [brought.get(i, 0) for i in range(len(readings))],
            "year": [
                int(y) if (y := r.metadata.get("year", "")).isdigit() else None for r in readings
            ],
            "period": [
                r.metadata.get("period") if r.kind == "template" else None for r in readings
            ],
        },
        schema=SOURCES_SCHEMA,
    )
    rejected = [r for reading in readings for r in reading.rejected] + strangers + repeated
    rejected += assessed + _empty_templates(readings, names) + skipped
    return Collection(kept.drop("_file", PERIOD), sources, rejected + replaced, conflicts, again)


def write_observations(collection: Collection, path: str | os.PathLike[str]) -> Path:
    """Write the consolidated observations to a ``.csv`` or ``.parquet`` file (read back by
    ``kh922 evaluate --observations`` and ``kh922 report --observations``)."""
    from kh922core._output_formats import format_for

    chosen = format_for(path, among=("csv", "parquet"))
    folder = Path(path).parent
    if not folder.is_dir():
        raise MissingFileError(f"no folder {str(folder)!r} to write in", str(folder))
    return chosen.write(collection.observations, path)
