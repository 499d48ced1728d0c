"""The clause library as records (records.Record): Library → Topic → Variant → Param."""

from __future__ import annotations

from assembler.records import Record

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
# Records rather than dataclasses or NamedTuples: `sammenlign` imports the model to assess a
# round, and both compile generated code at import (see records.py, issue 14).
# Topic.all_params is memoised here, by the topic's identity (a record has no __dict__).
_ALL_PARAMS: dict[int, tuple[Topic, tuple[Param, ...]]] = {}


class Param(Record):
    """A typed parameter that a clause text can mention and an answer must fill."""

    _fields = (
        "name",
        "type",
        "label",
        "help",
        "default",
        "required",
        "choices",
        "choice_texts",
        "min",
        "max",
        "unit",
    )
    __slots__ = _fields

    def __init__(
        self,
        name: str,
        type: str,
        label: str,
        help: str,
        default: object = None,
        required: bool = True,
        choices: tuple[str, ...] = (),
        choice_texts: tuple[str, ...] = (),  # what the document says for each choice, in order
        min: float | None = None,
        max: float | None = None,
        # (singular, plural) printed after a number: én måned, to måneder
        unit: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.type = type
        self.label = label
        self.help = help
        self.default = default
        self.required = required
        self.choices = choices
        self.choice_texts = choice_texts
        self.min = min
        self.max = max
        self.unit = unit

    def choice_text(self, choice: str) -> str:
        """The document's words for a chosen option (the option itself if it has none)."""
        if choice in self.choices and self.choice_texts:
            return self.choice_texts[self.choices.index(choice)]
        return choice


class Variant(Record):
    """One negotiating position within a topic, with its own clause text."""

    _fields = (
        "id",
        "name",
        "position",
        "summary",
        "guidance",
        "sources",
        "sectors",
        "params",
        "text",
        "requires",
    )
    __slots__ = _fields

    def __init__(
        self,
        id: str,
        name: str,
        position: str,
        summary: str,
        guidance: str,
        sources: tuple[str, ...],
        sectors: tuple[str, ...],
        params: tuple[Param, ...],
        text: str,
        # "[hvis …]" conditions on the local answers that must hold for an individual agreement to
        # use this variant: the annexed template offers only what the local agreement allows.
        requires: str = "",
    ) -> None:
        self.id = id
        self.name = name
        self.position = position
        self.summary = summary
        self.guidance = guidance
        self.sources = sources
        self.sectors = sectors
        self.params = params
        self.text = text
        self.requires = requires


class Topic(Record):
    """A topic of an agreement: a heading, shared parameters and one or more variants."""

    _fields = (
        "id",
        "agreement",
        "order",
        "kind",
        "title",
        "question",
        "guidance",
        "sources",
        "sectors",
        "default",
        "params",
        "variants",
        "file",
    )
    __slots__ = _fields

    def __init__(
        self,
        id: str,
        agreement: str,
        order: int,
        kind: str,
        title: str,
        question: str,
        guidance: str,
        sources: tuple[str, ...],
        sectors: tuple[str, ...],
        default: str,
        params: tuple[Param, ...],
        variants: tuple[Variant, ...],
        file: str,
    ) -> None:
        self.id = id
        self.agreement = agreement
        self.order = order
        self.kind = kind
        self.title = title
        self.question = question
        self.guidance = guidance
        self.sources = sources
        self.sectors = sectors
        self.default = default
        self.params = params
        self.variants = variants
        self.file = file

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


class Source(Record):
    """A legal source from FACTS.md §0."""

    _fields = ("id", "title", "url", "sectors")
    __slots__ = _fields

    def __init__(
        self,
        id: str,
        title: str,
        url: str,
        sectors: tuple[str, ...],
    ) -> None:
        self.id = id
        self.title = title
        self.url = url
        self.sectors = sectors


class Term(Record):
    """One concept, one word: words the agreement texts must not use, and the word to use."""

    _fields = ("use", "avoid", "why", "agreements", "mid_sentence", "in_choices")
    __slots__ = _fields

    def __init__(
        self,
        use: str,
        avoid: tuple[str, ...],
        why: str,
        agreements: tuple[str, ...] = AGREEMENTS,
        # only a mistake inside a sentence (a capital after a full stop)
        mid_sentence: bool = False,
        # also a mistake in a choice's words (False: the answers supply it)
        in_choices: bool = True,
    ) -> None:
        self.use = use
        self.avoid = avoid
        self.why = why
        self.agreements = agreements
        self.mid_sentence = mid_sentence
        self.in_choices = in_choices


class Library(Record):
    """The whole clause library: topics per agreement, sources and a version."""

    _fields = ("version", "digest", "topics", "sources", "terms")
    __slots__ = _fields

    def __init__(
        self,
        version: str,
        digest: str,
        topics: tuple[Topic, ...],
        sources: dict[str, Source],
        terms: tuple[Term, ...] = (),
    ) -> None:
        self.version = version
        self.digest = digest
        self.topics = topics
        self.sources = sources
        self.terms = terms

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
