"""The engine's entry dispatches on the kind of frame; a one-target table divides exactly."""

from __future__ import annotations

import polars as pl
import pytest

from kh922core import Plan, evaluate
from kh922core._engine.backends import BACKENDS, Backend, backend_for
from kh922core.errors import Kh922Error, UnsupportedFrameError
from tests.engine.test_engine import make_plan


@pytest.mark.parametrize(
    "frame", [[{"indicator": "x", "value": 1.0}], {"indicator": ["x"]}, "obs.csv", None]
)
def test_a_frame_no_backend_takes_is_named(kh922_plan: Plan, frame: object) -> None:
    with pytest.raises(UnsupportedFrameError) as caught:
        evaluate(kh922_plan, frame)  # type: ignore[type-var]
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, Kh922Error)
    assert type(frame).__name__ in str(caught.value)
    assert "polars DataFrame or LazyFrame" in str(caught.value)


@pytest.mark.parametrize("lazy", [False, True])
def test_polars_frames_go_to_the_polars_backend(lazy: bool) -> None:
    frame = pl.DataFrame({"indicator": ["a"], "value": [1.0]})
    assert backend_for(frame.lazy() if lazy else frame).name == "polars"


def test_a_registered_backend_is_chosen_by_the_frame_it_handles() -> None:
    class Rows(list[dict[str, object]]):
        """A stand-in for another engine's frame."""

    calls: list[object] = []

    def evaluate_rows(plan: Plan, observations: Rows, **options: object) -> str:
        calls.append(observations)
        return "evaluated elsewhere"

    other = Backend("rows", "a list of rows", lambda f: isinstance(f, Rows), evaluate_rows)
    rows = Rows([{"indicator": "x", "value": 1.0}])
    assert backend_for(rows, (*BACKENDS, other)) is other
    assert backend_for(pl.DataFrame(), (*BACKENDS, other)).name == "polars"
    with pytest.raises(
        UnsupportedFrameError, match=r"polars DataFrame or LazyFrame or .* or a list"
    ):
        backend_for(object(), (*BACKENDS, other))


@pytest.mark.parametrize("lazy", [False, True])
def test_attainment_of_a_one_target_plan_is_the_exact_quotient(lazy: bool) -> None:
    """Polars divides by a one-row literal as a product with its reciprocal (one ulp off)."""
    plan = make_plan(("share", "%", "higher_is_better", "khoảng 217"))
    frame = pl.DataFrame({"indicator": ["share"] * 5, "value": [0.75] * 5})
    result = evaluate(plan, frame.lazy() if lazy else frame)
    result = result.collect() if isinstance(result, pl.LazyFrame) else result
    threshold = 217.0 - 0.05 * 217.0  # khoảng X with the default 5 % tolerance, higher is better
    assert result["attainment"].to_list() == [0.75 / threshold] * 5
    assert plan.target("2030-1").attainment(0.75) == 0.75 / threshold
