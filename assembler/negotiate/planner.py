"""The planner's state and bookkeeping: the amendments so far, keys for new paragraphs, and the
checks that keep two amendments off the same words and our revisions out of theirs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from assembler.audit.anchor import TextMap
from assembler.audit.changes import Change, clause_paragraphs
from assembler.audit.document import DocxDraft
from assembler.audit.review import AuditResult
from assembler.library.model import Library
from assembler.negotiate.model import Amendment, Edit, Unanswered
from assembler.negotiate.outward import Outward, Said
from assembler.negotiate.position import Position, library_position
from assembler.negotiate.term_replies import TermReplies
from assembler.ooxml.ns import qn
from assembler.rules.engine import source_text
from assembler.rules.model import Finding
from assembler.rules.text_common import evidence

OURS = 0.6  # word similarity above which a clause counts as our text, edited
THEIR_MARKS = tuple(qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo"))


@dataclass
class Plan:
    """The amendments to make and what we leave to the user."""

    amendments: list[Amendment] = field(default_factory=list)
    unanswered: list[Unanswered] = field(default_factory=list)
    accepted: list[Change] = field(default_factory=list)  # their changes we let stand


def listing(items: list[str]) -> str:
    """'a', 'a og b', 'a, b og c' (each label starting lower-case)."""
    named = [item[:1].lower() + item[1:] for item in items]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " og " + named[-1]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _sources(library: Library, ids: tuple[str, ...]) -> str:
    return source_text(library.sources, ids) or "klausulbiblioteket"


def topic_sources(library: Library, agreement: str, topic: str) -> tuple[str, ...]:
    """The sources a library topic rests on ((): unknown topic)."""
    try:
        return library.topic(agreement, topic).sources
    except KeyError:
        return ()


def rule_note(finding: Finding) -> str:
    """A rule finding as a line of our notes."""
    return f"{finding.rule} ({finding.severity}): {finding.message_da}"


class PlannerBase:
    """The state of planning one draft against one position, and its bookkeeping."""

    def __init__(self, library: Library, result: AuditResult, draft: DocxDraft,
                 position: Position) -> None:  # fmt: skip
        self.library, self.result, self.draft, self.position = library, result, draft, position
        self.agreement = result.agreement
        self.plan = Plan()
        self.paras = {p.index: p for p in draft.paragraphs}
        self.bodies = clause_paragraphs(draft, result.found)
        self.outward = Outward(result.text, position.answers.sector, self.agreement)
        self._key = 0
        fallback = library_position(library, self.agreement, position.answers.sector)
        self.terms = TermReplies(library, self.agreement, (position, fallback), self.outward,
                                 self.new_key)  # fmt: skip
        self.done: set[tuple[int, str]] = set()  # (paragraph, family) already answered
        self.deleted_clauses: dict[str, Change] = {}  # our clauses the draft left out
        self.changes: list[Change] = []
        # The draft is our own document edited (it carries our answers): a clause it lacks was
        # deleted from our draft, and a clause out of our order was moved.
        self.our_draft = result.from_answers

    # -- helpers ------------------------------------------------------------------------------
    def new_key(self) -> int:
        """A key for a paragraph we insert (negative: never a draft paragraph's index)."""
        self._key -= 1
        return self._key

    def title(self, topic: str) -> str:
        """A topic's heading in the library."""
        return self.result.titles.get(topic, topic)

    def our_text(self, topic: str) -> list[tuple[str, bool]]:
        """Our clause's paragraphs (text, bullet) from our position."""
        return [(p.text, p.bullet) for p in self.position.clause(self.library, topic)]

    def is_ours(self, topic: str) -> bool:
        """Whether the draft's clause is our text, edited (not their own wording)."""
        theirs = " ".join(p.text for p in self.bodies.get(topic, []))
        ours = " ".join(text for text, _ in self.our_text(topic))
        if not theirs or not ours:
            return False
        matcher = SequenceMatcher(None, _words(ours), _words(theirs), autojunk=False)
        return matcher.ratio() >= OURS

    def findings_on(self, para: int) -> list[Finding]:
        """The text-rule findings whose words stand in a paragraph."""
        out = []
        for finding in self.result.findings:
            term = evidence(finding, self.result.text)
            if term is not None and term.para == para:
                out.append(finding)
        return out

    def add(self, topic: str, said: Said, notes: list[str], ids: tuple[str, ...],
            edits: list[Edit]) -> None:  # fmt: skip
        """Record an amendment (span edits on a paragraph already answered are merged into it)."""
        proposal, reason = said
        if not edits:
            return
        if any(self._overlaps(e) for e in edits):
            return  # the words are already answered by another amendment
        if any(self._in_their_revision(e) for e in edits):
            note = (
                f"{proposal} Ikke skrevet ind: ordene står i modpartens egne sporede "
                "ændringer. Tag stilling til deres ændring i Word, og kør modforslag igen."
            )
            self.plan.unanswered.append(Unanswered(topic, self.title(topic), note))
            return
        sources = _sources(self.library, ids or topic_sources(self.library, self.agreement, topic))
        for amendment in self.plan.amendments:
            touched = {e.para for e in edits if e.kind in ("span", "restore", "delete")}
            if touched & amendment.paragraphs and all(e.kind == "span" for e in edits):
                amendment.edits += edits
                amendment.proposal += " " + proposal
                amendment.reason = f"{amendment.reason} {reason}".strip()
                amendment.notes += notes
                return
        self.plan.amendments.append(Amendment(topic, self.title(topic), proposal, reason, notes,
                                              sources, edits))  # fmt: skip

    def _overlaps(self, edit: Edit) -> bool:
        """Whether a span edit would touch words another amendment already changes."""
        if edit.kind != "span":
            return False
        for amendment in self.plan.amendments:
            for other in amendment.edits:
                if other.para != edit.para or other.kind in ("insert", "move"):
                    continue
                if other.kind != "span" or (edit.start < other.end and other.start < edit.end):
                    return other.kind != "delete"
        return False

    def _in_their_revision(self, edit: Edit) -> bool:
        """Whether an edit would change words inside the other side's own tracked changes (the
        redline engine cannot nest our revision in theirs, so we leave those words alone)."""
        if edit.kind == "insert" or edit.para not in self.paras:
            return False
        if edit.kind == "move":
            block = [self.paras[i].element for i in range(edit.para, edit.end + 1)]
            return any(True for el in block for _ in el.iter(*THEIR_MARKS))
        element = self.paras[edit.para].element
        if edit.kind in ("restore", "delete"):
            return any(True for _ in element.iter(*THEIR_MARKS))
        tmap = TextMap.of(element)
        for el, _ in tmap.where[edit.start : max(edit.end, edit.start + 1)]:
            if any(a.tag in THEIR_MARKS for a in el.iterancestors()):
                return True
        return False
