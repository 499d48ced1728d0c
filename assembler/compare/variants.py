"""Recognise which variant of the clause library a clause's text is, and with which values.

A variant's text is a template: placeholders, bullets, '[hvis x]' paragraphs and paragraphs left
out when an optional answer is empty (clause_library/FORMAT.md). A clause matches a variant when
its paragraphs can be produced by the template with some answers; those answers are returned.
Matching never guesses: no match, or more than one variant matching, means 'unknown'.
"""

from __future__ import annotations

from typing import Any

from assembler.library.model import Topic, Variant
from assembler.library.placeholders import CONDITION, PLACEHOLDER, REFERENCE, parse_ref
from assembler.records import Record
from assembler.regex import LazyPattern
from assembler.render.clause_text import split_blocks

ADJACENT = LazyPattern(rf"{PLACEHOLDER.pattern}(?:\s+{PLACEHOLDER.pattern})+")
REF_PREFIX = "xref_"  # a clause reference matches like a value ("§ 9"); never reported as one
MAX_STEPS = 20_000  # bound on the paragraph search: untrusted text never costs more than this


class _Block(Record):
    """One template paragraph: its text, whether it may be absent, whether it repeats."""

    _fields = ("text", "optional", "repeats", "present", "absent")
    __slots__ = _fields

    def __init__(
        self,
        text: str,
        optional: bool,
        repeats: str,  # the list/paragraphs parameter it expands, or ''
        # '[hvis x]' conditions as ('?x=value', '1' when present means true else '0'); when the
        # paragraph's absence can only come from them, being absent fixes them the other way.
        present: dict[str, str],
        absent: dict[str, str],
    ) -> None:
        self.text = text
        self.optional = optional
        self.repeats = repeats
        self.present = present
        self.absent = absent


def _flat(text: str) -> str:
    return " ".join(text.split())


def fill_values(template: str, text: str) -> dict[str, str] | None:
    """The placeholder values that turn one template paragraph into `text`, or None.

    Literal parts are found left to right (no backtracking, so hostile text costs linear
    time); an ambiguous template (two placeholders side by side) never matches.
    """
    parts = PLACEHOLDER.split(_flat(template))
    flat = _flat(text)
    if len(parts) == 1:
        return {} if flat == parts[0] else None
    if not flat.startswith(parts[0]):
        return None
    pos = len(parts[0])
    values: dict[str, str] = {}
    for k in range(1, len(parts), 2):
        name, literal = parts[k], parts[k + 1]
        if k + 2 >= len(parts):  # the last placeholder runs up to the closing literal
            end = len(flat) - len(literal)
            if not flat.endswith(literal) or end <= pos:
                return None
        else:
            end = flat.find(literal, pos + 1) if literal else -1
            if end < 0:
                return None
        value = flat[pos:end].strip()
        if not value or values.setdefault(name, value) != value:
            return None
        pos = end + len(literal)
    return values


_BLOCKS: dict[tuple[int, int], tuple[Any, ...]] = {}  # (topic, variant, blocks) by their ids
MAX_BLOCKS = 512


def _blocks(topic: Topic, variant: Variant) -> list[_Block]:
    """The variant's template paragraphs with what may vary about each, worked out once per
    variant (every clause matched against the topic reads them; nothing changes them)."""
    key = (id(topic), id(variant))
    kept = _BLOCKS.get(key)
    if kept is None or kept[0] is not topic or kept[1] is not variant:  # kept alive, so not reused
        if len(_BLOCKS) >= MAX_BLOCKS:
            _BLOCKS.clear()
        kept = _BLOCKS[key] = (topic, variant, _read_blocks(topic, variant))
    blocks: list[_Block] = kept[2]
    return blocks


def _read_blocks(topic: Topic, variant: Variant) -> list[_Block]:
    params = {p.name: p for p in topic.params_for(variant.id)}
    out = []
    for text, _bullet in split_blocks(variant.text):
        body, present, named = text, {}, set()
        while condition := CONDITION.match(body):
            negated, name, value = condition.group(1), condition.group(2), condition.group(3)
            present[f"?{name}={value or ''}"] = "0" if negated else "1"
            if not negated and value is None:  # '[hvis x] … {{ x }}': x empty means false anyway
                named.add(name)
            body = body[condition.end() :]
        # one name per clause and paragraphs referred to: "§ 10, stk. 2" and "§ 10, stk. 3" differ
        body = REFERENCE.sub(
            lambda m: f"{{{{ {REF_PREFIX}{m.group(2)}{m.group(3).replace('.', '__')} }}}}", body
        )
        refs = [parse_ref(m.group(1), topic.id) for m in PLACEHOLDER.finditer(body)]
        own = [params[r.name] for r in refs if r.scope == "" and r.name in params]
        # Values side by side ("{{ hverv }} {{ navn }}") cannot be told apart: read them as one,
        # named "hverv__navn" (ids never hold a double underscore).
        body = ADJACENT.sub(
            lambda m: "{{ " + "__".join(PLACEHOLDER.findall(m.group(0))) + " }}", body
        )
        empty_allowed = any(not p.required and p.name not in named for p in own)
        optional = bool(present) or empty_allowed
        # A paragraph under one condition is absent exactly when the condition is false.
        absent = {}
        if len(present) == 1 and not empty_allowed:
            absent = {k: "1" if v == "0" else "0" for k, v in present.items()}
        whole = PLACEHOLDER.fullmatch(body.strip())
        repeats = ""
        if whole is not None and own and own[0].type in ("list", "paragraphs"):
            repeats = own[0].name
        out.append(_Block(body, optional, repeats, present, absent))
    return out


def _merge(values: dict[str, str], more: dict[str, str]) -> dict[str, str] | None:
    """Both sets of values, or None when they disagree about a placeholder."""
    merged = dict(values)
    for name, value in more.items():
        if merged.setdefault(name, value) != value:
            return None
    return merged


class _Search:
    """Depth-first alignment of template paragraphs with document paragraphs."""

    def __init__(self, blocks: list[_Block], paragraphs: list[str]) -> None:
        self.blocks, self.paragraphs, self.steps = blocks, paragraphs, 0

    def run(self, i: int, j: int, values: dict[str, str]) -> dict[str, str] | None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            return None
        if i == len(self.blocks):
            return values if j == len(self.paragraphs) else None
        block = self.blocks[i]
        if block.optional:
            skipped = _merge(values, block.absent)
            if skipped is not None and (found := self.run(i + 1, j, skipped)) is not None:
                return found
        values_in = _merge(values, block.present)
        if values_in is None:
            return None
        values = values_in
        if block.repeats:
            for end in range(j + 1, len(self.paragraphs) + 1):
                items = "; ".join(self.paragraphs[j:end])
                merged = _merge(values, {block.repeats: items})
                if merged is not None and (found := self.run(i + 1, end, merged)) is not None:
                    return found
            return None
        if j >= len(self.paragraphs):
            return None
        filled = fill_values(block.text, self.paragraphs[j])
        merged = _merge(values, filled) if filled is not None else None
        return self.run(i + 1, j + 1, merged) if merged is not None else None


def values_for(topic: Topic, variant: Variant, text: str) -> dict[str, str] | None:
    """The answers with which `variant` produces this clause body (one paragraph a line)."""
    paragraphs = [p for p in (line.strip() for line in text.split("\n")) if p]
    if not paragraphs:
        return None
    found = _Search(_blocks(topic, variant), paragraphs).run(0, 0, {})
    if found is None:
        return None
    return {name: value for name, value in found.items() if not name.startswith(("?", REF_PREFIX))}


def variant_of(topic: Topic, text: str) -> tuple[Variant, dict[str, str]] | None:
    """The one variant of the topic whose text this is, with its values (None: none or several)."""
    hits = []
    for variant in topic.variants:
        values = values_for(topic, variant, text)
        if values is not None:
            hits.append((variant, values))
    return hits[0] if len(hits) == 1 else None
