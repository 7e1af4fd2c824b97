"""An observation table with a cell that cannot be read, collected with other files: the cell
is listed by its place and the other files are read (one such cell used to stop the whole
collect, exit 2, with nothing written); and a figure that cannot be its indicator's (a rank
beyond the cohort, a fraction for a share, a dot group typed for a decimal comma)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core._cli import main

from .filling import fill


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tot.csv").write_text("indicator;year;value\nhdi;2026;0,71\n", encoding="utf-8")
    (tmp_path / "hong.csv").write_text(
        "indicator;year;value\ntfp-contribution;2026;49,5\ndti-rank;2026;1,250\n", encoding="utf-8"
    )
    return tmp_path


def test_the_bad_cell_is_listed_and_the_other_files_read(folder: Path) -> None:
    found = kh922core.collect([folder])
    assert found.observations.select("indicator", "value").rows() == [("hdi", 0.71)]
    (refused,) = found.rejected
    assert (refused.file, refused.column, refused.value) == ("hong.csv", "value", "1,250")
    assert "row 3" in refused.reason
    assert "the file is not read" in refused.reason


def test_collect_says_so_and_exits_1(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collect", str(folder), "-o", str(tmp_path / "out.csv")]) == 1
    assert "1,250" in capsys.readouterr().out
    assert (tmp_path / "out.csv").exists()


def test_a_rank_far_beyond_the_places_ranked_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        "indicator;year;value\ndti-rank;2026;1.250\npii-rank;2026;63\n", encoding="utf-8"
    )
    found = kh922core.collect([path])
    assert found.observations.select("indicator", "value").rows() == [("pii-rank", 63.0)]
    (refused,) = found.rejected
    assert refused.value == "1.250"  # read 1250: a dot group typed for 1,25?
    assert "beyond the 63 places" in refused.reason


def test_a_fraction_typed_for_a_share_of_high_targets_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        "indicator;year;value;unit\n"
        "tfp-contribution;2026;0,855;\n"  # 85,5 % typed as a fraction: it read 0,855 %
        "tfp-contribution;2025;0,5;fraction\n",  # said to be a fraction: converted
        encoding="utf-8",
    )
    found = kh922core.collect([path])
    assert found.observations.select("year", "value", "unit").rows() == [(2025, 0.5, "fraction")]
    (refused,) = found.rejected
    assert refused.value == "0,855"
    assert "85,5% typed as a fraction" in refused.reason


@pytest.mark.parametrize("typed", ["12.500", 12500])
def test_a_dot_group_typed_for_a_decimal_comma_is_listed(tmp_path: Path, typed: object) -> None:
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(
        tmp_path / "t.xlsx", plan, ["so-tai-chinh"], as_of="2025-11-01"
    )
    fill(path, {"2030-12": typed})  # 12,5 per 10,000 people (target 12) typed as 12.500
    found = kh922core.collect([path], plan=plan)
    assert found.observations.filter(pl.col("indicator") == "rnd-personnel").is_empty()
    (refused,) = found.rejected
    assert (refused.value, refused.column) == ("12.500", "value")
    assert "more than 500 times the largest target (12)" in refused.reason
    assert "(12,5)" in refused.reason


def test_a_figure_under_500_times_the_targets_is_read(tmp_path: Path) -> None:
    plan = kh922core.load_plan()
    (path,) = kh922core.write_templates(
        tmp_path / "t.xlsx", plan, ["so-tai-chinh"], as_of="2025-11-01"
    )
    fill(path, {"2030-12": 5999})
    found = kh922core.collect([path], plan=plan)
    assert found.clean
    assert found.observations["value"].to_list() == [5999.0]


@pytest.mark.parametrize(
    ("indicator", "typed", "unit"),
    [("digital-economy-share", "0,2", "% GRDP"), ("5g-coverage", "0,95", "% dân số")],
)
def test_a_fraction_typed_for_a_share_of_a_whole_is_listed(
    tmp_path: Path, indicator: str, typed: str, unit: str
) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        f"indicator;year;value;unit\n{indicator};2026;{typed};\n{indicator};2025;45;{unit}\n",
        encoding="utf-8",
    )
    found = kh922core.collect([path])
    assert found.observations.select("year", "value").rows() == [(2025, 45.0)]
    (refused,) = found.rejected
    assert refused.value == typed
    assert "typed as a fraction" in refused.reason


@pytest.mark.parametrize(("text", "listed"), [("3", True), ("≤ 3", False)])
def test_a_cap_gives_no_scale_to_the_500_times_check(
    tmp_path: Path, text: str, listed: bool
) -> None:
    plan = kh922core.load_plan()
    targets = tuple(
        t.model_copy(update={"text": text, "spec": kh922core.parse_target(text, unit="Đô thị")})
        if t.indicator == "smart-cities"
        else t
        for t in plan.targets
    )
    plan = plan.model_copy(update={"targets": targets})
    path = tmp_path / "so-lieu.csv"
    path.write_text("indicator;year;value\nsmart-cities;2026;2000\n", encoding="utf-8")
    found = kh922core.collect([path], plan=plan)
    assert [r.value for r in found.rejected] == (["2.000"] if listed else [])
    assert found.observations.height == (0 if listed else 1)
