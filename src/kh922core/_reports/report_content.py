"""What the consolidated report of section IV says, as tables: built once, written as HTML,
Word or Excel by ``report_writing``.

The targets are evaluated on the latest value of each by its horizon (a later one only where
none is; and each entity, where the data names several and none is the plan's province),
judged with :func:`kh922core.evaluate` and placed on the Open SDG scale with
:func:`kh922core.progress`; the summaries count targets met, not met and without data by
horizon, by objective group and by lead agency after the successions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import polars as pl

from kh922core._dates import DateLike, as_date
from kh922core._engine import evaluate
from kh922core._plans import Finding, Plan, audit
from kh922core._reports.change_shortfalls import level_shortfalls
from kh922core._reports.collecting import Collection
from kh922core._reports.file_readings import SOURCES_SCHEMA
from kh922core._reports.periods import Period, reporting_period
from kh922core._reports.template_reading import Rejection
from kh922core._text import fold
from kh922core._tracking import leads_on, progress, task_status

__all__ = ["DUE_SOON_DAYS", "Report", "build_report"]

#: A task due within this many days of the report's date is "due soon".
DUE_SOON_DAYS = 60
_MET = ("met", "exceeded")


@dataclass(slots=True)
class Report:
    """The consolidated report: every table it shows.

    Attributes:
        plan: The plan.
        as_of: The date of the data and of the duties.
        period: The reporting period (its due date, half or whole year).
        sources: ``file`` (or the shipped figures), ``kind``, ``agency``, ``n_values``.
        targets: One row per target (and entity): ``target_id``, ``horizon``, ``group``,
            ``name``, ``unit``, ``target``, ``lead_agency`` (after successions), ``entity``,
            ``year``, ``value``, ``status``, ``shortfall``, ``attainment``, ``category``.
        series: The observations of the charted entity, for trend lines.
        tasks: Tasks done, overdue and due soon: ``task_id``, ``name``, ``agency``, ``due``,
            ``days_left``, ``state``.
        not_reported: Agencies with targets on the date that sent no template.
        templates_collected: Whether any template was collected.
        findings: The audit findings of the plan.
        provenance: ``indicator``, ``year``, ``value``, ``unit`` (as given), ``entity``,
            ``source``.
        rejected, conflicts: What collecting left out.
    """

    plan: Plan
    as_of: date
    period: Period
    sources: pl.DataFrame
    targets: pl.DataFrame
    series: pl.DataFrame
    tasks: pl.DataFrame
    not_reported: list[str]
    templates_collected: bool
    findings: list[Finding]
    provenance: pl.DataFrame
    rejected: list[Rejection] = field(default_factory=list)
    conflicts: int = 0

    def summary(self, by: str | None = None) -> pl.DataFrame:
        """Targets met, not met and without data: overall, or by ``horizon``, ``group`` or
        ``lead_agency``.  Each target counts once: by its own row (no entity named), else by
        the entities' rows (met where each of them is met, not met where one is not)."""
        own = pl.col("entity").is_null()
        table = (
            self.targets.filter(own | ~own.any().over("target_id"))
            .group_by("target_id", maintain_order=True)
            .agg(
                pl.col("horizon", "groups", "lead_agencies").first(),
                pl.col("status").is_in(_MET).all().alias("met"),
                (pl.col("status") == "not_met").any().alias("not_met"),
            )
            .with_columns((~pl.col("met") & ~pl.col("not_met")).alias("no_data"))
        )
        if by == "group":
            table = table.explode("groups").rename({"groups": "group_key"})
            keys = ["group_key"]
        elif by == "lead_agency":
            table = table.explode("lead_agencies").rename({"lead_agencies": "group_key"})
            keys = ["group_key"]
        else:
            keys = [by] if by is not None else []
        counts = [
            pl.len().alias("n_targets"),
            pl.col("met").sum().alias("met"),
            pl.col("not_met").sum().alias("not_met"),
            pl.col("no_data").sum().alias("no_data"),
        ]
        if not keys:
            return table.select(counts)
        return table.group_by(keys, maintain_order=True).agg(counts).sort(keys, nulls_last=True)


def _chosen_entity(plan: Plan, observations: pl.DataFrame) -> pl.DataFrame:
    """The plan's province's rows, where the data names several entities and it is one."""
    if "entity" not in observations.columns:
        return observations.with_columns(pl.lit(None, pl.String).alias("entity"))
    entities = observations["entity"].cast(pl.String).drop_nulls().unique()
    if entities.len() <= 1:
        return observations
    names = {fold(plan.province.name), fold(f"tỉnh {plan.province.name}")}
    chosen = [entity for entity in entities.to_list() if fold(entity) in names]  # each once
    own = observations.filter(pl.col("entity").cast(pl.String).is_in(chosen))
    return own if own.height else observations


def _target_frame(plan: Plan, as_of: date) -> pl.DataFrame:
    leads = leads_on(plan, as_of)
    groups: dict[str, list[str]] = {}
    for objective in plan.objectives:
        for target_id in objective.targets:
            groups.setdefault(target_id, []).append(objective.id)
    return pl.DataFrame(
        [
            {
                "target_id": t.id,
                "horizon": t.horizon,
                "name": t.name or plan.indicator(t.indicator).name,
                "unit": u.text if (u := plan.indicator(t.indicator).unit or t.unit) else None,
                "target": t.text,
                "lead_agencies": list(leads.target(t.id).lead_agencies),
                "groups": groups.get(t.id, [f"section-{t.section or ''}"]),
            }
            for t in plan.targets
        ],
        schema={
            "target_id": pl.String,
            "horizon": pl.Int64,
            "name": pl.String,
            "unit": pl.String,
            "target": pl.String,
            "lead_agencies": pl.List(pl.String),
            "groups": pl.List(pl.String),
        },
    )


#: Why a change target's row has no data (the engine's column, with change targets).
_WHY = "no_data_reason"
#: The columns of the report's series: the engine's, and the entity.
_SERIES_COLUMNS = ("indicator", "value", "unit", "year", "assessment", "cohort_size", "entity")


def _latest(plan: Plan, observations: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """The latest judged row of each target and entity, with its on-track category."""
    data = observations.filter(pl.col("year").is_null() | (pl.col("year") <= as_of.year))
    # a series is an indicator of an entity: where a value came from (its file, row, agency,
    # note) is no key, or a change target would find no base in its own row's group
    data = data.select(c for c in _SERIES_COLUMNS if c in data.columns)
    keys = ["target_id", "entity"]
    if data.is_empty():
        return pl.DataFrame(
            schema={
                "target_id": pl.String,
                "entity": pl.String,
                "year": pl.Int64,
                "value": pl.Float64,
                "status": pl.String,
                "shortfall": pl.Float64,
                "attainment": pl.Float64,
                "category": pl.String,
            }
        )
    judged = evaluate(plan, data.lazy()).collect()
    # a milestone passed is judged at its year: the latest value by it that can be judged (a
    # base year's own row cannot), a later one only where none is; a 2026 target met in 2026
    # is met, whatever 2027 brought
    within = (pl.col("year") <= pl.col("horizon")).fill_null(False).alias("_within")
    judgeable = (pl.col("status").cast(pl.String) != "no_data").alias("_judged")
    latest = (
        judged.with_columns(within, judgeable)
        .sort("_judged", "_within", "year", nulls_last=False)
        .group_by(keys, maintain_order=True)
        .last()
        .select(
            pl.col("target_id").cast(pl.String),
            pl.col("entity").cast(pl.String),
            "year",
            pl.col("value_converted").alias("value"),
            pl.col("status").cast(pl.String),
            "shortfall",
            "attainment",
            *(c for c in ("base_value", "base_year") if c in judged.columns),
            *([pl.col(_WHY).cast(pl.String)] if _WHY in judged.columns else []),
            ((pl.col("year") <= pl.col("horizon")) & (pl.col("horizon") < as_of.year))
            .fill_null(False)
            .alias("_at_horizon"),
        )
    )
    latest = level_shortfalls(plan, latest)  # in the indicator's unit, not the change's
    measured = data.filter(pl.col("value").is_not_null() & pl.col("year").is_not_null())
    if measured.is_empty():
        return latest.drop("_at_horizon").with_columns(pl.lit(None, pl.String).alias("category"))
    return latest.join(
        _tracks(plan, measured, as_of), on=[*keys, "_at_horizon"], how="left", nulls_equal=True
    ).drop("_at_horizon")


def _tracks(plan: Plan, measured: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """The on-track category of each target and entity as of the report's year, and of each
    milestone passed as of its own year (``_at_horizon``), beside the value it is judged on."""
    keys = ["target_id", "entity"]
    runs: list[tuple[int, list[str] | None, bool]] = [(as_of.year, None, False)]
    passed = sorted({t.horizon for t in plan.targets if t.horizon < as_of.year})
    runs += [(h, [t.id for t in plan.targets if t.horizon == h], True) for h in passed]
    tracks = []
    for year, targets, at_horizon in runs:
        track = progress(plan, measured, as_of=year, targets=targets).select(
            *(pl.col(k).cast(pl.String) for k in keys), pl.col("category").cast(pl.String)
        )
        tracks.append(
            track.group_by(keys, maintain_order=True)
            .last()
            .with_columns(pl.lit(at_horizon).alias("_at_horizon"))
        )
    return pl.concat(tracks)


def _tasks(plan: Plan, as_of: date, completions: pl.DataFrame | None) -> pl.DataFrame:
    table = task_status(plan, as_of=as_of, completions=completions)
    soon = (pl.col("status") == "due") & (pl.col("due") <= as_of + timedelta(DUE_SOON_DAYS))
    state = (
        pl.when(pl.col("status") == "done")
        .then(pl.lit("done"))
        .when(pl.col("status") == "overdue")
        .then(pl.lit("overdue"))
        .when(soon)
        .then(pl.lit("due_soon"))
    )
    return (
        table.with_columns(state.alias("state"))
        .filter(pl.col("state").is_not_null())
        .select("task_id", "name", "agency", "due", "days_left", "state")
    )


def other_half(sources: pl.DataFrame, period: Period) -> list[str]:
    """The templates (their files, as given) of the period's year made for its other half, of
    agencies that sent no template of the period itself: the first half's template in the
    year's report holds six months' figures (an agency that sent both is superseded, not
    named)."""
    if "period" not in sources.columns:
        return []
    year = sources.filter((pl.col("year") == period.year) & pl.col("period").is_not_null())
    own = set(year.filter(pl.col("period") == period.kind)["agency"].drop_nulls().to_list())
    other = year.filter((pl.col("period") != period.kind) & ~pl.col("agency").is_in(sorted(own)))
    return [str(file) for file in other["file"].to_list()]


def _reported(data: pl.DataFrame, collection: Collection | None, period: Period) -> set[str]:
    """The agencies that sent a value of the period's year: kept, in conflict with another
    file's, or the same as another agency's, read once (a template sent back empty, one of
    another year, or one of the other half of the year only, is no report of it)."""
    frames = [data, *([collection.conflicts, collection.repeated] if collection else [])]
    halves: set[str] = set()
    if collection is not None:  # rows name their file by its name: only names of such files
        names = [Path(str(file)).name for file in collection.sources["file"].to_list()]
        other = {Path(file).name for file in other_half(collection.sources, period)}
        halves = {name for name in other if names.count(name) == 1}
    found: set[str] = set()
    for frame in frames:
        if {"agency", "year"} <= set(frame.columns):
            sent = frame.filter(pl.col("year") == period.year)
            if halves and "source_file" in frame.columns:
                sent = sent.filter(~pl.col("source_file").is_in(sorted(halves)).fill_null(False))
            found |= set(sent["agency"].cast(pl.String).drop_nulls().to_list())
    return found


def build_report(
    plan: Plan,
    observations: pl.DataFrame | Collection | None = None,
    *,
    as_of: DateLike,
    completions: pl.DataFrame | None = None,
) -> Report:
    """Build the consolidated report of ``plan`` on ``as_of``.

    Args:
        plan: The plan.
        observations: A :class:`Collection` (templates and tables collected), observations in
            the engine's input columns, or ``None`` for the shipped published figures.
        as_of: The date (a date, a datetime or ``"YYYY-MM-DD"``): the period (the next report
            due), the duties after successions, the tasks' status, the latest year counted.
        completions: Task completions, as for :func:`kh922core.task_status`.

    Raises:
        InvalidValueError: ``as_of`` is no date (a ``TypeError`` too); a text that is no ISO
            date is a ``DateFormatError``.
    """
    from kh922core._plans import published_figures

    as_of = as_date(as_of, "as_of")

    collection = observations if isinstance(observations, Collection) else None
    data: pl.DataFrame
    if collection is not None:
        data = collection.observations
        sources = collection.sources
    else:
        data = published_figures() if observations is None else observations  # type: ignore[assignment]
        kind = "published" if observations is None else "observations"
        sources = pl.DataFrame(
            {"file": [None], "kind": [kind], "agency": [None], "n_values": [data.height]}
            | {"year": [None], "period": [None]},
            schema=SOURCES_SCHEMA,
        )
    data = _chosen_entity(plan, data).with_columns(pl.col("entity").cast(pl.String))
    targets = _target_frame(plan, as_of).join(
        _latest(plan, data, as_of), on="target_id", how="left"
    )
    targets = targets.with_columns(pl.col("status").fill_null("no_data"))
    if "source_file" in data.columns:
        place = pl.concat_str(
            [pl.col("source_file"), pl.col("source_sheet"), pl.col("source_row").cast(pl.String)],
            separator=":",
            ignore_nulls=True,
        )
    elif "source" in data.columns:
        place = pl.col("source").cast(pl.String)
    else:
        place = pl.lit(None, pl.String)
    unit = pl.col("unit").cast(pl.String) if "unit" in data.columns else pl.lit(None, pl.String)
    provenance = data.select(
        "indicator", "year", "value", unit.alias("unit"), "entity", place.alias("source")
    ).sort("indicator", "year")
    period = reporting_period(plan, as_of)
    reported = _reported(data, collection, period)
    from kh922core._reports.agency_templates import template_agencies

    expected = template_agencies(plan, as_of)
    return Report(
        plan=plan,
        as_of=as_of,
        period=period,
        sources=sources,
        targets=targets,
        series=data.filter(pl.col("value").is_not_null() & pl.col("year").is_not_null()),
        tasks=_tasks(plan, as_of, completions),
        not_reported=[a for a in expected if a not in reported],
        templates_collected=bool(reported) or sources["agency"].drop_nulls().len() > 0,
        findings=audit(plan, as_of),
        provenance=provenance,
        rejected=list(collection.rejected) if collection is not None else [],
        conflicts=collection.conflicts.height if collection is not None else 0,
    )
