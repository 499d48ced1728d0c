"""Parse the `{{ name }}` placeholders of clause texts (no other template syntax is allowed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){0,2})\s*\}\}")
ANY_TAG = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
GLOBALS = ("rammeaftale", "sektor")


@dataclass(frozen=True)
class Ref:
    """A placeholder reference: scope is '' (own topic), 'topic' or 'lokal'."""

    raw: str
    scope: str
    topic: str
    name: str


def parse_ref(raw: str, own_topic: str) -> Ref:
    """Classify a dotted placeholder name."""
    parts = raw.split(".")
    if len(parts) == 1:
        if parts[0] in GLOBALS:
            return Ref(raw, "global", "", parts[0])
        return Ref(raw, "", own_topic, parts[0])
    if len(parts) == 2:
        return Ref(raw, "topic", parts[0], parts[1])
    if parts[0] == "lokal":
        return Ref(raw, "lokal", parts[1], parts[2])
    return Ref(raw, "invalid", "", raw)


def refs_in(text: str, own_topic: str) -> list[Ref]:
    """All placeholder references in a text, in order."""
    return [parse_ref(m.group(1), own_topic) for m in PLACEHOLDER.finditer(text)]


def stray_syntax(text: str) -> list[str]:
    """Template syntax that is not a plain placeholder (logic, filters, comments, broken braces)."""
    stripped = PLACEHOLDER.sub("", text)
    return [m.group(0) for m in ANY_TAG.finditer(stripped)]
