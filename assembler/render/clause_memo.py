"""Remember rendered clauses: in a batch most employees share most clauses word for word.

A clause's paragraphs depend only on the variant text, the sector and the values its placeholders
and conditions name. The memo key is exactly those, so a hit returns what render_clause would.
"""

from __future__ import annotations

from typing import Any

from assembler.library.model import Library, Topic
from assembler.library.placeholders import PLACEHOLDER, parse_ref
from assembler.render.clause_text import CONDITION, Paragraph, Scope, render_clause, split_blocks

MAX_ENTRIES = 4096
_REFS: dict[tuple[int, str, str, str], tuple[tuple[str, str, str], ...]] = {}
_MEMO: dict[tuple[Any, ...], list[Paragraph]] = {}
_OWNER: list[Library] = []


def _names(topic: Topic, variant_id: str) -> tuple[tuple[str, str, str], ...]:
    """(scope, topic, name) of every placeholder and condition in the variant's text."""
    key = (id(topic), topic.agreement, topic.id, variant_id)
    found = _REFS.get(key)
    if found is None:
        raw: list[str] = []
        for block, _ in split_blocks(topic.variant(variant_id).text):
            if condition := CONDITION.match(block):
                raw.append(condition.group(2))
            raw += [m.group(1) for m in PLACEHOLDER.finditer(block)]
        refs = [parse_ref(name, topic.id) for name in raw]
        found = tuple(dict.fromkeys((r.scope, r.topic, r.name) for r in refs))
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
    values = []
    for ref_scope, ref_topic, name in _names(topic, variant_id):
        if ref_scope == "global":
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
