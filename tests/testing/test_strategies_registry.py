"""The strategies module: registered for ``st.from_type``, and a clear error without Hypothesis."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

import kh922core
from kh922core import Plan, Status, TargetSpec
from kh922core.testing import strategies as kst

_KINDS = {
    kh922core.Comparison: "comparison",
    kh922core.Range: "range",
    kh922core.RankGroup: "rank_group",
    kh922core.Approximate: "approximate",
    kh922core.Qualitative: "qualitative",
}


@settings(max_examples=25)
@given(data=st.data())
def test_from_type_draws_each_kind_of_target(data: st.DataObject) -> None:
    for cls, kind in _KINDS.items():
        spec = data.draw(st.from_type(cls), label=cls.__name__)
        assert type(spec) is cls
        assert spec.kind == kind
        assert isinstance(spec.status(None), Status)
        # What it draws is a valid model: it survives a round trip through validation.
        assert cls.model_validate(spec.model_dump()) == spec


@settings(max_examples=50)
@given(st.from_type(TargetSpec))  # type: ignore[arg-type]
def test_from_type_of_the_union_draws_its_members(spec: TargetSpec) -> None:
    assert type(spec) in _KINDS


@settings(max_examples=10)
@given(st.from_type(Plan))
def test_from_type_draws_valid_plans(plan: Plan) -> None:
    assert isinstance(plan, Plan)
    assert plan.targets
    assert Plan.model_validate(plan.model_dump(by_alias=True)) == plan


def _dashboard(spec: kh922core.Range, plan: Plan) -> tuple[kh922core.Range, Plan]:
    """A downstream function whose arguments are annotated with the public models."""
    return spec, plan


@settings(max_examples=10)
@given(st.builds(_dashboard))
def test_builds_fills_annotated_arguments(pair: tuple[kh922core.Range, Plan]) -> None:
    spec, plan = pair
    assert isinstance(spec, kh922core.Range)
    assert isinstance(plan, Plan)


def test_spec_class_names_each_kind() -> None:
    kinds = ("comparison", "range", "rank_group", "approximate", "qualitative")
    assert {kst.spec_class(kind): kind for kind in kinds} == _KINDS


_WITHOUT_HYPOTHESIS = textwrap.dedent(
    """
    import sys

    sys.modules["hypothesis"] = None  # as if Hypothesis were not installed

    import kh922core
    import kh922core.testing
    import kh922core.testing.fixtures  # the pytest plugin needs no Hypothesis

    try:
        import kh922core.testing.strategies
    except ImportError as error:
        from kh922core.errors import MissingDependencyError

        assert isinstance(error, MissingDependencyError), type(error)
        print(error.name)
        print(error)
    else:
        raise SystemExit("imported without Hypothesis")
    """
)


def test_without_hypothesis_the_error_names_the_extra() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_HYPOTHESIS],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    name, message = done.stdout.splitlines()
    assert name == "hypothesis"
    assert "kh922core.testing.strategies needs Hypothesis" in message
    assert "pip install 'kh922core[test]'" in message
