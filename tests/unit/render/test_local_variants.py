"""Individual texts follow the local variant chosen (second legal read-through, S-I2–S-I5, K-I1,
K-I2): every individual variant is rendered against every variant of each local topic its texts
name, and must give finished Danish whose paragraph references ("lokalaftalens § 10, stk. 3")
all resolve where the local agreement gives access to the individual variant."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from assembler.answers.files import answers_from_raw, load_raw
from assembler.library import load_library
from assembler.library.model import Topic, Variant
from assembler.library.placeholders import clause_refs_in, labelled_blocks, split_conditions
from assembler.render.annex import allowed
from assembler.render.clause_text import Scope, render_clause
from assembler.workflows import EXAMPLES
from tests.unit.render.forbidden import problems_in
from tests.unit.render.test_every_variant import sample_value

LIBRARY = load_library()
BASES = {sector: load_raw(path) for sector, path in EXAMPLES.items()}


def _local_topics_named(variant: Variant, topic: Topic) -> set[str]:
    """Local topics an individual variant's text names in a condition or a reference."""
    names = {c.topic for c in clause_refs_in(variant.text) if c.local}
    for block, _, _ in labelled_blocks(variant.text):
        conditions, _ = split_conditions(block, topic.id)
        names |= {c.ref.topic for c in conditions if c.ref.scope == "lokal"}
    return names


INDIVIDUAL = [
    (t, v) for t in LIBRARY.for_agreement("individuel") if t.kind == "clause" for v in t.variants
]
NAMED = sorted({name for t, v in INDIVIDUAL for name in _local_topics_named(v, t)})
LOCAL_CASES = [
    pytest.param(LIBRARY.topic("lokal", name), v, id=f"{name}.{v.id}")
    for name in NAMED
    for v in LIBRARY.topic("lokal", name).variants
]


def _answers(local_topic: Topic, local_variant: Variant, topic: Topic, variant: Variant) -> Any:
    """The example of the local variant's sector with the local and the individual variant set,
    each with distinctive sample values."""
    sector = "stat" if "stat" in local_variant.sectors else local_variant.sectors[0]
    raw = copy.deepcopy(BASES["stat" if sector == "stat" else "kommune"])
    values = {p.name: sample_value(p) for p in local_topic.params_for(local_variant.id)}
    current = raw["lokalaftale"].get(local_topic.id) or {}
    raw["lokalaftale"][local_topic.id] = {**current, **values, "variant": local_variant.id}
    employee = raw["medarbejdere"][0]
    values = {p.name: sample_value(p) for p in topic.params_for(variant.id)}
    employee[topic.id] = {**(employee.get(topic.id) or {}), **values, "variant": variant.id}
    return answers_from_raw(LIBRARY, raw, "test")


def test_the_individual_texts_name_local_topics() -> None:
    assert {"undtagelser", "tidsregistrering", "omraade", "arbejdstid"} <= set(NAMED)


@pytest.mark.parametrize(("local_topic", "local_variant"), LOCAL_CASES)
def test_individual_texts_follow_the_local_variant(
    local_topic: Topic, local_variant: Variant
) -> None:
    failures = []
    sector = "stat" if "stat" in local_variant.sectors else local_variant.sectors[0]
    for topic, variant in INDIVIDUAL:
        if local_topic.id not in _local_topics_named(variant, topic):
            continue
        if sector not in variant.sectors:
            continue
        answers = _answers(local_topic, local_variant, topic, variant)
        employee = answers.employees[0]
        misses: list[str] = []
        scope = Scope(LIBRARY, answers.sector, employee, answers.local, answers.date, misses=misses)
        for paragraph in render_clause(topic, variant.id, scope):
            failures += [f"{topic.id}.{variant.id}: {p}"
                         for p in problems_in(paragraph.text, paragraph.bullet)]  # fmt: skip
        if misses and allowed(LIBRARY, answers, topic, variant):
            failures.append(f"{topic.id}.{variant.id}: henvisning uden stk.: {misses}")
    assert not failures, "\n".join(failures)
