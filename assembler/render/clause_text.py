"""Turn a variant's clause text and the answers into document paragraphs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from assembler.answers.model import AgreementAnswers
from assembler.library.model import FRAMEWORKS, SECTOR_NAMES, Library, Param, Topic
from assembler.library.placeholders import (
    CONDITION,
    PLACEHOLDER,
    REFERENCE,
    VARIANT_NAME,
    Condition,
    Ref,
    labelled_blocks,
    labels_of,
    parse_ref,
    split_blocks,
    split_conditions,
)
from assembler.library.validate import bookmark_name
from assembler.library.values import Value, format_value, parse_value
from assembler.records import Record
from assembler.render.derived import derived_fact, derived_text
from assembler.render.topics import topic_of, topics_for

__all__ = ["CONDITION", "Paragraph", "Scope", "render_clause", "split_blocks"]

# A cross-reference field in a paragraph's marked text: bookmark, then the number Word shows.
FIELD_START, FIELD_SEP, FIELD_END = "\ue000", "\ue001", "\ue002"
FIELD_MARK = re.compile(f"{FIELD_START}([^{FIELD_SEP}]*){FIELD_SEP}([^{FIELD_END}]*){FIELD_END}")
TOKENS = re.compile(f"{PLACEHOLDER.pattern}|{REFERENCE.pattern}")


class Paragraph(Record):
    """One output paragraph: plain text (escaped by the renderer) and how it is laid out.

    `stk` marks a numbered paragraph ("Stk. 2.", "Stk. 3."): every non-bullet paragraph after the
    first paragraph of a clause. `marked` is the text with cross-reference fields marked (see
    FIELD_MARK); it equals `text` when the paragraph has none. `label` is the paragraph's name for
    references ("[stk mærke]"), if any.
    """

    _fields = ("text", "bullet", "stk", "marked", "label")
    __slots__ = _fields

    def __init__(
        self, text: str, bullet: bool = False, stk: bool = False, marked: str = "", label: str = ""
    ) -> None:
        self.text = text
        self.bullet = bullet
        self.stk = stk
        self.marked = marked
        self.label = label


class Scope(Record):
    """Where placeholders are looked up: this agreement, the local agreement, the sector.

    `numbers` and `local_numbers` give each clause topic its paragraph number (§ N) in the
    document made from these answers; `date` is the document's date. A reference to a named
    paragraph ("§ 10, stk. 3") is resolved by rendering the target clause; `resolve_labels` is
    False while doing so (its own references then read "§ N"), and a name the target clause did
    not render is appended to `misses` (when given) and the reference reads "§ N". `renderer`
    renders a referenced clause to number its paragraphs (a batch passes its memo). Neither
    `misses` nor `renderer` takes part in equality.
    """

    _fields = (
        "library",
        "sector",
        "agreement",
        "local",
        "date",
        "numbers",
        "local_numbers",
        "resolve_labels",
        "misses",
        "renderer",
    )
    __slots__ = _fields

    def __init__(
        self,
        library: Library,
        sector: str,
        agreement: AgreementAnswers,
        local: AgreementAnswers,
        date: dt.date | None = None,
        numbers: dict[str, int] | None = None,
        local_numbers: dict[str, int] | None = None,
        resolve_labels: bool = True,
        misses: list[str] | None = None,
        renderer: Callable[[Topic, str, Scope], list[Paragraph]] | None = None,
    ) -> None:
        self.library = library
        self.sector = sector
        self.agreement = agreement
        self.local = local
        self.date = date
        # Numbers not given are those of the documents these answers make.
        self.numbers = numbers or clause_numbers(library, agreement)
        self.local_numbers = local_numbers or clause_numbers(library, local)
        self.resolve_labels = resolve_labels
        self.misses = misses
        self.renderer = renderer

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return tuple(self)[:8] == tuple(other)[:8]

    def __hash__(self) -> int:
        return hash(tuple(self)[:8])


def clause_numbers(library: Library, agreement: AgreementAnswers) -> dict[str, int]:
    """§ numbers of the clauses an agreement made from these answers has, in document order."""
    present = [
        t.id
        for t in topics_for(library, agreement.agreement)
        if t.kind == "clause" and t.id in agreement.topics
    ]
    return {topic: number for number, topic in enumerate(present, start=1)}


def _lookup(ref: Ref, scope: Scope, topic: Topic) -> tuple[Param | None, Value]:
    """The parameter and value a placeholder names (None, None when not answered); the name
    `variant` gives the variant chosen for the topic."""
    if ref.scope == "lokal":
        agreement, topic_id = scope.local, ref.topic
    else:
        agreement, topic_id = scope.agreement, ref.topic or topic.id
    other = topic_of(scope.library, agreement.agreement, topic_id)
    if ref.name == VARIANT_NAME:
        return other.variant_param(), agreement.variant(topic_id)
    return _params_by_name(other).get(ref.name), agreement.value(topic_id, ref.name)


_PARAMS: dict[int, tuple[Topic, dict[str, Param]]] = {}


def _params_by_name(topic: Topic) -> dict[str, Param]:
    """A topic's parameters by name (made once per topic; topics are frozen)."""
    hit = _PARAMS.get(id(topic))
    if hit is None or hit[0] is not topic:
        if len(_PARAMS) >= PARSED_CACHE_SIZE:
            _PARAMS.clear()
        hit = _PARAMS[id(topic)] = (topic, {p.name: p for p in topic.all_params()})
    return hit[1]


def _global(name: str, sector: str) -> str:
    """Values of the global placeholders."""
    return FRAMEWORKS[sector] if name == "rammeaftale" else SECTOR_NAMES[sector]


class _Block(Record):
    """One paragraph source of a variant text, parsed once: conditions, placeholders, references.

    `whole` is the placeholder a paragraph consists of (a list may expand it), `pieces` the text
    between tokens with each token: a placeholder's Ref, or a cross-reference as (local, target,
    labels); `tail` the text after the last token.
    """

    _fields = ("bullet", "label", "conditions", "whole", "pieces", "tail")
    __slots__ = _fields

    def __init__(
        self,
        bullet: bool,
        label: str,
        conditions: tuple[Condition, ...],
        whole: Ref | None,
        pieces: tuple[tuple[str, Ref | tuple[bool, str, tuple[str, ...]]], ...],
        tail: str,
    ) -> None:
        self.bullet = bullet
        self.label = label
        self.conditions = conditions
        self.whole = whole
        self.pieces = pieces
        self.tail = tail


# Parsed variant texts: (topic, blocks) by topic identity and variant (bounded).
_PARSED: dict[tuple[int, str], tuple[Topic, tuple[_Block, ...]]] = {}
PARSED_CACHE_SIZE = 1024


def _parse_block(source: str, bullet: bool, label: str, own_topic: str) -> _Block:
    """Parse one paragraph source the way render_clause reads it."""
    conditions, source = split_conditions(source, own_topic)
    match = PLACEHOLDER.fullmatch(source.strip())
    whole = parse_ref(match.group(1), own_topic) if match else None
    pieces: list[tuple[str, Ref | tuple[bool, str, tuple[str, ...]]]] = []
    last = 0
    for token in TOKENS.finditer(source):
        literal = source[last : token.start()]
        last = token.end()
        if token.group(1) is None:  # a cross-reference
            pieces.append(
                (literal, (bool(token.group(2)), token.group(3), labels_of(token.group(4))))
            )
        else:
            pieces.append((literal, parse_ref(token.group(1), own_topic)))
    whole = None if whole is not None and whole.scope == "global" else whole
    return _Block(bullet, label, tuple(conditions), whole, tuple(pieces), source[last:])


def _blocks(topic: Topic, variant_id: str) -> tuple[_Block, ...]:
    """The parsed paragraph sources of a variant (parsed once per process)."""
    key = (id(topic), variant_id)
    hit = _PARSED.get(key)
    if hit is not None and hit[0] is topic:
        return hit[1]
    blocks = tuple(
        _parse_block(source, bullet, label, topic.id)
        for source, bullet, label in labelled_blocks(topic.variant(variant_id).text)
    )
    if len(_PARSED) >= PARSED_CACHE_SIZE:
        _PARSED.clear()
    _PARSED[key] = (topic, blocks)
    return blocks


def render_clause(topic: Topic, variant_id: str, scope: Scope) -> list[Paragraph]:
    """The paragraphs of one clause with every placeholder filled in and stk. marked."""
    out: list[Paragraph] = []
    for block in _blocks(topic, variant_id):
        if not all(_holds(c, topic, scope) for c in block.conditions):
            continue
        expanded = _expand_whole(block.whole, block.bullet, topic, scope)
        if expanded is not None:
            if expanded:
                first = expanded[0]
                expanded[0] = Paragraph(first.text, first.bullet, label=block.label)
            out += expanded
            continue
        filled = _fill(block, topic, scope)
        if filled is not None:
            out.append(Paragraph(filled[0], block.bullet, marked=filled[1], label=block.label))
    return [
        Paragraph(p.text, p.bullet, not p.bullet and index > 0, p.marked or p.text, p.label)
        for index, p in enumerate(out)
    ]


def condition_holds(condition: Condition, topic: Topic, scope: Scope) -> bool:
    """Whether a condition is met by the answers (paragraphs, and a variant's `requires`)."""
    return _holds(condition, topic, scope)


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
            truth = any(_equals(value, parse_value(param, wanted)) for wanted in condition.values)
    return truth != condition.negated


def _equals(value: Value, wanted: Value) -> bool:
    """An answer equals a condition's value (numbers compared as numbers)."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return wanted is not None and Decimal(value) == Decimal(str(wanted))
    return value == wanted


def _expand_whole(
    ref: Ref | None, bullet: bool, topic: Topic, scope: Scope
) -> list[Paragraph] | None:
    """A paragraph that is only a list/paragraphs placeholder becomes one paragraph per item."""
    if ref is None:
        return None
    param, value = _lookup(ref, scope, topic)
    if param is None or param.type not in ("list", "paragraphs") or not isinstance(value, list):
        return None
    items = list_items(value) if bullet and param.type == "list" else value
    return [Paragraph(item, bullet) for item in items]


def list_items(items: list[str]) -> list[str]:
    """A list answer as bullets of one sentence: "a," … "b og" "c." (", og" when an item holds a
    comma itself, as addresses do, so the last division is unmistakable)."""
    cores = [item.rstrip().rstrip(",;.") for item in items]
    before_last = ", og" if any("," in c for c in cores) else " og"
    out = []
    for index, core in enumerate(cores):
        if index == len(cores) - 1:
            out.append(f"{core}.")
        elif index == len(cores) - 2:
            out.append(f"{core}{before_last}")
        else:
            out.append(f"{core},")
    return out


def _reference(local: bool, target: str, labels: tuple[str, ...], scope: Scope) -> tuple[str, str]:
    """A cross-reference as (visible text, marked text): a field in this document, plain text
    naming the local agreement's paragraph from an individual one; with the paragraphs named."""
    stk = _stk(local, target, labels, scope) if labels and scope.resolve_labels else ""
    if local:  # the local agreement: no field can reach another document
        number = f"lokalaftalens § {scope.local_numbers[target]}"
        if stk:
            return f"{number}, {stk}", f"{number}, {stk}"
        title = topic_of(scope.library, "lokal", target).title
        text = f"{number} om {title[:1].lower()}{title[1:]}"
        return text, text
    number = f"§ {scope.numbers[target]}"
    variant = scope.agreement.variant(target) or ""
    mark = f"{FIELD_START}{bookmark_name(target, variant)}{FIELD_SEP}{number}{FIELD_END}"
    tail = f", {stk}" if stk else ""
    return number + tail, mark + tail


def reference_text(local: bool, target: str, labels: tuple[str, ...], scope: Scope) -> str:
    """What a cross-reference reads in the document (for the clause memo's key)."""
    return _reference(local, target, labels, scope)[0]


def _stk(local: bool, target: str, labels: tuple[str, ...], scope: Scope) -> str:
    """The named paragraphs of a clause as "stk. 3", "stk. 1 og 2" or "stk. 2–4"; "" if one of them
    is not in the clause the answers render."""
    numbers = _label_numbers(local, target, scope)
    found = [numbers.get(label) for label in labels]
    if any(n is None for n in found):
        if scope.misses is not None:
            scope.misses.append(f"{'lokal.' if local else ''}{target}.{'.'.join(labels)}")
        return ""
    return f"stk. {_number_list([n for n in found if n is not None])}"


def _number_list(numbers: list[int]) -> str:
    """[1, 2] → "1 og 2"; [2, 3, 4] → "2–4"; [1, 3, 4] → "1, 3 og 4"."""
    unique = sorted(set(numbers))
    if len(unique) >= 3 and unique[-1] - unique[0] == len(unique) - 1:
        return f"{unique[0]}–{unique[-1]}"
    words = [str(n) for n in unique]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


# Paragraph numbers of named paragraphs, per agreement answers (compared by identity) and topic.
_LABELS: dict[tuple[int, int, str], tuple[Any, dict[str, int]]] = {}
LABEL_CACHE_SIZE = 512


def _label_numbers(local: bool, target: str, scope: Scope) -> dict[str, int]:
    """The stk. number of every named paragraph of a clause as the answers render it."""
    agreement = scope.local if local else scope.agreement
    key = (id(scope.library), id(agreement), target)
    hit = _LABELS.get(key)
    if hit is not None and hit[0] is agreement:
        return hit[1]
    variant = agreement.variant(target)
    numbers: dict[str, int] = {}
    if variant is not None:
        render = scope.renderer or render_clause
        if local:
            sub = Scope(scope.library, scope.sector, scope.local, scope.local, scope.date,
                        scope.local_numbers, scope.local_numbers, resolve_labels=False,
                        renderer=scope.renderer)  # fmt: skip
        else:
            sub = scope._replace(resolve_labels=False, misses=None)
        stk = 0
        for paragraph in render(topic_of(scope.library, agreement.agreement, target), variant,
                                sub):  # fmt: skip
            stk += 0 if paragraph.bullet else 1
            if paragraph.label:
                numbers[paragraph.label] = max(stk, 1)
    if len(_LABELS) >= LABEL_CACHE_SIZE:
        _LABELS.clear()
    _LABELS[key] = (agreement, numbers)
    return numbers


def _fill(block: _Block, topic: Topic, scope: Scope) -> tuple[str, str] | None:
    """(visible, marked) text with placeholders and references substituted in one pass (answers
    are never read as template text); None when a placeholder has no answer (the paragraph is
    left out)."""
    visible: list[str] = []
    marked: list[str] = []
    for literal, token in block.pieces:
        visible.append(literal)
        marked.append(literal)
        if isinstance(token, tuple):  # a cross-reference
            shown, mark = _reference(token[0], token[1], token[2], scope)
            visible.append(shown)
            marked.append(mark)
            continue
        if token.scope == "global":
            value_text = _global(token.name, scope.sector)
        elif token.scope == "derived":
            derived = derived_text(token.name, scope.agreement, scope.local)
            if derived is None:
                return None
            value_text = derived
        else:
            param, value = _lookup(token, scope, topic)
            if param is None or value is None:
                return None
            value_text = format_value(param, value)
        visible.append(value_text)
        marked.append(value_text)
    visible.append(block.tail)
    marked.append(block.tail)
    return "".join(visible), "".join(marked)
