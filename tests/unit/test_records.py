"""Plain records (assembler/records.py) behave as the dataclasses they replaced (issue 14)."""

from __future__ import annotations

import pickle

from assembler.answers.files import read_answers
from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer
from assembler.library.model import Library
from assembler.library.placeholders import Ref
from assembler.render.clause_text import Scope
from assembler.workflows import EXAMPLE_ANSWERS


def test_answers_pickle_and_compare(library: Library) -> None:
    answers = read_answers(library, EXAMPLE_ANSWERS)
    again = pickle.loads(pickle.dumps(answers))
    assert again == answers and again is not answers
    assert again.employees[0].topics == answers.employees[0].topics
    changed = answers._replace(employees=())
    assert changed.employees == () and changed.local is answers.local and changed != answers
    assert TopicAnswer("a", "b").values == {}
    assert TopicAnswer("a", "b") == TopicAnswer("a", "b", {})
    assert TopicAnswer("a", "b") != TopicAnswer("a", "c")
    assert AgreementAnswers("lokal", {}) != Answers(
        "stat", "1", None, AgreementAnswers("lokal", {}), ()
    )


def test_ref_is_no_tuple_but_hashes_by_value() -> None:
    ref = Ref("lokal.x.y", "lokal", "x", "y")
    assert not isinstance(ref, tuple)
    assert {ref: 1}[Ref("lokal.x.y", "lokal", "x", "y")] == 1
    assert repr(ref) == "Ref(raw='lokal.x.y', scope='lokal', topic='x', name='y')"


def test_scope_equality_ignores_misses_and_renderer(library: Library) -> None:
    answers = read_answers(library, EXAMPLE_ANSWERS)
    scope = Scope(library, answers.sector, answers.local, answers.local, answers.date)
    assert scope.numbers  # the numbers of the documents these answers make
    other = scope._replace(misses=["x"], renderer=lambda topic, variant, s: [])
    assert other == scope
    assert scope._replace(resolve_labels=False) != scope
