"""The reporting template each agency fills in: built from the plan, written, read back.

The template lists the targets an agency reports on (after succession), with the last known
values; :func:`write_reporting_template` writes it as ``.csv`` or ``.xlsx`` and
:func:`read_reporting_template` reads the filled file back as observations.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import polars as pl

from kh922core._dates import DateLike, optional_date
from kh922core._output_formats import Layout, format_for, read_sheet_cells
from kh922core._plans import Plan, Target
from kh922core._targets import Unit, conversion_factor, parse_number
from kh922core._text import fold
from kh922core._tracking.duties import agency_duties, resolve_agency
from kh922core.errors import (
    Kh922Error,
    ObservationError,
    ObservationProblem,
)

__all__ = [
    "read_reporting_template",
    "reporting_template",
    "write_reporting_template",
]

#: The formats a template is written in: those :func:`read_reporting_template` reads back.
_TEMPLATE_FORMATS = ("csv", "xlsx")
_TEMPLATE_SHEET = "template"
_GUIDE_SHEET = "huong-dan"
#: The columns an agency fills in (highlighted in ``.xlsx``), and the wider columns.
_TO_FILL = frozenset({"year", "value", "assessment"})
_WIDTHS = {"name": 60, "target": 28, "unit": 16, "indicator": 30}
#: The guide, shown on its own sheet of an ``.xlsx`` template.
_GUIDE = (
    "Điền cột 'value' (số liệu mới, theo đơn vị ở cột 'unit') và cột 'year' (năm số liệu).",
    "Chỉ tiêu định tính: điền cột 'assessment' (đạt / không đạt).",
    "Không đổi tên, thứ tự các cột; không thêm dòng trên dòng tiêu đề.",
    "Đọc lại bằng kh922core.read_reporting_template(đường_dẫn).",
)
_TRUE = {"true", "1", "yes", "có", "đạt", "x"}
_FALSE = {"false", "0", "no", "không", "không đạt"}


def _targets_of(plan: Plan, agency_id: str, as_of: date | None) -> list[Target]:
    targets, _ = agency_duties(plan, as_of).get(agency_id, ([], []))
    return [plan.target(t) for t in targets]


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
    frame = observations.with_columns(
        pl.col("indicator").cast(pl.String),
        pl.col("value").cast(pl.Float64),
        pl.col("year").cast(pl.Int64),
        (pl.col("unit").cast(pl.String) if "unit" in observations.columns else pl.lit(None))
        .cast(pl.String)
        .alias("unit"),
    ).filter(
        pl.col("value").is_not_null() & pl.col("value").is_not_nan() & pl.col("year").is_not_null()
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
        observations: Earlier observations (the engine's input schema, one entity) to fill
            ``last_year`` and ``last_value`` (converted to the row's unit).
        as_of: Resolve successions on this date (a successor also reports its predecessors'
            targets) and ignore observations of later years; default: the leads as printed.
            A date, a datetime or ``"YYYY-MM-DD"``.
        year: Prefill the ``year`` column (default: ``as_of``'s year, else empty).

    Returns:
        One row per target the agency leads, in plan order, with columns ``indicator``,
        ``target_id``, ``row``, ``horizon``, ``name``, ``unit`` (the indicator's unit, so that
        two targets of one indicator ask for the same thing), ``target`` (the target text),
        ``last_year``, ``last_value``, ``year``, and the empty ``value`` and ``assessment``
        (for a qualitative target) columns to fill in.

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
    day = optional_date(as_of, "as_of")
    sheet = reporting_template(plan, agency, observations=observations, as_of=day, year=year)
    name = plan.agency(resolve_agency(plan, agency)).name
    layout = Layout(
        sheet=_TEMPLATE_SHEET,
        title=f"Kế hoạch {plan.number}: biểu mẫu báo cáo của {name}",
        notes=_GUIDE,
        notes_sheet=_GUIDE_SHEET,
        fill=_TO_FILL,
        widths=_WIDTHS,
    )
    return output.write(sheet, path, layout=layout)


def _number(cell: object, where: str) -> float | None:
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ValueError(f"{where}: expected a number, got {cell!r}")
    if isinstance(cell, int | float):
        return None if math.isnan(float(cell)) else float(cell)
    text = str(cell).strip()
    if not text:
        return None
    try:
        return parse_number(text.removesuffix("%").strip())
    except (ValueError, Kh922Error) as error:
        raise ValueError(f"{where}: {error}") from None


def _flag(cell: object, where: str) -> bool | None:
    if cell is None or isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    text = fold(str(cell))
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{where}: expected đạt/không đạt (true/false), got {cell!r}")


def _year(cell: object, where: str) -> int | None:
    number = _number(cell, where)
    if number is None:
        return None
    if not number.is_integer():
        raise ValueError(f"{where}: expected a year, got {cell!r}")
    return int(number)


def _read_rows(path: Path) -> list[dict[str, object]]:
    """The template's rows, cells as typed (``.xlsx``) or written (``.csv``: text)."""
    if format_for(path, among=_TEMPLATE_FORMATS).name == "csv":
        return list(pl.read_csv(path, infer_schema=False).iter_rows(named=True))
    return read_sheet_cells(path, sheet=_TEMPLATE_SHEET)


def read_reporting_template(path: str | Path) -> pl.DataFrame:
    """Read a filled reporting template back as observations for ``evaluate``/``progress``.

    Rows whose ``value`` and ``assessment`` are both empty are dropped.  Numbers may be written
    the Vietnamese way (``0,7``, ``12.000``, ``55%``); assessments as ``đạt``/``không đạt``,
    ``có``/``không`` or true/false.  A value repeated on two rows of the same indicator (one
    indicator with targets for 2030 and 2045) counts once.

    Returns:
        A frame with the engine's input columns ``indicator``, ``value``, ``unit``, ``year`` and
        ``assessment``.

    Raises:
        ObservationError: A missing column, an unreadable cell, or two different values for the
            same indicator and year.
    """
    source = Path(path)
    rows = _read_rows(source)
    needed = ("indicator", "value", "unit", "year")
    if rows and any(c not in rows[0] for c in needed):
        raise ObservationError(
            [
                ObservationProblem(column=c, message="template column is missing")
                for c in needed
                if c not in rows[0]
            ]
        )
    records: list[dict[str, object]] = []
    problems: list[str] = []
    for index, row in enumerate(rows, start=2):
        where = f"{source.name} row {index}"
        try:
            value = _number(row.get("value"), f"{where} value")
            flag = _flag(row.get("assessment"), f"{where} assessment")
            year = _year(row.get("year"), f"{where} year")
        except (ValueError, Kh922Error) as error:
            problems.append(str(error))
            continue
        if value is None and flag is None:
            continue
        indicator = row.get("indicator")
        if indicator is None or not str(indicator).strip():
            problems.append(f"{where}: indicator is empty")
            continue
        unit = row.get("unit")
        records.append(
            {
                "indicator": str(indicator).strip(),
                "value": value,
                "unit": str(unit).strip() if unit is not None and str(unit).strip() else None,
                "year": year,
                "assessment": flag,
            }
        )
    if problems:
        raise ObservationError(
            [ObservationProblem(column="value", message="; ".join(problems), count=len(problems))]
        )
    schema = {
        "indicator": pl.String,
        "value": pl.Float64,
        "unit": pl.String,
        "year": pl.Int64,
        "assessment": pl.Boolean,
    }
    frame = pl.DataFrame(records, schema=schema).unique(maintain_order=True)
    clash = frame.select(pl.struct("indicator", "year").is_duplicated()).to_series()
    if clash.any():
        shown = frame.filter(clash).select("indicator", "year").unique(maintain_order=True)
        raise ObservationError(
            [
                ObservationProblem(
                    column="value",
                    message="different values (or units) for the same indicator and year",
                    values=tuple(str(r) for r in shown.head(20).iter_rows()),
                    count=shown.height,
                )
            ]
        )
    return frame
