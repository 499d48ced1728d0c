"""Every variant of every topic renders, with every parameter substituted and nothing left over."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from assembler.answers.files import answers_from_raw, load_raw
from assembler.library import load_library
from assembler.library.model import Library, Param, Topic, Variant
from assembler.library.placeholders import refs_in
from assembler.library.values import format_value, parse_value
from assembler.render.clause_text import CONDITION, split_blocks
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from assembler.workflows import EXAMPLE_ANSWERS
from tests.docx_text import full_text

LIBRARY = load_library()
CASES = [
    pytest.param(t, v, id=f"{t.agreement}.{t.id}.{v.id}")
    for t in LIBRARY.topics
    if t.kind == "clause"
    for v in t.variants
]


def sample_value(param: Param) -> Any:
    """A distinctive valid value for a parameter, so the test can find it in the output."""
    if param.type == "text":
        return f"Svar til {param.name} („citat“ & <tegn>)"
    if param.type in ("list", "paragraphs"):
        return [f"Første punkt til {param.name}", f"Andet punkt til {param.name}"]
    if param.type == "choice":
        return param.choices[-1]
    if param.type == "bool":
        return True
    if param.type == "date":
        return "2027-06-15"
    if param.type == "time":
        return "10:45"
    if param.type in ("int", "decimal", "money"):
        low = Decimal(str(param.min if param.min is not None else 1))
        high = Decimal(str(param.max if param.max is not None else low + 10))
        value = (low + high) / 2
        return int(value) if param.type == "int" else str(value).replace(".", ",")
    raise AssertionError(param.type)


def answers_with(library: Library, topic: Topic, variant: Variant) -> Any:
    """The example answers with one topic set to a variant and sample values."""
    raw = copy.deepcopy(load_raw(EXAMPLE_ANSWERS))
    raw["sektor"] = "stat" if "stat" in variant.sectors else variant.sectors[0]
    if raw["sektor"] != "stat":  # state-only variants in the example must give way
        for section in [raw["lokalaftale"], *raw["medarbejdere"]]:
            agreement = "lokal" if section is raw["lokalaftale"] else "individuel"
            for tid, answer in section.items():
                chosen = library.topic(agreement, tid).variant(
                    answer.get("variant") or library.topic(agreement, tid).default
                )
                if raw["sektor"] not in chosen.sectors:
                    answer["variant"] = next(
                        v.id
                        for v in library.topic(agreement, tid).variants
                        if raw["sektor"] in v.sectors
                    )
    values = {"variant": variant.id} | {
        p.name: sample_value(p) for p in topic.params_for(variant.id)
    }
    if topic.agreement == "lokal":
        raw["lokalaftale"][topic.id] = values
    else:
        raw["medarbejdere"][0][topic.id] = values
    return answers_from_raw(library, raw, "test")


@pytest.mark.parametrize(("topic", "variant"), CASES)
def test_variant_renders_with_all_parameters(
    topic: Topic, variant: Variant, templates: TemplateSet
) -> None:
    answers = answers_with(LIBRARY, topic, variant)
    agreement = answers.local if topic.agreement == "lokal" else answers.employees[0]
    data = render_agreement(templates.for_agreement(topic.agreement), LIBRARY, answers, agreement)
    text = full_text(data)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert topic.title in text
    # Each paragraph's literal (placeholder-free) words appear in the output.
    for block, _ in split_blocks(variant.text):
        condition = CONDITION.match(block)
        if condition and (condition.group(1) or "." in condition.group(2)):
            continue  # sample yes/no answers are all "ja": "[hvis ikke …]" paragraphs drop out
        source = block[condition.end() :] if condition else block
        fragment = source.split("{{")[0].strip()
        if len(fragment) > 12:
            assert fragment[:40] in text, f"mangler tekst: {fragment[:40]!r}"
    # Every own parameter the text mentions appears formatted in the output.
    params = {p.name: p for p in topic.params_for(variant.id)}
    for ref in refs_in(variant.text, topic.id):
        if ref.scope == "" and ref.name in params:
            param = params[ref.name]
            value = parse_value(param, sample_value(param))
            shown = value[0] if isinstance(value, list) else format_value(param, value)
            assert shown in text, f"{ref.raw} blev ikke indsat som {shown!r}"


def test_cases_cover_every_variant() -> None:
    assert len(CASES) == sum(len(t.variants) for t in LIBRARY.topics if t.kind == "clause")
