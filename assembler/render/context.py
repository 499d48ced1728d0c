"""Build the template context of an agreement: metadata, formatted fields and clauses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import AGREEMENT_NAMES, FRAMEWORKS, SECTOR_NAMES, Library
from assembler.library.validate import bookmark_name
from assembler.library.values import format_date, format_value
from assembler.render.clause_memo import clause
from assembler.render.clause_text import Scope
from assembler.render.memo import LastResult

TITLES = {
    "lokal": "Lokalaftale om fast tilbagevendende hjemmearbejde",
    "individuel": "Individuel aftale om fast tilbagevendende hjemmearbejde",
}


class Record(dict[str, Any]):
    """A dict whose keys are also attributes, so Jinja's `k.titel` is found without an exception.

    Jinja tries getattr() before item access; on a plain dict that raises and catches an
    AttributeError for every lookup, a tenth of the render time in large batches. The library
    forbids parameter and topic names that shadow dict methods (see validate.RESERVED_NAMES).
    Records are only read after they are built (the template never assigns attributes).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.__dict__ = self  # attribute lookup finds the keys directly, in C


@dataclass(frozen=True)
class ClauseAnchor:
    """A rendered clause heading and the bookmark that anchors it."""

    title: str
    bookmark: str


class Fields(dict[str, Record]):
    """Formatted parameters per topic, made on first use: a template reads only a few topics."""

    def __init__(self, library: Library, agreement: AgreementAnswers) -> None:
        super().__init__()
        self._topics = {t.id: t for t in library.for_agreement(agreement.agreement)}
        self._agreement = agreement

    def __missing__(self, topic_id: str) -> Record:
        topic = self._topics[topic_id]  # KeyError for unknown topics, as a dict would
        values = self._agreement
        record = Record(
            (p.name, format_value(p, values.value(topic_id, p.name))) for p in topic.all_params()
        )
        self[topic_id] = record
        return record


def fields(library: Library, agreement: AgreementAnswers) -> Fields:
    """Every parameter of every topic, formatted on first use; empty string when not answered."""
    return Fields(library, agreement)


# The local agreement's fields, formatted once per batch (every individual agreement uses them).
_local_fields = LastResult(fields)


def build_context(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> tuple[dict[str, Any], list[ClauseAnchor]]:
    """The context for one agreement's template, and its clause anchors in order."""
    scope = Scope(library, answers.sector, agreement, answers.local)
    clauses: list[dict[str, Any]] = []
    anchors: list[ClauseAnchor] = []
    for topic in library.for_agreement(agreement.agreement):
        answer = agreement.topics.get(topic.id)
        if answer is None or topic.kind != "clause":
            continue
        paragraphs = clause(topic, answer.variant, scope)  # render_clause, remembered
        clauses.append(
            Record(
                titel=topic.title,
                emne=topic.id,
                variant=answer.variant,
                afsnit=[Record(tekst=p.text, punkt=p.bullet) for p in paragraphs],
            )
        )
        anchors.append(ClauseAnchor(topic.title, bookmark_name(topic.id, answer.variant)))
    meta = Record(
        titel=TITLES[agreement.agreement],
        type=AGREEMENT_NAMES[agreement.agreement],
        version=answers.version,
        dato=format_date(answers.date) if answers.date else "",
        sektor=SECTOR_NAMES[answers.sector],
        rammeaftale=FRAMEWORKS[answers.sector],
        bibliotek=library.version_label,
    )
    context = {
        "aftale": meta,
        "felter": fields(library, agreement),
        "lokal": _local_fields(library, answers.local),
        "klausuler": clauses,
    }
    return context, anchors


def context_schema(library: Library, agreement: str) -> dict[str, Any]:
    """The shape of the context, for checking a template's variables before use."""
    clause_item = {
        "titel": None,
        "emne": None,
        "variant": None,
        "afsnit": [{"tekst": None, "punkt": None}],
    }

    def topic_fields(name: str) -> dict[str, Any]:
        return {t.id: {p.name: None for p in t.all_params()} for t in library.for_agreement(name)}

    return {
        "aftale": dict.fromkeys(
            ("titel", "type", "version", "dato", "sektor", "rammeaftale", "bibliotek")
        ),
        "felter": topic_fields(agreement),
        "lokal": topic_fields("lokal"),
        "klausuler": [clause_item],
    }
