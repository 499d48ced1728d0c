"""One term per concept and clean typography in every text that ends up in an agreement.

The term list lives in clause_library/termer.yaml. A word to avoid is matched whole and with its
case ("IT" is wrong, "it" is right); a trailing * matches any ending ("prøveperiode*"). A term
marked mid_sentence is only wrong inside a sentence: "Medarbejderen" may open a sentence of the
local agreement, where it is not a defined term, but not stand in the middle of one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from assembler.library.model import Library, Term, Topic, Variant
from assembler.library.placeholders import (
    PLACEHOLDER,
    REFERENCE,
    split_blocks,
    split_conditions,
)
from assembler.regex import LazyPattern

# (pattern, what to say): typography the agreement texts must not have.
TYPOGRAPHY = (
    (LazyPattern(r'"'), "lige anførselstegn (brug »…«)"),
    (LazyPattern(r"  "), "dobbelt mellemrum"),
    (LazyPattern(r" [,.;:]"), "mellemrum før tegnsætning"),
    (LazyPattern(r"(?<!\.)\.\.(?!\.)"), "to punktummer"),
)
SENTENCE_START = LazyPattern(r"(?:^|[.!?]\s+)$")


@cache
def _pattern(word: str) -> re.Pattern[str]:
    """A whole-word, case-sensitive pattern; 'x*' matches words beginning with x."""
    stem = re.escape(word.rstrip("*"))
    tail = r"\w*" if word.endswith("*") else ""
    return re.compile(rf"(?<!\w){stem}{tail}(?!\w)")


# In the local agreement's annex »Aftalen« is the local agreement: an individual variant's name,
# summary and labels, printed there, must not use it for the individual agreement.
ANNEX_CLASH = LazyPattern(r"(?<!\w)(?:Aftalen|Aftalens)(?!\w)")


def agreement_texts(topic: Topic, variant: Variant) -> Iterator[tuple[str, bool, str]]:
    """The texts of a variant that appear in documents, placeholders replaced by a neutral word,
    each with whether it is a choice's words and the agreement whose terms apply to it (an
    individual variant's name, summary and labels are printed in the local agreement's annex)."""
    yield topic.title, False, topic.agreement
    for block, _ in split_blocks(variant.text):
        _, body = split_conditions(block, topic.id)
        yield REFERENCE.sub("§ x", PLACEHOLDER.sub("x", body)), False, topic.agreement
    for param in topic.params_for(variant.id):
        yield from ((text, True, topic.agreement) for text in param.choice_texts)
    if topic.agreement == "individuel":
        yield from ((text, False, "lokal") for text in annex_texts(topic, variant))


# A label may open with the word it names ("Medarbejderens navn:"): a form field, not a sentence.
LABEL_START = LazyPattern(r"^(?:Medarbejderens|Medarbejderen)\s")


def annex_texts(topic: Topic, variant: Variant) -> Iterator[str]:
    """What the local agreement's annex prints of an individual variant (a label's first word is
    a field name, left out)."""
    yield variant.name
    yield variant.summary
    for param in topic.params_for(variant.id):
        yield LABEL_START.sub("", param.label)


def _term_hits(term: Term, text: str) -> Iterator[str]:
    """The avoided words of a term found in a text."""
    for word in term.avoid:
        for match in _pattern(word).finditer(text):
            if term.mid_sentence and SENTENCE_START.search(text[: match.start()]):
                continue
            yield match.group(0)


def check_terms(where: str, topic: Topic, variant: Variant, library: Library) -> list[str]:
    """Avoided words and bad typography in a variant's agreement texts, named in Danish."""
    out: list[str] = []
    for text, choice, agreement in agreement_texts(topic, variant):
        for term in library.terms:
            if agreement not in term.agreements or (choice and not term.in_choices):
                continue
            for hit in _term_hits(term, text):
                why = f" ({term.why})" if term.why else ""
                problem = f"{where}: »{hit}« må ikke stå i aftaleteksten; skriv »{term.use}«{why}"
                if problem not in out:
                    out.append(problem)
        for pattern, what in TYPOGRAPHY:
            if match := pattern.search(text):
                snippet = text[max(0, match.start() - 20) : match.end() + 20]
                out.append(f"{where}: {what} i „{snippet}“")
    if topic.agreement == "individuel":
        for text in annex_texts(topic, variant):
            if match := ANNEX_CLASH.search(text):
                out.append(
                    f"{where}: »{match.group(0)}« i „{text[:60]}“ står også i lokalaftalens bilag, "
                    "hvor »Aftalen« er lokalaftalen; skriv »den individuelle aftale«"
                )
    return out
