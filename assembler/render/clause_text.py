"""Turn a variant's clause text and the answers into document paragraphs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from assembler.answers.model import AgreementAnswers
from assembler.library.model import FRAMEWORKS, SECTOR_NAMES, Library, Param, Topic
from assembler.library.placeholders import (
    CONDITION,
    PLACEHOLDER,
    REFERENCE,
    Condition,
    Ref,
    parse_ref,
    split_blocks,
    split_conditions,
)
from assembler.library.validate import bookmark_name
from assembler.library.values import Value, format_value, parse_value
from assembler.render.derived import derived_fact

__all__ = ["CONDITION", "Paragraph", "Scope", "render_clause", "split_blocks"]

# A cross-reference field in a paragraph's marked text: bookmark, then the number Word shows.
FIELD_START, FIELD_SEP, FIELD_END = "\ue000", "\ue001", "\ue002"
FIELD_MARK = re.compile(f"{FIELD_START}([^{FIELD_SEP}]*){FIELD_SEP}([^{FIELD_END}]*){FIELD_END}")
TOKENS = re.compile(f"{PLACEHOLDER.pattern}|{REFERENCE.pattern}")


@dataclass(frozen=True)
class Paragraph:
    """One output paragraph: plain text (escaped by the renderer) and how it is laid out.

    `stk` marks a numbered paragraph ("Stk. 2.", "Stk. 3."): every non-bullet paragraph after the
    first paragraph of a clause. `marked` is the text with cross-reference fields marked (see
    FIELD_MARK); it equals `text` when the paragraph has none.
    """

    text: str
    bullet: bool = False
    stk: bool = False
    marked: str = ""


@dataclass(frozen=True)
class Scope:
    """Where placeholders are looked up: this agreement, the local agreement, the sector.

    `numbers` and `local_numbers` give each clause topic its paragraph number (§ N) in the
    document made from these answers; `date` is the document's date.
    """

    library: Library
    sector: str
    agreement: AgreementAnswers
    local: AgreementAnswers
    date: dt.date | None = None
    numbers: dict[str, int] = field(default_factory=dict)
    local_numbers: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Numbers not given are those of the documents these answers make.
        if not self.numbers:
            object.__setattr__(self, "numbers", clause_numbers(self.library, self.agreement))
        if not self.local_numbers:
            object.__setattr__(self, "local_numbers", clause_numbers(self.library, self.local))


def clause_numbers(library: Library, agreement: AgreementAnswers) -> dict[str, int]:
    """§ numbers of the clauses an agreement made from these answers has, in document order."""
    present = [
        t.id
        for t in library.for_agreement(agreement.agreement)
        if t.kind == "clause" and t.id in agreement.topics
    ]
    return {topic: number for number, topic in enumerate(present, start=1)}


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
    """The paragraphs of one clause with every placeholder filled in and stk. marked."""
    out: list[Paragraph] = []
    for block, bullet in split_blocks(topic.variant(variant_id).text):
        conditions, source = split_conditions(block, topic.id)
        if not all(_holds(c, topic, scope) for c in conditions):
            continue
        expanded = _expand_whole(source, bullet, topic, scope)
        if expanded is not None:
            out += expanded
            continue
        filled = _fill(source, topic, scope)
        if filled is not None:
            out.append(Paragraph(filled[0], bullet, marked=filled[1]))
    return [
        Paragraph(p.text, p.bullet, not p.bullet and index > 0, p.marked or p.text)
        for index, p in enumerate(out)
    ]


def _holds(condition: Condition, topic: Topic, scope: Scope) -> bool:
    """Whether a paragraph condition is met by the answers."""
    ref = condition.ref
    if ref.scope == "derived":
        truth = derived_fact(ref.name, scope.agreement, scope.local, scope.date)
    else:
        param, value = _lookup(ref, scope, topic)
        if condition.value is None:
            truth = value is True if isinstance(value, bool) else value not in (None, "", [])
        elif param is None or value is None:
            truth = False
        else:
            wanted = parse_value(param, condition.value)
            if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                truth = wanted is not None and Decimal(value) == Decimal(str(wanted))
            else:
                truth = value == wanted
    return truth != condition.negated


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


def _reference(local: bool, target: str, scope: Scope) -> tuple[str, str]:
    """A cross-reference as (visible text, marked text): a field in this document, plain text
    naming the local agreement's paragraph from an individual one."""
    if local:  # the local agreement: no field can reach another document
        title = scope.library.topic("lokal", target).title
        text = f"lokalaftalens § {scope.local_numbers[target]} om {title[:1].lower()}{title[1:]}"
        return text, text
    number = f"§ {scope.numbers[target]}"
    variant = scope.agreement.variant(target) or ""
    mark = f"{FIELD_START}{bookmark_name(target, variant)}{FIELD_SEP}{number}{FIELD_END}"
    return number, mark


def _fill(source: str, topic: Topic, scope: Scope) -> tuple[str, str] | None:
    """(visible, marked) text with placeholders and references substituted in one pass (answers
    are never read as template text); None when a placeholder has no answer (the paragraph is
    left out)."""
    visible: list[str] = []
    marked: list[str] = []
    last = 0
    for match in TOKENS.finditer(source):
        visible.append(source[last : match.start()])
        marked.append(source[last : match.start()])
        last = match.end()
        if match.group(1) is None:  # a cross-reference
            shown, mark = _reference(bool(match.group(2)), match.group(3), scope)
            visible.append(shown)
            marked.append(mark)
            continue
        ref = parse_ref(match.group(1), topic.id)
        if ref.scope == "global":
            value_text = _global(ref.name, scope.sector)
        else:
            param, value = _lookup(ref, scope, topic)
            if param is None or value is None:
                return None
            value_text = format_value(param, value)
        visible.append(value_text)
        marked.append(value_text)
    visible.append(source[last:])
    marked.append(source[last:])
    return "".join(visible), "".join(marked)
