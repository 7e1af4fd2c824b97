"""Evaluate the built-in plan (Kế hoạch 922/KH-UBND) on the published figures of kh922core.

The figures (``kh922core.published_figures()``) are Bến Tre's published PII and DTI ranks and its
TFP contribution, one source URL per row; from July 2025 the PII rank is that of the new Vĩnh
Long, among 34 provinces.  Proxy rows (figures close to, but not the same as, an indicator) are
left out unless asked for, and then stay flagged in the ``quality`` column.

Run it with ``python examples/evaluate_published_figures.py``.
"""

from __future__ import annotations

import polars as pl

import kh922core


def main() -> None:
    plan = kh922core.load_plan()
    figures = kh922core.published_figures(proxies=True)
    result = kh922core.evaluate(plan, figures).sort("target_id", "year")

    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_width_chars=140, float_precision=2):
        print(
            result.select(
                "year", "entity", "quality", "target_id", "target_text", "value", "status",
                "shortfall",
            )
        )  # fmt: skip
        # Share met and coverage per year, against every target of the plan.
        print(
            kh922core.summarize(result, by="year", plan=plan).select(
                "year", "n_targets", "n_with_data", "coverage", "n_met", "share_met"
            )
        )
        # After the 2025 merger the PII ranks 34 provinces: scaled, "nhóm 30" becomes "nhóm 16".
        scaled = kh922core.evaluate(
            plan, figures.filter(pl.col("indicator") == "pii-rank"), cohort_policy="proportional"
        )
        print(scaled.select("year", "cohort_size", "target_id", "value", "status", "shortfall"))

    pii_2023 = result.filter((pl.col("target_id") == "2030-1") & (pl.col("year") == 2023)).row(
        0, named=True
    )
    dti_2022 = result.filter((pl.col("target_id") == "2030-2") & (pl.col("year") == 2022)).row(
        0, named=True
    )
    print(
        f"PII rank {pii_2023['value']:.0f} of 63 in 2023: {pii_2023['status']}; "
        f"DTI rank {dti_2022['value']:.0f} in 2022: {dti_2022['status']} "
        f"({dti_2022['shortfall']:.0f} places short of the group of 30)"
    )


if __name__ == "__main__":
    main()
