"""Every variant of every topic renders, with every parameter substituted and nothing left over.

Besides one full document per variant, every variant is rendered with the extreme values of each
parameter in turn (0, 1, 2, 10, the bounds, empty, one- and three-item lists, every choice, yes
and no) and each paragraph is checked against the list of forbidden Danish in forbidden.py.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from assembler.answers.files import answers_from_raw, load_raw
from assembler.answers.model import Answers
from assembler.library import load_library
from assembler.library.model import Library, Param, Topic, Variant
from assembler.library.placeholders import refs_in, split_blocks, split_conditions
from assembler.library.values import format_value, parse_value
from assembler.render.clause_text import Scope, render_clause
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from assembler.workflows import EXAMPLE_ANSWERS
from tests.docx_text import full_text
from tests.unit.render.forbidden import problems_in

LIBRARY = load_library()
EXAMPLE_RAW = load_raw(EXAMPLE_ANSWERS)
CASES = [
    pytest.param(t, v, id=f"{t.agreement}.{t.id}.{v.id}")
    for t in LIBRARY.topics
    if t.kind == "clause"
    for v in t.variants
]
ITEMS = ("første punkt", "andet punkt", "tredje punkt")


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


def extreme_values(param: Param) -> list[Any]:
    """Values that break sloppy drafting: bounds, 0/1/2/10, empty, 1 or 3 items, every choice."""
    if param.type in ("int", "decimal", "money"):
        low = Decimal(str(param.min)) if param.min is not None else Decimal(0)
        high = Decimal(str(param.max)) if param.max is not None else Decimal(100)
        candidates = {low, high, Decimal(0), Decimal(1), Decimal(2), Decimal(10)}
        if param.type == "decimal":
            candidates |= {Decimal("0.5"), Decimal("1.5"), Decimal("2.5")}
        values: list[Any] = sorted(c for c in candidates if low <= c <= high)
        values = [int(v) if param.type == "int" else v for v in values]
    elif param.type in ("list", "paragraphs"):
        values = [[ITEMS[0].capitalize() + "."], [i.capitalize() + "." for i in ITEMS]]
        if param.type == "list":
            values = [[ITEMS[0]], list(ITEMS)]
    elif param.type == "choice":
        values = list(param.choices)
    elif param.type == "bool":
        values = [True, False]
    elif param.type == "time":
        values = ["07:05", "9", "14:30"]
    else:
        values = [sample_value(param)]
    if not param.required:
        values.append(None)
    return values


def raw_answers(topic: Topic, variant: Variant, values: dict[str, Any]) -> dict[str, Any]:
    """The example's raw answers with one topic set to a variant and the given values."""
    raw = copy.deepcopy(EXAMPLE_RAW)
    raw["sektor"] = "stat" if "stat" in variant.sectors else variant.sectors[0]
    section = raw["lokalaftale"] if topic.agreement == "lokal" else raw["medarbejdere"][0]
    section[topic.id] = {"variant": variant.id} | values
    return raw


def answers_with(library: Library, topic: Topic, variant: Variant, **override: Any) -> Answers:
    """The example answers with one topic set to a variant, sample values and overrides."""
    values = {p.name: sample_value(p) for p in topic.params_for(variant.id)} | override
    return answers_from_raw(library, raw_answers(topic, variant, values), "test")


def _clause_paragraphs(topic: Topic, variant: Variant, answers: Answers) -> list[Any]:
    agreement = answers.local if topic.agreement == "lokal" else answers.employees[0]
    scope = Scope(LIBRARY, answers.sector, agreement, answers.local, answers.date)
    return render_clause(topic, variant.id, scope)


@pytest.mark.parametrize(("topic", "variant"), CASES)
def test_variant_renders_with_all_parameters(
    topic: Topic, variant: Variant, templates: TemplateSet
) -> None:
    answers = answers_with(LIBRARY, topic, variant)
    agreement = answers.local if topic.agreement == "lokal" else answers.employees[0]
    data = render_agreement(templates.for_agreement(topic.agreement), LIBRARY, answers, agreement)
    text = full_text(data)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "[hvis" not in text
    assert topic.title in text
    # Each unconditional paragraph's literal (placeholder-free) words appear in the output.
    for block, _ in split_blocks(variant.text):
        conditions, source = split_conditions(block, topic.id)
        fragment = source.split("{{")[0].strip()
        if not conditions and len(fragment) > 12:
            assert fragment[:40] in text, f"mangler tekst: {fragment[:40]!r}"
    # Every own parameter the text mentions appears formatted in the output.
    params = {p.name: p for p in topic.params_for(variant.id)}
    unconditional = "\n".join(
        source
        for block, _ in split_blocks(variant.text)
        for conditions, source in [split_conditions(block, topic.id)]
        if not conditions
    )
    for ref in refs_in(unconditional, topic.id):
        if ref.scope == "" and ref.name in params:
            param = params[ref.name]
            value = parse_value(param, sample_value(param))
            shown = value[0] if isinstance(value, list) else format_value(param, value)
            assert shown in text, f"{ref.raw} blev ikke indsat som {shown!r}"


@pytest.mark.parametrize(("topic", "variant"), CASES)
def test_extreme_values_give_finished_danish(topic: Topic, variant: Variant) -> None:
    failures = []
    profiles: list[dict[str, Any]] = [{}]
    for param in topic.params_for(variant.id):
        profiles += [{param.name: value} for value in extreme_values(param)]
    for override in profiles:
        answers = answers_with(LIBRARY, topic, variant, **override)
        for paragraph in _clause_paragraphs(topic, variant, answers):
            failures += [f"{override}: {p}" for p in problems_in(paragraph.text, paragraph.bullet)]
    assert not failures, "\n".join(dict.fromkeys(failures))


@pytest.mark.parametrize(("topic", "variant"), CASES)
def test_every_choice_prints_its_own_text(topic: Topic, variant: Variant) -> None:
    for param in topic.params_for(variant.id):
        if param.type != "choice" or f"{{{{ {param.name} }}}}" not in variant.text:
            continue
        for choice, text in zip(param.choices, param.choice_texts, strict=True):
            answers = answers_with(LIBRARY, topic, variant, **{param.name: choice})
            shown = "\n".join(p.text for p in _clause_paragraphs(topic, variant, answers))
            assert text in shown
            assert choice not in shown or choice in text, f"valget {choice!r} står i teksten"


def test_cases_cover_every_variant() -> None:
    assert len(CASES) == sum(len(t.variants) for t in LIBRARY.topics if t.kind == "clause")


@pytest.mark.parametrize(
    ("document_date", "local_verb", "own_verb"),
    [
        ("2027-01-15", "der træder i kraft den 1. marts 2027", "træder i kraft den 1. marts 2027"),
        (
            "2027-03-01",
            "der trådte i kraft den 1. marts 2027",
            "har virkning fra den 1. marts 2027",
        ),
        (None, "der træder i kraft den 1. marts 2027", "træder i kraft den 1. marts 2027"),
    ],
)
def test_the_tense_follows_the_document_date(
    document_date: str | None, local_verb: str, own_verb: str
) -> None:
    raw = copy.deepcopy(EXAMPLE_RAW)
    raw["dato"] = document_date
    answers = answers_from_raw(LIBRARY, raw, "test")
    employee = answers.employees[0]  # takes effect on 1 March 2027, as the local agreement
    scope = Scope(LIBRARY, "stat", employee, answers.local, answers.date)
    text = " ".join(
        p.text
        for p in render_clause(LIBRARY.topic("individuel", "ikrafttraeden"), "standard", scope)
    )
    assert f"lokalaftalen, {local_verb}" in text
    assert f"Aftalen {own_verb}" in text
    local_scope = Scope(LIBRARY, "stat", answers.local, answers.local, answers.date)
    local = LIBRARY.topic("lokal", "ikrafttraeden")
    local_text = " ".join(p.text for p in render_clause(local, "tidsubegraenset", local_scope))
    assert f"Aftalen {own_verb}" in local_text
    assert "trådte i kraft" not in local_text
