"""Rank provinces from index scores and evaluate "Xếp hạng ở nhóm 30 tỉnh, thành".

Bến Tre's PII scores are published (37.65 in 2023, 28th of 63 provinces; 38.93 for the new Vĩnh
Long in 2025, 17th of 34); the other provinces' scores are illustrative, drawn so that the
published ranks come out, with one tie.  ``kh922core.rank`` ranks within a cohort (ties share the
best rank) and records the cohort size; the ranks then evaluate against the plan's rank targets,
``absolute`` (rank ≤ 30) or ``proportional`` (the group of 30 of 63 provinces becomes a group of
30 × 34 // 63 = 16 of 34).

Run it with ``python examples/rank_provinces.py``.
"""

from __future__ import annotations

import random

import polars as pl

import kh922core


def scores(year: int, cohort: int, own: float, own_rank: int, seed: int) -> pl.DataFrame:
    """Scores of a cohort in which the province scoring ``own`` ranks ``own_rank``."""
    draw = random.Random(seed)
    above = [round(draw.uniform(own + 0.01, 60.0), 2) for _ in range(own_rank - 1)]
    below = [round(draw.uniform(25.0, own - 0.01), 2) for _ in range(cohort - own_rank)]
    below[1] = below[0]  # a tie: the two provinces share the better rank
    others = above + below
    return pl.DataFrame(
        {
            "province": ["Bến Tre", *[f"province {n:02d}" for n in range(1, cohort)]],
            "year": year,
            "score": [own, *others],
        }
    )


def main() -> None:
    plan = kh922core.load_plan()
    cohorts = pl.concat([scores(2023, 63, 37.65, 28, seed=1), scores(2025, 34, 38.93, 17, seed=2)])
    ranked = kh922core.rank(cohorts, by="year", score="score")
    print(ranked.filter(pl.struct("year", "rank").is_duplicated()).sort("year", "rank"))  # ties
    observations = ranked.select(
        "province",
        "year",
        pl.lit("pii-rank").alias("indicator"),
        pl.col("rank").alias("value"),
        "cohort_size",
    )
    for policy in ("absolute", "proportional"):
        result = kh922core.evaluate(plan, observations, cohort_policy=policy).filter(
            pl.col("target_id") == "2030-1"
        )
        for year in (2023, 2025):
            mine = result.filter((pl.col("province") == "Bến Tre") & (pl.col("year") == year))
            row = mine.row(0, named=True)
            meeting = result.filter(pl.col("year") == year)["met"].sum()
            print(
                f"{year}, {policy}: Bến Tre ranks {row['value']} of {row['cohort_size']} -> "
                f"{row['status']} (shortfall {row['shortfall']:.0f}); "
                f"{meeting} of {row['cohort_size']} provinces meet 'nhóm 30'"
            )


if __name__ == "__main__":
    main()
