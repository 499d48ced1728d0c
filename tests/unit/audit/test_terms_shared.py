"""A sentence is read once per side of the call-in line and labelled with each topic asked for."""

from __future__ import annotations

import re

from assembler.audit.terms import _read, paragraph_terms
from assembler.audit.terms.costs import (
    amount_terms,
    costs_terms,
    equipment_terms,
    tax_terms,
    transport_terms,
)
from assembler.audit.terms.periods import (
    core_hours_terms,
    days_terms,
    notice_terms,
    termination_terms,
)
from assembler.audit.terms.powers import (
    call_in_terms,
    change_terms,
    compulsion_terms,
    suspension_terms,
    voluntary_terms,
)
from assembler.audit.terms.sentences import Sentence, split_sentences
from assembler.library.model import Library
from assembler.rules.text_facts import Term

TOPICS = ("", "undtagelser", "aendring", "tilgaengelighed", "transport", "oekonomi", "omfang")


def _sentences(library: Library) -> list[tuple[str, str]]:
    """(sentence, rest of its paragraph) for every paragraph of every library variant."""
    out = []
    for topic in library.topics:
        for variant in topic.variants:
            text = re.sub(r"\{\{[^}]*\}\}", "3", variant.text)
            for para in (line for line in text.split("\n") if line.strip()):
                out += [(s, para[k + len(s) :]) for k, s in split_sentences(para)]
    return out + [(s, "") for s in MIXED]


MIXED = (  # sentences where several readers find terms, and a notice only a call-in clause has
    "Der gives et rimeligt varsel.",
    "Aftalen kan opsiges med tre måneders varsel, og der kan arbejdes hjemme højst to dage om "
    "ugen.",
    "Ledelsen kan med tre arbejdsdages varsel indkalde til fremmøde, og der ydes 150 kr. om "
    "måneden i godtgørelse.",
)


def read_alone(text: str, following: str, topic: str) -> tuple[Term, ...]:
    """Every phrase reader on the sentence, under exactly the topic given, in _read's order."""
    sentence = Sentence(text, 0, -1, topic)
    compulsion = compulsion_terms(sentence)
    readers = (notice_terms, termination_terms, days_terms, core_hours_terms, amount_terms,
               costs_terms, tax_terms, equipment_terms, transport_terms, call_in_terms,
               change_terms)  # fmt: skip
    return (
        *(term for reader in readers for term in reader(sentence)),
        *suspension_terms(sentence, following),
        *compulsion,
        *voluntary_terms(sentence, compulsion),
    )


def test_the_shared_reading_is_the_reading_under_each_topic(library: Library) -> None:
    """Read once per side of the call-in line (the notice reader) and once for both (the
    others), labelled with the topic asked for: the terms every reader gives under that topic."""
    checked = terms = 0
    for sentence, following in _sentences(library):
        for topic in TOPICS:
            shared = _read(sentence, following, topic)
            assert shared == read_alone(sentence, following, topic), (sentence, topic)
            assert all(term.topic == topic for term in shared)
            checked += 1
            terms += len(shared)
    assert checked > 2000 and terms > 200


def test_a_bare_notice_counts_only_in_a_call_in_clause() -> None:
    text = "Der gives et rimeligt varsel."
    assert [t.kind for t in paragraph_terms(text, 0, "undtagelser")] == ["notice"]
    assert [t.kind for t in paragraph_terms(text, 0, "aendring")] == ["notice"]
    assert [t.kind for t in paragraph_terms(text, 0, "transport")] == []
