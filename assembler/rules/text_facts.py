"""What a draft's wording does, as plain data for the text-level rules R90–R99.

The audit (assembler/audit/terms) reads each sentence of a draft into Terms: a notice period, a
cap on home days, core hours, an amount, who may decide what. A Term remembers the paragraph and
the words that set it, so a finding can quote them and a comment can be anchored on them.
Answers never carry TextFacts (the field stays None): these rules judge wording, not choices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from assembler.records import Record

# The kinds of term the reader produces (assembler/audit/terms/*).
TERM_KINDS = (
    "notice",  # notice before a call-in on a planned home day
    "termination",  # notice for terminating an agreement
    "days",  # days of home work (a cap when values["limit"])
    "core_hours",  # a window in which staff must be reachable
    "availability",  # other availability rules (calendar, whole working day)
    "amount",  # a sum of money
    "costs",  # how costs are handled (documented, none, in the individual agreement)
    "tax_free",  # a cash allowance called tax-free
    "equipment",  # private equipment used for the work
    "transport_time",  # travel time counted as working time (or explicitly not)
    "transport_allowance",  # transport allowance paid (or explicitly not)
    "transport_start",  # the home as the starting point of a trip
    "transport_km_cap",  # a cap on the distance the allowance is paid for ("højst 50 kilometer")
    "transport_time_cap",  # a cap on the travel time counted ("højst med én time hver vej")
    "call_in",  # a power to require attendance on a planned home day
    "change_power",  # a power to change planned home days or the agreement
    "suspension",  # a power to suspend or revoke home work
    "compulsion",  # home work imposed on staff (voluntariness negated)
    "voluntary",  # home work stated to be voluntary
    "hiring_condition",  # home work as a condition of employment
    # What other clauses provide (assembler/audit/features.py), read also from unchanged text:
    "effective",  # the date the agreement takes effect ("træder i kraft den 1. marts 2027")
    "part_time_adjusted",  # the availability window is adjusted for part-timers
    "replacement_day",  # a called-in home day is replaced by another day
    "off_hours",  # staff need not be reachable outside their working time
    "urgent",  # a shorter call-in notice in urgent cases
    "precedence",  # a more favourable individual agreement prevails
    "worsening",  # a change that worsens terms waits for the individual notice
    "individual_not_before",  # an individual agreement cannot take effect before the local one
)


class Term(Record):
    """One term a sentence sets, where it stands and the words that set it."""

    _fields = ("kind", "values", "para", "start", "end", "quote", "topic", "negated")
    __slots__ = _fields

    def __init__(
        self,
        kind: str,
        values: Mapping[str, Any],
        para: int,  # index of the paragraph in the draft (-1 for free text)
        start: int,  # span of the words in the paragraph's text
        end: int,
        quote: str,
        topic: str = "",  # the topic of the section the paragraph belongs to ('' when unknown)
        negated: bool = False,  # the sentence says the opposite ("kan ikke pålægge …")
    ) -> None:
        self.kind = kind
        self.values = values
        self.para = para
        self.start = start
        self.end = end
        self.quote = quote
        self.topic = topic
        self.negated = negated

    def get(self, name: str, default: Any = None) -> Any:
        """One value of the term."""
        return self.values.get(name, default)


class TextFacts(Record):
    """Every term read from a draft's wording, and what could not be determined."""

    _fields = (
        "terms",
        "topics",
        "read_topics",
        "unread",
        "agreement",
        "dated",
        "dated_from",
        "ours",
    )
    __slots__ = _fields

    def __init__(
        self,
        terms: tuple[Term, ...] = (),
        topics: frozenset[str] = frozenset(),  # the topics the draft has (headings, bookmarks)
        read_topics: frozenset[str] = frozenset(),  # topics whose text was read (all, or edited)
        unread: tuple[tuple[str, str], ...] = (),  # (topic, what its text did not let us determine)
        agreement: str = "lokal",
        dated: dt.date | None = None,  # the date the draft itself carries
        dated_from: str = "",  # where that date was read (Danish: "sidehovedet", …)
        ours: tuple[Term, ...] = (),  # the terms of our last version, when we know it
    ) -> None:
        self.terms = terms
        self.topics = topics
        self.read_topics = read_topics
        self.unread = unread
        self.agreement = agreement
        self.dated = dated
        self.dated_from = dated_from
        self.ours = ours

    def our(self, kind: str) -> Term | None:
        """The first term of a kind in our last version (None when unknown or absent)."""
        return next((t for t in self.ours if t.kind == kind and not t.negated), None)

    def of(self, kind: str, *, negated: bool | None = False) -> list[Term]:
        """Terms of a kind (by default only those not negated)."""
        return [
            t for t in self.terms if t.kind == kind and (negated is None or t.negated == negated)
        ]

    def first(self, kind: str, *, negated: bool | None = False) -> Term | None:
        """The first term of a kind, or None."""
        found = self.of(kind, negated=negated)
        return found[0] if found else None

    def in_topic(self, topic: str, kinds: tuple[str, ...]) -> list[Term]:
        """Terms of the given kinds read in one topic's section (negated ones included)."""
        return [t for t in self.terms if t.topic == topic and t.kind in kinds]
