"""Parse the small language of clause texts: placeholders, cross-references and conditions.

Nothing else is allowed (no Jinja logic, filters or tags):
- `{{ name }}`, `{{ topic.name }}`, `{{ lokal.topic.name }}` and the globals: a value;
- `{{ § topic }}`, `{{ § lokal.topic }}`: a clause reference ("§ 9", "lokalaftalens § 9 om …");
  `{{ § topic.mærke }}` names a paragraph too ("§ 9, stk. 3"), `{{ § topic.a.b }}` several;
- `[hvis x]`, `[hvis ikke x]`, `[hvis x = valg]`, `[hvis x = a eller b]` opening a paragraph:
  keep it or leave it out; `topic.variant` names the variant chosen for a topic;
- `[stk mærke]` first in a paragraph: the name a reference gives that paragraph.
"""

from __future__ import annotations

from assembler.records import Record
from assembler.regex import LazyPattern

NAME = r"[a-z][a-z0-9_]*"
PLACEHOLDER = LazyPattern(rf"\{{\{{\s*({NAME}(?:\.{NAME}){{0,2}})\s*\}}\}}")
REFERENCE = LazyPattern(rf"\{{\{{\s*§\s*(lokal\.)?({NAME})((?:\.{NAME})*)\s*\}}\}}")
# One or more conditions before a paragraph: "[hvis x]", "[hvis ikke x]", "[hvis x = valg]".
CONDITION = LazyPattern(rf"^\[hvis( ikke)? ({NAME}(?:\.{NAME}){{0,2}})(?:\s*=\s*([^\]]+?))?\]\s*")
# A paragraph's name for references to it ("[stk loft] …"): stripped before anything else reads it.
LABEL = LazyPattern(rf"^\[stk ({NAME})\]\s*")
# A condition compares with one value or several: "[hvis lokal.undtagelser.variant = a eller b]".
ALTERNATIVES = " eller "
# The pseudo-parameter a condition uses to compare the variant chosen for a topic.
VARIANT_NAME = "variant"
ANY_TAG = LazyPattern(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
GLOBALS = ("rammeaftale", "sektor")
# Facts about the answers that conditions may name (computed by the renderer, never answered).
DERIVED = {
    "aftalen_i_kraft": "Aftalen har virkning fra en dato, der ikke ligger efter dokumentets dato",
    "lokalaftalen_i_kraft": "lokalaftalen har virkning fra en dato, der ikke ligger efter "
    "dokumentets dato",
    "skaermkrav": "skærmbekendtgørelsens krav gælder for hjemmearbejdspladsen (individuel aftale)",
    "halve_dage": "hjemmearbejdet omfatter halve dage (individuel aftale)",
    "flere_organisationer": "lokalaftalen har mere end én forhandlingsberettiget organisation",
}
# Derived values a text may print (computed by the renderer, never answered).
DERIVED_TEXT = {
    "loftets_andel": "loftet over hjemmearbejdsdage som andel af arbejdsugen, fx to femtedele",
}


class Ref(Record):
    """A placeholder reference: scope is '' (own topic), 'topic', 'lokal', 'global' or 'derived'.

    Not a tuple: the renderer tells it from a cross-reference tuple with isinstance."""

    _fields = ("raw", "scope", "topic", "name")
    __slots__ = _fields

    def __init__(self, raw: str, scope: str, topic: str, name: str) -> None:
        self.raw = raw
        self.scope = scope
        self.topic = topic
        self.name = name


class Condition(Record):
    """A paragraph condition: keep the paragraph when `ref` is (not) answered or equals `value`
    (one of the values, when `value` lists several joined by " eller ")."""

    _fields = ("ref", "negated", "value")
    __slots__ = _fields

    def __init__(
        self,
        ref: Ref,
        negated: bool,
        value: str | None,
    ) -> None:
        self.ref = ref
        self.negated = negated
        self.value = value

    @property
    def values(self) -> tuple[str, ...]:
        """The values compared with, in order."""
        if self.value is None:
            return ()
        return tuple(v.strip() for v in self.value.split(ALTERNATIVES))


class ClauseRef(Record):
    """A cross-reference to a clause: of this agreement, or (from an individual one) the local;
    `labels` name paragraphs of that clause ("[stk mærke]") the reference points at."""

    _fields = ("raw", "local", "topic", "labels")
    __slots__ = _fields

    def __init__(
        self,
        raw: str,
        local: bool,
        topic: str,
        labels: tuple[str, ...] = (),
    ) -> None:
        self.raw = raw
        self.local = local
        self.topic = topic
        self.labels = labels


def parse_ref(raw: str, own_topic: str) -> Ref:
    """Classify a dotted placeholder name."""
    parts = raw.split(".")
    if len(parts) == 1:
        if parts[0] in GLOBALS:
            return Ref(raw, "global", "", parts[0])
        if parts[0] in DERIVED or parts[0] in DERIVED_TEXT:
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
    return [
        ClauseRef(m.group(0), bool(m.group(1)), m.group(2), labels_of(m.group(3)))
        for m in REFERENCE.finditer(text)
    ]


def labels_of(group: str | None) -> tuple[str, ...]:
    """The paragraph names of a reference's tail: ".a.b" → ("a", "b")."""
    return tuple(x for x in (group or "").split(".") if x)


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
    """Paragraph sources: blank lines separate paragraphs; '- ' lines are bullets. A paragraph's
    name ("[stk mærke]") is left out: see labelled_blocks."""
    return [(block, bullet) for block, bullet, _ in labelled_blocks(text)]


def labelled_blocks(text: str) -> list[tuple[str, bool, str]]:
    """Paragraph sources with the name each paragraph is given ("" when none)."""
    out = []
    for block, bullet in _raw_blocks(text):
        label = LABEL.match(block)
        if label is None:
            out.append((block, bullet, ""))
        else:
            out.append((block[label.end() :], bullet, label.group(1)))
    return out


def _raw_blocks(text: str) -> list[tuple[str, bool]]:
    """Paragraph sources as written, names included."""
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
