"""An edited clause's facts read only for its topics: the same facts as reading them all."""

from __future__ import annotations

from itertools import combinations

import pytest

from assembler.audit.embedded import LOCAL_TOPIC_FACTS, merge_facts
from assembler.audit.extract import local_facts_from_draft
from assembler.audit.topics import Found
from assembler.rules.facts import LocalFacts

TEXTS = [
    "Aftalen træder i kraft den 1. marts 2027 og kan opsiges med tre måneders varsel.",
    "Aftalen ophører uden opsigelse den 28. februar 2029.\nDen kan opsiges til udgangen af "
    "en måned.",
    "Der kan arbejdes hjemme højst 2 dage om ugen. Hjemmearbejde kan ikke gøres til en "
    "betingelse for ansættelse.",
    "Medarbejderne kan arbejde hjemme op til to dage om ugen.",
    "Medarbejderen kan træffes mellem kl. 9 og kl. 15. Hvileperioden kan fraviges efter kapitel 6.",
    "Ledelsen kan indkalde til fremmøde på en planlagt hjemmearbejdsdag med tre "
    "arbejdsdages varsel. Medarbejderen kan med en dags varsel bede om at møde ind.",
    "Medarbejderen skal være tilgængelig hele arbejdstiden. APV'en omfatter også "
    "hjemmearbejdspladsen, og medarbejderen må bruge sin egen computer.",
    "",
]
TOPICS = {"evaluering": Found("evaluering", "overskrift", None)}


@pytest.mark.parametrize("text", TEXTS)
def test_the_wanted_facts_are_read_as_when_all_are(text: str) -> None:
    whole = local_facts_from_draft(None, TOPICS, text)  # type: ignore[arg-type]
    answers = LocalFacts(present=True, known=frozenset({"present", "effective", "core_time"}))
    groups = [(t,) for t in LOCAL_TOPIC_FACTS] + list(combinations(LOCAL_TOPIC_FACTS, 2))[::7]
    for topics in groups:
        names = frozenset(n for t in topics for n in LOCAL_TOPIC_FACTS[t])
        part = local_facts_from_draft(None, TOPICS, text, names)  # type: ignore[arg-type]
        assert names & part.known == names & whole.known, topics
        for name in names:
            assert getattr(part, name) == getattr(whole, name), (topics, name)
        merged = merge_facts(answers, part, list(topics), LOCAL_TOPIC_FACTS)
        assert merged == merge_facts(answers, whole, list(topics), LOCAL_TOPIC_FACTS), topics


def test_a_topic_without_facts_merges_to_the_answers() -> None:
    """review._facts skips reading a topic that determines no facts: merging it changes none."""
    answers = LocalFacts(present=True, known=frozenset({"present", "effective"}))
    whole = local_facts_from_draft(None, TOPICS, TEXTS[0])  # type: ignore[arg-type]
    assert "transport" not in LOCAL_TOPIC_FACTS
    assert merge_facts(answers, whole, ["transport"], LOCAL_TOPIC_FACTS) == answers
