"""The overview's assessment column: whose favour a change is in, filled only when sure.

An assessor is any callable that takes the facts of one change and returns a Danish sentence
or None. Two are built in: the clause library (does the changed clause now match another of
its variants, or other values of the same one?) and `tjek`'s findings on the newer version in
the changed clause's topic. Others, such as a per-change assessment from the audit, plug in through
`compare_versions(..., assessors=[...])`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:  # the library and the rules load only when the overview assesses
    from assembler.library.model import Library, Variant
    from assembler.rules.model import Finding


class ChangeFacts(NamedTuple):
    """What an assessor is told about one change (whole texts, not excerpts)."""

    agreement: str  # 'lokal', 'individuel' or '' when unknown
    topic: str  # the library's topic id, or ''
    kind: str  # a ChangeRow kind: changed, inserted, deleted, moved, clause_inserted, …
    before: str  # the older paragraph ('' when none)
    after: str  # the newer paragraph
    clause_before: str | None  # the clause's whole body in the older version; None if absent
    clause_after: str | None  # … in the newer version


class Assessor(Protocol):
    """Says whose favour a change is in, or None when it cannot be sure."""

    def __call__(self, change: ChangeFacts) -> str | None: ...


def _named(variant: Variant) -> str:
    return f"'{variant.name}' ({variant.position.lower()})"


class LibraryAssessor:
    """Compares a changed clause with the clause library's variants of its topic."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._memo: dict[tuple[str, str, str | None, str | None], str | None] = {}

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
        from assembler.compare.variants import variant_of

        try:
            topic = self.library.topic(agreement, topic_id)
        except KeyError:
            return None
        new = variant_of(topic, after or "")
        old = variant_of(topic, before) if before is not None else None
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
