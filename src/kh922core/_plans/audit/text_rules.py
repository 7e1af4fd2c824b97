"""Rules KH016-KH019: section III against Phụ lục II, and the wording of the text itself
(document numbers, repeated sentences).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from kh922core._plans.audit.findings import (
    AuditContext,
    Finding,
    Severity,
    task_source,
)
from kh922core._plans.model import Plan
from kh922core._text import fold

__all__ = [
    "document_numbers",
    "group_titles",
    "items_without_task",
    "repeated_sentences",
    "word_changes",
]


_TOKEN = re.compile(r"[\w-]+|[^\w\s]")


def word_changes(before: str, after: str) -> str:
    """Describe how ``after`` differs from ``before`` word by word."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)

    def words(tokens: list[str]) -> str:
        return re.sub(r" (?=[^\w\s])|(?<=[(]) ", "", " ".join(tokens))

    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "delete":
            changes.append(f"drops {words(old[i1:i2])!r}")
        elif tag == "insert":
            changes.append(f"adds {words(new[j1:j2])!r}")
        elif tag == "replace":
            changes.append(f"writes {words(new[j1:j2])!r} for {words(old[i1:i2])!r}")
    return ", ".join(changes) or "spacing only"


def group_titles(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    solution_groups = {g.id: g for g in plan.solution_groups}
    for group in plan.task_groups:
        solution = solution_groups.get(group.solution_group or "")
        if solution is None or fold(solution.title) == fold(group.title):
            continue
        yield Finding(
            "KH016",
            Severity.INFO,
            f"task_groups[{group.id}]",
            f"Phụ lục II, nhóm {group.id}",
            f"the title differs from Mục {solution.id}: Phụ lục II "
            + word_changes(solution.title, group.title),
        )


def items_without_task(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    if not plan.tasks:
        return
    covered = {s for task in plan.tasks for s in task.solutions}
    for group in plan.solution_groups:
        for item in group.items:
            key = f"{group.id}.{item.letter}"
            if key not in covered:
                first = item.text.split(";")[0].split(". ")[0]
                yield Finding(
                    "KH017",
                    Severity.INFO,
                    f"solution_groups[{group.id}].items[{item.letter}]",
                    f"Mục {key}",
                    f"no task of Phụ lục II carries out this item (“{first}”)",
                )


_DOCUMENT_NUMBER = re.compile(
    r"(?<![\w/-])\d{1,5}(?:/\d{4})?[-/][A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ]*)*"
)


def _number_key(number: str) -> str:
    return re.sub(r"[-/]", "", number).upper()


def _texts(plan: Plan) -> Iterator[tuple[str, str, str]]:
    for index, text in enumerate(plan.purpose):
        yield f"purpose[{index}]", "Mục I.1", text
    for index, text in enumerate(plan.requirements):
        yield f"requirements[{index}]", "Mục I.2", text
    for objective in plan.objectives:
        yield f"objectives[{objective.id}]", f"Mục {objective.source}", objective.text
    for group in plan.solution_groups:
        for item in group.items:
            yield (
                f"solution_groups[{group.id}].items[{item.letter}]",
                f"Mục {group.id}.{item.letter}",
                item.text,
            )
    for task in plan.tasks:
        yield f"tasks[{task.id}]", task_source(task), task.name
    if plan.reporting is not None:
        yield "reporting", "Mục IV.1", plan.reporting.text
    for index, text in enumerate(plan.implementation):
        yield f"implementation[{index}]", "Mục IV", text


def document_numbers(context: AuditContext) -> Iterator[Finding]:
    plan = context.plan
    numbers = [b.number for b in plan.legal_bases if b.number] + [plan.number]
    by_key = {_number_key(n): n for n in numbers}
    for location, source, text in _texts(plan):
        for cited in dict.fromkeys(_DOCUMENT_NUMBER.findall(text)):
            proper = by_key.get(_number_key(cited))
            if proper is not None and proper != cited:
                yield Finding(
                    "KH018",
                    Severity.INFO,
                    location,
                    source,
                    f"the document number is written {cited!r}; the plan cites it elsewhere "
                    f"as {proper!r}",
                )


_SENTENCE = re.compile(r"(?<=[.;])\s+")


def repeated_sentences(context: AuditContext) -> Iterator[Finding]:
    for location, source, text in _texts(context.plan):
        sentences = [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) >= 40]
        for first in range(len(sentences)):
            for second in range(first + 1, len(sentences)):
                ratio = difflib.SequenceMatcher(
                    None, fold(sentences[first]), fold(sentences[second])
                ).ratio()
                if ratio >= 0.8:
                    yield Finding(
                        "KH019",
                        Severity.INFO,
                        location,
                        source,
                        f"the sentence “{sentences[second]}” repeats “{sentences[first]}”"
                        + ("" if ratio == 1 else " almost word for word"),
                    )
