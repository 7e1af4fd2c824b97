"""One public error hierarchy: every error on bad input is a Kh922Error, under a public name."""

from __future__ import annotations

import inspect
import traceback

import pytest

import kh922core
from kh922core import errors


def _exception_classes() -> list[type[BaseException]]:
    return [
        obj
        for name in errors.__all__
        if isinstance(obj := getattr(errors, name), type) and issubclass(obj, BaseException)
    ]


def test_every_error_is_exported_from_the_package_too() -> None:
    for name in errors.__all__:
        assert name in kh922core.__all__, name
        assert getattr(kh922core, name) is getattr(errors, name)


@pytest.mark.parametrize("cls", _exception_classes(), ids=lambda c: c.__name__)
def test_every_error_is_a_kh922_error_with_a_public_home(cls: type[BaseException]) -> None:
    assert issubclass(cls, errors.Kh922Error)
    assert cls.__module__ == "kh922core.errors"
    assert cls.__doc__, "each error says when it is raised"


def test_public_classes_report_public_modules() -> None:
    homes = {
        name: obj.__module__
        for name in kh922core.__all__
        if inspect.isclass(obj := getattr(kh922core, name))
    }
    assert set(homes.values()) <= {"kh922core", "kh922core.errors"}, homes
    assert repr(kh922core.Plan) == "<class 'kh922core.Plan'>"


def test_a_traceback_names_the_public_class() -> None:
    with pytest.raises(errors.UnknownUnitError) as caught:
        kh922core.parse_unit("đơn vị lạ")
    (line,) = traceback.format_exception_only(caught.type, caught.value)
    assert line.startswith("kh922core.errors.UnknownUnitError: unknown unit 'đơn vị lạ'")


@pytest.mark.parametrize("token", ["1,2,3", "1.2,3.4", "12,"])
def test_a_bad_number_is_a_number_format_error(token: str) -> None:
    with pytest.raises(errors.NumberFormatError, match="is not a number") as caught:
        kh922core.parse_number(token)
    assert isinstance(caught.value, ValueError)
    assert repr(token) in str(caught.value)


def test_unknown_task_and_target_are_key_errors_of_the_library(kh922_plan: kh922core.Plan) -> None:
    with pytest.raises(errors.UnknownTaskError) as task:
        kh922_plan.task("task-99")
    assert isinstance(task.value, KeyError)
    assert str(task.value) == "plan 'ben-tre-922-2025' has no task 'task-99'"
    with pytest.raises(errors.UnknownTargetError) as target:
        kh922_plan.target("2030-99")
    assert isinstance(target.value, KeyError)
    assert isinstance(target.value, errors.UnknownIndicatorError)  # what earlier versions raised
    assert "'2030-99'" in str(target.value)


def test_a_missing_plan_is_a_file_not_found_error_of_the_library(tmp_path: object) -> None:
    with pytest.raises(errors.PlanNotFoundError) as caught:
        kh922core.load_plan("no-such-plan.yaml")
    assert isinstance(caught.value, FileNotFoundError)
    assert isinstance(caught.value, errors.MissingFileError)
    assert "no plan file 'no-such-plan.yaml'" in str(caught.value)
    with pytest.raises(errors.MissingFileError, match="no agency file 'no-such-registry'"):
        kh922core.load_agencies("no-such-registry")


def test_date_errors_name_the_parameter() -> None:
    error = errors.DateFormatError("as_of", "31/12/2026")
    assert isinstance(error, ValueError)
    assert str(error) == "as_of must be a date written YYYY-MM-DD, got '31/12/2026'"
    reversed_ = errors.DateRangeError("2026-12-31", "2026-01-01", "the calendar")
    assert str(reversed_) == "the calendar ends (2026-01-01) before it starts (2026-12-31)"
