"""Plain records (assembler/records.py) behave as the dataclasses and NamedTuples they replaced
(issue 14)."""

from __future__ import annotations

import copy
import inspect
import pickle
import re
from decimal import Decimal
from pathlib import Path

import pytest

import assembler
from assembler.answers.files import read_answers
from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer
from assembler.audit import assess, changes, citations, styles, topics
from assembler.audit.terms import sentences
from assembler.compare.assess import ChangeFacts
from assembler.library import model, placeholders
from assembler.library.model import Library
from assembler.library.placeholders import Ref
from assembler.library.snapshot import _tuple_fields
from assembler.records import Record
from assembler.render import embedded
from assembler.render.clause_text import Scope
from assembler.rules import model as rules_model
from assembler.rules import text_facts
from assembler.rules.facts import EmployeeFacts, LocalFacts
from assembler.rules.frame_facts import FULL_TIME_HOURS
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


# Every record that was a typing.NamedTuple until issue 14's perf17 pass: one record form.
FORMER_NAMED_TUPLES: tuple[type[Record], ...] = (
    model.Param,
    model.Variant,
    model.Topic,
    model.Source,
    model.Term,
    Library,
    placeholders.Condition,
    placeholders.ClauseRef,
    styles.Style,
    assess.Assessment,
    topics.Found,
    sentences.Sentence,
    citations.Slot,
    changes.OurVersion,
    changes.Move,
    changes.Change,
    embedded.Layout,
    rules_model.RuleInput,
    rules_model.Rule,
    rules_model.Finding,
    text_facts.Term,
    text_facts.TextFacts,
    LocalFacts,
    EmployeeFacts,
    ChangeFacts,
)


@pytest.mark.parametrize("cls", FORMER_NAMED_TUPLES, ids=lambda cls: cls.__qualname__)
def test_a_record_names_its_fields_in_the_order_of_its_init(cls: type[Record]) -> None:
    # iteration, equality, hashing, _replace and the library snapshot's lists follow _fields
    assert cls._fields == tuple(inspect.signature(cls).parameters)
    assert cls.__slots__ == cls._fields and not issubclass(cls, tuple)


def test_no_module_defines_a_named_tuple() -> None:
    root = Path(assembler.__file__).parent
    named = [
        str(path.relative_to(root))
        for path in sorted(root.rglob("*.py"))
        if re.search(r"NamedTuple\)|namedtuple\(", path.read_text(encoding="utf-8"))
    ]
    assert named == []


def test_facts_keep_their_defaults_compare_by_value_and_copy_with_replace() -> None:
    facts = LocalFacts()
    assert facts.present is True and facts.has_apv is True and facts.groups == ()
    assert facts.full_time_hours == FULL_TIME_HOURS and facts.known == frozenset()
    assert facts == LocalFacts() and hash(facts) == hash(LocalFacts())
    assert hash(facts) == hash(tuple(facts))  # sets of records iterate as the NamedTuples did
    assert tuple(facts) == tuple(getattr(facts, name) for name in LocalFacts._fields)
    capped = facts._replace(max_days_week=Decimal(2))
    assert capped.max_days_week == Decimal(2) and facts.max_days_week is None
    assert capped != facts and capped.groups is facts.groups
    assert pickle.loads(pickle.dumps(capped)) == capped
    with pytest.raises(TypeError):
        facts._replace(max_days=Decimal(2))  # a misspelt field is an error, as before
    employee = EmployeeFacts(days_per_period=Decimal(2), period="uge")
    assert employee.avg_days_week == Decimal("2.00") and employee.other_screen_days == 0
    assert employee != LocalFacts() and facts != tuple(facts)  # a record is no tuple


def test_the_library_pickles_and_copies_as_it_is(library: Library) -> None:
    again = pickle.loads(pickle.dumps(library, pickle.HIGHEST_PROTOCOL))
    assert again == library and again is not library
    assert copy.deepcopy(library) == library
    topic = library.topics[0]
    assert hash(topic) == hash(tuple(topic)) and again.topics[0] == topic
    assert topic.all_params() == again.topics[0].all_params()


def test_the_snapshot_knows_each_records_tuple_fields_from_its_init() -> None:
    assert [name for _, name in _tuple_fields(model.Param)] == ["choices", "choice_texts", "unit"]
    assert [name for _, name in _tuple_fields(model.Topic)] == [
        "sources",
        "sectors",
        "params",
        "variants",
    ]
    assert [name for _, name in _tuple_fields(Library)] == ["topics", "terms"]
