"""A province's own wording layered on the shipped tables, as pint layers definition files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

import kh922core
from kh922core._targets.wording import restore_shipped_wording
from kh922core.errors import (
    MissingFileError,
    PlanValidationError,
    TargetParseError,
    UnitError,
    UnknownUnitError,
    WordingError,
)
from tests.conftest import PlanFiles


@pytest.fixture(autouse=True)
def _shipped_wording_only() -> Iterator[None]:
    restore_shipped_wording()
    yield
    restore_shipped_wording()


def _file(folder: Path, name: str, text: str, *, bom: bool = False) -> Path:
    path = folder / name
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path


def test_an_added_phrase_is_read_and_gone_when_restored(tmp_path: Path) -> None:
    with pytest.raises(TargetParseError):
        kh922core.parse_target("chẳng kém 80%")
    phrases = _file(
        tmp_path, "phrases.txt", "# Tỉnh Mẫu\nge  chẳng kém\nle  chẳng vượt\n", bom=True
    )
    assert kh922core.add_target_phrases(phrases) == 2
    assert kh922core.parse_target("chẳng kém 80%").is_met(80.0) is True
    assert kh922core.parse_target("chẳng kém 80%").is_met(79.9) is False
    assert kh922core.parse_target("Chẳng vượt 5%").is_met(5.1) is False
    restore_shipped_wording()
    with pytest.raises(TargetParseError):
        kh922core.parse_target("chẳng kém 80%")


def test_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    phrases = _file(tmp_path, "phrases.txt", "ge  chẳng kém\n")
    assert kh922core.add_target_phrases(phrases) == 1
    assert kh922core.add_target_phrases(phrases) == 0


def test_a_bad_phrase_line_names_the_file_and_line_and_adds_nothing(tmp_path: Path) -> None:
    phrases = _file(tmp_path, "phrases.txt", "ge  chẳng kém\n\nmore  hơn hẳn\n")
    with pytest.raises(WordingError, match=r"phrases\.txt:3: expected 'ROLE  PHRASE'") as caught:
        kh922core.add_target_phrases(phrases)
    assert "'more  hơn hẳn'" in str(caught.value)
    with pytest.raises(TargetParseError):  # the good first line was not added either
        kh922core.parse_target("chẳng kém 80%")


def test_a_phrase_may_not_change_its_meaning(tmp_path: Path) -> None:
    phrases = _file(tmp_path, "phrases.txt", "le  trên\n")
    with pytest.raises(WordingError, match=r"'trên' is 'le' here but 'gt' in target_phrases\.txt"):
        kh922core.add_target_phrases(phrases)
    assert kh922core.parse_target("trên 80%").is_met(80.0) is False


def test_a_missing_wording_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match="no wording file") as caught:
        kh922core.add_unit_texts(tmp_path / "nope.txt")
    assert isinstance(caught.value, FileNotFoundError)


def test_an_added_unit_text_converts_like_the_unit_it_names(tmp_path: Path) -> None:
    text = "% tổng sản phẩm trên địa bàn"
    with pytest.raises(UnknownUnitError):
        kh922core.parse_unit(text)
    units = _file(
        tmp_path, "units.txt", f"{text} = percent_grdp\nphần nghìn GRDP = 0.1 * percent_grdp\n"
    )
    assert kh922core.add_unit_texts(units) == 2
    assert kh922core.conversion_factor(text, "% GRDP") == 1.0
    assert kh922core.conversion_factor("phần nghìn GRDP", "% GRDP") == pytest.approx(0.1)
    spec = kh922core.parse_target(f"≥ 30 {text}", unit="% GRDP")
    assert spec.is_met(30.0) is True


def test_a_unit_text_may_not_contradict_the_shipped_table(tmp_path: Path) -> None:
    units = _file(tmp_path, "units.txt", "đơn vị mới = percent\n% GRDP = percent\n")
    with pytest.raises(UnitError, match=r"units\.txt:2: '% GRDP' contradicts the earlier line"):
        kh922core.add_unit_texts(units)
    with pytest.raises(UnknownUnitError):  # nothing of the file was added
        kh922core.parse_unit("đơn vị mới")


def test_a_unit_text_over_an_unknown_unit_is_refused(tmp_path: Path) -> None:
    units = _file(tmp_path, "units.txt", "con = elephant\n")
    with pytest.raises(UnitError, match=r"units\.txt:1"):
        kh922core.add_unit_texts(units)


def test_a_plan_file_names_its_wording_and_loads_with_it(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    _file(tmp_path, "cum-tu.txt", "ge  chẳng kém\n")
    _file(tmp_path, "don-vi.txt", "phần trăm dịch vụ công = percent\n")
    text = plan_files.broken(
        plan_files.minimal,
        'agencies: "agencies.yaml"\n',
        'agencies: "agencies.yaml"\n'
        'wording: {target_phrases: ["cum-tu.txt"], unit_texts: ["don-vi.txt"]}\n',
    )
    text = plan_files.broken(text, 'text: "100"', 'text: "chẳng kém 90 phần trăm dịch vụ công"')
    plan = kh922core.load_plan(plan_files.write(tmp_path, text))
    target = plan.target("2030-5.10")
    assert target.text == "chẳng kém 90 phần trăm dịch vụ công"
    assert target.is_met(90.0) is True
    assert target.is_met(89.0) is False
    result = kh922core.evaluate(
        plan,
        pl.DataFrame({"indicator": ["online-services"], "value": [0.95], "unit": ["fraction"]}),
    )
    assert result["status"].to_list() == ["met"]


def test_a_missing_wording_file_of_a_plan_is_a_located_problem(
    tmp_path: Path, plan_files: PlanFiles
) -> None:
    text = plan_files.broken(
        plan_files.minimal,
        'agencies: "agencies.yaml"\n',
        'agencies: "agencies.yaml"\nwording: {target_phrases: ["khong-co.txt"]}\n',
    )
    with pytest.raises(PlanValidationError) as caught:
        kh922core.load_plan(plan_files.write(tmp_path, text))
    (problem,) = caught.value.problems
    assert problem.path == "wording.target_phrases[0]"
    assert problem.line == plan_files.line_of(text, "wording:")
    assert "the wording file 'khong-co.txt' does not exist" in problem.message
