"""The clause library as immutable records (NamedTuples): Library → Topic → Variant → Param."""

from __future__ import annotations

from typing import NamedTuple

AGREEMENTS = ("lokal", "individuel")
AGREEMENT_NAMES = {"lokal": "lokalaftale", "individuel": "individuel aftale"}
SECTORS = ("stat", "kommune", "region")
SECTOR_NAMES = {"stat": "staten", "kommune": "kommunerne", "region": "regionerne"}
# The sector's framework agreement as a phrase that reads mid-sentence ("efter {{ rammeaftale }}").
# The state agreement is named by its parties and circular as PAV 19.6 cites it (S5: "rammeaftale
# om distancearbejde, jf. Fmst. cirk. 6/7 2005"); the circular's exact title is not verified, so
# none is quoted. KTO is today Forhandlingsfællesskabet (S12).
FRAMEWORKS = {
    "stat": (
        "rammeaftalen om distancearbejde, indgået mellem Finansministeriet og "
        "centralorganisationerne (Finansministeriets cirkulære af 6. juli 2005)"
    ),
    "kommune": (
        "rammeaftalen om tele- og hjemmearbejde, indgået mellem KL og KTO "
        "(nu Forhandlingsfællesskabet)"
    ),
    "region": (
        "rammeaftalen om tele- og hjemmearbejde, indgået mellem Regionernes Lønnings- og "
        "Takstnævn og KTO (nu Forhandlingsfællesskabet)"
    ),
}
PARAM_TYPES = (
    "text",
    "paragraphs",
    "list",
    "int",
    "decimal",
    "money",
    "date",
    "time",
    "bool",
    "choice",
)
TYPE_NAMES_DA = {
    "text": "tekst",
    "paragraphs": "tekst i afsnit",
    "list": "liste",
    "int": "heltal",
    "decimal": "tal",
    "money": "beløb i kr.",
    "date": "dato",
    "time": "klokkeslæt",
    "bool": "ja/nej",
    "choice": "valg",
}
POSITIONS = ("Medarbejdervenlig", "Balanceret", "Arbejdsgivervenlig")
# NamedTuples rather than frozen dataclasses: `sammenlign` imports the model to assess a round,
# and a frozen dataclass compiles its generated methods at import (see rules/facts.py, issue 14).
# Topic.all_params is memoised here, by the topic's identity (a NamedTuple has no __dict__).
_ALL_PARAMS: dict[int, tuple[Topic, tuple[Param, ...]]] = {}


class Param(NamedTuple):
    """A typed parameter that a clause text can mention and an answer must fill."""

    name: str
    type: str
    label: str
    help: str
    default: object = None
    required: bool = True
    choices: tuple[str, ...] = ()
    choice_texts: tuple[str, ...] = ()  # what the document says for each choice, in order
    min: float | None = None
    max: float | None = None
    unit: tuple[str, ...] = ()  # (singular, plural) printed after a number: én måned, to måneder

    def choice_text(self, choice: str) -> str:
        """The document's words for a chosen option (the option itself if it has none)."""
        if choice in self.choices and self.choice_texts:
            return self.choice_texts[self.choices.index(choice)]
        return choice


class Variant(NamedTuple):
    """One negotiating position within a topic, with its own clause text."""

    id: str
    name: str
    position: str
    summary: str
    guidance: str
    sources: tuple[str, ...]
    sectors: tuple[str, ...]
    params: tuple[Param, ...]
    text: str
    # "[hvis …]" conditions on the local answers that must hold for an individual agreement to
    # use this variant: the annexed template offers only what the local agreement allows.
    requires: str = ""


class Topic(NamedTuple):
    """A topic of an agreement: a heading, shared parameters and one or more variants."""

    id: str
    agreement: str
    order: int
    kind: str
    title: str
    question: str
    guidance: str
    sources: tuple[str, ...]
    sectors: tuple[str, ...]
    default: str
    params: tuple[Param, ...]
    variants: tuple[Variant, ...]
    file: str

    def variant(self, variant_id: str) -> Variant:
        """Return the variant with this id (KeyError if unknown)."""
        for v in self.variants:
            if v.id == variant_id:
                return v
        raise KeyError(variant_id)

    def params_for(self, variant_id: str) -> tuple[Param, ...]:
        """Topic-level parameters followed by those of the variant."""
        return self.params + self.variant(variant_id).params

    def variant_param(self) -> Param:
        """The pseudo-parameter `variant` a condition compares: the topic's variant ids."""
        return Param(
            "variant",
            "choice",
            self.title,
            "",
            choices=tuple(v.id for v in self.variants),
            choice_texts=tuple(v.name for v in self.variants),
        )

    def all_params(self) -> tuple[Param, ...]:
        """Every parameter of the topic, each name once (topic-level first)."""
        cached = _ALL_PARAMS.get(id(self))
        if cached is not None and cached[0] is self:  # memoised: renderers ask many times
            return cached[1]
        seen: dict[str, Param] = {p.name: p for p in self.params}
        for v in self.variants:
            for p in v.params:
                seen.setdefault(p.name, p)
        result = tuple(seen.values())
        _ALL_PARAMS[id(self)] = (self, result)  # the topic itself kept: its id stays its own
        return result


class Source(NamedTuple):
    """A legal source from FACTS.md §0."""

    id: str
    title: str
    url: str
    sectors: tuple[str, ...]


class Term(NamedTuple):
    """One concept, one word: words the agreement texts must not use, and the word to use."""

    use: str
    avoid: tuple[str, ...]
    why: str
    agreements: tuple[str, ...] = AGREEMENTS
    mid_sentence: bool = False  # only a mistake inside a sentence (a capital after a full stop)
    in_choices: bool = True  # also a mistake in a choice's words (False: the answers supply it)


class Library(NamedTuple):
    """The whole clause library: topics per agreement, sources and a version."""

    version: str
    digest: str
    topics: tuple[Topic, ...]
    sources: dict[str, Source]
    terms: tuple[Term, ...] = ()

    def for_agreement(self, agreement: str) -> tuple[Topic, ...]:
        """Topics of one agreement in document order."""
        return tuple(t for t in self.topics if t.agreement == agreement)

    def topic(self, agreement: str, topic_id: str) -> Topic:
        """Return a topic by agreement and id (KeyError if unknown)."""
        for t in self.topics:
            if t.agreement == agreement and t.id == topic_id:
                return t
        raise KeyError(f"{agreement}.{topic_id}")

    @property
    def version_label(self) -> str:
        """Version plus content digest, as embedded in documents."""
        return f"{self.version}+{self.digest}"
