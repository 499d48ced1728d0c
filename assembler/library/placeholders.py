"""Parse the small language of clause texts: placeholders, cross-references and conditions.

Nothing else is allowed (no Jinja logic, filters or tags):
- `{{ name }}`, `{{ topic.name }}`, `{{ lokal.topic.name }}` and the globals: a value;
- `{{ § topic }}`, `{{ § lokal.topic }}`: a clause reference ("§ 9", "lokalaftalens § 9 om …");
- `[hvis x]`, `[hvis ikke x]`, `[hvis x = valg]` opening a paragraph: keep it or leave it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME = r"[a-z][a-z0-9_]*"
PLACEHOLDER = re.compile(rf"\{{\{{\s*({NAME}(?:\.{NAME}){{0,2}})\s*\}}\}}")
REFERENCE = re.compile(rf"\{{\{{\s*§\s*(lokal\.)?({NAME})\s*\}}\}}")
# One or more conditions before a paragraph: "[hvis x]", "[hvis ikke x]", "[hvis x = valg]".
CONDITION = re.compile(rf"^\[hvis( ikke)? ({NAME}(?:\.{NAME}){{0,2}})(?:\s*=\s*([^\]]+?))?\]\s*")
ANY_TAG = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
GLOBALS = ("rammeaftale", "sektor")
# Facts about the answers that conditions may name (computed by the renderer, never answered).
DERIVED = {
    "aftalen_i_kraft": "Aftalen har virkning fra en dato, der ikke ligger efter dokumentets dato",
    "lokalaftalen_i_kraft": "lokalaftalen har virkning fra en dato, der ikke ligger efter "
    "dokumentets dato",
    "skaermkrav": "skærmbekendtgørelsens krav gælder for hjemmearbejdspladsen (individuel aftale)",
}


@dataclass(frozen=True)
class Ref:
    """A placeholder reference: scope is '' (own topic), 'topic', 'lokal', 'global' or 'derived'."""

    raw: str
    scope: str
    topic: str
    name: str


@dataclass(frozen=True)
class Condition:
    """A paragraph condition: keep the paragraph when `ref` is (not) answered or equals `value`."""

    ref: Ref
    negated: bool
    value: str | None


@dataclass(frozen=True)
class ClauseRef:
    """A cross-reference to a clause: of this agreement, or (from an individual one) the local."""

    raw: str
    local: bool
    topic: str


def parse_ref(raw: str, own_topic: str) -> Ref:
    """Classify a dotted placeholder name."""
    parts = raw.split(".")
    if len(parts) == 1:
        if parts[0] in GLOBALS:
            return Ref(raw, "global", "", parts[0])
        if parts[0] in DERIVED:
            return Ref(raw, "derived", "", parts[0])
        return Ref(raw, "", own_topic, parts[0])
    if len(parts) == 2:
        return Ref(raw, "topic", parts[0], parts[1])
    if parts[0] == "lokal":
        return Ref(raw, "lokal", parts[1], parts[2])
    return Ref(raw, "invalid", "", raw)


def refs_in(text: str, own_topic: str) -> list[Ref]:
    """All placeholder references in a text, in order."""
    return [parse_ref(m.group(1), own_topic) for m in PLACEHOLDER.finditer(text)]


def clause_refs_in(text: str) -> list[ClauseRef]:
    """All cross-references to clauses in a text, in order."""
    return [ClauseRef(m.group(0), bool(m.group(1)), m.group(2)) for m in REFERENCE.finditer(text)]


def split_conditions(block: str, own_topic: str) -> tuple[list[Condition], str]:
    """The conditions in front of a paragraph, and the paragraph without them."""
    conditions: list[Condition] = []
    while match := CONDITION.match(block):
        value = match.group(3).strip() if match.group(3) else None
        conditions.append(
            Condition(parse_ref(match.group(2), own_topic), bool(match.group(1)), value)
        )
        block = block[match.end() :]
    return conditions, block


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


def stray_syntax(text: str) -> list[str]:
    """Template syntax that is not a plain placeholder (logic, filters, comments, broken braces)."""
    stripped = REFERENCE.sub("", PLACEHOLDER.sub("", text))
    return [m.group(0) for m in ANY_TAG.finditer(stripped)]
