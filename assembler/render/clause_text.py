"""Turn a variant's clause text and the answers into document paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assembler.answers.model import AgreementAnswers
from assembler.library.model import FRAMEWORKS, SECTOR_NAMES, Library, Param, Topic
from assembler.library.placeholders import PLACEHOLDER, Ref, parse_ref
from assembler.library.values import Value, format_value

CONDITION = re.compile(r"^\[hvis( ikke)? ([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\]\s*")


@dataclass(frozen=True)
class Paragraph:
    """One output paragraph: plain text (escaped by the renderer) and whether it is a bullet."""

    text: str
    bullet: bool = False


@dataclass(frozen=True)
class Scope:
    """Where placeholders are looked up: this agreement, the local agreement, the sector."""

    library: Library
    sector: str
    agreement: AgreementAnswers
    local: AgreementAnswers


def split_blocks(text: str) -> list[tuple[str, bool]]:
    """Paragraph sources: blank lines separate paragraphs; '- ' lines are bullets."""
    blocks: list[tuple[str, bool]] = []
    for chunk in text.strip().split("\n\n"):
        plain: list[str] = []
        for line in chunk.split("\n"):
            stripped = line.strip()
            if stripped.startswith("- "):
                if plain:
                    blocks.append((" ".join(plain), False))
                    plain = []
                blocks.append((stripped[2:].strip(), True))
            elif stripped and blocks and blocks[-1][1] and not plain and line.startswith("  "):
                blocks[-1] = (blocks[-1][0] + " " + stripped, True)  # wrapped bullet line
            elif stripped:
                plain.append(stripped)
        if plain:
            blocks.append((" ".join(plain), False))
    return blocks


def _lookup(ref: Ref, scope: Scope, topic: Topic) -> tuple[Param | None, Value]:
    """The parameter and value a placeholder names (None, None when not answered)."""
    if ref.scope == "lokal":
        agreement, topic_id = scope.local, ref.topic
    else:
        agreement, topic_id = scope.agreement, ref.topic or topic.id
    other = scope.library.topic(agreement.agreement, topic_id)
    params = {p.name: p for p in other.all_params()}
    return params.get(ref.name), agreement.value(topic_id, ref.name)


def _global(name: str, sector: str) -> str:
    """Values of the global placeholders."""
    return FRAMEWORKS[sector] if name == "rammeaftale" else SECTOR_NAMES[sector]


def render_clause(topic: Topic, variant_id: str, scope: Scope) -> list[Paragraph]:
    """The paragraphs of one clause with every placeholder filled in."""
    out: list[Paragraph] = []
    for block, bullet in split_blocks(topic.variant(variant_id).text):
        source = _apply_condition(block, topic, scope)
        if source is None:
            continue
        expanded = _expand_whole(source, bullet, topic, scope)
        if expanded is not None:
            out += expanded
            continue
        text = _fill(source, topic, scope)
        if text is not None:
            out.append(Paragraph(text, bullet))
    return out


def _apply_condition(block: str, topic: Topic, scope: Scope) -> str | None:
    """'[hvis x] …' keeps a paragraph only when yes/no answer x is ja ('[hvis ikke x]': nej)."""
    match = CONDITION.match(block)
    if not match:
        return block
    _, value = _lookup(parse_ref(match.group(2), topic.id), scope, topic)
    wanted = match.group(1) is None
    return block[match.end() :] if bool(value) == wanted else None


def _expand_whole(source: str, bullet: bool, topic: Topic, scope: Scope) -> list[Paragraph] | None:
    """A paragraph that is only a list/paragraphs placeholder becomes one paragraph per item."""
    match = PLACEHOLDER.fullmatch(source.strip())
    if not match:
        return None
    ref = parse_ref(match.group(1), topic.id)
    if ref.scope == "global":
        return None
    param, value = _lookup(ref, scope, topic)
    if param is None or param.type not in ("list", "paragraphs") or not isinstance(value, list):
        return None
    return [Paragraph(item, bullet) for item in value]


def _fill(source: str, topic: Topic, scope: Scope) -> str | None:
    """Substitute placeholders; None when one of them has no answer (the paragraph is left out)."""
    missing = False

    def substitute(match: object) -> str:
        nonlocal missing
        ref = parse_ref(match.group(1), topic.id)  # type: ignore[attr-defined]
        if ref.scope == "global":
            return _global(ref.name, scope.sector)
        param, value = _lookup(ref, scope, topic)
        if param is None or value is None:
            missing = True
            return ""
        return format_value(param, value)

    text = PLACEHOLDER.sub(substitute, source)
    return None if missing else text
