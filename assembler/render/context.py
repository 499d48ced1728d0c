"""Build the template context of an agreement: metadata, formatted fields and clauses."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from assembler import records
from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import AGREEMENT_NAMES, FRAMEWORKS, SECTOR_NAMES, Library, Topic
from assembler.library.validate import bookmark_name
from assembler.library.values import format_date, format_value
from assembler.render.annex import INTRO as ANNEX_INTRO
from assembler.render.annex import TITLE as ANNEX_TITLE
from assembler.render.annex import annex
from assembler.render.clause_memo import clause, clause_view
from assembler.render.clause_text import Paragraph, Scope, clause_numbers
from assembler.render.memo import LastResult
from assembler.render.topics import topics_for

META_KEYS = (
    "titel", "type", "version", "dato", "sektor", "rammeaftale", "bibliotek", "udkast", "status",
)  # fmt: skip
# A version that names itself final is printed without the draft line in the header.
FINAL_WORDS = ("endelig", "underskrift")
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


class ClauseText(str):
    """A paragraph's visible text; in a template it renders with its cross-reference fields marked.

    Code that reads the context (the audit compares clauses with a document's text) sees the
    text as Word shows it; Jinja's autoescape calls __html__ and gets the marked text, which
    render_agreement turns into REF fields.
    """

    marked: str

    def __new__(cls, paragraph: Paragraph) -> ClauseText:
        obj = super().__new__(cls, paragraph.text)
        obj.marked = paragraph.marked or paragraph.text
        return obj

    @cached_property
    def html(self) -> str:
        """The marked text escaped, once: a shared clause renders in many documents (and the
        audit, which only compares the text, never loads markupsafe)."""
        from markupsafe import escape

        return str(escape(self.marked))

    def __html__(self) -> str:
        return self.html

    def __reduce__(self) -> tuple[Any, ...]:  # picklable for the batch workers
        return (_clause_text, (str(self), self.marked))


def _clause_text(text: str, marked: str) -> ClauseText:
    return ClauseText(Paragraph(text, marked=marked))


def is_draft(version: str) -> bool:
    """A document is a draft unless its version says it is final ("Endelig", "Til underskrift")."""
    folded = version.casefold()
    return not any(word in folded for word in FINAL_WORDS)


class ClauseAnchor(records.Record):
    """A rendered clause heading and the bookmark that anchors it."""

    _fields = ("title", "bookmark")
    __slots__ = _fields

    def __init__(self, title: str, bookmark: str) -> None:
        self.title = title
        self.bookmark = bookmark


class Fields(dict[str, Record]):
    """Formatted parameters per topic, made on first use: a template reads only a few topics."""

    def __init__(self, library: Library, agreement: AgreementAnswers) -> None:
        super().__init__()
        self._topics = _topics_by_id(library, agreement.agreement)
        self._agreement = agreement

    def has_topic(self, topic_id: str) -> bool:
        """Whether the agreement kind has this topic (its record is made on first use)."""
        return topic_id in self._topics

    def __missing__(self, topic_id: str) -> Record:
        topic = self._topics[topic_id]  # KeyError for unknown topics, as a dict would
        values = self._agreement
        record = Record(
            (p.name, format_value(p, values.value(topic_id, p.name))) for p in topic.all_params()
        )
        self[topic_id] = record
        return record


def _by_id(library: Library, agreement: str) -> dict[str, Topic]:
    return {t.id: t for t in topics_for(library, agreement)}


_topics_by_id = LastResult(_by_id)  # per library and agreement kind: Fields only reads it


def fields(library: Library, agreement: AgreementAnswers) -> Fields:
    """Every parameter of every topic, formatted on first use; empty string when not answered."""
    return Fields(library, agreement)


# The local agreement's fields, formatted once per batch (every individual agreement uses them).
_local_fields = LastResult(fields)
_local_numbers = LastResult(clause_numbers)
_annex = LastResult(annex)


def _clause_record(
    topic: Topic, variant: str, paragraphs: list[Paragraph]
) -> tuple[Record, ClauseAnchor]:
    """A clause as the template sees it, and the bookmark anchoring its heading."""
    record = Record(
        titel=topic.title,
        emne=topic.id,
        variant=variant,
        afsnit=[Record(tekst=ClauseText(p), punkt=p.bullet, stk=p.stk) for p in paragraphs],
    )
    return record, ClauseAnchor(topic.title, bookmark_name(topic.id, variant))


def clause_records(
    library: Library, answers: Answers, agreement: AgreementAnswers, *, once: bool = False
) -> tuple[list[dict[str, Any]], list[ClauseAnchor]]:
    """The context's clauses ("klausuler") and their anchors in order: all the audit compares
    with a document, without the fields, signatures and annex the template needs besides.
    `once` renders without the memo (clause_memo.py), for a process that renders them once."""
    scope = Scope(
        library,
        answers.sector,
        agreement,
        answers.local,
        answers.date,
        clause_numbers(library, agreement),
        _local_numbers(library, answers.local),
        renderer=clause,  # each distinct referenced clause rendered once per batch
    )
    clauses: list[dict[str, Any]] = []
    anchors: list[ClauseAnchor] = []
    for topic in topics_for(library, agreement.agreement):
        answer = agreement.topics.get(topic.id)
        if answer is None or topic.kind != "clause":
            continue
        # render_clause and the records made from it, remembered (shared by many documents)
        if once:
            from assembler.render.clause_text import render_clause  # loaded with the memo

            record, anchor = _clause_record(
                topic, answer.variant, render_clause(topic, answer.variant, scope)
            )
        else:
            record, anchor = clause_view(topic, answer.variant, scope, _clause_record)
        clauses.append(record)
        anchors.append(anchor)
    return clauses, anchors


def build_context(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> tuple[dict[str, Any], list[ClauseAnchor]]:
    """The context for one agreement's template, and its clause anchors in order."""
    # only a whole document has signatures: the audit, which needs clause_records, never loads them
    from assembler.render.signatures import signatories, signature_rows

    clauses, anchors = clause_records(library, answers, agreement)
    date = format_date(answers.date) if answers.date else ""
    # The version names a negotiation round of the local agreement; an individual agreement is not
    # negotiated in rounds, so its header carries no draft line (read-through 2026-11-27, §0).
    draft = is_draft(answers.version) and agreement.agreement == "lokal"
    meta = Record(
        titel=TITLES[agreement.agreement],
        type=AGREEMENT_NAMES[agreement.agreement],
        version=answers.version,
        dato=date,
        sektor=SECTOR_NAMES[answers.sector],
        rammeaftale=FRAMEWORKS[answers.sector],
        bibliotek=library.version_label,
        udkast=draft,
        status=" · ".join(x for x in (answers.version, date) if x) if draft else "",
    )
    rows = signature_rows(signatories(library, answers, agreement))
    context = {
        "aftale": meta,
        "felter": fields(library, agreement),
        "lokal": _local_fields(library, answers.local),
        "klausuler": clauses,
        "underskrifter": [
            Record(venstre=Record(r["venstre"]), hoejre=Record(r["hoejre"])) for r in rows
        ],
        "bilag": [
            Record(titel=s["titel"], linjer=[Record(line) for line in s["linjer"]])
            for s in _annex(library, answers, agreement.agreement)
        ],
        "bilagstitel": ANNEX_TITLE,
        "bilagsintro": ANNEX_INTRO,
    }
    return context, anchors


def context_schema(library: Library, agreement: str) -> dict[str, Any]:
    """The shape of the context, for checking a template's variables before use."""
    clause_item = {
        "titel": None,
        "emne": None,
        "variant": None,
        "afsnit": [{"tekst": None, "punkt": None, "stk": None}],
    }

    def topic_fields(name: str) -> dict[str, Any]:
        return {t.id: {p.name: None for p in t.all_params()} for t in library.for_agreement(name)}

    person = dict.fromkeys(("part", "sted", "linje", "navn", "titel"))
    return {
        "aftale": dict.fromkeys(META_KEYS),
        "felter": topic_fields(agreement),
        "lokal": topic_fields("lokal"),
        "klausuler": [clause_item],
        "underskrifter": [{"venstre": person, "hoejre": person}],
        "bilag": [{"titel": None, "linjer": [{"tekst": None, "punkt": None}]}],
        "bilagstitel": None,
        "bilagsintro": None,
    }
