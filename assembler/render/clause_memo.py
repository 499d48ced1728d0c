"""Remember rendered clauses: in a batch most employees share most clauses word for word.

A clause's paragraphs depend only on the variant text, the sector and the values its placeholders
and conditions name. The memo key is exactly those, so a hit returns what render_clause would.
"""

from __future__ import annotations

from typing import Any

from assembler.library.model import Library, Topic
from assembler.library.placeholders import (
    PLACEHOLDER,
    clause_refs_in,
    parse_ref,
    split_blocks,
    split_conditions,
)
from assembler.render.clause_text import Paragraph, Scope, render_clause
from assembler.render.derived import derived_fact

MAX_ENTRIES = 4096
_REFS: dict[tuple[int, str, str, str], tuple[tuple[str, str, str], ...]] = {}
_MEMO: dict[tuple[Any, ...], list[Paragraph]] = {}
_OWNER: list[Library] = []


def _names(topic: Topic, variant_id: str) -> tuple[tuple[str, str, str], ...]:
    """(scope, topic, name) of every placeholder, condition and cross-reference in the text;
    a cross-reference has scope "§" (this agreement) or "§lokal"."""
    key = (id(topic), topic.agreement, topic.id, variant_id)
    found = _REFS.get(key)
    if found is None:
        text = topic.variant(variant_id).text
        refs = []
        for block, _ in split_blocks(text):
            conditions, _body = split_conditions(block, topic.id)
            refs += [c.ref for c in conditions]
            refs += [parse_ref(m.group(1), topic.id) for m in PLACEHOLDER.finditer(block)]
        names = [(r.scope, r.topic, r.name) for r in refs]
        names += [("§lokal" if c.local else "§", c.topic, "") for c in clause_refs_in(text)]
        found = tuple(dict.fromkeys(names))
        _REFS[key] = found
    return found


def _frozen(value: object) -> object:
    """A hashable stand-in for an answer value (lists become tuples)."""
    return tuple(value) if isinstance(value, list) else value


def clause(topic: Topic, variant_id: str, scope: Scope) -> list[Paragraph]:
    """render_clause, remembered by the values the clause depends on."""
    if not _OWNER or _OWNER[0] is not scope.library:
        _OWNER[:] = [scope.library]
        _MEMO.clear()
        _REFS.clear()
    values: list[tuple[object, object]] = []
    for ref_scope, ref_topic, name in _names(topic, variant_id):
        if ref_scope == "global":
            continue
        if ref_scope == "derived":
            values.append(("derived", derived_fact(name, scope.agreement, scope.local, scope.date)))
            continue
        if ref_scope == "§":
            values.append((scope.numbers.get(ref_topic), scope.agreement.variant(ref_topic)))
            continue
        if ref_scope == "§lokal":
            values.append(("lokal", scope.local_numbers.get(ref_topic)))
            continue
        source = scope.local if ref_scope == "lokal" else scope.agreement
        value = source.value(ref_topic or topic.id, name)
        values.append((type(value).__name__, _frozen(value)))
    key = (topic.agreement, topic.id, variant_id, scope.sector, tuple(values))
    hit = _MEMO.get(key)
    if hit is None:
        if len(_MEMO) >= MAX_ENTRIES:
            _MEMO.clear()
        hit = _MEMO[key] = render_clause(topic, variant_id, scope)
    return list(hit)
