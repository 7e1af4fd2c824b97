"""The reporting template each agency fills in: built from the plan and written.

The template lists the targets an agency reports on (after succession), with the last known
values of the plan's province; :func:`write_reporting_template` writes it as ``.csv`` or
``.xlsx``, and :func:`kh922core.read_reporting_template` (in ``observation_files``) reads the
filled file back as observations.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from kh922core._dates import DateLike, optional_date
from kh922core._output_formats import Layout, format_for
from kh922core._plans import Plan, Target
from kh922core._targets import Unit, conversion_factor
from kh922core._text import fold
from kh922core._tracking.duties import agency_duties, printed_duties, resolve_agency, takeover
from kh922core._tracking.observation_files import TEMPLATE_SHEET
from kh922core.errors import MissingFileError, ObservationError, ObservationProblem

__all__ = ["reporting_template", "write_reporting_template"]

#: The formats a template is written in: those :func:`read_reporting_template` reads back.
_TEMPLATE_FORMATS = ("csv", "xlsx")
_GUIDE_SHEET = "huong-dan"
#: The columns an agency fills in (highlighted in ``.xlsx``), and the wider columns.
#: The column that names whose figures a row holds (as in :func:`kh922core.published_figures`).
ENTITY = "entity"
_TO_FILL = frozenset({"year", "value", "assessment"})
_WIDTHS = {"name": 60, "target": 28, "unit": 16, "indicator": 30}
#: The guide, shown on its own sheet of an ``.xlsx`` template.
_GUIDE = (
    "Điền cột 'value' (số liệu mới, theo đơn vị ở cột 'unit') và cột 'year' (năm số liệu).",
    "Chỉ tiêu định tính: điền cột 'assessment' (đạt / không đạt).",
    "Không đổi tên, thứ tự các cột; không thêm dòng trên dòng tiêu đề.",
    "Đọc lại bằng kh922core.read_reporting_template(đường_dẫn).",
)


def _targets_of(plan: Plan, agency_id: str, as_of: date | None) -> list[Target]:
    """The targets the agency reports on: after succession on ``as_of``; for an agency whose
    duties passed to others by then, the targets printed for it (its successors report them)."""
    if as_of is not None and takeover(plan, agency_id, as_of) is not None:
        targets, _ = printed_duties(plan, agency_id)
    else:
        targets, _ = agency_duties(plan, as_of).get(agency_id, ([], []))
    return [plan.target(t) for t in targets]


def _folded(column: str) -> pl.Expr:
    """A text column as :func:`kh922core._text.fold` writes names (NFC, lower case, spaces)."""
    text = pl.col(column).cast(pl.String).str.normalize("NFC").str.to_lowercase()
    return text.str.replace_all(r"\s+", " ").str.strip_chars()


def _reporting_entity(plan: Plan, observations: pl.DataFrame) -> pl.DataFrame:
    """The rows of the plan's province when ``entity`` names several (``published_figures``).

    Raises:
        ObservationError: Several entities, none of them the plan's province.
    """
    if ENTITY not in observations.columns:
        return observations
    entities = observations[ENTITY].cast(pl.String).drop_nulls().unique(maintain_order=True)
    if entities.len() <= 1:
        return observations
    province = plan.province.name
    names = [fold(province), fold(f"tỉnh {province}")]
    own = observations.filter(_folded(ENTITY).is_in(names))
    if own.is_empty():
        shown = ", ".join(repr(e) for e in entities.head(5).to_list())
        message = (
            f"several entities ({shown}) and none is the plan's province {province!r}: "
            "pass the observations of one entity"
        )
        raise ObservationError([ObservationProblem(column=ENTITY, message=message)])
    return own


def _unit_of(plan: Plan, target: Target) -> Unit | None:
    """The unit a template row asks for: the indicator's (one unit per indicator), else the
    target's."""
    unit = plan.indicator(target.indicator).unit
    return unit if unit is not None else target.unit


def _last_values(
    plan: Plan, targets: list[Target], observations: pl.DataFrame, as_of: date | None
) -> dict[str, tuple[int | None, float | None]]:
    """The latest observed (year, value) per target, in the template row's unit."""
    for column in ("indicator", "value", "year"):
        if column not in observations.columns:
            raise ObservationError(
                [ObservationProblem(column=column, message="required column is missing")]
            )
    frame = (
        _reporting_entity(plan, observations)
        .with_columns(
            pl.col("indicator").cast(pl.String),
            pl.col("value").cast(pl.Float64),
            pl.col("year").cast(pl.Int64),
            (pl.col("unit").cast(pl.String) if "unit" in observations.columns else pl.lit(None))
            .cast(pl.String)
            .alias("unit"),
        )
        .filter(
            pl.col("value").is_not_null()
            & pl.col("value").is_not_nan()
            & pl.col("year").is_not_null()
        )
    )
    if as_of is not None:
        frame = frame.filter(pl.col("year") <= as_of.year)
    indicators = list(dict.fromkeys(t.indicator for t in targets))
    latest = frame.filter(
        pl.col("indicator").is_in(indicators)
        & (pl.col("year") == pl.col("year").max().over("indicator"))
    )
    crowded = (
        latest.group_by("indicator")
        .agg(pl.len().alias("n"), pl.col("year").first())
        .filter(pl.col("n") > 1)
    )
    if not crowded.is_empty():
        first = min(crowded.iter_rows(), key=lambda row: indicators.index(row[0]))
        indicator, count, year = first
        message = f"{count} values of {indicator!r} for {year}: pass the observations of one entity"
        raise ObservationError([ObservationProblem(column="year", message=message, count=count)])
    last = {row[0]: row[1:] for row in latest.select("indicator", "year", "value", "unit").rows()}
    found: dict[str, tuple[int | None, float | None]] = {}
    for target in targets:
        year, value, unit = last.get(target.indicator, (None, None, None))
        wanted = _unit_of(plan, target)
        if value is not None and unit is not None and wanted is not None:
            value *= conversion_factor(unit, wanted)
        found[target.id] = (year, value)
    return found


def reporting_template(
    plan: Plan,
    agency: str,
    *,
    observations: pl.DataFrame | None = None,
    as_of: DateLike | None = None,
    year: int | None = None,
) -> pl.DataFrame:
    """The reporting template of one agency: its targets, ready for the new values.

    Args:
        plan: The plan.
        agency: The agency (id, name or alias).
        observations: Earlier observations (the engine's input schema) to fill ``last_year``
            and ``last_value`` (converted to the row's unit).  When an ``entity`` column names
            several entities (as in :func:`kh922core.published_figures`), only the rows of the
            plan's province count (``entity`` is its name, or "tỉnh" and its name, in any case).
        as_of: Resolve successions on this date (a successor also reports its predecessors'
            targets) and ignore observations of later years; default: the leads as printed.
            An agency whose duties have passed to others by then gets the targets printed for
            it, which its successors now report.  A date, a datetime or ``"YYYY-MM-DD"``.
        year: Prefill the ``year`` column (default: ``as_of``'s year, else empty).

    Returns:
        One row per target the agency leads, in plan order, with columns ``indicator``,
        ``target_id``, ``row``, ``horizon``, ``name``, ``unit`` (the indicator's unit, so that
        two targets of one indicator ask for the same thing), ``target`` (the target text),
        ``last_year``, ``last_value``, ``year``, and the empty ``value`` and ``assessment``
        (for a qualitative target) columns to fill in.

    Raises:
        kh922core.errors.UnknownAgencyError: ``agency`` names no agency.
        ObservationError: ``observations`` lack a column, hold two values for an indicator and
            year, or name several entities of which none is the plan's province.

    Examples:
        >>> import kh922core
        >>> sheet = reporting_template(kh922core.load_plan(), "so-y-te", year=2025)
        >>> sheet.select("indicator", "unit", "target", "year", "value").rows()
        [('e-health-records', '%', '≥ 90', 2025, None)]
    """
    day = optional_date(as_of, "as_of")
    agency_id = resolve_agency(plan, agency)
    targets = _targets_of(plan, agency_id, day)
    last = (
        _last_values(plan, targets, observations, day)
        if observations is not None
        else dict.fromkeys((t.id for t in targets), (None, None))
    )
    fill_year = year if year is not None else (day.year if day is not None else None)
    rows = [
        {
            "indicator": t.indicator,
            "target_id": t.id,
            "row": t.row,
            "horizon": t.horizon,
            "name": t.name if t.name is not None else plan.indicator(t.indicator).name,
            "unit": unit.text if (unit := _unit_of(plan, t)) is not None else None,
            "target": t.text,
            "last_year": last[t.id][0],
            "last_value": last[t.id][1],
            "year": fill_year,
            "value": None,
            "assessment": None,
        }
        for t in targets
    ]
    schema = {
        "indicator": pl.String,
        "target_id": pl.String,
        "row": pl.String,
        "horizon": pl.Int64,
        "name": pl.String,
        "unit": pl.String,
        "target": pl.String,
        "last_year": pl.Int64,
        "last_value": pl.Float64,
        "year": pl.Int64,
        "value": pl.Float64,
        "assessment": pl.Boolean,
    }
    return pl.DataFrame(rows, schema=schema)


def write_reporting_template(
    path: str | Path,
    plan: Plan,
    agency: str,
    *,
    observations: pl.DataFrame | None = None,
    as_of: DateLike | None = None,
    year: int | None = None,
) -> Path:
    """Write :func:`reporting_template` to a ``.csv`` (UTF-8 with BOM) or ``.xlsx`` file.

    The ``.xlsx`` has the table on a sheet named ``template`` (the columns to fill are
    highlighted) and a short guide in Vietnamese on a second sheet.  Writing ``.xlsx`` needs
    ``xlsxwriter`` (the ``xlsx`` extra).  Read the filled file back with
    :func:`read_reporting_template`.  The arguments after ``path`` are those of
    :func:`reporting_template`.

    Returns:
        The path written.

    Raises:
        ValueError: ``path`` is not a ``.csv`` or ``.xlsx`` file (a library error listing the
            formats).

    Examples:
        >>> import tempfile, kh922core
        >>> folder = Path(tempfile.mkdtemp())
        >>> path = write_reporting_template(folder / "y-te.csv", kh922core.load_plan(), "so-y-te")
        >>> path.read_text(encoding="utf-8-sig").splitlines()[0]
        'indicator,target_id,row,horizon,name,unit,target,last_year,last_value,year,value,assessment'
    """
    output = format_for(path, among=_TEMPLATE_FORMATS)
    if not Path(path).parent.is_dir():
        folder = str(Path(path).parent)
        raise MissingFileError(f"no folder {folder!r} to write the template in", folder)
    day = optional_date(as_of, "as_of")
    sheet = reporting_template(plan, agency, observations=observations, as_of=day, year=year)
    agency_id = resolve_agency(plan, agency)
    title = f"Kế hoạch {plan.number}: biểu mẫu báo cáo của {plan.agency(agency_id).name}"
    moved = takeover(plan, agency_id, day) if day is not None else None
    if moved is not None and moved.carriers:
        carriers = ", ".join(plan.agency(a).name for a in moved.carriers)
        title += f" (từ {moved.ended:%d/%m/%Y} do {carriers} báo cáo)"
    layout = Layout(
        sheet=TEMPLATE_SHEET,
        title=title,
        notes=_GUIDE,
        notes_sheet=_GUIDE_SHEET,
        fill=_TO_FILL,
        widths=_WIDTHS,
    )
    return output.write(sheet, path, layout=layout)
