"""Remember rendered clauses: in a batch most employees share most clauses word for word.

A clause's paragraphs depend only on the variant text, the sector and the values its placeholders
and conditions name. The memo key is exactly those, so a hit returns what render_clause would.
Working those values out costs more than rendering from the memo, so each key is also found by
identity: the topic answers the clause reads (the sheet reader shares equal ones between
employees) are the same objects for most employees, and the same objects give the same key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from assembler.library.model import Library, Topic
from assembler.library.placeholders import (
    DERIVED_TEXT,
    PLACEHOLDER,
    VARIANT_NAME,
    clause_refs_in,
    parse_ref,
    split_blocks,
    split_conditions,
)
from assembler.render.clause_text import Paragraph, Scope, reference_text, render_clause
from assembler.render.derived import derived_fact, derived_text
from assembler.render.topics import topic_of

T = TypeVar("T")
MAX_ENTRIES = 4096
PER_CLAUSE = 64  # distinct renderings kept per clause variant (see _paragraphs)
# What a memo key reads, per reference: (kind, from the local agreement?, topic, name or labels).
Spec = tuple[int, bool, str, Any]
DERIVED_VALUE, DERIVED_FLAG, CLAUSE_REF, VARIANT, VALUE = range(5)
_REFS: dict[tuple[int, str, str, str], tuple[Spec, ...]] = {}
_MEMO: dict[tuple[Any, ...], list[Paragraph]] = {}
_OWNER: list[Library] = []
# Per memo key and view function: what a caller made of the paragraphs (e.g. context records).
_VIEWS: dict[tuple[Any, ...], Any] = {}
_KEPT: dict[tuple[Any, ...], int] = {}  # renderings kept per (agreement, topic, variant)
# Memo key by the identity of what it reads: (objects kept alive, so their ids stay theirs; key).
_BY_IDENTITY: dict[tuple[Any, ...], tuple[list[object], tuple[Any, ...]]] = {}


def _names(topic: Topic, variant_id: str) -> tuple[tuple[str, str, str], ...]:
    """(scope, topic, name) of every placeholder, condition and cross-reference in the text;
    a cross-reference has scope "§" (this agreement) or "§lokal" and its paragraph names."""
    text = topic.variant(variant_id).text
    refs = []
    for block, _ in split_blocks(text):
        conditions, _body = split_conditions(block, topic.id)
        refs += [c.ref for c in conditions]
        refs += [parse_ref(m.group(1), topic.id) for m in PLACEHOLDER.finditer(block)]
    names = [(r.scope, r.topic, r.name) for r in refs]
    names += [
        ("§lokal" if c.local else "§", c.topic, ".".join(c.labels)) for c in clause_refs_in(text)
    ]
    return tuple(dict.fromkeys(names))


def _specs(topic: Topic, variant_id: str) -> tuple[Spec, ...]:
    """What the memo key of a clause reads, worked out once per variant from _names."""
    key = (id(topic), topic.agreement, topic.id, variant_id)
    found = _REFS.get(key)
    if found is None:
        specs: list[Spec] = []
        for ref_scope, ref_topic, name in _names(topic, variant_id):
            if ref_scope == "global":
                continue
            if ref_scope == "derived":
                specs.append(
                    (DERIVED_VALUE if name in DERIVED_TEXT else DERIVED_FLAG, False, "", name)
                )
            elif ref_scope in ("§", "§lokal"):
                labels = tuple(x for x in name.split(".") if x)
                specs.append((CLAUSE_REF, ref_scope == "§lokal", ref_topic, labels))
            else:
                kind = VARIANT if name == VARIANT_NAME else VALUE
                specs.append((kind, ref_scope == "lokal", ref_topic or topic.id, name))
        found = _REFS[key] = tuple(specs)
    return found


def _frozen(value: object) -> object:
    """A hashable stand-in for an answer value (lists become tuples)."""
    return tuple(value) if isinstance(value, list) else value


def _own(library: Library) -> None:
    """Forget everything remembered for another library."""
    if not _OWNER or _OWNER[0] is not library:
        _OWNER[:] = [library]
        _MEMO.clear()
        _REFS.clear()
        _VIEWS.clear()
        _KEPT.clear()
        _BY_IDENTITY.clear()


def _identity(
    topic: Topic, variant_id: str, scope: Scope, resolve_labels: bool, keep: list[object]
) -> tuple[Any, ...]:
    """What _key reads, by identity: equal tuples (with `keep` alive) mean equal memo keys.

    Per reference: a topic answer of this agreement (the local agreement is one object for the
    whole batch); for a cross-reference also the target's § number and, when it names
    paragraphs, the target clause's own identity (rendered without resolving names, as
    _label_numbers does); derived values are computed, as in _key.
    """
    agreement, local = scope.agreement, scope.local
    found: list[object] = [
        topic.agreement, topic.id, variant_id, scope.sector, scope.date, resolve_labels, id(local)
    ]  # fmt: skip
    keep.append(local)
    for kind, from_local, ref_topic, name in _specs(topic, variant_id):
        if from_local and kind not in (DERIVED_VALUE, DERIVED_FLAG):
            continue  # read from the local agreement: id(local) above
        if kind in (VALUE, VARIANT):
            answer = agreement.topics.get(ref_topic)
            keep.append(answer)
            found.append(id(answer))
        elif kind == CLAUSE_REF:
            answer = agreement.topics.get(ref_topic)
            keep.append(answer)
            target: tuple[Any, ...] | None = None
            if name and resolve_labels and answer is not None:
                other = topic_of(scope.library, agreement.agreement, ref_topic)
                target = _identity(other, answer.variant, scope, False, keep)
            found.append((scope.numbers.get(ref_topic), id(answer), target))
        elif kind == DERIVED_VALUE:
            found.append(derived_text(name, agreement, local))
        else:
            found.append(derived_fact(name, agreement, local, scope.date))
    return tuple(found)


def _fast_key(topic: Topic, variant_id: str, scope: Scope) -> tuple[Any, ...]:
    """_key(topic, variant_id, scope), found by the identity of what it reads when it can be."""
    _own(scope.library)
    if scope.misses is not None:  # the caller collects unresolved references: work them out
        return _key(topic, variant_id, scope)
    keep: list[object] = []
    identity = _identity(topic, variant_id, scope, scope.resolve_labels, keep)
    hit = _BY_IDENTITY.get(identity)
    if hit is not None:
        return hit[1]
    key = _key(topic, variant_id, scope)
    if len(_BY_IDENTITY) >= MAX_ENTRIES:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[identity] = (keep, key)
    return key


def _key(topic: Topic, variant_id: str, scope: Scope) -> tuple[Any, ...]:
    """The memo key: the clause, the sector and every value its text depends on."""
    _own(scope.library)
    values: list[tuple[object, object]] = []
    agreement, local = scope.agreement, scope.local
    for kind, from_local, ref_topic, name in _specs(topic, variant_id):
        if kind == VALUE:
            value = (local if from_local else agreement).value(ref_topic, name)
            values.append((type(value).__name__, _frozen(value)))
        elif kind == VARIANT:
            values.append(("variant", (local if from_local else agreement).variant(ref_topic)))
        elif kind == CLAUSE_REF:
            shown = reference_text(from_local, ref_topic, name, scope)
            values.append((shown, None if from_local else agreement.variant(ref_topic)))
        elif kind == DERIVED_VALUE:
            values.append(("derived", derived_text(name, agreement, local)))
        else:
            values.append(("derived", derived_fact(name, agreement, local, scope.date)))
    return (topic.agreement, topic.id, variant_id, scope.sector, tuple(values))


def _paragraphs(
    key: tuple[Any, ...], topic: Topic, variant_id: str, scope: Scope
) -> tuple[list[Paragraph], bool]:
    """The paragraphs for a key (not to be modified), and whether they are remembered.

    A clause that names the employee renders differently for everyone: after PER_CLAUSE
    distinct renderings of one variant, new ones are no longer kept (memory stays flat and the
    shared clauses stay remembered).
    """
    hit = _MEMO.get(key)
    if hit is not None:
        return hit, True
    paragraphs = render_clause(topic, variant_id, scope)
    kept = _KEPT.get(key[:3], 0)
    if kept >= PER_CLAUSE:
        return paragraphs, False
    if len(_MEMO) >= MAX_ENTRIES:
        _MEMO.clear()
        _VIEWS.clear()
        _KEPT.clear()
    _MEMO[key] = paragraphs
    _KEPT[key[:3]] = kept + 1
    return paragraphs, True


def clause(topic: Topic, variant_id: str, scope: Scope) -> list[Paragraph]:
    """render_clause, remembered by the values the clause depends on."""
    key = _fast_key(topic, variant_id, scope)
    return list(_paragraphs(key, topic, variant_id, scope)[0])


def clause_view(
    topic: Topic, variant_id: str, scope: Scope, view: Callable[[Topic, str, list[Paragraph]], T]
) -> T:
    """view(topic, variant, clause(...)), remembered with the clause: shared, never modify it."""
    key = _fast_key(topic, variant_id, scope)
    made = _VIEWS.get((view, key))
    if made is None:
        paragraphs, kept = _paragraphs(key, topic, variant_id, scope)
        made = view(topic, variant_id, list(paragraphs))
        if kept:
            _VIEWS[(view, key)] = made
    return made
