"""The clause library and the rules as page data: search, clause texts with marked parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from assembler.library.model import (
    AGREEMENT_NAMES,
    SECTOR_NAMES,
    SECTORS,
    TYPE_NAMES_DA,
    Library,
    Param,
    Topic,
)
from assembler.library.placeholders import GLOBALS, PLACEHOLDER, parse_ref

CONDITION = re.compile(r"^\[hvis (ikke )?([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\]\s*")
GLOBAL_LABELS = {"rammeaftale": "rammeaftalens navn", "sektor": "sektoren"}
assert set(GLOBAL_LABELS) == set(GLOBALS)


@dataclass(frozen=True)
class Block:
    """One paragraph of a clause text: bullet or not, an optional condition, the marked text."""

    bullet: bool
    condition: Markup | None
    html: Markup


def _param(library: Library, topic: Topic, raw: str) -> tuple[str, Param | None]:
    """The label of a placeholder's parameter, and the parameter when it is found."""
    ref = parse_ref(raw, topic.id)
    if ref.scope == "global":
        return GLOBAL_LABELS[ref.name], None
    agreement = "lokal" if ref.scope == "lokal" else topic.agreement
    try:
        owner = library.topic(agreement, ref.topic)
    except KeyError:
        return raw, None
    for param in owner.all_params():
        if param.name == ref.name:
            prefix = "" if owner.id == topic.id else f"{owner.title}: "
            return prefix + param.label, param
    return raw, None


def _marked(library: Library, topic: Topic, text: str) -> Markup:
    """Escaped text with each placeholder shown as a highlighted parameter label."""
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(escape(text[last : match.start()]))
        label, param = _param(library, topic, match.group(1))
        hint = f"Parameter {match.group(1)}"
        if param is not None:
            hint += f" ({TYPE_NAMES_DA.get(param.type, param.type)})"
        parts.append(Markup('<mark class="param" title="{}">{}</mark>').format(hint, label))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def clause_blocks(library: Library, topic: Topic, text: str) -> list[Block]:
    """A clause text as paragraphs and bullets, conditions spelled out, parameters marked."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        for line in chunk.splitlines() if chunk.lstrip().startswith("- ") else [chunk]:
            line = " ".join(line.split())
            bullet = line.startswith("- ")
            line = line[2:] if bullet else line
            condition = None
            found = CONDITION.match(line)
            if found:
                label, _ = _param(library, topic, found.group(2))
                answer = "nej" if found.group(1) else "ja"
                condition = Markup("Kun når „{}“ er {}").format(label, answer)
                line = line[found.end() :]
            if line:
                blocks.append(Block(bullet, condition, _marked(library, topic, line)))
    return blocks


def _haystack(topic: Topic) -> str:
    """Every searchable word of a topic, lower-cased."""
    parts = [topic.id, topic.title, topic.question, topic.guidance]
    for v in topic.variants:
        parts += [v.id, v.name, v.summary, v.guidance, v.text, v.position]
    parts += [p.label for p in topic.all_params()]
    return " ".join(parts).casefold()


def search_topics(
    library: Library, query: str = "", agreement: str = "", sector: str = ""
) -> list[Topic]:
    """Topics matching every word of the query, the agreement and the sector; titles first."""
    words = query.casefold().split()
    found = [
        t
        for t in library.topics
        if (not agreement or t.agreement == agreement)
        and (not sector or sector in t.sectors)
        and all(w in _haystack(t) for w in words)
    ]
    return sorted(found, key=lambda t: not all(w in t.title.casefold() for w in words))


def sector_label(sectors: tuple[str, ...] | list[str]) -> str:
    """'alle sektorer' or 'staten og kommunerne'."""
    if set(sectors) >= set(SECTORS):
        return "alle sektorer"
    names = [SECTOR_NAMES[s] for s in SECTORS if s in sectors]
    return " og ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def rule_matches(rule: dict[str, Any], query: str, sector: str, severity: str) -> bool:
    """Whether a rule (as rules_data gives it) matches the filters."""
    text = " ".join(str(rule.get(k, "")) for k in ("regel", "titel", "besked", "kilde", "emne"))
    return (
        all(w in text.casefold() for w in query.casefold().split())
        and (not sector or sector in rule["sektorer"])
        and (not severity or rule["alvor"] == severity)
    )


AGREEMENT_LABELS = {k: v.capitalize() for k, v in AGREEMENT_NAMES.items()}
