"""The overview's assessment column: whose favour a change is in, filled only when sure.

An assessor is any callable that takes the facts of one change and returns a Danish sentence
or None. Three are built in: what the change does to the clause's terms, read as `aftale tjek`
reads a change against our version (same sentence, direction and source), the clause library
(does the changed clause now match another of its variants, or other values of the same one?)
and `tjek`'s findings on the newer version in the changed clause's topic. Others plug in through
`compare_versions(..., assessors=[...])`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from assembler.records import Record

if TYPE_CHECKING:  # the library and the rules load only when the overview assesses
    from assembler.library.model import Library, Topic, Variant
    from assembler.rules.model import Finding


class ChangeFacts(Record):
    """What an assessor is told about one change (whole texts, not excerpts)."""

    _fields = (
        "agreement",
        "topic",
        "kind",
        "before",
        "after",
        "clause_before",
        "clause_after",
        "topic_before",
        "topic_after",
        "unpaired",
    )
    __slots__ = _fields

    def __init__(
        self,
        agreement: str,  # 'lokal', 'individuel' or '' when unknown
        topic: str,  # the library's topic id, or ''
        kind: str,  # a ChangeRow kind: changed, inserted, deleted, moved, clause_inserted, …
        before: str,  # the older paragraph ('' when none)
        after: str,  # the newer paragraph
        clause_before: str | None,  # the clause's whole body in the older version; None if absent
        clause_after: str | None,  # … in the newer version
        # the topic's whole body in the older / newer version wherever it stands; None if absent
        topic_before: str | None = None,
        topic_after: str | None = None,
        # the clause has paragraphs added and removed that the comparison did not pair (a reworded
        # paragraph may be one of each): its terms are weighed for the clause as a whole
        unpaired: bool = False,
    ) -> None:
        self.agreement = agreement
        self.topic = topic
        self.kind = kind
        self.before = before
        self.after = after
        self.clause_before = clause_before
        self.clause_after = clause_after
        self.topic_before = topic_before
        self.topic_after = topic_after
        self.unpaired = unpaired


class Assessor(Protocol):
    """Says whose favour a change is in, or None when it cannot be sure."""

    def __call__(self, change: ChangeFacts) -> str | None: ...


def _named(variant: Variant) -> str:
    return f"'{variant.name}' ({variant.position.lower()})"


# Rows whose own text is assessed as a change: a paragraph changed, added, removed or moved and
# edited, and a whole clause added or removed (its body then counts as one text, as in tjek).
PARAGRAPH_KINDS = ("changed", "inserted", "deleted", "moved")
WHOLE_CLAUSE_KINDS = ("clause_inserted", "clause_deleted")
SURE = ("medarbejderne", "arbejdsgiveren", "begge", "neutral")  # not 'uafklaret'


class TermsAssessor:
    """What the change does to the clause's terms, as `aftale tjek` says it: its sentence, whose
    favour it is in and its source (assembler/audit/assess.assess_change)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        # the rounds of v1 → v2 → v3 repeat a change in the round that made it and the whole one
        self._memo: dict[tuple[str, str, str, str, str | None], str | None] = {}

    def __call__(self, change: ChangeFacts) -> str | None:
        """'Loftet … er fjernet, så … Ændringen er til fordel for medarbejderne. Kilde: S1 (…).'"""
        if not change.topic or change.agreement not in ("lokal", "individuel"):
            return None
        texts = self._texts(change)
        if texts is None:
            return None
        key = (change.agreement, change.topic, *texts)
        if key not in self._memo:
            self._memo[key] = self._assess(*key)
        return self._memo[key]

    def _assess(
        self, agreement: str, topic: str, before: str, after: str, rest: str | None
    ) -> str | None:
        from assembler.audit.assess import assess_change  # the terms reader, only when assessed

        result = assess_change(topic, before, after, self.library, agreement, rest=rest)
        if result.favour not in SURE or not result.effects:
            return None  # only wording changed, or the program cannot tell: no sentence
        head, tail = _effects_first(result.text)
        # a neutral effect says why itself ('det har ingen selvstændig betydning, da …')
        favour = "" if result.favour == "neutral" else f" Ændringen er {result.favour_da}."
        text = f"{head}{favour}{tail}"
        return f"{text} Kilde: {result.source}." if result.source else text

    @staticmethod
    def _texts(change: ChangeFacts) -> tuple[str, str, str | None] | None:
        """(older text, newer text, rest of the newer clause) to assess, or None for a row whose
        text is not a change of its own (formatting, a heading, a paragraph moved unchanged)."""
        if change.kind in WHOLE_CLAUSE_KINDS:  # the topic's text before and after, as in tjek
            before = change.topic_before or change.clause_before or ""
            return before, change.topic_after or change.clause_after or "", None
        if change.kind not in PARAGRAPH_KINDS:
            return None
        if change.kind == "moved" and not change.before:
            return None  # moved unchanged: nothing in the terms changed
        if change.clause_before is not None and (change.unpaired or _undone(change)):
            return change.clause_before, change.clause_after or "", None
        if change.clause_after is None and change.clause_before is not None:
            return None  # the whole clause is removed: said once, on its heading's row
        new_clause = change.clause_before is None and change.clause_after is not None
        if change.kind == "inserted" and new_clause:
            return None  # the whole clause is new: said once, on its heading's row
        before = change.before if change.kind != "inserted" else ""
        whole = change.clause_after
        rest = None
        if whole is not None:
            rest = whole.replace(change.after, "", 1) if change.after else whole
        return before, change.after, rest


def _flat(text: str) -> str:
    return " ".join(text.split())


def _undone(change: ChangeFacts) -> bool:
    """Whether the newer clause as read (with the version's own tracked changes accepted) does
    not hold what the row shows: its own changes take the row's change back or change it again,
    so only the clause as a whole says what changed."""
    if change.clause_after is None:
        return False
    clause = _flat(change.clause_after)
    if change.after:
        return _flat(change.after) not in clause
    return bool(change.before) and _flat(change.before) in clause


# The sentences assess_change may add after the effects' sentence (the favour belongs to that one)
AFTER_EFFECTS = (" Ingen af vores standardformuleringer", " Teksten svarer nu til")


def _effects_first(text: str) -> tuple[str, str]:
    """(the effects' sentence, the sentences after it) of an assessment's text."""
    cuts = [at for marker in AFTER_EFFECTS if (at := text.find(marker)) > 0]
    at = min(cuts, default=len(text))
    return text[:at], text[at:]


class LibraryAssessor:
    """Compares a changed clause with the clause library's variants of its topic."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._memo: dict[tuple[str, str, str | None, str | None], str | None] = {}
        # a version's clause recurs in several rounds (v1 → v2, v1 → v3): matched once
        self._variants: dict[tuple[str, str, str], tuple[Variant, dict[str, str]] | None] = {}

    def __call__(self, change: ChangeFacts) -> str | None:
        """A sentence when the clause matches a variant after the change, or no longer does."""
        if not change.topic or not change.agreement or change.clause_after is None:
            return None
        key = (change.agreement, change.topic, change.clause_before, change.clause_after)
        if key not in self._memo:
            self._memo[key] = self._assess(*key)
        return self._memo[key]

    def _assess(
        self, agreement: str, topic_id: str, before: str | None, after: str | None
    ) -> str | None:
        if before is not None and before == after:
            return None  # the clause reads as before: it matches what it matched
        try:
            topic = self.library.topic(agreement, topic_id)
        except KeyError:
            return None
        new = self._variant_of(agreement, topic, after or "")
        old = self._variant_of(agreement, topic, before) if before is not None else None
        if new is not None and before is None:
            return f"Punktet svarer til bibliotekets variant {_named(new[0])}."
        if new is None:
            if old is None:
                return None
            return (
                f"Punktet afviger nu fra bibliotekets variant {_named(old[0])} og svarer ikke "
                "til nogen variant i klausulbiblioteket."
            )
        if old is None:
            return f"Punktet svarer nu til bibliotekets variant {_named(new[0])}."
        if old[0].id != new[0].id:
            return (
                f"Punktet svarer nu til bibliotekets variant {_named(new[0])} i stedet for "
                f"{_named(old[0])}."
            )
        labels = {p.name: p.label for p in topic.params_for(new[0].id)}
        shifted = [
            f"{_label(labels, name)}: {value} → {new[1].get(name, '(udeladt)')}"
            for name, value in old[1].items()
            if new[1].get(name) != value
        ]
        if not shifted:
            return None
        values = "; ".join(shifted)
        return (
            f"Punktet er stadig bibliotekets variant {_named(new[0])} med andre værdier: {values}."
        )

    def _variant_of(
        self, agreement: str, topic: Topic, text: str
    ) -> tuple[Variant, dict[str, str]] | None:
        key = (agreement, topic.id, text)
        if key not in self._variants:
            from assembler.compare.variants import variant_of

            self._variants[key] = variant_of(topic, text)
        return self._variants[key]


class FindingsAssessor:
    """`aftale tjek`'s findings on the newer version, for the changes in their topic's clause."""

    def __init__(self, findings: list[Finding]) -> None:
        self.by_topic: dict[str, list[Finding]] = {}
        for finding in findings:
            if finding.topic:
                self.by_topic.setdefault(finding.topic, []).append(finding)

    def __call__(self, change: ChangeFacts) -> str | None:
        """Each finding on the change's topic, with its rule, severity and source."""
        findings = self.by_topic.get(change.topic, [])
        if not findings:
            return None
        return "\n".join(
            f"{f.rule} ({f.severity}): {f.message_da} Kilde: {f.source}." for f in findings
        )


def _label(labels: dict[str, str], name: str) -> str:
    """A parameter's label; values read together ("hverv__navn") get both labels."""
    return " ".join(labels.get(part, part) for part in name.split("__"))
