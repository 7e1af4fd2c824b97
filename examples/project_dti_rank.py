"""Project Bến Tre's published DTI ranks of 2020-2022 to 2030.

Kế hoạch 922/KH-UBND (Phụ lục I, mục I, dòng 2) asks that the province's digital transformation
index (DTI) rank be "Xếp hạng ở nhóm 30 tỉnh, thành" by 2030: rank 30 or better among the 63
provinces of 2025.  This script measures the published ranks with the Open SDG progress measure,
as the province would have seen them after the 2021 and the 2022 rankings, and projects them to
2030 (ranks are clamped to [1, 63]: a rank cannot pass 1 nor the size of the cohort).

Run it with ``python examples/project_dti_rank.py``.
"""

from __future__ import annotations

import polars as pl

import kh922core

TARGET = "2030-2"  # Xếp hạng chỉ số đánh giá chuyển đổi số (DTI): nhóm 30 tỉnh, thành
COHORT = 63


def main() -> None:
    plan = kh922core.load_plan()
    target = plan.target(TARGET)
    print(f"{target.name}: {target.text!r} by {target.horizon}")
    # The published DTI ranks of Bến Tre among 63 provinces, shipped with the library (one
    # source URL per row, see kh922core.published_figures()): 2020 = 33 (derived: the
    # 2021 rank was reported as up 2 places), 2021 = 31, 2022 = 51.  Keep the columns that make
    # the series: the others (note, source, quality) differ from row to row and would be keys.
    figures = kh922core.published_figures()
    ranks = figures.filter(
        (pl.col("indicator") == "dti-rank") & (pl.col("entity") == "Bến Tre")
    ).select("indicator", "value", "unit", "year", "entity")
    print(ranks)
    rows = pl.concat(
        kh922core.progress(plan, ranks, targets=[TARGET], as_of=year).with_columns(
            pl.lit(year).alias("as_of")
        )
        for year in (2021, 2022)
    )
    with pl.Config(tbl_cols=-1, tbl_width_chars=140, float_precision=4):
        print(
            rows.select(
                "as_of",
                "base_year",
                "base_value",
                "current_year",
                "current_value",
                "cagr_observed",
                "cagr_required",
                "ratio",
                "category",
                "share_covered",
                "projected_linear",
                "projected_compound",
            )
        )

    for row in rows.iter_rows(named=True):
        print(
            f"as of {row['as_of']}: rank {row['current_value']:.0f} in {row['current_year']}, "
            f"ratio {row['ratio']:.2f} -> {row['category']}; 2030 projection: "
            f"{row['projected_linear']:.0f} (linear), {row['projected_compound']:.1f} (compound)"
        )

    # The year-by-year trajectory from 2022 to 2030 on the two views, with the same formulas
    # as the projections of `progress` (see the "Tracking progress" page), clamped to [1, 63].
    latest = rows.filter(pl.col("as_of") == 2022).row(0, named=True)
    t0, y0 = latest["base_year"], latest["base_value"]
    t, yt = latest["current_year"], latest["current_value"]
    years = pl.DataFrame({"year": list(range(t, target.horizon + 1))})
    trajectory = years.with_columns(
        linear=(yt + (yt - y0) / (t - t0) * (pl.col("year") - t)).clip(1, COHORT),
        compound=(y0 * (yt / y0) ** ((pl.col("year") - t0) / (t - t0))).clip(1, COHORT),
    )
    print(trajectory)
    verdict = "on course" if latest["projected_met_linear"] else "not on course"
    print(f"As of 2022 the DTI rank is {verdict} for {target.text!r} by {target.horizon}.")


if __name__ == "__main__":
    main()
