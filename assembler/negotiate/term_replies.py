"""Our reply to one term of the draft, measured against our position's wording of the same term.

Our value for each family (the notice, the core hours, the cap …) is read from our own clause
text, rendered from our position; when our variant has no such term (a calendar instead of core
hours), the library's employee-side default supplies it. No value is ever invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assembler.audit.document import Para
from assembler.audit.terms import text_terms
from assembler.audit.terms.numbers import NUM
from assembler.audit.terms.sentences import split_sentences
from assembler.library.model import Library
from assembler.negotiate import replies
from assembler.negotiate.model import Edit
from assembler.negotiate.outward import NEW_ENTRY, Outward, Said
from assembler.negotiate.position import Position
from assembler.rules.text_facts import Term

# Where a term belongs (its topic in each agreement): for titles, and for our own wording.
CONVENTIONAL_TOPICS = {
    "lokal": {"notice": "undtagelser", "call_in": "undtagelser", "suspension": "undtagelser",
              "core_hours": "tilgaengelighed", "availability": "tilgaengelighed",
              "days": "omraade", "termination": "ikrafttraeden", "amount": "oekonomi",
              "costs": "oekonomi", "tax_free": "oekonomi", "equipment": "it_sikkerhed",
              "transport": "transport", "compulsion": "frivillighed", "voluntary": "frivillighed"},
    "individuel": {"notice": "aendring", "call_in": "aendring", "suspension": "aendring",
                   "core_hours": "kontakttid", "availability": "kontakttid", "days": "omfang",
                   "termination": "opsigelse", "amount": "kompensation", "costs": "kompensation",
                   "tax_free": "kompensation", "equipment": "udstyr", "compulsion": "parter"},
}  # fmt: skip
WORKING_DAYS = ("arbejdsdag", "hverdag")
# The size of a transport cap in its words ('30 kilometer', 'én time'), replaced by ours.
CAP_SIZE = re.compile(r"(?:" + NUM + r")\s*(?:kilometer|km|timer|time|minutter)\b", re.I)
# A transport cap: what it limits, and what a lower one means for the employees.
CAP_WORDS = {
    "transport_km_cap": ("befordringsgodtgørelsen", "Et lavere loft betyder, at en medarbejder "
                         "med lang rejsevej kun får en del af befordringen godtgjort."),
    "transport_time_cap": ("rejsetiden", "Et lavere loft betyder, at en medarbejder med lang "
                           "rejsevej kun får en del af rejsetiden medregnet i arbejdstiden."),
}  # fmt: skip
GRANTS = ("transport_time", "transport_allowance")
Reply = tuple[list[Edit], Said]
NONE: Reply = ([], ("", ""))


def family(term: Term) -> str:
    """The family a term belongs to (the transport kinds are one family)."""
    return "transport" if term.kind.startswith("transport") else term.kind


class TermReplies:
    """Replies to terms, for one agreement and one position."""

    def __init__(self, library: Library, agreement: str, positions: tuple[Position, ...],
                 outward: Outward, new_key: Callable[[], int]) -> None:  # fmt: skip
        self.library, self.agreement, self.positions = library, agreement, positions
        self.outward, self.new_key = outward, new_key
        self.replies: dict[str, Callable[[Term, Para], Reply]] = {
            "notice": self._notice, "core_hours": self._core, "availability": self._core,
            "days": self._days, "termination": self._termination, "amount": self._amount,
            "tax_free": self._tax, "compulsion": self._compulsion,
            "suspension": self._suspension, "equipment": self._equipment,
            "transport": self._transport, "effective": self._effective,
        }  # fmt: skip

    def topic(self, kind: str) -> str:
        """The topic of a kind of term in this agreement."""
        return CONVENTIONAL_TOPICS[self.agreement].get(kind, "")

    def reference(self, kind: str, of: str | None = None) -> Term | None:
        """Our term of a kind (looked up in the topic of `of`, default the kind's own topic)."""
        topic = self.topic(of or kind)
        for position in self.positions:
            text = "\n".join(p.text for p in position.clause(self.library, topic))
            found = [t for t in text_terms(text, topic) if t.kind == kind and not t.negated]
            if found:
                return found[0]
        return None

    def reply(self, term: Term, para: Para) -> Reply:
        """The edits and what we say to the other side answering one term; NONE when we have
        no answer."""
        if term.kind in CAP_WORDS:
            return self._transport_cap(term, para)
        handler = self.replies.get(family(term))
        return handler(term, para) if handler is not None else NONE

    def _notice(self, term: Term, para: Para) -> Reply:
        ours = self.reference("notice")
        if ours is None or ours.get("n") is None or ours.get("unit") not in WORKING_DAYS:
            return NONE
        edit = replies.notice_edit(term, ours.get("n"))
        return [edit], self.outward.notice(term, ours, keep=False)

    def _core(self, term: Term, para: Para) -> Reply:
        ours = self.reference("core_hours")
        if ours is None:
            return NONE
        start, end = ours.get("start"), ours.get("end")
        if term.kind == "availability":
            return [replies.whole_day_edit(term, start, end)], self.outward.whole_day(ours)
        return replies.core_edits(term, start, end), self.outward.core(term, ours, keep=False)

    def _days(self, term: Term, para: Para) -> Reply:
        ours = self.reference("days")
        edit = replies.cap_edit(term, ours.get("per_week")) if ours is not None else None
        if edit is None or ours is None:
            return NONE
        return [edit], self.outward.cap(ours.get("label"))

    def _termination(self, term: Term, para: Para) -> Reply:
        ours = self.reference("termination")
        if ours is None or not ours.get("months"):
            return NONE
        edit = replies.termination_edit(term, ours.get("months"))
        if edit is None:
            return NONE
        return [edit], self.outward.termination(term, ours.get("label"))

    def _amount(self, term: Term, para: Para) -> Reply:
        ours = self.reference("amount")
        edit = replies.amount_edit(term, ours.get("amount")) if ours is not None else None
        if edit is None or ours is None:
            return NONE
        return [edit], self.outward.amount(ours.get("label"))

    def _tax(self, term: Term, para: Para) -> Reply:
        return [replies.tax_edit(term)], self.outward.tax()

    def _compulsion(self, term: Term, para: Para) -> Reply:
        return [replies.delete_sentence(term, para.text)], self.outward.compulsion()

    def _suspension(self, term: Term, para: Para) -> Reply:
        edit = replies.delete_sentence(term, para.text, refers_back=True)
        return [edit], self.outward.suspension(term)

    def _equipment(self, term: Term, para: Para) -> Reply:
        for position in self.positions:
            paragraphs = position.clause(self.library, self.topic("equipment"))
            if paragraphs:
                sentence = split_sentences(paragraphs[0].text)[0][1].strip()
                edit = replies.replace_sentence(term, para.text, sentence)
                return [edit], self.outward.equipment(sentence)
        return NONE

    def _effective(self, term: Term, para: Para) -> Reply:
        return [replies.span_edit(term, NEW_ENTRY)], self.outward.effective(term)

    def transport_paragraphs(self) -> list[tuple[str, bool]]:
        """Our transport paragraphs that give the clause its consequence (time, allowance) and
        limit it (the caps)."""
        for position in self.positions:
            keep = []
            for p in position.clause(self.library, "transport"):
                kinds = {t.kind for t in text_terms(p.text, "transport") if not t.negated}
                if kinds & {"transport_time", "transport_allowance", *CAP_WORDS}:
                    keep.append((p.text, p.bullet))
            if keep:
                return keep
        return []

    def _transport(self, term: Term, para: Para) -> Reply:
        keep = self.transport_paragraphs()
        if not keep:
            return NONE
        edit = replies.insert_after(para.index, keep, stk=True, keys=self.new_key)
        return [edit], self.outward.transport_added()

    def _transport_cap(self, term: Term, para: Para) -> Reply:
        """A cap on the allowance or the travel time lower than ours (set to ours), or one our
        position does not have (its sentence deleted)."""
        subject, why = CAP_WORDS[term.kind]
        ours = self.reference(term.kind, of="transport")
        if ours is None:
            if _grants_too(term, para.text):
                return NONE  # the sentence also grants the time or the allowance: not ours to cut
            edit = replies.delete_sentence(term, para.text)
            return [edit], (f"Vi foreslår sætningen om loftet over {subject} slettet, som i vores "
                            "udkast.", why)  # fmt: skip
        size = CAP_SIZE.search(term.quote)
        if size is None:
            return NONE
        start, end = term.start + size.start(), term.start + size.end()
        edit = Edit("span", term.para, start, end, ours.get("size"))
        return [edit], (f"Vi foreslår loftet over {subject} sat til {ours.get('label')} som i "
                        "vores udkast.", why)  # fmt: skip


def _grants_too(term: Term, para_text: str) -> bool:
    """Whether the sentence that sets a cap also grants travel time or the allowance."""
    for offset, sentence in split_sentences(para_text):
        if offset <= term.start < offset + len(sentence):
            return any(t.kind in GRANTS and not t.negated for t in text_terms(sentence, term.topic))
    return False
