"""Recognise which variant of the clause library a clause's text is, and with which values.

A variant's text is a template: placeholders, bullets, '[hvis x]' paragraphs and paragraphs left
out when an optional answer is empty (clause_library/FORMAT.md). A clause matches a variant when
its paragraphs can be produced by the template with some answers; those answers are returned.
Matching never guesses: no match, or more than one variant matching, means 'unknown'.
"""

from __future__ import annotations

from dataclasses import dataclass

from assembler.library.model import Topic, Variant
from assembler.library.placeholders import PLACEHOLDER, parse_ref
from assembler.render.clause_text import CONDITION, split_blocks

MAX_STEPS = 20_000  # bound on the paragraph search: untrusted text never costs more than this


@dataclass(frozen=True)
class _Block:
    """One template paragraph: its text, whether it may be absent, whether it repeats."""

    text: str
    optional: bool
    repeats: str  # the list/paragraphs parameter it expands, or ''


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


def _blocks(topic: Topic, variant: Variant) -> list[_Block]:
    """The variant's template paragraphs with what may vary about each."""
    params = {p.name: p for p in topic.params_for(variant.id)}
    out = []
    for text, _bullet in split_blocks(variant.text):
        condition = CONDITION.match(text)
        body = text[condition.end() :] if condition else text
        refs = [parse_ref(m.group(1), topic.id) for m in PLACEHOLDER.finditer(body)]
        own = [params[r.name] for r in refs if r.scope == "" and r.name in params]
        optional = condition is not None or any(not p.required for p in own)
        whole = PLACEHOLDER.fullmatch(body.strip())
        repeats = ""
        if whole is not None and own and own[0].type in ("list", "paragraphs"):
            repeats = own[0].name
        out.append(_Block(body, optional, repeats))
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
        if block.optional and (found := self.run(i + 1, j, values)) is not None:
            return found
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
    return _Search(_blocks(topic, variant), paragraphs).run(0, 0, {})


def variant_of(topic: Topic, text: str) -> tuple[Variant, dict[str, str]] | None:
    """The one variant of the topic whose text this is, with its values (None: none or several)."""
    hits = []
    for variant in topic.variants:
        values = values_for(topic, variant, text)
        if values is not None:
            hits.append((variant, values))
    return hits[0] if len(hits) == 1 else None
