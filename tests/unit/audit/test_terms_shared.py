"""A sentence is read once per side of the call-in line and labelled with each topic asked for."""

from __future__ import annotations

import re

from assembler.audit.terms import _read, _read_on_side, paragraph_terms
from assembler.audit.terms.sentences import split_sentences
from assembler.library.model import Library

TOPICS = ("", "undtagelser", "aendring", "tilgaengelighed", "transport", "oekonomi", "omfang")


def _sentences(library: Library) -> list[tuple[str, str]]:
    """(sentence, rest of its paragraph) for every paragraph of every library variant."""
    out = []
    for topic in library.topics:
        for variant in topic.variants:
            text = re.sub(r"\{\{[^}]*\}\}", "3", variant.text)
            for para in (line for line in text.split("\n") if line.strip()):
                out += [(s, para[k + len(s) :]) for k, s in split_sentences(para)]
    return out


def test_the_shared_reading_is_the_reading_under_each_topic(library: Library) -> None:
    read_alone = _read_on_side.__wrapped__  # the reader itself, under exactly the topic given
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
