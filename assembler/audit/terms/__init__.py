"""Read what a draft's clauses do: sentence → Terms (kind, values, paragraph, words).

Each phrase family lives in its own module (periods, powers, costs); this module walks the
paragraphs of a draft or of a free text, sentence by sentence, and collects the terms with the
topic of the section they stand in. It also says, per topic, what the text did not let it
determine, so the review never reports a clause as clean because it could not read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from assembler.audit.terms.costs import (
    amount_terms,
    costs_terms,
    equipment_terms,
    tax_terms,
    transport_terms,
)
from assembler.audit.terms.periods import (
    CALL_IN_TOPICS,
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
from assembler.rules.text_facts import Term, TextFacts

# Per agreement and topic: the kinds of term its clause should set, and what we say we could not
# determine when the text gave none of them.
EXPECTED: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {
    "lokal": {
        "omraade": (("days",), "hvor mange dage der højst kan arbejdes hjemme"),
        "undtagelser": (
            ("notice", "call_in", "change_power", "suspension"),
            "om og med hvilket varsel Arbejdsgiveren kan kræve fremmøde på en planlagt "
            "hjemmearbejdsdag",
        ),
        "tilgaengelighed": (
            ("core_hours", "availability"),
            "hvornår medarbejderne skal kunne kontaktes",
        ),
        "transport": (
            ("transport_time", "transport_allowance", "transport_start"),
            "om rejsetid medregnes i arbejdstiden, og om der ydes befordringsgodtgørelse",
        ),
        "oekonomi": (("amount", "costs", "tax_free"), "hvordan udgifter ved hjemmearbejde dækkes"),
        "frivillighed": (
            ("voluntary", "compulsion", "hiring_condition"),
            "om hjemmearbejdet er frivilligt for medarbejderne",
        ),
        "ikrafttraeden": (("termination",), "opsigelsesvarslet"),
    },
    "individuel": {
        "omfang": (("days",), "hjemmearbejdets omfang"),
        "kontakttid": (
            ("core_hours", "availability"),
            "hvornår medarbejderen skal kunne kontaktes",
        ),
        "kompensation": (("amount", "costs", "tax_free"), "om og hvordan udgifter godtgøres"),
        "opsigelse": (("termination",), "opsigelsesvarslet"),
        "aendring": (
            ("notice", "call_in", "change_power"),
            "om og med hvilket varsel Arbejdsgiveren kan kræve fremmøde på en planlagt "
            "hjemmearbejdsdag",
        ),
    },
}


SPAN_VALUES = ("start_span", "end_span", "word_span")  # values that hold paragraph positions


def sentence_terms(sentence: Sentence, following: str = "") -> list[Term]:
    """Every term one sentence sets; `following` is the rest of its paragraph.

    Reading is cached by wording (drafts repeat sentences, and the audit and the rules read the
    same text more than once); the cached terms are then placed at this sentence's position.
    """
    shift = sentence.start
    out = []
    for term in _read(sentence.text, following, sentence.topic):
        values = {k: ((v[0] + shift, v[1] + shift) if k in SPAN_VALUES else v)
                  for k, v in term.values.items()}  # fmt: skip
        out.append(term._replace(values=values, para=sentence.para, start=term.start + shift,
                           end=term.end + shift))  # fmt: skip
    return out


def _read(text: str, following: str, topic: str) -> tuple[Term, ...]:
    """The terms of a sentence at position 0 of paragraph -1, in its topic.

    A topic only decides whether a bare "varsel" is a call-in notice (CALL_IN_TOPICS); beyond
    that the phrase readers just label their terms with it. So a sentence is read once for
    each side of that line, and the terms are labelled with the topic asked for (the audit
    reads a clause both as free text and under its topic).
    """
    side = CALL_IN_TOPICS[0] if topic in CALL_IN_TOPICS else ""
    return tuple(
        term if term.topic == topic else term._replace(topic=topic)
        for term in _read_on_side(text, following, side)
    )


@lru_cache(maxsize=4096)
def _read_on_side(text: str, following: str, topic: str) -> tuple[Term, ...]:
    """The terms of a sentence at position 0 of paragraph -1, read under `topic`.

    Only the notice reader looks at the topic; the other readers' terms are read once for both
    sides (labelled with no topic: _read labels them), since the audit reads an edited call-in
    clause both as free text and under its topic."""
    return (*notice_terms(Sentence(text, 0, -1, topic)), *_read_anywhere(text, following))


@lru_cache(maxsize=4096)
def _read_anywhere(text: str, following: str) -> tuple[Term, ...]:
    """The terms of every reader but the notice reader, whatever the topic (no topic set)."""
    sentence = Sentence(text, 0, -1, "")
    compulsion = compulsion_terms(sentence)
    return (
        *termination_terms(sentence),
        *days_terms(sentence),
        *core_hours_terms(sentence),
        *amount_terms(sentence),
        *costs_terms(sentence),
        *tax_terms(sentence),
        *equipment_terms(sentence),
        *transport_terms(sentence),
        *call_in_terms(sentence),
        *change_terms(sentence),
        *suspension_terms(sentence, following),
        *compulsion,
        *voluntary_terms(sentence, compulsion),
    )


def paragraph_terms(text: str, para: int, topic: str = "") -> list[Term]:
    """Every term of one paragraph, sentence by sentence."""
    out: list[Term] = []
    for offset, sentence in split_sentences(text):
        following = text[offset + len(sentence) :]
        out += sentence_terms(Sentence(sentence, offset, para, topic), following)
    return out


def text_terms(text: str, topic: str = "") -> list[Term]:
    """The terms of a free text; each line counts as a paragraph (its index is the line number)."""
    out: list[Term] = []
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            out += paragraph_terms(line, index, topic)
    return out


def read_text_facts(
    agreement: str,
    paragraphs: Iterable[tuple[int, str, str]],
    topics: Iterable[str],
    read_topics: Sequence[str] | None = None,
) -> TextFacts:
    """TextFacts from (index, text, topic) paragraphs; `read_topics` are the topics whose text was
    read (default: every topic that has a paragraph), for the list of what was not determined."""
    terms: list[Term] = []
    seen: set[str] = set()
    for index, text, topic in paragraphs:
        if topic:
            seen.add(topic)
        terms += paragraph_terms(text, index, topic)
    read = set(read_topics if read_topics is not None else seen)
    unread = []
    for topic, (kinds, what) in EXPECTED.get(agreement, {}).items():
        if topic in read and not any(t.topic == topic and t.kind in kinds for t in terms):
            unread.append((topic, what))
    return TextFacts(tuple(terms), frozenset(topics), frozenset(read), tuple(unread), agreement)
