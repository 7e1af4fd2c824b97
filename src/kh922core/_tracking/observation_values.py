"""The typed columns of an observations table read as text: numbers, years, assessments.

Numbers are read with the rules of :func:`kh922core.parse_number`, for a whole column at once.
A percentage (``55%`` typed, or a ``0.55`` that Excel shows as ``55%``) is the number shown, 55,
in a row whose unit is a percentage or not given; in a row of another unit it is refused.  A
number with one dot before three digits (``12.500``) is read as thousands, as the rules say,
but is refused where it may be a decimal written with a dot: in a percentage row, beside values
below 1000 (after a ``0``, as in ``0.750``, the dot is a decimal point), or in a file that writes
a decimal point elsewhere (``79.5``, ``0.705``: as pandas or DuckDB write numbers).  A comma
before three digits (``1,000``) is refused: a decimal comma or a thousands comma.  A year is a
whole number from 1900 to 2200 (an Excel date serial such as 45658 is refused, with the date
it stands for).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import polars as pl

from kh922core._tracking.sheet_cells import LINE, problem_at
from kh922core.errors import ObservationError, ObservationProblem

__all__ = ["cells", "typed", "vietnamese_number"]

#: Assessments as people write them (compared lower case, single spaces), in other words too
#: (done, exceeded) and typed without the accents, as a filled template's are.
_TRUE = ("true", "1", "yes", "có", "đạt", "x", "hoàn thành", "vượt", "dat", "co", "hoan thanh")
_FALSE: tuple[str, ...] = ("false", "0", "no", "không", "không đạt", "chưa đạt", "khong dat")
_FALSE += ("chưa hoàn thành", "không hoàn thành", "chua dat", "khong")
#: A Vietnamese number: digits or thousands in groups of three after dots, then ``,`` decimals.
_VIETNAMESE = r"^(\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$"
#: Thousands in groups of three after spaces (``12 500``, ``5\u00a0000``).
_SPACED = r"^[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$"
#: A decimal comma or a thousands comma (``1,000``, ``12,500``): no value, as parse_number says.
_AMBIGUOUS_COMMA = r"^[1-9]\d{0,2},\d{3}$"
#: A single decimal point, when the dot cannot separate thousands (``0.75``).
_POINT = r"^\d+\.\d+$"
#: A decimal point no thousands dot can be: not before three digits, or after a lone 0.
_POINT_DECIMAL = r"^[-−]?(?:\d+\.(?:\d{1,2}|\d{4,})|0\.\d+)\s*%?$"
#: One dot before three digits and nothing else: thousands, or a decimal written with a dot.
_ONE_GROUP = r"^[-−]?[1-9]\d{0,2}\.\d{3}\s*%?$"
#: A unit that is a percentage (``%``, ``% GRDP``, ``%/năm``, ``phần trăm``).
_PERCENT_UNIT = r"(?i)^\s*(%|phần trăm)"
#: Years a table may hold; a larger number in ``year`` is likely a date Excel stores as a number.
_YEARS = (1900, 2200)
_EXCEL_EPOCH = date(1899, 12, 30)
#: The engine's input columns that are not text, and their types.
_TYPED = {"value": pl.Float64, "year": pl.Int64, "cohort_size": pl.Int64, "assessment": pl.Boolean}
_WHY = {
    "value": "cannot be read as a number (numbers are written 12.000 or 49,5)",
    "year": "cannot be read as a year (a year is written 2025)",
    "cohort_size": "cannot be read as a whole number",
    "assessment": "cannot be read as đạt/không đạt (or có/không, true/false)",
}


def vietnamese_number(expr: pl.Expr, *, percent: bool = False) -> pl.Expr:
    """A text column read as numbers with the rules of :func:`kh922core.parse_number`.

    Blank text is null; text that is not a number, or a number too large for a float, is
    null too (compare with the input to find it).  With ``percent``, a trailing ``%`` is
    allowed (``55%`` is 55).

    Examples:
        >>> texts = pl.Series(["12.000", "49,5", "6.388,3", "0.75", "−2", " ", "nhiều"])
        >>> pl.select(vietnamese_number(pl.lit(texts))).to_series().to_list()
        [12000.0, 49.5, 6388.3, 0.75, -2.0, None, None]
    """
    text = expr.cast(pl.String).str.strip_chars()
    if percent:
        text = text.str.replace(r"\s*%$", "")
    negative = text.str.contains(r"^[-−]")
    body = text.str.replace(r"^[-−]", "")
    spaced = body.str.contains(_SPACED)  # "12 500": thousands, as dots separate them
    body = pl.when(spaced).then(body.str.replace_all(r"[ \u00a0\u202f]", "")).otherwise(body)
    whole = body.str.extract(_VIETNAMESE, 1).str.replace_all(".", "", literal=True)
    decimals = body.str.extract(_VIETNAMESE, 2).fill_null("0")
    literal = (
        pl.when(body.str.contains(_AMBIGUOUS_COMMA))
        .then(pl.lit(None, dtype=pl.String))
        .when(whole.is_not_null())
        .then(pl.concat_str([whole, pl.lit("."), decimals]))
        .when(body.str.contains(_POINT))
        .then(body)
    )
    cast = literal.cast(pl.Float64, strict=False)
    magnitude = pl.when(cast.is_finite()).then(cast)  # 400 digits overflow: no number, not ∞
    return pl.when(negative).then(-magnitude).otherwise(magnitude)


def _flag(expr: pl.Expr) -> pl.Expr:
    """``đạt``/``không đạt``, ``có``/``không``, true/false, 1/0 as Booleans (others: null)."""
    folded = (
        expr.cast(pl.String).str.normalize("NFC").str.to_lowercase().str.replace_all(r"\s+", " ")
    )
    words = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
    return folded.str.strip_chars().replace_strict(words, default=None, return_dtype=pl.Boolean)


def cells(
    frame: pl.DataFrame,
    mask: pl.Expr,
    column: str,
    source: Path,
    what: str,
    shown: pl.Expr | None = None,
) -> list[ObservationProblem]:
    """The rows where ``mask`` holds, as one problem naming their rows in the file (and the
    cells, or ``shown``)."""
    bad = frame.filter(mask).select(
        pl.col(LINE), (shown if shown is not None else pl.col(column)).cast(pl.String).alias("_v")
    )
    if bad.is_empty():
        return []
    values = [str(v) for v in bad["_v"].to_list()]
    return [problem_at(column, what, source, bad[LINE].to_list(), values)]


def _serials(frame: pl.DataFrame, mask: pl.Expr, source: Path) -> list[ObservationProblem]:
    """Years out of range, shown with the date each stands for as an Excel date serial."""
    bad = frame.filter(mask)
    shown = [
        f"{year:g} (= {_EXCEL_EPOCH + timedelta(days=year):%d/%m/%Y} as an Excel date)"
        if 60 < year < 2_958_466
        else f"{year:g}"
        for year in bad["_read_year"].to_list()
    ]
    what = (
        "is not a year (a year is written 2025; a date Excel stores as a number, such as "
        "45658, is not one)"
    )
    return [problem_at("year", what, source, bad[LINE].to_list(), shown)] if shown else []


def _value_problems(
    parsed: pl.DataFrame, source: Path, reference: pl.Expr | None
) -> list[ObservationProblem]:
    """A percentage in a row of another unit, and numbers with one thousands dot that may be
    decimals written with a dot."""
    text = pl.col("value").str.strip_chars()
    unit = pl.col("unit") if "unit" in parsed.columns else pl.lit(None, dtype=pl.String)
    percent_row = unit.str.contains(_PERCENT_UNIT).fill_null(False) | text.str.ends_with("%")
    stray = text.str.ends_with("%") & ~unit.str.contains(_PERCENT_UNIT).fill_null(True)
    problems = cells(
        parsed,
        stray.fill_null(False),
        "value",
        source,
        "is a percentage in a row whose unit is not one: write the value in the row's unit",
        shown=pl.format("{} (unit {})", pl.col("value"), unit),
    )
    read = pl.col("_read_value")
    group = text.str.contains(_ONE_GROUP).fill_null(False)
    if "indicator" in parsed.columns:
        others = pl.when(~group).then(read.abs()).max().over("indicator")
        reference = others if reference is None else pl.min_horizontal(reference, others)
    small = reference.abs() < 1000 if reference is not None else pl.lit(False)
    # a file that writes decimals with a point elsewhere ("0.705", "79.5": pandas, DuckDB)
    points = text.str.contains(_POINT_DECIMAL).fill_null(False).any()
    doubtful = group & (percent_row | small.fill_null(False) | points)
    what = (
        "may be a decimal written with a dot (a dot before three digits separates thousands: "
        "12.500 is 12500): write 12500, or 12,5 with a comma"
    )
    return problems + cells(parsed, doubtful.fill_null(False), "value", source, what)


def typed(frame: pl.DataFrame, source: Path, *, reference: pl.Expr | None = None) -> pl.DataFrame:
    """The engine's input columns of a text table read: numbers, whole numbers, assessments.

    Args:
        frame: Text columns and :data:`~kh922core._tracking.sheet_cells.LINE`.
        source: The file (named in problems).
        reference: A value each row's ``value`` is expected near (a template's last value):
            one below 1000 makes ``12.500`` doubtful, as do the indicator's other values.

    A value written as a percentage (``100%``, a cell formatted as one) in a row with no unit
    is in ``%``: ``unit`` says so, and the engine converts it, or refuses a row whose indicator
    is not in ``%``.

    Raises:
        ObservationError: Cells that cannot be read (each column's rows, by row in the file).
    """
    present = [c for c in _TYPED if c in frame.columns]
    read = {
        c: _flag(pl.col(c)) if c == "assessment" else vietnamese_number(pl.col(c), percent=True)
        for c in present
    }
    parsed = frame.with_columns(expr.alias(f"_read_{c}") for c, expr in read.items())
    problems: list[ObservationProblem] = []
    for column in present:
        got = pl.col(f"_read_{column}")
        bad = pl.col(column).is_not_null() & got.is_null()
        if column != "value":
            bad = bad | pl.col(column).str.contains("%").fill_null(False)
        if _TYPED[column] == pl.Int64:
            bad = bad | (got != got.floor()).fill_null(False)
        problems += cells(parsed, bad, column, source, _WHY[column])
        if column == "year":
            outside = ~got.is_between(*_YEARS) & ~bad
            problems += _serials(parsed, outside.fill_null(False), source)
    if "value" in present:
        problems += _value_problems(parsed, source, reference)
    if problems:
        raise ObservationError(problems)
    if "value" in present:  # "100%" (a cell formatted as a percentage) says its unit
        written = pl.col("value").str.strip_chars().str.ends_with("%").fill_null(False)
        if "unit" in parsed.columns:
            parsed = parsed.with_columns(
                pl.when(pl.col("unit").is_null() & written)
                .then(pl.lit("%"))
                .otherwise(pl.col("unit"))
                .alias("unit")
            )
        elif parsed.select(written.any()).item():
            parsed = parsed.with_columns(pl.when(written).then(pl.lit("%")).alias("unit"))
    result = parsed.with_columns(pl.col(f"_read_{c}").cast(_TYPED[c]).alias(c) for c in present)
    return result.drop(f"_read_{c}" for c in present)
