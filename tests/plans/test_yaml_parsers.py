"""libyaml's C parser (fast) and PyYAML's Python parser read plan files the same way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kh922core._plans import strict_yaml

PLANS = Path(strict_yaml.__file__).parents[1] / "data"
FILES = sorted([*PLANS.glob("plans/*.yaml"), *PLANS.glob("agencies/*.yaml")])


def _walk(node: Node) -> Iterator[tuple[str, object, int, int]]:
    value = node.value if isinstance(node, ScalarNode) else None
    yield node.tag, value, node.start_mark.line, node.start_mark.column
    if isinstance(node, SequenceNode):
        for item in node.value:
            yield from _walk(item)
    elif isinstance(node, MappingNode):
        for key, item in node.value:
            yield from _walk(key)
            yield from _walk(item)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_parsers_give_the_same_nodes_and_places(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    slow = yaml.compose(text, Loader=strict_yaml._Loader)
    fast = yaml.compose(text, Loader=strict_yaml._FastLoader)
    assert slow is not None
    assert fast is not None
    assert list(_walk(fast)) == list(_walk(slow))


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize(
    "text", ["a: [1, 2\n", "a: 1\n b: 2\n", "key: 'unclosed\n", "- a\nb: c\n", "a: *nowhere\n"]
)
def test_both_parsers_refuse_broken_yaml_at_the_same_line(text: str) -> None:
    lines = []
    for loader in (strict_yaml._Loader, strict_yaml._FastLoader):
        with pytest.raises(yaml.YAMLError) as caught:
            yaml.compose(text, Loader=loader)
        mark = getattr(caught.value, "problem_mark", None) or caught.value.context_mark  # type: ignore[attr-defined]
        lines.append(mark.line)
    assert lines[0] == lines[1]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_parsers_give_the_same_document(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader builds values from either parser's events: the same values, the same marks."""
    text = path.read_text(encoding="utf-8")
    fast = strict_yaml.read_text(text, path.name)
    monkeypatch.setattr(strict_yaml, "_FastLoader", strict_yaml._Loader)
    slow = strict_yaml.read_text(text, path.name)
    assert fast.problems == slow.problems == []
    assert fast.data == slow.data
    assert fast.marks == slow.marks
